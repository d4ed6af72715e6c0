import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/categories.js';
import {
  CATEGORY_FOLDERS,
  findWeightsRoot,
  isUnsafePathError,
  locateModelFiles,
  modelFilePath,
  presenceSummary,
  relativeModelPath,
  UnsafePathError,
} from '../../src/node.js';
import { testRecord } from './records.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hmr-layout-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = (file_name: string, file_purpose?: string) => ({
  file_name,
  file_url: '',
  sha256sum: 'FIXME',
  ...(file_purpose ? { file_purpose } : {}),
});

describe('the layout, as the reference library lays files out', () => {
  it('puts each category in its on-disk folder; text, video and audio have none', () => {
    expect(CATEGORY_FOLDERS.image_generation).toBe('compvis');
    expect(CATEGORY_FOLDERS.controlnet_annotator).toBe('controlnet');
    for (const category of ['text_generation', 'video_generation', 'audio_generation'] as const)
      expect(CATEGORY_FOLDERS[category]).toBeNull();
    // Every category has an entry: a category added to the SDK must get a folder decision.
    expect(Object.keys(CATEGORY_FOLDERS).sort()).toEqual([...CATEGORIES].sort());
    expect(relativeModelPath('clip', file('model.pt'))).toBe('clip/model.pt');
    expect(relativeModelPath('text_generation', file('x.gguf'))).toBeNull();
    expect(relativeModelPath('no_such_category', file('x'))).toBeNull();
  });

  it('routes vae and text encoder components to their sibling folders, and keeps sub-paths', () => {
    expect(relativeModelPath('image_generation', file('ae.safetensors', 'vae'))).toBe(
      'vae/ae.safetensors',
    );
    expect(relativeModelPath('image_generation', file('t5.safetensors', 'text_encoder'))).toBe(
      'text_encoders/t5.safetensors',
    );
    expect(
      relativeModelPath('image_generation', file('c.safetensors', 'stable_cascade_stage_c')),
    ).toBe('compvis/c.safetensors');
    expect(relativeModelPath('controlnet_annotator', file('annotators/lllyasviel/x.pth'))).toBe(
      'controlnet/annotators/lllyasviel/x.pth',
    );
    // `.` and empty segments are dropped, as Python's Path reads them.
    expect(relativeModelPath('clip', file('./a//b.pt'))).toBe('clip/a/b.pt');
    // A purpose named like an Object.prototype key is just an unknown purpose.
    expect(relativeModelPath('clip', file('a.pt', '__proto__'))).toBe('clip/a.pt');
    const record = testRecord('m', [{ name: 'model.safetensors' }]);
    expect(modelFilePath(record, record.config.download[0] as never, '/models')).toBe(
      '/models/compvis/model.safetensors',
    );
  });

  it.each([
    ['../../etc/passwd', 'parent-segment'],
    ['a/../../b', 'parent-segment'],
    ['..', 'parent-segment'],
    ['/etc/passwd', 'absolute'],
    ['model\u0000.safetensors', 'nul'],
    ['model\u001b[31m.safetensors', 'control-character'],
    ['C:\\Windows\\x.dll', 'backslash'],
    ['C:x.safetensors', 'drive-letter'],
    ['model.safetensors:stream', 'colon'],
    ['..\\..\\x', 'backslash'],
    ['', 'empty'],
    ['./', 'empty'],
  ])('refuses the file name %j (%s) with a typed error', (name, reason) => {
    const record = testRecord('m', [{ name }]);
    let error: unknown;
    try {
      modelFilePath(record, record.config.download[0] as never, '/models');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnsafePathError);
    expect(isUnsafePathError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'UNSAFE_PATH', reason, fileName: name });
  });
});

describe('several roots and symlinks', () => {
  it('finds the first existing copy across roots; new files target the first root', async () => {
    const [a, b] = [join(dir, 'a'), join(dir, 'b')];
    await mkdir(join(b, 'compvis'), { recursive: true });
    await writeFile(join(b, 'compvis', 'one.safetensors'), 'x');
    const record = testRecord('m', [{ name: 'one.safetensors' }, { name: 'two.safetensors' }]);
    const [one, two] = await locateModelFiles(record, { root: [a, b] });
    expect(one).toMatchObject({
      exists: true,
      root: b,
      path: join(b, 'compvis', 'one.safetensors'),
    });
    expect(one?.targetPath).toBe(join(a, 'compvis', 'one.safetensors'));
    expect(two).toMatchObject({
      exists: false,
      root: a,
      path: join(a, 'compvis', 'two.safetensors'),
    });
  });

  it('refuses a symlinked file or folder pointing outside every root, but not one into another root', async () => {
    const root = join(dir, 'root');
    const other = join(dir, 'other-disk');
    const outside = join(dir, 'outside');
    await mkdir(join(root, 'compvis'), { recursive: true });
    await mkdir(outside, { recursive: true });
    await mkdir(other, { recursive: true });
    await writeFile(join(outside, 'secret'), 'secret');
    await writeFile(join(other, 'big.safetensors'), 'big');
    await symlink(join(outside, 'secret'), join(root, 'compvis', 'evil.safetensors'));
    await symlink(outside, join(root, 'clip'));
    await symlink(join(other, 'big.safetensors'), join(root, 'compvis', 'big.safetensors'));

    const evil = testRecord('evil', [{ name: 'evil.safetensors' }]);
    await expect(locateModelFiles(evil, { root })).rejects.toMatchObject({
      name: 'UnsafePathError',
      reason: 'symlink-outside-root',
    });
    const viaFolder = testRecord('clip', [{ name: 'secret' }], { category: 'clip' });
    await expect(locateModelFiles(viaFolder, { root })).rejects.toMatchObject({
      reason: 'symlink-outside-root',
    });
    // The same link is fine when its target folder is a configured root: a second disk.
    const big = testRecord('big', [{ name: 'big.safetensors' }]);
    await expect(locateModelFiles(big, { root })).rejects.toMatchObject({
      reason: 'symlink-outside-root',
    });
    const [located] = await locateModelFiles(big, { root: [root, other] });
    expect(located).toMatchObject({ exists: true, sizeBytes: 3 });
    // Nothing was created outside.
    expect(await readdir(outside)).toEqual(['secret']);
  });

  it('summarises presence per category, with unknown names and folder-less models apart', async () => {
    await mkdir(join(dir, 'compvis'), { recursive: true });
    await mkdir(join(dir, 'vae'), { recursive: true });
    await writeFile(join(dir, 'compvis', 'unet.safetensors'), '12345');
    await writeFile(join(dir, 'vae', 'ae.safetensors'), '123');
    const records = [
      testRecord('complete', [
        { name: 'unet.safetensors' },
        { name: 'ae.safetensors', purpose: 'vae' },
      ]),
      testRecord('half', [{ name: 'unet.safetensors' }, { name: 'missing.safetensors' }]),
      testRecord('llm', [{ name: 'x.gguf' }], { category: 'text_generation' }),
    ];
    const summary = await presenceSummary(records, {
      root: dir,
      names: ['complete', 'nope', 'half', 'llm'],
    });
    expect(summary).toMatchObject({
      present: ['complete'],
      missing: ['half'],
      unknown: ['nope'],
      unsupported: ['llm'],
    });
    expect(summary.byCategory.image_generation).toEqual({
      present: 1,
      missing: 1,
      unsupported: 0,
      presentBytes: 8,
    });
    expect(Object.getPrototypeOf(summary.byCategory)).toBeNull();
  });

  it('finds the weights root under a worker cache home as the reference library does', async () => {
    await mkdir(join(dir, 'nataili', 'compvis'), { recursive: true });
    await mkdir(join(dir, 'nataili', 'clip'), { recursive: true });
    await mkdir(join(dir, 'aaa', 'compvis'), { recursive: true });
    expect(await findWeightsRoot(dir)).toBe(join(dir, 'nataili'));
    expect(await findWeightsRoot(join(dir, 'aaa'))).toBe(join(dir, 'aaa'));
  });
});
