"""Second-look decisions made in a batch are the decisions made one article at a time, to the bit."""

import numpy as np

from factcheck import anchored
from factcheck.anchored import anchored_decisions, decide_all
from factcheck.articles import parse_article
from factcheck.calibration import Calibration
from factcheck.claims import parse_claims
from factcheck.match import ClaimMatrix

CLAIMS = "claims:\n" + "".join(f"  - id: c{i}\n    text: claim {i}\n" for i in range(6)) + \
    "  - id: v\n    text: claim v\n    versions:\n      a: one\n      b: two\n"
LOW = Calibration("test", w_best=8.0, w_contrast=4.0, bias=-2.0, w_rivalled=1.0, threshold=0.3)


def _unit(rng, rows):
    vectors = rng.standard_normal((rows, 64)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _items(seed=0):
    """Articles of 1 to 30 sentences, some in paragraphs, each with one to three claims to decide, some of
    them by two anchors; in every other article the anchors lean towards one of its sentences, so that some
    claims are stated and others not."""
    rng = np.random.default_rng(seed)
    claims = list(parse_claims(CLAIMS).claims)
    matrix = ClaimMatrix.build(claims, _unit(rng, 9))
    items = []
    for n, length in enumerate([1, 2, 7, 30, 13, 4, 22]):
        text = "".join(f"Sentence {i} of article {n}.\n" + ("\n" if i % 3 == 2 else "") for i in range(length))
        article = parse_article(f"{n:03}", text)
        vectors = _unit(rng, len(article.sentences))
        anchors = {}
        for claim in rng.choice(len(claims), size=1 + n % 3, replace=False).tolist():
            rows = _unit(rng, 1 + (claim + n) % 2) + (n % 2 == 0) * vectors[rng.integers(len(vectors))]
            anchors[claim] = rows / np.linalg.norm(rows, axis=1, keepdims=True)
        items.append((matrix, article, vectors, anchors))
    return items


def test_each_decision_is_the_same_alone_and_in_any_batch():
    items = _items()
    together = anchored._anchored(anchored._Batch.of(items), LOW)
    alone = [anchored._anchored(anchored._Batch.of([item]), LOW) for item in items]
    assert np.array_equal(together[0], np.concatenate([units for units, _ in alone]))
    assert together[1].tobytes() == np.concatenate([found for _, found in alone]).tobytes()
    backwards = anchored._anchored(anchored._Batch.of(items[::-1]), LOW)
    assert backwards[1].tobytes() == np.concatenate([found for _, found in alone[::-1]]).tobytes()


def test_decide_all_states_some_claims_and_equals_one_article_at_a_time():
    items = _items(1)
    decided = decide_all(items, LOW)
    assert decided == [anchored_decisions(*item[:3], LOW, item[3]) for item in items]
    assert any(decided) and not all(decided)
    for (_, article, _, anchors), stated in zip(items, decided):
        assert set(stated) <= set(anchors)
        assert all(0 <= unit < 2 * len(article.sentences) and LOW.threshold <= p <= 1 for unit, p in stated.values())


def test_nothing_to_decide_decides_nothing():
    (matrix, article, vectors, _), = _items()[:1]
    assert decide_all([(matrix, article, vectors, {})], LOW) == [{}]
    assert decide_all([], LOW) == []
