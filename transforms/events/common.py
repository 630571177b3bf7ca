"""Helpers every event reader shares: spans of known names in a clause, dates, places, merging lists."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from transforms.dates import DateMention, find_dates
from transforms.document import Doc
from transforms.events.engine import SpecPatterns
from transforms.knowledge import Knowledge
from transforms.officials import Official
from transforms.organisations import Org
from transforms.patterns import Patterns
from transforms.phrases import names_matcher
from transforms.sentences import Sentence


def name_spans(sentence: str, forms: dict[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, canonical) of every spelling of a known name in a clause: leftmost, longest, no overlaps."""
    if not forms:
        return []
    return [(a, e, forms[f]) for a, e, f in names_matcher(frozenset(forms)).finditer(sentence)]


def served_spans(t: str, spans: list[tuple[int, int, str]], rx: SpecPatterns, served: re.Pattern[str] | None = None
                 ) -> set[tuple[int, int]]:
    """"aircraft for the Indian Army, Navy and the Air Force": where the text names bodies an event serves,
    the whole list after "for the" (not "signed by X for Acme", who signs for a party). `served` is what
    stands before the first of them (`patterns.served` by default)."""
    p = rx.p
    served = served or p.served
    out: set[tuple[int, int]] = set()
    prev: tuple[int, int] | None = None
    for a, e, _ in sorted(spans):
        before = t[max(0, a - SERVED_REACH):a]
        listed = prev in out and bool(p.list_joint.fullmatch(p.definite_article_end.sub("", t[prev[1]:a])))
        if listed or (served.search(before) and not p.signer_for.search(before)):
            out.add((a, e))
        prev = (a, e)
    return out


SERVED_REACH = 90  # characters before a body's name that may say the event serves it ("supply of ... to the")
VISIT_REACH = 48  # characters before a body's name that may say it was visited ("visited the Vexa Army's ...")
VENUE_REACH = 40  # characters before a body's name that may say an event was there ("at the headquarters of")
MODAL_REACH = 24  # characters before a verb that may say it is still to come ("will also be discussed")
REPORTING_REACH = 70  # characters before a date that may say it is the day news was given ("said in a filing on")


def clause_end(text: str, start: int) -> int:
    """Where the clause that runs on from `start` ends: the next comma, else the text's end."""
    comma = text.find(",", start)
    return comma if comma >= 0 else len(text)


def named_only_within(spans: list[tuple[int, int, str]], start: int, end: int) -> set[str]:
    """The bodies named only between `start` and `end` ("on the sidelines of the ASEAN Summit"), nowhere else."""
    inside = {n for a, _, n in spans if start <= a < end}
    return inside - {n for a, _, n in spans if not start <= a < end}


def date_of(dates: list[DateMention]) -> DateMention | None:
    if not dates:
        return None
    order = {"day": 0, "month": 1, "year": 2}
    return sorted(dates, key=lambda d: (order[d.precision], d.span[0]))[0]


def dateline_city(sentences: list[Sentence], rx: SpecPatterns) -> str | None:
    """The city of the story's dateline ("SEOUL, Nov. 14 (Yonhap) -", "BRUSSELS —", "Manila:"), if a known place."""
    for s in sentences[:2]:
        m = rx.p.dateline.match(s.text)
        city = rx.p.dateline_city.match(s.text) if m else None
        undated = rx.p.undated_dateline.match(s.text) if m is None else None
        word = city.group() if city else undated.group(1) if undated else None
        name = word.title() if word and word.isupper() else word
        if name in rx.places:
            return name
    return None


def place_in(sentence: str, rx: SpecPatterns) -> str | None:
    """The first known place after a where-word ('held in Lisbon', 'in Pune, Maharashtra', 'at Army House,
    Lisbon')."""
    for m in rx.place.finditer(sentence):
        if rx.p.purpose_before_place.search(sentence, 0, m.start()):
            break
        first = leading_place(m.group(1), rx.places)
        if first is None:
            # "at Air Headquarters, New Delhi": the building's city, the GUIDELINE's place.
            city = leading_place(m.group(2), rx.places) if m.group(2) else None
            if city is not None:
                return city
            if m.group(1).split()[-1] in rx.words.sets["building_heads"] and not m.group(2):
                # "signed at Vexa Bhawan": the building, where the text gives no city ("... in Pune": the city)
                within = rx.p.place_within.match(sentence, m.end(1))
                return (leading_place(within.group(1), rx.places) if within else None) or m.group(1)
            continue
        if first == m.group(1).rstrip(".") and m.group(2):
            whole = f"{first}, {m.group(2).rstrip('.')}"
            second = whole if whole in rx.places else leading_place(m.group(2), rx.places)
            if second and second != whole and second != m.group(2).rstrip("."):
                second = None  # "signed in Bergen, Lund Forge will ...": a name that opens with a place's word
            if second:
                return whole if second == whole else f"{first}, {second}"
        building = rx.p.building_after_place.match(sentence, m.start(1) + len(first))
        if building is not None:
            first += building.group(0)
        # "at South Block in New Delhi": the building and the city it is in, written as "South Block, New Delhi".
        within = rx.p.place_within.match(sentence, m.start(1) + len(first))
        city = leading_place(within.group(1), rx.places) if within else None
        return f"{first}, {city}" if city and city != first else first
    aboard = rx.p.aboard_ship.search(sentence)  # "held on board INS Vexa off Goa": the ship is the place
    return aboard.group(1) if aboard else _capital_told(sentence, rx.knowledge)


def _capital_told(sentence: str, k: Knowledge) -> str | None:
    """"held in the Vietnamese capital", "in Norway's capital": the country's capital city (the package's)."""
    m = k.patterns.capital_of_country.search(sentence)
    country = k.countries.get(m.group(1)) if m else None
    return next((city for city, of in k.capitals.items() if of == country), None) if country else None


def leading_place(phrase: str, places: frozenset[str]) -> str | None:
    """The longest run of the phrase's first words that is a known place ('Lisbon Declaration': 'Lisbon')."""
    words = phrase.split()
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n])
        for form in (candidate, candidate.rstrip(".")):
            if form in places:
                return form
    return None


def is_negated(sentence: str, rx: SpecPatterns) -> bool:
    """A cue of a planned, habitual or cancelled event, outside a ", which ... ," aside (what the aside says
    of the body, "which meets every year", is not what the sentence reports of it)."""
    return bool(rx.negation.search(rx.p.relative_aside.sub(" ", sentence)))


def told_in_aside(t: str, aside: re.Match[str], rx: SpecPatterns) -> str:
    """"Chile and Peru, which signed a pact in 2020, held talks": what the aside tells, of the subject before it
    ("Chile and Peru signed a pact in 2020"), apart from the rest of the sentence."""
    words = aside.group().strip(" ,").split(" ", 1)
    told = words[1:] if words[0] in rx.words.relative_pronouns else words
    return f"{t[:aside.start()]} {' '.join(told)}"


def drop_planned_part(t: str, rx: SpecPatterns, verb: re.Match[str] | None) -> str:
    """"After signing a deal with the Army, the firm is preparing for a tender", "signed a teaming
    agreement to jointly bid for ...": what follows the negation cue is planned; the signed part stands."""
    neg = rx.negation.search(t)
    named_at = rx.trigger.search(t)
    if verb is not None and rx.p.nominal_signing.search(t, max(0, verb.start() - 24), verb.end() + 4):
        return t  # "The signing of the MoU ... was postponed": the negation is the whole clause's
    if neg is not None and verb is not None and named_at is not None and neg.start() > max(verb.end(), named_at.end()):
        comma = t.rfind(",", verb.end(), neg.start())
        return t[:comma if comma > 0 else neg.start()]
    return t


def add_new(items: list[str], new: list[str]) -> None:
    for x in new:
        if x not in items:
            items.append(x)


def fuller_place(place: str | None, other: str | None) -> str | None:
    """The place a first mention gave, or the other's where it has none; "New Delhi" in the body completes
    "Delhi" in the headline (the same place, written out)."""
    if place and other and other.endswith(" " + place):
        return other
    return place or other


def event_dates(k: Knowledge, sentence: str, pub: dt.date | None, hint: int | None = None,
                later: bool = False) -> list[DateMention]:
    """Dates in the sentence, leaving out the dateline ('New Delhi, March 26 (ANI):') and any date after
    publication (an event reported as done cannot be later than the report), unless `later` (the last day of
    a meeting under way may be)."""
    p = k.patterns
    m = p.dateline.match(sentence)
    skip = m.end() if m else 0
    latest = dt.date.max if later else pub or dt.date.today()  # an undated story reports nothing later than
    # the day it is read
    # "held weeks before the scheduled visit on December 10": that date is another event's.
    return [d for d in find_dates(sentence, pub, hint, k) if d.span[0] >= skip and d.start <= latest
            and not p.other_event_date.search(sentence[max(skip, d.span[0] - 80):d.span[0]])]


RUNNING_DAY_REACH = 2  # sentences back a day still runs ("On Wednesday, they held talks. ... They also signed")


def running_day(k: Knowledge, sentences: list[Sentence], evidence: list[str], pub: dt.date | None,
                hint: int | None = None, others: Sequence[str] = ()) -> DateMention | None:
    """The day the story names in the sentences just before an undated event's first one ("On Wednesday, he
    visited the yard. He also held a roundtable ..."; "On Wednesday, they held talks. During the talks, they
    reviewed ... They also signed an MoU"): only a day, the nearest, so a year told in passing dates nothing.
    Not past a sentence that tells `others` (another item of a roundup, with its own day)."""
    for before in sentences_before(sentences, evidence, RUNNING_DAY_REACH):
        if any(o in before.text for o in others):
            return None
        days = [d for d in event_dates(k, before.text, pub, hint) if d.precision == "day"]
        if days:
            return days[-1]
    return None


def running_place(rx: SpecPatterns, sentences: list[Sentence], evidence: list[str]) -> str | None:
    """The place the story names in the sentences just before an event's first one, the nearest first."""
    return next((p for s in sentences_before(sentences, evidence, RUNNING_DAY_REACH) if (p := place_in(s.text, rx))),
                None)


def days_later(k: Knowledge, text: str) -> int:
    """"The next day", "two days later": how many days after the day the story last named an event is told as
    (0 where it is not told so)."""
    later = k.patterns.days_later.search(text)
    if later is None:
        return 0
    return int(k.words.map("numbers")[later.group(1).lower()]) if later.group(1) else 1


def sentences_before(sentences: list[Sentence], evidence: list[str], reach: int) -> list[Sentence]:
    """Up to `reach` sentences before the one an event is first told in, the nearest first."""
    first = next((s.index for s in sentences if evidence and evidence[0] in s.text), None)
    return sentences[max(0, first - reach):first][::-1] if first else []


def sentence_before(sentences: list[Sentence], evidence: list[str]) -> Sentence | None:
    """The sentence before the one an event is first told in (its evidence's first), if any."""
    return next(iter(sentences_before(sentences, evidence, 1)), None)


def reported_on(k: Knowledge, sentence: str, d: DateMention) -> bool:
    """"..., Acme said on Tuesday": the day the news was given. A signing reported that way may be older
    (its own date follows: "The contract was signed on 27 February"); a meeting is usually that day's."""
    return bool(k.patterns.reporting_date.search(sentence[max(0, d.span[0] - REPORTING_REACH):d.span[0]]))


def dateline_date(k: Knowledge, sentences: list[Sentence], pub: dt.date | None, hint: int | None = None
                  ) -> DateMention | None:
    """The date of a dateline ('Bengaluru, February 12 (ANI):'): the day the story was filed."""
    for s in sentences[:3]:
        m = k.patterns.dateline.match(s.text)
        if m:
            found = [d for d in find_dates(m.group(), pub, hint, k) if pub is None or d.start <= pub]
            if found:
                return found[0]
    return None


def filing_date(k: Knowledge, sentences: list[Sentence], pub: dt.date | None = None) -> dt.date | None:
    """The day the story was filed, which its 'today', 'has signed' and 'on Tuesday' are relative to: its
    dateline's day ('Gandhinagar, October 18, 2022:'; without a publication date, only one that gives its
    year), where that is at most three days before publication (a paper prints the next morning)."""
    for s in sentences[:3]:
        m = k.patterns.dateline.match(s.text)
        if m is None or (pub is None and not k.patterns.year.search(m.group())):
            continue
        found = [d.start for d in find_dates(m.group(), pub, None, k) if d.precision == "day"]
        if found and (pub is None or pub - dt.timedelta(days=3) <= found[0] <= pub):
            return found[0]
    return None


def lede_date(k: Knowledge, sentences: list[Sentence], pub: dt.date | None, hint: int | None = None,
              others: Sequence[str] = ()) -> DateMention | None:
    """The first date the story gives (its lede usually dates the event), past an opening clause that
    dates something before ("After calling them allies on Tuesday, the minister on Wednesday ...") and
    past a sentence about an earlier meeting, and before what a deal follows ("The deal follows a contract
    signed in 2023": that date is the earlier contract's). `others` are the evidence of other events dated
    in their own words: a sentence telling one ("In January, X also signed ...") dates that one only."""
    for s in sentences[:3]:
        if k.patterns.earlier_met.search(s.text) or k.patterns.pluperfect.search(s.text):
            continue  # "The two had last met in 2024", "X had received an order in 2024": an earlier occasion's
        if any(e and e in s.text for e in others):
            continue
        earlier = k.patterns.earlier_deal.search(s.text)
        text = s.text[:earlier.start()] if earlier else s.text
        # ", which won a contract in 2021,": an aside's date is what it tells of, not the story's event
        d = date_of(event_dates(k, k.patterns.leading_subordinate.sub("", blanked(k.patterns.relative_aside, text)),
                                pub, hint))
        if d is not None:
            return d
    return None


def told_as_a_trend(t: str, rx: SpecPatterns) -> bool:
    """"Both firms have signed deals in recent years", "the agency, which awards most contracts", "the two have met
    often over the years": a trend or habit over a span of time, no one event; not where the span ranks one
    ("the largest deal in recent years") or the text dates it."""
    return _told_as_a_trend(t, rx.p, rx.knowledge)


@functools.lru_cache(maxsize=256)  # both readers ask it of the same sentences
def _told_as_a_trend(t: str, p: Patterns, k: Knowledge) -> bool:
    if p.counted_meetings.search(t) or p.counted_deals.search(t):
        return True  # "the two have held four rounds of talks since 2020", "has signed more than 40 MoUs"
    m = p.generic_time.search(t)
    return (m is not None and not p.superlative_before.search(t, max(0, m.start() - 40), m.start())
            and not find_dates(t[:m.start()] + t[m.end():], None, None, k))


def undated_event_date(k: Knowledge, doc: Doc, hint: int | None, own: list[str], dated: list[list[str]],
                       apart: Sequence[str] = ()) -> DateMention | None:
    """The date of an event undated in its own words (`own`: its evidence): the story's first date, else its
    dateline's (the day it was filed); not a date of a later sentence that first tells another event dated in
    its own words (`dated`: their evidence), nor of a sentence telling an event of other sides (`apart`: their
    evidence; "A bagged an order from B on Monday. C clinched a deal with D.")."""
    others = _told_after(doc.sentences, own, [ev[0] for ev in dated if ev and ev[0] not in own])
    others += [e for e in apart if e not in own]
    return (lede_date(k, doc.sentences, doc.published, hint, others)
            or dateline_date(k, doc.sentences, doc.published, hint))


def _told_after(sentences: list[Sentence], own: list[str], others: list[str]) -> list[str]:
    """The sentences among `others` that come after the first one telling `own` ("X and Y have signed an MoU.
    In January, X also signed ...": the later, dated sentence is another deal's; a dated sentence before it
    may be the one that dates it, "The ministry signed two contracts on Monday. The first ...")."""
    first = next((s.index for s in sentences if any(e and e in s.text for e in own)), None)
    if first is None:
        return []
    return [s.text for s in sentences if s.index > first and any(e and e in s.text for e in others)]


def dedupe(xs: list[str]) -> list[str]:
    out: list[str] = []
    add_new(out, xs)
    return out


def forms_of_orgs(doc: Doc) -> dict[str, str]:
    """Every spelling of the article's organisations (two characters or more) -> the canonical name."""
    return {f: o.name for o in doc.orgs for f in o.forms() if len(f) >= 2}


def forms_of_people(officials: list[Official]) -> dict[str, str]:
    forms: dict[str, str] = {}
    for o in officials:
        forms[o.name] = o.name
        surname = o.name.split()[-1]
        if len(surname) > 2:
            forms.setdefault(surname, o.name)
    return forms



@dataclass
class Story:
    """What every sentence of one article is read against: the spec's patterns, the document, the
    spellings of its organisations and people, and the year an undated story names."""

    rx: SpecPatterns
    doc: Doc
    org_forms: dict[str, str]
    person_forms: dict[str, str]
    hint: int | None

    @staticmethod
    def basics(doc: Doc, rx: SpecPatterns) -> dict[str, Any]:
        return {"rx": rx, "doc": doc, "org_forms": forms_of_orgs(doc),
                "person_forms": forms_of_people(doc.officials), "hint": doc.year_hint}


def _services_of_countries(sentence: str, orgs: list[Org], rx: SpecPatterns) -> list[str]:
    """"The navies of India and France held talks": the story's services of that kind of those countries."""
    m = rx.p.services_of_countries.search(sentence)
    if m is None:
        return []
    head = rx.words.map("service_plurals").get(" ".join(m.group(1).lower().split()), "")
    countries = {rx.knowledge.countries.get(m.group(g)) for g in (2, 3)}
    return [o.name for o in orgs if o.country in countries and o.name.endswith(" " + head)]


def two_services(sentence: str, orgs: list[Org], rx: SpecPatterns) -> list[str]:
    """"Staff talks between the two navies", "both armies", "the two companies": the story's two bodies of
    that kind (named elsewhere in it), where it names exactly two."""
    m = rx.p.two_services.search(sentence)
    if m is None:
        return _services_of_countries(sentence, orgs, rx)
    head = rx.words.map("service_plurals")[" ".join(m.group(1).lower().split())]
    of_type = head.removeprefix("@") if head.startswith("@") else None  # "@company": bodies of that type
    found = [o.name for o in sorted(orgs, key=lambda o: o.first)
             if (o.org_type == of_type if of_type else any(f.endswith(" " + head) or f == head
                                                              for f in (o.name, *o.aliases)))]
    return found if len(found) == 2 else []


def places_seen(t: str, spans: list[tuple[int, int, str]], rx: SpecPatterns, venues: bool = True
                ) -> set[tuple[int, int]]:
    """Where bodies are named as a place visited ("visited the Vexa Shipyard"), as the mechanism an event is
    held under ("under the Vexa-Norland Partnership Council") or, with `venues`, as where an event was held
    ("at the headquarters of X"), and the short form in brackets after such a name ("visited the Vexa
    Procurement Agency (VPA)"): the spans of bodies that took no part in what the sentence tells."""
    seen: set[tuple[int, int]] = set()
    last_end = -1
    # "reviewed the progress of the Vexa-Norland Defence Cooperation Committee": a mechanism talked about.
    topics = [m.span() for m in rx.p.mechanism_reviewed.finditer(t)]
    for a, e, _ in spans:
        if (any(x <= a < y for x, y in topics) or (venues and rx.p.venue.search(t[max(0, a - VENUE_REACH):a]))
                or rx.p.visited_before.search(t, max(0, a - VISIT_REACH), a)
                or rx.p.mechanism_before.search(t, max(0, a - VISIT_REACH), a)
                or (last_end >= 0 and rx.p.open_bracket.fullmatch(t[last_end:a]))):
            seen.add((a, e))
            last_end = e
    return seen


def signing_after_the_talks(text: str, rx: SpecPatterns) -> list[tuple[int, int]]:
    """"After the talks, the ministers witnessed the signing of an MoU between A and B": where a sentence that
    opens with the talks tells a signing, the stretch that names the signing's sides (no one taking part)."""
    return [(m.start(1), m.end()) for m in rx.p.signing_after_the_talks.finditer(text)]


def blanked(pattern: re.Pattern[str], text: str) -> str:
    """The text with what the pattern finds replaced by spaces: offsets stay, the words are gone."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def with_short_forms(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"The Norland Coast Guard (NCG) and ...": a name and its short form in brackets after it, as one span."""
    out: list[tuple[int, int, str]] = []
    for a, e, name in spans:
        if out and out[-1][2] == name and text[out[-1][1]:a].strip() == "(":
            out[-1] = (out[-1][0], e + (text[e:e + 1] == ")"), name)
        else:
            out.append((a, e, name))
    return out
