// The README's search section states the server's sort rule, and the examples it gives behave as
// it says on the bundled fixture catalogue.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInvalidSearchParamsError, searchRecords } from '../../src/index.js';
import { parseCategoryRecords } from '../../src/schemas.js';
import { FIXTURE_V2 } from '../../src/testing.js';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('## Search, queries and statistics'),
  readme.indexOf('## Change detection'),
);
const images = parseCategoryRecords('image_generation', FIXTURE_V2.image_generation).records;

describe("the README's search section", () => {
  it("states the server's sort rule", () => {
    expect(section).toMatch(/\*\*The server's sort rule\.\*\*/);
    expect(section).toMatch(
      /decided on the\s+records actually sorted, after the filters and before paging/,
    );
    expect(section).toMatch(/comparable in Python/);
    expect(section).toMatch(/server answers 400 \(500 on\s+`\/v2\/search`\)/);
    expect(section).toMatch(/server answers 404; here the statistics are zeros/);
  });

  it('its examples: refused on the catalogue, a valid empty page when no record is sorted', () => {
    for (const sortBy of ['requirements__clip_skip', 'config__nonexistent']) {
      expect(section).toContain(`\`${sortBy}\``);
      let caught: unknown;
      try {
        searchRecords('image_generation', images, { sortBy: sortBy as 'name' });
      } catch (error) {
        caught = error;
      }
      expect(isInvalidSearchParamsError(caught)).toBe(true);
      expect(
        searchRecords('image_generation', images, {
          sortBy: sortBy as 'name',
          nameContains: 'no model has this name',
        }).total,
      ).toBe(0);
    }
  });
});
