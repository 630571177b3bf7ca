"""A web page to its article, as a browser's reader view shows it: main text without the page chrome.

Pure: HTML bytes in, `PageText` out. Trafilatura finds the main text (menus, tickers, "also read" lists,
related stories, comments and footers are dropped) and reads the page's own metadata: title, author,
publication date (`<time>`, `article:published_time`, JSON-LD) and canonical URL. The raw zone keeps
the HTML as fetched, so a better reader later is applied by `parley reprocess`.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any

_DOCUMENT = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!doctype\s+html|<html)", re.I | re.S)

logging.getLogger("trafilatura").setLevel(logging.ERROR)  # it logs every page it finds short or odd


def reader_version() -> str:
    """Part of the extractor version: a new reader re-extracts pages from the raw HTML."""
    return f"trafilatura-{version('trafilatura')}"


@dataclass(frozen=True)
class PageText:
    text: str
    title: str | None
    author: str | None
    published: dt.date | None
    canonical_url: str | None


def looks_like_html_page(data: bytes) -> bool:
    """A whole HTML document, for a server that did not say what it sent."""
    return bool(_DOCUMENT.match(data[:2048]))


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_page(data: bytes, url: str | None = None) -> PageText | None:
    """The page's article and metadata; None when the page has no main text (an index, an error page)."""
    import trafilatura  # imported here: ingesting text files never pays for it

    doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, favor_precision=True,
                                      include_comments=False, include_tables=False)
    meta: dict[str, Any] = {} if doc is None else doc if isinstance(doc, dict) else doc.as_dict()
    text = meta.get("text") or ""
    if not text.strip():
        return None
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    url = meta.get("url")
    return PageText(text="\n\n".join(paragraphs), title=(meta.get("title") or "").strip() or None,
                    author=(meta.get("author") or "").strip() or None, published=_date(meta.get("date")),
                    canonical_url=url if isinstance(url, str) and url.startswith("http") else None)
