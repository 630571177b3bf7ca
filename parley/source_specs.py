"""What a source is, as the configuration declares it: kind, where, and its options.

A `[[sources]]` table of parley.toml names its kind by the key that holds its location:

    [[sources]]
    name = "ministry-feed"          # optional; used for its watermark and in reports
    feed = "https://example.org/rss"
    max_entries = 50                # optional: the newest 50 entries per run

Kinds: `folder` (its .txt/.html files), `glob` (a file pattern), `jsonl` (JSON Lines), `feed` (RSS 0.9x,
1.0, 2.0 or Atom; the pages its entries link to are fetched) and `page` (one web page). A `--source`
given on the command line is a location whose kind is worked out from its form.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

KINDS = ("folder", "glob", "jsonl", "feed", "page")
_OPTIONS = {"name", "max_entries", "enabled"}
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
_GLOB_CHARS = re.compile(r"[*?\[]")
_NAME = re.compile(r"[^a-z0-9]+")


class SourceSpecError(ValueError):
    """A source declaration Parley cannot use; the message says which one and how to fix it."""


@dataclass(frozen=True)
class SourceSpec:
    kind: str
    location: str
    name: str
    max_entries: int | None = None
    enabled: bool = True

    @property
    def remote(self) -> bool:
        return self.kind in ("feed", "page")

    @classmethod
    def from_location(cls, location: str) -> SourceSpec:
        """A location named on the command line: a URL is a feed, a pattern a glob, a .jsonl file JSON Lines."""
        loc = location.strip()
        if loc.startswith(("http://", "https://")):
            kind = "feed"
        elif _GLOB_CHARS.search(loc):
            kind = "glob"
        elif loc.lower().endswith(_JSONL_SUFFIXES):
            kind = "jsonl"
        else:
            kind = "folder"
        return cls(kind, loc, default_name(kind, loc))


def default_name(kind: str, location: str) -> str:
    """A readable, stable name: the location's last part plus a short hash of the whole (two feeds both
    called /rss stay apart)."""
    tail = _NAME.sub("-", location.rstrip("/").rsplit("/", 1)[-1].lower()).strip("-")[:40] or kind
    return f"{kind}-{tail}-{hashlib.sha256(location.encode()).hexdigest()[:8]}"


def _one(table: Any, n: int) -> SourceSpec:
    where = f"sources[{n}]"
    if not isinstance(table, dict):
        raise SourceSpecError(f"{where} must be a table ([[sources]]), got {table!r}")
    kinds = [k for k in KINDS if k in table]
    if len(kinds) != 1:
        raise SourceSpecError(f"{where} must have exactly one of {', '.join(KINDS)} (the key names the kind, "
                              f"its value the location); it has {kinds or 'none'}")
    unknown = set(table) - set(KINDS) - _OPTIONS
    if unknown:
        raise SourceSpecError(f"{where}: unknown option(s) {', '.join(sorted(unknown))}; known: "
                              f"{', '.join(sorted(_OPTIONS))}")
    kind, location = kinds[0], table[kinds[0]]
    if not isinstance(location, str) or not location.strip():
        raise SourceSpecError(f"{where}: {kind} must be a path or URL as text")
    if kind in ("feed", "page") and not location.startswith(("http://", "https://")):
        raise SourceSpecError(f"{where}: a {kind} is an http or https URL, got {location!r}")
    max_entries = table.get("max_entries")
    if max_entries is not None and (not isinstance(max_entries, int) or max_entries < 1):
        raise SourceSpecError(f"{where}: max_entries must be a whole number of at least 1")
    enabled = table.get("enabled", True)
    if not isinstance(enabled, bool):
        raise SourceSpecError(f"{where}: enabled must be true or false")
    name = table.get("name") or default_name(kind, location)
    if not isinstance(name, str):
        raise SourceSpecError(f"{where}: name must be text")
    return SourceSpec(kind, location.strip(), name, max_entries, enabled)


def parse_sources(value: Any) -> tuple[SourceSpec, ...]:
    """The `sources` of parley.toml, validated: each has one kind, and names are unique."""
    if not isinstance(value, list):
        raise SourceSpecError("sources must be a list of [[sources]] tables")
    specs = tuple(_one(t, n) for n, t in enumerate(value))
    names = [s.name for s in specs]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise SourceSpecError(f"source name(s) used twice: {', '.join(dupes)}; give each source its own name")
    return specs


def resolve(locations: list[str] | None, configured: tuple[SourceSpec, ...]) -> list[SourceSpec]:
    """The sources of one run: each location given, as configured when it names a configured source (by
    name or location, so its options apply); the enabled configured sources when none is given."""
    if not locations:
        return [s for s in configured if s.enabled]
    by_key = {s.name: s for s in configured} | {s.location: s for s in configured}
    return [by_key.get(loc) or SourceSpec.from_location(loc) for loc in locations]
