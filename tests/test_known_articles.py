"""Which of a batch's articles the raw zone holds already, asked of DuckDB a batch at a time."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from warehouse.known_articles import KnownHashes


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _zone_with(raw_dir: Path, *texts: str) -> None:
    raw_dir.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table({"content_hash": [_hash(t) for t in texts]}), raw_dir / "part-0001.parquet")


def test_articles_in_the_zone_are_known_and_others_are_not(tmp_path: Path):
    _zone_with(tmp_path / "raw", "one", "two")
    known = KnownHashes(tmp_path / "raw")
    assert known.among([_hash("two"), _hash("three"), _hash("two")]) == {_hash("two")}
    known.close()


def test_articles_added_in_this_run_are_known_to_the_next_batch(tmp_path: Path):
    _zone_with(tmp_path / "raw", "one")
    known = KnownHashes(tmp_path / "raw")
    assert known.among([_hash("four")]) == set()
    known.add([_hash("four")])
    assert known.among([_hash("one"), _hash("four"), _hash("five")]) == {_hash("one"), _hash("four")}
    known.close()


def test_a_zone_not_yet_written_knows_nothing(tmp_path: Path):
    known = KnownHashes(tmp_path / "missing")
    known.add([_hash("one")])  # stored before any question: the zone, once read, would have it
    assert known.among([]) == set()
    assert known.among([_hash("one")]) == set()  # the zone does not exist: nothing was stored there
    known.close()
