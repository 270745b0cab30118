"""Second look: a sure telling in one article helps find the claim's near miss in another article of its language."""

import numpy as np

from factcheck.articles import parse_article
from factcheck.calibration import Calibration
from factcheck.claims import parse_claims
from factcheck.evidence import ArticleMatch
from factcheck import feedback
from factcheck.feedback import Anchor, _draw, choose_anchors, near_misses, second_look, second_look_key
from factcheck.match import ClaimMatrix, match_numbers
from factcheck.pipeline import Settings, check

from conftest import DictStore

# p = sigmoid(10 * contrast - 4.5): with an empty background, a cosine of 0.42 is a near miss (p 0.43)
NEAR = Calibration("test", w_best=0.0, w_contrast=10.0, bias=-4.5)
CLAIMS = "claims:\n  - id: no-ban\n    text: the bank does not plan a ban\n  - id: rain\n    text: it rained\n"


def _unit(*parts):
    vector = np.zeros(16, dtype=np.float32)
    for dim, weight in parts:
        vector[dim] = weight
    return vector / np.linalg.norm(vector)


# The claim is e0+e1. The sure telling elsewhere is e0+e1+e3 (cosine 0.82 with the claim); the near
# miss says it as 0.6 e0 + 0.8 e3 (0.42 with the claim, 0.83 with the sure telling); fillers are unrelated.
VECTORS = {
    "the bank does not plan a ban": _unit((0, 1), (1, 1)),
    "it rained": _unit((9, 1)),
    "For now the bank does not plan any ban.": _unit((0, 1), (1, 1), (3, 1)),
    "For years officials have said they seek no bans.": _unit((0, 0.6), (3, 0.8)),
    "The mayor opened a museum.": _unit((4, 1)),
    "Trains ran on time.": _unit((5, 1)),
    "Children played outside.": _unit((6, 1)),
    "The market was calm.": _unit((7, 1)),
}
# other wordings of the sure telling, with the same vector
VECTORS.update({text: VECTORS["For now the bank does not plan any ban."] for text in
                ["The bank will not ban anything."] + [f"For now the bank does not plan any ban {i}." for i in range(5)]})
VECTORS["Banks were discussed."] = _unit((0, 0.283), (10, 0.959))  # cosine 0.2 with the claim
SURE = "For now the bank does not plan any ban.\n"
FILLER = "The mayor opened a museum.\nTrains ran on time.\nChildren played outside.\nThe market was calm.\n"


class TableEmbedder:
    identity = "table@1"

    def __init__(self):
        self.passages = []

    def encode(self, texts, kind):
        if kind == "passage":
            self.passages += texts
        return np.vstack([VECTORS[t] for t in texts])


def _articles(sure_lang="en"):
    sure = parse_article("000", "For now the bank does not plan any ban.\n" + FILLER)
    sure = _relabel(sure, sure_lang)
    near = parse_article("001", FILLER + "For years officials have said they seek no bans.\n")
    return [sure, _relabel(near, "en")]


def _relabel(article, lang):
    from dataclasses import replace

    return replace(article, lang=lang, sentences=tuple(s._replace(lang=lang) for s in article.sentences))


def _matrix():
    claims = list(parse_claims(CLAIMS).claims)
    return ClaimMatrix.build(claims, TableEmbedder().encode([c.text for c in claims], "query"))


def _match(article, matrix=None):
    matrix = matrix or _matrix()
    return match_numbers(matrix, article, TableEmbedder().encode([s.text for s in article.sentences], "passage"), NEAR)


def test_a_sure_telling_anchors_the_claim_and_a_near_miss_elsewhere_asks_for_a_second_look():
    matrix = _matrix()
    sure, near = _articles()
    anchors = choose_anchors([(matrix, sure, _match(sure)), (matrix, near, _match(near))])
    assert anchors == {("no-ban", "en"): (Anchor("no-ban", "000", "en", "For now the bank does not plan any ban.",
                                                 float(_match(sure).floats[0, 1])),)}
    assert near_misses(matrix, near, _match(near), anchors) == {0: anchors[("no-ban", "en")]}
    assert near_misses(matrix, sure, _match(sure), anchors) == {}  # it states the claim already


def test_anchors_help_only_articles_of_their_language():
    matrix = _matrix()
    sure, near = _articles(sure_lang="fr")
    anchors = choose_anchors([(matrix, sure, _match(sure))])
    assert list(anchors) == [("no-ban", "fr")]
    assert near_misses(matrix, near, _match(near), anchors) == {}


def test_anchors_are_the_first_distinct_sentences_in_a_fixed_draw_not_the_surest_first(monkeypatch):
    monkeypatch.setattr(feedback, "MAX_ANCHORS", 3)
    matrix = _matrix()
    drawn = sorted(range(5), key=lambda i: _draw("no-ban", f"{i:03}"))
    least = drawn[1]  # drawn among the first three, so that the test shows the least sure is not passed over
    five = [_relabel(parse_article(f"{i:03}", f"For now the bank does not plan any ban {i}.\n" + FILLER
                                   + ("Banks were discussed.\n" if i == least else "")), "en") for i in range(5)]
    p = [float(_match(a).floats[0, 1]) for a in five]
    assert 0.8 <= p[least] < min(p[i] for i in range(5) if i != least)  # sure, but the least sure
    anchors = choose_anchors([(matrix, a, _match(a)) for a in reversed(five)])[("no-ban", "en")]
    assert [a.article for a in anchors] == [f"{i:03}" for i in drawn[:3]]


def test_one_sentence_told_by_several_articles_is_one_anchor(monkeypatch):
    monkeypatch.setattr(feedback, "MAX_ANCHORS", 3)
    matrix = _matrix()
    texts = {"004": SURE + FILLER, "001": SURE + FILLER, "003": "The bank will not ban anything.\n" + FILLER}
    articles = [_relabel(parse_article(name, text), "en") for name, text in texts.items()]
    anchors = choose_anchors([(matrix, a, _match(a)) for a in articles])[("no-ban", "en")]
    assert sorted(a.text for a in anchors) == [SURE.strip(), "The bank will not ban anything."]


def test_the_second_look_finds_the_near_miss_where_claim_and_anchor_agree():
    matrix, (_, near) = _matrix(), _articles()
    vectors = TableEmbedder().encode([s.text for s in near.sentences], "passage")
    first = match_numbers(matrix, near, vectors, NEAR)
    assert not first.ints[0, 0] and 0.25 <= first.floats[0, 1] < 0.5
    again = second_look(matrix, near, vectors, NEAR, {0: VECTORS["For now the bank does not plan any ban."][None, :]},
                        first)
    assert again.ints[0, 0] == 1 and again.ints[0, 1] == 4  # the last sentence
    assert 0.5 <= again.floats[0, 1] < first.floats[0, 1] + 0.5
    assert np.array_equal(again.ints[1], first.ints[1])  # other claims untouched


def test_an_anchor_that_points_elsewhere_changes_nothing():
    matrix, (_, near) = _matrix(), _articles()
    vectors = TableEmbedder().encode([s.text for s in near.sentences], "passage")
    first = match_numbers(matrix, near, vectors, NEAR)
    again = second_look(matrix, near, vectors, NEAR, {0: VECTORS["Trains ran on time."][None, :]}, first)
    assert again is first


def test_the_second_look_key_depends_on_which_anchors():
    anchor = Anchor("no-ban", "000", "en", "For now the bank does not plan any ban.", 0.9)
    other = Anchor("no-ban", "002", "en", "The bank will not ban anything.", 0.85)
    keys = {second_look_key(b"k", {0: (anchor,)}), second_look_key(b"k", {0: (anchor, other)}),
            second_look_key(b"k", {1: (anchor,)}), second_look_key(b"j", {0: (anchor,)})}
    assert len(keys) == 4


def test_check_states_the_claim_in_both_articles_and_a_warm_run_embeds_nothing():
    store, settings = DictStore(), Settings("table@1", "claims.yaml", NEAR)
    first = check(parse_claims(CLAIMS), _articles(), TableEmbedder(), settings, matches=store)
    no_ban = first.results[0]
    assert [(e.article, e.mentioned, e.line) for e in no_ban.evidence] == [("000", True, 1), ("001", True, 5)]
    again = TableEmbedder()
    second = check(parse_claims(CLAIMS), _articles(), again, settings, matches=store)
    assert again.passages == [] and second.results == first.results


def test_without_a_sure_telling_the_near_miss_stays_unmentioned():
    settings = Settings("table@1", "claims.yaml", NEAR)
    report = check(parse_claims(CLAIMS), _articles()[1:], TableEmbedder(), settings)
    assert [e.mentioned for e in report.results[0].evidence] == [False]


def test_article_match_layout_is_what_choose_anchors_reads():
    match = ArticleMatch(np.array([[1, 2, 3, 1, -1, -1]], dtype=np.int32), np.array([[0.7, 0.9]]), np.zeros(0))
    article = parse_article("x", "".join(f"Sentence number {i} here.\n" for i in range(6)))
    claims = ClaimMatrix.build(list(parse_claims("claims:\n  - id: c\n    text: t\n").claims), np.ones((1, 4)))
    (anchor,) = choose_anchors([(claims, article, match)])[("c", article.lang)]
    assert anchor.text == "Sentence number 3 here."  # first + focus


def test_a_new_anchor_makes_the_near_miss_look_again_and_only_then():
    store, settings = DictStore(), Settings("table@1", "claims.yaml", NEAR)
    check(parse_claims(CLAIMS), _articles(), TableEmbedder(), settings, matches=store)
    reworded = _relabel(parse_article("000", "The bank will not ban anything.\n" + FILLER), "en")
    again = TableEmbedder()
    report = check(parse_claims(CLAIMS), [reworded, _articles()[1]], again, settings, matches=store)
    assert "For years officials have said they seek no bans." in again.passages
    assert [e.mentioned for e in report.results[0].evidence] == [True, True]
    third = TableEmbedder()
    check(parse_claims(CLAIMS), [reworded, _articles()[1]], third, settings, matches=store)
    assert third.passages == []


def test_stored_matches_are_not_reused_once_the_second_look_settings_change(monkeypatch):
    store, settings = DictStore(), Settings("table@1", "claims.yaml", NEAR)
    check(parse_claims(CLAIMS), _articles(), TableEmbedder(), settings, matches=store)
    monkeypatch.setattr(feedback, "ANCHOR_PROBABILITY", 0.9)
    again = TableEmbedder()
    check(parse_claims(CLAIMS), _articles(), again, settings, matches=store)
    assert again.passages != []


def test_no_cache_embeds_each_sentence_once_though_a_second_look_reads_it_again(tmp_path, monkeypatch):
    import json

    import factcheck.cli as cli
    from factcheck.embed import ModelSpec

    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "000.txt").write_text(SURE + FILLER, encoding="utf-8")
    (tmp_path / "seeds" / "001.txt").write_text(FILLER + "For years officials have said they seek no bans.\n",
                                               encoding="utf-8")
    embedder = TableEmbedder()
    monkeypatch.setattr(cli, "resolve_model", lambda name: ModelSpec("table", "table", "table@1"))
    monkeypatch.setattr(cli, "load_embedder", lambda spec: embedder)
    monkeypatch.setattr(cli, "calibration_for", lambda identity: NEAR)
    assert cli.main(["run", "--claims", str(tmp_path / "claims.yaml"), "--articles", str(tmp_path / "seeds"),
                     "--out", str(tmp_path / "out"), "-q", "--no-cache"]) == 0
    report = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
    assert [a["mentioned"] for a in report["claims"][0]["articles"]] == [True, True]
    assert sorted(embedder.passages) == sorted(set(embedder.passages))
