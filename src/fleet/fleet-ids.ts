import { InvalidOptionsError } from '../errors/invalid-options-error.js';

/** What a member id may contain: it is stored, logged and shown in status, so no spaces or controls. */
const MEMBER_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/**
 * A new member id: unique per member instance (a restarted process is a new member), so a lease
 * can never be mistaken for another's.
 */
export function newMemberId(): string {
  return `member-${globalThis.crypto.randomUUID()}`;
}

/**
 * Checks a member id supplied by the caller.
 *
 * @throws {InvalidOptionsError} when it is empty, longer than 128 characters, or has characters
 * other than letters, digits and `._:@-`.
 */
export function assertMemberId(id: string, option = 'memberId'): string {
  if (!MEMBER_ID.test(id))
    throw new InvalidOptionsError(
      option,
      `${JSON.stringify(id)} is not allowed; use 1 to 128 letters, digits and . _ : @ - (no spaces).`,
    );
  return id;
}
