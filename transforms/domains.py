"""Technology domains the article names, mapped to the canonical taxonomy and counted.

Only explicit mentions count: a synonym inside an organisation's name
("Defence Institute of Physiology ...") is not a mention of the domain.
"""

from __future__ import annotations

import functools
import re

from transforms.knowledge import Knowledge, phrase_regex


@functools.lru_cache(maxsize=4)
def _matcher(k: Knowledge) -> tuple[re.Pattern[str], dict[str, str]]:
    lookup: dict[str, str] = {}
    phrases: list[str] = []
    for d in k.domains:
        for s in (d.name, *d.synonyms):
            key = s if s.isupper() else s.lower()
            lookup.setdefault(key, d.name)
            phrases.append(s)
    return phrase_regex(phrases), lookup


def find_domains(text: str, excluded_spans: list[tuple[int, int]], k: Knowledge) -> dict[str, int]:
    """Canonical domain name -> mentions, skipping matches inside the excluded spans (organisation names)."""
    rx, lookup = _matcher(k)
    counts: dict[str, int] = {}
    for m in rx.finditer(text):
        s, e = m.span()
        if any(a <= s and e <= b for a, b in excluded_spans):
            continue
        found = m.group()
        found = " ".join(found.split())
        name = lookup.get(found) or lookup.get(found.lower())
        if name:
            counts[name] = counts.get(name, 0) + 1
    return counts
