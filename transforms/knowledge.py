"""The extractor's knowledge, read from versioned data files in `transforms/knowledge/`.

Users extend Parley by editing these files (or pointing `PARLEY_KNOWLEDGE_DIR`
at a copy), never by editing Python. Loaded once per process.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DIR = Path(__file__).parent / "knowledge"


@dataclass(frozen=True)
class RegistryOrg:
    name: str
    acronym: str | None
    aliases: tuple[str, ...]
    org_type: str | None
    country: str | None
    parent: str | None


@dataclass(frozen=True)
class Domain:
    name: str
    parent: str
    synonyms: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Knowledge:
    organisations: tuple[RegistryOrg, ...]
    honorifics: tuple[str, ...]
    ranks: tuple[str, ...]
    title_words: frozenset[str]
    titles: frozenset[str]
    org_heads: frozenset[str]
    weak_org_heads: frozenset[str]
    not_organisation_words: tuple[str, ...]
    leading_words: frozenset[str]
    title_organisations: tuple[tuple[str, str], ...]
    org_cues: tuple[str, ...]
    org_families: tuple[tuple[str, str, str, str], ...]
    not_organisations: frozenset[str]
    places: tuple[str, ...]
    countries: dict[str, str]  # form -> country
    agreement_types: tuple[tuple[str, str], ...]
    agreement_verbs: tuple[str, ...]
    negations: tuple[str, ...]
    meeting_types: tuple[tuple[str, str], ...]
    meeting_verbs: tuple[str, ...]
    meeting_verb_triggers: tuple[tuple[str, str], ...]
    chair_cues: tuple[tuple[str, str, str], ...]
    transfer_cues: tuple[str, ...]
    not_domains: tuple[str, ...]
    spelling_variants: tuple[tuple[str, str], ...]
    state_heads: frozenset[str]
    words_before_general: frozenset[str]
    domains: tuple[Domain, ...]
    version: str


def _lines(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]


def _tsv(path: Path, header: bool = True) -> list[list[str]]:
    rows = [ln.split("\t") for ln in _lines(path)]
    return rows[1:] if header else rows


def load_knowledge(directory: Path | None = None) -> Knowledge:
    d = Path(directory or os.environ.get("PARLEY_KNOWLEDGE_DIR") or DEFAULT_DIR)
    digest = hashlib.sha256()
    for p in sorted(d.iterdir()):
        if p.is_file():
            digest.update(p.name.encode() + p.read_bytes())
    orgs = []
    for ln in _lines(d / "organisations.jsonl"):
        o = json.loads(ln)
        orgs.append(RegistryOrg(o["name"], o.get("acronym"), tuple(o.get("aliases") or ()), o.get("org_type"),
                                o.get("country"), o.get("parent")))
    countries: dict[str, str] = {}
    for row in _tsv(d / "countries.txt", header=False):
        for form in row[1].split(";"):
            countries[form.strip()] = row[0].strip()
    domains = tuple(
        Domain(r[0].strip(), r[1].strip(), tuple(s.strip() for s in r[2].split(";") if s.strip()))
        for r in _tsv(d / "domains.tsv")
    )
    return Knowledge(
        organisations=tuple(orgs),
        honorifics=tuple(_lines(d / "honorifics.txt")),
        ranks=tuple(_lines(d / "ranks.txt")),
        title_words=frozenset(_lines(d / "title_words.txt")),
        titles=frozenset(_lines(d / "titles.txt")),
        org_heads=frozenset(_lines(d / "org_heads.txt")),
        weak_org_heads=frozenset(_lines(d / "org_heads_weak.txt")),
        not_organisation_words=tuple(_lines(d / "not_organisation_words.txt")),
        leading_words=frozenset(_lines(d / "leading_words.txt")),
        title_organisations=tuple((r[0], r[1]) for r in _tsv(d / "title_organisations.tsv")),
        org_cues=tuple(_lines(d / "org_cues.txt")),
        org_families=tuple((r[0], r[1], r[2], r[3]) for r in _tsv(d / "org_families.tsv")),
        not_organisations=frozenset(x.lower() for x in _lines(d / "not_organisations.txt")),
        places=tuple(_lines(d / "places.txt")),
        countries=countries,
        agreement_types=tuple((r[0], r[1]) for r in _tsv(d / "agreement_types.tsv")),
        agreement_verbs=tuple(_lines(d / "agreement_verbs.txt")),
        negations=tuple(_lines(d / "event_negations.txt")),
        meeting_types=tuple((r[0], r[1]) for r in _tsv(d / "meeting_types.tsv")),
        meeting_verbs=tuple(_lines(d / "meeting_verbs.txt")),
        meeting_verb_triggers=tuple((r[0], r[1]) for r in _tsv(d / "meeting_verb_triggers.tsv")),
        chair_cues=tuple((r[0], r[1], r[2]) for r in _tsv(d / "chair_cues.txt", header=False)),
        transfer_cues=tuple(_lines(d / "transfer_cues.txt")),
        not_domains=tuple(_lines(d / "not_domains.txt")),
        spelling_variants=tuple((r[0].strip(), r[1].strip()) for r in _tsv(d / "spelling_variants.tsv")),
        state_heads=frozenset(_lines(d / "state_heads.txt")),
        words_before_general=frozenset(_lines(d / "words_before_general.txt")),
        domains=domains,
        version=digest.hexdigest()[:12],
    )


def knowledge(directory: str | None = None) -> Knowledge:
    """The knowledge in force: `directory`, else `PARLEY_KNOWLEDGE_DIR`, else the files shipped here."""
    return _cached(str(directory or os.environ.get("PARLEY_KNOWLEDGE_DIR") or DEFAULT_DIR))


@functools.lru_cache(maxsize=8)
def _cached(directory: str) -> Knowledge:
    return load_knowledge(Path(directory))


def phrase_regex(phrases: list[str] | tuple[str, ...], ignore_case_min_len: int = 0) -> re.Pattern[str]:
    """One alternation of whole-word phrases, longest first; all-capital phrases match case-sensitively."""
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        esc = re.escape(p).replace(r"\ ", r"\s+")
        # All-capital and capitalised entries ("MOU", "Meet") match only as written.
        if p.isupper() or p[:1].isupper() or len(p) < ignore_case_min_len:
            parts.append(f"(?-i:{esc})")
        else:
            parts.append(esc)
    return re.compile(r"(?i)(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")
