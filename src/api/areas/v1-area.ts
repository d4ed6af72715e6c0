import * as z from 'zod/mini';
import { assertCategory, type Category } from '../../categories.js';
import { InvalidOptionsError } from '../../errors/invalid-options-error.js';
import type { ApiCallOptions } from '../call-options.js';
import { type ApiRoute, read, V1, write } from '../route.js';
import type { Call } from '../transport.js';
import type { PendingChangeRecord } from '../types/pending.js';
import {
  type MessageResponse,
  messageSchema,
  objectSchema,
  stringListSchema,
} from '../types/service.js';
import { checkAddressable } from '../write-checks.js';

const routes = {
  info: read(`${V1}/info`),
  categories: read(`${V1}/model_categories`),
  getCategory: read(`${V1}/{category}`),
  textGeneration: read(`${V1}/text_generation`),
  create: write('POST', `${V1}/{category}`, 'requestor'),
  update: write('PUT', `${V1}/{category}`, 'requestor'),
  delete: write('DELETE', `${V1}/{category}/model/{name}`, 'requestor'),
};
/** The v1 routes, by client method. */
export const V1_ROUTES: Readonly<Record<string, ApiRoute>> = routes;

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
  info(options?: ApiCallOptions): Promise<MessageResponse>;
  /** Includes lora and ti. */
  categories(options?: ApiCallOptions): Promise<string[]>;
  /** The legacy JSON as stored (text in the `db.json` shape); see `convertLegacyJson` for v2. */
  getCategory(category: Category, options?: ApiCallOptions): Promise<Record<string, unknown>>;
  /** The legacy text JSON; `includeGroup` adds each model's group and group summary. */
  textGeneration(
    params?: { includeGroup?: boolean },
    options?: ApiCallOptions,
  ): Promise<Record<string, unknown>>;
  /** Creates a model in the legacy format. */
  create(
    category: Category,
    record: { name: string } & Record<string, unknown>,
    options?: ApiCallOptions,
  ): Promise<V1WriteResult>;
  /** Replaces a model in the legacy format. */
  update(
    category: Category,
    record: { name: string } & Record<string, unknown>,
    options?: ApiCallOptions,
  ): Promise<V1WriteResult>;
  /** Deletes a model in the legacy format. @throws {InvalidOptionsError} for a name with `/`. */
  delete(category: Category, name: string, options?: ApiCallOptions): Promise<V1WriteResult>;
}

const writeResult = z.optional(objectSchema);

/** Builds `client.v1`. */
export function v1Area(call: Call): V1Area {
  const legacyWrite = (
    route: ApiRoute,
    category: Category,
    record: { name: string },
    options?: ApiCallOptions,
  ) => {
    if (typeof record?.name !== 'string' || record.name.trim() === '')
      throw new InvalidOptionsError('record.name', 'a legacy record needs a non-empty name');
    return call(route, {
      params: { category: assertCategory(category) },
      body: record,
      schema: writeResult,
      signal: options?.signal,
    });
  };
  return {
    info: (o) => call(routes.info, { schema: messageSchema, signal: o?.signal }),
    categories: (o) => call(routes.categories, { schema: stringListSchema, signal: o?.signal }),
    getCategory: (category, o) =>
      call(routes.getCategory, {
        params: { category: assertCategory(category) },
        schema: objectSchema,
        signal: o?.signal,
      }),
    textGeneration: (params = {}, o) =>
      call(routes.textGeneration, {
        query: { include_group: params.includeGroup },
        schema: objectSchema,
        signal: o?.signal,
      }),
    create: (category, record, o) => legacyWrite(routes.create, category, record, o),
    update: (category, record, o) => legacyWrite(routes.update, category, record, o),
    delete(category, name, o) {
      checkAddressable(name, 'delete');
      return call(routes.delete, {
        params: { category: assertCategory(category), name },
        schema: writeResult,
        signal: o?.signal,
      });
    },
  };
}
