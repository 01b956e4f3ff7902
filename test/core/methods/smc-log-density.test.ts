/**
 * smc on a log-density model (core/methods/smc/target.ts): −∞ is zero density — such particles
 * get weight 0 and MH never moves into them —, a first draw entirely outside the support fails
 * with a message naming θ, and resume is bit-identical.
 */
import { describe, expect, it } from 'vitest';
import { createInversion, ModelOutputError } from '../../../core/inversion';
import { parseProblem } from '../../../core/problem';
import type { ResolvedProblem } from '../../../core/problem/types';
import { bytesOf } from '../../electron/services/store/helpers';
import { runInversion } from '../../support/runInversion';

function problem(mean: number, settings: Record<string, unknown> = {}): ResolvedProblem {
  const parsed = parseProblem({
    format: 'gmki-problem/1',
    name: 'disk',
    parameters: ['a', 'b'].map((name) => ({ name, prior: { mean, std: 1 } })),
    model: { type: 'javascript', path: 'disk.mjs', output: 'logDensity', logDensity: 'posterior' },
    settings: { method: 'smc', particles: 400, seed: 2, ...settings },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.problem;
}

/** The uniform density on the unit disk: 0 inside (log π = 0), −∞ outside. */
const disk = ([a, b]: readonly number[]): number[] => [a * a + b * b < 1 ? 0 : Number.NEGATIVE_INFINITY];

describe('smc with a density that is zero outside its support', () => {
  it('samples the uniform disk: every particle inside, mean radius² ½, evidence log π', () => {
    const { history } = runInversion(problem(0), disk);
    const last = history.at(-1)!;
    const positions = last.particles!.positions;
    let r2 = 0;
    for (let j = 0; j < 400; j++) {
      const radius2 = positions[2 * j] ** 2 + positions[2 * j + 1] ** 2;
      expect(radius2).toBeLessThan(1);
      r2 += radius2 / 400;
    }
    expect(Math.abs(r2 - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(last.diagnostics.smc!.logEvidence! - Math.log(Math.PI))).toBeLessThan(0.1);
  });

  it('fails when no particle of the first draw has a positive density, naming θ', () => {
    const inversion = createInversion(problem(50));
    const batch = inversion.ask();
    const outputs = batch.points.map((point) => disk(point.theta));
    expect(() => inversion.tell(outputs)).toThrow(ModelOutputError);
    expect(() => inversion.tell(outputs)).toThrow(
      /^iteration 1, particle 0: the model returned −Infinity \(zero density\) at every one of the 400 initial particles, as here: .* at θ = \(a = /,
    );
  });

  it('continues bit for bit from a stored iteration', () => {
    const full = runInversion(problem(0, { particles: 100 }), disk).history;
    const resumed = runInversion(problem(0, { particles: 100 }), disk, full[4]).history;
    expect(bytesOf(resumed.at(-1)!.particles!.positions)).toEqual(bytesOf(full.at(-1)!.particles!.positions));
    expect(resumed.at(-1)!.diagnostics.smc!.logEvidence).toBe(full.at(-1)!.diagnostics.smc!.logEvidence);
  });
});
