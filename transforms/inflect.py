"""Word forms generated from lemmas, so knowledge files list `sign`, never `signs/signed/signing`.

Regular English inflection (e-drop, y to i, doubling the last consonant of one-syllable words) and
the irregular past forms of `irregular_verbs.tsv`. A phrase inflects its first word ("enter into"
gives "entered into"). A spec says which forms a lemma takes: `base`, `s`, `past`, `ing` or `all`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

FORM_CLASSES = ("base", "s", "past", "ing")
_VOWELS = frozenset("aeiou")


def _syllables(word: str) -> int:
    groups, prev = 0, False
    for ch in word:
        vowel = ch in _VOWELS
        groups += vowel and not prev
        prev = vowel
    return groups


def _doubles(word: str) -> bool:
    """bag -> bagged, win -> winning; not ink, seal, focus."""
    return (len(word) >= 3 and _syllables(word) == 1 and word[-1] not in _VOWELS | {"w", "x", "y"}
            and word[-2] in _VOWELS and word[-3] not in _VOWELS)


def _third_person(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _past(word: str, irregular: Mapping[str, str]) -> str:
    if word in irregular:
        return irregular[word]
    if word.endswith("e"):
        return word + "d"
    if word.endswith("y") and word[-2:-1] not in _VOWELS:
        return word[:-1] + "ied"
    return word + word[-1] + "ed" if _doubles(word) else word + "ed"


def _gerund(word: str) -> str:
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return word[:-1] + "ing"
    return word + word[-1] + "ing" if _doubles(word) else word + "ing"


def inflect(lemma: str, form: str, irregular: Mapping[str, str]) -> str:
    """One form of a verb lemma or verb phrase; hyphenated verbs inflect their last part (co-chair)."""
    first, _, rest = lemma.partition(" ")
    prefix, _, word = first.rpartition("-")
    prefix = prefix + "-" if prefix else ""
    made = {"base": word, "s": _third_person(word), "past": _past(word, irregular), "ing": _gerund(word)}[form]
    return " ".join(x for x in (prefix + made, rest) if x)


def verb_forms(verbs: Mapping[str, Iterable[str]], irregular: Mapping[str, str]) -> list[str]:
    """Every requested form of every lemma, in the order given."""
    out: list[str] = []
    for lemma, forms in verbs.items():
        for form in forms:
            f = inflect(lemma, form, irregular)
            if f not in out:
                out.append(f)
    return out


def plural(phrase: str) -> str | None:
    """The plural of a phrase ending in a lower-case noun ("unmanned ground vehicle" -> "... vehicles",
    "battery" -> "batteries"); None where it already ends in s or its last word is not a plain word."""
    head, _, last = phrase.rpartition(" ")
    if not last.isalpha() or not last.islower() or last.endswith("s"):
        return None
    return f"{head} {_third_person(last)}".strip()
