import { describe, expect, it } from 'vitest';
import {
  isSourceUnavailableError,
  isUnknownCategoryError,
  type ManagerEvents,
  type SourceUnavailableError,
} from '../../src/index.js';
import type { FaultMode, RouteFamily } from '../../src/testing.js';
import { setup } from '../helpers/manager.js';

const FAULTS: { mode: FaultMode; status?: number; reason: RegExp; hostLevel?: boolean }[] = [
  { mode: 'not-found', reason: /HTTP 404/ },
  { mode: 'client-error', status: 403, reason: /HTTP 403/ },
  { mode: 'server-error', status: 503, reason: /HTTP 503/ },
  { mode: 'refuse', reason: /connection refused by primary\.test|github\.test/, hostLevel: true },
  { mode: 'hang', reason: /no answer from \S+ within \d+ ms/, hostLevel: true },
  { mode: 'non-json', reason: /not valid JSON/ },
  { mode: 'html', reason: /HTML page/ },
  { mode: 'truncated', reason: /not valid JSON/ },
];

const SOURCES: RouteFamily[] = ['v2', 'v1', 'github'];

async function rejection(promise: Promise<unknown>): Promise<SourceUnavailableError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isSourceUnavailableError(error)).toBe(true);
  return error as SourceUnavailableError;
}

describe.each([
  ['cold (nothing cached)', false],
  ['warm (cached, refreshing)', true],
])('fallback chain, %s', (_label, warm) => {
  for (const fault of FAULTS) {
    for (const [index, source] of SOURCES.entries()) {
      it(`${fault.mode} on ${source} moves on to the next source`, async () => {
        const { refs, standIn } = setup();
        const cached = warm ? await refs.getCategory('clip') : undefined;
        for (const earlier of SOURCES.slice(0, index)) standIn.setFault(earlier, 'not-found');
        standIn.setFault(source, fault.mode, fault.status ? { status: fault.status } : {});
        const read = warm ? refs.refresh('clip') : refs.getCategory('clip');
        if (source === 'github') {
          const error = await rejection(read);
          if (cached) {
            expect(await refs.getCategory('clip')).toBe(cached);
            expect(refs.status().categories.clip?.stale).toBe(true);
          }
          expect(error.attempts.map((a) => [a.origin, a.outcome])).toEqual([
            ['v2', 'failed'],
            ['v1', 'failed'],
            ['github', 'failed'],
          ]);
          expect(error.attempts[2]?.reason).toMatch(fault.reason);
          expect(error.message).toContain('github: failed');
          return;
        }
        const fallbacks: ManagerEvents['fallback'][] = [];
        refs.on('fallback', (event) => fallbacks.push(event));
        expect(Object.keys(await read)).toEqual(['ViT-L/14', 'coca_ViT-L-14']);
        const servedBy = fault.hostLevel && source === 'v2' ? 'github' : SOURCES[index + 1];
        expect(refs.status().categories.clip?.origin).toBe(servedBy);
        const failed = fallbacks[0]?.attempts.find((a) => a.origin === source);
        expect(failed?.outcome).toBe('failed');
        expect(failed?.reason).toMatch(fault.reason);
        if (fault.hostLevel && source === 'v2') {
          // v1 shares the PRIMARY's host: skipped, not tried, so a dead host costs one timeout.
          expect(fallbacks[0]?.attempts.find((a) => a.origin === 'v1')).toMatchObject({
            outcome: 'skipped',
          });
          expect(standIn.count('v1')).toBe(0);
        }
      });
    }
  }
});

describe('fallback chain, other cases', () => {
  it('an invalid record is reported and skipped; the rest of the category is served', async () => {
    const { refs, standIn } = setup();
    standIn.setFault('v2', 'invalid-records');
    const issues: ManagerEvents['invalid-record'][] = [];
    refs.on('invalid-record', (issue) => issues.push(issue));
    const records = await refs.getCategory('image_generation');
    expect(Object.keys(records)).toHaveLength(7);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ category: 'image_generation', key: 'AlbedoBase XL (SDXL)' });
    expect(refs.status().categories.image_generation).toMatchObject({
      origin: 'v2',
      records: 7,
      invalidRecords: 1,
    });
  });

  it('categories without a legacy format skip v1 and GitHub cleanly', async () => {
    const { refs, standIn } = setup();
    standIn.setFault('v2', 'server-error', { status: 500 });
    const error = await rejection(refs.getCategory('controlnet_annotator'));
    expect(error.attempts.map((a) => [a.origin, a.outcome])).toEqual([
      ['v2', 'failed'],
      ['v1', 'skipped'],
      ['github', 'skipped'],
    ]);
    expect(error.attempts[1]?.reason).toMatch(/no legacy format/);
    expect(standIn.count('v1') + standIn.count('github')).toBe(0);
  });

  it('an unknown category throws UnknownCategoryError before any request', async () => {
    const { refs, standIn } = setup();
    const error = await refs.getCategory('stable_diffusion' as 'clip').catch((e: unknown) => e);
    expect(isUnknownCategoryError(error)).toBe(true);
    expect((error as Error).message).toContain('image_generation');
    expect(standIn.count()).toBe(0);
  });
});

describe('fallback chain, warm (last-known-good data cached)', () => {
  for (const fault of FAULTS) {
    it(`with every source failing (${fault.mode}), the old records are served, marked stale`, async () => {
      const { refs, standIn } = setup();
      const before = await refs.getCategory('esrgan');
      for (const source of SOURCES)
        standIn.setFault(source, fault.mode, fault.status ? { status: fault.status } : {});
      const stale: ManagerEvents['stale'][] = [];
      refs.on('stale', (event) => stale.push(event));
      const error = await rejection(refs.refresh('esrgan'));
      expect(error.attempts).toHaveLength(3);
      expect(await refs.getCategory('esrgan')).toBe(before);
      expect(refs.status().categories.esrgan).toMatchObject({
        stale: true,
        origin: 'v2',
        records: 1,
      });
      expect(refs.status().categories.esrgan?.lastError).toMatch(/No source could provide/);
      expect(stale).toHaveLength(1);
      expect(stale[0]?.category).toBe('esrgan');
    });
  }

  it('a successful refresh after a failure clears the stale mark', async () => {
    const { refs, standIn } = setup();
    await refs.getCategory('blip');
    standIn.setFault('primary', 'server-error');
    standIn.setFault('github', 'server-error');
    await refs.refresh('blip').catch(() => undefined);
    expect(refs.status().categories.blip?.stale).toBe(true);
    standIn.setFault('primary', 'ok');
    standIn.setFault('github', 'ok');
    await refs.refresh('blip');
    expect(refs.status().categories.blip).toMatchObject({ stale: false, lastError: null });
  });
});

describe('credentials and names', () => {
  it('sends the API key to the PRIMARY only, never to GitHub, and never reports it', async () => {
    const { refs, standIn } = setup({ apiKey: 'sekrit-key-123' });
    await refs.getCategory('clip');
    standIn.setFault('primary', 'server-error');
    await refs.refresh('esrgan');
    const primary = standIn.requests.filter((r) => r.family !== 'github');
    const github = standIn.requests.filter((r) => r.family === 'github');
    expect(primary.length).toBeGreaterThan(0);
    expect(github.length).toBeGreaterThan(0);
    expect(primary.every((r) => r.headers.apikey === 'sekrit-key-123')).toBe(true);
    expect(github.every((r) => r.headers.apikey === undefined)).toBe(true);
    expect(JSON.stringify(refs.status())).not.toContain('sekrit');
    standIn.setFault('github', 'server-error');
    const error = await rejection(refs.refresh('blip'));
    expect(
      `${error.message} ${JSON.stringify(error.attempts.map((a) => [a.url, a.reason]))}`,
    ).not.toContain('sekrit');
  });

  it('serves models named __proto__ and constructor, and names with / and spaces', async () => {
    const data = JSON.parse(
      '{"__proto__": {"name": "__proto__"}, "constructor": {"name": "constructor"}, "a": {"name": "Org/Model name with spaces"}}',
    );
    const { createStandInPrimary } = await import('../../src/testing.js');
    const { refs } = setup({}, createStandInPrimary({ data: { clip: data } }));
    const records = await refs.getCategory('clip');
    expect(Object.keys(records).sort()).toEqual([
      'Org/Model name with spaces',
      '__proto__',
      'constructor',
    ]);
    expect((await refs.getModel('clip', '__proto__')).record_type).toBe('clip');
    expect((await refs.getModel('clip', 'constructor')).name).toBe('constructor');
    expect((await refs.getModel('clip', 'Org/Model name with spaces')).name).toBe(
      'Org/Model name with spaces',
    );
    expect(await refs.findModel('clip', 'toString')).toBeUndefined();
    expect(await refs.findModel('clip', 'hasOwnProperty')).toBeUndefined();
    await expect(refs.getModel('clip', 'nope')).rejects.toThrow(
      /Model "nope" not found in category clip/,
    );
  });
});
