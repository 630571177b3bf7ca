"""Where raw articles come from: a folder of files, a JSON Lines file, or an RSS/Atom feed URL.

Each source yields `SourceItem`s lazily (bytes plus what the source says
about them), so a run never holds a whole corpus in memory.
"""

from __future__ import annotations

import datetime as dt
import json
import stat
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin

from flows.fetch import Fetcher, origin


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


def iter_source(source: str, max_bytes: int, timeout: float = 20.0,
                allow_hosts: frozenset[str] = frozenset()) -> Iterator[SourceItem]:
    check_source(source)
    if source.startswith(("http://", "https://")):
        yield from _feed(source, Fetcher(timeout, max_bytes, allow_hosts))
        return
    p = Path(source)
    if p.is_dir():
        yield from _folder(p, max_bytes)
    else:
        yield from _jsonl(p)


def _unsafe(f: Path, folder: Path) -> str | None:
    """Why a folder entry must not be read: a link leading out of the source folder, or not a regular file
    (a FIFO would block the run, a device never ends)."""
    try:
        if f.is_symlink() and not f.resolve().is_relative_to(folder.resolve()):
            return f"a symbolic link to {f.resolve()}, outside the source folder; not read"
        mode = f.stat().st_mode
    except OSError as exc:
        return f"cannot read file: {exc.strerror or exc}"
    return None if stat.S_ISREG(mode) else "not a regular file (a FIFO, device or folder); not read"


def _folder(p: Path, max_bytes: int) -> Iterator[SourceItem]:
    """Every `.txt` file of the folder (any case: `STORY.TXT` too), in name order."""
    for f in sorted(x for x in p.iterdir() if x.suffix.lower() == ".txt"):
        uri = str(f.absolute())
        problem = _unsafe(f, p)
        if problem:
            yield SourceItem(uri, None, problem)
            continue
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


def _text(value: object) -> str | None:
    """A metadata field as text: a number or list given as a title is written as it reads."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else str(value)


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
            yield SourceItem(uri, text.encode("utf-8"), None, _text(obj.get("url")), _text(obj.get("title")),
                             _parse_date(obj.get("published_date") or obj.get("date") or obj.get("published")))


_ATOM = "{http://www.w3.org/2005/Atom}"


def _entries(root: ET.Element) -> list[tuple[str | None, str | None, str | None]]:
    out = []
    for item in root.iter("item"):  # RSS 2.0
        out.append((item.findtext("link"), item.findtext("title"), item.findtext("pubDate")))
    for entry in root.iter(f"{_ATOM}entry"):
        link = entry.find(f"{_ATOM}link")
        out.append((link.get("href") if link is not None else None, entry.findtext(f"{_ATOM}title"),
                    entry.findtext(f"{_ATOM}published") or entry.findtext(f"{_ATOM}updated")))
    return out


def _feed(url: str, fetcher: Fetcher) -> Iterator[SourceItem]:
    """The pages a feed links to. A feed that cannot be read, and each entry that cannot be fetched, is
    one quarantined item with its reason: neither stops the other sources or entries."""
    try:
        root = ET.fromstring(Fetcher(fetcher.timeout, 50 * fetcher.max_bytes, fetcher.allow_hosts).fetch(url))
    except (OSError, ET.ParseError, ValueError) as exc:
        yield SourceItem(url, None, f"cannot read feed: {exc}")
        return
    for link, title, published in _entries(root):
        if not link or not link.strip():
            continue
        link = urljoin(url, link.strip())  # a relative link is relative to the feed
        try:
            data = fetcher.fetch(link, trusted=origin(url))
        except (OSError, ValueError) as exc:
            yield SourceItem(link, None, f"cannot fetch article: {exc}", link, title)
            continue
        yield SourceItem(link, data, None, link, (title or "").strip() or None, _parse_date(published))
