"""Alternations as prefix trees match exactly what longest-first alternations match, only faster."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from transforms.events.engine import negation_regex, verb_regex
from transforms.knowledge import DEFAULT_DIR, knowledge
from transforms.patterns import load_patterns, load_word_sets
from transforms.phrases import phrase_pattern
from transforms.regex_trie import phrase_fragments, phrases_alternation, trie_alternation

PHRASES = ["sign", "signs", "signed", "signed up", "signed up for", "sign off", "MoU", "memorandum",
           "memorandum of understanding", "pact", "tie up", "tied up with"]
TEXTS = [
    "They signed up for the pact and a memorandum of understanding.",
    "Vexlar signs   off  the MoU; the two tied up with Orvik after they tie up.",
    "A memorandum of understandings is not one, nor is signedup or co-signed.",
    "The firms signed up\nfor a memorandum of\tunderstanding and a MOU.",
]


def _longest_first(phrases: list[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@pytest.mark.parametrize("text", TEXTS)
def test_a_tree_finds_the_same_matches_as_the_longest_first_alternation(text: str):
    tree = re.compile(r"(?<![\w-])(?:" + phrases_alternation(PHRASES) + r")(?![\w-])", re.I)
    plain = re.compile(r"(?<![\w-])(?:" + _longest_first(PHRASES) + r")(?![\w-])", re.I)
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert tree.search(text)


def test_a_phrase_that_is_a_prefix_of_another_gives_way_to_the_longer_one():
    rx = re.compile(phrases_alternation(["sign", "signed up", "signed"]))
    assert [m.group() for m in rx.finditer("signed up, signed, sign")] == ["signed up", "signed", "sign"]


def test_exact_phrases_keep_their_case_under_ignore_case():
    rx = re.compile("(?i)" + trie_alternation([phrase_fragments("MoU", exact=True), phrase_fragments("pact")]))
    assert [m.group() for m in rx.finditer("MoU, MOU, mou, PACT")] == ["MoU", "PACT"]


def test_a_group_inserted_after_the_first_word_is_optional_inside_the_phrase():
    adverb = r"(?:\s+(?:also|jointly))?"
    rx = re.compile(trie_alternation([phrase_fragments("will sign", insert_after_first_word=adverb)]))
    assert [m.group() for m in rx.finditer("will sign; will jointly sign; will soon sign")] == [
        "will sign", "will jointly sign"]


def test_capitalised_entries_of_a_phrase_pattern_match_only_as_written():
    rx = phrase_pattern(["Meet", "talks", "MOU"])
    assert [m.group() for m in rx.finditer("Meet meet TALKS talks MOU mou")] == ["Meet", "TALKS", "talks", "MOU"]


def test_the_shipped_negations_and_verbs_match_as_they_read():
    k = knowledge()
    spec = k.event("agreement")
    negation, verb = negation_regex(spec.negations, k.words), verb_regex(spec.verbs, k.words)
    assert verb.search("The two firms signed an MoU on Monday.")
    assert not verb.search("The two firms discussed a possible MoU.")
    assert negation.search("The two sides will also sign an MoU next month.")
    assert not negation.search("The two sides signed an MoU.")


def test_a_word_set_embedded_in_a_pattern_stays_one_group(tmp_path: Path):
    """The lookbehind before the set and what follows it hold for every word of the set, not only the first
    and last (an alternation pasted in bare would split the pattern at its bars)."""
    words = load_word_sets(DEFAULT_DIR / "word_sets.toml")
    (tmp_path / "patterns.toml").write_text("[earlier]\npattern = '''(?<=\\s)<<earlier_deal_verbs>>\\s+(?=the\\s)'''\n")
    rx = load_patterns(tmp_path / "patterns.toml", words).earlier
    assert rx.search("It builds on the deal of 2021.")
    assert not rx.search("They hope to build on this success.")
