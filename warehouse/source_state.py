"""What each source remembers between runs, so a run fetches and reads only what is new.

One small JSON file per source under `$PARLEY_HOME/sources/`: the ETag / Last-Modified of what was fetched
(for conditional requests) and the feed entries already taken (by id or link); beside it, for a local
source, the size and modification time of the files already read (`warehouse/file_index.py`, Parquet).
Both are written atomically after the run has stored what it read, so a run that dies mid-way fetches the
same things again next time (the raw zone deduplicates them).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from warehouse.file_index import FileIndex

# A feed's entries remembered per source: far more than any feed lists at once.
MAX_SEEN = 20_000
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class SourceState:
    validators: dict[str, dict[str, str]] = field(default_factory=dict)  # url -> etag / last-modified
    seen: dict[str, str] = field(default_factory=dict)  # feed entry key -> when first taken (ISO)
    files: FileIndex = field(default_factory=FileIndex)  # a local source's files read before

    def to_json(self) -> str:
        seen = dict(sorted(self.seen.items(), key=lambda kv: kv[1])[-MAX_SEEN:])
        return json.dumps({"validators": self.validators, "seen": seen}, sort_keys=True)


def state_path(state_dir: Path, source_name: str) -> Path:
    return state_dir / f"{_SAFE.sub('_', source_name)}.json"


def files_path(state_dir: Path, source_name: str) -> Path:
    return state_dir / f"{_SAFE.sub('_', source_name)}.files.parquet"


def load_state(state_dir: Path, source_name: str) -> SourceState:
    """The source's memory; a missing or unreadable file is an empty memory (everything is read again). A
    state written before the file index had its own file keeps its files in the JSON: they are taken over."""
    index = files_path(state_dir, source_name)
    try:
        data = json.loads(state_path(state_dir, source_name).read_text(encoding="utf-8"))
        legacy = None if index.is_file() else dict(data.get("files") or {})
        return SourceState(dict(data.get("validators", {})), dict(data.get("seen", {})), FileIndex(index, legacy))
    except (OSError, ValueError, AttributeError, TypeError):
        return SourceState(files=FileIndex(index))


def save_state(state_dir: Path, source_name: str, state: SourceState) -> None:
    state_dir.mkdir(parents=True, exist_ok=True)
    path = state_path(state_dir, source_name)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(state.to_json(), encoding="utf-8")
    os.replace(tmp, path)
    if state.files.touched:
        state.files.save(files_path(state_dir, source_name))
