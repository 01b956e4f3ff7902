/**
 * Paper/notebook reproductions, `gmki-algorithm.md` §8 VT-7 (L1 at iteration 30 within the
 * acceptance bands) and VT-8 (forward evaluations = K(2d+1)·30).
 *
 * Every case starts from an example problem file of core/problem/examples.ts, varied through its
 * JSON (noise, prior mean, K) before parseProblem, and runs through createInversion with the
 * built-in model evaluated on each point, as a host would. The L1 metric is the notebooks'
 * (test/support/grid-l1.ts, §5). A table of L1 at iterations 0, 10, 30 next to the paper's
 * figures is printed at the end. Bands are the spec's; do not widen them to get green.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Mixture } from '../../core/gmki/state';
import { createInversion } from '../../core/inversion';
import { getBuiltinModel, getExampleProblem, parseProblem } from '../../core/problem';
import type { ProblemFile, ResolvedProblem } from '../../core/problem';
import {
  circleLogPosterior,
  fourModalLogPosterior,
  gridReference1d,
  gridReference2d,
  mixtureL1OnGrid1d,
  mixtureL1OnGrid2d,
  squareMapGridRange,
  squareMapLogPosterior,
  twoModalLogPosterior,
} from '../support/grid-l1';

const ITERATIONS = 30;
/** Iterations at which the table reports L1 (the circle notebook also printed 7, 15, 22). */
const CHECKPOINTS = [0, 10, 30];

// ---------------------------------------------------------------------------------------------
// Problems: the example files, varied through their JSON.

interface Variation {
  /** K: keeps the first K explicit initial means (equal weights 1/K). */
  readonly components?: number;
  readonly noiseStd?: number;
  readonly priorMean?: readonly number[];
}

function exampleFile(id: string, variation: Variation = {}): ProblemFile {
  const example = getExampleProblem(id);
  if (!example) throw new Error(`no example problem '${id}'`);
  const file = structuredClone(example.problem) as ProblemFile;
  if (variation.noiseStd !== undefined) file.observations!.noise = { std: variation.noiseStd };
  if (variation.priorMean !== undefined) {
    variation.priorMean.forEach((mean, i) => {
      file.parameters[i].prior.mean = mean;
    });
  }
  if (variation.components !== undefined) {
    const K = variation.components;
    const settings = file.settings ?? {};
    const init = settings.initialization;
    if (init?.type === 'explicit') {
      if (init.means.length < K) throw new Error(`${id} has only ${init.means.length} initial means, K = ${K} asked`);
      settings.initialization = {
        type: 'explicit',
        weights: Array.from({ length: K }, () => 1 / K),
        means: init.means.slice(0, K),
        covariances: init.covariances.slice(0, K),
      };
    }
    settings.components = K;
    file.settings = settings;
  }
  return file;
}

function parse(file: ProblemFile): ResolvedProblem {
  const result = parseProblem(file);
  if (!result.ok) throw new Error(`example does not parse: ${JSON.stringify(result.errors)}`);
  return result.problem;
}

interface RunResult {
  /** Mixtures at iterations 0..30. */
  readonly mixtures: Mixture[];
  readonly forwardCalls: number;
  readonly forwardEvaluations: number;
}

/** Runs the inversion to its end, evaluating the problem's built-in model on every point. */
function run(problem: ResolvedProblem): RunResult {
  if (problem.model.type !== 'builtin') throw new Error('reproductions use built-in models');
  const model = getBuiltinModel(problem.model.name);
  if (!model) throw new Error(`no built-in model '${problem.model.name}'`);
  const inversion = createInversion(problem);
  const mixtures = [inversion.initialRecord.mixture];
  let forwardCalls = 0;
  while (!inversion.done) {
    const batch = inversion.ask();
    const outputs = batch.points.map((point) => {
      forwardCalls++;
      return model.forward(point.theta);
    });
    mixtures.push(inversion.tell(outputs).mixture);
  }
  return { mixtures, forwardCalls, forwardEvaluations: inversion.forwardEvaluations };
}

// ---------------------------------------------------------------------------------------------
// Report table.

interface Row {
  readonly name: string;
  readonly l1: readonly number[];
  readonly paper: string;
  /** The spec's own re-implementation (§5, §8 "ours"), for comparison. */
  readonly spec: string;
  readonly band: string;
  readonly note?: string;
}

const rows: Row[] = [];

function printTable(): void {
  const header = ['case', ...CHECKPOINTS.map((i) => `L1@${i}`), 'TV@30', 'paper (iter 30)', 'spec re-impl.', 'accept', 'note'];
  const body = rows.map((r) => [r.name, ...r.l1.map((x) => x.toFixed(4)), (r.l1[r.l1.length - 1] / 2).toFixed(4), r.paper, r.spec, r.band, r.note ?? '']);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((line) => line[c].length)));
  const format = (line: string[]): string => line.map((cell, c) => cell.padEnd(widths[c])).join(' | ');
  console.log(['VT-7 reproductions (L1 = ∫|p − p_ref|, no ½; TV = L1/2)', format(header), ...body.map(format)].join('\n'));
}

afterAll(printTable);

function expectInBand(value: number, [lo, hi]: readonly [number, number], what: string): void {
  expect(value, `${what}: L1 at iteration ${ITERATIONS}`).toBeGreaterThanOrEqual(lo);
  expect(value, `${what}: L1 at iteration ${ITERATIONS}`).toBeLessThanOrEqual(hi);
}

const bandText = ([lo, hi]: readonly [number, number]): string => `${lo.toFixed(3)}–${hi.toFixed(3)}`;
const around = (center: number, tolerance: number): [number, number] => [center - tolerance, center + tolerance];

function expectEvaluations(result: RunResult, K: number, d: number, expected?: number): void {
  const count = K * (2 * d + 1) * ITERATIONS;
  if (expected !== undefined) expect(count).toBe(expected);
  expect(result.forwardCalls).toBe(count);
  expect(result.forwardEvaluations).toBe(count);
}

// ---------------------------------------------------------------------------------------------

describe('1-D square map (§5.1): K = 1, 2, 3 from the printed initial means', () => {
  const cases: {
    sigma: number;
    mu0: number;
    paper: [string, string, string];
    spec: [string, string, string];
    bands: [[number, number], [number, number], [number, number]];
  }[] = [
    {
      sigma: 0.2,
      mu0: 3,
      paper: ['≈0.41', '≈0.09', '≈0.09'],
      spec: ['0.410', '0.094', '0.094'],
      bands: [
        [0.39, 0.43],
        [0.07, 0.12],
        [0.07, 0.12],
      ],
    },
    {
      sigma: 0.5,
      mu0: 3.2,
      paper: ['≈0.555', '≈0.28', '≈0.28'],
      spec: ['0.565', '0.284', '0.284'],
      bands: [around(0.565, 0.03), around(0.284, 0.03), around(0.284, 0.03)],
    },
    {
      sigma: 1.0,
      mu0: 3,
      paper: ['≈0.56', '≈0.36', '≈0.36'],
      spec: ['0.573', '0.362', '0.353–0.362'],
      bands: [around(0.573, 0.03), around(0.362, 0.03), around(0.362, 0.03)],
    },
    {
      sigma: 1.5,
      mu0: 3,
      paper: ['≈0.46', '≈0.35', '≈0.35'],
      spec: ['0.478', '0.351', '0.353'],
      bands: [around(0.478, 0.04), around(0.351, 0.03), around(0.353, 0.03)],
    },
  ];

  for (const { sigma, mu0, paper, spec, bands } of cases) {
    it(`with σ_η = ${sigma} and μ0 = ${mu0} ends at L1 ${bands.map(bandText).join(' / ')} for K = 1 / 2 / 3`, () => {
      const results = [1, 2, 3].map((K) => run(parse(exampleFile('square-map-1d', { components: K, noiseStd: sigma, priorMean: [mu0] }))));
      // One grid for all K: the final K = 3 mixture's m_k ± 5σ_k, at least [−4, 4] (§5.1).
      const [lo, hi] = squareMapGridRange(results[2].mixtures[ITERATIONS]);
      const reference = gridReference1d(squareMapLogPosterior(sigma, mu0), lo, hi, 1000);
      results.forEach((result, index) => {
        const K = index + 1;
        const l1 = CHECKPOINTS.map((i) => mixtureL1OnGrid1d(result.mixtures[i], reference));
        rows.push({
          name: `1-D σ_η=${sigma.toFixed(1)} μ0=${mu0.toFixed(1)} K=${K}`,
          l1,
          paper: paper[index],
          spec: spec[index],
          band: bandText(bands[index]),
        });
        expectInBand(l1[l1.length - 1], bands[index], `square map σ_η = ${sigma}, K = ${K}`);
        expectEvaluations(result, K, 1, K === 3 ? 270 : undefined);
      });
    });
  }
});

describe('2-D two-modal (§5.2), K = 3', () => {
  const cases: { id: string; mu0: [number, number]; paper: string; spec: string }[] = [
    { id: 'two-modal-2d', mu0: [0, 0], paper: '0.1249', spec: '1.4178/0.1467/0.1216' },
    { id: 'two-modal-2d-shifted', mu0: [0.5, 0], paper: '0.1273', spec: '1.5081/0.1736/0.1189' },
  ];
  for (const { id, mu0, paper, spec } of cases) {
    it(`with μ0 = (${mu0.join(', ')}) ends at L1 0.10–0.15 after 450 forward evaluations`, () => {
      const problem = parse(exampleFile(id));
      expect(Array.from(problem.prior.mean)).toEqual(mu0);
      const result = run(problem);
      const reference = gridReference2d(twoModalLogPosterior(mu0), 1000);
      const l1 = CHECKPOINTS.map((i) => mixtureL1OnGrid2d(result.mixtures[i], reference));
      rows.push({ name: `two-modal μ0=(${mu0.join(',')}) K=3`, l1, paper, spec, band: '0.100–0.150' });
      expectInBand(l1[l1.length - 1], [0.1, 0.15], `two-modal μ0 = (${mu0.join(', ')})`);
      expectEvaluations(result, 3, 2, 450);
    });
  }
});

describe('2-D four-modal (§5.3), μ0 = (0.5, 0)', () => {
  const mu0: [number, number] = [0.5, 0];
  const a = Math.sqrt(4.2297);
  const modes: { name: string; at: [number, number] }[] = [
    { name: '(2, 0)', at: [a, 0] },
    { name: '(−2, 0)', at: [-a, 0] },
    { name: '(0, 2)', at: [0, a] },
    { name: '(0, −2)', at: [0, -a] },
  ];
  /** Modes with no component of weight ≥ 1e-3 within 0.5 of them. */
  const missedModes = (mixture: Mixture): string[] =>
    modes
      .filter(({ at }) => {
        for (let k = 0; k < mixture.nComponents; k++) {
          const near = Math.hypot(mixture.means[2 * k] - at[0], mixture.means[2 * k + 1] - at[1]) < 0.5;
          if (near && Math.exp(mixture.logWeights[k]) >= 1e-3) return false;
        }
        return true;
      })
      .map(({ name }) => name);
  let reference: ReturnType<typeof gridReference2d> | undefined;
  const getReference = (): ReturnType<typeof gridReference2d> => (reference ??= gridReference2d(fourModalLogPosterior(mu0), 1000));

  it('with K = 3 misses one mode and ends in the band of the mode it missed', () => {
    const result = run(parse(exampleFile('four-modal-2d', { components: 3 })));
    const l1 = CHECKPOINTS.map((i) => mixtureL1OnGrid2d(result.mixtures[i], getReference()));
    const missed = missedModes(result.mixtures[ITERATIONS]);
    const bands: Record<string, [number, number]> = {
      '(0, 2)': [0.48, 0.53],
      '(0, −2)': [0.48, 0.53],
      '(−2, 0)': [0.29, 0.34],
      '(2, 0)': [1.03, 1.13],
    };
    const band = missed.length === 1 ? bands[missed[0]] : undefined;
    rows.push({
      name: 'four-modal K=3',
      l1,
      paper: '0.5071',
      spec: '1.7681/0.4923/0.5076',
      band: band ? bandText(band) : 'n/a',
      note: `missed ${missed.join(' ') || 'none'}`,
    });
    expect(missed, 'K = 3 components hold exactly 3 of the 4 modes').toHaveLength(1);
    expectInBand(l1[l1.length - 1], band ?? [0, 0], `four-modal K = 3, missed mode ${missed[0]}`);
    expectEvaluations(result, 3, 2, 450);
  });

  it('with K = 6 finds all four modes and ends at L1 0.19–0.23 after 900 forward evaluations', () => {
    const result = run(parse(exampleFile('four-modal-2d')));
    const l1 = CHECKPOINTS.map((i) => mixtureL1OnGrid2d(result.mixtures[i], getReference()));
    const missed = missedModes(result.mixtures[ITERATIONS]);
    rows.push({ name: 'four-modal K=6', l1, paper: '0.2117', spec: '1.7506/0.2047/0.2081', band: '0.190–0.230', note: `missed ${missed.join(' ') || 'none'}` });
    expect(missed, 'K = 6 components find every mode').toEqual([]);
    expectInBand(l1[l1.length - 1], [0.19, 0.23], 'four-modal K = 6');
    expectEvaluations(result, 6, 2, 900);
  });
});

describe('2-D circle (§5.4), K = 10, no prior', () => {
  it('fails as the paper’s GMKI does: L1 stays in 1.35–1.65 at iteration 30, after 1500 forward evaluations', () => {
    const problem = parse(exampleFile('circle-2d'));
    expect(problem.prior.kind).toBe('none');
    const result = run(problem);
    const reference = gridReference2d(circleLogPosterior(), 1000);
    const l1At = (i: number): number => mixtureL1OnGrid2d(result.mixtures[i], reference);
    const l1 = CHECKPOINTS.map(l1At);
    const paperCheckpoints = [7, 15, 22].map((i) => `${i}:${l1At(i).toFixed(4)}`).join(' ');
    rows.push({
      name: 'circle K=10 (must fail)',
      l1,
      paper: '1.4910',
      spec: '1.36–1.59 throughout',
      band: '1.350–1.650',
      note: `${paperCheckpoints} (paper 7:1.5197 15:1.5584 22:1.5051; L1@0 differs: initial draws are not Julia’s)`,
    });
    expectInBand(l1[l1.length - 1], [1.35, 1.65], 'circle K = 10');
    expectEvaluations(result, 10, 2, 1500);
  });
});
