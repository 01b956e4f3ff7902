/**
 * `smc`: adaptive tempered sequential Monte Carlo as PyMC's `sample_smc` with the `MH` kernel
 * (pymc/smc/kernels.py): J particles from π0 move through π_β ∝ π0·exp(β·ℓ), β from 0 to 1
 * (target.ts). Each stage picks the next β so that the importance weights keep an effective
 * sample size of `essThreshold`·J, adds to the log-evidence, resamples systematically, and
 * mutates every particle with covariance-adapted random-walk MH steps (tempering.ts,
 * mutation.ts). The last stage (β = 1) is mutated too; the run ends there, or after `maxStages`
 * stages with β < 1 (then the particles are a tempered posterior and there is no evidence).
 *
 * Batching: every iteration is one batch of J evaluations — first the J draws of π0, then each
 * MH step's J proposals at once — so `concurrency` evaluations run in parallel; a stage spans
 * `steps` iterations. Random numbers: the initial draws on 'initialization', MH step n's normals
 * and uniforms on 'smc/iteration-n', stage s's resampling uniform on 'smc/resample-s'. The state
 * after every iteration (particles, ℓ, state.ts) is stored, so resume is exact.
 */
import { createRandomStream } from '../../random/random';
import type { ResolvedProblem } from '../../problem/types';
import { particlesOf } from '../budget';
import { gaussianSummary, initialEnsemble, particleLabels } from '../ensemble/ensemble';
import type { IterationDiagnostics } from '../../inversion/types';
import type { InversionState, MethodEngine } from '../types';
import { initialScale, proposalFactor, propose, stepsFromAcceptance, tuneScales } from './mutation';
import { decodeSmcState, encodeSmcState, type SmcState } from './state';
import { temperingTargetOf } from './target';
import { nextTemperature, systematicResample } from './tempering';

interface SmcPending {
  readonly iteration: number;
  readonly smc: SmcState;
  /** J×d current particles and their ℓ (null before the first evaluation). */
  readonly positions: Float64Array;
  readonly logLikelihoods: Float64Array | null;
  /** J×d points evaluated: the particles (initial) or the proposals. */
  readonly points: Float64Array;
  /** J uniforms of the MH acceptance (null for the initial evaluation). */
  readonly uniforms: Float64Array | null;
}

/** The SMC knobs with their defaults resolved (`problem-format.md` §1.5). */
export interface SmcOptions {
  readonly particles: number;
  readonly maxSteps: number;
  readonly maxStages: number;
  readonly threshold: number;
  readonly seed: number;
}

export function createSmcEngine(problem: ResolvedProblem): MethodEngine<SmcPending> {
  const settings = problem.settings;
  const options: SmcOptions = {
    particles: particlesOf(settings),
    maxSteps: settings.mhSteps,
    maxStages: settings.maxStages,
    threshold: settings.essThreshold,
    seed: settings.seed,
  };
  const J = options.particles;
  const target = temperingTargetOf(problem);
  const d = target.nTheta;
  const nY = problem.observations.values.length;
  const labels = particleLabels(J);

  const stateOf = (iteration: number, positions: Float64Array, logLikelihoods: Float64Array | null, smc: SmcState): InversionState => ({
    iteration,
    mixture: gaussianSummary(positions, J, d),
    particles: { nParticles: J, nTheta: d, positions, logWeights: null, logLikelihoods },
    methodState: encodeSmcState(smc),
  });

  /** Reweights to the next β, resamples and tunes: the state at the start of stage `stage`. */
  const beginStage = (stage: number, positions: Float64Array, logLikelihoods: Float64Array, last: SmcState) => {
    const reweighting = nextTemperature(logLikelihoods, last.beta, options.threshold);
    const uniform = createRandomStream(options.seed, `smc/resample-${stage}`).uniform();
    const indices = systematicResample(reweighting.weights, uniform);
    const resampled = new Float64Array(J * d);
    for (let j = 0; j < J; j++) resampled.set(positions.subarray(indices[j] * d, (indices[j] + 1) * d), j * d);
    const proposed = J * last.steps;
    const scales =
      stage === 1
        ? new Float64Array(J).fill(initialScale(d))
        : tuneScales(
            Float64Array.from(indices, (i) => last.scales[i]),
            Float64Array.from(indices, (i) => last.acceptedPerParticle[i] / last.steps),
          );
    const smc: SmcState = {
      phase: 'mutating',
      stage,
      beta: reweighting.beta,
      step: 0,
      steps: stage === 1 ? options.maxSteps : stepsFromAcceptance(last.accepted / proposed, proposed, options.maxSteps),
      logEvidence: last.logEvidence + reweighting.logEvidenceIncrement,
      ess: reweighting.ess,
      accepted: 0,
      scales,
      acceptedPerParticle: new Float64Array(J),
      factor: proposalFactor(resampled, J, d),
    };
    return { positions: resampled, logLikelihoods: Float64Array.from(indices, (i) => logLikelihoods[i]), smc };
  };

  const diagnosticsOf = (positions: Float64Array, logLikelihoods: Float64Array, smc: SmcState): IterationDiagnostics => {
    let misfit = 0;
    for (let j = 0; j < J; j++) misfit += target.misfit(positions.subarray(j * d, (j + 1) * d), logLikelihoods[j]) / J;
    let scale = 0;
    for (const s of smc.scales) scale += s / J;
    return {
      misfit: [misfit],
      jitter: [0],
      explorationEss: [null],
      smc: {
        stage: smc.stage,
        beta: smc.beta,
        ess: smc.ess,
        logEvidence: smc.beta === 1 ? smc.logEvidence : null,
        step: smc.step,
        steps: smc.steps,
        acceptance: smc.step > 0 ? smc.accepted / (J * smc.step) : null,
        scale,
        finished: smc.phase === 'finished',
      },
    };
  };

  return {
    evaluationsPerIteration: J,
    initialState() {
      const smc: SmcState = {
        phase: 'initial',
        stage: 0,
        beta: 0,
        step: 0,
        steps: 0,
        logEvidence: 0,
        ess: J,
        accepted: 0,
        scales: new Float64Array(J).fill(initialScale(d)),
        acceptedPerParticle: new Float64Array(J),
        factor: target.reference.factor.slice(),
      };
      return stateOf(0, initialEnsemble(problem, J), null, smc);
    },
    isDone: (state) => decodeSmcState(state.methodState, J, d).phase === 'finished',
    ask(state) {
      const smc = decodeSmcState(state.methodState, J, d);
      const { positions, logLikelihoods } = state.particles!;
      const iteration = state.iteration + 1;
      if (smc.phase === 'initial') return { pending: { iteration, smc, positions, logLikelihoods: null, points: positions, uniforms: null }, points: positions, labels };
      const random = createRandomStream(options.seed, `smc/iteration-${iteration}`);
      const normals = random.fillNormal(new Float64Array(J * d));
      const uniforms = Float64Array.from({ length: J }, () => random.uniform());
      const points = propose(positions, smc.scales, smc.factor, normals, d);
      return { pending: { iteration, smc, positions, logLikelihoods, points, uniforms }, points, labels };
    },
    tell(pending, outputs, failed) {
      // A failed evaluation counts as likelihood 0 (ℓ = −∞; core/methods/README.md, "Failed
      // evaluations"): an initial draw gets weight 0 at the first reweighting and is not resampled,
      // a proposal is rejected. The posterior is then the one restricted to where the model works.
      const proposedLogLikelihoods = new Float64Array(J);
      for (let j = 0; j < J; j++) {
        proposedLogLikelihoods[j] = failed?.[j]
          ? Number.NEGATIVE_INFINITY
          : target.logLikelihood(pending.points.subarray(j * d, (j + 1) * d), outputs.subarray(j * nY, (j + 1) * nY));
      }
      let positions: Float64Array;
      let logLikelihoods: Float64Array;
      let smc: SmcState;
      if (pending.smc.phase === 'initial') {
        ({ positions, logLikelihoods, smc } = beginStage(1, pending.points, proposedLogLikelihoods, pending.smc));
      } else {
        const moved = metropolisStep(pending, proposedLogLikelihoods);
        smc = moved.smc;
        positions = moved.positions;
        logLikelihoods = moved.logLikelihoods;
        if (smc.step === smc.steps) {
          if (smc.beta === 1 || smc.stage >= options.maxStages) smc = { ...smc, phase: 'finished' };
          else ({ positions, logLikelihoods, smc } = beginStage(smc.stage + 1, positions, logLikelihoods, smc));
        }
      }
      return { state: stateOf(pending.iteration, positions, logLikelihoods, smc), diagnostics: diagnosticsOf(positions, logLikelihoods, smc) };
    },
  };

  /** Accepts each proposal with probability min(1, π_β(u')/π_β(u)) (PyMC's `mutate`). */
  function metropolisStep(pending: SmcPending, proposedLogLikelihoods: Float64Array) {
    const { smc, points, uniforms } = pending;
    const positions = pending.positions.slice();
    const logLikelihoods = pending.logLikelihoods!.slice();
    const acceptedPerParticle = smc.acceptedPerParticle.slice();
    let accepted = smc.accepted;
    for (let j = 0; j < J; j++) {
      const current = positions.subarray(j * d, (j + 1) * d);
      const proposal = points.subarray(j * d, (j + 1) * d);
      // A failed proposal (ℓ = −∞) is rejected: β > 0 here, so its log-ratio is −∞.
      const logRatio = target.logReference(proposal) + smc.beta * proposedLogLikelihoods[j] - (target.logReference(current) + smc.beta * logLikelihoods[j]);
      if (proposedLogLikelihoods[j] !== Number.NEGATIVE_INFINITY && Math.log(uniforms![j]) < logRatio) {
        current.set(proposal);
        logLikelihoods[j] = proposedLogLikelihoods[j];
        acceptedPerParticle[j] += 1;
        accepted += 1;
      }
    }
    return { positions, logLikelihoods, smc: { ...smc, step: smc.step + 1, accepted, acceptedPerParticle } };
  }
}
