"""Finding an article's known names: whole words, leftmost and longest, never overlapping."""

from __future__ import annotations

import random
import re

from transforms.phrases import names_matcher


def _by_regex(forms: set[str], text: str, possessive: bool) -> list[tuple[int, int, str]]:
    """The reference: one longest-first alternation between the same boundaries."""
    right = r"(?![\w&-]|'(?!s\b)[a-z])" if possessive else r"(?![\w&-])"
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return [(m.start(1), m.end(1), m.group(1)) for m in re.finditer(rf"(?<![\w&-])({alternation}){right}", text)]


def test_the_longest_name_at_a_place_wins_and_names_inside_words_do_not_count():
    found = list(names_matcher(frozenset({"Vexa", "Vexa Dynamics", "Dynamics", "Orlan"})).finditer(
        "Vexa Dynamics and Vexa signed; Vexation and Orlan's team, Orlan-led and Orland."))
    assert [f for _, _, f in found] == ["Vexa Dynamics", "Vexa", "Orlan"]


def test_a_name_with_an_apostrophe_ending_other_than_a_possessive_is_no_name_unless_strictness_is_off():
    assert [f for _, _, f in names_matcher(frozenset({"Orlan"})).finditer("Orlan's board met.")] == ["Orlan"]
    assert list(names_matcher(frozenset({"Orlan"})).finditer("Orlan'd met.")) == []
    assert [f for _, _, f in names_matcher(frozenset({"Orlan"}), possessive=False).finditer("Orlan'd")] == ["Orlan"]


def test_it_finds_what_a_longest_first_alternation_finds_on_random_text():
    rng = random.Random(3)
    words = ["Kel", "Kel Tor", "Tor", "Tor-Ven", "Ven", "A&B", "B", "Kel's", "x", "Ven Kel Tor"]
    for _ in range(400):
        forms = set(rng.sample(words, rng.randint(1, 5)))
        text = " ".join(rng.choice([*words, "and", "'s", "-", "d", "Kelp"]) for _ in range(rng.randint(1, 12)))
        for possessive in (True, False):
            assert list(names_matcher(frozenset(forms), possessive).finditer(text)) == \
                _by_regex(forms, text, possessive), (forms, text)
