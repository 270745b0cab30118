"""A large report.json is rendered partly in a forked child: same bytes, and a failing child changes nothing."""

import json
import os
from itertools import chain

import pytest
from conftest import contrast_only

from factcheck.parallel import can_fork, rendered_in_child
from factcheck.store import MemoryStore

pytestmark = pytest.mark.skipif(not can_fork(), reason="renders in-process where fork is unsafe")


def test_the_child_renders_in_order_what_the_parent_would():
    items = list(range(2000))
    later = rendered_in_child(lambda i: [f"[{i}: é ", "x" * (i % 97), "]\n"], items)
    assert b"".join(spool.read() for spool in later()).decode("utf-8") == "".join(
        f"[{i}: é {'x' * (i % 97)}]\n" for i in items
    )


def _sendfile_that_stops_after(calls: int):
    real, done = os.sendfile, []

    def sendfile(out_fd, in_fd, offset, count):
        if len(done) == calls:
            raise OSError(22, "Invalid argument")
        done.append(count)
        return real(out_fd, in_fd, offset, min(count, 7))  # a few bytes at a time: the loop must go on

    return sendfile


@pytest.mark.parametrize("calls", [None, 0, 3], ids=["sendfile", "no sendfile", "sendfile fails midway"])
def test_text_and_the_child_bytes_interleave_in_a_report_file(tmp_path, monkeypatch, calls):
    import factcheck.parallel as parallel
    from factcheck.report.write import write_reports

    monkeypatch.setattr(parallel, "CHUNK_BYTES", 3)  # so that chunks cut "é" in two where bytes are copied
    if calls is not None:
        monkeypatch.setattr(parallel.os, "sendfile", _sendfile_that_stops_after(calls))
    later = rendered_in_child(lambda i: [f"é{i}|"], range(50))
    write_reports(tmp_path, {"r.json": chain(["début "], later(), [" fin\n"])})  # lazily: the file is open till next
    assert (tmp_path / "r.json").read_text("utf-8") == "début " + "".join(f"é{i}|" for i in range(50)) + " fin\n"


def test_a_child_that_fails_is_replaced_by_the_parent():
    parent = os.getpid()

    def render(i):
        if os.getpid() != parent:
            raise RuntimeError("the child breaks")
        return [f"{i}", ","]

    assert "".join(rendered_in_child(render, [1, 2, 3])()) == "1,2,3,"


def test_report_json_is_the_same_rendered_in_two_processes(fake_embedder, monkeypatch):
    import factcheck.report.json_report as json_report
    from factcheck.core.check import check
    from factcheck.inputs.claims import parse_claims
    from factcheck.records import Settings
    from factcheck.text.sentences import parse_article

    claim_set = parse_claims(
        "claims:\n" + "".join(f"  - id: c{k}\n    text: les {k + 2} mineurs ont volé « tout »\n" for k in range(5))
    )
    articles = [
        parse_article(f"a{i:02d}", f"Le marché était calme.\nLes {i} mineurs ont volé « tout ».\n") for i in range(30)
    ]
    report = check(claim_set, articles, fake_embedder, Settings("fake", "claims.yaml", contrast_only()), MemoryStore())
    serial = json_report.render_json(report)
    monkeypatch.setattr(json_report, "PARALLEL_ENTRIES", 0)
    assert json_report.render_json(report) == serial
    monkeypatch.setattr(json_report, "ENTRY_BLOCK", 7)  # 30 entries a claim: blocks of 7, 7, 7, 7 and 2
    assert json_report.render_json(report) == serial
    assert [len(c["articles"]) for c in json.loads(serial)["claims"]] == [30] * 5
    assert [[a["article"] for a in c["articles"]][-1] for c in json.loads(serial)["claims"]] == ["a29"] * 5


def test_report_json_starts_its_child_when_asked_for_not_when_first_read(fake_embedder, monkeypatch):
    import factcheck.report.json_report as json_report
    from factcheck.core.check import check
    from factcheck.inputs.claims import parse_claims
    from factcheck.records import Settings
    from factcheck.text.sentences import parse_article

    claim_set = parse_claims("claims:\n  - id: a\n    text: the miners stole\n  - id: b\n    text: it rained\n")
    report = check(
        claim_set,
        [parse_article("x", "The miners stole it.\n")],
        fake_embedder,
        Settings("fake", "claims.yaml", contrast_only()),
        MemoryStore(),
    )
    started = []
    monkeypatch.setattr(json_report, "PARALLEL_ENTRIES", 0)
    monkeypatch.setattr(
        json_report, "rendered_in_child", lambda render, items: started.append(len(items)) or (lambda: iter(()))
    )
    json_report.stream_json(report)
    assert started == [1]


def test_the_child_renders_the_claims_past_the_parents_share_of_entries(fake_embedder, monkeypatch):
    import factcheck.report.json_report as json_report
    from factcheck.core.check import check
    from factcheck.inputs.claims import parse_claims
    from factcheck.records import Settings
    from factcheck.text.sentences import parse_article

    claim_set = parse_claims("claims:\n" + "".join(f"  - id: c{k}\n    text: claim {k}\n" for k in range(5)))
    articles = [parse_article(f"a{i}", f"Sentence {i}.\n") for i in range(30)]
    report = check(claim_set, articles, fake_embedder, Settings("fake", "claims.yaml", contrast_only()), MemoryStore())
    handed = []
    monkeypatch.setattr(json_report, "PARALLEL_ENTRIES", 0)
    monkeypatch.setattr(
        json_report,
        "rendered_in_child",
        lambda render, items: handed.append([r.claim.id for r in items]) or (lambda: iter(())),
    )
    monkeypatch.setattr(json_report, "PARENT_SHARE", 0.45)
    json_report.stream_json(report)  # 150 entries: this process renders c0, c1 (60 <= 0.45 * 150), the child the rest
    monkeypatch.setattr(json_report, "PARENT_SHARE", 0.0)
    json_report.stream_json(report)  # the parent renders at least one claim
    monkeypatch.setattr(json_report, "PARENT_SHARE", 1.0)
    json_report.stream_json(report)  # and the child too
    assert handed == [["c2", "c3", "c4"], ["c1", "c2", "c3", "c4"], ["c4"]]
