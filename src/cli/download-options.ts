import type { OptionSpec } from './options.js';

/** The options of `plan` and `download` (the search filters apply too). */
export const DOWNLOAD_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'root',
    type: 'string',
    group: 'download',
    multiple: true,
    value: '<dir>',
    help: 'weights root holding compvis/, clip/, ...; repeat or comma-separate for several (the first existing copy of a file wins; downloads go to the first). Default: $AIWORKER_CACHE_HOME, searched for the model tree as the Python worker does',
  },
  {
    name: 'budget',
    type: 'string',
    group: 'download',
    value: '<size>',
    help: 'disk the selected models may take in all (present ones count): bytes, K/M/G/T (powers of 1000, as sizes are printed) or Ki/Mi/Gi/Ti (powers of 1024), e.g. 200G, 1.5Ti',
  },
  {
    name: 'order',
    type: 'string',
    group: 'download',
    value: '<catalogue|newest|usage>',
    help: 'who gets disk space first: the search order (default), newest first, or most used first (--usage)',
  },
  {
    name: 'usage',
    type: 'string',
    group: 'download',
    value: '<file.json>',
    help: 'usage counts {"model name": count} for --order usage, e.g. saved from AI-Horde model stats',
  },
  {
    name: 'top',
    type: 'string',
    group: 'download',
    value: '<n>',
    help: 'only the first n models after ordering: TOP n (--order usage), NEW n (--order newest)',
  },
  {
    name: 'concurrency',
    type: 'string',
    group: 'download',
    value: '<n>',
    help: 'files fetched at once (default 2; at most 2 requests per host)',
  },
  {
    name: 'connections',
    type: 'string',
    group: 'download',
    value: '<n>',
    help: 'parallel ranges for each file of 64 MB or more (default 1, at most 8)',
  },
  {
    name: 'mirror',
    type: 'string',
    group: 'download',
    multiple: true,
    value: '<url>',
    help: 'content-addressed mirror (<url>/by-hash/<sha256>) tried before each record URL; repeatable',
  },
  {
    name: 'token',
    type: 'string',
    group: 'download',
    multiple: true,
    value: '<host>=<token>',
    help: 'bearer token sent to that host only, e.g. civitai.com=...; $CIVITAI_TOKEN does this for civitai.com. Never printed',
  },
  {
    name: 'quick',
    type: 'boolean',
    group: 'download',
    help: 'check files on disk by existence, size and sidecar only; hash nothing',
  },
];
