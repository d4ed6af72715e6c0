// Capability probing: /replicate_mode read once, each feature found out once with one small read,
// a missing route (404 Not Found) meaning "not on this server", against 7.6 and 8.x stand-ins.
import { describe, expect, it } from 'vitest';
import {
  ConnectionError,
  createApiClient,
  createCapabilityProbe,
  FeatureUnavailableError,
  InvalidOptionsError,
  probeCapabilities,
  SERVER_FEATURES,
} from '../../src/api.js';
import { createStandInPrimary, type StandInOptions } from '../../src/testing.js';

function setup(options: StandInOptions = {}) {
  const standIn = createStandInPrimary(options);
  const api = createApiClient({ baseUrl: standIn.primaryUrl, fetch: standIn.fetch, retry: 0 });
  return { standIn, api };
}

describe('capability probing', () => {
  it('a 7.6 server serves none of the 8.x features, and nothing crashes', async () => {
    const { api } = setup({ generation: '7.6' });
    expect(await probeCapabilities(api)).toEqual({
      backend: { replicate_mode: 'PRIMARY', canonical_format: 'v2', writable: true },
      features: { licensing: false, text_guidance: false, image_baselines: false },
    });
  });

  it('an 8.x server serves all three; a REPLICA says so in its backend', async () => {
    const { api } = setup({ generation: '8.x', replicateMode: 'REPLICA' });
    const { backend, features } = await probeCapabilities(api);
    expect(backend).toMatchObject({ replicate_mode: 'REPLICA', writable: false });
    expect(features).toEqual({ licensing: true, text_guidance: true, image_baselines: true });
  });

  it('asks each question once: one replicate_mode read, one small read per feature', async () => {
    const { api, standIn } = setup({ generation: '8.x' });
    const probe = createCapabilityProbe(api);
    await Promise.all([
      probe.backend(),
      probe.backend(),
      probe.has('licensing'),
      probe.has('licensing'),
    ]);
    await probe.capabilities();
    await probe.require('text_guidance');
    const paths = standIn.requests.map((r) => new URL(r.url).pathname);
    expect(paths.filter((p) => p.endsWith('/replicate_mode'))).toHaveLength(1);
    expect(paths.filter((p) => p.includes('/licensing/'))).toEqual([
      '/api/model_references/v2/licensing/licenses',
    ]);
    expect(paths).toHaveLength(1 + SERVER_FEATURES.length);
  });

  it('require throws the FeatureUnavailableError of the probe, naming the feature and the URL', async () => {
    const { api } = setup({ generation: '7.6' });
    const probe = createCapabilityProbe(api);
    const error = await probe.require('image_baselines').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeatureUnavailableError);
    expect(error).toMatchObject({
      code: 'FEATURE_UNAVAILABLE',
      feature: 'image_baselines',
      url: expect.stringContaining('/image_generation/baselines/infer'),
    });
    await expect(probe.has('image_baselines')).resolves.toBe(false);
  });

  it('a passing fault is thrown and asked again, not remembered as "unavailable"', async () => {
    const { api, standIn } = setup({ generation: '8.x' });
    const probe = createCapabilityProbe(api);
    standIn.setFault('licensing', 'server-error', { status: 503 });
    await expect(probe.has('licensing')).rejects.toMatchObject({ status: 503 });
    standIn.setFault('licensing', 'ok');
    await expect(probe.has('licensing')).resolves.toBe(true);
    standIn.setFault('other', 'refuse');
    await expect(probe.backend()).rejects.toBeInstanceOf(ConnectionError);
    standIn.setFault('other', 'ok');
    await expect(probe.backend()).resolves.toMatchObject({ replicate_mode: 'PRIMARY' });
  });

  it('a 404 naming a missing item still proves the route exists', async () => {
    const { api, standIn } = setup({ generation: '8.x' });
    delete standIn.resources.baselines.baselines.infer;
    await expect(createCapabilityProbe(api).has('image_baselines')).resolves.toBe(true);
  });

  it('refuses a feature it does not know', async () => {
    const { api } = setup();
    const refused = createCapabilityProbe(api).has('video' as never);
    await expect(refused).rejects.toBeInstanceOf(InvalidOptionsError);
    await expect(refused).rejects.toThrow(/unknown feature video; known: licensing/);
  });
});
