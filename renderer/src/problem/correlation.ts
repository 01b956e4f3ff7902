/**
 * The optional prior correlation matrix (problem-format.md §1: `priorCorrelation`, symmetric,
 * unit diagonal, positive definite): edits that keep it in step with the parameter list, and the
 * checks the grid editor shows while the user types.
 */

export type Matrix = number[][];

export function identityMatrix(d: number): Matrix {
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
}

/** The matrix for d parameters: the old entries where they exist, 0 off and 1 on the diagonal elsewhere. */
export function resizeCorrelation(matrix: readonly (readonly number[])[], d: number): Matrix {
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : (matrix[i]?.[j] ?? 0))));
}

/** Without the row and column of parameter k (the parameter was removed). */
export function removeFromCorrelation(matrix: readonly (readonly number[])[], k: number): Matrix {
  return matrix.filter((_, i) => i !== k).map((row) => row.filter((_, j) => j !== k));
}

/** Parameters a and b swapped (a row moved up or down). */
export function swapInCorrelation(matrix: readonly (readonly number[])[], a: number, b: number): Matrix {
  const order = matrix.map((_, i) => (i === a ? b : i === b ? a : i));
  return order.map((i) => order.map((j) => matrix[i]![j]!));
}

/** ρ_ij = ρ_ji = value. */
export function setCorrelation(matrix: readonly (readonly number[])[], i: number, j: number, value: number): Matrix {
  const next = matrix.map((row) => [...row]);
  next[i]![j] = value;
  next[j]![i] = value;
  return next;
}

/** True when A = LLᵀ exists with a positive diagonal. */
export function isPositiveDefinite(matrix: readonly (readonly number[])[]): boolean {
  const n = matrix.length;
  const l: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(sum > 1e-12)) return false;
        l[i]![i] = Math.sqrt(sum);
      } else l[i]![j] = sum / l[j]![j]!;
    }
  }
  return true;
}

/**
 * What is wrong with the matrix, in sentences naming the parameters; empty when it is a valid
 * correlation matrix. Entries that are not numbers are reported before the definiteness check.
 */
export function correlationProblems(matrix: readonly (readonly unknown[])[], names: readonly string[]): string[] {
  const problems: string[] = [];
  const label = (i: number) => names[i] || `parameter ${i + 1}`;
  for (let i = 0; i < matrix.length; i++) {
    for (let j = i + 1; j < matrix.length; j++) {
      const value = matrix[i]?.[j];
      if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`ρ(${label(i)}, ${label(j)}): expected a number, got ${JSON.stringify(value ?? '')}`);
      else if (!(Math.abs(value) < 1)) problems.push(`ρ(${label(i)}, ${label(j)}): expected −1 < ρ < 1, got ${value}`);
    }
  }
  if (problems.length === 0 && !isPositiveDefinite(matrix as number[][])) {
    problems.push('These correlations cannot hold together (the matrix is not positive definite): make the largest ones smaller.');
  }
  return problems;
}
