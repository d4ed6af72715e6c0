import type { FleetBackend } from './fleet-backend.js';
import type { FleetHost, FleetLink, FleetLinkOptions } from './fleet-link.js';
import { FleetMember } from './fleet-member.js';
import type { FleetMemberOptions } from './fleet-member-types.js';
import { MemberLink } from './member-link.js';

/**
 * What `redisCoordinator()`, `fileCoordinator()` and `memoryCoordinator()` return: a
 * {@link FleetBackend} that also makes the members that run on it. The role machine comes with
 * the coordinator, so code that merely accepts a coordinator (the manager) does not carry it.
 */
export interface FleetCoordinator extends FleetBackend {
  /**
   * A new member of the fleet on this coordinator, not joined yet (call `join()`). By default its
   * `close()` also closes this coordinator: one coordinator per member.
   *
   * @throws {InvalidOptionsError} for a bad member id or timing.
   */
  member(options?: FleetMemberOptions): FleetMember;
  /**
   * What `new ModelReferenceManager({ coordinator })` calls: a member of the fleet wired to the
   * manager's cache, change detection and events, joining at once. Its `close()` closes this
   * coordinator: give each manager a coordinator of its own.
   *
   * @throws {InvalidOptionsError} for bad member options (see the coordinator's `member` option).
   */
  link(host: FleetHost): FleetLink;
}

/**
 * Makes a {@link FleetCoordinator} of any {@link FleetBackend}: how a coordinator of your own
 * (another store) gets members. `linkOptions` are those of the member a manager runs on it
 * (member id, timing, how long a follower's cold read waits for the leader).
 *
 * @example
 * ```ts
 * import { coordinatorOf } from 'horde-model-reference/fleet';
 * const coordinator = coordinatorOf(myEtcdBackend);
 * const member = coordinator.member({ memberId: 'gpu-box-1' });
 * ```
 */
export function coordinatorOf(
  backend: FleetBackend,
  linkOptions: FleetLinkOptions = {},
): FleetCoordinator {
  const coordinator: FleetCoordinator = {
    kind: backend.kind,
    leaseTtlMs: backend.leaseTtlMs,
    acquire: (holderId, ttlMs) => backend.acquire(holderId, ttlMs),
    renew: (lease, ttlMs) => backend.renew(lease, ttlMs),
    release: (lease) => backend.release(lease),
    leader: () => backend.leader(),
    publish: (category, lease, payload) => backend.publish(category, lease, payload),
    read: (category) => backend.read(category),
    versions: () => backend.versions(),
    request: (category, requesterId) => backend.request(category, requesterId),
    subscribe: (listener) => backend.subscribe(listener),
    close: () => backend.close(),
    lastAnswerAt: () => backend.lastAnswerAt?.() ?? null,
    member: (options) => new FleetMember(coordinator, options),
    link: (host) => new MemberLink(coordinator, host, linkOptions),
  };
  return coordinator;
}
