// The smc monitor's stage list (monitor/tempering.ts) from the per-iteration tempering figures.
import { describe, expect, it } from 'vitest';
import type { SmcDiagnostics } from '../../../core/inversion/types';
import type { ChartHistory } from '../../../renderer/src/charts/history';
import { temperingStages } from '../../../renderer/src/monitor/tempering';
import { singleGaussian } from '../charts/support';

function entry(iteration: number, smc?: Partial<SmcDiagnostics>): ChartHistory[number] {
  const figures: SmcDiagnostics = { stage: 1, beta: 0.2, ess: 100, logEvidence: null, step: 1, steps: 3, acceptance: null, scale: 0.5, finished: false, ...smc };
  return { iteration, mixture: singleGaussian([0], [[1]]), ...(smc ? { diagnostics: { misfit: [1], smc: figures } } : {}) };
}

describe('temperingStages', () => {
  it('gives each stage its β, ESS, iterations, last acceptance and, at β = 1, the log-evidence', () => {
    const history = [
      entry(0),
      entry(1, { stage: 1, beta: 0.2, ess: 100, acceptance: null }),
      entry(2, { stage: 1, beta: 0.2, ess: 100, acceptance: 0.4 }),
      entry(3, { stage: 1, beta: 0.2, ess: 100, acceptance: 0.35 }),
      entry(4, { stage: 2, beta: 1, ess: 118, acceptance: null, logEvidence: -2.99 }),
      entry(5, { stage: 2, beta: 1, ess: 118, acceptance: 0.2, logEvidence: -2.99 }),
    ];
    expect(temperingStages(history)).toEqual([
      { stage: 1, beta: 0.2, ess: 100, firstIteration: 1, lastIteration: 3, acceptance: 0.35, logEvidence: null },
      { stage: 2, beta: 1, ess: 118, firstIteration: 4, lastIteration: 5, acceptance: 0.2, logEvidence: -2.99 },
    ]);
  });

  it('is empty without smc figures (another method, or only iteration 0)', () => {
    expect(temperingStages([entry(0), entry(1)])).toEqual([]);
  });
});
