"""Article discovery, decoding, furniture removal and sentence splitting with line numbers."""

from pathlib import Path

import pytest
from conftest import read_article

from factcheck.inputs.discover import ArticleFile, find_article_files
from factcheck.text.boilerplate import boilerplate_kind
from factcheck.text.sentences import parse_article

ROOT = Path(__file__).resolve().parents[1]


def test_seeds_decode_split_and_keep_line_numbers():
    files, problems = find_article_files([str(ROOT / "seeds")])
    assert problems == []
    articles = {f.id: read_article(f) for f in files}
    assert sorted(articles) == [
        "000_178659b5888f47b6",
        "001_d2474ce260071f4e",
        "002_b7cb0a28800a4ff5",
        "003_3e2c28e23a33d524",
        "004_7ca789396f3acdb5",
    ]
    assert {a.lang for a in articles.values()} == {"fr", "tr"}
    turkish = articles["003_3e2c28e23a33d524"]
    # "duyuruldu.Yapılan": a sentence boundary with no space after the full stop
    assert [s.text[:20] for s in turkish.sentences if s.line == 2] == [
        "4 BT çalışanının Kaz",
        "Yapılan araştırma so",
        "Bu kişilerin, vergi ",
    ]


def test_ads_newsletters_and_read_also_lines_are_dropped():
    files, _ = find_article_files([str(ROOT / "seeds")])
    dropped = {f.id[:3]: [n for n, _ in read_article(f).dropped_lines] for f in files}
    assert dropped == {"000": [23], "001": [15], "002": [25, 39], "003": [7], "004": []}


@pytest.mark.parametrize(
    "line, kind",
    [
        ("A Lire aussi :  Do Kwon a déplacé les bitcoins", "read-also"),
        ("Read more: the crypto winter", "read-also"),
        ("N'hésitez pas à vous abonner à la newsletter", "newsletter"),
        ("Ücretsiz VİOP deneme hesabı açın ve 100.000 lira sanal para ile", "advert"),
        ("Divulgation: l'auteur possédait BTC", "disclosure"),
        ("La FMA a saisi 67 000 pièces d'équipement.", None),
        ("Le journal a lu aussi le rapport.", None),
    ],
)
def test_boilerplate_kinds(line, kind):
    assert boilerplate_kind(line) == kind


def test_french_quotes_close_a_sentence_and_elisions_do_not_split():
    article = parse_article(
        "x", "La FMA a déclaré qu’elles « constituent une menace. » À savoir, l’exploitation augmente le risque."
    )
    assert [s.text for s in article.sentences] == [
        "La FMA a déclaré qu’elles « constituent une menace. »",
        "À savoir, l’exploitation augmente le risque.",
    ]


def test_ids_are_relative_paths_without_txt(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Un texte.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Un autre texte.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    files, problems = find_article_files([str(tmp_path), str(tmp_path / "b.txt")])
    assert [f.id for f in files] == ["b", "sub/a"]
    assert [p.message for p in problems] == [
        f"article id 'b' is also given by {tmp_path / 'b.txt'}; this copy is skipped"
    ]


@pytest.mark.parametrize(
    "data, encoding",
    [
        ("Le ministère a annoncé des mesures.\r\n".encode(), "utf-8"),
        ("\ufeffLe ministère a annoncé des mesures.\n".encode("utf-8"), "utf-8-sig"),
        ("Le ministère a annoncé des mesures.\n".encode("utf-16"), "utf-16"),
        (
            "Le ministère des Finances a annoncé des mesures très sévères contre les employés.\n".encode("cp1252"),
            "cp1252",
        ),
    ],
)
def test_encodings_are_decoded(tmp_path, data, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    article = read_article(ArticleFile("a", path))
    assert article.sentences[0].text.startswith("Le ministère")
    assert article.encoding.replace("windows-1252", "cp1252") == encoding


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "has no text to check (empty, or only page furniture)"),
        (b"\x00\x01\x02binary", "contains NUL bytes: a binary file, not text"),
    ],
)
def test_unusable_files_are_refused_with_a_reason(tmp_path, data, reason):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(ValueError, match=None) as info:
        read_article(ArticleFile("a", path))
    assert str(info.value) == reason


def test_a_cached_parse_gives_the_same_article_under_any_id(tmp_path):
    from dataclasses import replace

    from factcheck.inputs.articles import parsed_key
    from factcheck.store.sqlite import CacheStore

    path = tmp_path / "a.txt"
    path.write_text("Le ministère a publié un communiqué. Il a ajouté autre chose.\nLire aussi : ailleurs\n", "utf-8")
    store = CacheStore(tmp_path / "cache")
    fresh = read_article(ArticleFile("a", path), store)
    store.flush_parsed()
    reopened = CacheStore(tmp_path / "cache")
    key = parsed_key(path.read_bytes())
    assert reopened.get_parsed_many([key])[key]["dropped"] == [[2, "Lire aussi : ailleurs"]]
    again = read_article(ArticleFile("b", path), reopened)
    assert again == replace(fresh, id="b", sentences=tuple(s._replace(article="b") for s in fresh.sentences))


def test_read_articles_asks_the_store_per_batch_and_keeps_file_order_for_problems(tmp_path):
    from factcheck.inputs.articles import read_articles
    from factcheck.store.sqlite import CacheStore

    texts = {
        "a": "Le ministère a publié un communiqué.\n",
        "b": "",
        "c": "Il a ajouté autre chose.\n",
        "d": "\x00binary",
        "e": "Les mineurs ont été arrêtés.\n",
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, "utf-8")
    files, _ = find_article_files([str(tmp_path)])
    store = CacheStore(tmp_path / "cache")
    one_by_one = [read_article(f) for f in files if f.id in "ace"]
    articles, problems = read_articles(files, store, batch=2)
    assert articles == one_by_one
    assert [(p.file, p.message) for p in problems] == [
        (str(tmp_path / "b.txt"), "has no text to check (empty, or only page furniture)"),
        (str(tmp_path / "d.txt"), "contains NUL bytes: a binary file, not text"),
    ]
    store.flush_parsed()
    asked = []
    get_many = store.get_parsed_many
    store.get_parsed_many = lambda keys: asked.append(len(keys)) or get_many(keys)
    assert read_articles(files, store, batch=2) == (articles, problems)
    assert asked == [2, 2, 1]  # one lookup per batch of two files; b and d are read, then refused


def test_a_reruns_new_files_across_batches_are_parsed_together_and_kept_in_file_order(tmp_path, monkeypatch):
    from factcheck.inputs.articles import _Parser, read_articles
    from factcheck.store.sqlite import CacheStore

    for i in range(9):
        (tmp_path / f"{i}.txt").write_text(f"Le ministère a publié {i} communiqués.\n", "utf-8")
    files, _ = find_article_files([str(tmp_path)])
    store = CacheStore(tmp_path / "cache")
    read_articles(files, store, batch=2)
    store.flush_parsed()
    for i in (1, 4, 8):
        (tmp_path / f"{i}.txt").write_text(f"Les mineurs ont été arrêtés {i} fois.\n", "utf-8")
    parsed, parse = [], _Parser.parse
    monkeypatch.setattr(
        _Parser, "parse", lambda self, todo: parsed.append([f.id for f, _ in todo]) or parse(self, todo)
    )
    articles, problems = read_articles(files, store, batch=4)
    assert parsed == [["1", "4", "8"]] and not problems
    assert articles == [read_article(f) for f in files]


def test_new_files_parsed_by_worker_processes_are_the_same_articles_and_problems(tmp_path, monkeypatch):
    import factcheck.inputs.articles as articles_module
    from factcheck.inputs.articles import read_articles

    texts = {
        f"{i:02d}": f"Le ministère a publié {i} communiqués. Il a ajouté autre chose.\nLine {i} in English.\n"
        for i in range(20)
    }
    texts.update({"05": "", "11": "\x00binary"})
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, "utf-8")
    files, _ = find_article_files([str(tmp_path)])
    here = read_articles(files, batch=7)
    monkeypatch.setattr(articles_module, "PARSE_PARALLEL", 0)
    assert read_articles(files, batch=7) == here
    assert len(here[0]) == 18 and [p.file for p in here[1]] == [str(tmp_path / "05.txt"), str(tmp_path / "11.txt")]


def test_a_file_gone_between_finding_and_reading_is_a_problem(tmp_path):
    from factcheck.inputs.articles import read_articles

    for i in range(12):
        (tmp_path / f"{i:02d}.txt").write_text(f"Le ministère a publié {i} communiqués.\n", "utf-8")
    files, _ = find_article_files([str(tmp_path)])
    (tmp_path / "03.txt").unlink()
    read, gone = read_articles(files)
    assert len(read) == 11 and [(p.file, p.message) for p in gone] == [(str(tmp_path / "03.txt"), "no such file")]


def test_a_parsed_article_round_trips_through_the_cache_layout():
    from factcheck.inputs.articles import article_from_dict, article_to_dict

    article = parse_article("a", "Le ministère a publié un communiqué. Il a ajouté autre chose.\n\nLine two here.\n")
    stored = article_to_dict(article)
    assert "sentences" not in stored and stored["text"].count("\n") == len(article.sentences) - 1
    assert article_from_dict("a", "", stored) == article
    empty = parse_article("e", "")
    assert article_from_dict("e", "", article_to_dict(empty)).sentences == ()
