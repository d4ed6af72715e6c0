import { sourceOf } from '../records/provenance.js';
import type { SourceLayer, SourceState } from '../records/source-layer.js';
import { checkRecordsArgument } from './check-records.js';
import { compareNullable } from './compare.js';
import type { FieldPath, FieldValue, Operand, Operator } from './field-path.js';
import { readPath } from './fields.js';
import {
  checkLicensingParams,
  type LicensingSearchParams,
  licensingFilters,
} from './licensing-filters.js';
import { testOperator } from './operators.js';
import {
  checkCount,
  checkOperand,
  checkOrderOptions,
  checkStrings,
  expectArgument,
  fieldPath,
} from './query-arguments.js';
import type { SearchPage } from './search.js';

export type { FieldPath, FieldValue, Operand, Operator } from './field-path.js';

type Primitive = string | number | boolean | null | undefined;

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

  /**
   * @throws {InvalidOptionsError} when `records` is not a list of records.
   */
  constructor(records: readonly R[] | QueryState<R>, layers: readonly SourceLayer<R>[] = []) {
    if (Array.isArray(records)) {
      this.state = { records, predicates: [], order: [], offset: 0, limit: undefined, layers };
      return;
    }
    checkRecordsArgument(records);
    if (!Array.isArray((records as Partial<QueryState<R>>).records))
      checkRecordsArgument(null, 'records (a list of records)');
    this.state = records as QueryState<R>;
  }

  /** A copy of this query (of the same class) with `patch` applied. */
  protected with(patch: Partial<QueryState<R>>): this {
    const Constructor = this.constructor as new (state: QueryState<R>) => this;
    return new Constructor({ ...this.state, ...patch });
  }

  /**
   * Keeps records whose `field` satisfies `operator` against `value`. Fields are read as own
   * properties only: a name inherited from `Object.prototype` (`constructor`, ...) is never a field.
   *
   * @throws {InvalidSearchParamsError} for a field that is not a non-empty string, an unknown
   * operator, an `in` without a list, or `lt`/`lte`/`gt`/`gte` without a number or string.
   */
  where<P extends FieldPath<R>, O extends Operator>(
    field: P,
    operator: O,
    value: Operand<FieldValue<R, P>, O>,
  ): this {
    const path = fieldPath(field);
    checkOperand(operator, value);
    return this.filter((record) => testOperator(operator, readPath(record, path), value));
  }

  /**
   * Keeps records for which `predicate` returns true.
   *
   * @throws {InvalidSearchParamsError} when `predicate` is not a function.
   */
  filter(predicate: (record: R) => boolean): this {
    expectArgument(typeof predicate === 'function', 'predicate', predicate, 'a function');
    return this.with({ predicates: [...this.state.predicates, predicate] });
  }

  /**
   * Records with at least one of `tags` (exact, case-sensitive).
   *
   * @throws {InvalidSearchParamsError} when a tag is not a string.
   */
  tagsAny(...tags: string[]): this {
    checkStrings('tags', tags);
    return this.filter((r) => tagList(r).some((t) => tags.includes(t)));
  }

  /**
   * Records with every one of `tags`.
   *
   * @throws {InvalidSearchParamsError} when a tag is not a string.
   */
  tagsAll(...tags: string[]): this {
    checkStrings('tags', tags);
    return this.filter((r) => tags.every((t) => tagList(r).includes(t)));
  }

  /**
   * Records with none of `tags` (records without tags match).
   *
   * @throws {InvalidSearchParamsError} when a tag is not a string.
   */
  tagsNone(...tags: string[]): this {
    checkStrings('tags', tags);
    return this.filter((r) => !tagList(r).some((t) => tags.includes(t)));
  }

  /**
   * Records matching the licensing filters, with the server's semantics (no licensing = unknown).
   *
   * @throws {InvalidSearchParamsError} for a filter of the wrong type or an unknown status.
   */
  whereLicensing(params: LicensingSearchParams): this {
    checkLicensingParams(params);
    const filters = licensingFilters(params);
    return this.filter((record) => filters.every((matches) => matches(record)));
  }

  /**
   * Adds a sort key; earlier keys take precedence. Stable: ties keep the records' order.
   *
   * @throws {InvalidSearchParamsError} for a bad field, direction or `nulls` placement.
   */
  orderBy(field: FieldPath<R>, options: OrderOptions = {}): this {
    checkOrderOptions(options);
    const key = {
      path: fieldPath(field),
      desc: options.direction === 'desc',
      nullsFirst: options.nulls === 'first',
    };
    return this.with({ order: [...this.state.order, key] });
  }

  /**
   * Skips `count` records (after sorting). `offset()` resets it.
   *
   * @throws {InvalidSearchParamsError} unless `count` is a whole number >= 0.
   */
  offset(count = 0): this {
    checkCount('offset', count);
    return this.with({ offset: count });
  }

  /**
   * Keeps at most `count` records. `limit()` removes the limit.
   *
   * @throws {InvalidSearchParamsError} unless `count` is a whole number >= 0 or `undefined`.
   */
  limit(count?: number): this {
    checkCount('limit', count);
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
    const path = fieldPath(field);
    const seen = new Map<unknown, FieldValue<R, P>>();
    for (const record of this.toArray()) {
      const value = readPath(record, path) as FieldValue<R, P>;
      const key = contentKey(value);
      if (!seen.has(key)) seen.set(key, value);
    }
    return [...seen.values()];
  }

  /** The results grouped by `field` (insertion order); list values group by their content. */
  groupBy<P extends FieldPath<R>>(field: P): Map<FieldValue<R, P>, R[]> {
    const path = fieldPath(field);
    return this.groupByKey((record) => readPath(record, path) as FieldValue<R, P>);
  }

  /**
   * Keeps records read from one of these sources (`horde` or provider ids).
   *
   * @throws {InvalidSearchParamsError} when a source is not a string.
   */
  whereSource(...sources: string[]): this {
    checkStrings('sources', sources);
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
    const byContent = new Map<unknown, K>();
    for (const record of this.toArray()) {
      let key = keyOf(record);
      if (Array.isArray(key)) {
        // Equal arrays are different objects: group them by content under the first one seen.
        const content = contentKey(key);
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

/**
 * Equal lists and objects are different objects: they are grouped by their JSON text. A value
 * JSON cannot write (a BigInt, a circular list in a caller's own records) is its own key.
 */
function contentKey(value: unknown): unknown {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return value;
  }
}

function tagList(record: object): readonly string[] {
  const tags = (record as { tags?: unknown }).tags;
  return Array.isArray(tags) ? tags : [];
}
