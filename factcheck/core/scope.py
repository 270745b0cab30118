"""Which claims check which article (stories), embedded once per scope, and the key an article's match is
stored under."""

from __future__ import annotations

import hashlib
import json

from factcheck.core.evidence import article_fingerprint
from factcheck.core.match import ClaimRows, claim_texts, distinct_texts
from factcheck.models.embed import QUERY, Embedder, encode_batched
from factcheck.records import Article, Claim, ClaimSet
from factcheck.text.language import detect_language


def claim_rows(claims: list[Claim], embedder: Embedder) -> ClaimRows:
    """The claims embedded: texts and versions as queries, each version's own words, each claim's language."""
    langs = [c.lang or detect_language(c.text) for c in claims]
    return ClaimRows.build(
        claims,
        encode_batched(embedder, claim_texts(claims), QUERY),
        encode_batched(embedder, distinct_texts(claims, langs), QUERY),
        langs,
    )


class ScopedClaims:
    """The claim matrix restricted to the claims whose story covers an article, built once per scope,
    and the key under which an article's match with that scope is stored."""

    def __init__(self, claim_set: ClaimSet, matrix: ClaimRows, settings_key: bytes = b""):
        self._claim_set, self._matrix, self._settings = claim_set, matrix, settings_key
        self._built: dict[tuple, tuple[ClaimRows, bytes]] = {}
        self._scope_of: dict[str, tuple] = {}
        by_story: dict[str | None, tuple[Claim, list[int]]] = {}
        for k, claim in enumerate(matrix.claims):
            by_story.setdefault(claim.story, (claim, []))[1].append(k)
        self._stories = list(by_story.values())  # per story: one of its claims, and all of them by index
        self._kept: dict[tuple[bool, ...], tuple[int, ...]] = {}  # which stories check an article -> its claims

    def for_article(self, article_id: str) -> ClaimRows:
        return self._scope(article_id)[0]

    def key(self, article: Article) -> bytes:
        digest = hashlib.blake2b(self._scope(article.id)[1], digest_size=20)
        digest.update(article_fingerprint(article))
        return digest.digest()

    def _in_scope(self, article_id: str) -> tuple[int, ...]:
        """The claims (by index) that check the article: decided once per story, not per claim
        (2 million glob tests at 20,000 articles and 100 claims)."""
        checked = tuple(self._claim_set.checks(claim, article_id) for claim, _ in self._stories)
        keep = self._kept.get(checked)
        if keep is None:
            keep = self._kept[checked] = tuple(
                sorted(k for (_, claims), on in zip(self._stories, checked) if on for k in claims)
            )
        return keep

    def _scope(self, article_id: str) -> tuple[ClaimRows, bytes]:
        keep = self._scope_of.get(article_id)
        if keep is None:
            keep = self._scope_of[article_id] = self._in_scope(article_id)
        if keep not in self._built:
            subset = self._matrix.subset(list(keep))
            claims = [(c.id, c.text, c.versions, c.story is not None) for c in subset.claims]
            fingerprint = hashlib.blake2b(self._settings + json.dumps(claims).encode("utf-8")).digest()
            self._built[keep] = (subset, fingerprint)
        return self._built[keep]
