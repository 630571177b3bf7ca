"""Bad input and failure (issue 6): nothing lost, nothing half-published. Real runs, real crashes."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from parley.cli import main
from parley.faults import POINTS
from schemas import TABLES

from .conftest import write_articles

pytestmark = pytest.mark.usefixtures("prefect_server")

GOOD = {
    "a1.txt": " date 2025-06-12 The Indian Navy signed a contract with Goa Shipyard Limited on Monday in Goa.",
    "a2.txt": " date 2025-06-13 Defence Secretary Anil Rawat chaired a review meeting in New Delhi on Friday.",
}
MORE = {
    "b1.txt": " date 2025-06-20 The Indian Air Force signed a contract with Hindustan Aeronautics Limited on "
              "Wednesday in Bengaluru.",
    "b2.txt": " date 2025-06-21 Bharat Electronics Limited and the Indian Army signed an MoU on Saturday in Pune.",
}
ENGLISH = ("The Ministry of Defence signed a contract with Goa Shipyard Limited for two patrol vessels for the "
           "Indian Coast Guard, officials said on Monday. The vessels will be built in Goa over three years.")


def snapshot(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        out = {}
        for t in TABLES:
            cols = [c for c in t.column_names if c not in ("read_at",)]
            out[t.name] = con.execute(f"select {', '.join(cols)} from {t.name} order by all").fetchall()
        return out


def test_every_kind_of_bad_input_is_repaired_or_quarantined(home: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PARLEY_MAX_FILE_BYTES", "4000")
    src = tmp_path / "src"
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 8,
        "latin1.txt": (" date 2025-01-02 " + ENGLISH.replace("Ministry", "Ministère")).encode("latin-1"),
        "cp1252.txt": (" date 2025-01-03 \u201cWe are proud,\u201d " + ENGLISH).encode("cp1252"),
        "utf16.txt": (" date 2025-01-04 Today " + ENGLISH).encode("utf-16"),
        "huge.txt": (ENGLISH + " ") .encode() * 40,
        "page.txt": f"<html><head><style>p {{}}</style></head><body><p> date 2025-01-05 In a statement, {ENGLISH}"
                    "</p><script>track()</script></body></html>".encode(),
        "markup-only.txt": b"<html><body><div><script>var a = 1;</script></div></body></html>",
        "bad-date.txt": f" date 2025-13-45 Again, {ENGLISH}".encode(),
        "future.txt": f" date 2099-01-01 Once more, {ENGLISH}".encode(),
        "french.txt": (" date 2025-01-06 Le ministère de la Défense a signé un contrat avec le chantier naval "
                       "de Goa pour deux patrouilleurs destinés aux garde-côtes indiens, ont annoncé lundi des "
                       "responsables. Les navires seront construits à Goa sur trois ans selon le calendrier.").encode(),
        "truncated.txt": f" date 2025-01-07 Finally, {ENGLISH} The second vessel is due to be handed over to".encode(),
        "good.txt": f" date 2025-01-08 {ENGLISH}".encode(),
    }
    src.mkdir()
    for name, data in files.items():
        (src / name).write_bytes(data)
    assert main(["run", "--source", str(src)]) == 0
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        q = dict(con.execute("select regexp_extract(source_uri, '[^/]+$'), reason from quarantine").fetchall())
        raw = {r[0]: r[1] for r in con.execute(
            "select regexp_extract(source_uri, '[^/]+$'), octet_length(raw_bytes) from quarantine").fetchall()}
        arts = {r[0]: (r[1], r[2]) for r in con.execute(
            "select regexp_extract(source_uri, '[^/]+$'), published_date, repairs from dim_articles").fetchall()}
    assert set(q) == {"empty.txt", "binary.txt", "huge.txt", "markup-only.txt", "french.txt"}
    assert "empty" in q["empty.txt"] and "binary" in q["binary.txt"] and "limit" in q["huge.txt"]
    assert "no readable text" in q["markup-only.txt"] and "not in English" in q["french.txt"]
    assert raw["binary.txt"] == 2048  # the bytes are kept
    assert any("Windows-1252" in r for r in arts["latin1.txt"][1])
    assert any("Windows-1252" in r for r in arts["cp1252.txt"][1])
    assert any("UTF-16" in r for r in arts["utf16.txt"][1]) and str(arts["utf16.txt"][0]) == "2025-01-04"
    assert "markup stripped" in arts["page.txt"][1] and str(arts["page.txt"][0]) == "2025-01-05"
    assert arts["bad-date.txt"][0] is None and any("malformed date" in r for r in arts["bad-date.txt"][1])
    assert arts["future.txt"][0] is None and any("future" in r for r in arts["future.txt"][1])
    assert any("truncated" in r for r in arts["truncated.txt"][1])
    assert arts["good.txt"][1] == []


def test_a_quarantined_file_fixed_at_its_source_is_picked_up(home: Path, tmp_path: Path):
    src = write_articles(tmp_path / "src", {**GOOD, "later.txt": ""})
    assert main(["run", "--source", str(src)]) == 0
    (src / "later.txt").write_text(MORE["b1.txt"], encoding="utf-8")
    assert main(["run", "--source", str(src)]) == 0
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from quarantine").fetchone()[0] == 0
        assert con.execute("select count(*) from dim_articles").fetchone()[0] == 3


def _api_env(home: Path, **extra: str) -> dict[str, str]:
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PARLEY_HOME": str(home), "PREFECT_API_URL": str(PREFECT_API_URL.value()), **extra}
    env.pop("PARLEY_FAULT_AT", None)
    env.update(extra)
    return env


def _run_cli(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "parley.cli", "run", *args], env=_api_env(home, **env),
                          capture_output=True, text=True, timeout=300)


def test_a_run_killed_at_any_stage_leaves_the_old_warehouse_and_the_next_run_is_clean(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    a = write_articles(tmp_path / "a", GOOD)
    b = write_articles(tmp_path / "b", MORE)
    both = ["--source", str(a), "--source", str(b)]
    ref = tmp_path / "reference"
    monkeypatch.setenv("PARLEY_HOME", str(ref))
    assert main(["run", "--source", str(a)]) == 0
    first = tmp_path / "after-first-run"
    shutil.copytree(ref, first)
    old = snapshot(first / "warehouse.duckdb")
    assert main(["run", *both]) == 0
    expected = snapshot(ref / "warehouse.duckdb")
    for point in POINTS:
        home = tmp_path / f"killed-at-{point}"
        shutil.copytree(first, home)
        killed = _run_cli(home, *both, PARLEY_FAULT_AT=point)  # a real process, killed with SIGKILL
        assert killed.returncode == -9, (point, killed.stderr[-2000:])
        assert snapshot(home / "warehouse.duckdb") == old, point  # still the old version, and readable
        monkeypatch.setenv("PARLEY_HOME", str(home))
        assert main(["run", *both]) == 0, point
        assert snapshot(home / "warehouse.duckdb") == expected, point
        assert not list(home.glob(".warehouse.duckdb.*.tmp"))


def test_a_second_run_while_one_holds_the_lock_exits_with_a_clear_message(home: Path, tmp_path: Path, capsys):
    src = write_articles(tmp_path / "src", GOOD)
    home.mkdir(parents=True)
    with open(home / "run.lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        fh.write("pid 424242\n")
        fh.flush()
        assert main(["run", "--source", str(src)]) == 3
    assert "another parley run is in progress" in capsys.readouterr().err
    assert not (home / "warehouse.duckdb").exists()


def test_two_runs_started_together_never_corrupt_the_warehouse(tmp_path: Path):
    home = tmp_path / "home"
    src = write_articles(tmp_path / "src", {**GOOD, **MORE})
    env = _api_env(home)
    procs = [subprocess.Popen([sys.executable, "-m", "parley.cli", "run", "--source", str(src)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    codes = sorted(code for code, _ in results)
    assert codes in ([0, 0], [0, 3]), results
    if codes == [0, 3]:
        assert any("another parley run is in progress" in err for _, err in results)
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from dim_articles").fetchone()[0] == 4


def test_rollback_republishes_an_earlier_version_and_history_lists_them(home: Path, tmp_path: Path, capsys,
                                                                      monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PARLEY_KEEP_VERSIONS", "2")
    a = write_articles(tmp_path / "a", GOOD)
    b = write_articles(tmp_path / "b", MORE)
    c = write_articles(tmp_path / "c", {"c1.txt": " date 2025-07-01 The Indian Navy signed an MoU with Cochin "
                                                  "Shipyard Limited on Monday in Kochi."})
    assert main(["run", "--source", str(a)]) == 0
    assert main(["run", "--source", str(b)]) == 0
    v2 = snapshot(home / "warehouse.duckdb")
    assert main(["run", "--source", str(c)]) == 0
    v3 = snapshot(home / "warehouse.duckdb")
    kept = sorted(p.name for p in (home / "versions").iterdir())
    assert len(kept) == 2  # keep_versions
    capsys.readouterr()
    assert main(["rollback"]) == 0
    assert snapshot(home / "warehouse.duckdb") == v2
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert "(current)" in out and kept[0][:8] in out
    assert main(["rollback", kept[1]]) == 0
    assert snapshot(home / "warehouse.duckdb") == v3


@pytest.fixture
def published_home_on_tmpfs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A PARLEY_HOME on its own small tmpfs, with one published run of GOOD: (mount, home, snapshot)."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(mnt)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        home = mnt / "home"
        monkeypatch.setenv("PARLEY_HOME", str(home))
        assert main(["run", "--source", str(write_articles(tmp_path / "src", GOOD))]) == 0
        yield mnt, home, snapshot(home / "warehouse.duckdb")
    finally:
        subprocess.run(["umount", "-l", str(mnt)])


def test_read_only_home_is_a_clear_error_and_changes_nothing(published_home_on_tmpfs, tmp_path: Path, capsys):
    mnt, home, before = published_home_on_tmpfs
    assert subprocess.run(["mount", "-o", "remount,ro", str(mnt)]).returncode == 0
    capsys.readouterr()
    assert main(["run", "--source", str(tmp_path / "src"), "--source", str(write_articles(tmp_path / "m", MORE))]) == 3
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("parley: PARLEY_HOME") and "not writable" in last
    assert snapshot(home / "warehouse.duckdb") == before


def test_disk_full_is_a_clear_error_and_nothing_is_lost(published_home_on_tmpfs, tmp_path: Path, capsys):
    mnt, home, before = published_home_on_tmpfs
    filler = mnt / "filler"
    with open(filler, "wb") as fh:  # fill the disk
        try:
            while True:
                fh.write(b"\0" * (1 << 20))
                fh.flush()
        except OSError:
            pass
    # Free a little, so the run starts (its write probe passes) and the disk fills up mid-run.
    os.truncate(filler, max(0, filler.stat().st_size - 256 * 1024))
    sources = ["--source", str(tmp_path / "src"), "--source", str(write_articles(tmp_path / "m", MORE))]
    capsys.readouterr()
    assert main(["run", *sources]) == 3
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("parley: cannot write under") and "no space left" in last.lower()
    assert snapshot(home / "warehouse.duckdb") == before
    filler.unlink()
    assert main(["run", *sources]) == 0
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from dim_articles").fetchone()[0] == 4


def test_blocked_versions_are_pruned_like_published_ones(tmp_path):
    import json as _json

    from warehouse.publish import prune

    versions = tmp_path / "versions"
    for i in range(6):
        for kind in ("p", "b"):
            v = versions / f"2026010{i}T000000Z-{kind}"
            v.mkdir(parents=True)
            (v / "summary.json").write_text(_json.dumps({"published": kind == "p"}), encoding="utf-8")
    prune(versions, keep=2, current="20260105T000000Z-p")
    assert sorted(p.name for p in versions.iterdir()) == [
        "20260104T000000Z-b", "20260104T000000Z-p", "20260105T000000Z-b", "20260105T000000Z-p"]
