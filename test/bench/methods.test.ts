/**
 * The pure logic of `npm run bench:methods` (bench/methods/): the ladder climb that finds the
 * smallest budget reaching a target L1, the choice of that budget, the 30× verdict (a lower bound
 * when smc never reached the target), the budget ladders, the command line, and the particle
 * accuracy (linear binning keeps the mass; more exact draws give a smaller L1).
 */
import { describe, expect, it } from 'vitest';
import { binOnGrid, exactDrawsL1, kernelDensityOnGrid, particleL1 } from '../../bench/methods/accuracy';
import { budgetSeries, type Budget } from '../../bench/methods/budgets';
import { parseOptions } from '../../bench/methods/options';
import { overallVerdict, reach, verdict, type Reach } from '../../bench/methods/report';
import { climb, median, type Measured } from '../../bench/methods/search';
import { gridReference2d, l1OnGrid, twoModalLogPosterior } from '../support/grid-l1';

/** Budgets J = 1, 2, … n with a given L1 per rung (as measured on one seed). */
function rungs(l1s: readonly number[]): { budgets: Budget[]; measureRung: (b: Budget) => Measured; measuredJ: number[] } {
  const budgets = l1s.map((_, i) => ({ label: `J = ${i + 1}`, settings: {}, particles: i + 1 }));
  const measuredJ: number[] = [];
  const measureRung = (budget: Budget): Measured => {
    measuredJ.push(budget.particles!);
    return { series: 's', budget, l1: [l1s[budget.particles! - 1]], evaluations: [100 * budget.particles!], floor: null, seconds: 0 };
  };
  return { budgets, measureRung, measuredJ };
}

function measured(evaluations: number, l1: number): Measured {
  return { series: 's', budget: { label: '', settings: {}, particles: null }, l1: [l1], evaluations: [evaluations], floor: null, seconds: 0 };
}

describe('climb: the smallest rung of a ladder reaching the targets', () => {
  it('measures every other rung up to the first reaching the lowest target, then the rung below each first reach', () => {
    const { budgets, measureRung, measuredJ } = rungs([0.9, 0.7, 0.5, 0.3, 0.2, 0.1, 0.05, 0.01]);
    const found = climb(budgets, [0.25, 0.6], measureRung);
    // Coarse: J = 1, 3, 5 (0.2 ≤ 0.25 stops it); then below 5 (J = 4) for 0.25 and below 3 (J = 2) for 0.6.
    expect(measuredJ).toEqual([1, 3, 5, 4, 2]);
    expect(found.map((m) => m.budget.particles)).toEqual([1, 2, 3, 4, 5]);
    expect(reach(0.25, found)).toMatchObject({ reached: true, measured: { budget: { particles: 5 } } });
    expect(reach(0.6, found)).toMatchObject({ reached: true, measured: { budget: { particles: 3 } } });
  });

  it('finds the rung just below a coarse one when it already reaches', () => {
    const { budgets, measureRung } = rungs([0.9, 0.7, 0.5, 0.2, 0.2, 0.1]);
    const found = climb(budgets, [0.25], measureRung);
    expect(reach(0.25, found)).toMatchObject({ reached: true, measured: { budget: { particles: 4 } } });
  });

  it('climbs to the last rung (even when it is odd) when nothing reaches, and measures each rung once', () => {
    const { budgets, measureRung, measuredJ } = rungs([0.9, 0.8, 0.7, 0.6, 0.5, 0.45]);
    const found = climb(budgets, [0.1, 0.2], measureRung);
    expect(measuredJ).toEqual([1, 3, 5, 6]);
    expect(reach(0.1, found)).toEqual({ reached: false, upTo: 600, bestL1: 0.45 });
  });
});

describe('reach and the 30× verdict', () => {
  it('reach takes the cheapest budget whose median L1 is at most the target, not the first in the list', () => {
    const found = reach(0.2, [measured(5000, 0.15), measured(3000, 0.19), measured(1000, 0.3)]);
    expect(found).toMatchObject({ reached: true, measured: { evaluations: [3000] } });
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('holds at ≥ 30×, fails below, and is a lower bound when smc never reached the anchor', () => {
    const reached = (evaluations: number): Reach => ({ reached: true, measured: measured(evaluations, 0.1) });
    expect(verdict(450, reached(13_500))).toEqual({ outcome: 'holds', ratio: 30, lowerBound: false });
    expect(verdict(450, reached(13_000))).toMatchObject({ outcome: 'fails', lowerBound: false });
    expect(verdict(450, { reached: false, upTo: 45_000, bestL1: 0.2 })).toEqual({ outcome: 'holds', ratio: 100, lowerBound: true });
    // Not reached within 20× the anchor's evaluations: the ladder says nothing about 30×.
    expect(verdict(450, { reached: false, upTo: 9000, bestL1: 0.2 })).toMatchObject({ outcome: 'undetermined', ratio: 20 });
  });

  it('any failure fails the target; any undetermined case leaves it undetermined', () => {
    const v = (outcome: 'holds' | 'fails' | 'undetermined') => ({ outcome, ratio: 1, lowerBound: false });
    expect(overallVerdict([v('holds'), v('holds')])).toBe('holds');
    expect(overallVerdict([v('holds'), v('undetermined'), v('fails')])).toBe('fails');
    expect(overallVerdict([v('holds'), v('undetermined')])).toBe('undetermined');
  });
});

describe('budget ladders', () => {
  it('smc: J = 500·√2^k up to the largest J, for at most 5 and 25 MH steps, from the prior', () => {
    const series = budgetSeries('smc', 4000);
    expect(series.map((s) => s.label)).toEqual(['MH steps ≤ 5', 'MH steps ≤ 25']);
    expect(series[0].budgets.map((b) => b.particles)).toEqual([500, 707, 1000, 1414, 2000, 2828, 4000]);
    expect(series[1].budgets[0].settings).toEqual({ method: 'smc', particles: 500, mhSteps: 25, initialization: { type: 'prior' } });
    expect(budgetSeries('smc', 4000, true).map((s) => s.label)).toEqual(['MH steps ≤ 5']);
  });

  it('the anchors have no ladder', () => {
    expect(() => budgetSeries('gmki-robust', 4000)).toThrow(/anchor/);
  });
});

describe('command line', () => {
  it('--quick runs one seed, smc J ≤ 2 000 and one series per method; explicit options win', () => {
    const quick = parseOptions(['--quick']);
    expect(quick).toMatchObject({ ok: true, options: { seeds: [1], maxParticles: 2000, firstSeriesOnly: true, quick: true } });
    expect(parseOptions(['--quick', '--seeds', '2'])).toMatchObject({ ok: true, options: { seeds: [1, 2] } });
    const full = parseOptions(['--problems', 'four-modal-2d', '--methods', 'smc,eki', '--seeds', '4,7']);
    if (!full.ok) throw new Error(full.message);
    expect(full.options.problems.map((p) => p.id)).toEqual(['four-modal-2d']);
    expect(full.options).toMatchObject({ methods: ['smc', 'eki'], seeds: [4, 7], maxParticles: 32000, firstSeriesOnly: false });
  });

  it('names the option at fault', () => {
    expect(parseOptions(['--problems', 'circle-2d'])).toMatchObject({ ok: false, message: "--problems: no problem 'circle-2d'" });
    expect(parseOptions(['--methods', 'mcmc'])).toMatchObject({ ok: false, message: "--methods: no method 'mcmc'" });
    expect(parseOptions(['--seeds', '0'])).toMatchObject({ ok: false, message: expect.stringMatching(/^--seeds:/) });
    expect(parseOptions(['--max-particles', '100'])).toMatchObject({ ok: false, message: expect.stringMatching(/^--max-particles:/) });
    expect(parseOptions(['--seeds', '--quick'])).toMatchObject({ ok: false, message: '--seeds needs a value' });
    expect(parseOptions(['--fast'])).toMatchObject({ ok: false, message: 'unknown option --fast' });
    expect(parseOptions(['--help'])).toMatchObject({ ok: false, help: true });
  });
});

describe('particle accuracy', () => {
  const ref = gridReference2d(twoModalLogPosterior([0, 0]), 100, -4, 4);

  it('linear binning keeps each particle’s unit mass inside the box and drops particles outside it', () => {
    const counts = binOnGrid(Float64Array.from([0.013, -1.27, 3.99, 0.5, 9, 0, -4, 4]), ref);
    expect(counts.reduce((a, b) => a + b, 0)).toBeCloseTo(3, 12);
    const density = kernelDensityOnGrid(counts, ref, 0.3)!;
    expect(density.reduce((a, b) => a + b, 0) * ref.cell).toBeCloseTo(1, 12);
    expect(kernelDensityOnGrid(binOnGrid(Float64Array.from([9, 9]), ref), ref, 0.3)).toBeNull();
    expect(particleL1(Float64Array.from([9, 9]), ref).l1).toBe(2);
  });

  it('exact draws come closer to the reference as they grow, and the reference itself has L1 0', () => {
    const small = exactDrawsL1(ref, 500, 1).l1;
    const large = exactDrawsL1(ref, 8000, 1).l1;
    expect(large).toBeLessThan(0.75 * small);
    expect(large).toBeGreaterThan(0);
    expect(l1OnGrid(ref.reference, ref.reference, ref.cell)).toBe(0);
  });
});
