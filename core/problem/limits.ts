/**
 * The upper bounds of a problem file (`problem-format.md` §1.2, "Limits"): every setting and every size,
 * so that a file asking for more than a run can do is refused by validation, with a message
 * naming the field, instead of failing late (out of memory, thousands of processes, a string
 * too long to write). One place: the schema uses these, the command line's setting flags go
 * through the schema, and the app's run-setup form checks with `SETTING_RULES`.
 *
 * Each limit says why it is where it is. The paper's problems and the Darcy example (d = 128,
 * 28 observations, K = 3, 50 iterations, 10⁴ exploration samples) sit far inside all of them, and
 * every default is valid for every allowed d.
 */

/**
 * Parameters d. Each component holds a d×d covariance (8 MB at d = 1000), costs 2d + 1 forward
 * evaluations per iteration and an O(d³) factorisation; the Kalman update factors a matrix of
 * side n_y + d (below).
 */
export const MAX_PARAMETERS = 1000;

/**
 * Observed values n_y. The Kalman update factors a dense matrix of side n_y + d per component
 * and iteration (seconds at side 2000 with this engine, growing as the cube), and the noise
 * covariance is held as a full n_y×n_y matrix: n_y ≤ 2000 keeps that side ≤ 3000 and every
 * such matrix ≤ 10⁷ numbers.
 */
export const MAX_OBSERVATIONS = 2000;

/**
 * Components K. Each costs 2d + 1 evaluations per iteration and the exploration step is
 * O(K²); the paper uses K ≤ 10 and the mode-discovery benchmarks K = 8.
 */
export const MAX_COMPONENTS = 100;

/**
 * Iterations. The error shrinks like (1 − Δt)^n: even Δt = 0.01 is at 4·10⁻⁵ of the initial
 * error after 1000 iterations; every iteration's mixture is stored (K·d² numbers).
 */
export const MAX_ITERATIONS = 10_000;

/**
 * Forward evaluations in flight: worker threads, processes or HTTP requests. 256 is above the
 * cores of any single machine and above what one UM-Bridge load balancer is usually given;
 * `concurrency: 1000000` started hundreds of processes before failing.
 */
export const MAX_CONCURRENCY = 256;

/**
 * Particles J of eki, eks and smc (also bounded by J·d, below): every iteration evaluates and
 * stores J particles; PyMC's SMC uses 2000 by default, EnsembleKalmanProcesses' examples 50–100.
 */
export const MAX_PARTICLES = 100_000;

/**
 * smc's Metropolis–Hastings steps per stage and stages: a run plans at most 1 + stages·steps
 * iterations, which must stay within MAX_ITERATIONS (a check across fields).
 */
export const MAX_MH_STEPS = 1000;
export const MAX_STAGES = 1000;

/** Monte Carlo exploration samples N (also bounded by N·d, below). */
export const MAX_EXPLORATION_SAMPLES = 1_000_000;

/** Posterior samples drawn for `samples.csv` and exports (also bounded by samples·d, below). */
export const MAX_POSTERIOR_SAMPLES = 1_000_000;

/**
 * The most numbers in one array a run holds: the mixture's covariances (K·d², stored at every
 * iteration), the exploration samples (N·d, held twice), the posterior samples (samples·d,
 * written as one CSV text, and a JavaScript string holds at most 2²⁹ characters). 10⁷ numbers
 * are 80 MB; the defaults (K = 3, N = 10⁴, 10⁴ samples) stay below it up to d = 1000.
 */
export const MAX_ARRAY_NUMBERS = 10_000_000;

/** A problem's name: the default name of its runs, which the app limits to 200 characters. */
export const MAX_NAME_LENGTH = 200;

/** A problem's free-text description. */
export const MAX_DESCRIPTION_LENGTH = 10_000;

/** A parameter's or an observation's name: a CSV column header, an axis label. */
export const MAX_LABEL_LENGTH = 100;

/** A file or folder path (PATH_MAX on Linux is 4096 bytes). */
export const MAX_PATH_LENGTH = 4096;

/** A command model's program and arguments. */
export const MAX_ARGUMENTS = 1000;

/**
 * One argument or environment value: Linux refuses a single one over 128 KiB, i.e. 32 768
 * characters of up to 4 bytes each.
 */
export const MAX_ARGUMENT_LENGTH = 32_768;

/** A command model's environment variables. */
export const MAX_ENV_VARIABLES = 1000;

/** A UM-Bridge server's URL. */
export const MAX_URL_LENGTH = 2048;

/** A UM-Bridge model's `config`, as JSON text. */
export const MAX_CONFIG_LENGTH = 100_000;

/**
 * A model's per-evaluation timeout in seconds (≈ 11.6 days). Node's timers stop at
 * 2³¹ − 1 ms ≈ 24.8 days; a longer timeout would be silently shortened.
 */
export const MAX_TIMEOUT_SECONDS = 1_000_000;

/**
 * Why a completed run of `planned` iterations cannot get `added` more (its total would pass
 * MAX_ITERATIONS), or null when it can. Checked before the run's target changes.
 */
export function extensionError(planned: number, added: number): string | null {
  if (planned + added <= MAX_ITERATIONS) return null;
  const room = Math.max(0, MAX_ITERATIONS - planned);
  return `iterations: expected at most ${room} more (a run has at most ${MAX_ITERATIONS} iterations and this one has ${planned}), got ${added}`;
}

/**
 * Why the weight floor `minWeight` does not fit K components, or null when it does: K·minWeight
 * must stay below 1, or K floored weights could not sum to 1. The one rule across two settings
 * that validation, the engine's config and the app's settings form all check.
 * @param symbol what the sentence calls the floor (the form says "floor", files "minWeight")
 */
export function minWeightError(minWeight: number, components: number, symbol = 'minWeight'): string | null {
  if (components * minWeight < 1) return null;
  const bound = String(Number((1 / components).toPrecision(4)));
  return `expected a number < 1/K = ${bound} (K·${symbol} must stay below 1 with K = ${components}), got ${minWeight}`;
}

/** A range rule of one numeric setting, in the words every message uses. */
export interface NumberRule {
  /** "an integer from 1 to 256": what `expected …, got …` says. */
  readonly expected: string;
  readonly accepts: (x: number) => boolean;
  readonly integer: boolean;
}

function integerFromTo(min: number, max: number): NumberRule {
  return { expected: `an integer from ${min} to ${max}`, accepts: (x) => Number.isSafeInteger(x) && x >= min && x <= max, integer: true };
}

function numberWhere(expected: string, accepts: (x: number) => boolean): NumberRule {
  return { expected, accepts: (x) => Number.isFinite(x) && accepts(x), integer: false };
}

/**
 * The numeric settings of `problem-format.md` §1.2. `dt`, `minWeight` and `splitThreshold`
 * size nothing, so they keep their natural ranges (a huge `splitThreshold` just never splits);
 * `minWeight` is also bounded by K·minWeight < 1, a check across fields. The nullable ones
 * (`sigmaPointAlpha`, `settleIterations`, `particles`) also accept null.
 */
export const SETTING_RULES = {
  components: integerFromTo(1, MAX_COMPONENTS),
  dt: numberWhere('a number in (0, 1)', (x) => x > 0 && x < 1),
  iterations: integerFromTo(1, MAX_ITERATIONS),
  seed: { expected: 'a safe integer (|seed| ≤ 2^53 − 1)', accepts: Number.isSafeInteger, integer: true },
  explorationSamples: integerFromTo(1, MAX_EXPLORATION_SAMPLES),
  minWeight: numberWhere('a number ≥ 0', (x) => x >= 0),
  // The scaled unscented transform's α lies in (0, 1]; the default rule min(√(4/d), 1) never exceeds 1.
  sigmaPointAlpha: numberWhere('a number in (0, 1]', (x) => x > 0 && x <= 1),
  splitThreshold: numberWhere('a number > 0', (x) => x > 0),
  settleIterations: integerFromTo(0, MAX_ITERATIONS),
  particles: integerFromTo(2, MAX_PARTICLES),
  mhSteps: integerFromTo(1, MAX_MH_STEPS),
  maxStages: integerFromTo(1, MAX_STAGES),
  essThreshold: numberWhere('a number in (0, 1)', (x) => x > 0 && x < 1),
  // A fraction of an iteration's evaluations; 1 lets a run go on as long as its method can (an
  // iteration where every evaluation failed stops it whatever this says).
  maxFailureFraction: numberWhere('a number in (0, 1]', (x) => x > 0 && x <= 1),
  concurrency: integerFromTo(1, MAX_CONCURRENCY),
  posteriorSamples: integerFromTo(0, MAX_POSTERIOR_SAMPLES),
} as const satisfies Record<string, NumberRule>;

export type RuledSetting = keyof typeof SETTING_RULES;
