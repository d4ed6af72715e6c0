// The types of the query builder's field paths and operators, kept beside the builder.

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
