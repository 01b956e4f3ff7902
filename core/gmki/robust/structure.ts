/**
 * Split, merge and re-seed: how gmki-robust moves its K components to where they are needed,
 * at the end of an iteration (after the Kalman step and weight update), using only that
 * iteration's evaluations. K stays fixed, so a component can only be put to new use once it has
 * been freed; the rules, in order:
 *
 * 1. Free components: the lighter of each duplicate pair (Bhattacharyya coefficient >
 *    duplicateOverlap, ../overlap.ts; it is merged into the heavier by moment matching before
 *    reuse), then components lighter than recycleWeight × the heaviest (their mass is dropped).
 * 2. Split: every component over which the model turns (η_i > η* and η_i > s_i in some sigma
 *    direction i, nonlinearity.ts), most nonlinear first, takes a free component and splits in
 *    two along that direction u:
 *    children m ± a·w, covariance C − a²wwᵀ, half the weight each, with w ∝ u and wᵀC⁻¹w = 1, so
 *    the pair has the parent's mass, mean and covariance (the split of adaptive Gaussian-mixture
 *    filters; Tuggle & Zanetti 2018, see nonlinearity.ts). A component sitting on a saddle
 *    between two modes — which the Kalman step cannot move, its gain there being zero — thus
 *    becomes one component per side, and each side's Kalman step pulls it onto its mode.
 * 3. Mode search (if on): one remaining duplicate or floored component is re-seeded at the
 *    point, among reseedCandidates prior draws, farthest (in the prior's metric) from every
 *    other component, with the prior covariance and a small weight: a broad, new component where
 *    the mixture has nothing, which the split rule then resolves into the modes it covers.
 *
 * Nothing happens in the last settleIterations iterations, so that weights converge; mode search
 * stops settleIterations earlier still, so that a re-seeded component has time to be split and
 * its children to converge (two-modal from the paper's initial means, 10 seeds, measured before the
 * turning-point rule: worst L1 0.194 when mode search ran until the settle period, 0.094 with the
 * earlier stop).
 * Deterministic: the only randomness is the stream (seed, `mode-search-<iteration>`), so a
 * resumed run repeats every decision.
 */
import { choleskyWithJitter, solveLowerInPlace } from '../../linalg/dense';
import { createRandomStream } from '../../random/random';
import type { Mixture } from '../state';
import { normalizeWithFloor } from './weights';
import type { Nonlinearity } from './nonlinearity';
import type { RobustOptions } from './options';
import { mergeComponents, overlapTable } from '../overlap';
import { range } from '../../util/range';

/** One change of the mixture's structure, as recorded in the iteration's diagnostics. */
export type StructuralChange =
  | { readonly kind: 'split'; readonly component: number; readonly into: number }
  | { readonly kind: 'merge'; readonly component: number; readonly into: number }
  | { readonly kind: 'recycle'; readonly component: number }
  | { readonly kind: 'reseed'; readonly component: number };

/** The Gaussian mode search draws from (the prior in u, or the initial distribution without one). */
export interface SearchDistribution {
  readonly mean: Float64Array;
  readonly covariance: Float64Array;
  /** Lower Cholesky factor of `covariance`. */
  readonly factor: Float64Array;
}

/** What the structural step needs from the iteration. */
export interface StructureInput {
  readonly iteration: number;
  readonly iterations: number;
  readonly seed: number;
  readonly minWeight: number;
  /** Sigma points of the iteration, K×(2d+1)×d (their directions orient the splits). */
  readonly points: Float64Array;
  readonly nonlinearity: Nonlinearity;
}

/** Applies rules 1–3 to the analysed mixture; returns it unchanged (same object) when nothing applies. */
export function restructureMixture(
  mixture: Mixture,
  input: StructureInput,
  options: RobustOptions,
  search: SearchDistribution,
): { mixture: Mixture; changes: StructuralChange[] } {
  const unchanged = { mixture, changes: [] };
  if (!options.splitMerge || input.iteration > input.iterations - options.settleIterations) return unchanged;
  const { nComponents: K, nTheta: d } = mixture;
  const weights = Array.from(mixture.logWeights, Math.exp);
  const heaviest = Math.max(...weights);
  const turning = options.splitRule === 'turning-point';
  const splitIndex = turning ? input.nonlinearity.turningIndex : input.nonlinearity.index;
  const splitQueue = range(K)
    .filter((k) => splitIndex[k] > options.splitThreshold)
    .sort((a, b) => splitIndex[b] - splitIndex[a]);
  if (splitQueue.length === 0 && !options.modeSearch) return unchanged;

  // Rule 1: duplicates (lighter → heavier partner), then negligible components.
  const overlap = overlapTable(mixture);
  const partner = new Map<number, number>();
  const pairs: [number, number][] = [];
  for (let i = 0; i < K; i++) for (let j = i + 1; j < K; j++) if (overlap.coefficients[i * K + j] > options.duplicateOverlap) pairs.push([i, j]);
  pairs.sort(([a, b], [c, e]) => overlap.coefficients[c * K + e] - overlap.coefficients[a * K + b]);
  for (const [i, j] of pairs) {
    const [keep, drop] = weights[i] >= weights[j] ? [i, j] : [j, i];
    if (!partner.has(keep) && !partner.has(drop)) partner.set(drop, keep);
  }
  const light = range(K)
    .filter((k) => !partner.has(k) && weights[k] < options.recycleWeight * heaviest)
    .sort((a, b) => weights[a] - weights[b]);
  const spares = [...partner.keys(), ...light];

  const means = Float64Array.from(mixture.means);
  const covariances = Float64Array.from(mixture.covariances);
  const used = new Set<number>();
  const changes: StructuralChange[] = [];
  const take = (eligible: (k: number) => boolean): number | undefined => {
    for (let s = 0; s < spares.length; s++) {
      const k = spares[s];
      const keep = partner.get(k);
      if (used.has(k) || !eligible(k) || (keep !== undefined && used.has(keep))) continue;
      spares.splice(s, 1);
      used.add(k);
      if (keep !== undefined) {
        mergeComponents(weights, means, covariances, d, keep, k);
        used.add(keep);
        changes.push({ kind: 'merge', component: k, into: keep });
      } else {
        weights[k] = 0;
        changes.push({ kind: 'recycle', component: k });
      }
      return k;
    }
    return undefined;
  };

  // Rule 2: splits.
  for (const parent of splitQueue) {
    if (used.has(parent)) continue;
    const slot = take((k) => k !== parent);
    if (slot === undefined) break;
    used.add(parent);
    splitComponent(weights, means, covariances, d, parent, slot, splitDirection(input, parent, d, turning), options.splitSpread);
    changes.push({ kind: 'split', component: parent, into: slot });
  }

  // Rule 3: mode search.
  if (options.modeSearch && input.iteration <= input.iterations - 2 * options.settleIterations) {
    const slot = take((k) => partner.has(k) || weights[k] < options.floorWeight * heaviest);
    if (slot !== undefined) {
      const random = createRandomStream(input.seed, `mode-search-${input.iteration}`);
      means.set(farthestDraw(random, search, means, weights, slot, K, d, options.reseedCandidates), slot * d);
      covariances.set(search.covariance, slot * d * d);
      weights[slot] = options.reseedWeight * heaviest;
      changes.push({ kind: 'reseed', component: slot });
    }
  }
  if (changes.length === 0) return unchanged;
  const logWeights = normalizeWithFloor(Float64Array.from(weights, Math.log), input.minWeight);
  return { mixture: { nComponents: K, nTheta: d, logWeights, means, covariances }, changes };
}

/** x_{i} − x_0 for the parent's most nonlinear sigma direction i. */
function splitDirection(input: StructureInput, parent: number, d: number, turning: boolean): Float64Array {
  const base = parent * (2 * d + 1) * d;
  const i = turning ? input.nonlinearity.turningDirection[parent] : input.nonlinearity.direction[parent];
  return Float64Array.from({ length: d }, (_, r) => input.points[base + (1 + i) * d + r] - input.points[base + r]);
}

/** Moment-preserving split of `parent` along `direction`; the second child goes to `slot`. */
function splitComponent(
  weights: number[],
  means: Float64Array,
  covariances: Float64Array,
  d: number,
  parent: number,
  slot: number,
  direction: Float64Array,
  spread: number,
): void {
  const cov = covariances.slice(parent * d * d, (parent + 1) * d * d);
  const factor = choleskyWithJitter(cov, d, `covariance of component ${parent}`).factor;
  const z = solveLowerInPlace(factor, d, Float64Array.from(direction));
  let norm = 0;
  for (let r = 0; r < d; r++) norm += z[r] * z[r];
  const w = Float64Array.from(direction, (x) => x / Math.sqrt(norm)); // wᵀC⁻¹w = 1
  const shift = Float64Array.from(w, (x) => spread * x);
  // Lower triangle, mirrored: (a·w_r)(a·w_c) is one product, so the result stays exactly symmetric.
  for (let r = 0; r < d; r++)
    for (let c = 0; c <= r; c++) {
      const value = cov[r * d + c] - shift[r] * shift[c];
      cov[r * d + c] = value;
      cov[c * d + r] = value;
    }
  const mean = means.slice(parent * d, (parent + 1) * d);
  means.set(
    mean.map((x, r) => x + shift[r]),
    parent * d,
  );
  means.set(
    mean.map((x, r) => x - shift[r]),
    slot * d,
  );
  covariances.set(cov, parent * d * d);
  covariances.set(cov, slot * d * d);
  weights[parent] /= 2;
  weights[slot] = weights[parent];
}

/** The draw from `search`, among `count`, whose smallest prior-metric distance to a live component is largest. */
function farthestDraw(
  random: ReturnType<typeof createRandomStream>,
  search: SearchDistribution,
  means: Float64Array,
  weights: readonly number[],
  slot: number,
  K: number,
  d: number,
  count: number,
): Float64Array {
  const z = new Float64Array(d);
  const diff = new Float64Array(d);
  let best = Float64Array.from(search.mean);
  let bestDistance = -Infinity;
  for (let n = 0; n < count; n++) {
    random.fillNormal(z);
    const x = new Float64Array(d);
    for (let r = 0; r < d; r++) {
      let sum = search.mean[r];
      for (let c = 0; c <= r; c++) sum += search.factor[r * d + c] * z[c];
      x[r] = sum;
    }
    let nearest = Infinity;
    for (let k = 0; k < K; k++) {
      if (k === slot || weights[k] <= 0) continue;
      for (let r = 0; r < d; r++) diff[r] = x[r] - means[k * d + r];
      solveLowerInPlace(search.factor, d, diff);
      let q = 0;
      for (let r = 0; r < d; r++) q += diff[r] * diff[r];
      nearest = Math.min(nearest, q);
    }
    if (nearest > bestDistance) {
      bestDistance = nearest;
      best = x;
    }
  }
  return best;
}
