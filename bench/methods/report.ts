/** What the bench prints: the smallest budget reaching a target, and the tables. */
import { median, type Measured } from './search';

/** The cheapest measured budget whose median L1 reaches `target`, or what was tried. */
export type Reach = { readonly reached: true; readonly measured: Measured } | { readonly reached: false; readonly upTo: number; readonly bestL1: number };

export function reach(target: number, measured: readonly Measured[]): Reach {
  const reaching = measured.filter((m) => median(m.l1) <= target);
  if (reaching.length > 0) {
    const cheapest = reaching.reduce((a, b) => (median(b.evaluations) < median(a.evaluations) ? b : a));
    return { reached: true, measured: cheapest };
  }
  return {
    reached: false,
    upTo: Math.max(...measured.map((m) => median(m.evaluations))),
    bestL1: Math.min(...measured.map((m) => median(m.l1))),
  };
}

/** Issue 10's target: GMKI needs at least this many times fewer evaluations than smc at equal L1. */
export const TARGET_RATIO = 30;

/**
 * Whether smc's evaluations at the anchor's L1 are ≥ TARGET_RATIO × the anchor's. When smc did
 * not reach the anchor's L1, its largest budget gives a lower bound on the ratio: enough if that
 * bound is ≥ TARGET_RATIO, otherwise the ladder was too short to tell.
 */
export interface Verdict {
  readonly outcome: 'holds' | 'fails' | 'undetermined';
  /** smc's evaluations ÷ the anchor's, or its lower bound when smc did not reach the anchor's L1. */
  readonly ratio: number;
  readonly lowerBound: boolean;
}

export function verdict(anchorEvaluations: number, smc: Reach): Verdict {
  if (smc.reached) {
    const ratio = median(smc.measured.evaluations) / anchorEvaluations;
    return { outcome: ratio >= TARGET_RATIO ? 'holds' : 'fails', ratio, lowerBound: false };
  }
  const ratio = smc.upTo / anchorEvaluations;
  return { outcome: ratio >= TARGET_RATIO ? 'holds' : 'undetermined', ratio, lowerBound: true };
}

/** Every verdict holds → holds; any fails → fails; otherwise undetermined. */
export function overallVerdict(verdicts: readonly Verdict[]): Verdict['outcome'] {
  if (verdicts.some((v) => v.outcome === 'fails')) return 'fails';
  return verdicts.every((v) => v.outcome === 'holds') ? 'holds' : 'undetermined';
}

/** 1234567 → "1 234 567". */
export function count(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** "0.084 (TV 0.042)". */
export function l1Text(l1: number): string {
  return `${l1.toFixed(3)} (TV ${(l1 / 2).toFixed(3)})`;
}

export function ratioText(ratio: number): string {
  return ratio >= 10 ? `${ratio.toFixed(0)}×` : `${ratio.toFixed(1)}×`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** One line per measured budget, for the detail table. */
export function detailRow(problem: string, method: string, m: Measured): string[] {
  return [
    problem,
    method,
    m.series,
    m.budget.label,
    count(median(m.evaluations)),
    l1Text(median(m.l1)),
    m.floor ? median(m.floor).toFixed(3) : '—',
    m.l1.map((x) => x.toFixed(3)).join(' '),
    m.seconds.toFixed(1),
  ];
}
