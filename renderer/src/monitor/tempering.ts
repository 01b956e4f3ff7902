/**
 * An smc run's stages as the monitor lists them, from its per-iteration figures (core's
 * SmcDiagnostics): each stage's β, the ESS its reweighting kept, its iterations (the first is the
 * reweighting and its first MH step, the others its further steps), the acceptance of its MH
 * steps at its last iteration, and, for the stage that reached β = 1, the log-evidence.
 */
import type { ChartHistory } from '../charts/history';

export interface TemperingStage {
  readonly stage: number;
  readonly beta: number;
  readonly ess: number;
  readonly firstIteration: number;
  readonly lastIteration: number;
  /** Of its MH steps so far; null before its first. */
  readonly acceptance: number | null;
  /** log p(y) once β = 1; null before and at other stages. */
  readonly logEvidence: number | null;
}

/** One row per stage, in order (iterations without smc figures, like iteration 0, are skipped). */
export function temperingStages(history: ChartHistory): TemperingStage[] {
  const stages: TemperingStage[] = [];
  for (const entry of history) {
    const smc = entry.diagnostics?.smc;
    if (!smc || smc.stage === 0) continue;
    const held = stages.at(-1);
    const firstIteration = held?.stage === smc.stage ? held.firstIteration : entry.iteration;
    const row = {
      stage: smc.stage,
      beta: smc.beta,
      ess: smc.ess,
      firstIteration,
      lastIteration: entry.iteration,
      acceptance: smc.acceptance,
      logEvidence: smc.logEvidence,
    };
    if (held?.stage === smc.stage) stages[stages.length - 1] = row;
    else stages.push(row);
  }
  return stages;
}
