"""The `aligned` feature: how much of what a claim says beyond its article's topic the evidence has words for."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from factcheck.records import Article, Sentence
from factcheck.text.terms import content_words

ALIGNED = "aligned"  # the feature's name in the calibration
BACKGROUND_FLOOR = 0.05  # a word the rest of the article has too still weighs a little


@dataclass(frozen=True, eq=False)
class WordTable:
    """The cosines of the claims' words (rows) with the articles' words (columns), their vectors embedded by the
    sentence model: across languages a word lies next to its translation ('bank' ~ 'banque' 0.93, 'injured' ~
    'yaralandı' 0.82) and away from others (0.2-0.5). Worked out once for a chunk of articles, in one product."""

    rows: dict[str, int]
    columns: dict[str, int]
    cosines: np.ndarray

    @classmethod
    def embedded(
        cls, claims: list[tuple[str, str]], articles: list[Article], encode: Callable[[list[str]], np.ndarray]
    ) -> WordTable:
        """The table of the claims' words (each claim's text with its language) and the articles' words, each
        word embedded once by `encode`."""
        claim_words = words_of(claims)
        article_words = words_of([(s.text, s.lang) for a in articles for s in a.sentences], sentence_words)
        every = list(dict.fromkeys([*claim_words, *article_words]))
        return cls.of(claim_words, article_words, dict(zip(every, encode(every))) if every else {})

    @classmethod
    def of(cls, claim_words: list[str], article_words: list[str], vectors: dict[str, np.ndarray]) -> WordTable:
        claims = np.vstack([vectors[w] for w in claim_words]) if claim_words else np.zeros((0, 1))
        articles = np.vstack([vectors[w] for w in article_words]) if article_words else np.zeros((0, claims.shape[1]))
        return cls(
            {w: i for i, w in enumerate(claim_words)},
            {w: i for i, w in enumerate(article_words)},
            claims @ articles.T,
        )


def words_of(texts: list[tuple[str, str]], find: Callable[[str, str], tuple[str, ...]] = content_words) -> list[str]:
    """The words `find` finds in texts (each with its language), each once."""
    return list(dict.fromkeys(w for text, lang in texts for w in find(text, lang)))


def sentence_words(text: str, lang: str) -> tuple[str, ...]:
    """An article sentence's content words, and its capitalised ones lower-cased too (not acronyms): a capital
    moves a word's vector away from its translation ('Çalışanlar' ~ 'employees' 0.75, 'çalışanlar' 0.80),
    while a name is best matched as written ('Suriye' ~ 'Syria' 0.84, 'suriye' ~ 'Syria' 0.39). The claim's
    word takes the better of the two."""
    words = content_words(text, lang)
    lowered = [w.lower() for w in words if w[:1].isupper() and not w.isupper()]
    return tuple(dict.fromkeys([*words, *lowered])) if lowered else words


def words_found(table: WordTable, words: tuple[str, ...], sentences: Sequence[Sentence]) -> float | None:
    """The mean, over `words` (a version's own words: 'engine room' / 'car deck'), of each one's best cosine with a
    word of `sentences`; None where the table has none of them or the sentences have no words. Word by word,
    'engine' finds 'makine' where the phrase's one vector against a sentence's hardly tells the versions apart."""
    rows = [table.rows[w] for w in words if w in table.rows]
    columns = [table.columns[w] for s in sentences for w in sentence_words(s.text, s.lang) if w in table.columns]
    if not rows or not columns:
        return None
    return float(table.cosines[np.ix_(rows, columns)].max(axis=1).mean())


@dataclass(frozen=True)
class WordMatch:
    """A claim's word, the evidence's word nearest it, and their cosine."""

    word: str
    match: str
    cosine: float


def word_matches(table: WordTable, words: tuple[str, ...], sentences: Sequence[Sentence]) -> tuple[WordMatch, ...]:
    """Each of `words` that the table has, with the word of `sentences` nearest it, weakest first: what `aligned`
    weighs, word by word, for a curator to read ('dismissed' ~ 'déclaré' 0.54 where the evidence says nothing of a
    dismissal). Empty where the sentences have no words."""
    found = [w for w in dict.fromkeys(words) if w in table.rows]
    columns = [
        w for w in dict.fromkeys(w for s in sentences for w in sentence_words(s.text, s.lang)) if w in table.columns
    ]
    if not found or not columns:
        return ()
    cosines = table.cosines[np.ix_([table.rows[w] for w in found], [table.columns[w] for w in columns])]
    nearest = cosines.argmax(axis=1)
    matches = [WordMatch(w, columns[j], float(cosines[i, j])) for i, (w, j) in enumerate(zip(found, nearest))]
    return tuple(sorted(matches, key=lambda m: m.cosine))


@dataclass(frozen=True, eq=False)
class ArticleWords:
    """An article's content words as columns of a WordTable, sentence after sentence (`starts`: where each
    sentence with words begins among them; `sentences`: which sentences those are)."""

    columns: np.ndarray
    starts: np.ndarray
    sentences: np.ndarray
    count: int  # how many sentences the article has

    @classmethod
    def of(cls, article: Article, table: WordTable) -> ArticleWords:
        per_sentence = [sentence_words(s.text, s.lang) for s in article.sentences]
        with_words = [i for i, found in enumerate(per_sentence) if found]
        sizes = [len(per_sentence[i]) for i in with_words]
        columns = [table.columns[w] for i in with_words for w in per_sentence[i]]
        starts = np.cumsum([0, *sizes[:-1]]) if sizes else np.zeros(0, dtype=int)
        return cls(np.array(columns, dtype=int), starts, np.array(with_words, dtype=int), len(per_sentence))


@dataclass(frozen=True, eq=False)
class Alignments:
    """[claim word, sentence]: the best cosine of each content word of each claim with a word of each sentence (0
    for a sentence without content words), claim k's words in rows offsets[k]:offsets[k+1]; and the running
    maxima from either end, for the background of any span."""

    by_sentence: np.ndarray
    before: np.ndarray  # [:, i]: the best over sentences before i (-inf for none)
    after: np.ndarray  # [:, i]: the best over sentences from i on (-inf for none)
    offsets: np.ndarray

    @classmethod
    def of(cls, claims: list[tuple[str, str] | None], article: ArticleWords, table: WordTable) -> Alignments:
        """`claims`: each claim's text and language, or None for a claim that needs none (not of a story)."""
        words = [content_words(*claim) if claim is not None else () for claim in claims]
        rows = [table.rows[w] for found in words for w in found]
        by_sentence = np.zeros((len(rows), article.count))
        if rows and len(article.sentences):
            cosines = table.cosines[np.ix_(rows, article.columns)]
            by_sentence[:, article.sentences] = np.maximum.reduceat(cosines, article.starts, axis=1)
        none = np.full((len(rows), 1), -np.inf)
        before = np.hstack([none, np.maximum.accumulate(by_sentence, axis=1)])
        after = np.hstack([np.maximum.accumulate(by_sentence[:, ::-1], axis=1)[:, ::-1], none])
        return cls(by_sentence, before, after, np.cumsum([0, *(len(found) for found in words)]))


def aligned(
    alignments: Alignments, claims: np.ndarray, first: np.ndarray, last: np.ndarray, context: int
) -> np.ndarray:
    """Per claim of `claims`, at its evidence (sentences first..last: one sentence or two adjacent ones, as
    match.Units are): the mean, over the claim's words, of how well the evidence has each, weighted by how little
    the rest of the article (outside the evidence and `context` sentences each side) has it. In an article of
    one story every sentence shares its subject ('the Blue Horizon', 'Lesbos'); what tells the sentence that
    states 'The Blue Horizon sank off Lesbos' from one about a fire on it is 'sank'. 0 for a claim without
    content words."""
    starts, counts = alignments.offsets[claims], alignments.offsets[claims + 1] - alignments.offsets[claims]
    owner = np.repeat(np.arange(len(claims)), counts)
    rows = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts) + np.repeat(starts, counts)
    span_first, span_last = first[owner], last[owner]
    evidence = np.maximum(alignments.by_sentence[rows, span_first], alignments.by_sentence[rows, span_last])
    low = np.maximum(span_first - context, 0)
    high = np.minimum(span_last + context + 1, alignments.by_sentence.shape[1])
    background = np.maximum(alignments.before[rows, low], alignments.after[rows, high])
    weight = np.maximum(1.0 - np.where(np.isfinite(background), background, 0.0), BACKGROUND_FLOOR)
    total = np.bincount(owner, weights=weight, minlength=len(claims))
    found = np.bincount(owner, weights=evidence * weight, minlength=len(claims))
    return np.divide(found, total, out=np.zeros(len(claims)), where=total > 0)
