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

from transforms.knowledge import Knowledge, knowledge

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

# The date expressions, in the order they claim text (an overlap keeps the earlier kind's match); each
# is a pattern of patterns.toml: "March 24 and 25, 2025", "24-25 March", "March 2025", "2025-03-21",
# "March last year", "on Wednesday", "last week", "in March", "in 2024".
_KINDS = (("md", "date_month_day"), ("dm", "date_day_month"), ("my", "date_month_year"), ("iso", "date_iso"),
          ("num", "date_numeric"), ("wk", "date_week_of_month"),
          ("mry", "date_month_relative_year"), ("wd", "date_weekday"), ("rel", "date_relative"),
          ("mo", "date_month_only"), ("yr", "date_year_only"))


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


def find_dates(sentence: str, pub: dt.date | None, year_hint: int | None = None, k: Knowledge | None = None
               ) -> list[DateMention]:
    """Every date expression in the sentence, resolved; overlapping matches keep the first pattern's."""
    k = k or knowledge()
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, name in _KINDS:
        for m in k.patterns.compiled[name].finditer(sentence):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            mention = _resolve(kind, m, pub, year_hint, k)
            if mention is None:
                continue
            taken.append((s, e))
            out.append(DateMention(mention[0], mention[1], mention[2], (s, e), mention[3]))
    out.sort(key=lambda d: d.span[0])
    return out


def _resolve(kind: str, m: re.Match[str], pub: dt.date | None, year_hint: int | None,
             k: Knowledge) -> tuple[dt.date, dt.date, str, bool] | None:
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
    if kind == "num":
        day, month = int(g["d1"]), int(g["m"])
        day, month = (month, day) if month > 12 else (day, month)
        a = _safe(int(g["year"]), month, day)
        return (a, a, "day", True) if a else None
    if kind == "wk":
        month = MONTHS[g["mon"].lower().rstrip(".")]
        year = int(g["year"]) if g.get("year") else _infer_year(month, 1, pub, year_hint)
        a = _safe(year, month, 1) if year else None
        return (a, a, "month", bool(g.get("year"))) if a else None
    if kind == "yr":
        a = dt.date(int(g["year"] or g["year2"]), 1, 1)
        return a, a, "year", True
    if pub is None:
        return None
    if kind == "wd":
        target = WEEKDAYS[g["wd"].lower()]
        back = (pub.weekday() - target) % 7
        if back == 0 and m.group().lower().startswith("last"):
            back = 7  # "last Thursday" in a Thursday's story is the week before
        if g.get("last_week") or g.get("span_last_week") is not None:
            # "on Wednesday last week", "between Tuesday and Thursday last week": that day of the week before
            back = pub.weekday() - target + 7
        a = pub - dt.timedelta(days=back)
        return a, a, "day", False
    if kind == "mry":
        # "in March last year": the month of the year the relative phrase names.
        shift = k.words.map("month_relative_years")[" ".join(g["rel"].lower().split())]
        a = dt.date(pub.year + int(shift), MONTHS[g["mon"].lower().rstrip(".")], 1)
        return a, a, "month", False
    if kind == "rel":
        # word_sets.toml [relative_dates]: "last week" = "day -7", "last month" = "month -1" ...
        unit, shift = k.words.map("relative_dates")[" ".join(g["rel"].lower().split())].split()
        a = _shifted(pub, unit, int(shift))
        return a, a, "month" if unit == "week" else unit, False
    if kind == "mo":
        month = MONTHS[g["mon"].lower().rstrip(".")]
        year = pub.year if month <= pub.month else pub.year - 1
        a = dt.date(year, month, 1)
        return a, a, "month", False
    return None


def _shifted(pub: dt.date, unit: str, shift: int) -> dt.date:
    """The day `shift` days from publication, or the first day of the month or year `shift` away; a week
    `shift` weeks away is told only to its month ("last week": the text names no day)."""
    if unit == "day":
        return pub + dt.timedelta(days=shift)
    if unit == "week":
        day = pub + dt.timedelta(weeks=shift)
        return dt.date(day.year, day.month, 1)
    if unit == "month":
        months = pub.year * 12 + pub.month - 1 + shift
        return dt.date(months // 12, months % 12 + 1, 1)
    return dt.date(pub.year + shift, 1, 1)


def year_hint(texts: list[str], k: Knowledge | None = None) -> int | None:
    """The year a story without a publication date is about: the year its opening names most often
    (the latest on a tie), e.g. 'Aero India 2023 ... on February 12'."""
    explicit_year = (k or knowledge()).patterns.explicit_year
    counts: dict[int, int] = {}
    for t in texts:
        for y in explicit_year.findall(t):
            counts[int(y)] = counts.get(int(y), 0) + 1
    return max(counts, key=lambda y: (counts[y], y)) if counts else None


DATE_LINES = 8  # the opening lines where a web article states when it was published
DATE_LINE_CHARS = 100  # longer lines are sentences of the story, whose dates are events'


def _date_line_dates(line: str, lead: re.Pattern[str], k: Knowledge) -> list[DateMention] | None:
    """The dates a short line of its own gives after its lead ("Published:"), or None where the line is a sentence
    of the story (long, or ending with a full stop) or has no such lead. Month names in capitals ("04 DEC 2023")
    are read as the date patterns expect them."""
    m = lead.match(line)
    if m is None or len(line) > DATE_LINE_CHARS or k.patterns.full_stop_end.search(line):
        return None
    return find_dates(line[m.end():m.end() + 40].title(), None, None, k)


def stated_publication_year(text: str, k: Knowledge | None = None) -> int | None:
    """"Published: June 2025" on a short line anywhere (often the last): the year the story was published, which
    dates its "4 April" better than the years its opening mentions of other events."""
    k = k or knowledge()
    for line in text.splitlines():
        found = [d for d in _date_line_dates(line, k.patterns.publication_lead, k) or [] if d.explicit_year]
        if found:
            return found[0].start.year
    return None


def stated_publication_date(text: str, k: Knowledge | None = None) -> dt.date | None:
    """"Published : Dec. 4, 2023 - 15:30", "10 NOV 2021 11:03AM by PIB Delhi", "Thursday, February 14, 2008":
    the day an article copied from the web says it was published, on a short line of its own among its first
    lines (not a sentence of the story, which ends with a full stop), with the year given."""
    k = k or knowledge()
    for line in [ln.strip() for ln in text.splitlines() if ln.strip()][:DATE_LINES]:
        found = _date_line_dates(line, k.patterns.stated_date_lead, k)
        if found and found[0].span[0] == 0 and found[0].precision == "day":
            return found[0].start
    return None
