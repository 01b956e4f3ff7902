/**
 * SMC's kernels (core/methods/smc): PyMC's tempering bisection and evidence increment, systematic
 * resampling, the MH tuning rules, and the stored state's layout.
 */
import { describe, expect, it } from 'vitest';
import { logSumExp } from '../../../core/linalg/dense';
import { initialScale, stepsFromAcceptance, tuneScales } from '../../../core/methods/smc/mutation';
import { decodeSmcState, encodeSmcState, type SmcState } from '../../../core/methods/smc/state';
import { nextTemperature, systematicResample } from '../../../core/methods/smc/tempering';
import { createRandomStream } from '../../../core/random/random';

describe('nextTemperature (PyMC update_beta_and_weights)', () => {
  const random = createRandomStream(9, 'test');
  const logLikelihoods = Float64Array.from({ length: 1000 }, () => -0.5 * (10 * random.normal()) ** 2 - 2);

  it('chooses β so that the weights keep an ESS of threshold·J, and adds log mean exp(Δβ·ℓ) to the evidence', () => {
    for (const threshold of [0.3, 0.5, 0.8]) {
      const { beta, weights, ess, logEvidenceIncrement } = nextTemperature(logLikelihoods, 0, threshold);
      expect(beta).toBeGreaterThan(0);
      expect(beta).toBeLessThan(1);
      expect(Math.abs(ess - threshold * 1000)).toBeLessThan(1.5);
      expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(logEvidenceIncrement).toBeCloseTo(logSumExp(logLikelihoods.map((l) => beta * l)) - Math.log(1000), 12);
    }
  });

  it('goes to β = 1 with equal weights when the likelihood is flat', () => {
    const flat = nextTemperature(new Float64Array(50).fill(-3), 0.4, 0.5);
    expect(flat.beta).toBe(1);
    for (const weight of flat.weights) expect(weight).toBeCloseTo(1 / 50, 15);
    expect(flat.logEvidenceIncrement).toBeCloseTo(0.6 * -3, 12);
  });
});

describe('systematicResample', () => {
  it('maps the positions (u + i)/J to the particle whose cumulative weight first reaches them', () => {
    expect(Array.from(systematicResample(Float64Array.of(0.5, 0.25, 0.25), 0.5))).toEqual([0, 0, 2]);
    expect(Array.from(systematicResample(Float64Array.of(0, 1, 0), 0.99))).toEqual([1, 1, 1]);
  });

  it('keeps each particle ⌊J·w⌋ or ⌈J·w⌉ times, whatever the uniform', () => {
    const weights = Float64Array.of(0.1, 0.35, 0.05, 0.5);
    for (const uniform of [0, 0.1, 0.37, 0.6, 0.99]) {
      const counts = [0, 0, 0, 0];
      for (const i of systematicResample(weights, uniform)) counts[i]++;
      counts.forEach((count, i) => {
        expect(count).toBeGreaterThanOrEqual(Math.floor(4 * weights[i]));
        expect(count).toBeLessThanOrEqual(Math.ceil(4 * weights[i]));
      });
    }
  });
});

describe('MH tuning', () => {
  it('starts at PyMC’s scale min(1, 2.38²/d)', () => {
    expect(initialScale(2)).toBe(1);
    expect(initialScale(10)).toBeCloseTo(0.56644, 5);
  });

  it('takes enough steps to move each particle with probability 0.99, at least 2 and at most the cap', () => {
    expect(stepsFromAcceptance(0.234, 1000, 25)).toBe(17);
    expect(stepsFromAcceptance(0.5, 1000, 25)).toBe(6);
    expect(stepsFromAcceptance(1, 1000, 25)).toBe(2);
    expect(stepsFromAcceptance(0.01, 1000, 25)).toBe(25);
    expect(stepsFromAcceptance(0, 100, 1000)).toBe(458); // the rate's floor is 1/proposed
  });

  it('raises the scales of particles accepting more than 0.234 and pulls every scale halfway to the mean', () => {
    const tuned = tuneScales(Float64Array.of(1, 1), Float64Array.of(0.234, 0.734));
    const second = Math.exp(0.5);
    expect(tuned[0]).toBeCloseTo(0.5 * (1 + (1 + second) / 2), 12);
    expect(tuned[1]).toBeCloseTo(0.5 * (second + (1 + second) / 2), 12);
  });
});

describe('the stored SMC state', () => {
  const state: SmcState = {
    phase: 'mutating',
    stage: 3,
    beta: 0.42,
    step: 4,
    steps: 9,
    logEvidence: -12.5,
    ess: 1000.5,
    accepted: 77,
    scales: Float64Array.of(0.5, 0.7, 0.9),
    acceptedPerParticle: Float64Array.of(1, 2, 3),
    factor: Float64Array.of(1, 0, 0.5, 2),
  };

  it('reads back what it wrote, for J particles in d dimensions', () => {
    expect(decodeSmcState(encodeSmcState(state), 3, 2)).toEqual(state);
  });

  it('refuses a list of another size or version, saying what it expected', () => {
    expect(() => decodeSmcState(encodeSmcState(state), 4, 2)).toThrow(/J = 4, d = 2 needs 21/);
    expect(() => decodeSmcState(null, 3, 2)).toThrow(/has 0 numbers/);
    const other = encodeSmcState(state);
    other[0] = 2;
    expect(() => decodeSmcState(other, 3, 2)).toThrow(/version 2/);
  });
});
