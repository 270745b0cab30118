"""Stored per-article matches: read back exactly, and reused only while claims, settings and sentences are unchanged."""

from dataclasses import replace

import numpy as np
from conftest import contrast_only

from factcheck.core.check import check
from factcheck.core.decide import decide_article, first_look
from factcheck.core.evidence import ArticleMatch, build_evidence
from factcheck.core.match import score
from factcheck.core.scope import ScopedClaims, claim_rows
from factcheck.inputs.claims import parse_claims
from factcheck.records import Settings
from factcheck.store import MemoryStore
from factcheck.text.sentences import parse_article

CONTRAST_ONLY = contrast_only()
CLAIMS = """\
claims:
  - id: power
    text: les mineurs ont volé de l'électricité
    versions:
      government: selon le gouvernement les mineurs ont volé de l'électricité
      police: selon la police les mineurs ont volé de l'électricité
  - id: rain
    text: il pleuvait sur Paris hier soir
"""
TEXT = (
    "Le marché était calme.\nSelon la police, les mineurs ont volé de l'électricité.\n"
    "Les trains étaient à l'heure.\nLes enfants jouaient.\nLa mairie a fermé tôt.\n"
)


class Recording:
    """Wraps an embedder and keeps every passage it was asked to embed."""

    def __init__(self, inner):
        self.inner, self.passages = inner, []

    def encode(self, texts, kind):
        if kind == "passage":
            self.passages += texts
        return self.inner.encode(texts, kind)


def _articles(**texts):
    defaults = {"a": TEXT, "b": TEXT + "Le musée restait ouvert.\n"}
    return [parse_article(name, texts.get(name, default)) for name, default in defaults.items()]


def test_an_article_match_reads_back_from_bytes_to_the_same_evidence(fake_embedder):
    claim_set = parse_claims(CLAIMS)
    matrix = claim_rows(list(claim_set.claims), fake_embedder)
    article = parse_article("a", TEXT)
    vectors = fake_embedder.encode([s.text for s in article.sentences], "passage")
    scored = score(matrix, article, vectors)
    fresh = decide_article(matrix, scored, first_look(matrix, scored, CONTRAST_ONLY), CONTRAST_ONLY, vectors)
    stored = ArticleMatch.from_bytes(fresh.to_bytes(), len(matrix.claims))
    evidence = build_evidence(stored, matrix.claims, article)
    assert evidence == build_evidence(fresh, matrix.claims, article)
    assert [(e.mentioned, e.line, e.version) for e in evidence] == [(True, 2, "police"), (False, 1, None)]
    assert np.array_equal(stored.version_scores, fresh.version_scores) and len(stored.version_scores) == 2


def test_an_unchanged_article_is_neither_embedded_nor_matched_again(fake_embedder):
    store, settings = MemoryStore(), Settings("fake@1", "claims.yaml", CONTRAST_ONLY)
    first = check(parse_claims(CLAIMS), _articles(), fake_embedder, settings, store)
    again = Recording(fake_embedder)
    second = check(parse_claims(CLAIMS), _articles(), again, settings, store)
    assert again.passages == []
    assert second.results == first.results
    assert [r.status for r in second.results] == ["consistent", "unmentioned"]


def test_a_changed_article_is_matched_again_and_the_others_are_not(fake_embedder):
    store, settings = MemoryStore(), Settings("fake@1", "claims.yaml", CONTRAST_ONLY)
    check(parse_claims(CLAIMS), _articles(), fake_embedder, settings, store)
    changed = TEXT.replace("Selon la police", "Selon le gouvernement")
    again = Recording(fake_embedder)
    report = check(parse_claims(CLAIMS), _articles(b=changed), again, settings, store)
    assert again.passages == [s.text for s in parse_article("b", changed).sentences]
    assert report.results[0].status == "disagreement"


def test_changed_claims_or_settings_match_every_article_again(fake_embedder):
    store, settings = MemoryStore(), Settings("fake@1", "claims.yaml", CONTRAST_ONLY)
    check(parse_claims(CLAIMS), _articles(), fake_embedder, settings, store)
    sentences = [s.text for a in _articles() for s in a.sentences]
    sentences = list(dict.fromkeys(sentences))  # what a and b share is embedded once
    for claims, new_settings in (
        (CLAIMS.replace("hier soir", "ce matin"), settings),
        (CLAIMS, replace(settings, calibration=replace(CONTRAST_ONLY, near_miss=0.5))),
        (CLAIMS, replace(settings, model="fake@2")),
    ):
        again = Recording(fake_embedder)
        check(parse_claims(claims), _articles(), again, new_settings, _copy(store))
        assert again.passages == sentences, (claims, new_settings)


def _copy(store):
    copy = MemoryStore()
    copy.put_matches(list(store.get_matches(list(store._matches)).items()))
    return copy


def test_changed_articles_far_apart_are_embedded_in_one_call(fake_embedder, monkeypatch):
    """A rerun's few new articles are spread over the archive: one call lets the model batch them."""
    import factcheck.core.check as pipeline

    monkeypatch.setattr(pipeline.LocalEngine, "chunk_sentences", 6)  # two articles a chunk: x0 and x5 in different ones
    store, settings = MemoryStore(), Settings("fake@1", "claims.yaml", CONTRAST_ONLY)
    names = [f"x{i}" for i in range(6)]
    articles = [parse_article(n, TEXT.replace("calme", f"calme {i}")) for i, n in enumerate(names)]
    check(parse_claims(CLAIMS), articles, fake_embedder, settings, store)
    calls = []

    class Counting(Recording):
        def encode(self, texts, kind):
            calls.append(kind)
            return super().encode(texts, kind)

    edited = [
        parse_article(a.id, TEXT.replace("calme", f"vide {a.id}")) if a.id in ("x0", "x5") else a for a in articles
    ]
    again = Counting(fake_embedder)
    check(parse_claims(CLAIMS), edited, again, settings, store)
    assert calls.count("passage") == 1
    assert sorted(again.passages) == sorted({s.text for a in (edited[0], edited[5]) for s in a.sentences})


def test_each_article_is_checked_by_the_claims_of_its_stories_in_claim_order(fake_embedder):

    claim_set = parse_claims("""\
stories:
  mines: ["m*"]
  rain: ["r*", "mr*"]
claims:
  - {id: a, text: les mineurs ont volé, story: mines}
  - {id: b, text: il pleuvait}
  - {id: c, text: il pleuvait fort, story: rain}
  - {id: d, text: les mineurs ont fui, story: mines}
""")
    scoped = ScopedClaims(claim_set, claim_rows(list(claim_set.claims), fake_embedder))
    in_scope = {name: [c.id for c in scoped.for_article(name).claims] for name in ("m1", "r1", "mr1", "x1", "m2")}
    assert in_scope == {
        "m1": ["a", "b", "d"],
        "r1": ["b", "c"],
        "mr1": ["a", "b", "c", "d"],
        "x1": ["b"],
        "m2": ["a", "b", "d"],
    }
    assert scoped.for_article("m1") is scoped.for_article("m2")  # one matrix per set of claims


def test_the_sqlite_store_gives_the_same_report_as_the_memory_store(fake_embedder, tmp_path):
    """The store is an optimisation: nothing a check decides depends on it, cold or warm."""
    from factcheck.report.json_report import render_json
    from factcheck.store.sqlite import CacheStore

    settings = Settings("fake@1", "claims.yaml", CONTRAST_ONLY)
    reference = "".join(render_json(check(parse_claims(CLAIMS), _articles(), fake_embedder, settings, MemoryStore())))
    disk = CacheStore(tmp_path)
    try:
        for _ in range(2):  # cold, then every match read back
            assert (
                "".join(render_json(check(parse_claims(CLAIMS), _articles(), fake_embedder, settings, disk)))
                == reference
            )
    finally:
        disk.close()
