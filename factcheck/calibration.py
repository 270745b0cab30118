"""Per-model logistic calibration of 'does this article state the claim?' from (best score, contrast, rivalled)."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from importlib import resources

CALIBRATION_FILE = "calibration.json"


@dataclass(frozen=True)
class Calibration:
    """p(mentioned) = sigmoid(w_best * best + w_contrast * contrast + w_rivalled * rivalled + bias).

    `rivalled` is the best score once the other claims' share of the evidence is taken out
    (match.rivalled_scores); without other claims it equals `best`."""

    model: str
    w_best: float
    w_contrast: float
    bias: float
    w_rivalled: float = 0.0
    threshold: float = 0.5
    source: str = ""
    metrics: dict = field(default_factory=dict, compare=False, hash=False)

    def probability(self, best: float, contrast: float, rivalled: float | None = None) -> float:
        rivalled = best if rivalled is None else rivalled
        z = self.w_best * best + self.w_contrast * contrast + self.w_rivalled * rivalled + self.bias
        return 1.0 / (1.0 + math.exp(-z))

    def probabilities(self, best, contrast, rivalled=None):
        """probability() over numpy arrays."""
        import numpy as np

        best = np.asarray(best)
        rivalled = best if rivalled is None else np.asarray(rivalled)
        z = self.w_best * best + self.w_contrast * np.asarray(contrast) + self.w_rivalled * rivalled + self.bias
        return 1.0 / (1.0 + np.exp(-z))

    def to_dict(self) -> dict:
        return asdict(self)


def shipped_calibrations() -> dict[str, Calibration]:
    """Calibrations fitted by bench/calibrate.py and shipped in the package, keyed by model family."""
    raw = json.loads(resources.files("factcheck").joinpath(CALIBRATION_FILE).read_text("utf-8"))
    return {key: Calibration(**value) for key, value in raw.items()}


def calibration_for(identity: str, table: dict[str, Calibration] | None = None) -> Calibration | None:
    """The calibration of the model family (`identity` without its version), if one was fitted."""
    table = shipped_calibrations() if table is None else table
    return table.get(identity.split("@", 1)[0])


def fit(features: list[tuple[float, float, float]], labels: list[int], weights: list[float],
        model: str, source: str) -> Calibration:
    """Fit the three weights and the bias with scikit-learn's logistic regression, classes balanced."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=10.0, class_weight="balanced", max_iter=1000)
    clf.fit(features, labels, sample_weight=weights)
    (w_best, w_contrast, w_rivalled), bias = clf.coef_[0], clf.intercept_[0]
    return Calibration(model.split("@", 1)[0], round(float(w_best), 4), round(float(w_contrast), 4),
                       round(float(bias), 4), round(float(w_rivalled), 4), 0.5, source)
