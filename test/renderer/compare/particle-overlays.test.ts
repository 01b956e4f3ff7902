// Compare's particle overlays (compare/particle-overlays.ts): a particle run is drawn from its
// particles — a kernel density estimate on the marginal, the particles as dots on the pair — and
// a mixture run (or a particle run whose particles have not arrived) from its mixture.
import { describe, expect, it } from 'vitest';
import type { SeriesOption } from 'echarts';
import type { Mixture } from '../../../core/gmki/state';
import { identityTransform, lowerBoundTransform } from '../../../core/problem/transforms';
import { createRandomStream } from '../../../core/random/random';
import { overlayMarginals, overlayPair } from '../../../renderer/src/charts/compare';
import { compareRunOn, drawnFromSamples, type ComparedPosterior } from '../../../renderer/src/compare/particle-overlays';

/** One Gaussian at (0, 1, 0) in u: the Gaussian summary a particle run also has. */
const summary: Mixture = {
  nComponents: 1,
  nTheta: 3,
  logWeights: new Float64Array([0]),
  means: new Float64Array([0, 1, 0]),
  covariances: new Float64Array([1, 0, 0, 0, 1, 0, 0, 0, 1]),
};

/** 600 particles: a standard normal on a, two clusters on b (at 1 and 7, σ 0.2; b has the lower bound 0), c constant. */
function twoModes(): Float64Array {
  const random = createRandomStream(5, 'test');
  const rows = new Float64Array(600 * 3);
  for (let n = 0; n < 600; n++) rows.set([random.normal(), (n % 2 === 0 ? 1 : 7) + 0.2 * random.normal(), 5], n * 3);
  return rows;
}

function run(method: string, samples: Float64Array | null): ComparedPosterior {
  return {
    name: `${method} run`,
    method,
    mixture: summary,
    names: ['a', 'b', 'c'],
    transforms: [identityTransform(), lowerBoundTransform(0), identityTransform()],
    samples: samples ? { samples, count: samples.length / 3, d: 3, iteration: 12, particles: samples.length / 3 } : null,
  };
}

const density = (series: SeriesOption): [number, number][] => (series as { data: [number, number][] }).data;

describe('compareRunOn', () => {
  it('draws a particle run with its particles from them: their columns as the pair’s points, a kernel estimate as its mixture', () => {
    const particles = twoModes();
    const smc = run('smc', particles);
    expect(drawnFromSamples(smc)).toBe(true);
    const pair = compareRunOn(smc, ['b', 'a']);
    expect(pair.parameterNames).toEqual(['b', 'a']);
    expect(pair.points).toHaveLength(1200);
    expect([pair.points![0], pair.points![1]]).toEqual([particles[1], particles[0]]);
    expect(pair.mixture.nTheta).toBe(2);
    expect(pair.mixture.nComponents).toBe(600);
  });

  it('keeps both modes on the marginal, where the Gaussian summary has one bump', () => {
    const fromParticles = compareRunOn(run('smc', twoModes()), ['b']);
    const fromSummary = compareRunOn(run('smc', null), ['b']);
    const chart = overlayMarginals([fromParticles, fromSummary], 0, { points: 3000 });
    const [particles, gaussian] = (chart.series as SeriesOption[]).map(density);
    const at = (curve: [number, number][], x: number) => curve.reduce((best, point) => (Math.abs(point[0] - x) < Math.abs(best[0] - x) ? point : best))[1];
    // Peaks near b = 1 and b = 7, next to nothing at 4 between them.
    expect(at(particles!, 1)).toBeGreaterThan(10 * at(particles!, 4));
    expect(at(particles!, 7)).toBeGreaterThan(10 * at(particles!, 4));
    // The mass on the grid is one (the lower bound's Jacobian applied; a grid fine for the narrow peaks): a density, not counts.
    const mass = particles!.slice(1).reduce((sum, point, n) => sum + (point[0] - particles![n]![0]) * point[1], 0);
    expect(mass).toBeCloseTo(1, 1);
    expect(gaussian!.length).toBe(3000);
  });

  it('draws a mixture run, or a particle run whose particles have not arrived, from its mixture', () => {
    for (const posterior of [run('gmki-robust', twoModes()), run('eks', null)]) {
      expect(drawnFromSamples(posterior)).toBe(false);
      const drawn = compareRunOn(posterior, ['a', 'b']);
      expect(drawn.points).toBeUndefined();
      expect(Array.from(drawn.mixture.means)).toEqual([0, 1]);
    }
  });

  it('names the run and the parameter it lacks', () => {
    expect(() => compareRunOn(run('smc', twoModes()), ['z'])).toThrow('smc run has no parameter z.');
  });
});

describe('overlayPair with particles', () => {
  it('draws a particle run as one scatter of all its particles and a mixture run as ellipses', () => {
    const chart = overlayPair([compareRunOn(run('smc', twoModes()), ['a', 'b']), compareRunOn(run('gmki-robust', null), ['a', 'b'])], 0, 1);
    const series = chart.series as { type: string; name: string; data: unknown[] }[];
    expect(series.map((one) => [one.type, one.name])).toEqual([
      ['scatter', 'smc run'],
      ['line', 'gmki-robust run'],
    ]);
    expect(series[0]!.data).toHaveLength(600);
    expect(series[1]!.data.length % 74).toBe(0);
  });
});
