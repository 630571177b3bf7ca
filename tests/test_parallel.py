"""Extraction on every core gives exactly the records one process gives."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing

import pytest

from flows.parallel import MIN_PARALLEL, extract_rows, extraction_pool, warm
from parley.cli import sample_dir
from transforms.reading import content_hash


def rows(n: int) -> list[dict]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(sample_dir().glob("*.txt"))]
    out = []
    for i in range(n):
        text = texts[i % len(texts)] + f"\n\nReference number {i}."
        out.append({"content_hash": content_hash(text), "text": text, "raw_body": None, "url": None,
                    "published_date": dt.date(2025, 6, 1)})
    return out


def test_a_pool_of_processes_extracts_the_same_records_in_the_same_order(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PARLEY_FAULT_ARTICLE", "Reference number 7.")  # one article whose extraction fails
    batch = rows(MIN_PARALLEL + 16)
    serial = extract_rows(batch, None)
    with extraction_pool(2) as pool:
        parallel = extract_rows(batch, pool)
    assert parallel == serial
    failed = [f for _, _, f in parallel if f]
    assert len(failed) == 1 and "injected fault" in failed[0]
    assert json.loads(next(r for _, r, f in parallel if f))["failure"] == failed[0]
    assert sum(1 for _, r, _ in parallel if any(json.loads(r)["events"].values())) > len(batch) // 2  # real records


def test_workers_start_early_only_when_enough_articles_are_coming():
    before = len(multiprocessing.active_children())
    with extraction_pool(2) as pool:
        warm(pool, 2, MIN_PARALLEL - 1)
        assert len(multiprocessing.active_children()) == before
        warm(pool, 2, MIN_PARALLEL)
        assert len(multiprocessing.active_children()) > before  # spawned now, before any article is sent
        assert len(extract_rows(rows(MIN_PARALLEL), pool)) == MIN_PARALLEL
