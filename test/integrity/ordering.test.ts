// Promise: no reader ever sees a record go back to an older version, whatever order answers
// arrive in (a slow one-model delta against a later full download).
import { describe, expect, it } from 'vitest';
import { FIXTURE_V2 } from '../../src/testing.js';
import { setup } from '../helpers/manager.js';

const NAME = Object.keys(FIXTURE_V2.image_generation)[0] as string;
const base = FIXTURE_V2.image_generation[NAME] as { name: string } & Record<string, unknown>;
const version = (records: Readonly<Record<string, unknown>>) =>
  Number(/v(\d+)/.exec(String((records[NAME] as { description?: string }).description))?.[1] ?? 0);

describe('an older answer never overwrites a newer one', () => {
  it('a delta whose request started before a download lands after it and is dropped', async () => {
    const { refs, standIn } = setup({ timeoutMs: 5_000 });
    await refs.getCategory('image_generation');
    await refs.checkForUpdates(); // learns the change tokens
    standIn.data.update('image_generation', { ...base, description: 'v1' });
    // The one-model answer is taken now (v1) and delivered late.
    standIn.setFault('model', 'late', { delayMs: 300 });
    const check = refs.checkForUpdates();
    await new Promise((resolve) => setTimeout(resolve, 50));
    standIn.data.update('image_generation', { ...base, description: 'v2' });
    expect(version(await refs.refresh('image_generation'))).toBe(2);
    await check;
    expect(standIn.count('model')).toBe(1); // the delta did run, and lost
    expect(version(await refs.getCategory('image_generation'))).toBe(2);
  });

  it('a reader never sees a version go back across many interleaved updates', async () => {
    const { refs, standIn } = setup({ timeoutMs: 5_000 });
    await refs.getCategory('image_generation');
    await refs.checkForUpdates();
    let seen = 0;
    let regressions = 0;
    const read = async () => {
      const v = version(await refs.getCategory('image_generation'));
      if (v < seen) regressions++;
      seen = Math.max(seen, v);
    };
    for (let i = 1; i <= 20; i++) {
      // A write, a check whose one-model answer is taken now and arrives late, a second write
      // that a download picks up first: the late answer would be one version behind.
      standIn.data.update('image_generation', { ...base, description: `v${2 * i - 1}` });
      standIn.setFault('model', 'late', { delayMs: 40 + (i % 4) * 20 });
      const check = refs.checkForUpdates().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 10));
      standIn.data.update('image_generation', { ...base, description: `v${2 * i}` });
      await refs.refresh('image_generation');
      await read();
      await check;
      await read();
    }
    expect(regressions).toBe(0);
    expect(seen).toBe(40);
    expect(standIn.count('model')).toBeGreaterThan(0);
  });
});
