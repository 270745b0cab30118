"""Editors' reviews of findings, kept in reviews.yaml beside claims.yaml: a review holds while the evidence is unchanged."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from factcheck.problems import Problem, ProblemsError
from factcheck.verdict import ClaimResult
from factcheck.yamlnodes import NodeReader

REVIEW_KEYS = ("claim", "fingerprint", "by", "at", "note")
FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")


class ReviewsError(ProblemsError):
    """reviews.yaml cannot be used; carries every problem found."""


@dataclass(frozen=True)
class Review:
    claim: str
    fingerprint: str
    by: str
    at: str
    note: str = ""

    def to_dict(self) -> dict:
        return {"claim": self.claim, "fingerprint": self.fingerprint, "by": self.by, "at": self.at,
                "note": self.note}


def fingerprint(result: ClaimResult) -> str:
    """Changes whenever what an article says for the claim changes: its evidence, version or differences."""
    parts = sorted(f"{e.article}\x1f{e.version}\x1f{e.text}" for e in result.mentioning)
    parts += sorted(d.explanation for d in result.differences)
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()[:16]


def apply_reviews(results: tuple[ClaimResult, ...], reviews: list[Review]) -> tuple[ClaimResult, ...]:
    """Attach to each result the review made for its current evidence, if any."""
    by_key = {(r.claim, r.fingerprint): r for r in reviews}
    reviewed = {r.claim for r in reviews}
    return tuple(replace(r, review=by_key.get((r.claim.id, fingerprint(r)))) if r.claim.id in reviewed else r
                 for r in results)


def load_reviews(path: Path) -> list[Review]:
    """Reviews from `path`; a missing file is no reviews. Raise ReviewsError listing every problem."""
    if not path.exists():
        return []
    reader = NodeReader(str(path))
    try:
        root = reader.compose(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewsError([Problem(str(path), None, None, f"cannot be read: {exc}")]) from None
    if reader.problems:
        raise ReviewsError(reader.problems)
    top = reader.mapping(root, "", ("reviews",), required=("reviews",))
    reviews = [_review(reader, node, f"reviews[{i}]")
               for i, node in enumerate(reader.sequence(top.get("reviews"), "reviews", "a list of reviews"))]
    if reader.problems:
        raise ReviewsError(reader.problems)
    return [r for r in reviews if r is not None]


def _review(reader: NodeReader, node, where: str) -> Review | None:
    fields = reader.mapping(node, where, REVIEW_KEYS, required=("claim", "fingerprint", "by", "at"))
    values = {key: reader.string(fields.get(key), f"{where}.{key}") for key in REVIEW_KEYS}
    if values["fingerprint"] is not None and not FINGERPRINT.match(values["fingerprint"]):
        reader.error(fields["fingerprint"], f"{where}.fingerprint", "expected 16 hex digits, as written by 'factcheck review'")
        return None
    if None in (values["claim"], values["fingerprint"], values["by"], values["at"]):
        return None
    return Review(values["claim"], values["fingerprint"], values["by"], values["at"], values["note"] or "")


def with_review(reviews: list[Review], review: Review) -> list[Review]:
    """The reviews with `review` added, replacing any older review of the same claim."""
    return sorted([r for r in reviews if r.claim != review.claim] + [review], key=lambda r: r.claim)


def render_reviews(reviews: list[Review]) -> str:
    header = ("# Reviews of factcheck findings, written by `factcheck review CLAIM`.\n"
              "# A review applies while the claim's evidence has this fingerprint; edit notes freely.\n")
    return header + yaml.safe_dump({"reviews": [r.to_dict() for r in reviews]}, allow_unicode=True,
                                   sort_keys=False, width=100)
