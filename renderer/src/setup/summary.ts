/**
 * What the run-setup screen says about the draft before (or without) the server's summary, and
 * how it shows each setting's default.
 */
import { DEFAULT_PARTICLES } from '../../../core/methods/budget';

export interface DraftFacts {
  readonly name: string;
  /** d: parameters written so far. */
  readonly nTheta: number;
  /** n_y: observation values written so far. */
  readonly nOutputs: number;
  readonly modelType: string;
}

/** Facts read straight from a draft, invalid ones included (missing parts count as 0 / "none"). */
export function draftFacts(problem: Readonly<Record<string, unknown>>): DraftFacts {
  const observations = problem.observations as { values?: unknown } | undefined;
  const model = problem.model as { type?: unknown } | undefined;
  return {
    name: typeof problem.name === 'string' && problem.name.trim() ? problem.name : 'untitled',
    nTheta: Array.isArray(problem.parameters) ? problem.parameters.length : 0,
    nOutputs: Array.isArray(observations?.values) ? observations.values.length : 0,
    modelType: typeof model?.type === 'string' ? model.type : 'none',
  };
}

/** True for the draft nobody has touched (the blank problem): the screen then offers examples. */
export function isUntouchedBlank(problem: unknown, blank: unknown, dirty: boolean): boolean {
  return !dirty && JSON.stringify(problem) === JSON.stringify(blank);
}

export interface DefaultContext {
  /** d, when known: the automatic sigma-point α depends on it. */
  readonly nTheta: number | null;
  /** The iterations the run will do: the automatic settle period depends on them. */
  readonly iterations: number;
  /** The method the run will use: the automatic number of particles depends on it. */
  readonly method?: string;
}

/** A setting's default as the form shows it ("default: …"). */
export function defaultText(key: string, value: unknown, context: DefaultContext): string {
  if (key === 'sigmaPointAlpha' && value === null) {
    const d = context.nTheta;
    return d && d > 0 ? `automatic, min(√(4/d), 1) = ${Number(Math.min(Math.sqrt(4 / d), 1).toPrecision(3))}` : 'automatic, min(√(4/d), 1)';
  }
  if (key === 'settleIterations' && value === null) return `a quarter of the iterations, ⌈${context.iterations}/4⌉ = ${Math.ceil(context.iterations / 4)}`;
  if (key === 'particles' && value === null) {
    const method = context.method;
    if (method === 'eki' || method === 'eks' || method === 'smc') return `automatic, ${DEFAULT_PARTICLES[method]} for ${method}`;
    return `automatic, ${DEFAULT_PARTICLES.eki} for eki and eks, ${DEFAULT_PARTICLES.smc} for smc`;
  }
  if (key === 'concurrency') return `${String(value)} (the CPU cores here)`;
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (value === null || value === undefined) return 'none';
  return String(value);
}
