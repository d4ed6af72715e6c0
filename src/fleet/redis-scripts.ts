// The fleet's keys in Redis and the Lua scripts that change them. Each script runs atomically in
// Redis: the lease check and the write it guards are one step, so a fenced-out leader can never
// publish. Scripts touch only the keys passed in KEYS (so a client's own keyPrefix applies to all
// of them) and return plain integers and strings (the same under RESP2 and RESP3).
import type { FleetTopic } from './fleet-topics.js';

/** The prefix of every fleet key and channel unless told otherwise. */
export const DEFAULT_REDIS_PREFIX = 'hmr:';

/** Every key and the channel of one fleet, all under `${prefix}fleet:`. */
export interface RedisFleetKeys {
  /** Hash `holder`, `token`, with the lease's expiry as the key's TTL. */
  readonly lease: string;
  /** The fencing counter. */
  readonly fence: string;
  /** Hash category → latest version. */
  readonly versions: string;
  /** Hash `version`, `payload`, `token`, `publishedAt` of one category. */
  entry(category: FleetTopic): string;
  /** The pub/sub channel of notices. */
  readonly channel: string;
}

export function redisFleetKeys(prefix: string): RedisFleetKeys {
  const ns = `${prefix}fleet:`;
  return {
    lease: `${ns}lease`,
    fence: `${ns}fence`,
    versions: `${ns}versions`,
    entry: (category) => `${ns}entry:${category}`,
    channel: `${ns}notices`,
  };
}

// The store's clock in ms, for seeding counters (a wiped store starts again from it, so tokens
// and versions never go back) and for publishedAt. '%.0f' keeps 13-digit integers exact.
const NOW = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
`;

const HOLDS = `redis.call('HGET', KEYS[1], 'holder') == ARGV[1] and redis.call('HGET', KEYS[1], 'token') == ARGV[2]`;

/** KEYS lease, fence; ARGV holder, ttlMs, channel → {holder, token, pttl} of the lease after. */
export const ACQUIRE: string = `
local holder = redis.call('HGET', KEYS[1], 'holder')
if holder then
  return {holder, redis.call('HGET', KEYS[1], 'token'), redis.call('PTTL', KEYS[1])}
end
local token
if redis.call('EXISTS', KEYS[2]) == 1 then
  token = string.format('%.0f', redis.call('INCR', KEYS[2]))
else
  ${NOW}
  token = string.format('%.0f', now)
  redis.call('SET', KEYS[2], token)
end
redis.call('HSET', KEYS[1], 'holder', ARGV[1], 'token', token)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PUBLISH', ARGV[3], '{"type":"acquired","holderId":' .. cjson.encode(ARGV[1]) .. ',"token":' .. token .. '}')
return {ARGV[1], token, tonumber(ARGV[2])}
`;

/** KEYS lease; ARGV holder, token, ttlMs → 1 renewed, 0 not the holder. */
export const RENEW: string = `
if ${HOLDS} then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  return 1
end
return 0
`;

/** KEYS lease; ARGV holder, token, channel → 1 released, 0 not the holder. */
export const RELEASE: string = `
if ${HOLDS} then
  redis.call('DEL', KEYS[1])
  redis.call('PUBLISH', ARGV[3], '{"type":"released","holderId":' .. cjson.encode(ARGV[1]) .. ',"token":' .. ARGV[2] .. '}')
  return 1
end
return 0
`;

/** KEYS lease → {holder, token, pttl}, or {} when nobody holds it. */
export const LEADER: string = `
local holder = redis.call('HGET', KEYS[1], 'holder')
if not holder then return {} end
return {holder, redis.call('HGET', KEYS[1], 'token'), redis.call('PTTL', KEYS[1])}
`;

/**
 * KEYS lease, versions, entry; ARGV holder, token, category, payload, channel → the new version
 * (a string), or 0 when the lease is not the caller's (fenced out).
 */
export const PUBLISH: string = `
if not (${HOLDS}) then return 0 end
${NOW}
local previous = redis.call('HGET', KEYS[2], ARGV[3])
local version
if previous then version = string.format('%.0f', tonumber(previous) + 1) else version = string.format('%.0f', now) end
redis.call('HSET', KEYS[2], ARGV[3], version)
redis.call('HSET', KEYS[3], 'version', version, 'payload', ARGV[4], 'token', ARGV[2], 'publishedAt', string.format('%.0f', now))
redis.call('PUBLISH', ARGV[5], '{"type":"published","category":' .. cjson.encode(ARGV[3]) .. ',"version":' .. version .. ',"token":' .. ARGV[2] .. '}')
return version
`;

/** KEYS entry → {version, payload, token, publishedAt}, or {} when never published. */
export const READ: string = `
local entry = redis.call('HMGET', KEYS[1], 'version', 'payload', 'token', 'publishedAt')
if not entry[1] or not entry[2] then return {} end
return entry
`;

/** KEYS versions → {category, version, category, version, ...}. */
export const VERSIONS: string = `return redis.call('HGETALL', KEYS[1])`;
