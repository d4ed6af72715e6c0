import { readFile, writeFile } from 'node:fs/promises';
import { fromSnapshot, storageKey, toSnapshot } from '../cache/snapshot.js';
import { fileStorage } from '../node/file-storage.js';
import { cacheDirectory, loadAll } from './context.js';
import { CliError, EXIT } from './io.js';
import type { CommandContext } from './read-commands.js';

/** `watch`: loads everything, then prints each change until stopped (Ctrl-C). */
export async function watchCommand({ refs, io, args }: CommandContext): Promise<number> {
  await loadAll(refs, io);
  refs.on('change', (change) => {
    if (args.global.json) {
      io.stdout(`${JSON.stringify(change)}\n`);
      return;
    }
    const parts = [
      change.added.length > 0 ? `added ${change.added.join(', ')}` : '',
      change.removed.length > 0 ? `removed ${change.removed.join(', ')}` : '',
      ...change.changed.map((c) => `changed ${c.name} (${c.fields.join(', ')})`),
    ].filter(Boolean);
    io.stdout(`${new Date().toISOString()} ${change.category}: ${parts.join('; ')}\n`);
  });
  refs.on('error', ({ error }) => io.stderr(`warning: ${error.message}\n`));
  const intervalMs = args.intervalMs ?? 60_000;
  if (!args.global.json)
    io.stderr(`Watching for changes every ${intervalMs / 1000}s; Ctrl-C stops.\n`);
  await new Promise<void>((resolve) => {
    const stop = refs.watch({ intervalMs, ...(io.signal ? { signal: io.signal } : {}) });
    if (!io.signal) return; // runs until the process is killed
    io.signal.addEventListener(
      'abort',
      () => {
        stop();
        resolve();
      },
      { once: true },
    );
  });
  return EXIT.ok;
}

/** `snapshot export [file]` and `snapshot import <file>`. */
export async function snapshotCommand(context: CommandContext): Promise<number> {
  const { refs, io, args } = context;
  const [action, file] = args.positionals;
  if (action === 'export') {
    await loadAll(refs, io);
    const text = `${JSON.stringify(await refs.exportSnapshot())}\n`;
    if (file) {
      await writeFile(file, text);
      io.stderr(`Wrote ${file}\n`);
    } else io.stdout(text);
    return EXIT.ok;
  }
  if (action === 'import' && file) {
    const snapshot = parseSnapshotFile(await readText(file), file);
    const storage = fileStorage(cacheDirectory(args, io.env));
    for (const result of snapshot) {
      await storage.set(storageKey(result.category), JSON.stringify(toSnapshot(result)));
    }
    io.stderr(`Imported ${snapshot.length} categories into ${cacheDirectory(args, io.env)}\n`);
    return EXIT.ok;
  }
  throw new CliError('usage: snapshot export [file] | snapshot import <file>', EXIT.usage);
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`, EXIT.failure);
  }
}

function parseSnapshotFile(text: string, file: string) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliError(
      `${file} is not JSON (expected a snapshot from "snapshot export")`,
      EXIT.failure,
    );
  }
  const categories = (value as { categories?: unknown }).categories;
  const results = Array.isArray(categories) ? categories.map(fromSnapshot) : [];
  if (results.length === 0 || results.some((r) => r === null))
    throw new CliError(`${file} is not a snapshot from "snapshot export"`, EXIT.failure);
  return results.filter((r) => r !== null);
}
