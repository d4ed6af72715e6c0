// `npm run api-report`: writes API-REPORT.md, the list of every name each entry point exports.
// test/package/api-report.test.ts fails while the file and the entries disagree, so a change to
// the public surface is always a reviewed change of this file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** The entry points, as package.json exports them. */
export const ENTRIES: Readonly<Record<string, string>> = {
  'horde-model-reference': 'src/index.ts',
  'horde-model-reference/api': 'src/api.ts',
  'horde-model-reference/schemas': 'src/schemas.ts',
  'horde-model-reference/node': 'src/node.ts',
  'horde-model-reference/testing': 'src/testing.ts',
  'horde-model-reference/fleet': 'src/fleet.ts',
  'horde-model-reference/redis': 'src/redis.ts',
};

/** One exported name. */
export interface ExportedName {
  readonly name: string;
  readonly kind: 'value' | 'type';
}

/**
 * The names an entry file exports, read from its `export { ... } from` lists (entries have no
 * other kind of export: `export *` is refused, since it would hide what leaves the package).
 *
 * @throws {Error} for an `export *` or any export that is not a named list.
 */
export function entryExports(file: string): ExportedName[] {
  const text = readFileSync(join(root, file), 'utf8').replace(/\/\/[^\n]*/g, '');
  if (/export\s+(type\s+)?\*/.test(text)) throw new Error(`${file} uses export *`);
  const names: ExportedName[] = [];
  for (const [, allTypes, body] of text.matchAll(/export\s+(type\s+)?\{([^}]*)\}\s*from/g)) {
    for (const part of (body ?? '').split(',')) {
      const item = part.trim();
      if (!item) continue;
      const name = item
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop() as string;
      names.push({ name, kind: allTypes || item.startsWith('type ') ? 'type' : 'value' });
    }
  }
  const rest = text.replace(/export\s+(type\s+)?\{[^}]*\}\s*from\s*'[^']+';/g, '');
  if (/\bexport\b/.test(rest)) throw new Error(`${file} has an export that is not a named list`);
  return names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The report's text. */
export function apiReport(): string {
  const sections = Object.entries(ENTRIES).map(([entry, file]) => {
    const names = entryExports(file);
    const values = names.filter((n) => n.kind === 'value').length;
    const lines = names.map((n) => `- ${n.kind === 'type' ? 'type ' : ''}\`${n.name}\``);
    return `## \`${entry}\` (${names.length} names: ${values} values, ${names.length - values} types)\n\n${lines.join('\n')}\n`;
  });
  return `# Public API report\n\nEvery name each entry point exports, written by \`npm run api-report\`. A test fails while this\nfile and the entry points disagree: a change here is a change to the public surface.\n\n${sections.join('\n')}`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(join(root, 'API-REPORT.md'), apiReport());
  console.log('wrote API-REPORT.md');
}
