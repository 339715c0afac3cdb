"""Weighted logistic regression by gradient descent, with optional sign constraints.

The small models newsfaq ships (the ``ask`` verifier, the audit's verdict) are fitted with it, so
that their weights are plain ``{feature: weight}`` dicts the package reads from JSON.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

Row = tuple[dict[str, float], float, float]
"""(features, 1.0 for the positive class else 0.0, weight of the row)."""


def fit_logistic(
    rows: Sequence[Row],
    *,
    sign: Callable[[str], int] | None = None,
    l2: float = 1e-3,
    steps: int = 3000,
    rate: float = 0.5,
) -> dict[str, float]:
    """Weights of a logistic model fitted on ``rows``; ``sign(name)`` > 0 keeps a weight >= 0,
    < 0 keeps it <= 0, 0 leaves it free."""
    names = sorted({k for f, _, _ in rows for k in f})
    x = np.array([[f.get(k, 0.0) for k in names] for f, _, _ in rows])
    y = np.array([lab for _, lab, _ in rows])
    sw = np.array([wt for _, _, wt in rows])
    signs = np.array([sign(k) if sign else 0 for k in names])
    w = np.zeros(len(names))
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        w -= rate * (x.T @ (sw * (p - y)) / sw.sum() + l2 * w)
        w = np.where(signs > 0, np.maximum(w, 0.0), np.where(signs < 0, np.minimum(w, 0.0), w))
    return {k: round(float(v), 4) for k, v in zip(names, w, strict=True)}
