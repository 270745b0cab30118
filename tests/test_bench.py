"""The benchmark scripts still start: they import the package as it is laid out now."""

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.mark.parametrize("script", sorted(p.name for p in BENCH.glob("*.py")))
def test_bench_script_starts(script):
    done = subprocess.run([sys.executable, str(BENCH / script), "--help"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage:")


STSB = BENCH.parent.parent / "shared" / "eval" / "external" / "stsb"


@pytest.mark.skipif(not STSB.exists(), reason="the shared evaluation data is not next to this clone")
def test_a_story_tells_one_fact_in_two_languages_and_has_an_article_without_it():
    sys.path.insert(0, str(BENCH.parent))
    from bench.sets import topical

    for run in topical.stories():
        mentions = {(e.claim, e.article): e.want for e in run.expects if e.metric == "mention"}
        claims = {claim for claim, _ in mentions}
        assert claims and {e.claim for e in run.expects if e.metric == "flag" and e.want is False} == claims
        for claim in claims:
            told = sorted(a for (c, a), want in mentions.items() if c == claim and want)
            assert len(told) == 2 and told[0][:2] != told[1][:2]  # two languages' articles
            assert [a for (c, a), want in mentions.items() if c == claim and not want] == [f"b{claim[1:]}"]


@pytest.mark.parametrize(
    "claims_file, expected_file, articles",
    [
        ("newsroom-claims.yaml", "newsroom-expected.yaml", "newsroom"),
        ("seed-claims.yaml", "seed-expected.yaml", "../../seeds"),
    ],
)
def test_hand_written_answers_name_real_claims_articles_and_versions(claims_file, expected_file, articles):
    """A typo in a hand-written answer would count as a miss of the tool, silently."""
    import fnmatch

    import yaml

    data = BENCH / "data"
    document = yaml.safe_load((data / claims_file).read_text("utf-8"))
    expected = yaml.safe_load((data / expected_file).read_text("utf-8"))
    ids = [p.stem for p in (data / articles).glob("*.txt")]
    claims = {c["id"]: c for c in document["claims"]}
    assert sorted(expected) == sorted(claims)
    for claim_id, want in expected.items():
        claim = claims[claim_id]
        scope = document["stories"][claim["story"]] if "story" in claim else ["*"]
        labels = {"mentioned", "absent", *claim.get("versions", {})}
        for article, label in want["articles"].items():
            (full,) = [i for i in ids if i == article or i.startswith(article + "_")]
            assert any(fnmatch.fnmatchcase(full, glob) for glob in scope), (claim_id, article)
            assert set(label if isinstance(label, list) else [label]) <= labels, (claim_id, article, label)
        for key in ("contradicts", "contradicts_either"):
            assert set(want.get(key, [])) <= set(want["articles"]), (claim_id, key)


def test_an_a_b_run_with_a_fresh_cache_gets_a_new_empty_cache_folder(monkeypatch, tmp_path):
    sys.path.insert(0, str(BENCH))
    try:
        import ab
    finally:
        sys.path.remove(str(BENCH))
    seen = []

    class Started:
        pid = 0

    def popen(args, **kwargs):
        folder = Path(args[args.index("--cache-dir") + 1])
        seen.append((folder, folder.is_dir() and not any(folder.iterdir())))
        return Started()

    monkeypatch.setattr(ab.subprocess, "Popen", popen)
    monkeypatch.setattr(ab.os, "wait4", lambda pid, options: (pid, 0, type("Usage", (), {"ru_maxrss": 2048})()))
    for _ in range(2):
        ab.timed(tmp_path, ["run", "-q"], fresh_cache=True)
    assert [empty for _, empty in seen] == [True, True] and seen[0][0] != seen[1][0]
    assert not any(folder.exists() for folder, _ in seen)  # removed after each run
