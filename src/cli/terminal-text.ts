// Text from the data (names, baselines, server messages) reaches a terminal that would obey any
// control sequence in it: `ESC ]0;…` retitles the window, `ESC [2J` clears the screen, a C1 CSI
// (U+009B) does the same on terminals that honour 8-bit controls, and bidi overrides make a line
// read differently from what it is (the invisible marks ALM, LRM and RLM reorder neutral
// characters around them). Such characters are shown escaped, never sent.

// C0 (U+0000-U+001F), DEL, C1 (U+0080-U+009F), the bidi marks and the embedding/override/isolate
// controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_KEEPING_NEWLINES =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: as above, newlines left out.
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escaped = (char: string): string => {
  const code = char.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * `text` with every control character shown as `\x1b` / `\u202e` instead of being sent to the
 * terminal. `keepNewlines` keeps `\n` for messages the CLI itself lays out on several lines.
 *
 * @example
 * ```ts
 * terminalText('evil\u001b]0;pwned\u0007'); // 'evil\\x1b]0;pwned\\x07'
 * ```
 */
export function terminalText(text: string, options: { keepNewlines?: boolean } = {}): string {
  return text.replace(options.keepNewlines ? UNSAFE_KEEPING_NEWLINES : UNSAFE, escaped);
}

// Inside JSON strings C0 is already escaped by JSON.stringify; DEL, C1 and bidi controls are
// not. `\u009b` is the same JSON value as the raw character, so the output stays exact data.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with DEL, C1 and bidi controls written as `\uXXXX` escapes: the same JSON value
 * (`JSON.parse` gives back exactly the data), but nothing a terminal would act on.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(
    UNSAFE_IN_JSON,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
