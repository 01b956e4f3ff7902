import { describe, expect, it } from 'vitest';
import { defaultText, draftFacts, isUntouchedBlank } from '../../../renderer/src/setup/summary';

describe('draftFacts', () => {
  it('reads name, d, n_y and the model type of a draft', () => {
    const problem = { name: 'Decay', parameters: [{}, {}], observations: { values: [1, 2, 3, 4] }, model: { type: 'javascript', path: 'm.mjs' } };
    expect(draftFacts(problem)).toEqual({ name: 'Decay', nTheta: 2, nOutputs: 4, modelType: 'javascript' });
  });

  it('copes with a half-written draft', () => {
    expect(draftFacts({ name: ' ', parameters: 'x' })).toEqual({ name: 'untitled', nTheta: 0, nOutputs: 0, modelType: 'none' });
  });
});

describe('isUntouchedBlank', () => {
  const blank = { format: 'gmki-problem/1', name: 'untitled', settings: {} };
  it('is true only for the blank draft nobody has changed', () => {
    expect(isUntouchedBlank({ ...blank }, blank, false)).toBe(true);
    expect(isUntouchedBlank({ ...blank }, blank, true)).toBe(false);
    expect(isUntouchedBlank({ ...blank, name: 'Decay' }, blank, false)).toBe(false);
  });
});

describe('defaultText', () => {
  const context = { nTheta: 2, iterations: 30 };
  it('spells out the automatic defaults with their value for this problem', () => {
    expect(defaultText('sigmaPointAlpha', null, context)).toBe('automatic, min(√(4/d), 1) = 1');
    expect(defaultText('sigmaPointAlpha', null, { nTheta: 128, iterations: 30 })).toBe('automatic, min(√(4/d), 1) = 0.177');
    expect(defaultText('sigmaPointAlpha', null, { nTheta: null, iterations: 30 })).toBe('automatic, min(√(4/d), 1)');
    expect(defaultText('settleIterations', null, context)).toBe('a quarter of the iterations, ⌈30/4⌉ = 8');
  });

  it('shows plain defaults as the file would write them', () => {
    expect(defaultText('concurrency', 8, context)).toBe('8 (the CPU cores here)');
    expect(defaultText('minWeight', 1e-15, context)).toBe('1e-15');
    expect(defaultText('modeSearch', true, context)).toBe('on');
    expect(defaultText('method', 'gmki-robust', context)).toBe('gmki-robust');
  });

  it('says how many particles an empty J means, for the method chosen', () => {
    expect(defaultText('particles', null, { ...context, method: 'smc' })).toBe('automatic, 2000 for smc');
    expect(defaultText('particles', null, { ...context, method: 'eks' })).toBe('automatic, 100 for eks');
    expect(defaultText('particles', null, context)).toBe('automatic, 100 for eki and eks, 2000 for smc');
    expect(defaultText('particles', 400, { ...context, method: 'smc' })).toBe('400');
  });
});
