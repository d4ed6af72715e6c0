// What a fleet store holds: the 15 categories, and the image baseline catalog (issue 18: cached
// like a category, so the leader publishes it and followers never read it from the PRIMARY).
import { assertCategory, CATEGORIES, type Category, isCategory } from '../categories.js';

/** The store topic of the image baseline catalog (not one of the category names). */
export const BASELINES_TOPIC = 'image_baselines' as const;

/**
 * The store topic of the leader's change tokens (what its change detection last established), so
 * a member that goes standalone or takes over checks the PRIMARY as cheaply as the leader did.
 */
export const CHANGE_TOKENS_TOPIC = 'change_tokens' as const;

/**
 * One thing a fleet store holds a published version of: a category, the baseline catalog, or the
 * leader's change tokens.
 */
export type FleetTopic = Category | typeof BASELINES_TOPIC | typeof CHANGE_TOKENS_TOPIC;

/** Whether `value` is a {@link FleetTopic}. */
export function isFleetTopic(value: unknown): value is FleetTopic {
  return value === BASELINES_TOPIC || value === CHANGE_TOKENS_TOPIC || isCategory(value);
}

/**
 * Returns `value` as a {@link FleetTopic}, or throws.
 *
 * @throws {UnknownCategoryError} when `value` is neither a category, `image_baselines` nor `change_tokens`.
 */
export function assertFleetTopic(value: unknown): FleetTopic {
  return value === BASELINES_TOPIC || value === CHANGE_TOKENS_TOPIC ? value : assertCategory(value);
}

/** Every {@link FleetTopic}: the categories, then the baseline catalog and the change tokens. */
export const FLEET_TOPICS: readonly FleetTopic[] = [
  ...CATEGORIES,
  BASELINES_TOPIC,
  CHANGE_TOKENS_TOPIC,
];
