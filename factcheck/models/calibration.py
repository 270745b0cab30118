"""Per-model calibration of 'does this article state the claim?': a logistic model of named features for each
scope (claims of a story, claims checked everywhere), fitted by bench/calibrate.py and shipped as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from importlib import resources

import numpy as np

CALIBRATION_FILE = "calibration.json"
FEATURES = (
    "best",
    "contrast",
    "same_language",
    "overlap_same",
    "overlap_cross",
    "name_swap",
    "coverage",
    "rival",
    "specific",
    "aligned",
)


@dataclass(frozen=True)
class Scope:
    """p = sigmoid(sum of weights[f] * feature f + bias); stated when p >= threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def logits(self, features: dict[str, np.ndarray]) -> np.ndarray:
        return (
            sum(self.weights[name] * np.asarray(features[name], dtype=np.float64) for name in self.weights) + self.bias
        )

    def probabilities(self, features: dict[str, np.ndarray]) -> np.ndarray:
        return _sigmoid(self.logits(features))


@dataclass(frozen=True)
class Calibration:
    """The mention decision of one model family. A claim of a story is checked in a few articles on its topic;
    a claim without one is checked in every article, most of them unrelated, and needs more to be stated
    (`everywhere`). Near misses (p from `near_miss` up to the threshold) have their best sentences' clauses
    looked at too."""

    model: str
    story: Scope
    everywhere: Scope
    near_miss: float
    source: str = ""
    metrics: dict = field(default_factory=dict, compare=False, hash=False)
    # For claims checked everywhere, a second decision with their words aligned (core/veto.py), taken only where
    # the first says "stated": the words of every article of an archive cost too much, those of the few where a
    # claim is found do not.
    veto: Scope | None = None

    def probabilities(self, features: dict[str, np.ndarray], in_story: np.ndarray) -> np.ndarray:
        return _sigmoid(np.where(in_story, self.story.logits(features), self.everywhere.logits(features)))

    def upper_bounds(self, features: dict[str, np.ndarray], in_story: np.ndarray, open_: tuple[str, ...]) -> np.ndarray:
        """The highest probability each claim can reach whatever the features in `open_` (each in [0, 1]) turn
        out to be: those that cannot reach `near_miss` need not have them computed."""
        best = {}
        for name in open_:
            positive = np.where(in_story, self.story.weights.get(name, 0.0), self.everywhere.weights.get(name, 0.0)) > 0
            best[name] = positive.astype(float)
        return self.probabilities({**features, **best}, in_story)

    def weighs(self, feature: str) -> bool:
        """Whether either scope's decision uses `feature` (what it does not use need not be worked out)."""
        return feature in self.story.weights or feature in self.everywhere.weights

    def thresholds(self, in_story: np.ndarray) -> np.ndarray:
        return np.where(in_story, self.story.threshold, self.everywhere.threshold)

    def near_misses(self, probability: np.ndarray, in_story: np.ndarray) -> np.ndarray:
        return (probability >= self.near_miss) & (probability < self.thresholds(in_story))

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Calibration:
        scopes = {name: Scope(**data[name]) for name in ("story", "everywhere")}
        return cls(
            data["model"],
            scopes["story"],
            scopes["everywhere"],
            data["near_miss"],
            data.get("source", ""),
            data.get("metrics", {}),
            Scope(**data["veto"]) if data.get("veto") else None,
        )


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def shipped_calibrations() -> dict[str, Calibration]:
    """Calibrations fitted by bench/calibrate.py and shipped in the package, keyed by model family."""
    raw = json.loads(resources.files("factcheck.models").joinpath(CALIBRATION_FILE).read_text("utf-8"))
    return {key: Calibration.from_dict(value) for key, value in raw.items()}


def calibration_for(identity: str, table: dict[str, Calibration] | None = None) -> Calibration | None:
    """The calibration of the model family (`identity` without its version), if one was fitted."""
    table = shipped_calibrations() if table is None else table
    return table.get(identity.split("@", 1)[0])
