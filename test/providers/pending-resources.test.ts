// The beta overlay carries models only: guidance and baseline change sets are queue entries too
// since 8.x (24886069) but never beta models, whichever generation serves the pending route.
import { describe, expect, it } from 'vitest';
import { pendingProvider, sourceOf } from '../../src/index.js';
import { createStandInPrimary, FIXTURE_V2 } from '../../src/testing.js';
import { setup } from '../helpers/manager.js';

const albedo = FIXTURE_V2.image_generation['AlbedoBase XL (SDXL)'] as Record<string, unknown>;
const UUID = '0b5f7e9c-3c1d-4a6e-9f51-2d7c1b0a9e11';

describe('pendingProvider skips non-model pending entries', () => {
  it.each(['7.6', '8.x'] as const)('on a %s server', async (generation) => {
    const { refs, standIn } = setup({}, createStandInPrimary({ generation }));
    standIn.data.setPending('image_generation', {
      'Fresh Upload': { ...albedo, name: 'Fresh Upload' },
      [`baseline:${UUID}`]: { title: 'Add a baseline', changes: [] },
      [`guidance:${UUID}`]: { title: 'Guidance', profile_changes: [] },
      'Odd One': { ...albedo, name: 'Odd One', resource_kind: 'text_guidance' },
    });
    const invalid: string[] = [];
    refs.on('invalid-record', (event) => invalid.push(String(event.name ?? event.key)));
    refs.registerProvider(pendingProvider({ apiKey: 'reader-key' }));
    const records = await refs.getCategory('image_generation', { source: ['pending', 'horde'] });
    expect(sourceOf(records['Fresh Upload'] as object)).toBe('pending');
    expect(Object.keys(records).filter((name) => name.includes(':') || name === 'Odd One')).toEqual(
      [],
    );
    expect(invalid).toEqual([]); // skipped, not reported as broken records
    await refs.close();
  });
});
