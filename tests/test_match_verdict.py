"""Matching and verdicts over hand-made vectors and the fake embedder: no model needed."""

import numpy as np
import pytest

from factcheck.articles import parse_article
from factcheck.calibration import Calibration
from factcheck.claims import Claim, parse_claims
from factcheck.match import (ClaimMatrix, Evidence, Unit, match_article, match_features, rivalled_scores,
                             units_for)
from factcheck.pipeline import Settings, check
from factcheck.verdict import decide

CONTRAST_ONLY = Calibration("test", w_best=0.0, w_contrast=20.0, bias=-4.0)  # mentioned when contrast > 0.2


def test_pairs_stay_within_a_paragraph():
    assert units_for([1, 1, 3]) == [Unit(0, 0), Unit(1, 1), Unit(2, 2), Unit(0, 1)]


def test_contrast_discounts_what_the_rest_of_the_article_scores():
    units = units_for(list(range(12)))
    topical = np.array([0.60] + [0.55] * 11)
    focused = np.array([0.60] + [0.10] * 11)
    assert match_features(topical, units, 12) == pytest.approx((0.60, 0.05, 0))
    assert match_features(focused, units, 12) == pytest.approx((0.60, 0.50, 0))


def _partial(r_uc, r_ur, r_cr):
    return (r_uc - r_ur * r_cr) / np.sqrt((1 - r_ur ** 2) * (1 - r_cr ** 2))


def test_a_claim_that_matches_the_unit_better_explains_part_of_the_score_away():
    # claim 0 scores 0.48 at unit 0, claim 1 scores 0.62 there, and the two claims share 0.49
    scores = np.array([[0.48, 0.10], [0.62, 0.05]])
    similarity = np.array([[1.0, 0.49], [0.49, 1.0]])
    rivalled = rivalled_scores(scores, np.array([0, 0]), similarity)
    assert rivalled[0] == pytest.approx(_partial(0.48, 0.62, 0.49))
    assert rivalled[0] < 0.3
    assert rivalled[1] == pytest.approx(0.62)  # claim 0 matches worse: no rival for claim 1


@pytest.mark.parametrize("similarity, why", [(0.0, "unrelated claims share nothing to explain away"),
                                             (0.85, "claims that say the same thing are not rivals")])
def test_no_penalty_for_unrelated_or_same_claims(similarity, why):
    scores = np.array([[0.50], [0.70]])
    sims = np.array([[1.0, similarity], [similarity, 1.0]])
    assert rivalled_scores(scores, np.array([0, 0]), sims)[0] == pytest.approx(0.50), why


def test_without_other_claims_the_rivalled_score_is_the_score():
    assert rivalled_scores(np.array([[0.3, 0.6]]), np.array([1]), np.ones((1, 1))) == pytest.approx([0.6])


def test_a_headline_that_states_another_claim_is_not_evidence(fake_embedder):
    # "crypto mining" is better explained by the mining claim than by the hacker claim
    text = ("Crypto mining on ministry computers\nThe weather was fine in Almaty.\nThe market was calm.\n"
            "The trains ran on time.\nChildren played in the park.\nThe shops opened late.\n")
    article = parse_article("a", text)
    hacker = Claim("hack", "a hacker stole crypto from an exchange")
    mining = Claim("mining", "crypto mining on ministry computers by employees")
    rows = fake_embedder.encode([hacker.text, mining.text], "query")
    vectors = fake_embedder.encode([s.text for s in article.sentences], "passage")
    rivals_matter = Calibration("test", w_best=-6.0, w_contrast=10.0, bias=-1.2, w_rivalled=6.0)
    alone = match_article(ClaimMatrix.build([hacker], rows[:1]), article, vectors, rivals_matter)
    together = match_article(ClaimMatrix.build([hacker, mining], rows), article, vectors, rivals_matter)
    assert [e.mentioned for e in alone] == [True]
    assert [e.mentioned for e in together] == [False, True]


def _ev(article, mentioned=True, version=None):
    sentence = parse_article(article, "Un texte.").sentences
    return Evidence("c", article, mentioned, 0.5, 0.9 if mentioned else 0.1, sentence, version)


@pytest.mark.parametrize("evidence, status", [
    ([_ev("a", False), _ev("b", False)], "unmentioned"),
    ([_ev("a"), _ev("b", False)], "single-source"),
    ([_ev("a"), _ev("b")], "consistent"),
])
def test_status_without_versions(evidence, status):
    result = decide(Claim("c", "t"), evidence)
    assert (result.status, result.blocking) == (status, False)


def test_different_versions_disagree_and_block():
    claim = Claim("c", "t", versions=(("x", "X"), ("y", "Y")))
    result = decide(claim, [_ev("b", version="y"), _ev("a", version="x")])
    assert result.status == "disagreement" and result.blocking
    assert [d.explanation for d in result.differences] == ["a tells 'x', b tells 'y'"]


def test_verified_blocks_a_single_source_telling_another_version():
    claim = Claim("c", "t", versions=(("x", "X"), ("y", "Y")), verified="x")
    assert decide(claim, [_ev("a", version="y")]).blocking
    assert not decide(claim, [_ev("a", version="x")]).blocking


def test_warning_severity_never_blocks():
    claim = Claim("c", "t", versions=(("x", "X"), ("y", "Y")), severity="warning")
    assert decide(claim, [_ev("a", version="x"), _ev("b", version="y")]).blocking is False


def test_version_comes_from_the_evidence_and_its_neighbours(fake_embedder):
    text = ("Le ministère a publié un communiqué.\n"
            "Selon le gouvernement, les mineurs ont volé de l'électricité.\n"
            "La météo était belle ce jour-là à Almaty.\n" * 1 +
            "Les enfants jouaient dans le parc.\nLe marché était calme.\nLes trains étaient à l'heure.\n")
    article = parse_article("a", text)
    claim = Claim("c", "les mineurs ont volé de l'électricité",
                  versions=(("government", "selon le gouvernement"), ("police", "selon la police")))
    rows = fake_embedder.encode([claim.text, "selon le gouvernement", "selon la police"], "query")
    vectors = fake_embedder.encode([s.text for s in article.sentences], "passage")
    (evidence,) = match_article(ClaimMatrix.build([claim], rows), article, vectors, CONTRAST_ONLY)
    assert (evidence.mentioned, evidence.line, evidence.version) == (True, 2, "government")


def test_check_runs_the_whole_pipeline_with_the_fake(fake_embedder):
    claim_set = parse_claims("claims:\n  - id: power\n    text: les mineurs ont volé de l'électricité\n"
                             "  - id: rain\n    text: il pleuvait sur Paris hier soir\n")
    articles = [parse_article(name, "Le marché était calme.\nLes mineurs ont volé de l'électricité.\n"
                                    "Les trains étaient à l'heure.\nLes enfants jouaient.\n") for name in "ab"]
    report = check(claim_set, articles, fake_embedder, Settings("fake", "claims.yaml", CONTRAST_ONLY))
    assert [(r.claim.id, r.status) for r in report.results] == [("power", "consistent"), ("rain", "unmentioned")]


def _told(article, text):
    return Evidence("c", article, True, 0.8, 0.9, parse_article(article, text).sentences)


def test_a_claim_told_by_an_archive_is_compared_a_bounded_number_of_times(monkeypatch):
    import factcheck.verdict as verdict

    calls = []
    real = verdict.compare
    monkeypatch.setattr(verdict, "compare", lambda left, right: calls.append(1) or real(left, right))
    # 300 different wordings that all agree: no early stop at MAX_DIFFERENCES
    names = ["".join(chr(97 + (i // 26 ** k) % 26) for k in range(3)) for i in range(300)]
    tellings = [_told(f"a{i:03d}", f"Les quatre employés ont miné des cryptos sur le serveur {name}.")
                for i, name in enumerate(names)]
    result = decide(Claim("c", "t"), tellings)
    assert result.status == "consistent"
    assert len(calls) <= 300 * verdict.MAX_REFERENCES


def test_differences_stop_at_the_cap_and_repeated_tellings_are_compared_once():
    from factcheck.verdict import MAX_DIFFERENCES

    tellings = [_told(f"a{i:03d}", f"{i + 1} employés ont miné des cryptos.") for i in range(100)]
    tellings += [_told(f"b{i:03d}", "1 employés ont miné des cryptos.") for i in range(50)]
    result = decide(Claim("c", "t"), tellings)
    assert len(result.differences) == MAX_DIFFERENCES
    assert result.differences[0].explanation == "a000 says 1 employés, a001 says 2 employés"
    assert not any(d.left.article.startswith("b") or d.right.article.startswith("b") for d in result.differences)
