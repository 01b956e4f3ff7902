"""Forward model of the Darcy flow example (gmki-algorithm.md §5.5), in Python with NumPy and
SciPy: the same model as gmki's built-in "darcy-2d", written independently (sparse assembly and
SciPy's sparse direct solver instead of the built-in's banded Cholesky), so either checks the other.

    -div(kappa grad p) = f on [0, 1]^2,  p = 0 on the boundary,  f(x1, x2) = 1000 sin(4 pi x2)
    log kappa = sum_l theta_l sqrt(lambda_l) phi_l,  lambda_l = (pi^2 |l|^2 + tau^2)^-2,  tau = 3

Output: the pressure at the 7x7 nodes 10, 20, ..., 70 (1-based) of the 80x80 grid, averaged
with its mirror image in x1 (rows a and 8 - a), 28 numbers with x1 fastest.

gmki starts this program ("command": ["python3", "model.py"]) once per parallel slot and keeps it
running; serve() answers its requests. Try it by hand (from this folder):
    echo '{"id": 1, "theta": [0, ...128 numbers...]}' | PYTHONPATH=../../python python3 model.py
"""
import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.linalg import spsolve

from gmki_model import serve

N = 80  # nodes per axis, boundary included: x_i = i / 79
MODES = 128
TAU = 3.0
OBSERVED = np.arange(10, 71, 10) - 1  # 0-based indices of the 1-based nodes 10, 20, ..., 70

x = np.arange(N) / (N - 1)


def mode_pairs(count=MODES):
    """KL pairs (l1, l2) != (0, 0) sorted by l1^2 + l2^2, ties by l1 ascending (a contract:
    theta_l belongs to the l-th pair of this list)."""
    pairs = [(l1, l2) for l1 in range(18) for l2 in range(18) if (l1, l2) != (0, 0)]
    pairs.sort(key=lambda pair: (pair[0] ** 2 + pair[1] ** 2, pair[0]))
    return pairs[:count]


def _basis():
    """sqrt(lambda_l) phi_l on the grid, shape (MODES, N, N), indexed [l, i1, i2]."""
    fields = np.empty((MODES, N, N))
    for l, (l1, l2) in enumerate(mode_pairs()):
        if l2 == 0:
            phi = np.sqrt(2) * np.outer(np.cos(np.pi * l1 * x), np.ones(N))
        elif l1 == 0:
            phi = np.sqrt(2) * np.outer(np.ones(N), np.cos(np.pi * l2 * x))
        else:
            phi = 2 * np.outer(np.cos(np.pi * l1 * x), np.cos(np.pi * l2 * x))
        fields[l] = (np.pi ** 2 * (l1 ** 2 + l2 ** 2) + TAU ** 2) ** -1.0 * phi  # sqrt of the ^-2
    return fields


BASIS = _basis()


def log_permeability(theta):
    """log kappa on the grid, shape (N, N), indexed [i1, i2]."""
    return np.tensordot(np.asarray(theta, dtype=float), BASIS, axes=1)


def pressure(log_kappa):
    """Five-point finite differences, face conductivity = mean of the two nodal kappa, p = 0 on
    the boundary; the (N-2)^2 interior unknowns numbered with x1 fastest. Shape (N, N)."""
    kappa = np.exp(log_kappa)
    m = N - 2
    h = 1.0 / (N - 1)
    centre = kappa[1:-1, 1:-1]
    # Face conductivities of every interior node, shape (m, m), indexed [i1 - 1, i2 - 1].
    faces = {
        (-1, 0): (centre + kappa[:-2, 1:-1]) / 2,
        (1, 0): (centre + kappa[2:, 1:-1]) / 2,
        (0, -1): (centre + kappa[1:-1, :-2]) / 2,
        (0, 1): (centre + kappa[1:-1, 2:]) / 2,
    }
    a, b = np.meshgrid(np.arange(m), np.arange(m), indexing="ij")
    row = a + m * b
    rows, cols, vals = [row.ravel()], [row.ravel()], [sum(faces.values()).ravel()]
    for (d1, d2), face in faces.items():
        inside = (0 <= a + d1) & (a + d1 < m) & (0 <= b + d2) & (b + d2 < m)
        rows.append(row[inside])
        cols.append((row + d1 + m * d2)[inside])
        vals.append(-face[inside])
    operator = coo_matrix(
        (np.concatenate(vals) / h ** 2, (np.concatenate(rows), np.concatenate(cols))), shape=(m * m, m * m)
    ).tocsc()
    source = 1000.0 * np.sin(4 * np.pi * x[1:-1])[np.newaxis, :] * np.ones((m, 1))  # [i1, i2]: f depends on x2
    interior = spsolve(operator, source.flatten(order="F"))
    p = np.zeros((N, N))
    p[1:-1, 1:-1] = interior.reshape((m, m), order="F")
    return p


def observations(p):
    """p at OBSERVED x OBSERVED, x1-rows a and 6 - a averaged (a = 0..3), x1 fastest."""
    grid = p[np.ix_(OBSERVED, OBSERVED)]
    mirrored = (grid[:4, :] + grid[::-1, :][:4, :]) / 2
    return mirrored.flatten(order="F")


def forward(theta):
    if len(theta) != MODES:
        raise ValueError("expected %d parameters, got %d" % (MODES, len(theta)))
    return observations(pressure(log_permeability(theta)))


if __name__ == "__main__":
    serve(forward)
