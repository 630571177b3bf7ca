"""Organisations named in an article, one entry per real organisation however it is spelt.

Three sources of evidence, strongest first: the registry (knowledge/organisations.jsonl),
"Full Name (ACR)" definitions in the text, and capitalised phrases built around an
organisation head word ("Ministry", "Limited", "Institute" ...). Spellings are merged
through their normal form, acronyms and the registry's aliases.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from transforms.knowledge import Knowledge, RegistryOrg
from transforms.names import (
    Run,
    Tok,
    capitalised_runs,
    country_possessive_words,
    country_words,
    first_words_of_countries,
    initials_hits,
    initials_match,
    norm,
    stands_alone,
    syllables_spell,
    whole_word_count,
)
from transforms.party_slots import (
    TransferItem,
    coordinated_names,
    coordinated_parties,
    listed_pairs,
    signing_slot_names,
    transfer_lists,
)
from transforms.phrases import PhraseMatcher, names_matcher
from transforms.sentences import Sentence, title_case_headings
from transforms.vocab import DAYS, MONTHS, Lexicon, lexicon


@dataclass
class Org:
    name: str
    acronym: str | None = None
    aliases: set[str] = field(default_factory=set)
    org_type: str | None = None
    country: str | None = None
    parent: str | None = None  # canonical name of the parent
    registry: bool = False
    bare: bool = False  # a registry kind named bare ("the Ministry of Defence") in a story of another country's
    mentions: int = 0
    first: int = 1 << 30  # first offset, for stable ordering
    spans: list[tuple[int, int]] = field(default_factory=list)  # where the text names it

    def forms(self) -> set[str]:
        return {f for f in {self.name, self.acronym, *self.aliases} if f}


@dataclass(frozen=True)
class OrgIndex:
    """The registry compiled for lookups: normal form of every spelling -> entry."""

    by_form: dict[str, RegistryOrg]
    case_forms: dict[str, RegistryOrg]  # exact spelling (acronyms, short names) -> entry
    pattern: PhraseMatcher


@functools.lru_cache(maxsize=4)
def _index(k: Knowledge) -> OrgIndex:
    by_form: dict[str, RegistryOrg] = {}
    case_forms: dict[str, RegistryOrg] = {}
    for o in k.organisations:
        for f in (o.name, *o.aliases):
            # "Goa Shipyard Limited" is also written "Goa Shipyard Ltd" and "Goa Shipyard".
            base = k.patterns.legal_suffix.sub("", f)
            spelt = {f, base} | ({base + " Ltd", base + " Limited"} if base != f else set())
            for v in spelt | {_unaccented(x) for x in spelt}:  # "d'Etudes" as the press writes "d'études"
                qualified = any(v.startswith(c + " ") or v.startswith(c + "'s ") for c in k.countries)
                for w in (_spellings(v, k) if qualified else {v}):
                    by_form.setdefault(norm(w), o)
                    case_forms.setdefault(w, o)
        if o.acronym:
            case_forms.setdefault(o.acronym, o)
            if o.acronym.isupper() and o.acronym.isalpha() and len(o.acronym) >= 4:
                case_forms.setdefault(o.acronym.capitalize(), o)  # 'Nasa' for 'NASA' in some papers' style
    # Multi-word names also match in lower case ("the defence ministry said"); acronyms and one-word
    # names ("Army", "DRDO") only as written.
    phrases = [f for f in case_forms if " " not in f] + [f.lower() for f in case_forms if " " in f]
    lower = {norm(f): o for f, o in case_forms.items() if " " in f}
    return OrgIndex(by_form, {**lower, **case_forms}, PhraseMatcher(phrases, boundary=r"\w&-"))


def _unaccented(name: str) -> str:
    """The name with its accents dropped, as English-language papers often print it."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _spellings(name: str, k: Knowledge) -> set[str]:
    """'US Department of Defense' is also written 'US Department of Defence' (knowledge/spelling_variants.tsv)."""
    out = {name}
    for uk, us in k.spelling_variants:
        out |= {v.replace(uk, us) for v in out} | {v.replace(us, uk) for v in out}
    return out


def _for_known_body(words: list[str], idx: OrgIndex, k: Knowledge) -> bool:
    """'AoN for Indian Air Force': a thing done for a known body, not a body's name; 'Naval Group of
    France': a known body with its country after it."""
    known = idx.by_form.get(norm(" ".join(words[:-2]))) if len(words) > 2 and words[-2] == "of" else None
    if known is not None:
        # ... but "Ministry of Defence of Peru" is Peru's, whatever country the registry's ministry is of.
        country = k.countries.get(words[-1])
        return not (country and known.country and country != known.country)
    for i, w in enumerate(words):
        if w in k.words.purpose_prepositions and 0 < i < len(words) - 1:
            right = " ".join(words[i + 1:])
            if norm(right) in idx.by_form or right in idx.case_forms:
                return True
    return False


def _head_type(words: list[str], k: Knowledge) -> str | None:
    """The type of the head word (org_heads.tsv): the first word where the name starts with one
    ("Ministry of ..."), else the last ("... Research Agency", "... Aeronautics Limited")."""
    types = k.org_head_types
    typed = [(i, types[h]) for i, w in enumerate(words) if (h := w.split("-")[0]) in types]
    if not typed:
        return None
    # "Ukraine's Ministry of Strategic Industries": the name starts after its country's possessive.
    start = country_possessive_words(words, k)
    return typed[0][1] if typed[0][0] == start else typed[-1][1]


def _country_of(words: list[str], k: Knowledge) -> str | None:
    """The country a name opens with ("Greek defence ministry", "Chile's Ministry of Defence") or ends with."""
    for w in words[:2]:
        w2 = k.patterns.possessive_end.sub("", w.split("-")[0])
        if w2 in k.countries:
            return k.countries[w2]
    before = words[:-2] if words[-2:-1] == ["the"] else words[:-1]  # "... of the Philippines"
    if len(before) > 1 and before[-1] == "of" and words[-1] in k.countries:
        return k.countries[words[-1]]  # "... Group of Australia"
    return None


def _clean_phrase(words: list[str], k: Knowledge) -> list[str]:
    """Drops leading articles, ordinals and sentence-opening words that are not part of a name."""
    return list(_cleaned(tuple(words), k))


@functools.lru_cache(maxsize=1 << 16)
def _cleaned(phrase: tuple[str, ...], k: Knowledge) -> tuple[str, ...]:
    """The same phrases recur in every article ("the Ministry of Defence"): cleaned once each."""
    return tuple(_clean_words(list(phrase), k))


def _clean_words(words: list[str], k: Knowledge) -> list[str]:
    p = k.patterns
    connectors = k.words.connectors
    described = [i for i, w in enumerate(words[:-1]) if w in k.words.descriptor_nouns]
    if described and _ends_as_body(words[-1], k):
        words = words[described[-1] + 1:]  # "Navratna Defence PSU Acme Ltd": the kind of body is no name
    based = [i for i, w in enumerate(words[:-1]) if w.endswith(tuple(k.words.descriptor_endings))]
    if based:
        words = words[based[-1] + 1:]  # "United Kingdom-based Acme Systems": where it is based is no name
    numbered = bool(words) and words[-1] in k.words.numbered_unit_heads  # "12th Rifle Regiment" keeps "12th"
    while words and (words[0] in connectors or words[0] in k.words.capital_articles
                     or (p.ordinal_word.fullmatch(words[0]) and not numbered)
                     or words[0].endswith(tuple(k.words.descriptor_endings))
                     or (words[0] in k.leading_words and not _names_a_portfolio(words, k))
                     or " ".join(words[:2]) in k.leading_words):
        words = words[2:] if " ".join(words[:2]) in k.leading_words else words[1:]
    # "the Norland Navy on 3rd March": a day of the month after a name is the date's, not the name's.
    while words and (words[-1] in connectors or (words[-1].startswith("(")
                                                 and words[-1].strip("()") not in k.words.bracketed_name_parts)
                     or (p.ordinal_word.fullmatch(words[-1]) and len(words) > 1 and words[-2] in connectors)):
        words = words[:-1]
    # "the Pentagon's Defense Innovation Unit", "DRDO's Gas Turbine Establishment": the owner is another body.
    owned = [i for i, w in enumerate(words[:-1]) if p.possessive_end.search(w) and w not in k.words.possessives_in_names
             and p.possessive_end.sub("", w) not in k.countries]
    if owned:
        owner, rest = words[:owned[-1] + 1], words[owned[-1] + 1:]
        if not any(w in k.org_heads for w in rest) and any(p.possessive_end.sub("", w) in k.org_heads for w in owner):
            # "the Hellenic Air Force's Mirage jets": what it owns is a thing, so the owner is the name.
            return _clean_words([*owner[:-1], p.possessive_end.sub("", owner[-1])], k)
        return _clean_words(rest, k)
    # "Chile's Ministry of Defence" keeps its possessive (the country's own body); "Germany's Acme GmbH"
    # drops the country (a company is named without it); "DRDO's" elsewhere loses the possessive.
    n = country_possessive_words(words, k)  # "Chile's", "South Korea's"
    if n and len(words) > n:
        if not any(w in k.state_heads for w in words[n:]):
            return _clean_phrase(words[n:], k)
        return [*words[:n], *_without_possessives(words[n:], k)]
    return _without_possessives(words, k)


def _names_a_portfolio(words: list[str], k: Knowledge) -> bool:
    """"Personnel Ministry": a leading word ("Personnel of the X") that is what the ministry after it is for."""
    return len(words) == 2 and words[0].lower() in k.words.ministry_subjects and words[1] in k.org_heads


def _without_possessives(words: list[str], k: Knowledge) -> list[str]:
    """"DRDO's" loses its possessive; "Vietnam People's Navy" keeps the one inside the name."""
    return [w if w in k.words.possessives_in_names and i < len(words) - 1 else k.patterns.possessive_end.sub("", w)
            for i, w in enumerate(words)]


def _is_org_phrase(words: list[str], k: Knowledge) -> bool:
    return _org_phrase(tuple(words), k)


@functools.lru_cache(maxsize=1 << 16)
def _org_phrase(phrase: tuple[str, ...], k: Knowledge) -> bool:
    words = list(phrase)
    if not words:
        return False
    text = " ".join(words)
    if norm(text) in k.not_organisations or text in k.countries or text in _places(k):
        return False
    # "University-Visakhapatnam": a head word joined to a place by a hyphen is still the head ("Army-2024", joined
    # to a year, names an event).
    head_pos = [i for i, w in enumerate(words) if w in k.org_heads or " ".join(words[i:i + 2]) in k.org_heads
                or ("-" in w and w.split("-")[0] in k.org_heads and not w.split("-")[-1].isdigit()
                    and w.split("-")[0] not in k.words.name_ending_legal_forms
                    and not k.patterns.reciprocal_compound.match(w))]
    # A weak head ("Systems", "Group") names a body only as the last word of a name without "of"/"for".
    # ... or as one of the first three words before "of"/"for" and a name ("Office of the ...", "Federal Office
    # for Economic Affairs and Export Control", "Joint Staff Office of the ...").
    # ... or before "of <Country>" ("Defence Science and Technology Group of Australia"), or before "and" and a
    # sector that ends the name ("Vexa Aerospace and Defence").
    # ("Service" names a body only after two or more words: "European External Action Service", not "Customer
    # Service").
    head_pos = [i for i in head_pos if words[i] not in k.weak_org_heads
                or (i == len(words) - 1 and not k.words.name_joining_prepositions & set(words)
                    and (words[i] not in k.words.heads_after_two_words or i >= 2))
                or (i <= 2 and len(words) >= i + 4 and words[i + 1] in ("of", "for"))
                or (i == len(words) - 3 and words[i + 1] == "of" and words[i + 2] in k.countries)
                or (i == len(words) - 3 and i >= 1 and words[i + 1] in k.words.coordinators
                    and words[i + 2] in k.words.sector_words)]
    if not head_pos:
        return False
    if k.patterns.not_organisation_word.search(text) or _is_domain_phrase(words, k):
        return False
    # A title before the head ("Chief of Army Staff", "Director General ... Services") is a role, not a body.
    title_pos = [i for i, w in enumerate(words)
                 if (w in k.titles or (w.endswith("s") and w[:-1] in k.titles)) and w not in k.org_heads
                 and not (w in k.words.title_modifiers and i + 1 < len(words) and words[i + 1] not in k.titles)]
    if title_pos and title_pos[0] < head_pos[0]:
        return False
    # "Army Commanders", "Service Chiefs": people holding a role, not a body.
    if title_pos and title_pos[-1] == len(words) - 1 and words[-1] not in k.org_heads:
        return False
    # A lone head word ("Ministry", "Department") is a reference, not a name; so are services in the plural
    # ("foreign Air Forces").
    if text.lower() in k.words.map("service_plurals"):
        return False
    content = [w for w in words if w not in k.words.connectors]
    if len(content) == 1 and content[0] in k.org_heads:
        return False
    return not all(w in k.org_heads or w in k.words.connectors or w in k.countries for w in words) or len(content) > 1


@functools.lru_cache(maxsize=4)
def _domain_words(k: Knowledge) -> frozenset[str]:
    return frozenset(s.lower() for d in k.domains for s in (d.name, *d.synonyms))


def _is_domain_phrase(words: list[str], k: Knowledge) -> bool:
    """'Quantum Technologies', 'Space Technologies', 'Underwater Weapon Systems' in a list of subjects are
    technologies, not companies: what stands before the tail is a domain's name or made of its words."""
    phrase = " ".join(words).lower()
    for suffix in k.words.sets["domain_phrase_tails"]:
        phrase = phrase.removesuffix(" " + suffix)
    if phrase in _domain_words(k):
        return True
    tokens = _domain_tokens(k)
    rest = phrase.split()
    return len(rest) < len(words) and all(w in tokens or w + "s" in tokens for w in rest)


@functools.lru_cache(maxsize=4)
def _domain_tokens(k: Knowledge) -> frozenset[str]:
    return frozenset(t for p in _domain_words(k) for t in p.replace("&", " ").replace("/", " ").split())


def _orgish(words: list[str], k: Knowledge, idx: OrgIndex) -> bool:
    clean = _clean_phrase(words, k)
    return bool(clean) and (_is_org_phrase(clean, k) or " ".join(clean) in idx.case_forms
                            or norm(" ".join(clean)) in idx.by_form or clean[0] in idx.case_forms)


@functools.lru_cache(maxsize=4)
def _places(k: Knowledge) -> frozenset[str]:
    return frozenset(k.places)


@functools.lru_cache(maxsize=4)
def _place_words(k: Knowledge) -> frozenset[str]:
    return frozenset(w for p in k.places for w in p.split())


def _split_on_and(toks: list[Tok], k: Knowledge, idx: OrgIndex) -> list[list[Tok]]:
    """'Ministry of Defence and the Department of Science and Technology' is two organisations;
    'Department of Science and Technology' is one (its right side is no body on its own); a complete body
    and "the" start another ('the Vexlar Armed Forces and the Tellmar Bundeswehr')."""
    words = [t.text for t in toks]
    if norm(" ".join(_clean_phrase(words, k))) in idx.by_form:
        return [toks]
    inside_known = _inside_known_names(words, idx)
    loose = any(w in k.words.coordinators and w not in k.words.name_coordinators for w in words[1:-1])
    for i, w in enumerate(words):
        if w not in k.words.coordinators or not 0 < i < len(words) - 1 or i in inside_known:
            continue  # "Larsen & Toubro and Vexa Labs": the "&" of a known name joins no two bodies
        if loose and w in k.words.name_coordinators:
            continue  # "Vexlar Electronics & Defense and Orvik Motors": the "&" is inside the first name
        left, right = words[:i], words[i + 1:]
        if all(w in k.words.name_ending_legal_forms for w in right):
            continue  # "Acme GmbH & Co KG": legal forms, not a second body
        if f"{left[-1]} {w} {right[0]}" in k.words.words_joined_in_names:
            continue  # "Naval Command and Staff College": one name
        content = [x for x in right if x not in k.words.name_ending_legal_forms]
        if (len(content) == 1 and (content[0] in k.org_heads or (content[0] in lexicon(k).vocab and len(right) > 1))
                and content[0] not in idx.case_forms and norm(content[0]) not in idx.by_form):
            # "NewSpace Research and Technologies", "Vexlar Defence & Aerospace AS": a head word or a common word
            # alone (legal form or not) names no body
            continue
        left_clean = _clean_phrase(left, k)
        right_clean = " ".join(_clean_phrase(right, k))
        starts_body = (right[0] in k.words.definite_articles or right[0] in k.org_heads
                       or _opens_with_country(right, k)  # "and Chile's Navy", "and South Korea's Navy"
                       or right_clean in idx.case_forms or norm(right_clean) in idx.by_form)
        ends_body = bool(left_clean) and (left_clean[-1] in k.org_heads or " ".join(left_clean) in idx.case_forms
                                          # "Denmark's Ministry of Defence and the ...", "the Chilean Ministry of
                                          # Defence and Vexa Aerospace": a known body of a country
                                          or " ".join(left_clean[country_possessive_words(left_clean, k):])
                                          in idx.case_forms
                                          or " ".join(left_clean[country_words(left_clean, k):]) in idx.case_forms
                                          or left_clean[-1] in k.words.name_ending_legal_forms
                                          # "the Norland Ministry of Defence and Vexa Systems": a known body's
                                          # name, qualified by a word the registry does not know
                                          or any(" ".join(left_clean[j:]) in idx.case_forms
                                                 for j in range(1, len(left_clean) - 1))
                                          # "... of the Republic of Norland and Vexa Systems"
                                          or (len(left_clean) > 2 and left_clean[-2] == "of"
                                              and left_clean[-1] in k.countries)
)
        # "the Ministry of Defence and Korvex": a body known by that very name ends where "and" starts; so does
        # a person's name ("chairman Anil Rao and Orvik Engines CEO ...").
        known_left = ((norm(" ".join(left_clean)) in idx.by_form or _a_persons_name(left, k))
                      and right[0] not in k.words.connectors)
        # "the Government of Norland and NDRA", "... and the NDRA": an acronym alone after "and" is a body of its own.
        bare = right[1:] if right[0] in k.words.definite_articles else right
        known_left = known_left or (len(bare) == 1 and bare[0].isalpha() and bare[0].isupper()
                                    and 2 <= len(bare[0]) <= 6 and _orgish(left, k, idx))
        the_next = right[0] in k.words.definite_articles and (_orgish(right, k, idx) or (ends_body and len(right) > 1))
        # "the Velmar Research Group and Japan's Acquisition, ...": a country's possessive opens another name.
        owned_next = (ends_body or _orgish(left, k, idx)) and len(right) > 1 \
            and bool(k.patterns.possessive_end.search(right[0])) and _opens_with_country(right, k)
        # "Vexlar and Orvik Marine signed": a brand of one word, and a name of its own words before its head.
        brand_and_body = (len(left) == 1 and left[0] not in lexicon(k).vocab and _orgish(right, k, idx)
                          and not left[0].lower().endswith(tuple(k.words.sets["adjective_endings"]))
                          and len([w for w in right if w not in k.words.name_ending_legal_forms]) >= 2
                          and right[0] not in lexicon(k).vocab)
        # "Orvik Labs and Tellura Defence": a whole name ending in its head, then a brand opening a name of its own.
        # (not an adjective opening the subjects the name goes on with: "College of Electronics and Mechanical
        # Engineering")
        body_and_branded = (ends_body and len(left_clean) >= 2 and len(right) >= 2 and right[0][:1].isupper()
                            and right[0] not in lexicon(k).vocab and right[0] not in k.org_heads
                            and not right[0].lower().endswith(tuple(k.words.sets["subject_adjective_endings"]))
                            and right[0] not in k.words.connectors and not _opens_with_country(right, k))
        # "Planet Labs and Maxar": a whole name before its head, then a brand of one word of its own.
        body_and_brand = (ends_body and len(left_clean) >= 2 and len(right) == 1 and right[0][:1].isupper()
                          and right[0] not in lexicon(k).vocab and right[0] not in k.org_heads
                          and right[0] not in k.words.name_ending_legal_forms)
        # "Heavy Industries Taxila and China North Industries Corporation", "the Commonwealth of Australia and
        # Australian Defence Force": a country opens another body's name after a name that ends as one.
        country_next = (_opens_with_country(right, k) and _orgish(right, k, idx)
                        and (any(x in k.org_heads for x in left_clean) or ends_body))
        # "Turkey's ASFAT and Pakistan Navy": an acronym alone before "and" and a body is a body of its own.
        own = left_clean[country_possessive_words(left_clean, k):]
        acronym_and_body = (len(own) == 1 and own[0].isalpha() and own[0].isupper() and 2 <= len(own[0]) <= 6
                            and starts_body and _orgish(right, k, idx))
        # "Vexa Labs Ltd, Pune and Orvik Systems Ltd": the city of the body before, then another body.
        place_and_body = bool(left_clean) and names_a_place(left_clean, k) and _orgish(right, k, idx)
        # "officials of the Ministry and HAL": a body spoken of by its head word alone, then another body.
        head_and_known = (len(left_clean) == 1 and left_clean[0] in k.org_heads
                          and left_clean[0] not in k.weak_org_heads
                          and k.org_head_types.get(left_clean[0]) != "company"
                          and (right_clean in idx.case_forms or norm(right_clean) in idx.by_form
                               or _orgish(right, k, idx)))
        if (starts_body or ends_body) and _orgish(left, k, idx) and (_orgish(right, k, idx) or owned_next) \
                or the_next or known_left or brand_and_body or body_and_brand or country_next or acronym_and_body \
                or place_and_body or body_and_branded or head_and_known \
                or _titled_person(right, k) and _orgish(left, k, idx):
            return [toks[:i], *_split_on_and(toks[i + 1:], k, idx)]
    return [toks]


def _acronym_read_as_a_word(text: str, start: int, form: str, reg: RegistryOrg, k: Knowledge) -> bool:
    """'Deal signed for radars': an acronym written as a word ('Nasa' for NASA) is that word where it opens a
    sentence or headline, or where the text also writes it in lower case ('the deal')."""
    if form == reg.acronym or form.upper() != reg.acronym:
        return False
    before = text[:start].rstrip(" \"'“‘")
    return not before or before[-1] in k.words.sentence_ending_marks or whole_word_count(text, form.lower()) > 0


def _ends_at_its_country(toks: list[Tok], k: Knowledge) -> list[Tok]:
    """'a sale to the Government of Egypt of Patriot missiles': a name "... of <country>" ends at the country;
    a further "of" says what is sold or made, an "on" or "for" what a deal is about ("an MoU between the
    Ministry of Defence of Chile on Defence Cooperation")."""
    words = [t.text for t in toks]
    # "Armed Forces of Chile Chief of Staff General X": a person's role after the country is no part of the name.
    cut = next((i for i in range(2, len(words) - 1)
                if (words[i - 1] == "of" or words[i - 2:i] == ["of", "the"]) and words[i] in k.countries
                and (words[i + 1] in k.words.after_a_country_end or _leading_title(words[i + 1:], k))), None)
    return toks if cut is None else toks[:cut + 1]


def _titled_person(words: list[str], k: Knowledge) -> bool:
    """'Brigadier General Ramon Vidal', 'Colonel Tran': a rank or title, then only a person's name, is a
    person listed after a body, never the rest of the body's name."""
    lex = lexicon(k)
    n = _leading_title(words, k) or _leading_rank(words[:-1], lex)
    return 0 < n < len(words) and all(lex.is_name_token(w) and w not in k.org_heads for w in words[n:])


def _past_titled_person(toks: list[Tok], i: int, k: Knowledge) -> int:
    """Where reading goes on after the title at `i` and the person it names: after their "of" ("Secretary Karl
    Berg of the Norland Navy": the body is read), else at the next "and"."""
    lex = lexicon(k)
    while i < len(toks) and (lex.is_title_word(toks[i].text) or toks[i].text in k.words.title_modifiers):
        i += 1
    named = i
    while i < len(toks) and lex.is_name_token(toks[i].text) and toks[i].text not in k.org_heads:
        i += 1
    if named < i < len(toks) - 1 and toks[i].text in k.words.name_joining_prepositions:
        return i + 1
    while i < len(toks) and toks[i].text not in k.words.coordinators:
        i += 1
    return i


def _body_after_persons_of(words: list[str], k: Knowledge) -> int | None:
    """'(Secretary) Karl Berg of the Norland Navy': where the words are a person's name (after a title or rank),
    "of" and a body, the body's first word, else None."""
    of = next((j for j, w in enumerate(words) if w in k.words.name_joining_prepositions), None)
    if of is None:
        return None
    lex = lexicon(k)
    titled = next((j + 1 for j in range(of - 1, -1, -1) if lex.is_title_word(words[j])), 0)  # "Secretary Karl Berg"
    titled = titled or _leading_rank(words[:of], lex)
    if not _a_persons_name(words[titled:of], k):
        return None
    body = of + 1 + (of + 1 < len(words) and words[of + 1] in k.words.definite_articles)
    clean = _clean_phrase(words[body:], k)
    return body if any(w in k.org_heads for w in clean) and _is_org_phrase(clean, k) else None


def _ends_in_titled_person(words: list[str], k: Knowledge) -> bool:
    """'Defence Secretary Karl Berg': the words end in a person's name right after a title word."""
    lex = lexicon(k)
    title_at = next((j for j in range(len(words) - 2, -1, -1) if not lex.is_name_token(words[j])), None)
    return (title_at is not None and lex.is_title_word(words[title_at]) and len(words) - title_at - 1 <= 4
            and not any(w in k.org_heads for w in words[title_at + 1:]))


def _leading_rank(words: list[str], lex: Lexicon) -> int:
    """How many of the first words are a rank or honorific, longest first ("Brigadier General"), else 0."""
    return next((n for n in range(min(lex.max_rank_tokens, len(words)), 0, -1) if lex.rank_kind(" ".join(words[:n]))),
                0)


def _inside_known_names(words: list[str], idx: OrgIndex, longest: int = 8) -> set[int]:
    """The positions strictly inside a name the registry knows, wherever it stands among the words."""
    inside: set[int] = set()
    for a in range(len(words)):
        for b in range(a + 3, min(len(words), a + longest) + 1):
            if norm(" ".join(words[a:b])) in idx.by_form:
                inside.update(range(a + 1, b - 1))
    return inside


def _split_before_served(toks: list[Tok], k: Knowledge, idx: OrgIndex) -> list[list[Tok]]:
    """"Tellmar Shipyard for the Royal Navy": a complete name (words before its head) and, after "for the",
    another body are two bodies; "Centre for Air Power Studies", "Vexlar Institute for the Study of War" are
    one (a bare head before "for", or no body after it); a body known by its name ends before "for the" and
    what it buys ("the Ministry of Defence for the Vexa radars")."""
    words = [t.text for t in toks]
    # "the Polish Armament Agency for NSM coastal batteries": a product's letters after "for" end the name.
    if (len(words) >= 5 and words[-2] == "for" and words[-3] in k.org_heads and words[-1].isupper()
            and words[-1] not in idx.case_forms and norm(words[-1]) not in idx.by_form):
        return [toks[:-2]]
    if norm(" ".join(_clean_phrase(words, k))) in idx.by_form:
        return [toks]
    for i in range(2, len(words) - 2):
        if words[i] == "for" and words[i + 1] in k.words.definite_articles:
            left, right = _clean_phrase(words[:i], k), words[i + 2:]
            if len(left) >= 2 and words[i - 1] in k.org_heads and _orgish(right, k, idx):
                return [toks[:i], toks[i + 2:]]
            # "the (Latvian) Ministry of Defence for the Vexa radars": a known body, then its purchase
            if norm(" ".join(left[country_words(left, k):])) in idx.by_form and not _orgish(right, k, idx):
                return [toks[:i]]
    return [toks]


def names_a_place(words: list[str], k: Knowledge) -> bool:
    """The words are a country or a known place ("Sri Lanka", "Sri Lanka's")."""
    phrase = k.patterns.possessive_end.sub("", " ".join(words))
    return phrase in k.countries or phrase in _places(k)


def _a_persons_name(words: list[str], k: Knowledge) -> bool:
    """Two to four words that could only be a person's name ("Anil Rao", "D K Sunil")."""
    lex = lexicon(k)
    return 2 <= len(words) <= 4 and all(lex.is_name_token(w) for w in words)


def _opens_with_country(words: list[str], k: Knowledge) -> bool:
    """Whether the words open with a country's name or adjective, possessive or not ("South Korea's")."""
    return country_words(words, k) > 0


def _drop_country_ends(toks: list[Tok], k: Knowledge) -> list[Tok]:
    """'India and US Department of Defense', "DDP and Chile's", 'Indian Navy and Industry': a country or
    a generic word joined by 'and' at either end is not part of the name; nor "of France" after a company's."""
    def plain(t: Tok) -> str:
        return k.patterns.possessive_end.sub("", t.text)

    if len(toks) > 3 and toks[1].text in k.words.coordinators and plain(toks[0]) in k.countries:
        toks = toks[2:]
    if len(toks) > 3 and toks[-2].text in k.words.coordinators and (
            plain(toks[-1]) in k.countries or plain(toks[-1]).lower() in k.not_organisations):
        toks = toks[:-2]
    # "the Department of National Defense and the South Korean shipbuilder": a country's adjective after "and
    # the" starts a description of another body, not more of this name.
    joint = next((j for j in range(len(toks) - 2, 1, -1) if toks[j].text in k.words.coordinators), None)
    if joint is not None:
        rest = [t.text for t in toks[joint + 1:] if t.text not in k.words.definite_articles]
        if rest and len(rest) <= 3 and country_words(rest, k) == len(rest) and len(rest) < len(toks) - joint - 1:
            toks = toks[:joint]
    # "Vexlar Helicopter Engines of France": a company named after a brand is not named after its country
    # (a state's body is: "Defence Science and Technology Group of Australia").
    core = list(toks)
    while core and core[-1].text in k.words.connectors:
        core.pop()
    # The last name of a list: "HAL and Vexlar Helicopter Engines of France", not "A and the Government of X".
    opens = next((j + 1 for j in range(len(core) - 1, -1, -1) if core[j].text in k.words.coordinators), 0)
    opens += opens > 0 and opens < len(core) and core[opens].text in k.words.definite_articles
    if (len(core) - opens > 3 and core[-2].text == "of" and plain(core[-1]) in k.countries
            and lexicon(k).is_name_token(core[opens].text) and core[-3].text in k.org_heads
            and k.org_head_types.get(core[-3].text, "company") == "company"
            and core[-3].text not in k.words.sets["heads_named_with_country"]):
        toks = core[:-2]
    return toks


def _strip_person_tail(toks: list[Tok], lex: Lexicon, k: Knowledge) -> list[Tok]:
    """'Ministry of Defence Kiran Rao Sood': two or more name-like words after the body are a person."""
    n = 0
    while n < len(toks) and lex.is_name_token(toks[len(toks) - 1 - n].text):
        n += 1
    if n == 1 and len(toks) > 2 and toks[-2].text not in k.words.connectors and \
            _of_kind_never_ending_in_a_name(toks[:-1], k) and \
            toks[-1].text not in k.countries and toks[-1].text not in _place_words(k):
        return toks[:-1]  # "Ministry of Defence Kapila": a ministry's name never ends in a surname
    if n >= 2 and n < len(toks):
        rest = toks[: len(toks) - n]
        # "Centre for Air Power Studies": the words after a "for" name the body's field, not a person; so do
        # those right after its "of" ("Federal Office of Bundeswehr Equipment").
        if len(rest) >= 2 and (rest[-2].text == "for" or rest[-1].text in k.words.name_joining_prepositions):
            return toks
        words = _clean_phrase([t.text for t in rest], k)
        if _is_org_phrase(words, k) or (len(words) == 1 and words[0] in k.org_heads):
            return rest  # "Secretary of the Army Dan Driscoll": the service, then its secretary's name
    return toks


def _strip_person_head(toks: list[Tok], lex: Lexicon, k: Knowledge) -> list[Tok]:
    """'Amit Varma of the Ministry of Ports': a person's name before 'of' is not part of the body after it, nor
    what comes before the name ('Strategy, Policy and Industry Hugh Jeffrey of the X': the end of a title)."""
    of = next((j for j, t in enumerate(toks) if t.text == "of"), None)
    if of is None or of < 2:
        return toks
    head = toks[:of]
    named = 0
    while named < len(head) and (lex.is_name_token(head[-1 - named].text)
                                 or k.patterns.initial.match(head[-1 - named].text)):
        named += 1
    headless = not any(t.text in k.org_heads for t in head)
    if (named == len(head) or named >= 2) and headless:
        return toks[of + 1:]
    # "Policy and Industry of the Department of Defence": common words, heading nothing, before a body that opens
    # with its own strong head word are a portfolio, not part of the body's name.
    body = [t.text for t in toks[of + 1:] if t.text not in k.words.definite_articles]
    body = body[country_words(body, k):]  # "... of the Australian Department of Defence": its head follows
    if (headless and not named and body and body[0] in k.org_heads and body[0] not in k.weak_org_heads
            and all(t.text in lex.vocab or t.text in k.words.connectors for t in head)):
        return toks[of + 1:]
    return toks


def _of_kind_never_ending_in_a_name(toks: list[Tok], k: Knowledge) -> bool:
    return of_kind_never_ending_in_a_name([t.text for t in toks], k)


def of_kind_never_ending_in_a_name(words: list[str], k: Knowledge) -> bool:
    """'Ministry of Defence', 'German Department of Space': a head of such a type, then 'of' (one name-like word
    after such a name is the person it introduces: 'Ministry of Defence Kapila')."""
    return any(k.org_head_types.get(w) in k.words.types_never_ending_in_a_name and words[i + 1] == "of"
               for i, w in enumerate(words[:-2]))


def candidate_phrases(run: Run, k: Knowledge) -> list[list[Tok]]:
    """The organisation-name candidates in a capitalised run: cut at dates, ranks and at a title that
    follows a complete body ('Defence Ministry Spokesperson'), then split at 'and' between bodies. The
    cuts depend on the words alone, so each run's words are read once per process (runs recur across
    articles: 'Ministry of Defence', 'Indian Army')."""
    return [[run.tokens[i] for i in ids] for ids in _candidate_indices(tuple(t.text for t in run.tokens), k)]


@functools.lru_cache(maxsize=1 << 15)
def _candidate_indices(texts: tuple[str, ...], k: Knowledge) -> tuple[tuple[int, ...], ...]:
    """`candidate_phrases` as positions in the run, for its words: tokens here carry their index."""
    toks = [Tok(t, i, i + 1) for i, t in enumerate(texts)]
    return tuple(tuple(t.start for t in part) for part in _candidates(toks, k))


def _candidates(toks: list[Tok], k: Knowledge) -> list[list[Tok]]:
    lex = lexicon(k)
    idx = _index(k)
    segments: list[list[Tok]] = []
    defined_ends: set[int] = set()  # where names end that an acronym after them spells whole: no "and" splits them
    cur: list[Tok] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if cur and t.text.startswith("(") and t.text.strip("()") in k.words.bracketed_name_parts:
            cur.append(t)  # "Directorate of Technical Development and Production (Air)": the name goes on
            i += 1
            continue
        if t.text.startswith("("):
            # "Full Name (ACR)" ends a name, except "Indian Institute of Technology (IIT) Hyderabad",
            # where a single place-like word completes it.
            nxt = toks[i + 1].text if i + 1 < len(toks) else None
            after = toks[i + 2].text if i + 2 < len(toks) else None
            if nxt and nxt not in k.words.connectors and (after is None or after in k.words.coordinators) and cur and (
                    nxt in _place_words(k) or lex.is_name_token(nxt)):
                cur.append(toks[i + 1])
                i += 2
                continue
            if _defines_whole(cur, t.text.strip("()"), k):
                defined_ends.add(cur[-1].end)  # "Spain's Directorate General of Armament and Materiel (DGAM)"
            segments.append(cur)
            cur = []
            i += 1
            continue
        if t.text in MONTHS or t.text in DAYS:
            segments.append(cur)
            cur = []
            i += 1
            continue
        n_rank = _leading_rank([x.text for x in toks[i:i + lex.max_rank_tokens]], lex)
        if n_rank and i > 0 and t.text == "General" and toks[i - 1].text in k.words_before_general:
            n_rank = 0  # "Directorate General of Ordnance", "Director General": not the rank
        if n_rank and i > 0 and toks[i - 1].text in k.words.name_joining_prepositions:
            n_rank = 0  # "Chief of General Staff of the X": what an office is of is no person's rank
        if n_rank and i + n_rank < len(toks) and names_a_place([x.text for x in toks[i:i + n_rank + 1]], k):
            n_rank = 0  # "Sri Lanka Navy": a country's name, not an honorific before a person
        after_rank = toks[i + n_rank].text if n_rank and i + n_rank < len(toks) else None
        if after_rank is not None and (after_rank == "of" or after_rank in k.org_heads
                                       or (lex.is_title_word(after_rank) and not lex.rank_kind(after_rank))):
            # "Commander of the Royal Navy", "General Department of ...", "General Officer Commanding": no
            # rank before a person
            n_rank = 0
        if n_rank and (i > 0 or len(toks) > n_rank):
            # A rank or honorific starts a person's name: the rest of the run is not a body, but for the one
            # named after the person's "for" or "of" ("Mr Ivo Rask for Tellmar Shipyards", "Maj Gen Ivo Rask
            # of the Norland Army").
            segments.append([] if _role_compound(_clean_phrase([x.text for x in cur], k), k) else cur)
            cur = []
            signs_for = next((j for j in range(i + n_rank + 1, len(toks) - 1) if toks[j].text in ("for", "of")),
                             None)
            # "Admiral Karl Berg and Chilean Army chief ...": after the person and "and", another body may start.
            joined = next((j for j in range(i + n_rank + 1, len(toks) - 1) if toks[j].text in k.words.coordinators),
                          None)
            named = min((j for j in (signs_for, joined) if j is not None), default=None)
            if named is None or not all(lex.is_name_token(x.text) for x in toks[i + n_rank:named]):
                break
            i = named + 1
            continue
        # "the Joint Staff Department": a title's modifier before no title is the body's own word
        modifier_only = t.text in k.words.title_modifiers and not (
            i + 1 < len(toks) and lex.is_title_word(toks[i + 1].text))
        if lex.is_title_word(t.text) and t.text not in k.org_heads and cur and not modifier_only:
            while cur and cur[-1].text in k.words.connectors:
                cur.pop()
            words = [x.text for x in cur] or [""]
            last = words[-1]
            phrase = _clean_phrase(words, k)
            ends_name = (last in k.org_heads or lex.is_name_token(last) or last.isupper() or last in _place_words(k)
                         or norm(" ".join(phrase)) in idx.by_form or norm(" ".join(phrase[1:])) in idx.by_form)
            lone_head = len(phrase) == 1 and phrase[0] in k.org_heads  # "Navy Secretary Karl Berg": a role
            # "French Armed Forces Minister X": a country's service before a minister names the portfolio.
            portfolio = len(phrase) > 1 and t.text in k.words.portfolio_titles and " ".join(
                phrase[country_words(phrase, k):]) in k.org_heads
            compound = _role_compound(phrase, k)  # "India-Ruritania Corps Commander": no body before the title
            # "Defence Cabinet Secretary X": a rank of office, no cabinet
            compound = compound or (bool(phrase) and phrase[-1] in k.words.office_rank_heads
                                    and t.text in k.words.portfolio_titles)
            # "Telangana Industries Minister X": a state's portfolio, part of the role.
            compound = compound or portfolio or (
                len(phrase) == 2 and phrase[1] in k.words.portfolios and phrase[0] in k.regions)
            if (_is_org_phrase(_clean_phrase(words, k), k) and ends_name) or lone_head or compound:
                segments.append([] if compound else cur)
                cur = []
                # the title and the person after it belong to no body
                while i < len(toks) and toks[i].text not in k.words.coordinators:
                    i += 1
                continue
            # "Karl Berg of the Norland Ministry of Defence and (First Assistant) Secretary ...": the body of the
            # person before, then another's title
            body_end = len(words)
            while body_end > 1 and words[body_end - 1] in k.words.title_modifiers | k.words.connectors:
                body_end -= 1
            body_at = _body_after_persons_of(words[:body_end], k)
            if body_at is not None:
                segments.append(cur[body_at:body_end])
                cur = []
                i = _past_titled_person(toks, i, k)
                continue
            if len(words) >= 2 and (_a_persons_name(words, k) or _ends_in_titled_person(words, k)):
                # "Karl Berg and Director General of the X Ministry ...", "Defence Secretary Karl Berg and
                # Secretary of the X Department ...": a person, then another's title
                cur = []
        cur.append(t)
        i += 1
        if t.text in k.words.name_ending_legal_forms and len(cur) > 1:
            i = _legal_form_end(toks, i, cur, k)
            if i < len(toks) and toks[i].text not in k.words.coordinators:
                segments.append(cur)  # "Acme Ltd of Norway": the name ends at its legal form
                cur = []
    segments.append(cur)
    out: list[list[Tok]] = []
    for seg in (part for whole in segments for part in _member_or_unit_of(whole, k)):
        # "Director General of Chile's Ministry of Defence": the body after the role's "of"; "CEO Acme
        # Pvt Ltd", "Managing Director Acme Systems": the body after the role, where it ends as a body.
        # "The Chief Executive Officer of Vexlar Systems": an article before a role and its "of" is the role's.
        words = [t.text for t in seg]
        if len(seg) > 2 and words[0] in k.words.capital_articles and _leading_title(words[1:], k) \
                and _of_after_title(words[1:], k) is not None:
            seg = seg[1:]
        lead = _leading_title([t.text for t in seg], k)
        if lead:
            of = _of_after_title([t.text for t in seg], k)
            if of is not None:
                office = seg[of - 1].text if of > 0 else ""
                seg = seg[of + 1:]
                if _weak_headed([t.text for t in seg], k):
                    continue  # "Director General of Information Systems": the title goes on, no body
                if office in k.words.portfolio_titles and not any(
                        t.text in k.org_heads and t.text not in k.weak_org_heads for t in seg):
                    continue  # "Minister of Armed Forces of France X": a minister's portfolio, no body
            elif lead < len(seg) and _ends_as_body(seg[-1].text, k):
                seg = seg[lead:]
        seg = _strip_person_head(seg, lex, k)
        wholes = [seg] if seg and seg[-1].end in defined_ends else _split_on_and(_drop_country_ends(seg, k), k, idx)
        for part in (p for whole in wholes for p in _split_before_served(whole, k, idx)):
            part = _strip_person_tail(_ends_at_its_country(part, k), lex, k)
            if part:
                out.append(part)
    return out


def _defines_whole(cur: list[Tok], acronym: str, k: Knowledge) -> bool:
    """An acronym in brackets spells the whole name before it (a country's possessive aside), "and" included."""
    words = _clean_phrase([t.text for t in cur], k)
    words = words[country_possessive_words(words, k):]
    return (acronym.isalpha() and acronym.isupper() and len(words) >= 3
            and any(w in k.words.coordinators for w in words)
            and words[0][:1] == acronym[:1] and words[-1][:1] == acronym[-1:]
            and initials_match(acronym, words, k.words.connectors))


def _role_compound(phrase: list[str], k: Knowledge) -> bool:
    """"Corps" in "India-Ruritania Corps Commander level talks": a weak head before a title, after nothing but
    countries, qualifies the role; it names no body."""
    return (len(phrase) >= 2 and phrase[-1] in k.weak_org_heads
            and all(part in k.countries for w in phrase[:-1] for part in w.split("-")))


def _of_after_title(words: list[str], k: Knowledge) -> int | None:
    """Where the title at the start of a phrase hands over to its body: the "of" after it, passing the
    title's own "of"s ("Chief of Staff of the Norland Navy": the Navy)."""
    lex = lexicon(k)
    ofs = [j for j, w in enumerate(words) if w == "of"]
    for a, b in zip(ofs, ofs[1:], strict=False):
        between = words[a + 1:b]
        # "Chief of Defence Force of the Maldives National Defence Force": common words of a force or staff
        # the title heads, then the body's own "of".
        headed = (all(w in lex.vocab and w not in k.countries for w in between) and between[-1] in k.org_heads
                  and not set(between) & k.words.definite_articles)  # "of the National Army of X": the body's
        # "Chief of the Air Staff of the Norland Air Force": the title's own "the" passes too.
        if not headed and not all(lex.is_title_word(w) or w in k.title_words or w in k.words.definite_articles
                                  for w in between):
            return a
    if len(ofs) > 1 and " ".join(w for w in words[ofs[-1] + 1:] if w not in k.words.definite_articles) in k.countries:
        return ofs[-2]  # "Chief of Staff of the National Army of Algeria": the body's name ends in its country
    return ofs[-1] if ofs else None


def _qualifier_in(words: str, names: Mapping[str, str]) -> str | None:
    """The country word (or capital) of the capitalised words before a body's name: "South Korean", or
    "Polish" in "The Polish", "Seoul" in "Monday. Seoul's" (the words' last one, after a sentence's
    capitalised first word)."""
    return next((w for w in (words, words.split(" ", 1)[-1]) if w in names), None)


def _weak_headed(words: list[str], k: Knowledge) -> bool:
    """A phrase of common words whose only head words are weak ones ("Information Systems", not "Vexlar
    Systems"), and which the registry does not name: after a title's "of" it completes the title."""
    heads = [w for w in words if w in k.org_heads or w in k.words.name_ending_legal_forms]
    vocab = lexicon(k).vocab
    return (bool(heads) and all(w in k.weak_org_heads for w in heads)
            and all(w in vocab and w not in k.words.connectors for w in words)
            and norm(" ".join(words)) not in _index(k).by_form)


def _member_or_unit_of(seg: list[Tok], k: Knowledge) -> list[list[Tok]]:
    """'Soldiers of the Rifle Regiment' is the regiment; '5th Brigade of the Ruritanian Army' is the brigade
    and the army it belongs to (a unit's 'of' leads to its formation, not to the rest of its name)."""
    words = [t.text for t in seg]
    if words and words[0] in k.words.member_nouns and "of" in words:
        return [seg[words.index("of") + 1:]]
    joint = next((i for i in range(2, len(words) - 1)
                  if words[i] == "of" and words[i - 1] in k.words.joint_mechanism_heads
                  and set(words[:i]) & k.words.joint_mechanism_words), None)
    if joint is not None:
        return [seg[joint + 1:]]  # "Joint Steering Committee of the Vexa Agency and Orvik": the two bodies
    cut = next((i for i in range(1, len(words) - 1)
                if words[i] == "of" and words[i - 1] in k.words.numbered_unit_heads), None)
    if cut is None:
        return [seg]
    return [seg[:cut], *_member_or_unit_of(seg[cut + 1:], k)]


def _leading_title(words: list[str], k: Knowledge) -> int:
    """How many words at the start of a phrase are a person's role: a title ('Managing Director', longest
    first from titles.txt) or title words ('CEO', 'Chairman'), not words that head bodies."""
    lex = lexicon(k)
    n = 0
    while n < len(words):
        span = next((j for j in range(min(_longest_title(k), len(words) - n), 1, -1)
                     if " ".join(words[n:n + j]) in k.titles), 0)
        if span:
            n += span
        elif lex.is_title_word(words[n]) and words[n] not in k.org_heads:
            n += 1
        elif words[n] in k.words.title_modifiers and n + 1 < len(words) and lex.is_title_word(words[n + 1]):
            n += 1  # "Vice Chairman", "Deputy Director": the modifier of the title after it
        else:
            break
        while n < len(words) and words[n].startswith(tuple(k.words.title_particles)):
            n += 1  # "Charge d'Affaires US Embassy": still the title
    # "Joint Defence Commission": a title's modifier alone ("Joint", "Deputy") is no role.
    return 0 if all(w in k.words.title_modifiers for w in words[:n]) else n


@functools.lru_cache(maxsize=4)
def _longest_title(k: Knowledge) -> int:
    return max((len(t.split()) for t in k.titles), default=1)


def _ends_as_body(word: str, k: Knowledge) -> bool:
    return word in k.org_heads or word in k.words.name_ending_legal_forms


def _legal_form_end(toks: list[Tok], i: int, cur: list[Tok], k: Knowledge) -> int:
    """Takes the legal forms that follow one ('Pvt Ltd', 'GmbH & Co KG') into the name; returns where the
    name ends."""
    forms = k.words.name_ending_legal_forms
    while i < len(toks):
        if toks[i].text in forms:
            cur.append(toks[i])
            i += 1
        elif toks[i].text in k.words.coordinators and i + 1 < len(toks) and toks[i + 1].text in forms:
            cur += [toks[i], toks[i + 1]]
            i += 2
        else:
            break
    return i


def _written_lower(name: str, k: Knowledge) -> bool:
    """A name with a lower-case word that is no connector ("defence ministry"): a description, not the name."""
    return any(w[:1].islower() and w not in k.words.connectors for w in name.split())


def _from_registry(o: RegistryOrg) -> Org:
    return Org(name=o.name, acronym=o.acronym, aliases=set(o.aliases), org_type=o.org_type, country=o.country,
               parent=o.parent, registry=True)


class _Builder:
    """Accumulates spellings into organisations, merging through normal forms."""

    def __init__(self, k: Knowledge):
        self.k = k
        self.idx = _index(k)
        self.orgs: list[Org] = []
        self.by_form: dict[str, Org] = {}
        self.of_country: dict[tuple[str, str], Org] = {}  # (country, registry body) -> that country's own body

    def _link(self, org: Org) -> None:
        for f in org.forms():
            self.by_form.setdefault(norm(f), org)
            if org.acronym and f == org.acronym:
                self.by_form.setdefault(f, org)

    def _country_qualified(self, name: str) -> RegistryOrg | None:
        """'Indian Ministry of Defence', "India's Defence Ministry": the registry's body of that country;
        'Chilean Ministry of Defence' stays its own organisation."""
        words = name.split()
        if len(words) < 2:
            return None
        first = self.k.patterns.possessive_end.sub("", words[0])
        country = self.k.countries.get(first)
        if country is None:
            return None
        reg = self.idx.by_form.get(norm(" ".join(words[1:])))
        return reg if reg is not None and reg.country == country else None

    def absorb(self, keep: Org, gone: Org) -> None:
        """Two entries turned out to be one organisation: `gone`'s spellings become `keep`'s."""
        if gone in self.orgs:
            self.orgs.remove(gone)
        keep.aliases |= {f for f in gone.forms() if f != keep.name}
        keep.first = min(keep.first, gone.first)
        for f in gone.forms():
            self.by_form[norm(f)] = keep
            self.by_form[f] = keep

    def find(self, form: str) -> Org | None:
        return self.by_form.get(norm(form))

    def add_bare(self, form: str, reg: RegistryOrg, pos: int) -> Org:
        """"The Army" in a story that never names the registry's country: a body known only by that
        word, of the registry body's kind, not the registry's body."""
        existing = self.find(form)
        if existing is None:
            existing = Org(name=form, org_type=reg.org_type, bare=True)
            self.orgs.append(existing)
        existing.first = min(existing.first, pos)
        self._link(existing)
        return existing

    def _of_another_country(self, name: str) -> tuple[str, str] | None:
        """"Israel's defence ministry", "Israel Ministry of Defense": a country's own body of a kind the registry
        holds for another country, as (country, registry body)."""
        words = name.split()
        firsts = first_words_of_countries(self.k)
        if not words or not (words[0] in firsts or words[0][:-2] in firsts or words[0][:-1] in firsts):
            return None  # most names open with no country: no spelling of one is tried
        n = country_words(words, self.k)
        if not n or len(words) <= n:
            return None
        country = self.k.countries.get(self.k.patterns.possessive_end.sub("", " ".join(words[:n])))
        reg = next((r for r in (self.idx.by_form.get(norm(v)) for v in _spellings(" ".join(words[n:]), self.k)) if r),
                   None)  # "Ministry of Defense" is the registry's "Ministry of Defence" kind too
        return (country, reg.name) if country and reg is not None and reg.country != country else None

    def _registry_company_with_legal_form(self, name: str) -> RegistryOrg | None:
        """"Vexlar Defence & Aerospace AS": a company the registry knows, written with its legal form."""
        words = name.split()
        cut = len(words)
        while cut > 1 and words[cut - 1].rstrip(".") in self.k.words.name_ending_legal_forms:
            cut -= 1
        reg = self.idx.by_form.get(norm(" ".join(words[:cut]))) if cut < len(words) else None
        return reg if reg is not None and reg.org_type == "company" else None

    def add(self, name: str, acronym: str | None = None, pos: int = 0, surface: str | None = None) -> Org:
        reg = (self.idx.by_form.get(norm(name)) or (self.idx.case_forms.get(acronym) if acronym else None)
               or self._registry_company_with_legal_form(name))
        if reg is None:
            reg = self._country_qualified(name)
        kind_of_country = self._of_another_country(name) if reg is None else None
        existing = self.find(name) or (self.find(acronym) if acronym else None) or (
            self.of_country.get(kind_of_country) if kind_of_country else None)
        if reg is not None:
            existing = existing or self.find(reg.name)
            if existing is None:
                existing = _from_registry(reg)
                self.orgs.append(existing)
        if existing is None:
            words = name.split()
            kind = self.idx.by_form.get(norm(kind_of_country[1])) if kind_of_country else None
            existing = Org(name=name, acronym=acronym,
                           org_type=_head_type(words, self.k) or (kind.org_type if kind else None),
                           country=_country_of(words, self.k) or (kind_of_country[0] if kind_of_country else None))
            self.orgs.append(existing)
        else:
            if acronym and not existing.acronym:
                existing.acronym = acronym
            if norm(name) != norm(existing.name) and name != existing.acronym:
                # Prefer the longer full name the text gives over a bare acronym.
                # and the capitalised official name over a lower-case description ("Norway's defence ministry").
                if existing.name == existing.acronym or (not existing.registry and len(name) > len(existing.name)
                                                          and existing.name.isupper()) or (
                        not existing.registry and _written_lower(existing.name, self.k)
                        and not _written_lower(name, self.k)):
                    existing.aliases.add(existing.name)
                    existing.name = name
                else:
                    existing.aliases.add(name)
        if surface and surface not in (existing.name, existing.acronym):
            existing.aliases.add(surface)
        existing.first = min(existing.first, pos)
        if kind_of_country:
            self.of_country.setdefault(kind_of_country, existing)
        self._link(existing)
        return existing


def find_organisations(text: str, k: Knowledge, sentences: list[Sentence] | None = None,
                       runs: list[Run] | None = None, transfers: list[TransferItem] | None = None) -> list[Org]:
    """Every organisation the text names, with its mention count; ordered by first mention.
    With the sentences, also the names that only their part in an agreement shows to be bodies
    (`transfers`: the transfer-list layer, read from the sentences when not given)."""
    b = _Builder(k)
    idx = b.idx
    # 1. "Full Name (ACR)" definitions learnt from the text.
    runs = capitalised_runs(text, k) if runs is None else runs
    for r, run in enumerate(runs):
        start = 0
        for i, tok in enumerate(run.tokens):
            if not tok.text.startswith("("):
                continue
            words = [t.text for t in run.tokens[start:i]]
            acr = tok.text[1:-1].strip()
            if start == 0 and r > 0:
                words = _across_commas(text, runs[r - 1], run, words, acr, k)
            start = i + 1
            if not words and i == 0:
                # "Orion Naval University campus (ONU)": one lower-case word between name and acronym.
                lead = k.patterns.lead_in.search(text, max(0, tok.start - 160), tok.start)
                words = lead.group(1).split() if lead else []
            if not words or len(acr) < 2 or len(acr) > 15 or (" " in acr and not acr.replace(" ", "").isupper()):
                continue
            _define(b, words, acr, run.tokens[0].start, k)
    # 2. Registry spellings, unless inside a longer name ('Air Force' in 'US Air Force').
    candidates = [c for run in runs for c in candidate_phrases(run, k)]
    phrases = [_clean_phrase([t.text for t in c], k) for c in candidates]
    is_org = [_is_org_phrase(p, k) and not _for_known_body(p, idx, k) for p in phrases]
    heads = title_case_headings(text, k)
    is_org = [ok and not _only_in_a_title_case_heading(text, heads, c, p, idx)
              for c, p, ok in zip(candidates, phrases, is_org, strict=True)]
    longer = [(c[0].start, c[-1].end) for c, p, ok in zip(candidates, phrases, is_org, strict=True)
              if ok and norm(" ".join(p)) not in idx.by_form]
    registry_spans: list[tuple[int, int]] = []  # where registry names stand: no shorter candidate cuts into one
    unknown = frozenset(" ".join(p) for p, ok in zip(phrases, is_org, strict=True)
                        if ok and len(p) > 1 and norm(" ".join(p)) not in idx.by_form)
    for start, end, form in idx.pattern.finditer(text):
        if text[end:end + 2] in ("'t", "'d") or (text[end:end + 1] == "'" and text[end + 1:end + 2].isalpha()
                                                 and text[end + 1:end + 2] != "s"):
            continue
        reg = idx.case_forms.get(form) or idx.case_forms.get(norm(form))
        if reg is None or any(a <= start and end <= e and (a, e) != (start, end) for a, e in longer):
            continue
        if _acronym_read_as_a_word(text, start, form, reg, k):
            continue
        if _inside_role_or_place(text, start, end, k):
            continue
        if _bare_form_of_unnamed_country(text, form, reg, k, unknown):
            if _acts_bare(text, start, end, form, k):
                b.add_bare(form, reg, start)
            continue
        arm = _company_arm(text, form, end, reg, idx, k)
        if arm is not None:  # "Saab Australia", "Leonardo DRS": the company's arm there, or its unit
            org = b.add(f"{form} {arm}", None, start)
            org.org_type, org.country = reg.org_type, k.countries.get(arm, reg.country)
            continue
        abroad = _country_named_after(text, end, reg, k)
        if abroad is not None:  # "MoD Zambia": that country's body of the kind, not the registry's
            org = b.add(f"{form} {abroad}", None, start)
            org.org_type, org.country = reg.org_type, k.countries[abroad]
            continue
        # "Russian defence ministry", "Chile's Defence Ministry": that country's body, not the registry's.
        qualifier = k.patterns.country_qualifier.search(text[max(0, start - 30):start])
        country = _qualifier_in(qualifier.group(1), k.countries) if qualifier else None
        capital = _qualifier_in(qualifier.group(1), k.capitals) if qualifier and qualifier.group(2) else None
        if (qualifier and capital is not None and country is None and k.capitals[capital] != reg.country
                and reg.org_type != "company"):
            # "Seoul's defence ministry": the body of the capital's country, named as written
            org = b.add(f"{capital}{qualifier.group(2)} {form}", None, start - len(qualifier.group()))
            org.org_type, org.country = reg.org_type, k.capitals[capital]
            continue
        if (qualifier and country and k.countries[country] != reg.country
                and reg.org_type != "company"):  # "Germany's Vexlar" is Vexlar, wherever it is based
            b.add(f"{country}{qualifier.group(2) or ''} {form}", None, start)
            continue
        # The spelling as written ('Indian army', 'the defence ministry') is one of its forms.
        b.add(reg.name, reg.acronym, start, surface=form if form in idx.case_forms or " " in form else None)
        registry_spans.append((start, end))
    subject_lists = [m.span(1) for m in k.patterns.subject_list.finditer(text)]
    # 3. Capitalised phrases around an organisation head word; "the Australian Government" is left to the
    # governments component (Government of Australia), as "the Australian government" is.
    for cand, phrase, ok in zip(candidates, phrases, is_org, strict=True):
        bought = _before_what_it_buys(text, cand, k)
        if bought is not cand:
            cand, phrase = bought, _clean_phrase([t.text for t in bought], k)
            ok = _is_org_phrase(phrase, k) and not _for_known_body(phrase, idx, k)
        name = " ".join(phrase)
        if ok and _a_countrys_government(name, k):
            continue
        reg = idx.by_form.get(norm(name)) if ok else None
        if reg and _inside_role_or_place(text, cand[0].start, cand[-1].end, k):
            continue
        if reg and _bare_form_of_unnamed_country(text, name, reg, k, unknown):
            if _acts_bare(text, cand[0].start, cand[-1].end, name, k):
                b.add_bare(name, reg, cand[0].start)
            continue
        # "the German Federal Office of Bundeswehr Equipment, ...": a phrase cut from a longer registry name is
        # none of its own.
        cut_from = any(a < cand[-1].end and cand[0].start < e and e - a > cand[-1].end - cand[0].start
                       for a, e in registry_spans)
        # "areas like Advanced Propulsion, Terahertz Technologies and ...": a subject listed, not a body.
        listed = phrase[-1:] and phrase[-1] in k.weak_org_heads and any(
            a <= cand[0].start < e for a, e in subject_lists)
        if ok and not cut_from and not listed and not _described(text, cand, k):
            b.add(name, None, cand[0].start)
            owner = _owning_body(cand, k)
            if owner is not None and b.find(owner) is None:
                b.add(owner, None, cand[0].start)
    # 4. Institution families: "IIT Kharagpur", "IIT-Jammu" are the Indian Institute of Technology there.
    spelled = list(k.patterns.family_member_spelled.finditer(text))
    for m in [*k.patterns.family_member.finditer(text), *spelled]:
        acr, place = m.group(1), m.group(2)
        if "," in m.group() and place not in k.event_places:
            continue  # "the IIT, Defence Research ...": what follows the comma is no place of the family's
        fam = next(f for f in k.org_families if f[0] == acr)
        org = b.add(f"{fam[1]} {place}", f"{acr} {place}", m.start(), surface=m.group(0))
        org.org_type = org.org_type or fam[2]
        org.country = org.country or fam[3]
    _fold_family_names(text, b, k, spelled)
    # 5. Names introduced as bodies: "Indian company Kestrel Works", "arms maker Norvik", "Norvik, a
    # Pune-based start-up,", "Norvik CEO Karl Berg", "Norvik has appointed X as its ...".
    lex = lexicon(k)
    for cued, at in _cued_names(text, k):
        for part in coordinated_names(cued, k):
            words = _clean_phrase(_without_trailing_role(part.split(), lex, k), k)
            if not words or any(lex.rank_kind(w) for w in words):
                continue
            role_words = _leading_title(words, k)
            if role_words and not _ends_as_body(words[-1], k):
                continue  # "company CEO Arvid Kellner": the company's officer, not a body
            name = " ".join(words[role_words:])
            if (name in k.countries or name in _places(k) or norm(name) in k.not_organisations
                    or (len(words) == 1 and name in k.event_places  # "HAL's Nashik division": a city's site
                        and k.patterns.site_after_city.match(text, text.find(name, at) + len(name)))
                    or all(part in k.countries for part in name.split("-"))):  # "India-France CEO Forum"
                continue
            # Common words only make a body's name when they end in a head word ("Quantum Systems, another
            # drone maker"), whatever subject they name.
            if all(w in lex.vocab for w in words) and not _is_org_phrase(words, k) and not (
                    len(words) >= 2 and words[-1] in k.org_heads):
                continue
            org = b.add(name, None, at)
            # "US company Vexlar", "Norwegian firm Orvik": the country before the kind is the body's.
            of_country = k.patterns.country_before_cue.search(text, max(0, at - 40), at)
            if of_country and org.country is None:
                org.country = k.countries.get(of_country.group(1))
    _airlines(text, b, k)
    _offices_of_officials(text, b, k)
    _legal_form_first(text, b, k)
    _state_governments(text, b, k)
    _lowercase_ministries(text, b, k)
    if sentences is not None:
        # 6. Recipients of transferred technology, partners joined to a known body in a signing.
        for item in transfer_lists(sentences, k) if transfers is None else transfers:
            for name, at in item.recipients:
                b.add(name, None, at)
        _count_mentions(text, b.orgs, k)
        known = [span for o in b.orgs for span in o.spans]
        for name, at in [*coordinated_parties(sentences, known, k), *signing_slot_names(sentences, known, k)]:
            if b.find(name) is None:
                b.add(name, None, at)
        for o in b.orgs:
            o.mentions, o.spans = 0, []
        _split_listed_pairs(b, listed_pairs(sentences, k))
    _extend_listed_names(text, b, k)
    _acronyms_listed_with_bodies(text, b, k)
    _handles(text, b, k)
    _split_joined_pairs(b, k)
    _fold_variants(b, k)
    _fold_unexplained_acronyms(b, k)
    _fold_country_spellings(b, k)
    _without_legal_form(text, b, k)
    _short_forms(text, b.orgs, k)
    _ministries_referred_to(text, b, k)
    _link_parents(text, b, k)
    _count_mentions(text, b.orgs, k)
    _services_of_countries(text, b, k)
    orgs = [o for o in b.orgs if o.mentions > 0 and not _only_as_modifier(text, o, k)]
    _owned_names_bare(orgs, b.idx, k)
    orgs.sort(key=lambda o: o.first)
    return orgs


def _owned_names_bare(orgs: list[Org], idx: OrgIndex, k: Knowledge) -> None:
    """"Vietnam's General Department of Defence Industry" also goes by the name without its country's possessive,
    where no other body or registry entry has that name."""
    taken = {norm(f) for o in orgs for f in o.forms()}
    for o in orgs:
        words = o.name.split()
        owner = country_possessive_words(words, k)
        bare = " ".join(words[owner:])
        if owner and len(words) - owner >= 2 and norm(bare) not in idx.by_form and norm(bare) not in taken:
            o.aliases.add(bare)
            taken.add(norm(bare))


def _only_in_a_title_case_heading(text: str, heads: list[tuple[int, int]], cand: list[Tok], phrase: list[str],
                                  idx: OrgIndex) -> bool:
    """'Vexlar Wins Navy Contract for Radars': in a headline written in title case a run of capitals is no
    body's name unless the registry knows it or the story writes it again."""
    if not heads or not any(a <= cand[0].start < b for a, b in heads):
        return False
    name = " ".join(phrase)
    return norm(name) not in idx.by_form and name not in text[heads[-1][1]:]


def _owning_body(cand: list[Tok], k: Knowledge) -> str | None:
    """"the Department of Defence's Guided Weapons Group": the body named as the owner is a body too (the
    candidate's own name is what it owns)."""
    p = k.patterns
    at = next((i for i, t in enumerate(cand[:-1]) if p.possessive_end.search(t.text)
               and t.text not in k.words.possessives_in_names), None)
    if at is None or at < 1:
        return None
    words = _clean_phrase([*[t.text for t in cand[:at]], p.possessive_end.sub("", cand[at].text)], k)
    if not words or country_possessive_words([cand[at].text], k) or not _is_org_phrase(words, k):
        return None
    return " ".join(words)


def _a_countrys_government(name: str, k: Knowledge) -> bool:
    """"Australian Government", "India's Government": a country's government, written as a capitalised name."""
    m = k.patterns.country_government.fullmatch(name)
    return m is not None and m.group(1) in k.countries


def _airlines(text: str, b: _Builder, k: Knowledge) -> None:
    """"Air India", "Air France": airlines named after their country (words the cleaning of names drops)."""
    if not any(f"{w} " in text for w in k.words.sets["carrier_words"]):
        return  # rare: the pattern is not run over most stories
    for m in k.patterns.carrier_name.finditer(text):
        if m.group(1) in _country_name_forms(k):
            org = b.add(m.group(), None, m.start())
            org.org_type = org.org_type or "company"


def _offices_of_officials(text: str, b: _Builder, k: Knowledge) -> None:
    """"the Office of the Principal Scientific Adviser to the Government of Norway": the office of an official
    is a body, whose name is made of a title (which the cleaning of names would cut)."""
    if "Office of the " not in text:
        return  # rare: the pattern is not run over most stories
    for m in k.patterns.office_of_official.finditer(text):
        words = m.group(1).split()
        while words[-1] in k.words.connectors:
            words = words[:-1]
        if len(words) > 3 and any(w in k.titles for w in words[3:]):
            org = b.add(" ".join(words), None, m.start(1))
            org.org_type = org.org_type or "department"


def _services_of_countries(text: str, b: _Builder, k: Knowledge) -> None:
    """"The navies of India and France": each country's registry service of that kind is named."""
    for m in k.patterns.services_of_countries.finditer(text):
        head = k.words.map("service_plurals").get(" ".join(m.group(1).lower().split()), "")
        for g in (2, 3):
            country = k.countries.get(m.group(g))
            reg = next((o for o in k.organisations if country and o.country == country and o.name.endswith(" " + head)
                        and o.org_type == "armed service"), None) if head and not head.startswith("@") else None
            if reg is not None:
                org = b.add(reg.name, reg.acronym, m.start(g))
                org.mentions = max(org.mentions, 1)  # named by its country, under none of its own names


def _legal_form_first(text: str, b: _Builder, k: Knowledge) -> None:
    """"PT Pindad", "JSC Vexlar Plant": a company named with its legal form in front (Indonesian and Russian
    usage), which no head word shows; a name the registry knows without the form is left to the registry."""
    if not any(f"{w} " in text for w in k.words.sets["name_opening_legal_forms"]):
        return  # rare: the pattern is not run over most stories
    lex = lexicon(k)
    for m in k.patterns.opening_legal_form_name.finditer(text):
        # "PT Vexa President Director Karl Berg": the name ends before a role's title.
        words = list(itertools.takewhile(lambda w: not lex.is_title_word(w), m.group().split()))
        if len(words) < 2 or norm(" ".join(words[1:])) in b.idx.by_form:
            continue
        name = " ".join(words)
        org = b.find(name) or b.add(name, None, m.start())
        org.org_type = org.org_type or "company"


def _state_governments(text: str, b: _Builder, k: Knowledge) -> None:
    """"the Kerala government": a state's government, named as the text names it (a country's government is
    the pipeline's `governments` component's)."""
    for m in government_mentions(text, k):
        if m.group(1) in k.regions:
            org = b.add(text[m.start(1):m.end()], None, m.start(1))
            org.org_type, org.country = org.org_type or "government", org.country or k.regions[m.group(1)]


def _lowercase_ministries(text: str, b: _Builder, k: Knowledge) -> None:
    """"the Norwegian foreign ministry", "the external affairs ministry": a ministry news names in lower case,
    which no capitalised run holds. Named as written; a registry ministry of that subject and country
    ("Ministry of External Affairs") takes the spelling as one of its forms instead."""
    if "ministry" not in text:
        return  # most stories write no lower-case ministry: the pattern is not run over them
    for m in k.patterns.lowercase_ministry.finditer(text):
        # "The Polish": the sentence's article before the country's word is no part of the name.
        before = _qualifier_in(m["owner"], k.countries) if m["owner"] else None
        country = k.countries.get(before or m["of"] or "")
        if m["owner"] and country is None and text.startswith(("'", "’"), m.end("owner")):
            before = _qualifier_in(m["owner"], k.capitals)  # "Moscow's foreign ministry": Russia's
            country = k.capitals[before] if before else None
        start = m.end("owner") - len(before) if before else m.start("subject")
        name = text[start:m.end() if country and m["of"] else m.end("ministry")]
        subject = m["subject"].lower()
        if norm(f"{subject} ministry") in b.idx.by_form:
            continue  # "the defence ministry", "Chile's defence ministry": the registry's names read those
        reg = b.idx.by_form.get(norm(f"ministry of {subject}"))
        if reg is not None and reg.org_type == "ministry" and country in (None, reg.country):
            b.add(reg.name, reg.acronym, start, surface=name)
            continue
        org = b.find(name) or b.add(name, None, start)
        org.org_type, org.country = org.org_type or "ministry", org.country or country


def _ministries_referred_to(text: str, b: _Builder, k: Knowledge) -> None:
    """"Vexa signed an MoU with Chile's Ministry of Defence Industry ... a letter of intent with the Chilean
    ministry": the story's only ministry of that country, named again by its country alone."""
    if " ministry" not in text:
        return
    for m in k.patterns.country_ministry_referred.finditer(text):
        country = k.countries.get(m["country"])
        ministries = [o for o in b.orgs if o.org_type == "ministry" and o.country == country] if country else []
        if len(ministries) == 1 and b.find(m["form"]) is None:
            ministries[0].aliases.add(m["form"])
            b.by_form[norm(m["form"])] = ministries[0]


def government_mentions(text: str, k: Knowledge, reach: int = 80) -> Iterator[re.Match[str]]:
    """The country_government pattern's matches ("the Chilean government", "the Kerala government"), searched
    only around each "overnment" (a long pattern over a whole story costs more than a few short windows)."""
    word = "overnment"
    at = text.find(word)
    while at >= 0:
        # The window runs on past the word: the pattern looks ahead ("government officials" is no actor).
        m = k.patterns.country_government.search(text, max(0, at - reach), at + len(word) + reach)
        if m is not None and m.end() == at + len(word):
            yield m
        at = text.find(word, at + 1)


def _company_arm(text: str, form: str, end: int, reg: RegistryOrg, idx: OrgIndex, k: Knowledge) -> str | None:
    """The words after a registry company's name that name an arm of it: a division ("Airbus Defence and
    Space"), a country ("Saab Australia") or region, both ("Thales Defence Australia") or an acronym that is no title
    and no other body ("Leonardo DRS"; not "Vexlar CEO", not "HAL BEL")."""
    if reg.org_type != "company":
        return None
    division = k.patterns.division_after.match(text, end)
    if division is not None:
        # "Airbus Defence and Space", unless the registry knows that division as the company itself (then
        # "Airbus Defence" is its short form).
        short = norm(f"{form} {division.group(1)}")
        known = any(norm(f).startswith(short) for f in (reg.name, *reg.aliases))
        return None if known else division.group(1)
    nxt = k.patterns.next_word.match(text, end)
    if nxt is None:
        return None
    word = nxt.group(1)
    there = k.patterns.next_word.match(text, nxt.end()) if word in k.words.division_words else None
    if there is not None and there.group(1) in _country_name_forms(k):
        return f"{word} {there.group(1)}"  # "Vexlar Defence Australia": its division in that country
    acronym = (word.isupper() and word.isalpha() and 2 <= len(word) <= 5 and not lexicon(k).is_title_word(word)
               and norm(word) not in idx.by_form and word not in k.words.name_ending_legal_forms)
    # "BAE Systems Bofors for 18 systems": one name-like word of no dictionary, ending the run, is its unit
    # (two would be a person: "BAE Systems Ian King").
    unit = (word.isalpha() and word[:1].isupper() and not word.isupper() and word not in lexicon(k).vocab
            and word not in _places(k) and norm(word) not in idx.by_form
            and k.patterns.lower_word_after.match(text, nxt.end()) is not None)
    region = word in k.words.sets["world_regions"]  # "Vexlar Europe", "Vexlar Asia": its arm for a region
    return word if word in _country_name_forms(k) or acronym or unit or region else None


def _country_named_after(text: str, end: int, reg: RegistryOrg, k: Knowledge) -> str | None:
    """"MoD Zambia", "Ministry of Defence Ghana": a country named right after a government body of another
    country's registry (a company's country is its arm's: `_company_arm`); the country's word, else None."""
    if reg.org_type == "company" or reg.country is None:
        return None
    nxt = k.patterns.next_word.match(text, end)
    word = nxt.group(1) if nxt is not None else None
    if word is None or word not in _country_name_forms(k) or k.countries.get(word) in (None, reg.country):
        return None
    return word


@functools.lru_cache(maxsize=4)
def _country_name_forms(k: Knowledge) -> frozenset[str]:
    return frozenset(f for forms in k.country_names.values() for f in forms)


def _cued_names(text: str, k: Knowledge) -> Iterator[tuple[str, int]]:
    """Phrases the text introduces as bodies, with where they start: after a kind ("arms maker Norvik"),
    described by an apposition, a clause of what it makes ("Norvik, which makes radars,") or where they are
    based, or before a company officer's title ("Norvik CEO
    Karl Berg": found from the title, the rarer word, looking back)."""
    p = k.patterns
    appoints = any(v in text for v in k.words.sets["appointing_verbs"])  # rare: the pattern is not run otherwise
    for rx in (p.org_cue_name, p.org_apposition, p.org_part_of, p.org_whole_of_part, p.org_place_based,
               p.org_maker_clause, p.org_named_by_role,
               p.org_after_company_title, *([p.org_appointing] if appoints else [])):
        for m in rx.finditer(text):
            yield m.group(1).split("\n")[0].rstrip(), m.start(1)  # a headline's name ends with its line
    for m in p.org_examples.finditer(text):  # "companies, including A, B and C": each of them
        pos = m.start(1)
        for name in p.example_split.split(m.group(1)):
            pos = text.find(name, pos)
            yield name.removeprefix("the "), pos
            pos += len(name)
    if not any(title in text for title in k.words.sets["company_titles"]):
        return  # most stories name no company officer: the pattern is not run over them
    for m in p.company_title_after.finditer(text):
        lo = max(0, m.start() - 80)
        name = p.name_before_title.search(text, lo, m.start())
        if name:
            yield name.group(1), name.start(1)


def _without_trailing_role(words: list[str], lex: Lexicon, k: Knowledge) -> list[str]:
    """"arms maker Norvik Defence Minister": a role after the name is not part of it (with the words that
    qualify it); dictionary words with no role after them are ("drone maker Nordic Air Defence")."""
    cut = next((i for i, w in enumerate(words) if i > 0 and lex.is_title_word(w) and w not in k.org_heads), None)
    role = cut is not None
    words = words[:cut] if role else words
    while words:
        w = words[-1]
        if not (w in k.words.connectors or w in MONTHS or w in DAYS or w in k.countries
                or (role and w in lex.vocab and w not in k.org_heads)):
            break
        words = words[:-1]
    return words


def _inside_role_or_place(text: str, start: int, end: int, k: Knowledge) -> bool:
    """"Chief of Army Staff", "Air Force Station Hindan": a service's name inside a role's or a base's name
    is not the service named as an actor."""
    role = k.patterns.role_of_before.search(text, max(0, start - 40), start)
    if role is not None and role.group(1) in k.words.offices_of_a_service and k.patterns.service_name.fullmatch(
            text, start, end):
        return True  # "US Secretary of the Air Force Frank Kendall" (not "Secretary of the Ministry of Defence")
    after = k.patterns.word_after.match(text, end, min(len(text), end + 30))
    if after is None:
        return False
    if after.group(1) in k.words.installation_words:
        return True
    lex = lexicon(k)
    return role is not None and lex.is_title_word(role.group(1)) and (
        lex.is_title_word(after.group(1)) or after.group(1) in k.title_words)


def _acts_bare(text: str, start: int, end: int, form: str, k: Knowledge) -> bool:
    """"The Army has awarded ...": a service known only by its bare name acts in the story (the article
    before it, a verb's lower-case word after it), where no body named with it ("US Navy", "Royal
    Australian Navy") is what the short form stands for. A name of several words ("the Department of
    Defense's unit") needs only its article."""
    if not k.patterns.definite_article_end.search(text, max(0, start - 5), start):
        return False
    after = k.patterns.lower_word_after.match(text, end)
    if " " not in form and (after is None or lexicon(k).is_title_word(after.group(1).capitalize())):
        return False
    qualified = (k.patterns.capital_word_before.search(text, max(0, at - 30), at) for at in _occurrences(text, form))
    return not any(m and m.group(1) not in k.words.definite_articles for m in qualified)


def _occurrences(text: str, form: str) -> Iterator[int]:
    at = text.find(form)
    while at >= 0:
        yield at
        at = text.find(form, at + 1)


def _bare_form_of_unnamed_country(text: str, form: str, reg: RegistryOrg, k: Knowledge,
                                  others: frozenset[str] = frozenset()) -> bool:
    """'the Air Force' in a story that never names Ruritania is not the Ruritanian Air Force: a registry body
    named '<Demonym> <form>' is what the bare form means only in a story that names its country, and that names
    no other body of that name (`others`: "the Vexlar Army ... an Army official")."""
    another = any(o.endswith(" " + form) for o in others)
    # "the Norland Ministry of Defence ... at the Ministry of Defence", "Norland's Defence Ministry ... Defence Ministry
    # officials": a registry body known by the generic name of its kind (or an alias) is that other body where the
    # story names one so and never the registry's country.
    reworded = norm(form) in map(norm, reg.aliases) and not reg.name.lower().endswith(" " + form.lower())
    generic = bool(reg.country) and (norm(reg.name) == norm(form) or reworded) and another
    if not generic and (not reg.country or not reg.name.lower().endswith(" " + form.lower())):
        return False
    if another and not generic:
        return True
    # "Pune, June 5 (PTI): The Navy signed ...": the dateline's city names the story's country.
    if dateline_country(text, k) == reg.country:
        return False
    return not any(whole_word_count(text, f) for f in _forms_of_country(k, reg.country))


def dateline_country(text: str, k: Knowledge) -> str | None:
    """The country of the city a dateline among the story's first lines opens with."""
    for line in text.lstrip().split("\n", 6)[:6]:
        dateline = k.patterns.dateline.match(line.strip())
        if dateline:
            city = leading_city(dateline.group(), k)
            return k.city_countries.get(city) if city else None
        undated = k.patterns.undated_dateline.match(line.strip())  # "NEW DELHI:", "ROME —", "MANILA - "
        city = leading_city(undated.group(1), k) if undated else None
        if city:
            return k.city_countries.get(city)
    return None


def leading_city(line: str, k: Knowledge) -> str | None:
    """The city a dateline opens with ("New Delhi, April 10 (PTI):" -> "New Delhi"), if the gazetteer knows it."""
    head = line.split(",", 1)[0].strip()
    for form in (head, head.title()):
        if form in k.city_countries:
            return form
    return None


@functools.lru_cache(maxsize=64)
def _forms_of_country(k: Knowledge, country: str) -> tuple[str, ...]:
    return tuple(f for f, c in k.countries.items() if c == country)


@functools.lru_cache(maxsize=4)
def _product_words(k: Knowledge) -> frozenset[str]:
    """The one-word things of the domains' words ("jets", "submarines", "radars"): what a count counts."""
    return frozenset(s for d in k.domains for s in d.synonyms if " " not in s and s.islower())


def _before_what_it_buys(text: str, cand: list[Tok], k: Knowledge) -> list[Tok]:
    """'an order from the Vexlar Materiel Agency for Carl-Gustaf ammunition': the capitalised words after "for"
    name the product a lower-case product word then says, not the rest of the body's name."""
    at = next((i for i, t in enumerate(cand) if t.text == "for"), None)
    if at is None or at < 2:
        return cand
    products = _product_words(k)
    # "for the Hurjet jet trainer", "for the Nagastra loitering munition": a product word in the singular or
    # plural, among the (up to three) lower-case words after the capitalised ones
    end = cand[-1].end
    for _ in range(3):
        after = k.patterns.lower_word_after.match(text, end)
        if after is None:
            return cand
        if {after.group(1), after.group(1) + "s"} & products:
            return cand[:at]
        end = after.end()
    return cand


def _described(text: str, cand: list[Tok], k: Knowledge) -> bool:
    """'a Government of India Enterprise', 'an Autonomous Body': a description, not a name; nor is what is
    counted ('26 Rafale Marine jets': a product)."""
    before = text[max(0, cand[0].start - 4):cand[0].start].split()[-1:]
    after = k.patterns.lower_word_after.match(text, cand[-1].end)
    counted = bool(after and (after.group(1) in _product_words(k) or after.group(1) in
                              k.words.words_after_a_counted_name)
                   and k.patterns.count_before.search(text, max(0, cand[0].start - 12), cand[0].start))
    # "A Norland Navy delegation", "a Vexa Labs team": the name qualifies a noun of its own people or things.
    qualifies = bool(after and after.group(1) in k.words.nouns_a_body_qualifies)
    articled = cand[0].text in k.words.indefinite_articles or bool(before and before[0] in k.words.indefinite_articles)
    # "BDL is the country's sole Defence Public Sector Company": what the subject is, not a name.
    predicate = bool(k.patterns.predicate_description.search(text, max(0, cand[0].start - 60), cand[0].start))
    # "the Rafale Marine programme": a weak head before a programme's noun names a product.
    programme = bool(after and after.group(1) in k.words.programme_nouns and cand[-1].text in k.weak_org_heads
                     and norm(" ".join(t.text for t in cand)) not in _index(k).by_form)
    return (articled and not qualifies) or counted or predicate or programme


def _across_commas(text: str, prev: Run, run: Run, words: list[str], acr: str, k: Knowledge) -> list[str]:
    """"Ministry of Ports, Shipping and Waterways (MoPSW)": where the acronym reads more of its letters from
    the run before the comma too, the name goes on across it (the comma kept on the word before it)."""
    if not k.patterns.comma_between_runs.fullmatch(text, prev.end, run.start) or " ".join(words) in k.event_places:
        return words  # "Indian Institute of Technology, Jammu (IITJ)": a place set off, the family's rule
    before = [t.text for t in prev.tokens]
    joined = [*before[:-1], before[-1] + ",", *words]

    def best(ws: list[str]) -> int:  # the most letters any tail of the words reads
        return max((initials_hits(acr, ws[i:], k.words.connectors)[0] for i in range(len(ws))), default=0)

    hits = best(joined)
    return joined if hits > best(words) and hits == sum(c.isupper() for c in acr) else words


def _define(b: _Builder, words: list[str], acr: str, pos: int, k: Knowledge) -> None:
    """The full name is the shortest tail of the phrase whose initials spell most of the acronym:
    'Orion Helicopter Engines and Hindustan Aeronautics Limited (HAL)' defines HAL as the last three words."""
    idx = b.idx
    best: tuple[int, list[str], bool] | None = None  # letters read, the name, read by syllables
    for i in range(len(words) - 1, -1, -1):
        tail = _clean_phrase(words[i:], k)
        by_syllables = bool(tail) and syllables_spell(acr, tail, k.words.connectors)
        if by_syllables:
            hits = len(acr)  # "Nordic Defence Cooperation (NORDEFCO)": every letter read
        elif tail and initials_match(acr, tail, k.words.connectors):
            hits = initials_hits(acr, tail, k.words.connectors)[0]
        else:
            continue
        if best is None or hits > best[0]:
            best = (hits, tail, by_syllables)
    if best is not None:
        name = " ".join(best[1])
        # A name its text defines an acronym for needs only a head word, weak ones anywhere ("Federal Office of X").
        # An acronym of syllables ("NORDEFCO", "CENTCOM") is what bodies are called; documents and schemes are
        # known by initials. Weapons are named so too ("Vexa Missile System (VEMIS)"): not a name of one.
        syllabic = best[2] and not any(w.lower() in _product_words(k) or w in k.weak_org_heads for w in best[1])
        if (acr in idx.case_forms or norm(name) in idx.by_form or _is_org_phrase(best[1], k)
                or _venture_of_known_companies(best[1], acr, idx, k) or syllabic
                or (any(w.rstrip(",") in k.org_heads for w in best[1])
                    and not k.patterns.not_organisation_word.search(name) and norm(name) not in k.not_organisations)):
            b.add(name, acr, pos)
        return
    reg = idx.case_forms.get(acr)
    if reg is not None and (acr == reg.acronym or acr.isupper()):
        # "Director General Procurement (Navy)": a bracketed short name ("Navy") is a field, not a body's
        # acronym; which navy is the text's to say.
        b.add(reg.name, acr, pos)
        return
    # "Türkiye's Presidency of Defence Industries (SSB)": an acronym of the name in its own language, right
    # after a whole body's name.
    clean = _clean_phrase(words, k)
    clean = clean[country_possessive_words(clean, k):]
    if (acr.isalpha() and acr.isupper() and 2 <= len(acr) <= 6 and 2 <= len(clean) <= 8
            and acr[0] != clean[0][0]  # another language's initials, not a short form of these words
            and (norm(" ".join(clean)) in idx.by_form or _is_org_phrase(clean, k))):
        b.add(" ".join(clean), acr, pos)


def _venture_of_known_companies(words: list[str], acr: str, idx: OrgIndex, k: Knowledge) -> bool:
    """"Leonardo Rheinmetall Military Vehicles (LRMV)", "Thales Reliance Defence Systems (TRDS)": a name its
    acronym spells word by word that opens with a known company's name is a company (a venture or an arm)."""
    content = [w for w in words if w.lower() not in k.words.connectors]
    if len(content) < 3 or initials_hits(acr, words, k.words.connectors) != (len(content), len(content)):
        return False
    reg = idx.by_form.get(norm(words[0]))
    return reg is not None and reg.org_type == "company"


def _fold_family_names(text: str, b: _Builder, k: Knowledge, spelled: list[re.Match[str]]) -> None:
    """'The Indian Institute of Technology, Jammu' or 'the IIT' in a story about one IIT is that institute:
    a family's bare name folds into its only member the article names; and a bare name written only as part of
    'the Indian Institute of Technology (IIT) Delhi' folds into that member, however many the story names."""
    for acr, full, _, _ in k.org_families:
        members = [o for o in b.orgs if o.acronym and o.acronym.startswith(acr + " ")]
        written = [m for m in spelled if m.group(1) == acr]
        if len(members) != 1 and not (written and text.count(full) == len(written)):
            continue
        member = members[0] if len(members) == 1 else b.find(f"{full} {written[0].group(2)}")
        if member is None:
            continue
        for bare in [o for o in b.orgs if o is not member and norm(o.name) in (norm(full), norm(acr))]:
            b.absorb(member, bare)


def _only_title_words(words: list[str], k: Knowledge) -> bool:
    """'First Assistant Secretary', 'Joint Secretary': a title's words and their modifiers only."""
    lex = lexicon(k)
    return any(lex.is_title_word(w) for w in words) and all(
        lex.is_title_word(w) or w in k.words.title_modifiers for w in words)


def _extend_listed_names(text: str, b: _Builder, k: Knowledge) -> None:
    """'Ministry of Ports, Shipping and Waterways', 'Agency for Science, Technology and Research': a body named
    after a list of subjects keeps the whole list, which the comma would otherwise cut. Only where every item is plain
    capitalised words: no body, country or head word of its own ('Ministry of Defence, Indian Navy and
    DRDO' is three bodies)."""
    for o in list(b.orgs):
        words = o.name.split()
        head = next((h for h in range(min(3, len(words) - 1)) if words[h] in k.words.listing_heads
                     and words[h + 1] in k.words.name_joining_prepositions), None)  # "Norland Agency for"
        if o.registry or len(words) < 3 or head is None:
            continue
        i = text.find(o.name)
        m = k.patterns.listed_subjects.match(text, i + len(o.name)) if i >= 0 else None
        if m is None:
            continue
        items = [x for x in k.patterns.listed_subject.findall(m.group())]
        if any(norm(x) in b.idx.by_form or x in k.countries or b.find(x) or any(w in k.org_heads for w in x.split())
               or _titled_person(x.split(), k) or x.split()[0] in k.honorifics for x in items):
            continue  # "... and General Ramon Vidal", "..., and Mr. Karl Berg": a person
        if _a_persons_name(items[-1].split(), k) and _title_follows(text, m.end(), k):
            continue  # "..., and Carla Ruiz, Chilean undersecretary of defence": a person, with the title after
        if any(_only_title_words(x.split(), k) for x in items):
            continue  # "Ministry of Defence and First Assistant Secretary X": another person's title
        full = o.name + m.group().rstrip()
        words_full = full.split()
        same = b.find(" ".join(words_full[country_possessive_words(words_full, k):]))
        if same is not None and same is not o:
            b.absorb(same, o)  # "Germany's Federal Office of X, Y and Z (ABC)": the body its acronym defined
            continue
        o.aliases.add(o.name)
        b.by_form.pop(norm(o.name), None)
        o.name = full
        b.by_form[norm(full)] = o


def _acronyms_listed_with_bodies(text: str, b: _Builder, k: Knowledge) -> None:
    """"representatives of the Chilean Navy, ENAER and ASMAR": acronyms of three to six capitals listed with a
    body the story names are bodies too (no title, dictionary word or place), however many follow one another."""
    lex = lexicon(k)

    def a_body(word: str) -> bool:
        # not a short form of a body already named ("IMU" of "IMU-V")
        shortened = any(f.startswith((f"{word}-", f"{word} ")) for o in b.orgs for f in o.forms())
        return not (lex.is_title_word(word) or word.lower() in lex.vocab or word in k.countries or shortened
                    or word in _places(k) or norm(word) in k.not_organisations)

    todo = [(a, e) for o in list(b.orgs) for f in o.forms() for a in _occurrences(text, f) for e in [a + len(f)]]
    seen: set[int] = set()
    while todo:
        a, e = todo.pop()
        for m in (k.patterns.acronym_listed_after.match(text, e),
                  k.patterns.acronym_listed_before.search(text, max(0, a - 20), a)):
            if m is None or m.start(1) in seen or not a_body(m.group(1)):
                continue
            seen.add(m.start(1))
            if b.find(m.group(1)) is None:
                b.add(m.group(1), None, m.start(1))
            todo.append(m.span(1))


def _title_follows(text: str, at: int, k: Knowledge, reach: int = 4) -> bool:
    """A comma, then a title within the next few words (", Chilean undersecretary of defence"): the words
    before were a person's name, apposed to their office."""
    if text[at:at + 1] != ",":
        return False
    lex = lexicon(k)
    return any(lex.is_title_word(w.capitalize()) for w in text[at + 1:at + 120].split()[:reach])


def _without_legal_form(text: str, b: _Builder, k: Knowledge) -> None:
    """"Vexlar Robotics AS" written elsewhere as "Vexlar Robotics" ("CEO of Vexlar Robotics"), "PT Vexa
    Industri" as "Vexa Industri": the name without its legal form, where the text uses it, is one of the
    company's forms."""
    forms, opening = k.words.name_ending_legal_forms, k.words.name_opening_legal_forms
    for o in b.orgs:
        words = o.name.split()
        start, cut = 0, len(words)
        while cut > 1 and words[cut - 1].rstrip(".") in forms:
            cut -= 1
        while start < cut - 1 and words[start] in opening:
            start += 1
        short = " ".join(words[start:cut]).rstrip(",")
        kept = cut - start
        if kept == len(words) or (kept < 2 and short in lexicon(k).vocab):
            continue
        found = b.find(short)
        if found is not None and found is not o and found in b.orgs and not found.registry and found.name == short:
            b.absorb(o, found)  # "Vexlar Sensores Ltda" and, read on its own before, "Vexlar Sensores'"
        elif found is None and next(_occurrences(text, short), None) is not None:
            o.aliases.add(short)
            b.by_form[norm(short)] = o


def _split_listed_pairs(b: _Builder, pairs: set[tuple[str, str]]) -> None:
    """'with Vexora, Dravik and Quindar Labs': 'Dravik and Quindar Labs' is two parties of a list, not one
    body's name (the list's commas say so)."""
    for left, right in pairs:
        joined = next((o for o in b.orgs if not o.registry and o.name in (f"{left} and {right}",
                                                                        f"{left} & {right}")), None)
        if joined is None:
            continue
        b.orgs.remove(joined)
        b.by_form = {f: o for f, o in b.by_form.items() if o is not joined}
        b.add(left, None, joined.first)
        b.add(right, None, joined.first + len(left) + 5)


def _fold_variants(b: _Builder, k: Knowledge) -> None:
    """'Nimbus' beside 'Nimbus Launch Systems Pvt Ltd', 'Space Dept' beside 'Department of Space': the short or
    inverted spelling is the same body (when only one body of the article fits)."""
    joint = _named_after_two_bodies(b.orgs, k)
    for o in list(b.orgs):
        if o.registry or o not in b.orgs:
            continue
        # "Germany's Federal Office" beside "Federal Office of Bundeswehr Equipment ...": the country's own.
        owner = country_possessive_words(o.name.split(), k)
        words = norm(" ".join(o.name.split()[owner:])).split()
        # "South Korea's Agency for Defense Development (ADD)": the acronym names the body without its country.
        defined = [x for x in b.orgs if owner and x is not o and x.acronym and norm(x.name).split() == words
                   and x.country in (None, o.country)]
        if len(defined) == 1:
            if defined[0].country is None:
                defined[0].country = o.country
            b.absorb(defined[0], o)
            continue
        longer = [x for x in b.orgs if x is not o and norm(x.name).split()[:len(words)] == words
                  and len(norm(x.name).split()) > len(words) and (not owner or x.country == o.country)
                  and x not in joint]
        # "Hanwha" beside "Hanwha Aerospace" and "Hanwha Aerospace Europe": the body, not its arm named after it.
        longer = [x for x in longer if not any(y is not x and x.name.startswith(y.name + " ") for y in longer)]
        # "X of Australia" and "X": one body, named with and without its country.
        of_country = [x for x in longer if x.name.startswith(o.name + " of ")
                      and k.patterns.capitalised_words.fullmatch(x.name[len(o.name) + 4:])]
        # "Israel's defense ministry" and "Israel's Ministry of Defense": the inverted spelling, of one country.
        m = k.patterns.inverted_body.match(" ".join(o.name.split()[owner:]))
        if m:
            head = k.words.map("head_spellings").get(m.group("head"), m.group("head"))
            spelled = norm(f"{head} of {m.group('w')}")
            longer += [x for x in b.orgs if x is not o and (not owner or x.country == o.country)
                       and norm(" ".join(x.name.split()[country_words(x.name.split(), k):])) == spelled]
        if len(longer) == 1 and (m or owner or len(words) == 1 or longer[0].org_type == "company" or of_country):
            b.absorb(longer[0], o)
            continue
        # "the Finnish Border Guard" and "the Border Guard said": the body without its country's adjective (or,
        # for a kind the registry holds bare, "the Norland Ministry of Defence" and "at the Ministry of Defence").
        # So is "the Joint Committee" beside "the Norway-Chile Joint Committee" (the body of the two countries), and
        # "the Port Authority" beside "the Bergen Port Authority" (of a place).
        of_a_country = [x for x in b.orgs if x is not o and x.name.endswith(" " + o.name)
                        and (x.name[:-len(o.name) - 1] in k.countries or x.name[:-len(o.name) - 1] in k.event_places
                             or _two_countries(x.name[:-len(o.name) - 1], k)
                             or (o.bare and k.patterns.capitalised_words.fullmatch(x.name[:-len(o.name) - 1])))]
        if len(of_a_country) == 1:
            b.absorb(of_a_country[0], o)


def _fold_unexplained_acronyms(b: _Builder, k: Knowledge) -> None:
    """"Vexlar Heavy Industries ... VHI president Karl Berg", "HD Vexlar Heavy Industries ... HD VHI": capitals the
    text never spells out, whose letters are the initials of one body's words (after a first word they share),
    are that body's acronym."""
    for o in list(b.orgs):
        words = o.name.split()
        if o.registry or not 1 <= len(words) <= 2 or not all(w.isalpha() and w.isupper() for w in words):
            continue
        spelled = [x for x in b.orgs if x is not o and _spells_initials(words, x.name, k)]
        if len(spelled) == 1:
            spelled[0].acronym = spelled[0].acronym or o.name
            b.absorb(spelled[0], o)


def _spells_initials(acronym: list[str], name: str, k: Knowledge) -> bool:
    """Every letter of the acronym's last word is the initial of one word of the name, in order (its
    connectors and legal form aside), after the acronym's other word, which opens the name."""
    words = k.patterns.legal_suffix.sub("", name).split()
    if len(acronym) == 2:
        if words[:1] != acronym[:1]:
            return False
        words = words[1:]
    content = [w for w in words if w.lower() not in k.words.connectors]
    return len(content) >= 2 and initials_hits(acronym[-1], words, k.words.connectors) == (len(content), len(content))


def _two_countries(words: str, k: Knowledge) -> bool:
    """"Norway-Chile", "Indo-Japan": two countries joined by a hyphen."""
    pair = k.patterns.country_pair.fullmatch(words)
    return pair is not None and all(k.countries.get(w) for w in pair.groups())


def _split_joined_pairs(b: _Builder, k: Knowledge) -> None:
    """"Vexa Defence and Orvik Shipyards sign pact": two bodies the story names in full ("Vexa Defence AS",
    "Orvik Shipyards S.A."), not one body whose name has "and" in it."""
    for o in list(b.orgs):
        left, joint, right = o.name.partition(" and ")
        if o.registry or not joint:
            continue
        sides = [next((x for x in b.orgs if x is not o and (x.name == part or x.name.startswith(part + " "))), None)
                 for part in (left, right)]
        if all(sides):
            b.orgs.remove(o)


def _fold_country_spellings(b: _Builder, k: Knowledge) -> None:
    """"the Nigerian Ministry of Defence" and "the Ministry of Defence of Nigeria": one body, its country written
    before its name or after it."""
    for o in list(b.orgs):
        words = o.name.split()
        n = country_words(words, k)
        if o not in b.orgs or not n or n >= len(words):
            continue
        country = k.countries[k.patterns.possessive_end.sub("", " ".join(words[:n]))]
        rest = " ".join(words[n:]) + " of "
        for x in [x for x in b.orgs if x is not o and x.name.startswith(rest)]:
            tail = x.name[len(rest):]
            tail = tail[4:] if tail.startswith("the ") else tail
            if k.countries.get(tail) == country:
                keep, gone = (o, x) if o.first <= x.first else (x, o)
                b.absorb(keep, gone)
                break


def _handles(text: str, b: _Builder, k: Knowledge) -> None:
    """'@NorvikSystemsInc', '#MinistryOfDefence': a handle or tag spelling a known organisation's name is a
    mention of it (the handle becomes one of its spellings)."""
    for m in k.patterns.handle.finditer(text):
        words = k.patterns.camel_case_word.findall(m.group(1))
        name = " ".join(words)
        for candidate in (name, k.patterns.legal_suffix.sub("", name), " ".join(words[:-1])):
            if not candidate:
                continue
            org = b.find(candidate)
            reg = b.idx.by_form.get(norm(candidate))
            if org is None and reg is not None:
                org = b.find(reg.name)
            if org is None and len(candidate.split()) >= 2:
                # '@NorvikDefence' for 'Norvik Defence and Space': the start of a known name.
                starts = {id(o): o for o in b.orgs for f in o.forms() if norm(f).startswith(norm(candidate) + " ")}
                org = next(iter(starts.values())) if len(starts) == 1 else None
            if org is not None and len(candidate.split()) >= 2:
                org.aliases.add(m.group(1))
                break


def _named_after_two_bodies(orgs: list[Org], k: Knowledge) -> list[Org]:
    """"Vexa Orvik Propulsion", the joint venture of Vexa Aero and Orvik Engines: a name whose second word opens
    another body's name. It leaves the short form "Vexa" to Vexa Aero. ("PT Vexa Indonesia" opens with its legal
    form: its second word is its own name.)"""
    opening = {o.name.split()[0]: o for o in orgs}
    forms = k.words.name_opening_legal_forms
    return [o for o in orgs if len(words := o.name.split()) > 2 and words[0] not in forms
            and opening.get(words[1]) not in (None, o)]


def _short_forms(text: str, orgs: list[Org], k: Knowledge) -> None:
    """'Kestrel Aircraft Ltd' is also written 'Kestrel Aircraft', and 'Kestrel' where the text uses the word
    on its own and no other body of the article starts with it (a company the registry knows too: the registry
    lists its spellings, not every story's short form)."""
    lex = lexicon(k)
    firsts: dict[str, int] = {}
    joint = _named_after_two_bodies(orgs, k)
    for o in orgs:
        if o not in joint:
            firsts[o.name.split()[0]] = firsts.get(o.name.split()[0], 0) + 1
    for o in orgs:
        base = k.patterns.legal_suffix.sub("", o.name)
        words = base.split()
        if base != o.name and len(words) >= 2 and not o.registry:
            o.aliases.add(base)
        first = words[0]
        if (o.org_type == "company" and len(words) >= 2 and firsts.get(first) == 1 and o not in joint
                and first not in lex.vocab
                and first not in k.countries and len(first) > 2
                and stands_alone(text, first, words[1], k.patterns.first_name_before)):
            o.aliases.add(first)


def _only_as_modifier(text: str, o: Org, k: Knowledge) -> bool:
    """'parts for Embraer E195 jets', 'a UN contingent', 'eight NATO nations': a maker named by
    its product, or an international body used as an adjective, is not an actor of the story when that is
    all it is ('an Indian Navy project' still names the Navy)."""
    p = k.patterns
    # "on behalf of eight NATO nations", "EU member states": an international body before its members
    return bool(o.spans) and all(p.product_after.match(text, e) or (o.org_type == "international" and (
        p.indefinite_article_end.search(text[max(0, a - 4):a]) or p.members_after.match(text, e))) for a, e in o.spans)


def _link_parents(text: str, b: _Builder, k: Knowledge) -> None:
    """'DRDO's Gas Turbine Research Establishment', 'X, a DRDO laboratory': the text says the parent."""
    for rx in (k.patterns.parent_possessive, k.patterns.unit_of_parent):
        for m in rx.finditer(text):
            parent = b.find(m.group("parent"))
            child_words = _clean_phrase(m.group("child").split(), k)
            child = b.find(" ".join(child_words)) if child_words else None
            if parent is not None and child is not None and child is not parent and child.parent is None:
                child.parent = parent.name


def _count_mentions(text: str, orgs: list[Org], k: Knowledge) -> None:
    """Counts each organisation's mentions under any of its names and records where they are."""
    forms: list[tuple[str, Org]] = []
    for o in orgs:
        for f in o.forms():
            if len(f) >= 2:
                forms.append((f, o))
    if not forms:
        return
    forms.sort(key=lambda x: len(x[0]), reverse=True)
    lookup = {f: o for f, o in reversed(forms)}
    last_end = -10
    for start, end, form in names_matcher(frozenset(lookup)).finditer(text):
        # "Full Name (ACR)" is one mention, not two.
        if k.patterns.open_bracket.fullmatch(text[last_end:start]) and text[end:end + 1] == ")":
            continue
        org = lookup[form]
        org.mentions += 1
        org.spans.append((start, end))
        last_end = end
