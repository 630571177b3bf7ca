"""Agreements and meetings reported as concluded or held, read sentence by sentence.

A sentence reports an agreement when it names one (knowledge/agreement_types.tsv)
and a concluding verb (agreement_verbs.txt), and a meeting when it names one
(meeting_types.tsv) and a verb of holding (meeting_verbs.txt); either is dropped
when the sentence marks it as planned, expected or cancelled (event_negations.txt).
Mentions of the same event within an article are merged: later sentences add
signatories, chairs, dates and places to the first.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from transforms.dates import DateMention, find_dates, year_hint
from transforms.knowledge import Knowledge, phrase_regex
from transforms.names import norm
from transforms.officials import Official
from transforms.organisations import Org
from transforms.party_slots import TransferItem
from transforms.sentences import Sentence


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


@dataclass
class Meeting:
    type: str
    name: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    precision: str | None = None
    location: str | None = None
    participants: list[str] = field(default_factory=list)
    chairs: list[tuple[str, str]] = field(default_factory=list)  # (official name, role)
    evidence: list[str] = field(default_factory=list)
    counterparts: list[str] = field(default_factory=list)  # officials met, for telling bilateral meetings apart


@dataclass(frozen=True)
class _Rx:
    agreement: re.Pattern[str]
    agreement_type: dict[str, tuple[int, str]]
    agreement_verb: re.Pattern[str]
    negation: re.Pattern[str]
    meeting: re.Pattern[str]
    meeting_type: dict[str, tuple[int, str]]
    meeting_verb: re.Pattern[str]
    met: re.Pattern[str]
    met_type: dict[str, tuple[int, str]]
    place: re.Pattern[str]
    participation: re.Pattern[str]
    chair_cues: tuple[tuple[re.Pattern[str], str, str], ...]


def _typemap(rows: tuple[tuple[str, str], ...]) -> dict[str, tuple[int, str]]:
    out: dict[str, tuple[int, str]] = {}
    for i, (phrase, typ) in enumerate(rows):
        key = phrase if phrase[:1].isupper() else phrase.lower()
        out.setdefault(key, (i, typ))
    return out


_MODALS = ("will", "would", "to", "could", "may", "shall")


def _negation_regex(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """The negation phrases, letting an adverb stand after a modal: 'will also hold', 'to jointly sign'."""
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        words = p.split()
        esc = [re.escape(w) for w in words]
        if len(words) > 1 and words[0].lower() in _MODALS:
            esc[0] += r"(?:\s+(?:also|now|soon|then|further|jointly|formally|finally|\w+ly))?"
        parts.append(r"\s+".join(esc))
    return re.compile(r"(?i)(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


@functools.lru_cache(maxsize=4)
def _rx(k: Knowledge) -> _Rx:
    places = sorted(k.places, key=len, reverse=True)
    return _Rx(
        agreement=phrase_regex([p for p, _ in k.agreement_types]),
        agreement_type=_typemap(k.agreement_types),
        agreement_verb=phrase_regex(k.agreement_verbs),
        negation=_negation_regex(k.negations),
        meeting=phrase_regex([p for p, _ in k.meeting_types]),
        meeting_type=_typemap(k.meeting_types),
        meeting_verb=phrase_regex(k.meeting_verbs),
        met=phrase_regex([p for p, _ in k.meeting_verb_triggers]),
        met_type=_typemap(k.meeting_verb_triggers),
        place=re.compile(r"\b(?:in|at)\s+(?:the\s+)?((?:" + "|".join(re.escape(p) for p in places) + r")"
                         r"(?:,\s+(?:" + "|".join(re.escape(p) for p in places) + r"))?)(?![\w])"),
        participation=re.compile(r"(?i)\b(?:participated|took part|attended|delegations?|represented|"
                                 r"representatives|officials? (?:from|of)|participants)\b"),
        chair_cues=tuple((phrase_regex([c]), role, side) for c, role, side in k.chair_cues),
    )


def _kind(found: str, types: dict[str, tuple[int, str]]) -> tuple[int, str] | None:
    f = " ".join(found.split())
    return types.get(f) or types.get(f.lower())


def _best_type(sentence: str, rx: re.Pattern[str], types: dict[str, tuple[int, str]]) -> tuple[str, int] | None:
    """The most specific type named in the sentence, with the offset of its word."""
    best: tuple[int, str, int] | None = None
    for m in rx.finditer(sentence):
        k = _kind(m.group(), types)
        if k and (best is None or k[0] < best[0]):
            best = (k[0], k[1], m.start())
    return (best[1], best[2]) if best else None


@functools.lru_cache(maxsize=256)
def _forms_rx(forms: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w&-])(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                      + r")(?![\w&-]|'(?!s\b)[a-z])")


def _spans(sentence: str, forms: dict[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, canonical) of every spelling in the sentence, longest spelling first, no overlaps."""
    if not forms:
        return []
    rx = _forms_rx(frozenset(forms))
    return [(m.start(), m.end(), forms[m.group(1)]) for m in rx.finditer(sentence)]


def _date_of(dates: list[DateMention]) -> DateMention | None:
    if not dates:
        return None
    order = {"day": 0, "month": 1, "year": 2}
    return sorted(dates, key=lambda d: (order[d.precision], d.span[0]))[0]


def _place(sentence: str, rx: _Rx) -> str | None:
    m = rx.place.search(sentence)
    return m.group(1) if m else None


def _negated(sentence: str, rx: _Rx) -> bool:
    return bool(rx.negation.search(sentence))


def _add(items: list[str], new: list[str]) -> None:
    for x in new:
        if x not in items:
            items.append(x)


def find_agreements(sentences: list[Sentence], orgs: list[Org], officials: list[Official],
                    pub: dt.date | None, k: Knowledge, transfers: list[TransferItem] | None = None
                    ) -> list[Agreement]:
    rx = _rx(k)
    org_forms = {f: o.name for o in orgs for f in o.forms() if len(f) >= 2}
    person_forms = _person_forms(officials)
    org_of_person = {p.name: p.organisation for p in officials if p.organisation}
    protagonist = _protagonist(orgs)
    hint = year_hint([s.text for s in sentences[:5]]) if pub is None else None
    headline = _headline(sentences)
    found: list[Agreement] = _transferred(sentences, orgs, transfers or [], pub, hint)
    announced = {t.cue for t in transfers or []} | {t.sentence for t in transfers or []}
    slots: list[Agreement] = []  # counted agreements still waiting for their own party
    last_at = -10
    for s in sentences:
        if s.index in announced or not rx.agreement.search(s.text):
            continue  # most sentences name no agreement: skip them before any other test
        clauses = _agreement_clauses(s.text, rx)
        whole = [c for _, _, c in _spans(s.text, org_forms)] if len(clauses) > 1 else []
        for t in clauses:
            said = t  # the evidence keeps the whole clause, even when its planned part is cut off below
            verb = rx.agreement_verb.search(t)
            neg = rx.negation.search(t)
            named_at = rx.agreement.search(t)
            if (neg is not None and verb is not None and named_at is not None
                    and neg.start() > max(verb.end(), named_at.end())):
                # "After signing a deal with the Army, the firm is preparing for a tender", "signed a teaming
                # agreement to jointly bid for ...": what follows the cue is planned; the signed part stands.
                comma = t.rfind(",", verb.end(), neg.start())
                t = t[:comma if comma > 0 else neg.start()]
                neg = None
            typ = _best_type(t, rx.agreement, rx.agreement_type)
            if typ is None or neg is not None:
                continue
            if (verb is not None and verb.group().lower().startswith("signing") and found
                    and _SIGNING_BACK.search(t[:verb.start()])):
                continue
            if typ[0] == "contract" and _ORDER_NOT_CONTRACT.search(t) and "contract" not in t.lower():
                continue
            # "Orion Missiles, a joint venture between India and Chile, received ...": a description, not the deal.
            t = _JOINT_VENTURE.sub(lambda m: " " * len(m.group()), t)
            present = re.search(r"(?i)\b(?:in the presence of|witnessed by|attended by|presence of)\b", t)
            cut = present.start() if present else len(t)
            parties = _named_parties(t, cut, org_forms) or list(whole)
            # Without a verb, only "The second contract was with Vela Shipyard": a sentence right after a
            # concluded agreement that names another party adds an agreement of its own.
            if verb is None and not (found and parties and (s.index - last_at <= 3 or slots) and typ[0] != "other"
                                     and _ANOTHER.search(t[max(0, typ[1] - 30):typ[1] + 40])
                                     and re.search(r"(?i)\bwith\s+(?:the\s+)?[A-Z]", t)):
                continue
            last_at = s.index
            anaphoric = bool(re.search(r"(?i)\b(?:the|this|that|such)\s+$", t[:typ[1]]))
            named = bool(parties)
            parties += _governments(t[:cut], parties, orgs, k, rx.agreement_verb)
            if (_TWO_SIDES.search(t) and len(parties) < 2 and not (anaphoric and found)
                    and not any(p.startswith("Government of ") for p in parties)):
                # "the two countries signed a pact": the governments of the two countries the story is about
                pair = _article_countries(sentences, k)
                covered = {o.country for o in orgs if o.name in parties and o.country}
                parties += [government_name(c) for c in pair if c not in covered]
            signatories = _signatories(t[:cut], verb, person_forms)
            # Those who signed sign for their bodies (the top body the article names: DRDO for its lab).
            parties += [b for b in (_top_body(org_of_person.get(p), orgs) for p in signatories) if b]
            if len(set(parties)) < 2 and _IT_SIGNED.search(t) and protagonist:
                # "The company said it had signed ...", "the two companies will ...": the story's company.
                parties.insert(0, protagonist)
            d = _date_of(_event_dates(t, pub, hint))
            ag = Agreement(
                type=typ[0], parties=_dedupe(parties), signatories=signatories,
                date=d.start if d else None, precision=d.precision if d else None,
                location=_place(t, rx), evidence=[said], headline_only=s.index in headline,
            )
            open_slot = next((a for a in slots if a.type == ag.type), None) if verb is None else None
            if open_slot is not None:
                # "The first contract was with X", "the second with Y": each fills one counted agreement.
                slots.remove(open_slot)
                _add(open_slot.parties, ag.parties)
                _add(open_slot.evidence, [said])
                continue
            years = _year_list(t) if _is_plural(t, typ) else []
            if len(years) > 1:
                # "the memoranda signed in 2004, 2007 and 2010": one agreement per year.
                for y in years:
                    found.append(Agreement(type=ag.type, parties=list(ag.parties), date=dt.date(y, 1, 1),
                                           precision="year", evidence=[said]))
                continue
            if anaphoric and found and not named and _refers_back(found[-1], ag):
                # "The signing of this agreement ...": details for the last one, not a new agreement.
                _add(found[-1].signatories, ag.signatories)
                found[-1].location = found[-1].location or ag.location
                _add(found[-1].evidence, [said])
                continue
            _merge_agreement(found, ag, anaphoric)
            # "signed three MoUs", "two landmark Defence Arrangements": as many agreements as the text counts.
            count = _counted(t, rx)
            if count > 1:
                slots = [found[-1]]
                for _ in range(count - 1):
                    found.append(Agreement(type=ag.type, parties=list(ag.parties), date=ag.date,
                                           precision=ag.precision, location=ag.location, evidence=[said]))
                    slots.append(found[-1])
    return _settle_agreements(found, orgs, _lede_date(sentences, pub, hint))


def _named_parties(t: str, cut: int, org_forms: dict[str, str]) -> list[str]:
    """The bodies a clause names as parties, before `cut` ('in the presence of'): not the body reporting
    it (', the ministry said'), not the hosts of the occasion ('organised by X'), and not those served
    ('aircraft for the Indian Air Force') or what it sets up ('to set up a Centre'), unless no one else
    is named."""
    hosts = [(m.end(), (t.find(",", m.end()) + 1 or len(t) + 1) - 1) for m in _HOSTED_BY.finditer(t)]
    spans = [(a, c) for a, e, c in _spans(t[:cut], org_forms)
             if not _REPORTING.match(t, e) and not any(x <= a < y for x, y in hosts)]
    served = {c for a, c in spans if _SERVED.search(t[max(0, a - 30):a]) or _PURPOSE.search(t[max(0, a - 40):a])}
    if {c for _, c in spans} - served:
        spans = [(a, c) for a, c in spans if c not in served]
    return [c for _, c in spans]


def _settle_agreements(found: list[Agreement], orgs: list[Org], lede: DateMention | None) -> list[Agreement]:
    """The story's agreements once every sentence is read."""
    # A headline ("Navy inks pact with X", "India, Chile sign MoU") announces what the body reports:
    # where the body names an agreement of its kind, the headline adds none of its own.
    body = [a for a in found if not a.headline_only]
    found = [a for a in found if not a.headline_only or not any(
        b.type == a.type or "other" in (a.type, b.type) for b in body)]
    by_name = {o.name: o for o in orgs}
    for ag in found:
        # "Government of India" gives way to the Indian body that acts for it, where one is a party.
        bodies = {by_name[p].country for p in ag.parties if p in by_name and not p.startswith("Government of ")}
        ag.parties = [p for p in ag.parties if not (p.startswith("Government of ") and _government_country(p)
                                                     in bodies)]
        if ag.date is None and lede is not None:
            ag.date, ag.precision = lede.start, lede.precision
    # An agreement word with no party, signatory or date is usually a passing mention, not an event.
    return [a for a in found if a.parties or a.signatories or a.date]


_IT_SIGNED = re.compile(r"(?i)\b(?:it|the company|the firm)\s+(?:has\s+|had\s+|have\s+)?(?:also\s+)?"
                        r"(?:signed|inked|won|bagged|secured|sealed|scored|clinched)\b|\bthe two companies\b|"
                        r"^(?:under|in)\s+(?:an?|the)\s+(?:\w+\s+)?(?:agreement|contract|deal|mou)\s+signed|"
                        r"^(?:receiving|signing|winning|bagging|securing|inking)\b|"
                        r"^(?:after|since|having)\s+(?:signing|signed|inking|winning|won|bagging)\b")


def _protagonist(orgs: list[Org]) -> str | None:
    """The company a story is about: the most mentioned company, if it clearly leads."""
    companies = sorted((o for o in orgs if o.org_type == "company"), key=lambda o: (-o.mentions, o.first))
    if not companies or (len(companies) > 1 and companies[1].mentions * 2 > companies[0].mentions):
        return None
    return companies[0].name


def _top_body(name: str | None, orgs: list[Org]) -> str | None:
    by_name = {o.name: o for o in orgs}
    seen: set[str] = set()
    while name and name in by_name and by_name[name].parent in by_name and name not in seen:
        seen.add(name)
        name = by_name[name].parent
    return name


def _transferred(sentences: list[Sentence], orgs: list[Org], transfers: list[TransferItem],
                 pub: dt.date | None, hint: int | None) -> list[Agreement]:
    """One technology transfer per line of a transfer list, from the laboratory that developed it (else the
    first body the announcing sentence names) to the recipients the line names."""
    if not transfers:
        return []
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
        _add(parties, [by_form[norm(n)].name for n, _ in t.recipients if norm(n) in by_form])
        d = _date_of(_event_dates(cue.text, pub, hint))
        out.append(Agreement(type="technology transfer", parties=parties, date=d.start if d else None,
                             precision=d.precision if d else None,
                             evidence=[cue.text, sentences[t.sentence].text]))
    return out


# ", the Ministry of Defence said": the body reporting the agreement, not a party to it.
_REPORTING = re.compile(r"\s+(?:said|says|stated|informed|added|noted|announced|reported)\b")
# "on the sidelines of the Expo, organised by CII and Antrix": the hosts of the occasion, not parties.
_HOSTED_BY = re.compile(r"(?i)\b(?:organi[sz]ed|hosted|sponsored|supported|funded|conducted)\s+by\b")
_SERVED = re.compile(r"(?<!behalf)\s(?:for|of)\s+(?:the\s+|its\s+|their\s+)?[#@]?$")
_JOINT_VENTURE = re.compile(r"(?i)\b(?:a|an|the)\s+joint venture\s+(?:between|of)\s+[^,.;]+")
# "an MoU to set up a research cell at X": what the agreement creates, not who signs it.
_PURPOSE = re.compile(r"(?i)\b(?:set up|setting up|establish|establishing|create|build|develop)\s+(?:a|an|the)\s+"
                      r"(?:new\s+|joint\s+)?$")
# "within 48 months of signing the contract": the terms of an agreement already reported.
_SIGNING_BACK = re.compile(r"(?i)\b(?:of|after|since|from|before|upon|on)\s+$")
_ORDER_NOT_CONTRACT = re.compile(r"(?i)\bin order to\b|\border of\b")
_CLAUSE_BREAK = re.compile(r",?\s+and\s+(?=(?:the|a|an)\s)|;\s+|,?\s+as well as\s+")
_YEARS = re.compile(r"\b(?:in|of)\s+((?:19|20)\d\d(?:\s*,\s*(?:19|20)\d\d)*,?\s+and\s+(?:19|20)\d\d)\b")


def _agreement_clauses(t: str, rx: _Rx) -> list[str]:
    """'... the MoUs signed in 2004 and 2010, and the letter of intent signed in 2013': each agreement word
    with its own verb is read in its own clause."""
    marks = list(rx.agreement.finditer(t))
    if len(marks) < 2:
        return [t]
    out: list[str] = []
    start = 0
    for m1, m2 in zip(marks, marks[1:], strict=False):
        br = next((b for b in _CLAUSE_BREAK.finditer(t, m1.end(), m2.start())), None)
        if br is not None and rx.agreement_verb.search(t, br.end()) and rx.agreement_verb.search(t[start:br.start()]):
            out.append(t[start:br.start()])
            start = br.end()
    out.append(t[start:])
    return out


def _is_plural(t: str, typ: tuple[str, int]) -> bool:
    word = re.match(r"[\w-]+", t[typ[1]:])
    return bool(word) and (word.group().lower().endswith("s") or word.group().lower() == "memoranda")


def _year_list(t: str) -> list[int]:
    m = _YEARS.search(t)
    return [int(y) for y in re.findall(r"(?:19|20)\d\d", m.group(1))] if m else []


def _refers_back(prev: Agreement, ag: Agreement) -> bool:
    return (not _dates_clash(prev.date, prev.precision, ag.date, ag.precision)
            and (prev.type == ag.type or ag.type == "other"))


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


_ANOTHER = re.compile(r"(?i)\b(?:first|second|third|another|other|latter|former|one of|also)\b")
_SIGNED_BY = re.compile(r"(?i)\b(?:signed|inked|exchanged|initialled)(?:\s+[a-z]+){0,3}?\s+(?:by|between)\b|"
                        r"\bsignatories\b|\bon behalf of\b")


_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "2": 2, "3": 3, "4": 4,
            "5": 5, "6": 6, "7": 7, "8": 8}
_COUNTED = re.compile(r"(?i)\b(two|three|four|five|six|seven|eight|[2-8])\s+(?:(?:more|additional|new|other|"
                      r"landmark|key|major|important|separate|[a-z-]+)\s+){0,3}?"
                      r"(agreements|mous|contracts|arrangements|pacts|memoranda|deals)\b")


def _counted(t: str, rx: _Rx) -> int:
    m = _COUNTED.search(t)
    return _NUMBERS[m.group(1).lower()] if m else 1


# "X and Y", "X, Y", "X and his French counterpart Y": two signatories side by side.
_JOINED_NAMES = re.compile(r"[\s,]*(?:(?:and|&)[\s,]+(?:(?:his|her|their|the)\s+(?:[\w-]+\s+){0,4}?"
                           r"counterparts?\s*,?\s*)?)?")


def _signatories(t: str, verb: re.Match[str] | None, person_forms: dict[str, str]) -> list[str]:
    """Officials after 'signed by' / 'exchanged between', or named right before the verb ('X and Y signed');
    not those merely mentioned in the sentence."""
    people = _spans(t, person_forms)
    by = _SIGNED_BY.search(t)
    out: list[str] = []
    if by:
        # Up to the end of the clause: not the spokesperson who tweeted it after the closing quote.
        out = [name for a, _, name in people if a >= by.start() and not re.search(r"[”\"]|\btweeted\b", t[by.end():a])]
    elif verb is not None:
        names_before = [p for p in people if p[1] <= verb.start()]
        if names_before:
            between = t[names_before[-1][1]:verb.start()]
            if re.fullmatch(r"[\s,]*(?:(?:have|has|had|jointly|formally)\s*)*", between):
                # walk back over "X and Y" / "X, Y and Z"
                out = [names_before[-1][2]]
                for p, q in zip(names_before[-2::-1], names_before[::-1], strict=False):
                    if _JOINED_NAMES.fullmatch(t[p[1]:q[0]]):
                        out.insert(0, p[2])
                    else:
                        break
    return _dedupe(out)


_DATELINE = re.compile(
    r"^[A-Z][\w .()\[\]'-]{0,60}?,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?"
    r"\s*(?:\([A-Za-z]+\))?\s*[:\-–—]")


# "held weeks before the scheduled visit on December 10": that date is another event's.
_OTHER_EVENT_DATE = re.compile(r"(?i)\b(?:scheduled|ahead of|upcoming|(?:days|weeks|months) before)\b[^,;]*$")


def _event_dates(sentence: str, pub: dt.date | None, hint: int | None = None) -> list[DateMention]:
    """Dates in the sentence, leaving out the dateline ('New Delhi, March 26 (ANI):') and any date after
    publication (an event reported as done cannot be later than the report)."""
    m = _DATELINE.match(sentence)
    skip = m.end() if m else 0
    return [d for d in find_dates(sentence, pub, hint) if d.span[0] >= skip and (pub is None or d.start <= pub)
            and not _OTHER_EVENT_DATE.search(sentence[max(skip, d.span[0] - 80):d.span[0]])]


def _dateline_date(sentences: list[Sentence], pub: dt.date | None, hint: int | None = None) -> DateMention | None:
    """The date of a dateline ('Bengaluru, February 12 (ANI):'): the day the story was filed."""
    for s in sentences[:3]:
        m = _DATELINE.match(s.text)
        if m:
            found = [d for d in find_dates(m.group(), pub, hint) if pub is None or d.start <= pub]
            if found:
                return found[0]
    return None


def _lede_date(sentences: list[Sentence], pub: dt.date | None, hint: int | None = None) -> DateMention | None:
    """The first date the story gives (its lede usually dates the event)."""
    for s in sentences[:3]:
        d = _date_of(_event_dates(s.text, pub, hint))
        if d is not None:
            return d
    return None


_TWO_SIDES = re.compile(r"(?i)\b(?:the two|both) (?:countries|nations|governments|sides)\b")


def _article_countries(sentences: list[Sentence], k: Knowledge) -> list[str]:
    """The two countries an article is about: the most mentioned, compounds like 'Indo-Japan' included."""
    counts: dict[str, int] = {}
    forms = sorted(k.countries, key=len, reverse=True)
    rx = re.compile(r"(?<![\w])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")
    for s in sentences:
        for m in rx.finditer(s.text):
            c = k.countries[m.group(1)]
            counts[c] = counts.get(c, 0) + 1
    ranked = sorted(counts, key=lambda c: -counts[c])
    return ranked[:2] if len(ranked) >= 2 else []


_THE_COUNTRIES = {"United States", "United Kingdom", "United Arab Emirates", "Philippines", "Netherlands",
                  "Maldives", "Seychelles", "Republic of Korea", "Russian Federation"}


def _government_country(name: str) -> str:
    return name.removeprefix("Government of ").removeprefix("the ")


def _headline(sentences: list[Sentence]) -> set[int]:
    """The opening lines that end without a full stop: headline, kicker, byline."""
    out: set[int] = set()
    for s in sentences[:4]:
        if re.search(r"[.!?][\"'”’)]*$", s.text):
            break
        out.add(s.index)
    return out


def government_name(country: str) -> str:
    return f"Government of the {country}" if country in _THE_COUNTRIES else f"Government of {country}"


@functools.lru_cache(maxsize=4)
def _country_nouns(k: Knowledge) -> tuple[re.Pattern[str], dict[str, str]]:
    """Country names and short codes ('India', 'US') that can stand for a government."""
    forms = {f: c for f, c in k.countries.items() if (f == c or (len(f) <= 3 and f[0].isupper() and f[-1].isupper()))
             and c != "European Union"}
    rx = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                    + r")(?![\w-])")
    return rx, forms


_SUBJECT_OF_VERB = re.compile(r"\s+(?:(?:on|last|this)\s+[A-Z]?[a-z]+\s+|has\s+|have\s+|had\s+|today\s+|also\s+|"
                              r"formally\s+|finally\s+|jointly\s+)*")


def _prev_country(text: str, start: int, forms: dict[str, str]) -> bool:
    prev = re.search(r"([A-Z][\w-]*)\s*,\s*$", text[max(0, start - 30):start])
    return bool(prev and prev.group(1) in forms)


def _governments(text: str, parties: list[str], orgs: list[Org], k: Knowledge,
                 verb_rx: re.Pattern[str] | None = None) -> list[str]:
    """'India and Australia signed ...': a country acting as a party is its government, unless a body of
    that country is already named."""
    by_name = {o.name: o for o in orgs}
    covered = {by_name[p].country for p in parties if p in by_name and by_name[p].country}
    rx, forms = _country_nouns(k)
    out: list[str] = []
    for m in rx.finditer(text):
        country = forms[m.group(1)]
        if country in covered:
            continue
        if re.match(r"\s[A-Z]", text[m.end():m.end() + 2]) or text[m.end():m.end() + 1] == "-":
            continue  # an adjective or part of a name: 'US Navy', 'India-US'
        before = text[max(0, m.start() - 9):m.start()]
        if re.search(r"\b(?:in|at|to|from|of|for)\s+$", before, re.I):
            continue  # a place: 'signed in India'
        # Only a country that acts: 'India and Japan', 'between India and', 'with Japan', 'India on
        # Thursday signed'.
        after = text[m.end():m.end() + 5]
        filler = _SUBJECT_OF_VERB.match(text, m.end())  # always matches (possibly empty)
        subject = verb_rx is not None and filler is not None and bool(verb_rx.match(text, filler.end()))
        # Headline style: "Chile, India sign pact".
        listed = re.match(r"\s*,\s*([A-Z][\w-]*)", text[m.end():m.end() + 30])
        comma_pair = bool(listed and listed.group(1) in forms) or bool(re.search(r"\b[A-Z][\w-]*,\s*$", before)
                                                                     and _prev_country(text, m.start(), forms))
        if not (re.search(r"(?:\band|\bbetween|\bwith|&)\s+$", before) or re.match(r"\s+(?:and|&)\b", after)
                or subject or comma_pair):
            continue
        name = government_name(country)
        if name not in out:
            out.append(name)
    return out


def _dedupe(xs: list[str]) -> list[str]:
    out: list[str] = []
    _add(out, xs)
    return out


def _merge_agreement(found: list[Agreement], ag: Agreement, anaphoric: bool) -> None:
    """Sentences about the same agreement fill in one entry: same type (or 'the agreement' referring
    back), overlapping or unnamed parties, and no clash of dates."""
    for prev in reversed(found):
        # "Navy inks pact with X" (headline), then "signed an MoU": 'pact', 'agreement' name any type.
        # A mention dated only by a year ('the letter of intent signed in 2013') is history, not the story's.
        same_type = prev.type == ag.type or ("other" in (prev.type, ag.type) and "year" not in (
            prev.precision, ag.precision))
        a, b = set(prev.parties), set(ag.parties)
        # Shared parties, unless each names a counterpart the other lacks ('a deal with the Navy',
        # then 'a deal with the ministry': one company's two deals).
        overlap = not a or not b or (bool(a & b) and (anaphoric or a <= b or b <= a))
        if same_type and overlap and not _dates_clash(prev.date, prev.precision, ag.date, ag.precision):
            prev.headline_only = prev.headline_only and ag.headline_only
            if prev.type == "other":
                prev.type = ag.type
            _add(prev.parties, ag.parties)
            _add(prev.signatories, ag.signatories)
            if prev.date is None or (ag.precision == "day" and prev.precision != "day"):
                prev.date, prev.precision = ag.date or prev.date, ag.precision or prev.precision
            prev.location = prev.location or ag.location
            _add(prev.evidence, ag.evidence)
            return
    found.append(ag)


def _person_forms(officials: list[Official]) -> dict[str, str]:
    forms: dict[str, str] = {}
    for o in officials:
        forms[o.name] = o.name
        surname = o.name.split()[-1]
        if len(surname) > 2:
            forms.setdefault(surname, o.name)
    return forms


_NAME = re.compile(
    r"((?:(?:the|The)\s+)?(?:\d+(?:st|nd|rd|th)\s+)?(?:(?:[A-Z0-9][\w&'’+/-]*|\([A-Z][\w&-]*\))\s+"
    r"(?:(?:of|on|for|and|&)\s+)?){1,10})$"
)
_OF_NAME = re.compile(r"(?i:\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                      r"inaugural|maiden)\s+)?(?i:meeting|session|edition|round)\s+of\s+(?:the\s+)?"
                      r"[A-Z][\w&'’-]*(?:\s+(?:(?:of|on|for|and|&|in)\s+)?[A-Z][\w&'’-]*)*")
_NOT_NAME_WORDS = {"A", "An", "This", "That", "These", "Its", "Their", "His", "Her", "Our", "During", "After", "Before",
                   "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today", "Yesterday"}
_TRAILING_NOUN = re.compile(r"\s+(meeting|dialogue|plenary|session|talks|summit|conference)\b", re.I)


def _meeting_name(sentence: str, rx: re.Pattern[str]) -> str | None:
    """The meeting's own name: capitalised words before a meeting word, with a trailing 'meeting'
    ('16th India-Ruritania Joint Working Group meeting'); the longest such phrase in the sentence."""
    best: str | None = None
    of = _OF_NAME.search(sentence)
    if of:
        best = of.group()
    for m in rx.finditer(sentence):
        before = sentence[:m.start()]
        nm = _NAME.search(before[-200:])
        words = nm.group(1).split() if nm else []
        while words and words[0] in ("the", "The", "of", "on", "for", "and", "&"):
            words = words[1:]
        words = [w.rstrip("’'") if w.endswith(("’", "'")) and not w.endswith(("s’", "s'")) else w for w in words]
        if any(re.sub(r"['’]s$", "", w) in _NOT_NAME_WORDS for w in words):
            continue
        noun = m.group()
        if not words and not noun[:1].isupper():
            continue
        if words and len(words) == 1 and sentence.startswith(words[0]) and not noun[:1].isupper():
            continue
        if all(w[:1].isdigit() for w in words) and not noun[:1].isupper():
            continue
        tail = _TRAILING_NOUN.match(sentence, m.end())
        name = " ".join([*words, noun]) + (tail.group() if tail else "")
        name = " ".join(name.split())
        if len(name.split()) >= 2 and (best is None or len(name) > len(best)):
            best = name
    return best


def find_meetings(sentences: list[Sentence], orgs: list[Org], officials: list[Official],
                  pub: dt.date | None, k: Knowledge) -> list[Meeting]:
    rx = _rx(k)
    org_forms = {f: o.name for o in orgs for f in o.forms() if len(f) >= 2}
    person_forms = _person_forms(officials)
    councils = {o.name for o in orgs if "Council" in o.name or o.org_type == "council"}
    org_of_person = {p.name: p.organisation or _title_body(p.title, orgs, k) for p in officials}
    org_of_person = {n: o for n, o in org_of_person.items() if o}
    hint = year_hint([s.text for s in sentences[:5]]) if pub is None else None
    found: list[Meeting] = []
    recent: Meeting | None = None  # the meeting the story last spoke of
    last_at = -10
    for s in sentences:
        t = s.text
        typ = _best_type(t, rx.meeting, rx.meeting_type)
        met = _met(t, rx, person_forms, org_forms) if not _negated(t, rx) else None
        if typ is not None and typ[0] == "other" and met is not None:
            typ = met  # "held a meeting with the delegation from X": a bilateral meeting
        near = recent is not None and (s.index - last_at <= 2 or len(found) == 1)
        reported = typ is not None and rx.meeting_verb.search(t) is not None
        if not reported and met is None and recent is not None and near and not _negated(t, rx):
            # "It was co-chaired by ...", "Officials of X and Y took part": a sentence right after a
            # meeting (or anywhere in a story about one meeting) adds its chairs and participants.
            chairs = _chairs(t, rx, person_forms) if s.index - last_at <= 2 else []
            joined = [c for _, _, c in _spans(t, org_forms)] if rx.participation.search(t) else []
            if chairs or joined:
                _add_details(recent, Meeting(type=recent.type, participants=joined, chairs=chairs, evidence=[t]))
                last_at = s.index
                continue
        if typ is None:
            typ = met
        elif typ is not None and not rx.meeting_verb.search(t):
            typ = None
        if typ is None or _negated(t, rx):
            continue
        last_at = s.index
        if re.search(r"(?i)\bexercises?\b", t) and typ[0] in ("other",):
            continue
        name = _meeting_name(t, rx.meeting)
        chairs = _chairs(t, rx, person_forms)
        # "at Army Headquarters (Sena Bhawan)": where it was held, not who took part.
        participants = [c for a, _, c in _spans(t, org_forms) if not _VENUE.search(t[max(0, a - 8):a])]
        if typ[0] == "council meeting":
            # A council's decisions name beneficiaries ("for the Navy"); the council itself took part.
            participants = [p for p in participants if p in councils] or participants
        d = _date_of(_event_dates(t, pub, hint))
        mt = Meeting(
            type=typ[0], name=name, start=d.start if d else None, end=d.end if d else None,
            precision=d.precision if d else None, location=_place(t, rx),
            participants=_dedupe(participants), chairs=chairs, evidence=[t],
            counterparts=[n for a, _, n in _spans(t, person_forms) if a > typ[1]],
        )
        anaphoric = bool(re.search(r"(?i)\b(?:the|this|that|these|during)\s+$", t[:typ[1]])) and not name
        recent = _merge_meeting(found, mt, anaphoric, recent)
        # "held bilateral meetings with A, B and C": one meeting per counterpart named.
        for _ in range(_counterparts(sentences, s.index, t, person_forms) - 1):
            found.append(Meeting(type=mt.type, start=mt.start, end=mt.end, precision=mt.precision,
                                 location=mt.location, evidence=[t]))
    # A bare "the discussions" with nothing of its own, in a story that reports a meeting, is that meeting.
    found = [m for m in found if len(found) == 1 or m.name or m.start or m.participants or m.chairs
             or m.counterparts]
    lede = _lede_date(sentences, pub, hint) or _dateline_date(sentences, pub, hint)
    place = _lede_place(sentences, rx)
    previous: Meeting | None = None
    for mt in found:
        # The bodies of those who chaired took part (a council's chair sits for the council itself).
        if mt.type != "council meeting":
            _add(mt.participants, [org_of_person[c] for c, _ in mt.chairs if c in org_of_person])
        if mt.start is None and previous is not None and previous.start is not None:
            # "held three meetings on 12 February. He met A ... He met B": the story's running date.
            mt.start, mt.end, mt.precision = previous.start, previous.start, previous.precision
        if mt.start is None and lede is not None:
            mt.start, mt.end, mt.precision = lede.start, lede.end, lede.precision
        previous = mt
        mt.location = mt.location or place
    return found


_VENUE = re.compile(r"\bat\s+(?:the\s+)?$")


def _lede_place(sentences: list[Sentence], rx: _Rx) -> str | None:
    """Where the story happened: a place in its first sentences, else its dateline city."""
    for s in sentences[:2]:
        p = _place(s.text, rx)
        if p:
            return p
    for s in sentences[:2]:
        m = _DATELINE.match(s.text)
        if m:
            city = re.match(r"[A-Z][\w .]*?(?=\s*[,(\[])", s.text)
            if city and rx.place.search(f"in {city.group()}"):
                return city.group()
    return None


_SUBJECT = re.compile(r"^(?:He|She|They|The\s+(?:[A-Z][\w-]*\s+){1,4})\s*(?:[a-z]+ly\s+|also\s+|further\s+)*$")


def _met(t: str, rx: _Rx, person_forms: dict[str, str], org_forms: dict[str, str]) -> tuple[str, int] | None:
    """'X met Y' with someone named on each side of the verb is a bilateral meeting."""
    m = rx.met.search(t)
    if m is None:
        return None
    named = [a for a, _, _ in _spans(t, person_forms)] + [a for a, _, _ in _spans(t, org_forms)]
    # "He further received ...", "The Defence Secretary later met ...": the subject named before.
    subject = bool(_SUBJECT.match(t[:m.start()]))
    after = any(a > m.end() for a in named) or "counterpart" in t[m.end():]
    if (subject or any(a < m.start() for a in named)) and after:
        kind = _kind(m.group(), rx.met_type)
        return (kind[1], m.start()) if kind else None
    return None


def _title_body(title: str | None, orgs: list[Org], k: Knowledge) -> str | None:
    """'Defence Secretary' belongs to the Ministry of Defence, if the article names that ministry and no
    country word ('US', 'Israeli') stands before the title."""
    if not title:
        return None
    first = re.sub(r"['’]s$", "", title.split()[0])
    country = k.countries.get(first)
    if country:
        title = title.split(" ", 1)[1] if " " in title else ""
    named = {o.name: o for o in orgs}
    for phrase, body in k.title_organisations:
        # "US Under Secretary of Defense" is of the US body; a country word before an Indian title
        # ("Israeli Defence Minister") names another country's office.
        if (title.lower().startswith(phrase.lower()) and body in named
                and (country is None or named[body].country == country)):
            return body
    return None


_DELEGATION = re.compile(r"(?i)\bdelegations?\b[^,;]{0,40}$")


def _chairs(t: str, rx: _Rx, person_forms: dict[str, str]) -> list[tuple[str, str]]:
    """Officials named by a chair cue: 'chaired by X', 'co-chaired by X and Y', 'X chaired'."""
    chairs: list[tuple[str, str]] = []
    people = _spans(t, person_forms)
    for cue, role, side in rx.chair_cues:
        for m in cue.finditer(t):
            if side == "after" and _DELEGATION.search(t[max(0, m.start() - 60):m.start()]):
                continue  # "a delegation led by X": X led the visitors, not the meeting
            if side == "after":
                tail = [p for p in people if p[0] >= m.end() and p[0] - m.end() < (250 if role == "co-chair" else 120)]
                picked = tail[:2] if role == "co-chair" or " and " in t[m.end():m.end() + 120] else tail[:1]
            else:
                picked = [p for p in people if p[1] <= m.start()][-2:]
            for _, _, who in picked:
                if who not in [c for c, _ in chairs]:
                    chairs.append((who, role))
    return chairs


_PLURAL_MEETINGS = re.compile(r"(?i)\b(?:bilateral|separate)\s+(?:meetings|talks)\b")


_NAMED = r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
_COUNTRY_LIST = re.compile(r"\bwith\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:ministers|counterparts|delegations|chiefs|"
                           r"officials)\s+(?:of|from)\s+(" + _NAMED + r"(?:\s*,\s*(?:and\s+)?" + _NAMED + r")*"
                           r"(?:,?\s+and\s+" + _NAMED + r")?)")


def _counterparts(sentences: list[Sentence], i: int, t: str, person_forms: dict[str, str]) -> int:
    """How many counterparts a 'held bilateral meetings with ...' sentence lists (here or in the next
    sentence: 'The meetings took place with A; B; and C')."""
    m = _PLURAL_MEETINGS.search(t)
    if not m:
        return 1
    subject = {name for a, _, name in _spans(t[:m.start()], person_forms)}
    names = {name for a, _, name in _spans(t[m.end():], person_forms)} - subject
    if i + 1 < len(sentences) and re.search(r"(?i)\b(?:with|involved|included)\b", sentences[i + 1].text):
        names |= {name for _, _, name in _spans(sentences[i + 1].text, person_forms)} - subject
    # "with the ministers of Chile, Peru and Kenya": one meeting per country listed.
    listed = _COUNTRY_LIST.search(t, m.end())
    countries = len(re.findall(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*", listed.group(1))) if listed else 0
    return max(1, min(max(len(names), countries), 12))


_NAME_NOISE = {"meeting", "the", "of", "and", "meet", "session"}


def _name_tokens(name: str) -> set[str]:
    return {w for w in re.split(r"[\s\-–]+", norm(name)) if w and w not in _NAME_NOISE}


def _same_meeting_name(a: str, b: str) -> bool:
    """'5th India-Chile Joint Working Group meeting' and '5th Chile-India Joint Working Group' are one name:
    the same words in any order, the same ordinal."""
    ta, tb = _name_tokens(a), _name_tokens(b)
    ords_a = {w for w in ta if re.fullmatch(r"\d+(?:st|nd|rd|th)", w)}
    ords_b = {w for w in tb if re.fullmatch(r"\d+(?:st|nd|rd|th)", w)}
    if ords_a and ords_b and ords_a != ords_b:
        return False
    return bool(ta and tb) and len(ta & tb) / min(len(ta), len(tb)) >= 0.8


def _met_apart(prev: Meeting, mt: Meeting) -> bool:
    """Two bilateral meetings with different counterparts are two meetings: 'met delegations from A',
    later 'met the delegation from B'; so is a specific meeting after a summary naming three or more."""
    kinds = {prev.type, mt.type}
    if "bilateral meeting" not in kinds or not kinds <= {"bilateral meeting", "other"}:
        return False
    a = set(prev.participants) | set(prev.counterparts)
    b = set(mt.participants) | set(mt.counterparts)
    if not a or not b:
        return False
    return not (a & b) or (len(prev.participants) >= 3 and set(mt.participants) < set(prev.participants))


def _add_details(target: Meeting, mt: Meeting) -> None:
    """Who took part, who chaired, where and the evidence of a further mention join the meeting."""
    _add(target.participants, mt.participants)
    _add(target.counterparts, mt.counterparts)
    for c in mt.chairs:
        if c[0] not in [x for x, _ in target.chairs]:
            target.chairs.append(c)
    target.location = target.location or mt.location
    _add(target.evidence, mt.evidence)


def _merge_meeting(found: list[Meeting], mt: Meeting, anaphoric: bool = False,
                   recent: Meeting | None = None) -> Meeting:
    """Sentences about the same meeting fill in one entry; 'the meeting' refers back to the one the story
    last spoke of (`recent`). Returns the entry the sentence went to."""
    recent = recent or (found[-1] if found else None)

    def same_name(p: Meeting) -> bool:
        return bool(p.name and mt.name and _same_meeting_name(p.name, mt.name))

    # A named meeting first joins the earlier mention of that name; 'the meeting' the one just spoken of.
    order = sorted(reversed(found), key=lambda p: (not same_name(p), not (anaphoric and p is recent)))
    if anaphoric and recent is not None and not mt.name:
        # "During the meeting, ... after the signing in June 2022": details of the meeting just spoken
        # of; a date here belongs to something else the sentence mentions.
        _add_details(recent, mt)
        return recent
    for prev in order:
        named_apart = prev.name and mt.name and not same_name(prev)
        same_kind = prev.type == mt.type or "other" in (prev.type, mt.type) or (anaphoric and prev is recent)
        clash = prev.start and mt.start and abs((prev.start - mt.start).days) > 7
        apart = not anaphoric and not same_name(prev) and _met_apart(prev, mt)
        if same_kind and not named_apart and not clash and not apart:
            if prev.type == "other":
                prev.type = mt.type
            prev.name = prev.name or mt.name
            if prev.start is None or (mt.precision == "day" and prev.precision != "day"):
                prev.start, prev.end, prev.precision = (mt.start or prev.start, mt.end or prev.end,
                                                        mt.precision or prev.precision)
            _add_details(prev, mt)
            return prev
    found.append(mt)
    return mt
