import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CategoryChange } from '../../src/index.js';
import { unchangedResult } from '../../src/origins/parse-payload.js';
import type { CategoryResult } from '../../src/records/category-result.js';
import { setup } from '../helpers/manager.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('a refresh that brings the same body', () => {
  it('keeps the validated records (the same object) and moves fetchedAt', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { refs, standIn } = setup();
    const first = await refs.refresh('clip');
    const fetchedAt = refs.status().categories.clip?.fetchedAt;
    vi.advanceTimersByTime(5_000);
    const second = await refs.refresh('clip');
    expect(standIn.count('v2')).toBe(2);
    expect(second).toBe(first);
    expect(refs.status().categories.clip?.fetchedAt).toBe((fetchedAt ?? 0) + 5_000);
    expect(refs.status().categories.clip?.origin).toBe('v2');
  });

  it('still validates and swaps in a body that changed', async () => {
    const { refs, standIn } = setup();
    const changes: CategoryChange[] = [];
    refs.on('change', (change) => changes.push(change));
    const first = await refs.refresh('esrgan');
    standIn.data.update('esrgan', { name: 'RealESRGAN_x4plus', description: 'changed' });
    const second = await refs.refresh('esrgan');
    expect(second).not.toBe(first);
    expect(second.RealESRGAN_x4plus?.description).toBe('changed');
    expect(changes.map((c) => c.changed.map((r) => r.name))).toEqual([['RealESRGAN_x4plus']]);
    expect(await refs.refresh('esrgan')).toBe(second);
  });

  it('reuses an unchanged GitHub file without converting it again', async () => {
    const { refs, standIn } = setup();
    standIn.setFault('primary', 'refuse');
    const first = await refs.refresh('image_generation');
    const second = await refs.refresh('image_generation');
    expect(standIn.count('github')).toBe(2);
    expect(refs.status().categories.image_generation?.origin).toBe('github');
    expect(second).toBe(first);
  });

  it('never takes another source’s body for the cached one, even byte for byte', () => {
    const known: CategoryResult<'clip'> = {
      category: 'clip',
      records: Object.create(null),
      issues: [],
      origin: 'v2',
      url: 'http://127.0.0.1/v2/clip',
      fetchedAt: 0,
      hash: 'abc',
    };
    const body = {
      method: 'GET',
      status: 200,
      headers: new Headers(),
      text: '{}',
      url: 'http://127.0.0.1/clip.json',
      hash: 'abc',
    };
    expect(unchangedResult('github', body, known, 1)).toBeUndefined();
    expect(unchangedResult('v2', { ...body, hash: 'other' }, known, 1)).toBeUndefined();
    const same = unchangedResult('v2', body, known, 1);
    expect(same).toMatchObject({ fetchedAt: 1, url: body.url, origin: 'v2' });
    expect(same?.records).toBe(known.records);
  });
});
