export {
  assertCategory,
  CATEGORIES,
  CATEGORY_DESCRIPTORS,
  type Category,
  type CategoryClassification,
  type CategoryDescriptor,
  isCategory,
  type LegacyRepository,
  type LegacySource,
} from './categories.js';
export * from './errors/index.js';
