// Compare's distance table (compare/distances.ts): each run against the reference on the common
// parameters, in the reference's standard deviations; the reference's own halves as the noise.
import { describe, expect, it } from 'vitest';
import { createRandomStream } from '../../../core/random/random';
import { defaultReference, distanceTable, type DistanceInput } from '../../../renderer/src/compare/distances';

function run(id: string, names: string[], rows: number[][]): DistanceInput {
  const d = names.length;
  const samples = new Float64Array(rows.length * d);
  rows.forEach((row, n) => samples.set(row, n * d));
  return { id, names, samples: { samples, count: rows.length, d, iteration: 1, particles: null } };
}

const random = createRandomStream(3, 'test');
const normals = Array.from({ length: 2000 }, () => random.normal());

describe('distanceTable', () => {
  it('gives the reference 0 and a run shifted by δ on one parameter |δ|/σ_ref in the sliced distance', () => {
    const reference = run(
      'ref',
      ['a'],
      normals.map((z) => [2 * z]),
    );
    const shifted = run(
      'b',
      ['a'],
      normals.map((z) => [2 * z + 1]),
    );
    const table = distanceTable([shifted, reference], 'ref', ['a']);
    expect(table.rows.map((row) => row.id)).toEqual(['b', 'ref']);
    expect(table.rows[1]).toEqual({ id: 'ref', sliced: 0, marginalL1: 0 });
    const sigma = Math.sqrt(normals.reduce((s, z) => s + 4 * z * z, 0) / 2000 - (normals.reduce((s, z) => s + 2 * z, 0) / 2000) ** 2);
    expect(table.rows[0]!.sliced).toBeCloseTo(1 / sigma, 10);
    expect(table.rows[0]!.marginalL1).toBeGreaterThan(0.3);
  });

  it('measures on the common parameters only, whatever each run’s order, and says which', () => {
    const reference = run(
      'ref',
      ['a', 'b'],
      normals.map((z, n) => [z, normals[(n + 1) % 2000]!]),
    );
    const reordered = run(
      'c',
      ['x', 'b', 'a'],
      normals.map((z, n) => [99, normals[(n + 1) % 2000]!, z]),
    );
    const table = distanceTable([reference, reordered], 'ref', ['a', 'b']);
    expect(table.parameters).toEqual(['a', 'b']);
    expect(table.rows[1]).toEqual({ id: 'c', sliced: 0, marginalL1: 0 });
  });

  it('gives as noise the distance between the reference’s two halves: small for a smooth sample, and above 0', () => {
    const reference = run(
      'ref',
      ['a'],
      normals.map((z) => [z]),
    );
    const { noise } = distanceTable([reference], 'ref', ['a']);
    expect(noise.sliced).toBeGreaterThan(0);
    expect(noise.sliced).toBeLessThan(0.15);
    expect(noise.marginalL1).toBeLessThan(0.3);
  });

  it('refuses a reference that is not compared, or a run without a common parameter', () => {
    const a = run('a', ['a'], [[1], [2]]);
    expect(() => distanceTable([a], 'gone', ['a'])).toThrow(/no run gone/);
    expect(() => distanceTable([a, run('b', ['z'], [[1]])], 'a', ['a'])).toThrow(/run b has no parameter a/);
  });
});

describe('defaultReference', () => {
  const runs = [
    { id: 'g', method: 'gmki-robust' },
    { id: 'e', method: 'eks' },
    { id: 's', method: 'smc' },
  ];
  it('takes the run asked for, else the smc run, else the first', () => {
    expect(defaultReference(runs, 'e')).toBe('e');
    expect(defaultReference(runs, 'gone')).toBe('s');
    expect(defaultReference(runs.slice(0, 2), null)).toBe('g');
    expect(defaultReference([], null)).toBeNull();
  });
});
