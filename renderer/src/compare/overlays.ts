/**
 * From what run/get and run/iterations return to what the overlay builders take: each run's
 * final mixture with its parameter names and transforms, its history for the curves, and the
 * run's own colour on every series (the builders colour by position in what they are given, but
 * a run keeps the colour of its place in the selection even when a run before it failed to load).
 */
import type { EChartsOption } from 'echarts';
import type { ChartHistory } from '../charts/history';
import type { IterationHistory } from '../../../electron/contract/types';
import { mixtureOf, parameterSpaceOf } from '../runs/mixture';
import type { RunPosterior } from './common-parameters';

/** A loaded run, as the Compare screen draws it. */
export interface LoadedRun {
  /** The legend name (unique among the runs shown). */
  readonly name: string;
  readonly problem: Readonly<Record<string, unknown>>;
  readonly history: IterationHistory;
}

/**
 * The run's last committed mixture with its parameters, or null until iteration 1 has completed
 * (iteration 0 is the initial mixture, drawn from the prior: no posterior).
 */
export function posteriorOf(run: LoadedRun): RunPosterior | null {
  const last = run.history.iterations.at(-1);
  if (!last || last.iteration === 0 || last.weights.length === 0) return null;
  const space = parameterSpaceOf(run.problem);
  return { name: run.name, mixture: mixtureOf(last), names: space.names, transforms: space.transforms, reference: space.reference };
}

/** The run's iterations as the curve builders take them (misfit nulls from JSON become gaps there). */
export function chartHistoryOf(history: IterationHistory): ChartHistory {
  return history.iterations.map((entry) => ({
    iteration: entry.iteration,
    mixture: mixtureOf(entry),
    diagnostics: { misfit: entry.diagnostics.misfit.map((value) => (typeof value === 'number' ? value : Number.NaN)) },
  }));
}

/** The option with series r drawn in colours[r]. */
export function recolour(option: EChartsOption, colours: readonly string[]): EChartsOption {
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  return { ...option, series: series.map((one, r) => ({ ...one, color: colours[r] ?? one.color })) as EChartsOption['series'] };
}
