"""The `aligned` feature: a claim's words matched by their vectors in the evidence, against the article's topic."""

import numpy as np

from factcheck.core.aligned import WordVectors, aligned, sentence_alignment, words_to_embed
from factcheck.core.engine import scored_with_words
from factcheck.core.scope import claim_rows
from factcheck.records import Claim
from factcheck.text.sentences import parse_article
from factcheck.text.terms import content_words


def test_content_words_keep_their_case_and_lose_elisions_endings_function_words_and_figures():
    assert content_words("L'Irak fouille un avion iranien à destination de la Syrie", "fr") == (
        "Irak",
        "fouille",
        "avion",
        "iranien",
        "destination",
        "Syrie",
    )
    assert content_words("Libya meclis seçimini 7 Temmuz'a erteledi", "tr") == (
        "Libya",
        "meclis",
        "seçimini",
        "Temmuz",
        "erteledi",
    )
    assert content_words("Four employees did not mine gas", "en") == ("employees", "did", "mine", "gas")


def _one_hot(words: list[str]) -> WordVectors:
    return WordVectors({w: i for i, w in enumerate(words)}, np.eye(len(words)))


def test_a_sentence_has_the_claims_words_it_shares():
    article = parse_article("a", "The Blue Horizon caught fire.\nThe Blue Horizon sank.\nLesbos is an island.")
    words = _one_hot(words_to_embed([("The Blue Horizon sank", "en")], [article]))
    alignment = sentence_alignment("The Blue Horizon sank", "en", article, words)
    # claim words: Blue, Horizon, sank; one row each, one column per sentence
    assert alignment.tolist() == [[1, 1, 0], [1, 1, 0], [0, 1, 0]]


def test_words_the_rest_of_the_article_has_weigh_little():
    # Blue and Horizon are in every sentence; 'sank' only in the second
    alignment = np.array([[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [0.0, 1.0, 0.0]])
    on_fire, sank = aligned(alignment, 0, 0, context=1), aligned(alignment, 1, 1, context=1)
    assert round(sank, 3) == 1.0
    assert round(on_fire, 3) == round(2 * 0.05 / (2 * 0.05 + 1), 3)  # the topic's words alone, at their floor
    assert aligned(np.zeros((0, 3)), 0, 0, context=0) == 0.0


def test_only_claims_of_a_story_have_their_words_embedded(fake_embedder):
    article = parse_article("a", "The ferry sank off Lesbos.")
    claims = [Claim("in-story", "The ferry sank.", story="ferry"), Claim("everywhere", "Rates rose.")]
    story, everywhere = claim_rows(claims[:1], fake_embedder), claim_rows(claims[1:], fake_embedder)
    vectors = fake_embedder.encode([s.text for s in article.sentences], "passage")
    with_story, without = scored_with_words([story, everywhere], [article, article], [vectors, vectors], fake_embedder)
    assert sorted(with_story.words.index) == ["Lesbos", "ferry", "off", "sank"]
    assert without.words is None
