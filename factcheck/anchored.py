"""Second-look decisions of many articles at once, each score computed alone so no batch can change it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from factcheck.articles import Article
from factcheck.calibration import Calibration
from factcheck.match import BACKGROUND_PERCENTILE, CONTEXT, ClaimMatrix, rivalled, unit_spans, unit_vectors

# Bump when a decision's arithmetic changes, even in its last bits: stored decisions and second looks of
# older versions are then made again (a cold run must decide as a rerun does). 2: einsum, no BLAS.
DECISIONS_VERSION = "2"
Decisions = dict[int, tuple[int, float]]  # claim index -> (unit where it is stated, p) for the claims found
# one article's claims, the article, its sentences' vectors, and claim index -> its anchors' vectors
Item = tuple[ClaimMatrix, Article, np.ndarray, dict[int, np.ndarray]]


def anchored_decisions(claims: ClaimMatrix, article: Article, sentence_vectors: np.ndarray, calibration: Calibration,
                       anchor_vectors: dict[int, np.ndarray]) -> Decisions:
    """The claims of `anchor_vectors` (index -> its anchors' vectors) that the article states on a second look."""
    return decide_all([(claims, article, sentence_vectors, anchor_vectors)], calibration)[0]


def decide_all(items: list[Item], calibration: Calibration) -> list[Decisions]:
    """anchored_decisions for each item, in one pass over all of them.

    An anchor picks the unit of its article it matches best. The claim is stated there if the claim's own
    decision and the anchor's, both made as for any claim, agree on average (mean log-odds): an anchor
    alone could carry its own article's other content, and the claim alone is what the first look missed.

    Every score is a dot product computed on its own (einsum, not BLAS, whose blocking makes a product's
    last bits depend on the shapes around it): a rerun decides a few articles again, a cold run all of
    them, and both must make the same decision to the bit."""
    if not any(anchor_vectors for *_, anchor_vectors in items):
        return [{} for _ in items]
    batch = _Batch.of(items)
    units, found = _anchored(batch, calibration)
    out: list[Decisions] = [{} for _ in items]
    for q in np.flatnonzero(found >= calibration.threshold).tolist():
        stated, owner = out[batch.item[q]], int(batch.owner[q])
        if found[q] > stated.get(owner, (0, 0.0))[1]:
            stated[owner] = (int(units[q]), float(found[q]))
    return out


@dataclass(frozen=True)
class _Batch:
    """One query per (item, anchor): its article's units in `vectors` from base[q] (count[q] of them, the
    first sentences[q] single sentences), the claim that owns it, and the anchor's vector."""

    items: list[Item]
    vectors: np.ndarray  # every item's unit vectors, one item after another
    firsts: np.ndarray  # per row of `vectors`: its unit's first and last sentence in its article
    lasts: np.ndarray
    item: list[int]
    owner: np.ndarray
    anchors: np.ndarray
    base: np.ndarray
    count: np.ndarray
    sentences: np.ndarray

    @classmethod
    def of(cls, items: list[Item]) -> "_Batch":
        vectors, firsts, lasts, starts = [], [], [], [0]
        item, owner, anchors = [], [], []
        for n, (_, article, sentence_vectors, anchor_vectors) in enumerate(items):
            first, last = unit_spans([s.line for s in article.sentences])
            vectors.append(unit_vectors(sentence_vectors, first, last))
            firsts.append(first)
            lasts.append(last)
            starts.append(starts[-1] + len(first))
            for claim, rows in anchor_vectors.items():
                item += [n] * len(rows)
                owner += [claim] * len(rows)
                anchors.append(rows)
        at = np.asarray(item, dtype=np.int64)
        per_item = np.diff(starts)
        return cls(items, np.vstack(vectors), np.concatenate(firsts), np.concatenate(lasts), item,
                   np.asarray(owner, dtype=np.int64), np.vstack(anchors).astype(np.float32),
                   np.asarray(starts[:-1])[at], per_item[at],
                   np.array([len(items[n][1].sentences) for n in item], dtype=np.int64))

    def claims_of(self, q: int) -> ClaimMatrix:
        return self.items[self.item[q]][0]

    def padded(self) -> tuple[np.ndarray, np.ndarray]:
        """Per query, the rows of its units in `vectors`, padded to the widest article, and where they are real."""
        width = int(self.count.max())
        column = np.arange(width)
        real = column[None, :] < self.count[:, None]
        return np.where(real, self.base[:, None] + column[None, :], 0), real


def _anchored(batch: _Batch, calibration: Calibration) -> tuple[np.ndarray, np.ndarray]:
    """Per query, the unit its anchor matches best and p(the owner claim is stated there)."""
    rows, real = batch.padded()
    anchor_scores = _scores(batch, rows, real, _anchor_groups(batch))
    units = anchor_scores.argmax(axis=1)
    own_scores = _scores(batch, rows, real, _owner_groups(batch))
    chosen = batch.vectors[batch.base + units]
    own_best, own_contrast = _features(batch, own_scores, units)
    anchor_best, anchor_contrast = _features(batch, anchor_scores, units)
    own = np.zeros(len(units))
    as_claim = np.zeros(len(units))
    by_claims: dict[int, list[int]] = defaultdict(list)
    for q in range(len(batch.item)):
        by_claims[id(batch.claims_of(q))].append(q)
    for queries in by_claims.values():
        q = np.asarray(queries)
        claims = batch.claims_of(queries[0])
        heads = claims.rows[claims.offsets[:-1]]
        others = _dots("kj,qj->kq", heads, chosen[q])  # [j, q]: claim j's text at query q's unit
        similarity = claims.similarity[:, batch.owner[q]]
        not_owner = np.arange(len(claims.claims))[:, None] != batch.owner[q][None, :]
        own[q] = calibration.probabilities(own_best[q], own_contrast[q],
                                           rivalled(own_best[q], others, similarity, not_owner))
        anchor_rivals = rivalled(anchor_best[q], others, _dots("kj,qj->kq", heads, batch.anchors[q]), not_owner)
        as_claim[q] = calibration.probabilities(anchor_best[q], anchor_contrast[q], anchor_rivals)
    return units, _sigmoid((_logit(own) + _logit(as_claim)) / 2)


def _anchor_groups(batch: _Batch):
    """(queries, vectors to score their units against): the queries of one anchor text together."""
    groups: dict[bytes, list[int]] = defaultdict(list)
    for q, anchor in enumerate(batch.anchors):
        groups[anchor.tobytes()].append(q)
    return [(queries, batch.anchors[queries[0]][None, :]) for queries in groups.values()]


def _owner_groups(batch: _Batch):
    """(queries, the rows of the claim they own, its text and versions): a claim scores a unit by its best row."""
    groups: dict[tuple[int, int], list[int]] = defaultdict(list)
    for q, claim in enumerate(batch.owner.tolist()):
        groups[(id(batch.claims_of(q)), claim)].append(q)
    out = []
    for queries in groups.values():
        claims, claim = batch.claims_of(queries[0]), int(batch.owner[queries[0]])
        out.append((queries, claims.rows[claims.offsets[claim]: claims.offsets[claim + 1]]))
    return out


def _scores(batch: _Batch, rows: np.ndarray, real: np.ndarray, groups) -> np.ndarray:
    """Per query and unit, the best of its group's vectors' scores; -inf past the article's last unit."""
    out = np.full(rows.shape, -np.inf, dtype=np.float32)
    for queries, vectors in groups:
        mask = real[queries]
        cells = rows[queries][mask]
        block = out[queries]
        block[mask] = _dots("pj,rj->pr", batch.vectors[cells], vectors).max(axis=1)
        out[queries] = block
    return out


def _features(batch: _Batch, scores: np.ndarray, units: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """match.article_features at `units`, for queries over articles of any length: best score and contrast."""
    best = scores[np.arange(len(units)), units]
    width = int(batch.sentences.max())
    position = np.arange(width)
    first, last = batch.firsts[batch.base + units], batch.lasts[batch.base + units]
    in_window = (position >= first[:, None] - CONTEXT) & (position <= last[:, None] + CONTEXT)
    background = ~in_window & (position[None, :] < batch.sentences[:, None])  # singles come first (unit_spans)
    values = np.where(background, scores[:, :width], -np.inf)
    return best, best - _row_percentile(values, background.sum(axis=1), BACKGROUND_PERCENTILE)


def _row_percentile(values: np.ndarray, valid: np.ndarray, q: float) -> np.ndarray:
    """match.row_percentile, with the rank's fraction taken before the padding is added: the same bits for
    a row whatever the width it is padded to."""
    ordered = np.sort(values, axis=1)
    n = values.shape[1]
    rank = (np.maximum(valid, 1) - 1) * (q / 100.0)
    below = np.floor(rank)
    low = np.clip(below.astype(int) + (n - valid), 0, n - 1)
    high = np.clip(low + 1, 0, n - 1)
    low_v = np.take_along_axis(ordered, low[:, None], axis=1)[:, 0]
    high_v = np.take_along_axis(ordered, high[:, None], axis=1)[:, 0]
    high_v = np.where(np.isfinite(high_v), high_v, low_v)
    with np.errstate(invalid="ignore"):  # rows with no valid value are -inf - -inf, replaced below
        return np.where(valid > 0, low_v + (rank - below) * (high_v - low_v), 0.0)


def _dots(spec: str, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    return np.einsum(spec, left, right)


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))
