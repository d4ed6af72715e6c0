import * as z from 'zod/mini';
import { assertCategory, type Category } from '../../categories.js';
import { InvalidOptionsError } from '../../errors/invalid-options-error.js';
import type { RequestOptions } from '../../http/request-options.js';
import { type ApiRoute, V1_ROUTES } from '../../http/routes.js';
import type { Call } from '../call.js';
import type { PendingChangeRecord } from '../types/pending.js';
import {
  type MessageResponse,
  messageSchema,
  objectSchema,
  stringListSchema,
} from '../types/service.js';
import { checkAddressable } from '../write-checks.js';

const routes = V1_ROUTES;

/**
 * What a v1 write answers: 202 with the queued change when the pending queue is on; the written
 * legacy record (201/200) or nothing (204) when an approver writes directly.
 */
export type V1WriteResult = PendingChangeRecord | Record<string, unknown> | undefined;

/**
 * `client.v1`: the legacy API. Writes exist only on legacy-canonical deployments (the public v2
 * PRIMARY answers 405/404 to them).
 */
export interface V1Area {
  /** The v1 API's banner. */
  info(options?: RequestOptions): Promise<MessageResponse>;
  /** Includes lora and ti. */
  categories(options?: RequestOptions): Promise<string[]>;
  /** The legacy JSON as stored (text in the `db.json` shape); see `convertLegacyJson` for v2. */
  getCategory(category: Category, options?: RequestOptions): Promise<Record<string, unknown>>;
  /** The legacy text JSON; `includeGroup` adds each model's group and group summary. */
  textGeneration(
    params?: { includeGroup?: boolean },
    options?: RequestOptions,
  ): Promise<Record<string, unknown>>;
  /** Creates a model in the legacy format. */
  create(
    category: Category,
    record: { name: string } & Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<V1WriteResult>;
  /** Replaces a model in the legacy format. */
  update(
    category: Category,
    record: { name: string } & Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<V1WriteResult>;
  /** Deletes a model in the legacy format. @throws {InvalidOptionsError} for a name with `/`. */
  delete(category: Category, name: string, options?: RequestOptions): Promise<V1WriteResult>;
}

const writeResult = z.optional(objectSchema);

/** Builds `client.v1`. */
export function v1Area(call: Call): V1Area {
  const legacyWrite = (
    route: ApiRoute,
    category: Category,
    record: { name: string },
    options?: RequestOptions,
  ) => {
    if (typeof record?.name !== 'string' || record.name.trim() === '')
      throw new InvalidOptionsError('record.name', 'a legacy record needs a non-empty name');
    return call(route, {
      params: { category: assertCategory(category) },
      body: record,
      schema: writeResult,
      options,
    });
  };
  return {
    info: (o) => call(routes.info, { schema: messageSchema, options: o }),
    categories: (o) => call(routes.categories, { schema: stringListSchema, options: o }),
    getCategory: (category, o) =>
      call(routes.getCategory, {
        params: { category: assertCategory(category) },
        schema: objectSchema,
        options: o,
      }),
    textGeneration: (params = {}, o) =>
      call(routes.textGeneration, {
        query: { include_group: params.includeGroup },
        schema: objectSchema,
        options: o,
      }),
    create: (category, record, o) => legacyWrite(routes.create, category, record, o),
    update: (category, record, o) => legacyWrite(routes.update, category, record, o),
    delete(category, name, o) {
      checkAddressable(name, 'delete');
      return call(routes.delete, {
        params: { category: assertCategory(category), name },
        schema: writeResult,
        options: o,
      });
    },
  };
}
