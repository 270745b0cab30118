"""The HTML report: self-contained, the matrix coloured by verdict, highlighted evidence; and it renders in Chromium."""

import hashlib
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.cli import main


class Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.cells, self.marks, self.urls, self._in_mark = [], [], [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "td" and "data-claim" in attrs:
            self.cells.append((attrs["data-claim"], attrs["data-article"], attrs["class"]))
        self.urls += [v for k, v in attrs.items() if k in ("src", "href") and not v.startswith("#")]
        self._in_mark = tag == "mark"

    def handle_data(self, data):
        if self._in_mark:
            self.marks.append(data)
            self._in_mark = False


@pytest.fixture
def page(cli_case, fake_model):
    main(["run", "--claims", "claims.yaml", "--articles", "a.txt", "b.txt", "--out", "out", "-q", "--format", "html"])
    return cli_case / "out" / "report.html"


def test_matrix_evidence_and_articles(page):
    dom = Collect()
    dom.feed(page.read_text("utf-8"))
    assert sorted(dom.cells) == [
        ("power-theft", "a", "cell c-disagree"),
        ("power-theft", "b", "cell c-disagree"),
        ("rain", "a", "cell c-absent"),
        ("rain", "b", "cell c-absent"),
    ]
    assert dom.urls == []  # self-contained: no fetch of any kind
    assert "le gouvernement" in dom.marks and "la police" in dom.marks
    assert [a["id"] for t, a in dom.tags if t == "details"] == ["article-a", "article-b"]
    assert ("p", {"class": "legend", "id": "legend"}) in dom.tags  # what the cells' colours and symbols mean
    assert [a for t, a in dom.tags if t == "td" and a.get("class") == "verified"] == [{"class": "verified"}] * 2


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


ROOT = Path(__file__).parent.parent
NO_CHROMIUM = "Chromium is not installed (.ci/run installs Debian's chromium)"


def _chromium(tmp_path) -> list[str]:
    return [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1280,1600",
    ]


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_renders_in_headless_chromium(page, tmp_path):
    flags = _chromium(tmp_path)
    dom = subprocess.run([*flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    assert '<span class="verdict blocking" id="verdict">1 blocking finding(s)</span>' in dom
    assert dom.count('class="cell c-disagree"') == 3  # two cells and the legend's sample
    shot = tmp_path / "shot.png"
    subprocess.run([*flags, f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


@pytest.mark.model
@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_the_readme_picture_is_the_seeds_report_of_this_code(tmp_path):
    """docs/report-html.png is taken here, from the seeds' report of the code under test, so it never lags. It is
    taken again only when the report differs from the one it shows (its digest is in the picture): Chromium does
    not draw one page the same twice, and a test run must not change the clone for nothing."""
    args = ["run", "-q", "--no-fail", "--format", "html", "--out", str(tmp_path / "out")]
    assert main([*args, "--claims", str(ROOT / "claims.yaml"), "--articles", str(ROOT / "seeds")]) == 0
    report = tmp_path / "out" / "report.html"
    digest = hashlib.sha256(report.read_bytes()).hexdigest()
    picture = ROOT / "docs" / "report-html.png"
    if picture.exists() and _text_chunks(picture.read_bytes()).get(DIGEST_KEY) == digest:
        return
    shot = tmp_path / "report-html.png"
    subprocess.run([*_chromium(tmp_path), f"--screenshot={shot}", report.as_uri()], capture_output=True, timeout=120)
    assert shot.read_bytes()[:8] == PNG and shot.stat().st_size > 10_000
    picture.write_bytes(_with_text(shot.read_bytes(), DIGEST_KEY, digest))


PNG = b"\x89PNG\r\n\x1a\n"
DIGEST_KEY = "factcheck-report-sha256"


def _chunks(png: bytes):
    at = len(PNG)
    while at < len(png):
        (size,) = struct.unpack(">I", png[at : at + 4])
        yield png[at + 4 : at + 8], png[at + 8 : at + 8 + size], at + 12 + size
        at += 12 + size


def _text_chunks(png: bytes) -> dict[str, str]:
    found = (data.split(b"\0", 1) for kind, data, _ in _chunks(png) if kind == b"tEXt")
    return {key.decode("latin-1"): value.decode("latin-1") for key, value in found}


def _with_text(png: bytes, key: str, value: str) -> bytes:
    """The picture with a tEXt chunk (key, value) after its header."""
    _, _, end_of_header = next(_chunks(png))
    data = key.encode("latin-1") + b"\0" + value.encode("latin-1")
    chunk = struct.pack(">I", len(data)) + b"tEXt" + data + struct.pack(">I", zlib.crc32(b"tEXt" + data))
    return png[:end_of_header] + chunk + png[end_of_header:]
