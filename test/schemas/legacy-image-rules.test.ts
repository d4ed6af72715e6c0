// Two rules of the legacy image record schema, written as predicates (oneOf, z.custom) to keep
// zod's literal and refine types out of the core bundle: they report exactly what the literal and
// the refinement reported (same paths, messages saying what was expected and found, every offending showcase, not only the first).
import { describe, expect, it } from 'vitest';
import { parseWith } from '../../src/schemas/parse-records.js';
import { legacyStableDiffusionRecordSchema } from '../../src/schemas.js';

const base = { name: 'm', baseline: 'stable diffusion 1', config: {} };

describe('legacy image record rules', () => {
  it("type defaults to 'ckpt' and accepts only 'ckpt'", () => {
    const absent = parseWith(legacyStableDiffusionRecordSchema, base);
    expect(absent.ok && absent.record.type).toBe('ckpt');
    for (const type of ['lora', 'CKPT', 1, null]) {
      const parsed = parseWith(legacyStableDiffusionRecordSchema, { ...base, type });
      expect(parsed).toEqual({
        ok: false,
        issues: [{ path: 'type', message: `expected "ckpt", got ${JSON.stringify(type)}` }],
      });
    }
  });

  it('names every showcase hosted on huggingface, by its index', () => {
    const parsed = parseWith(legacyStableDiffusionRecordSchema, {
      ...base,
      showcases: ['https://huggingface.co/a.png', 'https://example.com/b.png', 'huggingface/c'],
    });
    expect(parsed).toEqual({
      ok: false,
      issues: [
        {
          path: 'showcases.0',
          message:
            'showcases must not be hosted on huggingface, got "https://huggingface.co/a.png"',
        },
        {
          path: 'showcases.2',
          message: 'showcases must not be hosted on huggingface, got "huggingface/c"',
        },
      ],
    });
    const fine = parseWith(legacyStableDiffusionRecordSchema, {
      ...base,
      showcases: ['https://example.com/b.png'],
    });
    expect(fine.ok).toBe(true);
  });
});
