"""CI formats from one run: GitHub annotations, SARIF (validated against its schema), JUnit; and --format auto."""

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from factcheck.cli import EXIT_BLOCKING, main
from factcheck.report import resolve_formats

DATA = Path(__file__).parent / "data"


@pytest.fixture
def case(cli_case):
    return cli_case


def run(*formats):
    return main(["run", "--claims", "claims.yaml", "--articles", ".", "--out", "out", "-q", "--format", *formats])


def test_every_format_from_one_run(case, fake_model, capsys):
    assert run("markdown", "json", "sarif", "junit", "github") == EXIT_BLOCKING
    assert sorted(p.name for p in (case / "out").glob("report*")) == [
        "report.json",
        "report.junit.xml",
        "report.md",
        "report.sarif",
    ]
    assert capsys.readouterr().out == (
        "::error file=a.txt,line=2,title=factcheck disagreement::power-theft: tells 'government', b tells 'police'; "
        "a attributes it to le gouvernement, b to la police\n"
        "::error file=b.txt,line=2,title=factcheck disagreement::power-theft: tells 'police', a tells 'government'; "
        "a attributes it to le gouvernement, b to la police\n"
    )


def test_sarif_is_valid_against_the_2_1_0_schema(case, fake_model):
    run("sarif")
    log = json.loads((case / "out" / "report.sarif").read_text("utf-8"))
    schema = json.loads((DATA / "schemas" / "sarif-2.1.0-rtm.5.json").read_text("utf-8"))
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert [
        (
            r["ruleId"],
            r["level"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in results
    ] == [("disagreement", "error", "a.txt", 2), ("disagreement", "error", "b.txt", 2)]


def test_junit_has_a_test_case_per_claim_and_fails_the_blocking_one(case, fake_model):
    run("junit")
    root = ET.parse(case / "out" / "report.junit.xml").getroot()
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert sorted(cases) == ["power-theft", "rain"]
    assert cases["power-theft"].find("failure").get("message") == "power-theft: disagreement"
    assert cases["rain"].find("failure") is None
    assert root.get("failures") == "1"


def test_github_escapes_what_would_break_the_command():
    from factcheck.report.ci_formats import _data, _prop

    assert _data("50% done\nnext") == "50%25 done%0Anext"
    assert _prop("a:b,c") == "a%3Ab%2Cc"


@pytest.mark.parametrize(
    "environ, names",
    [
        ({}, ["markdown", "json"]),
        ({"GITHUB_ACTIONS": "true"}, ["markdown", "json", "github"]),
    ],
)
def test_auto_picks_annotations_inside_github_actions(environ, names):
    assert [f.name for f in resolve_formats(["auto", "json"], environ)] == names


@pytest.mark.parametrize("text", ['Il a dit « non » et "oui"', "back\\slash\ttab", "ligne\u2028séparée ✓", ""])
@pytest.mark.parametrize("mentioned, version", [(True, "police"), (True, None), (False, "police")])
def test_report_json_entries_are_what_json_dumps_writes(text, mentioned, version):
    from factcheck.records import Sentence
    from factcheck.report.json_report import evidence_dict, evidence_json
    from factcheck.results import Evidence

    sentences = (Sentence("a/b", 3, text, "fr"), Sentence("a/b", 3, "Deux.", "fr"))
    for evidence in (
        Evidence("c", "a/b", mentioned, 0.12345, 1.0, sentences[:1], version),
        Evidence("c", "a/b", mentioned, 0.5, 0.0004, sentences, version),
    ):
        assert evidence_json(evidence) == json.dumps(evidence_dict(evidence), ensure_ascii=False)


def test_report_json_claims_are_what_json_dumps_writes(case, fake_model):
    run("json")
    data = json.loads((case / "out" / "report.json").read_text("utf-8"))
    assert data["claims"] and data["claims"][0]["differences"]
    text = (case / "out" / "report.json").read_text("utf-8")
    assert all(json.dumps(c, ensure_ascii=False) in text for c in data["claims"])


def test_report_md_gives_the_evidence_of_claims_without_a_finding(tmp_path, fake_model):
    from factcheck.cli import main

    claims = (
        (DATA / "cli" / "claims.yaml")
        .read_text("utf-8")
        .replace("il pleuvait sur Paris hier soir", "les trains étaient à l'heure")
    )
    (tmp_path / "claims.yaml").write_text(claims, "utf-8")
    articles = [str(DATA / "cli" / "a.txt"), str(DATA / "cli" / "b.txt")]
    main(["run", "--claims", str(tmp_path / "claims.yaml"), "--articles", *articles, "--out", str(tmp_path), "-q"])
    markdown = (tmp_path / "report.md").read_text("utf-8")
    section = markdown[markdown.index("## Evidence of the other claims") :]
    assert section.splitlines()[2:9] == [
        "<details><summary>rain: consistent</summary>",
        "",
        "> les trains étaient à l'heure",
        "",
        "| Article   | Version   | Line   | Evidence                      |",
        "|-----------|-----------|--------|-------------------------------|",
        "| a         |           | 3      | Les trains étaient à l'heure. |",
    ]


def test_reports_of_an_earlier_run_that_this_run_did_not_write_are_removed(tmp_path, fake_model):
    from factcheck.cli import main

    args = ["run", "--claims", str(DATA / "cli" / "claims.yaml"), "--out", str(tmp_path), "-q", "--no-fail"]
    args += ["--articles", str(DATA / "cli" / "a.txt"), str(DATA / "cli" / "b.txt")]
    (tmp_path / "notes.md").write_text("the user's own file", "utf-8")
    assert main([*args, "--format", "markdown", "json", "html"]) == 0
    assert main([*args, "--format", "markdown"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["notes.md", "report.md"]
