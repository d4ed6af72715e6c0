/** The canonical reference's source id. */
export const CANONICAL_SOURCE = 'horde';

// Which source gave a record, kept beside the record instead of in it: records stay exactly the
// data's shape, and a frozen record can still be labelled.
const SOURCES = new WeakMap<object, string>();

/** Labels every record of a category with the source that gave it. */
export function markSource(records: Readonly<Record<string, object>>, source: string): void {
  for (const record of Object.values(records)) SOURCES.set(record, source);
}

/**
 * The id of the source a record was read from (`horde` for the canonical reference, or a
 * provider id), or `undefined` for a record that did not come through a manager.
 *
 * @example
 * ```ts
 * const records = await refs.getCategory('image_generation', { source: ['pending', 'horde'] });
 * for (const record of Object.values(records)) console.log(record.name, sourceOf(record));
 * ```
 */
export function sourceOf(record: object): string | undefined {
  return SOURCES.get(record);
}
