"""Bad input never breaks a run: golden bad claims files, hostile article folders, interrupted and concurrent writes."""

import json
import os
import shutil
import signal
import threading
from pathlib import Path

import pytest

import factcheck.report.write
from factcheck.cli import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, main
from factcheck.report.write import write_reports

DATA = Path(__file__).parent / "data"
BAD_CLAIMS = sorted(p.stem for p in (DATA / "bad_claims").glob("*.yaml"))
GOOD_TEXT = "Selon le gouvernement les mineurs ont volé de l'électricité au réseau.\nLe marché était calme.\n"


@pytest.fixture
def folder(tmp_path):
    shutil.copy(DATA / "cli" / "claims.yaml", tmp_path / "claims.yaml")
    (tmp_path / "articles").mkdir()
    return tmp_path


def run(folder, *extra, articles=None):
    return main(
        [
            "run",
            "--claims",
            str(folder / "claims.yaml"),
            "--articles",
            str(articles or folder / "articles"),
            "--out",
            str(folder / "out"),
            "--no-fail",
            *extra,
        ]
    )


@pytest.mark.parametrize("name", BAD_CLAIMS)
def test_bad_claims_file_golden(name, tmp_path, fake_model, capsys):
    claims = tmp_path / "claims.yaml"
    shutil.copy(DATA / "bad_claims" / f"{name}.yaml", claims)
    (tmp_path / "a.txt").write_text(GOOD_TEXT, "utf-8")
    code = main(["run", "--claims", str(claims), "--articles", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")])
    expected = (DATA / "bad_claims" / f"{name}.err").read_text("utf-8").replace("claims.yaml", str(claims))
    assert (code, capsys.readouterr().err) == (EXIT_ERROR, expected)
    assert not (tmp_path / "out").exists()


ARTICLES = {
    "latin1.txt": GOOD_TEXT.encode("latin-1"),
    "cp1252.txt": ("« " + GOOD_TEXT + " » — fin.").encode("cp1252"),
    "utf16.txt": GOOD_TEXT.encode("utf-16"),
    "crlf.txt": GOOD_TEXT.replace("\n", "\r\n").encode("utf-8"),
    "bom.txt": b"\xef\xbb\xbf" + GOOD_TEXT.encode("utf-8"),
    "huge-line.txt": ("Le ministère a annoncé des mesures " * 5_000).encode("utf-8"),  # one run-on line, cut up
    "book.txt": ("Le ministère a annoncé des mesures. " * 80_000).encode("utf-8"),  # 80,000 sentences
    "notes.md": b"not an article",
    ".hidden.txt": b"not read",
}


def test_every_decodable_article_is_checked_and_the_rest_are_named(folder, fake_model, capsys):
    for name, data in ARTICLES.items():
        (folder / "articles" / name).write_bytes(data)
    (folder / "articles" / "empty.txt").write_bytes(b"")
    (folder / "articles" / "binary.txt").write_bytes(bytes(range(256)) * 4)
    os.symlink("loop.txt", folder / "articles" / "loop.txt")
    os.symlink(".", folder / "articles" / "self")  # a folder loop
    assert run(folder, "-q") == EXIT_OK
    report = json.loads((folder / "out" / "report.json").read_text("utf-8"))
    assert report["articles_checked"] == ["bom", "cp1252", "crlf", "huge-line", "latin1", "utf16"]
    reasons = {Path(p.split(":")[0]).name: p.split(": ", 1)[1] for p in report["problems"]}
    assert reasons["binary.txt"] == "contains NUL bytes: a binary file, not text"
    assert reasons["empty.txt"] == "has no text to check (empty, or only page furniture)"
    assert reasons["book.txt"] == "has 80,000 sentences; articles of over 5,000 are skipped"
    assert reasons["loop.txt"].startswith("cannot be read: Too many levels of symbolic links")
    rain = report["claims"][1]  # a claim without a story: every readable article is checked for it
    assert [a["article"] for a in rain["articles"]] == report["articles_checked"]
    assert all(a["line"] == 1 for a in rain["articles"])


def test_strict_stops_on_one_bad_article(folder, fake_model, capsys):
    (folder / "articles" / "a.txt").write_text(GOOD_TEXT, "utf-8")
    (folder / "articles" / "b.txt").write_bytes(b"")
    assert run(folder, "--strict") == EXIT_ERROR
    assert capsys.readouterr().err.splitlines()[0] == "factcheck: error: 1 article(s) could not be read (--strict):"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_article_is_named(folder, fake_model):
    path = folder / "articles" / "secret.txt"
    path.write_text(GOOD_TEXT, "utf-8")
    path.chmod(0)
    (folder / "articles" / "a.txt").write_text(GOOD_TEXT, "utf-8")
    assert run(folder, "-q") == EXIT_OK


def test_only_unusable_articles_is_exit_2(folder, fake_model, capsys):
    (folder / "articles" / "a.txt").write_bytes(b"\x00")
    assert run(folder, "-q") == EXIT_ERROR
    assert capsys.readouterr().err == f"factcheck: error: no readable .txt article found in {folder / 'articles'}\n"


def _previous_reports(folder):
    (folder / "articles" / "a.txt").write_text(GOOD_TEXT, "utf-8")
    assert run(folder, "-q") == EXIT_OK
    return {p.name: p.read_bytes() for p in (folder / "out").glob("report.*")}


def _unchanged(folder, before):
    after = {p.name: p.read_bytes() for p in (folder / "out").glob("report.*")}
    leftovers = [p.name for p in (folder / "out").iterdir() if p.name.startswith(".factcheck-")]
    return after == before and leftovers == []


@pytest.mark.parametrize("signal_to_send", [None, signal.SIGTERM])
def test_interrupted_run_leaves_previous_reports(folder, fake_model, capsys, signal_to_send, monkeypatch):
    before = _previous_reports(folder)
    (folder / "articles" / "a.txt").write_text("Un tout autre texte.\n", "utf-8")

    def interrupt(texts, kind):
        if signal_to_send is None:
            raise KeyboardInterrupt
        os.kill(os.getpid(), signal_to_send)

    monkeypatch.setattr(fake_model, "encode", interrupt)
    assert run(folder) == EXIT_INTERRUPTED
    assert capsys.readouterr().err.endswith("factcheck: interrupted; reports were not changed\n")
    assert _unchanged(folder, before)


def test_full_disk_leaves_previous_reports(folder, fake_model, capsys, monkeypatch):
    before = _previous_reports(folder)

    def no_space(path, text):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(factcheck.report.write, "_write_flushed", no_space)
    assert run(folder) == EXIT_ERROR
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"factcheck: error: {folder / 'out'}: cannot write reports (No space left on device); "
        "the previous reports are unchanged"
    )
    assert _unchanged(folder, before)


def test_concurrent_writers_never_mix_their_files(tmp_path):
    out = tmp_path / "out"

    def writer(tag):
        for _ in range(30):
            write_reports(out, {"report.md": tag * 1000, "report.json": tag * 1000})

    threads = [threading.Thread(target=writer, args=(tag,)) for tag in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert (out / "report.md").read_text() == (out / "report.json").read_text()


def test_same_inputs_give_identical_bytes_whatever_the_file_order(tmp_path, fake_model, monkeypatch):
    outputs = []
    for order in (["a", "b"], ["b", "a"]):
        case = tmp_path / "".join(order)
        (case / "articles").mkdir(parents=True)
        shutil.copy(DATA / "cli" / "claims.yaml", case / "claims.yaml")
        for name in order:
            shutil.copy(DATA / "cli" / f"{name}.txt", case / "articles" / f"{name}.txt")
        monkeypatch.chdir(case)
        assert main(["run", "--articles", "articles", "--out", "out", "-q", "--no-fail"]) == EXIT_OK
        outputs.append([(case / "out" / n).read_bytes() for n in ("report.json", "report.md")])
    assert outputs[0] == outputs[1]


def test_a_bug_is_one_line_naming_it(folder, fake_model, capsys, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("first line\nsecond line of a library's long message")

    (folder / "articles" / "a.txt").write_text(GOOD_TEXT, "utf-8")
    monkeypatch.setattr(factcheck.report.write, "_write_flushed", broken)
    assert run(folder) == EXIT_ERROR
    assert capsys.readouterr().err.splitlines()[-1] == (
        "factcheck: internal error: ValueError: first line (set FACTCHECK_DEBUG=1 for the traceback, "
        "and please report it)"
    )
