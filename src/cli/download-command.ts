import { type DownloadReport, downloadModels } from '../downloads/download-models.js';
import { mirrorsFirst } from '../downloads/download-urls.js';
import type { CommandContext } from './command-context.js';
import { loggingFetch } from './debug-log.js';
import {
  duration,
  jsonLine,
  jsonProgress,
  plainProgress,
  resultJson,
  resultLine,
  ttyProgress,
} from './download-progress.js';
import { selectAndPlan } from './download-selection.js';
import { EXIT } from './io.js';
import { bytes } from './table.js';
import { terminalText } from './terminal-text.js';

function summary(report: DownloadReport): string {
  const { counts } = report;
  const parts = (['downloaded', 'resumed', 'present', 'failed', 'interrupted'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`);
  const lines = [
    `${parts.join(', ') || 'nothing to do'}: ${bytes(report.bytesTransferred)} fetched in ${duration(report.elapsedMs / 1000)}`,
  ];
  for (const model of report.notAttempted)
    lines.push(`not attempted (${model.reason}): ${terminalText(model.name)}`);
  const failed = report.files.filter((f) => f.status === 'failed');
  if (failed.length > 0) lines.push('', 'Failed:', ...failed.map((f) => `  ${resultLine(f)}`));
  if (report.interrupted)
    lines.push('', 'Interrupted: the .part files are kept; run the same command again to resume.');
  return `${lines.join('\n')}\n`;
}

/** `download <category> [name...] [filters]`: plans, then downloads and verifies, resumably. */
export async function downloadCommand(context: CommandContext): Promise<number> {
  const { io, args } = context;
  const { plan } = await selectAndPlan(context);
  const json = args.global.json;
  const { download } = args;
  const hostHeaders: Record<string, Record<string, string>> = Object.create(null);
  const civitai = io.env.CIVITAI_TOKEN;
  if (civitai) hostHeaders['civitai.com'] = { authorization: `Bearer ${civitai}` };
  for (const [host, token] of Object.entries(download.tokens))
    hostHeaders[host] = { authorization: `Bearer ${token}` };
  if (!json) {
    const fetch = plan.totals.downloadBytes;
    io.stderr(
      `Downloading ${plan.download.length} model(s), ${bytes(fetch)} to fetch, into ${terminalText(plan.roots[0] ?? '')}\n`,
    );
  }
  const view = json ? jsonProgress(io) : io.isTTY ? ttyProgress(io) : plainProgress(io);
  let report: DownloadReport;
  try {
    report = await downloadModels(plan, {
      ...(download.concurrency !== undefined ? { concurrency: download.concurrency } : {}),
      ...(download.connections !== undefined ? { connectionsPerFile: download.connections } : {}),
      signal: io.signal,
      onProgress: view.event,
      resolveUrls: mirrorsFirst({ mirrors: download.mirrors, hostHeaders }),
      // --debug: each file request too (never its headers, where the tokens are).
      ...(context.debug
        ? {
            fetch: loggingFetch(
              context.debug,
              { primaryUrl: null, githubRawUrl: null },
              'download',
            ),
          }
        : {}),
    });
  } finally {
    view.close();
  }
  if (json)
    jsonLine(io, {
      type: 'report',
      ok: report.ok,
      interrupted: report.interrupted,
      counts: report.counts,
      bytesTransferred: report.bytesTransferred,
      elapsedMs: report.elapsedMs,
      notAttempted: report.notAttempted.map((m) => ({
        name: m.name,
        reason: m.reason,
        missingBytes: m.missingBytes,
      })),
      files: report.files.map(resultJson),
    });
  else io.stdout(summary(report));
  if (io.signal?.aborted) return EXIT.interrupted;
  return report.ok ? EXIT.ok : EXIT.failure;
}
