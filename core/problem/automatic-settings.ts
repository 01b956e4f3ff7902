/**
 * The settings a run used, with each automatic value (null in a problem file: "choose for me")
 * written as the number the engine takes for it, for result files that claim every setting
 * resolved (`mixture.json`, problem-format.md §4). Each number comes from the rule the engine
 * itself applies, so a problem file with these numbers reruns to exactly the same run.
 */
import { settleIterationsOf } from '../gmki/config';
import { sigmaPointConstants } from '../gmki/sigmaPoints';
import { DEFAULT_PARTICLES, particlesOf } from '../methods/budget';
import type { RunSettings } from './types';

/**
 * `sigmaPointAlpha` null → α = min(√(4/d), 1); `settleIterations` null → ⌈iterations/4⌉;
 * `particles` null → the method's J (eki, eks), and null where the method has no particles.
 * @param nTheta d, the number of parameters
 */
export function withAutomaticValues(settings: RunSettings, nTheta: number): RunSettings {
  return {
    ...settings,
    sigmaPointAlpha: sigmaPointConstants(nTheta, settings.sigmaPointAlpha).alpha,
    settleIterations: settleIterationsOf(settings),
    particles: settings.particles ?? (settings.method in DEFAULT_PARTICLES ? particlesOf(settings) : null),
  };
}
