"""Sources: a folder, a JSON Lines file and an RSS/Atom feed served on loopback (no mocks)."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import os
import threading
import time
from pathlib import Path

import pytest

from flows.fetch import Fetcher, FetchFailed, FetchPolicy
from flows.sources import SourceError, iter_source


def _remote(url: str, timeout: float = 5, allow_hosts: frozenset[str] = frozenset()) -> list:
    """A feed's items, fetched at once (no delay between requests, no retries: these servers misbehave
    on purpose)."""
    policy = FetchPolicy(timeout=timeout, max_bytes=100_000, host_delay=0, retries=0, allow_hosts=allow_hosts)
    return list(iter_source(url, 100_000, Fetcher(policy)))

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
    items = list(_remote(f"{site}/feed.xml", timeout=5))
    assert [i.title for i in items] == ["Navy signs contract", "Second", "Gone"]
    assert items[0].published == dt.date(2025, 6, 10) and items[0].url.endswith("/a1.html")
    assert b"Goa Shipyard" in items[0].data
    assert items[2].data is None and "cannot fetch" in items[2].error  # set aside, not fatal


def test_atom_feed_entries_are_fetched(site: str):
    (item,) = _remote(f"{site}/atom.xml", timeout=5)
    assert item.published == dt.date(2025, 6, 10) and item.title == "Navy"


def test_a_feed_answering_404_fails_as_a_source_without_being_asked_again(site: str):
    with pytest.raises(FetchFailed, match="HTTP 404") as failed:
        _remote(f"{site}/no-feed.xml", timeout=5)
    assert not failed.value.retryable


def test_json_lines_source_reads_text_and_metadata(tmp_path: Path):
    p = tmp_path / "articles.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "x1", "text": "The Navy signed a deal.", "published_date": "2025-06-10",
                    "url": "https://example.org/x1", "title": "Deal"}),
        "not json",
        "",
    ]), encoding="utf-8")
    good, bad = list(iter_source(str(p), 100_000))
    assert good.uri.endswith("#x1") and good.published == dt.date(2025, 6, 10) and good.title == "Deal"
    assert bad.error and "line 2" in bad.error


def test_a_folder_source_reads_only_text_and_html_files_in_name_order(tmp_path: Path):
    for name in ("b.txt", "a.txt", "notes.md", "c.html"):
        (tmp_path / name).write_text("The Navy signed a deal with the yard.", encoding="utf-8")
    assert [Path(i.uri).name for i in iter_source(str(tmp_path), 100_000)] == ["a.txt", "b.txt", "c.html"]


def test_a_missing_source_says_what_to_pass(tmp_path: Path):
    with pytest.raises(SourceError, match="does not exist"):
        list(iter_source(str(tmp_path / "nope"), 100))


class _Hostile(http.server.BaseHTTPRequestHandler):
    """Pages that misbehave: a trickle, a broken chunked body, a redirect elsewhere."""

    target = ""
    feed = ""
    base = ""

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802 (the http.server name)
        if self.path == "/trickle":
            self.send_response(200)
            self.end_headers()
            for _ in range(20):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.3)
        elif self.path == "/badchunks":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"zz\r\nnot a chunk\r\n")
        elif self.path == "/feed.xml":
            self.send_response(200)
            self.end_headers()
            self.wfile.write(self.feed.encode())
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", self.target)
            self.end_headers()
        else:
            self.send_response(200)
            self.end_headers()
            self.wfile.write(ARTICLE.encode())


@pytest.fixture
def hostile():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Hostile.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield _Hostile.base
    server.shutdown()


def _feed(folder: Path, base: str, links: list[str]) -> str:
    """A feed of these links, served by the site (from `folder`) or by the hostile server itself."""
    items = "".join(f"<item><title>e{i}</title><link>{link}</link></item>" for i, link in enumerate(links))
    xml = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
    (folder / "hostile.xml").write_text(xml, encoding="utf-8")
    _Hostile.feed = xml
    return f"{base}/feed.xml" if base == _Hostile.base else f"{base}/hostile.xml"


def test_feed_links_beyond_http_are_refused_and_the_rest_are_read(site: str, tmp_path: Path):
    url = _feed(tmp_path, site, ["file:///etc/passwd", "data:text/plain,The%20Navy%20signed", "a1.html"])
    refused_file, refused_data, relative = _remote(url, timeout=5)
    assert refused_file.data is None and "only http and https" in refused_file.error
    assert refused_data.data is None and "only http and https" in refused_data.error
    assert b"Goa Shipyard" in relative.data  # a relative link is read against the feed's address


def test_a_feed_link_to_another_internal_origin_is_refused_unless_allowed(site: str, hostile: str,
                                                                          tmp_path: Path):
    url = _feed(tmp_path, site, [f"{hostile}/page", f"{site}/a1.html"])
    other, same = _remote(url, timeout=5)
    assert other.data is None and "loopback" in other.error
    assert same.data is not None  # the feed's own origin is trusted
    other, _ = _remote(url, timeout=5, allow_hosts=frozenset({"127.0.0.1"}))
    assert other.data is not None


def test_a_redirect_to_another_internal_origin_is_refused(site: str, hostile: str, tmp_path: Path):
    _Hostile.target = f"{site}/a1.html"  # the hostile server sends its visitors to the feed's host
    url = _feed(tmp_path, hostile, [f"{hostile}/redirect"])
    (item,) = _remote(url, timeout=5)
    assert item.data is None and "loopback" in item.error


def test_a_trickling_server_is_cut_off_at_the_deadline(site: str, hostile: str, tmp_path: Path):
    url = _feed(tmp_path, hostile, [f"{hostile}/trickle"])
    started = time.monotonic()
    (item,) = _remote(url, timeout=1.5)
    assert item.data is None and "cut off" in item.error
    assert time.monotonic() - started < 4


def test_a_malformed_chunked_body_sets_that_entry_aside(hostile: str, tmp_path: Path):
    url = _feed(tmp_path, hostile, [f"{hostile}/badchunks", f"{hostile}/page"])
    broken, fine = _remote(url, timeout=5)
    assert broken.data is None and "malformed response" in broken.error
    assert b"Goa Shipyard" in fine.data


def test_json_lines_metadata_of_the_wrong_type_is_read_as_text(tmp_path: Path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "The Navy signed a deal with the yard.", "title": 42, "url": ["x"]}) + "\n",
                 encoding="utf-8")
    (item,) = iter_source(str(p), 100_000)
    assert (item.title, item.url) == ("42", '["x"]')


def test_a_folder_reads_regular_files_only_and_no_links_out_of_it(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("The Navy signed a deal with the yard.", encoding="utf-8")
    (src / "STORY.TXT").write_text("The Army signed a deal with the yard.", encoding="utf-8")
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    (src / "leak.txt").symlink_to(tmp_path / "outside.txt")
    (src / "inside.txt").symlink_to(src / "a.txt")
    os.mkfifo(src / "pipe.txt")
    read = list(iter_source(str(src), 100_000))
    items = {Path(i.uri).name: i for i in read}
    assert items["STORY.TXT"].data and items["a.txt"].data
    assert sum(1 for i in read if i.uri.endswith("/a.txt") and i.data) == 2  # the link inside the folder too
    assert items["leak.txt"].data is None and "outside the source folder" in items["leak.txt"].error
    assert items["pipe.txt"].data is None and "not a regular file" in items["pipe.txt"].error


def test_link_local_and_loopback_links_from_a_feed_are_refused_before_any_request():
    from flows.fetch import Fetcher, FetchRefused, origin

    fetcher = Fetcher(FetchPolicy(timeout=1, max_bytes=100))
    for link in ("http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:9/x", "http://[::1]:9/x"):
        with pytest.raises(FetchRefused, match="private, loopback or link-local"):
            fetcher.check(link, trusted=origin("https://news.example.org/feed.xml"))
    fetcher.check("http://127.0.0.1:9/x", trusted=origin("http://127.0.0.1:9/feed.xml"))  # same origin: allowed


def test_files_read_before_are_skipped_but_one_that_could_not_be_read_is_read_again(tmp_path: Path, monkeypatch):
    import builtins

    from warehouse.source_state import SourceState

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("The Navy signed a deal with the yard.", encoding="utf-8")
    real_open = builtins.open

    def flaky_open(path, *args, **kwargs):
        if str(path).endswith("b.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    state = SourceState()
    monkeypatch.setattr(builtins, "open", flaky_open)
    first = {Path(i.uri).name: i for i in iter_source(str(tmp_path), 100_000, state=state)}
    monkeypatch.setattr(builtins, "open", real_open)
    assert first["a.txt"].data and first["b.txt"].error.startswith("cannot read file")
    again = {Path(i.uri).name: i for i in iter_source(str(tmp_path), 100_000, state=state)}
    assert again["a.txt"].unchanged and again["b.txt"].data  # a.txt skipped, b.txt read now


def test_a_file_whose_name_is_not_utf8_is_set_aside_and_the_others_are_read(tmp_path: Path):
    (tmp_path / "ok.txt").write_text("The Navy signed a deal with the yard.", encoding="utf-8")
    with open(os.fsencode(tmp_path) + b"/caf\xe9.txt", "wb") as fh:
        fh.write(b"The Army signed a deal with the works.")
    items = list(iter_source(str(tmp_path), 100_000))
    assert [Path(i.uri).name for i in items if i.data] == ["ok.txt"]
    (bad,) = [i for i in items if i.error]
    assert bad.uri.endswith("caf\\xe9.txt") and "not UTF-8" in bad.error
