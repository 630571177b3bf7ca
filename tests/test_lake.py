"""A DuckLake catalog beside the DuckDB file: every published version is one snapshot there, readable from
another process or machine, with time travel; a blocked run writes nothing. Real runs through Prefect,
DuckDB's ducklake extension, Great Expectations and (for the shared catalog) a real PostgreSQL server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pytest

from parley.cli import main
from parley.settings import SettingsError, load_settings
from schemas import TABLES
from transforms.extract import extractor_version
from transforms.reading import read_article
from transforms.record import ArticleRecord, EventRecord
from warehouse import zones
from warehouse.lake import attach_sql, connect

from .conftest import write_articles

pytestmark = pytest.mark.usefixtures("prefect_server")

FIRST = {
    "a.txt": " date 2026-02-02 The Coast Guard signed a contract with Kestrel Marine Limited on Monday in Goa.",
    "b.txt": " date 2026-02-03 Defence Secretary Ravi Menon chaired a review meeting in New Delhi on Tuesday.",
}
LATER = {"c.txt": " date 2026-03-02 The Indian Navy signed a contract with Orion Avionics on Monday in Kochi."}


def table_rows(con: duckdb.DuckDBPyConnection, prefix: str = "") -> dict[str, list[tuple]]:
    return {t.name: con.execute(f"select * from {prefix}{t.name} order by all").fetchall() for t in TABLES}


def snapshots(catalog: str, data: str) -> int:
    con = connect(catalog, data, read_only=True)
    try:
        return con.execute("select count(*) from ducklake_snapshots('lake') where snapshot_id > 0").fetchone()[0]
    finally:
        con.close()


def test_each_published_version_is_one_snapshot_of_the_lake_with_time_travel(home: Path, tmp_path: Path,
                                                                              monkeypatch, capsys):
    catalog, data = str(tmp_path / "shared" / "parley.ducklake"), str(tmp_path / "shared" / "data")
    monkeypatch.setenv("PARLEY_LAKE_CATALOG", catalog)
    monkeypatch.setenv("PARLEY_LAKE_DATA_PATH", data)
    src = write_articles(tmp_path / "src", FIRST)
    assert main(["run", "--source", str(src)]) == 0
    assert "lake: snapshot" in capsys.readouterr().out
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        first = table_rows(con)
    lake = connect(catalog, data, read_only=True)
    assert table_rows(lake) == first  # the same warehouse, row for row
    assert lake.execute("select count(*) from mart_latest_events").fetchone()[0] >= 2
    lake.close()

    write_articles(src, LATER)
    assert main(["run", "--source", str(src)]) == 0
    assert main(["run", "--source", str(src)]) == 0  # nothing new: no snapshot
    assert snapshots(catalog, data) == 2
    lake = connect(catalog, data, read_only=True)
    assert lake.execute("select count(*) from dim_articles").fetchone()[0] == 3
    first_snapshot = lake.execute("select min(snapshot_id) from ducklake_snapshots('lake') "
                                  "where commit_message like 'parley run%'").fetchone()[0]
    assert lake.execute(f"select count(*) from dim_articles at (version => {first_snapshot})").fetchone()[0] == 2
    lake.close()

    # A run the gate blocks writes no snapshot.
    text = " date 2026-03-03 The Indian Army signed a contract with Vexa Forge on Tuesday."
    bad = write_articles(tmp_path / "bad", {"d.txt": text})
    art = read_article(text.encode(), max_bytes=10**6)
    zones.append_extracted(home / "extracted", extractor_version(), {art.content_hash: ArticleRecord(events={
        "agreement": [EventRecord(type="handshake", evidence="The Indian Army signed a contract.")]})})
    assert main(["run", "--source", str(bad)]) == 1
    assert snapshots(catalog, data) == 2


def test_lake_settings_that_cannot_work_are_one_clear_error(tmp_path: Path):
    home = str(tmp_path / "home")
    with pytest.raises(SettingsError, match="PARLEY_LAKE_CATALOG"):
        load_settings({"PARLEY_HOME": home, "PARLEY_LAKE_DATA_PATH": "s3://bucket/parley/"})
    with pytest.raises(SettingsError, match="without 'ducklake:'"):
        load_settings({"PARLEY_HOME": home, "PARLEY_LAKE_CATALOG": "ducklake:/x.ducklake"})
    s = load_settings({"PARLEY_HOME": home, "PARLEY_LAKE_CATALOG": "/shared/parley.ducklake"})
    assert s.lake_data == str(Path(home).resolve() / "lake")  # positive control: a working setting loads


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(shutil.which("psql") is None, reason="needs the PostgreSQL server")
def test_a_lake_on_postgresql_is_one_warehouse_another_process_reads(home: Path, tmp_path: Path, monkeypatch):
    from warehouse.pg_cluster import Cluster, ServeOptions

    root = Path(tempfile.mkdtemp(prefix="parley-lake-pg-"))  # reachable by the `postgres` user when root
    os.chmod(root, 0o755)
    cluster = Cluster(root / "pg", ServeOptions("127.0.0.1", _free_port()))
    cluster.start()
    try:
        catalog, data = "postgres:" + cluster.admin_dsn, str(tmp_path / "lake-data")
        monkeypatch.setenv("PARLEY_LAKE_CATALOG", catalog)
        monkeypatch.setenv("PARLEY_LAKE_DATA_PATH", data)
        assert main(["run", "--source", str(write_articles(tmp_path / "src", FIRST))]) == 0
        with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
            expected = con.execute("select count(*), min(article_id) from dim_articles").fetchone()
        # Another process (another machine, in production) attaches the same catalog and data.
        attach = attach_sql(catalog, data, read_only=True)
        reader = (f"import duckdb; from warehouse import extensions; c = duckdb.connect(); "
                  f"extensions.load(c, 'postgres', 'ducklake'); c.execute({attach!r}); "
                  f"print(c.execute('select count(*), min(article_id) from lake.dim_articles').fetchone())")
        out = subprocess.run([sys.executable, "-c", reader], capture_output=True, text=True, check=True,
                             cwd=Path(__file__).resolve().parents[1])
        assert out.stdout.strip() == str(expected)
    finally:
        cluster.stop()
        shutil.rmtree(root, ignore_errors=True)
