"""`parley serve`: the warehouse over the PostgreSQL wire, as BI tools use it. A real PostgreSQL server
started by the test through `parley serve`, real psql, psycopg and SQLAlchemy (no mocks)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from parley.cli import main
from schemas import MARTS, TABLES
from warehouse.pg_cluster import cluster_root

from .conftest import write_articles

pytestmark = [pytest.mark.usefixtures("prefect_server"),
              pytest.mark.skipif(shutil.which("psql") is None, reason="needs psql and the PostgreSQL server")]

PASSWORD = "correct horse battery staple"
FIRST = {
    "a1.txt": " date 2026-02-02 The Coast Guard signed a contract with Kestrel Marine Limited on Monday in Goa.",
    "a2.txt": " date 2026-02-03 Kestrel Marine Limited and Orion Avionics signed an MoU on Tuesday in Pune to develop "
              "radar and sonar systems.",
    "a3.txt": " date 2026-02-04 Defence Secretary Ravi Menon chaired a review meeting in New Delhi on Wednesday "
              "with officials of Kestrel Marine Limited and Orion Avionics.",
}
LATER = [
    {"b1.txt": " date 2026-03-02 The Indian Navy signed a contract with Orion Avionics on Monday in Kochi."},
    {"c1.txt": " date 2026-04-06 Orion Avionics and Zenith Optics signed an MoU on Monday in Hyderabad."},
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, prefect_server):
    """A published home and `parley serve` on it: (home, port, sources folder)."""
    root = tmp_path_factory.mktemp("endpoint")
    home, src = root / "home", write_articles(root / "src", FIRST)
    old = os.environ.get("PARLEY_HOME")
    os.environ["PARLEY_HOME"] = str(home)
    try:
        assert main(["run", "--source", str(src)]) == 0
    finally:
        os.environ.pop("PARLEY_HOME") if old is None else os.environ.__setitem__("PARLEY_HOME", old)
    port = free_port()
    env = {**os.environ, "PARLEY_HOME": str(home), "PARLEY_SQL_PASSWORD": PASSWORD, "PARLEY_SERVE_POLL_SECONDS": "0.5"}
    proc = subprocess.Popen([sys.executable, "-m", "parley.cli", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 90
    while True:
        try:
            with connect(port) as con:
                con.execute("select count(*) from dim_articles")
            break
        except Exception:  # noqa: BLE001 (not up yet)
            assert proc.poll() is None, proc.stdout.read().decode()
            assert time.monotonic() < deadline, "parley serve did not come up"
            time.sleep(0.5)
    yield home, port, src
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=60)
    shutil.rmtree(cluster_root(home), ignore_errors=True)  # outside the home when tests run as root


def connect(port: int, password: str = PASSWORD):
    import psycopg

    return psycopg.connect(host="127.0.0.1", port=port, user="parley", dbname="warehouse", password=password,
                           autocommit=True, connect_timeout=5)


def plain(value):
    """One value as both engines give it: PostgreSQL arrays, numerics and bytes as DuckDB's."""
    if isinstance(value, Decimal):
        return int(value) if value == int(value) else float(value)
    if isinstance(value, memoryview | bytearray):
        return bytes(value)
    return value


def rows(cur, sql: str) -> list[tuple]:
    return sorted((tuple(plain(v) for v in r) for r in cur.execute(sql).fetchall()), key=repr)


def test_every_table_and_view_answers_over_the_wire_as_the_duckdb_file_does(served):
    home, port, _ = served
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as file, connect(port) as wire:
        for rel in (*TABLES, *MARTS):
            sql = f"select {', '.join(rel.column_names)} from {rel.name}"
            assert rows(wire, sql) == rows(file, sql), rel.name
        assert rows(wire, "select count(*) from mart_collaboration_network")[0][0] >= 1  # known data: a pair


def test_psql_lists_tables_views_keys_and_their_descriptions(served):
    _, port, _ = served
    env = {**os.environ, "PGPASSWORD": PASSWORD}
    psql = ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "parley", "warehouse", "-X", "-c"]
    tables = subprocess.run([*psql, r"\dt"], env=env, capture_output=True, text=True, check=True).stdout
    assert all(t.name in tables for t in TABLES)
    views = subprocess.run([*psql, r"\dv"], env=env, capture_output=True, text=True, check=True).stdout
    assert all(v.name in views for v in MARTS)
    described = subprocess.run([*psql, r"\d+ bridge_agreement_parties"], env=env, capture_output=True, text=True,
                               check=True).stdout
    assert "PRIMARY KEY" in described and "REFERENCES fact_agreements(agreement_id)" in described
    assert "Organisations that are parties" in subprocess.run(
        [*psql, r"\dt+ bridge_agreement_parties"], env=env, capture_output=True, text=True, check=True).stdout


def test_sqlalchemys_postgresql_inspector_sees_tables_views_keys_and_comments(served):
    import sqlalchemy as sa

    _, port, _ = served
    engine = sa.create_engine(f"postgresql+psycopg://parley:{PASSWORD.replace(' ', '%20')}@127.0.0.1:{port}/warehouse")
    try:
        insp = sa.inspect(engine)
        assert set(insp.get_table_names()) >= {t.name for t in TABLES}
        assert set(insp.get_view_names()) == {v.name for v in MARTS}
        assert [c["name"] for c in insp.get_columns("fact_agreements")] == TABLES[5].column_names
        assert insp.get_pk_constraint("bridge_agreement_parties")["constrained_columns"] == ["agreement_id",
                                                                                              "organisation_id"]
        fks = {(f["constrained_columns"][0], f["referred_table"]) for f in insp.get_foreign_keys(
            "bridge_agreement_parties")}
        assert fks == {("agreement_id", "fact_agreements"), ("organisation_id", "dim_organisations")}
        assert insp.get_table_comment("fact_meetings")["text"].startswith("Meetings")
        assert [c["comment"] for c in insp.get_columns("mart_domain_trends")][0] == MARTS[2].columns[0].doc
    finally:
        engine.dispose()


def test_the_duckdb_sqlalchemy_inspector_reads_the_file_with_its_keys(served):
    import sqlalchemy as sa

    home, _, _ = served
    engine = sa.create_engine(f"duckdb:///{home / 'warehouse.duckdb'}", connect_args={"read_only": True})
    try:
        insp = sa.inspect(engine)
        assert set(insp.get_table_names()) >= {t.name for t in TABLES}
        assert set(insp.get_view_names()) >= {v.name for v in MARTS}
        assert [c["name"] for c in insp.get_columns("fact_meetings")] == TABLES[6].column_names
        assert insp.get_pk_constraint("dim_articles")["constrained_columns"] == ["article_id"]
        assert {f["referred_table"] for f in insp.get_foreign_keys("bridge_meeting_articles")} == {
            "fact_meetings", "dim_articles"}
    finally:
        engine.dispose()


def test_a_wrong_password_is_refused(served):
    import psycopg

    _, port, _ = served
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        connect(port, "guess")
    with connect(port) as con:  # positive control
        assert con.execute("select 1").fetchone() == (1,)


FORBIDDEN = [
    "INSERT INTO dim_dates VALUES ('2020-01-01', 2020, 1, 1, '2019-20')",
    "UPDATE fact_agreements SET location = 'x'",
    "DELETE FROM dim_articles",
    "CREATE TABLE stolen (a int)",
    "CREATE TEMP TABLE stolen (a int)",
    "DROP TABLE fact_meetings",
    "ALTER TABLE dim_domains ADD COLUMN z int",
    "CREATE VIEW v AS SELECT 1",
    "COPY dim_dates FROM '/etc/passwd'",
    "COPY dim_dates TO '/tmp/parley-stolen.csv'",
    "COPY (SELECT 1) TO PROGRAM 'id'",
    "SELECT pg_read_file('/etc/passwd')",
    "SELECT pg_read_binary_file('/etc/hostname')",
    "SELECT * FROM pg_ls_dir('.')",
    "SELECT lo_import('/etc/passwd')",
    "CREATE EXTENSION IF NOT EXISTS file_fdw",
    "LOAD 'auto_explain'",
    "ALTER SYSTEM SET fsync = on",
    "SET session_replication_role = replica",
    "ATTACH 'other.duckdb' AS other",
    "INSTALL httpfs",
    "PRAGMA database_list",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM glob('/etc/*')",
    "GRANT SELECT ON dim_dates TO PUBLIC",
]


def test_every_write_ddl_file_and_settings_statement_is_refused_and_nothing_changes(served):
    import psycopg

    home, port, _ = served
    with connect(port) as con:
        before = {t.name: con.execute(f"select count(*) from {t.name}").fetchone()[0] for t in TABLES}
        for stmt in FORBIDDEN:
            with pytest.raises(psycopg.Error):
                con.execute(stmt)
        # Turning read-only off for the session does not give write access: the role may only read.
        con.execute("SET default_transaction_read_only = off")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            con.execute("INSERT INTO dim_dates VALUES ('2020-01-01', 2020, 1, 1, '2019-20')")
        after = {t.name: con.execute(f"select count(*) from {t.name}").fetchone()[0] for t in TABLES}
        assert con.execute("select count(*) from fact_agreements").fetchone()[0] > 0  # positive control
    assert after == before and not Path("/tmp/parley-stolen.csv").exists()


def test_other_databases_are_out_of_reach(served):
    import psycopg

    _, port, _ = served
    for db in ("postgres", "template1"):
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(host="127.0.0.1", port=port, user="parley", dbname=db, password=PASSWORD,
                            connect_timeout=5)


def test_clients_querying_through_two_publishes_never_fail_and_see_the_new_data(served, monkeypatch):
    home, port, src = served
    errors: list[BaseException] = []
    counts: list[int] = []
    stop = threading.Event()

    def client() -> None:
        try:
            with connect(port) as con:
                while not stop.is_set():
                    counts.append(con.execute("select count(*) from dim_articles").fetchone()[0])
                    con.execute("select * from mart_agreements_by_quarter").fetchall()
                    con.execute("select * from mart_collaboration_network").fetchall()
        except BaseException as exc:  # noqa: BLE001 (recorded: the assertion below names it)
            errors.append(exc)

    threads = [threading.Thread(target=client) for _ in range(4)]
    for t in threads:
        t.start()
    monkeypatch.setenv("PARLEY_HOME", str(home))
    try:
        for batch in LATER:
            write_articles(src, batch)
            assert main(["run", "--source", str(src)]) == 0
        expected = len(FIRST) + sum(len(b) for b in LATER)
        deadline = time.monotonic() + 60
        while (not counts or counts[-1] != expected) and time.monotonic() < deadline:
            time.sleep(0.25)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=30)
    assert not errors, errors[:3]
    assert counts[0] >= len(FIRST) and counts[-1] == expected


def test_serve_refuses_to_start_without_a_password(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k != "PARLEY_SQL_PASSWORD"} | {"PARLEY_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "parley.cli", "serve"], env=env, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 2 and "PARLEY_SQL_PASSWORD" in out.stderr and "Traceback" not in out.stderr


def test_a_tool_holding_the_file_read_write_breaks_neither_a_run_nor_parley_sql(tmp_path: Path, monkeypatch,
                                                                               capsys):
    home = tmp_path / "home"
    monkeypatch.setenv("PARLEY_HOME", str(home))
    src = write_articles(tmp_path / "src", {"a.txt": FIRST["a1.txt"]})
    assert main(["run", "--source", str(src)]) == 0
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(120)", str(home / "warehouse.duckdb")],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        capsys.readouterr()
        assert main(["sql", "select count(*) from dim_articles"]) == 3
        err = capsys.readouterr().err.strip()
        assert "\n" not in err and err.startswith("parley: cannot open") and "read-only" in err
        write_articles(src, {"b.txt": FIRST["a2.txt"]})
        assert main(["run", "--source", str(src)]) == 0  # published beside the holder, which keeps the old file
        capsys.readouterr()
        assert main(["sql", "select count(*) as n from dim_articles", "--format", "csv"]) == 0
        assert capsys.readouterr().out.split() == ["n", "2"]
    finally:
        holder.kill()
        holder.wait()


def test_timestamps_are_utc_whatever_the_hosts_time_zone(tmp_path: Path):
    import pyarrow.parquet as pq

    from schemas.tables import DIM_ARTICLES
    from warehouse.arrow import to_arrow

    tables = tmp_path / "tables"
    tables.mkdir()
    at = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)
    pq.write_table(to_arrow(DIM_ARTICLES, [{"article_id": "a", "source_uri": "x", "content_hash": "h",
                                            "read_at": at}]), tables / "dim_articles.parquet")
    script = ("import sys; from pathlib import Path; from warehouse.publish import build_database; "
              "build_database(Path(sys.argv[1]), Path(sys.argv[2]))")
    db = tmp_path / "w.duckdb"
    subprocess.run([sys.executable, "-c", script, str(db), str(tables)], env={**os.environ, "TZ": "Asia/Kolkata"},
                   check=True, cwd=Path(__file__).resolve().parents[1])
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select read_at from dim_articles").fetchone()[0] == dt.datetime(2026, 1, 1, 12, 0)
