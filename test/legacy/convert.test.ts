import { describe, expect, it } from 'vitest';
import {
  convertLegacyFile,
  convertLegacyJson,
  isLegacyFormatError,
  LegacyFormatError,
  parseCategoryRecords,
} from '../../src/schemas.js';
import { FIXTURE_LEGACY, FIXTURE_V2 } from '../../src/testing.js';

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('legacy → v2 conversion of the fixtures', () => {
  const files: [string, string][] = [
    ['blip', 'blip.json'],
    ['clip', 'clip.json'],
    ['codeformer', 'codeformer.json'],
    ['controlnet', 'controlnet.json'],
    ['esrgan', 'esrgan.json'],
    ['gfpgan', 'gfpgan.json'],
    ['safety_checker', 'safety_checker.json'],
    ['miscellaneous', 'miscellaneous.json'],
    ['image_generation', 'stable_diffusion.json'],
    ['text_generation', 'models.csv'],
  ];

  it.each(files)('%s from %s equals the hand-written v2 records', (category, file) => {
    const text = FIXTURE_LEGACY.files[file];
    expect(text).toBeDefined();
    const { records, issues } = convertLegacyFile(category as 'clip', text as string);
    expect(issues).toEqual([]);
    expect(plain(records)).toEqual(FIXTURE_V2[category as 'clip']);
  });

  it('reads a legacy file that is [] (as lora.json is) as an empty category', () => {
    const text = FIXTURE_LEGACY.files['lora.json'] as string;
    expect(convertLegacyFile('esrgan', text)).toEqual({ records: {}, issues: [] });
  });

  it('folds the aphrodite/ and koboldcpp/ duplicates of the v1 text shape into one record', () => {
    const { records, issues } = convertLegacyJson(
      'text_generation',
      FIXTURE_LEGACY.v1.text_generation,
    );
    expect(issues).toEqual([]);
    const expected = FIXTURE_V2.text_generation as Record<string, Record<string, unknown>>;
    expect(Object.keys(records).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, record] of Object.entries(records)) {
      for (const field of [
        'parameters',
        'nsfw',
        'url',
        'baseline',
        'style',
        'description',
        'display_name',
      ]) {
        expect(record[field], `${name}.${field}`).toEqual(expected[name]?.[field]);
      }
      // db.json merges the style into the tags, so a CSV tag equal to the style cannot be told
      // from the generated one and is dropped with it (documented difference).
      const withoutStyle = (tags: unknown) =>
        (tags as string[]).filter((tag) => tag !== expected[name]?.style).sort();
      expect(withoutStyle(record.tags), name).toEqual(withoutStyle(expected[name]?.tags));
    }
  });

  it('gives records that validate as v2', () => {
    const { records } = convertLegacyFile(
      'image_generation',
      FIXTURE_LEGACY.files['stable_diffusion.json'] as string,
    );
    expect(parseCategoryRecords('image_generation', records).issues).toEqual([]);
  });
});

describe('bad legacy input', () => {
  it('a malformed JSON file is a LegacyFormatError naming the file', () => {
    const error = (() => {
      try {
        convertLegacyFile('clip', '{"ViT-L/14": {"name": ');
      } catch (caught) {
        return caught;
      }
    })();
    expect(isLegacyFormatError(error)).toBe(true);
    expect((error as LegacyFormatError).file).toBe('clip.json');
    expect((error as Error).message).toMatch(/clip\.json: not valid JSON/);
  });

  it('a non-object payload is a LegacyFormatError', () => {
    expect(() => convertLegacyJson('esrgan', 'html')).toThrow(
      /esrgan\.json: expected a JSON object.*a string/,
    );
    expect(() => convertLegacyJson('esrgan', [1])).toThrow(LegacyFormatError);
  });

  it('a category without a legacy format is refused', () => {
    expect(() => convertLegacyJson('video_generation', {})).toThrow(/no legacy \(v1\) format/);
  });

  it('a record of the wrong type is reported by key and name, and the rest converts', () => {
    const { records, issues } = convertLegacyJson('image_generation', {
      ok: { name: 'ok', baseline: 'stable diffusion 1', nsfw: false },
      wrong: { name: 'wrong', baseline: 'stable_diffusion_xl', type: 'lora', inpainting: 'maybe' },
    });
    expect(Object.keys(records)).toEqual(['ok']);
    expect(issues[0]).toMatchObject({ key: 'wrong', name: 'wrong' });
    expect(issues[0]?.issues.map((i) => i.path).sort()).toEqual(['inpainting', 'type']);
  });

  it('a download entry without a matching file is reported for that record only', () => {
    const { records, issues } = convertLegacyJson('esrgan', {
      a: { name: 'a', config: { files: [], download: [{ file_name: 'x.pth', file_url: 'u' }] } },
      b: { name: 'b' },
    });
    expect(Object.keys(records)).toEqual(['b']);
    expect(issues[0]?.issues[0]?.message).toMatch(/"x\.pth" has no matching config\.files entry/);
  });

  it('a CSV row with the wrong number of cells is reported with its line, and skipped', () => {
    const csv =
      'name,parameters_bn,display_name,url,baseline,description,style,tags,instruct_format,settings\r\na/ok,7,,,,,,,,\r\na/short,7,,\r\n';
    const { records, issues } = convertLegacyFile('text_generation', csv);
    expect(Object.keys(records)).toEqual(['a/ok']);
    expect(issues).toEqual([
      {
        category: 'text_generation',
        key: 'a/short',
        name: 'a/short',
        issues: [{ path: '(row)', message: 'models.csv:3: expected 10 cells, found 4' }],
      },
    ]);
  });

  it('CSV rows with a bad number or bad settings JSON are reported', () => {
    const header =
      'name,parameters_bn,display_name,url,baseline,description,style,tags,instruct_format,settings';
    const { issues } = convertLegacyFile(
      'text_generation',
      `${header}\na/nan,seven,,,,,,,,\na/set,7,,,,,,,,"{""x"": {""y"": 1}}"\n,7,,,,,,,,\n`,
    );
    expect(issues.map((i) => [i.key, i.issues[0]?.path])).toEqual([
      ['a/nan', 'parameters_bn'],
      ['a/set', 'settings'],
      ['models.csv:4', 'name'],
    ]);
  });

  it('a CSV without the expected header, or with an unclosed quote, is a LegacyFormatError', () => {
    expect(() => convertLegacyFile('text_generation', 'name,size\na,1\n')).toThrow(
      /models\.csv:1: the header lacks parameters_bn/,
    );
    expect(() => convertLegacyFile('text_generation', '')).toThrow(/empty/);
    expect(() =>
      convertLegacyFile(
        'text_generation',
        'name,parameters_bn,display_name,url,baseline,description,style,tags,instruct_format,settings\n"a,1\n',
      ),
    ).toThrow(/models\.csv:2: a quoted cell is never closed/);
  });
});
