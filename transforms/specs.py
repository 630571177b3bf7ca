"""Event types as specifications: one TOML file per event type in `knowledge/events/`.

A spec names everything about an event type that is vocabulary or wiring: its trigger nouns and the
type each gives, its verbs (as lemmas; forms are generated), negation cues, the roles it has (who
is a party, a participant, a chair) with their cue phrases, whether it has one date or a span, the
fact table it fills and which bridge table each role goes to. The engine (`transforms/events/`),
cross-article resolution and the star builder read only the spec, so a new event type is a new spec
and its table declarations in `schemas/`, with no new Python.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from schemas import Table
from transforms.errors import KnowledgeError
from transforms.inflect import FORM_CLASSES, verb_forms

READERS = ("signing", "gathering")
RESOLUTIONS = ("signing", "gathering")
DATE_KINDS = ("single", "span")
ENTITIES = ("organisation", "official")
SIDES = ("after", "before")
FACT_FIELDS = ("id", "type", "name", "start", "end", "precision", "location", "summary")
# The roles each reader fills: a spec using the reader declares them (and may add cue-driven ones).
READER_ROLES = {"signing": ("party", "signatory"), "gathering": ("participant",)}
SPECIAL_TYPES = ("fallback", "contract", "transfer", "council", "bilateral", "dialogue", "review")
SUMMARY_OPTIONS = {"head": ("type", "name_or_type"), "parties": ("between", "list"), "date": ("signed", "on")}


class SpecError(KnowledgeError):
    """An event spec that cannot be used; the message names the file and what to change."""


@dataclass(frozen=True)
class RoleSpec:
    role: str
    entity: str  # organisation or official
    table: str  # the bridge table this role fills
    cues: tuple[tuple[str, str], ...] = ()  # (phrase, side where the filler stands)


@dataclass(frozen=True, eq=False)
class EventSpec:
    name: str
    doc: str
    reader: str
    resolution: str
    dates: str
    types: tuple[tuple[str, str], ...]  # trigger phrase -> type, first match wins
    verbs: tuple[str, ...]  # generated forms and fixed phrases
    negations: tuple[str, ...]
    verb_types: tuple[tuple[str, str], ...]  # verb phrase alone -> type ("met" -> bilateral meeting)
    not_for_other: tuple[str, ...]  # words that make an untyped mention something else
    fact_table: str
    fact_columns: Mapping[str, str]  # record field -> column
    articles_table: str
    summary: Mapping[str, str]
    roles: tuple[RoleSpec, ...]
    special_types: Mapping[str, str]  # the types some rules single out: fallback, contract, council ...

    def role(self, name: str) -> RoleSpec:
        for r in self.roles:
            if r.role == name:
                return r
        raise KeyError(f"event spec {self.name!r} has no role {name!r}")

    def roles_of(self, entity: str) -> tuple[RoleSpec, ...]:
        return tuple(r for r in self.roles if r.entity == entity)

    @property
    def id_column(self) -> str:
        return self.fact_columns["id"]


def _need(data: Mapping[str, Any], key: str, where: str, kind: type = str) -> Any:
    if key not in data:
        raise SpecError(f"{where}: missing `{key}`")
    value = data[key]
    if not isinstance(value, kind):
        raise SpecError(f"{where}: `{key}` must be a {kind.__name__}")
    return value


def _one_of(value: str, allowed: tuple[str, ...], where: str, key: str) -> str:
    if value not in allowed:
        raise SpecError(f"{where}: `{key}` is {value!r}; use one of {', '.join(allowed)}")
    return value


def _verbs(data: Mapping[str, Any], irregular: Mapping[str, str], where: str) -> tuple[str, ...]:
    lemmas: dict[str, list[str]] = {}
    for lemma, forms in data.get("verbs", {}).items():
        wanted = list(FORM_CLASSES) if forms.strip() == "all" else forms.split()
        for f in wanted:
            _one_of(f, FORM_CLASSES, where, f"verbs.{lemma}")
        lemmas[lemma] = wanted
    return tuple(dict.fromkeys([*verb_forms(lemmas, irregular), *data.get("phrases", [])]))


def _check_tables(spec: EventSpec, tables: Mapping[str, Table], where: str) -> None:
    """The spec's tables are declared, its columns exist and its types are the declared allowed ones."""
    for name in (spec.fact_table, spec.articles_table, *(r.table for r in spec.roles)):
        if name not in tables:
            raise SpecError(f"{where}: table {name!r} is not declared in schemas/")
    fact = tables[spec.fact_table]
    for field_name, column in spec.fact_columns.items():
        _one_of(field_name, FACT_FIELDS, where, "fact.columns")
        if column not in fact.column_names:
            raise SpecError(f"{where}: {spec.fact_table} has no column {column!r}")
    allowed = fact.column(spec.fact_columns["type"]).allowed
    for phrase, typ in (*spec.types, *spec.verb_types, *spec.special_types.items()):
        if allowed and typ not in allowed:
            raise SpecError(f"{where}: type {typ!r} (for {phrase!r}) is not one of {spec.fact_table}."
                            f"{spec.fact_columns['type']}'s allowed values: {', '.join(allowed)}")
    for r in spec.roles:
        bridge = tables[r.table]
        allowed_roles = bridge.column("role").allowed if "role" in bridge.column_names else None
        if allowed_roles and r.role not in allowed_roles:
            raise SpecError(f"{where}: role {r.role!r} is not allowed in {r.table}.role")


def _negations(triggers: Mapping[str, Any], read_list: Callable[[str], list[str]]) -> tuple[str, ...]:
    """The cue phrases of one or several files (the cues every event shares, and those of this kind alone)."""
    files = triggers.get("negations", ())
    return tuple(cue for name in ([files] if isinstance(files, str) else files) for cue in read_list(name))


def parse_spec(data: Mapping[str, Any], where: str, read_pairs: Callable[[str], list[tuple[str, str]]],
               read_list: Callable[[str], list[str]], irregular: Mapping[str, str],
               tables: Mapping[str, Table]) -> EventSpec:
    """A validated spec from parsed TOML; list and pair files are read through the knowledge loader."""
    triggers = _need(data, "triggers", where, dict)
    fact = _need(data, "fact", where, dict)
    roles = []
    for i, r in enumerate(data.get("roles", [])):
        rw = f"{where} roles[{i}]"
        cues = tuple((str(c[0]), _one_of(str(c[1]), SIDES, rw, "cues")) for c in r.get("cues", []))
        roles.append(RoleSpec(_need(r, "role", rw), _one_of(_need(r, "entity", rw), ENTITIES, rw, "entity"),
                              _need(r, "table", rw), cues))
    if not roles:
        raise SpecError(f"{where}: an event needs at least one [[roles]] entry")
    for key in data.get("special_types", {}):
        _one_of(key, SPECIAL_TYPES, where, "special_types")
    summary = dict(data.get("summary", {}))
    for key, allowed in SUMMARY_OPTIONS.items():
        summary.setdefault(key, allowed[0])
        _one_of(summary[key], allowed, where, f"summary.{key}")
    columns = _need(fact, "columns", where, dict)
    for key in ("id", "type"):
        if key not in columns:
            raise SpecError(f"{where}: fact.columns needs `{key}`")
    spec = EventSpec(
        name=_need(data, "name", where),
        doc=str(data.get("doc", "")),
        reader=_one_of(_need(data, "reader", where), READERS, where, "reader"),
        resolution=_one_of(_need(data, "resolution", where), RESOLUTIONS, where, "resolution"),
        dates=_one_of(_need(data, "dates", where), DATE_KINDS, where, "dates"),
        types=tuple(read_pairs(_need(triggers, "types", where))),
        verbs=_verbs(triggers, irregular, where),
        negations=_negations(triggers, read_list),
        verb_types=tuple(read_pairs(triggers["verb_types"])) if "verb_types" in triggers else (),
        not_for_other=tuple(triggers.get("not_for_other", ())),
        fact_table=_need(fact, "table", where),
        fact_columns=columns,
        articles_table=_need(fact, "articles", where),
        summary=summary,
        roles=tuple(roles),
        special_types=dict(data.get("special_types", {})),
    )
    missing = [r for r in READER_ROLES[spec.reader] if r not in {x.role for x in spec.roles}]
    if missing:
        raise SpecError(f"{where}: the {spec.reader} reader fills role(s) {', '.join(missing)}; declare them "
                        "under [[roles]]")
    _check_tables(spec, tables, where)
    return spec


def load_spec_file(path: Path, **kw: Any) -> EventSpec:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SpecError(f"{path}: not valid TOML ({exc})") from None
    return parse_spec(data, str(path), **kw)
