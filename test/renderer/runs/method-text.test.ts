// What the run page says per method (runs/method-text.ts): what the result is, and where an smc
// run's tempering ended, in the words `gmki` prints (electron/cli/method-lines.ts).
import { describe, expect, it } from 'vitest';
import type { SmcDiagnostics } from '../../../core/inversion/types';
import { resolveSettings } from '../../../core/problem/settings';
import type { MethodName } from '../../../core/problem/types';
import { aboutResult, hasMixtureWeights, methodLine, temperingOutcome } from '../../../renderer/src/runs/method-text';

const figures = (overrides: Partial<SmcDiagnostics>): SmcDiagnostics => ({
  stage: 2,
  beta: 1,
  ess: 900,
  logEvidence: -2.93041,
  step: 5,
  steps: 5,
  acceptance: 0.3,
  scale: 0.5,
  finished: true,
  ...overrides,
});

describe('aboutResult', () => {
  it('describes a mixture for GMKI, one Gaussian for uki, particles for eks and smc, an optimiser for eki', () => {
    expect(aboutResult('gmki-robust')).toContain('a mixture of Gaussian components');
    expect(aboutResult('uki')).toContain('one Gaussian (uki cannot describe a second mode)');
    expect(aboutResult('eki')).toContain('eki is an optimiser');
    expect(aboutResult('eks')).toContain('The posterior of this eks run is its particles');
    expect(aboutResult('smc')).toContain('the log-evidence the run measured');
    expect(aboutResult('eks')).not.toContain('log-evidence');
  });
});

describe('temperingOutcome', () => {
  it('gives the log-evidence once β = 1, with the stages', () => {
    expect(temperingOutcome(figures({}), 20)).toEqual({ text: 'Log-evidence log p(y) = -2.93 (β = 1 after 2 stages).', warning: false });
    expect(temperingOutcome(figures({ stage: 1 }), 20)?.text).toContain('after 1 stage)');
  });

  it('warns when the run stopped at the most stages before the posterior, and says what to raise', () => {
    const outcome = temperingOutcome(figures({ beta: 0.4127, logEvidence: null, stage: 3 }), 3);
    expect(outcome).toEqual({
      text: 'The run stopped after 3 stages (most stages: 3) at β = 0.4127: its particles sample a flattened posterior, not the posterior, and there is no log-evidence. Raise the most stages (or the MH steps) and run again.',
      warning: true,
    });
  });

  it('says a run still tempering has no log-evidence yet, and gives nothing without smc figures', () => {
    expect(temperingOutcome(figures({ beta: 0.2, logEvidence: null, finished: false }), 20)?.text).toBe(
      'Tempering at β = 0.2 after 2 stages: no log-evidence until β reaches 1.',
    );
    expect(temperingOutcome(undefined, 20)).toBeNull();
  });
});

describe('methodLine', () => {
  const run = (method: MethodName, settings: Record<string, unknown>) =>
    ({
      method,
      components: method.startsWith('gmki') ? 3 : 1,
      iterations: 30,
      problem: { settings: resolveSettings({ method, ...settings }, { cpuCount: 1 }) },
    }) as never;

  it('says K for GMKI, J for the particle methods, and smc’s most steps and stages', () => {
    expect(methodLine(run('gmki-robust', {}))).toBe('gmki-robust, K = 3, 30 iterations planned');
    expect(methodLine(run('uki', {}))).toBe('uki (one Gaussian), 30 iterations planned');
    expect(methodLine(run('eks', { particles: 50 }))).toBe('eks, J = 50 particles, 30 iterations planned');
    expect(methodLine(run('smc', { mhSteps: 5, maxStages: 10 }))).toBe('smc, J = 2000 particles, ≤ 5 MH steps per stage, ≤ 10 stages (at most 51 iterations)');
  });
});

describe('hasMixtureWeights', () => {
  it('is true for the mixture methods (GMKI, dfgmvi) and false for uki’s one Gaussian and the particle methods', () => {
    expect(['gmki-paper', 'gmki-robust', 'dfgmvi'].map(hasMixtureWeights)).toEqual([true, true, true]);
    expect(['uki', 'eki', 'eks', 'smc'].map(hasMixtureWeights)).toEqual([false, false, false, false]);
  });
});
