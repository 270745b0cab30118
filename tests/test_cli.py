"""The command line, in-process: exit codes, messages and report files, with the fake model."""

import json
import shutil
import tempfile
from pathlib import Path

import pytest

from factcheck.cli import EXIT_BLOCKING, EXIT_ERROR, EXIT_OK, main

DATA = Path(__file__).parent / "data" / "cli"


@pytest.fixture
def case(tmp_path):
    for name in ("claims.yaml", "a.txt", "b.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def run(case, *extra, quiet=True):
    args = ["run", "--claims", str(case / "claims.yaml"), "--articles", str(case / "a.txt"), str(case / "b.txt")]
    return main([*args, "--out", str(case / "out"), *(["-q"] if quiet else []), *extra])


def test_exit_codes_are_the_contract():
    assert (EXIT_OK, EXIT_BLOCKING, EXIT_ERROR) == (0, 1, 2)


def test_run_writes_both_reports_and_blocks_on_a_disagreement(case, fake_model, capsys):
    assert run(case) == EXIT_BLOCKING
    speakers = "a attributes it to le gouvernement, b to la police"
    assert capsys.readouterr() == (
        "",
        f"{case / 'a.txt'}:2: power-theft: tells 'government', b tells 'police'; {speakers}\n"
        f"{case / 'b.txt'}:2: power-theft: tells 'police', a tells 'government'; {speakers}\n",
    )
    report = json.loads((case / "out" / "report.json").read_text("utf-8"))
    claim = report["claims"][0]
    assert (claim["id"], claim["status"], claim["blocking"]) == ("power-theft", "disagreement", True)
    assert [(a["article"], a["mentioned"], a["version"], a["line"]) for a in claim["articles"]] == [
        ("a", True, "government", 2),
        ("b", True, "police", 2),
    ]
    assert report["claims"][1]["status"] == "unmentioned"
    markdown = (case / "out" / "report.md").read_text("utf-8")
    assert "## power-theft: disagreement" in markdown
    assert "- a tells 'government', b tells 'police'" in markdown


def test_no_fail_exits_zero_and_format_selects_files(case, fake_model):
    assert run(case, "--no-fail", "--format", "json") == EXIT_OK
    written = sorted(p.name for p in (case / "out").iterdir())
    assert written == [".factcheck.lock", ".factcheck.reports.json", "report.json"]


def test_no_cache_leaves_the_cache_alone_and_no_scratch_behind(
    case, fake_model, private_cache, monkeypatch, tmp_path_factory
):
    scratch_parent = tmp_path_factory.mktemp("tmp")
    monkeypatch.setattr(tempfile, "tempdir", str(scratch_parent))
    assert run(case, "--no-cache") == EXIT_BLOCKING
    assert list(private_cache.iterdir()) == [] and list(scratch_parent.iterdir()) == []
    cached = json.loads((case / "out" / "report.json").read_text("utf-8"))
    assert run(case) == EXIT_BLOCKING  # with the cache: the same report
    assert json.loads((case / "out" / "report.json").read_text("utf-8")) == cached
    assert list(private_cache.iterdir()) != []


def test_bad_claims_exit_2_with_one_line_each_and_no_report(case, fake_model, capsys):
    (case / "claims.yaml").write_text("claims:\n  - id: x\n    text: ''\n    versions: [a]\n", "utf-8")
    assert run(case) == EXIT_ERROR
    claims = case / "claims.yaml"
    assert capsys.readouterr().err == (
        f"{claims}:3: claims[0].text: is empty; write the claim as one sentence\n"
        f"{claims}:4: claims[0].versions: expected a mapping of id -> text, got a list\n"
    )
    assert not (case / "out").exists()


def test_missing_articles_exit_2(case, fake_model, capsys):
    code = main(
        ["run", "--claims", str(case / "claims.yaml"), "--articles", str(case / "nope"), "--out", str(case / "out")]
    )
    assert code == EXIT_ERROR
    assert capsys.readouterr().err == f"factcheck: error: {case / 'nope'}: no such file or folder\n"


def test_bad_option_exits_2(capsys):
    assert main(["run", "--format", "pdf"]) == EXIT_ERROR
    assert "invalid choice: 'pdf'" in capsys.readouterr().err


def test_unreadable_article_is_skipped_unless_strict(case, fake_model, capsys):
    (case / "b.txt").write_bytes(b"\x00\x01binary")
    assert run(case, "--no-fail") == EXIT_OK
    report = json.loads((case / "out" / "report.json").read_text("utf-8"))
    assert report["articles_checked"] == ["a"]
    assert report["problems"] == [
        f"{case / 'b.txt'}: contains NUL bytes: a binary file, not text",
        f"{case / 'claims.yaml'}:2: stories.power: pattern 'b' matches no article",
    ]
    assert run(case, "--strict") == EXIT_ERROR


def test_validate_needs_no_model(case, capsys, monkeypatch):
    import factcheck.app

    monkeypatch.setattr(factcheck.app, "load_embedder", None)  # any call would fail
    code = main(["validate", "--claims", str(case / "claims.yaml"), "--articles", str(case)])
    assert code == EXIT_OK
    assert capsys.readouterr().err == (
        f"factcheck: {case / 'claims.yaml'}: 2 claims valid; 2 articles readable (10 sentences)\n"
    )


def test_validate_counts_in_the_singular_too(case, capsys):
    (case / "one.yaml").write_text("claims:\n  - id: rain\n    text: il pleuvait\n", "utf-8")
    assert main(["validate", "--claims", str(case / "one.yaml"), "--articles", str(case / "a.txt")]) == EXIT_OK
    assert (
        capsys.readouterr().err == f"factcheck: {case / 'one.yaml'}: 1 claim valid; 1 article readable (5 sentences)\n"
    )


def test_verbose_and_colour(case, fake_model, capsys):
    code = run(case, "-v", "--color", "always", "--format", "json", quiet=False)
    assert code == EXIT_BLOCKING
    err = capsys.readouterr().err.splitlines()
    assert err[:3] == [
        "factcheck: loading model use-multilingual-v3@fake",
        "power-theft: \033[31mdisagreement (blocking)\033[0m",
        "rain: unmentioned",
    ]
    assert "\033[31m1 blocking\033[0m" in err[-1]


def test_no_color_is_honoured(case, fake_model, capsys, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    run(case, "--color", "auto")
    assert "\033[" not in capsys.readouterr().err


def test_min_severity_error_leaves_warnings_out_of_the_findings(case, fake_model, capsys):
    claims = case / "claims.yaml"
    claims.write_text(
        claims.read_text("utf-8").replace("    story: power\n", "    story: power\n    severity: warning\n"), "utf-8"
    )
    assert run(case, "--format", "github") == EXIT_OK  # a warning never blocks
    assert capsys.readouterr().out.startswith("::warning file=")
    assert run(case, "--format", "github", "--min-severity", "error") == EXIT_OK
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    "claims, code, message",
    [
        ("claims.yaml", EXIT_OK, "2 claims valid; 2 articles readable (10 sentences)"),
        ("missing.yaml", EXIT_ERROR, "missing.yaml"),
    ],
)
def test_the_command_leaves_with_its_exit_status_and_its_messages_flushed(case, claims, code, message):
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "validate", "--claims", str(case / claims), "--articles", str(case)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == code
    assert message in done.stderr and done.stderr.endswith("\n")


def test_format_text_prints_the_finding_lines_on_stdout_instead(case, fake_model, capsys, monkeypatch):
    monkeypatch.chdir(case)  # paths relative to the working folder, as editors and terminals link them
    code = main(["run", "--articles", "a.txt", "b.txt", "--out", "out", "-q", "--format", "text", "json"])
    speakers = "a attributes it to le gouvernement, b to la police"
    assert (code, capsys.readouterr()) == (
        EXIT_BLOCKING,
        (
            f"a.txt:2: power-theft: tells 'government', b tells 'police'; {speakers}\n"
            f"b.txt:2: power-theft: tells 'police', a tells 'government'; {speakers}\n",
            "",
        ),
    )


def test_progress_in_a_ci_log_is_a_plain_line_at_most_every_ten_seconds(capsys):
    from factcheck.cli.console import progress

    ticks = iter([0, 4, 11, 15, 22, 30])
    chunks = [["a", "b"]] * 5
    wrap = progress(False, clock=lambda: next(ticks))
    assert list(wrap(chunks, "embedding and matching articles", 10, len)) == chunks
    assert capsys.readouterr().err == (
        "factcheck: embedding and matching articles: 4/10 (0.4/s)\n"
        "factcheck: embedding and matching articles: 8/10 (0.4/s)\n"
    )


def test_a_finding_line_names_a_few_differences_and_counts_the_rest(tmp_path, fake_model, capsys):
    (tmp_path / "claims.yaml").write_text(
        "stories:\n  ferry: ['*']\nclaims:\n  - id: ferry\n    text: the ferry carried 100 passengers to the island\n"
        "    story: ferry\n",
        encoding="utf-8",
    )
    articles = []
    for n, passengers in enumerate((100, 120, 140, 160, 180, 200)):
        path = tmp_path / f"n{n}.txt"
        path.write_text(f"The ferry carried {passengers} passengers to the island.\nThe sea was calm.\n", "utf-8")
        articles.append(str(path))
    code = main(
        [
            "run",
            "--claims",
            str(tmp_path / "claims.yaml"),
            "--articles",
            *articles,
            "--out",
            str(tmp_path / "out"),
            "-q",
        ]
    )
    first = capsys.readouterr().err.splitlines()[0]
    assert (code, first) == (
        EXIT_BLOCKING,
        f"{articles[0]}:1: ferry: n0 says 100 passengers, n1 says 120 passengers; n0 says 100 passengers, n2 says "
        "140 passengers; n0 says 100 passengers, n3 says 160 passengers; … and 2 more differences",
    )


def test_a_finding_line_names_a_few_articles_of_another_version(case, fake_model, capsys):
    told = "Selon {}, les mineurs ont volé de l'électricité au réseau.\n"
    articles = [case / "b.txt"]
    for n in range(6):
        articles.append(case / f"g{n}.txt")
        articles[-1].write_text(told.format("le gouvernement"), encoding="utf-8")
    (case / "claims.yaml").write_text(
        (case / "claims.yaml").read_text("utf-8").replace('["a", "b"]', '["*"]'), encoding="utf-8"
    )
    args = ["run", "--claims", str(case / "claims.yaml"), "--out", str(case / "out"), "-q"]
    code = main([*args, "--articles", *map(str, articles)])
    police = [line for line in capsys.readouterr().err.splitlines() if line.startswith(str(case / "b.txt"))]
    assert (code, police) == (
        EXIT_BLOCKING,
        [
            f"{case / 'b.txt'}:2: power-theft: tells 'police', g0, g1, g2, g3, g4 and 1 more tell 'government'; "
            "b attributes it to la police, g0 to le gouvernement"
        ],
    )
