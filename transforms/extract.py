"""One article's text in, everything it states out, as a plain JSON-able record.

The record is what the extraction store keeps per article (by content hash and
extractor version); modelling the star schema reads only these records.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from pathlib import Path
from typing import Any

from transforms.domains import find_domains
from transforms.events import find_agreements, find_meetings
from transforms.knowledge import Knowledge, knowledge
from transforms.names import capitalised_runs
from transforms.officials import find_officials
from transforms.organisations import Org, find_organisations
from transforms.party_slots import transfer_lists
from transforms.sentences import split_sentences

RULES_VERSION = "1"


@functools.lru_cache(maxsize=1)
def _rules_digest() -> str:
    """A hash of the rule modules themselves, so any change to a rule is a new extractor version."""
    h = hashlib.sha256()
    for p in sorted(Path(__file__).parent.glob("*.py")):
        h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()[:8]


def extractor_version(k: Knowledge | None = None) -> str:
    """Rules version, rules code and knowledge files: records made by another version are re-derived."""
    return f"{RULES_VERSION}.{_rules_digest()}-{(k or knowledge()).version}"


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def extract_article(text: str, published: dt.date | None, k: Knowledge | None = None) -> dict[str, Any]:
    k = k or knowledge()
    sentences = split_sentences(text)
    runs = capitalised_runs(text)  # found once, shared by the organisation and official rules
    orgs = find_organisations(text, k, sentences, runs)
    officials = find_officials(text, sentences, orgs, k, runs)
    # Multi-word organisation names hide their domain words ("Space Research Organisation").
    spans = [(a, e) for o in orgs for a, e in o.spans if " " in text[a:e]]
    domains = find_domains(text, spans, k)
    agreements = find_agreements(sentences, orgs, officials, published, k, transfer_lists(sentences, k))
    meetings = find_meetings(sentences, orgs, officials, published, k)
    # Governments named as parties ("India and Japan signed ...") are organisations of the article too.
    known = {o.name for o in orgs}
    for a in agreements:
        for p in a.parties:
            if p.startswith("Government of ") and p not in known:
                known.add(p)
                country = p.removeprefix("Government of ").removeprefix("the ")
                orgs.append(Org(name=p, org_type="government", country=country, mentions=1))
    return {
        "organisations": [
            {"name": o.name, "acronym": o.acronym, "aliases": sorted(o.aliases - {o.name, o.acronym}),
             "org_type": o.org_type, "country": o.country, "parent": o.parent, "mentions": o.mentions}
            for o in orgs
        ],
        "officials": [
            {"name": p.name, "title": p.title, "rank": p.rank, "organisation": p.organisation,
             "mentions": p.mentions}
            for p in officials
        ],
        "domains": [{"name": n, "mentions": c} for n, c in sorted(domains.items())],
        "agreements": [
            {"type": a.type, "parties": a.parties, "signatories": a.signatories, "date": _iso(a.date),
             "precision": a.precision, "location": a.location, "evidence": " ".join(a.evidence)}
            for a in agreements
        ],
        "meetings": [
            {"type": m.type, "name": m.name, "start": _iso(m.start), "end": _iso(m.end), "precision": m.precision,
             "location": m.location, "participants": m.participants,
             "chairs": [{"name": n, "role": r} for n, r in m.chairs], "evidence": " ".join(m.evidence)}
            for m in meetings
        ],
    }
