"""Where raw articles come from: a folder of files, a JSON Lines file, or an RSS/Atom feed URL.

Each source yields `SourceItem`s lazily (bytes plus what the source says
about them), so a run never holds a whole corpus in memory.
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path


class SourceError(ValueError):
    """A --source that cannot be used at all; the message says what to pass instead."""


@dataclass(frozen=True)
class SourceItem:
    uri: str
    data: bytes | None
    error: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    size: int | None = None  # the whole input's size where known (a file over the limit is read only in part)


def check_source(source: str) -> None:
    if source.startswith(("http://", "https://")):
        return
    p = Path(source)
    if not p.exists():
        raise SourceError(f"source {source!r} does not exist: pass a folder of .txt files, a .jsonl file or a "
                          "feed URL")
    if p.is_file() and p.suffix not in (".jsonl", ".json", ".ndjson"):
        raise SourceError(f"source {source!r} is a file but not JSON Lines (.jsonl); pass its folder instead")


def iter_source(source: str, max_bytes: int, timeout: float = 20.0) -> Iterator[SourceItem]:
    check_source(source)
    if source.startswith(("http://", "https://")):
        yield from _feed(source, max_bytes, timeout)
        return
    p = Path(source)
    if p.is_dir():
        yield from _folder(p, max_bytes)
    else:
        yield from _jsonl(p)


def _folder(p: Path, max_bytes: int) -> Iterator[SourceItem]:
    for f in sorted(p.glob("*.txt")):
        uri = str(f.resolve())
        try:
            size = f.stat().st_size
            with open(f, "rb") as fh:
                # Read one byte past the limit: enough to know it is too big without reading it all.
                data = fh.read(max_bytes + 1) if size > max_bytes else fh.read()
        except OSError as exc:
            yield SourceItem(uri, None, f"cannot read file: {exc.strerror or exc}")
            continue
        yield SourceItem(uri, data, size=size)


def _parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    v = value.strip()
    try:
        return dt.date.fromisoformat(v[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(v).date()
    except (TypeError, ValueError, IndexError):
        return None


def _jsonl(p: Path) -> Iterator[SourceItem]:
    with open(p, "rb") as fh:
        for n, line in enumerate(fh, 1):
            uri = f"{p.resolve()}#{n}"
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                text = obj.get("text") or obj.get("content") or obj.get("body")
                if not isinstance(text, str):
                    raise ValueError("no 'text' field")
            except (ValueError, AttributeError) as exc:
                yield SourceItem(uri, line, f"line {n} is not a JSON object with a 'text' field: {exc}")
                continue
            name = obj.get("id") or obj.get("file") or obj.get("source_uri")
            if name:
                uri = f"{p.resolve()}#{name}"
            yield SourceItem(uri, text.encode("utf-8"), None, obj.get("url"), obj.get("title"),
                             _parse_date(obj.get("published_date") or obj.get("date") or obj.get("published")))


_ATOM = "{http://www.w3.org/2005/Atom}"


def _fetch(url: str, timeout: float, max_bytes: int) -> bytes:
    req = urllib.request.Request(url, headers={"User-Agent": "parley/0.1 (+news warehouse)"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (http(s) only, checked above)
        return resp.read(max_bytes + 1)


def _feed(url: str, max_bytes: int, timeout: float) -> Iterator[SourceItem]:
    try:
        root = ET.fromstring(_fetch(url, timeout, 50 * max_bytes))
    except (OSError, ET.ParseError) as exc:
        raise SourceError(f"cannot read feed {url}: {exc}") from None
    entries = []
    for item in root.iter("item"):  # RSS 2.0
        entries.append((item.findtext("link"), item.findtext("title"), item.findtext("pubDate")))
    for entry in root.iter(f"{_ATOM}entry"):
        link = entry.find(f"{_ATOM}link")
        entries.append((link.get("href") if link is not None else None, entry.findtext(f"{_ATOM}title"),
                        entry.findtext(f"{_ATOM}published") or entry.findtext(f"{_ATOM}updated")))
    for link, title, published in entries:
        if not link:
            continue
        link = link.strip()
        try:
            data = _fetch(link, timeout, max_bytes)
        except OSError as exc:
            yield SourceItem(link, None, f"cannot fetch article: {exc}", link, title)
            continue
        yield SourceItem(link, data, None, link, (title or "").strip() or None, _parse_date(published))
