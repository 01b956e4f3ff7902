// The run-setup form's methods (setup/methods.ts): every method of core, grouped, with its
// settings — the ones problem-format.md §1.5 says each uses — and explanations true for it.
import { describe, expect, it } from 'vitest';
import { METHODS } from '../../../core/problem/types';
import { FIELDS, fieldSpec, type ChoiceField, type FieldKey } from '../../../renderer/src/setup/fields';
import { methodChoice, methodExplanation, methodTakesInitialization, methodUses } from '../../../renderer/src/setup/methods';

const used = (method: string) => FIELDS.map((field) => field.key).filter((key) => methodUses(method, key));

describe('the method field', () => {
  it('offers every method of core once, in four headed groups, GMKI first', () => {
    const field = fieldSpec('method') as ChoiceField;
    expect(field.groups?.map((group) => group.label)).toEqual([
      'GMKI — recommended',
      'Kalman baselines — one Gaussian',
      'Gaussian mixture from a log density',
      'Reference sampler',
    ]);
    expect(field.groups?.map((group) => group.options.map((option) => option.value))).toEqual([
      ['gmki-robust', 'gmki-paper'],
      ['uki', 'eki', 'eks'],
      ['dfgmvi'],
      ['smc'],
    ]);
    expect(field.options.map((option) => option.value).sort()).toEqual([...METHODS].sort());
    expect(field.group).toBe('method');
  });

  it('says in one line what each method computes and costs', () => {
    for (const method of METHODS) expect(methodChoice(method)?.summary, method).toMatch(/evaluations per (iteration|MH step)/);
    expect(methodChoice('smc')?.summary).toContain('log-evidence');
    expect(methodChoice('nonsense')).toBeUndefined();
  });
});

describe('the settings each method uses', () => {
  it('gives GMKI its components, exploration and (robust only) its split, settle and mode-search knobs', () => {
    expect(used('gmki-robust')).toEqual([
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
      'onEvaluationFailure',
      'maxFailureFraction',
      'splitThreshold',
      'settleIterations',
      'modeSearch',
    ]);
    expect(used('gmki-paper')).toEqual(used('gmki-robust').filter((key) => !['splitThreshold', 'settleIterations', 'modeSearch'].includes(key)));
  });

  it('gives uki Δt, iterations and the sigma-point α; eki and eks particles, Δt and iterations; smc its tempering knobs and no iterations', () => {
    const failures = ['onEvaluationFailure', 'maxFailureFraction'];
    expect(used('uki')).toEqual(['method', 'iterations', 'seed', 'dt', 'sigmaPointAlpha', 'concurrency', 'posteriorSamples', ...failures]);
    for (const method of ['eki', 'eks'])
      expect(used(method)).toEqual(['method', 'iterations', 'seed', 'dt', 'particles', 'concurrency', 'posteriorSamples', ...failures]);
    expect(used('smc')).toEqual(['method', 'seed', 'particles', 'mhSteps', 'maxStages', 'essThreshold', 'concurrency', 'posteriorSamples', ...failures]);
  });

  it('uses every field in some method, and shows every field for a method it does not know', () => {
    const someone = new Set<FieldKey>(METHODS.flatMap((method) => used(method)));
    expect(FIELDS.filter((field) => !someone.has(field.key)).map((field) => field.key)).toEqual([]);
    expect(used('a-future-method')).toHaveLength(FIELDS.length);
  });

  it('starts every method but smc from an initialization', () => {
    expect(METHODS.filter(methodTakesInitialization)).toEqual(['gmki-paper', 'gmki-robust', 'uki', 'eki', 'eks', 'dfgmvi']);
  });
});

describe('explanations for the method chosen', () => {
  it('replaces the GMKI wording where it would mislead, and keeps it elsewhere', () => {
    expect(methodExplanation('smc', 'posteriorSamples')).toContain('the final particles themselves when it equals J');
    expect(methodExplanation('eks', 'dt')).toContain('dt/(‖D‖ + ε)');
    expect(methodExplanation('uki', 'iterations')).toContain('UKI steps');
    expect(methodExplanation('eki', 'method')).toBe(methodChoice('eki')!.summary);
    expect(methodExplanation('gmki-robust', 'dt')).toBeNull();
    expect(methodExplanation('smc', 'particles')).toBeNull();
    // Under "skip" uki still stops at a failure, and particles are re-drawn or rejected, not components skipped.
    expect(methodExplanation('uki', 'onEvaluationFailure')).toMatch(/^uki stops at any failed evaluation whatever this says/);
    expect(methodExplanation('eki', 'onEvaluationFailure')).toContain('re-draw the failed particle');
    expect(methodExplanation('gmki-robust', 'onEvaluationFailure')).toBeNull();
  });
});
