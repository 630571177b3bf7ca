"""The `signing` reader: events concluded between parties (agreements), read clause by clause.

A clause reports one when it names the event (a trigger noun of the spec) and a concluding verb,
and no negation cue marks it planned, expected or cancelled. Parties are the bodies the clause names
(not the body reporting it, the hosts of the occasion, those served or what is set up), countries
acting as parties are their governments, and signatories are the officials who signed. Mentions of
one event in an article are merged: later clauses add signatories, dates and places to the first.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass, field, replace

from transforms.dates import DateMention
from transforms.document import Doc
from transforms.events.common import (
    MODAL_REACH,
    SERVED_REACH,
    VENUE_REACH,
    Story,
    add_new,
    blanked,
    clause_end,
    date_of,
    dateline_city,
    days_later,
    dedupe,
    drop_planned_part,
    event_dates,
    fuller_place,
    is_negated,
    name_spans,
    named_only_within,
    place_in,
    reported_on,
    running_day,
    running_place,
    served_spans,
    told_as_a_trend,
    told_in_aside,
    two_services,
    undated_event_date,
    with_short_forms,
)
from transforms.events.engine import SpecPatterns, best_type, kind, reader
from transforms.knowledge import Knowledge
from transforms.names import country_words, inside_a_name, norm, opening_form
from transforms.organisations import Org, dateline_country
from transforms.party_slots import TransferItem
from transforms.patterns import Patterns
from transforms.phrases import PhraseMatcher
from transforms.record import EventRecord, RoleFiller
from transforms.sentences import Sentence, headline_lines

DEAL_NAME_REACH = 60  # characters from "a" to a deal's word ("a Communications Compatibility and Security Agreement")
REPRESENTED_REACH = 30  # characters between a body's name and ", represented by" ("Commonwealth of Australia")
SIGNING_DETAIL_REACH = 3  # sentences after an agreement that may still tell who signed it, where and when
OWN_DATE_REACH = 12  # characters after a verb within which a date is that verb's ("signed in 2024")
ATTRIBUTIVE_REACH = 30  # characters between a year and the deal word it names ("their 2019 maintenance agreement")
SIDES_LEAD_REACH = 90  # characters before a list of countries that may say they are sides ("between Vexa Systems
# Australia and the Commonwealth of Australia")


@dataclass
class Agreement:
    type: str
    parties: list[str] = field(default_factory=list)  # canonical organisation names
    signatories: list[str] = field(default_factory=list)  # official names
    date: dt.date | None = None
    precision: str | None = None
    location: str | None = None
    evidence: list[str] = field(default_factory=list)
    headline_only: bool = False  # named so far only in the headline
    before_story: bool = False  # "had earlier won a contract": concluded on a day before the story's own
    own_date: bool = False  # the date stands by the concluding verb ("awarded on 10 January"), not the report's
    summary: bool = False  # "signed several agreements" with no side named: the deals the story goes on to tell



@dataclass
class _Story(Story):
    """A story read for signings: who signs for which body, the story's leading company, its headline
    lines, and the agreements found so far."""

    org_of_person: dict[str, str] = field(default_factory=dict)
    protagonist: str | None = None
    headline: set[int] = field(default_factory=set)
    found: list[Agreement] = field(default_factory=list)
    slots: list[Agreement] = field(default_factory=list)  # counted agreements still waiting for their own party
    last_at: int = -10
    negated_at: int = -10  # the last sentence that named an agreement only to negate it
    listed_at: int = -10  # the last line of a list the sentence before announced ("were exchanged:")
    negated_types: set[str] = field(default_factory=set)  # kinds of agreement the body tells only as to come


@reader("signing")
def read_signings(doc: Doc, rx: SpecPatterns, k: Knowledge) -> list[EventRecord]:
    """Every event of the spec the article reports as concluded, clause by clause."""
    story = _Story(**Story.basics(doc, rx), org_of_person={p.name: p.organisation for p in doc.officials
                                                            if p.organisation},
                   protagonist=_protagonist(doc.orgs), headline=headline_lines(rx.p, doc.sentences))
    if rx.special("transfer"):
        story.found = _transferred(story, doc.transfers)
    announced = {t.cue for t in doc.transfers} | {t.sentence for t in doc.transfers}
    for s in doc.sentences:
        _contracting_body(story, s)
        if _recipients_listed(story, s):
            continue
        if story.found and rx.p.deals_listed.match(s.text) and (
                rx.verb.search(s.text) is None or rx.p.items_follow.match(s.text)):
            _listed_deals(story, s)
            continue
        if (rx.p.items_announced.search(s.text, max(0, len(s.text) - 4)) and rx.verb.search(s.text)
                and not is_negated(s.text, rx)):
            story.listed_at = s.index  # "The following documents were exchanged during the visit:"
            continue
        if rx.p.outcomes_heading.search(s.text):
            story.listed_at = s.index  # "List of Outcomes: ...", "Agreements / MoUs": the items below were concluded
            continue
        if s.index in announced or not rx.trigger.search(s.text):
            _signed_document(story, s)
            _next_counted(story, s)
            continue  # most sentences name no agreement: skip them before any other test
        if story.listed_at == s.index - 1 and not is_negated(s.text, rx):
            story.listed_at = s.index  # "1. Memorandum of Understanding between A and B on ...": one item
        clauses = _agreement_clauses(s.text, rx)
        whole = [c for _, _, c in name_spans(s.text, story.org_forms)] if len(clauses) > 1 else []
        for t in clauses:
            _read_clause(story, s, t, whole)
    return [_record(a) for a in _settle_agreements(story)]


def _recipients_listed(story: _Story, s: Sentence) -> bool:
    """"DRDO handed over licences to six industries. ... The industries include A and B": the bodies listed are the
    other parties of the deal just told, where it has one party only. True if they were added."""
    last = story.found[-1] if story.found else None
    if (last is None or not _one_side(last.parties, story.doc.orgs, story.rx.words.org_types_signing_for_parent)
            or s.index - story.last_at > SIGNING_DETAIL_REACH or not story.rx.p.recipients_listed.match(s.text)):
        return False
    named = [c for _, _, c in name_spans(s.text, story.org_forms) if c not in last.parties]
    add_new(last.parties, named)
    add_new(last.evidence, [s.text] if named else [])
    return bool(named)


def _deals_with_a_kind(t: str, org_forms: dict[str, str], rx: SpecPatterns) -> bool:
    """"have struck deals with European defence ministries": deals with a kind of body, uncounted and with none of
    them named after it (not "contracts with several companies, including A and B")."""
    kind = rx.p.deals_with_a_kind.search(t)
    return (kind is not None and _counted(t, rx) <= 1
            and not any(a >= kind.end() for a, _, _ in name_spans(t, org_forms)))


def _one_side(parties: list[str], orgs: list[Org], units: frozenset[str]) -> bool:
    """One body, or a body and one unit of the kinds that act for their parent ("DRDO ... the technologies developed
    by its laboratory X"): one side of a deal."""
    kinds = {o.name: o.org_type for o in orgs}
    bodies = [p for p in parties if kinds.get(p) not in units]
    return len(parties) == 1 or (len(bodies) == 1 and len(parties) == 2)


def _signed_document(story: _Story, s: Sentence) -> None:
    """"A and B signed the document", a few sentences after an agreement: its signatories (no agreement of its
    own); "It was signed on 3 June in Tallinn by ...": its day and place too (a list's bullet before it or not)."""
    p = story.rx.p
    s = replace(s, text=p.bullet.sub("", s.text))
    near = bool(story.found) and s.index - story.last_at <= SIGNING_DETAIL_REACH
    told_back = near and p.signing_told_back.search(s.text)
    if not told_back and not (near and p.signed_document.search(s.text)):
        return
    last = story.found[-1]
    # "X signed for the Navy, while Y signed for the company": who signed before each verb
    names = dedupe([n for v in story.rx.verb.finditer(s.text)
                    for n in _signatories(s.text, v, story.person_forms, story.rx)])
    lead = p.signing_for_was.match(s.text)  # "Signing for the Navy was Rear Admiral X"
    first = name_spans(s.text, story.person_forms)[:1]
    names += [n for a, _, n in first if lead is not None and a >= lead.end() and n not in names]
    other = p.side_represented_by.search(s.text)
    if other is not None:  # "..., while the university was represented by its Registrar, Dr X"
        names += [n for a, _, n in name_spans(s.text, story.person_forms) if a > other.end() and n not in names]
    _add_signatories(story, names)
    last.location = last.location or place_in(s.text, story.rx)  # "... signed the document in Brussels"
    if told_back:
        dates = [d for d in event_dates(story.rx.knowledge, s.text, story.doc.published, story.hint)
                 if not reported_on(story.rx.knowledge, s.text, d)]
        if last.date is None and (d := date_of(dates)):
            last.date, last.precision = d.start, d.precision
    add_new(last.evidence, [s.text] if names or told_back else [])


def _add_signatories(story: _Story, names: list[str]) -> None:
    """Who signed the agreement just told; where one sentence told it as several, one per counterpart ("signed
    MoUs with A, B and C"), each signed for the counterpart that is their body, and any other for the side all
    of them share ("X signed on behalf of the Army, while the directors signed for their institutes")."""
    group = _told_together(story.found)
    if len(group) < 2:
        add_new(story.found[-1].signatories, names)
        return
    shared = set.intersection(*(set(a.parties) for a in group))
    own = {p: a for a in group for p in a.parties if p not in shared}
    units = story.rx.words.org_types_signing_for_parent
    for name in names:
        body = _top_body(story.org_of_person.get(name), story.doc.orgs, units)
        for a in [own[body]] if body in own else group:
            add_new(a.signatories, [name])


def _next_counted(story: _Story, s: Sentence) -> None:
    """"The second, with Vexa Motors, is for vehicles": the next counted agreement, its word left out, is with
    the bodies the sentence names (not those it serves: "covers sonars for Norland Navy frigates")."""
    text = story.rx.p.bullet.sub("", s.text)
    # "The first, with A, is for X; the second, with B, ...": each item in its turn.
    for item in story.rx.p.ordinal_item_next.split(text):
        if not story.slots or not story.rx.p.ordinal_item.match(item):
            return
        named, served = _named_and_served(item, len(item), story.org_forms, story.rx)
        named = [c for c in named if c not in served]
        if named:
            slot = story.slots.pop(0)
            add_new(slot.parties, named)
            add_new(slot.evidence, [s.text])


def _clause_verb(t: str, pos: int, rx: SpecPatterns) -> re.Match[str] | None:
    """The clause's first concluding verb from `pos`, not a word of a name ("the Basic Exchange and ...")."""
    return next((m for m in rx.verb.finditer(t, pos) if not inside_a_name(t, m.start(), m.end())), None)


def _read_clause(story: _Story, s: Sentence, t: str, whole: list[str]) -> None:
    """One clause: a new agreement, details for one already read, or nothing."""
    rx, found = story.rx, story.found
    said = t  # the evidence keeps the whole clause, even when its planned part is cut off below
    ended = rx.p.talks_concluded.search(t)  # "Talks concluded last week and X signed ...": signed is the verb
    held = rx.p.meeting_concluded.search(t) if ended is None else None
    start = ended.end() if ended else held.end() if held else 0
    verb = _clause_verb(t, start, rx) or (_clause_verb(t, 0, rx) if ended or held else None)
    if verb is not None:
        t = _from_own_subject(t, verb, rx)
    t = drop_planned_part(t, rx, verb)
    # "Orion Missiles, a joint venture between India and Chile, received ...": a description, not the deal.
    t = blanked(rx.p.joint_venture, t)
    # "signed a $6.5 billion deal ..., the second contract under a 2022 framework agreement": the earlier deal a
    # clause's deal falls under names no kind of its own.
    obj = _object_type(t, verb, rx)
    specific = obj if obj and obj[0] != rx.special("fallback") else None
    typ = (specific
           or best_type(blanked(rx.p.earlier_deal_phrase, t), rx.trigger, rx.types, rx.p.trigger_as_modifier)
           or best_type(t, rx.trigger, rx.types, rx.p.trigger_as_modifier))
    if obj and typ and verb is not None and (typ[0] == obj[0] or (
            typ[1] < verb.start() and rx.p.anaphor_agreement.search(t[:typ[1]]))):
        typ = obj  # "In connection with the deal, A and B signed an agreement": the verb's object, not the deal
        # spoken of before it
    if typ is None or (rx.p.relationship_deal.match(t, typ[1])
                       and not (verb is not None and rx.p.document_verb.match(verb.group()))):
        return
    if ended and verb is not None and verb.end() <= ended.end():
        return  # "Talks on the contract concluded on Monday": talks ended, no agreement was concluded
    # "X cancelled its order ...", "contracts shall be concluded in two years": planned or undone; what refers
    # back to it is no agreement either.
    # "X will deliver radars under a contract signed in 2023": the participle after the deal's word, with when,
    # says it was concluded, whatever the main clause plans.
    noun = rx.p.word.match(t, typ[1])
    participle = (verb is not None and noun is not None and verb.start() >= noun.end()
                  and not t[noun.end():verb.start()].strip() and bool(rx.p.when_concluded.match(t, verb.end())))
    negated_from = verb.start() if participle and verb is not None and not rx.p.undone.search(t) else 0
    if rx.negation.search(t, negated_from) is not None or (
            verb is not None and not participle
            and rx.p.modal_before.search(t, max(0, verb.start() - MODAL_REACH), verb.start())):
        story.negated_at = s.index
        if s.index not in story.headline:
            story.negated_types.add(typ[0])  # "A contract is expected to be signed": what a headline won is not yet
        last = found[-1] if found and s.index - story.last_at <= 2 else None
        # (not "The contract, which had been cancelled in 2022, was revived": an aside's past undoing)
        if (last is not None and rx.p.undone.search(blanked(rx.p.any_relative_aside, t))
                and rx.p.anaphor_agreement.search(t[:typ[1]])
                and typ[0] in (last.type, rx.special("fallback"))):
            found.remove(last)  # "... the deal signed in 2019. The contract was cancelled last year": undone
        return
    if (verb is not None and rx.p.signing_verb.match(verb.group()) and found
            and rx.p.signing_back.search(t[:verb.start()])):
        return  # "within 48 months of signing the contract": the terms of one already reported
    if typ[0] == rx.special("contract") and rx.p.order_not_contract.search(t) and not rx.p.contract_word.search(t):
        return
    if (rx.p.example_parties.search(t) or told_as_a_trend(said, rx)
            or _deals_with_a_kind(t, story.org_forms, rx)):
        return  # "orders with firms such as A, B and C", "signed deals in recent years": a trend, no one deal
    present = rx.p.presence.search(t)
    if present is not None and present.start() < typ[1]:
        # "In the presence of the two Ministers, an arrangement between A and B was exchanged": those present
        # open the sentence; the parties follow them.
        end = clause_end(t, present.end())
        t = t[:present.start()] + " " * (end - present.start()) + t[end:]
        present = rx.p.presence.search(t)
    cut = present.start() if present else len(t)
    cut = _before_deal_content(t, typ, cut, story.org_forms, rx)
    # "X, who chaired the Procurement Board until 2022, said the deal ...": what an aside says of a person names no
    # side of the deal told outside it (an aside of "which" may list them: ", which include A, B and C").
    outside = rx.p.person_aside.sub(
        lambda m: m.group() if m.start() <= typ[1] < m.end() else " " * len(m.group()), t)
    parties = _not_the_occasion(t, _named_parties(outside, cut, story.org_forms, rx), story.org_forms,
                                rx) or list(whole)
    parties = _not_the_announcer(t, parties, story.org_forms, rx)
    # Without a verb, only "The second contract was with Vela Shipyard": a sentence right after a
    # concluded agreement that names another party adds an agreement of its own.
    another_between = verb is None and len(parties) >= 2 and bool(rx.p.under_another_deal.match(t))
    # "... took delivery from X under a 2021 contract": a deal its year dates was concluded (no verb needed).
    another_between = another_between or (verb is None and bool(
        rx.p.earlier_dated_deal.match(t) or rx.p.under_dated_deal.search(t)))
    itemised = story.listed_at == s.index
    if verb is None and not another_between and not itemised and not (
            found and parties and (s.index - story.last_at <= 3 or story.slots) and typ[0] != rx.special("fallback")
            and rx.p.another.search(t[max(0, typ[1] - 30):typ[1] + 40]) and rx.p.with_named.search(t)):
        # "X signed an agreement with Y ... The contract is worth $54 million": the one just told, now typed.
        if (found and found[-1].type == rx.special("fallback") != typ[0] and s.index - story.last_at <= 1
                and rx.p.deal_value_told.match(t)):
            found[-1].type = typ[0]
        if found and s.index - story.last_at <= 1 and rx.p.anaphor_agreement.search(t[:typ[1]]):
            story.last_at = s.index  # "X said the agreement, worth $85 million, ...": still the one just told
        return
    anaphoric = bool(rx.p.anaphor_agreement.search(t[:typ[1]]))
    if anaphoric and found and _only_venues(t, cut, story.org_forms, rx):
        parties = []  # "The MoU was signed at the Embassy of Chile": where the one just told was signed
    if anaphoric and found and (under := rx.p.under_the_deal.match(t)):
        aside = {n for _, e, n in name_spans(t, story.org_forms) if e <= under.end()}
        parties = [p for p in parties if p in aside]  # "Under the deal, signed in Paris, X will build ...": X works
    if anaphoric and not parties and s.index - story.negated_at <= 2 and story.last_at < story.negated_at:
        return  # "The contract, worth $2 billion, had been signed in 2024": the one just cancelled
    follows = s.index - story.last_at <= 1  # right after the sentence that named the last agreement
    story.last_at = s.index
    ag = _agreement(story, s, t, said, typ, cut, verb, parties, anaphoric)
    before = len(found)
    _file(story, ag, t, said, typ, verb, anaphoric, named=bool(parties), follows=follows)
    if verb is not None and not anaphoric:
        # "signed an MoU on industry and an implementing arrangement on shipping": one agreement per kind signed.
        others = _kinds_joined(t, verb, rx, counted=bool(ag.parties))
        if ag.type in others:
            others.remove(ag.type)  # the agreement just filed is of one of them
            if len(found) - before > 1:
                # "a contract with A ..., and a contract with B": filed one per counterpart already
                others = [o for o in others if o != ag.type]
            found.extend(replace(ag, type=other, parties=list(ag.parties), signatories=list(ag.signatories),
                                 evidence=[said]) for other in others)


def _object_type(t: str, verb: re.Match[str] | None, rx: SpecPatterns) -> tuple[str, int] | None:
    """"signed a contract on Wednesday, two years after agreeing a framework deal": the kind of deal the verb
    takes as its object is the clause's, before any more specific word further on, which names another deal;
    a bare "agreement" or "deal" object (the fallback kind) still lets a more specific word name its kind."""
    if verb is None:
        return None
    obj = rx.p.verb_object.match(t, verb.end())
    typ = best_type(obj.group(), rx.trigger, rx.types, rx.p.trigger_as_modifier) if obj else None
    return None if typ is None else (typ[0], verb.end() + typ[1])


def _not_the_occasion(t: str, parties: list[str], org_forms: dict[str, str], rx: SpecPatterns) -> list[str]:
    """"signed ... on the sidelines of the ASEAN Defence Ministers' Meeting-Plus": a body named only in the
    occasion's phrase is no side of the deal."""
    side = rx.p.sidelines.search(t)
    if side is None:
        return parties
    only = named_only_within(name_spans(t, org_forms), side.start(), clause_end(t, side.end()))
    return [p for p in parties if p not in only]


def _not_the_announcer(t: str, parties: list[str], org_forms: dict[str, str], rx: SpecPatterns) -> list[str]:
    """"ISRO announced an agreement between NSIL and Vexa": the sides are those after "between", where two are
    named there; the announcer is none of them."""
    told = rx.p.announced_between.search(t)
    if told is None:
        return parties
    after = {c for a, _, c in name_spans(t, org_forms) if a >= told.end()}
    return [p for p in parties if p in after] if len(after & set(parties)) >= 2 else parties


def _from_own_subject(t: str, verb: re.Match[str], rx: SpecPatterns) -> str:
    """"The NDMA has ordered 24 radars, the Royal Danish Navy has signed a contract for sonar": the clause
    before the verb's own subject is another's; "The firm has partnered with A and signed ...": the first
    predicate is (blanked, so offsets stay)."""
    if not rx.p.finite_have.search(t, 0, verb.start()):
        return t  # most clauses have no finite "has" before the verb: nothing to cut
    first = rx.p.first_predicate.search(t, 0, verb.start())
    if first is not None:
        # "The company has partnered with A and B on programmes and signed an agreement with C": A and B are
        # the first predicate's; the subject signed with C.
        return t[:first.start()] + " " * (first.end() - first.start()) + t[first.end():]
    leads = [m for m in rx.p.new_subject_clause.finditer(t, 0, verb.start())
             if rx.p.finite_have.search(t, 0, m.start())]
    if not leads:
        return t
    cut = leads[-1].start() + 1
    return " " * cut + t[cut:]


def _kinds_joined(t: str, verb: re.Match[str], rx: SpecPatterns, counted: bool = False) -> list[str]:
    """The types of the agreement words the verb takes where more than one is signed: the first, and each
    joined to the one before by "and a"/"and an" ("signed an MoU ... and a letter of intent"), or, with
    `counted` (the clause names its sides), by a number ("a joint declaration and six memoranda")."""
    words = [m for m in rx.trigger.finditer(t, verb.end()) if not rx.p.trigger_as_modifier.match(t, m.end())]
    out = []
    for n, m in enumerate(words):
        k = kind(m.group(), rx.types)
        if k is None:
            continue
        joined = rx.p.another_kind_joined.search(t, words[n - 1].end(), m.start()) if n else None
        if n == 0 or joined or (counted and rx.p.counted_kind_joined.search(t, words[n - 1].end(), m.start())):
            out.append(k[1])
        else:
            break
    return out if len(out) > 1 else []


def _listed_deals(story: _Story, s: Sentence) -> None:
    """"The deals included a contract with Vexa for ..., and an agreement with Tellura": one agreement per
    item, between the body that concluded the deals just reported and the item's party. The deals'
    own entry, if it had no other party yet, becomes the first item."""
    rx, last, t = story.rx, story.found[-1], s.text
    spans = name_spans(t, story.org_forms)
    if _pairs_listed(story, s, spans, last) or _kinds_listed(story, s, last):
        return
    clause_start = 0
    told: list[str] = []
    for item in rx.p.with_one_name.finditer(t):
        party = next((c for a, _, c in spans if item.start(1) <= a < item.end(1)), None)  # "with Israel's X"
        # "Among them, A tied up with B ...; C signed with D": an item's own subject, else the deals' body, else
        # the subject of the item before ("A signed an MoU with B, and another with C").
        subject = [c for a, _, c in spans if clause_start <= a < item.start()]
        own = subject[-1:] or last.parties[:1] or told
        told = own
        # "a contract with X ..., and with Y": the agreement word nearest before the item, else the deals'; an
        # item with its own subject ("and Orvik agreed with Y") has only its own clause's.
        words = [m for m in rx.trigger.finditer(t, clause_start if subject else 0, item.start())]
        clause_start = item.end()
        if party is None or party in own:
            continue
        typ = kind(words[-1].group(), rx.types) if words else None
        # "signed 12 MoUs ... Among them were agreements with X": a generic word keeps the deals' type.
        specific = typ[1] if typ and typ[1] != rx.special("fallback") else last.type
        ag = Agreement(type=specific, parties=[*own, party], date=last.date,
                       precision=last.precision, location=last.location, evidence=[t])
        if len(set(last.parties)) < 2 and last in story.found:
            story.found.remove(last)
        story.found.append(ag)
    story.last_at = s.index


def _kinds_listed(story: _Story, s: Sentence, last: Agreement) -> bool:
    """"The two sides signed five agreements. These included an MoU on ..., an implementing arrangement on
    ... and a letter of intent on ...": the counted agreements, one item each, of the item's type (no body of
    their own is named). True if the items typed any."""
    rx, t = story.rx, s.text
    if rx.p.with_one_name.search(t):
        return False
    kinds = [k_[1] for k_ in (kind(m.group(), rx.types) for m in _deal_items_anywhere(t, rx)) if k_]
    fallback = rx.special("fallback")
    group = [a for a in story.found if a.evidence[:1] == last.evidence[:1] and a.type == fallback]
    for ag, typ in zip(group, kinds, strict=False):
        ag.type = typ
        add_new(ag.evidence, [t])
    story.last_at = s.index if kinds and group else story.last_at
    return bool(kinds and group)


def _deal_items_anywhere(t: str, rx: SpecPatterns) -> list[re.Match[str]]:
    """The agreement words of a list of deals, each after "a"/"an" (with or without a body after it)."""
    return [m for m in rx.trigger.finditer(t)
            if rx.p.deal_item_lead.search(t[max(0, m.start() - DEAL_NAME_REACH):m.start()])]


def _pairs_listed(story: _Story, s: Sentence, spans: list[tuple[int, int, str]], last: Agreement) -> bool:
    """"The MoUs included one between A and B on ..., and another between C and D": one agreement per pair,
    of the type the item names, else of the deals'. True if the sentence listed any."""
    rx, t = story.rx, s.text
    starts = [m.end() for m in rx.p.between_item.finditer(t)]
    if not starts:
        return False
    pairs = []
    for lo, hi in zip(starts, [*starts[1:], len(t)], strict=True):
        named = dedupe([c for a, _, c in spans if lo <= a < hi])
        if len(named) >= 2:
            words = list(rx.trigger.finditer(t, 0, lo))
            typ = kind(words[-1].group(), rx.types) if words else None
            own = typ[1] if typ and typ[1] != rx.special("fallback") else last.type
            pairs.append(Agreement(type=own, parties=named[:2], date=last.date, precision=last.precision,
                                   location=last.location, evidence=[t]))
    if pairs and len(set(last.parties)) < 2 and last in story.found:
        story.found.remove(last)
    story.found.extend(pairs)
    story.last_at = s.index if pairs else story.last_at
    return bool(pairs)


def _contracting_body(story: _Story, s: Sentence) -> None:
    """"Naval Systems Command, Arlington, Virginia, is the contracting activity": the body that awarded the
    contract just reported is its other party (the form of contract notices)."""
    found = story.found
    if not found or s.index - story.last_at > 3:
        return
    cue = story.rx.p.contracting_activity.search(s.text)
    if cue is None:
        return
    named = [name for a, _, name in name_spans(s.text, story.org_forms) if a < cue.start()]
    if named and named[0] not in found[-1].parties:
        found[-1].parties.append(named[0])


def _within_the_aside(t: str, typ: tuple[str, int], verb: re.Match[str] | None, dates: list[DateMention],
                      rx: SpecPatterns) -> list[DateMention]:
    """"The agreement, signed in Oslo, builds on a programme launched last year": where the deal's verb opens an
    aside after its word, a date past the aside's end is the rest of the sentence's, not the deal's."""
    word = rx.trigger.match(t, typ[1])
    if verb is None or word is None or t[word.end():verb.start()].strip() != ",":
        return dates
    end = clause_end(t, verb.end())
    if rx.verb.search(t, end):
        return dates  # "The order, placed under a fast-track route, was signed last month": the deal's verb again
    return [d for d in dates if d.span[0] < end]


def _headline_kind(story: _Story, s: Sentence, t: str, typ: tuple[str, int]) -> str:
    """The kind a clause gives its agreement; none in a headline's "signs deal with" (its body tells which)."""
    word = story.rx.trigger.match(t, typ[1])
    if s.index in story.headline and word is not None and word.group().lower() in story.rx.words.headline_deal_words:
        return story.rx.special("fallback") or typ[0]
    return typ[0]


def _agreement(story: _Story, s: Sentence, t: str, said: str, typ: tuple[str, int], cut: int,
               verb: re.Match[str] | None, parties: list[str], anaphoric: bool) -> Agreement:
    """The agreement a clause reports: parties (governments and signatories' bodies included), date, place."""
    rx, doc = story.rx, story.doc
    parties = _acting_for_others(t, parties, story.org_forms, rx)
    # "India and France signed a contract for jets for the Navy": the states are the parties, not those served.
    served = _named_and_served(t, cut, story.org_forms, rx)[1]
    unserved = [x for x in parties if x not in served]
    acting = _governments(t[:cut], unserved, doc.orgs, rx, story.org_forms)
    if len(acting) < 2:
        acting = _governments(t[:cut], parties, doc.orgs, rx, story.org_forms)
    parties = (unserved if len(acting) > 1 else parties) + acting
    if len(parties) < 2:
        parties += [x for x in two_services(t[:cut], doc.orgs, rx) if x not in parties]  # "the two navies signed"
    sides = ((_bodies_paired_before(story, s) or _pair_just_told(story, s)) if rx.p.two_sides_bodies.search(t)
             else [])
    if sides and set(parties) <= set(sides):  # "The companies signed ... at Vexlar's offices": one of the two
        parties = sides  # "The Norland Navy and the Vexian Navy held talks ... The two sides signed an MoU"
    elif rx.p.two_sides.search(t) and len(parties) < 2 and not (anaphoric and story.found):
        # "the two countries signed a pact": the governments of the two countries the story is about (one
        # may be named already: "Philippine President X ... the two leaders")
        parties += _governments_not_covered(_countries_near(story, s), parties, doc.orgs, rx)
    if not parties and rx.p.two_bodies.search(t[:typ[1]]):
        # "The two institutions had signed an agreement in 2019": the two of the deal just told.
        parties += [x for x in _pair_just_told(story) if x not in parties]
    signatories = (_signatories(t[:cut], verb, story.person_forms, rx) or _signed_after_presence(t, cut, story, rx)
                   or _two_ministers(t, doc, rx) or _two_co_chairs(t, story))
    # Those who signed sign for their bodies (the top body the article names: DRDO for its lab).
    units = rx.words.org_types_signing_for_parent
    parties += [b for b in (_top_body(story.org_of_person.get(p), doc.orgs, units) for p in signatories) if b]
    if len(set(parties)) < 2 and rx.p.we_signed.search(t):
        # '"We signed the MoU with the Navy today," said X, chief executive of Vexlar': "we" is the speaker's body
        speaker = next((n for a, _, n in name_spans(t, story.person_forms) if a > typ[1]), None)
        own = _top_body(story.org_of_person.get(speaker or ""), doc.orgs, units) or (
            story.protagonist if speaker is None else None)  # an interview's answer: the story's company
        parties += [own] if own and own not in parties else []
    if len(set(parties)) < 2 and not signatories and (pair := _countries_naming_the_deal(t, typ, rx)):
        # "the Norway-Chile Defence Cooperation Agreement was signed": the two countries' governments, where no
        # one who signed it (and so no body acting) is named, and no body of the country already.
        parties += _governments_not_covered(pair, parties, doc.orgs, rx)
    if len(set(parties)) < 2:
        parties += [c for c in _company_of_country(t[:cut], doc.orgs, rx) if c not in parties]
    if (len(set(parties)) == 1 and story.protagonist and story.protagonist not in parties and not signatories
            and rx.p.passive_signed.search(t) and not rx.p.distinct_mention.search(t[max(0, typ[1] - 30):typ[1]])):
        parties.insert(0, story.protagonist)  # "An export contract with X was signed": the story's company's
    if (len(set(parties)) < 2 or rx.p.signer_with_others.search(t)) and (own := _signer_told_before(story, s, t)):
        # "The company said it had signed ...", "the two companies will ...": the story's company, else the
        # company the sentences just before opened with; "the company signed an MoU with A and B": beside both.
        parties[:0] = [] if own in parties else [own]
    elif (body := rx.p.body_signed.search(t[:cut])) and (len(set(parties)) < 2 or len(_deal_items(t, rx)) > 1):
        # "The ministry signed a framework agreement with ...": the story's ministry.
        noun = body.group(1).lower()  # "the Government also awarded": capitalised as a title
        named = _leading_body(doc.orgs, rx.words.map("anaphoric_bodies")[noun], noun) or (
            _government_told(story) if noun == "government" else None)
        if named and named not in parties:
            parties.insert(0, named)
    ended = rx.p.talks_concluded.search(t)  # "Talks ended last week and X signed on Monday": the talks' date is theirs
    dates = [d for d in event_dates(rx.knowledge, t, doc.published, story.hint) if not reported_on(rx.knowledge, t, d)
             and not (ended and d.span[0] <= ended.end() + OWN_DATE_REACH and verb is not None
                      and verb.start() > ended.end())]
    before_story = bool(rx.p.done_before_story.search(t, max(0, typ[1] - 80), typ[1]) or rx.p.tenure_opening.match(t))
    # "inaugurated a plant in Nagpur on Saturday, months after the two signed a pact": the clause's day and place
    # are the story's event's; a deal done before it has only what follows its own verb, or the time that opens
    # the clause ("Last month, X had signed ...", "X had signed a similar contract in 2021").
    its_own = [d for d in dates if rx.p.opening_date_lead.match(t[:d.span[0]])
               or (verb is not None and d.span[0] > verb.start())]
    dates = _within_the_aside(t, typ, verb, dates, rx)
    own_day = _own_date(t, typ, verb, dates, rx)
    when = own_day or date_of(its_own if before_story else dates)
    # "... at a facility in Kanpur, under an agreement the two signed in 2024": the place is the facility's.
    referred = rx.p.under_a_deal.search(t, max(0, typ[1] - 40), typ[1])
    place = place_in(t[typ[1]:] if referred else t[verb.start():] if before_story and verb is not None else t, rx)
    return Agreement(
        type=_headline_kind(story, s, t, typ), parties=dedupe(parties), signatories=signatories,
        date=when.start if when else None, precision=when.precision if when else None,
        location=place, evidence=[said], headline_only=s.index in story.headline, before_story=before_story,
        own_date=own_day is not None,
        summary=_is_plural(t, typ, rx) and _counted(t, rx) == 1 and not parties and not signatories,
    )


def _acting_for_others(t: str, parties: list[str], org_forms: dict[str, str], rx: SpecPatterns) -> list[str]:
    """"with the Commonwealth of Vexa, represented by the Department of Defence": the body that acts is the
    party, in place of the one it represents (named up to REPRESENTED_REACH characters before)."""
    found = list(rx.p.represented_by.finditer(t))
    if not found:
        return parties
    spans = name_spans(t, org_forms)
    for m in found:
        principal = next((n for a, e, n in reversed(spans) if e <= m.start() and m.start() - e <= REPRESENTED_REACH),
                         None)
        agent = next((n for a, _, n in spans if a == m.end()), None)
        if principal is not None and agent is not None:
            parties = [agent if p == principal else p for p in parties]
    return dedupe(parties)


def _own_date(t: str, typ: tuple[str, int], verb: re.Match[str] | None, dates: list[DateMention],
              rx: SpecPatterns) -> DateMention | None:
    """The date the clause gives the agreement itself, where it gives one among others: right after the
    concluding verb ("signed in 2024"), or after only where it was done ("signed at X in Oslo on 12 May"); later
    in a participle right after the agreement's word ("a contract signed with the Ministry in October 2018"); the
    year before its word ("under a 2021 contract")."""
    if verb is None:
        under = rx.p.under_dated_deal.search(t)
        return next((d for d in dates if under and under.start() <= d.span[0] < under.end()), None)
    word = rx.trigger.match(t, typ[1])
    signed = rx.p.deal_participle.match(t, word.end()) if word is not None and verb.start() < typ[1] else None
    if signed is not None:
        # "received a frigate on Tuesday under a contract signed in 2021": the participle's date is the deal's
        own = next((d for d in dates if 0 <= d.span[0] - signed.end() <= OWN_DATE_REACH), None)
        if own is not None:
            return own
    # "renewed their 2019 maintenance agreement on Monday": a year naming the deal's first making is no date of this
    attributive = [d for d in dates if d.precision == "year" and d.span[1] <= typ[1] <= d.span[1] + ATTRIBUTIVE_REACH]
    right_after = next((d for d in dates if d not in attributive and (
        0 <= d.span[0] - verb.end() <= OWN_DATE_REACH or rx.p.places_before_date.fullmatch(t, verb.end(), d.span[0]))),
        None)
    if right_after is not None or word is None or not 0 <= verb.start() - word.end() <= 2:
        return right_after
    return next((d for d in dates if verb.end() <= d.span[0] < clause_end(t, verb.end())), None)


def _file(story: _Story, ag: Agreement, t: str, said: str, typ: tuple[str, int], verb: re.Match[str] | None,
          anaphoric: bool, named: bool, follows: bool = False) -> None:
    """Where a clause's agreement goes: a counted slot, one per listed year, the one it refers back to,
    a merge with an earlier mention, or a new entry (with as many more as the clause counts)."""
    rx, found = story.rx, story.found
    fallback = rx.special("fallback")
    ordinal = verb is not None and bool(rx.p.ordinal_deal.match(t))
    open_slot = _open_slot(story.slots, ag, fallback, ordinal) if verb is None or ordinal else None
    # "exchanged two agreements ... The hydrography agreement was exchanged between A and B": one of those counted,
    # told again by its subject, with the bodies that acted in place of the summary's states.
    told_again = (open_slot is None and bool(story.slots) and len(ag.parties) >= 2 and not _is_plural(t, typ, rx)
                  and (anaphoric or bool(rx.p.one_of_the_counted.search(t[:typ[1]]))))
    open_slot = story.slots[0] if told_again else open_slot
    if open_slot is not None:
        # "The first contract was with X", "the second with Y": each fills one counted agreement; "exchanged
        # three agreements: - MoU between A and B ...": each item fills one, with its own kind and sides.
        story.slots.remove(open_slot)
        open_slot.type = ag.type if open_slot.type == fallback else open_slot.type
        if told_again or (len(ag.parties) >= 2 and rx.p.sides_between.search(t)):
            open_slot.parties = []  # "- an MoU between A and B": the item's own sides, not the summary's states
        add_new(open_slot.parties, ag.parties)
        add_new(open_slot.signatories, ag.signatories)
        open_slot.location = fuller_place(open_slot.location, ag.location)
        if _finer_within(ag, open_slot):  # "The defence agreement was signed on January 28": that one's day
            open_slot.date, open_slot.precision = ag.date, ag.precision
        add_new(open_slot.evidence, [said])
        return
    group = _counted_group(found, t, typ, rx)
    if group:
        # "India and Peru inked seven agreements ... The seven MoUs signed ...": those seven again, now typed.
        for a in group:
            a.type = ag.type if a.type == rx.special("fallback") else a.type
            add_new(a.evidence, [said])
        return
    years = _year_list(t, rx) if _is_plural(t, typ, rx) else []
    if len(years) > 1:
        # "the memoranda signed in 2004, 2007 and 2010": one agreement per year.
        found.extend(Agreement(type=ag.type, parties=list(ag.parties), date=dt.date(y, 1, 1), precision="year",
                               evidence=[said]) for y in years)
        return
    told = _sides_told_one_by_one(story, t) if anaphoric and len(story.slots) >= 2 else []
    if len(told) >= 2:
        # "signed three agreements. The agreements signed include one between A and B, one between C and D ...":
        # the counted deals, each with its own sides (one told with none named keeps the sides it had).
        for slot, pair in zip(story.slots, told, strict=False):
            slot.parties = pair if len(pair) >= 2 else slot.parties
            add_new(slot.evidence, [said])
        story.slots = story.slots[len(told):]
        return
    signed_by = named and follows and bool(rx.p.signed_by_whom.search(t))
    refines = anaphoric and found and _refines(found[-1], t, typ, rx)
    if anaphoric and found and (not named or signed_by or refines) and (refines or _refers_back(found[-1], ag, rx)):
        # "The signing of this agreement ...": details for the last one, not a new agreement; "The contract
        # was signed by the head of the X Agency": and who signed it for which body.
        if refines:
            found[-1].type = ag.type  # "The framework contract was signed in ...": the contract just told, now typed
        if signed_by or refines:
            add_new(found[-1].parties, ag.parties)  # "The framework contract, concluded with the X Office, ..."
        # "signed two contracts ... The contracts were signed in Oslo by X": where, when and by whom, for each.
        told_together = _told_together(found) if _is_plural(t, typ, rx) else [found[-1]]
        if len(told_together) == 1 and _is_plural(t, typ, rx):
            # "A signed a contract with B. C also awarded D a contract. The contracts were signed on Wednesday":
            # the story's deals of that kind, each told on its own (not history told with a year).
            told_together = [a for a in found if a.type == ag.type and not a.before_story and a.precision != "year"
                             ] or told_together
        for a in told_together:
            add_new(a.signatories, ag.signatories)
            a.location = fuller_place(a.location, ag.location)
            if a.date is None or (ag.own_date and not a.own_date and ag.date is not None) or _finer_within(ag, a):
                # "X today announced it has been awarded a contract ... The contract, awarded on 10 January,
                # ...": the day told by the verb is the deal's, not the day of the announcement
                a.date, a.precision, a.own_date = ag.date, ag.precision, ag.own_date
        add_new(found[-1].evidence, [said])
        return
    listed = _listed_after_with(t, typ, ag, story.org_forms, rx) if anaphoric and len(story.slots) >= 2 else []
    if 2 <= len(listed) <= len(story.slots) and not set(listed) & {p for a in story.slots for p in a.parties}:
        # "signed three contracts ... The contracts were signed with A for x, with B for y and with C for z":
        # each body listed is the other side of one counted contract.
        for c in listed:
            slot = story.slots.pop(0)
            add_new(slot.parties, [c])
            add_new(slot.evidence, [said])
        return
    together = _told_together(found, ag.type) if anaphoric and ag.signatories and _is_plural(t, typ, rx) else []
    if len(together) > 1:
        # "X signed MoUs with A and B. Its president signed both MoUs": who signed, where and when, for each.
        for a in together:
            add_new(a.signatories, ag.signatories)
            a.location = fuller_place(a.location, ag.location)
            add_new(a.evidence, [said])
        return
    each = (_itemised_deals(t, ag, story.org_forms, rx) or _one_per_counterpart(t, typ, ag, story.org_forms, rx)
            or _one_per_dated_item(t, ag, rx))
    if each:
        for one in each:
            _merge_agreement(found, one, False, rx)
        return
    if rx.p.distinct_mention.search(t[max(0, typ[1] - 30):typ[1]]) or rx.p.earlier_time_opening.match(t):
        if not ag.parties and found and rx.p.the_two_parties.search(t):
            ag.parties = list(found[-1].parties)  # "an agreement signed in 2023 between the two parties"
        found.append(ag)  # "HAL had signed a similar contract in 2021": another agreement
    else:
        _merge_agreement(found, ag, anaphoric, rx, {o.name: o.country for o in story.doc.orgs if o.country},
                         bool(rx.p.signed_with_whom.search(t)))
    # "signed three MoUs", "two landmark Defence Arrangements": as many agreements as the text counts.
    count = _counted(t, rx)
    if count > 1:
        story.slots = [found[-1]]
        for _ in range(count - 1):
            # (a headline's count stays the headline's, even where its first deal joined one the body told)
            found.append(Agreement(type=ag.type, parties=list(ag.parties), date=ag.date,
                                   precision=ag.precision, location=ag.location, evidence=[said],
                                   headline_only=ag.headline_only))
            story.slots.append(found[-1])
        _kinds_after_colon(story, t)
        _sides_of_each(story, t, count)


def _finer_within(told: Agreement, known: Agreement) -> bool:
    """"signed last week ... The agreement was signed on January 28": a day inside the month (or year) the deal
    was dated to makes its date exact."""
    if told.date is None or known.date is None or told.precision != "day" or known.precision not in ("month", "year"):
        return False
    return told.date.year == known.date.year and (known.precision == "year" or told.date.month == known.date.month)


def _open_slot(slots: list[Agreement], ag: Agreement, fallback: str | None, ordinal: bool) -> Agreement | None:
    """The counted agreement a clause fills: the first of its type; for "The first contract was signed with X"
    (`ordinal`), the first that names no side but those all of them share and the clause's own."""
    shared = set.intersection(*(set(a.parties) for a in slots)) if slots else set()
    return next((a for a in slots if a.type in (ag.type, fallback)
                 and (not ordinal or set(a.parties) <= shared | set(ag.parties))), None)


def _sides_told_one_by_one(story: _Story, t: str) -> list[list[str]]:
    """"including one between A and B on X, and another between C and D": the sides named for each counted deal, in
    the order told (a pair's sides run to the next "one between")."""
    marks = list(story.rx.p.one_of_them_between.finditer(t))
    if not marks:
        return []
    ends = [m.start() for m in marks[1:]] + [len(t)]
    spans = name_spans(t, story.org_forms)
    return [dedupe([c for a, _, c in spans if m.end() <= a < end]) for m, end in zip(marks, ends, strict=True)]


def _kinds_after_colon(story: _Story, t: str) -> None:
    """"signed three agreements: an implementing arrangement on ..., an MoU on ... between A and B, and a
    letter of intent on ...": the counted deals, one item each, of the item's kind; an item naming two bodies of
    its own has them as its sides (the others keep the clause's)."""
    rx, colon = story.rx, t.find(":")
    items = [m for m in _deal_items_anywhere(t, rx) if m.start() > colon] if colon >= 0 else []
    if len(items) != len(story.slots):
        return
    spans = name_spans(t, story.org_forms)
    ends = [*(m.start() for m in items[1:]), len(t)]
    named = [dedupe([c for a, _, c in spans if m.end() <= a < end]) for m, end in zip(items, ends, strict=True)]
    # Each item's own two sides ("an MoU ... between A and B"), else none.
    own = [sides[:2] if len(sides) >= 2 and rx.p.sides_between.search(t, m.end(), end) else []
           for sides, m, end in zip(named, items, ends, strict=True)]
    own_sides = {p for sides in own for p in sides}
    # The rest are the signers' before the list: "India and Australia signed", "the two sides signed".
    states = _governments(t[:colon], [], story.doc.orgs, rx, story.org_forms)
    if len(states) < 2 and rx.p.two_sides.search(t, 0, colon):
        states = [government_name(c, rx) for c in _article_countries(story.doc.sentences, rx)]
    for slot, m, sides in zip(story.slots, items, own, strict=True):
        own_kind = kind(m.group(), rx.types)
        slot.type = own_kind[1] if own_kind else slot.type
        if sides:
            slot.parties = sides
        elif own_sides:
            rest = [p for p in slot.parties if p not in own_sides]
            slot.parties = rest if len(rest) >= 2 else dedupe([*rest, *states])


def _sides_of_each(story: _Story, t: str, count: int) -> None:
    """"exchanged four MoUs, including one between A and B, and another between C and D": the counted deals
    named one by one have those sides (not every side the clause names); the rest keep the sides named of none,
    else the two countries' governments where "the two sides" signed."""
    sides = _sides_told_one_by_one(story, t)
    if not sides or len(sides) > count or any(len(pair) < 2 for pair in sides):
        return
    named = {p for pair in sides for p in pair}
    for slot, pair in zip(story.slots, sides, strict=False):
        slot.parties = pair
    rest = story.slots[len(sides):]
    # "the two sides exchanged four MoUs, including ...": those not told one by one are the two countries'.
    states = ([government_name(c, story.rx) for c in _article_countries(story.doc.sentences, story.rx)]
              if story.rx.p.two_sides.search(t) else [])
    for slot in rest:
        slot.parties = [p for p in slot.parties if p not in named] or list(states)
    story.slots = rest


def _listed_after_with(t: str, typ: tuple[str, int], ag: Agreement, org_forms: dict[str, str], rx: SpecPatterns
                       ) -> list[str]:
    """The parties named after "with" in a clause about plural agreements ("MoUs with A, B and C"), in order."""
    with_at = rx.p.sides_listed_after.search(t, typ[1]) if _is_plural(t, typ, rx) else None
    if with_at is None:
        return []
    named = [(a, c) for a, _, c in name_spans(t, org_forms) if a >= with_at.start()]
    # "memorandums with Poland, Romania and Norway": the states listed stand for their governments.
    matcher, forms = _country_nouns(rx.knowledge)
    named += [(a, government_name(forms[f], rx)) for a, _, f in matcher.finditer(t) if a >= with_at.start()]
    # "X signed contracts with A, B and C, X's head said": the side named before "with" is not listed.
    before = {c for a, _, c in name_spans(t, org_forms) if a < with_at.start()}
    return dedupe([c for _, c in sorted(named) if c in ag.parties and c not in before])


def _one_per_counterpart(t: str, typ: tuple[str, int], ag: Agreement, org_forms: dict[str, str],
                         rx: SpecPatterns) -> list[Agreement]:
    """"Acme signed MoUs with Vexa, Tellura and Quindar": one agreement between Acme and each body listed
    after "with" (the GUIDELINE counts one per pair that signed), where the clause counts no other number; so
    too "Acme and Vexa signed MoUs with Tellura": one each."""
    listed = _listed_after_with(t, typ, ag, org_forms, rx)
    own = [p for p in ag.parties if p not in listed]
    if len(listed) == 1 and len(own) >= 2 and _is_plural(t, typ, rx) and _counted(t, rx) in (1, len(own)):
        # "A and B signed agreements with C": each of them one with C.
        return [replace(ag, parties=[o, listed[0]], signatories=[], evidence=list(ag.evidence)) for o in own]
    # With no side of its own named, only where the clause counts them: "signed two contracts, one with A ...
    # and another with B".
    if len(listed) < 2 or _counted(t, rx) not in (1, len(listed)) or (not own and _counted(t, rx) != len(listed)):
        return []
    if len(own) == len(listed) and rx.p.respectively.search(t):
        # "A and B signed contracts with C and D respectively": A with C, B with D.
        pairs = zip(own, listed, strict=True)
        return [replace(ag, parties=[o, c], signatories=[], evidence=list(ag.evidence)) for o, c in pairs]
    return [replace(ag, parties=[*own, c], signatories=[], evidence=list(ag.evidence)) for c in listed]


def _record(a: Agreement) -> EventRecord:
    day = a.date.isoformat() if a.date else None
    roles = [RoleFiller("party", p) for p in a.parties] + [RoleFiller("signatory", p) for p in a.signatories]
    return EventRecord(type=a.type, start=day, end=day, precision=a.precision, location=a.location, roles=roles,
                       evidence=" ".join(a.evidence))


def _named_parties(t: str, cut: int, org_forms: dict[str, str], rx: SpecPatterns) -> list[str]:
    """The bodies a clause names as parties, before `cut` ('in the presence of'): not the body reporting
    it (', the ministry said'), not the hosts of the occasion ('organised by X'), and not those served
    ('aircraft for the Indian Air Force') or what it sets up ('to set up a Centre'), unless no one else
    is named."""
    named, served = _named_and_served(t, cut, org_forms, rx)
    kept = [c for c in named if c not in served] if set(named) - served else named
    if len(set(kept)) == 1:
        # "X won a contract to supply radars to the Norland Navy": with one side named, the one supplied is the other.
        kept += dedupe([c for a, _, c in name_spans(t[:cut], org_forms)
                        if c in served and c not in kept and rx.p.supplied_to.search(t[max(0, a - SERVED_REACH):a])])
    return kept


def _only_venues(t: str, cut: int, org_forms: dict[str, str], rx: SpecPatterns) -> bool:
    """True when every body the clause names is named as where it happened ("signed at the Embassy")."""
    spans = name_spans(t[:cut], org_forms)
    return bool(spans) and all(rx.p.venue.search(t[max(0, a - VENUE_REACH):a]) for a, _, _ in spans)


def _named_and_served(t: str, cut: int, org_forms: dict[str, str], rx: SpecPatterns) -> tuple[list[str], set[str]]:
    """The bodies a clause names (not its reporter or hosts), and those of them it serves or meets at."""
    p = rx.p
    hosts = [(m.end(), (t.find(",", m.end()) + 1 or len(t) + 1) - 1) for m in p.hosted_by.finditer(t)]
    spans = [(a, e, c) for a, e, c in name_spans(t[:cut], org_forms)
             if not p.reporting.match(t, e) and not any(x <= a < y for x, y in hosts)]
    # Those served, and a venue ("signed at the Dutch Ministry of Defence"): parties only where no one else is.
    for_them = served_spans(t, spans, rx)
    deal = rx.trigger.search(t)

    def served_here(a: int, e: int) -> bool:
        # "signed an MoU to pursue the Air Force's transport aircraft programme": the Air Force is served.
        owner = (deal is not None and a > deal.end() and p.owner_of_a_thing.match(t, e)
                 and p.purpose_between.search(t, deal.end(), a)
                 and not p.party_preposition_end.search(t, max(0, a - 40), a))
        return bool((a, e) in for_them or p.purpose.search(t[max(0, a - 40):a])
                    or p.venue.search(t[max(0, a - VENUE_REACH):a]) or p.venture_named.search(t, max(0, a - 40), a)
                    or owner or p.cast_as_helper.match(t, e))

    # Served only where every mention of it is: "A, IAI and B signed an MoU to make IAI's drones" has IAI sign.
    here: dict[tuple[int, int], bool] = {}
    for i, (a, e, c) in enumerate(spans):
        prev = spans[i - 1] if i else None
        same = prev is not None and prev[2] == c and not t[prev[1]:a].strip(" (")  # "Agency (MDA)": one mention
        here[(a, e)] = here[prev[:2]] if same and prev is not None else served_here(a, e)
        # "the Norland Air Force's Department of X signed": the department acts; its owner only frames it.
        if prev is not None and prev[2] != c and p.owner_gap.fullmatch(t, prev[1], a):
            here[prev[:2]] = True
    served = {c for _, _, c in spans if all(here[(a, e)] for a, e, x in spans if x == c)}
    # "exchanged a letter of intent at the Norland Embassy": a mission only hosts; it is no side even alone.
    hosting = {c for a, _, c in spans if c.split()[-1] in rx.words.sets["hosting_missions"]
               and p.venue.search(t[max(0, a - VENUE_REACH):a])}
    return [c for _, _, c in spans if c not in hosting], served - hosting


def _without_own_divisions(parties: list[str], by_name: dict[str, Org], unit_kinds: frozenset[str]) -> list[str]:
    """"a contract with Vexlar ..., signed by Vexlar Defence & Space's CEO": a company's own division beside the
    company is that company, not another side."""
    def company(name: str) -> bool:
        return name in by_name and by_name[name].org_type == "company"

    # "... signed by the Commandant of the Army's signals college": the Army's own unit beside the Army is the Army
    # (a unit of the kinds that act for their parent: not an agency or a laboratory named in its own right).
    def unit_of_a_party(name: str) -> bool:
        org = by_name.get(name)
        # (a company's own division, "HAL's Forge Division", beside the company too)
        return org is not None and org.parent in parties and (
            org.org_type in unit_kinds or (company(name) and company(org.parent or "")))

    return [p for p in parties if not (company(p) and any(p.startswith(q + " ") and company(q) for q in parties))
            and not unit_of_a_party(p)]


def _settle_agreements(story: _Story) -> list[Agreement]:
    """The story's agreements once every sentence is read."""
    found, orgs, fallback = story.found, story.doc.orgs, story.rx.special("fallback")
    # A headline ("Navy inks pact with X", "India, Chile sign MoU") announces what the body reports:
    # where the body names an agreement of its kind, the headline adds none of its own.
    body = [a for a in found if not a.headline_only]
    found = [a for a in found if not a.headline_only or not any(
        b.type == a.type or fallback in (a.type, b.type) for b in body)]
    # "X wins Navy contract" over "The Navy has selected X ... A contract is expected to be signed": not yet won.
    found = [a for a in found if not (a.headline_only and not body and (
        a.type in story.negated_types or (story.negated_types and fallback == a.type)))]
    by_name = {o.name: o for o in orgs}
    pair = _article_countries(story.doc.sentences, story.rx) if any(not a.parties for a in found) else []
    dated = [a for a in found if a.date is not None]
    for ag in found:
        if not ag.parties and pair and any(story.rx.p.bilateral_cue.search(e) for e in ag.evidence):
            # "Agreements to support each other's navies were signed": by the two countries the story is about.
            ag.parties = [government_name(c, story.rx) for c in pair]
        add_new(ag.parties, _states_of_signing_ministers(story, ag, by_name))
        # "Government of India" gives way to the Indian body that acts for it (not a company), where one is
        # a party.
        bodies = {by_name[p].country for p in ag.parties
                  if p in by_name and not p.startswith(GOVERNMENT) and _acts_for_its_state(by_name[p])}
        ag.parties = [p for p in ag.parties if not (p.startswith(GOVERNMENT) and _government_country(p) in bodies)]
        ag.parties = _without_own_divisions(ag.parties, by_name, story.rx.words.units_acting_for_their_parent)
        if ag.before_story:
            continue  # "X had earlier won a contract": not on any day the story tells
        if ag.location is None and any(story.rx.p.signing_witnessed.search(e) for e in ag.evidence):
            # "The ministers met in Oslo on Monday ... They also witnessed the signing of a contract": there
            ag.location = running_place(story.rx, story.doc.sentences, ag.evidence)
        if ag.location is None and any(story.rx.p.done_here.search(e) for e in ag.evidence):
            ag.location = dateline_city(story.doc.sentences, story.rx)  # "Oslo, May 3: ... signed here on Monday"
        # "A bagged an order from B on Monday. C clinched a deal with D.": another deal's day is not this one's.
        same_day = any(story.rx.p.same_day.search(e) for e in ag.evidence)  # "On the same day, C signed ..."
        others = [] if same_day else [e for b in found if b is not ag and b.parties
                                      and not set(b.parties) & set(ag.parties) for e in b.evidence]
        running = running_day(story.rx.knowledge, story.doc.sentences, ag.evidence, story.doc.published, story.hint,
                              others)
        if ag.date is None and running is not None:
            # "On Tuesday, they held talks. ... signed"; "... signed an agreement the following day": a day on
            ag.date, ag.precision = running.start, running.precision
            ag.date += dt.timedelta(days=days_later(story.rx.knowledge, ag.evidence[0]) if ag.evidence else 0)
        if ag.date is None and (lede := undated_event_date(story.rx.knowledge, story.doc, story.hint, ag.evidence,
                                                           [b.evidence for b in dated if b is not ag], others)
                                ) is not None:
            ag.date, ag.precision = lede.start, lede.precision
    found = _summary_side_in_its_deals(found, story.rx)
    # "Several agreements were signed at the show in Paris ...": the story tells them one by one where it names
    # any other, each signed where the summary says unless told otherwise.
    where: str | None = None
    for ag in found:
        if ag.summary:
            where = ag.location or where
        elif ag.location is None:
            ag.location = where
    found = [a for a in found if not a.summary or all(b.summary for b in found)]
    # An agreement word with no party, signatory or date is usually a passing mention, not an event.
    return [a for a in found if a.parties or a.signatories or a.date]


def _summary_side_in_its_deals(found: list[Agreement], rx: SpecPatterns) -> list[Agreement]:
    """"The Ministry signed contracts worth Rs 7,000 crore with three firms. A contract for guns was signed
    with A and B, ...": the one side the summary names is a party of each deal it sums up that a passive tells
    without it; the summary is those deals, not one more."""
    summed: set[int] = set()
    for i, ag in enumerate(found):
        if (i in summed or len(ag.parties) != 1 or ag.signatories
                or not any(rx.p.deals_summed_up.search(e) for e in ag.evidence)):
            continue
        # Each deal told after it that names one side only, or names it in the passive ("was signed with X").
        deals = [b for b in found[i + 1:] if b.type == ag.type and b.parties and ag.parties[0] not in b.parties
                 and b.evidence != ag.evidence
                 and (len(b.parties) == 1 or any(rx.p.signed_with_no_agent.search(e) for e in b.evidence))]
        for b in deals:
            b.parties.insert(0, ag.parties[0])
            b.date, b.precision = b.date or ag.date, b.precision or ag.precision
            b.location = fuller_place(b.location, ag.location)
        if deals:
            # The summary, and the entries its count made ("three contracts"), are those deals.
            summed |= {j for j, c in enumerate(found) if c.parties == ag.parties and set(c.evidence) & set(ag.evidence)}
    return [a for i, a in enumerate(found) if i not in summed]




def _company_of_country(text: str, orgs: list[Org], rx: SpecPatterns) -> list[str]:
    """"signed a contract with the US firm", "the French company": the story's one company of that country."""
    out: list[str] = []
    for m in rx.p.company_of_country.finditer(text):
        country = rx.knowledge.countries.get(m.group(1))
        found = [o.name for o in orgs if country and o.country == country and o.org_type == "company"]
        if len(found) == 1 and found[0] not in out:
            out.append(found[0])
    return out


def _government_told(story: _Story) -> str | None:
    """"The Chilean Government signed ... the Government also awarded": the government a deal just told had as
    a party (governments join the story's bodies only after its events are read)."""
    return next((p for a in reversed(story.found) for p in a.parties if p.startswith(GOVERNMENT)), None)


def _leading_body(orgs: list[Org], org_type: str, noun: str = "") -> str | None:
    """The body of that type the story names most (first named among equals); "the group" is also a body
    whose name ends in "Group", whatever its type."""
    head = noun.capitalize()
    typed = sorted((o for o in orgs if o.org_type == org_type or (head and o.name.endswith(f" {head}"))),
                   key=lambda o: (-o.mentions, o.first))
    return typed[0].name if typed else None


def _bodies_paired_before(story: _Story, s: Sentence, reach: int = 3) -> list[str]:
    """The two bodies that open one of the sentences just before, joined by "and" ("The Norland Coast Guard and
    the Vexian Coast Guard held their meeting ..."): who "the two sides" are."""
    rx = story.rx
    for prior in reversed(story.doc.sentences[max(0, s.index - reach):s.index]):
        spans = with_short_forms(prior.text, name_spans(prior.text, story.org_forms))
        dateline = rx.p.dateline.match(prior.text) or rx.p.undated_dateline.match(prior.text)
        opening = prior.text[dateline.end() if dateline else 0:spans[0][0]] if spans else ""
        if (len(spans) >= 2 and not rx.p.leading_article.sub("", opening.lstrip()).strip()
                and rx.p.pair_joint.fullmatch(prior.text, spans[0][1], spans[1][0])
                and spans[0][2] != spans[1][2]):
            return [spans[0][2], spans[1][2]]
        # "The 23rd meeting between the Norland Coast Guard and the Vexian Coast Guard was held ...": the two
        # sides of the meeting just told.
        between = next(((a, b) for a, b in itertools.pairwise(spans) if a[2] != b[2]
                        and rx.p.pair_joint.fullmatch(prior.text, a[1], b[0])
                        and rx.p.pair_between.search(prior.text, 0, a[0])), None)
        if between is not None:
            return [between[0][2], between[1][2]]
    return []


def _pair_just_told(story: _Story, s: Sentence | None = None, reach: int = 2) -> list[str]:
    """The two parties of the latest deal with two ("The deal follows an MoU the two sides signed in 2024": the
    contract's two); with `s`, only a deal told within `reach` sentences before it."""
    if s is not None and (not story.found or s.index - story.last_at > reach):
        return []
    return next((list(a.parties) for a in reversed(story.found) if len(a.parties) == 2), [])


def _signer_told_before(story: _Story, s: Sentence, t: str) -> str | None:
    """Who "it" or "the company" is in "It also signed a contract with X": for "it", the body that opened the
    sentences just before, else the story's company; for "the company", the story's company first; for "the
    agency" (a kind of body other than a company), the story's body of that kind."""
    signed = story.rx.p.it_signed.search(t)
    if signed is None:
        return None
    kinds = story.rx.words.map("anaphoric_bodies")
    noun = next((w for w in signed.group().lower().split() if w in kinds), None)
    if noun is not None and kinds[noun] != "company" and (body := _leading_body(story.doc.orgs, kinds[noun], noun)):
        return body  # "The agency also signed a deal with X": the story's agency, not its company
    if story.rx.p.it_subject.match(signed.group()):
        return _speaker(story, t, signed.start()) or _subject_before(story, s, any_body=True) or story.protagonist
    return story.protagonist or _subject_before(story, s)


def _speaker(story: _Story, t: str, it_at: int) -> str | None:
    """"In a separate announcement, Patria said it had signed ...": the body that said so, named right before the
    verb of saying whose "it" starts at `it_at`."""
    said = next((m for m in story.rx.p.speaker_said_it.finditer(t) if m.end() - len("it") == it_at), None)
    if said is None:
        return None
    return next((n for _, e, n in name_spans(t, story.org_forms) if e == said.start()), None)


def _subject_before(story: _Story, s: Sentence, reach: int = 3, any_body: bool = False) -> str | None:
    """The company (with `any_body`, the body) that opens one of the sentences just before ("Vexlar signed an
    MoU with Thales. The company also received an order ...": Vexlar)."""
    companies = {o.name for o in story.doc.orgs if o.org_type == "company" or any_body}
    forms = {f: c for f, c in story.org_forms.items() if c in companies}
    for prior in reversed(story.doc.sentences[max(0, s.index - reach):s.index]):
        opening = opening_form(story.rx.p.leading_article.sub("", prior.text), forms)
        if opening is not None:
            return forms[opening]
    return None


def _protagonist(orgs: list[Org]) -> str | None:
    """The company a story is about: the most mentioned company, if it clearly leads."""
    companies = sorted((o for o in orgs if o.org_type == "company"), key=lambda o: (-o.mentions, o.first))
    if not companies or (len(companies) > 1 and companies[1].mentions * 2 > companies[0].mentions):
        return None
    return companies[0].name


def _top_body(name: str | None, orgs: list[Org], units: frozenset[str] = frozenset()) -> str | None:
    """The body a signatory signs for: a unit's parent (a laboratory signs for its agency), not the department
    above a body that acts on its own (`units`: the kinds of body that sign for their parent)."""
    by_name = {o.name: o for o in orgs}
    seen: set[str] = set()
    while (name and name in by_name and by_name[name].parent in by_name and name not in seen
           and by_name[name].org_type in units):
        seen.add(name)
        name = by_name[name].parent
    return name


def _transferred(story: _Story, transfers: list[TransferItem]) -> list[Agreement]:
    """One technology transfer per line of a transfer list, from the laboratory that developed it (else the
    first body the announcing sentence names) to the recipients the line names."""
    if not transfers:
        return []
    rx, sentences, orgs = story.rx, story.doc.sentences, story.doc.orgs
    by_form = {norm(f): o for o in orgs for f in o.forms()}
    recipients = {by_form[norm(n)].name for t in transfers for n, _ in t.recipients if norm(n) in by_form}
    labs = [o for o in orgs if o.org_type == "laboratory" and o.name not in recipients]
    out: list[Agreement] = []
    for t in transfers:
        cue = sentences[t.cue]
        named = [o for o in orgs if o.name not in recipients
                 and any(cue.start <= a < cue.start + len(cue.text) for a, _ in o.spans)]
        source = labs[0] if labs else (named[0] if named else None)
        parties = [source.name] if source else []
        add_new(parties, [by_form[norm(n)].name for n, _ in t.recipients if norm(n) in by_form])
        d = date_of(event_dates(rx.knowledge, cue.text, story.doc.published, story.hint))
        out.append(Agreement(type=rx.special("transfer") or "", parties=parties, date=d.start if d else None,
                             precision=d.precision if d else None, location=place_in(cue.text, rx),
                             evidence=[cue.text, sentences[t.sentence].text]))
    return out




def _states_of_signing_ministers(story: _Story, ag: Agreement, by_name: dict[str, Org]) -> list[str]:
    """"Norwegian Defence Minister A held talks with Chilean Defence Minister B. They signed a letter of intent":
    a minister of a named country who signed, for no body of the text, signed for that country's government
    (unless a body of that country is already a party)."""
    rx, k = story.rx, story.rx.knowledge
    covered = {by_name[p].country for p in ag.parties if p in by_name and _acts_for_its_state(by_name[p])}
    covered |= {_government_country(p) for p in ag.parties if p.startswith(GOVERNMENT)}
    out = []
    for person in (p for p in story.doc.officials if p.name in ag.signatories and not p.organisation):
        words = (person.title or "").split()
        n = country_words(words, k)
        country = k.countries.get(k.patterns.possessive_end.sub("", " ".join(words[:n]))) if n else None
        if country and country not in covered and rx.p.minister_title.search(person.title or ""):
            out.append(government_name(country, rx))
            covered.add(country)
    return out


def _two_ministers(t: str, doc: Doc, rx: SpecPatterns) -> list[str]:
    """"The two ministers also signed a letter of intent": the story's two ministers (a minister and the
    counterpart met), where it names exactly two."""
    if not rx.p.pair_of_ministers.search(t):
        return []
    ministers = [p.name for p in doc.officials if p.title and rx.p.minister_title.search(p.title)]
    return ministers if len(ministers) == 2 else []


def _two_co_chairs(t: str, story: _Story) -> list[str]:
    """"After the dialogue, the two co-chairs signed an arrangement": the two people the story names right after
    "co-chaired by" (in the first sentence that says so)."""
    p = story.rx.p
    if not p.pair_of_co_chairs.search(t):
        return []
    for s in story.doc.sentences:
        cue = p.co_chaired_by.search(s.text)
        if cue is not None:
            named = dedupe([n for a, _, n in name_spans(s.text, story.person_forms) if a >= cue.end()])
            return named[:2] if len(named) >= 2 else []
    return []


def _deal_items(t: str, rx: SpecPatterns) -> list[re.Match[str]]:
    """The agreement words of a list of deals: each after "a"/"an" and before the body it is with."""
    return [m for m in rx.trigger.finditer(t)
            if rx.p.deal_item_lead.search(t[max(0, m.start() - DEAL_NAME_REACH):m.start()])
            and rx.p.deal_item_with.match(t, m.end())]


def _one_per_dated_item(t: str, ag: Agreement, rx: SpecPatterns) -> list[Agreement]:
    """"signed an X agreement in 2016, a Y agreement in 2018 and a Z agreement in 2020": one agreement per item,
    of its own type and year, between the sides that signed them all."""
    items = _deal_items_anywhere(t, rx)
    if len(items) < 2:
        return []
    ends = [*(m.start() for m in items[1:]), len(t)]
    years = [rx.p.year.findall(t, m.end(), end) for m, end in zip(items, ends, strict=True)]
    kinds = [kind(m.group(), rx.types) for m in items]
    if any(len(y) != 1 for y in years) or len({y[0] for y in years}) < len(items) or not all(kinds):
        return []
    return [replace(ag, type=k_[1], date=dt.date(int(y[0]), 1, 1), precision="year", evidence=list(ag.evidence))
            for k_, y in zip(kinds, years, strict=True) if k_]


def _itemised_deals(t: str, ag: Agreement, org_forms: dict[str, str], rx: SpecPatterns) -> list[Agreement]:
    """"signed an MoU with A to ..., a joint venture agreement with B and a teaming agreement with C": one
    agreement per item, of the item's own type, between the bodies named before the list and the item's."""
    items = _deal_items(t, rx)
    if len(items) < 2:
        return []
    spans = name_spans(t, org_forms)
    ends = [*(m.start() for m in items[1:]), len(t)]
    each = [dedupe([c for a, _, c in spans if m.end() <= a < end and c in ag.parties]) for m, end in zip(items, ends,
                                                                                                      strict=True)]
    # The signer: the parties named before the list, or found for the clause ("The ministry signed ...").
    own = [p for p in ag.parties if not any(p in theirs for theirs in each)]
    out = []
    for m, end, theirs in zip(items, ends, each, strict=True):
        typ = best_type(t[m.start():end], rx.trigger, rx.types, rx.p.trigger_as_modifier)
        if not theirs or typ is None:
            return []
        out.append(replace(ag, type=typ[0], parties=[*own, *theirs], evidence=list(ag.evidence)))
    return out if own else []


def _agreement_clauses(t: str, rx: SpecPatterns) -> list[str]:
    """'... the MoUs signed in 2004 and 2010, and the letter of intent signed in 2013': each agreement word
    with its own verb is read in its own clause; a clause set off by semicolons is its own ("A and B signed an
    MoU; C won a contract; and D teamed up with E": the bodies after a semicolon are no sides of the deal
    before it)."""
    parts = [m.group().strip() for m in rx.p.semicolon_clause.finditer(t)]
    if len(parts) > 1:
        return [c for part in parts if rx.trigger.search(part) for c in _agreement_clauses(part, rx)]
    marks = list(rx.trigger.finditer(t))
    if len(marks) == 1:
        aside = next((m for m in rx.p.relative_aside.finditer(t) if m.start() <= marks[0].start() < m.end()
                      and rx.verb.search(m.group())), None)
        if aside is not None:
            # "Chile and Peru, which signed a pact in 2020, held talks on Monday": the aside tells the deal, of
            # the subject before it; the rest of the sentence is another event's.
            return [told_in_aside(t, aside, rx)]
        return _pronoun_or_pair_clauses(t, marks[0], rx)
    if len(marks) < 2:
        return [t]
    aside = next((m for m in rx.p.relative_aside.finditer(t) if rx.verb.search(m.group())
                  and any(m.start() <= x.start() < m.end() for x in marks)
                  and any(not m.start() <= x.start() < m.end() for x in marks)), None)
    if aside is not None:
        # "Vexa, which won a contract from the Navy in 2021, signed an MoU with X": two deals, the aside's
        # told of the subject before it.
        own = told_in_aside(t, aside, rx)
        return [own, *_agreement_clauses(t[:aside.start()] + t[aside.end() - 1:], rx)]
    out: list[str] = []
    start = 0
    for m1, m2 in zip(marks, marks[1:], strict=False):
        # (not the "and" of "between A and B": "inked between A and the B, while the MoU was signed by ...")
        br = next((b for b in rx.p.clause_break.finditer(t, m1.end(), m2.start())
                   if not _pairs_between(t, m1.end(), b, rx)), None)
        # (a verb of its own: "a Basic Exchange and Cooperation Agreement" names a deal, "exchanged" is a verb)
        if br is not None and _lower_verb(t, br.end(), rx) and rx.verb.search(t[start:br.start()]):
            out.append(t[start:br.start()])
            start = br.end()
        elif (earlier := rx.p.earlier_deal.search(t, m1.end(), m2.start())) is not None:
            # "The contract builds on an agreement signed in 2023": the second deal is another, earlier one.
            out.append(t[start:earlier.start()])
            start = earlier.start()
    out.append(t[start:])
    return out


def _pairs_between(t: str, start: int, br: re.Match[str], rx: SpecPatterns) -> bool:
    """Whether the break's "and" joins the two sides of a "between" before it that has none yet."""
    between = list(rx.p.sides_between.finditer(t, start, br.start()))
    return bool(between) and bool(rx.p.and_word.search(br.group())) and not rx.p.and_word.search(
        t, between[-1].end(), br.start())


def _pronoun_or_pair_clauses(t: str, mark: re.Match[str], rx: SpecPatterns) -> list[str]:
    """One deal word, two deals: ", while the Army signed one with X" (the pronoun stands for a deal of that word)
    and "signed between A and B, and between C and D" (the verb and word go with the second pair too)."""
    again = rx.p.between_again.search(t, mark.end())
    first = t.find(" between ", mark.start())
    if again is not None and 0 <= first < again.start():
        return [t[:again.start()], t[:first] + " between " + t[again.end():]]
    elided = rx.p.deal_pronoun_elided.search(t, mark.end())
    if elided is not None and not rx.p.deal_pronoun.search(t, mark.end(), elided.start()):
        # "A signed an MoU with B ..., and another with C": A signed a second one, with C (not in "signed two
        # contracts, one with B and another with C", told one by one); "The first contract was signed with B
        # and the second with C": the second was signed so too.
        verb = rx.verb.search(t, mark.end(), elided.start())
        side = rx.p.with_word.search(t, verb.end(), elided.start()) if verb is not None else None
        told = t[:side.start()] if side is not None else f"{t[:mark.start()]}{mark.group()} "
        return [t[:elided.start()], told + t[elided.end():]]
    br = rx.p.deal_pronoun_clause.search(t, mark.end())
    if br is None:
        return [t]
    word = mark.group().split()[-1]
    second = rx.p.deal_pronoun.sub(f"a {word}", t[br.end():], count=1)
    return [t[:br.start()], second]


def _lower_verb(t: str, at: int, rx: SpecPatterns) -> bool:
    """A concluding verb written in lower case after `at`, not a capitalised word of a name."""
    return any(m.group()[:1].islower() for m in rx.verb.finditer(t, at))


def _told_together(found: list[Agreement], kind: str | None = None) -> list[Agreement]:
    """The agreements (of a kind, or of any) that the sentence which first told the latest of them told together."""
    last = next((a for a in reversed(found) if kind is None or a.type == kind), None)
    first = last.evidence[0] if last is not None and last.evidence else None
    return [a for a in found if (kind is None or a.type == kind) and first is not None and first in a.evidence]


def _is_plural(t: str, typ: tuple[str, int], rx: SpecPatterns) -> bool:
    """The deal's word is plural ("contracts", "memoranda"), or what follows it says so ("memorandum of
    understandings", "memorandum of understanding (MoUs)")."""
    word = rx.p.word.match(t, typ[1])
    if word and (word.group().lower().endswith("s") or word.group().lower() in rx.words.plural_nouns):
        return True
    phrase = rx.trigger.match(t, typ[1])
    after = rx.p.plural_after_type.match(t, phrase.end()) if phrase else None
    return bool(after and after.group())


def _year_list(t: str, rx: SpecPatterns) -> list[int]:
    m = rx.p.years.search(t)
    return [int(y) for y in rx.p.year.findall(m.group(1))] if m else []


def _acting_for(governments: set[str], bodies: set[str], country_of: dict[str, str]) -> bool:
    """"Ruritania and Norland signed a contract ... The Ruritanian procurement agency and Norland's Armament
    Agency signed the deal": bodies, all of the governments' countries, act for at least one of them."""
    states = {_government_country(g) for g in governments if g.startswith(GOVERNMENT)}
    of_bodies = {country_of.get(b) for b in bodies}
    return bool(states) and None not in of_bodies and bool(of_bodies & states) and of_bodies <= states


def _refines(prev: Agreement, t: str, typ: tuple[str, int], rx: SpecPatterns) -> bool:
    """"The framework contract": a more specific name of the kind just told (its last word names that kind),
    so the same agreement, not another."""
    first = rx.trigger.match(t, typ[1])
    after = rx.trigger.match(t, first.end() + 1) if first else None  # the noun the type word qualifies
    last = kind((after or first).group().split()[-1], rx.types) if first else None
    return last is not None and last[1] == prev.type and typ[0] != prev.type


def _refers_back(prev: Agreement, ag: Agreement, rx: SpecPatterns) -> bool:
    return (not _dates_clash(prev.date, prev.precision, ag.date, ag.precision)
            and (prev.type in (ag.type, rx.words.map("kinds_referred_back").get(ag.type))
                 or ag.type == rx.special("fallback")))


def _dates_clash(a: dt.date | None, pa: str | None, b: dt.date | None, pb: str | None) -> bool:
    """Two dates of one event disagree: more than a week apart, or outside the year / month the less
    precise one gives ('signed in 2013' is not 'signed today' in 2015)."""
    if a is None or b is None:
        return False
    if "year" in (pa, pb):
        return a.year != b.year
    if "month" in (pa, pb):
        return (a.year, a.month) != (b.year, b.month)
    return abs((a - b).days) > 7






def _counted_group(found: list[Agreement], t: str, typ: tuple[str, int], rx: SpecPatterns) -> list[Agreement]:
    """The agreements an earlier count made that "the seven MoUs" names again: the last as many read from
    one clause, each of this type or of none yet."""
    count = _counted(t, rx)
    if count < 2 or len(found) < count or not rx.p.counted_back.search(t[max(0, typ[1] - 40):typ[1]]):
        return []
    group = found[-count:]
    first = group[0].evidence[:1]
    fallback = rx.special("fallback")
    same = all(a.evidence[:1] == first and a.type in (typ[0], fallback) for a in group)
    return group if same and (len(found) == count or found[-count - 1].evidence[:1] != first) else []


def _counted(t: str, rx: SpecPatterns) -> int:
    m = rx.p.counted.search(t)
    return int(rx.words.map("numbers")[m.group(1).lower()]) if m else 1




def _signatories(t: str, verb: re.Match[str] | None, person_forms: dict[str, str], rx: SpecPatterns) -> list[str]:
    """Officials after 'signed by' / 'exchanged between', or named right before the verb ('X and Y signed');
    not those merely mentioned in the sentence."""
    people = name_spans(t, person_forms)
    p = rx.p
    by = p.signed_by.search(t)
    out: list[str] = []
    if by:
        # Up to the end of the clause: not the spokesperson who tweeted it after the closing quote.
        out = [name for a, _, name in people if a >= by.start() and not p.quote_or_tweet.search(t[by.end():a])]
    # "X, Director of Y, signed on behalf of the Navy": the signer stands before the verb "on behalf of" follows.
    if verb is not None and (by is None or by.start() >= verb.end()):
        out = _signers_before(t, verb, people, rx) + out
    return dedupe(out)


def _governments_not_covered(countries: list[str], parties: list[str], orgs: list[Org], rx: SpecPatterns
                             ) -> list[str]:
    """The governments of those countries that no party already stands for (its government, or a body of it)."""
    covered = {o.country for o in orgs if o.name in parties and o.country}
    covered |= {_government_country(p) for p in parties if p.startswith(GOVERNMENT)}
    return [government_name(c, rx) for c in countries if c not in covered]


def _countries_naming_the_deal(t: str, typ: tuple[str, int], rx: SpecPatterns) -> list[str]:
    """The two countries a deal's name joins ("the Norway-Chile Defence Cooperation Agreement"), else none."""
    countries = rx.knowledge.countries
    for m in rx.p.country_pair.finditer(t, max(0, typ[1] - DEAL_NAME_REACH), typ[1]):
        pair = [countries.get(m.group(1)), countries.get(m.group(2))]
        if pair[0] and pair[1] and pair[0] != pair[1]:
            return [c for c in pair if c]
    return []


def _signed_after_presence(t: str, cut: int, story: _Story, rx: SpecPatterns) -> list[str]:
    """"The MoU was signed at X, in the presence of A, along with B, by C and D": those named after the ", by"
    that follows the presence clause (`cut` is where it starts) signed; those before it were present."""
    passive = rx.p.signed_by_whom.search(t)
    if cut >= len(t) or passive is None or passive.start() >= cut:
        return []
    by = rx.p.by_after_presence.search(t, cut)
    return dedupe([name for _, _, name in name_spans(t[by.end():], story.person_forms)]) if by else []


def _signers_before(t: str, verb: re.Match[str], people: list[tuple[int, int, str]], rx: SpecPatterns) -> list[str]:
    """The officials named right before the verb ('X and Y signed', 'X, CEO of Z, signed'), and the counterpart
    one signed with ('X signed the pact with his Norwegian counterpart Y')."""
    before = [x for x in people if x[1] <= verb.start()]
    if not before or not rx.p.subject_to_verb.fullmatch(t[before[-1][1]:verb.start()]):
        return []
    out = [before[-1][2]]
    # walk back over "X and Y", "X, Y", "X and his French counterpart Y": signatories side by side.
    for a, q in zip(before[-2::-1], before[::-1], strict=False):
        if not rx.p.joined_names.fullmatch(t[a[1]:q[0]]):
            break
        out.insert(0, a[2])
    return out + [name for a, _, name in people
                  if a > verb.end() and rx.p.counterpart_signing_with.search(t, verb.end(), a)][:1]





def _countries_near(story: _Story, s: Sentence) -> list[str]:
    """Whose "two sides" signed: the two countries this sentence and the one before name; one named there and
    the country the story is filed from (a visit report: "In Nairobi, X held talks with Kenya's ... The two
    sides signed an MoU"); else the two the article is about, or where a tour names several, the one named here."""
    capitals = story.rx.knowledge.capitals
    near: list[str] = []
    for prior in story.doc.sentences[max(0, s.index - 1):s.index + 1]:
        found = _countries_in(prior.text, story.rx.knowledge)
        found += [(a, capitals[f]) for a, _, f in _capital_forms(story.rx.knowledge).finditer(prior.text)]
        near = dedupe(near + [c for _, c in sorted(found)])
    if len(near) == 1:
        home = dateline_country(story.doc.text, story.rx.knowledge)
        near += [home] if home and home != near[0] else []
    return near[:2] if len(near) >= 2 else _article_countries(story.doc.sentences, story.rx) or near


@functools.lru_cache(maxsize=4)
def _capital_forms(k: Knowledge) -> PhraseMatcher:
    """Capital cities, which stand for their countries' places in a visit report ("In Nairobi on Monday")."""
    return PhraseMatcher(k.capitals, exact=True, left=r"(?<![\w])", right=r"(?![\w])")


def _article_countries(sentences: list[Sentence], rx: SpecPatterns) -> list[str]:
    """The two countries an article is about: the most mentioned, compounds like 'Indo-Japan' included."""
    counts: dict[str, int] = {}
    for s in sentences:
        for _, c in _countries_in(s.text, rx.knowledge):
            counts[c] = counts.get(c, 0) + 1
    ranked = sorted(counts, key=lambda c: -counts[c])
    if len(ranked) > 2 and counts[ranked[1]] == counts[ranked[2]]:
        return []  # a tour of several countries: which second one is the story's pair, the counts do not tell
    return ranked[:2] if len(ranked) >= 2 else []




# A government as the GUIDELINE names it where the text gives no body: "Government of <country>".
GOVERNMENT = "Government of "


def _government_country(name: str) -> str:
    return name.removeprefix(GOVERNMENT).removeprefix("the ")


def government_name_of(country: str, k: Knowledge) -> str:
    """The organisation a country's government is: 'Government of Peru', 'Government of the Philippines'."""
    return f"{GOVERNMENT}the {country}" if country in k.words.countries_with_the else f"{GOVERNMENT}{country}"


def government_name(country: str, rx: SpecPatterns) -> str:
    return government_name_of(country, rx.knowledge)


@functools.lru_cache(maxsize=4)
def _country_forms(k: Knowledge) -> PhraseMatcher:
    """Every spelling of a country, compounds like 'Indo-Japan' included, and the regions of the world, so that
    a region opening with a country's form ('Indo-Pacific') is matched whole and names no country."""
    return PhraseMatcher({*k.countries, *k.words.sets["world_regions"]}, exact=True, left=r"(?<![\w])",
                         right=r"(?![\w])")


def _countries_in(text: str, k: Knowledge) -> list[tuple[int, str]]:
    """(offset, country) of every country the text names by any of its forms."""
    return [(a, k.countries[f]) for a, _, f in _country_forms(k).finditer(text) if f in k.countries]


def _before_deal_content(t: str, typ: tuple[str, int], cut: int, org_forms: dict[str, str], rx: SpecPatterns
                         ) -> int:
    """"A and B signed an agreement that will see the Vexa Navy operate frigates built by X": where the clause
    about what the deal does begins (the bodies it names are no parties), once a side is named before it."""
    content = rx.p.deal_content.search(t, typ[1], cut)
    if content is None:
        return cut
    matcher, _ = _country_nouns(rx.knowledge)
    sides = name_spans(t[:content.start()], org_forms) or list(matcher.finditer(t[:content.start()]))
    return content.start() if sides else cut


@functools.lru_cache(maxsize=4)
def _country_nouns(k: Knowledge) -> tuple[PhraseMatcher, dict[str, str]]:
    """Country names and short codes ('India', 'South Korea', 'US') that can stand for a government."""
    forms = {f: c for f, c in k.countries.items()
             if (f in k.country_names.get(c, (c,)) or (len(f) <= 3 and f[0].isupper() and f[-1].isupper()))
             and c not in k.words.not_governments}
    # "New Delhi and Moscow signed": a capital stands for its government where a country would.
    forms |= {cap: c for cap, c in k.capitals.items() if cap not in forms and c not in k.words.not_governments}
    return PhraseMatcher(forms, exact=True, boundary=r"\w-"), forms


@functools.lru_cache(maxsize=4)
def _nations(k: Knowledge) -> dict[str, str]:
    """The country nouns that are no capital ("Paris, France": one place, not two sides)."""
    return {f: c for f, c in _country_nouns(k)[1].items() if f not in k.capitals}




def _prev_country(text: str, start: int, forms: dict[str, str], p: Patterns) -> bool:
    prev = p.capital_word_before_comma.search(text[max(0, start - 30):start])
    return bool(prev and prev.group(1) in forms)


@functools.lru_cache(maxsize=4)
def _country_adjectives(k: Knowledge) -> tuple[PhraseMatcher, dict[str, str]]:
    """Demonyms and other forms that are not a country's own name ('Chilean', 'British')."""
    forms = {f: c for f, c in k.countries.items() if f != c and not (len(f) <= 3 and f.isupper())
             and c not in k.words.not_governments}
    return PhraseMatcher(forms, exact=True, boundary=r"\w-"), forms


def _state_actors(text: str, covered: set[str], rx: SpecPatterns) -> list[str]:
    """'The Chilean government signed ...', 'Chilean President Ana Ruiz and Peruvian Prime Minister Luis
    Soto signed ...': a demonym with who acts for the state, acting in the signing, is that state's
    government (unless a body of that country is already a party)."""
    p = rx.p
    matcher, forms = _country_adjectives(rx.knowledge)
    actors: list[tuple[int, int, str, bool]] = []  # start, end of the phrase, country, acting by itself
    for start, end, form in matcher.finditer(text):
        tail = p.state_actor_tail.match(text, end)
        if tail is None or forms[form] in covered:
            continue
        before = p.definite_article_end.sub("", text[max(0, start - 13):start])
        filler = p.subject_of_verb.match(text, tail.end())
        subject = filler is not None and bool(rx.verb.match(text, filler.end()))
        acts = bool(p.coordinator_end.search(before) or p.and_start.match(text[tail.end():tail.end() + 5]) or subject)
        actors.append((start, tail.end(), forms[form], acts))
    # "Greek Minister X, Cypriot Minister Y and Israeli Minister Z signed": a state's actor listed by a comma
    # before one that acts acts too.
    acting = [a[3] for a in actors]
    for i in range(len(actors) - 2, -1, -1):
        acting[i] = acting[i] or (acting[i + 1] and bool(p.list_comma.fullmatch(text[actors[i][1]:actors[i + 1][0]])))
    return dedupe([government_name(a[2], rx) for a, acts in zip(actors, acting, strict=True) if acts])


def _acts_for_its_state(o: Org) -> bool:
    """A state's own body (its government, a ministry, an agency, a service) acts for it. A company of that
    country does not ("Norway and Poland signed a contract ..., with Vexlar Shipyards as the builder": the
    two governments signed)."""
    return bool(o.country) and o.org_type != "company"


def _governments(text: str, parties: list[str], orgs: list[Org], rx: SpecPatterns, org_forms: dict[str, str]
                 ) -> list[str]:
    """'India and Australia signed ...': a country acting as a party is its government, unless a body of
    that country is already named."""
    by_name = {o.name: o for o in orgs}
    covered = {c for p in parties if p in by_name and _acts_for_its_state(by_name[p]) and (c := by_name[p].country)}
    matcher, forms = _country_nouns(rx.knowledge)
    nations = _nations(rx.knowledge)
    p = rx.p
    out: list[str] = []
    placed = -1  # where the last country read as a place ended: 'in France and Italy' are both places
    deal = rx.trigger.search(text)
    last_end, opened = -1, -1  # the last country read, and where the list it is in opened
    # "Thales UK signed ...": a country inside a body's name is no country acting.
    named = [(a, e) for a, e, _ in name_spans(text, org_forms)]
    for start, end, form in matcher.finditer(text):
        country = forms[form]
        if any(a <= start and end <= e for a, e in named):
            continue  # no country listed either: "between Vexa Australia and the Commonwealth of Australia"
        opened = opened if last_end >= 0 and p.list_joint.fullmatch(text[last_end:start]) else start
        last_end = end
        if country in covered:
            continue
        if deal and start > deal.end() and not p.party_preposition_end.search(text, max(0, opened - SIDES_LEAD_REACH),
                                                                           opened):
            continue  # "a contract to build missiles deterring Russia and China": not the deal's side
        # "Colombia's government signed", "Chile's President Ana Ruiz signed": the state's own actor.
        own_actor = p.possessive_state_role.match(text, end)
        if (p.space_capital.match(text[end:end + 4]) or text[end:end + 1] == "-") and not own_actor:
            continue  # an adjective or part of a name: 'US Navy', 'India-US'
        placed_in = p.comma_capital_word.match(text[end:end + 30])
        if form in rx.knowledge.capitals and placed_in and placed_in.group(1) in rx.knowledge.countries:
            continue  # 'Paris, France:': a city with its country is where, not who
        noun = p.lower_word_after.match(text, end)
        if noun and noun.group(1) in rx.words.map("anaphoric_bodies") and noun.group(1) not in rx.words.state_roles:
            continue  # an adjective: 'with the US firm' (but 'with the US government' is the state acting)
        if any(p.descriptor_words.fullmatch(text, end, a) for a, _ in named if a > end):
            continue  # "US defence major Lockheed Martin": the body's country, described
        before = text[max(0, start - 13):start]
        acting = p.governments_of_end.search(text, max(0, opened - 30), opened)  # "governments of A and B"
        if not acting and (p.place_preposition_end.search(before)
                           or (placed >= 0 and p.list_joint.fullmatch(text[placed:start]))):
            placed = end
            continue  # a place: 'signed in India'
        if p.name_word_end.search(text[max(0, start - 30):start]):
            continue  # the end of a name: 'PT Kelautan Indonesia and'
        # Only a country that acts: 'India and Japan', 'between India and', 'with Japan', 'India on
        # Thursday signed'.
        actor_end = own_actor.end() if own_actor else end
        after = text[actor_end:actor_end + 5]
        filler = p.subject_of_verb.match(text, actor_end)  # always matches
        subject = filler is not None and bool(rx.verb.match(text, filler.end()))
        # Headline style: "Chile, India sign pact".
        listed = p.comma_capital_word.match(text[end:end + 30])
        comma_pair = bool(listed and listed.group(1) in forms) or bool(p.capital_word_comma_end.search(before)
                                                                     and _prev_country(text, start, nations, p))
        if not (p.coordinator_end.search(before) or p.and_start.match(after) or subject or comma_pair):
            continue
        name = government_name(country, rx)
        if name not in out:
            out.append(name)
    return out + [g for g in _state_actors(text, covered, rx) if g not in out]



def _merge_agreement(found: list[Agreement], ag: Agreement, anaphoric: bool, rx: SpecPatterns,
                     country_of: dict[str, str] | None = None, with_whom: bool = False) -> None:
    """Sentences about the same agreement fill in one entry: same type (or 'the agreement' referring
    back), overlapping or unnamed parties (or, referring back, the bodies acting for its governments), and
    no clash of dates."""
    for prev in reversed(found):
        if prev.summary:
            continue  # "signed several agreements", then "signed an MoU on training": one of them, told apart
        # "Navy inks pact with X" (headline), then "signed an MoU": 'pact', 'agreement' name any type.
        # A mention dated only by a year ('the letter of intent signed in 2013') is history, not the story's.
        fallback = rx.special("fallback")
        same_type = prev.type == ag.type or (fallback in (prev.type, ag.type) and "year" not in (
            prev.precision, ag.precision))
        a, b = set(prev.parties), set(ag.parties)
        # Shared parties, unless each names a counterpart the other lacks ('a deal with the Navy',
        # then 'a deal with the ministry': one company's two deals).
        overlap = not a or not b or (bool(a & b) and (anaphoric or a <= b or b <= a))
        overlap = overlap or (anaphoric and _acting_for(a, b, country_of or {}))
        # "X signed a contract with a state-run shipyard. The contract was inked with Y": the side left unnamed.
        overlap = overlap or (anaphoric and len(a) == 1 and len(b) == 1 and with_whom)
        # "India awarded a contract to Vexa ... the Air Force entered into a contract with Vexa": one side the
        # same, the other a state and the body acting for it.
        overlap = overlap or (bool(a & b) and (_acting_for(a - b, b - a, country_of or {})
                                               or _acting_for(b - a, a - b, country_of or {})))
        # "... follows an MoU signed in 2021. The two ministers also signed an MoU on training": not that one.
        # And "The two countries signed a cooperation agreement in 2019" after an undated one: another, earlier.
        history = not anaphoric and ((prev.precision == "year" and ag.date is None)
                                     or (ag.precision == "year" and prev.date is None and not prev.headline_only))
        if (same_type and overlap and not history
                and not _dates_clash(prev.date, prev.precision, ag.date, ag.precision)):
            if prev.headline_only and not ag.headline_only and len(ag.parties) >= 2:
                # "X bags order from Navy" (headline), then "X signed a contract with the Ministry ... for the
                # Navy": the body's sides replace the headline's shorthand.
                prev.parties = []
            prev.headline_only = prev.headline_only and ag.headline_only
            if prev.type == fallback:
                prev.type = ag.type
            add_new(prev.parties, ag.parties)
            add_new(prev.signatories, ag.signatories)
            if prev.date is None or (ag.precision == "day" and prev.precision != "day"):
                prev.date, prev.precision = ag.date or prev.date, ag.precision or prev.precision
            prev.location = prev.location or ag.location
            add_new(prev.evidence, ag.evidence)
            return
    found.append(ag)


