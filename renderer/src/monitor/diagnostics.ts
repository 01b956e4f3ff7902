/**
 * The run diagnostics (core/results/diagnostics.ts) as the run view shows them: which components
 * the findings name (marked on the weights chart), condition numbers in words, and the two ways
 * out of "may be missing posterior mass": a new run with twice the components, or a longer run.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { Finding, RunDiagnostics } from '../../../core/results/diagnostics';
import { componentName } from '../charts/history';

export type Severity = Finding['severity'];

/** Per component named by a finding: the most serious severity among those findings. */
export function flaggedComponents(diagnostics: RunDiagnostics | null): Map<number, Severity> {
  const flags = new Map<number, Severity>();
  for (const finding of diagnostics?.findings ?? []) for (const k of finding.components) if (flags.get(k) !== 'warning') flags.set(k, finding.severity);
  return flags;
}

/** Signs next to a flagged component's legend entry (glyphs every system font has). */
export const SEVERITY_MARK: Record<Severity, string> = { warning: '⚠', info: '•' };

/**
 * The weights chart with the flagged components marked: a thicker line, and a sign next to its
 * legend entry (warning ⚠, info •), so that the components a finding names stand out among the
 * others. (End labels were tried: with many components at the weight floor they pile up.)
 */
export function markFlaggedComponents(option: EChartsOption, flags: ReadonlyMap<number, Severity>): EChartsOption {
  if (flags.size === 0) return option;
  const severityOf = new Map([...flags].map(([k, severity]) => [componentName(k), severity]));
  const series = (option.series as LineSeriesOption[]).map((entry) => {
    const severity = severityOf.get(String(entry.name));
    if (!severity) return entry;
    return { ...entry, lineStyle: { ...entry.lineStyle, width: severity === 'warning' ? 3.5 : 2.5 } };
  });
  const legend = {
    ...(option.legend as Record<string, unknown>),
    formatter: (name: string) => (severityOf.has(name) ? `${name} ${SEVERITY_MARK[severityOf.get(name)!]}` : name),
  };
  return { ...option, series, legend };
}

/** "0, 3 and 8": the numbers (from 0, as in the files) of the components flagged with `severity`. */
export function flaggedList(flags: ReadonlyMap<number, Severity>, severity: Severity): string {
  const numbers = [...flags]
    .filter(([, s]) => s === severity)
    .map(([k]) => k)
    .sort((a, b) => a - b)
    .map(String);
  return numbers.length <= 1 ? numbers.join('') : `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/** A condition number for a table cell, with how worrying it is (diagnostics.ts thresholds). */
export function describeCondition(value: number | null): { text: string; level: 'ok' | Severity } {
  if (value === null || !Number.isFinite(value)) return { text: 'singular', level: 'warning' };
  const text = value < 1e3 ? value.toFixed(value < 10 ? 2 : 0) : value.toExponential(1).replace('e+', 'e');
  return { text, level: value > 1e8 ? 'warning' : value > 1e3 ? 'info' : 'ok' };
}

/** The findings to list, warnings first, each with the components it names (numbered from 0). */
export function findingRows(diagnostics: RunDiagnostics): { severity: Severity; kind: string; components: string; message: string }[] {
  return [...diagnostics.findings]
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'warning' ? -1 : 1))
    .map((finding) => ({
      severity: finding.severity,
      kind: finding.kind.replace(/-/g, ' '),
      components: finding.components.join(', '),
      message: finding.message,
    }));
}

/** Iterations to add when the diagnostics ask for a longer run: half the plan, at least 10. */
export function suggestedExtension(plannedIterations: number): number {
  return Math.max(10, Math.ceil(plannedIterations / 2));
}

/**
 * The run's problem file set up for a new run with twice the components. An explicit
 * initialisation lists one mean per component, so it cannot be kept with a different K: the new
 * run starts from the prior instead, and `note` says so.
 */
export function withDoubledComponents(problem: Readonly<Record<string, unknown>>, components: number): { problem: Record<string, unknown>; note: string | null } {
  const copy = structuredClone(problem) as Record<string, unknown>;
  const settings = { ...((copy.settings as Record<string, unknown> | undefined) ?? {}) };
  settings.components = 2 * components;
  let note: string | null = null;
  const init = settings.initialization as { type?: unknown } | undefined;
  if (init && init.type === 'explicit') {
    delete settings.initialization;
    note = `The run's explicit initialisation lists ${components} components; the new run draws its ${2 * components} initial means from the prior instead.`;
  }
  copy.settings = settings;
  return { problem: copy, note };
}
