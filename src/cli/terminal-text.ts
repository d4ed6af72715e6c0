// C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a terminal shows.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what is escaped.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from the data made safe for a terminal: every control character (escape sequences,
 * carriage returns, bells) and bidirectional override is shown as `\xNN` or `\uNNNN` instead of
 * acting on the terminal, so a model name cannot rewrite the screen or disguise itself.
 *
 * @example
 * ```ts
 * safeText('evil\u001b[2J'); // 'evil\\x1b[2J'
 * ```
 */
export function safeText(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
