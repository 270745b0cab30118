"""Review workflow: a reviewed disagreement stops blocking, and blocks again when its evidence changes."""

import json
from pathlib import Path

import pytest
import yaml

from factcheck.cli import EXIT_BLOCKING, EXIT_ERROR, EXIT_OK, main

DATA = Path(__file__).parent / "data" / "cli"


@pytest.fixture
def case(cli_case):
    return cli_case


def run():
    return main(["run", "--claims", "claims.yaml", "--articles", "a.txt", "b.txt", "--out", "out", "-q"])


def review(*extra):
    return main(["review", "power-theft", "--claims", "claims.yaml", "--articles", "a.txt", "b.txt", *extra])


def test_review_stops_blocking_until_the_evidence_changes(case, fake_model, capsys):
    assert run() == EXIT_BLOCKING
    capsys.readouterr()
    assert review("--by", "Ayşe", "--note", "police and government both said it") == EXIT_OK
    assert capsys.readouterr().err == (
        "factcheck: reviews.yaml: power-theft reviewed by Ayşe; it stops blocking until its evidence changes\n"
    )
    (entry,) = yaml.safe_load((case / "reviews.yaml").read_text("utf-8"))["reviews"]
    assert (entry["claim"], entry["by"], entry["note"], len(entry["fingerprint"])) == (
        "power-theft",
        "Ayşe",
        "police and government both said it",
        16,
    )
    assert run() == EXIT_OK
    assert "Reviewed by Ayşe on" in (case / "out" / "report.md").read_text("utf-8")

    text = (case / "b.txt").read_text("utf-8")
    (case / "b.txt").write_text(text.replace("Selon la police", "Selon la gendarmerie"), "utf-8")
    assert run() == EXIT_BLOCKING
    markdown = (case / "out" / "report.md").read_text("utf-8")
    assert "The review by Ayşe on " in markdown and "no longer applies: the evidence changed since." in markdown
    stale = json.loads((case / "out" / "report.json").read_text("utf-8"))["claims"][0]["stale_review"]
    assert (stale["by"], stale["note"]) == ("Ayşe", "police and government both said it")


def test_a_new_review_replaces_the_old_one(case, fake_model):
    assert review("--by", "A") == EXIT_OK
    assert review("--by", "B") == EXIT_OK
    reviews = yaml.safe_load((case / "reviews.yaml").read_text("utf-8"))["reviews"]
    assert [r["by"] for r in reviews] == ["B"]


@pytest.mark.parametrize(
    "claim, message",
    [
        ("nope", "factcheck: error: claims.yaml: no claim with id 'nope'\n"),
        ("rain", "factcheck: error: claim 'rain' is unmentioned: there is no finding to review\n"),
    ],
)
def test_nothing_to_review_is_an_error(case, fake_model, capsys, claim, message):
    code = main(["review", claim, "--by", "A", "--claims", "claims.yaml", "--articles", "a.txt", "b.txt", "-q"])
    assert (code, capsys.readouterr().err) == (EXIT_ERROR, message)


def test_a_broken_reviews_file_is_exit_2_with_its_line(case, fake_model, capsys):
    (case / "reviews.yaml").write_text("reviews:\n  - claim: power-theft\n    fingerprint: xyz\n", "utf-8")
    assert run() == EXIT_ERROR
    assert capsys.readouterr().err.splitlines() == [
        "reviews.yaml:2: reviews[0]: missing required key 'by'",
        "reviews.yaml:2: reviews[0]: missing required key 'at'",
        "reviews.yaml:3: reviews[0].fingerprint: expected 16 hex digits, as written by 'factcheck review'",
    ]
