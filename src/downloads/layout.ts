import { join } from 'node:path';
import type { Category } from '../categories.js';
import { UnsafePathError } from '../errors/unsafe-path-error.js';
import type { ModelRecord } from '../schemas/record-schemas.js';
import type { DownloadRecord } from '../schemas/shared.js';
import type { ManifestFile } from '../worker/download-manifest.js';

/**
 * The folder of each category under a weights root, as the reference library's category
 * registry names them (`on_disk_folder_name`): image generation lives in `compvis`, annotators
 * share `controlnet` (their file names start with `annotators/`), and text, video and audio
 * generation have no folder (their files are served by other programs).
 */
export const CATEGORY_FOLDERS: Readonly<Record<Category, string | null>> = Object.freeze({
  blip: 'blip',
  clip: 'clip',
  codeformer: 'codeformer',
  controlnet: 'controlnet',
  controlnet_annotator: 'controlnet',
  esrgan: 'esrgan',
  gfpgan: 'gfpgan',
  safety_checker: 'safety_checker',
  image_generation: 'compvis',
  text_generation: null,
  video_generation: null,
  audio_generation: null,
  miscellaneous: 'miscellaneous',
  lora: 'lora',
  ti: 'ti',
});

/**
 * Component files routed to a sibling folder of the category's, keyed by `file_purpose`: ComfyUI's
 * loaders look for a VAE in `<root>/vae` and a text encoder in `<root>/text_encoders`, whatever
 * model declares them. Any other purpose (a unet, a cascade stage) stays in the category folder.
 */
export const COMPONENT_FOLDERS: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, string>, {
    vae: 'vae',
    text_encoders: 'text_encoders',
    text_encoder: 'text_encoders',
  }),
);

/**
 * The folder of a category under the weights root, or `null` when it has none (text, video and
 * audio generation, or a category this version does not know).
 *
 * @example
 * ```ts
 * categoryFolder('image_generation'); // 'compvis'
 * ```
 */
export function categoryFolder(category: string): string | null {
  return Object.hasOwn(CATEGORY_FOLDERS, category)
    ? (CATEGORY_FOLDERS[category as Category] ?? null)
    : null;
}

/** C0 controls, DEL and C1 controls: never part of a file name anyone meant. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/**
 * The `/`-separated segments of a file name from the data, checked so that joining them to a
 * folder can never leave it. `.` and empty segments are dropped (`a//b` is `a/b`, as Python's
 * `Path` reads it).
 *
 * @throws {UnsafePathError} for an empty name, NUL or another control character, a backslash
 * (a separator on Windows), a colon (a drive letter, or an NTFS stream), a leading `/`, or a `..`
 * segment.
 */
export function fileNameSegments(fileName: string): string[] {
  const refuse = (reason: UnsafePathError['reason']): never => {
    throw new UnsafePathError({ fileName, reason });
  };
  if (fileName.includes('\u0000')) refuse('nul');
  if (hasControlCharacter(fileName)) refuse('control-character');
  if (fileName.includes('\\')) refuse('backslash');
  if (/^[A-Za-z]:/.test(fileName)) refuse('drive-letter');
  if (fileName.includes(':')) refuse('colon');
  if (fileName.startsWith('/')) refuse('absolute');
  const segments = fileName.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) refuse('parent-segment');
  if (segments.length === 0) refuse('empty');
  return segments;
}

/** A download entry as the data spells it, or as `downloadManifest` gives it. */
export type ModelFileEntry = DownloadRecord | ManifestFile;

function entryName(file: ModelFileEntry): string {
  return 'file_name' in file ? file.file_name : file.fileName;
}

function entryPurpose(file: ModelFileEntry): string | null {
  return ('file_purpose' in file ? file.file_purpose : (file as ManifestFile).purpose) ?? null;
}

/**
 * Where a file of a record lives relative to a weights root, `/`-separated: the category folder,
 * or the component folder its `file_purpose` routes it to, then its file name. `null` when the
 * category has no folder.
 *
 * @example
 * ```ts
 * relativeModelPath('image_generation', { file_name: 'ae.safetensors', file_purpose: 'vae', file_url: '', sha256sum: 'FIXME' });
 * // 'vae/ae.safetensors'
 * ```
 * @throws {UnsafePathError} when the file name would leave its folder (`..`, an absolute path, a drive letter, a backslash, a colon, control characters).
 */
export function relativeModelPath(category: string, file: ModelFileEntry): string | null {
  const folder = categoryFolder(category);
  const segments = fileNameSegments(entryName(file));
  if (folder === null) return null;
  const purpose = entryPurpose(file);
  const component =
    purpose !== null && Object.hasOwn(COMPONENT_FOLDERS, purpose)
      ? COMPONENT_FOLDERS[purpose]
      : undefined;
  return [component ?? folder, ...segments].join('/');
}

/**
 * The path of a record's file under a weights root, as the reference library lays it out (so a
 * TypeScript tool and a Python worker share one folder): `<root>/<category folder>/<file_name>`,
 * components in their sibling folder. A pure function: it does not look at the disk (symlinks
 * are checked by {@link locateModelFiles}). `null` when the category has no folder.
 *
 * @example
 * ```ts
 * modelFilePath(record, record.config.download[0], '/models'); // '/models/compvis/albedobaseXL_v21.safetensors'
 * ```
 * @throws {UnsafePathError} when the file name would leave its folder.
 */
export function modelFilePath(
  record: ModelRecord,
  file: ModelFileEntry,
  root: string,
): string | null {
  const relative = relativeModelPath(record.record_type, file);
  return relative === null ? null : join(root, ...relative.split('/'));
}
