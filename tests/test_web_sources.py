"""Reading the web as a polite reader view would: feeds of every flavour, pages in their chrome, and the
ways servers misbehave. Everything is served by a real HTTP server on 127.0.0.1 that the test starts."""

from __future__ import annotations

import datetime as dt
import http.server
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from flows.fetch import Fetcher, FetchFailed, FetchPolicy, FetchRefused, HostLimiter
from flows.sources import fetch_remote
from parley.source_specs import SourceSpec
from transforms.reading import ReadArticle, read_article
from warehouse.source_state import SourceState

STORY = [
    "Northwind Avionics signed a memorandum of understanding with the Coastal Research Institute on Tuesday "
    "to build sonar test rigs.",
    "The agreement was signed in Kochi by the heads of both organisations, a statement said.",
    "Engineers from the two sides will share a test tank and publish joint papers over four years.",
]
CHROME = ["Subscribe to our newsletter", "Markets close higher as Zephyr Motors posts record profit",
          "Harbour Dynamics signs contract with Army for drones", "All rights reserved"]


def page(n: int, published: str = "2026-04-07") -> str:
    """An article page in ordinary chrome: menu, ticker, the story, an 'also read' list, related stories,
    a footer; the date and address in the page's metadata."""
    paragraphs = "".join(f"<p>{s}</p>" for s in STORY)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Northwind signs sonar pact {n} | The Harbour Times</title>
<meta property="article:published_time" content="{published}T10:15:00+00:00">
<meta name="author" content="Staff Reporter">
<link rel="canonical" href="https://harbour.example.org/defence/northwind-sonar-{n}">
<script>var ads = [1, 2, 3];</script></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/defence">Defence</a></li>
<li><a href="/markets">Markets</a></li><li><a href="/subscribe">{CHROME[0]}</a></li></ul></nav>
<div class="ticker"><a href="/m/1">{CHROME[1]}</a></div></header>
<main><article><h1>Northwind signs sonar pact with research institute</h1>
<time datetime="{published}">{published}</time>{paragraphs}</article>
<aside class="also-read"><h3>Also read</h3><ul><li><a href="/r/1">{CHROME[2]}</a></li></ul></aside>
<section class="related"><h2>Related stories</h2><ul><li><a href="/r/2">Ministry reviews port security plan
</a></li><li><a href="/r/3">Shipyard hires 200 welders</a></li></ul></section></main>
<footer><p>Copyright 2026 The Harbour Times. {CHROME[3]}.</p><a href="/about">About us</a></footer>
</body></html>"""


def rss2(base: str, links: list[str]) -> str:
    items = "".join(f"<item><title>Story {i}</title><link>{link}</link><guid>{link}</guid>"
                    f"<pubDate>Tue, 07 Apr 2026 08:00:00 GMT</pubDate></item>" for i, link in enumerate(links))
    channel = f"<channel><title>t</title><link>{base}</link>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


def rss1(links: list[str]) -> str:
    items = "".join(f'<item rdf:about="{link}"><title>Story {i}</title><link>{link}</link>'
                    f"<dc:date>2026-04-07</dc:date></item>" for i, link in enumerate(links))
    return ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<channel rdf:about="x"><title>t</title><link>x</link></channel>{items}</rdf:RDF>')


def atom(links: list[str]) -> str:
    """Each entry lists an image enclosure and its feed before the page it is about."""
    entries = "".join(
        f'<entry><title>Story {i}</title><id>urn:story:{i}</id><updated>2026-04-07T08:00:00Z</updated>'
        f'<link rel="enclosure" type="image/jpeg" href="/img/{i}.jpg"/><link rel="self" href="/atom.xml"/>'
        f'<link rel="alternate" type="text/html" href="{link}"/></entry>' for i, link in enumerate(links))
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{entries}</feed>'


class Site(http.server.BaseHTTPRequestHandler):
    """A news site and its feeds, with pages that misbehave on purpose."""

    hits: Counter[str] = Counter()
    conditional: list[str] = []
    agents: list[str] = []

    def log_message(self, *args):
        pass

    def _send(self, status: int, body: str | bytes = b"", ctype: str = "text/html; charset=utf-8", **headers):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):  # noqa: N802 (the http.server name)
        path = self.path
        Site.hits[path] += 1
        Site.agents.append(self.headers.get("User-Agent", ""))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        xml = "application/xml"
        if path.startswith("/news/"):
            self._send(200, page(int(path.rsplit("/", 1)[1])))
        elif path == "/rss2.xml":
            self._send(200, rss2(base, [f"{base}/news/1", "/news/2"]), xml)
        elif path == "/rss1.xml":
            self._send(200, rss1([f"{base}/news/3"]), xml)
        elif path == "/atom.xml":
            self._send(200, atom([f"{base}/news/4"]), "application/atom+xml")
        elif path == "/flaky":  # fails twice, then works
            self._send(500, "busy") if Site.hits[path] <= 2 else self._send(200, page(5))
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, page(6))
        elif path == "/huge":
            self._send(200, "<html><body>" + "<p>Northwind signed a deal.</p>" * 20_000 + "</body></html>")
        elif path == "/broken.xml":
            self._send(200, '<?xml version="1.0"?><rss><channel><item><title>Unclosed', xml)
        elif path == "/moved":
            self._send(301, b"", Location="/news/7")
        elif path == "/etag.xml":
            if self.headers.get("If-None-Match") == '"v1"':
                Site.conditional.append(path)
                self._send(304, b"", xml, ETag='"v1"')
            else:
                self._send(200, rss2(base, [f"{base}/news/8"]), xml, ETag='"v1"',
                           Last_Modified="Tue, 07 Apr 2026 08:00:00 GMT")
        elif path == "/mixed.xml":
            self._send(200, rss2(base, ["file:///etc/passwd", f"{base}/news/9", f"{base}/missing"]), xml)
        else:
            self._send(404, "not here")


@pytest.fixture
def site():
    Site.hits.clear()
    Site.conditional.clear()
    Site.agents.clear()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def fetcher(**policy) -> Fetcher:
    defaults = {"timeout": 5, "max_bytes": 200_000, "host_delay": 0, "retries": 2, "backoff": 0.01,
                "user_agent": "parley-test/1 (+tests)"}
    return Fetcher(FetchPolicy(**{**defaults, **policy}))


def feed(url: str, state: SourceState | None = None, **policy):
    return fetch_remote(SourceSpec("feed", url, "test-feed"), fetcher(**policy), state or SourceState())


@pytest.mark.parametrize(("path", "pages"), [("/rss2.xml", ["/news/1", "/news/2"]), ("/rss1.xml", ["/news/3"]),
                                             ("/atom.xml", ["/news/4"])])
def test_rss_2_rss_1_and_atom_feeds_give_the_pages_their_entries_are_about(site: str, path: str, pages: list[str]):
    result = feed(site + path)
    assert [i.url for i in result.items] == [site + p for p in pages]  # Atom: the alternate link, not the first
    assert all(i.data and i.published == dt.date(2026, 4, 7) for i in result.items)
    assert Site.hits["/img/0.jpg"] == 0


def test_a_page_is_read_without_its_chrome_with_the_pages_own_date_title_and_address(site: str):
    (item,) = feed(site + "/atom.xml").items
    read = read_article(item.data, max_bytes=200_000, content_type=item.content_type, url=item.url,
                        published=dt.date(2026, 4, 1))
    assert isinstance(read, ReadArticle)
    assert all(sentence in read.text for sentence in STORY)
    assert not [c for c in CHROME if c in read.text] and "Related stories" not in read.text
    assert read.published_date == dt.date(2026, 4, 7)  # the page's date, not the feed's
    assert read.url == "https://harbour.example.org/defence/northwind-sonar-4"
    assert read.title == "Northwind signs sonar pact 4 | The Harbour Times" or "Northwind" in read.title


def test_a_500_is_tried_again_with_backoff_and_succeeds(site: str):
    response = fetcher().fetch(site + "/flaky")
    assert response.status == 200 and Site.hits["/flaky"] == 3


def test_a_timeout_is_tried_again_then_reported(site: str):
    with pytest.raises(FetchFailed, match=r"no answer within 0.5 s \(after 2 attempts\)"):
        fetcher(timeout=0.5, retries=1).fetch(site + "/slow")
    assert Site.hits["/slow"] == 2


def test_a_404_is_not_asked_for_again(site: str):
    with pytest.raises(FetchFailed, match="HTTP 404"):
        fetcher().fetch(site + "/gone")
    assert Site.hits["/gone"] == 1


def test_a_huge_body_is_cut_at_the_limit_and_refused_by_the_reader(site: str):
    response = fetcher(max_bytes=50_000).fetch(site + "/huge")
    assert len(response.body) == 50_001  # one byte past the limit tells the reader it is too big
    rejected = read_article(response.body, max_bytes=50_000, content_type="text/html")
    assert "over the 50,000-byte limit" in rejected.reason


def test_malformed_xml_fails_that_source_with_the_reason(site: str):
    with pytest.raises(FetchRefused, match="not a readable RSS or Atom feed"):
        feed(site + "/broken.xml")


def test_a_redirect_is_followed_to_the_page(site: str):
    response = fetcher().fetch(site + "/moved")
    assert response.url == site + "/news/7" and b"Northwind" in response.body


def test_a_feed_answering_304_is_not_fetched_again_nor_its_entries(site: str):
    first = feed(site + "/etag.xml")
    assert len(first.items) == 1 and first.state.validators[site + "/etag.xml"]["etag"] == '"v1"'
    second = feed(site + "/etag.xml", first.state)
    assert second.not_modified and second.items == []
    assert Site.conditional == ["/etag.xml"] and Site.hits["/news/8"] == 1


def test_entries_taken_before_are_not_fetched_again(site: str):
    first = feed(site + "/rss2.xml")
    again = feed(site + "/rss2.xml", first.state)
    assert again.items == [] and again.skipped_seen == 2
    assert Site.hits["/news/1"] == 1 and Site.hits["/rss2.xml"] == 2


def test_a_file_link_is_refused_for_that_entry_and_the_others_are_read(site: str):
    refused, good, missing = feed(site + "/mixed.xml").items
    assert refused.data is None and "only http and https" in refused.error
    assert good.data and b"Northwind" in good.data
    assert missing.data is None and "HTTP 404" in missing.error


def test_every_request_says_who_is_asking(site: str):
    feed(site + "/rss2.xml")
    assert Site.agents and set(Site.agents) == {"parley-test/1 (+tests)"}


def test_one_host_gets_one_request_at_a_time_with_the_delay_between(site: str):
    limiter = HostLimiter(delay=0.2, concurrency=1)
    starts: list[float] = []

    def visit():
        with limiter.slot("127.0.0.1"):
            starts.append(time.monotonic())
            time.sleep(0.05)

    threads = [threading.Thread(target=visit) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    gaps = [b - a for a, b in zip(sorted(starts), sorted(starts)[1:], strict=False)]
    assert len(gaps) == 2 and min(gaps) >= 0.19
    other = HostLimiter(delay=0.2, concurrency=1)
    with other.slot("a.example"):
        t0 = time.monotonic()
    with other.slot("b.example"):  # positive control: another host does not wait
        assert time.monotonic() - t0 < 0.1


@pytest.mark.usefixtures("prefect_server")
def test_a_dead_feed_beside_a_live_one_fails_alone_and_the_live_one_loads(site: str, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch):
    from flows.run import parley_run

    home = tmp_path / "home"
    home.mkdir()
    (home / "parley.toml").write_text(f"""host_delay = 0
fetch_retries = 0
[[sources]]
name = "dead"
feed = "http://127.0.0.1:9/rss.xml"
[[sources]]
name = "live"
feed = "{site}/rss2.xml"
""", encoding="utf-8")
    state = parley_run(None, str(home), return_state=True)
    summary = state.result(raise_on_failure=False)
    assert isinstance(summary, dict), summary
    report = {s["name"]: s for s in summary["source_report"]}
    assert report["dead"]["status"] == "failed" and "cannot connect" in report["dead"]["error"]
    assert report["live"]["status"] == "ok" and report["live"]["new"] == 1  # both entries: the same story
    assert summary["articles"]["in_warehouse"] == 1
    markdown = (Path(summary["version_dir"]) / "report.md").read_text(encoding="utf-8")
    assert "| dead | feed | failed: cannot connect" in markdown
    raw = Path(home / "raw")
    import duckdb

    with duckdb.connect() as con:
        body, headers, url = con.execute(
            "select raw_body, http_headers, url from read_parquet(?)", [[str(p) for p in raw.glob("part-*")]]
        ).fetchone()
    assert b"<nav>" in body and "text/html" in headers  # the page as fetched, for a better reader later
    assert url.startswith("https://harbour.example.org/defence/northwind-sonar-")


def test_the_extractor_reads_a_page_again_from_its_html_as_fetched():
    from transforms.reading import current_text

    for _ in range(2):  # the same page read twice in one process reads the same (no cross-page dedup)
        again = current_text("what an older reader made of it", page(1).encode(), None)
        assert all(sentence in again for sentence in STORY) and "older reader" not in again
    assert current_text("a text file, kept as read", None, None) == "a text file, kept as read"
