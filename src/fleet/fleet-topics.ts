// What a fleet store holds: the 15 categories, and the image baseline catalog (issue 18: cached
// like a category, so the leader publishes it and followers never read it from the PRIMARY).
import { assertCategory, CATEGORIES, type Category, isCategory } from '../categories.js';

/** The store topic of the image baseline catalog (not one of the category names). */
export const BASELINES_TOPIC = 'image_baselines' as const;

/** One thing a fleet store holds a published version of: a category or the baseline catalog. */
export type FleetTopic = Category | typeof BASELINES_TOPIC;

/** Whether `value` is a {@link FleetTopic}. */
export function isFleetTopic(value: unknown): value is FleetTopic {
  return value === BASELINES_TOPIC || isCategory(value);
}

/**
 * Returns `value` as a {@link FleetTopic}, or throws.
 *
 * @throws {UnknownCategoryError} when `value` is neither a category nor `image_baselines`.
 */
export function assertFleetTopic(value: unknown): FleetTopic {
  return value === BASELINES_TOPIC ? value : assertCategory(value);
}

/** Every {@link FleetTopic}: the categories, then the baseline catalog. */
export const FLEET_TOPICS: readonly FleetTopic[] = [...CATEGORIES, BASELINES_TOPIC];
