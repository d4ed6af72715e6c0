import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiReport, ENTRIES, entryExports } from '../../scripts/api-report.js';

const root = resolve(import.meta.dirname, '../..');

// Names that were public in 0.1 and are internal plumbing or third-party types: never again.
const INTERNAL = [
  'createHttpClient',
  'HttpClientOptions',
  'KyInstance',
  'primaryUrls',
  'githubFileUrl',
  'roundHalfEven',
  'TEXT_CSV_COLUMNS',
  'listOf',
  'nullableBoolean',
  'nullableString',
  'nullableNumber',
  'listOrEmpty',
  'tagListSchema',
  'settingsMapSchema',
  'toSearchQuery',
  'validateSearchParams',
  'createTransport',
];

describe('the public surface', () => {
  it('API-REPORT.md lists exactly what every entry exports (run `npm run api-report` after a deliberate change)', () => {
    expect(readFileSync(resolve(root, 'API-REPORT.md'), 'utf8')).toBe(apiReport());
  });

  it('the root entry exports at most 100 names, none of them internal plumbing', () => {
    const names = entryExports(ENTRIES['horde-model-reference'] as string).map((n) => n.name);
    expect(names.length).toBeLessThanOrEqual(100);
    expect(names.filter((name) => INTERNAL.includes(name))).toEqual([]);
    // The API client and the schemas have entries of their own.
    expect(names).not.toContain('createApiClient');
    expect(names.filter((name) => name.endsWith('Schema'))).toEqual([]);
  });

  it('no entry exports internal plumbing', () => {
    for (const file of Object.values(ENTRIES)) {
      const names = entryExports(file).map((n) => n.name);
      expect(
        names.filter((name) => INTERNAL.includes(name)),
        file,
      ).toEqual([]);
    }
  });

  it('every value an entry lists exists at run time, and nothing else does', async () => {
    for (const file of ['src/index.ts', 'src/api.ts', 'src/schemas.ts']) {
      const listed = entryExports(file)
        .filter((n) => n.kind === 'value')
        .map((n) => n.name);
      const actual = Object.keys(await import(resolve(root, file))).sort();
      expect(actual, file).toEqual(listed);
    }
  });
});
