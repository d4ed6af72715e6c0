import { describe, expect, it } from 'vitest';
import { parseByteSize } from '../../src/cli/byte-size.js';
import { terminalSafeJson, terminalText } from '../../src/cli/terminal-text.js';

describe('--budget sizes', () => {
  it.each([
    ['123', 123],
    ['200G', 200e9],
    ['200GB', 200e9],
    ['200 gb', 200e9],
    ['1.5T', 1.5e12],
    ['500M', 500e6],
    ['64K', 64e3],
    ['200Gi', 200 * 2 ** 30],
    ['200GiB', 200 * 2 ** 30],
    ['1.5Ti', 1.5 * 2 ** 40],
    ['.5G', 0.5e9],
    ['0', 0],
  ])('%s is %i bytes', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });

  it.each(['', 'G', '-5G', '5X', '5 G G', '1e9', 'NaN', 'Infinity', '99999999999P'])(
    '%j is refused',
    (text) => {
      expect(parseByteSize(text)).toBeNull();
    },
  );
});

describe('terminal output of data', () => {
  it('escapes control characters and bidirectional overrides, and leaves the rest alone', () => {
    expect(terminalText('evil\u001b[2J\r\u0007')).toBe('evil\\x1b[2J\\x0d\\x07');
    expect(terminalText('C1 \u009b31m')).toBe('C1 \\x9b31m');
    expect(terminalText('file\u202Egpj.exe')).toBe('file\\u202egpj.exe');
    // The invisible bidi marks (ALM, LRM, RLM) reorder what is around them: escaped too.
    expect(terminalText('a\u061cb\u200ec\u200fd')).toBe('a\\u061cb\\u200ec\\u200fd');
    const json = terminalSafeJson(JSON.stringify({ name: 'x\u200f\u202ey' }));
    expect(json).toBe('{"name":"x\\u200f\\u202ey"}');
    expect(JSON.parse(json)).toEqual({ name: 'x\u200f\u202ey' });
    expect(terminalText('AlbedoBase XL (SDXL) — ünïcödé 模型')).toBe(
      'AlbedoBase XL (SDXL) — ünïcödé 模型',
    );
  });
});
