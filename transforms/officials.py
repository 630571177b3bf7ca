"""Officials: named people with an office, rank or role, their titles and organisations.

A person is a short run of name-like capitalised tokens that a rank or
honorific precedes ("Vice Admiral Sanjay Vatsayan"), or that a title precedes
("Defence Secretary Anil Rawat"). The title is the role phrase in front of
the name, in the comma-separated phrases just before it, or just after it
("Dr X, Chairman DRDO"). Words that belong to titles and organisation names
(knowledge/title_words.txt and the registry) never count as name words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Set
from dataclasses import dataclass, field, replace

from transforms.knowledge import Knowledge
from transforms.names import (
    Run,
    Tok,
    capitalised_runs,
    country_words,
    first_words_of_countries,
    initials_match,
    norm,
    opening_form,
    runs_by_sentence,
    whole_word_count,
)
from transforms.organisations import Org, names_a_place, of_kind_never_ending_in_a_name
from transforms.phrases import names_matcher
from transforms.sentences import Sentence, headline_lines
from transforms.vocab import DAYS, MONTHS, Lexicon, is_proper, lexicon

# The first words of a lower-case title after a name, among which its title word stands ("technology transfer
# manager").
TITLE_WORD_REACH = 4


@dataclass
class Official:
    name: str
    title: str | None = None
    rank: str | None = None
    organisation: str | None = None  # canonical organisation name
    mentions: int = 0
    first: int = 1 << 30
    titles_seen: list[str] = field(default_factory=list)
    titles_implied: list[str] = field(default_factory=list)  # "his Kenyan counterpart": the other's role
    titles_in_headline: list[str] = field(default_factory=list)  # a headline's short form gives way to the body's
    bodies_after: list[str] = field(default_factory=list)  # "X of the Vexlar Army": the body named after the name


def _rank_at(toks: list[Tok], i: int, lex: Lexicon) -> int:
    """Number of tokens forming a rank or honorific starting at i (longest), 0 if none; not the "General"
    of "Director General" or "Secretary General", which ends a title."""
    if toks[i].text.lower().replace(".", "") not in lex.rank_openers:
        return 0
    if i > 0 and toks[i].text == "General" and toks[i - 1].text in lex.knowledge.words_before_general:
        return 0
    if (i > 0 and toks[i].text in lex.words.ranks_also_first_names and lex.is_name_token(toks[i - 1].text)
            and (i + 1 == len(toks) or toks[i + 1].text in lex.words.connectors)):
        return 0  # "Defence Minister Nakatani Gen and ...": a given name after the family name, no rank
    for n in range(min(lex.max_rank_tokens, len(toks) - i), 0, -1):
        phrase = " ".join(t.text for t in toks[i:i + n]).lower().replace(".", "")
        if phrase in lex.honorifics:
            # "MS Dhoni", "MR Rao": a civil honorific's two letters in capitals are a person's initials
            word = toks[i].text
            initials = n == 1 and len(word) == 2 and word.isupper() and lex.honorifics[phrase] == "civil"
            return 0 if initials else n
    return 0


def _first_name_not_rank(sent: str, toks: list[Tok], seg_start: int, i: int, j: int, lex: Lexicon,
                         org_forms: set[str]) -> bool:
    """"Defense Minister Gen Tanaka", "his counterpart Gen Tanaka": a rank's short form that is also a
    first name, after a civilian's title and before one name word, opens the name ("Army chief Gen
    Rathore" keeps the rank)."""
    words_before = sent[max(0, toks[i].start - 30):toks[i].start].lower().split()[-2:]
    before = {t.text.lower() for t in toks[seg_start:i]} | set(words_before)
    return (j == i + 1 and toks[i].text in lex.words.ranks_also_first_names
            and bool(before & lex.words.civilian_title_words) and _name_at(toks, j, lex, org_forms) == 1)


LEADING_INITIALS = 4  # initials before a name's words, besides its four words ("A P J Abdul Kalam")


def _name_at(toks: list[Tok], i: int, lex: Lexicon, org_forms: set[str]) -> int:
    """Length of the person name starting at token i (0 if none): up to 4 name words (5 with particles:
    "Ahmed bin Khalid al Sayed"), a particle only between two of them, ending in a proper word."""
    j = i
    words = initials = 0
    while j < len(toks) and words < (5 if j > i and toks[j - 1].text.lower() in lex.words.name_particles else 4):
        t = toks[j].text
        if words == 0 and initials < LEADING_INITIALS and len(t.rstrip(".")) == 1 and t[:1].isupper():
            initials, j = initials + 1, j + 1  # "B H V S Narayana Murthy": leading initials count as no word
            continue
        # "Mohamed bin Zayed Al Nahyan": a particle, written small or capitalised, is no word of its own count.
        particles = _particles_at(toks, j, lex) if j > i else 0
        if particles and j + particles < len(toks) and lex.is_name_token(toks[j + particles].text):
            j += particles  # "van der Berg", "de la Fontaine": particles in a row, then the name goes on
            continue
        # "counterpart Jan Novak": a month's short form that opens a name is a first name.
        first_name = (j == i and (t in lex.words.first_names_also_months or t in lex.words.first_names_also_countries)
                      and j + 1 < len(toks) and lex.is_name_token(toks[j + 1].text))
        if t in lex.words.surnames_also_months and words >= 1:
            words, j = words + 1, j + 1  # "Prime Minister Theresa May": the month is her surname, and ends it
            break
        if t in lex.words.name_suffixes and words >= 2:
            words, j = words + 1, j + 1  # "Bosco da Costa Junior": the suffix ends the name
            break
        if (not lex.is_name_token(t) and not first_name) or t in org_forms or (j == i and _a_nouns_form(t, lex)):
            break  # "... for Acquisition and Sustainment Michael Duffey": a noun of the title opens no name
        if j > i and lex.is_title_word(t):
            break  # "Japan's Vice-Minister ...": a title word ends what went before
        words += 1
        j += 1
        if lex.p.possessive_end.search(t) and j < len(toks):
            break  # "Japan's": an owner's name ends at its possessive
    while j > i and not is_proper(toks[j - 1].text, lex) and not _closing_initial(toks, i, j, lex):
        j -= 1
    if any(_a_nouns_form(toks[m].text, lex) for m in range(i + 1, j - 1)):
        return 0  # "... of Human and Robotic Exploration Daniel Neuenschwander": the name starts after the noun
    return j - i


def _closing_initial(toks: list[Tok], i: int, j: int, lex: Lexicon) -> bool:
    """"Director Ravi K and CEO X": one capital after a first name closes the name (a surname written as its
    initial, as Indian names often are), where nothing name-like follows it."""
    t = toks[j - 1].text
    return (j - 1 > i and len(t.rstrip(".")) == 1 and t[:1].isupper() and is_proper(toks[j - 2].text, lex)
            and (j >= len(toks) or not lex.is_name_token(toks[j].text)))


def _particles_at(toks: list[Tok], j: int, lex: Lexicon, most: int = 2) -> int:
    """How many name particles stand in a row from token j ("de la", "van der", "bin"), at most two."""
    n = 0
    while n < most and j + n < len(toks) and toks[j + n].text.lower() in lex.words.name_particles:
        n += 1
    return n


def _headline_title_start(toks: list[Tok], start: int, name_at: int, lex: Lexicon) -> int:
    """"Readout of Secretary Karl Berg's Meeting With Norland Minister of Defence Ola Dahl": in a headline's
    capitalised run, the title starts after the last owner ("Berg's") or preposition ("With") before the name."""
    cuts = [j + 1 for j in range(start, name_at - 1) if (lex.p.singular_possessive_end.search(toks[j].text)
                                                          and _owner(toks[j].text, lex) not in lex.knowledge.countries)
            or toks[j].text.lower() in lex.words.prepositions_before_an_object]
    return cuts[-1] if cuts else start


def _title_start_past_body(toks: list[Tok], start: int, name_at: int, lex: Lexicon) -> int:
    """"A of the Navy and Joint Secretary B": where the words before a name open with the body of the person
    before ("of the Navy"), the title starts after the last "and" that a title follows."""
    if toks[start].text not in lex.words.name_joining_prepositions:
        return start
    cuts = [c + 1 for c in range(start + 1, name_at - 1) if toks[c].text in lex.words.coordinators
            and _has_title([t.text for t in toks[c + 1:name_at]], lex)]
    return cuts[-1] if cuts else start


def _owner(word: str, lex: Lexicon) -> str:
    return lex.p.possessive_end.sub("", word)


def _a_nouns_form(word: str, lex: Lexicon) -> bool:
    return len(word) >= 8 and bool(lex.p.abstract_noun_end.search(word))


def _has_title(words: list[str], lex: Lexicon) -> bool:
    return any(lex.is_title_word(w) for w in words)


def _capitalised(words: list[str]) -> list[str]:
    """Words as a title's capitalised words ("managing director" -> "Managing Director", "vice-chairman" ->
    "Vice-Chairman"; "CMD" stays)."""
    return ["-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in words]


def _clean_title(title: str, lex: Lexicon) -> str:
    """Without the article or the bracket before it ("New Delhi, Jan 15 (PTI) Defence Minister X"), or the time
    after it ("took over as the Chief of Naval Staff last month")."""
    title = lex.p.leading_article.sub("", lex.p.leading_bracket.sub("", title).strip(" ,;:-"))
    title = lex.p.title_time_tail.sub("", title)
    return _singular(lex.p.whitespace_run.sub(" ", title), lex)


def _singular(title: str, lex: Lexicon) -> str:
    """"Prime Ministers" -> "Prime Minister", "counterparts" -> "counterpart": one person's title, where a
    plural one stood before two names."""
    words = title.split()
    last = words[-1] if words else ""
    if not last.endswith("s") or len(last) < 4 or set(words) & lex.words.dangling_words:
        return title  # "Chairman of the Joint Chiefs": a title of its own
    one = last[:-1]
    if lex.is_title_word(one[:1].upper() + one[1:]) or one.lower() in lex.words.counterparts:
        return " ".join([*words[:-1], one])
    return title


@dataclass
class _Found:
    name: str
    rank: str | None
    title: str | None
    start: int
    end: int
    prefix_start: int | None = None


def _persons_in_sentence(sent: str, lex: Lexicon, org_forms: set[str], runs: list[Run] | None = None
                         ) -> list[_Found]:
    runs = capitalised_runs(sent, lex.knowledge) if runs is None else runs
    found: list[_Found] = []
    bare: list[_Found] = []  # names with neither rank nor title in their own run
    for run in runs:
        toks = list(run.tokens)
        seg_start = 0
        i = 0
        lead = _country_lead(toks, lex)
        while i < len(toks):
            n_rank = 0
            j = i
            while j < len(toks):
                n = _rank_at(toks, j, lex)
                if not n:
                    break
                j += n
                n_rank += n
                while j < len(toks) and (lex.p.retired_token.match(toks[j].text)
                                         or lex.p.bracketed_style.match(toks[j].text)):
                    j += 1
            if n_rank and _first_name_not_rank(sent, toks, seg_start, i, j, lex, org_forms):
                n_rank, j = 0, i  # "Defense Minister Gen Tanaka": a minister's "Gen" is his first name
            first = _rank_at(toks, i, lex) if n_rank else 0
            if first < n_rank and lex.is_title_word(toks[i].text):
                i, n_rank = i + first, n_rank - first  # "Navy Commander Vice Admiral X": a role, then the rank
            if n_rank:
                n_name = _name_at(toks, j, lex, org_forms)
                if n_name and j + n_name < len(toks) and toks[j + n_name].text in lex.knowledge.org_heads:
                    n_name = 0  # "the 20th General Border Committee meeting": a body's name, no officer's
                if n_name:
                    rank = sent[toks[i].start:toks[i + n_rank - 1].end]
                    title = None
                    # "Senator the Hon Ada Berg": a style of address before the honorific, not her office.
                    styled = i > seg_start and toks[i - 1].text in lex.knowledge.words.definite_articles
                    if _has_title([t.text for t in toks[seg_start:i]], lex) and not styled:
                        title = sent[toks[seg_start].start:toks[i - 1].end]
                    elif i > seg_start and " ".join(t.text for t in toks[i - 1:i + n_rank]) in lex.knowledge.titles:
                        # "Saudi Crown Prince X": the style completes a title ("Crown Prince"), which it ends.
                        title = sent[toks[seg_start].start:toks[i + n_rank - 1].end]
                    found.append(_Found(sent[toks[j].start:toks[j + n_name - 1].end], rank, title,
                                        toks[i].start, toks[j + n_name - 1].end,
                                        prefix_start=toks[seg_start].start if seg_start < i else None))
                    i, seg_start = _next_segment(toks, j + n_name, lex)
                    continue
                i = j
                continue
            # A name after a title or a body: "Defence Secretary Anil Rawat", "Ministry of Defence Anil Rao".
            before = [t.text for t in toks[seg_start:i]]
            listed_from = _portfolios_after_title(sent, run, runs, before, lex) if seg_start == 0 else None
            if i > seg_start and (_has_title(before, lex) or _ends_with_body(before, org_forms, lex)
                                  or listed_from is not None):
                n_name = _name_at(toks, i, lex, org_forms)
                end = i + n_name
                # "Director of IIT Madras Prof V Kamakoti": an honorific inside opens the name; what is before
                # it is the title's.
                honorific_inside = any(_rank_at(toks, m, lex) for m in range(i + 1, end))
                # "the Speaker of the Lok Sabha": what a title is "of" is its body, not a person.
                of_body = toks[i - 1].text in lex.words.name_joining_prepositions or (
                    toks[i - 1].text in lex.words.definite_articles and i - 2 >= seg_start
                    and toks[i - 2].text in lex.words.name_joining_prepositions)
                if of_body and n_name >= 4 and not honorific_inside:
                    i += n_name - 2  # "the Speaker of the Lok Sabha Om Birla": the body's two words, then the name
                    n_name, of_body = 2, False
                named = n_name >= 2 or _surname_after_title(toks, i, end, lex) or (
                    n_name == 1 and end == len(toks) and of_kind_never_ending_in_a_name(before, lex.knowledge)
                    and _surname_word(toks[i].text, lex))  # "State Secretary, Ministry of Defence Plotner"
                if named and not honorific_inside and not of_body and (
                        end == len(toks) or toks[end].text in lex.words.connectors
                        or toks[end].text.startswith("(") or toks[end].text in DAYS | MONTHS):
                    seg_start = _title_start_past_body(toks, _headline_title_start(toks, seg_start, i, lex), i, lex)
                    title = sent[listed_from if listed_from is not None else toks[seg_start].start:toks[i - 1].end]
                    found.append(_Found(sent[toks[i].start:toks[end - 1].end], None, title, toks[i].start,
                                        toks[end - 1].end, prefix_start=toks[seg_start].start))
                    i, seg_start = _next_segment(toks, end, lex)
                    continue
            # A run that is only a name (or a name after "X and"): a person if a title stands in the phrase
            # before or after it ("... Anil Rawat and Pierre Lemaire, diplomatic adviser to ...").
            # "..., Vexlar and Ana Lunde, Director, Orvik": after the last person's body and "and", another person.
            after_and = i > 0 and toks[i - 1].text in lex.words.coordinators and bool(found or bare) and (
                i == seg_start or not any(b.start >= run.start for b in bare))
            if i == 0 or after_and or (i == lead and not any(_rank_at(toks, m, lex) for m in range(i, len(toks)))):
                n_name = _name_at(toks, i, lex, org_forms)
                end = i + n_name
                # "Crown Prince Karl Berg": a style inside opens the name; the words before it are no name.
                styled_inside = any(_rank_at(toks, m, lex) for m in range(i + 1, end))
                if n_name >= 2 and not styled_inside and (end == len(toks) or toks[end].text in lex.words.connectors
                                                          or toks[end].text in DAYS | MONTHS):
                    first_tok, end_tok = toks[i], toks[end - 1]
                    bare.append(_Found(sent[first_tok.start:end_tok.end], None, None, first_tok.start, end_tok.end))
                    if end < len(toks) and toks[end].text in lex.words.coordinators:
                        # "Mats Berg and Acme CEO Ola Dahl": the second person after "and" is read too.
                        i = seg_start = end + 1
                        continue
                    if end < len(toks) and toks[end].text in lex.words.name_joining_prepositions:
                        # "Mats Berg of the Norland Navy and Joint Secretary Ola Dahl": and after their body
                        joined = next((m for m in range(end + 1, len(toks) - 1)
                                       if toks[m].text in lex.words.coordinators and _opens_person(toks, m + 1, lex,
                                                                                                   org_forms)), None)
                        if joined is not None:
                            i = seg_start = joined + 1
                            continue
                    break
            i += 1
    # Titles from neighbouring comma-separated phrases, person by person in the sentence's order (a phrase set
    # off after one person and taken as theirs is not the next one's).
    titled, everyone = list(found), sorted([*found, *bare], key=lambda f: f.start)
    for f in everyone:
        if any(f is g for g in titled):
            _title_of_named(sent, f, found, everyone, runs, org_forms, lex)
            continue
        f.title = (_title_before(sent, f.start, runs, lex, found, everyone)
                   or _title_to_country(sent, f.start, runs, lex))
        after = None if f.title else _title_after(sent, f.end, runs, lex, org_forms)
        # "HAL chairman A, Director B and Director C": a title after A that names the next people is theirs.
        beside_titled = after is not None and any(g is not f and g.name in after for g in everyone)
        f.title = (f.title
                   or (None if beside_titled else after)
                   or _lower_title_before(sent, f.start, lex, lex.p.lower_words_before_comma
                                          if lex.p.apposition_end.match(sent, _pair_end(sent, f, everyone, lex))
                                          else None)
                   or _shared_plural_title(sent, _person_before(f, everyone), f, lex))
        if f.title or beside_titled:
            found.append(f)  # (a name set beside titled people is one of them, whatever its own title)
    _appointed(sent, lex, found, org_forms)
    found.sort(key=lambda f: f.start)
    return found


def _opens_person(toks: list[Tok], i: int, lex: Lexicon, org_forms: set[str]) -> bool:
    """Whether a person or their title starts at token `i`: a title word, a rank, or a name of two words or more
    ("... of the Department of Science and Technology and Anita Rao": not "Technology")."""
    word = toks[i].text
    return (lex.is_title_word(word) or word in lex.words.title_modifiers or bool(_rank_at(toks, i, lex))
            or _name_at(toks, i, lex, org_forms) >= 2)


def _next_segment(toks: list[Tok], i: int, lex: Lexicon) -> tuple[int, int]:
    """Where reading goes on after a person's name ends at token `i`, and where the next person's title may
    start: past a "(retd)" that closes the name and the "and" joining the next ("Cmde A Rao (retd) and ORL
    Director B": "ORL Director")."""
    while i < len(toks) and lex.p.retired_token.match(toks[i].text):
        i += 1
    return i, i + 1 if i < len(toks) and toks[i].text in lex.words.coordinators else i


def _surname_after_title(toks: list[Tok], i: int, end: int, lex: Lexicon) -> bool:
    """"Prime Minister Modi inaugurated", "Defence Minister Serdyukov met": one name word right after a title
    word, closing the run (or before its "and"), is the person's surname (not an acronym, nor a verb of a
    headline: "Minister Inaugurates")."""
    closes = end == len(toks) or toks[end].text in lex.words.coordinators  # "Minister Modi and ..."
    if end != i + 1 or not closes or i == 0 or not lex.is_title_word(toks[i - 1].text):
        return False
    if toks[i - 1].text in lex.words.title_modifiers:
        return False  # "the Joint Analysis, Training and Education Centre": a modifier alone is no title
    return _surname_word(toks[i].text, lex)


def _surname_word(word: str, lex: Lexicon) -> bool:
    """A word that may be a surname standing alone: proper, no acronym, no verb form of a headline."""
    return (lex.p.proper_word.match(word) is not None and not word.isupper()
            and not lex.p.inflected_word.search(word))


def _title_of_named(sent: str, f: _Found, found: list[_Found], everyone: list[_Found], runs: list[Run],
                    org_forms: set[str], lex: Lexicon) -> None:
    """The title of a person named with a rank or a title of their own run, completed from the phrases around."""
    body = sent[f.prefix_start:f.start].strip() if f.prefix_start is not None else None
    if f.title is None and body and f.rank and _only_a_body(body, org_forms, lex):
        f.title = _role_at_body(sent, f, found, body, lex)  # "Director at the Vexa Agency (VA) Maj Gen X"
    if f.title is None:
        # "his Kenyan counterpart General Daniel Otieno": a role before the rank beats the rank alone.
        f.title = (_title_before(sent, f.start, runs, lex, found, everyone)
                   or _title_after(sent, f.end, runs, lex, org_forms)
                   or (_lower_title_before(sent, f.start, lex, lex.p.lower_words_before_comma
                                           if lex.p.apposition_end.match(sent, f.end) else None) if f.rank else None))
        if f.title and _only_a_body(f.title, org_forms, lex):
            # "the head of the Vexa Directorate, Brig. Gen. X": the body set off before the rank is where the
            # role before it is held, no role itself
            at = sent.rfind(f.title, 0, f.start)
            of = next((m for m in lex.p.of_in_title.finditer(sent, max(0, at - 8), max(0, at)) if m.end() == at), None)
            role = _lower_title_before(sent, of.start(), lex) if of is not None else None
            f.title = f"{role} {sent[of.start():at]}{f.title}" if role and of is not None else None
    elif not _has_title(f.title.split(), lex) or _only_a_body(f.title, org_forms, lex):
        # "Ministry of Defence Anil Rao", "... at the Directorate General of Armament (DGA) Maj Gen X": the
        # body is known; the role may stand before it.
        f.title = _role_at_body(sent, f, found, f.title, lex) or f.title
    elif f.prefix_start is not None and _body_at_start(f.title, org_forms, lex):
        # "Secretary, Department of Space and Chairman ISRO Dr X": the office the body is of stands before it.
        office = _title_before(sent, f.prefix_start, runs, lex, found)
        f.title = f"{office}, {f.title}" if office else f.title
    if f.title and f.prefix_start is not None:
        joined = lex.p.office_and_before.search(sent, 0, f.prefix_start)
        f.title = f"{joined.group(1)} and {f.title}" if joined else f.title


def _pair_end(sent: str, f: _Found, everyone: list[_Found], lex: Lexicon) -> int:
    """Where the names joined to `f` by "and" end ("her counterparts, A and B, met ..."): an aside of two names."""
    nxt = next((g for g in everyone if g.start > f.end), None)
    joined = nxt is not None and sent[f.end:nxt.start].strip() in lex.words.coordinators
    return nxt.end if nxt is not None and joined else f.end


def _person_before(f: _Found, others: list[_Found]) -> _Found | None:
    return max((g for g in others if g.end <= f.start), key=lambda g: g.end, default=None)


def _shared_plural_title(sent: str, first: _Found | None, second: _Found, lex: Lexicon) -> str | None:
    """"their counterparts Ana Cruz and Rui Costa": a plural title before two names joined by "and" is both's."""
    if first is None or not first.title or not lex.p.only_and_between.fullmatch(sent, first.end, second.start):
        return None
    last = first.title.split()[-1]
    singular = last[:-1] if last.endswith("s") else ""
    plural = bool(singular) and (lex.is_title_word(singular.capitalize()) or singular in lex.words.counterparts)
    return first.title if plural else None


def _appointed(sent: str, lex: Lexicon, found: list[_Found], org_forms: set[str]) -> None:
    """"Karl Berg has been appointed chief executive of Orion": the role an appointment gives a person,
    who may stand in the sentence with no title of their own; "Orion has appointed Karl Berg as its chief
    executive": the role is the appointing body's."""
    for m in (*lex.p.appointed_as.finditer(sent), *lex.p.appoints_as.finditer(sent)):
        # "Air Vice Marshal (retd) Ola Dahl": a retired officer's marker is neither rank nor name.
        words, title = [w for w in m.group(1).split() if not w.startswith("(")], m.group(2).strip()
        # "appointed X as its chief executive", "appointed X chief executive": the appointing company's officer
        own = lex.p.own_role_after_name.match(sent, m.end(1)) or lex.p.company_post.fullmatch(title)
        body = _body_at_end(_appointing_subject(sent[:m.start()], lex), org_forms) if own else None
        title = f"{body} {title}" if body else title
        # "General Ola Dahl took over as ...", "Air Marshal Ola Dahl ...": the rank before the name is no name.
        while len(words) > 2 and (n := next((n for n in range(min(lex.max_rank_tokens, len(words) - 2), 0, -1)
                                             if lex.rank_kind(" ".join(words[:n]))), 0)):
            words = words[n:]
        while len(words) > 2 and not lex.is_name_token(words[0]):
            words = words[1:]  # "On Monday Ola Dahl took over": words before the name are no name
        if len(words) == 2 and lex.rank_kind(words[0].rstrip(".")):
            words = words[1:]  # "Mr. Rao, 58, took over as chairman": the surname, the same person as "Arun Rao"
        cut = next((i for i in range(2, len(words)) if lex.is_title_word(words[i])), len(words))
        if cut < len(words):
            # "named Ola Dahl Chief Financial Officer": the capitalised title is not the name
            title, words = " ".join([*words[cut:], title]), words[:cut]
        if not all(lex.is_name_token(w) for w in words) or not _has_title(_capitalised(title.split()), lex):
            continue
        name = " ".join(words)
        same = next((f for f in found if f.name == name), None)
        if same is None:
            found.append(_Found(name, None, title, m.start(1), m.start(1) + len(name)))
        elif (same.title is None or lex.rank_kind(same.title) == "rank"
              or same.title.split()[0].lower() in lex.words.past_role_words):
            # "Air Vice Marshal Ola Dahl has taken over as Director General", "named Ola Dahl, former finance head
            # of Vexa, as chief financial officer": the post given, not the rank or the past role
            same.title = title


def _appointing_subject(before: str, lex: Lexicon) -> str:
    """The text before an appointing verb, ending in its subject: without the auxiliaries and day ("has also",
    "on Monday"), an appositive ("Vexamar ASA, the naval systems maker, appointed") or "said it"."""
    p = lex.p
    before = p.auxiliary_end.sub("", before)
    before = p.auxiliary_end.sub("", p.said_it_end.sub("", p.appositive_end.sub("", before)))
    return p.bracketed_acronym_end.sub("", before)


def _title_to_country(sent: str, start: int, runs: list[Run], lex: Lexicon) -> str | None:
    """"the Indian Ambassador to Egypt Ola Dahl": a title, "to" and the country the person's run opens with."""
    run = next((r for r in runs if r.start <= start < r.end), None)
    if run is None:
        return None
    lead = _country_lead(list(run.tokens), lex)
    if lead and run.tokens[lead].start == start:
        place_start, place_end = run.start, run.tokens[lead - 1].end
    else:
        # "the Indian Ambassador to Norway, Ola Dahl,": the country set off by a comma before the name.
        place = _run_ending_before(sent, start, runs) if run.start == start else None
        if place is None or place.text(sent) not in lex.knowledge.countries:
            return None
        place_start, place_end = place.start, place.end
    joint = lex.p.title_to_place.search(sent, max(0, place_start - 8), place_start)
    title = next((r for r in runs if joint and r.end == joint.start()), None)
    if title is None or not _has_title([t.text for t in title.tokens], lex):
        return None
    # "... of the Vexa Army and the Indian Ambassador to Egypt X": the title after the run's last "and the".
    toks = list(title.tokens)
    cut = max((i + 1 for i, t in enumerate(toks) if t.text in lex.words.coordinators), default=0)
    while cut < len(toks) and toks[cut].text in lex.words.definite_articles:
        cut += 1
    if cut >= len(toks) or not _has_title([t.text for t in toks[cut:]], lex):
        return None
    return sent[toks[cut].start:place_end]


def _country_lead(toks: list[Tok], lex: Lexicon) -> int:
    """How many tokens at a run's start name a country: "Lesotho Limpho Tau" is Limpho Tau of Lesotho."""
    n = 0
    while n < len(toks) - 2 and toks[n].text in lex.knowledge.countries:
        n += 1
    if n == 0 and toks and toks[0].text in first_words_of_countries(lex.knowledge):
        words = [t.text for t in toks]  # "United States Ola Dahl": a country of several words
        n = country_words(words, lex.knowledge)
        n = n if 0 < n <= len(toks) - 2 and not lex.p.possessive_end.search(words[n - 1]) else 0
    return n


def _lower_title_before(sent: str, start: int, lex: Lexicon, apposed: re.Pattern[str] | None = None) -> str | None:
    """'saw defence secretary Anil Rawat', 'his Chilean counterpart Jorge Mena'; with `apposed`, also the
    title before a name set off by commas ('its chief executive, Karl Berg, said')."""
    # "the defence ministers of the two countries, A and B": whose they are is no part of the title.
    before = lex.p.plural_title_qualifier.sub("", sent[max(0, start - 60):start])
    m = lex.p.lower_words_before.search(before) or (apposed.search(before) if apposed else None)
    if not m:
        return None
    words = m.group(1).split()
    if words[-1] in lex.words.prepositions_before_an_object:
        return None  # "received Prime Minister X at Qasr Al Watan": a place, not a person
    if before[:m.start(1)].rstrip().endswith(tuple(lex.words.name_coordinators)):
        # "Vexlar Defence & Security president X": the capitalised words after "&" end the body's name.
        while len(words) > 1 and words[0][:1].isupper():
            words = words[1:]
    # keep the words after the last clause boundary ('and', 'his', 'the', a verb)
    for j in range(len(words) - 1, -1, -1):
        w = words[j].lower()
        # "minister of defence", "ambassador to India": an 'of' or 'to' right after a title word belongs to the title.
        if w in lex.words.title_prepositions and j > 0 and lex.is_title_word(words[j - 1].capitalize()):
            continue
        # "director of the agency": so is the article after it, before lower-case words of the title.
        if (w == "the" and j > 1 and words[j - 1].lower() == "of" and lex.is_title_word(words[j - 2].capitalize())
                and words[j + 1:] and all(x.islower() for x in words[j + 1:])):
            continue
        # "chairman and managing director": one person's two offices, written as one title.
        if (w == "and" and j > 0 and words[j - 1].lower() in lex.words.offices_joined_by_and
                and any(lex.is_title_word(x.capitalize()) for x in words[j + 1:j + 3])):
            continue
        if w in lex.words.title_clause_boundaries:
            # "Vexlar Defence and Space chief executive": the rest of a capitalised name joined by "and" before
            # the title is the body's, no part of the title.
            in_name = w in lex.words.coordinators and j > 0 and words[j - 1][:1].isupper()
            words = words[j + 1:]
            while in_name and len(words) > 1 and words[0][:1].isupper() and not lex.is_title_word(words[0]):
                words = words[1:]
            break
    # "joint exercise Blue Wave": a title's modifier alone makes no title.
    if words and (any(lex.is_title_word(w.capitalize()) and w.capitalize() not in lex.words.title_modifiers
                      for w in words) or words[-1].lower() in lex.words.counterparts):
        return " ".join(words)
    return None


def _ends_with_body(words: list[str], org_forms: set[str], lex: Lexicon) -> bool:
    """True when the words before a name end with an organisation's name ('... Ministry of Defence')."""
    return _body_at_end(" ".join(words), org_forms, min_length=4) is not None


def _body_at_end(text: str, org_forms: set[str], min_length: int = 1) -> str | None:
    """The longest organisation name (of at least `min_length` characters) the text ends with, as a whole word."""
    ends = [f for f in org_forms if len(f) >= min_length and text.endswith(f)
            and (len(text) == len(f) or not text[-len(f) - 1].isalnum())]
    return max(ends, key=len, default=None)


def _body_after_name(sent: str, end: int, org_forms: set[str], lex: Lexicon) -> str | None:
    """'Colonel X of the Vexlar Army said': the longest organisation name right after the name and its "of" or
    "from", as a whole word; the person is its member."""
    m = lex.p.body_after_name.match(sent[end:])
    if m is None:
        return None
    rest = sent[end + m.end():]
    starts = [f for f in org_forms if len(f) >= 2 and rest.startswith(f)
              and (len(rest) == len(f) or not rest[len(f)].isalnum())]
    return max(starts, key=len, default=None)


def _body_at_start(title: str, org_forms: set[str], lex: Lexicon) -> bool:
    """True when the title opens with an organisation's name and 'and' another office ('Department of Space and
    Chairman ISRO')."""
    return any(len(f) >= 3 and title.startswith(f) and _first_word(title[len(f):]) in lex.words.coordinators
               for f in org_forms)


def _first_word(text: str) -> str:
    return (text.split() or [""])[0]


def _role_at_body(sent: str, f: _Found, found: list[_Found], body: str, lex: Lexicon) -> str | None:
    """The role joined by in/at/of to the body named right before a person, with that body (`_org_of` reads
    the body off the whole); None if no role stands there."""
    earlier = max((g.end for g in found if g.end <= (f.prefix_start or 0)), default=0)
    role = _title_in_words_before(sent, f.prefix_start, lex, earlier)
    return f"{role} {body}" if role else None


def _only_a_body(title: str, org_forms: set[str], lex: Lexicon) -> bool:
    """"Directorate General of Armament (DGA)": a body's name, though a title word stands in it."""
    return lex.p.bracketed_acronym_end.sub("", title) in org_forms


def _title_in_words_before(sent: str, pos: int | None, lex: Lexicon, earlier: int = 0) -> str | None:
    """'Special Secretary in Ministry of Defence X': the role joined to the body by 'in'/'at'/'of', after the
    person named before (`earlier`: where that name ends)."""
    if pos is None:
        return None
    m = lex.p.title_joined_before.search(sent, earlier, pos)
    if m and _has_title(m.group(1).split(), lex):
        return lex.p.joining_words_start.sub("", sent[m.start(1):pos]).strip()
    return None


def _portfolios_after_title(sent: str, run: Run, runs: list[Run], before: list[str], lex: Lexicon) -> int | None:
    """"Minister of Ports, Shipping and Waterways Ana Rao": where the title starts whose list of portfolios goes
    on across commas into the run before the name (`before`: that run's words before it), else None."""
    def portfolios_only(words: list[str]) -> bool:
        return bool(words) and all(w in lex.words.portfolios or w in lex.words.connectors for w in words)

    if not portfolios_only(before):
        return None
    prev = _run_ending_before(sent, run.start, runs)
    while prev is not None and not _has_title([t.text for t in prev.tokens], lex):
        if not portfolios_only([t.text for t in prev.tokens]):
            return None
        prev = _run_ending_before(sent, prev.start, runs)
    return prev.start if prev is not None and prev.tokens[-1].text in lex.words.portfolios else None


def _run_ending_before(sent: str, pos: int, runs: list[Run]) -> Run | None:
    before = sent[:pos].rstrip()
    if not before.endswith(","):
        return None
    end = len(before[:-1].rstrip())
    for r in runs:
        if r.end == end:
            return r
    return None


def _title_before(sent: str, start: int, runs: list[Run], lex: Lexicon, found: list[_Found],
                  people: list[_Found] | None = None) -> str | None:
    """'Deputy Chief of Integrated Defence Staff, HQ IDS, Vice Admiral X': up to two phrases back, unless the
    phrase is set off after another of the sentence's `people` ("A, Vice Chancellor, B")."""
    pos = start
    # The run containing the person may begin with an organisation ("DST Shri Sunil Kumar").
    for run in runs:
        if run.start < start <= run.end:
            pos = run.start
    parts: list[str] = []
    for _ in range(2):
        r = _run_ending_before(sent, pos, runs)
        if r is None:
            break
        inside = [f for f in found if r.start <= f.start < r.end]
        if inside:
            # "X and the United States Under Secretary of Defence, Y": the phrase after the other person, and the
            # body's phrase after it ("Shri X and Director General for Policy, Norwegian Ministry of Defence, Ms Y").
            tail = lex.p.joining_words_start.sub("", sent[max(f.end for f in inside):r.end])
            if tail and tail != sent[max(f.end for f in inside):r.end] and _has_title(tail.split(), lex):
                return ", ".join([tail, *parts])
            break
        words = [t.text for t in r.tokens]
        parts.insert(0, r.text(sent))
        if _has_title(words, lex):
            return None if _apposed_to_earlier(sent, r, runs, people or found) else ", ".join(parts)
        office = _office_held_in(sent, r, runs, lex)
        if office is not None:
            return ", ".join([sent[office.start:r.end], *parts[1:]])
        pos = r.start
    return None


def _office_held_in(sent: str, r: Run, runs: list[Run], lex: Lexicon) -> Run | None:
    """"State Secretary in the Ministry of Defence, X": the title's run right before "in the" and the body's run."""
    joint = lex.p.office_in_body.search(sent, 0, r.start)
    title = next((x for x in runs if x.end == joint.start()), None) if joint is not None else None
    return title if title is not None and _has_title([t.text for t in title.tokens], lex) else None


def _apposed_to_earlier(sent: str, r: Run, runs: list[Run], people: list[_Found]) -> bool:
    """"A, Vice Chancellor, B, ...": a title set off right after another person's name, and taken as theirs,
    is not the next person's."""
    before = _run_ending_before(sent, r.start, runs)
    phrase = r.text(sent)
    return before is not None and sent[before.end:r.start].strip() == "," and any(
        p.end == before.end and (p.title or "").startswith(phrase) for p in people)


def _title_after_retired(sent: str, end: int, runs: list[Run], lex: Lexicon) -> str | None:
    """"Commodore X (Retd.) CMD VDL": the office a retired officer holds now, right after the mark."""
    retired = lex.p.retired_suffix.match(sent, end)
    if retired is None:
        return None
    words = [t for r in runs for t in r.tokens if t.start >= retired.end()]
    title: list[Tok] = []
    for t in words:  # the capitalised words right after the mark, in its run or the next
        if sent[(title[-1].end if title else retired.end()):t.start].strip():
            break
        title.append(t)
    if title and _has_title([t.text for t in title][:2], lex):
        return sent[title[0].start:title[-1].end]
    return None


def _title_after(sent: str, end: int, runs: list[Run], lex: Lexicon, org_forms: Set[str] = frozenset()
                 ) -> str | None:
    """'Dr Kiran Rao, Secretary DDR&D and Chairman DRDO, said ...'; also 'X, executive director, said' and
    'X, Additional Secretary, Department of Space, said' (the body in the next comma phrase)."""
    rest = sent[end:]
    led = lex.p.office_by_verb.match(sent, end)
    if led is not None:  # "X, who heads the Vexa Agency,": its head
        return f"{lex.words.map('office_verbs')[led.group(1)]} of {led.group(2)}"
    served = lex.p.serving_as.match(sent, end) or _office_handed_on(sent, end, runs, lex)
    if served is not None and _has_title([w if w[:1].isupper() else w.capitalize()
                                          for w in served.group(1).split()[:TITLE_WORD_REACH]], lex):
        return served.group(1)  # "X, who also serves as CEO of Vexa,", "replaces X as chief executive"
    m = lex.p.comma_after_name.match(rest)
    if not m or "," not in m.group():
        return _title_after_retired(sent, end, runs, lex)
    start = end + m.end()
    adverb = lex.p.title_lead_adverb.match(sent, start)  # "X, then CMD, BEL,": the office held then
    start = adverb.end() if adverb else start
    country = ""
    for r in runs:
        if r.start == start:
            words = [t.text for t in r.tokens]
            lead = country_words(words, lex.knowledge)  # "Saudi Arabia's Assistant Minister of Defence"
            if lead == len(words) and sent[r.end:r.end + 1] == " ":
                # "X, Chilean undersecretary of defence": the country's word, then a lower-case title.
                country, start = r.text(sent) + " ", r.end + 1
                break
            if _has_title(words[lead:lead + TITLE_WORD_REACH], lex):
                # "X, Vice President of Sales at Orvik Systems, said": the employer after "at" is the body.
                at = lex.p.employer_after.match(sent, r.end)
                employer = next((e for e in runs if at and e.start == at.end()), None)
                if employer:
                    return f"{r.text(sent)} at {employer.text(sent)}"
                comma = lex.p.comma_after_name.match(sent, r.end)
                body = next((e for e in runs if comma and "," in comma.group() and e.start == comma.end()), None)
                if body and lex.p.leading_article.sub("", body.text(sent)) in org_forms:
                    return f"{r.text(sent)}, {body.text(sent)}"
                # "Executive Vice President and head of Vexlar's Dynamics business area": one title.
                more = lex.p.title_continuation.match(sent, r.end)
                if more and lex.is_title_word(more.group(1).capitalize()):
                    return sent[r.start:more.end()]
                held_in = lex.p.title_in_tail.match(sent, r.end)  # "Flag Officer in Command", "Officer in Charge"
                to = lex.p.place_after_title.match(sent, r.end) if held_in is None else None
                place = next((e for e in runs if to and e.start == to.end()), None)
                if place is not None and place.text(sent) in lex.knowledge.countries:
                    return sent[r.start:place.end]  # "X, Ambassador of Chile to Norway,": the country accredited to
                return sent[r.start:held_in.end()] if held_in else r.text(sent)
    low = lex.p.lower_title_after.match(sent[start:])
    words = low.group(1).split() if low else []
    if words and (words[0] in lex.words.relative_pronouns or words[0] in lex.words.coordinators
                  or words[0] in lex.words.prepositions_before_an_object
                  or (words[0].islower() and lex.p.past_verb_form.search(words[0])
                      and not lex.is_title_word(words[0].capitalize()))):
        # "X (retd), who heads the think tank,": a clause about X, not a title; "X, and Vexlar's chairman Y":
        # the next person's; "X, called on the Commander of ...": what X did; "X, in the presence of Norway's
        # minister": who else was there
        return None
    # "X, founder Ana Lunde said": the title of the person it names, not X's.
    if len(words) > 2 and all(w[:1].isupper() and lex.is_name_token(w) for w in words[-2:]):
        return None
    # "the kingdom's defence attache", "Vexlar Systems' vice president": the owner's words are no title's.
    owner = next((i + 1 for i in range(min(5, len(words)) - 1, -1, -1) if lex.p.possessive_end.search(words[i])), 0)
    # "head of Vexa's dynamics unit": the title word may stand before the owner too.
    if low and (_has_title([w.capitalize() for w in words[owner:owner + TITLE_WORD_REACH]], lex)
                or _has_title([w.capitalize() for w in words[:min(owner, TITLE_WORD_REACH)]], lex)):
        # "X, president and chief executive of Vexlar Systems": a second office joined by "and".
        more = lex.p.lower_title_and.match(sent, start + low.end())
        # (its first two words: "managing director", "chief executive")
        second = more.group(1).split()[:2] if more else []
        if more and any(lex.is_title_word(w) or lex.is_title_word(w.capitalize()) for w in second):
            return f"{country}{low.group(1)} and {more.group(1)}"
        return country + low.group(1)
    return None


def _office_handed_on(sent: str, end: int, runs: list[Run], lex: Lexicon) -> re.Match[str] | None:
    """"Ana Lunde will replace Karl Berg as chief executive": the office after "as" was the replaced person's
    (the name ending at `end` stands right after the verb)."""
    start = next((r.start for r in runs if r.start < end <= r.end), None)
    if start is None or not lex.p.replacing_verb_end.search(sent, max(0, start - 40), start):
        return None
    return lex.p.replaced_as.match(sent, end)


def _expand_title(title: str, text: str, lex: Lexicon) -> str:
    """'Secretary (DP)' becomes 'Secretary (Defence Production)' where the text spells the bracket out, in brackets
    or as what a body's name is of ('Department of Defence Production')."""
    def repl(m: re.Match[str]) -> str:
        acr = m.group(1)
        for cand in lex.p.bracketed_name.finditer(text):  # "(Defence Production)"
            if initials_match(acr, cand.group(1).split(), lex.words.connectors):
                return f"({cand.group(1)})"
        for cand in lex.p.name_after_of.finditer(text):  # "Department of Defence Production": its words' initials
            words = [w for w in cand.group(1).split() if w not in lex.words.connectors]
            if "".join(w[0] for w in words) == acr:
                return f"({cand.group(1)})"
        return m.group(0)

    return lex.p.bracketed_acronym.sub(repl, title)


def _org_of(title: str | None, orgs: list[Org], lex: Lexicon, heads: frozenset[str]) -> tuple[str | None, str | None]:
    """The organisation a title names, and the title without it where the body only frames the role:
    'DRDO Director General' -> 'Director General'; 'Secretary DST' -> 'Secretary';
    'Director of Directorate of X' -> 'Director'; 'Chief of Integrated Defence Staff' stays whole."""
    if not title:
        return None, title
    by_form = {f: o for o in orgs for f in o.forms()}
    if not by_form:
        return None, title
    matches = list(names_matcher(frozenset(by_form), possessive=False).finditer(title))
    if not matches:
        return _owned_by_head_word(title, orgs, lex, heads)
    pos, _, form = max(matches, key=lambda x: len(x[2]))
    org = by_form[form]
    stripped = title
    before, after = title[:pos], title[pos + len(form):]
    after_clean = lex.p.leading_article.sub("", lex.p.leading_bracket.sub("", lex.p.possessive_start.sub("", after))
                                            .strip(" ,"))
    # "Department of Space and Chairman ISRO": the body is what an office before it is of, not a frame.
    of_an_office_before = _first_word(after_clean) in lex.words.coordinators
    # "Vexa Agency (VA) Commissioner": the acronym in brackets ends the body's name, however much of it the title
    # took in (the name may hold a comma: "Acquisition, Logistics and ... Agency").
    bracketed = before.rstrip().endswith("(") and after_clean.startswith(")")
    after_clean = after_clean.removeprefix(")").strip() if bracketed else after_clean
    if (pos == 0 or bracketed) and after_clean and _has_title(_capitalised(after_clean.split()), lex) \
            and not of_an_office_before:
        stripped = after_clean
    elif not after_clean:
        rest = before.rstrip(" ,")
        words = rest.split()
        if len(words) >= 3 and words[-1] in lex.words.definite_articles and words[-2] in lex.words.body_prepositions:
            words = words[:-1]  # "Director General of the Vexa Research Organisation": the body's article
        named_whole = bool(set(words[-2:-1]) & lex.words.titles_naming_their_body) or (
            org.org_type in lex.words.org_types_named_in_titles)
        if words and words[-1] in lex.words.body_prepositions and not named_whole:
            # "CEO of Vexlar Space" is Vexlar Space's CEO; "Chief of the Naval Staff" is a title whole.
            rest = " ".join(words[:-1]).rstrip(" ,")
        elif words and (words[-1] in lex.words.dangling_words or lex.p.possessive_end.search(words[-1])):
            rest = ""  # "Commander of the Norland Army's Northern Command": the command is the title's
        if rest and _has_title(_capitalised(rest.split()), lex):
            stripped = rest
    return org.name, stripped.rstrip(" ,/&-") or stripped


def _owned_by_head_word(title: str, orgs: list[Org], lex: Lexicon, heads: frozenset[str]
                        ) -> tuple[str | None, str | None]:
    """"the Navy's deputy chief of naval staff": a body called by its head word alone owns the title, which is
    the words after it; the body is the story's one body of that head word, where it has only one."""
    first, _, rest = title.partition(" ")
    head = lex.p.possessive_end.sub("", first)
    if head == first or head not in heads or not _has_title(_capitalised(rest.split()), lex):
        return None, title
    bodies = [o.name for o in orgs if o.name.split()[-1] == head]
    return (bodies[0] if len(bodies) == 1 else None), rest


def _with_body_before(title: str, sent: str, name_at: int, org_forms: set[str], lex: Lexicon) -> str:
    """"Vexlar's executive vice president Karl Berg", "the Space Agency (OSA) chairman Karl Berg": a lower-case
    title right after a body's name is that body's; the name joins the title, which `_org_of` reads."""
    at = sent.rfind(title, 0, name_at)
    if at <= 0:
        return title
    body = _body_at_end(lex.p.body_end_before_title.sub("", sent[:at]), org_forms)
    return f"{body} {title}" if body else title


def _owned(title: str, sent: str, name_at: int, lex: Lexicon) -> bool:
    """True when a possessive stands right before the title ("Vexlar Systems' CMD X")."""
    at = sent.rfind(title, 0, name_at)
    return at > 0 and bool(lex.p.possessive_before_title.search(sent, 0, at))


def _owner_of_its(title: str, s: Sentence, sentences: list[Sentence], name_at: int, org_forms: set[str],
                  lex: Lexicon, types: Mapping[str, str | None]) -> str:
    """"Vexlar Space was founded in 2018. Its chief executive Karl Berg said": "its" is the body that
    opens the sentence or the one before; the title loses the pronoun and names that body (for `_org_of`)."""
    kind_lead = lex.p.kind_lead.match(title)  # "agency head X": the agency's
    owned = lex.p.owner_pronoun_lead.match(title) or kind_lead
    at = s.text.rfind(title, 0, name_at)
    pronoun = owned or (lex.p.owner_pronoun_end.search(s.text[:at]) if at >= 0 else None)
    if pronoun is None:
        return title
    if owned:
        title = title[owned.end():]
    # "..., while the Vexa side was led by its chief X": the body named last before the pronoun, else the one
    # that opens the sentence or the one before; "the ministry's spokesperson": the last of that kind.
    before = list(names_matcher(frozenset(org_forms)).finditer(s.text[:max(at, 0)])) if org_forms else []
    noun = lex.p.possessive_end.sub("", pronoun.group().split()[-1]).lower()  # "ministry's", "agency"
    kind = lex.words.map("anaphoric_bodies").get(noun)
    of_kind = [m for m in before if types.get(m[2]) == kind] if kind else []
    if kind_lead is not None:
        return f"{of_kind[-1][2]} {title}" if of_kind else f"{kind_lead.group()}{title}"
    if of_kind or before:
        return f"{(of_kind or before)[-1][2]} {title}"
    for prior in (s, sentences[s.index - 1] if s.index > 0 else None):
        body = opening_form(lex.p.leading_article.sub("", prior.text), org_forms) if prior is not None else None
        if body:
            return f"{body} {title}"
    # '"We are proud," said X, director of Vexa Systems. Y, the company's head of sales, added ...': the one body
    # the sentence before names, wherever it names it.
    prior = sentences[s.index - 1] if s.index > 0 else None
    named = {m[2] for m in names_matcher(frozenset(org_forms)).finditer(prior.text)} if prior and org_forms else set()
    return f"{named.pop()} {title}" if len(named) == 1 else title




def _body_right_before(sent: str, at: int, lex: Lexicon) -> bool:
    """A capitalised word right before a title ("Orvik chief executive X"): the body the title is of, known or not."""
    return bool(lex.p.capital_word_end.search(sent, 0, at))


def _sole_company_post(title: str, sent: str, orgs: list[Org], lex: Lexicon) -> str:
    """"Vexa Aerospace has won an Army order, founder and CEO Ana Rao said": a company officer's post named with
    no body is the post at the one company the sentence names (the title then names it, for `_org_of`)."""
    if not all(lex.p.company_post.fullmatch(part) for part in lex.p.offices_joint.split(title)):
        return title
    companies = {o.name: o for o in orgs if o.org_type == "company"
                 and any(f in sent for f in o.forms() if len(f) > 2)}
    return f"{next(iter(companies))} {title}" if len(companies) == 1 else title


def _through_a_body(title: str, sent: str, org_forms: set[str], lex: Lexicon) -> str:
    """"Director General of the Acquisition, Technology and Logistics Agency": a title cut at a comma inside
    the name of the body it is of runs on to that name's end."""
    at = sent.find(title)
    end = at + len(title)
    if at < 0 or sent[end:end + 1] != ",":
        return title
    for m in lex.p.of_in_title.finditer(title):
        start = at + m.end()
        body = max((f for f in org_forms if len(f) > end - start and sent.startswith(f, start)), key=len, default=None)
        if body is not None:
            return sent[at:start + len(body)]
    return title


def _title_words_not_names(found: list[_Found], sent: str, lex: Lexicon) -> list[_Found]:
    """"the Chief of Guided Weapons and Explosive Ordnance, Air Vice-Marshal Leon Phillips": capitalised words
    after a title's "and" or "of", set off by a comma before a ranked or titled person, end the title; they are
    no one's name. The title is that person's, where they have none of their own."""
    out: list[_Found] = []
    for i, f in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        cut = (f.title is not None and f.title.split()[-1] in lex.words.connectors and nxt is not None
               and (nxt.rank or nxt.title)
               and lex.p.comma_after_name.fullmatch(sent[f.end:nxt.prefix_start or nxt.start]))
        if not cut:
            out.append(f)
        elif nxt is not None and nxt.title is None:
            found[i + 1] = replace(nxt, title=f"{f.title} {f.name}")
    return out


def find_officials(text: str, sentences: list[Sentence], orgs: list[Org], k: Knowledge,
                   runs: list[Run] | None = None) -> list[Official]:
    lex = lexicon(k)
    org_forms = {f for o in orgs for f in o.forms()}
    types = {f: o.org_type for o in orgs for f in o.forms()}
    people: list[Official] = []
    per_sentence = (runs_by_sentence(runs, [(s.start, s.start + len(s.text)) for s in sentences], k.words.connectors)
                    if runs is not None else [None] * len(sentences))
    known = {norm(x) for x in org_forms}
    suffixes = frozenset(norm(x) for x in lex.words.name_suffixes)  # "Jr" ends no surname
    headline = headline_lines(k.patterns, sentences)
    for s, sentence_runs in zip(sentences, per_sentence, strict=True):
        roles_before: list[str] = []  # the roles of the sentence's people so far: whose counterpart a person is
        found = _title_words_not_names(_persons_in_sentence(s.text, lex, org_forms, sentence_runs), s.text, lex)
        counterparts = [f for f in found if f.title and _is_counterpart(_clean_title(f.title, lex), lex)]
        for f in found:
            name = lex.p.possessive_end.sub("", lex.p.retired_suffix.sub("", f.name).strip())  # "Anil Rawat's visit"
            if norm(name) in known or len(name) < 3 or _not_a_person(name, f.title, k):
                continue
            if f.rank and any(x.startswith(norm(f"{f.rank} {name}")) for x in known):
                continue  # "General Avionics": a company, not an officer named Avionics
            if f.rank and names_a_place(f"{f.rank} {name}".split(), k):
                continue  # "Sri Lanka's Navy": a country, not a person honoured as "Sri"
            title = _clean_title(f.title, lex) if f.title else None
            if title and not _has_title([_capitalised([w])[0] if w.islower() else w
                                         for w in lex.p.title_word.findall(title)], lex) and not any(
                    title.endswith(t) for t in k.titles if " " in t):  # "Saudi Crown Prince": a title of words
                title = None
            rank_kind = lex.honorifics.get((f.rank or "").lower().replace(".", "").split(" ")[-1], "") if f.rank \
                else ""
            if f.rank and lex.honorifics.get(f.rank.lower().replace(".", "")) == "rank":
                rank_kind = "rank"
            person = _merge(people, name, suffixes)
            if person is None:
                person = Official(name=name, first=s.start + f.start)
                people.append(person)
            if f.rank and not person.rank:
                person.rank = f.rank if rank_kind == "rank" else person.rank
            body = _body_after_name(s.text, f.end, org_forms, lex)
            if body:
                person.bodies_after.append(body)
            if title:
                title = _owner_of_its(title, s, sentences, f.start, org_forms, lex, types)
            if title and (title[:1].islower() or _owned(title, s.text, f.start, lex)):
                # "Vexlar's executive vice president X", "Vexlar Systems' CMD X": the owner's title.
                title = _with_body_before(title, s.text, f.start, org_forms, lex)
            if title and not _body_right_before(s.text, f.prefix_start or f.start, lex):
                title = _sole_company_post(title, s.text, orgs, lex)
            if title:
                title = _through_a_body(_expand_title(title, text, lex), s.text, org_forms, lex)
                (person.titles_in_headline if s.index in headline else person.titles_seen).append(title)
                if not _is_counterpart(title, lex):
                    roles_before.append(title)
                elif roles_before and not f.rank:
                    role = _whose_counterpart(roles_before, counterparts, f)
                    person.titles_implied.extend(_counterpart_role(title, role, lex))
    out = []
    for p in people:
        # "replacing Gen. X, Defence Secretary Y announced": a title naming another person is that person's.
        others = [q.name for q in people if q is not p and " " in q.name]
        p.titles_seen = [_past_other_surname(t, people, p, lex) for t in p.titles_seen
                         if not any(n in t for n in others)]
        p.titles_in_headline = [t for t in p.titles_in_headline if not any(n in t for n in others)]
        # A real role beats "his Russian counterpart" wherever in the story it is given, and a role held
        # now beats "the former head of the Navy".
        seen = p.titles_seen or p.titles_in_headline
        roles = [t for t in seen if not _is_counterpart(t, lex)] or p.titles_implied or seen
        roles = [t for t in roles if _held_now(t, lex)] or roles
        title = roles[0] if roles else None
        org, title = _org_of(title, orgs, lex, k.org_heads)
        p.organisation = org or _named_body(p.bodies_after, orgs)
        p.title = title or p.rank
        p.mentions = _count(text, p.name)
        out.append(p)
    return out


def _past_other_surname(title: str, people: list[Official], p: Official, lex: Lexicon) -> str:
    """"Dahl and Norland Foreign Minister Karl Berg": the other person's surname and "and" open no title."""
    first, _, rest = title.partition(" ")
    joint = rest.split(" ", 1)
    if len(joint) == 2 and joint[0] in lex.words.coordinators and any(
            q is not p and q.name.split()[-1] == first for q in people):
        return joint[1]
    return title


def _named_body(forms: list[str], orgs: list[Org]) -> str | None:
    """The organisation whose form was first written right after the person's name, by its name."""
    return next((o.name for f in forms for o in orgs if f in o.forms()), None)


def _whose_counterpart(roles_before: list[str], counterparts: list[_Found], f: _Found) -> str:
    """The role of the one whose counterpart `f` is: the last named before, or, for "Foreign Minister A and Defence
    Minister B meeting their counterparts C and D", the one in the same place among as many roles as counterparts."""
    n, i = len(counterparts), counterparts.index(f) if f in counterparts else -1
    if 1 < n <= len(roles_before) and i >= 0:
        return roles_before[len(roles_before) - n + i]
    return roles_before[-1]


def _is_counterpart(title: str, lex: Lexicon) -> bool:
    return title.lower().endswith(tuple(lex.words.counterparts))


def _counterpart_role(title: str, role: str, lex: Lexicon) -> list[str]:
    """"Prime Minister A and his Kenyan counterpart B": B is Kenya's Prime Minister. The other's role is taken
    without its own country ("Japanese Defence Minister" gives "Kenyan Defence Minister"); a ranked officer's
    office is not guessed (a general may be his country's minister or its defence secretary)."""
    countries = lex.knowledge.countries
    mine = title.split()[:-1]
    own = next(([" ".join(mine[i:i + n])] for i in range(len(mine)) for n in (3, 2, 1)
                if " ".join(mine[i:i + n]) in countries), [])
    words = role.split()
    while words:
        # "Japanese", "South Korean", "India's", "Norland's"
        lead = next((n for n in (3, 2, 1) if " ".join(words[:n]) in countries), 0)
        if not lead and not lex.p.possessive_end.search(words[0]):
            break
        words = words[lead or 1:]
    return [" ".join(own + words)] if words and _has_title(_capitalised(words), lex) else []


def _not_a_person(name: str, title: str | None, k: Knowledge) -> bool:
    """"Joint Working Groups", "Vice President for Export Markets": a name with a body's head
    word or a place's word in it ("Groups", "Base"), or the object of a title that ends in "for" or "to" or of a
    clause ("will also visit"), is no person."""
    heads, places = k.org_heads, k.words.place_name_words
    if any(w in heads or w in places or (w.endswith("s") and w[:-1] in heads) for w in name.split()):
        return True
    if name.split()[0] in k.words.ship_prefixes:
        return True  # "commanding officer of INS Vikrant": a ship
    # "The Minister will also visit Lake Varno": a clause, not a title.
    words = (title or "").split()
    return bool(words) and (words[-1] in k.words.purpose_prepositions
                            or any(w in k.words.modals and w != "to" for w in words))


def _held_now(title: str, lex: Lexicon) -> bool:
    words = title.lower().replace("-", " ").split()
    return not words or words[0] not in lex.words.past_role_words


def _merge(people: list[Official], name: str, suffixes: frozenset[str] = frozenset()) -> Official | None:
    """The same person named again, perhaps by surname only ('Dr Kamat'; 'General Ruiz' for 'Ana Ruiz Jr',
    whose `suffixes` end no surname)."""
    key = _without_suffix(norm(name).split(), suffixes)
    for p in people:
        pk = _without_suffix(norm(p.name).split(), suffixes)
        if pk == key:
            return p
        short, long_ = (key, pk) if len(key) < len(pk) else (pk, key)
        if short and set(short) <= set(long_) and short[-1] == long_[-1]:
            if len(name) > len(p.name):
                p.name = name
            return p
    return None


def _without_suffix(words: list[str], suffixes: frozenset[str]) -> list[str]:
    return words[:-1] if len(words) > 2 and words[-1] in suffixes else words


def _count(text: str, name: str) -> int:
    """Mentions of a person: by full name or by surname, whichever the text uses more."""
    return max(1, whole_word_count(text, name), whole_word_count(text, name.split()[-1]))
