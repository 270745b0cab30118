"""Decoded article text -> numbered sentences: page furniture dropped, languages identified, sentences split."""

from __future__ import annotations

from factcheck.records import Article, Sentence
from factcheck.text.boilerplate import boilerplate_kind
from factcheck.text.language import detect_language

MIN_LANGID_CHARS = 40
MAX_SENTENCE_CHARS = 1000  # longer runs are cut: models truncate far sooner (USE, E5: ~128-512 tokens)


def parse_article(article_id: str, text: str, path: str = "", encoding: str = "utf-8") -> Article:
    """Split decoded article text into sentences that keep their 1-based line numbers."""
    kept, dropped = [], []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        if boilerplate_kind(line):
            dropped.append((number, line.strip()))
        else:
            kept.append((number, line))
    line_langs = {number: detect_language(line) for number, line in kept if len(line) >= MIN_LANGID_CHARS}
    lang = _main_language(kept, line_langs)
    sentences = []
    for number, line in kept:
        line_lang = line_langs.get(number, lang)
        sentences.extend(Sentence(article_id, number, s, line_lang) for s in split_sentences(line, line_lang))
    return Article(article_id, path, lang, tuple(sentences), tuple(dropped), encoding)


def _main_language(kept: list[tuple[int, str]], line_langs: dict[int, str]) -> str:
    """The language of most of the text, from its lines' languages (identifying the whole text
    again would double the cost of language identification, a quarter of a cold run)."""
    weights: dict[str, int] = {}
    for number, line in kept:
        if number in line_langs:
            weights[line_langs[number]] = weights.get(line_langs[number], 0) + len(line)
    if weights:
        return max(weights, key=weights.__getitem__)  # ties: the language met first
    return detect_language("\n".join(line for _, line in kept))


def split_sentences(line: str, lang: str) -> list[str]:
    import sentencex

    sentences = (" ".join(p.split()) for p in sentencex.segment(lang, line))
    return [chunk for s in sentences if s for chunk in _bounded(s)]


def _bounded(sentence: str) -> list[str]:
    """Cut a run-on 'sentence' (a table, a URL dump) into pieces a model can read whole."""
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return [sentence]
    words, chunks, current = sentence.split(" "), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > MAX_SENTENCE_CHARS:
            chunks.append(current)
            current = ""
        current = f"{current} {word}" if current else word[:MAX_SENTENCE_CHARS]
    return chunks + [current] if current else chunks
