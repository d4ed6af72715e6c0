import { parseByteSize } from './byte-size.js';
import { CliError, EXIT } from './io.js';

/** The options of `plan` and `download`, checked. */
export interface DownloadArgs {
  /** `--root`, each value split at commas, in order. */
  readonly roots: readonly string[];
  readonly budgetBytes: number | undefined;
  readonly order: 'catalogue' | 'newest' | 'usage';
  readonly usageFile: string | undefined;
  readonly top: number | undefined;
  readonly concurrency: number | undefined;
  readonly connections: number | undefined;
  readonly mirrors: readonly string[];
  /** Host → bearer token (null prototype). */
  readonly tokens: Readonly<Record<string, string>>;
  readonly quick: boolean;
}

/** Parsed option values; `multiple` options hold arrays. */
export type DownloadValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

const usage = (message: string) => new CliError(message, EXIT.usage);

function many(value: string | boolean | string[] | undefined): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return list
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function whole(name: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (
    typeof value !== 'string' ||
    value.trim() === '' ||
    !Number.isInteger(n) ||
    n < min ||
    n > max
  )
    throw usage(
      `--${name} expects a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}, got "${String(value)}"`,
    );
  return n;
}

/**
 * Reads the `plan`/`download` options out of the parsed values.
 *
 * @throws {CliError} (exit 2) for a malformed size, number, order, URL or token.
 */
export function downloadArgs(values: DownloadValues): DownloadArgs {
  const budget = values.budget;
  let budgetBytes: number | undefined;
  if (typeof budget === 'string') {
    const parsed = parseByteSize(budget);
    if (parsed === null)
      throw usage(
        `--budget expects a size such as 200G, 1.5T, 500Gi or 123456789 (bytes), got "${budget}"`,
      );
    budgetBytes = parsed;
  }
  const order = values.order ?? 'catalogue';
  if (order !== 'catalogue' && order !== 'newest' && order !== 'usage')
    throw usage(`--order expects catalogue, newest or usage, got "${String(order)}"`);
  const usageFile = typeof values.usage === 'string' ? values.usage : undefined;
  if (order === 'usage' && usageFile === undefined)
    throw usage('--order usage needs --usage <file.json> with {"model name": count}');
  const mirrors = many(values.mirror);
  for (const mirror of mirrors) {
    let protocol = '';
    try {
      protocol = new URL(mirror).protocol;
    } catch {}
    if (protocol !== 'http:' && protocol !== 'https:')
      throw usage(`--mirror expects an http(s) URL, got "${mirror}"`);
  }
  const tokens: Record<string, string> = Object.create(null);
  for (const entry of Array.isArray(values.token) ? values.token : []) {
    const at = entry.indexOf('=');
    const host = entry.slice(0, at).trim().toLowerCase();
    // The value is never echoed: it is a secret.
    if (at <= 0 || entry.slice(at + 1) === '' || !/^[a-z0-9.-]+(:\d+)?$/.test(host))
      throw usage('--token expects <host>=<token>, e.g. civitai.com=abc123');
    tokens[host] = entry.slice(at + 1);
  }
  return {
    roots: many(values.root),
    budgetBytes,
    order,
    usageFile,
    top: whole('top', values.top, 0),
    concurrency: whole('concurrency', values.concurrency, 1, 64),
    connections: whole('connections', values.connections, 1, 8),
    mirrors,
    tokens,
    quick: values.quick === true,
  };
}
