import type {
  DownloadProgressEvent,
  FileDownloadResult,
  ProgressTotals,
} from '../downloads/download-types.js';
import type { CliIo } from './io.js';
import { bytes } from './table.js';
import { terminalSafeJson, terminalText } from './terminal-text.js';

/** Shows a run's progress events. */
export interface ProgressView {
  readonly event: (event: DownloadProgressEvent) => void;
  /** Stops drawing; what is left of the display is cleared. */
  readonly close: () => void;
}

const WIDTH = 100;

/** Seconds as `35s`, `4m12s`, `1h02m`. */
export function duration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '-';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

const rate = (perSecond: number) => `${bytes(perSecond)}/s`;
const clipTo = (text: string, width: number) =>
  text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`;

function totalsLine(t: ProgressTotals): string {
  const size =
    t.totalBytes === null ? bytes(t.bytes) : `${bytes(t.bytes)} / ${bytes(t.totalBytes)}`;
  return `${t.filesDone}/${t.files} files  ${size}  ${rate(t.rate)}  ETA ${duration(t.etaSeconds)}`;
}

/** The line a finished file leaves behind (escaped: names come from the data). */
export function resultLine(result: FileDownloadResult): string {
  const path = terminalText(result.relativePath ?? result.file.fileName);
  const head = `${result.status.padEnd(11)} ${path}`;
  if (result.status === 'failed') return `${head}  ${terminalText(result.error.message)}`;
  if (result.status === 'interrupted') return `${head}  ${bytes(result.partBytes)} kept in .part`;
  const resumed = result.status === 'resumed' ? ` (${bytes(result.resumedFromBytes)} resumed)` : '';
  return `${head}  ${bytes(result.sizeBytes)}${resumed}${result.verified ? '' : '  (no sha256 to check)'}`;
}

/**
 * The terminal display: one line per file in flight (bar, bytes, speed) and a totals line with
 * the ETA, redrawn at most ten times a second below the lines of finished files.
 */
export function ttyProgress(io: CliIo): ProgressView {
  const active = new Map<
    string,
    { name: string; bytes: number; total: number | null; rate: number }
  >();
  let totals: ProgressTotals | null = null;
  let drawn = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const draw = (permanent: string[] = []) => {
    clearTimeout(timer);
    timer = undefined;
    const lines = [...active.values()].map((f) => {
      const share = f.total ? Math.min(1, f.bytes / f.total) : 0;
      const bar = f.total
        ? `[${'#'.repeat(Math.round(share * 20)).padEnd(20, '.')}] ${String(Math.floor(share * 100)).padStart(3)}%`
        : '[  size unknown  ]    ';
      const size = f.total ? `${bytes(f.bytes)} / ${bytes(f.total)}` : bytes(f.bytes);
      return `  ${clipTo(f.name, 36)} ${bar}  ${size}  ${rate(f.rate)}`.slice(0, WIDTH);
    });
    if (totals) lines.push(`  ${totalsLine(totals)}`.slice(0, WIDTH));
    const up = drawn > 0 ? `\u001b[${drawn}F\u001b[J` : '';
    io.stderr(`${up}${[...permanent, ...lines].map((l) => `${l}\n`).join('')}`);
    drawn = lines.length;
  };
  const later = () => {
    if (!timer && !closed) timer = setTimeout(() => draw(), 100);
  };
  return {
    event: (event) => {
      if (closed) return;
      totals = event.totals;
      const key = event.file.relativePath;
      if (event.type === 'done') {
        active.delete(key);
        if (event.result.status === 'present') return later();
        return draw([resultLine(event.result)]);
      }
      const previous = active.get(key);
      active.set(key, {
        name: terminalText(
          event.file.model === '' ? key : `${event.file.model}: ${event.file.fileName}`,
        ),
        bytes: event.bytes,
        total: event.totalBytes,
        rate: event.type === 'progress' ? event.rate : (previous?.rate ?? 0),
      });
      later();
    },
    close: () => {
      closed = true;
      clearTimeout(timer);
      if (drawn > 0) io.stderr(`\u001b[${drawn}F\u001b[J`);
      drawn = 0;
    },
  };
}

/** Not a terminal: a line when a file starts and ends, and the totals every 10 s at most. */
export function plainProgress(io: CliIo, intervalMs = 10_000): ProgressView {
  let last = Date.now();
  return {
    event: (event) => {
      if (event.type === 'start')
        io.stderr(
          `${'start'.padEnd(11)} ${terminalText(event.file.relativePath)} (${terminalText(event.file.model)})\n`,
        );
      else if (event.type === 'done') {
        if (event.result.status !== 'present') io.stderr(`${resultLine(event.result)}\n`);
      } else if (Date.now() - last >= intervalMs) {
        last = Date.now();
        io.stderr(`${'progress'.padEnd(11)} ${totalsLine(event.totals)}\n`);
      }
    },
    close: () => {},
  };
}

/** A result as JSON: the error as its reason, status and message. */
export function resultJson(result: FileDownloadResult): object {
  const { file, ...rest } = result;
  const base = { ...rest, fileName: file.fileName, expectedSha256: file.sha256 };
  if (result.status !== 'failed') return base;
  const { error } = result;
  return { ...base, error: { reason: error.reason, status: error.status, message: error.message } };
}

/**
 * One JSON object on its own line: exactly the data, with DEL, C1 and bidi controls as `\uXXXX`
 * escapes so a terminal never acts on a name from the data.
 */
export function jsonLine(io: CliIo, value: unknown): void {
  io.stdout(`${terminalSafeJson(JSON.stringify(value))}\n`);
}

/** `--json`: one JSON object per line for each start and end, and per file at most every second. */
export function jsonProgress(io: CliIo): ProgressView {
  const last = new Map<string, number>();
  return {
    event: (event) => {
      const { file, totals } = event;
      if (event.type === 'progress') {
        const now = Date.now();
        if (now - (last.get(file.relativePath) ?? 0) < 1000) return;
        last.set(file.relativePath, now);
        jsonLine(io, {
          type: 'progress',
          file,
          bytes: event.bytes,
          totalBytes: event.totalBytes,
          rate: event.rate,
          totals,
        });
      } else if (event.type === 'start')
        jsonLine(io, {
          type: 'start',
          file,
          bytes: event.bytes,
          totalBytes: event.totalBytes,
          totals,
        });
      else jsonLine(io, { type: 'done', file, result: resultJson(event.result), totals });
    },
    close: () => {},
  };
}
