// The baseline catalog's two checks (a non-empty name, baselines keyed by their own name) are
// z.custom checks that do not abort, which is what z.refine builds: the same issues, word for word.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  imageBaselineCatalogSchema,
  imageBaselineRecordSchema,
} from '../../src/schemas/baseline-catalog.js';
import { parseWith } from '../../src/schemas/parse-records.js';

const record = (name: unknown) => ({ name });

describe('the baseline catalog checks', () => {
  it('refuse an empty name, as z.refine would', () => {
    const refined = z.looseObject({
      name: z.string().check(z.refine((s) => s.length > 0, 'must not be empty')),
    });
    for (const value of [record(''), record('sdxl'), record(5), {}])
      expect(imageBaselineRecordSchema.safeParse(value).error?.issues).toEqual(
        refined.safeParse(value).error?.issues,
      );
    expect(parseWith(imageBaselineRecordSchema, record(''))).toEqual({
      ok: false,
      issues: [{ path: 'name', message: 'must not be empty, got ""' }],
    });
  });

  it('refuse a baseline under another name than its own', () => {
    const result = parseWith(imageBaselineCatalogSchema, {
      baselines: { sdxl: record('sdxl'), flux: record('flux_1') },
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'baselines',
          message: 'every baseline must be keyed by its own name, got an object',
        },
      ],
    });
    expect(parseWith(imageBaselineCatalogSchema, { baselines: { sdxl: record('sdxl') } }).ok).toBe(
      true,
    );
  });
});
