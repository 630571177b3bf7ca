"""Date expressions in a sentence, resolved against the article's publication date.

News text says "on Wednesday", "March 24 and 25", "21 March", "last week":
each is resolved to the most recent such date not after publication, with
the precision the text supports (day, month, year).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_MON = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|" \
       r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_D1 = r"(?P<d1>\d{1,2})(?:st|nd|rd|th)?"
_D2 = r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?"
_RANGE = r"(?:\s*(?:-|–|—|and|to|&)\s*" + _D2 + ")?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"

_PATTERNS = [
    # March 24 and 25, 2025 / March 24-25 / March 24
    ("md", re.compile(r"(?<![\w])" + _MON + r"\s+" + _D1 + _RANGE + _YEAR + r"(?![\w])")),
    # 24 and 25 March 2025 / 21 March / 3-4 February
    ("dm", re.compile(r"(?<![\w])" + _D1 + _RANGE + r"\s+(?:of\s+)?" + _MON + _YEAR + r"(?![\w])")),
    # March 2025
    ("my", re.compile(r"(?<![\w])" + _MON + r",?\s+(?P<year>(?:19|20)\d{2})(?![\w])")),
    # 2025-03-21
    ("iso", re.compile(r"(?<![\w])(?P<year>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d1>\d{2})(?![\w])")),
    # on Wednesday
    ("wd", re.compile(r"(?i)(?<![\w])(?:on\s+|last\s+|this\s+|earlier\s+on\s+)?(?P<wd>monday|tuesday|wednesday|"
                      r"thursday|friday|saturday|sunday)(?![\w])")),
    ("rel", re.compile(r"(?i)(?<![\w])(?P<rel>today|yesterday|last\s+week|earlier\s+this\s+week|this\s+week|"
                       r"last\s+month|earlier\s+this\s+month|this\s+month|last\s+year|earlier\s+this\s+year)"
                       r"(?![\w])")),
    # in March (month only), in 2024 (year only)
    ("mo", re.compile(r"(?<![\w])(?:in|since|during|by)\s+(?:early\s+|late\s+|mid-?)?" + _MON + r"(?![\w\s]*\d)")),
    ("yr", re.compile(r"(?<![\w])(?:in|during)\s+(?P<year>(?:19|20)\d{2})(?![\w-])")),
]


@dataclass(frozen=True)
class DateMention:
    start: dt.date
    end: dt.date
    precision: str  # day / month / year
    span: tuple[int, int]
    explicit_year: bool = False


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _infer_year(month: int, day: int, pub: dt.date | None, year_hint: int | None = None) -> int | None:
    """The most recent year in which month/day is not (much) after publication; without a publication
    date, the year the story itself names (`year_hint`)."""
    if pub is None:
        return year_hint
    cand = _safe(pub.year, month, day)
    if cand is None:
        return pub.year
    # A date a few days after publication is still "this year" (an article announcing a
    # meeting that ends tomorrow); anything later belongs to the previous year.
    return pub.year if cand <= pub + dt.timedelta(days=7) else pub.year - 1


def find_dates(sentence: str, pub: dt.date | None, year_hint: int | None = None) -> list[DateMention]:
    """Every date expression in the sentence, resolved; overlapping matches keep the first pattern's."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(sentence):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            mention = _resolve(kind, m, pub, year_hint)
            if mention is None:
                continue
            taken.append((s, e))
            out.append(DateMention(mention[0], mention[1], mention[2], (s, e), mention[3]))
    out.sort(key=lambda d: d.span[0])
    return out


def _resolve(kind: str, m: re.Match[str], pub: dt.date | None,
             year_hint: int | None = None) -> tuple[dt.date, dt.date, str, bool] | None:
    g = m.groupdict()
    if kind in ("md", "dm"):
        month = MONTHS[g["mon"].lower().rstrip(".")]
        d1 = int(g["d1"])
        d2 = int(g["d2"]) if g.get("d2") else d1
        year = int(g["year"]) if g.get("year") else _infer_year(month, d1, pub, year_hint)
        if year is None:
            return None
        a, b = _safe(year, month, d1), _safe(year, month, d2)
        if a is None:
            return None
        if b is None or b < a:
            b = a
        return a, b, "day", bool(g.get("year"))
    if kind == "my":
        a = _safe(int(g["year"]), MONTHS[g["mon"].lower().rstrip(".")], 1)
        return (a, a, "month", True) if a else None
    if kind == "iso":
        a = _safe(int(g["year"]), int(g["m"]), int(g["d1"]))
        return (a, a, "day", True) if a else None
    if kind == "yr":
        a = dt.date(int(g["year"]), 1, 1)
        return a, a, "year", True
    if pub is None:
        return None
    if kind == "wd":
        target = WEEKDAYS[g["wd"].lower()]
        back = (pub.weekday() - target) % 7
        a = pub - dt.timedelta(days=back)
        return a, a, "day", False
    if kind == "rel":
        rel = " ".join(g["rel"].lower().split())
        if rel == "today" or rel in ("this week", "earlier this week"):
            return pub, pub, "day", False
        if rel == "yesterday":
            a = pub - dt.timedelta(days=1)
            return a, a, "day", False
        if rel == "last week":
            a = pub - dt.timedelta(days=7)
            return a, a, "day", False
        if rel in ("this month", "earlier this month"):
            a = pub.replace(day=1)
            return a, a, "month", False
        if rel == "last month":
            a = (pub.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
            return a, a, "month", False
        if rel == "last year":
            a = dt.date(pub.year - 1, 1, 1)
            return a, a, "year", False
        if rel == "earlier this year":
            a = dt.date(pub.year, 1, 1)
            return a, a, "year", False
    if kind == "mo":
        month = MONTHS[g["mon"].lower().rstrip(".")]
        year = pub.year if month <= pub.month else pub.year - 1
        a = dt.date(year, month, 1)
        return a, a, "month", False
    return None


_EXPLICIT_YEAR = re.compile(r"(?<![\w-])((?:19|20)\d\d)(?![\w-])")


def year_hint(texts: list[str]) -> int | None:
    """The year a story without a publication date is about: the year its opening names most often
    (the latest on a tie), e.g. 'Aero India 2023 ... on February 12'."""
    counts: dict[int, int] = {}
    for t in texts:
        for y in _EXPLICIT_YEAR.findall(t):
            counts[int(y)] = counts.get(int(y), 0) + 1
    return max(counts, key=lambda y: (counts[y], y)) if counts else None
