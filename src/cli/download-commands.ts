import type { CommandName, CommandSpec } from './commands.js';

const SELECTION = [
  'The models are those `search <category>` would list with the same filters (every page,',
  'unless --limit/--offset pick one), or only the names given; --order and --top then rank',
  'them, and --budget keeps the first that fit (a model that does not fit is skipped and a',
  'smaller one after it may still fit).',
];

/** `plan` and `download`: the worker's disk, planned and filled. */
export const DOWNLOAD_COMMANDS: Readonly<
  Record<Extract<CommandName, 'plan' | 'download'>, CommandSpec>
> = {
  plan: {
    args: '<category> [name...]',
    summary: 'what to download under a disk budget, what is there, what could go',
    positionals: [1, Number.POSITIVE_INFINITY],
    options: ['search', 'download'],
    details: [
      ...SELECTION,
      'Files on disk are verified (sha256, cached in .sha256 sidecars beside them). Nothing is',
      'written or deleted. Exit 0 whatever the plan says.',
    ],
    examples: [
      'plan image_generation --baseline stable_diffusion_xl --root /models --budget 200G',
      'plan image_generation --order newest --top 5 --root /models --json',
    ],
  },
  download: {
    args: '<category> [name...]',
    summary: 'download and verify what the plan says, resumably',
    positionals: [1, Number.POSITIVE_INFINITY],
    options: ['search', 'download'],
    details: [
      ...SELECTION,
      'Each file streams into <file>.part, hashed as it is written, and gets its final name only',
      'when its sha256 matches. Ctrl-C keeps the .part files: run the same command again to',
      'resume. On a terminal, one line per file in flight and the totals with an ETA; otherwise',
      'one line per file; --json prints one JSON object per event, then the report. Exit 1 when',
      'a file failed, 130 when interrupted.',
    ],
    examples: [
      "download image_generation 'AlbedoBase XL (SDXL)' --root /models",
      'download image_generation --no-nsfw --order usage --usage stats.json --top 10 --budget 200G --root /models',
    ],
  },
};
