/**
 * "Check with a reference sampler" (issue 10 item 2): an smc run of exactly the problem a run
 * ran — its data, prior, model, seed and concurrency — with the budget the user sets, linked to
 * the original by a tag and a note that names it, so either run can find the other.
 */
import { evaluationBudget, smcIterationBound } from '../../../core/methods/budget';
import { MAX_ARRAY_NUMBERS, MAX_ITERATIONS, SETTING_RULES } from '../../../core/problem/limits';
import type { ProblemFileAsRun, RunSettings } from '../../../core/problem/types';
import type { EvaluationEntry, RunRecord } from '../../../electron/contract/types';
import { median } from '../setup/budget';

/** The tag every reference run carries (runs/list { tag } finds them). */
export const REFERENCE_TAG = 'reference';

/** The budget of the reference run the user sets. */
export interface ReferenceKnobs {
  readonly particles: number;
  readonly mhSteps: number;
  readonly maxStages: number;
}

/** The words the dialog's fields use (and their messages start with). */
export const KNOB_LABELS: Readonly<Record<keyof ReferenceKnobs, string>> = { particles: 'Particles J', mhSteps: 'MH steps per stage', maxStages: 'Most stages' };

/**
 * What is wrong with the knobs, field by field, in the words of the problem's own checks
 * (core/problem/limits.ts): each one's range, 1 + maxStages·mhSteps ≤ 10 000 iterations, J·d ≤ 10⁷.
 */
export function checkReferenceKnobs(knobs: ReferenceKnobs, d: number): Partial<Record<keyof ReferenceKnobs, string>> {
  const messages: Partial<Record<keyof ReferenceKnobs, string>> = {};
  for (const key of ['particles', 'mhSteps', 'maxStages'] as const) {
    const rule = SETTING_RULES[key];
    if (!rule.accepts(knobs[key])) messages[key] = `${KNOB_LABELS[key]}: expected ${rule.expected}, got ${knobs[key]}`;
  }
  if (!messages.particles && knobs.particles * d > MAX_ARRAY_NUMBERS) {
    messages.particles = `${KNOB_LABELS.particles}: expected at most ${Math.floor(MAX_ARRAY_NUMBERS / d)} with ${d} parameters (J·d ≤ ${MAX_ARRAY_NUMBERS}), got ${knobs.particles}`;
  }
  if (!messages.mhSteps && !messages.maxStages && 1 + knobs.maxStages * knobs.mhSteps > MAX_ITERATIONS) {
    messages.maxStages = `${KNOB_LABELS.maxStages}: expected at most ${Math.floor((MAX_ITERATIONS - 1) / knobs.mhSteps)} with ${knobs.mhSteps} MH steps (1 + stages·steps ≤ ${MAX_ITERATIONS} iterations), got ${knobs.maxStages}`;
  }
  return messages;
}

/** A first check that an expensive model can afford: a thousand particles, a few steps. */
export const DEFAULT_REFERENCE_KNOBS: ReferenceKnobs = Object.freeze({ particles: 1000, mhSteps: 10, maxStages: 20 });

/**
 * The problem of the reference run: the original's problem as run, its settings turned to smc
 * with `knobs` (smc starts from the prior, so an explicit initialization goes; the settings smc
 * does not read stay, ignored, as the record of where it came from).
 */
export function referenceProblem(problem: ProblemFileAsRun, knobs: ReferenceKnobs): Record<string, unknown> {
  const settings: RunSettings = { ...problem.settings, method: 'smc', ...knobs, initialization: { type: 'prior' } };
  return { ...problem, settings };
}

/** The reference run's name: the original's, said to be its reference (at most 200 characters). */
export function referenceName(original: Pick<RunRecord, 'name'>): string {
  const name = `Reference (smc) for ${original.name}`;
  return name.length <= 200 ? name : `${name.slice(0, 199)}…`;
}

/** The note that links a reference run to its original (its id is what the original searches for). */
export function referenceNote(original: Pick<RunRecord, 'id' | 'name'>, knobs: ReferenceKnobs): string {
  return (
    `Reference sampler for run ${original.id} (${original.name}): smc with ${knobs.particles} particles, ` +
    `at most ${knobs.mhSteps} MH steps per stage and ${knobs.maxStages} stages.`
  );
}

const NOTE_PATTERN = /^Reference sampler for run (\S+) \(/m;

/** The id of the run a reference run checks, read from its note; null for any other run. */
export function originalRunId(run: Pick<RunRecord, 'notes' | 'tags'>): string | null {
  if (!run.tags.includes(REFERENCE_TAG)) return null;
  return NOTE_PATTERN.exec(run.notes)?.[1] ?? null;
}

/** What the reference run may cost before it starts. */
export interface ReferenceCost {
  /** J·(1 + maxStages·mhSteps): the most evaluations; smc usually stops earlier. */
  readonly evaluations: number;
  readonly iterations: number;
  /** The median wall time of one evaluation in the original's last iteration, or null without a ledger. */
  readonly secondsPerEvaluation: number | null;
  /** The most wall time: evaluations × seconds ÷ the evaluations that run at once. */
  readonly wallSeconds: number | null;
  /** How many times the original's evaluations the most is. */
  readonly timesOriginal: number | null;
}

/**
 * The most the reference can cost: smc's upper bound on evaluations, and from the original's
 * measured evaluations (its ledger) the most time, with the original's concurrency.
 */
export function referenceCost(original: RunRecord, knobs: ReferenceKnobs, ledger: readonly EvaluationEntry[]): ReferenceCost {
  const settings: RunSettings = { ...original.problem.settings, method: 'smc', ...knobs };
  const budget = evaluationBudget(settings, original.nTheta);
  const times = ledger.filter((entry) => entry.error === null && entry.durationMs >= 0).map((entry) => entry.durationMs / 1000);
  const seconds = times.length > 0 ? median(times) : null;
  const slots = Math.max(1, Math.min(settings.concurrency, budget.perIteration));
  return {
    evaluations: budget.total,
    iterations: smcIterationBound(settings),
    secondsPerEvaluation: seconds,
    wallSeconds: seconds === null ? null : (budget.total * seconds) / slots,
    timesOriginal: original.forwardEvaluations > 0 ? budget.total / original.forwardEvaluations : null,
  };
}
