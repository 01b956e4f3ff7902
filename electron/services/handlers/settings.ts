/** settings/defaults: every run setting with its default on this machine and one line in plain words. */
import { resolveSettings } from '../../../core/problem/settings';
import type { ResponseOf } from '../../contract/channel-map';
import type { HandlerDeps } from './deps';

/**
 * One line per setting (problem-format.md §1.2), for the run-setup screen. Keyed by string rather
 * than by RunSettings' keys so that a setting added to the engine shows up at once; a test checks
 * that every setting the engine resolves has its line here.
 */
export const SETTING_EXPLANATIONS: Readonly<Record<string, string>> = {
  method:
    'Which method runs: gmki-robust (the default) finds modes more reliably; gmki-paper is exactly the published GMKI; uki, eki, eks and smc are the other methods of the Help page.',
  components: 'K, the number of Gaussian components: at least the number of modes you expect; each costs 2d+1 evaluations per iteration.',
  dt: 'Δt in (0, 1), the step size: smaller steps are more cautious and need more iterations.',
  iterations: 'How many GMKI iterations to run; 10–30 is usually enough, and a completed run can be extended.',
  seed: 'Seed of every random draw, so that a run can be repeated exactly.',
  initialization: 'Where the components start: drawn from the prior, or weights, means and covariances you give (in u).',
  exploration: 'How each step spreads the mixture: monte-carlo with a number of samples (the paper), or disjoint (components assumed apart; fast).',
  minWeight: 'The smallest weight a component may have, so that a component that looks wrong now can still recover.',
  sigmaPointAlpha: 'Fixes the spread of the 2d+1 points each component evaluates; empty means min(√(4/d), 1).',
  splitThreshold: 'gmki-robust: how nonlinear the model may be over a component (in noise standard deviations) before the component is split.',
  settleIterations: 'gmki-robust: final iterations without splits, merges or re-seeding, so weights settle; empty means a quarter of the iterations.',
  modeSearch: 'gmki-robust: re-seed redundant components far from the others to look for modes nobody has found yet.',
  particles: 'eki, eks and smc: J, the number of particles (J evaluations per iteration); empty means 100 for eki and eks, 2000 for smc.',
  mhSteps: 'smc: the most Metropolis–Hastings steps in one tempering stage.',
  maxStages: 'smc: the most tempering stages; a run that has not reached the posterior by then stops with a warning.',
  essThreshold: 'smc: the effective sample size each stage keeps, as a fraction of the particles, in (0, 1).',
  onEvaluationFailure:
    'What a failed model evaluation does: stop ends the run (the default); skip goes on without the failed points (GMKI leaves the component as it was, with its weight at the floor, for that iteration).',
  maxFailureFraction: "With skip: the largest fraction of one iteration's evaluations that may fail before the run stops anyway, because the model looks broken.",
  concurrency: 'Forward evaluations running at once (threads, processes or HTTP requests); the default is the number of CPU cores.',
  posteriorSamples: 'Samples drawn from the final mixture for samples.csv and the exports.',
};

export async function settingsDefaults(deps: HandlerDeps): Promise<ResponseOf<'settings/defaults'>> {
  const defaults = resolveSettings(undefined, { cpuCount: deps.cpuCount }) as unknown as Readonly<Record<string, unknown>>;
  return {
    cpuCount: deps.cpuCount,
    settings: Object.entries(defaults).map(([key, value]) => ({ key, default: value, explanation: SETTING_EXPLANATIONS[key] ?? '' })),
  };
}
