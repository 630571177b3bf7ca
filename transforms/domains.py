"""Technology domains the article names, mapped to the canonical taxonomy and counted.

Only explicit mentions count: a synonym inside an organisation's name
("Defence Institute of Physiology ...") is not a mention of the domain.
"""

from __future__ import annotations

import functools
import re

from transforms.inflect import plural
from transforms.knowledge import Knowledge
from transforms.phrases import PhraseMatcher, case_sensitive

# How far around a domain word its context patterns are read ("20 engines for the Vexa Mk2 fighter jets").
CONTEXT_REACH = 80


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
    # "artificial intelligence-based tools", "AI-enabled": a domain's name (several words or letters) joined by a
    # hyphen to a compound's second half names it.
    compounds = "|".join(re.escape(w) for w in k.words.sets["domain_compound_suffixes"])
    return PhraseMatcher(phrases, right=rf"(?![\w])(?!-(?!(?:{compounds})\b))"), lookup


def _recast(text: str, s: int, e: int, contexts: list[tuple[re.Pattern[str], str]]) -> str | None:
    """The domain a context pattern gives the words at s:e ("F200 engines"), read only around them."""
    lo, hi = max(0, s - CONTEXT_REACH), min(len(text), e + CONTEXT_REACH)
    for rx, domain in contexts:
        if any(m.start() <= s and e <= m.end() for m in rx.finditer(text, lo, hi)):
            return domain
    return None


def find_domains(text: str, excluded_spans: list[tuple[int, int]], k: Knowledge) -> dict[str, int]:
    """Canonical domain name -> mentions, skipping matches inside the excluded spans (organisation names)."""
    rx, lookup = _matcher(k)
    counts: dict[str, int] = {}
    # "F200 engines", "turbofan engines": a word of one domain that its context gives to another
    # (word_sets.toml domain_contexts: pattern name -> domain).
    contexts = [(getattr(k.patterns, pattern), domain) for pattern, domain in k.words.map("domain_contexts").items()]
    for s, e, found in rx.finditer(text):
        if any(a <= s and e <= b for a, b in excluded_spans) or text[s - 1:s] in ("@", "&", "#") and s > 0:
            continue  # inside an organisation's name, a handle or a tag
        found = " ".join(found.split())
        if text[e:e + 1] == "-" and " " not in found and not found.isupper():
            continue  # "ship-based air defence": one common word describes the thing; "AI-enabled" names AI
        name = _recast(text, s, e, contexts) or lookup.get(found) or lookup.get(found.lower())
        if name:
            counts[name] = counts.get(name, 0) + 1
    return counts
