"""Matching and verdicts over hand-made vectors and the fake embedder: no model needed."""

import numpy as np
import pytest
from conftest import contrast_only

from factcheck.core.check import check
from factcheck.core.decide import decide_article, first_look
from factcheck.core.features import features_at
from factcheck.core.match import Units, score
from factcheck.core.scope import claim_rows
from factcheck.core.verdict import decide
from factcheck.inputs.claims import parse_claims
from factcheck.records import Claim, Settings
from factcheck.results import Evidence
from factcheck.store import MemoryStore
from factcheck.text.sentences import parse_article
from factcheck.text.terms import clauses, name_swap, names_missing, overlap, terms

CONTRAST_ONLY = contrast_only()


def test_pairs_stay_within_a_paragraph():
    units = Units.of(parse_article("a", "Un. Deux.\nTrois."))
    assert list(zip(units.first.tolist(), units.last.tolist())) == [(0, 0), (1, 1), (2, 2), (0, 1)]


def _scored(fake_embedder, text, *claims):
    article = parse_article("a", text)
    rows = claim_rows(list(claims), fake_embedder)
    vectors = fake_embedder.encode([s.text for s in article.sentences], "passage")
    return rows, score(rows, article, vectors), vectors


def test_a_clause_looked_at_moves_its_own_claim_and_leaves_the_others_as_they_were(fake_embedder):
    from factcheck.core.decide import with_clauses

    rows, scored, _ = _scored(
        fake_embedder,
        "The authority filed criminal cases, and it seized equipment worth billions across the whole country.\n"
        "The weather was fine.\n",
        Claim("cases", "the authority filed criminal cases"),
        Claim("rain", "rain fell on the market"),
    )
    look = first_look(rows, scored, CONTRAST_ONLY)
    clause = "The authority filed criminal cases"
    vectors = {clause: fake_embedder.encode([clause], "passage")[0]}
    looked = with_clauses(rows, scored, look, CONTRAST_ONLY, {0: [(0, clause)]}, vectors)
    assert looked.best[0] > look.best[0]
    # the other claim's probability is the same in every article, whatever another claim's near miss
    assert looked.probability[1] == look.probability[1]
    assert {name: v[1] for name, v in looked.features.items()} == {name: v[1] for name, v in look.features.items()}


def test_contrast_discounts_what_the_rest_of_the_article_scores(fake_embedder):
    claim = Claim("c", "crypto mining on state computers")
    focused = "Crypto mining on state computers.\n" + "".join(f"The weather {i} was fine.\n" for i in range(10))
    topical = "Crypto mining on state computers.\n" + "".join(f"Crypto mining {i} rose.\n" for i in range(10))
    contrasts = []
    for text in (focused, topical):
        rows, scored, _ = _scored(fake_embedder, text, claim)
        unit = scored.claims.argmax(axis=1)
        contrasts.append(features_at(rows, scored, unit, scored.claims[0, unit])["contrast"][0])
    assert contrasts[0] > contrasts[1] + 0.3


def test_specific_takes_the_story_s_topic_out_of_claim_and_evidence(fake_embedder):
    text = "Kazakhstan crypto central bank launched a stablecoin"
    story = "".join(
        f"Kazakhstan crypto miners moved {w}.\n" for w in "north south east west again later soon twice".split()
    )
    article = f"Kazakhstan crypto hub plans.\n{story}The central bank launched a stablecoin.\n"
    rows, scored, _ = _scored(fake_embedder, article, Claim("at-topical", text, "s"), Claim("at-stating", text, "s"))
    unit = np.array([0, 9])  # the topical headline, the sentence that states it
    found = features_at(rows, scored, unit, scored.claims[[0, 1], unit])
    assert found["best"].tolist() == pytest.approx([0.33, 0.82], abs=0.005)
    assert found["specific"].tolist() == pytest.approx([0.25, 0.9], abs=0.005)  # the headline's words are the story's
    everywhere = _scored(fake_embedder, article, Claim("c", text))
    assert features_at(everywhere[0], everywhere[1], unit[:1], found["best"][:1])["specific"] == found["best"][:1]


def test_words_are_found_across_languages_by_their_transliterated_start():
    claim = terms("Tokayev wants Kazakhstan's Ministry of Finance to act")
    assert (
        overlap(claim, terms("Tokaïev veut que le ministère des Finances du Kazakistan agisse")) == 0.8
    )  # not 'wants'
    assert overlap(claim, terms("Le marché était calme")) == 0.0


def test_a_claim_whose_names_are_missing_and_replaced_is_another_event():
    claim = terms("Hassan Rouhani wins Iran's presidential election")
    other = terms("Nicolas Maduro remporte le vote présidentiel au Venezuela")
    assert name_swap(names_missing(claim, other), claim, other) == 1.0
    same = terms("Rouhani remporte l'élection présidentielle iranienne")
    assert name_swap(names_missing(claim, same), claim, same) == 0.0


def test_a_long_sentence_is_split_into_its_facts():
    assert clauses("L'autorité a déposé 25 affaires pénales et saisi 67 000 pièces d'équipement.") == [
        "L'autorité a déposé 25 affaires pénales",
        "saisi 67 000 pièces d'équipement.",
    ]
    assert clauses("Court sentence here.") == []


def test_a_claim_checked_everywhere_needs_more_than_a_story_claim(fake_embedder):
    from factcheck.models.calibration import Calibration, Scope

    calibration = Calibration("t", Scope({"best": 10.0}, -5.0, 0.5), Scope({"best": 10.0}, -5.0, 0.9), 1.0)
    text = "Les mineurs ont volé de l'électricité au réseau hier.\nLe marché était calme.\n"
    for story, stated in ((None, False), ("s", True)):
        rows, scored, vectors = _scored(fake_embedder, text, Claim("c", "les mineurs ont volé", story=story))
        match = decide_article(rows, scored, first_look(rows, scored, calibration), calibration, vectors)
        assert bool(match.decisions["mentioned"][0]) is stated, story


def _ev(article, mentioned=True, version=None, text="Un texte."):
    sentence = parse_article(article, text).sentences
    return Evidence("c", article, mentioned, 0.5, 0.9 if mentioned else 0.1, sentence, version)


@pytest.mark.parametrize(
    "claim, status",
    [
        ("58 crew members were on board.", "consistent"),  # the passengers are another fact
        ("The ferry carried 312 passengers.", "disagreement"),
        ("The ferry carried 300 passengers.", "disagreement"),  # neither gives the claim's figure, both its quantity
        ("The ferry caught fire.", "disagreement"),  # a claim without figures: every figure is compared
    ],
)
def test_two_articles_figures_are_compared_on_what_the_claim_gives(claim, status):
    evidence = [
        _ev("a", text="The ferry carried 312 passengers and 58 crew members."),
        _ev("b", text="Gemide 320 yolcu ve 58 mürettebat bulunuyordu."),
    ]
    assert decide(Claim("c", claim), evidence).status == status


@pytest.mark.parametrize(
    "evidence, status",
    [
        ([_ev("a", False), _ev("b", False)], "unmentioned"),
        ([_ev("a"), _ev("b", False)], "single-source"),
        ([_ev("a"), _ev("b")], "consistent"),
    ],
)
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


@pytest.mark.parametrize(
    "claim_text, article_text, contradicted",
    [
        ("Six employees of the ministry mined crypto.", "Quatre employés du ministère minaient des cryptos.", True),
        ("Four employees of the ministry mined crypto.", "Quatre employés du ministère minaient des cryptos.", False),
        (
            "More than 500 people attended the conference.",
            "Plus de 1 000 acteurs ont participé à la conférence.",
            False,
        ),
        ("About 500 people attended the conference.", "Plus de 1 000 acteurs ont participé à la conférence.", True),
        (
            "The National Bank plans to ban digital currencies.",
            "La Banque nationale ne prévoit pas d'interdire les devises numériques.",
            True,
        ),
        (
            "The National Bank does not plan to ban digital currencies.",
            "La Banque nationale ne prévoit pas d'interdire les devises numériques.",
            False,
        ),
    ],
)
def test_a_claim_is_checked_against_what_the_articles_say(claim_text, article_text, contradicted):
    result = decide(Claim("c", claim_text), [_ev("a", text=article_text)], lang="en")
    assert (result.contradicting == {"a"}) is contradicted
    assert result.blocking is contradicted
    assert result.status == "single-source"


def test_a_claim_with_versions_and_none_verified_asserts_nothing():
    claim = Claim(
        "c",
        "Six employees mined crypto.",
        versions=(("x", "Six employees mined crypto."), ("y", "Seven employees mined crypto.")),
    )
    assert decide(claim, [_ev("a", text="Quatre employés ont miné.")], lang="en").contradictions == ()
    verified = Claim("c", claim.text, versions=claim.versions, verified="x")
    (found,) = decide(verified, [_ev("a", text="Quatre employés ont miné.")], lang="en").contradictions
    assert found.explanation == "the claim says 6 employees, a says 4 employés"


@pytest.mark.parametrize(
    "claim_text, line",
    [
        ("The album Revenge of the Dreamers released two singles", 2),  # the sentence of the singles
        ("The album Revenge of the Dreamers released its singles", 0),  # no figure: the best sentence
        ("Six labels released the album Revenge of the Dreamers", 0),  # six singles are no six labels
    ],
)
def test_a_claims_figure_is_found_in_the_sentence_that_gives_it(fake_embedder, claim_text, line):
    from factcheck.models.calibration import Calibration, Scope

    calibration = Calibration("t", Scope({"best": 10.0}, -3.0, 0.5), Scope({"best": 10.0}, -3.0, 0.5), 1.0)
    text = (
        "Revenge of the Dreamers is the album of Dreamville Records.\n"
        "The weather was fine.\n"
        "The album was supported by six singles.\n"
    )
    rows, scored, vectors = _scored(fake_embedder, text, Claim("c", claim_text, story="s"))
    look = first_look(rows, scored, calibration)
    assert int(scored.units.first[look.unit[0]]) == 0  # the album's sentence scores best
    match = decide_article(rows, scored, look, calibration, vectors)
    assert (bool(match.decisions["mentioned"][0]), int(match.decisions["first"][0])) == (True, line)


def test_version_is_told_by_what_tells_the_versions_apart(fake_embedder):
    text = (
        "Le ministère a publié un communiqué.\n"
        "Selon Daniyar Akishev, les mineurs ont volé de l'électricité au réseau.\n"
        "La météo était belle ce jour-là à Almaty.\n"
        "Les enfants jouaient dans le parc.\nLe marché était calme.\nLes trains étaient à l'heure.\n"
    )
    claim = Claim(
        "c",
        "les mineurs ont volé de l'électricité",
        story="s",
        versions=(
            ("akishev", "Daniyar Akishev said the miners stole electricity"),
            ("police", "The police said the miners stole electricity"),
        ),
    )
    rows, scored, vectors = _scored(fake_embedder, text, claim)
    match = decide_article(rows, scored, first_look(rows, scored, CONTRAST_ONLY), CONTRAST_ONLY, vectors)
    assert (bool(match.decisions["mentioned"][0]), int(match.decisions["version"][0])) == (True, 0)


def test_a_pronoun_s_referent_is_looked_for_further_back(fake_embedder):
    versions = (
        ("conference", "Les participants de la conférence d'Almaty ont convenu que le secteur a besoin de régulation"),
        ("government", "Les membres du gouvernement ont convenu que le secteur a besoin de régulation"),
    )
    claim = Claim("c", "le secteur a besoin de régulation", story="s", versions=versions)
    for opening, told in (("Ils", 0), ("Les experts", 1)):
        text = (
            "Des investisseurs ont participé à la conférence qui s'est tenue à Almaty.\n"
            "Le gouvernement avait invité la presse. Les trains étaient à l'heure.\n"
            f"{opening} ont convenu que le secteur a besoin de régulation.\n"
            "Les enfants jouaient dans le parc.\nLe marché était calme.\n"
        )
        rows, scored, vectors = _scored(fake_embedder, text, claim)
        match = decide_article(rows, scored, first_look(rows, scored, CONTRAST_ONLY), CONTRAST_ONLY, vectors)
        # 'Ils' refers back three sentences, to the conference at Almaty; before 'Les experts' the two sentences
        # looked at are enough, and they name the government
        assert (bool(match.decisions["mentioned"][0]), int(match.decisions["version"][0])) == (True, told), opening


def test_a_modal_word_tells_a_deliberate_slowdown_from_a_criticised_one():
    from factcheck.core.versions import VersionEvidence, tell

    versions = (
        ("criticised", "The authorities were criticised for slowing down regulation."),
        ("deliberate", "The government deliberately slowed down regulation."),
    )
    for sentence, told in (
        ("Le gouvernement a volontairement ralenti la réglementation.", 1),
        ("Les autorités ont été critiquées pour avoir ralenti la réglementation.", 0),
    ):
        evidence = VersionEvidence(sentence, "fr", sentence, np.array([0.5, 0.5]), np.array([0.0, 0.0]))
        assert tell(versions, "en", evidence).version == told, sentence


def test_voiced_concern_is_not_criticised_whatever_the_scores_say():
    from factcheck.core.versions import VersionEvidence, tell
    from factcheck.text.cues import cues

    versions = (
        ("criticised", "The financial authorities came under criticism for delaying crypto rules."),
        ("deliberate", "The government slowed crypto regulation on purpose."),
        ("incident", "The authorities expressed concern about the incident, which delayed the crypto rules."),
    )
    # the scores favour 'criticised' (it shares 'financial authorities'); the stance words decide
    scores = np.array([0.46, 0.32, 0.44])
    for sentence, lang, told in (
        ("Finansal otoriteler, düzenlemeleri yavaşlatan olaydan dolayı endişelerini dile getirdi.", "tr", 2),
        ("Les autorités financières ont fait l'objet de nombreuses critiques pour ce retard.", "fr", 0),
        ("Finansal otoriteler, düzenlemeleri yavaşlattıkları için eleştirildi.", "tr", 0),
    ):
        evidence = VersionEvidence(sentence, lang, sentence, scores, np.zeros(3))
        assert tell(versions, "en", evidence).version == told, sentence
    # reviews are not criticism (text/reception.py reads them)
    assert cues("Le film a reçu des critiques positives.", "fr").modality == ()
    assert cues("Film olumlu eleştiriler aldı.", "tr").modality == ()


def test_a_negated_version_is_read_where_it_is_found_not_where_the_claim_is():
    from factcheck.core.versions import Told, VersionEvidence, tell

    versions = (
        ("charged", "The employees were charged with creating malicious software."),
        ("no-charges-yet", "The prosecutors have no idea what charges to bring against the employees."),
    )
    awaiting = "Les 4 employés sont toujours dans l'attente de leur jugement."
    no_idea = "Les procureurs n'ont pas la moindre idée des accusations à porter."
    window = f"{awaiting} {no_idea}"
    scores = np.array([0.27, 0.52])
    # the claim is stated best by the first sentence, which negates nothing; the negated version is the next one
    found = VersionEvidence(awaiting, "fr", window, scores, np.zeros(2), (awaiting, no_idea))
    assert tell(versions, "en", found) == Told(1, "scores")  # each agrees with where it is found
    # where both are found in one sentence, its polarity decides as before
    charged = "Les employés ont été accusés de créer des logiciels malveillants."
    one = VersionEvidence(charged, "fr", charged, np.array([0.3, 0.6]), np.zeros(2), (charged, charged))
    assert tell(versions, "en", one) == Told(0, "negation")


def test_an_article_no_claim_checks_is_left_alone(fake_embedder):
    claim_set = parse_claims('stories:\n  s: ["a"]\nclaims:\n  - {id: c, text: les mineurs ont volé, story: s}\n')
    articles = [parse_article(name, "Les mineurs ont volé.\nLe marché était calme.\n") for name in "ab"]
    report = check(claim_set, articles, fake_embedder, Settings("fake", "claims.yaml", CONTRAST_ONLY), MemoryStore())
    assert [e.article for e in report.results[0].evidence] == ["a"]


def test_check_runs_the_whole_pipeline_with_the_fake(fake_embedder):
    claim_set = parse_claims(
        "claims:\n  - id: power\n    text: les mineurs ont volé de l'électricité\n"
        "  - id: rain\n    text: il pleuvait sur Paris hier soir\n"
    )
    articles = [
        parse_article(
            name,
            "Le marché était calme.\nLes mineurs ont volé de l'électricité.\n"
            "Les trains étaient à l'heure.\nLes enfants jouaient.\n",
        )
        for name in "ab"
    ]
    report = check(claim_set, articles, fake_embedder, Settings("fake", "claims.yaml", CONTRAST_ONLY), MemoryStore())
    assert [(r.claim.id, r.status) for r in report.results] == [("power", "consistent"), ("rain", "unmentioned")]


def test_a_draft_states_a_claim_where_it_holds_a_near_duplicate_of_another_drafts_telling(fake_embedder):
    claim_set = parse_claims(
        'stories:\n  s: ["a", "b"]\nclaims:\n  - id: c\n    story: s\n'
        '    text: "des employés ont miné des cryptos sur des serveurs"\n'
    )
    filler = "".join(f"Le marché {i} était calme et les trains à l'heure.\n" for i in range(8))
    first = "Quatre employés ont miné des cryptos sur les serveurs du ministère.\n" + filler
    # the second draft words it so that it falls short alone, and near-duplicates the first draft's sentence
    second = "Six employés du ministère ont miné des cryptos sur les serveurs.\n" + filler
    articles = [parse_article("a", first), parse_article("b", second)]
    strict = contrast_only()
    report = check(claim_set, articles, fake_embedder, Settings("fake", "claims.yaml", strict), MemoryStore())
    (result,) = report.results
    assert [e.mentioned for e in result.evidence] == [True, True]
    assert [d.kind for d in result.differences] == ["number"]


def test_an_article_a_draft_is_aligned_in_keeps_its_other_claims_decisions(fake_embedder):
    """b states d in a clause of a long sentence; aligning b's telling of c with a's must not undo that."""
    from factcheck.models.calibration import Calibration, Scope

    scope = Scope({"best": 30.0}, -27.0, 0.5)  # stated from a cosine of 0.9
    calibration = Calibration("t", scope, scope, 0.0)
    c = '  - id: c\n    story: s\n    text: "Quatre employés ont miné des cryptos sur les serveurs du ministère"\n'
    d = '  - id: d\n    story: s\n    text: "policiers saisi ordinateurs portables"\n'
    long = "Policiers saisi ordinateurs portables, et " + " ".join(f"mot{i}" for i in range(60)) + ".\n"
    first = "Quatre employés ont miné des cryptos sur les serveurs du ministère.\nLe marché était calme.\n"
    second = long + "Six employés du ministère auraient miné des cryptos sur les serveurs.\nLe marché était calme.\n"
    told = {}
    for claims in (d, c + d):
        claim_set = parse_claims('stories:\n  s: ["a", "b"]\nclaims:\n' + claims)
        articles = [parse_article("a", first), parse_article("b", second)]
        report = check(claim_set, articles, fake_embedder, Settings("fake", "claims.yaml", calibration), MemoryStore())
        told[len(report.results)] = {r.claim.id: [(e.mentioned, e.line) for e in r.evidence] for r in report.results}
    assert told[2]["c"] == [(True, 1), (True, 2)]  # b's line 2 is a's line 1, reworded: aligned
    assert told[2]["d"] == told[1]["d"] == [(False, 1), (True, 1)]


def test_an_archive_s_verdicts_made_in_worker_processes_are_the_ones_made_here(fake_embedder, monkeypatch):
    import os
    from concurrent.futures.process import BrokenProcessPool

    import factcheck.core.judge as judge_module
    import factcheck.parallel
    from factcheck.parallel import can_fork

    if not can_fork():
        pytest.skip("verdicts are split over processes only where fork is safe")
    claims = "claims:\n" + "".join(
        f'  - id: c{i}\n    text: "les mineurs {i} ont volé {i} mégawatts"\n' for i in range(6)
    )
    texts = [
        f"Les mineurs {i} ont volé {i + k % 2} mégawatts au réseau.\nLe marché était calme.\n"
        for k in range(4)
        for i in range(6)
    ]
    articles = [parse_article(f"a{n}", text) for n, text in enumerate(texts)]
    settings = Settings("fake", "claims.yaml", CONTRAST_ONLY)
    forks, fork_map = [], factcheck.parallel.fork_map

    def counted_fork_map(*args, **kwargs):
        forks.append(1)
        return fork_map(*args, **kwargs)

    monkeypatch.setattr(factcheck.parallel, "fork_map", counted_fork_map)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    reports = {}
    for threshold in (10**9, 0):  # in this process, then in worker processes
        monkeypatch.setattr(judge_module, "PARALLEL_MENTIONS", threshold)
        reports[threshold] = check(parse_claims(claims), articles, fake_embedder, settings, MemoryStore())
    serial, forked = reports[10**9].results, reports[0].results
    assert forked == serial and forks == [1]
    assert any(r.differences for r in forked)  # there was something to compare

    def killed(*args, **kwargs):
        raise BrokenProcessPool("a worker was killed")

    monkeypatch.setattr(factcheck.parallel, "fork_map", killed)  # then every verdict is made here
    assert check(parse_claims(claims), articles, fake_embedder, settings, MemoryStore()).results == serial


def _told(article, text):
    return Evidence("c", article, True, 0.8, 0.9, parse_article(article, text).sentences)


def test_a_claim_told_by_an_archive_is_compared_a_bounded_number_of_times(monkeypatch):
    import factcheck.core.verdict as verdict

    calls = []
    real = verdict.compare_told
    monkeypatch.setattr(verdict, "compare_told", lambda left, right, about: calls.append(1) or real(left, right, about))
    # 300 different wordings that all agree: no early stop at MAX_DIFFERENCES
    names = ["".join(chr(97 + (i // 26**k) % 26) for k in range(3)) for i in range(300)]
    tellings = [
        _told(f"a{i:03d}", f"Les quatre employés ont miné des cryptos sur le serveur {name}.")
        for i, name in enumerate(names)
    ]
    result = decide(Claim("c", "t"), tellings)
    assert result.status == "consistent"
    assert len(calls) <= 300 * verdict.MAX_REFERENCES


def test_differences_stop_at_the_cap_and_repeated_tellings_are_compared_once():
    from factcheck.core.verdict import MAX_DIFFERENCES

    tellings = [_told(f"a{i:03d}", f"{i + 1} employés ont miné des cryptos.") for i in range(100)]
    tellings += [_told(f"b{i:03d}", "1 employés ont miné des cryptos.") for i in range(50)]
    result = decide(Claim("c", "t"), tellings)
    assert len(result.differences) == MAX_DIFFERENCES
    assert result.differences[0].explanation == "a000 says 1 employés, a001 says 2 employés"
    assert not any(d.left.article.startswith("b") or d.right.article.startswith("b") for d in result.differences)


def test_a_texts_terms_are_read_once_per_run():
    # terms() is called for every word around every figure of every comparison: unmemoised, a warm run of the
    # 20,000-article bench took 67 s instead of 54 s
    terms.cache_clear()
    terms("Daniyar Akishev a déclaré")
    terms("Daniyar Akishev a déclaré")
    assert terms.cache_info().hits == 1


def test_a_figure_tells_a_version_by_what_it_counts():
    from factcheck.core.versions import Told, VersionEvidence, tell

    versions = (
        ("nine", "A nine-episode mini-series of City Homicide will be produced."),
        ("six", "A six-episode mini-series of City Homicide will be produced."),
    )
    # 'six detectives' says nothing of a six-episode series; '2011.' ending a sentence is a year, not a rank
    sentence = (
        "The main characters are six detectives. has been reported that City Homicide will not return in 2011.  "
        "A nine-episode mini-series will be produced."
    )
    evidence = VersionEvidence(sentence, "en", sentence, np.array([0.5, 0.5]), np.array([0.0, 0.0]))
    assert tell(versions, "en", evidence) == Told(0, "figure")


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("The Night Before has grossed $35.6 million in North America.", "under"),
        ("The Night Before has grossed $38.2 million in North America.", "over"),
    ],
)
def test_a_versions_bound_tells_it_when_the_versions_share_their_figure(sentence, told):
    from factcheck.core.versions import VersionEvidence, tell

    versions = (
        ("under", "The Night Before grossed under $36 million in North America."),
        ("over", "The Night Before grossed over $36 million in North America."),
    )
    # the scores favour the other version: the bound decides
    scores = np.array([0.4, 0.6]) if told == "under" else np.array([0.6, 0.4])
    evidence = VersionEvidence(sentence, "en", sentence, scores, np.zeros(2))
    found = tell(versions, "en", evidence)
    assert (versions[found.version][0], found.by) == (told, "figure")


def test_a_claim_checked_everywhere_looks_for_its_versions_own_words_as_one_phrase():
    from factcheck.core.match import distinct_texts

    quote = Claim(
        "q",
        "Someone said it.",
        versions=(("bank", "Daniyar Akishev, the central bank head, said it."), ("gov", "The government said it.")),
    )
    figure = Claim("f", "A series.", versions=(("nine", "A nine-episode series"), ("six", "A six-episode series")))
    # the same words as a story's claim finds one by one (versions.own_words); all of them where a figure differs
    assert distinct_texts([quote, figure], ["en", "en"]) == [
        "Daniyar Akishev central bank head",
        "government",
        "episode series",
        "episode series",
    ]
