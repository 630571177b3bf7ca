"""The extractor's knowledge, read from versioned data files in `transforms/knowledge/`.

Users extend Parley by editing these files (or pointing `PARLEY_KNOWLEDGE_DIR`
at a copy), never by editing Python. Loaded once per process.
"""

from __future__ import annotations

import calendar
import functools
import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from schemas import BY_NAME, Table
from schemas.tables import ORG_TYPES
from transforms.decision_model import MODEL_FILE, DecisionModel, event_feature_names, load_decisions, role_feature_names
from transforms.errors import KnowledgeError
from transforms.gazetteer import (
    EVENT_PLACE_MIN_POPULATION,
    country_names,
    country_words,
    merge_countries,
    package_capitals,
    package_city_countries,
    package_places,
    package_regions,
    package_versions,
)
from transforms.patterns import Patterns, WordSets, load_patterns, load_word_sets
from transforms.specs import EventSpec, load_spec_file

DEFAULT_DIR = Path(__file__).parent / "knowledge"
# Month names and their abbreviations (with "Sept"), from the calendar rather than a hand list.
MONTH_NAMES = tuple(dict.fromkeys([*(m for m in calendar.month_name if m), *(m for m in calendar.month_abbr if m),
                                   "Sept"]))


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
    org_head_types: dict[str, str]
    not_organisation_words: tuple[str, ...]
    leading_words: frozenset[str]
    title_organisations: tuple[tuple[str, str], ...]
    org_cues: tuple[str, ...]
    org_families: tuple[tuple[str, str, str, str], ...]
    not_organisations: frozenset[str]
    places: tuple[str, ...]
    event_places: frozenset[str]  # where events happen: `places` and the world's cities (gazetteer.py)
    regions: dict[str, str]  # states and provinces (gazetteer.py) -> their country: "Kerala" -> "India"
    countries: dict[str, str]  # form -> country
    country_words: frozenset[str]  # words of country forms that are never part of a person's name
    country_names: dict[str, tuple[str, ...]]  # country -> the names it goes by ("Turkey", "Türkiye")
    capitals: dict[str, str]  # capital -> country ("New Delhi and Moscow signed": the two governments)
    city_countries: dict[str, str]  # city -> country ("Pune, June 5:" is a story from India)
    transfer_cues: tuple[str, ...]
    not_domains: tuple[str, ...]
    spelling_variants: tuple[tuple[str, str], ...]
    state_heads: frozenset[str]
    words_before_general: frozenset[str]
    boilerplate_lines: tuple[str, ...]
    section_ends: frozenset[str]
    english_words: frozenset[str]
    domains: tuple[Domain, ...]
    events: tuple[EventSpec, ...]
    tables: Mapping[str, Table]  # the table declarations the event specs were checked against
    patterns: Patterns
    words: WordSets
    decisions: DecisionModel | None  # learned decisions (events kept, roles filled); None: the rules decide
    version: str

    def event(self, name: str) -> EventSpec:
        for spec in self.events:
            if spec.name == name:
                return spec
        raise KeyError(f"no event spec named {name!r} in the knowledge folder's events/")


def _rows(path: Path) -> list[tuple[int, str]]:
    """(line number, stripped line) of every entry: blank lines and `#` comments are skipped."""
    if not path.is_file():
        raise KnowledgeError(f"{path}: missing; copy it from transforms/knowledge/ into PARLEY_KNOWLEDGE_DIR")
    return [(i, ln.strip()) for i, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if ln.strip() and not ln.lstrip().startswith("#")]


def _unique(path: Path, keyed: list[tuple[int, str, object]]) -> None:
    first: dict[str, int] = {}
    for line, key, _ in keyed:
        if key in first:
            raise KnowledgeError(f"{path}:{line}: duplicate entry {key!r} (first on line {first[key]}); remove one")
        first[key] = line


def _lines(path: Path) -> list[str]:
    rows = _rows(path)
    _unique(path, [(i, ln, None) for i, ln in rows])
    return [ln for _, ln in rows]


def _tsv(path: Path, columns: int, header: bool = True) -> list[list[str]]:
    """Rows of a tab-separated file, each checked for its number of columns and a unique first column."""
    rows = _rows(path)[1:] if header else _rows(path)
    out = []
    for i, ln in rows:
        cells = [c.strip() for c in ln.split("\t")]
        if len(cells) != columns:
            raise KnowledgeError(f"{path}:{i}: expected {columns} tab-separated columns, found {len(cells)}")
        out.append((i, cells))
    _unique(path, [(i, c[0], None) for i, c in out])
    return [c for _, c in out]


def _allowed(path: Path, rows: list[list[str]], column: int, allowed: tuple[str, ...]) -> None:
    for r in rows:
        if r[column] not in allowed:
            raise KnowledgeError(f"{path}: {r[0]!r} has type {r[column]!r}; use one of {', '.join(allowed)}")


def _registry(path: Path) -> tuple[RegistryOrg, ...]:
    orgs: list[RegistryOrg] = []
    names: dict[str, int] = {}
    for i, ln in _rows(path):
        try:
            o = json.loads(ln)
        except json.JSONDecodeError as exc:
            raise KnowledgeError(f"{path}:{i}: not a JSON object ({exc.msg})") from None
        if not isinstance(o, dict) or not isinstance(o.get("name"), str):
            raise KnowledgeError(f"{path}:{i}: each line needs a \"name\"")
        if o["name"] in names:
            raise KnowledgeError(f"{path}:{i}: duplicate organisation {o['name']!r} (first on line {names[o['name']]})")
        names[o["name"]] = i
        if o.get("org_type") is not None and o["org_type"] not in ORG_TYPES:
            raise KnowledgeError(f"{path}:{i}: org_type {o['org_type']!r} is not one of {', '.join(ORG_TYPES)}")
        orgs.append(RegistryOrg(o["name"], o.get("acronym"), tuple(o.get("aliases") or ()), o.get("org_type"),
                                o.get("country"), o.get("parent")))
    return tuple(orgs)


def _events(d: Path, irregular: dict[str, str], tables: Mapping[str, Table]) -> tuple[EventSpec, ...]:
    folder = d / "events"
    specs = tuple(
        load_spec_file(p, read_pairs=lambda f: [(r[0], r[1]) for r in _tsv(d / f, 2)],
                       read_list=lambda f: _lines(d / f), irregular=irregular, tables=tables)
        for p in sorted(folder.glob("*.toml")))
    if not specs:
        raise KnowledgeError(f"{folder}: no event specs (*.toml); copy them from transforms/knowledge/events/")
    return specs


def all_event_types(specs: tuple[EventSpec, ...]) -> tuple[str, ...]:
    """Every type any spec can give an event, in the specs' order."""
    return tuple(dict.fromkeys(t for s in specs for t in (*(t for _, t in s.types), *(t for _, t in s.verb_types),
                                                          *s.special_types.values())))


def _decisions(d: Path, words: WordSets, specs: tuple[EventSpec, ...]) -> DecisionModel | None:
    return load_decisions(d / MODEL_FILE, role_feature_names(words.sets["role_context_words"]),
                          event_feature_names(words.sets["event_context_words"], all_event_types(specs)))


def load_knowledge(directory: Path | None = None, tables: Mapping[str, Table] | None = None) -> Knowledge:
    """Every knowledge file, validated. `tables` are the declarations event specs may fill (the
    published ones by default; a test may add its own)."""
    tables = tables or BY_NAME
    d = Path(directory or os.environ.get("PARLEY_KNOWLEDGE_DIR") or DEFAULT_DIR)
    if not d.is_dir():
        raise KnowledgeError(f"{d}: knowledge folder not found; set PARLEY_KNOWLEDGE_DIR to a copy of "
                             "transforms/knowledge/")
    digest = hashlib.sha256()
    for p in sorted(d.rglob("*")):
        if p.is_file():
            digest.update(str(p.relative_to(d)).encode() + p.read_bytes())
    digest.update(package_versions().encode())
    curated = [(row[0].strip(), [f.strip() for f in row[1].split(";") if f.strip()])
               for row in _tsv(d / "countries.txt", 2, header=False)]
    countries = merge_countries(curated, set(_lines(d / "country_forms_not_used.txt")))
    domains = tuple(
        Domain(r[0].strip(), r[1].strip(), tuple(s.strip() for s in r[2].split(";") if s.strip()))
        for r in _tsv(d / "domains.tsv", 3)
    )
    heads = _tsv(d / "org_heads.tsv", 3)
    _allowed(d / "org_heads.tsv", heads, 1, (*ORG_TYPES, "-"))
    _allowed(d / "org_heads.tsv", heads, 2, ("strong", "weak"))
    irregular = {r[0]: r[1] for r in _tsv(d / "irregular_verbs.tsv", 2)}
    words = load_word_sets(d / "word_sets.toml")
    families = tuple((r[0], r[1], r[2], r[3]) for r in _tsv(d / "org_families.tsv", 4))
    org_cues = tuple(_lines(d / "org_cues.txt"))
    not_org_words = tuple(_lines(d / "not_organisation_words.txt"))
    places = tuple(_lines(d / "places.txt"))
    title_words = tuple(_lines(d / "title_words.txt"))
    titles = tuple(_lines(d / "titles.txt"))
    place_forms_not_used = frozenset(_lines(d / "place_forms_not_used.txt"))
    embeddable = {"month_names": MONTH_NAMES, "month_names_upper": tuple(m.upper() for m in MONTH_NAMES),
                  "weekday_names": tuple(d.lower() for d in calendar.day_name),
                  "org_cues": org_cues, "org_family_acronyms": tuple(f[0] for f in families),
                  "org_family_names": tuple(f[1] for f in families),
                  "not_organisation_words": not_org_words, "places": places, "title_words": title_words,
                  "titles": titles}
    specs = _events(d, irregular, tables)
    return Knowledge(
        organisations=_registry(d / "organisations.jsonl"),
        honorifics=tuple(_lines(d / "honorifics.txt")),
        ranks=tuple(_lines(d / "ranks.txt")),
        title_words=frozenset(title_words),
        titles=frozenset(titles),
        org_heads=frozenset(r[0] for r in heads),
        weak_org_heads=frozenset(r[0] for r in heads if r[2] == "weak"),
        org_head_types={r[0]: r[1] for r in heads if r[1] != "-"},
        not_organisation_words=not_org_words,
        leading_words=frozenset(_lines(d / "leading_words.txt")) | words.company_kinds,
        title_organisations=tuple((r[0], r[1]) for r in _tsv(d / "title_organisations.tsv", 2)),
        org_cues=org_cues,
        org_families=families,
        not_organisations=frozenset(x.lower() for x in _lines(d / "not_organisations.txt")),
        places=places,
        event_places=frozenset(places) | package_places(place_forms_not_used, EVENT_PLACE_MIN_POPULATION),
        regions={r: countries.get(c, c) for r, c in package_regions() if r not in place_forms_not_used
                 and r not in countries},
        countries=countries,
        country_words=country_words(curated, countries) - frozenset(words.sets["country_words_also_names"]),
        country_names=country_names(curated, countries, words.sets["country_adjective_endings"]),
        capitals={cap: countries[name] for cap, name in package_capitals(place_forms_not_used) if name in countries},
        city_countries={city: countries[name] for city, name in package_city_countries(place_forms_not_used)
                        if name in countries},
        transfer_cues=tuple(_lines(d / "transfer_cues.txt")),
        not_domains=tuple(_lines(d / "not_domains.txt")),
        spelling_variants=tuple((r[0].strip(), r[1].strip()) for r in _tsv(d / "spelling_variants.tsv", 2)),
        state_heads=frozenset(_lines(d / "state_heads.txt")),
        words_before_general=frozenset(_lines(d / "words_before_general.txt")),
        boilerplate_lines=tuple(x.lower() for x in _lines(d / "boilerplate_lines.txt")),
        section_ends=frozenset(x.lower() for x in _lines(d / "section_ends.txt")),
        english_words=frozenset(_lines(d / "english_words.txt")),
        domains=domains,
        events=specs,
        tables=tables,
        patterns=load_patterns(d / "patterns.toml", words, embeddable),
        words=words,
        decisions=_decisions(d, words, specs),
        version=digest.hexdigest()[:12],
    )


def knowledge(directory: str | None = None) -> Knowledge:
    """The knowledge in force: `directory`, else `PARLEY_KNOWLEDGE_DIR`, else the files shipped here."""
    return _cached(str(directory or os.environ.get("PARLEY_KNOWLEDGE_DIR") or DEFAULT_DIR))


@functools.lru_cache(maxsize=8)
def _cached(directory: str) -> Knowledge:
    return load_knowledge(Path(directory))
