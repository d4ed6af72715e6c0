// Mock handlers and fixtures for users' own tests.
export {
  FIXTURE_LEGACY,
  FIXTURE_V2,
  type FixtureCategory,
  type FixtureLegacy,
} from './testing/fixtures.js';
