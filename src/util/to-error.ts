// What was thrown is not always an Error (a string, an object, a rejection with nothing): these
// two turn it into what events, statuses and messages need, the same way everywhere.

/** `value` itself when it is an Error, else an Error whose message is its text. */
export function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

/** The message of an Error, or the text of anything else thrown. */
export function errorMessage(value: unknown): string {
  return value instanceof Error ? value.message : String(value);
}
