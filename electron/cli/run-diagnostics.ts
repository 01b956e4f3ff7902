/**
 * The run's diagnostics (core/results/diagnostics.ts) for a terminal: warnings when the result
 * may be missing posterior mass, with what helps, so a user never has to guess from the numbers.
 */
import type { IterationRecord } from '../../core/inversion/types';
import type { ResolvedProblem } from '../../core/problem/types';
import { problemWarnings } from '../../core/problem/warnings';
import { diagnoseRun, type RunDiagnostics } from '../../core/results/diagnostics';

/** The run's findings, the problem's own warnings (core/problem/warnings.ts) among them when `problem` is given. */
export function diagnoseStoredRun(history: readonly IterationRecord[], minWeight: number, problem?: ResolvedProblem): RunDiagnostics | null {
  return history.length > 1 ? diagnoseRun(history, { minWeight, problemWarnings: problem ? problemWarnings(problem) : [] }) : null;
}

/** `warning: …` lines for the warnings, `note: …` for the rest; empty when nothing was found. */
export function formatDiagnostics(diagnostics: RunDiagnostics | null, includeInfo: boolean): string {
  if (!diagnostics) return '';
  const lines = diagnostics.findings
    .filter((finding) => includeInfo || finding.severity === 'warning')
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'warning' ? -1 : 1))
    .map((finding) => `${finding.severity === 'warning' ? 'warning' : 'note'}: ${finding.message}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** What the --json summary carries: the flag and the warnings' sentences. */
export function diagnosticsJson(diagnostics: RunDiagnostics | null): { mayMissMass: boolean; warnings: string[] } | undefined {
  if (!diagnostics) return undefined;
  return {
    mayMissMass: diagnostics.mayMissMass,
    warnings: diagnostics.findings.filter((f) => f.severity === 'warning').map((f) => f.message),
  };
}
