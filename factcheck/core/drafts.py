"""Drafts of one story: a sentence that states a claim in one article states it in the article's other drafts,
wherever they hold a near-duplicate of it (most of its words, in its language)."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.core.evidence import ArticleMatch
from factcheck.core.match import ClaimRows
from factcheck.core.telling import near_duplicate, word_keys
from factcheck.records import Article

MAX_TELLINGS = 5  # distinct sentences of a claim looked for in each other article


def aligned(
    articles: list[Article], claims_of: Callable[[str], ClaimRows], found: dict[str, ArticleMatch]
) -> dict[str, dict[int, int]]:
    """Per article, the story claims (by index in its ClaimRows) it does not state but should, with the
    sentence that states them: a near-duplicate of a sentence that states the claim in another article."""
    tellings: dict[str, list[tuple[str, frozenset[str]]]] = {}  # claim id -> (language, words) of its tellings
    missing: dict[str, list[tuple[Article, int]]] = {}
    for article in articles:
        decisions = found[article.id].decisions
        for k, claim in enumerate(claims_of(article.id).claims):
            if claim.story is None:
                continue
            if decisions["mentioned"][k]:
                s = article.sentences[int(decisions["first"][k] + decisions["focus"][k])]
                told = tellings.setdefault(claim.id, [])
                said = (s.lang, word_keys(s.text))
                if len(told) < MAX_TELLINGS and said not in told:
                    told.append(said)
            else:
                missing.setdefault(claim.id, []).append((article, k))
    out: dict[str, dict[int, int]] = {}
    sentence_keys: dict[str, list[tuple[str, frozenset[str]]]] = {}  # each article's sentences read once
    for claim_id, absent in missing.items():
        told = tellings.get(claim_id)
        if not told:
            continue
        for article, k in absent:
            keys = sentence_keys.get(article.id)
            if keys is None:
                keys = sentence_keys[article.id] = [(s.lang, word_keys(s.text)) for s in article.sentences]
            at = _duplicate_of(keys, told)
            if at is not None:
                out.setdefault(article.id, {})[k] = at
    return out


def _duplicate_of(sentences: list[tuple[str, frozenset[str]]], tellings: list[tuple[str, frozenset[str]]]):
    for lang, words in tellings:
        for i, (sentence_lang, keys) in enumerate(sentences):
            if sentence_lang == lang and near_duplicate(words, keys):
                return i
    return None
