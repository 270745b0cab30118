"""Editors' reviews of findings in reviews.yaml beside claims.yaml: a review holds while the evidence is unchanged."""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

import yaml

from factcheck.inputs.files import MAX_YAML_BYTES, InputFileError, read_regular
from factcheck.inputs.yamlnodes import NodeReader
from factcheck.records import Problem, ProblemsError
from factcheck.results import Review

REVIEW_KEYS = ("claim", "fingerprint", "by", "at", "note")
FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")


class ReviewsError(ProblemsError):
    """reviews.yaml cannot be used; carries every problem found."""


def load_reviews(path: Path, claim_ids: frozenset[str] | None = None) -> list[Review]:
    """Reviews from `path`; a missing file is no reviews. Raise ReviewsError listing every problem: a review
    unblocks a finding, so one that names no claim of `claim_ids`, nobody, no date, or a claim twice is refused."""
    if not os.path.lexists(path):
        return []
    reader = NodeReader(str(path))
    try:
        root = reader.compose(read_regular(path, MAX_YAML_BYTES).decode("utf-8"))
    except InputFileError as exc:
        raise ReviewsError([Problem(str(path), None, None, str(exc))]) from None
    except UnicodeDecodeError as exc:
        raise ReviewsError([Problem(str(path), None, None, f"not UTF-8 text (byte {exc.start})")]) from None
    if reader.problems:
        raise ReviewsError(reader.problems)
    top = reader.mapping(root, "", ("reviews",), required=("reviews",))
    reviews, seen = [], {}
    for i, node in enumerate(reader.sequence(top.get("reviews"), "reviews", "a list of reviews")):
        where = f"reviews[{i}]"
        review = _review(reader, node, where)
        if review is None:
            continue
        line = node.start_mark.line + 1
        if review.claim in seen:
            first = seen[review.claim]
            reader.error(node, f"{where}.claim", f"{review.claim!r} is reviewed twice (first on line {first})")
        elif claim_ids is not None and review.claim not in claim_ids:
            reader.error(node, f"{where}.claim", f"names no claim of the claims file: {review.claim!r}")
        seen[review.claim] = line
        reviews.append(review)
    if reader.problems:
        raise ReviewsError(reader.problems)
    return reviews


def _review(reader: NodeReader, node, where: str) -> Review | None:
    fields = reader.mapping(node, where, REVIEW_KEYS, required=("claim", "fingerprint", "by", "at"))
    values = {key: reader.string(fields.get(key), f"{where}.{key}") for key in REVIEW_KEYS}
    if values["fingerprint"] is not None and not FINGERPRINT.fullmatch(values["fingerprint"]):
        reader.error(
            fields["fingerprint"], f"{where}.fingerprint", "expected 16 hex digits, as written by 'factcheck review'"
        )
        return None
    if values["by"] is not None and not values["by"].strip():
        reader.error(fields["by"], f"{where}.by", "is empty; name who reviewed it")
        return None
    if values["at"] is not None and not _is_date(values["at"]):
        reader.error(fields["at"], f"{where}.at", f"expected a date and time (ISO 8601), got {values['at']!r}")
        return None
    if None in (values["claim"], values["fingerprint"], values["by"], values["at"]):
        return None
    return Review(values["claim"], values["fingerprint"], values["by"], values["at"], values["note"] or "")


def _is_date(text: str) -> bool:
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


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
