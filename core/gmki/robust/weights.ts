/** Weight normalisation with a floor that holds exactly, for gmki-robust. */
import { logSumExp } from '../../linalg/dense';

/**
 * Normalises log-weights and floors the weights at `minWeight`, like normalizeAndClipWeights
 * (§3e), but repeats the clip until no weight is below the floor: the paper's single pass
 * rescales the unclipped weights by (1 − |S|·w_min)/Σ, which can push a weight that was just
 * above w_min below it (a split halving a near-floor weight does exactly that). At most K passes.
 * @param logWeights K unnormalised log-weights (−∞ allowed; not all −∞)
 * @returns K normalised log-weights, each ≥ log(minWeight) up to round-off, Σ exp = 1
 */
export function normalizeWithFloor(logWeights: Float64Array, minWeight: number): Float64Array {
  const total = logSumExp(logWeights);
  const weights = Float64Array.from(logWeights, (l) => Math.exp(l - total));
  const clipped = new Uint8Array(weights.length);
  for (let pass = 0; pass < weights.length; pass++) {
    let nClipped = 0;
    let freeMass = 0;
    let changed = false;
    for (let k = 0; k < weights.length; k++) {
      if (!clipped[k] && weights[k] < minWeight) {
        clipped[k] = 1;
        changed = true;
      }
      if (clipped[k]) nClipped++;
      else freeMass += weights[k];
    }
    if (!changed) break;
    const scale = (1 - nClipped * minWeight) / freeMass;
    for (let k = 0; k < weights.length; k++) weights[k] = clipped[k] ? minWeight : weights[k] * scale;
  }
  return Float64Array.from(weights, Math.log);
}
