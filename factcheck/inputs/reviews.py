"""Editors' reviews of findings in reviews.yaml beside claims.yaml: a review holds while the evidence is unchanged."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from factcheck.inputs.yamlnodes import NodeReader
from factcheck.records import Problem, ProblemsError, Review

REVIEW_KEYS = ("claim", "fingerprint", "by", "at", "note")
FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")


class ReviewsError(ProblemsError):
    """reviews.yaml cannot be used; carries every problem found."""


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
    reviews = [
        _review(reader, node, f"reviews[{i}]")
        for i, node in enumerate(reader.sequence(top.get("reviews"), "reviews", "a list of reviews"))
    ]
    if reader.problems:
        raise ReviewsError(reader.problems)
    return [r for r in reviews if r is not None]


def _review(reader: NodeReader, node, where: str) -> Review | None:
    fields = reader.mapping(node, where, REVIEW_KEYS, required=("claim", "fingerprint", "by", "at"))
    values = {key: reader.string(fields.get(key), f"{where}.{key}") for key in REVIEW_KEYS}
    if values["fingerprint"] is not None and not FINGERPRINT.match(values["fingerprint"]):
        reader.error(
            fields["fingerprint"], f"{where}.fingerprint", "expected 16 hex digits, as written by 'factcheck review'"
        )
        return None
    if None in (values["claim"], values["fingerprint"], values["by"], values["at"]):
        return None
    return Review(values["claim"], values["fingerprint"], values["by"], values["at"], values["note"] or "")


def with_review(reviews: list[Review], review: Review) -> list[Review]:
    """The reviews with `review` added, replacing any older review of the same claim."""
    return sorted([r for r in reviews if r.claim != review.claim] + [review], key=lambda r: r.claim)


def render_reviews(reviews: list[Review]) -> str:
    header = (
        "# Reviews of factcheck findings, written by `factcheck review CLAIM`.\n"
        "# A review applies while the claim's evidence has this fingerprint; edit notes freely.\n"
    )
    return header + yaml.safe_dump(
        {"reviews": [r.to_dict() for r in reviews]}, allow_unicode=True, sort_keys=False, width=100
    )
