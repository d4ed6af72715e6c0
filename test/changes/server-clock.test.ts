// The PRIMARY's `last_updated` stamps are on its clock, the manager's fetch times on its own. A
// machine whose clock runs ahead of the PRIMARY's took data fetched before a write for data
// fetched after it, and never saw that write (until the next one). The `Date` of the PRIMARY's
// answers tells how far behind its clock is; a `Date` that claims it is ahead is not trusted.
import { describe, expect, it } from 'vitest';
import { type CategoryChange, ModelReferenceManager } from '../../src/index.js';
import { createStandInPrimary, FIXTURE_V2 } from '../../src/testing.js';

const ALBEDO = FIXTURE_V2.image_generation['AlbedoBase XL (SDXL)'] as { name: string };

/** A stand-in whose clock is `behindMs` behind ours, answering with `date(now)` as its Date. */
function primaryBehind(behindMs: number, date: ((serverNow: number) => string) | null) {
  const serverNow = () => Date.now() - behindMs;
  const standIn = createStandInPrimary({ now: serverNow });
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const response = await standIn.fetch(input, init);
    if (!date) return response;
    const headers = new Headers(response.headers);
    headers.set('date', date(serverNow()));
    return new Response(response.body, { status: response.status, headers });
  };
  return { standIn, fetch };
}

/** Reads image_generation, then the PRIMARY writes, then the first check runs. */
async function writeBetweenReadAndFirstCheck(primary: ReturnType<typeof primaryBehind>) {
  const refs = new ModelReferenceManager({
    primaryUrl: primary.standIn.primaryUrl,
    github: false,
    fetch: primary.fetch,
  });
  await refs.getCategory('image_generation');
  primary.standIn.data.update('image_generation', { ...ALBEDO, description: 'written later' });
  const changes: CategoryChange[] = [];
  refs.on('change', (change) => changes.push(change));
  await refs.checkForUpdates();
  const held = (await refs.getModel('image_generation', ALBEDO.name)) as { description?: string };
  await refs.close();
  return { changes, description: held.description };
}

const httpDate = (ms: number) => new Date(ms).toUTCString();

describe('change detection across clocks', () => {
  it('sees a write made after its read when its own clock runs a minute ahead of the PRIMARY', async () => {
    const { changes, description } = await writeBetweenReadAndFirstCheck(
      primaryBehind(60_000, httpDate),
    );
    expect(description).toBe('written later');
    expect(changes.map((change) => change.category)).toEqual(['image_generation']);
  });

  it('without a Date header (hidden from a browser cross-origin) cannot tell, and takes the data as current (the case above can fail)', async () => {
    const { changes, description } = await writeBetweenReadAndFirstCheck(
      primaryBehind(60_000, null),
    );
    expect(description).not.toBe('written later');
    expect(changes).toEqual([]);
  });

  it('does not trust more when the Date claims the PRIMARY is an hour ahead, or is garbage', async () => {
    for (const date of [(now: number) => httpDate(now + 3_600_000), () => 'not a date']) {
      // Clocks agree; the write comes within the second of the read, so it must be downloaded.
      const { changes, description } = await writeBetweenReadAndFirstCheck(primaryBehind(0, date));
      expect(description).toBe('written later');
      expect(changes.map((change) => change.category)).toEqual(['image_generation']);
    }
  });
});
