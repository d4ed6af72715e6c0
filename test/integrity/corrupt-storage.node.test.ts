// Promise: a damaged cache is reported, never silently ignored, and the next good answer heals it.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  isSourceUnavailableError,
  isStorageError,
  type ManagerEvents,
  type SourceUnavailableError,
} from '../../src/index.js';
import { fileStorage } from '../../src/node.js';
import { createStandInPrimary, FIXTURE_V2 } from '../../src/testing.js';
import { setup } from '../helpers/manager.js';

const FILE = 'horde-model-reference_image_generation.json';
const dirs: string[] = [];
const folder = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hmr-corrupt-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const goodSnapshot = async (dir: string) => {
  const { refs } = setup({ storage: fileStorage(dir) });
  await refs.getCategory('image_generation');
  await refs.close();
  return readFile(join(dir, FILE), 'utf8');
};

const down = () => {
  const standIn = createStandInPrimary();
  standIn.setFault('primary', 'refuse');
  standIn.setFault('github', 'refuse');
  return standIn;
};

describe('an unreadable stored snapshot', () => {
  it.each([
    ['truncated JSON', (text: string) => text.slice(0, text.length / 2), /not JSON/],
    ['JSON of the wrong shape', () => '{"hello":"world"}', /not a category snapshot/],
  ])(
    '%s: an error event, an attempt in SourceUnavailableError, healed by the next good answer',
    async (_label, damage, reason) => {
      const dir = await folder();
      await writeFile(join(dir, FILE), damage(await goodSnapshot(dir)));
      const { refs } = setup({ storage: fileStorage(dir) }, down());
      const errors: ManagerEvents['error'][] = [];
      refs.on('error', (event) => errors.push(event));
      const error = (await refs
        .getCategory('image_generation')
        .catch((e: unknown) => e)) as SourceUnavailableError;
      expect(isSourceUnavailableError(error)).toBe(true);
      const stored = error.attempts.find((a) => a.origin === 'storage');
      expect(stored).toMatchObject({ outcome: 'failed' });
      expect(stored?.reason).toMatch(reason);
      expect(errors[0]).toMatchObject({ category: 'image_generation', origin: 'storage' });
      expect(isStorageError(errors[0]?.error)).toBe(true);
      expect((errors[0]?.error as { key?: string } | undefined)?.key).toBe(
        'horde-model-reference:image_generation',
      );
      await refs.close();
      // The network comes back: the next answer replaces the damaged file.
      const { refs: healed } = setup({ storage: fileStorage(dir) });
      await healed.getCategory('image_generation');
      await healed.close();
      const rewritten = JSON.parse(await readFile(join(dir, FILE), 'utf8'));
      expect(Object.keys(rewritten.records)).toHaveLength(
        Object.keys(FIXTURE_V2.image_generation).length,
      );
    },
  );

  it('a directory in the file’s place: reported, and the read goes to the network', async () => {
    const dir = await folder();
    await mkdir(join(dir, FILE), { recursive: true });
    const { refs } = setup({ storage: fileStorage(dir) });
    const errors: ManagerEvents['error'][] = [];
    refs.on('error', (event) => errors.push(event));
    expect(Object.keys(await refs.getCategory('image_generation')).length).toBeGreaterThan(0);
    expect(errors.some((e) => e.origin === 'storage' && isStorageError(e.error))).toBe(true);
    await refs.close();
  });

  it('a stored copy with damaged records is rewritten even when the body hash is unchanged', async () => {
    const dir = await folder();
    const good = JSON.parse(await goodSnapshot(dir));
    const names = Object.keys(good.records);
    // Damage most records but keep the stored hash: the next answer has that very hash.
    for (const name of names.slice(0, 5))
      good.records[name] = { ...good.records[name], nsfw: 'maybe' };
    await writeFile(join(dir, FILE), JSON.stringify(good));
    // Read back at start (the damaged copy), then the network answers with the same body.
    const { refs } = setup({ storage: fileStorage(dir), staleWhileRevalidate: false, ttlMs: 0 });
    await refs.getCategory('image_generation');
    await refs.close();
    const stored = JSON.parse(await readFile(join(dir, FILE), 'utf8'));
    expect(
      Object.values(stored.records).every((r) => (r as { nsfw: unknown }).nsfw !== 'maybe'),
    ).toBe(true);
    expect(Object.keys(stored.records)).toEqual(names);
  });
});
