"""Organisations known only by the part they play in an agreement.

Many companies carry no head word ("Limited", "Systems") and no registry entry, yet the
sentence leaves no doubt that they are bodies: the recipients listed under a transfer of
technology ("- Mounted gun system to Acme Forge"), or a name joined by "and" to a known
organisation as the subject of a signing ("VELA and ISRO signed ..."). These rules find
such names so that the organisation and agreement rules can use them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from transforms.knowledge import Knowledge
from transforms.names import country_possessive_words, inside_a_name, norm
from transforms.patterns import Patterns
from transforms.phrases import phrase_pattern
from transforms.sentences import Sentence
from transforms.vocab import DAYS, MONTHS, lexicon


@dataclass(frozen=True)
class TransferItem:
    """One line of a transfer list: what it hands over goes to these recipients."""

    sentence: int  # index of the list item
    cue: int  # index of the sentence that announces the transfers
    recipients: tuple[tuple[str, int], ...]  # (name, offset in the article)


@functools.lru_cache(maxsize=4)
def _cue_rx(k: Knowledge) -> re.Pattern[str]:
    return phrase_pattern(k.transfer_cues)


def _plausible_name(name: str, k: Knowledge) -> bool:
    words = name.split()
    if not words or len(words) > 7:
        return False
    if (name in k.countries or name in k.places or name in k.capitals or name in k.regions
            or norm(name) in k.not_organisations):
        return False
    if any(w in MONTHS or w in DAYS for w in words):
        return False
    lex = lexicon(k)
    if any(lex.rank_kind(w) for w in words[:2]) or k.patterns.product_code.match(words[0]):
        return False
    # "Being Transferred": a heading's verb forms, not a company.
    return not all(k.patterns.inflected_word.search(w) for w in words)


def _recipients(s: Sentence, k: Knowledge, listed: bool = False) -> list[tuple[str, int]]:
    """The recipients a line names after its last "to" (or, `listed` on a bulleted line, after the technology's
    colon, each perhaps with its city: "- Radar: Acme Ltd, Pune")."""
    p = k.patterns
    body = p.bullet.sub("", s.text)
    offset = s.start + (len(s.text) - len(body))
    last = None
    for m in p.to_recipient.finditer(body):
        last = m
    if last is None and listed:
        last = p.colon_recipient.search(body)
    if last is None or last.start() == 0:
        return []
    tail_at = last.end()
    tail = body[tail_at:].rstrip(" .;:")
    out: list[tuple[str, int]] = []
    pos = 0
    for part in p.list_separator.split(tail):
        at = tail.find(part, pos)
        pos = at + len(part)
        if listed and part.strip() in k.event_places:
            continue  # "Acme Forge, Pune": the recipient's city
        name = p.recipient_name.fullmatch(p.recipient_lead.sub("", part.strip()))  # "Kanpur-based MKU Ltd"
        if not name or not _plausible_name(name.group(), k):
            return []  # a description, not a list of recipients
        out.append((name.group(), offset + tail_at + tail.find(name.group(), at)))
    return out


def transfer_lists(sentences: list[Sentence], k: Knowledge) -> list[TransferItem]:
    """Bulleted lines right after a sentence announcing transfers of technology, each naming its recipients;
    and a sentence handing technologies over to several named recipients, one item each."""
    cue_rx, bullet = _cue_rx(k), k.patterns.bullet
    items: list[TransferItem] = []
    # Most stories announce no transfer: only a sentence naming an agreement (a test the slot rules make of
    # every sentence anyway) is searched for the cue before any sentence is read for recipients.
    cued = any(_signing_cues(s.text, k)[0] and cue_rx.search(s.text) for s in sentences)
    i = 0
    while i < len(sentences):
        if not bullet.match(sentences[i].text):
            items.extend(_handed_over(sentences, i, k) if cued else ())
            i += 1
            continue
        block_start = i
        while i < len(sentences) and bullet.match(sentences[i].text):
            i += 1
        cue = next((c for c in range(block_start - 1, max(-1, block_start - 4), -1)
                    if cue_rx.search(sentences[c].text)), None)
        if cue is None:
            continue
        for j in range(block_start, i):
            rec = _recipients(sentences[j], k, listed=True)
            if rec:
                items.append(TransferItem(j, cue, tuple(rec)))
    return items


def _handed_over(sentences: list[Sentence], i: int, k: Knowledge) -> list[TransferItem]:
    """"The technologies were handed over to A, B and C" after, in or right before a sentence announcing
    agreements for transfers: one transfer to each recipient, announced by that sentence."""
    s = sentences[i]
    if not _cue_rx(k).search(s.text):
        return []
    # The announcing sentence may also come right after ("... handed over to A, B and C. The licensing
    # agreements were handed over by ...").
    near = [*range(i, max(-1, i - 3), -1), *([i + 1] if i + 1 < len(sentences) else [])]
    announcing = next((c for c in near if _cue_rx(k).search(sentences[c].text)
                       and _signing_cues(sentences[c].text, k)[0]), None)
    recipients = _recipients(s, k) if announcing is not None else []
    if announcing is None or len(recipients) < 2:
        return []
    return [TransferItem(i, announcing, (r,)) for r in recipients]


def _signing_rx(k: Knowledge) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The trigger nouns and verbs of the agreement spec."""
    from transforms.events import compile_spec  # the engine imports this module's TransferItem

    rx = compile_spec(k.event("agreement"), k)
    return rx.trigger, rx.verb


@functools.lru_cache(maxsize=256)  # one article's sentences: shared by its three rules, not kept for later ones
def _signing_cues(text: str, k: Knowledge) -> tuple[bool, tuple[int, int] | None]:
    """Whether a sentence names an agreement, and where its first concluding verb stands: three rules ask
    this of every sentence; each sentence is read for it once."""
    named, verbs = _signing_verbs(text, k)
    return named, (verbs[0] if verbs else None)


@functools.lru_cache(maxsize=256)
def _signing_verbs(text: str, k: Knowledge) -> tuple[bool, tuple[tuple[int, int], ...]]:
    """Whether a sentence names an agreement, and where each of its concluding verbs stands ("A signed a deal
    with B, while C won a contract from D": two verbs, two subjects)."""
    type_rx, verb_rx = _signing_rx(k)
    if not type_rx.search(text):  # most sentences name no agreement: their first verb is all that is asked
        first = verb_rx.search(text)
        return False, ((first.span(),) if first else ())
    return True, tuple(m.span() for m in verb_rx.finditer(text) if not inside_a_name(text, m.start(), m.end()))



def _slot_name(name: str, at: int, spans: list[tuple[int, int]], text: str, k: Knowledge, whole: str = "",
               is_object: bool = False, acquirer: bool = False) -> tuple[str, int] | None:
    """A name in a party slot, if it can be a body: leading common words dropped; one word that is no
    common word ("Embraer", "VELA") and no person's surname in the text, or several words none a title
    ("Chairman Rao" is a person) and, as a subject, not all a person's ("Karl Berg signed")."""
    lex = lexicon(k)
    words = name.split()
    owner = country_possessive_words(words, k)  # "Malaysia's Vexa Defence": the company, not its country
    if owner and len(words) > owner:
        words = words[owner:]
        at = text.find(words[0], at)
    kind_given = False  # "Startup Vexa Cosmos": what follows a company's kind is a company's name
    titled = False  # "with President Ana Lunde": a person's title, dropped with the common words
    # "Quantum Systems signed": common words capitalised before a head word make a name of their own.
    worded = (len(words) >= 2 and words[-1] in k.org_heads and all(w[:1].isupper() for w in words)
              and words[0] not in k.leading_words and not any(
                  lex.is_title_word(w) or lex.rank_kind(w) or w in k.countries or w in k.words.definite_articles
                  for w in words))
    whole_name, whole_at = list(words), at
    while words:
        kind = next((n for n in (2, 1) if " ".join(words[:n]) in k.words.company_kinds), 0)
        if not (kind or words[0] in lex.vocab or words[0] in k.leading_words):
            break
        kind_given = kind_given or bool(kind)
        titled = titled or lex.is_title_word(words[0]) or bool(lex.rank_kind(words[0]))
        words = words[kind or 1:]
        at = text.find(words[0], at) if words else at
    if not words and worded:
        words, at, kind_given = whole_name, whole_at, True
    words = through_legal_forms(words, k)
    if words and words[-1].endswith(".") and not k.patterns.legal_suffix.search(" " + words[-1]):
        words[-1] = words[-1].rstrip(".")  # the sentence's full stop, not an abbreviation's
    name = " ".join(k.patterns.possessive_end.sub("", w) for w in words)
    if not name or any(x <= at < y or x < at + len(name) <= y for x, y in spans):
        return None
    if any(lex.is_title_word(w) for w in words):
        return None
    # "with Prime Minister Ana" (the rest of her name beyond the words read): after a title, a person
    single_ok = (len(words) == 1 and words[0] not in lex.vocab and not titled
                 and not _is_surname(words[0], whole or text, k))
    # As the verb's object, a name of name-like words is a body unless a title stands before or after it, or
    # it modifies the noun after it ("with the Queensland government").
    after = k.patterns.next_lower_word.match(text, at + len(name))
    object_ok = (is_object and not titled and not k.patterns.title_after_comma.match(text, at + len(name))
                 and (after is None or after.group(1) in k.english_words))
    # As the subject of "won"/"secured" (`acquirer`), a name of name-like words is a body: people sign, bodies win.
    several_ok = len(words) > 1 and (kind_given or object_ok or (acquirer and not titled)
                                     or not all(lex.is_name_token(w) for w in words))
    return (name, at) if (single_ok or several_ok) and _plausible_name(name, k) else None


def through_legal_forms(words: list[str], k: Knowledge) -> list[str]:
    """A company's name ends at its legal form ('Acme Ltd of Norway' is Acme Ltd), the legal forms
    after it included ('Acme GmbH & Co KG')."""
    forms = k.words.name_ending_legal_forms
    j = next((j for j, w in enumerate(words) if w in forms and j > 0), None)
    if j is None:
        return words
    j += 1
    while j < len(words) and (words[j] in forms or (words[j] in k.words.coordinators and j + 1 < len(words)
                                                     and words[j + 1] in forms)):
        j += 1 if words[j] in forms else 2
    return words[:j]


def _is_surname(word: str, text: str, k: Knowledge) -> bool:
    """'Rawat signed ...' where the text also writes 'Anil Rawat': a person, not a body (not 'Startup Vexa', a
    company's kind before its name)."""
    lex = lexicon(k)
    return any(lex.is_name_token(m.group(1)) and m.group(1) not in k.leading_words
               for m in k.patterns.word_before_any.finditer(text) if m.group(2) == word)


def signing_slot_names(sentences: list[Sentence], known: list[tuple[int, int]], k: Knowledge
                       ) -> list[tuple[str, int]]:
    """Names that only their slot shows to be bodies, in a sentence that reports a signing: the subject
    right before the verb ('Skyroot signed an agreement with ...') and the names listed after 'with'
    ('... contracts with Vexora, Tellura and Quindar Labs')."""
    type_rx = _signing_rx(k)[0]
    p = k.patterns
    whole = "\n".join(s.text for s in sentences)  # where a surname may be written in full
    out: list[tuple[str, int]] = []
    for s in sentences:
        t = s.text
        named, verbs = _signing_verbs(t, k)
        itemised = (bool(p.deals_listed.match(t)) and (not verbs or bool(p.items_follow.match(t)))) or bool(
            p.deal_item_between.match(t) and type_rx.search(t))
        if not itemised and (not verbs or not named):
            continue
        spans = [(a - s.start, e - s.start) for a, e in known if s.start <= a and e <= s.start + len(t)]
        found = [(*c, False) for c in _listed_deal_names(t, p)] if itemised else []
        found += [(*c, t[v[0]:v[1]].split()[-1] in k.words.sets["acquiring_verbs"])
                  for v in (verbs if named else ()) for c in _slot_candidates(t, v, k)]
        for name, at, is_object, acquired in dict.fromkeys(found):
            slot = _slot_name(name, at, spans, t, k, whole, is_object, acquirer=acquired and not is_object)
            if slot is not None and not type_rx.search(slot[0]):  # "The MoU signed with ..." names no body
                out.append((slot[0], s.start + slot[1]))
    return list(dict.fromkeys(out))


def _slot_candidates(t: str, verb: tuple[int, int], k: Knowledge) -> list[tuple[str, int, bool]]:
    """The subject right before the signing verb (or before "said it"), the one it was awarded to, the names
    listed after each 'with', those 'between A and B'; each with whether it is the verb's object (where a
    person's bare name hardly stands: "signed with Vexlar Optics", "awarded Vexlar Aero a contract")."""
    p = k.patterns
    found: list[tuple[str, int, bool]] = []
    own = p.subject_said_it.search(t[:verb[0]])
    if own:  # "Vexa said on Tuesday it had signed"
        found.append((own.group(1), own.start(1), False))
    subject = p.subject_before_verb.search(t[:verb[0]])
    names = _coordinated(subject.group(1), subject.start(1), k) if subject else []
    # "The Ministry of Ports, Shipping and Waterways signed": the end of one name, not two subjects.
    if len(names) == 1 or not _continues_a_list(t[:subject.start(1)] if subject else "", k):
        found += [(n, a, False) for n, a in names]
    for listed in p.with_name_list.finditer(t, verb[1]):  # "with A for X, with B for Y and with C"
        for m in p.listed_name.finditer(listed.group(1)):
            found.append((m.group(), listed.start(1) + m.start(), True))
    awarded = p.awarded_to_name.match(t, verb[0])
    if awarded:  # "awarded a contract to Vexlar", "awarded Vexlar a contract"
        g = 1 if awarded.group(1) else 2
        found.append((awarded.group(g), awarded.start(g), True))
    between = p.between_names.search(t)
    if between:
        found += [(between.group(g), between.start(g), False) for g in (1, 2)]
    return found


def _listed_deal_names(t: str, p: Patterns) -> list[tuple[str, int, bool]]:
    """"The deals included a contract with Vexa for ..., and an agreement with Tellura": each item's party;
    "Among them, Vexa tied up with Tellura ..., and Orvik agreed with Quindar": each item's subject too;
    "... included one between Vexa and Tellura": both."""
    subjects = [(m.group(1), m.start(1), False) for m in p.item_subject.finditer(t)] if p.items_follow.match(t) else []
    pairs = [(m.group(g), m.start(g), True) for m in p.between_names.finditer(t) for g in (1, 2)]
    return subjects + pairs + [(m.group(1), m.start(1), True) for m in p.with_one_name.finditer(t)]


def _continues_a_list(before: str, k: Knowledge) -> bool:
    """Text before a comma that ends in a capitalised name ('Ministry of Ports, '): what follows the comma
    continues that name's list; after 'On Monday, ', an opening adverb ('Separately, ') or a lead-in phrase
    ('At the Paris Air Show, ') it starts afresh."""
    words = before.rstrip(", ").split()
    lead_in = k.patterns.last_phrase_opening.search(before.rstrip(", "))
    if lead_in and lead_in.group(1) in k.words.sets["lead_in_prepositions"]:
        return False  # "At the Paris Air Show, A and B signed": the show's name ends a lead-in, no list
    if len(words) == 1 and words[0] not in k.org_heads and words[0] not in k.countries and (
            words[0] in lexicon(k).vocab or k.patterns.adverb_word.fullmatch(words[0])):
        return False
    return bool(words) and words[-1][:1].isupper() and words[-1] not in DAYS | MONTHS


def coordinated_names(phrase: str, k: Knowledge) -> list[str]:
    """"Vexa Labs and Orvik Marine": two names; "NewSpace Research and Technologies": one, since a head word
    alone after "and" names no body."""
    split = k.patterns.coordinator_split
    parts: list[str] = []
    for part, joint in zip(split.split(phrase), [None, *split.findall(phrase)], strict=True):
        if parts and joint and len(part.split()) == 1 and part in k.org_heads:
            parts[-1] += joint + part
        else:
            parts.append(part)
    return parts


def _coordinated(names: str, at: int, k: Knowledge) -> list[tuple[str, int]]:
    """'Vexa and the Tellura Group' as its two names, each with its offset."""
    out, pos = [], 0
    for part in coordinated_names(names, k):
        part = part.removeprefix("the ")
        pos = names.find(part, pos)
        out.append((part, at + pos))
        pos += len(part)
    return out


def listed_pairs(sentences: list[Sentence], k: Knowledge) -> set[tuple[str, str]]:
    """The last two names of a list after 'with' in a signing ('with A, B and C Labs'), and the two after
    'between': two parties, even where 'B and C Labs' would otherwise read as one body's name."""
    p = k.patterns
    out: set[tuple[str, str]] = set()
    for s in sentences:
        named, verb = _signing_cues(s.text, k)
        listed = p.with_name_list.search(s.text, verb[1]) if verb and named else None
        if listed and listed.group(1).count(",") >= 1:
            names = [m.group() for m in p.listed_name.finditer(listed.group(1))]
            if len(names) >= 3:
                out.add((names[-2], names[-1]))
        for m in p.org_examples.finditer(s.text):  # "firms such as A, B Labs and C Robotics": the last two
            names = p.example_split.split(m.group(1))
            if len(names) >= 2:
                out.add((names[-2].removeprefix("the "), names[-1].removeprefix("the ")))
        for m in p.between_pair.finditer(s.text):
            # "between the Norland Institute of Technology and Vexa Photonics": two sides, unless what follows
            # "and" is a head or common word alone, which goes on the same name ("of Science and Technology").
            if not (len(m.group(2).split()) == 1 and (m.group(2) in k.org_heads or m.group(2) in lexicon(k).vocab)):
                out.add((m.group(1), m.group(2)))
    return out


def coordinated_parties(sentences: list[Sentence], known: list[tuple[int, int]], k: Knowledge
                        ) -> list[tuple[str, int]]:
    """Names joined by 'and' to a known organisation in a sentence that reports a signing:
    'Acme and the Space Agency signed an agreement' makes Acme an organisation too."""
    out: list[tuple[str, int]] = []
    whole = "\n".join(s.text for s in sentences)  # where a surname may be written in full
    for s in sentences:
        t = s.text
        named, verb = _signing_cues(t, k)
        if not (named and verb):
            continue
        spans = [(a - s.start, e - s.start) for a, e in known if s.start <= a and e <= s.start + len(t)]
        for a, e in spans:
            found: list[tuple[str, int]] = []
            mb = k.patterns.name_and_before.search(t[:a])
            if mb and not set(t[:mb.start(1)].split()[-1:]) & k.words.name_particles:
                found.append((mb.group(1), mb.start(1)))  # not "Costa" of "CEO Bosco da Costa and ..."
            ma = k.patterns.and_name_after.match(t[e:])
            if ma:
                found.append((ma.group(1), e + ma.start(1)))
            for name, at in found:
                slot = _slot_name(name, at, spans, t, k, whole)  # "by Holm and the University": Kari Holm
                if slot is not None:
                    out.append((slot[0], s.start + slot[1]))
    return out
