// Stand-ins and fixtures for tests: this project's own, and users'. Requires `msw` (a peer).
export {
  type Fault,
  type FaultMode,
  REFUSED,
  type RouteFamily,
  type StandInAnswer,
} from './testing/faults.js';
export {
  FIXTURE_8X_CHANGES,
  FIXTURE_ASSETS,
  FIXTURE_BASELINE_CATALOG,
  FIXTURE_GUIDANCE_CATALOG,
  FIXTURE_LICENSES,
  FIXTURE_NEW_BASELINE,
  STAND_IN_USERS,
  type StandInUser,
} from './testing/fixtures/upstream-8x.js';
export {
  FIXTURE_LEGACY,
  FIXTURE_V2,
  type FixtureCategory,
  type FixtureLegacy,
} from './testing/fixtures.js';
export {
  FIXTURE_V2_8X,
  type QueuedChange,
  type Refusal,
  StandIn8xState,
  stableJson,
} from './testing/stand-in-8x-state.js';
export { type StandInCategoryMetadata, StandInData } from './testing/stand-in-data.js';
export type { ServerGeneration } from './testing/stand-in-http.js';
export {
  createStandInPrimary,
  type SeenRequest,
  type StandInOptions,
  type StandInPrimary,
} from './testing/stand-in-primary.js';
