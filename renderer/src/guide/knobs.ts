/**
 * Each knob of the run-setup form: what it does, when to raise or lower it, what it costs in
 * forward evaluations. Facts from gmki-algorithm.md, problem-format.md §1.2, core/gmki/config.ts
 * and core/gmki/robust/README.md.
 */
import type { FieldKey } from '../setup/fields';
import { p, type KnobGuide } from './types';

export type KnobKey = FieldKey | 'initialization';

export const KNOBS: Readonly<Record<KnobKey, KnobGuide>> = {
  components: {
    id: 'knob-components',
    title: 'Components K',
    summary: 'How many Gaussians describe the posterior: at least the number of modes you expect. Cost: 2d+1 evaluations per component per iteration.',
    blocks: [
      p(
        'K is the number of Gaussian components of the mixture. One component can describe one mode (one group of good parameter values); K = 1 gives a single-Gaussian approximation.',
      ),
      p(
        'Raise it when you expect more modes than K, or when the diagnostics warn that the result may be missing mass. A few spare components are harmless: they join a mode (duplicates) or their weight drops to the floor. Lower it to save evaluations when the posterior has one mode.',
      ),
      p('Cost: each component evaluates the model 2d+1 times per iteration, so the budget K·(2d+1)·iterations grows in proportion to K.'),
    ],
  },
  iterations: {
    id: 'knob-iterations',
    title: 'Iterations',
    summary: 'How many GMKI steps to run; 20–30 usually reach the plateau at Δt = 0.5, and a completed run can be extended.',
    blocks: [
      p(
        'Each iteration moves the mixture a fraction Δt of the way towards the posterior, so the remaining error shrinks roughly like (1 − Δt)ⁿ: at Δt = 0.5, 20–30 iterations usually reach the plateau where more steps change little.',
      ),
      p(
        'Raise it when the weight or misfit curves of the run monitor are still moving at the end, or when the diagnostics say the run has not converged; a completed run can also be extended by more iterations, with exactly the numbers a longer run would have given. Lower it for a first quick look.',
      ),
      p('Cost: K·(2d+1) evaluations per iteration.'),
    ],
  },
  seed: {
    id: 'knob-seed',
    title: 'Seed',
    summary: 'Seed of every random draw (initial means, Monte Carlo samples): the same seed gives the same result.',
    blocks: [
      p(
        'GMKI draws random numbers for the initial component means and for the Monte Carlo samples of the exploration step. The seed fixes them all: the same problem and seed give bit-identical results on any machine, whatever the concurrency.',
      ),
      p(
        'Change it to check that a result does not depend on luck: whether a mode is found can depend on where the components start. Comparing two runs with different seeds on the Compare screen shows it. Cost: none.',
      ),
    ],
  },
  dt: {
    id: 'knob-dt',
    title: 'Step size Δt',
    summary: 'The step of each iteration, in (0, 1): smaller is more cautious and needs more iterations; 0.5 is the paper’s choice.',
    blocks: [
      p(
        'Each iteration first spreads the mixture out (raises it to the power 1 − Δt) and then pulls it towards the data with the noise inflated by 1/Δt. Δt must lie strictly between 0 and 1; 0.5 is what the paper uses in every example.',
      ),
      p(
        'Lower it (e.g. 0.2–0.3) when components jump wildly in the first iterations or when a strongly nonlinear model makes steps unreliable — and raise the iterations, since the error shrinks like (1 − Δt)ⁿ. Very small steps also let the small Monte Carlo bias of each step add up. A larger Δt needs fewer iterations but makes each step bolder.',
      ),
      p('Cost: none by itself, but a smaller Δt needs more iterations for the same result.'),
    ],
  },
  explorationMethod: {
    id: 'knob-exploration',
    title: 'Exploration method',
    summary: 'How each step spreads the mixture: monte-carlo (the paper’s method) or disjoint (assumes components do not overlap; fast).',
    blocks: [
      p(
        'The exploration half of an iteration widens each component and re-weighs it according to how much it overlaps the others. `monte-carlo` computes this with a fixed set of random samples (the same samples every iteration, so curves stay smooth). `disjoint` assumes the components do not overlap: it is exact for K = 1 and for components far apart, and much faster for large d or K.',
      ),
      p('Cost: no forward evaluations either way; only the algorithm’s own computing time, which for `monte-carlo` grows like K²·samples·d².'),
    ],
  },
  explorationSamples: {
    id: 'knob-exploration-samples',
    title: 'Monte Carlo samples',
    summary: 'Samples of the monte-carlo exploration: more samples, less bias, more of the algorithm’s own time (no model evaluations).',
    blocks: [
      p(
        'The number of random samples the `monte-carlo` exploration uses (the paper: 10 000). With 10 000 samples the bias is about 1 % of a posterior standard deviation.',
      ),
      p(
        'Lower it when the algorithm’s own time is noticeable (many parameters and components, a cheap model); raise it when you need the last per cent of accuracy. Cost: computing time only, no forward evaluations.',
      ),
    ],
  },
  minWeight: {
    id: 'knob-min-weight',
    title: 'Weight floor',
    summary: 'The smallest weight a component may have, so that a component that looks wrong now can still come back. K·floor must stay below 1.',
    blocks: [
      p(
        'Components whose weight would fall below the floor are held at it (default 1e-15) and the other weights are scaled so the total stays 1. A component at the floor still moves and can revive later if it finds a good region; from 1e-15 that takes more iterations than from a higher floor.',
      ),
      p(
        'Raise it (e.g. 1e-3, the paper’s older code used 0.01) when components that later turn out to sit on a real mode get written off too early; keep it tiny when spare components should add nothing to the result. It must stay below 1/K. Cost: none.',
      ),
    ],
  },
  sigmaPointAlpha: {
    id: 'knob-sigma-point-alpha',
    title: 'Sigma-point α',
    summary: 'Spread of the 2d+1 points each component evaluates; empty means automatic, α = min(√(4/d), 1).',
    blocks: [
      p(
        'Each component evaluates the model at its mean and at 2d points placed on both sides of it along d directions taken from its covariance, at a distance set by α. Empty (the default) means α = min(√(4/d), 1): the points sit at about one standard deviation for small d and two for large d.',
      ),
      p(
        'A small α (such as 0.001, the paper’s circle example) makes the step a local linearisation of the model at the mean; a larger α takes in the model’s behaviour over more of the component. Leave it empty unless you have a reason. Cost: none.',
      ),
    ],
  },
  method: {
    id: 'knob-method',
    title: 'Method',
    summary: 'gmki-robust (the default) or gmki-paper; uki, eki, eks as one-Gaussian baselines; smc as the reference sampler that checks a result.',
    blocks: [
      p(
        '`gmki-paper` is the paper’s algorithm exactly; the built-in paper examples use it so that they reproduce the paper. `gmki-robust`, the default, weighs components by how well their whole spread fits, splits components that straddle two modes, merges duplicates and sends spare components to look for modes not found yet. On the mode-finding benchmarks it found every mode on 10 of 10 seeds where the paper’s method did on 2 of 10. Both cost K·(2d+1) evaluations per iteration.',
      ),
      p(
        'The other methods run under the same models, ledger, resume and exports, to compare GMKI with: `uki`, `eki` and `eks` are the single-Gaussian Kalman methods GMKI grew out of (they cannot describe two modes); `smc` is a sampler that needs far more evaluations but makes no Gaussian assumption, the reference to check a GMKI result against. What each computes and costs: “The methods” below. Every run records which method it used; the form shows only the settings of the chosen method.',
      ),
    ],
  },
  concurrency: {
    id: 'knob-concurrency',
    title: 'Concurrency',
    summary: 'Forward evaluations running at once (threads, processes or HTTP requests); default: this machine’s CPU cores. Results never depend on it.',
    blocks: [
      p(
        'How many evaluations run at the same time: worker threads for a JavaScript model, copies of the program for a command model, requests in flight for UM-Bridge. The default is the number of CPU cores. It changes the wall time, never the results.',
      ),
      p(
        'Lower it when each evaluation uses several cores or much memory by itself (each slot of a command model is a separate process). Raise it for a UM-Bridge server that spreads requests over a cluster. More slots than one iteration’s K·(2d+1) evaluations do not help: an iteration needs all of its results before the next can start.',
      ),
    ],
  },
  posteriorSamples: {
    id: 'knob-posterior-samples',
    title: 'Posterior samples',
    summary: 'How many samples are drawn from the final mixture for samples.csv and the exports (no model evaluations).',
    blocks: [
      p(
        'After the run, this many samples are drawn from the final mixture, in physical units, with the component each came from: the rows of samples.csv and of the NumPy export. 0 draws none. Cost: none in evaluations; large numbers make bigger files.',
      ),
    ],
  },
  splitThreshold: {
    id: 'knob-split-threshold',
    title: 'Split threshold (gmki-robust)',
    summary: 'gmki-robust: how nonlinear the model may be over a component (in noise standard deviations) before the component is split.',
    blocks: [
      p(
        'gmki-robust measures, from the sigma-point outputs, how much the model bends within each component, in units of the noise standard deviation. Above this threshold (default 1) the component counts as strongly nonlinear, and if the model turns within it (it sits across a saddle between two modes) it is split in two.',
      ),
      p(
        'Lower it to split more eagerly; raise it if components keep splitting on a model that is merely curved. Cost: none (a split reuses a spare component, K stays the same).',
      ),
    ],
  },
  settleIterations: {
    id: 'knob-settle-iterations',
    title: 'Settle iterations (gmki-robust)',
    summary: 'gmki-robust: final iterations without splits, merges or new components, so weights settle; empty means a quarter of the iterations.',
    blocks: [
      p(
        'In the last iterations gmki-robust stops splitting, merging and re-seeding so that weights and covariances can settle. Empty means ⌈iterations/4⌉. Raise it when the weights still move at the very end; 0 allows changes until the last iteration. Cost: none.',
      ),
    ],
  },
  modeSearch: {
    id: 'knob-mode-search',
    title: 'Mode search (gmki-robust)',
    summary: 'gmki-robust: send duplicate components far from the others to look for modes nobody has found yet.',
    blocks: [
      p(
        'While two components describe the same region, gmki-robust merges them and re-seeds the freed component where no component is yet (at the prior draw farthest from all components). Turn it off to keep components where they are, e.g. to compare with the paper. Cost: none.',
      ),
    ],
  },
  particles: {
    id: 'knob-particles',
    title: 'Particles J (eki, eks, smc)',
    summary: 'eki, eks, smc: how many particles; each iteration evaluates every particle once. Empty: 100 for eki and eks, 2000 for smc.',
    blocks: [
      p(
        'The ensemble methods move J points (particles) at once; each iteration evaluates the model once per particle, so J is the batch size and, with `concurrency`, sets the wall time of an iteration. Empty means 100 for eki and eks (EnsembleKalmanProcesses’ examples use 50–100) and 2000 for smc (PyMC’s default).',
      ),
      p(
        'smc describes the posterior by its particles alone: more particles, smoother histograms, better mode weights and a steadier log-evidence — the error shrinks roughly like 1/√J. A quick reference check can use a few hundred; a result to rely on, thousands. Cost: J evaluations per iteration.',
      ),
    ],
  },
  mhSteps: {
    id: 'knob-mh-steps',
    title: 'MH steps per stage (smc)',
    summary: 'smc: the most Metropolis–Hastings moves of each particle per tempering stage; each step costs J evaluations.',
    blocks: [
      p(
        'After each tempering stage, smc moves every particle with random-walk Metropolis–Hastings steps so that copies made by the resampling spread out again. The number of steps follows the acceptance of the stage before (enough for a particle to move with probability 0.99), between 2 and this most; the first stage takes all of them.',
      ),
      p(
        'Raise it when the acceptance in the monitor is low (a few per cent): particles then stay stuck near their copies. Cost: J evaluations per step, so at most J·mhSteps per stage.',
      ),
    ],
  },
  maxStages: {
    id: 'knob-max-stages',
    title: 'Most stages (smc)',
    summary: 'smc: the most tempering stages; a run that has not reached β = 1 by then stops with a warning and no log-evidence.',
    blocks: [
      p(
        'smc goes from the prior (β = 0) to the posterior (β = 1) in stages; it chooses each step of β itself, small where the data are informative. This is only a ceiling so that the budget is known before the run: a run that reaches β = 1 earlier ends earlier (the budget shows “at most”).',
      ),
      p(
        'A run that stops at the ceiling with β < 1 samples a flattened posterior, not the posterior: the run page says so. Raise it (and check the ESS threshold) when that happens. Cost: the budget is at most J·(1 + stages·steps) evaluations.',
      ),
    ],
  },
  essThreshold: {
    id: 'knob-ess-threshold',
    title: 'ESS threshold (smc)',
    summary: 'smc: the effective sample size each stage keeps, as a fraction of J in (0, 1); higher means smaller steps in β and more stages.',
    blocks: [
      p(
        'Each stage chooses the next β so that the reweighted particles keep an effective sample size of this fraction of J (0.5, PyMC’s default). A higher fraction takes smaller steps in β: more stages, more evaluations, less degeneracy; a lower one takes bolder steps.',
      ),
      p('Leave it at 0.5 unless the stages in the monitor are few and the result differs between seeds. Cost: indirect, through the number of stages.'),
    ],
  },
  onEvaluationFailure: {
    id: 'knob-on-evaluation-failure',
    title: 'When an evaluation fails',
    summary: 'stop (the default) ends the run at the first failed evaluation; skip leaves failed points out and goes on, recording each failure.',
    blocks: [
      p(
        'An evaluation fails when the model raises an error, returns NaN, ∞ or the wrong number of values, times out or crashes. With `stop` (the default) the run fails at the first one and names it, as a long run should when the model is broken.',
      ),
      p(
        'With `skip` the whole iteration is evaluated and the failed points are left out: a GMKI or dfgmvi component with a failed sigma point keeps its previous mean and covariance for that iteration with its weight at the floor; eki and eks re-draw a failed particle from the others; smc rejects a failed proposal; uki stops anyway (its one Gaussian needs every point). The run still stops when every evaluation of an iteration fails, or more than the fraction below. The run monitor counts the failures per iteration, the evaluation ledger keeps each one’s message, and the diagnostics name the skipped components — with a warning when the last iteration skipped one, or a late skip left a component well below the weight it held.',
      ),
      p('Use `skip` for a solver that diverges at a few rare parameter values. Cost: none in evaluations; a skipped component loses one iteration of progress.'),
    ],
  },
  maxFailureFraction: {
    id: 'knob-max-failure-fraction',
    title: 'Most failures per iteration',
    summary: 'With skip: the largest fraction of one iteration’s evaluations, in (0, 1], that may fail before the run stops anyway (default 0.5).',
    blocks: [
      p(
        'Under `skip`, an iteration where more than this fraction of the evaluations failed stops the run with a message: so many failures mean a broken model or setup, not a few bad parameter values. The default 0.5 allows up to half; 1 never stops for the fraction (an iteration where every evaluation failed still stops). Unused under `stop`.',
      ),
    ],
  },
  initialization: {
    id: 'knob-initialization',
    title: 'Initialization',
    summary: 'Where the components start: drawn from the prior (default), or weights, means and covariances written in the problem file.',
    blocks: [
      p(
        'By default the K initial means are drawn from the prior, every covariance is the prior covariance and the weights are equal (gmki-robust spreads the draws evenly over the prior). A problem file can instead give the weights, means and covariances explicitly (in the unconstrained variable u), as the paper’s examples do to reproduce its figures; K must then equal the number of weights.',
      ),
      p('To change K of such a problem, switch back to drawing the initial components from the prior.'),
    ],
  },
};

/** The knobs in the order of the run-setup form, for the guide's table of contents. */
export const KNOB_ORDER: readonly KnobKey[] = [
  'method',
  'components',
  'iterations',
  'seed',
  'dt',
  'explorationMethod',
  'explorationSamples',
  'minWeight',
  'sigmaPointAlpha',
  'concurrency',
  'posteriorSamples',
  'splitThreshold',
  'settleIterations',
  'modeSearch',
  'particles',
  'mhSteps',
  'maxStages',
  'essThreshold',
  'onEvaluationFailure',
  'maxFailureFraction',
  'initialization',
];
