// Validation messages say what was expected and what was found, for hostile records too: never
// zod's bare "Invalid input", never a record's contents, never a prototype's.
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createApiClient, isMalformedResponseError } from '../../src/api.js';
import { issueMessage } from '../../src/schemas/issue-message.js';
import { oneOf } from '../../src/schemas/one-of.js';
import { parseCategoryRecords, parseRecord } from '../../src/schemas/parse-records.js';
import { FIXTURE_V2 } from '../../src/testing.js';
import { mswFetch } from '../helpers/msw-fetch.js';

const ALBEDO = FIXTURE_V2.image_generation['AlbedoBase XL (SDXL)'] as Record<string, unknown>;

/** The messages of a record that fails, keyed by path. */
function messages(category: 'image_generation' | 'text_generation' | 'clip', raw: unknown) {
  const parsed = parseRecord(category, raw);
  if (parsed.ok) throw new Error('expected the record to fail');
  return Object.fromEntries(parsed.issues.map((i) => [i.path, i.message]));
}

describe('record issue messages', () => {
  it('say what was expected and what was found', () => {
    expect(
      messages('image_generation', {
        ...ALBEDO,
        nsfw: 'maybe',
        inpainting: {},
        tags: ['ok', 1],
        description: 5n,
        requirements: 7,
      }),
    ).toEqual({
      nsfw: 'expected boolean, got "maybe"',
      inpainting: 'expected boolean, got an object',
      'tags.1': 'expected string, got 1',
      description: 'expected string, got 5n',
      requirements: 'expected an object, got 7',
    });
  });

  it('say a required field is missing', () => {
    const { name: _, ...nameless } = ALBEDO;
    expect(messages('image_generation', nameless)).toEqual({
      name: 'missing (expected string)',
    });
  });

  it('never say "Invalid input", whatever the value', () => {
    const hostile: unknown[] = [
      { name: 42 },
      { name: 'x', config: 'nope' },
      { name: 'x', config: { download: [null, 5, { file_name: [] }] } },
      { name: 'x', settings: [] },
      { name: 'x', parameters: Number.NaN },
      { name: 'x', baseline: Symbol('s') },
      { name: 'x', nsfw: () => 1 },
    ];
    for (const raw of hostile)
      for (const category of ['image_generation', 'text_generation', 'clip'] as const) {
        const parsed = parseRecord(category, raw);
        if (parsed.ok) continue;
        for (const issue of parsed.issues) {
          expect(issue.message).not.toMatch(/Invalid input/);
          expect(issue.message).toMatch(/expected|Expected|missing|got/);
        }
      }
  });

  it('show hostile values short and escaped, and never an object’s contents', () => {
    const long = `\u001b]0;pwned\u0007${'x'.repeat(10_000)}`;
    const message = messages('image_generation', { ...ALBEDO, nsfw: long }).nsfw ?? '';
    expect(message.length).toBeLessThan(200);
    expect(message).not.toContain('\u001b');
    expect(message).toContain('\\u001b]0;pwned');
    const secret = messages('image_generation', {
      ...ALBEDO,
      requirements: ['the-secret-inside'],
    });
    expect(JSON.stringify(secret)).not.toContain('the-secret-inside');
    expect(secret.requirements).toBe('expected an object, got an array of 1');
  });

  it('read the value found through own keys only (no prototype lookups)', () => {
    // A path into a missing key named like a prototype member reads nothing from the prototype.
    const schema = z.object({ constructor: z.string(), toString: z.number() });
    const raw = {};
    const result = schema.safeParse(raw);
    expect(result.success).toBe(false);
    const texts = result.error?.issues.map((issue) => issueMessage(issue, raw));
    expect(texts).toEqual(['missing (expected string)', 'missing (expected number)']);
  });

  it('name the allowed values of an enum-like field', () => {
    const raw = 'vllm';
    const result = oneOf(['aphrodite', 'koboldcpp', 'ollama']).safeParse(raw);
    const issue = result.error?.issues[0];
    expect(issue && issueMessage(issue, raw)).toBe(
      'expected one of "aphrodite", "koboldcpp", "ollama", got "vllm"',
    );
    const pair = z.literal(['v1', 'v2']).safeParse('v3');
    expect(pair.error?.issues[0] && issueMessage(pair.error.issues[0], 'v3')).toBe(
      'expected "v1" or "v2", got "v3"',
    );
  });

  it('describe bounds, formats, unions and unknown keys', () => {
    const schema = z.strictObject({
      n: z.number().check(z.gte(0)),
      s: z.string().check(z.minLength(2)),
      a: z.array(z.string()).check(z.maxLength(1)),
      u: z.union([z.string(), z.number()]),
      r: z.string().check(z.regex(/^a+$/)),
    });
    const raw = { n: -1, s: 'x', a: ['1', '2'], u: true, r: 'b', extra: 1, more: 2 };
    const result = schema.safeParse(raw);
    expect(result.error?.issues.map((issue) => issueMessage(issue, raw))).toEqual([
      'expected a number >= 0, got -1',
      'expected at least 2 characters, got "x"',
      'expected at most 1 items, got an array of 2',
      'expected string or number, got true',
      'expected a string matching /^a+$/, got "b"',
      'unexpected keys "extra", "more"',
    ]);
  });

  it('reach invalid-record issues of a whole category', () => {
    const { records, issues } = parseCategoryRecords('clip', {
      good: { name: 'good' },
      bad: { name: 'bad', description: ['yes'] },
    });
    expect(Object.keys(records)).toEqual(['good']);
    expect(issues).toEqual([
      {
        category: 'clip',
        key: 'bad',
        name: 'bad',
        issues: [{ path: 'description', message: 'expected string, got an array of 1' }],
      },
    ]);
  });
});

describe("the API client's MalformedResponseError reasons", () => {
  it('say where, what was expected and what came', async () => {
    const api = createApiClient({
      baseUrl: 'http://primary.test/api',
      retry: 0,
      fetch: mswFetch([
        http.get('http://primary.test/api/replicate_mode', () =>
          HttpResponse.json({ replicate_mode: 'PRIMARY', canonical_format: 'v2', writable: 'yes' }),
        ),
      ]),
    });
    const error = await api.replicateMode().catch((e: unknown) => e);
    expect(isMalformedResponseError(error)).toBe(true);
    expect((error as Error).message).toContain(
      'an unexpected shape (writable: expected boolean, got "yes")',
    );
  });
});
