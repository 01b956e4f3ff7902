"""NumPy + BLAS reference of GMKI's exploration step (gmki-algorithm.md §3a), for `npm run bench`.

The same kernel and set-up as bench/exploration.ts: d = 128, N_s = 10⁴ standard-normal samples,
means 0.5·N(0, I), covariances (1 + 0.1k)·I, Δt = 0.5. For each component k: θ = m_k + L_k Ξ,
the Mahalanobis distance of every θ under every component (triangular solves), the tempered
responsibilities, then the weighted mean and covariance — written the way NumPy users write it
(BLAS does the O(K²·N_s·d²) work, on every core it is given). Prints one JSON line:
{"numpy": ..., "blas": ..., "seconds": {"3": s, "10": s}} (mean of 2 steps after a warm-up).
"""
import json
import sys
import time

import numpy as np
from scipy.linalg import solve_triangular

D, N_SAMPLES, DT = 128, 10_000, 0.5


def explore(xi, means, factors, log_weights):
    a = 1 - DT
    k_count = len(factors)
    log_dets = np.array([2 * np.log(np.diag(l)).sum() for l in factors])
    out = []
    for k in range(k_count):
        theta = means[k][:, None] + (factors[k] / np.sqrt(a)) @ xi
        log_terms = np.empty((k_count, xi.shape[1]))
        for i in range(k_count):
            z = solve_triangular(factors[i], theta - means[i][:, None], lower=True)
            log_terms[i] = log_weights[i] - 0.5 * log_dets[i] - 0.5 * (z * z).sum(0)
        top = log_terms.max(0)
        log_total = top + np.log(np.exp(log_terms - top).sum(0))
        s = np.exp(DT * (log_terms[k] - log_total))
        total = s.sum()
        mean = theta @ s / total
        centred = theta - mean[:, None]
        out.append((mean, (centred * s) @ centred.T / total, total))
    return out


def seconds_per_step(k_count):
    rng = np.random.default_rng(1)
    xi = rng.standard_normal((D, N_SAMPLES))
    means = 0.5 * rng.standard_normal((k_count, D))
    factors = [np.linalg.cholesky((1 + 0.1 * k) * np.eye(D)) for k in range(k_count)]
    log_weights = np.full(k_count, -np.log(k_count))
    explore(xi, means, factors, log_weights)
    start = time.perf_counter()
    for _ in range(2):
        explore(xi, means, factors, log_weights)
    return (time.perf_counter() - start) / 2


def blas_name():
    try:
        config = np.show_config(mode="dicts")
        blas = config["Build Dependencies"]["blas"]
        return f"{blas.get('name', '?')} {blas.get('version', '')}".strip()
    except Exception:  # older NumPy: no dict mode
        return "unknown BLAS"


if __name__ == "__main__":
    counts = [int(k) for k in sys.argv[1:]] or [3, 10]
    print(json.dumps({"numpy": np.__version__, "blas": blas_name(), "seconds": {str(k): seconds_per_step(k) for k in counts}}))
