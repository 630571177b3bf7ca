"""What a published version was built from, so a run with nothing new can stop before modelling.

The zones are append-only and every write is a new part file with a unique name, so the names of the
raw, extraction and quarantine parts say exactly what modelling would read. With the extractor version
(rules and knowledge), the code that models, gates and publishes, and the gate's settings, they decide
the warehouse: the same fingerprint as the live version means a rebuild would give the same tables and
the same verdict. A run with nothing new then costs a directory listing, not a rebuild of 100,000
articles' star schema and a gate over it.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from parley.settings import Settings
from transforms.extract import MODELLING_MODULES

# The packages whose code turns records into the published warehouse (the rest of transforms/ is in the
# extractor version).
_CODE = ("flows", "expectations", "schemas", "warehouse")


_ROOT = Path(__file__).resolve().parents[1]


def code_files() -> list[Path]:
    """The code between the stored records and the published warehouse."""
    modelling = [_ROOT / "transforms" / m for m in MODELLING_MODULES]
    return [*modelling, *(p for package in _CODE for p in sorted((_ROOT / package).rglob("*.py")))]


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    h = hashlib.sha256()
    for p in code_files():
        h.update(str(p.relative_to(_ROOT)).encode() + p.read_bytes())
    return h.hexdigest()[:16]


def inputs_fingerprint(settings: Settings, extractor_version: str) -> str:
    """A hash of everything the next version would be built from."""
    h = hashlib.sha256(f"{extractor_version}|{code_digest()}".encode())
    h.update(f"|{settings.min_row_ratio}|{settings.min_rows_for_collapse_check}".encode())
    if settings.lake_catalog:  # a lake configured since the live version was built: write it there too
        h.update(f"|lake:{settings.lake_catalog}|{settings.lake_data}".encode())
    for zone in (settings.raw_dir, settings.extracted_dir, settings.quarantine_dir):
        names = sorted(p.name for p in zone.glob("part-*.parquet")) if zone.is_dir() else []
        h.update(f"|{zone.name}:".encode() + ",".join(names).encode())
    return h.hexdigest()
