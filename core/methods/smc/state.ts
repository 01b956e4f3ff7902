/**
 * SMC's state beside its particles, and its layout in `InversionState.methodState` (a flat
 * Float64 list stored bit for bit with every iteration, so resume continues exactly):
 *
 *   [0] layout version (1)   [1] phase (0 initial, 1 mutating, 2 finished)   [2] stage   [3] β
 *   [4] MH steps done in the stage   [5] MH steps of the stage   [6] log-evidence of π_β so far
 *   [7] ESS of the stage's reweighting   [8] proposals accepted in the stage
 *   then J proposal scales, J per-particle acceptances in the stage, the d×d proposal factor L.
 */
export type SmcPhase = 'initial' | 'mutating' | 'finished';

export interface SmcState {
  /** initial: the particles are draws of π0 not yet evaluated; finished: the run is over. */
  readonly phase: SmcPhase;
  /** 1-based stage; 0 before the first reweighting. */
  readonly stage: number;
  /** Inverse temperature of the stage. */
  readonly beta: number;
  /** MH steps done in this stage. */
  readonly step: number;
  /** MH steps this stage does. */
  readonly steps: number;
  /** log ∫ π0·exp(β·ℓ), accumulated over the stages (the log-evidence once β = 1). */
  readonly logEvidence: number;
  /** Effective sample size of the stage's importance weights, before resampling. */
  readonly ess: number;
  /** Proposals accepted in this stage, over all particles. */
  readonly accepted: number;
  /** J per-particle proposal scales s_j. */
  readonly scales: Float64Array;
  /** J per-particle accepted proposals in this stage. */
  readonly acceptedPerParticle: Float64Array;
  /** d×d lower Cholesky factor of the stage's proposal covariance. */
  readonly factor: Float64Array;
}

const LAYOUT_VERSION = 1;
const HEADER = 9;
const PHASES: readonly SmcPhase[] = ['initial', 'mutating', 'finished'];

export function encodeSmcState(state: SmcState): Float64Array {
  const J = state.scales.length;
  const out = new Float64Array(HEADER + 2 * J + state.factor.length);
  out.set([LAYOUT_VERSION, PHASES.indexOf(state.phase), state.stage, state.beta, state.step, state.steps, state.logEvidence, state.ess, state.accepted]);
  out.set(state.scales, HEADER);
  out.set(state.acceptedPerParticle, HEADER + J);
  out.set(state.factor, HEADER + 2 * J);
  return out;
}

/** @throws RangeError when the list is not a version-1 SMC state for J particles in d dimensions */
export function decodeSmcState(values: Float64Array | null, nParticles: number, nTheta: number): SmcState {
  const J = nParticles;
  const expected = HEADER + 2 * J + nTheta * nTheta;
  if (!values || values.length !== expected || values[0] !== LAYOUT_VERSION || PHASES[values[1]] === undefined) {
    throw new RangeError(
      `the stored SMC state has ${values?.length ?? 0} numbers (version ${values?.[0]}); J = ${J}, d = ${nTheta} needs ${expected} (version ${LAYOUT_VERSION})`,
    );
  }
  return {
    phase: PHASES[values[1]],
    stage: values[2],
    beta: values[3],
    step: values[4],
    steps: values[5],
    logEvidence: values[6],
    ess: values[7],
    accepted: values[8],
    scales: values.slice(HEADER, HEADER + J),
    acceptedPerParticle: values.slice(HEADER + J, HEADER + 2 * J),
    factor: values.slice(HEADER + 2 * J),
  };
}
