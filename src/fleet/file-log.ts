// The file coordinator's store: a log of whole states in `state/`, one immutable file per step,
// numbered. A step is committed by hard-linking a fully written temp file to the next number:
// link() fails when that number exists, so of two processes racing from the same state exactly
// one wins (compare-and-swap on the file system) and the other reads again. Nothing is ever
// locked, so a process killed or paused at any point cannot block the others, and a paused one
// that resumes finds its step refused. Payloads are immutable files in `data/`, written to
// `tmp/` and renamed into place before the step that refers to them.
import { randomUUID } from 'node:crypto';
import { link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EMPTY_FLEET_STATE, type FleetState, parseFleetState } from './fleet-state.js';
import type { FleetTopic } from './fleet-topics.js';

/** How many past steps stay on disk (readers that listed the folder just before a prune). */
const KEEP_STEPS = 32;
/** Unreferenced payloads and temp files older than this are garbage from a crashed writer. */
const GARBAGE_AGE_MS = 60_000;
const STEP = /^(\d{16})\.json$/;
const DATA = /^([a-z_]+)\.[0-9a-f-]{36}\.json$/;

/** The latest readable step: its number (the highest on disk) and the state it holds. */
export interface FileStep {
  readonly seq: number;
  readonly state: FleetState;
}

/**
 * What a transaction did: the state it started from, the state it committed (`null` when the
 * step made no change) and the number of the latest step it knows (the one it committed, or the
 * one it read).
 */
export interface FileCommit {
  readonly before: FleetState;
  readonly after: FleetState | null;
  readonly seq: number;
}

export class FileFleetLog {
  readonly #state: string;
  readonly #data: string;
  readonly #tmp: string;
  #ready: Promise<unknown> | undefined;

  /** `root`: the fleet's folder (`<dir>/fleet`). */
  constructor(root: string) {
    this.#state = join(root, 'state');
    this.#data = join(root, 'data');
    this.#tmp = join(root, 'tmp');
  }

  /** The state folder: its modification time changes with every step (the change marker). */
  get marker(): string {
    return this.#state;
  }

  /** The latest step; an unreadable or corrupt step is skipped (the next one goes after it). */
  async latest(): Promise<FileStep> {
    let names: string[];
    try {
      names = (await readdir(this.#state))
        .filter((name) => STEP.test(name))
        .sort()
        .reverse();
    } catch (error) {
      if (code(error) === 'ENOENT') return { seq: 0, state: EMPTY_FLEET_STATE };
      throw error;
    }
    const seq = names.length > 0 ? Number(names[0]?.slice(0, 16)) : 0;
    for (const name of names) {
      let text: string;
      try {
        text = await readFile(join(this.#state, name), 'utf8');
      } catch (error) {
        if (code(error) === 'ENOENT') continue; // pruned meanwhile: an older one is no better
        throw error;
      }
      const state = parseJson(text);
      if (state) return { seq, state };
    }
    return { seq, state: EMPTY_FLEET_STATE };
  }

  /** Every readable step after `seq`, oldest first (what happened since a subscriber last looked). */
  async stepsAfter(seq: number): Promise<FileStep[]> {
    let names: string[];
    try {
      names = (await readdir(this.#state)).filter((name) => STEP.test(name)).sort();
    } catch (error) {
      if (code(error) === 'ENOENT') return [];
      throw error;
    }
    const steps: FileStep[] = [];
    for (const name of names) {
      const number = Number(name.slice(0, 16));
      if (number <= seq) continue;
      const text = await readFile(join(this.#state, name), 'utf8').catch(() => null);
      const state = text === null ? null : parseJson(text);
      if (state) steps.push({ seq: number, state });
    }
    return steps;
  }

  /**
   * Applies `step` to the latest state and commits the result as the next step, reading again
   * when another process committed first.
   */
  async transact(step: (state: FleetState, now: number) => FleetState | null): Promise<FileCommit> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const { seq, state } = await this.latest();
      const next = step(state, Date.now());
      if (!next) return { before: state, after: null, seq };
      if (await this.#commit(seq + 1, next)) return { before: state, after: next, seq: seq + 1 };
      await new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 4 * (attempt + 1)));
    }
    throw new Error('too many processes changed the fleet folder at once; try again');
  }

  /** Stores a payload in a file of its own and returns its name. */
  async writeData(category: FleetTopic, payload: string): Promise<string> {
    const ref = `${category}.${randomUUID()}.json`;
    await this.#withFolders(async () => {
      const temporary = join(this.#tmp, `${ref}.tmp`);
      await writeFile(temporary, payload, { encoding: 'utf8', flush: true });
      await rename(temporary, join(this.#data, ref));
    });
    return ref;
  }

  /** A payload by name, or `null` when it is gone (or the name is not one of ours). */
  async readData(ref: string): Promise<string | null> {
    if (!DATA.test(ref)) return null;
    try {
      return await readFile(join(this.#data, ref), 'utf8');
    } catch (error) {
      if (code(error) === 'ENOENT') return null;
      throw error;
    }
  }

  async removeData(ref: string): Promise<void> {
    if (DATA.test(ref)) await rm(join(this.#data, ref), { force: true });
  }

  /** Removes `category`'s old payloads except `keep`, and temp files left by crashed writers. */
  async sweep(category: FleetTopic, keep: ReadonlySet<string>): Promise<void> {
    const old = Date.now() - GARBAGE_AGE_MS;
    const remove = async (folder: string, name: string) => {
      const info = await stat(join(folder, name)).catch(() => null);
      if (info && info.mtimeMs < old) await rm(join(folder, name), { force: true });
    };
    for (const name of await readdir(this.#data).catch(() => [])) {
      if (DATA.exec(name)?.[1] === category && !keep.has(name)) await remove(this.#data, name);
    }
    for (const name of await readdir(this.#tmp).catch(() => [])) await remove(this.#tmp, name);
  }

  /** Writes step `seq` unless it exists; prunes old steps after a win. */
  async #commit(seq: number, state: FleetState): Promise<boolean> {
    const name = `${String(seq).padStart(16, '0')}.json`;
    const temporary = join(this.#tmp, `${randomUUID()}.step.tmp`);
    try {
      await this.#withFolders(async () => {
        await writeFile(temporary, JSON.stringify(state), { encoding: 'utf8', flush: true });
        await link(temporary, join(this.#state, name));
      });
    } catch (error) {
      if (code(error) === 'EEXIST') return false;
      throw error;
    } finally {
      await rm(temporary, { force: true });
    }
    if (seq > KEEP_STEPS) {
      const stale = `${String(seq - KEEP_STEPS).padStart(16, '0')}.json`;
      await rm(join(this.#state, stale), { force: true }).catch(() => {});
    }
    return true;
  }

  /** Runs `write`, creating the folders first, and again if they vanished (a wiped folder). */
  async #withFolders(write: () => Promise<void>): Promise<void> {
    await this.#folders();
    try {
      await write();
    } catch (error) {
      if (code(error) !== 'ENOENT') throw error;
      this.#ready = undefined;
      await this.#folders();
      await write();
    }
  }

  async #folders(): Promise<void> {
    this.#ready ??= Promise.all(
      [this.#state, this.#data, this.#tmp].map((folder) => mkdir(folder, { recursive: true })),
    );
    try {
      await this.#ready;
    } catch (error) {
      this.#ready = undefined; // try again next time: the folder may come back
      throw error;
    }
  }
}

function parseJson(text: string): FleetState | null {
  try {
    return parseFleetState(JSON.parse(text));
  } catch {
    return null;
  }
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}
