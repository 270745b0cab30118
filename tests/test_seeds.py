"""The project's own claims.yaml over seeds/, with the real default model: the report an editor reads."""

import json
from pathlib import Path

import pytest
import yaml

from factcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = yaml.safe_load((Path(__file__).parent / "data" / "seeds-report.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory, use_model):
    import factcheck.app

    out = tmp_path_factory.mktemp("seeds")
    patch = pytest.MonkeyPatch()
    patch.setattr(factcheck.app, "load_embedder", lambda spec: use_model)
    try:
        inputs = ["--claims", str(ROOT / "claims.yaml"), "--articles", str(ROOT / "seeds")]
        code = main(["run", *inputs, "--out", str(out), "--format", "json", "-q", "--no-cache"])
    finally:
        patch.undo()
    assert code == 1
    return json.loads((out / "report.json").read_text("utf-8"))


def _cells(claim: dict) -> dict:
    return {
        a["article"][:3]: [(a["version"] or "yes"), a["line"]] if a["mentioned"] else "-" for a in claim["articles"]
    }


@pytest.mark.model
def test_the_seeds_report_is_right_but_for_its_known_misses(seeds_report):
    got = {c["id"]: {"status": c["status"], "articles": _cells(c)} for c in seeds_report["claims"]}
    wrong = {}
    for claim, want in GOLDEN["claims"].items():
        if got[claim]["status"] != want["status"]:
            wrong[f"{claim} status"] = got[claim]["status"]
        for article, cell in want["articles"].items():
            if got[claim]["articles"][article] != cell:
                wrong[f"{claim} {article}"] = got[claim]["articles"][article]
    assert wrong == GOLDEN["known_misses"]
