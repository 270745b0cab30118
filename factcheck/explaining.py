"""What `factcheck explain` shows of one claim: the run's decision on it, and its best sentences in each
article it is checked in, with the decision each would get as the evidence."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.app import Session, UsageError
from factcheck.core.aligned import ALIGNED, WordMatch, WordTable, word_matches
from factcheck.core.engine import scored_with_words
from factcheck.core.explain import Candidate, explain_claim
from factcheck.core.match import ClaimRows
from factcheck.core.scope import ScopedClaims, claim_rows
from factcheck.models.embed import PASSAGE, encode_batched
from factcheck.records import Claim
from factcheck.results import ClaimResult, Evidence
from factcheck.text.terms import content_words


@dataclass(frozen=True)
class Explained:
    result: ClaimResult  # the run's decision on the claim, as `run` reports it
    threshold: float  # the probability from which a sentence states the claim, for its scope
    veto: float | None  # for a claim checked everywhere, the veto's threshold (core/veto.py); else None
    candidates: tuple[Candidate, ...]  # per article, its `top` best sentences, best first
    words: tuple[EvidenceWords, ...] = ()  # per article found to state it, the claim's words at its evidence


@dataclass(frozen=True)
class EvidenceWords:
    """The claim's words at one article's evidence, weakest first: a word the evidence lacks shows as a low
    cosine with whatever word of it lies nearest."""

    article: str
    line: int
    matches: tuple[WordMatch, ...]


def explain(session: Session, claim_id: str, top: int) -> Explained:
    """One claim of the session's claims, explained; a UsageError when there is no such claim."""
    claim_set, calibration = session.inputs.claim_set, session.settings.calibration
    claim = next((c for c in claim_set.claims if c.id == claim_id), None)
    if claim is None:
        raise UsageError(f"{session.request.claims}: no claim with id {claim_id!r}")
    result = next(r for r in session.report().results if r.claim.id == claim.id)
    scoped = ScopedClaims(claim_set, claim_rows(list(claim_set.claims), session.embedder))
    evidence = {e.article: e for e in result.evidence if e.mentioned}
    candidates, words = [], []
    for article in (a for a in session.inputs.articles if claim_set.checks(claim, a.id)):
        # the run stored these vectors: read from the store, not encoded again
        vectors = encode_batched(session.embedder, [s.text for s in article.sentences], PASSAGE)
        rows = scoped.for_article(article.id)
        # every claim's words: the veto of a claim checked everywhere weighs them
        (scored,) = scored_with_words(
            [rows], [article], [vectors], session.embedder, calibration.weighs(ALIGNED), every_claim=True
        )
        candidates += explain_claim(rows, claim.id, scored, calibration, top)
        if article.id in evidence and scored.words is not None:
            words.append(_at_evidence(scored.words, rows, claim, evidence[article.id]))
    threshold = (calibration.story if claim.story is not None else calibration.everywhere).threshold
    veto = calibration.veto.threshold if claim.story is None and calibration.veto is not None else None
    return Explained(result, threshold, veto, tuple(candidates), tuple(words))


def _at_evidence(table: WordTable, rows: ClaimRows, claim: Claim, evidence: Evidence) -> EvidenceWords:
    lang = rows.langs[[c.id for c in rows.claims].index(claim.id)]
    matches = word_matches(table, content_words(claim.text, lang), evidence.sentences)
    return EvidenceWords(evidence.article, evidence.line, matches)
