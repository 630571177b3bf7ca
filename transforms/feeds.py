"""A feed's bytes to its entries: RSS 0.9x, 1.0 (RDF) and 2.0, and Atom, read by feedparser.

Pure: the bytes are handed in (feedparser is never given a URL, so it never fetches anything itself).
An entry's link is its `rel="alternate"` link (feedparser's `link`), made absolute against the feed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urljoin

import feedparser


class NotAFeed(ValueError):
    """The bytes are not a feed Parley can read; the message says what the parser found."""


@dataclass(frozen=True)
class FeedEntry:
    link: str
    key: str  # the entry's id (guid), else its link: what the source's watermark remembers
    title: str | None
    published: dt.date | None


def _date(entry: feedparser.FeedParserDict) -> dt.date | None:
    for field in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(field)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                continue
    return None


def _alternate(entry: feedparser.FeedParserDict) -> str | None:
    """The entry's page: the `alternate` link of text/html type first, then any alternate, then `link`."""
    links = [x for x in entry.get("links", []) if x.get("rel", "alternate") == "alternate" and x.get("href")]
    html = [x for x in links if "html" in (x.get("type") or "text/html")]
    chosen = (html or links or [{}])[0].get("href") or entry.get("link")
    return chosen.strip() if isinstance(chosen, str) and chosen.strip() else None


def parse_feed(data: bytes, feed_url: str) -> list[FeedEntry]:
    """The entries of a feed, in the feed's order. A document that gives no entry and is no feed (an HTML
    page) or is broken XML raises NotAFeed; a feed with small flaws that still lists entries is read, and
    a well-formed feed with no entries is simply empty."""
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries = []
    for e in parsed.entries:
        link = _alternate(e)
        if not link:
            continue
        link = urljoin(feed_url, link)  # a relative link is relative to the feed
        title = (e.get("title") or "").strip() or None
        entries.append(FeedEntry(link, str(e.get("id") or link), title, _date(e)))
    if not entries and (parsed.get("bozo") or not parsed.get("version")):
        problem = parsed.get("bozo_exception") or "no feed elements found"
        raise NotAFeed(f"not a readable RSS or Atom feed ({problem})")
    return entries
