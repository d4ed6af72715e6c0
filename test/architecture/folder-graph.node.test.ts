// The layers of src/ as DEVELOPERS.md writes them down: no import runs up a layer, and no two
// folders import each other. The order is read from DEVELOPERS.md, so the document and the code
// cannot drift apart.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

/** Every .ts file under a folder. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The unit a file belongs to: its top-level folder of src/ (`http`), or the top-level file itself
 * (`events.ts`; entry files such as `api.ts` are units apart from the folder of the same name).
 */
const unitOf = (file: string) => {
  const [first = '', ...rest] = relative(src, file).split('/');
  return rest.length > 0 ? first : first.replace(/\.js$/, '.ts');
};

/** unit → the units it imports (relative imports only; packages are not layers). */
function graph(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const file of files(src)) {
    const from = unitOf(file);
    const imports = edges.get(from) ?? new Set<string>();
    edges.set(from, imports);
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const to = unitOf(resolve(dirname(file), spec as string));
      if (to !== from) imports.add(to);
    }
  }
  return edges;
}

/** The layer order written in DEVELOPERS.md: the line after "Layer order (bottom first):". */
function documentedOrder(): string[] {
  const text = readFileSync(join(root, 'DEVELOPERS.md'), 'utf8');
  const match = /Layer order \(bottom first\):\s*\n+((?:[^\n]+\n)+?)\n/.exec(text);
  if (!match) throw new Error('DEVELOPERS.md has no "Layer order (bottom first):" paragraph');
  return [...(match[1] ?? '').matchAll(/`([\w.-]+?)\/?`/g)].map((m) => m[1] as string);
}

describe('the folder graph of src/', () => {
  const edges = graph();
  const order = documentedOrder();

  it('names every folder and top-level file of src/ in the documented layer order', () => {
    expect([...edges.keys()].filter((unit) => !order.includes(unit))).toEqual([]);
    expect(order.filter((unit) => !edges.has(unit))).toEqual([]);
  });

  it('has no import that runs up a layer (so no two folders import each other)', () => {
    const upward: string[] = [];
    for (const [from, targets] of edges)
      for (const to of targets)
        if (order.indexOf(to) > order.indexOf(from)) upward.push(`${from} → ${to}`);
    expect(upward).toEqual([]);
  });
});
