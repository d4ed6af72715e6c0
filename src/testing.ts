// Stand-ins and fixtures for tests: this project's own, and users'. Requires `msw` (a peer).
export {
  type Fault,
  type FaultMode,
  REFUSED,
  type RouteFamily,
  type StandInAnswer,
} from './testing/faults.js';
export {
  FIXTURE_LEGACY,
  FIXTURE_V2,
  type FixtureCategory,
  type FixtureLegacy,
} from './testing/fixtures.js';
export { type StandInCategoryMetadata, StandInData } from './testing/stand-in-data.js';
export {
  createStandInPrimary,
  type SeenRequest,
  type StandInOptions,
  type StandInPrimary,
} from './testing/stand-in-primary.js';
