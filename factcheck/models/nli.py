"""Optional NLI stage: a sentence-transformers CrossEncoder scores whether two pieces of evidence contradict."""

from __future__ import annotations

from pathlib import Path

from factcheck.models.embed import ModelError
from factcheck.models.st import hub_downloads_allowed

DEFAULT_THRESHOLD = 0.5


class NliChecker:
    """Contradiction probabilities for text pairs, from any local or cached NLI cross-encoder."""

    def __init__(self, name_or_path: str, threshold: float = DEFAULT_THRESHOLD):
        online = hub_downloads_allowed()
        try:
            from sentence_transformers import CrossEncoder
        except ImportError as exc:
            raise ModelError(
                f"the NLI stage needs sentence-transformers ({exc}): pip install 'factcheck[sentence-transformers]'"
            ) from None
        location = str(Path(name_or_path).expanduser()) if Path(name_or_path).expanduser().exists() else name_or_path
        try:
            self._model = CrossEncoder(location, device="cpu", local_files_only=not online)
        except Exception as exc:  # the library raises many types (OSError, ValueError, HF errors)
            raise ModelError(
                f"cannot load NLI model {name_or_path!r}: {str(exc).splitlines()[0] if str(exc) else exc}"
            ) from None
        self._column = contradiction_column(self._model.model.config.id2label)
        self.name = name_or_path
        self.threshold = threshold

    def contradiction(self, pairs: list[tuple[str, str]]) -> list[float]:
        """P(contradiction) of each (premise, hypothesis) pair, taking the larger of both directions."""
        if not pairs:
            return []
        both = pairs + [(b, a) for a, b in pairs]
        probs = self._model.predict(both, apply_softmax=True, show_progress_bar=False)[:, self._column]
        return [float(max(p, q)) for p, q in zip(probs[: len(pairs)], probs[len(pairs) :])]


def contradiction_column(id2label: dict) -> int:
    """Which output of an NLI head is 'contradiction' (models order their labels differently)."""
    for index, label in id2label.items():
        if "contradict" in str(label).lower():
            return int(index)
    raise ModelError(f"the NLI model has no 'contradiction' label (labels: {', '.join(map(str, id2label.values()))})")
