/**
 * The run-setup form's fields: one per setting of problem-format.md §1.2 (initialization aside,
 * it is not typed in), with its group, label, JSON path and range check. The ranges restate
 * core/problem/schema.ts so that a wrong value gets its message while typing, before the server's
 * problem/validate answers with the same rule.
 */

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
  | 'modeSearch';

export type FieldGroup = 'basic' | 'exploration' | 'advanced' | 'robust';

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
  /** The rule, in the words of the server's messages ("an integer ≥ 1"). */
  readonly expected: string;
  readonly accepts: (x: number) => boolean;
  /** Empty means "the default", and the default is null (automatic). */
  readonly nullable?: boolean;
}

export interface ChoiceField extends FieldBase {
  readonly kind: 'choice';
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

export interface SwitchField extends FieldBase {
  readonly kind: 'switch';
}

export type FieldSpec = NumberField | ChoiceField | SwitchField;

const integerAtLeast = (min: number) => (x: number) => Number.isInteger(x) && x >= min;

export const FIELDS: readonly FieldSpec[] = [
  { key: 'components', group: 'basic', label: 'Components K', path: 'settings.components', kind: 'integer', expected: 'an integer ≥ 1', accepts: integerAtLeast(1) },
  { key: 'iterations', group: 'basic', label: 'Iterations', path: 'settings.iterations', kind: 'integer', expected: 'an integer ≥ 1', accepts: integerAtLeast(1) },
  { key: 'seed', group: 'basic', label: 'Seed', path: 'settings.seed', kind: 'integer', expected: 'a whole number (|seed| ≤ 2^53 − 1)', accepts: Number.isSafeInteger },
  { key: 'dt', group: 'basic', label: 'Step size Δt', path: 'settings.dt', kind: 'number', expected: 'a number in (0, 1)', accepts: (x) => x > 0 && x < 1 },
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
  { key: 'explorationSamples', group: 'exploration', label: 'Monte Carlo samples', path: 'settings.exploration.samples', kind: 'integer', expected: 'an integer ≥ 1', accepts: integerAtLeast(1) },
  { key: 'minWeight', group: 'advanced', label: 'Weight floor', path: 'settings.minWeight', kind: 'number', expected: 'a number ≥ 0', accepts: (x) => x >= 0 },
  { key: 'sigmaPointAlpha', group: 'advanced', label: 'Sigma-point α', path: 'settings.sigmaPointAlpha', kind: 'number', expected: 'a number > 0, or empty for automatic', accepts: (x) => x > 0, nullable: true },
  {
    key: 'method',
    group: 'advanced',
    label: 'Method',
    path: 'settings.method',
    kind: 'choice',
    options: [
      { value: 'gmki-robust', label: 'gmki-robust (more reliable)' },
      { value: 'gmki-paper', label: 'gmki-paper (as published)' },
    ],
  },
  { key: 'concurrency', group: 'advanced', label: 'Concurrency', path: 'settings.concurrency', kind: 'integer', expected: 'an integer ≥ 1', accepts: integerAtLeast(1) },
  { key: 'posteriorSamples', group: 'advanced', label: 'Posterior samples', path: 'settings.posteriorSamples', kind: 'integer', expected: 'an integer ≥ 0', accepts: integerAtLeast(0) },
  { key: 'splitThreshold', group: 'robust', label: 'Split threshold', path: 'settings.splitThreshold', kind: 'number', expected: 'a number > 0', accepts: (x) => x > 0 },
  { key: 'settleIterations', group: 'robust', label: 'Settle iterations', path: 'settings.settleIterations', kind: 'integer', expected: 'an integer ≥ 0, or empty for a quarter of the iterations', accepts: integerAtLeast(0), nullable: true },
  { key: 'modeSearch', group: 'robust', label: 'Mode search', path: 'settings.modeSearch', kind: 'switch' },
];

export const GROUPS: readonly { readonly id: FieldGroup; readonly title: string; readonly note?: string }[] = [
  { id: 'basic', title: 'Basic' },
  { id: 'exploration', title: 'Exploration' },
  { id: 'advanced', title: 'Advanced' },
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
  if (field.key === 'minWeight' && !(parsed.value * context.components < 1))
    return `${field.label}: expected a number < 1/K = ${Number((1 / context.components).toPrecision(4))} (K·floor must stay below 1 with K = ${context.components}), got ${got}`;
  return null;
}
