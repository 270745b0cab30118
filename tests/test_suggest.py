"""factcheck suggest (issue 19): facts two articles tell differently, as claims an editor can paste."""

import json

import pytest
import yaml

from factcheck.cli import EXIT_ERROR, EXIT_OK, main


@pytest.fixture
def case(cli_case):
    return cli_case


def _suggested(capsys, *options: str) -> list[dict]:
    """`suggest` over a.txt and b.txt, quiet, as JSON: its suggestions."""
    assert main(["suggest", "--articles", "a.txt", "b.txt", "-q", "--format", "json", *options]) == EXIT_OK
    return json.loads(capsys.readouterr().out)["suggestions"]


def test_a_speaker_told_differently_is_a_claim_to_paste(case, fake_model, capsys):
    assert main(["suggest", "--articles", "a.txt", "b.txt", "-q"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out == (
        "# suggested by factcheck suggest: check each against the articles before you keep it\n"
        "claims:\n"
        "  # attribution (0.75): a attributes it to le gouvernement, b to la police\n"
        "  # a:2, b:2\n"
        "  - id: attribution-selon-les-mineurs-ont-vole-de-l-electric\n"
        "    text: Selon …, les mineurs ont volé de l'électricité au réseau.\n"
        "    versions:\n"
        "      le-gouvernement: Selon le gouvernement, les mineurs ont volé de l'électricité au réseau.\n"
        "      la-police: Selon la police, les mineurs ont volé de l'électricité au réseau.\n"
    )
    assert yaml.safe_load(out)["claims"][0]["versions"]["la-police"].startswith("Selon la police")


def test_json_has_the_contract_fields(case, fake_model, capsys):
    (suggestion,) = _suggested(capsys)
    assert {"story", "kind", "explanation", "sides", "claim"} <= set(suggestion)
    assert suggestion["story"] == "story-1" and suggestion["kind"] == "attribution"
    assert [(s["article"], s["line"]) for s in suggestion["sides"]] == [("a", 2), ("b", 2)]
    assert set(suggestion["claim"]) == {"id", "text", "versions"}  # no story: the user's file has none by this name


def test_story_picks_a_group_suggest_found(case, fake_model, capsys):
    assert [s["story"] for s in _suggested(capsys, "--story", "story-1")] == ["story-1"]
    assert main(["suggest", "--articles", "a.txt", "b.txt", "--story", "story-2"]) == EXIT_ERROR
    assert (
        capsys.readouterr().err.splitlines()[-1]
        == "factcheck: error: no story 'story-2' in the stories factcheck found"
    )


def test_rewording_alone_is_no_suggestion(case, fake_model, capsys):
    (case / "b.txt").write_text((case / "a.txt").read_text("utf-8").replace("ce matin", "dans la matinée"), "utf-8")
    assert main(["suggest", "--articles", "a.txt", "b.txt"]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.out == "# factcheck suggest: no fact is told differently\n"
    assert captured.err.splitlines()[-1] == "factcheck: 0 suggestions"


def test_a_fact_a_claim_covers_is_left_out_and_stories_come_from_the_claims(case, fake_model, capsys):
    assert main(["suggest", "--claims", "claims.yaml", "--articles", "a.txt", "b.txt", "-q"]) == EXIT_OK
    assert capsys.readouterr().out == "# factcheck suggest: no fact is told differently\n"
    assert main(["suggest", "--claims", "claims.yaml", "--articles", "a.txt", "b.txt", "--story", "nope"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == "factcheck: error: no story 'nope' in claims.yaml"


def test_max_is_a_whole_number_of_1_or_more(case, fake_model, capsys):
    assert main(["suggest", "--articles", "a.txt", "b.txt", "-q", "--format", "json", "--max", "0"]) == EXIT_ERROR
    assert "--max: expected a whole number of 1 or more" in capsys.readouterr().err


def test_different_actors_in_two_tellings_of_one_fact(case, fake_model, capsys):
    rest = "pas interdire les cryptomonnaies au Kazakhstan.\n"
    (case / "a.txt").write_text("La Banque nationale ne veut " + rest, "utf-8")
    (case / "b.txt").write_text("Les autorités ne veulent " + rest, "utf-8")
    (suggestion,) = _suggested(capsys)
    assert (suggestion["kind"], suggestion["explanation"]) == ("actor", "a says the bank, b says the authorities")


def test_two_modalities_sharing_a_line_are_two_suggestions(case, fake_model, capsys):
    (case / "a.txt").write_text(
        "Le gouvernement a volontairement ralenti la loi.\nLes députés ont appelé au lancement d'une monnaie.\n",
        "utf-8",
    )
    (case / "b.txt").write_text(
        "Le gouvernement a ralenti la loi. Les députés ont pour projet le lancement d'une monnaie.\n", "utf-8"
    )
    found = _suggested(capsys)
    assert sorted((s["explanation"], [x["line"] for x in s["sides"]]) for s in found) == [
        ("a says it was called for, b does not", [2, 1]),
        ("a says it was deliberate, b does not", [1, 1]),
    ]


def test_a_reception_told_differently_is_a_claim_with_a_version_each(case, fake_model, capsys):
    (case / "a.txt").write_text("Le film a reçu des critiques mitigées.\n", "utf-8")
    (case / "b.txt").write_text("Le film a reçu des critiques négatives.\n", "utf-8")
    (suggestion,) = _suggested(capsys)
    assert (suggestion["kind"], suggestion["explanation"]) == ("reception", "a says the reviews were mixed, b negative")
    assert suggestion["claim"]["text"] == "Le film a reçu des critiques …."
    assert suggestion["claim"]["versions"] == {
        "mixed": "Le film a reçu des critiques mitigées.",
        "negative": "Le film a reçu des critiques négatives.",
    }


def test_a_quote_given_to_a_person_and_to_a_body_is_a_suggestion(case, fake_model, capsys):
    said = "La situation montre la nécessité de restrictions légales sur les actifs numériques."
    (case / "a.txt").write_text(f"Daniyar Akishev a déclaré aux journalistes :\n« {said} »\n", "utf-8")
    (case / "b.txt").write_text(f"D'après le gouvernement, les mineurs ont été arrêtés.\n{said}\n", "utf-8")
    (suggestion,) = _suggested(capsys)
    assert (suggestion["kind"], suggestion["explanation"]) == (
        "attribution",
        "a gives it to Daniyar Akishev, b to le gouvernement",
    )


def test_a_pronoun_subject_is_read_from_an_earlier_sentence_unless_both_are_pronouns(case, fake_model, capsys):
    agreed = "semblaient s'être mis d'accord sur une régulation accrue du secteur."
    (case / "a.txt").write_text(f"Plus de 1 000 acteurs du secteur étaient présents.\nIls {agreed}\n", "utf-8")
    (case / "b.txt").write_text(f"La conférence a eu lieu hier.\nLes groupes du gouvernement {agreed}\n", "utf-8")
    (suggestion,) = _suggested(capsys)
    assert suggestion["explanation"] == "a says the industry, b says the government"
    (case / "b.txt").write_text(f"Les groupes du gouvernement étaient présents.\nIls {agreed}\n", "utf-8")
    assert _suggested(capsys) == []


def test_an_unreadable_article_is_named_not_dropped_silently(case, fake_model, capsys):
    (case / "c.txt").write_bytes(b"\x00\x01binary")
    assert main(["suggest", "--articles", "a.txt", "b.txt", "c.txt"]) == EXIT_OK
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "c.txt: contains NUL bytes: a binary file, not text"
    assert main(["suggest", "--articles", "a.txt", "b.txt", "c.txt", "-q"]) == EXIT_OK
    assert capsys.readouterr().err == ""


def test_a_model_without_calibration_is_warned_of_when_stories_are_found(case, fake_model, capsys, monkeypatch):
    import factcheck.app
    from factcheck.models.embed import ModelSpec, resolve_model

    other = ModelSpec("other", "other", "other@1")
    monkeypatch.setattr(factcheck.app, "resolve_model", lambda name: other if name == "other" else resolve_model(name))
    assert main(["suggest", "--articles", "a.txt", "b.txt", "--model", "other"]) == EXIT_OK
    assert (
        "factcheck: warning: no calibration fitted for other@1; using the default model's. "
        "Fit one with: python bench/calibrate.py --models other@1"
    ) in capsys.readouterr().err.splitlines()
