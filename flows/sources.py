"""Where raw articles come from: folders, file patterns, JSON Lines, RSS/Atom feeds and web pages.

Local sources yield `SourceItem`s lazily (bytes plus what the source says about them), so a run never
holds a whole corpus in memory, and skip files unchanged since the last run (the source's state). A
remote source is fetched as a whole by `fetch_remote`: the feed conditionally (a 304 costs nothing), then
only the entries it has not taken before, politely (`flows/fetch.py`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import glob
import itertools
import json
import os
import stat
import tempfile
import time
import weakref
from collections.abc import Generator, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TypeGuard

import pyarrow as pa

from flows.fetch import Fetcher, FetchFailed, FetchPolicy, FetchRefused, Response, origin
from parley.source_specs import SourceSpec
from transforms.feeds import FeedEntry, NotAFeed, parse_feed
from transforms.webpage import looks_like_html_page
from warehouse.file_index import SCHEMA as LISTING_SCHEMA
from warehouse.file_index import Mark, listing_batches
from warehouse.source_state import SourceState

# File names a folder source reads (any case: STORY.TXT too).
HTML_SUFFIXES = (".html", ".htm")
FOLDER_SUFFIXES = (".txt", *HTML_SUFFIXES)
# Feed documents may be far larger than one article.
FEED_SIZE_FACTOR = 50
# Pages of one feed fetched at once (each host still gets at most `host_concurrency`).
FETCH_WORKERS = 4
# How long a listing handed over by the check for anything new stays good for the flow that follows it.
HANDOVER_SECONDS = 60.0


class SourceError(ValueError):
    """A source that cannot be used at all; the message says what to pass instead."""


@dataclass(frozen=True)
class SourceItem:
    uri: str
    data: bytes | None
    error: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    size: int | None = None  # the whole input's size where known (a file over the limit is read only in part)
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    source: str = ""  # the source's name
    retry_later: bool = False  # a failure that may pass (a timeout, a 5xx): asked for again next run
    unchanged: bool = False  # a file read by an earlier run and not changed since: not read again


@dataclass
class RemoteResult:
    """What one remote source gave this run, and its memory for the next."""

    items: list[SourceItem]
    state: SourceState
    not_modified: bool = False
    skipped_seen: int = 0


def check_source(source: SourceSpec | str) -> None:
    spec = source if isinstance(source, SourceSpec) else SourceSpec.from_location(source)
    if spec.remote or spec.kind == "glob":
        return
    p = Path(spec.location).expanduser()
    if not p.exists():
        raise SourceError(f"source {spec.location!r} does not exist: pass a folder of .txt files, a .jsonl file, "
                          "a file pattern or a feed URL")
    if spec.kind == "folder" and p.is_file():
        raise SourceError(f"source {spec.location!r} is a file but not JSON Lines (.jsonl); pass its folder "
                          "instead")


def iter_local(spec: SourceSpec, max_bytes: int, state: SourceState | None = None) -> Generator[SourceItem]:
    """The items of a folder, glob or JSON Lines source, file by file in order of path; files unchanged since
    `state` was saved are skipped (and `state` learns the files read now). The listing is compared with the
    files read before in DuckDB (`FileIndex`): no list of the folder is held here. The listing is the one
    the check for anything new just made, if it handed one over (`hand_over`)."""
    check_source(spec)
    state = state if state is not None else SourceState()
    p = Path(spec.location).expanduser()
    listing = _handed.pop(spec, None)
    if not _fresh(listing):
        listing = list_local(spec)
    for path, mark, unchanged in state.files.compare(listing.drain()):
        if unchanged:
            yield SourceItem(path, None, source=spec.name, unchanged=True)
            continue
        f = Path(path)
        items = _jsonl(f) if spec.kind == "jsonl" else _file(f, _base(spec, p), max_bytes)
        again = False
        for item in items:
            again = again or item.retry_later
            yield dataclasses.replace(item, source=spec.name)
        if mark is not None and not again:  # a file that could not be read is read again next run
            state.files.mark_read(path, mark)
    for path in listing.misnamed:
        shown = os.fsencode(path).decode("utf-8", errors="backslashreplace")
        yield SourceItem(shown, None, "the file's name is not UTF-8: rename it to read it", source=spec.name)


@dataclass
class Listing:
    """A local source's files with their marks at one moment (`taken`, monotonic seconds), as Arrow batches in
    a file of their own: a folder of ten million files is a gigabyte of paths, kept on disk, not in memory.
    `misnamed`: the names that are not UTF-8, which can be stored nowhere and are set aside by the run."""

    file: Path
    misnamed: list[str]
    taken: float
    changed: int = 0  # files new or changed since read, as the check counted them

    def __post_init__(self) -> None:
        weakref.finalize(self, self.file.unlink, missing_ok=True)  # a listing nobody drained leaves no file

    def batches(self) -> Iterator[pa.RecordBatch]:
        """The batches, read from the file one at a time."""
        with pa.OSFile(str(self.file)) as source, pa.ipc.open_stream(source) as reader:
            yield from reader

    def drain(self) -> Iterator[pa.RecordBatch]:
        """The batches, once: the file goes after."""
        try:
            yield from self.batches()
        finally:
            self.discard()

    def discard(self) -> None:
        self.file.unlink(missing_ok=True)


def list_local(spec: SourceSpec) -> Listing:
    """The source's files now (a stat each), written batch by batch to a temporary file. Raises
    `SourceError`/`OSError` as reading the folder does."""
    check_source(spec)
    misnamed: list[str] = []
    taken = time.monotonic()
    fd, name = tempfile.mkstemp(prefix="parley-listing-", suffix=".arrows")
    os.close(fd)
    try:
        with pa.OSFile(name, "wb") as sink, pa.ipc.new_stream(sink, LISTING_SCHEMA) as writer:
            for batch in listing_batches(_listing(spec, Path(spec.location).expanduser(), misnamed)):
                writer.write_batch(batch)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Listing(Path(name), misnamed, taken)


_handed: dict[SourceSpec, Listing] = {}


def hand_over(spec: SourceSpec, listing: Listing) -> None:
    """Keeps the listing the check for anything new made, for the flow it starts in this process: a folder
    of 100,000 files is then listed once a run, not twice (a stat each: about half a second). A listing
    older than `HANDOVER_SECONDS` is made again; a file added meanwhile is read by the next run, and one
    changed meanwhile is read now and, its mark being the older one, compared again by the next."""
    _handed[spec] = listing


def _fresh(listing: Listing | None) -> TypeGuard[Listing]:
    return listing is not None and time.monotonic() - listing.taken <= HANDOVER_SECONDS


def changes_handed_over(specs: list[SourceSpec]) -> int:
    """How many files the check for anything new found new or changed in these sources (0 when it handed
    nothing over, as in a deployment's run): what the run is about to read, before it reads it."""
    listings = [_handed.get(spec) for spec in specs]
    return sum(listing.changed for listing in listings if _fresh(listing))


def _listing(spec: SourceSpec, p: Path, misnamed: list[str]) -> Iterator[tuple[str, Mark | None]]:
    """The source's files (absolute paths, as the run names them) with their marks, as the folder gives
    them (unsorted: DuckDB sorts them). A name that is not UTF-8 can be stored nowhere: it goes to
    `misnamed`, for the run to set aside with its reason."""
    for path, mark in _listed(spec, p):
        if _utf8(path):
            yield path, mark
        else:
            misnamed.append(path)


def _utf8(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _listed(spec: SourceSpec, p: Path) -> Iterator[tuple[str, Mark | None]]:
    if spec.kind == "jsonl":
        paths: Iterator[str] = iter([str(p.absolute())])
    elif spec.kind == "glob":
        paths = (str(Path(x).absolute()) for x in glob.iglob(str(p), recursive=True) if not os.path.isdir(x))
    else:
        folder = str(p.absolute())
        with os.scandir(folder) as entries:
            names = (e.name for e in entries if os.path.splitext(e.name)[1].lower() in FOLDER_SUFFIXES)
            yield from ((path, _file_mark(path)) for path in (os.path.join(folder, n) for n in names))
        return
    yield from ((path, _file_mark(path)) for path in paths)


def iter_source(source: SourceSpec | str, max_bytes: int, fetcher: Fetcher | None = None,
                state: SourceState | None = None) -> Iterator[SourceItem]:
    """Any source's items: a remote one is fetched whole first (see `fetch_remote`)."""
    spec = source if isinstance(source, SourceSpec) else SourceSpec.from_location(source)
    if spec.remote:
        fetcher = fetcher or Fetcher(FetchPolicy(max_bytes=max_bytes))
        yield from fetch_remote(spec, fetcher, state or SourceState()).items
    else:
        yield from iter_local(spec, max_bytes, state)


def _base(spec: SourceSpec, p: Path) -> Path:
    """The folder a file of the source must stay inside: the folder itself, or a pattern's fixed part."""
    if spec.kind != "glob":
        return p
    fixed = list(itertools.takewhile(lambda part: not any(c in part for c in "*?["), p.parts))
    return Path(*fixed) if fixed else Path(".")


def _file_mark(path: str) -> Mark | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _unsafe(f: Path, folder: Path) -> str | None:
    """Why a folder entry must not be read: a link leading out of the source folder, or not a regular file
    (a FIFO would block the run, a device never ends)."""
    try:
        if f.is_symlink() and not f.resolve().is_relative_to(folder.resolve()):
            return f"a symbolic link to {f.resolve()}, outside the source folder; not read"
        mode = f.stat().st_mode
    except OSError as exc:
        return f"cannot read file: {exc.strerror or exc}"  # (stat failed: no mark is recorded either)
    return None if stat.S_ISREG(mode) else "not a regular file (a FIFO, device or folder); not read"


def _file(f: Path, folder: Path, max_bytes: int) -> Iterator[SourceItem]:
    """One file of a folder or pattern: regular files only, no links out of its folder."""
    uri = str(f.absolute())
    problem = _unsafe(f, folder)
    if problem:
        yield SourceItem(uri, None, problem)
        return
    uri = str(f.resolve())
    try:
        size = f.stat().st_size
        with open(f, "rb") as fh:
            # Read one byte past the limit: enough to know it is too big without reading it all.
            data = fh.read(max_bytes + 1) if size > max_bytes else fh.read()
    except OSError as exc:
        yield SourceItem(uri, None, f"cannot read file: {exc.strerror or exc}", retry_later=True)
        return
    html = f.suffix.lower() in HTML_SUFFIXES
    yield SourceItem(uri, data, size=size, content_type="text/html" if html else None)


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


def fetch_remote(spec: SourceSpec, fetcher: Fetcher, state: SourceState) -> RemoteResult:
    """A feed's new entries (the pages behind them) or a page, fetched conditionally. Raises FetchFailed or
    FetchRefused when the feed or page itself cannot be had: the caller records that source as failed.
    An entry that cannot be fetched is one item with its reason; it does not stop the others."""
    state = SourceState(dict(state.validators), dict(state.seen), state.files)
    if spec.kind == "page":
        resp = fetcher.fetch(spec.location, validators=state.validators.get(spec.location))
        if resp.not_modified:
            return RemoteResult([], state, not_modified=True)
        state.validators[spec.location] = resp.validators
        return RemoteResult([_page_item(spec, spec.location, resp, None)], state)
    resp = fetcher.fetch(spec.location, validators=state.validators.get(spec.location),
                         max_bytes=FEED_SIZE_FACTOR * fetcher.policy.max_bytes)
    if resp.not_modified:
        return RemoteResult([], state, not_modified=True)
    if len(resp.body) > FEED_SIZE_FACTOR * fetcher.policy.max_bytes:
        raise FetchRefused(f"the feed is over {FEED_SIZE_FACTOR * fetcher.policy.max_bytes:,} bytes; not read")
    try:
        entries = parse_feed(resp.body, resp.url)
    except NotAFeed as exc:
        raise FetchRefused(str(exc)) from None
    unseen = [e for e in entries if e.key not in state.seen]
    new = unseen[: spec.max_entries]
    with ThreadPoolExecutor(FETCH_WORKERS) as pool:
        items = list(pool.map(lambda e: _entry_item(spec, fetcher, e, origin(spec.location)), new))
    now = dt.datetime.now(dt.UTC).isoformat()
    for entry, item in zip(new, items, strict=True):
        if not item.retry_later:
            state.seen[entry.key] = now  # taken, or refused for good: not asked for again
    state.validators[spec.location] = resp.validators
    return RemoteResult(items, state, skipped_seen=len(entries) - len(unseen))


def _entry_item(spec: SourceSpec, fetcher: Fetcher, entry: FeedEntry, trusted: tuple[str, str, int]) -> SourceItem:
    try:
        resp = fetcher.fetch(entry.link, trusted=trusted)
    except FetchFailed as exc:
        return SourceItem(entry.link, None, f"cannot fetch article: {exc}", entry.link, entry.title,
                          source=spec.name, retry_later=exc.retryable)
    except (OSError, ValueError) as exc:
        return SourceItem(entry.link, None, f"cannot fetch article: {exc}", entry.link, entry.title,
                          source=spec.name)
    return _page_item(spec, entry.link, resp, entry)


def _page_item(spec: SourceSpec, link: str, resp: Response, entry: FeedEntry | None) -> SourceItem:
    ctype = resp.headers.get("content-type") or ("text/html" if looks_like_html_page(resp.body) else None)
    return SourceItem(link, resp.body, None, resp.url, entry.title if entry else None,
                      entry.published if entry else None, content_type=ctype,
                      headers=resp.headers, source=spec.name)
