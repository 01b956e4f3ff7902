/**
 * GMKI's knobs (`gmki-algorithm.md` §3, §4; `problem-format.md` §1.2) and their defaults.
 * Plain, immutable, serialisable data; every key changes behaviour (tested).
 */
import { minWeightError, SETTING_RULES, type NumberRule } from '../problem/limits';
import type { ExplorationSettings, GmkiMethod } from '../problem/types';

export interface GmkiConfig {
  /** Which variant of GMKI runs; `gmki-paper` is exactly §3 of the specification. */
  readonly method: GmkiMethod;
  /** K, the number of Gaussian components. */
  readonly nComponents: number;
  /** Δt ∈ (0, 1): the step of the Fisher–Rao flow; the exploration power is 1 − Δt. */
  readonly dt: number;
  /** Number of GMKI iterations of a run. */
  readonly iterations: number;
  /** How ρ^(1−Δt) is moment-matched (§3a). */
  readonly exploration: ExplorationSettings;
  /** w_min, the weight floor of §3e. */
  readonly minWeight: number;
  /** trunc_α of the paper's code: fixes the sigma-point α; null → α = min(√(4/d), 1) (§3b). */
  readonly sigmaPointAlpha: number | null;
  /** Seed of every random draw of the run (initial means, Monte Carlo samples). */
  readonly seed: number;
  /**
   * gmki-robust only: η*, the nonlinearity (in noise standard deviations, see
   * core/gmki/robust/nonlinearity.ts) above which a component counts as strongly nonlinear: its
   * Kalman step then uses the centre point as predicted output, and it is split in two when the
   * model turns within it (e.g. it sits across a saddle between two modes).
   */
  readonly splitThreshold: number;
  /**
   * gmki-robust only: iterations at the end of the run without splits, merges or re-seeding, so
   * that weights and covariances settle; null → ⌈iterations/4⌉.
   */
  readonly settleIterations: number | null;
  /**
   * gmki-robust only: re-seed a redundant component (a duplicate, or one at the weight floor)
   * each iteration, far from the others, to look for modes no component has found.
   */
  readonly modeSearch: boolean;
}

/**
 * The documented defaults: the paper's settings for every experiment (§4), run with the
 * improved variant `gmki-robust` (core/gmki/robust/README.md); `gmki-paper` is the paper's
 * algorithm exactly, and ignores the three gmki-robust keys.
 */
export const DEFAULT_GMKI_CONFIG: GmkiConfig = Object.freeze({
  method: 'gmki-robust',
  nComponents: 3,
  dt: 0.5,
  iterations: 30,
  exploration: Object.freeze({ method: 'monte-carlo', samples: 10_000 }),
  minWeight: 1e-15,
  sigmaPointAlpha: null,
  seed: 1,
  splitThreshold: 1,
  settleIterations: null,
  modeSearch: true,
});

/** The settle period of a gmki-robust run: settleIterations, or ⌈iterations/4⌉ when null. */
export function settleIterationsOf(config: Pick<GmkiConfig, 'settleIterations' | 'iterations'>): number {
  return config.settleIterations ?? Math.ceil(config.iterations / 4);
}

/**
 * Fills the missing keys of `partial` from DEFAULT_GMKI_CONFIG and checks the ranges: the rules
 * of the problem file's settings (core/problem/limits.ts), so the engine accepts exactly what
 * validation does.
 */
export function resolveGmkiConfig(partial: Partial<GmkiConfig> = {}): GmkiConfig {
  const config: GmkiConfig = { ...DEFAULT_GMKI_CONFIG, ...partial };
  const problems: string[] = [];
  const check = (key: string, rule: NumberRule, value: number | null, nullable = false): void => {
    if (nullable && value === null) return;
    if (value === null || !rule.accepts(value)) problems.push(`${key}: expected ${rule.expected}${nullable ? ' or null' : ''}, got ${value}`);
  };
  check('nComponents', SETTING_RULES.components, config.nComponents);
  check('dt', SETTING_RULES.dt, config.dt);
  check('iterations', SETTING_RULES.iterations, config.iterations);
  check('minWeight', SETTING_RULES.minWeight, config.minWeight);
  const floorError = minWeightError(config.minWeight, config.nComponents);
  if (floorError && SETTING_RULES.minWeight.accepts(config.minWeight)) problems.push(`minWeight: ${floorError}`);
  check('sigmaPointAlpha', SETTING_RULES.sigmaPointAlpha, config.sigmaPointAlpha, true);
  if (config.exploration.method === 'monte-carlo') check('exploration.samples', SETTING_RULES.explorationSamples, config.exploration.samples);
  check('seed', SETTING_RULES.seed, config.seed);
  check('splitThreshold', SETTING_RULES.splitThreshold, config.splitThreshold);
  check('settleIterations', SETTING_RULES.settleIterations, config.settleIterations, true);
  if (typeof config.modeSearch !== 'boolean') problems.push(`modeSearch: expected true or false, got ${String(config.modeSearch)}`);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  return Object.freeze(config);
}
