// One Redis command for many coordinators of one process. A published notice reaches every
// member at once, and each would read the same large entry: 50 managers in a process meant 50
// copies of a category sent by Redis, decoded, and compared, one after the other, on the path of
// propagation (and on a busy leader's loop). Reads of one key asked for in the same turn of the
// event loop (by coordinators on the same server) are sent as one command after the I/O already
// waiting, and everyone who asked gets its answer. Each caller asked before the command was
// sent, so the answer is at least as new as anything published before any of them asked.
import { afterIo } from './with-deadline.js';

/** One coordinator's way to send the command, while it can. */
export interface BatchRunner<T> {
  readonly run: () => Promise<T>;
  /** `false` once its connection is closed: another caller's connection sends the command. */
  readonly usable: () => boolean;
}

interface Batch {
  readonly runners: BatchRunner<unknown>[];
  readonly result: Promise<unknown>;
}

/** The batches not sent yet, by server identity and key. */
const waiting = new Map<string, Batch>();

/**
 * Runs `runner` together with every other call for `key` made in this turn of the event loop:
 * one command, sent by the first caller whose connection is still usable, one answer for all.
 * `key` must name the server (and credentials and database) as well as the command and its key.
 */
export function batched<T>(key: string, runner: BatchRunner<T>): Promise<T> {
  const open = waiting.get(key);
  if (open) {
    open.runners.push(runner);
    return open.result as Promise<T>;
  }
  const runners: BatchRunner<unknown>[] = [runner];
  const result = new Promise<void>((resolve) => afterIo(resolve)).then(() => {
    waiting.delete(key);
    const sender = runners.find((each) => each.usable()) ?? runner;
    return sender.run();
  });
  waiting.set(key, { runners, result });
  return result as Promise<T>;
}

/** A stable name for a server a client was passed in for (its object identity). */
const clientIds = new WeakMap<object, number>();
let clients = 0;

/** The identity of the server behind a coordinator: its URL, or the client object passed in. */
export function serverIdentity(options: { url?: string; client?: object }): string {
  if (options.client) {
    let id = clientIds.get(options.client);
    if (id === undefined) {
      id = ++clients;
      clientIds.set(options.client, id);
    }
    return `client:${id}`;
  }
  return `url:${options.url ?? ''}`;
}
