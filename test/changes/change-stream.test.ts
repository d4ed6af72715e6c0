// `refs.changes()`: change events as an async iterator. No event lost between two `next()` calls,
// a bounded buffer that fails loudly rather than drop one, an end on abort, on close() and on
// `break`, and never a listener left behind.
import { describe, expect, it } from 'vitest';
import { changeStream } from '../../src/changes/change-stream.js';
import {
  type CategoryChange,
  ChangeBufferOverflowError,
  InvalidOptionsError,
  ManagerClosedError,
} from '../../src/index.js';
import { createStandInPrimary, FIXTURE_V2 } from '../../src/testing.js';
import { Emitter } from '../../src/util/emitter.js';
import { setup } from '../helpers/manager.js';

type Events = { change: CategoryChange; error: { readonly error: Error } };

const change = (category: CategoryChange['category'], name: string): CategoryChange => ({
  category,
  via: 'download',
  added: [name],
  removed: [],
  changed: [],
});

/** A stream over a real emitter, and a count of the abort listeners left on its signals. */
function stream(options: { bufferSize?: number; signal?: AbortSignal } = {}) {
  const events = new Emitter<Events>();
  const closing = new AbortController();
  const listeners = new Map<AbortSignal, number>();
  for (const signal of [closing.signal, options.signal].filter((s) => s !== undefined)) {
    listeners.set(signal, 0);
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<typeof add>) => {
      listeners.set(signal, (listeners.get(signal) ?? 0) + 1);
      add(...args);
    }) as typeof signal.addEventListener;
    signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
      listeners.set(signal, (listeners.get(signal) ?? 0) - 1);
      remove(...args);
    }) as typeof signal.removeEventListener;
  }
  const iterator = changeStream((l) => events.on('change', l), closing.signal, options);
  const left = () => ({
    change: events.has('change'),
    abort: [...listeners.values()].reduce((a, b) => a + b, 0),
  });
  return { events, closing, iterator, left };
}

describe('changeStream', () => {
  it('keeps events emitted before and between next() calls, in order', async () => {
    const { events, iterator } = stream();
    events.emit('change', change('clip', 'a')); // before the first next()
    const first = await iterator.next();
    events.emit('change', change('clip', 'b'));
    events.emit('change', change('esrgan', 'c'));
    events.emit('change', change('clip', 'd'));
    const rest = [await iterator.next(), await iterator.next(), await iterator.next()];
    expect([first, ...rest].map((r) => (r.done ? null : r.value.added[0]))).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('resolves a waiting next() with the next event', async () => {
    const { events, iterator } = stream();
    const waiting = iterator.next();
    events.emit('change', change('clip', 'late'));
    expect((await waiting).value?.added).toEqual(['late']);
  });

  it('ends at once when its signal aborts, dropping what is held, and removes every listener', async () => {
    const controller = new AbortController();
    const { events, iterator, left } = stream({ signal: controller.signal });
    expect(left()).toEqual({ change: true, abort: 2 });
    const waiting = iterator.next();
    controller.abort();
    expect(await waiting).toEqual({ done: true, value: undefined });
    events.emit('change', change('clip', 'after'));
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(left()).toEqual({ change: false, abort: 0 });
  });

  it('ends on close() after the events already held, and removes every listener', async () => {
    const { events, closing, iterator, left } = stream();
    events.emit('change', change('clip', 'held'));
    closing.abort();
    expect(left()).toEqual({ change: false, abort: 0 });
    expect((await iterator.next()).value?.added).toEqual(['held']);
    expect((await iterator.next()).done).toBe(true);
  });

  it('removes every listener when the loop breaks', async () => {
    const controller = new AbortController();
    const { events, iterator, left } = stream({ signal: controller.signal });
    events.emit('change', change('clip', 'one'));
    events.emit('change', change('clip', 'two'));
    for await (const _ of iterator) break;
    expect(left()).toEqual({ change: false, abort: 0 });
    expect((await iterator.next()).done).toBe(true);
  });

  it('fails after the held events rather than drop one, and stops listening', async () => {
    const { events, iterator, left } = stream({ bufferSize: 2 });
    for (const name of ['a', 'b', 'c', 'd']) events.emit('change', change('clip', name));
    expect(left()).toEqual({ change: false, abort: 0 });
    expect((await iterator.next()).value?.added).toEqual(['a']);
    expect((await iterator.next()).value?.added).toEqual(['b']);
    await expect(iterator.next()).rejects.toBeInstanceOf(ChangeBufferOverflowError);
    expect((await iterator.next()).done).toBe(true);
  });

  it('ends at once when created with an aborted signal', async () => {
    const { iterator, left } = stream({ signal: AbortSignal.abort() });
    expect(left().change).toBe(false);
    expect((await iterator.next()).done).toBe(true);
  });

  it.each([
    [{ bufferSize: 0 }, 'bufferSize'],
    [{ bufferSize: 1.5 }, 'bufferSize'],
    [{ signal: 'now' }, 'signal'],
    [{ buffer: 5 }, 'buffer'],
  ])('refuses %j', (options, option) => {
    const events = new Emitter<Events>();
    expect(() =>
      changeStream((l) => events.on('change', l), new AbortController().signal, options),
    ).toThrow(expect.objectContaining({ name: 'InvalidOptionsError', option }));
    expect(events.has('change')).toBe(false);
  });
});

describe('refs.changes()', () => {
  it('yields the changes a check finds, and ends when the manager closes', async () => {
    let serverNow = Date.now() - 60_000;
    const standIn = createStandInPrimary({ now: () => (serverNow += 1_000) });
    const { refs } = setup({}, standIn);
    await refs.getCategory('image_generation');
    await refs.checkForUpdates();
    const changes = refs.changes();
    const albedo = FIXTURE_V2.image_generation['AlbedoBase XL (SDXL)'] as { name: string };
    standIn.data.update('image_generation', { ...albedo, description: 'Retrained.' });
    await refs.checkForUpdates();
    const seen: CategoryChange[] = [];
    const loop = (async () => {
      for await (const c of changes) seen.push(c);
    })();
    await refs.close();
    await loop;
    expect(seen).toEqual([
      expect.objectContaining({
        category: 'image_generation',
        via: 'delta',
        changed: [expect.objectContaining({ name: albedo.name })],
      }),
    ]);
  });

  it('refuses bad options and a closed manager', async () => {
    const { refs } = setup();
    expect(() => refs.changes({ bufferSize: -1 })).toThrow(InvalidOptionsError);
    await refs.close();
    expect(() => refs.changes()).toThrow(ManagerClosedError);
  });
});
