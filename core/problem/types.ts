/**
 * The problem model after validation: what the rest of the engine consumes.
 *
 * A problem file (`problem-format.md` §1) is parsed by `parseProblem` into a `ResolvedProblem`.
 * The algorithm works in the unconstrained variable u (= θ when a parameter has no bounds);
 * the forward model always receives θ in physical units.
 */

/** Options of `settings.exploration` (`problem-format.md` §1.2). */
export type ExplorationSettings = { readonly method: 'monte-carlo'; readonly samples: number } | { readonly method: 'disjoint' };

/** Options of `settings.initialization`; explicit values live in u. */
export type InitializationSettings =
  | { readonly type: 'prior' }
  | {
      readonly type: 'explicit';
      readonly weights: readonly number[];
      readonly means: readonly (readonly number[])[];
      readonly covariances: readonly (readonly (readonly number[])[])[];
    };

/**
 * The names of the GMKI variants the engine offers: `gmki-paper` is exactly the paper's algorithm
 * (`gmki-algorithm.md` §3); `gmki-robust` is the mode-discovery variant of core/gmki/robust
 * (issue 5), the default.
 */
export const GMKI_METHODS = Object.freeze(['gmki-paper', 'gmki-robust'] as const);
export type GmkiMethod = (typeof GMKI_METHODS)[number];

/**
 * Every method `settings.method` can name (core/methods/README.md): GMKI's variants, and beside
 * them `uki`, the unscented Kalman inversion (one Gaussian), the ensemble Kalman inversion and
 * sampler `eki`, `eks`, and `smc`, tempered sequential Monte Carlo (ensembles of particles).
 */
export const METHODS = Object.freeze([...GMKI_METHODS, 'uki', 'eki', 'eks', 'smc', 'dfgmvi'] as const);
export type MethodName = (typeof METHODS)[number];

/**
 * The methods that can run a log-density model (`model.output` "logDensity"): they need only
 * the value of the log density, not a model output G(θ) and data y (`problem-format.md` §2.6).
 */
export const LOG_DENSITY_METHODS = Object.freeze(['dfgmvi', 'smc'] as const satisfies readonly MethodName[]);

/** Whether `method` is one of GMKI's variants (a Gaussian mixture of `components` components). */
export function isGmkiMethod(method: MethodName): method is GmkiMethod {
  return (GMKI_METHODS as readonly string[]).includes(method);
}

/**
 * What a failed forward evaluation (an error, NaN/Inf, a wrong length, a timeout, a crash) does to
 * a run (`problem-format.md` §1.2): `stop` fails the run at once (the default, and what every
 * file written before the setting existed means); `skip` goes on without the failed points, by
 * each method's rule (core/methods/README.md, "Failed evaluations").
 */
export const EVALUATION_FAILURE_POLICIES = Object.freeze(['stop', 'skip'] as const);
export type EvaluationFailurePolicy = (typeof EVALUATION_FAILURE_POLICIES)[number];

/** Every run setting with its default filled in (`problem-format.md` §1.2). */
export interface RunSettings {
  readonly method: MethodName;
  readonly components: number;
  readonly dt: number;
  readonly iterations: number;
  readonly seed: number;
  readonly initialization: InitializationSettings;
  readonly exploration: ExplorationSettings;
  readonly minWeight: number;
  readonly sigmaPointAlpha: number | null;
  /** gmki-robust only (core/gmki/config.ts). */
  readonly splitThreshold: number;
  /** gmki-robust only; null → ⌈iterations/4⌉. */
  readonly settleIterations: number | null;
  /** gmki-robust only. */
  readonly modeSearch: boolean;
  /** J, the particles of eki, eks and smc; null → the method's default (core/methods/budget.ts). */
  readonly particles: number | null;
  /** smc only: the most Metropolis–Hastings steps of a stage. */
  readonly mhSteps: number;
  /** smc only: the most tempering stages; a run that has not reached β = 1 by then stops. */
  readonly maxStages: number;
  /** smc only: the effective sample size each stage keeps, as a fraction of J (PyMC's `threshold`). */
  readonly essThreshold: number;
  /** What a failed forward evaluation does: stop the run, or skip the failed points. */
  readonly onEvaluationFailure: EvaluationFailurePolicy;
  /** With `skip`: the largest fraction of an iteration's evaluations that may fail before the run stops anyway. */
  readonly maxFailureFraction: number;
  readonly concurrency: number;
  readonly posteriorSamples: number;
}

/**
 * What a model returns (`problem-format.md` §2.6): `observations` (the default) — G(θ), one
 * number per observed value; `logDensity` — one number, log π(θ) (`posterior`, the prior
 * included) or log L(θ) (`likelihood`, the file's prior added).
 */
export type ModelOutputKind = 'observations' | 'logDensity';
export type LogDensityKind = 'posterior' | 'likelihood';

/** The output fields every model type may carry. */
interface ModelOutputFields {
  readonly output?: ModelOutputKind;
  /** With `output: "logDensity"` only (then required). */
  readonly logDensity?: LogDensityKind;
}

/**
 * Forward-model descriptions (`problem-format.md` §2). Paths are as written in the file.
 * `timeoutSeconds` limits one evaluation of any model type (default 600 s).
 */
export type ModelSpec = ModelOutputFields &
  (
    | { readonly type: 'javascript'; readonly path: string; readonly timeoutSeconds?: number }
    | {
        readonly type: 'command';
        readonly command: readonly string[];
        readonly cwd?: string;
        readonly timeoutSeconds?: number;
        readonly env?: Readonly<Record<string, string>>;
      }
    | {
        readonly type: 'umbridge';
        readonly url: string;
        readonly name?: string;
        readonly config?: Readonly<Record<string, unknown>>;
        readonly timeoutSeconds?: number;
      }
    | { readonly type: 'builtin'; readonly name: string; readonly timeoutSeconds?: number }
  );

/** What the model's one output means to every method: the resolved `model.output`. */
export type ModelOutput = { readonly kind: 'observations' } | { readonly kind: 'logDensity'; readonly density: LogDensityKind };

/** The name of a log-density model's one output (ledger, Test evaluation, `gmki eval`). */
export const LOG_DENSITY_OUTPUT_NAME = 'log density';

/**
 * Map between a parameter's physical value θ and the unconstrained u the algorithm uses
 * (`problem-format.md` §1.1). Identity for an unbounded parameter.
 */
export interface ParameterTransform {
  readonly kind: 'identity' | 'lower' | 'upper' | 'interval';
  readonly lower?: number;
  readonly upper?: number;
  // Plain functions (no `this`), so charts and the driver may pass them around.
  readonly toPhysical: (u: number) => number;
  readonly toUnconstrained: (theta: number) => number;
}

/** One error of a problem file: a JSON path (`observations.noise.std[2]`) and a sentence. */
export interface ProblemError {
  readonly path: string;
  readonly message: string;
}

export interface ResolvedProblem {
  /** The problem as run: the file's content with every setting resolved (written to results). */
  readonly file: ProblemFileAsRun;
  readonly name: string;
  readonly parameterNames: readonly string[];
  readonly transforms: readonly ParameterTransform[];
  /**
   * The prior in u: mean (d) and covariance (d×d, row-major). With `"prior": "none"` these still
   * describe the initial distribution but are not folded into the data.
   */
  readonly prior: {
    readonly kind: 'gaussian' | 'none';
    readonly mean: Float64Array;
    readonly covariance: Float64Array;
  };
  /**
   * The data y and their noise. A log-density model has no data: then this is its one output
   * (named LOG_DENSITY_OUTPUT_NAME) with placeholder value 0 and noise 1, which no method that
   * can run it reads — so that every host and screen that sizes outputs by n_y sees n_y = 1.
   */
  readonly observations: {
    readonly names: readonly string[];
    readonly values: Float64Array;
    /** Σ_η as a full n_y×n_y row-major matrix, whatever form the file used. */
    readonly noiseCovariance: Float64Array;
  };
  readonly model: ModelSpec;
  /** What the model returns: G(θ) for the observations, or a log density. */
  readonly output: ModelOutput;
  readonly settings: RunSettings;
  /** The file's `reference` (§1.4), or null when it has none. */
  readonly reference: ProblemReference | null;
}

/** The label of a `reference` that names none. */
export const DEFAULT_REFERENCE_LABEL = 'reference';

/**
 * Known parameter values results are compared with (`problem-format.md` §1.4), e.g. the truth
 * a synthetic problem's data were made from.
 */
export interface ProblemReference {
  /** θ_ref in physical units (d), inside every parameter's bounds. */
  readonly theta: Float64Array;
  /** What the values are, e.g. "truth" ("reference" when the file names nothing). */
  readonly label: string;
}

/** JSON content of a problem file with `settings` fully resolved. */
export type ProblemFileAsRun = Readonly<Record<string, unknown>> & {
  readonly format: 'gmki-problem/1';
  readonly name: string;
  readonly settings: RunSettings;
};
