"""The veto: claims checked everywhere that an article is found to state, decided again with their words aligned."""

from dataclasses import replace

import numpy as np

from factcheck.core.engine import scored_with_words
from factcheck.core.explain import explain_claim
from factcheck.core.match import Look
from factcheck.core.scope import claim_rows
from factcheck.core.veto import SURE, with_veto
from factcheck.models.calibration import Calibration, Scope, shipped_calibrations
from factcheck.records import Claim
from factcheck.text.sentences import parse_article

# the words decide: all of the claim's words in the evidence -> p 0.99; none -> 0.01
VETO = Calibration("fake", Scope({}, 0.0, 0.5), Scope({}, 0.0, 0.5), 0.1, veto=Scope({"aligned": 10.0}, -5.0, 0.5))


def _looked_at(fake_embedder, probability):
    article = parse_article("a", "The ferry sank off Lesbos.\nRates rose at the bank.")
    claims = claim_rows(
        [Claim("ferry", "The ferry sank off Lesbos."), Claim("rates", "Food prices fell.")], fake_embedder
    )
    vectors = fake_embedder.encode([s.text for s in article.sentences], "passage")
    (scored,) = scored_with_words([claims], [article], [vectors], fake_embedder, words=True)
    look = Look(np.array([0, 1]), np.array([0.9, 0.6]), {}, np.array(probability))
    return claims, scored, look


def test_a_claim_found_with_none_of_its_words_is_refused_and_one_found_with_all_is_kept(fake_embedder):
    claims, scored, look = _looked_at(fake_embedder, [0.9, 0.9])
    (after,) = with_veto([(claims, scored)], [look], VETO, lambda words: fake_embedder.encode(words, "passage"))
    assert after.probability[0] == 0.9
    assert round(float(after.probability[1]), 4) == round(1 / (1 + np.exp(5.0)), 4)


def test_no_second_look_below_the_threshold_at_or_above_sure_or_without_a_veto(fake_embedder):
    claims, scored, look = _looked_at(fake_embedder, [0.3, SURE])

    def encode(words):
        return fake_embedder.encode(words, "passage")

    assert with_veto([(claims, scored)], [look], VETO, encode)[0].probability.tolist() == [0.3, SURE]
    claims, scored, look = _looked_at(fake_embedder, [0.9, 0.9])
    assert with_veto([(claims, scored)], [look], replace(VETO, veto=None), encode)[0] is look


def test_explain_shows_the_veto_s_probability_for_a_sentence_it_refuses(fake_embedder):
    article = parse_article("a", "The ferry sank off Lesbos.\nRates rose at the bank.")
    claims = claim_rows(
        [Claim("ferry", "The ferry sank off Lesbos."), Claim("rates", "Food prices fell.")], fake_embedder
    )
    vectors = fake_embedder.encode([s.text for s in article.sentences], "passage")
    (scored,) = scored_with_words([claims], [article], [vectors], fake_embedder, words=True, every_claim=True)
    (ferry,) = explain_claim(claims, "ferry", scored, VETO, top=1)
    (rates,) = explain_claim(claims, "rates", scored, VETO, top=1)
    assert (ferry.line, ferry.probability) == (1, 0.5)  # the first decision's: all its words are there
    assert rates.probability == round(1 / (1 + np.exp(5.0)), 3)  # refused: none of its words are


def test_the_default_models_calibration_has_a_veto_that_weighs_the_words():
    veto = shipped_calibrations()["use-multilingual-v3"].veto
    assert veto is not None and veto.weights["aligned"] > 0
