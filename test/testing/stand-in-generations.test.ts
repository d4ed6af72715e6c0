// The stand-in answers as a 7.6 server (today's behaviour: 404 Not Found on every 8.x route) or as
// an 8.x one (the routes, ETags, redirects and auth of docs/upstream-8x.md).
import { describe, expect, it } from 'vitest';
import { createStandInPrimary, FIXTURE_V2 } from '../../src/testing.js';

const V2 = '/model_references/v2';
const NEW_PATHS: readonly [string, string][] = [
  ['GET', `${V2}/licensing/licenses`],
  ['POST', `${V2}/licensing/licenses`],
  ['GET', `${V2}/licensing/assets/custom_node/Fannovel16/comfyui_controlnet_aux`],
  ['GET', `${V2}/licensing/models/image_generation/Pony%20Grimdark`],
  ['GET', `${V2}/licensing/summary`],
  ['GET', `${V2}/text_generation/guidance/profiles`],
  ['GET', `${V2}/text_generation/guidance/model?name=gpt2`],
  ['POST', `${V2}/text_generation/guidance/change-sets`],
  ['GET', `${V2}/image_generation/baselines/`],
  ['GET', `${V2}/image_generation/baselines/export`],
  ['POST', `${V2}/image_generation/baselines/change-sets`],
];

async function ask(
  generation: '7.6' | '8.x',
  method: string,
  path: string,
  init: RequestInit = {},
  more = {},
) {
  const standIn = createStandInPrimary({ generation, ...more });
  const response = await standIn.fetch(`${standIn.primaryUrl}${path}`, {
    method,
    headers: {
      apikey: 'approver-key',
      'content-type': 'application/json',
      ...(init.headers as object),
    },
    ...(method === 'GET' ? {} : { body: '{}' }),
  });
  return { standIn, response };
}

describe('as a 7.6 server', () => {
  it.each(NEW_PATHS)('%s %s answers 404 Not Found', async (method, path) => {
    const { response } = await ask('7.6', method, path);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ detail: 'Not Found' });
  });

  it('serves the 7.6 fixtures untouched: no licensing injected, no guidance', async () => {
    const { response } = await ask('7.6', 'GET', `${V2}/image_generation`);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(FIXTURE_V2.image_generation)));
  });
});

describe('as an 8.x server', () => {
  it.each(NEW_PATHS.filter(([m]) => m === 'GET'))('%s %s answers 200', async (method, path) => {
    const { response } = await ask('8.x', method, path);
    expect(response.status).toBe(200);
  });

  it('sets the weak revision ETag on catalog reads, and honours If-None-Match only when asked to', async () => {
    const path = `${V2}/image_generation/baselines/export`;
    const plain = await ask('8.x', 'GET', path, {
      headers: { 'if-none-match': 'W/"image-baselines-2"' },
    });
    expect(plain.response.status).toBe(200);
    expect(plain.response.headers.get('etag')).toBe('W/"image-baselines-2"');
    const cached = await ask(
      '8.x',
      'GET',
      path,
      { headers: { 'if-none-match': 'W/"image-baselines-2"' } },
      { honourIfNoneMatch: true },
    );
    expect(cached.response.status).toBe(304);
    const stale = await ask(
      '8.x',
      'GET',
      path,
      { headers: { 'if-none-match': 'W/"image-baselines-1"' } },
      { honourIfNoneMatch: true },
    );
    expect(stale.response.status).toBe(200);
    const guidance = await ask('8.x', 'GET', `${V2}/text_generation/guidance/profiles`);
    expect(guidance.response.headers.get('etag')).toBe('W/"text-guidance-1"');
  });

  it('redirects the baseline index without its trailing slash, as Starlette does', async () => {
    const { response } = await ask('8.x', 'GET', `${V2}/image_generation/baselines`);
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toMatch(/\/baselines\/$/);
  });

  it('refuses writes without a key, with an unknown key, and without the role', async () => {
    const path = `${V2}/image_generation/baselines/change-sets`;
    const standIn = createStandInPrimary({ generation: '8.x' });
    const post = (headers: Record<string, string>) =>
      standIn.fetch(`${standIn.primaryUrl}${path}`, { method: 'POST', headers, body: '{}' });
    expect(await (await post({})).json()).toEqual({ detail: 'Not authenticated' });
    expect((await post({ apikey: 'forged' })).status).toBe(401);
    const reader = await post({ apikey: 'reader-key' });
    expect([reader.status, (await reader.json()).detail]).toEqual([
      403,
      'You are not on the pending queue requestor list.',
    ]);
  });

  it('puts the new route families under the failure switches', async () => {
    const standIn = createStandInPrimary({ generation: '8.x' });
    standIn.setFault('primary', 'server-error');
    for (const path of [
      '/licensing/summary',
      '/text_generation/guidance/export',
      '/image_generation/baselines/export',
    ])
      expect((await standIn.fetch(`${standIn.primaryUrl}${V2}${path}`)).status).toBe(500);
    expect(
      standIn.count('licensing') + standIn.count('text-guidance') + standIn.count('baselines'),
    ).toBe(3);
  });

  it('a name with "/" reaches the :path routes', async () => {
    const { response } = await ask(
      '8.x',
      'GET',
      `${V2}/licensing/models/text_generation/Sao10K/L3-8B-Stheno-v3.2`,
    );
    expect(await response.json()).toMatchObject({
      asset_identifier: 'text_generation:Sao10K/L3-8B-Stheno-v3.2',
    });
  });
});
