import type { ManagerStatus } from '../manager/status.js';

/**
 * `status()` as the CLI reports it. Under `--offline` the manager has no origin to ask, so every
 * read "fails" and marks its category stale with "no origins configured"; but nothing failed:
 * serving the cache is what `--offline` asks for. Those categories are reported not stale, with
 * no last error; `old` (older than `maxStalenessMs`) and the age still say how old the data is.
 * Online, the status is returned as it is.
 */
export function offlineStatus(status: ManagerStatus, offline: boolean): ManagerStatus {
  if (!offline) return status;
  const categories = Object.fromEntries(
    Object.entries(status.categories).map(([category, s]) => [
      category,
      s && { ...s, stale: false, staleSince: null, lastError: null },
    ]),
  );
  return { ...status, categories };
}
