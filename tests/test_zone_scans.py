"""Scans of whole zones: every article once (first read wins), modelling's input in the fold's order with
the newest record at this extractor version, and memory that does not hold the zone."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

import pytest

from flows.modelling import _readable
from warehouse import zones

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def raw(h: str, source: str, *, day: str | None = "2025-05-01", at: int = 0, run: str = "r1") -> dict[str, Any]:
    return {"content_hash": h * 8, "source_uri": source, "url": None, "title": None,
            "published_date": dt.date.fromisoformat(day) if day else None, "text": f"text of {h}",
            "read_at": T0 + dt.timedelta(hours=at), "repairs": [], "author": None, "content_type": None,
            "raw_body": None, "http_headers": None, "ingest_run": run}


def test_each_raw_article_comes_once_from_its_first_read(tmp_path: Path):
    zones.append_raw(tmp_path, [raw("aaaa", "late.txt", at=5), raw("bbbb", "b.txt")])
    zones.append_raw(tmp_path, [raw("aaaa", "early.txt", at=1), raw("bbbb", "b.txt")])  # b appended twice
    rows = [r for batch in zones.iter_raw(tmp_path, 1) for r in batch]
    assert sorted((r["content_hash"][:4], r["source_uri"]) for r in rows) == [("aaaa", "early.txt"), ("bbbb", "b.txt")]


def test_a_raw_scan_can_be_limited_to_some_articles(tmp_path: Path):
    zones.append_raw(tmp_path, [raw("aaaa", "a.txt"), raw("bbbb", "b.txt")])
    rows = [r for batch in zones.iter_raw(tmp_path, 10, only={"bbbb" * 8}) for r in batch]
    assert [r["source_uri"] for r in rows] == ["b.txt"]


def test_extraction_scans_and_counts_only_articles_with_no_record_at_its_version(tmp_path: Path):
    raw_dir, ext_dir = tmp_path / "raw", tmp_path / "ext"
    zones.append_raw(raw_dir, [raw(h, f"{h}.txt") for h in ("aaaa", "bbbb", "cccc")])
    assert zones.pending_count(raw_dir, ext_dir, "v1") == 3  # an empty store: all of them
    zones.append_stored(ext_dir, "v1", {"aaaa" * 8: "{}"})
    zones.append_stored(ext_dir, "v2", {"bbbb" * 8: "{}"})  # another version's record counts for nothing
    rows = [r for batch in zones.iter_raw(raw_dir, 10, not_extracted_at=(ext_dir, "v1")) for r in batch]
    assert sorted(r["source_uri"] for r in rows) == ["bbbb.txt", "cccc.txt"]
    assert zones.pending_count(raw_dir, ext_dir, "v1") == 2


def test_modelling_reads_articles_in_the_fold_order_with_their_newest_record(tmp_path: Path):
    raw_dir, ext_dir = tmp_path / "raw", tmp_path / "ext"
    zones.append_raw(raw_dir, [raw("cccc", "c.txt", day="2025-05-03"), raw("aaaa", "a.txt", day="2025-05-02"),
                               raw("dddd", "d.txt", day=None), raw("bbbb", "b.txt", day="2025-05-02", run="r0")])
    zones.append_stored(ext_dir, "v1", {h * 8: f'{{"n": "{h} old"}}' for h in ("aaaa", "bbbb", "cccc", "dddd")})
    zones.append_stored(ext_dir, "v1", {"aaaa" * 8: '{"n": "aaaa new"}'})
    zones.append_stored(ext_dir, "v2", {"cccc" * 8: '{"n": "other version"}'})
    got = [(r["source_uri"], rec) for batch in zones.iter_modelled(raw_dir, ext_dir, "v1", 2) for r, rec in batch]
    # undated first; then by day, then by run: b (run r0) before a (run r1) on the same day
    assert got == [("d.txt", '{"n": "dddd old"}'), ("b.txt", '{"n": "bbbb old"}'), ("a.txt", '{"n": "aaaa new"}'),
                   ("c.txt", '{"n": "cccc old"}')]
    only = [r["source_uri"] for batch in zones.iter_modelled(raw_dir, ext_dir, "v1", 2, {"cccc" * 8}) for r, _ in batch]
    assert only == ["c.txt"]


def test_an_article_without_a_record_at_this_version_is_not_modelled(tmp_path: Path):
    zones.append_raw(tmp_path / "raw", [raw("aaaa", "a.txt"), raw("bbbb", "b.txt")])
    zones.append_stored(tmp_path / "ext", "v2", {"aaaa" * 8: "{}"})
    zones.append_stored(tmp_path / "ext", "v1", {"bbbb" * 8: "{}"})
    scan = zones.iter_modelled(tmp_path / "raw", tmp_path / "ext", "v1", 5)
    got = [r["source_uri"] for batch in scan for r, _ in batch]
    assert got == ["b.txt"]


def test_a_record_that_is_not_json_is_left_out_with_a_warning(caplog: pytest.LogCaptureFixture):
    with caplog.at_level(logging.WARNING):
        assert _readable("{not json", "x.txt") is None
    assert "x.txt" in caplog.text
    assert _readable('{"word_count": 3}', "y.txt") == {"word_count": 3}  # positive control


def test_sorted_hashes_compare_to_the_new_ones_or_to_one_held_that_left_the_zone():
    assert zones.compare_sorted(iter(["a", "b", "c", "d"]), iter(["b", "d"])) == ({"a", "c"}, False)
    assert zones.compare_sorted(iter(["a", "c"]), iter(["b"])) == (set(), True)  # "b" left the zone
    assert zones.compare_sorted(iter(["a"]), iter(["a", "z"])) == (set(), True)  # one held past the zone's last
    assert zones.compare_sorted(iter([]), iter([])) == (set(), False)


def test_the_raw_zones_hashes_stream_sorted_and_once(tmp_path: Path):
    zones.append_raw(tmp_path, [raw("cccc", "c.txt"), raw("aaaa", "a.txt")])
    zones.append_raw(tmp_path, [raw("bbbb", "b.txt"), raw("aaaa", "a2.txt")])
    assert list(zones.sorted_hashes(tmp_path)) == ["aaaa" * 8, "bbbb" * 8, "cccc" * 8]
    assert list(zones.sorted_hashes(tmp_path / "none")) == []
