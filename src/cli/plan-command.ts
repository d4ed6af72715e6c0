import type { DownloadPlan, PlannedModel } from '../downloads/plan.js';
import { type CommandContext, printJson } from './command-context.js';
import { selectAndPlan } from './download-selection.js';
import { EXIT } from './io.js';
import { bytes, table } from './table.js';
import { terminalText } from './terminal-text.js';

/** Whether a present model's files were checked against the reference's sha256. */
function verdict(model: PlannedModel): string {
  if (model.files.every((f) => f.status === 'verified')) return 'yes';
  if (model.files.some((f) => f.status === 'unchecked')) return 'not checked (--quick)';
  return 'no sha256 to check';
}

const models = (n: number) => `${n} model${n === 1 ? '' : 's'}`;

/** A planned model without its record (the JSON would repeat the catalogue). */
function modelJson(model: PlannedModel) {
  return {
    name: model.name,
    category: model.category,
    sizeBytes: model.sizeBytes,
    downloadBytes: model.downloadBytes,
    files: model.files.map((f) => ({
      fileName: f.file.fileName,
      relativePath: f.relativePath,
      path: f.path,
      targetPath: f.targetPath,
      status: f.status,
      sizeBytes: f.sizeBytes,
      partBytes: f.partBytes,
      sha256: f.file.sha256,
    })),
  };
}

/** The plan as JSON: every list, models without their full records. */
export function planJson(plan: DownloadPlan): object {
  return {
    roots: plan.roots,
    budgetBytes: plan.budgetBytes,
    freeBytes: plan.freeBytes,
    download: plan.download.map(modelJson),
    present: plan.present.map(modelJson),
    doesNotFit: plan.doesNotFit.map((m) => ({
      ...modelJson(m),
      reason: m.reason,
      missingBytes: m.missingBytes,
    })),
    deletable: plan.deletable,
    unsupported: plan.unsupported.map((m) => ({
      name: m.name,
      category: m.category,
      reason: m.reason,
      errors: m.errors.map((e) => e.message),
    })),
    totals: plan.totals,
  };
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');

/** The plan for people: one section per list, the empty ones left out. */
export function planText(category: string, plan: DownloadPlan): string {
  const root = plan.roots[0] ?? '';
  const where = `${terminalText(root)}${plan.roots.length > 1 ? ` (first of ${plan.roots.length} roots)` : ''}`;
  const limits = [
    `free ${bytes(plan.freeBytes)}`,
    ...(plan.budgetBytes !== null ? [`budget ${bytes(plan.budgetBytes)}`] : []),
  ];
  const parts = [`Plan for ${category} in ${where}: ${limits.join(', ')}`];
  if (plan.download.length > 0) {
    const unknown = plan.totals.unknownSizeModels;
    parts.push(
      `To download: ${models(plan.download.length)}, ${bytes(plan.totals.downloadBytes)} to fetch${unknown > 0 ? ` (and ${models(unknown)} of unknown size)` : ''}`,
      indent(
        table(
          ['name', 'files', 'size', 'to fetch'],
          plan.download.map((m) => [
            m.name,
            m.files.length,
            bytes(m.sizeBytes),
            bytes(m.downloadBytes),
          ]),
        ),
      ),
    );
  }
  if (plan.present.length > 0)
    parts.push(
      `Present: ${models(plan.present.length)}, ${bytes(plan.totals.presentBytes)}`,
      indent(
        table(
          ['name', 'size', 'verified'],
          plan.present.map((m) => [m.name, bytes(m.sizeBytes), verdict(m)]),
        ),
      ),
    );
  if (plan.doesNotFit.length > 0)
    parts.push(
      `Does not fit: ${models(plan.doesNotFit.length)}`,
      indent(
        table(
          ['name', 'size', 'reason', 'short by'],
          plan.doesNotFit.map((m) => [m.name, bytes(m.sizeBytes), m.reason, bytes(m.missingBytes)]),
        ),
      ),
    );
  if (plan.deletable.length > 0)
    parts.push(
      `Could be deleted (no longer selected): ${models(plan.deletable.length)}, ${bytes(plan.totals.deletableBytes)}`,
      indent(
        table(
          ['name', 'files', 'size'],
          plan.deletable.map((m) => [m.name, m.files.length, bytes(m.bytes)]),
        ),
      ),
    );
  if (plan.unsupported.length > 0)
    parts.push(
      `Cannot be placed: ${models(plan.unsupported.length)}`,
      indent(
        table(
          ['name', 'reason'],
          plan.unsupported.map((m) => [m.name, m.reason]),
        ),
      ),
    );
  if (parts.length === 1) parts.push('Nothing selected.');
  return `${parts.join('\n\n')}\n`;
}

/** `plan <category> [name...] [filters]`: the plan, written nowhere but the screen. */
export async function planCommand(context: CommandContext): Promise<number> {
  const { category, plan } = await selectAndPlan(context);
  if (context.args.global.json) printJson(context.io, planJson(plan));
  else context.io.stdout(planText(category, plan));
  return EXIT.ok;
}
