"""The extractor's entry point and version: `extract_article` runs the pipeline (`pipeline.py`).

The record is what the extraction store keeps per article (by content hash and extractor version);
modelling the star schema reads only these records.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from pathlib import Path

from transforms.knowledge import Knowledge, knowledge
from transforms.pipeline import extract
from transforms.record import ArticleRecord
from transforms.webpage import reader_version

RULES_VERSION = "2"

# Modules that turn stored records into star-schema rows and take no part in extraction: a change to them
# rebuilds the warehouse (they are in the run's fingerprint, `flows/fingerprint.py`), not the records.
MODELLING_MODULES = ("model.py", "event_resolution.py", "org_resolution.py", "official_versions.py", "state_store.py")


def rule_files() -> list[Path]:
    """The extractor's code: every module of transforms/ but the modelling ones."""
    root = Path(__file__).parent
    return [p for p in sorted(root.rglob("*.py")) if not (p.parent == root and p.name in MODELLING_MODULES)]


@functools.lru_cache(maxsize=1)
def _rules_digest() -> str:
    """A hash of the rule modules themselves and of the web-page reader's version, so any change to a rule,
    or a new reader, is a new extractor version (pages are read again from the raw zone's HTML)."""
    h = hashlib.sha256(reader_version().encode())
    root = Path(__file__).parent
    for p in rule_files():
        h.update(str(p.relative_to(root)).encode() + p.read_bytes())
    return h.hexdigest()[:8]


def extractor_version(k: Knowledge | None = None) -> str:
    """Rules version, rules code and knowledge files: records made by another version are re-derived."""
    return f"{RULES_VERSION}.{_rules_digest()}-{(k or knowledge()).version}"


def extract_article(text: str, published: dt.date | None, k: Knowledge | None = None) -> ArticleRecord:
    return extract(text, published, k)
