"""Technology domains the article names, mapped to the canonical taxonomy and counted.

Only explicit mentions count: a synonym inside an organisation's name
("Defence Institute of Physiology ...") is not a mention of the domain.
"""

from __future__ import annotations

import functools

from transforms.inflect import plural
from transforms.knowledge import Knowledge
from transforms.phrases import PhraseMatcher, case_sensitive


@functools.lru_cache(maxsize=4)
def _matcher(k: Knowledge) -> tuple[PhraseMatcher, dict[str, str]]:
    lookup: dict[str, str] = {}
    phrases: list[str] = []
    for d in k.domains:
        # A synonym's plural names the domain too ("unmanned ground vehicles").
        forms = [f for s in (d.name, *d.synonyms) for f in (s, plural(s)) if f]
        for s in forms:
            key = s if case_sensitive(s) else s.lower()
            lookup.setdefault(key, d.name)
            phrases.append(s)
    for s in k.not_domains:
        lookup[s.lower()] = ""  # matched so that it hides the domain word inside, then skipped
        phrases.append(s)
    return PhraseMatcher(phrases), lookup


def find_domains(text: str, excluded_spans: list[tuple[int, int]], k: Knowledge) -> dict[str, int]:
    """Canonical domain name -> mentions, skipping matches inside the excluded spans (organisation names)."""
    rx, lookup = _matcher(k)
    counts: dict[str, int] = {}
    # "F414 engines", "turbofan engines": a word of one domain that its context gives to another
    # (word_sets.toml domain_contexts: pattern name -> domain).
    recast = [(m.start(), m.end(), domain) for pattern, domain in k.words.map("domain_contexts").items()
              for m in getattr(k.patterns, pattern).finditer(text)]
    for s, e, found in rx.finditer(text):
        if any(a <= s and e <= b for a, b in excluded_spans) or text[s - 1:s] in ("@", "&", "#") and s > 0:
            continue  # inside an organisation's name, a handle or a tag
        found = " ".join(found.split())
        recast_as = next((d for a, b, d in recast if a <= s and e <= b), None)
        name = recast_as or lookup.get(found) or lookup.get(found.lower())
        if name:
            counts[name] = counts.get(name, 0) + 1
    return counts
