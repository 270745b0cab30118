"""Curator commands: explain a claim's matches, and suggest stories."""

from pathlib import Path

import pytest

from factcheck.cli import EXIT_ERROR, EXIT_OK, main

DATA = Path(__file__).parent / "data" / "cli"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def case(cli_case):
    return cli_case


def test_explain_gives_versions_decisions_differences_and_the_best_sentences(case, fake_model, capsys):
    assert main(["explain", "power-theft", "--claims", "claims.yaml", "--articles", ".", "--top", "2", "-q"]) == EXIT_OK
    out = capsys.readouterr().out.splitlines()
    assert out[:15] == [
        "power-theft: les mineurs ont volé de l'électricité au réseau",
        "  version government: selon le gouvernement les mineurs ont volé de l'électricité",
        "  version police: selon la police les mineurs ont volé de l'électricité",
        "status: disagreement (blocking)",
        "",
        "decision in each article",
        "article    states?      p(states)    line  version     told by    version scores",
        "---------  ---------  -----------  ------  ----------  ---------  ----------------------------",
        "a          yes               0.99       2  government  scores     government 0.96, police 0.37",
        "b          yes               0.99       2  police      scores     government 0.37, police 0.96",
        "",
        "what differs",
        "- a tells 'government', b tells 'police'",
        "- a attributes it to le gouvernement, b to la police",
        "",
    ]
    assert out[15:20] == [
        "the claim's words at the evidence, weakest first",
        "article      line  claim word ~ nearest word of the evidence",
        "---------  ------  " + "-" * 110,
        "a               2  mineurs ~ mineurs 1.00, ont ~ ont 1.00, volé ~ volé 1.00, électricité ~ électricité 1.00, "
        "réseau ~ réseau 1.00",
        "b               2  mineurs ~ mineurs 1.00, ont ~ ont 1.00, volé ~ volé 1.00, électricité ~ électricité 1.00, "
        "réseau ~ réseau 1.00",
    ]
    assert out[21] == "best sentences of each article"
    rows = [line.split() for line in out[24:28]]
    assert [(r[0], r[1], r[2]) for r in rows if r[0] in "ab"] == [("a", "1", "2"), ("b", "1", "2")]
    assert out[28:] == [
        "",
        "the run's evidence is first the likeliest of the 3 best-scoring sentences within 0.05 of",
        "the best score; a near miss's clauses and a claim's figure may then move it (docs/how-it-works.md)",
    ]


def test_explain_shows_the_veto_of_a_claim_checked_everywhere(case, fake_model, capsys):
    (case / "c.txt").write_text("Le marché était calme.\nIl pleuvait sur Lyon hier soir.\n", "utf-8")
    args = ["explain", "rain", "--claims", "claims.yaml", "--articles", "a.txt", "b.txt", "c.txt", "--top", "1", "-q"]
    assert main(args) == EXIT_OK
    out = capsys.readouterr().out
    assert out.endswith(
        "article      #    line    score    p(states)    veto  states?    sentence\n"
        "---------  ---  ------  -------  -----------  ------  ---------  -------------------------------\n"
        "a            1       1    0              0                       Le marché était calme ce matin.\n"
        "b            1       1    0              0                       Le marché était calme ce matin.\n"
        "c            1       2    0.833          0.8    0.63  yes        Il pleuvait sur Lyon hier soir.\n"
        "\n"
        "the run's evidence is first the likeliest of the 3 best-scoring sentences within 0.05 of\n"
        "the best score; a near miss's clauses and a claim's figure may then move it (docs/how-it-works.md)\n"
        "veto: a claim checked everywhere found short of p 0.95 is looked at again, its words aligned\n"
        "with the sentence's; under 0.31 it is not stated\n"
    )


def test_explain_shows_first_the_claim_word_the_evidence_lacks(case, fake_model, capsys):
    (case / "c.txt").write_text("Le marché était calme.\nIl pleuvait sur Lyon hier soir.\n", "utf-8")
    args = ["explain", "rain", "--claims", "claims.yaml", "--articles", "a.txt", "b.txt", "c.txt", "--top", "1", "-q"]
    assert main(args) == EXIT_OK
    assert (
        "\nthe claim's words at the evidence, weakest first\n"
        "article      line  claim word ~ nearest word of the evidence\n"
        "---------  ------  -----------------------------------------------------------------------------------\n"
        "c               2  Paris ~ pleuvait 0.00, pleuvait ~ pleuvait 1.00, hier ~ hier 1.00, soir ~ soir 1.00\n"
        "\nbest sentences of each article\n"
    ) in capsys.readouterr().out


def test_explain_cuts_long_sentences_unless_wide(case, fake_model, capsys):
    long = "Selon la police, les mineurs ont volé de l'électricité au réseau " + "pendant des mois " * 10 + "."
    (case / "b.txt").write_text(long + "\n", "utf-8")
    args = ["explain", "power-theft", "--claims", "claims.yaml", "--articles", ".", "--top", "1", "-q"]
    assert main(args) == EXIT_OK
    assert long not in capsys.readouterr().out
    assert main([*args, "--wide"]) == EXIT_OK
    assert long in capsys.readouterr().out


@pytest.mark.parametrize("command", ["explain", "stories"])
@pytest.mark.parametrize("option", ["--nli=x", "--reviews=r.yaml", "--strict", "--verbose"])
def test_curator_commands_take_only_their_own_options(command, option, capsys):
    args = [command, "power-theft"] if command == "explain" else [command]
    assert main([*args, option]) == EXIT_ERROR
    assert f"unrecognized arguments: {option}" in capsys.readouterr().err


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
