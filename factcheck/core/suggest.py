"""Pure: facts the articles of one story tell differently, found with no curated claim. The sentences of every
pair of articles are aligned by meaning (across languages too), each aligned pair is compared as `run` compares
two tellings of a claim, and what differs in a checkable way (a figure, a negation, a speaker, a name, a
modality) becomes a suggestion with a claim to paste. Rewording alone differs in none of these."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from anyascii import anyascii

from factcheck.core.actors import actors_differ, speakers_differ
from factcheck.core.compare import differences, entity_change
from factcheck.core.telling import Telling
from factcheck.records import Article
from factcheck.suggested import Side, SuggestedClaim, Suggestion
from factcheck.text.cues import MODALITY, cues
from factcheck.text.quantities import quantities
from factcheck.text.reception import reception, reception_words

ALIGNED = 0.6  # cosine of two articles' mutually best sentences that state one fact (USE, across languages too)
TWIN = 0.8  # two sentences of one article that state one fact: a summary and its body, a sentence and its twin
COVERED = 0.7  # a sentence this close to a claim or version of the claims file is that claim's business
RANK = {
    "number": 1.0,
    "negation": 0.95,
    "attribution": 0.9,
    "entity": 0.85,
    "modality": 0.8,
    "reception": 0.8,
    "actor": 0.75,
}


@dataclass(frozen=True)
class Story:
    """Articles that tell one story: a story of the claims file (`curated`), or a group factcheck found."""

    name: str | None
    articles: tuple[Article, ...]
    curated: bool = False


@dataclass(frozen=True)
class _Found:
    kind: str
    explanation: str
    sides: tuple[tuple[Article, int], ...]  # (article, line)
    similarity: float


def suggest(
    stories: list[Story], vectors: dict[str, np.ndarray], claim_vectors: np.ndarray | None, limit: int
) -> list[Suggestion]:
    """The `limit` most confident suggestions over every story; none whose sentences a claim already covers."""
    out = []
    for story in stories:
        found = _across(story, vectors) + _within(story, vectors)
        for group in _merged(found):
            if claim_vectors is not None and _covered(group, vectors, claim_vectors):
                continue
            out.append(_suggestion(story, group))
    out.sort(key=lambda s: (-s.confidence, s.story or "", s.sides[0].article, s.sides[0].line))
    return _unique_ids(out[:limit])


def _across(story: Story, vectors: dict[str, np.ndarray]) -> list[_Found]:
    found = []
    articles = story.articles
    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            for x, y, similarity in _best(vectors[a.id], vectors[b.id], ALIGNED):
                found += _compared(a, x, b, y, similarity)
    return found


def _within(story: Story, vectors: dict[str, np.ndarray]) -> list[_Found]:
    found = []
    for article in story.articles:
        v = vectors[article.id]
        sims = v @ v.T
        np.fill_diagonal(sims, -1.0)
        for x, y in zip(*np.nonzero(np.triu(sims) >= TWIN)):
            if article.sentences[x].line != article.sentences[y].line:
                found += _compared(article, int(x), article, int(y), float(sims[x, y]))
    return found


def _best(va: np.ndarray, vb: np.ndarray, minimum: float) -> list[tuple[int, int, float]]:
    """Each sentence with its best match in the other article, both ways: one sentence of a rewritten article
    often tells what two of the other say."""
    if not len(va) or not len(vb):
        return []
    sims = va @ vb.T
    pairs = {(x, int(y)) for x, y in enumerate(sims.argmax(axis=1))}
    pairs |= {(int(x), y) for y, x in enumerate(sims.argmax(axis=0))}
    return [(x, y, float(sims[x, y])) for x, y in sorted(pairs) if sims[x, y] >= minimum]


def _telling(article: Article, index: int) -> Telling:
    """The aligned sentence with the rest of its line (a paragraph often says 'critics... Indeed, the government
    deliberately slowed...' in two sentences where another article says it in one), and the line before."""
    sentence = article.sentences[index]
    line = [s for s in article.sentences if s.line == sentence.line]
    before = [s.text for s in article.sentences if s.line == sentence.line - 1]
    return Telling(article.id, " ".join(s.text for s in line), sentence.lang, " ".join(before))


def _sentence(article: Article, index: int) -> Telling:
    sentence = article.sentences[index]
    return Telling(article.id, sentence.text, sentence.lang, article.sentences[index - 1].text if index else "")


def _compared(a: Article, x: int, b: Article, y: int, similarity: float) -> list[_Found]:
    sides = ((a, a.sentences[x].line), (b, b.sentences[y].line))
    tellings = (_telling(a, x), _telling(b, y))
    found = [_Found(kind, text, sides, similarity) for kind, text in differences(*tellings, names=False)]
    # names are compared sentence to sentence: the rest of a line names other people
    names = entity_change(_sentence(a, x), _sentence(b, y))
    found += [_Found("entity", names, sides, similarity)] if names else []
    if not any(f.kind == "attribution" for f in found):
        speaker = speakers_differ(a, x, b, y)
        found += [_Found("attribution", speaker, sides, similarity)] if speaker else []
    actor = actors_differ(a, x, b, y)
    return found + ([_Found("actor", actor, sides, similarity)] if actor and not found else [])


def _merged(found: list[_Found]) -> list[list[_Found]]:
    """Findings of one kind that share a sentence are one fact told several ways (000 and 003 say 4, 001 says 6)."""
    groups: list[list[_Found]] = []
    for f in sorted(found, key=lambda f: (RANK.get(f.kind, 0.5), f.similarity), reverse=True):
        keys = _keys(f)
        home = next((g for g in groups if any(_keys(o) & keys for o in g) and _topic(g[0]) == _topic(f)), None)
        if home is None:
            # a sentence pair already suggested for a stronger kind: its other kinds join that suggestion
            home = next((g for g in groups if any(_keys(o) == keys for o in g)), None)
        if home is None:
            groups.append([f])
        else:
            home.append(f)
    return groups


def _topic(f: _Found) -> str:
    """What a finding is about: its kind, and for modality which one ('deliberate' and 'called for' are two
    facts even when they share a line)."""
    said = re.search(r"says it was (.+?), ", f.explanation) if f.kind == "modality" else None
    return f"{f.kind}:{said.group(1)}" if said else f.kind


def _keys(f: _Found) -> set[tuple[str, int]]:
    return {(article.id, line) for article, line in f.sides}


def _covered(group: list[_Found], vectors: dict[str, np.ndarray], claim_vectors: np.ndarray) -> bool:
    lines = {(a, line) for f in group for a, line in f.sides}
    rows = np.array([vectors[a.id][i] for a, line in lines for i, s in enumerate(a.sentences) if s.line == line])
    return bool((rows @ claim_vectors.T).max() >= COVERED) if len(claim_vectors) else False


def _suggestion(story: Story, group: list[_Found]) -> Suggestion:
    first = group[0]
    seen: dict[tuple[str, int], Article] = {}
    for f in group:
        for article, line in f.sides:
            seen.setdefault((article.id, line), article)
    sides = tuple(Side(article_id, line, _line_text(seen[article_id, line], line)) for article_id, line in sorted(seen))
    langs = {key: next(s.lang for s in a.sentences if s.line == key[1]) for key, a in seen.items()}
    explanation = "; ".join(dict.fromkeys(f.explanation for f in group))
    confidence = max(f.similarity for f in group) * RANK.get(first.kind, 0.5)
    claim = _claim(story.name if story.curated else None, first.kind, sides, langs)
    return Suggestion(story.name, first.kind, explanation, sides, confidence, claim)


def _line_text(article: Article, line: int) -> str:
    return " ".join(s.text for s in article.sentences if s.line == line)


def _claim(story: str | None, kind: str, sides: tuple[Side, ...], langs: dict) -> SuggestedClaim:
    versions: dict[str, str] = {}
    for side in sides:
        vid = _version_id(kind, side.text, langs.get((side.article, side.line), "en")) or _slug(side.article)[:12]
        if side.text not in versions.values():
            versions.setdefault(vid if vid not in versions else f"{vid}-{_slug(side.article)[:6]}", side.text)
    text = _neutral(kind, sides[0].text, langs.get((sides[0].article, sides[0].line), "en"))
    return SuggestedClaim(f"{kind}-{_slug(text)[:40].strip('-')}", text, tuple(versions.items()), story)


def _version_id(kind: str, text: str, lang: str) -> str:
    """What tells one side from the others: its figures, its speaker, its modality, its reception, or 'negated'."""
    if kind == "number":
        return _slug("-".join(q.text for q in quantities(text, lang)))[:24]
    said = cues(text, lang)
    if kind == "attribution" and said.speakers:
        return _slug(said.speakers[0])[:24]
    if kind == "negation":
        return "negated" if said.negated else "affirmed"
    if kind == "modality":
        return "-".join(sorted(said.modality)) or "plain"
    if kind == "reception":
        return reception(text)
    return ""


def _neutral(kind: str, text: str, lang: str) -> str:
    """The fact without what the sides differ in: figures, speaker or reception left as '…', modal words dropped."""
    spans: list[str] = []
    if kind == "number":
        spans = [q.text for q in quantities(text, lang)]
    elif kind == "attribution":
        spans = list(cues(text, lang).speakers)
    elif kind == "modality":
        spans = [m.group() for ps in MODALITY.values() for p in ps for m in re.finditer(p, text, re.IGNORECASE)]
    elif kind == "reception":
        spans = reception_words(text)
    for span in sorted(set(spans), key=len, reverse=True):
        text = text.replace(span, "…")
    return re.sub(r"\s+", " ", text).strip()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-") or "fact"


def _unique_ids(suggestions: list[Suggestion]) -> list[Suggestion]:
    seen: dict[str, int] = {}
    out = []
    for s in suggestions:
        n = seen[s.claim.id] = seen.get(s.claim.id, 0) + 1
        claim = s.claim if n == 1 else SuggestedClaim(f"{s.claim.id}-{n}", s.claim.text, s.claim.versions, s.story)
        out.append(Suggestion(s.story, s.kind, s.explanation, s.sides, s.confidence, claim))
    return out
