"""The `gathering` reader: events that are held, with who took part and who chaired (meetings).

A sentence reports one when it names the event (a trigger noun of the spec) with a verb of holding,
or when a verb alone says so with someone on each side ('X met Y'); negation cues drop it. Chairs
are the officials the spec's role cues point to; participants are the bodies named (not the venue).
Further sentences near a mention add chairs and participants; 'the meeting' refers to the one the
story last spoke of; one meeting per counterpart where the story lists several.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from transforms.dates import DateMention
from transforms.document import Doc
from transforms.events.common import (
    MODAL_REACH,
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
    leading_place,
    name_spans,
    named_only_within,
    place_in,
    places_seen,
    reported_on,
    running_day,
    sentence_before,
    served_spans,
    signing_after_the_talks,
    told_as_a_trend,
    told_in_aside,
    two_services,
    undated_event_date,
    with_short_forms,
)
from transforms.events.engine import SpecPatterns, best_type, kind, reader
from transforms.knowledge import Knowledge
from transforms.names import norm
from transforms.organisations import Org
from transforms.record import EventRecord, RoleFiller
from transforms.sentences import Sentence, headline_lines

MAX_SPAN = dt.timedelta(days=31)  # the longest a meeting told as "from one day to another" lasts; a story's own time
BETWEEN_REACH = 40  # characters from a meeting's word to the "between" naming its two sides
TITLED_OBJECT_REACH = 120  # characters from "received" to the name after "the Chief of the Air Staff of the ..."
DELEGATION_REACH = 100  # characters before a chair cue that may say a delegation was led ("a delegation of X led by")


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
    met_by: list[str] = field(default_factory=list)  # officials who met them ("X met Y": X), likewise
    earlier: bool = False  # "the two had last met in 2024": an occasion before the story's, kept apart
    beside: bool = False  # talks held beside an occasion ("on the sidelines of the Summit"), told apart from it
    listed: bool = False  # one of the meetings a sentence lists ("held separate meetings with A, B and C")
    separate: bool = False  # "in a separate meeting later in the day": not the one just spoken of
    dated_by_its_words: bool = False  # "During the talks in Oslo on Tuesday, ...": the date is the meeting's own





def _without_place(name: str, rx: SpecPatterns) -> str:
    """"3rd meeting of the Joint Defence Committee in New Delhi": a place after "in" is where, not the name's
    ("Conference on Security in Asia" keeps its region, which is no city the gazetteer holds)."""
    parts = name.split(" in ")
    for i, tail in enumerate(parts[1:], 1):
        if leading_place(tail, rx.places):
            return " in ".join(parts[:i])
    return name


def _meets(body: str, rx: SpecPatterns) -> bool:
    """"the Joint Working Group", "the Joint Defence Commission": a body whose meetings are meetings, not "the
    Border Roads Organisation" (of "a review meeting of the Border Roads Organisation")."""
    words = body.split()
    return bool(rx.trigger.search(body)) or bool(words and words[-1] in rx.words.meeting_body_heads)


def _meeting_name(sentence: str, rx: SpecPatterns) -> str | None:
    """The meeting's own name: capitalised words before a meeting word, with a trailing 'meeting'
    ('16th India-Ruritania Joint Working Group meeting'); the longest such phrase in the sentence."""
    best: str | None = None
    p = rx.p
    of = p.of_name.search(sentence)
    # "the 5th meeting of the Joint Working Group": a name only where what met is a meeting's body (a group, a
    # commission), not "a review meeting of the Border Roads Organisation".
    named = _without_place(of.group(), rx) if of else ""
    if named and _meets(named.partition(" of ")[2], rx):
        best = named
    dateline = p.dateline.match(sentence)
    begin = dateline.end() if dateline else 0  # past "Delhi, Nov 20 (PTI) The ..."
    topics = [x.span() for x in p.mechanism_reviewed.finditer(sentence)]
    for m in rx.trigger.finditer(sentence, begin):
        if any(a <= m.start() < e for a, e in topics):
            continue  # "reviewed the progress of the Joint Committee": not this meeting's name
        if rx.p.trigger_as_modifier is not None and rx.p.trigger_as_modifier.match(sentence, m.end()):
            continue  # "Security Council Secretary X": a body's officer, no meeting's name
        before = sentence[begin:m.start()]
        nm = p.name_before.search(before[-200:])
        words = nm.group(1).split() if nm else []
        while words and words[0] in rx.words.name_leading_words:
            words = words[1:]
        # "on Monday for Weimar Triangle talks": a name starts after a word that is no name's and its "for".
        cut = [i + 2 for i in range(len(words) - 2) if rx.p.possessive_end.sub("", words[i]) in rx.words.not_name_words
               and words[i + 1] in rx.words.connectors]
        # "Secretary Karl Berg's Meeting With ...": the owner's words are no part of a name.
        cut += [i + 1 for i, w in enumerate(words) if rx.p.singular_possessive_end.search(w)]
        cut.sort()
        words = words[cut[-1]:] if cut else words
        lead = before[-200:][:nm.start(1)] if nm else ""
        if words and (rx.p.passive_agent_end.search(lead) or rx.p.officer_of_end.search(lead)):
            # "hosted by the Norland Business Council", "vice chairman of the Central Commission": a body that
            # hosted, or an officer's, no meeting's name
            continue
        ordinal = lead.split()[-1:] if nm and words else []
        if ordinal and ordinal[0].lower() in rx.words.map("ordinal_numbers"):
            words = [ordinal[0], *words]  # "the fifth India-Norland Dialogue": the number is the name's
        words = [w.rstrip("’'") if w.endswith(("’", "'")) and not w.endswith(("s’", "s'")) else w for w in words]
        if any(p.possessive_end.sub("", w) in rx.words.not_name_words for w in words):
            continue
        noun = m.group()
        if noun.split()[-1].lower() in rx.words.prepositions_before_an_object:
            noun = " ".join(noun.split()[:-1])  # "Karl Berg's Meeting With Ola Dahl": the word's, not the name's
        # "Delegation-level talks were held": a meeting word opening the sentence is capitalised as its first
        # word, not as a name (unless a later word is: "Joint Working Group met").
        opens = not before.strip()
        # "2+2 Ministerial Dialogue": a name opening with a number is capitalised in its next word.
        capitalised = any(w[:1].isupper() for w in noun.split()[1:]) if opens or noun[:1].isdigit() \
            else noun[:1].isupper()
        if not words and not capitalised:
            continue
        last = before.split()[-1:]
        if not words and last and last[0].lower() in rx.words.map("ordinal_numbers"):
            words = last  # "their second 2+2 Ministerial Dialogue": the number is the name's
        if p.trigger_as_verb.match(sentence, m.end()):
            continue  # "Defense Minister Karl Berg meeting their counterparts": a verb, not a name
        if words and len(words) == 1 and sentence.startswith(words[0]) and not noun[:1].isupper():
            continue
        if all(w[:1].isdigit() for w in words) and not noun[:1].isupper():
            continue
        tail = p.trailing_meeting_noun.match(sentence, m.end())
        # "Joint Working Group on Defence Research and Materiel Cooperation": a capitalised name goes on.
        more = p.name_continuation.match(sentence, m.end()) if noun[:1].isupper() and not tail else None
        name = " ".join([*words, noun]) + (tail.group() if tail else "") + (more.group() if more else "")
        name = _without_place(" ".join(name.split()), rx)
        if len(name.split()) >= 2 and (best is None or len(name) > len(best)):
            best = name
    return best


@dataclass
class _Story(Story):
    """A story read for gatherings: the meetings found so far and the one it last spoke of."""

    found: list[Meeting] = field(default_factory=list)
    recent: Meeting | None = None  # the meeting the story last spoke of
    last_at: int = -10
    named_before: str | None = None  # the first official the last sentence naming one named: "he" after it


@reader("gathering")
def read_gatherings(doc: Doc, rx: SpecPatterns, k: Knowledge) -> list[EventRecord]:
    """Every event of the spec the article reports as held, sentence by sentence."""
    story = _Story(**Story.basics(doc, rx))
    for s in doc.sentences:
        clauses = _gatherings_apart(s, rx)
        for clause in clauses:
            _read_sentence(story, clause, followed=clause is not clauses[-1])
        people = name_spans(s.text, story.person_forms)
        story.named_before = people[0][2] if people else story.named_before
    return [_record(m) for m in _settle_meetings(story, k)]


def _gatherings_apart(s: Sentence, rx: SpecPatterns) -> list[Sentence]:
    """"The plenary was followed by a session of the Vexa Group, chaired by X", "attended the X Meeting and held
    talks with Y": two gatherings, each read from its own clause (the second's chairs are not the first's)."""
    beside = rx.p.talks_beside_attended.search(s.text)
    if beside is not None and rx.trigger.search(s.text, 0, beside.start(1)):
        # "attended the X Meeting and held talks with Y": the meeting, then the talks told with its subject
        return [Sentence(s.text[:beside.start(1)], s.start, s.index),
                Sentence(s.text[:beside.start()] + s.text[beside.end(1):], s.start, s.index)]
    joint = rx.p.followed_by_another.search(s.text)
    if joint is None or not rx.trigger.search(s.text, joint.end()) or not rx.trigger.search(s.text, 0, joint.start()):
        return [s]
    return [Sentence(s.text[:joint.start()], s.start, s.index),
            Sentence(s.text[joint.end():], s.start + joint.end(), s.index)]


def _read_sentence(story: _Story, s: Sentence, followed: bool = False) -> None:
    """One sentence: a new meeting (or one per counterpart listed), details for the recent one, or nothing.
    `followed`: the clause names a gathering another one followed, which was therefore held."""
    rx, t = story.rx, s.text
    # "The proposal was cleared at a meeting": what a meeting decided is its topic, which plans nothing of it.
    negated = (is_negated(rx.p.decided_topic.sub(" ", t), rx) or bool(rx.p.meeting_defined.search(t))
               or told_as_a_trend(t, rx))
    if negated:
        # "held the dialogue in Paris, where the proposal was discussed": what was done there negates nothing.
        # "met in Oslo and declared they wanted to ...": the plan is the outcome's, not the meeting's.
        held = drop_planned_part(t, rx, rx.verb.search(t))
        outcome = rx.p.occasion_clause.search(t)
        negated = outcome is None or outcome.start() > len(held) or is_negated(t[:outcome.start()], rx)
        if not negated and outcome is not None:
            t = t[:outcome.start()]  # "reviewed ties and agreed to hold the next dialogue in Delhi": not that one
        before_plan = _held_before_plan(t, rx) if negated and not told_as_a_trend(t, rx) else None
        if before_plan is not None:
            # "met X on Monday and invited him to visit Oslo next year", "...; the two will sign a pact in May":
            # the meeting told before the plan was held; the plan is read no further.
            negated, t = False, before_plan
    # "told a press conference": a briefing for the press is no meeting.
    # ", also known as the X Dialogue": the other name of the meeting just named types nothing of its own.
    # "after meeting the target": the word is a verb there (whom one met is read as "met" reads it, below).
    plain = blanked(rx.p.meeting_as_gerund, blanked(rx.p.press_briefing, t))
    # "Ahead of the summit, the foreign secretaries held consultations": a gathering still to come types nothing.
    typed = blanked(rx.p.ahead_of_a_gathering, blanked(rx.p.name_alias, blanked(rx.p.mechanism_reviewed, plain)))
    typed = blanked(rx.p.body_of_a_title, typed)  # ", Chair of the Military Committee": a body, not a meeting
    typ = best_type(typed,
                    rx.trigger, rx.types, rx.p.trigger_as_modifier, rx.p.infinitive_before)
    host = None
    met = _met(t, rx, story.person_forms, story.org_forms) if not negated else None
    word_at = typ[1] if typ is not None else None  # "hosted the meeting": the meeting's word, whatever the verb
    if typ is not None and typ[0] == rx.special("fallback") and met is not None:
        typ = met  # "held a meeting with the delegation from X": a bilateral meeting
    elif typ is not None and typ[0] == rx.special("council") and met is not None and typ[1] < met[1]:
        typ = host = met  # "The Vexa Defence Council hosted a delegation from X": met a guest, sat as no council
    elif typ is not None and typ[0] == rx.special("fallback") and (
            _counterpart_pair(t, story.person_forms, rx) or _between_two_bodies(t, typ[1], story.org_forms, rx)):
        # "A and his counterpart B ... at their meeting", "The meeting between the A Navy and the B Navy"
        typ = (rx.special("bilateral") or typ[0], typ[1])
    typ = _occasion_after(plain, typ, rx) or typ
    # "At the 3rd Joint Commission, the two sides signed ...": the occasion of what was done was held.
    occasion = typ is not None and rx.p.meeting_occasion.match(t[:typ[1]]) is not None
    reported = typ is not None and (occasion or followed or _held_verb(t, rx))
    if reported and typ is not None and story.recent is not None and _body_taking_part(story, t, typ[1]):
        # "Officials of the Security Council also took part": in the meeting just told; unless a meeting's word
        # outside the body's name tells one ("held the 12th meeting of the X-Y Joint Commission").
        outside = best_type(_names_blanked(typed, story.org_forms), rx.trigger, rx.types, rx.p.trigger_as_modifier,
                            rx.p.infinitive_before)
        typ, reported = (outside, True) if outside is not None else (typ, False)
    if not reported and met is None and not negated and _details_nearby(story, s):
        return
    if typ is None or not reported:
        typ = met  # "received his counterpart X for talks": the verb says it was held
    if typ is None or negated:
        return
    if met is not None and typ == met and _hosted_a_group(t, met[1], story.person_forms, rx):
        typ = (rx.special("fallback") or typ[0], typ[1])  # "X hosted A, B and C": one gathering of them all
    review = rx.special("review")
    if review and typ[0] == rx.special("fallback") and rx.p.progress_reviewed.search(t):
        typ = (review, typ[1])  # "reviewed the progress of X at a meeting"
    elif (review and met is not None and typ == met and rx.p.progress_reviewed.search(t, met[1])
          and not name_spans(t, story.person_forms)):
        typ = (review, typ[1])  # "Officers of the Navy and scientists of X met to review the progress of Y"
    if typ[0] == rx.special("bilateral") and rx.p.meeting_with_a_group.search(t):
        typ = (rx.special("fallback") or typ[0], typ[1])  # "a meeting with the defence industry": no one side
    story.last_at = s.index
    # "a joint exercise session" is no meeting; "met ..., agreeing to expand joint exercises" still is.
    outcome = rx.p.occasion_clause.search(t, typ[1])
    if rx.not_for_other is not None and rx.not_for_other.search(t[:outcome.start()] if outcome else t) \
            and typ[0] == rx.special("fallback"):
        return
    mt = _meeting(story, t, typ, met[1] if met is not None else None)
    if host is not None and mt.name is not None and mt.name in story.org_forms:
        mt.name = None  # the council's name is the host's, not the meeting's
    mt.earlier = (met is not None and typ == met and bool(rx.p.earlier_met.search(t, max(0, met[1] - 16), met[1] + 3))
                  or bool(rx.p.tenure_opening.match(t)))  # "During his tenure, the Navy hosted the first X"
    side = rx.p.sidelines.search(t, typ[1])
    if side:
        # "held talks with X on the sidelines of the ASEAN Defence Ministers' Meeting-Plus": ASEAN held no talks.
        _not_in_occasion(mt, t, side.start(), clause_end(t, side.end()), story)
    anaphoric = (bool(rx.p.anaphor_meeting.search(t[:typ[1] if word_at is None else word_at])) and not mt.name
                 and not (rx.p.meeting_with.match(t, typ[1]) and _someone_else_met(story.recent, mt)))
    mt.separate = bool(rx.p.separate_occasion.search(t[:typ[1]]))
    mt.dated_by_its_words = mt.start is not None and bool(rx.p.date_in_meeting_phrase.match(t, typ[1]))
    own = _talks_before_occasion(t, typ, rx) if occasion and typ != met else None
    if own is not None and own[0] == rx.special("fallback") and _counterpart_pair(t, story.person_forms, rx):
        own = (rx.special("bilateral") or own[0], own[1])  # "A and his counterpart B ... at their meeting on the
        # margins of the Summit": their bilateral meeting, beside the summit
    own_talks = own is not None or (occasion and met is not None and typ != met)
    if own_talks:
        # "On the sidelines of the dialogue, he met the chairman of X": X took part in the talks, not the dialogue.
        # Its evidence is the occasion's phrase alone, so no learned decision takes X for it either.
        phrase = t[slice(*_occasion_phrase(t, typ, rx))]
        mt = replace(mt, participants=[], chairs=[], counterparts=[], evidence=[phrase])
    story.recent = _merge_meeting(story.found, mt, rx, anaphoric, story.recent)
    if own_talks:
        # "A and B met on the sidelines of the Summit": the summit was held, and so was their meeting, which the
        # bodies named only in the summit's name took no part in.
        told = met or own
        assert told is not None  # own talks are told by the verb's or the talks' own word
        mt = replace(_meeting(story, t, told), name=None)
        a, e = _occasion_phrase(t, typ, rx)
        _not_in_occasion(mt, t, a, e, story)
        # Its evidence is the talks' clause, without the occasion's phrase: no learned decision takes the
        # occasion's bodies for it.
        talks = t[e:] if a == 0 else t[:a]
        mt.evidence = [talks] if talks.strip(" ,.") else mt.evidence
        mt.beside = True
        story.recent = _merge_meeting(story.found, mt, rx, False, story.recent)
    if not own_talks:
        _talks_at_the_occasion(story, t, typ, met, story.recent)
    call_end = None if own_talks else _call_before_another(story, t, typ, met)
    if met is not None and call_end is not None:
        # "he called on Prime Minister X and later addressed a business roundtable": the call is a meeting too.
        call = replace(_meeting(story, t[:call_end], met, met[1]), name=None)
        _merge_meeting(story.found, call, rx, False, story.recent)
    _one_per_counterpart(story, s, t, mt)


def _hosted_a_group(t: str, verb_at: int, person_forms: dict[str, str], rx: SpecPatterns) -> bool:
    """"X hosted A, B and C": a host with two or more guests named after the verb, in one clause."""
    if not rx.p.group_hosting.match(t, verb_at):
        return False
    guests = [(a, e) for a, e, _ in name_spans(t, person_forms) if a > verb_at]
    return len(guests) >= 2 and bool(rx.p.guest_joint.fullmatch(t, guests[0][1], guests[1][0]))


def _held_before_plan(t: str, rx: SpecPatterns) -> str | None:
    """The clause before a planning cue that a later clause of the sentence opens (", and", "and", ";"), where
    that clause reports a meeting of its own and plans nothing."""
    neg = rx.negation.search(t)
    # (joints found in the whole sentence: one right before the cue must see the verb after it)
    joint = max((m for m in rx.p.clause_joint.finditer(t) if m.end() <= neg.start()), key=lambda m: m.start(),
                default=None) if neg is not None else None
    # "The two ministers, who met in Oslo on Monday, will meet again in June": the aside, of its subject
    aside = next((m for m in rx.p.relative_aside.finditer(t) if neg is not None and m.end() <= neg.start()), None)
    for held in (t[:joint.start()] if joint is not None else "",
                 told_in_aside(t, aside, rx) if aside is not None else ""):
        if (held and not is_negated(held, rx) and not rx.p.meeting_defined.search(held)
                and (rx.trigger.search(held) or (rx.met is not None and rx.met.search(held)))):
            return held
    return None


def _talks_at_the_occasion(story: _Story, t: str, typ: tuple[str, int], met: tuple[str, int] | None,
                           occasion: Meeting) -> None:
    """"attended the summit in Oslo last month, where he met X": the talks there are a meeting of their own, held
    on the occasion's day and in its place, with those the clause after "where" names."""
    if met is None or typ == met or met[1] <= typ[1]:
        return
    joint = next(story.rx.p.occasion_where.finditer(t, typ[1], met[1]), None)
    if joint is None:
        return
    clause = t[joint.end():]
    verb_at = met[1] - joint.end()
    talks = replace(_meeting(story, clause, (met[0], verb_at), verb_at), name=None)
    if not talks.counterparts:
        return
    if talks.start is None:
        talks.start, talks.end, talks.precision = occasion.start, occasion.end, occasion.precision
    talks.location = talks.location or occasion.location
    _merge_meeting(story.found, talks, story.rx, False, story.recent)


def _someone_else_met(recent: Meeting | None, mt: Meeting) -> bool:
    """"He met A ... During the meeting with B, ...": "the meeting" (with) names its own counterpart, whom the
    meeting just spoken of did not have: in a report of one meeting after another, the next one, not a reference
    back."""
    return recent is not None and bool(recent.counterparts and mt.counterparts) and not (
        set(recent.counterparts) & set(mt.counterparts))


def _call_before_another(story: _Story, t: str, typ: tuple[str, int], met: tuple[str, int] | None) -> int | None:
    """Where a meeting verb with its own person ("called on Prime Minister X") ends, when the sentence then goes
    on ("and later addressed") to a gathering of another word: the end of the call's clause, else None."""
    if met is None or typ == met or met[1] >= typ[1] or story.rx.p.anaphor_meeting.search(t[:typ[1]]):
        return None  # "... and briefed him on the outcomes of the dialogue": the one told before, no other
    joints = list(story.rx.p.and_then.finditer(t, met[1], typ[1]))
    if not joints:
        return None
    end = joints[-1].start()
    people = [a for a, _, _ in name_spans(t, story.person_forms) if met[1] < a < end]
    return end if people else None


def _held_verb(t: str, rx: SpecPatterns) -> bool:
    """A verb of holding that is not still to come ("will be discussed at a meeting in March" is not)."""
    return any(not rx.p.modal_before.search(t, max(0, v.start() - MODAL_REACH), v.start()) for v in rx.verb.finditer(t))


def _names_blanked(t: str, org_forms: dict[str, str]) -> str:
    """The text with the bodies' names blanked (offsets kept): what remains names no body."""
    for a, e, _ in name_spans(t, org_forms):
        t = t[:a] + " " * (e - a) + t[e:]
    return t


def _body_taking_part(story: _Story, t: str, word_at: int) -> bool:
    """The meeting's word is a body's name ("the National Security Council") in a sentence that says bodies
    took part: that body joined the meeting the story tells, it held none of its own."""
    named = any(a <= word_at < e for a, e, _ in name_spans(t, story.org_forms))
    return named and bool(story.rx.participation.search(t))


def _not_in_occasion(mt: Meeting, t: str, start: int, end: int, story: _Story) -> None:
    """Talks held at an occasion: the bodies named only in the occasion's phrase (t[start:end]) took no part."""
    only = named_only_within(name_spans(t, story.org_forms), start, end)
    mt.participants = [c for c in mt.participants if c not in only]


def _one_per_counterpart(story: _Story, s: Sentence, t: str, mt: Meeting) -> None:
    """"held bilateral meetings with A, B and C": one meeting per counterpart named, each with its own, kept
    even undated (`listed`)."""
    if mt.name and not story.rx.p.plural_meetings.search(t):
        return  # "hosted her Latvian and Estonian counterparts for the annual Baltic Committee meeting": one occasion
    count = _counterparts(story.doc.sentences, s.index, t, story.person_forms, story.rx)
    people = list(mt.counterparts) if len(mt.counterparts) == count else []
    if count > 1 and people:
        mt.counterparts[:] = people[:1]
    for n in range(1, count):
        story.found.append(Meeting(type=mt.type, start=mt.start, end=mt.end, precision=mt.precision,
                                   location=mt.location, evidence=[t], counterparts=people[n:n + 1], listed=True))
    mt.listed = mt.listed or count > 1


def _between_two_bodies(t: str, word_at: int, org_forms: dict[str, str], rx: SpecPatterns) -> bool:
    """"The meeting between the Chilean Navy and the Norwegian Navy": the meeting word, then "between" two bodies
    the story names (and no third)."""
    m = rx.p.between_pair.search(t, word_at)
    if m is None or m.start() - word_at > BETWEEN_REACH:
        return False
    sides = {c for a, _, c in name_spans(t, org_forms) if m.start() <= a < m.end()}
    return len(sides) == 2


def _counterpart_pair(t: str, person_forms: dict[str, str], rx: SpecPatterns) -> bool:
    """Two people named, one as the other's counterpart, or "between X and his counterpart": the meeting the
    sentence speaks of is theirs."""
    return bool(rx.p.counterpart_word.search(t)) and (
        len({n for _, _, n in name_spans(t, person_forms)}) >= 2 or bool(rx.p.between_counterparts.search(t)))


def _occasion_after(t: str, typ: tuple[str, int] | None, rx: SpecPatterns) -> tuple[str, int] | None:
    """"held talks with X on the sidelines of the Vexa Defence Ministers' Meeting": the gathering named in an
    occasion's phrase after the talks' word is the sentence's (the talks are beside it), whatever its type."""
    if typ is None:
        return None
    for lead in rx.p.occasion_lead.finditer(t, typ[1]):
        end = clause_end(t, lead.end())
        named = best_type(t[lead.end():end], rx.trigger, rx.types, rx.p.trigger_as_modifier, rx.p.infinitive_before)
        if named is not None:
            return named[0], named[1] + lead.end()
    return None


def _talks_before_occasion(t: str, typ: tuple[str, int], rx: SpecPatterns) -> tuple[str, int] | None:
    """"held talks with the ministers of A and B on the sidelines of the Dialogue", "On the sidelines of the
    Summit, he held bilateral meetings with ...": talks named outside the occasion's phrase are meetings of their
    own (the occasion was held too); their type (and where the word is), or None."""
    leads = [m.start() for m in rx.p.occasion_lead.finditer(t, 0, typ[1])]
    if not leads:
        return None
    before = best_type(t[:leads[-1]], rx.trigger, rx.types, rx.p.trigger_as_modifier, rx.p.infinitive_before)
    if before is not None or leads[-1] > 0:
        return before
    end = clause_end(t, typ[1])
    after = best_type(t[end:], rx.trigger, rx.types, rx.p.trigger_as_modifier, rx.p.infinitive_before)
    return (after[0], after[1] + end) if after is not None else None


def _occasion_phrase(t: str, typ: tuple[str, int], rx: SpecPatterns) -> tuple[int, int]:
    """"On the sidelines of the Summit in Oslo, he met X": where the words that name the occasion start and end
    (at a comma)."""
    leads = [m.start() for m in rx.p.occasion_lead.finditer(t, 0, typ[1])]
    return (leads[-1] if leads else 0), clause_end(t, typ[1])


def _details_nearby(story: _Story, s: Sentence) -> bool:
    """"It was co-chaired by ...", "Officials of X and Y took part": a sentence right after a meeting (or
    anywhere in a story about one meeting) adds its chairs and participants. True if it did."""
    rx, recent, t = story.rx, story.recent, s.text
    if recent is None or not (s.index - story.last_at <= 2 or len(story.found) == 1):
        return False
    # "The Norwegian side was headed by A. The Chilean delegation was led by B": one side's head named, the
    # other delegation's leader heads the other side.
    other_side = len(recent.chairs) == 1
    chairs = (_chairs(t, rx, story.person_forms, story.named_before, other_side)
              if s.index - story.last_at <= 2 else [])
    # "The delegation also visited the Vexa Shipyard": a body visited is a place seen, not one taking part.
    named = name_spans(t, story.org_forms)
    seen = places_seen(t, named, rx, venues=False)
    spans = [(a, e, c) for a, e, c in named if (a, e) not in seen]
    # "X and Y also signed an MoU in the presence of the two delegation heads": the bodies of a signing are its
    # parties, not the meeting's participants.
    joined = _taking_part(t, spans, rx) if rx.participation.search(t) and not rx.p.signing_told.search(t) else []
    if not (chairs or joined):
        return False
    # "The last meeting was held in Bergen in 2024. Officials of A and B took part": those who took part are the
    # meeting the story is about, not the earlier one it recalled.
    target = recent if chairs else _not_recalled(story.found, recent)
    _add_details(target, Meeting(type=target.type, participants=joined, chairs=chairs, evidence=[t]))
    story.last_at = s.index
    return True


def _not_recalled(found: list[Meeting], recent: Meeting) -> Meeting:
    """`recent`, unless the story recalls it as held before its first meeting (dated earlier): then the last
    meeting read that it does not."""
    first = found[0].start if found else None
    recalled = [m for m in found if first is not None and m.start is not None and m.start < first]
    return next((m for m in reversed(found) if m not in recalled), recent) if recent in recalled else recent


def _taking_part(t: str, spans: list[tuple[int, int, str]], rx: SpecPatterns) -> list[str]:
    """The bodies named, but those the meeting only served ("reviewed projects for the Indian Army"), unless
    no other is named."""
    served = served_spans(t, spans, rx, rx.p.served_for)
    return [c for a, e, c in spans if (a, e) not in served] or [c for _, _, c in spans]


def _meeting(story: _Story, t: str, typ: tuple[str, int], verb_at: int | None = None) -> Meeting:
    """The meeting a sentence reports: name, chairs, participants (not the venue), date and place; those
    named after its word, or after the verb of meeting where that comes first ("called on General X and
    held discussions"), are the counterparts met."""
    rx, doc = story.rx, story.doc
    # "at Army Headquarters (Sena Bhawan)": where it was held, not who took part; "and visited the Infantry
    # School": a place seen.
    named = name_spans(t, story.org_forms)
    seen = places_seen(t, named, rx)
    # "..., after which the Vexa Air Force and Orvik Aviation signed a contract": what was done next is another's.
    then = rx.p.next_event_clause.search(t, typ[1])
    # "..., Singapore's Ministry of Defence said": the body reporting the meeting, not one taking part in it.
    # "X signed MoUs with A and B at a seminar organised by the Navy": the signing's sides are its parties; the
    # seminar's are those named after its word.
    signed_at = rx.p.signing_told.search(t, 0, typ[1]) and rx.p.at_an_occasion.search(t, max(0, typ[1] - 24), typ[1])
    # "After the talks, the ministers witnessed the signing of an MoU between A and B": the signing's sides.
    signing = signing_after_the_talks(t, rx)
    spans = [(a, e, c) for a, e, c in named if (a, e) not in seen and (then is None or a < then.start())
             and not _reports_it(t, a, e, rx) and not (signed_at and a < typ[1])
             and not any(x <= a < y for x, y in signing)]
    participants = _taking_part(t, spans, rx) or two_services(t[:then.start()] if then else t, doc.orgs, rx)
    if typ[0] == rx.special("council"):
        # A council's decisions name beneficiaries ("for the Navy"); the council itself took part.
        councils = {o.name for o in doc.orgs if _is_council(o, rx)}
        participants = [p for p in participants if p in councils] or participants
    name = _meeting_name(t, rx)
    # "The Group, which last met in Tokyo in 2024, met in Oslo on Monday": the earlier meeting's date and place.
    now = blanked(rx.p.earlier_occasion_clause, t)
    # "on Thursday concluded a three-day visit, during which he held talks": the visit's day, not the talks'.
    dated = blanked(rx.p.visit_clause, now)
    found = event_dates(rx.knowledge, blanked(rx.p.visit_span_clause, dated), doc.published, story.hint)
    if found:
        dated = blanked(rx.p.visit_span_clause, dated)
    else:
        found = event_dates(rx.knowledge, dated, doc.published, story.hint)
    # "met in Oslo last week, the ministry said on Friday": the day of the report only where no other is told.
    found = [f for f in found if not reported_on(rx.knowledge, dated, f)] or found
    d = date_of(found)
    # "began on Tuesday and will continue till Friday": its last day may be after publication
    later = d is not None and rx.p.continues_till.search(dated, d.span[1]) is not None
    until = event_dates(rx.knowledge, dated, doc.published, story.hint, later=True) if later else found
    return Meeting(
        type=typ[0], name=name, start=d.start if d else None, end=_last_day(dated, d, until, rx),
        precision=d.precision if d else None, location=place_in(now, rx),
        participants=dedupe(participants), chairs=_chairs(t, rx, story.person_forms, story.named_before), evidence=[t],
        counterparts=[n for a, _, n in name_spans(t, story.person_forms) if a > min(typ[1], verb_at or typ[1])],
        met_by=[n for a, _, n in name_spans(t, story.person_forms) if verb_at is not None and a < verb_at],
    )


def _last_day(t: str, d: DateMention | None, found: list[DateMention], rx: SpecPatterns) -> dt.date | None:
    """The day a meeting ended: its date's own end ("March 24-25"), or a later day joined to it ("on Monday and
    Tuesday", "from 30 September to 2 October", "began on Tuesday and will continue till Friday"), within a
    month of its start."""
    if d is None:
        return None
    nxt = next((x for x in found if x.span[0] >= d.span[1]), None)
    if nxt is None or d.precision != "day" or nxt.precision != "day" or not rx.p.date_range_joiner.match(
            t[d.span[1]:nxt.span[0]]):
        return d.end
    # "began on Monday and will go on till Thursday": a weekday read as the last one past is the next one
    last = nxt.end + dt.timedelta(days=7) if d.start - dt.timedelta(days=7) < nxt.start < d.start else nxt.end
    return last if d.end < last <= d.start + MAX_SPAN else d.end


def _reports_it(t: str, a: int, e: int, rx: SpecPatterns) -> bool:
    """"..., Singapore's Ministry of Defence said": the body named at t[a:e] reports what the sentence tells."""
    return bool(rx.p.reporting.match(t, e) and rx.p.attribution_lead.search(t, max(0, a - 8), a))


def is_the_meeting_itself(meeting_name: str | None, name: str, org: Org | None, rx: SpecPatterns) -> bool:
    """"The Norway-Chile Cooperation Group met", "the first Joint Committee meeting": the mechanism is the meeting,
    not one taking part in it (a council's own meetings are another matter: it sits for itself)."""
    if not meeting_name:
        return False
    mechanism = org is not None and (_is_council(org, rx) or bool(set(name.split()) & rx.words.mechanism_heads))
    return norm(meeting_name).endswith(norm(name)) or (mechanism and norm(name) in norm(meeting_name))


def _is_council(o: Org, rx: SpecPatterns) -> bool:
    return o.org_type == "council" or any(w in o.name for w in rx.words.council_heads)


def _settle_meetings(story: _Story, k: Knowledge) -> list[Meeting]:
    """The story's meetings once every sentence is read: chairs' bodies take part, undated meetings take
    the story's running date or its lede's, unplaced ones its lede's place."""
    rx, doc, found = story.rx, story.doc, story.found
    # A bare "the discussions" with nothing of its own, in a story that reports a meeting, is that meeting
    # (talks with "his counterpart" have someone of their own, unnamed).
    found = [m for m in found if len(found) == 1 or m.name or m.start or m.participants or m.chairs
             or m.counterparts or m.listed or _with_counterpart(m, rx)]
    headline = {doc.sentences[i].text for i in headline_lines(rx.p, doc.sentences)}
    found = _without_headline_summary(found, headline, rx)
    dated = [m for m in found if m.start is not None]
    place = _lede_place(doc.sentences, rx)
    org_of_person = {p.name: o for p in doc.officials if (o := p.organisation or _title_body(p.title, doc.orgs, k, rx))}
    by_name = {o.name: o for o in doc.orgs}
    previous: Meeting | None = None
    for mt in found:
        # The bodies of those who chaired took part (a council's chair sits for the council itself).
        if mt.type != rx.special("council"):
            add_new(mt.participants, [org_of_person[c] for c, _ in mt.chairs if c in org_of_person])
            mt.participants = [p for p in mt.participants if not is_the_meeting_itself(mt.name, p, by_name.get(p), rx)]
        if mt.earlier and mt.start is None:
            continue  # "the two had last met in Oslo", "During his tenure, he hosted ...": on no day the story gives
        # Dated by the body's sentences, not by a headline that sums the meeting up.
        told = [e for e in mt.evidence if e not in headline] or mt.evidence
        running = running_day(rx.knowledge, doc.sentences, told, doc.published, story.hint)
        later = days_later(rx.knowledge, told[0]) if told else 0
        base = running.start if running is not None else (
            previous.start if previous is not None and previous.precision == "day" else None)
        if mt.start is None and later and base is not None:
            # "On 15 October he called on X. The next day, he met Y": the day after the one last named.
            mt.start = mt.end = base + dt.timedelta(days=later)
            mt.precision = "day"
        if mt.start is None and running is not None:
            # "On Wednesday, he visited the yard. He also held a roundtable ...": the day the story last named.
            mt.start, mt.end, mt.precision = running.start, running.start, running.precision
        if mt.start is None and previous is not None and previous.start is not None:
            # "held three meetings on 12 February. He met A ... He met B": the story's running date.
            mt.start, mt.end, mt.precision = previous.start, previous.start, previous.precision
        if mt.start is None and (lede := undated_event_date(rx.knowledge, doc, story.hint, mt.evidence,
                                                            [m.evidence for m in dated if m is not mt])) is not None:
            mt.start, mt.end, mt.precision = lede.start, lede.end, lede.precision
        previous = mt
        # "held the dialogue virtually", "a telephone conversation": held nowhere, whatever the dateline says.
        remote = any(rx.p.held_remotely.search(e) for e in mt.evidence)
        # "The 4th session was held in 2023": an earlier occasion was not held where the story's events are.
        earlier = mt.start is not None and doc.published is not None and mt.start < doc.published - MAX_SPAN
        mt.location = mt.location or (None if remote or earlier else _place_told_before(doc.sentences, mt, rx) or place)
        _span_from_duration(mt, rx)
    return found


def _without_headline_summary(found: list[Meeting], lines: set[str], rx: SpecPatterns) -> list[Meeting]:
    """"CDS concludes visit; holds talks with X leadership": a headline's talks, where the body reports talks of
    that kind that the headline did not join, sum those up; they are no meeting of their own."""
    told = [m for m in found if m.evidence and all(e in lines for e in m.evidence)]
    body = [m for m in found if m not in told]
    fallback = rx.special("fallback")
    return [m for m in found if m not in told or m.name
            or not any(b.type == m.type or fallback in (b.type, m.type) for b in body)]


def _span_from_duration(mt: Meeting, rx: SpecPatterns) -> None:
    """"The five-day conference" that began on a known day ends four days later."""
    if mt.start is None or mt.precision != "day" or (mt.end is not None and mt.end != mt.start):
        return
    text = " ".join(mt.evidence)
    # The meeting's own length ("five-day conference"), not a visit's ("a three-day visit"), nor that of another
    # meeting the sentence names ("their talks on the margins of the three-day summit").
    m = next((d for d in rx.p.duration_days.finditer(text)
              if _own_word(rx.trigger.match(text, _after_name_words(text, d.end() + 1, rx)), mt, rx)), None)
    days = int(rx.words.map("numbers").get(m.group(1).lower(), m.group(1))) if m else 1
    # The day comes from the first mention: if that says the meeting ended then, it is the last day, whatever a
    # later sentence says of its start ("The talks concluded on Wednesday. They began on Tuesday.").
    # (the first that tells which day it was, "concluded on Friday" before "The four-day conference ..."; else
    # the first that tells its length: a headline before it may tell neither)
    first = next((e for e in mt.evidence if rx.p.ended_on_day.search(e) or rx.p.began_on_day.search(e)), None) or next(
        (e for e in mt.evidence if m is not None and m.group() in e), mt.evidence[0] if mt.evidence else text)
    if 1 < days <= 31 and rx.p.ended_on_day.search(first) and not rx.p.began_on_day.search(first):
        # "a two-day session at the College, which ended on Friday": the day given is the last.
        mt.start, mt.end = mt.start - dt.timedelta(days=days - 1), mt.start
    elif 1 < days <= 31:
        mt.end = mt.start + dt.timedelta(days=days - 1)


def _own_word(word: re.Match[str] | None, mt: Meeting, rx: SpecPatterns) -> bool:
    """The meeting word found is one of this meeting's kind (a summit's for a summit), or the plain word of no
    kind ("the two-day meeting of the Joint Committee", which the pair holding it makes a bilateral one)."""
    found = kind(word.group(), rx.types) if word is not None else None
    return found is not None and found[1] in (mt.type, rx.special("fallback"))


def _after_name_words(text: str, at: int, rx: SpecPatterns) -> int:
    """Where the capitalised words of a meeting's own name that start at `at` end ("Nordic Defence Industry "):
    at its first word that names a meeting ("Conference" is one of the capitalised words too)."""
    words = rx.p.name_words_before_trigger.match(text, at)
    end = words.end() if words else at
    starts = [m.start() for m in rx.p.word.finditer(text, at, end)] + [end]
    return next((p for p in starts if rx.trigger.match(text, p)), end)


def _record(m: Meeting) -> EventRecord:
    roles = [RoleFiller("participant", p) for p in m.participants] + [RoleFiller(r, c) for c, r in m.chairs]
    return EventRecord(type=m.type, name=m.name, start=m.start.isoformat() if m.start else None,
                       end=m.end.isoformat() if m.end else None, precision=m.precision, location=m.location,
                       roles=roles, evidence=" ".join(m.evidence))


def _place_told_before(sentences: list[Sentence], mt: Meeting, rx: SpecPatterns) -> str | None:
    """"On the first day, he met X in Oslo. On 17 October, he co-chaired the dialogue": in a report of a visit
    abroad, a meeting the story places nowhere was held where the sentence before it was."""
    if not rx.p.visit_abroad.search(" ".join(s.text for s in sentences[:3])):
        return None
    before = sentence_before(sentences, mt.evidence)
    return place_in(before.text, rx) if before is not None else None


def _lede_place(sentences: list[Sentence], rx: SpecPatterns) -> str | None:
    """Where the story happened: a place in its first sentences, else its dateline city."""
    for s in sentences[:2]:
        p = place_in(s.text, rx)
        if p:
            return p
    return dateline_city(sentences, rx)


def _met(t: str, rx: SpecPatterns, person_forms: dict[str, str], org_forms: dict[str, str]) -> tuple[str, int] | None:
    """'X met Y' with someone named on each side of the verb is a bilateral meeting."""
    m = rx.met.search(t) if rx.met is not None else None
    if m is None or rx.p.crowd_object.match(t, m.end()):
        return None  # "interacted with the students of the Academy": a visit's crowd, no counterpart
    person_spans = name_spans(t, person_forms)
    org_spans = name_spans(t, org_forms)
    people = [a for a, _, _ in person_spans]
    named = people + [a for a, _, _ in org_spans]
    # "He further received ...", "The Defence Secretary later met ...": the subject named before.
    lead = rx.p.dateline.match(t) or rx.p.undated_dateline.match(t)  # "SEOUL, Oct 21 (Yonhap) -- He met ..."
    opening = lead.end() if lead is not None and lead.end() <= m.start() else 0
    subject = bool(rx.p.pronoun_subject.match(t[opening:m.start()])
                   or rx.p.delegation_subject.search(t, 0, m.start()))
    # "Officials of the Vexa Agency and the Norland Army met in Oslo": two bodies met each other.
    bodies_met = m.group() == "met" and _pair_before(  # "the Vexa Laboratory (VL) met": one body, its acronym
        t, m.start(), [(a, e) for a, e, _ in with_short_forms(t, org_spans)], rx)
    after = (any(a > m.end() for a in named) or "counterpart" in t[m.end():] or rx.p.title_object.match(t, m.end())
             or _pair_before(t, m.start(), [(a, e) for a, e, _ in person_spans], rx) or bodies_met)
    if " ".join(m.group().lower().split()) in rx.words.person_object_verbs:
        # "received X", "hosted a delegation of the Vexian Navy": a person or a delegation was received.
        after = (_person_object(m.end(), people, named) or bool(rx.p.delegation_object.match(t, m.end()))
                 or (bool(rx.p.title_of_body_object.match(t, m.end()))  # "received the Chief of the Air Staff
                     and _person_object(m.end(), people, people, TITLED_OBJECT_REACH)))  # of X, Air Marshal Y"
    elif m.group() == "met" and rx.p.group_subject.search(t[:m.start()]):
        return rx.special("fallback") or "other", m.start()  # "NATO defence ministers met in Brussels"
    elif (m.group() == "met" or rx.p.call_verb.match(m.group())) and rx.p.pair_subject.search(t[:m.start()]):
        return rx.special("bilateral") or "other", m.start()  # "The two ministers had last met in Tokyo"
    if (subject or any(a < m.start() for a in named)) and after:
        found = kind(m.group(), rx.met_types)
        return (found[1], m.start()) if found else None
    return None


def _pair_before(t: str, verb_at: int, people: list[tuple[int, int]], rx: SpecPatterns, reach: int = 40) -> bool:
    """"Chancellor A and President B met on Friday": two people joined by 'and' right before the verb met
    each other."""
    before = [(a, e) for a, e in people if e <= verb_at]
    if len(before) < 2:
        return False
    (_, e1), (a2, e2) = before[-2], before[-1]
    return bool(rx.p.and_between.search(t[e1:a2])) and verb_at - e2 <= reach and "," not in t[e2:verb_at]


def _person_object(verb_end: int, people: list[int], named: list[int], reach: int = 80) -> bool:
    """"received his counterpart X": the first name after the verb is a person's, close to the verb
    (only a title between), not an order or a conference received or hosted."""
    later = [a for a in named if a > verb_end]
    return bool(later) and min(later) in people and min(later) - verb_end <= reach


def _title_body(title: str | None, orgs: list[Org], k: Knowledge, rx: SpecPatterns) -> str | None:
    """'Defence Secretary' belongs to the Ministry of Defence, if the article names that ministry and no
    country word ('US', 'Israeli') stands before the title."""
    if not title:
        return None
    first = rx.p.possessive_end.sub("", title.split()[0])
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


def _chairs(t: str, rx: SpecPatterns, person_forms: dict[str, str], named_before: str | None = None,
            other_side: bool = False) -> list[tuple[str, str]]:
    """Officials named by a chair cue: 'chaired by X', 'co-chaired by X and Y', 'X chaired', 'he co-chaired
    the talks with Y' (he: the official the sentences before named, `named_before`); with `other_side` (one
    side's head is known), the leader of a delegation too."""
    chairs: list[tuple[str, str]] = []
    if not rx.any_cue.search(t):
        return chairs
    people = name_spans(t, person_forms)
    # "The X delegation was headed by A, while the Y side was led by B": the two sides' heads lead the talks.
    both_sides = (other_side or sum(1 for cue, _, side in rx.cues if side == "after" for _ in cue.finditer(t)) >= 2
                  or bool(rx.p.other_side_elided.search(t)))
    for cue, role, side in rx.cues:
        for m in cue.finditer(t):
            led_visitors = rx.p.delegation_before.search(t[max(0, m.start() - DELEGATION_REACH):m.start()])
            if side == "after" and not both_sides and led_visitors:
                continue  # "a delegation led by X": X led the visitors, not the meeting
            if side == "after":
                reach = 250 if role in rx.words.shared_roles else 120
                tail = [p for p in people if p[0] >= m.end() and p[0] - m.end() < reach]
                picked = tail[:2] if role in rx.words.shared_roles or " and " in t[m.end():m.end() + 120] else tail[:1]
            else:
                picked = [p for p in people if p[1] <= m.start()][-2:]
                if not picked and named_before and rx.p.pronoun_subject.match(t[:m.start()]):
                    picked = [(0, 0, named_before)]
                if role in rx.words.shared_roles:
                    picked += _partner(t, m.end(), people, rx)
            for _, _, who in picked:
                if who not in [c for c, _ in chairs]:
                    chairs.append((who, role))
    other = rx.p.other_side_elided.search(t) if chairs else None
    if other is not None:  # "..., while Vexia was represented by B": the other side's head chairs with the first
        head = next((n for a, _, n in people if other.end() <= a < other.end() + 80), None)
        if head is not None and head not in [c for c, _ in chairs]:
            chairs.append((head, chairs[0][1]))
    return chairs


def _partner(t: str, cue_end: int, people: list[tuple[int, int, str]], rx: SpecPatterns, reach: int = 150
             ) -> list[tuple[int, int, str]]:
    """"co-chaired the talks with General Y": the one named after 'with', in the cue's clause, chaired too; where
    the clause names only a title after 'with', the person its comma phrases go on to ("with the State
    Secretary, Norwegian Ministry of Defence Mr X")."""
    end = min(clause_end(t, cue_end), cue_end + reach)
    joined = rx.p.chaired_with.search(t, cue_end, end)
    if joined is None:
        return []
    found = [p for p in people if joined.end() <= p[0] < end][:1]
    for _ in range(2):  # two comma phrases at most: the title's body, then the person
        if found or end >= min(len(t), cue_end + reach):
            break
        end = min(clause_end(t, end + 1), cue_end + reach)
        found = [p for p in people if joined.end() <= p[0] < end][:1]
    return found


def _counterparts(sentences: list[Sentence], i: int, t: str, person_forms: dict[str, str], rx: SpecPatterns) -> int:
    """How many counterparts a 'held bilateral meetings with ...' sentence lists (here or in the next
    sentence: 'The meetings took place with A; B; and C')."""
    p = rx.p
    by_country = _counterparts_by_country(t, rx)
    m = p.plural_meetings.search(t)
    if not m:
        return max(_met_one_by_one(t, person_forms, rx), by_country)
    subject = {name for a, _, name in name_spans(t[:m.start()], person_forms)}
    names = {name for a, _, name in name_spans(t[m.end():], person_forms)} - subject
    cue = p.listing_cue.search(sentences[i + 1].text) if i + 1 < len(sentences) else None
    if cue is not None:  # the people listed after the next sentence's cue (not its own subject)
        names |= {name for _, _, name in name_spans(sentences[i + 1].text[cue.start():], person_forms)} - subject
    # "with the ministers of Chile, Peru and Kenya": one meeting per country listed.
    listed = p.country_list.search(t, m.end())
    countries = len(p.capitalised_phrase.findall(listed.group(1))) if listed else 0
    return max(1, min(max(len(names), countries, by_country), 12))


def _counterparts_by_country(t: str, rx: SpecPatterns) -> int:
    """"talks with his Malaysian and Singaporean counterparts": one meeting per country named."""
    listed = rx.p.counterparts_of_countries.search(t)
    if not listed:
        return 1
    words = rx.p.capitalised_phrase.findall(listed.group(1) or listed.group(2))
    return max(1, sum(w in rx.knowledge.countries for w in words))


def _met_one_by_one(t: str, person_forms: dict[str, str], rx: SpecPatterns, reach: int = 80) -> int:
    """"called on Minister A and held talks with Admiral B": each meeting verb with its own person after it
    is a meeting of its own (one occasion per set of participants)."""
    if rx.met is None:
        return 1
    verbs = list(rx.met.finditer(t))
    if len(verbs) < 2:
        return 1
    people = name_spans(t, person_forms)
    met = set()
    for i, v in enumerate(verbs):
        end = min(v.end() + reach, verbs[i + 1].start() if i + 1 < len(verbs) else len(t))
        met |= {name for a, _, name in people if v.end() <= a < end}
    return max(1, len(met))


def _name_tokens(name: str, rx: SpecPatterns) -> set[str]:
    """A meeting name's words, ordinals as numbers ('fifth' is '5th'), with an ordinal run into the next word
    apart ('11thDefence')."""
    numbers = rx.words.map("ordinal_numbers")
    words = norm(rx.p.glued_ordinal.sub(r"\1 ", name))
    return {numbers.get(w, w) for w in rx.p.name_token_split.split(words)
            if w and w not in rx.words.meeting_name_noise}


def _same_meeting_name(a: str, b: str, rx: SpecPatterns) -> bool:
    """'5th India-Chile Joint Working Group meeting' and '5th Chile-India Joint Working Group' are one name:
    the same words in any order, the same ordinal."""
    ta, tb = _name_tokens(a, rx), _name_tokens(b, rx)
    ords_a = {w for w in ta if rx.p.ordinal.fullmatch(w)}
    ords_b = {w for w in tb if rx.p.ordinal.fullmatch(w)}
    if ords_a and ords_b and ords_a != ords_b:
        return False
    return bool(ta and tb) and len(ta & tb) / min(len(ta), len(tb)) >= 0.8


def _short_for(a: Meeting, b: Meeting, rx: SpecPatterns) -> bool:
    """'AUSMIN talks' and the '34th Ministerial Consultations (AUSMIN)' the story defines it as: one meeting."""
    return any(f"({w})" in e for w in (a.name or "").split() if rx.p.acronym.fullmatch(w) for e in b.evidence)


def _fuller(a: Meeting, b: Meeting, rx: SpecPatterns) -> bool:
    """"15th Joint Committee" in a headline, "the 15th Norway-Chile Joint Committee (NCJC) meeting" in the body: the
    later name holds every word of the first (its ordinal perhaps spelled out: "3rd", "third"), and more."""
    spelled = rx.words.map("ordinal_numbers")

    def words(m: Meeting) -> set[str]:
        return {spelled.get(w.lower(), w.lower()) for w in (m.name or "").split()}  # a headline may write it small

    return bool(words(a)) and words(a) < words(b)


def _met_apart(prev: Meeting, mt: Meeting, rx: SpecPatterns) -> bool:
    """Two bilateral meetings with different counterparts are two meetings: 'met delegations from A',
    later 'met the delegation from B'; so is a specific meeting after a summary naming three or more, and
    talks with a named counterpart beside a named gathering of another type."""
    kinds, bilateral = {prev.type, mt.type}, rx.special("bilateral")
    if mt.type == bilateral != prev.type and not mt.name and _with_counterpart(mt, rx) and (
            not prev.counterparts or mt.beside or any(rx.p.sidelines.search(e) for e in mt.evidence)):
        return True  # "on the sidelines of the conference ... held talks with his counterpart X"
    if bilateral not in kinds or not kinds <= {bilateral, rx.special("fallback")}:
        return False
    a = set(prev.participants) | set(prev.counterparts)
    b = set(mt.participants) | set(mt.counterparts)
    if not a or not b:
        return False
    return not (a & b) or (len(prev.participants) >= 3 and set(mt.participants) < set(prev.participants))


def _also_met_another(prev: Meeting, mt: Meeting, rx: SpecPatterns) -> bool:
    """"X met his Japanese counterpart ... X also held talks with US Defense Secretary Y": the same person's
    talks with someone the first meeting did not name, another meeting (whoever the second names before "held
    talks", if anyone, met in the first)."""
    return (bool(mt.counterparts and prev.met_by) and set(mt.met_by) <= set(prev.met_by)
            and not set(mt.counterparts) & set(prev.counterparts + prev.met_by)
            and any(rx.p.also_met.search(e) for e in mt.evidence))


def _with_counterpart(mt: Meeting, rx: SpecPatterns) -> bool:
    """Bilateral talks with a counterpart, named or not ("held talks with his Malaysian counterpart")."""
    return mt.type == rx.special("bilateral") and (
        bool(mt.counterparts) or any(rx.p.counterpart_word.search(e) for e in mt.evidence))


def _add_details(target: Meeting, mt: Meeting) -> None:
    """Who took part, who chaired, where and the evidence of a further mention join the meeting."""
    add_new(target.participants, mt.participants)
    add_new(target.counterparts, mt.counterparts)
    for c in mt.chairs:
        if c[0] not in [x for x, _ in target.chairs]:
            target.chairs.append(c)
    target.location = fuller_place(target.location, mt.location)
    add_new(target.evidence, mt.evidence)


def _talks_of_a_dialogue(prev: Meeting, mt: Meeting, rx: SpecPatterns) -> bool:
    """"The two countries held their 2+2 dialogue in Tokyo on Monday. The ministers met their counterparts
    ...", "A and B hosted C and D", "A and B held talks with C and D": talks with counterparts, guests or named
    people on the one day of a dialogue are the dialogue, unless held on its sidelines (talks with someone else,
    "also held a bilateral meeting with the NSA", are talks of their own)."""
    dialogue, bilateral = rx.special("dialogue"), rx.special("bilateral")
    if {prev.type, mt.type} != {dialogue, bilateral}:
        return False
    talks, held = (mt, prev) if mt.type == bilateral else (prev, mt)
    one_day = held.precision == "day" and held.start == held.end
    return one_day and talks.start in (None, held.start) and not talks.beside and any(
        (rx.p.counterpart_word.search(e) or rx.p.hosting_verb.search(e)
         or (talks.counterparts and not rx.p.also_or_separately.search(e))) and not rx.p.sidelines.search(e)
        for e in talks.evidence)


def _merge_meeting(found: list[Meeting], mt: Meeting, rx: SpecPatterns, anaphoric: bool = False,
                   recent: Meeting | None = None) -> Meeting:
    """Sentences about the same meeting fill in one entry; 'the meeting' refers back to the one the story
    last spoke of (`recent`). Returns the entry the sentence went to."""
    recent = recent or (found[-1] if found else None)

    def same_name(p: Meeting) -> bool:
        return bool(p.name and mt.name and (_same_meeting_name(p.name, mt.name, rx)
                                            or _short_for(p, mt, rx) or _short_for(mt, p, rx)))

    # A named meeting first joins the earlier mention of that name; 'the meeting' the one just spoken of.
    order = sorted(reversed(found), key=lambda p: (not same_name(p), not (anaphoric and p is recent)))
    if anaphoric and recent is not None and not mt.name:
        # "During the meeting, ... after the signing in June 2022": details of the meeting just spoken
        # of; a date here belongs to something else the sentence mentions, unless the words naming the
        # meeting give it ("During the talks in Oslo on Tuesday, ...") and it had none.
        _add_details(recent, mt)
        if mt.dated_by_its_words and recent.start is None:
            recent.start, recent.end, recent.precision = mt.start, mt.end, mt.precision
        return recent
    for prev in order:
        named_apart = prev.name and mt.name and not same_name(prev)
        fallback = rx.special("fallback")
        of_dialogue = _talks_of_a_dialogue(prev, mt, rx)
        same_kind = (prev.type == mt.type or fallback in (prev.type, mt.type) or (anaphoric and prev is recent)
                     or of_dialogue)
        clash = prev.start and mt.start and abs((prev.start - mt.start).days) > 7
        # "He called on X on Monday ... On Tuesday, he met Y": bilateral talks told on two days are two.
        clash = clash or bool(not anaphoric and prev.type == mt.type == rx.special("bilateral") and prev.start
                              and mt.start and prev.precision == mt.precision == "day" and prev.start != mt.start)
        # "The ministers met in Oslo on Tuesday ... The Working Group met in Bergen on Thursday": held apart
        clash = clash or bool(prev.location and mt.location and not anaphoric
                              and prev.location not in mt.location and mt.location not in prev.location)
        chaired_apart = bool(prev.chairs and mt.chairs) and not {c for c, _ in prev.chairs} & {c for c, _ in mt.chairs}
        # "A met Y. B also met Y": two meetings, each of one set of people.
        met_by_others = (bool(prev.met_by and mt.met_by) and not set(prev.met_by) & set(mt.met_by + mt.counterparts)
                         and any(rx.p.also_met.search(e) for e in mt.evidence))
        apart = not anaphoric and not same_name(prev) and (
            (_met_apart(prev, mt, rx) and not of_dialogue) or prev.earlier or mt.earlier or chaired_apart
            or mt.separate or met_by_others or _also_met_another(prev, mt, rx))
        if same_kind and not named_apart and not clash and not apart:
            if prev.type == fallback or of_dialogue:
                prev.type = (rx.special("dialogue") or mt.type) if of_dialogue else mt.type
            # The name a short form stands for ("AUSMIN talks": "... Ministerial Consultations (AUSMIN)").
            prev.name = mt.name if not prev.name or (mt.name and (_short_for(prev, mt, rx) or _fuller(prev, mt, rx))
                                                     ) else prev.name
            if prev.start is None or (mt.precision == "day" and prev.precision != "day"):
                prev.start, prev.end, prev.precision = (mt.start or prev.start, mt.end or prev.end,
                                                        mt.precision or prev.precision)
            _add_details(prev, mt)
            return prev
    found.append(mt)
    return mt
