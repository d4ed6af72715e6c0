// Seeded random values for the public-API fuzz test: every JSON type, plus null, undefined,
// BigInt, symbols, circular objects and lists, names inherited from Object.prototype, and now and
// then a value the API accepts, so calls get past the first check and reach deeper code.
import { CATEGORIES } from 'horde-model-reference';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PROTOTYPE_NAMES: readonly string[] = [
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__proto__',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
];

const FIELDS = [
  'name',
  'nsfw',
  'baseline',
  'tags',
  'size_on_disk_bytes',
  'metadata__created_at',
  'config__download',
  'parameters',
  'parameters_count',
  'record_type',
  'a__b',
  '__',
];

const SEARCH_KEYS = [
  'nsfw',
  'baseline',
  'inpainting',
  'tagsAny',
  'tagsAll',
  'tagsNone',
  'nameContains',
  'backend',
  'excludeBackendVariations',
  'quantized',
  'sortBy',
  'sortDesc',
  'limit',
  'offset',
  'source',
  'licenseId',
  'commercialUse',
  'redistribution',
];

const OTHER_KEYS = ['signal', 'replace', 'intervalMs', 'direction', 'nulls', 'id', 'categories'];

const STRINGS = [
  '',
  ' ',
  'horde',
  'any',
  'stable_diffusion_xl',
  'AlbedoBase XL (SDXL)',
  'koboldcpp/x',
  'anime',
  'asc',
  'desc',
  'first',
  'eq',
  'in',
  'lt',
  'contains',
  '\u001b]0;title\u0007\u001b[2J',
  '\u0000\u007f\u009b',
  '../../etc/passwd',
  '🙂'.repeat(3),
  'x'.repeat(5_000),
];

/** A fuzz source: random numbers and the values built from them. */
export class Fuzz {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = seeded(seed);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** A string: a category, a field, a prototype name, control characters, a long one... */
  string(): string {
    return this.pick([
      () => this.pick(CATEGORIES),
      () => this.pick(FIELDS),
      () => this.pick(PROTOTYPE_NAMES),
      () => this.pick(STRINGS),
      () => this.pick(SEARCH_KEYS),
    ])();
  }

  number(): number {
    return this.pick([0, -0, 1, -1, 1.5, 50, 500, 501, 2 ** 53, 1e21, NaN, Infinity, -Infinity]);
  }

  circular(): unknown {
    if (this.chance(0.5)) {
      const list: unknown[] = [1];
      list.push(list);
      return list;
    }
    const object: Record<string, unknown> = { name: 'loop', nsfw: false };
    object.self = object;
    object[this.pick(SEARCH_KEYS)] = object;
    return object;
  }

  signal(): AbortSignal {
    const controller = new AbortController();
    if (this.chance(0.3)) controller.abort(new Error('aborted by the fuzz test'));
    return controller.signal;
  }

  /** Any value, `depth` levels deep at most. */
  value(depth = 0): unknown {
    const kinds = depth >= 2 ? 9 : 12;
    switch (this.int(kinds)) {
      case 0:
        return null;
      case 1:
        return undefined;
      case 2:
        return this.chance(0.5);
      case 3:
        return this.number();
      case 4:
      case 5:
        return this.string();
      case 6:
        return this.pick([0n, 5n, -1n, 2n ** 64n]);
      case 7:
        return this.pick([Symbol('fuzz'), Symbol.iterator, Symbol()]);
      case 8:
        return this.circular();
      case 9:
        return Array.from({ length: this.int(4) }, () => this.value(depth + 1));
      default:
        return this.object(depth + 1);
    }
  }

  /** An object whose keys are parameter names, prototype names or other strings. */
  object(depth = 0, keys: readonly string[] = [...SEARCH_KEYS, ...OTHER_KEYS]): object {
    const object: Record<string, unknown> = {};
    for (let i = this.int(4); i > 0; i--) {
      const key = this.chance(0.2) ? this.pick(PROTOTYPE_NAMES) : this.pick(keys);
      // defineProperty: `__proto__` becomes an own key, as JSON.parse makes it.
      Object.defineProperty(object, key, {
        value: this.value(depth),
        enumerable: true,
        configurable: true,
        writable: true,
      });
    }
    return object;
  }

  /** A category most of the time, anything else otherwise. */
  category(): unknown {
    return this.chance(0.7) ? this.pick(CATEGORIES) : this.value();
  }

  /** Search parameters: often valid-looking, sometimes not an object at all. */
  params(): unknown {
    if (this.chance(0.15)) return this.value();
    const params: Record<string, unknown> = {};
    for (let i = this.int(4); i > 0; i--) {
      const key = this.chance(0.1) ? this.pick(PROTOTYPE_NAMES) : this.pick(SEARCH_KEYS);
      params[key] = this.chance(0.5) ? this.validParam(key) : this.value(1);
    }
    return params;
  }

  validParam(key: string): unknown {
    switch (key) {
      case 'nsfw':
      case 'inpainting':
      case 'quantized':
      case 'sortDesc':
      case 'excludeBackendVariations':
        return this.chance(0.5);
      case 'tagsAny':
      case 'tagsAll':
      case 'tagsNone':
        return [this.string()];
      case 'limit':
        return 1 + this.int(500);
      case 'offset':
        return this.int(10);
      case 'source':
        return this.pick(['horde', 'any', ['horde'], 'fuzz-provider']);
      case 'sortBy':
        return this.chance(0.5) ? this.pick(FIELDS) : this.pick(PROTOTYPE_NAMES);
      case 'commercialUse':
      case 'redistribution':
        return this.pick(['allowed', 'allowed_with_conditions', 'prohibited', 'unknown']);
      case 'licenseId':
        return this.pick(['Apache-2.0', 'MIT', this.string()]);
      default:
        return this.string();
    }
  }

  /** Per-call options: usually absent or sane, sometimes anything. */
  options(): unknown {
    return this.pick([
      () => undefined,
      () => ({}),
      () => ({ signal: this.signal() }),
      () => ({ source: this.validParam('source') }),
      () => this.value(),
      () => ({ signal: this.value(1), source: this.value(1) }),
    ])();
  }

  /** A field path for the query builder. */
  field(): unknown {
    return this.chance(0.7) ? this.pick([...FIELDS, ...PROTOTYPE_NAMES]) : this.value();
  }
}
