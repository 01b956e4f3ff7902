/** Log-weight normalisation and the weight floor (`gmki-algorithm.md` §3e). */
import { logSumExp } from '../linalg/dense';

/**
 * Normalises log-weights with log-sum-exp, then floors the weights at `minWeight`: every weight
 * below it becomes minWeight and the others are rescaled to share 1 − |S|·minWeight, so the
 * total is exactly 1 up to round-off (§3e, the post-September-2024 rule of GMKI.jl).
 * One pass, as GMKI.jl: the rescaling factor is below 1, so a weight just above the floor can end
 * below it — never below minWeight·(1 − |S|·minWeight). gmki-robust repeats the clip until the
 * floor holds (robust/weights.ts); gmki-paper keeps the paper's rule.
 * @param logWeights K unnormalised log-weights (−∞ allowed; not all −∞)
 * @returns K normalised log-weights
 */
export function normalizeAndClipWeights(logWeights: Float64Array, minWeight: number): Float64Array {
  const total = logSumExp(logWeights);
  const weights = Float64Array.from(logWeights, (l) => Math.exp(l - total));
  let nClipped = 0;
  let unclippedMass = 0;
  for (let k = 0; k < weights.length; k++) {
    if (weights[k] < minWeight) nClipped++;
    else unclippedMass += weights[k];
  }
  if (nClipped > 0) {
    const scale = (1 - nClipped * minWeight) / unclippedMass;
    for (let k = 0; k < weights.length; k++) weights[k] = weights[k] < minWeight ? minWeight : weights[k] * scale;
  }
  return Float64Array.from(weights, Math.log);
}
