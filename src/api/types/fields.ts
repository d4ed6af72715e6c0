// The building blocks of the answer schemas: the server sends optional fields as absent or null.
import * as z from 'zod/mini';
import { dictionary } from '../../schemas/dictionary.js';
import type { Schema } from '../../schemas/shared.js';

/** A string. */
export const str: Schema<string> = z.string();
/** A number. */
export const num: Schema<number> = z.number();
/** A list of strings. */
export const strings: Schema<string[]> = z.array(str);
/** A list of objects passed through as sent. */
export const objects: Schema<Record<string, unknown>[]> = z.array(dictionary(z.unknown()));
/** An optional field the server may also send as `null`. */
export const maybe = <T>(schema: Schema<T>): Schema<T | null | undefined> =>
  z.optional(z.nullable(schema));
