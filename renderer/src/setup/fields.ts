/**
 * The run-setup form's fields: one per setting of problem-format.md §1.2 (initialization aside,
 * it is not typed in), with its group, label, JSON path and range check. The ranges are core's
 * (core/problem/limits.ts, which the problem schema uses too), so a wrong value gets, while
 * typing, the rule the server's problem/validate and the command line's flags answer with.
 */
import { minWeightError, SETTING_RULES, type NumberRule } from '../../../core/problem/limits';
import { EVALUATION_FAILURE_POLICIES } from '../../../core/problem/types';
import { METHOD_GROUPS } from './methods';

export type FieldKey =
  | 'components'
  | 'iterations'
  | 'seed'
  | 'dt'
  | 'explorationMethod'
  | 'explorationSamples'
  | 'minWeight'
  | 'sigmaPointAlpha'
  | 'method'
  | 'concurrency'
  | 'posteriorSamples'
  | 'splitThreshold'
  | 'settleIterations'
  | 'modeSearch'
  | 'particles'
  | 'mhSteps'
  | 'maxStages'
  | 'essThreshold'
  | 'onEvaluationFailure'
  | 'maxFailureFraction';

export type FieldGroup = 'method' | 'basic' | 'tempering' | 'exploration' | 'advanced' | 'failures' | 'robust';

interface FieldBase {
  readonly key: FieldKey;
  readonly group: FieldGroup;
  /** What the form calls it; messages start with it. */
  readonly label: string;
  /** Where the problem file keeps it (problem/validate's error paths). */
  readonly path: string;
}

export interface NumberField extends FieldBase {
  readonly kind: 'integer' | 'number';
  /** The rule, in the words of the server's messages ("an integer from 1 to 100"). */
  readonly expected: string;
  readonly accepts: (x: number) => boolean;
  /** Empty means "the default", and the default is null (automatic). */
  readonly nullable?: boolean;
}

export interface ChoiceField extends FieldBase {
  readonly kind: 'choice';
  readonly options: readonly { readonly value: string; readonly label: string }[];
  /** The options under headings (the methods); absent: one plain list. */
  readonly groups?: readonly { readonly label: string; readonly options: readonly { readonly value: string; readonly label: string }[] }[];
}

export interface SwitchField extends FieldBase {
  readonly kind: 'switch';
}

export type FieldSpec = NumberField | ChoiceField | SwitchField;

/** A number field's kind and range from core's rule; `whenEmpty` words the nullable ones' default. */
function ruled(rule: NumberRule, whenEmpty?: string): Pick<NumberField, 'kind' | 'expected' | 'accepts' | 'nullable'> {
  const kind = rule.integer ? 'integer' : 'number';
  if (whenEmpty === undefined) return { kind, expected: rule.expected, accepts: rule.accepts };
  return { kind, expected: `${rule.expected}, or empty for ${whenEmpty}`, accepts: rule.accepts, nullable: true };
}

const FAILURE_POLICY_LABELS: Readonly<Record<(typeof EVALUATION_FAILURE_POLICIES)[number], string>> = {
  stop: 'stop the run (the default)',
  skip: 'skip the failed points and go on',
};

export const FIELDS: readonly FieldSpec[] = [
  {
    key: 'method',
    group: 'method',
    label: 'Method',
    path: 'settings.method',
    kind: 'choice',
    options: METHOD_GROUPS.flatMap((group) => group.options),
    groups: METHOD_GROUPS,
  },
  { key: 'components', group: 'basic', label: 'Components K', path: 'settings.components', ...ruled(SETTING_RULES.components) },
  { key: 'iterations', group: 'basic', label: 'Iterations', path: 'settings.iterations', ...ruled(SETTING_RULES.iterations) },
  { key: 'seed', group: 'basic', label: 'Seed', path: 'settings.seed', ...ruled(SETTING_RULES.seed) },
  { key: 'dt', group: 'basic', label: 'Step size Δt', path: 'settings.dt', ...ruled(SETTING_RULES.dt) },
  { key: 'particles', group: 'basic', label: 'Particles J', path: 'settings.particles', ...ruled(SETTING_RULES.particles, 'the method’s default') },
  { key: 'mhSteps', group: 'tempering', label: 'MH steps per stage', path: 'settings.mhSteps', ...ruled(SETTING_RULES.mhSteps) },
  { key: 'maxStages', group: 'tempering', label: 'Most stages', path: 'settings.maxStages', ...ruled(SETTING_RULES.maxStages) },
  { key: 'essThreshold', group: 'tempering', label: 'ESS threshold', path: 'settings.essThreshold', ...ruled(SETTING_RULES.essThreshold) },
  {
    key: 'explorationMethod',
    group: 'exploration',
    label: 'Exploration method',
    path: 'settings.exploration',
    kind: 'choice',
    options: [
      { value: 'monte-carlo', label: 'monte-carlo (the paper’s)' },
      { value: 'disjoint', label: 'disjoint (components apart)' },
    ],
  },
  { key: 'explorationSamples', group: 'exploration', label: 'Monte Carlo samples', path: 'settings.exploration.samples', ...ruled(SETTING_RULES.explorationSamples) },
  { key: 'minWeight', group: 'advanced', label: 'Weight floor', path: 'settings.minWeight', ...ruled(SETTING_RULES.minWeight) },
  { key: 'sigmaPointAlpha', group: 'advanced', label: 'Sigma-point α', path: 'settings.sigmaPointAlpha', ...ruled(SETTING_RULES.sigmaPointAlpha, 'automatic') },
  { key: 'concurrency', group: 'advanced', label: 'Concurrency', path: 'settings.concurrency', ...ruled(SETTING_RULES.concurrency) },
  { key: 'posteriorSamples', group: 'advanced', label: 'Posterior samples', path: 'settings.posteriorSamples', ...ruled(SETTING_RULES.posteriorSamples) },
  {
    key: 'onEvaluationFailure',
    group: 'failures',
    label: 'When an evaluation fails',
    path: 'settings.onEvaluationFailure',
    kind: 'choice',
    options: EVALUATION_FAILURE_POLICIES.map((value) => ({ value, label: FAILURE_POLICY_LABELS[value] })),
  },
  { key: 'maxFailureFraction', group: 'failures', label: 'Most failures per iteration', path: 'settings.maxFailureFraction', ...ruled(SETTING_RULES.maxFailureFraction) },
  { key: 'splitThreshold', group: 'robust', label: 'Split threshold', path: 'settings.splitThreshold', ...ruled(SETTING_RULES.splitThreshold) },
  {
    key: 'settleIterations',
    group: 'robust',
    label: 'Settle iterations',
    path: 'settings.settleIterations',
    ...ruled(SETTING_RULES.settleIterations, 'a quarter of the iterations'),
  },
  { key: 'modeSearch', group: 'robust', label: 'Mode search', path: 'settings.modeSearch', kind: 'switch' },
];

export const GROUPS: readonly { readonly id: FieldGroup; readonly title: string; readonly note?: string }[] = [
  { id: 'method', title: 'Method' },
  { id: 'basic', title: 'Basic' },
  { id: 'tempering', title: 'Tempering (smc)' },
  { id: 'exploration', title: 'Exploration' },
  { id: 'advanced', title: 'Advanced' },
  { id: 'failures', title: 'Failed evaluations' },
  { id: 'robust', title: 'gmki-robust only', note: 'These three change nothing when the method is gmki-paper.' },
];

export function fieldSpec(key: FieldKey): FieldSpec {
  const spec = FIELDS.find((field) => field.key === key);
  if (!spec) throw new RangeError(`fieldSpec: no field ${key}`);
  return spec;
}

/** What a number field's text means: empty (the default), a number, or not a number. */
export type ParsedText = { readonly kind: 'empty' } | { readonly kind: 'number'; readonly value: number } | { readonly kind: 'invalid' };

export function parseNumberText(text: string): ParsedText {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  // Number('') is 0 and Number('0x10') is 16: accept plain decimal and exponent notation only.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return { kind: 'invalid' };
  const value = Number(trimmed);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid' };
}

/**
 * The message for a number field's text, or null when it is fine. `components` is K as the run
 * would use it, for the weight floor's K·minWeight < 1.
 */
export function checkNumberText(field: NumberField, text: string, context: { readonly components: number }): string | null {
  const parsed = parseNumberText(text);
  if (parsed.kind === 'empty') return null;
  const got = text.trim();
  if (parsed.kind === 'invalid' || !field.accepts(parsed.value)) return `${field.label}: expected ${field.expected}, got ${got}`;
  const floorError = field.key === 'minWeight' ? minWeightError(parsed.value, context.components, 'floor') : null;
  if (floorError) return `${field.label}: ${floorError}`;
  return null;
}
