"""The optional NLI stage, with a tiny random cross-encoder the test builds: plumbing, not accuracy."""

import json
import shutil
from pathlib import Path

import pytest

from factcheck.cli import EXIT_ERROR, main
from factcheck.models.embed import ModelError
from factcheck.models.nli import NliChecker, contradiction_column

DATA = Path(__file__).parent / "data" / "cli"


@pytest.fixture(scope="session")
def tiny_nli(tmp_path_factory):
    transformers = pytest.importorskip("transformers")
    folder = tmp_path_factory.mktemp("tiny-nli")
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *"abcdefghijklmnopqrstuvwxyzéè"]
    (folder / "vocab.txt").write_text("\n".join(vocab), encoding="utf-8")
    transformers.BertTokenizer(str(folder / "vocab.txt")).save_pretrained(folder)
    labels = {0: "entailment", 1: "neutral", 2: "contradiction"}
    config = transformers.BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        num_labels=3,
        id2label=labels,
        label2id={v: k for k, v in labels.items()},
    )
    transformers.BertForSequenceClassification(config).save_pretrained(folder)
    return folder


def test_contradiction_column_follows_the_models_labels():
    assert contradiction_column({0: "ENTAILMENT", 1: "CONTRADICTION", 2: "NEUTRAL"}) == 1
    with pytest.raises(ModelError, match="has no 'contradiction' label"):
        contradiction_column({0: "LABEL_0", 1: "LABEL_1"})


def test_checker_scores_pairs_as_probabilities(tiny_nli):
    checker = NliChecker(str(tiny_nli))
    scores = checker.contradiction([("la banque", "le pays"), ("abc", "abd")])
    assert len(scores) == 2 and all(0.0 <= s <= 1.0 for s in scores)


@pytest.mark.parametrize("threshold, contradiction", [(0.0, True), (1.0, False)])
def test_nli_contradictions_become_disagreements(tiny_nli, fake_model, tmp_path, threshold, contradiction):
    for name in ("claims.yaml", "a.txt", "b.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    # the same version in both articles: only the NLI stage can make this a disagreement
    (tmp_path / "b.txt").write_text((tmp_path / "a.txt").read_text("utf-8"), "utf-8")
    code = main(
        [
            "run",
            "--claims",
            str(tmp_path / "claims.yaml"),
            "--articles",
            str(tmp_path / "a.txt"),
            str(tmp_path / "b.txt"),
            "--out",
            str(tmp_path / "out"),
            "-q",
            "--no-fail",
            "--nli",
            str(tiny_nli),
            "--nli-threshold",
            str(threshold),
        ]
    )
    assert code == 0
    claim = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))["claims"][0]
    assert claim["status"] == ("disagreement" if contradiction else "consistent")
    assert [d["kind"] for d in claim["differences"]] == (["contradiction"] if contradiction else [])


def test_missing_nli_model_is_a_clear_error(fake_model, tmp_path, capsys):
    shutil.copy(DATA / "claims.yaml", tmp_path / "claims.yaml")
    code = main(
        [
            "run",
            "--claims",
            str(tmp_path / "claims.yaml"),
            "--articles",
            str(DATA / "a.txt"),
            "--out",
            str(tmp_path / "out"),
            "-q",
            "--nli",
            "nobody/no-such-nli",
        ]
    )
    assert code == EXIT_ERROR
    assert capsys.readouterr().err.startswith("factcheck: error: cannot load NLI model 'nobody/no-such-nli'")
