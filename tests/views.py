"""What the tests read an extraction record as: one list per event kind, roles spelt out by name.

Test assertions were written against this shape (agreements with parties and signatories, meetings
with participants and chairs); the typed record keeps every role in one list per event.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from transforms.extract import extract_article


def view(text: str, published: dt.date | None) -> dict[str, Any]:
    rec = extract_article(text, published).to_dict()
    out = {key: rec[key] for key in ("organisations", "officials", "domains")}
    out["agreements"] = [
        {"type": e["type"], "parties": [r["name"] for r in e["roles"] if r["role"] == "party"],
         "signatories": [r["name"] for r in e["roles"] if r["role"] == "signatory"], "date": e["start"],
         "precision": e["precision"], "location": e["location"], "evidence": e["evidence"]}
        for e in rec["events"].get("agreement", [])]
    out["meetings"] = [
        {"type": e["type"], "name": e["name"], "start": e["start"], "end": e["end"], "precision": e["precision"],
         "location": e["location"], "participants": [r["name"] for r in e["roles"] if r["role"] == "participant"],
         "chairs": [r for r in e["roles"] if r["role"] in ("chair", "co-chair")], "evidence": e["evidence"]}
        for e in rec["events"].get("meeting", [])]
    return out
