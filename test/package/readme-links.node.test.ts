// The README is the package's page on the npm registry, where a relative link resolves against
// the registry, not the repository: it works only for a file the tarball ships. Every other
// file is linked absolutely, on the repository named in package.json.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  repository: { url: string };
  homepage: string;
  bugs: { url: string };
  files: string[];
  license: string;
};
/** `https://github.com/<owner>/<name>` from `git+https://github.com/<owner>/<name>.git`. */
const repository = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** The Markdown without code: links inside code blocks and spans are text, not links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Every link target: inline `[text](target)`, images, and reference definitions `[id]: target`. */
function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  const inline = [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)];
  const references = [...text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)];
  const html = [...text.matchAll(/<(?:a|img)\s[^>]*(?:href|src)="([^"]+)"/g)];
  return [...inline, ...references, ...html].map((m) => m[1] ?? '');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to `-`, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading] of markdown
    .replace(/^```[\s\S]*?^```/gm, '')
    .matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const slug = (heading ?? '')
      .toLowerCase()
      .replace(/`/g, '')
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}

/** The files `npm pack` puts in the tarball, as the registry will have them. */
function packedFiles(): Set<string> {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [pack] = JSON.parse(output) as { files: { path: string }[] }[];
  return new Set((pack?.files ?? []).map((f) => f.path));
}

/** The relative link targets that name no file (or folder) of the tarball. */
function notPacked(targets: readonly string[], packed: ReadonlySet<string>): string[] {
  const relative = targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'));
  return relative.filter((t) => {
    const path = normalize(decodeURIComponent(t.replace(/[#?].*$/, '')))
      .replace(/^\.\//, '')
      .replace(/\/$/, '');
    return !packed.has(path) && ![...packed].some((f) => f.startsWith(`${path}/`));
  });
}

describe('the README on the npm registry', () => {
  const targets = linkTargets(readme);

  it('finds the links it checks (inline, reference, in prose only)', () => {
    expect(linkTargets('[a](x.md) ![i](img.png "t") `[c](code.md)`\n\n[r]: <ref.md>\n')).toEqual([
      'x.md',
      'img.png',
      'ref.md',
    ]);
    expect(linkTargets('```md\n[a](inside.md)\n```\n')).toEqual([]);
    expect(targets.length).toBeGreaterThan(5);
  });

  it('links relatively only to files the packed tarball contains', () => {
    const packed = packedFiles();
    expect(packed.has('README.md')).toBe(true);
    // The check itself: a file or folder the tarball lacks is caught, one it has is not.
    expect(
      notPacked(
        ['examples/worker.ts', './LICENSE', 'package.json', 'bench/#x', 'https://x.y/z', '#a'],
        packed,
      ),
    ).toEqual(['examples/worker.ts', 'bench/#x']);
    expect(
      notPacked(targets, packed),
      'relative links to files not in the tarball: link them on the repository',
    ).toEqual([]);
  });

  it('links to the repository point at files that exist', () => {
    const prefix = new RegExp(`^${repository.replace(/[.]/g, '\\.')}/(?:blob|tree)/main/([^#?]+)`);
    const onRepository = targets.flatMap((t) => {
      const path = prefix.exec(t)?.[1];
      return path === undefined ? [] : [decodeURIComponent(path)];
    });
    expect(onRepository.length).toBeGreaterThanOrEqual(5);
    expect(onRepository.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });

  it('anchors point at headings', () => {
    const known = anchors(readme);
    expect(known.has('downloading-models')).toBe(true);
    const broken = targets.filter((t) => t.startsWith('#') && !known.has(t.slice(1)));
    expect(broken).toEqual([]);
  });
});

describe('package.json', () => {
  it('names the repository, its issues and its README, and ships the LICENSE', () => {
    expect(repository).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
    expect(pkg.homepage).toBe(`${repository}#readme`);
    expect(pkg.bugs.url).toBe(`${repository}/issues`);
    expect(pkg.license).toBe('MIT');
    expect(pkg.files).toContain('LICENSE');
    const license = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(license).toMatch(
      /^MIT License\n\nCopyright \(c\) 2026 the horde-model-reference contributors\n/,
    );
    expect(packedFiles().has('LICENSE')).toBe(true);
  });
});
