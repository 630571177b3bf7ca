"""Organisations the warehouse has learnt that the registry does not hold yet.

The registry (transforms/knowledge/organisations.jsonl) is what lets the extractor recognise a
body with no head word and merge its spellings; it grows by reviewed additions. `parley registry`
prints candidates in the registry's own format, most widely reported first, for a user to review
and append to their copy of the knowledge files (PARLEY_KNOWLEDGE_DIR).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from transforms.knowledge import Knowledge
from transforms.names import norm


def registry_forms(k: Knowledge) -> set[str]:
    return {norm(f) for o in k.organisations for f in (o.name, o.acronym, *o.aliases) if f}


def candidates(db: Path, k: Knowledge, min_articles: int = 2) -> list[dict[str, Any]]:
    """Organisations named in at least `min_articles` articles whose names and aliases the registry lacks."""
    known = registry_forms(k)
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("""
            select o.name, o.acronym, o.aliases, o.org_type, o.country, p.name as parent,
                   count(distinct b.article_id) as articles
            from dim_organisations o
            join bridge_article_organisations b using (organisation_id)
            left join dim_organisations p on p.organisation_id = o.parent_organisation_id
            group by all
            having count(distinct b.article_id) >= ?
            order by articles desc, o.name""", [min_articles]).fetchall()
    finally:
        con.close()
    out = []
    for name, acronym, aliases, org_type, country, parent, articles in rows:
        forms = [name, acronym, *(aliases or [])]
        if name.startswith("Government of ") or any(norm(f) in known for f in forms if f):
            continue
        entry = {"name": name, "acronym": acronym, "aliases": sorted(aliases or []), "org_type": org_type,
                 "country": country}
        if parent:
            entry["parent"] = parent
        entry["_articles"] = articles
        out.append(entry)
    return out
