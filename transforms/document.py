"""The annotated document: one article's text and the layers the pipeline's components add to it.

Like spaCy's `Doc`, an article is split into sentences once, and each component reads the layers it
needs and adds its own; none re-reads the raw text for something a layer already holds. Layers are
typed attributes (so a reader sees what exists) plus `spans`, named lists of character spans for
the layers that are only positions (organisation and person mentions).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from transforms.names import Run
from transforms.record import EventRecord
from transforms.sentences import Sentence

if TYPE_CHECKING:
    from transforms.officials import Official
    from transforms.organisations import Org
    from transforms.party_slots import TransferItem


@dataclass
class Doc:
    text: str
    published: dt.date | None
    sentences: list[Sentence] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)  # capitalised runs, shared by organisations and officials
    orgs: list[Org] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    domains: dict[str, int] = field(default_factory=dict)  # canonical domain -> mentions
    transfers: list[TransferItem] = field(default_factory=list)  # lines of technology-transfer lists
    year_hint: int | None = None  # the year an undated story names first
    word_count: int = 0  # words of the whole cleaned text (dim_articles.word_count), before any cut
    events: dict[str, list[EventRecord]] = field(default_factory=dict)  # spec name -> events
    spans: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)  # layer -> (start, end, label)
