/**
 * DF-GMVI's derivative-free estimates of the potential Φ (Φ = −log of the target, up to a
 * constant) around one Gaussian component N(m, S Sᵀ), from its values at the 2d+1 sigma points
 * x_0 = m, x_i = m + c·S e_i, x_{d+i} = m − c·S e_i (the order of core/gmki/sigmaPoints.ts), S a
 * square root of the covariance (DF_GMVI.jl's `compute_sqrt_matrix`: the Cholesky factor, or
 * U Λ^½ from the eigendecomposition, its "SVD" option). Both estimates work in the whitened
 * coordinates ξ (x = m + S ξ) and map back with W = S⁻¹: ∇Φ = Wᵀ g, ∇²Φ = Wᵀ H W.
 *
 * - `leastSquaresPotential`: Φ = ½‖F‖² with a residual vector F (a model with observations),
 *   exactly `compute_expectation_BIP` of DF_GMVI.jl's QuadratureRule.jl: with
 *   a_i = (F_i + F_{d+i} − 2F_0)/(2c²), b_i = (F_i − F_{d+i})/(2c), c₀ = F_0:
 *   Φ(m) = ½‖c₀‖², g_i = b_i·c₀, H = diag(6‖a_i‖²) + [b_i·b_j] (positive semi-definite).
 * - `scalarPotential`: Φ itself, one number per point (a log-density model, which gives no F):
 *   central differences along each whitened axis, g_i = (Φ_i − Φ_{d+i})/(2c) and
 *   H = diag(max(0, (Φ_i + Φ_{d+i} − 2Φ_0)/c²)). The negative part of the curvature is dropped,
 *   as the least-squares estimate keeps only its positive semi-definite part: with it the
 *   covariance update stays positive definite (dfgmvi.ts). The off-diagonal curvature in ξ is
 *   not seen (2d+1 points cannot see it): in a fixed frame that is a spurious fixed point — a
 *   covariance that starts diagonal stays diagonal on a correlated Gaussian target (measured),
 *   and a Cholesky frame tilted every component of the Gaussian-mixture benchmark to ρ ≈ 0.4.
 *   dfgmvi therefore takes S = L Q with a fresh random rotation Q each iteration: averaged over
 *   rotations the estimate is (2M + tr M·I)/(d + 2) in the frame where M = Sᵀ∇²Φ S, whose only
 *   fixed point is M = I, i.e. C = (∇²Φ)⁻¹ — where every frame is exact, so the noise vanishes
 *   at convergence on a Gaussian target.
 */

/** Φ(m), ∇Φ and ∇²Φ of one component (d, d×d). */
export interface PotentialEstimate {
  readonly value: number;
  readonly gradient: Float64Array;
  readonly hessian: Float64Array;
}

/**
 * @param values (2d+1) values of Φ at the sigma points
 * @param inverseRoot W = S⁻¹ (d×d), @param spread c
 */
export function scalarPotential(values: ArrayLike<number>, inverseRoot: Float64Array, nTheta: number, spread: number): PotentialEstimate {
  const d = nTheta;
  const g = new Float64Array(d);
  const curvature = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    const plus = values[1 + i];
    const minus = values[1 + d + i];
    g[i] = (plus - minus) / (2 * spread);
    curvature[i] = Math.max(0, (plus + minus - 2 * values[0]) / (spread * spread));
  }
  const h = new Float64Array(d * d);
  for (let i = 0; i < d; i++) h[i * d + i] = curvature[i];
  return { value: values[0], ...toParameterSpace(g, h, inverseRoot, d) };
}

/**
 * @param residuals (2d+1)×n_F residual vectors F at the sigma points, row-major
 * @param inverseRoot W = S⁻¹ (d×d), @param spread c
 */
export function leastSquaresPotential(residuals: Float64Array, nResiduals: number, inverseRoot: Float64Array, nTheta: number, spread: number): PotentialEstimate {
  const d = nTheta;
  const n = nResiduals;
  const at = (point: number, o: number): number => residuals[point * n + o];
  const a = new Float64Array(d * n);
  const b = new Float64Array(d * n);
  for (let i = 0; i < d; i++) {
    for (let o = 0; o < n; o++) {
      const plus = at(1 + i, o);
      const minus = at(1 + d + i, o);
      a[i * n + o] = (plus + minus - 2 * at(0, o)) / (2 * spread * spread);
      b[i * n + o] = (plus - minus) / (2 * spread);
    }
  }
  let value = 0;
  for (let o = 0; o < n; o++) value += 0.5 * at(0, o) * at(0, o);
  const g = new Float64Array(d);
  const h = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let o = 0; o < n; o++) g[i] += b[i * n + o] * at(0, o);
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let o = 0; o < n; o++) sum += b[i * n + o] * b[j * n + o];
      h[i * d + j] = sum;
      h[j * d + i] = sum;
    }
    let aa = 0;
    for (let o = 0; o < n; o++) aa += a[i * n + o] * a[i * n + o];
    h[i * d + i] += 6 * aa;
  }
  return { value, ...toParameterSpace(g, h, inverseRoot, d) };
}

/** (Wᵀ g, Wᵀ H W), exactly symmetric. */
function toParameterSpace(g: Float64Array, h: Float64Array, inverseRoot: Float64Array, d: number): { gradient: Float64Array; hessian: Float64Array } {
  const w = inverseRoot;
  const gradient = new Float64Array(d);
  for (let r = 0; r < d; r++) for (let i = 0; i < d; i++) gradient[r] += w[i * d + r] * g[i];
  const hw = new Float64Array(d * d); // H W
  for (let i = 0; i < d; i++) for (let c = 0; c < d; c++) for (let k = 0; k < d; k++) hw[i * d + c] += h[i * d + k] * w[k * d + c];
  const hessian = new Float64Array(d * d);
  for (let r = 0; r < d; r++) {
    for (let c = 0; c <= r; c++) {
      let sum = 0;
      for (let i = 0; i < d; i++) sum += w[i * d + r] * hw[i * d + c];
      hessian[r * d + c] = sum;
      hessian[c * d + r] = sum;
    }
  }
  return { gradient, hessian };
}
