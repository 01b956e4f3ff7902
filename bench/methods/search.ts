/**
 * Measuring a budget over the seeds, and climbing a budget ladder until the anchors' accuracy is
 * reached: every other rung first (factor 2 apart), stopping at the first whose median L1 reaches
 * the smallest target, then for each target the rung just below the first that reached it, so
 * the budget found is the ladder's smallest to within a factor √2 (if L1 falls with the budget).
 */
import type { GridReference2d } from '../../test/support/grid-l1';
import { exactDrawsL1, mixtureL1, particleL1 } from './accuracy';
import type { Budget, Settings } from './budgets';
import { benchProblem, runMethod } from './run';

/** One budget measured on every seed. */
export interface Measured {
  readonly series: string;
  readonly budget: Budget;
  /** Per seed. */
  readonly l1: readonly number[];
  /** Evaluations the runs asked for, per seed. */
  readonly evaluations: readonly number[];
  /** Per seed: the L1 of J exact draws through the same estimate; null for mixture methods. */
  readonly floor: readonly number[] | null;
  readonly seconds: number;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Exact-draws floors by (J, seed), shared by every series and method of one problem. */
export class FloorCache {
  private readonly values = new Map<string, number>();
  constructor(private readonly ref: GridReference2d) {}
  get(count: number, seed: number): number {
    const key = `${count}|${seed}`;
    let value = this.values.get(key);
    if (value === undefined) this.values.set(key, (value = exactDrawsL1(this.ref, count, seed).l1));
    return value;
  }
}

export interface MeasureContext {
  readonly exampleId: string;
  readonly ref: GridReference2d;
  readonly seeds: readonly number[];
  readonly floors: FloorCache;
}

/** Runs `settings` on every seed: the final mixture's L1, or the particles' kernel-density L1. */
export function measure(context: MeasureContext, series: string, budget: Budget): Measured {
  const start = performance.now();
  const l1: number[] = [];
  const evaluations: number[] = [];
  for (const seed of context.seeds) {
    const settings: Settings = { ...budget.settings, seed };
    const run = runMethod(benchProblem(context.exampleId, settings));
    if (run.declared.bound === 'exact' ? run.evaluations !== run.declared.total : run.evaluations > run.declared.total)
      throw new Error(`${context.exampleId} ${JSON.stringify(settings)}: ${run.evaluations} evaluations, declared ${run.declared.bound} ${run.declared.total}`);
    l1.push(run.particles ? particleL1(run.particles, context.ref).l1 : mixtureL1(run.mixture, context.ref));
    evaluations.push(run.evaluations);
  }
  const J = budget.particles;
  const floor = J === null ? null : context.seeds.map((seed) => context.floors.get(J, seed));
  return { series, budget, l1, evaluations, floor, seconds: (performance.now() - start) / 1000 };
}

/**
 * The rungs of `budgets` measured (by `measureRung`, once each) while looking for the smallest
 * budgets that reach `targets`, in ladder order.
 */
export function climb(budgets: readonly Budget[], targets: readonly number[], measureRung: (budget: Budget) => Measured): Measured[] {
  const byIndex = new Map<number, Measured>();
  const visit = (i: number): Measured => {
    let m = byIndex.get(i);
    if (!m) byIndex.set(i, (m = measureRung(budgets[i])));
    return m;
  };
  const lowest = Math.min(...targets);
  const coarse = budgets.map((_, i) => i).filter((i) => i % 2 === 0 || i === budgets.length - 1);
  for (const i of coarse) if (median(visit(i).l1) <= lowest) break;
  for (const target of targets) {
    const first = [...byIndex.keys()].sort((a, b) => a - b).find((i) => median(byIndex.get(i)!.l1) <= target);
    if (first !== undefined && first > 0) visit(first - 1);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, m]) => m);
}
