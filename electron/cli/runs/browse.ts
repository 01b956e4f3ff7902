/** `gmki runs list | show | tag | delete`: looking at and tidying the stored runs. */
import { summarizeMixture } from '../../../core/results/summary';
import { deleteRun as deleteStoredRun, findRun, problemOfRun } from '../../services/runs/lifecycle';
import { RUN_STATUSES, type IterationEntry, type RunRecord, type RunStatus, type RunStore } from '../../services/store';
import { CliError, EXIT_INVALID, EXIT_OK } from '../errors';
import { formatDuration, formatNumber } from '../format';
import { methodSettingsText, resultHeading, resultNoun, temperingOutcome } from '../method-lines';
import type { CliIo } from '../io';
import { cliLifecycle } from '../run-lifecycle';
import { diagnoseStoredRun, formatDiagnostics } from '../run-diagnostics';
import { formatMixture } from '../mixture-text';
import type { RunsOptions } from './args';

export function listRuns(store: RunStore, options: RunsOptions, io: CliIo): number {
  if (options.status !== undefined && !(RUN_STATUSES as readonly string[]).includes(options.status)) {
    throw new CliError(EXIT_INVALID, `gmki: runs list: --status must be one of ${RUN_STATUSES.join(', ')}, got '${options.status}'`);
  }
  const runs = store.listRuns({
    status: options.status as RunStatus | undefined,
    tag: options.tag,
    search: options.search,
    limit: options.limit ?? 100_000,
  });
  if (options.json) {
    const rows = runs.map((run) => ({
      id: run.id,
      name: run.name,
      status: run.status,
      iterationsDone: run.iterationsDone,
      iterations: run.iterations,
      forwardEvaluations: run.forwardEvaluations,
      failedEvaluations: run.failedEvaluations,
      createdAt: run.createdAt,
    }));
    io.stdout(`${JSON.stringify(rows)}\n`);
    return EXIT_OK;
  }
  if (runs.length === 0) {
    io.stdout(`No runs in ${store.path}${options.status || options.tag || options.search ? ' match' : ''}.\n`);
    return EXIT_OK;
  }
  const table = runs.map((run) => [
    run.id.slice(0, 8),
    run.status,
    `${run.iterationsDone}/${run.iterations}`,
    run.failedEvaluations > 0 ? `${run.forwardEvaluations} (${run.failedEvaluations} failed)` : String(run.forwardEvaluations),
    run.createdAt.replace('T', ' ').slice(0, 16),
    run.tags.length > 0 ? `${run.name}  [${run.tags.join(', ')}]` : run.name,
  ]);
  io.stdout(formatTable(['id', 'status', 'iterations', 'evaluations', 'created', 'name'], table));
  return EXIT_OK;
}

export function showRun(store: RunStore, options: RunsOptions, io: CliIo): number {
  const run = findRun(cliLifecycle(store), options.runId!);
  const latest = store.getLatestIteration(run.id);
  const failedEvaluations = run.failedEvaluations;
  const logs = store.getLogs(run.id, { limit: 10_000 }).slice(-10);
  if (options.json) {
    const { problem, ...record } = run;
    io.stdout(`${JSON.stringify({ ...record, problem, failedEvaluations, final: latest && mixtureSummaryJson(latest.mixture) })}\n`);
    return EXIT_OK;
  }
  const settings = run.problem.settings;
  const lines = [
    `run        ${run.id}`,
    `name       ${run.name}${run.name !== run.problem.name ? `  (problem: ${run.problem.name})` : ''}`,
    `status     ${run.status}${run.error ? ` — ${run.error}` : ''}`,
    `progress   ${run.iterationsDone}/${run.iterations} iterations, ${run.forwardEvaluations} forward evaluations` +
      `${failedEvaluations > 0 ? ` (${failedEvaluations} failed)` : ''}, ${formatDuration(run.elapsedSeconds)}`,
    `settings   ${methodSettingsText(settings)}, concurrency ${settings.concurrency}`,
    `created    ${run.createdAt}${run.finishedAt ? `, finished ${run.finishedAt}` : ''}`,
    `software   ${run.softwareName} ${run.softwareVersion}${run.modelHash ? `, model sha256 ${run.modelHash.slice(0, 16)}…` : ''}`,
  ];
  if (run.tags.length > 0) lines.push(`tags       ${run.tags.join(', ')}`);
  if (run.notes) lines.push(`notes      ${run.notes}`);
  if (latest) lines.push('', ...mixtureLines(run, latest));
  const tempering = latest && run.status === 'completed' ? temperingOutcome(latest.diagnostics.smc, settings.maxStages) : null;
  if (tempering) lines.push(`  ${tempering.warning ? 'warning: ' : ''}${tempering.text}`);
  const stored = problemOfRun(run);
  const diagnostics = formatDiagnostics(diagnoseStoredRun(store.getIterations(run.id), settings.minWeight, stored.ok ? stored.problem : undefined), true);
  if (diagnostics)
    lines.push(
      '',
      'diagnostics:',
      ...diagnostics
        .trimEnd()
        .split('\n')
        .map((line) => `  ${line}`),
    );
  if (logs.length > 0) {
    lines.push('', 'last log lines:');
    for (const log of logs) lines.push(`  [${log.stream}] ${log.text.split('\n')[0]}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

export function tagRun(store: RunStore, options: RunsOptions, io: CliIo): number {
  const run = findRun(cliLifecycle(store), options.runId!);
  for (const tag of options.tags) {
    if (options.remove) store.removeTag(run.id, tag);
    else store.addTag(run.id, tag);
  }
  const tags = store.getRun(run.id)!.tags;
  io.stdout(`run ${run.id}: tags ${tags.length > 0 ? tags.join(', ') : '(none)'}\n`);
  return EXIT_OK;
}

export function deleteRun(store: RunStore, options: RunsOptions, io: CliIo): number {
  const run = deleteStoredRun(cliLifecycle(store), options.runId!);
  io.stdout(`deleted run ${run.id} (${run.name})\n`);
  return EXIT_OK;
}

/**
 * The run's latest mixture by parameter name in physical units, as `gmki run` ends with; in the
 * unconstrained space, unnamed, only when the stored problem no longer validates (its transforms
 * are then unknown).
 */
function mixtureLines(run: RunRecord, latest: IterationEntry): string[] {
  const parsed = problemOfRun(run);
  if (!parsed.ok) {
    const lines = [`${resultNoun(run.method)} after iteration ${latest.iteration} (mean ± std in the unconstrained space: the stored problem no longer validates):`];
    summarizeMixture(latest.mixture).components.forEach((component, k) => {
      const means = Array.from(component.mean, (m, i) => `${formatNumber(m)} ± ${formatNumber(component.std[i]!)}`);
      lines.push(`  ${resultHeading(run.method, k, component.weight)}  ${means.slice(0, 6).join(', ')}${means.length > 6 ? ', …' : ''}`);
    });
    return lines;
  }
  const { parameterNames, transforms, reference } = parsed.problem;
  const text = formatMixture(latest.mixture, parameterNames, transforms, { reference, method: run.method, indent: '  ' });
  return [`${resultNoun(run.method)} after iteration ${latest.iteration}:`, ...text.lines, `  ${text.legend}`];
}

function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, c) => Math.max(title.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

/** The latest mixture's summary with plain arrays (JSON writes a Float64Array as {"0": …}). */
function mixtureSummaryJson(mixture: IterationEntry['mixture']) {
  const summary = summarizeMixture(mixture);
  const d = mixture.nTheta;
  return {
    components: summary.components.map((component) => ({ weight: component.weight, mean: Array.from(component.mean), std: Array.from(component.std) })),
    mean: Array.from(summary.mean),
    covariance: Array.from({ length: d }, (_, i) => Array.from(summary.covariance.subarray(i * d, (i + 1) * d))),
  };
}
