// Every client method against a canned answer: the exact request it sends (method, path, query,
// body, key) and the validated value it returns.
import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../src/api.js';
import { CASES, clientAnswering } from './cases/index.js';

describe('every method, happy path', () => {
  it.each(CASES.map((c) => [c.route, c] as const))('%s', async (_, c) => {
    const { api, seen } = clientAnswering(c.reply, c.status);
    c.check(await c.call(api));
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(`${request?.method} ${request?.path}${request?.query ? `?${request.query}` : ''}`).toBe(
      c.request,
    );
    if (c.body !== undefined) expect(request?.body).toEqual(c.body);
    expect(request?.apikey).toBe('secret-key');
  });

  it('covers every route of the registry', () => {
    const covered = new Set(CASES.map((c) => c.route));
    expect(Object.keys(API_ROUTES).filter((route) => !covered.has(route))).toEqual([]);
  });

  it('every registry entry names a method of the client', () => {
    const { api } = clientAnswering({});
    const missing = Object.entries(API_ROUTES).filter(([key, route]) => {
      const area =
        route.area === 'root' ? api : (api as unknown as Record<string, object>)[route.area];
      const method = (area as Record<string, unknown> | undefined)?.[route.clientMethod];
      return key !== `${route.area}.${route.clientMethod}` || typeof method !== 'function';
    });
    expect(missing).toEqual([]);
  });
});
