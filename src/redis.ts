// The Redis fleet coordinator. Needs the `redis` package (node-redis 5 or later), an optional peer
// dependency loaded by this entry only.
export {
  type RedisCoordinatorCommonOptions,
  type RedisCoordinatorOptions,
  redisCoordinator,
} from './fleet/redis-coordinator.js';
export type { NodeRedisClient } from './fleet/redis-link.js';
export { DEFAULT_REDIS_PREFIX } from './fleet/redis-scripts.js';
