import { readFile, writeFile } from 'node:fs/promises';
import { fromSnapshot, storageKey, toSnapshot } from '../cache/snapshot.js';
import { CATEGORIES } from '../categories.js';
import { fileStorage } from '../node/file-storage.js';
import type { CategoryResult } from '../records/category-result.js';
import { closestMatches } from '../util/closest-matches.js';
import { didYouMeanHint } from './args.js';
import { type CommandContext, failuresExitCode } from './command-context.js';
import { loadAll } from './context.js';
import { CliError, EXIT } from './io.js';

const NOT_A_SNAPSHOT = 'expected a file written by `horde-model-reference snapshot export`';

/** `snapshot export [file]` and `snapshot import <file>`. */
export async function snapshotCommand(context: CommandContext): Promise<number> {
  const [action, file] = context.args.positionals;
  if (action === 'export') return exportSnapshot(context, file);
  if (action === 'import' && file !== undefined) return importSnapshot(context, file);
  if (action === 'import')
    throw new CliError('snapshot import needs a file: snapshot import <file>', EXIT.usage);
  const closest = closestMatches(action ?? '', ['export', 'import']);
  throw new CliError(
    `unknown snapshot action "${action}"${didYouMeanHint(closest)}; usage: snapshot export [file] | snapshot import <file>`,
    EXIT.usage,
    { code: 'UNKNOWN_ACTION', closest },
  );
}

async function exportSnapshot(context: CommandContext, file: string | undefined): Promise<number> {
  const { refs, io } = context;
  const failures = await loadAll(refs, io, context.line);
  const code = failuresExitCode(context, failures, CATEGORIES.length);
  if (code !== EXIT.ok) return code;
  const snapshot = await refs.exportSnapshot();
  const text = `${JSON.stringify(snapshot)}\n`;
  if (file === undefined) {
    io.stdout(text);
    return EXIT.ok;
  }
  try {
    await writeFile(file, text);
  } catch (error) {
    throw new CliError(`cannot write ${file}: ${(error as Error).message}`, EXIT.failure);
  }
  io.stderr(`Wrote ${snapshot.categories.length} categories to ${file}\n`);
  return EXIT.ok;
}

// Writes straight into the cache folder, in the format the manager's file storage reads back: a
// later run (with or without --offline) finds the data as if it had fetched it itself.
async function importSnapshot(context: CommandContext, file: string): Promise<number> {
  const { io, cacheDir } = context;
  const results = parseSnapshotFile(await readText(file), file);
  const storage = fileStorage(cacheDir);
  for (const result of results)
    await storage.set(storageKey(result.category), JSON.stringify(toSnapshot(result)));
  const names = results.map((r) => r.category).join(', ');
  io.stderr(`Imported ${results.length} categories into ${cacheDir}: ${names}\n`);
  return EXIT.ok;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`, EXIT.failure);
  }
}

function parseSnapshotFile(text: string, file: string): CategoryResult[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliError(`${file} is not JSON; ${NOT_A_SNAPSHOT}`, EXIT.failure);
  }
  const categories = (value as { categories?: unknown } | null)?.categories;
  // Not `.map(fromSnapshot)`: its second parameter is the clock, and map would pass the index.
  const results = Array.isArray(categories) ? categories.map((c) => fromSnapshot(c)) : [];
  if (results.length === 0 || results.some((r) => r === null))
    throw new CliError(`${file} is not a snapshot; ${NOT_A_SNAPSHOT}`, EXIT.failure);
  return results.filter((r) => r !== null);
}
