import { sourceOf } from '../records/provenance.js';
import type { SourceLayer, SourceState } from '../records/source-layer.js';
import { compareNullable } from './compare.js';
import { canonicalField, readPath } from './fields.js';
import { type LicensingSearchParams, licensingFilters } from './licensing-filters.js';
import type { SearchPage } from './search.js';

type Primitive = string | number | boolean | null | undefined;

/** Top-level keys of `R`, plus `key__sub` for object fields (one level), as the server spells paths. */
export type FieldPath<R> = {
  [K in keyof R & string]: NonNullable<R[K]> extends readonly unknown[]
    ? K
    : NonNullable<R[K]> extends object
      ? `${K}__${keyof NonNullable<R[K]> & string}`
      : K;
}[keyof R & string];

/** The value type at a {@link FieldPath}. */
export type FieldValue<R, P extends string> = P extends `${infer K}__${infer S}`
  ? K extends keyof R
    ? S extends keyof NonNullable<R[K]>
      ? NonNullable<R[K]>[S]
      : never
    : never
  : P extends keyof R
    ? R[P]
    : never;

/** Comparison operators of `where`. `contains` tests list membership or a substring. */
export type Operator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'contains';

/** The operand `where` takes for an operator on a field of value type `V`. */
export type Operand<V, O extends Operator> = O extends 'in'
  ? readonly NonNullable<V>[]
  : O extends 'contains'
    ? NonNullable<V> extends readonly (infer E)[]
      ? E
      : NonNullable<V> extends string
        ? string
        : never
    : O extends 'lt' | 'lte' | 'gt' | 'gte'
      ? Extract<NonNullable<V>, number | string>
      : V;

/** How `orderBy` sorts one key. */
export interface OrderOptions {
  /** @default 'asc' */
  readonly direction?: 'asc' | 'desc';
  /** Where null or missing values go, independent of the direction. @default 'last' */
  readonly nulls?: 'first' | 'last';
}

interface OrderKey {
  readonly path: readonly string[];
  readonly desc: boolean;
  readonly nullsFirst: boolean;
}

/** The state a query carries; every fluent call copies it. */
export interface QueryState<R> {
  readonly records: readonly R[];
  readonly predicates: readonly ((record: R) => boolean)[];
  readonly order: readonly OrderKey[];
  readonly offset: number;
  readonly limit: number | undefined;
  /** The sources the records were merged from (the first listed won each name). */
  readonly layers: readonly SourceLayer<R>[];
}

const pathOf = (field: string) =>
  field.split('__').map((s, i) => (i === 0 ? canonicalField(s) : s));

function test(operator: Operator, value: unknown, operand: unknown): boolean {
  const missing = value === null || value === undefined;
  switch (operator) {
    case 'eq':
      return value === operand;
    case 'ne':
      return value !== operand;
    case 'in':
      return (operand as readonly unknown[]).includes(value);
    case 'contains':
      if (Array.isArray(value)) return value.includes(operand);
      return typeof value === 'string' && typeof operand === 'string' && value.includes(operand);
    default: {
      if (missing) return false;
      const order = compareNullable(value, operand);
      return operator === 'lt'
        ? order < 0
        : operator === 'lte'
          ? order <= 0
          : operator === 'gt'
            ? order > 0
            : order >= 0;
    }
  }
}

/**
 * An immutable, typed query over one category's records. Every method returns a new query;
 * terminal methods (`toArray`, `first`, `count`, `distinct`, `groupBy`, `page`) run it.
 *
 * Unlike the reference library: a missing nested value makes a predicate false (never a
 * throw), `orderBy` takes several keys with an explicit `nulls` placement, `contains` means list
 * membership or substring everywhere, and `limit`/`offset` can be reset.
 *
 * @example
 * ```ts
 * const q = await refs.query('image_generation');
 * q.where('baseline', 'eq', 'stable_diffusion_xl').where('size_on_disk_bytes', 'lt', 7e9)
 *   .orderBy('name').limit(10).toArray();
 * ```
 */
export class ModelQuery<R extends object> implements Iterable<R> {
  protected readonly state: QueryState<R>;

  constructor(records: readonly R[] | QueryState<R>, layers: readonly SourceLayer<R>[] = []) {
    this.state = Array.isArray(records)
      ? { records, predicates: [], order: [], offset: 0, limit: undefined, layers }
      : (records as QueryState<R>);
  }

  /** A copy of this query (of the same class) with `patch` applied. */
  protected with(patch: Partial<QueryState<R>>): this {
    const Constructor = this.constructor as new (state: QueryState<R>) => this;
    return new Constructor({ ...this.state, ...patch });
  }

  /** Keeps records whose `field` satisfies `operator` against `value`. */
  where<P extends FieldPath<R>, O extends Operator>(
    field: P,
    operator: O,
    value: Operand<FieldValue<R, P>, O>,
  ): this {
    const path = pathOf(field);
    return this.filter((record) => test(operator, readPath(record, path), value));
  }

  /** Keeps records for which `predicate` returns true. */
  filter(predicate: (record: R) => boolean): this {
    return this.with({ predicates: [...this.state.predicates, predicate] });
  }

  /** Records with at least one of `tags` (exact, case-sensitive). */
  tagsAny(...tags: string[]): this {
    return this.filter((r) => tagList(r).some((t) => tags.includes(t)));
  }

  /** Records with every one of `tags`. */
  tagsAll(...tags: string[]): this {
    return this.filter((r) => tags.every((t) => tagList(r).includes(t)));
  }

  /** Records with none of `tags` (records without tags match). */
  tagsNone(...tags: string[]): this {
    return this.filter((r) => !tagList(r).some((t) => tags.includes(t)));
  }

  /** Records matching the licensing filters, with the server's semantics (no licensing = unknown). */
  whereLicensing(params: LicensingSearchParams): this {
    const filters = licensingFilters(params);
    return this.filter((record) => filters.every((matches) => matches(record)));
  }

  /** Adds a sort key; earlier keys take precedence. Stable: ties keep the records' order. */
  orderBy(field: FieldPath<R>, options: OrderOptions = {}): this {
    const key = {
      path: pathOf(field),
      desc: options.direction === 'desc',
      nullsFirst: options.nulls === 'first',
    };
    return this.with({ order: [...this.state.order, key] });
  }

  /** Skips `count` records (after sorting). `offset()` resets it. */
  offset(count = 0): this {
    return this.with({ offset: count });
  }

  /** Keeps at most `count` records. `limit()` removes the limit. */
  limit(count?: number): this {
    return this.with({ limit: count });
  }

  #matches(): R[] {
    const { records, predicates, order } = this.state;
    const matches = records.filter((r) => predicates.every((p) => p(r)));
    if (order.length === 0) return matches;
    const keyed = matches.map((record) => ({
      record,
      keys: order.map((o) => readPath(record, o.path)),
    }));
    keyed.sort((a, b) => {
      for (const [i, { desc, nullsFirst }] of order.entries()) {
        const x = a.keys[i] as Primitive;
        const y = b.keys[i] as Primitive;
        const xNull = x === null || x === undefined;
        const yNull = y === null || y === undefined;
        if (xNull || yNull) {
          if (xNull === yNull) continue;
          return (xNull ? 1 : -1) * (nullsFirst ? -1 : 1);
        }
        const c = desc ? compareNullable(y, x) : compareNullable(x, y);
        if (c !== 0) return c;
      }
      return 0;
    });
    return keyed.map((k) => k.record);
  }

  /** The records, filtered, sorted and paged. */
  toArray(): R[] {
    const { offset, limit } = this.state;
    return this.#matches().slice(offset, limit === undefined ? undefined : offset + limit);
  }

  /** Runs the query: `for (const record of query)`. */
  [Symbol.iterator](): Iterator<R> {
    return this.toArray()[Symbol.iterator]();
  }

  /** The first record, or `undefined`. */
  first(): R | undefined {
    return this.limit(1).toArray()[0];
  }

  /** How many records match (ignoring offset and limit). */
  count(): number {
    return this.#matches().length;
  }

  /** The distinct values of `field` among the results, in first-seen order (lists by content). */
  distinct<P extends FieldPath<R>>(field: P): FieldValue<R, P>[] {
    const path = pathOf(field);
    const seen = new Map<string, FieldValue<R, P>>();
    for (const record of this.toArray()) {
      const value = readPath(record, path) as FieldValue<R, P>;
      const key = JSON.stringify(value) ?? 'undefined';
      if (!seen.has(key)) seen.set(key, value);
    }
    return [...seen.values()];
  }

  /** The results grouped by `field` (insertion order); list values group by their content. */
  groupBy<P extends FieldPath<R>>(field: P): Map<FieldValue<R, P>, R[]> {
    const path = pathOf(field);
    return this.groupByKey((record) => readPath(record, path) as FieldValue<R, P>);
  }

  /** Keeps records read from one of these sources (`horde` or provider ids). */
  whereSource(...sources: string[]): this {
    return this.filter((record) => sources.includes(sourceOf(record) ?? ''));
  }

  /** The results grouped by the source they were read from. */
  groupBySource(): Map<string, R[]> {
    return this.groupByKey((record) => sourceOf(record) ?? 'unknown');
  }

  /** Names among the results that more than one source has (the first source listed won). */
  duplicateNames(): string[] {
    const { layers } = this.state;
    return this.toArray()
      .map((record) => String((record as { name?: unknown }).name))
      .filter((name) => layers.filter((layer) => Object.hasOwn(layer.records, name)).length > 1);
  }

  /** How each source did on the read this query runs over: `ok`, `empty` or `error`. */
  sourceStatus(): SourceState[] {
    return this.state.layers.map((layer) => layer.status);
  }

  /** Groups the results by a computed key. */
  protected groupByKey<K>(keyOf: (record: R) => K): Map<K, R[]> {
    const groups = new Map<K, R[]>();
    const byContent = new Map<string, K>();
    for (const record of this.toArray()) {
      let key = keyOf(record);
      if (Array.isArray(key)) {
        // Equal arrays are different objects: group them by content under the first one seen.
        const content = JSON.stringify(key);
        const first = byContent.get(content);
        if (first === undefined) byContent.set(content, key);
        else key = first;
      }
      const group = groups.get(key);
      if (group) group.push(record);
      else groups.set(key, [record]);
    }
    return groups;
  }

  /** The results as the search envelope: `{ results, total, offset, limit, hasMore }`. */
  page(): SearchPage<R> {
    const total = this.count();
    const limit = this.state.limit ?? total;
    const { offset } = this.state;
    return { results: this.toArray(), total, offset, limit, hasMore: offset + limit < total };
  }
}

function tagList(record: object): readonly string[] {
  const tags = (record as { tags?: unknown }).tags;
  return Array.isArray(tags) ? tags : [];
}
