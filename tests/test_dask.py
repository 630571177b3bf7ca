"""Extraction on a Dask cluster (a real `LocalCluster` of worker processes) gives the records and the
warehouse a local run gives."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.parallel import ClusterError, extract_rows, extraction_pool
from parley.cli import main, sample_dir
from parley.settings import SettingsError, load_settings
from tests.test_incremental import snapshot
from tests.test_parallel import rows

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as c:
        yield c.scheduler_address


def test_a_dask_cluster_extracts_the_records_one_process_makes(cluster: str):
    batch = rows(60)  # fewer than a local pool would bother with: a cluster gets every batch
    serial = extract_rows(batch, None)
    with extraction_pool(1, cluster) as pool:
        assert pool is not None
        remote = extract_rows(batch, pool)
    assert remote == serial
    assert sum(1 for _, r, _ in remote if any(json.loads(r)["events"].values())) > 20  # real records came back


@pytest.mark.usefixtures("prefect_server")
def test_a_run_on_the_cluster_publishes_the_warehouse_a_local_run_publishes(cluster: str, tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PARLEY_HOME", str(tmp_path / "local"))
    assert main(["run", "--source", str(sample_dir())]) == 0
    monkeypatch.setenv("PARLEY_HOME", str(tmp_path / "cluster"))
    monkeypatch.setenv("PARLEY_DASK_ADDRESS", cluster)
    assert main(["run", "--source", str(sample_dir())]) == 0
    local = snapshot(tmp_path / "local" / "warehouse.duckdb", skip_cols=("read_at",))
    remote = snapshot(tmp_path / "cluster" / "warehouse.duckdb", skip_cols=("read_at",))
    assert remote == local and len(local["fact_agreements"]) > 0


def test_an_unreachable_scheduler_is_one_clear_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # a port nothing listens on once the socket closes
    with (pytest.raises(ClusterError, match="cannot reach the Dask scheduler.*dask_address"),
          extraction_pool(1, f"tcp://127.0.0.1:{port}", connect_timeout=2)):
        pass


def test_a_scheduler_address_without_a_scheme_is_refused_with_the_setting_named():
    with pytest.raises(SettingsError, match="dask_address.*tcp://"):
        load_settings({"PARLEY_HOME": "/tmp/nowhere", "PARLEY_DASK_ADDRESS": "localhost:8786"})
    assert load_settings({"PARLEY_HOME": "/tmp/nowhere", "PARLEY_DASK_ADDRESS": "tcp://h:8786"}).dask_address
