import type { ChangeDetector } from '../changes/change-detector.js';
import { type ChangeCheckpoint, parseChangeCheckpoint } from '../changes/change-tokens.js';
import { InvalidFleetEntryError } from '../errors/invalid-fleet-entry-error.js';
import type { FleetMember } from './fleet-member.js';
import { CHANGE_TOKENS_TOPIC } from './fleet-topics.js';

/** The `format` of a published change-token payload. */
const FORMAT = 'horde-model-reference/change-tokens';

/**
 * The leader's change tokens in a fleet (issue 15, "never worse than without a coordinator"): a
 * member that goes standalone, or takes over, carries on from what the leader's change detection
 * last established about the very records it holds, so its first checks cost one metadata
 * request instead of a download per category. The leader publishes a check's result when it
 * differs from what it published last; followers read each new version; what the store holds is
 * validated, and a refused entry is an `error` event (the tokens are then simply not used).
 */
export class TokensLink {
  readonly #member: FleetMember;
  readonly #failed: (error: unknown) => void;
  /** The newest checkpoint read or published, with its store version. */
  #held: { readonly version: number; readonly checkpoint: ChangeCheckpoint } | undefined;
  #published: string | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(member: FleetMember, failed: (error: unknown) => void) {
    this.#member = member;
    this.#failed = failed;
  }

  /** Before a check of the member's own (standalone, or leading): carry on from the leader's. */
  adopt(detector: ChangeDetector): void {
    if (this.#held) detector.adopt(this.#held.checkpoint);
  }

  /** Leader, after a check: publishes what it established when that is news. */
  share(detector: ChangeDetector): void {
    const checkpoint = detector.checkpoint();
    if (!checkpoint) return;
    const payload = JSON.stringify({ format: FORMAT, version: 1, checkpoint });
    this.#serial(async () => {
      if (payload === this.#published) return;
      const version = await this.#member.publish(CHANGE_TOKENS_TOPIC, payload);
      if (version === null) return;
      this.#published = payload;
      this.#held = { version, checkpoint };
    });
  }

  /** A newer version is in the store: read it. */
  published(): void {
    this.#serial(async () => {
      const entry = await this.#member.read(CHANGE_TOKENS_TOPIC);
      if (!entry || entry.version <= (this.#held?.version ?? 0)) return;
      let value: unknown;
      try {
        value = JSON.parse(entry.payload);
      } catch {
        value = undefined;
      }
      const checkpoint =
        typeof value === 'object' &&
        value !== null &&
        (value as { format?: unknown }).format === FORMAT &&
        (value as { version?: unknown }).version === 1
          ? parseChangeCheckpoint((value as { checkpoint?: unknown }).checkpoint)
          : null;
      if (!checkpoint)
        throw new InvalidFleetEntryError(
          CHANGE_TOKENS_TOPIC,
          entry.version,
          `the payload is not a ${FORMAT} version 1 checkpoint`,
        );
      this.#held = { version: entry.version, checkpoint };
    });
  }

  #serial(run: () => Promise<void>): void {
    const next = this.#queue.then(run);
    this.#queue = next.catch(() => {});
    next.catch(this.#failed);
  }
}
