"""Hostile input and faults (issue 16): each gets its exit code and a one-line message naming the file, never a
traceback, a hang or unbounded memory. Through main([...]), or a subprocess where streams or signals matter."""

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from factcheck.cli import EXIT_BLOCKING, EXIT_ERROR, EXIT_OK, main

DATA = Path(__file__).parent / "data" / "cli"
TEXT = "Selon le gouvernement, les mineurs ont volé de l'électricité au réseau.\n"


@pytest.fixture
def case(tmp_path, monkeypatch):
    for name in ("claims.yaml", "a.txt", "b.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / "articles").mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(DATA / name, tmp_path / "articles" / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*extra, articles=("articles",)):
    return main(["run", "--claims", "claims.yaml", "--articles", *articles, "--out", "out", "-q", "--no-fail", *extra])


def problems(case) -> list[str]:
    return json.loads((case / "out" / "report.json").read_text("utf-8"))["problems"]


# 1. Many claims: nothing quadratic in the number of claims is ever built.


def test_fifty_thousand_claims_run_on_the_seeds(case, fake_model):
    rows = [f"  - id: c{n}\n    text: Claim number {n} about nothing in particular.\n" for n in range(50_000)]
    (case / "many.yaml").write_text("claims:\n" + "".join(rows), "utf-8")
    seeds = str(Path(__file__).parent.parent / "seeds")
    assert main(["run", "--claims", "many.yaml", "--articles", seeds, "--out", "out", "-q", "--format", "json"]) == 0
    assert len(json.loads((case / "out" / "report.json").read_text("utf-8"))["claims"]) == 50_000


# 2. Special files: a pipe would block for ever, a device fill memory.


def test_a_pipe_as_claims_reviews_or_article_never_blocks(case, fake_model, capsys):
    os.mkfifo(case / "pipe.yaml")
    os.mkfifo(case / "articles" / "pipe.txt")
    assert main(["validate", "--claims", "pipe.yaml", "--articles", "articles"]) == EXIT_ERROR
    assert capsys.readouterr().err == "pipe.yaml: is not a regular file (a pipe, a device or a socket); give a file\n"
    assert run("--reviews", "pipe.yaml") == EXIT_ERROR
    assert capsys.readouterr().err == "pipe.yaml: is not a regular file (a pipe, a device or a socket); give a file\n"
    assert run() == EXIT_OK
    assert problems(case) == ["articles/pipe.txt: not a regular file (a pipe, a device or a socket); skipped"]


# 3. /dev/zero and huge inputs.


def test_dev_zero_and_oversized_inputs_are_refused_before_reading(case, fake_model, capsys):
    assert main(["validate", "--claims", "/dev/zero", "--articles", "articles"]) == EXIT_ERROR
    assert capsys.readouterr().err == "/dev/zero: is not a regular file (a pipe, a device or a socket); give a file\n"
    os.symlink("/dev/zero", case / "articles" / "zero.txt")
    (case / "articles" / "huge.txt").write_bytes(b"a" * (4 * 1024 * 1024 + 1))
    (case / "big.yaml").write_bytes(b"#" * (8 * 1024 * 1024 + 1))
    assert main(["validate", "--claims", "big.yaml", "--articles", "articles"]) == EXIT_ERROR
    assert capsys.readouterr().err == "big.yaml: is 8.0 MB; at most 8.0 MB is read\n"
    assert run("--follow-symlinks") == EXIT_OK
    assert problems(case) == [
        "articles/zero.txt: not a regular file (a pipe, a device or a socket); skipped",
        "articles/huge.txt: is 4.0 MB; at most 4.0 MB is read",
    ]


# 4. An article of hundreds of thousands of sentences would take gigabytes to match.


def test_an_article_of_too_many_sentences_is_skipped_with_the_limit(case, fake_model):
    (case / "articles" / "book.txt").write_text("Le ministère a annoncé des mesures. " * 6_000, "utf-8")
    assert run() == EXIT_OK
    assert problems(case) == ["articles/book.txt: has 6,000 sentences; articles of over 5,000 are skipped"]


# 5. Recursion: YAML nested hundreds deep, folders a thousand deep.


@pytest.mark.parametrize("option", ["--claims", "--reviews"])
def test_deeply_nested_yaml_is_refused_with_its_line(case, fake_model, capsys, option):
    (case / "deep.yaml").write_text("claims:\n  - id: x\n    text: " + "[" * 600 + "]" * 600 + "\n", "utf-8")
    if option == "--claims":
        code = main(["validate", "--claims", "deep.yaml", "--articles", "articles"])
    else:
        code = run("--reviews", "deep.yaml")
    message = "deep.yaml:3: too complex: nested more than 50 levels deep\n"
    assert (code, capsys.readouterr().err) == (EXIT_ERROR, message)


def test_folders_too_deep_are_skipped_with_a_warning(case, fake_model):
    deep = case / "articles"
    for _ in range(70):  # os.walk would recurse; at 1,000 levels Python's stack ran out
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "lost.txt").write_text(TEXT, "utf-8")
    assert run() == EXIT_OK
    assert problems(case) == ["articles/" + "d/" * 64 + "d: over 64 folders deep; skipped"]


# 6. Alias expansion: a small file that expands to millions of values.


def test_an_alias_bomb_stops_early(case, capsys):
    versions = "\n".join(f"      v{n}: text {n}" for n in range(2_000))
    aliases = "\n".join(f"  - {{id: c{n}, text: t, versions: *v}}" for n in range(200))
    (case / "bomb.yaml").write_text(f"claims:\n  - id: x\n    text: t\n    versions: &v\n{versions}\n{aliases}\n")
    assert main(["validate", "--claims", "bomb.yaml", "--articles", "articles"]) == EXIT_ERROR
    assert capsys.readouterr().err == "bomb.yaml:2054: too complex: aliases expand it to more than 200,000 values\n"


# 11. Links out of the articles folder: a pull request must not exfiltrate files of the CI machine.


def test_a_link_out_of_the_articles_folder_is_not_followed(case, fake_model, tmp_path_factory):
    secret = tmp_path_factory.mktemp("elsewhere") / "secret.conf"
    secret.write_text("password = hunter2, les mineurs ont volé de l'électricité au réseau\n", "utf-8")
    os.symlink(secret, case / "articles" / "notes.txt")
    os.symlink(case / "articles" / "a.txt", case / "articles" / "inside.txt")  # inside the folder: read
    assert run() == EXIT_OK
    report = json.loads((case / "out" / "report.json").read_text("utf-8"))
    assert report["articles_checked"] == ["a", "b", "inside"]
    assert problems(case) == [
        f"articles/notes.txt: a link to {secret}, outside {case / 'articles'}; skipped (--follow-symlinks reads it)"
    ]
    assert "hunter2" not in (case / "out" / "report.json").read_text("utf-8")
    assert run("--follow-symlinks") == EXIT_OK
    assert "notes" in json.loads((case / "out" / "report.json").read_text("utf-8"))["articles_checked"]


# 12. Reviews unblock findings: each is validated.


def test_reviews_are_validated_like_claims(case, fake_model, capsys):
    good = 'fingerprint: "0123456789abcdef", by: A. Editor, at: "2026-11-20T10:00:00"'
    (case / "reviews.yaml").write_text(
        "reviews:\n"
        '  - {claim: power-theft, fingerprint: "0123456789abcdef", by: "", at: "2026-11-20T10:00:00"}\n'
        '  - {claim: rain, fingerprint: "0123456789abcdef", by: A. Editor, at: "not a date"}\n'
        f"  - {{claim: no-such-claim, {good}}}\n"
        f"  - {{claim: power-theft, {good}}}\n"
        f"  - {{claim: power-theft, {good}}}\n",
        "utf-8",
    )
    assert run() == EXIT_ERROR
    assert capsys.readouterr().err.splitlines() == [
        "reviews.yaml:2: reviews[0].by: is empty; name who reviewed it",
        "reviews.yaml:3: reviews[1].at: expected a date and time (ISO 8601), got 'not a date'",
        "reviews.yaml:4: reviews[2].claim: names no claim of the claims file: 'no-such-claim'",
        "reviews.yaml:6: reviews[4].claim: 'power-theft' is reviewed twice (first on line 5)",
    ]
    assert not (case / "out").exists()


# 13. Streams: stderr full or closed, stdout closed by its reader. The exit status must still tell.


def _command(case, *args, stderr=None, stdout=subprocess.PIPE):
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], cwd=case, stdout=stdout, stderr=stderr, env=env, check=False
    )


def test_a_full_or_closed_stderr_keeps_the_exit_status(case):
    (case / "bad.yaml").write_text("claims: 3\n", "utf-8")
    with open("/dev/full", "w") as full:
        assert _command(case, "validate", "--articles", "articles", stderr=full).returncode == EXIT_OK
        assert _command(case, "validate", "--claims", "bad.yaml", stderr=full).returncode == EXIT_ERROR
    closed = _command(case, "validate", "--claims", "bad.yaml", stderr=subprocess.DEVNULL)
    assert closed.returncode == EXIT_ERROR
    no_stderr = subprocess.run(
        f"{sys.executable} -m factcheck validate --claims bad.yaml 2>&-",
        shell=True,
        cwd=case,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    assert (no_stderr.returncode, no_stderr.stdout) == (EXIT_ERROR, "")


def test_a_reader_that_stops_reading_is_no_error(case):
    pipe = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "run", "--articles", "a.txt", "b.txt", "--format", "github", "json"],
        cwd=case,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    pipe.stdout.close()  # as `| head -0` does
    errors = pipe.stderr.read().decode()
    assert pipe.wait() == EXIT_BLOCKING, errors
    assert "Error" not in errors and (case / "reports" / "report.json").exists()


# 14, 15. Options: empty paths, numbers out of range.


@pytest.mark.parametrize(
    "args, message",
    [
        (["run", "--articles", ""], "argument --articles: an empty path; give a file or folder name"),
        (["run", "--out", ""], "argument --out: an empty path; give a file or folder name"),
        (["stories", "--min-shared", "nan"], "argument --min-shared: expected a number from 0 to 1, got 'nan'"),
        (["stories", "--min-shared", "inf"], "argument --min-shared: expected a number from 0 to 1, got 'inf'"),
        (["stories", "--min-shared", "7"], "argument --min-shared: expected a number from 0 to 1, got '7'"),
        (["run", "--nli-threshold", "1.5"], "argument --nli-threshold: expected a number from 0 to 1, got '1.5'"),
        (["explain", "x", "--top", "-5"], "argument --top: expected a whole number of 1 or more, got '-5'"),
    ],
)
def test_bad_option_values_exit_2_naming_the_option(case, capsys, args, message):
    assert main(args) == EXIT_ERROR
    assert capsys.readouterr().err.splitlines()[-1].endswith(f"error: {message}")


# 16, 17. Ids that only look unique; text that is not text.


def test_a_claim_id_with_a_trailing_newline_is_no_id(case, capsys):
    (case / "ids.yaml").write_text('claims:\n  - {id: "x", text: t}\n  - {id: "x\\n", text: t}\n', "utf-8")
    assert main(["validate", "--claims", "ids.yaml", "--articles", "articles"]) == EXIT_ERROR
    assert capsys.readouterr().err == "ids.yaml:3: claims[1].id: 'x\\n' may use only letters, digits, '-' and '_'\n"


def test_a_lone_surrogate_is_refused_with_its_line(case, capsys):
    (case / "s.yaml").write_text('claims:\n  - id: x\n    text: "le \\ud800 mot"\n', "utf-8")
    assert main(["validate", "--claims", "s.yaml", "--articles", "articles"]) == EXIT_ERROR
    assert capsys.readouterr().err == "s.yaml:3: claims[0].text: holds a lone surrogate (\\ud800)\n"


# 18. A file name that is not UTF-8.


def test_an_article_whose_name_is_not_utf8_is_skipped_and_named(case, fake_model):
    name = os.fsdecode(b"001_\xff\xfe latin\xe9.txt")
    (case / "articles" / name).write_text(TEXT, "utf-8")
    assert run() == EXIT_OK
    shown = "articles/001_\\udcff\\udcfe latin\\udce9.txt"
    assert problems(case) == [f"{shown}: its name is not UTF-8; skipped (rename it)"]


# 21. Two reviews at once.


def test_two_reviews_at_once_are_both_kept(case, fake_model, monkeypatch):
    import factcheck.cli.commands as commands

    claims = (DATA / "claims.yaml").read_text("utf-8")
    theft = claims[claims.index("  - id: power-theft") : claims.index("  - id: rain")]
    (case / "claims.yaml").write_text(claims + theft.replace("power-theft", "theft-again"), "utf-8")  # two findings
    render = commands.render_reviews

    def slow_render(reviews):  # widen the window between reading reviews.yaml and writing it back
        text = render(reviews)
        threading.Event().wait(0.3)
        return text

    monkeypatch.setattr(commands, "render_reviews", slow_render)
    base = ["--articles", "a.txt", "b.txt", "-q"]
    codes = []
    threads = [
        threading.Thread(target=lambda c=c: codes.append(main(["review", c, "--by", "E", *base])))
        for c in ("power-theft", "theft-again")
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert codes == [EXIT_OK, EXIT_OK]
    reviews = (case / "reviews.yaml").read_text("utf-8")
    assert "claim: power-theft" in reviews and "claim: theft-again" in reviews


# 7-10. Reports: names and notes from files must not break or inject into any format.


@pytest.fixture
def hostile_names(case):
    story = (DATA / "claims.yaml").read_text("utf-8").replace('["a", "b"]', '["*"]')
    (case / "claims.yaml").write_text(story, "utf-8")
    shutil.rmtree(case / "articles")
    (case / "articles").mkdir()
    names = ["000_a|b \x1b[31mred.txt", "001_<img src=x onerror=alert(1)>.txt"]
    for source, name in zip(("a.txt", "b.txt"), names):
        shutil.copy(DATA / source, case / "articles" / name)
    return case


def test_hostile_file_names_stay_inert_in_every_format(hostile_names, fake_model, capsys):
    assert run("--format", "markdown", "junit", "sarif", "github") == EXIT_OK
    github = capsys.readouterr().out
    assert "\x1b" not in github and "\\x1b[31mred" in github
    markdown = (hostile_names / "out" / "report.md").read_text("utf-8")
    assert "<img" not in markdown and "&lt;img src=x onerror=alert(1)&gt;" in markdown
    table_rows = [line for line in markdown.splitlines() if line.startswith("| 000_a")]
    assert table_rows and all(line.replace("\\|", "").count("|") == 6 for line in table_rows)  # 5 cells each
    from xml.etree import ElementTree

    junit = ElementTree.parse(hostile_names / "out" / "report.junit.xml")  # well-formed
    assert "\\x1b[31mred" in "".join(junit.getroot().itertext())
    sarif = json.loads((hostile_names / "out" / "report.sarif").read_text("utf-8"))
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
        for loc in r["locations"]
    }
    assert uris == {
        "articles/000_a%7Cb%20%1B%5B31mred.txt",
        "articles/001_%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.txt",
    }


def test_a_review_note_cannot_write_markdown_into_the_report(case, fake_model):
    base = ["--articles", "a.txt", "b.txt", "-q"]
    note = "fine\n\n# factcheck report\n\n**No blocking finding** <script>x</script>"
    assert main(["review", "power-theft", "--by", "A. Editor", "--note", note, *base]) == EXIT_OK
    assert main(["run", *base, "--out", "out"]) == EXIT_OK
    markdown = (case / "out" / "report.md").read_text("utf-8")
    assert [line for line in markdown.splitlines() if line.startswith("#") and "factcheck report" in line] == [
        "# factcheck report"
    ]
    assert markdown.count("**No blocking finding**") == 1 and "<script>" not in markdown  # the header's own
    assert "fine # factcheck report \\*\\*No blocking finding\\*\\* &lt;script&gt;x&lt;/script&gt;" in markdown


# 20. Workers die with the run.


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"  # a zombie has exited; only its parent's reaping is pending


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_die_when_the_run_is_killed(tmp_path):
    script = (
        "import os, sys, time\n"
        "from factcheck.parallel import fork_pool\n"
        "def pid(_):\n"
        "    time.sleep(0.05)\n"
        "    return os.getpid()\n"
        "pool = fork_pool(2)\n"
        "pids = set()\n"
        "while len(pids) < 2:\n"
        "    pids |= set(pool.map(pid, range(8)))\n"
        "print(*pids, flush=True)\n"
        "time.sleep(60)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env)
    workers = [int(p) for p in parent.stdout.readline().split()]
    assert len(workers) == 2 and all(_alive(p) for p in workers)
    parent.kill()  # SIGKILL: no cleanup of its own runs
    parent.wait()
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(p) for p in workers)


# 19. A damaged, read-only or full cache costs time, never the run or its report.


def _report_json(case) -> str:
    return (case / "out" / "report.json").read_text("utf-8")


@pytest.fixture
def reference(case, fake_model):
    assert run("--no-cache") == EXIT_OK
    return _report_json(case)


def test_garbage_over_the_cache_file_is_done_without(case, fake_model, reference, capsys):
    cache = case / "cache"
    assert run("--cache-dir", "cache") == EXIT_OK
    path = cache / "embeddings.sqlite3"
    data = bytearray(path.read_bytes())
    data[4096:] = os.urandom(len(data) - 4096)  # the header intact, every page after it garbage
    path.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["run", "--articles", "articles", "--out", "out", "--no-fail", "--cache-dir", "cache"]) == EXIT_OK
    assert _report_json(case) == reference
    warnings = [line for line in capsys.readouterr().err.splitlines() if "cache" in line]
    assert len(warnings) == 1 and warnings[0].startswith("factcheck: cache: the cache cannot ")


def test_garbage_rows_are_computed_again_and_replaced(case, fake_model, reference):
    import sqlite3

    assert run("--cache-dir", "cache") == EXIT_OK
    with sqlite3.connect(case / "cache" / "embeddings.sqlite3") as db:
        db.execute("UPDATE matches SET data = randomblob(length(data))")
        db.execute("UPDATE parsed SET data = '{\"lines\": 3}'")
        db.execute("UPDATE vectors SET data = zeroblob(length(data) - 4)")  # one float short: a foreign row
    assert run("--cache-dir", "cache") == EXIT_OK
    assert _report_json(case) == reference
    with sqlite3.connect(case / "cache" / "embeddings.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM parsed WHERE data = '{\"lines\": 3}'").fetchone() == (0,)


@pytest.mark.parametrize("fault", ["attempt to write a readonly database", "database or disk is full"])
def test_a_cache_that_cannot_be_written_is_used_read_only(case, fake_model, reference, monkeypatch, capsys, fault):
    import sqlite3

    from factcheck.store.sqlite import CacheStore

    def refuse(self, table, columns, rows):
        raise sqlite3.OperationalError(fault)

    monkeypatch.setattr(CacheStore, "_insert", refuse)
    capsys.readouterr()
    assert main(["run", "--articles", "articles", "--out", "out", "--no-fail", "--cache-dir", "cache"]) == EXIT_OK
    assert _report_json(case) == reference
    assert (
        capsys.readouterr().err.splitlines()[0]
        == f"factcheck: cache: the cache cannot be written ({fault}); it is used read-only"
    )
