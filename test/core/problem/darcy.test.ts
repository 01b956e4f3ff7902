/**
 * The Darcy example of gmki-algorithm.md §5.5: the KL mode order (a contract), the field, the
 * finite-difference solve, the observation layout, the mirror symmetry, and the example's truth
 * and data regenerated from our seeded generator.
 */
import { describe, expect, it } from 'vitest';
import { DARCY_DATA, DARCY_TRUTH } from '../../../core/problem/darcy-data';
import { DARCY_EXAMPLE } from '../../../core/problem/darcy-example';
import { DARCY_NODES, darcyForward, darcyLogPermeability, darcyModePairs, darcyObservations, darcyPressure } from '../../../core/problem/darcy-model';
import { darcyMirroredTheta, darcyModeErrors, generateDarcyData } from '../../../core/problem/darcy-truth';
import { getBuiltinModel, getExampleProblem } from '../../../core/problem/index';
import { resolved } from './helpers';

const N = DARCY_NODES;
const h = 1 / (N - 1);
const theta = (seed: number): number[] => Array.from({ length: 128 }, (_, l) => 10 * Math.sin(seed * 3.7 + l * 0.91));

describe('darcy-2d KL modes', () => {
  it('orders the pairs by l1² + l2², ties by l1 ascending (a contract: θ_l means this mode)', () => {
    const pairs = darcyModePairs();
    expect(pairs).toHaveLength(128);
    expect(pairs.slice(0, 16)).toEqual([
      [0, 1],
      [1, 0],
      [1, 1],
      [0, 2],
      [2, 0],
      [1, 2],
      [2, 1],
      [2, 2],
      [0, 3],
      [3, 0],
      [1, 3],
      [3, 1],
      [2, 3],
      [3, 2],
      [0, 4],
      [4, 0],
    ]);
    // |l|² = 25 has four pairs; 50 has three.
    const at = (pair: [number, number]) => pairs.findIndex(([a, b]) => a === pair[0] && b === pair[1]);
    expect([at([0, 5]), at([3, 4]), at([4, 3]), at([5, 0])].every((i, k, all) => k === 0 || i === all[k - 1]! + 1)).toBe(true);
    expect([at([1, 7]), at([5, 5]), at([7, 1])].every((i, k, all) => k === 0 || i === all[k - 1]! + 1)).toBe(true);
    expect(pairs[127]).toEqual([11, 5]);
  });

  it('takes every pair of smaller magnitude than the last one, and never (0, 0)', () => {
    const pairs = darcyModePairs();
    const magnitude = ([a, b]: readonly number[]) => a! * a! + b! * b!;
    const last = magnitude(pairs[127]!);
    let smaller = 0;
    for (let a = 0; a * a < last; a++) for (let b = 0; a * a + b * b < last; b++) if (a + b > 0) smaller++;
    expect(pairs.filter((pair) => magnitude(pair) < last)).toHaveLength(smaller);
    expect(new Set(pairs.map((pair) => pair.join(','))).size).toBe(128);
  });

  it('builds log κ = θ_l √λ_l φ_l with the three φ cases of §5.5', () => {
    const pairs = darcyModePairs();
    const phi = ([l1, l2]: readonly number[], x1: number, x2: number): number => {
      if (l2 === 0) return Math.SQRT2 * Math.cos(Math.PI * l1! * x1);
      if (l1 === 0) return Math.SQRT2 * Math.cos(Math.PI * l2 * x2);
      return 2 * Math.cos(Math.PI * l1! * x1) * Math.cos(Math.PI * l2 * x2);
    };
    for (const l of [0, 1, 2, 57, 127]) {
      const unit = new Array<number>(128).fill(0);
      unit[l] = 2.5;
      const field = darcyLogPermeability(unit);
      const [l1, l2] = pairs[l]!;
      const sqrtLambda = (Math.PI ** 2 * (l1 ** 2 + l2 ** 2) + 9) ** -1;
      for (const [i1, i2] of [
        [0, 0],
        [13, 61],
        [79, 40],
        [42, 79],
      ] as const) {
        expect(field[i1 + N * i2]).toBeCloseTo(2.5 * sqrtLambda * phi(pairs[l]!, i1 * h, i2 * h), 13);
      }
    }
  });
});

describe('darcy-2d forward model', () => {
  it('solves the five-point equations −∇·(κ∇p) = 1000 sin(4π x2) with mean face conductivities and p = 0 on the boundary', () => {
    const logKappa = darcyLogPermeability(theta(1));
    const kappa = logKappa.map(Math.exp);
    const p = darcyPressure(logKappa);
    let worst = 0;
    for (let i2 = 0; i2 < N; i2++) {
      for (let i1 = 0; i1 < N; i1++) {
        const node = i1 + N * i2;
        if (i1 === 0 || i2 === 0 || i1 === N - 1 || i2 === N - 1) {
          expect(p[node]).toBe(0);
          continue;
        }
        let flux = 0;
        for (const neighbour of [node - 1, node + 1, node - N, node + N]) flux += ((kappa[node]! + kappa[neighbour]!) / 2) * (p[node]! - p[neighbour]!);
        const residual = flux / h ** 2 - 1000 * Math.sin(4 * Math.PI * i2 * h);
        worst = Math.max(worst, Math.abs(residual));
      }
    }
    expect(worst / 1000).toBeLessThan(1e-9);
  });

  it('observes p at the 1-based nodes 10, …, 70, mirror-averaged in x1, x1 fastest', () => {
    const p = Float64Array.from({ length: N * N }, (_, index) => (index % N) + 1000 * Math.floor(index / N));
    const nodes = [9, 19, 29, 39, 49, 59, 69];
    const expected = nodes.flatMap((b) => [0, 1, 2, 3].map((a) => (nodes[a]! + nodes[6 - a]!) / 2 + 1000 * b));
    expect(darcyObservations(p)).toEqual(expected);
  });

  it('is the built-in model darcy-2d, 128 → 28, refusing θ of another length', () => {
    const model = getBuiltinModel('darcy-2d')!;
    expect([model.nTheta, model.nOutputs, model.runsInWorkers]).toEqual([128, 28, true]);
    expect(model.forward(theta(2))).toEqual(darcyForward(theta(2)));
    expect(() => model.forward([1, 2])).toThrow(/expected θ of length 128, got 2/);
  });

  it('maps the mirrored θ_l → (−1)^l1 θ_l to exactly the mirrored field, whose data are almost the same', () => {
    const original = darcyLogPermeability(theta(3));
    const mirrored = darcyLogPermeability(darcyMirroredTheta(theta(3)));
    for (let i2 = 0; i2 < N; i2 += 7) for (let i1 = 0; i1 < N; i1++) expect(mirrored[i1 + N * i2]).toBeCloseTo(original[N - 1 - i1 + N * i2]!, 11);
    // The observation nodes 10 ↔ 70 are not exact mirror images (the mirror of 10 is 71): close, not equal.
    const y = darcyForward(theta(3));
    const yMirror = darcyForward(Array.from(darcyMirroredTheta(theta(3))));
    const norm = Math.hypot(...y);
    const gap = Math.hypot(...y.map((value, i) => value - yMirror[i]!));
    expect(gap).toBeGreaterThan(0);
    expect(gap / norm).toBeLessThan(0.05);
  });
});

describe('darcy-2d example', () => {
  it('has our seeded truth and data: regenerated, they equal the digits written in darcy-data.ts', () => {
    const { truth, data } = generateDarcyData();
    expect(truth).toEqual(DARCY_TRUTH); // normals are bit-identical on every machine
    data.forEach((value, i) => expect(Math.abs(value - DARCY_DATA[i]!)).toBeLessThan(1e-12 * Math.max(1, Math.abs(value))));
  });

  it('is the §5.5 set-up with the truth as its reference, pinned to gmki-paper', () => {
    expect(getExampleProblem('darcy-2d')).toBe(DARCY_EXAMPLE);
    const problem = resolved(DARCY_EXAMPLE.problem);
    expect(problem.parameterNames).toHaveLength(128);
    expect(Array.from(problem.prior.mean)).toEqual(new Array(128).fill(0));
    expect(problem.prior.covariance[0]).toBe(100);
    expect(problem.prior.covariance[129]).toBe(100);
    expect(problem.prior.covariance[1]).toBe(0);
    expect(Array.from(problem.observations.values)).toEqual(DARCY_DATA);
    expect(problem.observations.noiseCovariance[0]).toBe(1);
    expect(problem.settings).toMatchObject({ method: 'gmki-paper', components: 3, dt: 0.5, iterations: 50 });
    expect(problem.model).toEqual({ type: 'builtin', name: 'darcy-2d' });
    expect(problem.reference).toEqual({ theta: Float64Array.from(DARCY_TRUTH), label: 'truth' });
  });

  it('measures log κ errors against the truth and its mirror image', () => {
    const truth = DARCY_TRUTH;
    expect(darcyModeErrors(truth, truth).truth).toBe(0);
    expect(darcyModeErrors(truth, truth).mirrored).toBeGreaterThan(0.1);
    expect(darcyModeErrors(darcyMirroredTheta(truth), truth).mirrored).toBe(0);
    expect(darcyModeErrors(new Array(128).fill(0), truth)).toEqual({ truth: 1, mirrored: 1 });
  });
});
