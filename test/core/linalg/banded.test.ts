import { describe, expect, it } from 'vitest';
import { choleskyBandInPlace, bandIndex, solveCholeskyBandInPlace, zeroBandMatrix } from '../../../core/linalg/banded';
import { choleskyLower, NotPositiveDefiniteError } from '../../../core/linalg/dense';
import { createRandomStream } from '../../../core/random/random';

/** A random SPD matrix with half-bandwidth b (diagonally dominant), dense row-major and banded. */
function randomBandSpd(n: number, b: number, seed: number) {
  const random = createRandomStream(seed, 'banded-test');
  const dense = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = Math.max(0, i - b); j < i; j++) dense[i * n + j] = dense[j * n + i] = random.normal();
  }
  for (let i = 0; i < n; i++) {
    let offDiagonal = 0;
    for (let j = 0; j < n; j++) if (j !== i) offDiagonal += Math.abs(dense[i * n + j]);
    dense[i * n + i] = offDiagonal + 0.5 + random.uniform();
  }
  const band = zeroBandMatrix(n, b);
  for (let i = 0; i < n; i++) for (let j = Math.max(0, i - b); j <= i; j++) band.band[bandIndex(band, i, j)] = dense[i * n + j];
  return { dense, band };
}

describe('banded Cholesky', () => {
  it.each([
    [1, 0],
    [7, 1],
    [30, 4],
    [50, 49],
  ])('n = %i, b = %i: the factor equals the dense Cholesky factor inside the band', (n, b) => {
    const { dense, band } = randomBandSpd(n, b, n * 100 + b);
    const reference = choleskyLower(dense, n)!;
    choleskyBandInPlace(band, 'test matrix');
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        const expected = reference[i * n + j];
        if (j < i - b)
          expect(Math.abs(expected)).toBeLessThan(1e-12); // no fill outside the band
        else expect(band.band[bandIndex(band, i, j)]).toBeCloseTo(expected, 12);
      }
    }
  });

  it('solves A x = y to round-off', () => {
    const n = 40;
    const { dense, band } = randomBandSpd(n, 6, 7);
    const x = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) y[i] += dense[i * n + j] * x[j];
    choleskyBandInPlace(band, 'test matrix');
    const solved = solveCholeskyBandInPlace(band, y);
    for (let i = 0; i < n; i++) expect(solved[i]).toBeCloseTo(x[i], 12);
  });

  it('refuses a matrix that is not positive definite, naming it and the row', () => {
    const band = zeroBandMatrix(2, 1);
    band.band.set([0, 1, 2, 1]); // [[1, 2], [2, 1]]: eigenvalues 3 and −1
    expect(() => choleskyBandInPlace(band, 'the test operator')).toThrow(NotPositiveDefiniteError);
    expect(() => choleskyBandInPlace(zeroBandMatrix(3, 1), 'the zero matrix')).toThrow(/the zero matrix is not positive definite \(pivot 0 at row 0 of 3\)/);
  });
});
