"""The Dask engine (issue 20): a LocalCluster of two worker processes gives the decisions of the local engine,
survives a worker killed mid-run, and a scheduler that cannot be reached is exit 2 in one line."""

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from factcheck.cli import EXIT_ERROR, main

distributed = pytest.importorskip("distributed")
ROOT = Path(__file__).parent.parent
ARCHIVE_ARTICLES = 24


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
    ) as local:
        yield local


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Seed sentences shuffled into new articles, with their figures changed: a small archive of one story."""
    folder = tmp_path_factory.mktemp("archive")
    sentences = [
        line.strip() for f in sorted((ROOT / "seeds").glob("*.txt")) for line in f.read_text("utf-8").splitlines()
    ]
    sentences = [s for s in sentences if len(s) > 40]
    for n in range(ARCHIVE_ARTICLES):
        picked = sentences[n % 7 :: 5][:30]
        text = "\n".join(s.replace("4", str(4 + n % 3)) for s in picked)
        (folder / f"a{n:02d}.txt").write_text(text + "\n", "utf-8")
    return folder


def _run(tmp_path, name, archive, *extra):
    out = tmp_path / name
    args = ["run", "-q", "--no-fail", "--no-cache", "--format", "json", "--out", str(out)]
    args += ["--claims", str(ROOT / "claims.yaml"), "--articles", str(ROOT / "seeds"), str(archive), *extra]
    assert main(args) == 0
    return json.loads((out / "report.json").read_text("utf-8"))


def _decisions(report):
    return [
        (c["id"], c["status"], [(a["article"], a["mentioned"], a["version"], a.get("line")) for a in c["articles"]])
        for c in report["claims"]
    ]


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    """Chunks of a few articles, so that two workers share the archive and a killed one leaves chunks behind."""
    from factcheck.cluster import DaskEngine

    monkeypatch.setattr(DaskEngine, "chunk_sentences", 60)


@pytest.mark.model
def test_a_cluster_gives_the_decisions_of_the_local_engine(cluster, archive, tmp_path):
    local = _run(tmp_path, "local", archive)
    remote = _run(tmp_path, "dask", archive, "--scheduler", cluster.scheduler_address)
    assert remote["run"] == {"engine": "dask", "workers": 2, "model": local["model"]}
    assert local["run"]["engine"] == "local"
    assert _decisions(remote) == _decisions(local)
    assert {k: v for k, v in remote.items() if k != "run"} == {k: v for k, v in local.items() if k != "run"}


@pytest.mark.model
def test_a_worker_killed_mid_run_has_its_chunks_done_elsewhere(cluster, archive, tmp_path):
    local = _run(tmp_path, "local", archive)
    killed = []
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        pids = client.run(os.getpid)

        def kill_a_busy_worker():
            deadline = time.monotonic() + 60
            while not killed and time.monotonic() < deadline:
                busy = [address for address, tasks in client.processing().items() if tasks]
                if busy:
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    killed.append(busy[0])
                time.sleep(0.01)

        watcher = threading.Thread(target=kill_a_busy_worker)
        watcher.start()
        remote = _run(tmp_path, "dask", archive, "--scheduler", cluster.scheduler_address)
        watcher.join()
        client.wait_for_workers(2, timeout=60)  # the nanny starts a new worker: leave the cluster as it was
    assert killed
    assert _decisions(remote) == _decisions(local)


def test_a_scheduler_that_cannot_be_reached_is_exit_2_in_one_line(tmp_path, capsys, fake_model):
    args = ["run", "-q", "--claims", str(ROOT / "claims.yaml"), "--articles", str(ROOT / "seeds")]
    args += ["--out", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9", "--scheduler-timeout", "1"]
    started = time.monotonic()
    assert main(args) == EXIT_ERROR
    assert time.monotonic() - started < 10
    err = capsys.readouterr().err.splitlines()
    assert err == ["factcheck: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9 in 1 s"]
    assert not (tmp_path / "out").exists()


@pytest.mark.model
def test_a_worker_with_other_code_stops_the_run(cluster, archive, tmp_path, capsys, monkeypatch):
    import factcheck.app

    monkeypatch.setattr(factcheck.app, "code_digest", lambda parts: "the client's own")
    args = ["run", "-q", "--no-cache", "--claims", str(ROOT / "claims.yaml"), "--articles", str(archive)]
    args += ["--out", str(tmp_path / "out"), "--scheduler", cluster.scheduler_address]
    assert main(args) == EXIT_ERROR
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"factcheck: error: the cluster at {cluster.scheduler_address} failed on a chunk of articles: RuntimeError: "
        "a worker runs other factcheck code (version 0.1.0); install the client's"
    )
    assert not (tmp_path / "out").exists()
