"""Curator commands: explain a claim's matches, and suggest stories."""

from pathlib import Path

import pytest

from factcheck.cli import EXIT_ERROR, EXIT_OK, main

DATA = Path(__file__).parent / "data" / "cli"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def case(cli_case):
    return cli_case


def test_explain_lists_the_best_sentences_of_each_article(case, fake_model, capsys):
    assert main(["explain", "power-theft", "--claims", "claims.yaml", "--articles", ".", "--top", "2", "-q"]) == EXIT_OK
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "power-theft: les mineurs ont volé de l'électricité au réseau"
    rows = [line.split() for line in out[4:]]
    assert [(r[0], r[1], r[2]) for r in rows if r[0] in "ab"] == [("a", "1", "2"), ("b", "1", "2")]
    assert len(rows) == 4


def test_explain_unknown_claim(case, fake_model, capsys):
    assert main(["explain", "nope", "--claims", "claims.yaml", "--articles", "."]) == EXIT_ERROR
    assert capsys.readouterr().err == "factcheck: error: claims.yaml: no claim with id 'nope'\n"


@pytest.mark.model
def test_stories_finds_the_ministry_story_in_the_seeds(use_model, monkeypatch, capsys):
    import factcheck.app

    monkeypatch.setattr(factcheck.app, "load_embedder", lambda spec: use_model)
    code = main(["stories", "--claims", str(ROOT / "claims.yaml"), "--articles", str(ROOT / "seeds"), "-q"])
    assert (code, capsys.readouterr().out) == (
        EXIT_OK,
        (
            "stories:  # suggested by factcheck stories; rename and check before use\n"
            '  story-1: ["000_178659b5888f47b6", "001_d2474ce260071f4e", "003_3e2c28e23a33d524"]\n'
        ),
    )
