"""Evidence of a claim in an article, and ArticleMatch: the few numbers per claim it is built from, as bytes."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from factcheck.core.versions import TOLD_BY
from factcheck.records import Article, Claim
from factcheck.results import Evidence

CONTEXT_BEFORE = 2  # sentences before the evidence where its speaker may be named


DECISION = np.dtype(
    [
        ("mentioned", "?"),
        ("first", "<i4"),
        ("last", "<i4"),
        ("focus", "<i4"),
        ("also", "<i4"),
        ("version", "<i4"),
        ("also_version", "<i4"),
        ("told_by", "u1"),  # what told `version` (versions.TOLD_BY)
        ("score", "<f8"),
        ("probability", "<f8"),
    ]
)


@dataclass(frozen=True)
class ArticleMatch:
    """Per claim checked in one article (in ClaimRows order), what matching decided, one DECISION row each.

    `first`/`last` index the article's sentences, `focus` which of them states the claim best (0 or 1), `also`
    a second place that states it too (-1: none); `version` indexes the claim's versions (-1: none told), and
    `also_version` the version the second place tells, `told_by` what told `version` (versions.TOLD_BY).
    `version_scores` holds, for each claim that tells a version, the score of every version of it, one after
    the other. Scores are rounded to 4 decimals, so a stored match reads back as it was made."""

    decisions: np.ndarray
    version_scores: np.ndarray

    @classmethod
    def of(
        cls, mentioned, first, last, focus, also, version, also_version, told_by, score, probability, version_scores
    ) -> ArticleMatch:
        decisions = np.zeros(len(mentioned), dtype=DECISION)
        for name, values in (
            ("mentioned", mentioned),
            ("first", first),
            ("last", last),
            ("focus", focus),
            ("also", also),
            ("version", version),
            ("also_version", also_version),
            ("told_by", told_by),
            ("score", score),
            ("probability", probability),
        ):
            decisions[name] = values
        return cls(decisions, np.asarray(version_scores, dtype=np.float64))

    def to_bytes(self) -> bytes:
        return self.decisions.tobytes() + self.version_scores.astype("<f8").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, claims: int) -> ArticleMatch:
        decisions = np.frombuffer(data, dtype=DECISION, count=claims)
        return cls(decisions, np.frombuffer(data, dtype="<f8", offset=decisions.nbytes))

    @classmethod
    def read_back(cls, data: bytes, claims: tuple[Claim, ...], sentences: int) -> ArticleMatch | None:
        """A stored match, if it can be one for these claims and this article; None for bytes that cannot (a
        damaged cache): the article is then matched afresh."""
        try:
            match = cls.from_bytes(data, len(claims))
        except ValueError:  # too short for the claims
            return None
        d = match.decisions
        versions = np.array([len(c.version_ids) for c in claims], dtype=np.int64)
        told = d["version"] >= 0
        sound = (
            (d["first"] >= 0)
            & (d["first"] <= d["last"])
            & (d["last"] < sentences)
            & np.isin(d["focus"], (0, 1))
            & (d["also"] >= -1)
            & (d["also"] < sentences)
            & (d["version"] >= -1)
            & (d["version"] < versions)
            & (d["also_version"] >= -1)
            & (d["also_version"] < versions)
            & (d["told_by"] < len(TOLD_BY))
            & np.isfinite(d["score"])
            & np.isfinite(d["probability"])
        )
        return match if sound.all() and len(match.version_scores) == versions[told].sum() else None


def build_evidence(
    match: ArticleMatch, claims: tuple[Claim, ...], article: Article, shared: dict[float, float] | None = None
) -> list[Evidence]:
    """The Evidence of every claim, in claim order, from a fresh or a stored ArticleMatch.

    An article's claims mostly fall on a few spans, and scores (4 decimals) on a few thousand values:
    spans are one tuple per article and scores one float per value (in `shared`, kept across articles),
    which at 2 million Evidence saves a fifth of the run's memory and a second of freeing it."""
    shared = {} if shared is None else shared
    sentences = article.sentences
    d = match.decisions
    names = ("mentioned", "first", "last", "focus", "also", "version", "also_version", "told_by")
    columns = [d[name].tolist() for name in names]
    scores = [
        list(map(shared.setdefault, values, values)) for values in (d["score"].tolist(), d["probability"].tolist())
    ]
    versions = match.version_scores.tolist()
    spans: dict[tuple[int, int], tuple] = {}
    used = 0
    out = []
    for claim, mentioned, first, last, focus, also, version, also_version, told_by, score, probability in zip(
        claims, *columns, *scores
    ):
        told, ranked, by = None, (), ""
        if version >= 0:
            ids = claim.version_ids
            ranked = tuple(zip(ids, versions[used : used + len(ids)]))
            used += len(ids)
            told, by = ids[version], TOLD_BY[told_by]
        span = spans.get((first, last))
        if span is None:
            span = spans[first, last] = sentences[first : last + 1]
        context = (
            sentences[max(first - CONTEXT_BEFORE, 0) : first] if mentioned else ()
        )  # only compared evidence needs it
        out.append(
            Evidence(
                claim.id,
                article.id,
                bool(mentioned),
                score,
                probability,
                span,
                told,
                ranked,
                context,
                (sentences[also],) if also >= 0 else (),
                focus,
                claim.version_ids[also_version] if also_version >= 0 and also >= 0 else None,
                by,
            )
        )
    return out


def article_fingerprint(article: Article) -> bytes:
    """What matching reads of an article: its sentences, their lines and languages (not its id or path)."""
    import hashlib

    # one update of the joined text: the same digest as one update per sentence, in a third of the time
    text = "".join(f"{s.line}\x00{s.lang}\x00{s.text}\x01" for s in article.sentences)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
