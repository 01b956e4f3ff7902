/**
 * The GMKI variants behind one ask/tell shape (`settings.method`): `gmki-paper` is the paper's
 * algorithm exactly (process.ts, `gmki-algorithm.md` §3); `gmki-robust` is the mode-discovery
 * variant (robust/README.md). Both cost K·(2d+1) evaluations per iteration and are Markov in
 * (iteration, mixture), so hosts, evaluation counting and resume work the same for either.
 */
import { assertNever } from '../util/assertNever';
import type { GmkiConfig } from './config';
import type { ComponentExplorer, ExplorationResult } from './exploration';
import { createGmkiContext, exploreState, gmkiAsk, gmkiTell, type GmkiDiagnostics, type GmkiTarget, type PendingIteration } from './process';
import { iidNormals, type InitialNormals } from './initialization';
import { latinHypercubeNormals } from './robust/initialization';
import type { RobustOptions } from './robust/options';
import { createRobustContext, robustAsk, robustTell } from './robust/process';
import type { StructuralChange } from './robust/structure';
import type { GmkiState } from './state';

/** Diagnostics of an iteration under any method; the optional fields come from gmki-robust. */
export interface VariantDiagnostics extends GmkiDiagnostics {
  /** Per component: η where the model turns within the component (robust/nonlinearity.ts). */
  readonly nonlinearity?: Float64Array;
  /** Splits, merges, recycled and re-seeded components at the end of the iteration. */
  readonly structuralChanges?: readonly StructuralChange[];
}

/** One GMKI variant bound to its run: ask for the points, tell the outputs. */
export interface GmkiStepper {
  /** Where `prior` initialization puts the initial means (core/inversion/initialization.ts). */
  readonly initialNormals: InitialNormals;
  /** The exploration step of the iteration after `state`, its components computed by `explorer`. */
  explore(state: GmkiState, explorer: ComponentExplorer): Promise<ExplorationResult>;
  /** @param explored explore(state)'s result when computed beforehand; else computed here, identically */
  ask(state: GmkiState, explored?: ExplorationResult): PendingIteration;
  /** @param skipped K flags: components with a failed sigma point, left as they were (process.ts, analyzeIteration) */
  tell(pending: PendingIteration, outputs: Float64Array, skipped?: Uint8Array | null): { state: GmkiState; diagnostics: VariantDiagnostics };
}

/**
 * The stepper of `config.method`.
 * @param prior mean (d) and covariance (d×d) of the prior in u (without a prior: the initial
 *   distribution), where gmki-robust's mode search draws new components
 * @param robustOptions gmki-robust's ingredients, for the ablation benchmark only
 */
export function createGmkiStepper(
  config: GmkiConfig,
  target: GmkiTarget,
  prior: { readonly mean: Float64Array; readonly covariance: Float64Array },
  robustOptions?: RobustOptions,
): GmkiStepper {
  switch (config.method) {
    case 'gmki-paper': {
      const context = createGmkiContext(config, target);
      return {
        initialNormals: iidNormals,
        explore: (state, explorer) => exploreState(state, context, explorer),
        ask: (state, explored) => gmkiAsk(state, context, explored),
        tell: (pending, outputs, skipped) => gmkiTell(pending, outputs, context, skipped),
      };
    }
    case 'gmki-robust': {
      const context = createRobustContext(config, target, prior, robustOptions);
      return {
        initialNormals: context.options.latinHypercube ? latinHypercubeNormals : iidNormals,
        explore: (state, explorer) => exploreState(state, context, explorer),
        ask: (state, explored) => robustAsk(state, context, explored),
        tell: (pending, outputs, skipped) => robustTell(pending, outputs, context, skipped),
      };
    }
    default:
      return assertNever(config.method);
  }
}
