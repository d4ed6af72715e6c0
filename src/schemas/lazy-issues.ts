// Validation messages worded on demand, for the manager's reads: the wording (issue-message.ts)
// is a chunk loaded when the first invalid record is met, since most managers never meet one.
// Every path that hands an issue out (an `invalid-record` event, the logger) first waits for
// issueMessagesReady(), so a message reads the same as one worded at once (parse-records.ts).
import type * as z from 'zod/mini';
import { type FieldIssue, issuePath } from './record-validation.js';

type Wording = typeof import('./issue-message.js').issueMessage;

let wording: Wording | undefined;
let loading: Promise<void> | undefined;

/**
 * Resolves when every issue met so far can be worded: at once when none was met. Never rejects:
 * if the chunk cannot load (a browser that went offline), the messages are zod's terse ones.
 */
export function issueMessagesReady(): Promise<void> {
  return loading ?? Promise.resolve();
}

/** Loads the wording (once); {@link lazyFieldIssue} starts it. */
export function loadIssueMessages(): Promise<void> {
  loading ??= import('./issue-message.js').then(
    (module) => {
      wording = module.issueMessage;
    },
    () => undefined,
  );
  return loading;
}

/**
 * A {@link FieldIssue} whose message is worded when first read (by then the wording is loaded:
 * see issueMessagesReady). Meeting one starts the loading.
 */
export function lazyFieldIssue(issue: z.core.$ZodIssue, raw: unknown): FieldIssue {
  void loadIssueMessages();
  let message: string | undefined;
  return {
    path: issuePath(issue),
    get message() {
      if (message !== undefined) return message;
      // Not loaded: only when the chunk could not load. Not kept, in case it loads later.
      if (!wording) return `${issue.message} (${issue.code})`;
      message = wording(issue, raw);
      return message;
    },
  };
}
