"""The `aligned` feature: a claim's words matched by their vectors in the evidence, against the article's topic."""

from functools import partial

import numpy as np

from factcheck.core.aligned import (
    ALIGNED,
    Alignments,
    ArticleWords,
    WordTable,
    aligned,
    sentence_words,
    words_found,
    words_of,
)
from factcheck.core.engine import embed_words, scored_with_words, with_version_words
from factcheck.core.match import Look
from factcheck.core.scope import claim_rows
from factcheck.models.calibration import shipped_calibrations
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


def test_a_sentence_s_capitalised_words_are_matched_lower_cased_too():
    assert sentence_words("Çalışanlar cezalandırılacak.", "tr") == ("Çalışanlar", "cezalandırılacak", "çalışanlar")
    assert sentence_words("Suriye, Irak ve Libya.", "tr") == ("Suriye", "Irak", "Libya", "suriye", "irak", "libya")
    assert sentence_words("KNB açıkladı.", "tr") == ("KNB", "açıkladı")  # an acronym is kept as written only
    assert sentence_words("4 çalışan yakalandı.", "tr") == ("çalışan", "yakalandı")


def _one_hot(claim: str, article) -> WordTable:
    claim_words = words_of([(claim, "en")])
    article_words = words_of([(s.text, s.lang) for s in article.sentences], sentence_words)
    every = list(dict.fromkeys([*claim_words, *article_words]))
    return WordTable.of(claim_words, article_words, dict(zip(every, np.eye(len(every)))))


def test_a_sentence_has_the_claims_words_it_shares():
    article = parse_article(
        "a", "The Blue Horizon caught fire.\nIt was at 4.\nThe Blue Horizon sank.\nLesbos is an island."
    )
    table = _one_hot("The Blue Horizon sank", article)
    alignments = Alignments.of([None, ("The Blue Horizon sank", "en")], ArticleWords.of(article, table), table)
    # claim words: Blue, Horizon, sank; one row each, one column per sentence (the second has no content words)
    assert alignments.by_sentence.tolist() == [[1, 0, 1, 0], [1, 0, 1, 0], [0, 0, 1, 0]]
    assert alignments.offsets.tolist() == [0, 0, 3]  # the first claim is not of a story: no rows


def test_words_the_rest_of_the_article_has_weigh_little():
    # the Blue Horizon is in every sentence, but only the second says it sank
    article = parse_article("a", "The Blue Horizon caught fire.\nThe Blue Horizon sank.\nThe Blue Horizon was old.")
    table = _one_hot("The Blue Horizon sank", article)
    alignments = Alignments.of([("The Blue Horizon sank", "en")], ArticleWords.of(article, table), table)

    def at(first, last, context):
        return round(float(aligned(alignments, np.array([0]), np.array([first]), np.array([last]), context)[0]), 3)

    assert at(1, 1, context=0) == 1.0
    # 'sank' is in the background of the first sentence: every claim word weighs the floor, two of three found
    assert at(0, 0, context=0) == 0.667
    # with its neighbour out of the background, the first sentence lacks the one word that matters
    assert at(0, 0, context=1) == round(2 * 0.05 / (2 * 0.05 + 1), 3)
    # no background at all: each word weighs the same; a pair of sentences has the words of both
    assert at(1, 1, context=1) == 1.0
    assert at(0, 1, context=0) == 1.0


def test_a_claim_without_content_words_is_aligned_with_nothing():
    article = parse_article("a", "The Blue Horizon sank.")
    table = _one_hot("The Blue Horizon sank", article)
    alignments = Alignments.of(
        [("It is 4.", "en"), ("The Blue Horizon sank", "en")], ArticleWords.of(article, table), table
    )
    found = aligned(alignments, np.array([0, 1]), np.array([0, 0]), np.array([0, 0]), 1)
    assert found.tolist() == [0.0, 1.0]


def test_only_claims_of_a_story_have_their_words_embedded_and_only_when_the_decision_weighs_them(fake_embedder):
    article = parse_article("a", "The ferry sank off Lesbos.")
    claims = [Claim("in-story", "The ferry sank.", story="ferry"), Claim("everywhere", "Rates rose.")]
    rows = [claim_rows(claims[:1], fake_embedder), claim_rows(claims[1:], fake_embedder)]
    vectors = fake_embedder.encode([s.text for s in article.sentences], "passage")
    with_story, without = scored_with_words(rows, [article, article], [vectors, vectors], fake_embedder, words=True)
    assert sorted(with_story.words.rows) == ["ferry", "sank"]
    assert sorted(with_story.words.columns) == ["Lesbos", "ferry", "lesbos", "off", "sank"]
    assert without.words is None
    unweighed, _ = scored_with_words(rows, [article, article], [vectors, vectors], fake_embedder, words=False)
    assert unweighed.words is None


def test_a_story_claim_s_versions_have_their_own_words_embedded_too(fake_embedder):
    article = parse_article("a", "The fire broke out in the engine room.")
    versions = (("engine", "The fire broke out in the engine room."), ("deck", "The fire broke out on the car deck."))
    claim = Claim("origin", "The fire started below deck.", story="ferry", versions=versions)
    rows = [claim_rows([claim], fake_embedder)]
    vectors = fake_embedder.encode([s.text for s in article.sentences], "passage")
    (scored,) = scored_with_words(rows, [article], [vectors], fake_embedder, words=True)
    # the claim's words, then its versions'
    assert list(scored.words.rows) == ["fire", "started", "below", "deck", "broke", "out", "engine", "room", "car"]
    # what tells each version apart, word by word; a version with no words of its own is looked for by all of them
    assert rows[0].own_words(0) == [("engine", "room"), ("car", "deck")]
    same = Claim("n", "Ten died.", story="s", versions=(("ten", "10 people died."), ("twelve", "12 people died.")))
    assert claim_rows([same], fake_embedder).own_words(0) == [("people", "died"), ("people", "died")]


def test_a_claim_checked_everywhere_has_its_versions_words_embedded_where_it_is_found(fake_embedder):
    calibration = shipped_calibrations()["use-multilingual-v3"]
    found, other = parse_article("a", "The fire broke out in the engine room."), parse_article("b", "Rates rose.")
    versions = (("engine", "The fire broke out in the engine room."), ("deck", "The fire broke out on the car deck."))
    claims = [Claim("origin", "The fire started below deck.", versions=versions), Claim("rates", "Rates rose.")]
    rows = claim_rows(claims, fake_embedder)
    vectors = [fake_embedder.encode([s.text for s in a.sentences], "passage") for a in (found, other)]
    scored = list(zip([rows, rows], scored_with_words([rows, rows], [found, other], vectors, fake_embedder, True)))
    sure, unlikely = np.array([0.99, 0.99]), np.array([0.01, 0.99])
    looks = [Look(np.zeros(2, int), np.zeros(2), {}, p) for p in (sure, unlikely)]
    (_, with_words), (_, without) = with_version_words(scored, looks, calibration, partial(embed_words, fake_embedder))
    # only where the claim is found, and only its versions' words: it is told apart word by word as a story's is
    assert list(with_words.words.rows) == ["fire", "broke", "out", "engine", "room", "car", "deck"]
    assert without.words is None


def test_the_default_models_decision_weighs_the_words_and_the_older_calibrations_do_not():
    calibrations = shipped_calibrations()
    assert calibrations["use-multilingual-v3"].weighs(ALIGNED)
    assert not calibrations["multilingual-e5-small-q4"].weighs(ALIGNED)


def test_a_version_s_own_words_are_found_word_by_word():
    # 'engine' lies next to 'makine' and 'room' next to 'dairesinde'; 'car' and 'deck' next to nothing here
    vectors = {
        "engine": [1.0, 0.0, 0.0],
        "room": [0.0, 1.0, 0.0],
        "car": [0.0, 0.0, 1.0],
        "deck": [0.0, 0.0, 1.0],
        "makine": [0.8, 0.6, 0.0],
        "dairesinde": [0.0, 1.0, 0.0],
        "yangın": [0.6, 0.0, 0.8],
        "çıktı": [0.0, 0.6, 0.8],
    }
    article = parse_article("a", "Geminin makine dairesinde yangın çıktı.\nYolcular tahliye edildi.")
    table = WordTable.of(["engine", "room", "car", "deck"], ["makine", "dairesinde", "yangın", "çıktı"], vectors)
    window = article.sentences[:1]
    assert words_found(table, ("engine", "room"), window) == 0.9  # (0.8 + 1.0) / 2
    assert round(words_found(table, ("car", "deck"), window), 3) == 0.8  # each at best 'yangın' or 'çıktı'
    # no word of the version in the table, or none in the sentences: nothing to tell by words
    assert words_found(table, ("fire",), window) is None
    assert words_found(table, ("engine",), article.sentences[1:]) is None
