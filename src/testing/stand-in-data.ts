import { CATEGORIES, type Category } from '../categories.js';
import { FIXTURE_V2 } from './fixtures.js';

/** The PRIMARY's per-category change metadata (`/model_references/v2/metadata/...`). */
export interface StandInCategoryMetadata {
  category: Category;
  last_updated: number;
  last_operation_type: 'create' | 'update' | 'delete' | null;
  last_operation_model: string | null;
  total_creates: number;
  total_updates: number;
  total_deletes: number;
  total_models: number;
  initialization_time: number;
  last_successful_operation: number;
  error_count: number;
  metadata_schema_version: string;
  backend_type: string;
}

const clone = <T>(value: T): T => structuredClone(value);

/**
 * The stand-in's mutable v2 dataset and metadata. Writes behave like the real PRIMARY's: they
 * move `last_updated` (whole seconds), count creates/updates/deletes and name the last operation.
 */
export class StandInData {
  readonly #v2 = new Map<Category, Record<string, unknown>>();
  readonly #metadata = new Map<Category, StandInCategoryMetadata>();
  readonly #pending = new Map<Category, Record<string, unknown>>();
  readonly #now: () => number;

  constructor(
    data: Partial<Record<Category, Readonly<Record<string, unknown>>>>,
    now: () => number,
  ) {
    this.#now = now;
    const started = this.#seconds();
    for (const category of CATEGORIES) {
      this.#v2.set(
        category,
        Object.assign(Object.create(null), clone(data[category] ?? FIXTURE_V2[category])),
      );
      this.#metadata.set(category, {
        category,
        last_updated: started,
        last_operation_type: null,
        last_operation_model: null,
        total_creates: 0,
        total_updates: 0,
        total_deletes: 0,
        total_models: 0,
        initialization_time: started,
        last_successful_operation: started,
        error_count: 0,
        metadata_schema_version: '1.0.0',
        backend_type: 'FileSystemBackend',
      });
    }
  }

  #seconds(): number {
    return Math.floor(this.#now() / 1000);
  }

  /** The raw v2 records of a category, keyed as stored. */
  category(category: Category): Record<string, unknown> {
    return this.#v2.get(category) ?? {};
  }

  /** Records the pending route serves (creates and updates awaiting review), keyed by name. */
  pending(category: Category): Record<string, unknown> {
    return this.#pending.get(category) ?? {};
  }

  /** Sets what `GET /v2/{category}/pending` answers. */
  setPending(category: Category, records: Readonly<Record<string, unknown>>): void {
    this.#pending.set(category, clone({ ...records }));
  }

  /** The category's metadata, as `GET .../v2/metadata/{category}` answers it. */
  metadata(category: Category): StandInCategoryMetadata {
    return this.#metadata.get(category) as StandInCategoryMetadata;
  }

  /** Adds a model, as an applied v2 create. */
  create(category: Category, record: { name: string } & Record<string, unknown>): void {
    this.#write(category, record.name, 'create', clone(record));
  }

  /** Replaces a model, as an applied v2 update. */
  update(category: Category, record: { name: string } & Record<string, unknown>): void {
    this.#write(category, record.name, 'update', clone(record));
  }

  /** Removes a model, as an applied v2 delete. */
  delete(category: Category, name: string): void {
    this.#write(category, name, 'delete', undefined);
  }

  #write(
    category: Category,
    name: string,
    operation: 'create' | 'update' | 'delete',
    record: unknown,
  ): void {
    const data = this.category(category);
    if (record === undefined) delete data[name];
    else data[name] = record;
    const meta = this.metadata(category);
    const now = this.#seconds();
    meta.last_updated = now;
    meta.last_successful_operation = now;
    meta.last_operation_type = operation;
    meta.last_operation_model = name;
    if (operation === 'create') meta.total_creates++;
    else if (operation === 'update') meta.total_updates++;
    else meta.total_deletes++;
  }
}
