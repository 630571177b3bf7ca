"""Hostile input through the real pipeline: bad articles are quarantined or read as unknown, the good ones
beside them are published, and the next run with new good articles publishes too."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from parley.cli import main

from .conftest import write_articles

pytestmark = pytest.mark.usefixtures("prefect_server")

GOOD = {
    "good.txt": " date 2025-06-12 The Indian Navy signed a contract with Orvel Shipyard Limited on Monday in Mumbai.",
    "STORY.TXT": " date 2025-06-11 The Indian Army signed an MoU with the Vexa Research Agency on Tuesday.",
}
HOSTILE = {
    "ancient.txt": " date 0001-01-01 The Indian Air Force signed a contract with Tarsk Aerospace Limited on Friday.",
    "year1800.txt": " date 1800-05-05 The Coast Guard signed a contract with Kelvar Marine Limited on Friday.",
    "undated_future.txt": "The Indian Navy signed a contract with Dorn Systems Limited on 12 March 2099 in Kochi.",
    "no_full_stop.txt": "The Indian Navy and the Orvel Agency " + "and the Vexa Agency signed " * 15000,
    "boom.txt": " date 2025-06-10 The Indian Navy signed a contract with Brask Limited. FAULTMARK",
}


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def two_published_versions(home: Path, tmp_path: Path) -> tuple[Path, str, str]:
    """Two runs that each publish: the source folder and the two run ids, oldest first."""
    src = write_articles(tmp_path / "src", GOOD)
    assert main(["run", "--source", str(src)]) == 0
    first = (home / "CURRENT").read_text().strip()
    write_articles(src, {"more.txt": " date 2025-06-14 The Indian Navy signed an MoU with Kelvar Marine Limited."})
    assert main(["run", "--source", str(src)]) == 0
    return src, first, (home / "CURRENT").read_text().strip()


def test_hostile_articles_never_stop_the_good_ones(home: Path, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("PARLEY_FAULT_ARTICLE", "FAULTMARK")
    src = write_articles(tmp_path / "src", {**GOOD, **HOSTILE})
    (tmp_path / "secret.txt").write_text("The Navy signed a contract with a yard. Secret.", encoding="utf-8")
    (src / "leak.txt").symlink_to(tmp_path / "secret.txt")
    os.mkfifo(src / "pipe.txt")
    assert main(["run", "--source", str(src)]) == 0
    db = home / "warehouse.duckdb"
    articles = {Path(u).name: d for u, d in rows(db, "select source_uri, published_date from dim_articles")}
    assert {"good.txt", "STORY.TXT"} <= set(articles)
    assert articles["ancient.txt"] is None and articles["year1800.txt"] is None  # read, date unknown
    assert "no_full_stop.txt" in articles
    reasons = {Path(u).name: r for u, r in rows(db, "select source_uri, reason from quarantine")}
    assert reasons["boom.txt"].startswith("extraction failed: RuntimeError")
    assert "outside the source folder" in reasons["leak.txt"] and "not a regular file" in reasons["pipe.txt"]
    assert "boom.txt" not in articles and "leak.txt" not in articles
    assert rows(db, "select count(*) from fact_agreements where signed_date > current_date") == [(0,)]
    parties = {n for (n,) in rows(db, "select name from dim_organisations")}
    assert {"Orvel Shipyard Limited", "Vexa Research Agency"} <= parties

    # The next run with a new good article publishes, and the same bad inputs are not stored again.
    write_articles(src, {"good2.txt": " date 2025-06-13 The Indian Navy signed an MoU with Kelvar Marine "
                                      "Limited on Friday."})
    assert main(["run", "--source", str(src)]) == 0
    assert "good2.txt" in {Path(u).name for (u,) in rows(db, "select source_uri from dim_articles")}
    parts = str(home / "quarantine" / "**" / "*.parquet")
    stored = rows(db.parent / "warehouse.duckdb", f"select count(*) from read_parquet('{parts}') "
                                                  "where source_uri like '%pipe.txt'")
    assert stored == [(1,)]


def test_parley_sql_reads_and_cannot_write_or_reach_the_host(home: Path, tmp_path: Path, capsys):
    src = write_articles(tmp_path / "src", GOOD)
    assert main(["run", "--source", str(src)]) == 0
    capsys.readouterr()
    assert main(["sql", "select 'a[/]b' as x, '[link=http://evil]y[/link]' as y"]) == 0
    out = capsys.readouterr().out
    assert "a[/]b" in out and "[link=http://evil]y[/link]" in out  # shown as text, not markup
    target = tmp_path / "written.csv"
    for statement in (f"copy dim_articles to '{target}'", "select * from read_csv('/etc/passwd')",
                      "select * from glob('/root/*')", f"attach '{tmp_path / 'x.duckdb'}'", "install httpfs",
                      "set enable_external_access = true", "create table t (x int)"):
        assert main(["sql", statement]) == 2, statement
        assert "Traceback" not in capsys.readouterr().err
    assert not target.exists() and not (tmp_path / "x.duckdb").exists()
    assert main(["sql", "select count(*) from dim_articles"]) == 0  # still reads, and nothing changed
    assert rows(home / "warehouse.duckdb", "select count(*) from dim_articles") == [(2,)]


def test_state_stays_honest_when_its_files_are_damaged(home: Path, tmp_path: Path, capsys):
    """A truncated version is never republished; a lost CURRENT is rebuilt; a corrupt summary or cache
    part is skipped with a warning; a home whose path has '[' and '*' works."""
    src, first, second = two_published_versions(home, tmp_path)
    assert first != second

    # CURRENT lost: rebuilt from the versions, so rollback still moves back, not forward.
    (home / "CURRENT").unlink()
    assert main(["history"]) == 0 and (home / "CURRENT").read_text().strip() == second
    # The earlier version truncated: rollback refuses it and changes nothing.
    db = home / "versions" / first / "warehouse.duckdb"
    db.write_bytes(db.read_bytes()[:4096])
    live = (home / "warehouse.duckdb").read_bytes()
    capsys.readouterr()
    assert main(["rollback", first]) == 3
    assert "checksum" in capsys.readouterr().err
    assert (home / "warehouse.duckdb").read_bytes() == live and (home / "CURRENT").read_text().strip() == second

    # A corrupt summary and a corrupt extraction-store part: the next run publishes anyway.
    (home / "versions" / first / "summary.json").write_text("{not json", encoding="utf-8")
    part = sorted((home / "extracted").glob("part-*.parquet"))[0]
    part.write_bytes(b"garbage")
    write_articles(src, {"third.txt": " date 2025-06-15 The Indian Army signed a contract with Dorn Systems Limited."})
    assert main(["run", "--source", str(src)]) == 0
    assert list((home / "extracted").glob("*.corrupt"))


def test_a_home_with_glob_characters_in_its_path_works(tmp_path: Path, monkeypatch):
    home = tmp_path / "we[ird]*home"
    monkeypatch.setenv("PARLEY_HOME", str(home))
    src = write_articles(tmp_path / "src", GOOD)
    assert main(["run", "--source", str(src)]) == 0
    assert main(["run", "--source", str(src)]) == 0  # a second run reads the zones back
    assert rows(home / "warehouse.duckdb", "select count(*) from dim_articles") == [(2,)]


def test_a_gate_failure_holds_back_its_articles_and_the_next_run_publishes_the_rest(home: Path, tmp_path: Path,
                                                                                     capsys):
    from transforms.extract import extractor_version
    from transforms.reading import read_article
    from transforms.record import ArticleRecord, EventRecord
    from warehouse import zones

    src = write_articles(tmp_path / "src", GOOD)
    assert main(["run", "--source", str(src)]) == 0
    # A faulty extractor wrote a record with an agreement type outside the allowed set for bad.txt.
    bad_text = " date 2025-06-13 The Indian Army signed a contract with Brask Limited on Tuesday."
    art = read_article(bad_text.encode(), max_bytes=10**6)
    zones.append_extracted(home / "extracted", extractor_version(), {art.content_hash: ArticleRecord(
        events={"agreement": [EventRecord(type="handshake", evidence="The Indian Army signed.")]})})
    write_articles(src, {"bad.txt": bad_text, "fine.txt": " date 2025-06-13 The Indian Navy signed an MoU with "
                                                          "Kelvar Marine Limited on Tuesday."})
    capsys.readouterr()
    assert main(["run", "--source", str(src)]) == 1
    assert "held back in quarantine" in capsys.readouterr().out
    assert (home / "work").is_dir() and not list((home / "work").iterdir())  # its model state was dropped
    assert main(["quarantine", "list"]) == 0
    listed = capsys.readouterr().out
    assert "bad.txt" in listed and "held back by the quality gate" in listed and "fine.txt" not in listed

    assert main(["run"]) == 0  # the next run (nothing new) publishes everything else
    names = {Path(u).name for (u,) in rows(home / "warehouse.duckdb", "select source_uri from dim_articles")}
    assert "fine.txt" in names and "bad.txt" not in names

    assert main(["quarantine", "release", "bad.txt"]) == 0
    assert main(["run"]) == 1  # released, still failing: held again, nothing published
    assert main(["quarantine", "drop", "bad.txt"]) == 0
    assert main(["run"]) == 0
    capsys.readouterr()
    assert main(["quarantine", "list"]) == 0 and "bad.txt" not in capsys.readouterr().out


def test_a_run_of_junk_is_held_back_and_the_good_articles_publish_next(home: Path, tmp_path: Path, capsys):
    junk = {f"junk{i:02d}.txt": f" date 2025-06-1{i % 10} we went for a walk by the river and it rained a little "
                                f"so we came back home early number {i} and had some tea with bread" for i in range(12)}
    src = write_articles(tmp_path / "src", {**GOOD, **junk})
    assert main(["run", "--source", str(src)]) == 1  # most of the run names nothing: blocked
    assert "dim_articles__not_junk" in capsys.readouterr().out
    assert main(["run"]) == 0  # the junk is held back; the good articles publish
    names = {Path(u).name for (u,) in rows(home / "warehouse.duckdb", "select source_uri from dim_articles")}
    assert set(GOOD) <= names and not any(n.startswith("junk") for n in names)


def test_runs_do_not_pile_up_results_versions_or_quarantine(home: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("PARLEY_KEEP_VERSIONS", "2")
    src = write_articles(tmp_path / "src", GOOD)
    os.mkfifo(src / "pipe.txt")
    for i in range(4):
        write_articles(src, {f"n{i}.txt": f" date 2025-06-1{i} The Indian Navy signed an MoU with Orvel Yard {i} "
                                           "Limited on Monday."})
        assert main(["run", "--source", str(src)]) == 0
    results = home / "quality" / "gx" / "uncommitted" / "validations" / "dim_articles"
    assert len([p for p in results.glob("*/*") if p.is_dir()]) == 2  # as many as the versions kept
    assert len([p for p in (home / "versions").iterdir() if p.is_dir()]) == 2
    parts = str(home / "quarantine" / "*.parquet")
    assert rows(home / "warehouse.duckdb", f"select count(*) from read_parquet('{parts}')") == [(1,)]


def test_history_names_the_live_version_even_when_current_is_stale(home: Path, tmp_path: Path):
    """A kill between the rename that publishes and the write of CURRENT leaves CURRENT one behind."""
    src, first, second = two_published_versions(home, tmp_path)
    (home / "CURRENT").write_text(first + "\n")  # as a kill right after the rename would leave it
    assert main(["history"]) == 0
    assert (home / "CURRENT").read_text().strip() == second
