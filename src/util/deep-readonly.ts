// Primitives first: a branded string (`'a' | (string & {})`) would otherwise be mapped as an object.
type Primitive = string | number | boolean | bigint | symbol | null | undefined;

/**
 * `T` with every property and every nested array and object read-only: the type of the records
 * the SDK hands out, which are deep-frozen at validation. Functions are left as they are.
 *
 * @example
 * ```ts
 * const sdxl: DeepReadonly<ImageGenerationRecord> = await refs.getModel('image_generation', 'AlbedoBase XL (SDXL)');
 * sdxl.tags.push('x'); // type error: tags is a readonly string[]
 * ```
 */
export type DeepReadonly<T> = T extends Primitive | ((...args: never[]) => unknown)
  ? T
  : T extends readonly (infer E)[]
    ? readonly DeepReadonly<E>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;
