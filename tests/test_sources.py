"""Sources: a folder, a JSON Lines file and an RSS/Atom feed served on loopback (no mocks)."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import threading
from pathlib import Path

import pytest

from flows.sources import SourceError, iter_source

ARTICLE = ("<html><head><title>x</title></head><body><h1>Navy signs contract</h1>"
           "<p>The Indian Navy signed a contract with Goa Shipyard Limited on Monday in Goa.</p></body></html>")


@pytest.fixture
def site(tmp_path: Path):
    (tmp_path / "a1.html").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a2.html").write_text(ARTICLE.replace("Goa Shipyard", "Cochin Shipyard"), encoding="utf-8")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=str(tmp_path), **kw)

        def log_message(self, *args):  # keep test output quiet
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><title>Navy signs contract</title><link>{base}/a1.html</link>
            <pubDate>Tue, 10 Jun 2025 08:00:00 GMT</pubDate></item>
      <item><title>Second</title><link>{base}/a2.html</link></item>
      <item><title>Gone</title><link>{base}/missing.html</link></item>
    </channel></rss>"""
    atom = f"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
      <entry><title>Navy</title><link href="{base}/a1.html"/><published>2025-06-10T08:00:00Z</published></entry>
    </feed>"""
    (tmp_path / "feed.xml").write_text(rss, encoding="utf-8")
    (tmp_path / "atom.xml").write_text(atom, encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()


def test_rss_feed_entries_are_fetched_with_their_titles_and_dates(site: str):
    items = list(iter_source(f"{site}/feed.xml", max_bytes=100_000, timeout=5))
    assert [i.title for i in items] == ["Navy signs contract", "Second", "Gone"]
    assert items[0].published == dt.date(2025, 6, 10) and items[0].url.endswith("/a1.html")
    assert b"Goa Shipyard" in items[0].data
    assert items[2].data is None and "cannot fetch" in items[2].error  # set aside, not fatal


def test_atom_feed_entries_are_fetched(site: str):
    (item,) = iter_source(f"{site}/atom.xml", max_bytes=100_000, timeout=5)
    assert item.published == dt.date(2025, 6, 10) and item.title == "Navy"


def test_unreachable_feed_is_a_clear_error(site: str):
    with pytest.raises(SourceError, match="cannot read feed"):
        list(iter_source(f"{site}/no-feed.xml", max_bytes=100_000, timeout=5))


def test_json_lines_source_reads_text_and_metadata(tmp_path: Path):
    p = tmp_path / "articles.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "x1", "text": "The Navy signed a deal.", "published_date": "2025-06-10",
                    "url": "https://example.org/x1", "title": "Deal"}),
        "not json",
        "",
    ]), encoding="utf-8")
    good, bad = list(iter_source(str(p), max_bytes=100_000))
    assert good.uri.endswith("#x1") and good.published == dt.date(2025, 6, 10) and good.title == "Deal"
    assert bad.error and "line 2" in bad.error


def test_a_folder_source_reads_only_txt_files_in_name_order(tmp_path: Path):
    for name in ("b.txt", "a.txt", "notes.md"):
        (tmp_path / name).write_text("The Navy signed a deal with the yard.", encoding="utf-8")
    assert [Path(i.uri).name for i in iter_source(str(tmp_path), max_bytes=100_000)] == ["a.txt", "b.txt"]


def test_a_missing_source_says_what_to_pass(tmp_path: Path):
    with pytest.raises(SourceError, match="does not exist"):
        list(iter_source(str(tmp_path / "nope"), max_bytes=100))
