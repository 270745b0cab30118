"""The `aligned` feature: how much of what a claim says beyond its article's topic the evidence has words for."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from factcheck.records import Article
from factcheck.text.terms import content_words

BACKGROUND_FLOOR = 0.05  # a word the rest of the article has too still weighs a little


@dataclass(frozen=True, eq=False)
class WordVectors:
    """Unit vectors of single words, embedded by the sentence model: across languages a word lies next to its
    translation ('bank' ~ 'banque' 0.93, 'injured' ~ 'yaralandı' 0.82) and away from others (0.2-0.5)."""

    index: dict[str, int]
    matrix: np.ndarray

    def of(self, words: tuple[str, ...]) -> np.ndarray:
        return self.matrix[[self.index[w] for w in words]] if words else self.matrix[:0]


def words_to_embed(claims: list[tuple[str, str]], articles: list[Article]) -> list[str]:
    """The words whose vectors `aligned` needs: of the claims' texts (with their languages) and the articles'
    sentences, each once."""
    texts = [*claims, *((s.text, s.lang) for a in articles for s in a.sentences)]
    return list(dict.fromkeys(w for text, lang in texts for w in content_words(text, lang)))


def sentence_alignment(claim_text: str, lang: str, article: Article, words: WordVectors) -> np.ndarray:
    """[claim word, sentence]: the best cosine of each content word of the claim with a word of each sentence (0
    for a sentence without content words)."""
    claim = words.of(content_words(claim_text, lang))
    out = np.zeros((len(claim), len(article.sentences)))
    for i, sentence in enumerate(article.sentences):
        mine = words.of(content_words(sentence.text, sentence.lang))
        if len(claim) and len(mine):
            out[:, i] = (claim @ mine.T).max(axis=1)
    return out


def aligned(alignment: np.ndarray, first: int, last: int, context: int) -> float:
    """The mean, over the claim's words, of how well the evidence (sentences first..last) has each, weighted by
    how little the rest of the article (outside the evidence and `context` sentences each side) has it. In an
    article of one story every sentence shares its subject ('the Blue Horizon', 'Lesbos'); what tells the
    sentence that states 'The Blue Horizon sank off Lesbos' from one about a fire on it is 'sank'."""
    if not alignment.size:
        return 0.0
    evidence = alignment[:, first : last + 1].max(axis=1)
    outside = np.ones(alignment.shape[1], dtype=bool)
    outside[max(first - context, 0) : last + context + 1] = False
    background = alignment[:, outside].max(axis=1) if outside.any() else np.zeros(len(alignment))
    weight = np.clip(1.0 - background, BACKGROUND_FLOOR, None)
    return float((evidence * weight).sum() / weight.sum())
