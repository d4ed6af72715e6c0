import { TEXT_BACKENDS } from '../schemas/text-generation-record.js';

/** Kind of a name part that is neither base, size, version, quant nor variant. */
export type ExtraPartType = 'DATE' | 'LEADING_VERSION';

/** A name part kept aside while parsing, e.g. a date suffix (`2512`) or a leading `4.2.0-`. */
export interface ExtraNamePart {
  readonly value: string;
  /** How many separators precede the part in the original name. */
  readonly position: number;
  readonly inferredType: ExtraPartType;
}

/** The parts of a text model name, as the reference parser splits it. */
export interface ParsedTextModelName {
  readonly originalName: string;
  /** What is left after size, version, quant, variant and date are removed; the group key. */
  readonly baseName: string;
  /** Upper-cased, e.g. `7B`, `1.5B`, `8X7B`. */
  readonly size: string | null;
  /** Original case, e.g. `Instruct`. */
  readonly variant: string | null;
  /** Upper-cased, e.g. `Q4_K_M`, `GGUF`. */
  readonly quant: string | null;
  /** Original case, e.g. `v0.1`. */
  readonly version: string | null;
  /** Lower case, separators folded to `_`. */
  readonly normalizedName: string;
  readonly extras: readonly ExtraNamePart[];
}

// Python's `\b` and `\d` are Unicode-aware on str patterns; JS's are ASCII-only even with the
// `u` flag, so the boundaries are spelled out to give the same answers on non-ASCII names.
const WORD = '[\\p{L}\\p{N}_]';
const START = `(?<!${WORD})`;
const END = `(?!${WORD})`;
const D = '\\p{Nd}';
const pattern = (source: string, flags = 'iu') => new RegExp(source, flags);

const SIZE = [
  pattern(`(?<![a-zA-Z])(${D}+\\.?${D}*[BMK]${D}*)(?![a-zA-Z])`),
  pattern(`(?<![a-zA-Z])(${D}+x${D}+[BMK])(?![a-zA-Z])`),
];
const VERSION = [
  pattern(`(?<![a-zA-Z0-9])([vV]${D}+(?:\\.${D}+)+)(?![a-zA-Z0-9])`),
  pattern(`(?<![a-zA-Z0-9])([vV]${D}+)(?![a-zA-Z0-9.])`),
];
const QUANT = [
  pattern(`${START}(Q[2-8]_K(?:_[SMLH])?)${END}`),
  pattern(`${START}(Q[2-8]_[01])${END}`),
  pattern(`${START}(Q[2-8])${END}`),
  pattern(`${START}(GGUF|GGML|GPTQ|AWQ|EXL2)${END}`),
  pattern(`${START}(fp16|fp32|int8|int4)${END}`),
];
const VARIANT = [
  pattern(`${START}(Instruct|Chat|Code|Base|Uncensored|Finetune|FT)${END}`),
  pattern(`${START}(Thinking|Reasoning)${END}`),
  pattern(`${START}(turbo|preview|latest)${END}`),
];
const DATE = [
  pattern(`(?<![a-zA-Z0-9])(${D}{2}-${D}{4})(?![a-zA-Z0-9])`, 'u'),
  pattern(`(?<![a-zA-Z0-9])(${D}{4}-${D}{2})(?![a-zA-Z0-9])`, 'u'),
  pattern(`(?<![a-zA-Z0-9])(${D}{4})(?![a-zA-Z0-9])`, 'u'),
];
const LEADING_VERSION = pattern(`^(${D}+\\.${D}+(?:\\.${D}+)?)[_\\-]`, 'u');
const SEPARATORS = ['-', '_', ' ', '.'];

/** Removes the first match of the first pattern that matches; returns it and the rest. */
function extract(
  text: string,
  patterns: readonly RegExp[],
): { value: string; index: number; rest: string } | null {
  for (const regex of patterns) {
    const match = regex.exec(text);
    if (match?.[1] !== undefined) {
      const rest = text.slice(0, match.index) + text.slice(match.index + match[0].length);
      return { value: match[1], index: match.index, rest };
    }
  }
  return null;
}

function separatorsBefore(text: string, position: number): number {
  let count = 0;
  for (const char of text.slice(0, position)) if ('-_. '.includes(char)) count++;
  return count;
}

function trimSeparators(text: string): string {
  return text.replace(/^[-_ .]+|[-_ .]+$/g, '');
}

/**
 * Lower-cases a name and folds `-`, space and `.` into single `_`.
 *
 * @example
 * ```ts
 * normalizeModelName('Llama-3-8B-Instruct'); // 'llama_3_8b_instruct'
 * ```
 */
export function normalizeModelName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[- .]/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const cache = new Map<string, ParsedTextModelName>();

/**
 * Splits a text model name into base name, size, version, quantisation, variant and extras,
 * exactly as the reference library does (first match of each kind, in that order).
 *
 * @example
 * ```ts
 * parseTextModelName('Llama-3-8B-Instruct-Q4_K_M');
 * // { baseName: 'Llama-3', size: '8B', variant: 'Instruct', quant: 'Q4_K_M', ... }
 * ```
 */
export function parseTextModelName(name: string): ParsedTextModelName {
  const cached = cache.get(name);
  if (cached) return cached;
  let rest = name;
  const extras: ExtraNamePart[] = [];
  const leading = LEADING_VERSION.exec(rest);
  if (leading?.[1] !== undefined) {
    extras.push({ value: leading[1], position: 0, inferredType: 'LEADING_VERSION' });
    rest = rest.slice(leading[0].length);
  }
  const take = (patterns: readonly RegExp[]) => {
    const found = extract(rest, patterns);
    if (found) rest = found.rest;
    return found;
  };
  const size = take(SIZE)?.value.toUpperCase() ?? null;
  const version = take(VERSION)?.value ?? null;
  const quant = take(QUANT)?.value.toUpperCase() ?? null;
  const variant = take(VARIANT)?.value ?? null;
  const date = take(DATE);
  if (date) {
    // The reference counts separators in the original name at the index found in the reduced
    // one; kept as is so `position` matches the server's parse_name answer.
    extras.push({
      value: date.value,
      position: separatorsBefore(name, date.index),
      inferredType: 'DATE',
    });
  }
  for (const separator of SEPARATORS) {
    const doubled = separator + separator;
    while (rest.includes(doubled)) rest = rest.replaceAll(doubled, separator);
  }
  const base = trimSeparators(rest);
  const parsed: ParsedTextModelName = {
    originalName: name,
    baseName: base === '' ? name : base,
    size,
    variant,
    quant,
    version,
    normalizedName: normalizeModelName(name),
    extras,
  };
  if (cache.size >= 4096) cache.clear();
  cache.set(name, parsed);
  return parsed;
}

/**
 * Removes one leading `aphrodite/` or `koboldcpp/` prefix.
 *
 * @example
 * ```ts
 * stripBackendPrefix('aphrodite/ReadyArt/Broken-Tutu-24B'); // 'ReadyArt/Broken-Tutu-24B'
 * ```
 */
export function stripBackendPrefix(name: string): string {
  const backend = backendPrefixOf(name);
  return backend === null ? name : name.slice(backend.length + 1);
}

/** The backend whose prefix `name` starts with (`aphrodite/...`), or `null`. */
export function backendPrefixOf(name: string): (typeof TEXT_BACKENDS)[number] | null {
  return TEXT_BACKENDS.find((backend) => name.startsWith(`${backend}/`)) ?? null;
}

/**
 * The group key of a text model: the base name after removing the backend prefix and the author.
 *
 * @example
 * ```ts
 * getBaseModelName('koboldcpp/sophosympatheia/StrawberryLemonade-L3-70B-v1.2'); // 'StrawberryLemonade-L3'
 * ```
 */
export function getBaseModelName(name: string): string {
  const withoutBackend = stripBackendPrefix(name);
  const slash = withoutBackend.indexOf('/');
  return parseTextModelName(slash === -1 ? withoutBackend : withoutBackend.slice(slash + 1))
    .baseName;
}

/**
 * Whether the name carries a quantisation marker (`Q4_K_M`, `GGUF`, `fp16`, ...), as the
 * server's `quantized` search filter decides it.
 */
export function isQuantizedVariant(name: string): boolean {
  return parseTextModelName(name).quant !== null;
}
