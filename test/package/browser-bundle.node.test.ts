import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = (file: string) => fileURLToPath(new URL(`../../src/${file}`, import.meta.url));
const BUILTINS = new Set(builtinModules);

/** Bundles an entry for the browser and lists every Node built-in its import graph reaches. */
async function nodeImportsOf(file: string): Promise<string[]> {
  const found: string[] = [];
  const spy: Plugin = {
    name: 'node-builtins',
    setup(bundle) {
      bundle.onResolve({ filter: /.*/ }, ({ path, importer }) => {
        if (path.startsWith('node:') || BUILTINS.has(path.split('/')[0] ?? '')) {
          found.push(`${path} (from ${importer.replace(/.*\/(src|node_modules)\//, '$1/')})`);
          return { path, external: true };
        }
        return undefined;
      });
    },
  };
  await build({
    entryPoints: [entry(file)],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    logLevel: 'silent',
    plugins: [spy],
  });
  return found;
}

describe('the core entry point', () => {
  it('bundles for the browser with no node:* module anywhere in its import graph', async () => {
    expect(await nodeImportsOf('index.ts')).toEqual([]);
  });

  it('the check itself sees Node imports (the ./node entry has them)', async () => {
    expect((await nodeImportsOf('node.ts')).some((line) => line.startsWith('node:'))).toBe(true);
  });
});
