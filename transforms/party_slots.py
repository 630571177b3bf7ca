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

from transforms.knowledge import Knowledge, phrase_regex
from transforms.names import norm
from transforms.sentences import Sentence
from transforms.vocab import DAYS, MONTHS, lexicon

_BULLET = re.compile(r"^(?:[-•*–·▪]|\d{1,2}[.)])\s+")
_TO = re.compile(r"\bto\s+(?:the\s+|M/[Ss]\.?\s+)?(?=[A-Z0-9])")
_SPLIT = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+and\s+")
_NAME = re.compile(r"[A-Z0-9][\w&.'’()/-]*(?:\s+(?:of|and|&|[A-Z0-9][\w&.'’()/-]*)){0,6}")
_INFLECTED = re.compile(r"(?i)(?:ing|ed)$")


@dataclass(frozen=True)
class TransferItem:
    """One line of a transfer list: what it hands over goes to these recipients."""

    sentence: int  # index of the list item
    cue: int  # index of the sentence that announces the transfers
    recipients: tuple[tuple[str, int], ...]  # (name, offset in the article)


@functools.lru_cache(maxsize=4)
def _cue_rx(k: Knowledge) -> re.Pattern[str]:
    return phrase_regex(k.transfer_cues)


def _plausible_name(name: str, k: Knowledge) -> bool:
    words = name.split()
    if not words or len(words) > 7:
        return False
    if name in k.countries or name in k.places or norm(name) in k.not_organisations:
        return False
    if any(w in MONTHS or w in DAYS for w in words):
        return False
    lex = lexicon(k)
    if any(lex.rank_kind(w) for w in words[:2]):
        return False
    # "Being Transferred": a heading's verb forms, not a company.
    return not all(_INFLECTED.search(w) for w in words)


def _recipients(s: Sentence, k: Knowledge) -> list[tuple[str, int]]:
    body = _BULLET.sub("", s.text)
    offset = s.start + (len(s.text) - len(body))
    last = None
    for m in _TO.finditer(body):
        last = m
    if last is None or last.start() == 0:
        return []
    tail_at = last.end()
    tail = body[tail_at:].rstrip(" .;:")
    out: list[tuple[str, int]] = []
    pos = 0
    for part in _SPLIT.split(tail):
        at = tail.find(part, pos)
        pos = at + len(part)
        m = _NAME.fullmatch(part.strip())
        if not m or not _plausible_name(m.group(), k):
            return []  # a description, not a list of recipients
        out.append((m.group(), offset + tail_at + at))
    return out


def transfer_lists(sentences: list[Sentence], k: Knowledge) -> list[TransferItem]:
    """Bulleted lines right after a sentence announcing transfers of technology, each naming its recipients."""
    cue_rx = _cue_rx(k)
    items: list[TransferItem] = []
    i = 0
    while i < len(sentences):
        if not _BULLET.match(sentences[i].text):
            i += 1
            continue
        block_start = i
        while i < len(sentences) and _BULLET.match(sentences[i].text):
            i += 1
        cue = next((c for c in range(block_start - 1, max(-1, block_start - 4), -1)
                    if cue_rx.search(sentences[c].text)), None)
        if cue is None:
            continue
        for j in range(block_start, i):
            rec = _recipients(sentences[j], k)
            if rec:
                items.append(TransferItem(j, cue, tuple(rec)))
    return items


def _signing_rx(k: Knowledge) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The trigger nouns and verbs of the agreement spec."""
    from transforms.events import compile_spec  # the engine imports this module's TransferItem

    rx = compile_spec(k.event("agreement"), k)
    return rx.trigger, rx.verb


_BEFORE = re.compile(r"(?:^|(?<=[\s,(]))((?:[A-Z][\w&.'’-]*\s+){0,3}[A-Z][\w&.'’-]*)\s+(?:and|&)\s+(?:the\s+)?$")
_AFTER = re.compile(r"^\s+(?:and|&)\s+(?:the\s+)?([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})(?=[\s,.;:]|$)")


def coordinated_parties(sentences: list[Sentence], known: list[tuple[int, int]], k: Knowledge
                        ) -> list[tuple[str, int]]:
    """Names joined by 'and' to a known organisation in a sentence that reports a signing:
    'Acme and the Space Agency signed an agreement' makes Acme an organisation too."""
    type_rx, verb_rx = _signing_rx(k)
    lex = lexicon(k)
    out: list[tuple[str, int]] = []
    for s in sentences:
        t = s.text
        if not (type_rx.search(t) and verb_rx.search(t)):
            continue
        spans = [(a - s.start, e - s.start) for a, e in known if s.start <= a and e <= s.start + len(t)]
        for a, e in spans:
            found: list[tuple[str, int]] = []
            mb = _BEFORE.search(t[:a])
            if mb:
                found.append((mb.group(1), mb.start(1)))
            ma = _AFTER.match(t[e:])
            if ma:
                found.append((ma.group(1), e + ma.start(1)))
            for name, at in found:
                words = name.split()
                while words and (words[0] in lex.vocab or words[0] in k.leading_words):
                    words = words[1:]
                    at = t.find(words[0], at) if words else at
                name = " ".join(w[:-2] if w.endswith(("'s", "’s")) else w for w in words)
                if not name or any(x <= at < y or x < at + len(name) <= y for x, y in spans):
                    continue
                # One word that is no common word ("Embraer", "VELA"), or several not all a person's.
                single_ok = len(words) == 1 and words[0] not in lex.vocab
                several_ok = len(words) > 1 and not all(lex.is_name_token(w) for w in words)
                if (single_ok or several_ok) and _plausible_name(name, k):
                    out.append((name, s.start + at))
    return out
