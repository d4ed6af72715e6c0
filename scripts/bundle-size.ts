// `npm run size`: what an application loads from the package, minified and gzipped with its
// dependencies. For each check, esbuild bundles a module importing the named exports, splitting
// code the way application bundlers do; the initial load is the entry chunk plus every chunk it
// imports statically, gzipped together. Chunks loaded on demand (the legacy converters, needed only when the
// PRIMARY's v2 API cannot answer, change detection, provider reads, ...) are reported beside it. Each initial load has a target (issue 13's
// budget) and a ceiling: test:package fails past the ceiling (no growth unnoticed), and both this
// script and `npm run bench` say plainly when the target is missed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const root = resolve(import.meta.dirname, '..');

/** One measured import. */
export interface BundleCheck {
  readonly name: string;
  /** The built entry, relative to the package root. */
  readonly entry: string;
  /** The names imported, or `*` for the whole entry. */
  readonly imports: readonly string[] | '*';
  /** Target of the initial load in kB (1,000 bytes), or `null`: reported only. */
  readonly limitKb: number | null;
  /**
   * What CI lets the initial load reach, in kB: the target, or while the target is missed the
   * size measured when it was last accepted (so the miss cannot grow unnoticed).
   */
  readonly ceilingKb?: number;
}

/** The checks, in the order the reports list them. */
export const BUNDLE_CHECKS: readonly BundleCheck[] = [
  {
    name: 'core as a worker or dashboard imports it',
    entry: 'dist/index.js',
    imports: [
      'ModelReferenceManager',
      'createQuery',
      'searchRecords',
      'computeCategoryStatistics',
      'diffCategoryRecords',
      'selectModels',
      'downloadManifests',
      'diffManifests',
      'memoryStorage',
      'indexedDbStorage',
      'localStorageStorage',
      'isModelReferenceError',
    ],
    limitKb: 35,
    // The target is met: CI holds it (DEVELOPERS.md "Bundle budget").
    ceilingKb: 35,
  },
  {
    name: 'the whole root entry',
    entry: 'dist/index.js',
    imports: '*',
    limitKb: 36,
    ceilingKb: 36,
  },
  { name: './api, the API client alone', entry: 'dist/api.js', imports: '*', limitKb: null },
];

const SOURCE = 'measured.js';

/** Gzipped sizes of one check, in bytes. */
export interface BundleSize {
  /** The entry chunk and every chunk it imports statically. */
  readonly initial: number;
  /** Chunks loaded on demand. */
  readonly onDemand: number;
}

/** Bundles and measures one check (the package must be built: `npm run build`). */
export async function measureBundle(check: BundleCheck): Promise<BundleSize> {
  const out = mkdtempSync(join(tmpdir(), 'hmr-size-'));
  try {
    const from = JSON.stringify(join(root, check.entry));
    const contents =
      check.imports === '*'
        ? `export * from ${from};`
        : `export { ${check.imports.join(', ')} } from ${from};`;
    const { metafile } = await build({
      stdin: { contents, resolveDir: root, sourcefile: SOURCE },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      minify: true,
      metafile: true,
      outdir: out,
      logLevel: 'silent',
    });
    const outputs = (metafile as Metafile).outputs;
    // The measured module itself: chunks loaded on demand have an entry point of their own too.
    const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === SOURCE);
    if (!entry) throw new Error(`esbuild produced no output for ${SOURCE}`);
    const initial = new Set<string>();
    const visit = (path: string) => {
      if (initial.has(path)) return;
      initial.add(path);
      for (const link of outputs[path]?.imports ?? [])
        if (link.kind === 'import-statement' && !link.external) visit(link.path);
    };
    visit(entry);
    // Each group gzipped as one file: how much code it is, whichever way a bundler cuts it into
    // chunks (esbuild cuts finely, and per-file gzip would count its cuts, not our code).
    const gz = (paths: string[]) =>
      gzipSync(Buffer.concat(paths.map((path) => readFileSync(resolve(root, path)))), { level: 9 })
        .length;
    const scripts = Object.keys(outputs).filter((path) => path.endsWith('.js'));
    const onDemand = scripts.filter((path) => !initial.has(path));
    return { initial: gz([...initial]), onDemand: onDemand.length > 0 ? gz(onDemand) : 0 };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  let over = 0;
  for (const check of BUNDLE_CHECKS) {
    const { initial, onDemand } = await measureBundle(check);
    const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
    const within = check.limitKb === null || initial / 1000 <= check.limitKb;
    const ceiling = check.ceilingKb ?? check.limitKb;
    if (ceiling !== null && initial / 1000 > ceiling) over++;
    const target =
      check.limitKb === null
        ? ''
        : within
          ? ` (target ${check.limitKb} kB)`
          : ` (TARGET MISSED: ${check.limitKb} kB; CI ceiling ${ceiling} kB)`;
    console.log(
      `${within ? '✓' : '✗'} ${check.name}: ${kb(initial)} at start${target}, ${kb(onDemand)} more on demand`,
    );
  }
  if (over > 0) process.exitCode = 1;
}
