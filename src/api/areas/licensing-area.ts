// `client.licensing`: license definitions, licensed assets, per-model conclusions, the summary and
// the export (upstream `service/v2/routers/licensing.py` at c0fba994; docs/upstream-8x.md).
import { assertCategory, type Category } from '../../categories.js';
import { isApiError } from '../../errors/api-error.js';
import { InvalidOptionsError } from '../../errors/invalid-options-error.js';
import type { RequestOptions } from '../../http/request-options.js';
import { LICENSING_ROUTES } from '../../http/routes-8x.js';
import type { LicensingSummary } from '../../query/licensing-summary.js';
import { modelNameCandidates } from '../../records/model-aliases.js';
import {
  type LicenseDefinition,
  type LicensedAsset,
  licenseDefinitionSchema,
  licensedAssetSchema,
} from '../../schemas/license-records.js';
import type { KnownPermissionStatus } from '../../schemas/licensing.js';
import { parseWith } from '../../schemas/parse-records.js';
import type { Schema } from '../../schemas/shared.js';
import type { Call } from '../call.js';
import { featureCall, isRouteMissing } from '../feature-call.js';
import {
  type LicenseDefinitionPage,
  type LicensedAssetPage,
  type LicensedAssetView,
  type LicensingExport,
  licenseDefinitionPageSchema,
  licensedAssetPageSchema,
  licensedAssetViewSchema,
  licensingExportSchema,
  licensingSummarySchema,
} from '../types/licensing.js';

const routes = LICENSING_ROUTES;

/** Filters of `licensing.assets`, the server's query parameters in camelCase. */
export interface LicensedAssetFilter {
  /** `model`, `custom_node`, `software_component` or `other`. */
  readonly assetKind?: string;
  readonly category?: Category;
  /** Assets whose model-level conclusion names this license id. */
  readonly licenseId?: string;
  readonly commercialUse?: KnownPermissionStatus;
  readonly redistribution?: KnownPermissionStatus;
  /** Case-insensitive substring of the display name. */
  readonly nameContains?: string;
  /** @default 0 */
  readonly offset?: number;
  /** 1–1000. @default 100 */
  readonly limit?: number;
}

type O = RequestOptions | undefined;

/**
 * `client.licensing` (8.x servers): reads are open; writes need the `license_editor` role and a
 * PRIMARY, and apply at once (they are not queued). Model conclusions are not edited here: they
 * are the `licensing` field of a model, written with `v2.update` through the pending queue.
 * Against a server without these routes every method throws `FeatureUnavailableError`.
 */
export interface LicensingArea {
  /** License definitions, by id. @default includeDeprecated true, offset 0, limit 100 */
  licenses(
    params?: { includeDeprecated?: boolean; offset?: number; limit?: number },
    options?: O,
  ): Promise<LicenseDefinitionPage>;
  /** One definition. @throws {ApiError} 404 for an unknown id. */
  license(licenseId: string, options?: O): Promise<LicenseDefinition>;
  /**
   * Creates a definition (201). @throws {InvalidOptionsError} for an invalid definition, before
   * any request. @throws {ApiError} 409 when the id exists.
   */
  createLicense(definition: LicenseDefinition | object, options?: O): Promise<LicenseDefinition>;
  /** Replaces a definition. @throws {InvalidOptionsError} when the body's id differs from `licenseId`. */
  replaceLicense(
    licenseId: string,
    definition: LicenseDefinition | object,
    options?: O,
  ): Promise<LicenseDefinition>;
  /** Deletes a definition no model, file or asset references. @throws {ApiError} 409 while referenced. */
  deleteLicense(licenseId: string, options?: O): Promise<void>;
  /** Models and non-model assets with their conclusions. */
  assets(filter?: LicensedAssetFilter, options?: O): Promise<LicensedAssetPage>;
  /** One non-model asset (its identifier may contain `/`). */
  asset(kind: string, identifier: string, options?: O): Promise<LicensedAsset>;
  /** Creates a non-model asset (201). @throws {InvalidOptionsError} for an invalid asset. */
  createAsset(asset: LicensedAsset | object, options?: O): Promise<LicensedAsset>;
  /** Replaces a non-model asset. @throws {InvalidOptionsError} when its kind or identifier differ from the path. */
  replaceAsset(
    kind: string,
    identifier: string,
    asset: LicensedAsset | object,
    options?: O,
  ): Promise<LicensedAsset>;
  /** Deletes a non-model asset. */
  deleteAsset(kind: string, identifier: string, options?: O): Promise<void>;
  /**
   * One model's conclusion with links to its definitions; an alias (`control_qr_sdxl`) finds the
   * canonical model. @throws {ApiError} 404 for an unknown model.
   */
  model(category: Category, name: string, options?: O): Promise<LicensedAssetView>;
  /** Counts per status and per license id, over models (no licensing = unknown) and assets. */
  summary(options?: O): Promise<LicensingSummary>;
  /** Definitions, assets and the summary in one deterministic answer. */
  export(options?: O): Promise<LicensingExport>;
}

function checked<T>(schema: Schema<T>, value: unknown, what: string): T {
  const parsed = parseWith(schema, value);
  if (parsed.ok) return parsed.record;
  throw new InvalidOptionsError(
    what,
    `not a valid ${what}: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
  );
}

/** Builds `client.licensing`. */
export function licensingArea(rawCall: Call): LicensingArea {
  const call = featureCall(rawCall, 'licensing');
  const definition = (value: unknown) => checked(licenseDefinitionSchema, value, 'definition');
  const licensedAsset = (value: unknown) => checked(licensedAssetSchema, value, 'asset');
  return {
    licenses: (params = {}, o) =>
      call(routes.licenses, {
        query: {
          include_deprecated: params.includeDeprecated,
          offset: params.offset,
          limit: params.limit,
        },
        schema: licenseDefinitionPageSchema,
        options: o,
      }),
    license: (id, o) =>
      call(routes.license, { params: { id }, schema: licenseDefinitionSchema, options: o }),
    // async: a refused argument is a rejection, like every other failure of a call.
    createLicense: async (value, o) =>
      call(routes.createLicense, {
        body: definition(value),
        schema: licenseDefinitionSchema,
        options: o,
      }),
    async replaceLicense(id, value, o) {
      const body = definition(value);
      if (body.license_id !== id)
        throw new InvalidOptionsError(
          'definition.license_id',
          `"${body.license_id}" differs from the id in the path, "${id}" (the server answers 400)`,
        );
      return call(routes.replaceLicense, {
        params: { id },
        body,
        schema: licenseDefinitionSchema,
        options: o,
      });
    },
    deleteLicense: (id, o) =>
      call(routes.deleteLicense, { params: { id }, schema: null, options: o }),
    assets: (filter = {}, o) =>
      call(routes.assets, {
        query: {
          asset_kind: filter.assetKind,
          category: filter.category === undefined ? undefined : assertCategory(filter.category),
          license_id: filter.licenseId,
          commercial_use: filter.commercialUse,
          redistribution: filter.redistribution,
          name_contains: filter.nameContains,
          offset: filter.offset,
          limit: filter.limit,
        },
        schema: licensedAssetPageSchema,
        options: o,
      }),
    asset: (kind, identifier, o) =>
      call(routes.asset, {
        params: { kind, identifier },
        schema: licensedAssetSchema,
        options: o,
      }),
    createAsset: async (value, o) =>
      call(routes.createAsset, {
        body: licensedAsset(value),
        schema: licensedAssetSchema,
        options: o,
      }),
    async replaceAsset(kind, identifier, value, o) {
      const body = licensedAsset(value);
      if (body.asset_kind !== kind || body.asset_identifier !== identifier)
        throw new InvalidOptionsError(
          'asset',
          `its identity ${body.asset_kind}:${body.asset_identifier} differs from the path, ${kind}:${identifier} (the server answers 400)`,
        );
      return call(routes.replaceAsset, {
        params: { kind, identifier },
        body,
        schema: licensedAssetSchema,
        options: o,
      });
    },
    deleteAsset: (kind, identifier, o) =>
      call(routes.deleteAsset, { params: { kind, identifier }, schema: null, options: o }),
    async model(category, name, o) {
      assertCategory(category);
      const candidates = modelNameCandidates(category, name);
      for (const [i, candidate] of candidates.entries()) {
        try {
          return await call(routes.model, {
            params: { category, name: candidate },
            schema: licensedAssetViewSchema,
            options: o,
          });
        } catch (error) {
          // A deployment being migrated may know the record under another of its names.
          const last = i === candidates.length - 1;
          if (last || !isApiError(error) || error.status !== 404 || isRouteMissing(error))
            throw error;
        }
      }
      throw new Error('unreachable: modelNameCandidates is never empty');
    },
    summary: (o) => call(routes.summary, { schema: licensingSummarySchema, options: o }),
    export: (o) => call(routes.export, { schema: licensingExportSchema, options: o }),
  };
}
