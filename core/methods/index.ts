/** The inference methods behind `settings.method` (README.md in this folder). */
import type { ResolvedProblem } from '../problem/types';
import { assertNever } from '../util/assertNever';
import { createGmkiEngine } from './gmki';
import { createEkiEngine } from './eki/eki';
import { createEksEngine } from './eks/eks';
import { createSmcEngine } from './smc/smc';
import { createDfgmviEngine } from './dfgmvi/dfgmvi';
import { createUkiEngine } from './uki/uki';
import type { MethodEngine } from './types';

export type { EngineOptions, InversionState, MethodAsk, MethodEngine, MethodTell, ParticleEnsemble, PointLabel } from './types';
export { componentsOf, DEFAULT_PARTICLES, evaluationBudget, isParticleMethod, particlesOf, smcIterationBound, summaryComponents, type EvaluationBudget } from './budget';
export { gmkiConfigFromSettings } from './gmki';

/** The engine of `problem.settings.method`. */
export function createMethodEngine(problem: ResolvedProblem): MethodEngine {
  const method = problem.settings.method;
  switch (method) {
    case 'gmki-paper':
    case 'gmki-robust':
      return createGmkiEngine(problem) as MethodEngine;
    case 'uki':
      return createUkiEngine(problem) as MethodEngine;
    case 'eki':
      return createEkiEngine(problem) as MethodEngine;
    case 'eks':
      return createEksEngine(problem) as MethodEngine;
    case 'smc':
      return createSmcEngine(problem) as MethodEngine;
    case 'dfgmvi':
      return createDfgmviEngine(problem) as MethodEngine;
    default:
      return assertNever(method);
  }
}
