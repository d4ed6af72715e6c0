// Fleet coordination, isomorphic: the role machine, the coordinator contract, and a coordinator
// in memory. The Redis coordinator is in `./redis`, the one for a shared folder in `./node`.

export {
  CoordinatorUnavailableError,
  isCoordinatorUnavailableError,
} from './errors/coordinator-unavailable-error.js';
export {
  InvalidFleetEntryError,
  isInvalidFleetEntryError,
} from './errors/invalid-fleet-entry-error.js';
export type {
  FleetBackend,
  FleetEntry,
  FleetLease,
  FleetNotice,
  FleetUnsubscribe,
  FleetVersions,
} from './fleet/fleet-backend.js';
export { coordinatorOf, type FleetCoordinator } from './fleet/fleet-coordinator.js';
export type {
  FleetBaselineHolder,
  FleetBaselines,
  FleetHost,
  FleetLink,
  FleetLinkOptions,
} from './fleet/fleet-link.js';
export { FleetMember } from './fleet/fleet-member.js';
export type {
  FleetMemberEvents,
  FleetMemberOptions,
  FleetMemberStatus,
  FleetObtainOptions,
  FleetRole,
  FleetRoleReason,
} from './fleet/fleet-member-types.js';
export type { FleetTopic } from './fleet/fleet-topics.js';
export { DEFAULT_LEASE_TTL_MS } from './fleet/lease-timing.js';
export {
  type MemoryCoordinatorOptions,
  MemoryFleetStore,
  memoryCoordinator,
} from './fleet/memory-coordinator.js';
