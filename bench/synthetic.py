"""Realistic synthetic news articles for benchmarks, from a seed.

    .venv/bin/python bench/synthetic.py OUT_DIR --articles 10000 [--seed 7] [--first 0]

A small world evolves as articles are written: organisations (companies with legal forms, institutes,
government agencies of real countries) and officials with titles; new ones appear over time, so the
dimensions grow with the corpus, and officials are now and then promoted (new type 2 versions). Each
article reports an agreement, a meeting, or neither (tests, openings, plans that are not facts), in
one of several phrasings; about one in five retells a recent event as another outlet would, so the
same event arrives from several sources. Popular organisations recur, as governments and large firms
do in real news.

Article i is the same text for the same seed whatever `--first` and `--articles` are, so a corpus can be
grown in increments (`--first 100000 --articles 1000` adds the next thousand). Names are built from
syllables (`synthetic_vocab.json`); places and demonyms come from the countryinfo package and topics
from the knowledge's domains: nothing is taken from the dev articles.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

VOCAB = Path(__file__).with_name("synthetic_vocab.json")
START = dt.date(2021, 1, 4)
PER_DAY = 60  # articles published per day: 100,000 articles span about four and a half years
POPULAR = 25  # the organisations that recur most
RETELL_SHARE = 0.2
NEW_ORG_SHARE = 0.12
NEW_PERSON_SHARE = 0.25
PROMOTION_SHARE = 0.02


@dataclass
class Org:
    name: str
    short: str  # what later sentences call it: its acronym, or its name
    country: str
    demonym: str


@dataclass
class Person:
    name: str
    title: str
    org: int


@dataclass(frozen=True)
class Place:
    country: str
    capital: str
    demonym: str


@lru_cache(maxsize=1)
def vocab() -> dict:
    return json.loads(VOCAB.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    import countryinfo

    out = [Place(c.name(), c.capital(), c.demonym()) for c in countryinfo.all_countries()
           if isinstance(c.capital(), str) and c.demonym() and f"{c.name()}{c.capital()}".isascii()]
    return tuple(sorted(out, key=lambda p: p.country))


@lru_cache(maxsize=1)
def topics() -> tuple[str, ...]:
    from transforms.knowledge import knowledge

    return tuple(sorted({s for d in knowledge().domains for s in d.synonyms if len(s) > 4 and s.islower()}))


class World:
    """Organisations and people so far; every choice comes from one seeded generator."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.v = vocab()
        self.orgs: list[Org] = []
        self.people: list[Person] = []
        self.names: set[str] = set()
        for _ in range(POPULAR * 2):
            self.new_org()
        for _ in range(POPULAR * 3):
            self.new_person(self.rng.randrange(len(self.orgs)))

    def word(self, parts: int) -> str:
        v = self.v
        return ("".join(self.rng.choice(v["syllables"]) for _ in range(parts))
                + self.rng.choice(v["name_endings"])).capitalize()

    def new_org(self) -> int:
        v, r = self.v, self.rng
        place = r.choice(places())
        kind = r.random()
        if kind < 0.5:
            stem = self.word(1).rstrip("aeiou") + r.choice(v["company_stems"])
            name = f"{stem} {r.choice(v['company_sectors'])} {r.choice(v['legal_suffixes'])}"
            short = stem
        else:
            patterns = v["institute_patterns"] if kind < 0.8 else v["agency_patterns"]
            name = r.choice(patterns).format(place=self.word(2), field=r.choice(v["fields"]),
                                             demonym=place.demonym, country=place.country)
            short = "".join(w[0] for w in name.replace(",", "").split() if w[0].isupper())
        if name in self.names:
            name = f"{name.split(',')[0]} {self.word(1)}"
        self.names.add(name)
        self.orgs.append(Org(name, short if len(short) >= 3 else name, place.country, place.demonym))
        return len(self.orgs) - 1

    def new_person(self, org: int) -> int:
        name = f"{self.word(1)} {self.word(2)}"
        self.people.append(Person(name, self.rng.choice(self.v["titles"]), org))
        return len(self.people) - 1

    def org(self) -> int:
        """Popular organisations half the time, any known one mostly, now and then a new one."""
        r = self.rng.random()
        if r < NEW_ORG_SHARE:
            return self.new_org()
        if r < 0.55:
            return self.rng.randrange(POPULAR)
        return self.rng.randrange(len(self.orgs))

    def person_of(self, org: int) -> Person:
        if self.rng.random() < NEW_PERSON_SHARE:
            p = self.people[self.new_person(org)]
        else:
            p = self.rng.choice(self.people)
            p.org = org
        if self.rng.random() < PROMOTION_SHARE:
            p.title = self.rng.choice(self.v["titles"])
        return p


def _absolute(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _when(rng: random.Random, day: dt.date) -> tuple[str, str]:
    """How a report dates an event a few days before publication: a weekday, or a date."""
    weekday = day.strftime("%A")
    return (_absolute(day) if rng.random() < 0.5 else weekday), weekday


def _person(rng: random.Random, p: Person) -> str:
    honorific = rng.choice(vocab()["honorifics"])
    return f"{honorific} {p.name}".strip()


def _first_mention(o: Org) -> str:
    """A name as a story first gives it: with its acronym in brackets where it has one."""
    return f"{o.name} ({o.short})" if o.short.isupper() else o.name


def _fields(w: World, day: dt.date) -> dict[str, str]:
    r, v = w.rng, w.v
    a, b = w.org(), w.org()
    while b == a:
        b = w.org()
    p1, p2 = w.person_of(a), w.person_of(b)
    kind, kind_short = r.choice(v["agreement_kinds"])
    t = topics()
    when, weekday = _when(r, day)
    oa, ob = w.orgs[a], w.orgs[b]
    return {
        "a": _first_mention(oa), "b": _first_mention(ob), "a_short": oa.short, "b_short": ob.short,
        "a_demonym": oa.demonym, "b_demonym": ob.demonym, "city": r.choice(places()).capital,
        "kind": kind, "kind_short": kind_short, "topic": r.choice(t), "topic2": r.choice(t),
        "when": when, "weekday": weekday, "until": f"{(day + dt.timedelta(days=1)).day} {day.strftime('%B')}",
        "person1": _person(r, p1), "title1": p1.title, "person2": _person(r, p2), "title2": p2.title,
        "mechanism": r.choice(v["mechanisms"]), "ordinal": r.choice(v["ordinals"]),
        "value": f"{r.randint(2, 900)} million euros", "months": str(r.randint(6, 36)),
        "_day": day.isoformat(),
    }


def _compose(w: World, f: dict[str, str], story: str, retold: bool) -> tuple[str, str]:
    """The article's title and text from an event's fields."""
    r, v = w.rng, w.v
    lead = r.choice(v[f"{story}_leads"]).format(**f)
    if retold:
        lead = f"{r.choice(v['retold_prefixes'])} {lead[0].lower() + lead[1:]}"
    body = [lead]
    if story == "agreement":
        body.append(r.choice(v["signatory_lines"]).format(**f))
    elif story == "meeting":
        body += [x.format(**f) for x in r.sample(v["meeting_lines"], 2)]
    body += [x.format(**f) for x in r.sample(v["closing_lines"], r.randint(2, 4))]
    background = [x.format(**f) for x in r.sample(v["background_lines"], r.randint(3, 6))]
    title = {"agreement": f"{f['a_short']} and {f['b_short']} sign {f['kind_short']} on {f['topic']}",
             "meeting": f"{f['a_short']} and {f['b_short']} hold {f['mechanism']} talks",
             "plain": f"{f['a_short']}: {f['topic']} update"}[story]
    day = dt.date.fromisoformat(f["_day"])
    dateline = f"{f['city']}, {day.strftime('%B')} {day.day}:"
    paragraphs = [f"{dateline} {' '.join(body[:2])}", " ".join(body[2:]), " ".join(background)]
    if retold:
        paragraphs.append(f"This report first appeared in {r.choice(v['outlets'])}.")
    return title, "\n\n".join(p for p in paragraphs if p)


def per_day_for(total: int, today: dt.date | None = None) -> int:
    """Articles a day for a series of `total` articles all published before `today` (two weeks to spare): the
    usual PER_DAY, or more for a corpus the days since START cannot hold at that rate (200,000 at 60 a day
    would run into 2030, and a run treats future dates as unknown and its gate stops them)."""
    days = ((today or dt.date.today()) - START).days - 14
    return max(PER_DAY, -(-total // max(days, 1)))


def articles(count: int, seed: int = 7, first: int = 0, per_day: int = PER_DAY) -> Iterator[tuple[int, dt.date, str]]:
    """(index, publication date, file text) of articles first .. first+count-1, `per_day` a day."""
    w = World(seed)
    recent: list[tuple[str, dict[str, str]]] = []
    for i in range(first + count):
        published = START + dt.timedelta(days=i // per_day)
        if recent and w.rng.random() < RETELL_SHARE:
            story, f = w.rng.choice(recent)
            day = _absolute(dt.date.fromisoformat(f["_day"]))  # a retelling days later dates it in full
            f, retold = {**f, "when": day, "weekday": day}, True
        else:
            story = w.rng.choices(["agreement", "meeting", "plain"], weights=[5, 3, 2])[0]
            f = _fields(w, published - dt.timedelta(days=w.rng.randint(0, 3)))
            retold = False
            recent = ([*recent, (story, f)])[-40:]
        title, text = _compose(w, f, story, retold)
        if i >= first:
            yield i, published, f" date {published.isoformat()} {title}\n\n{text}\n"


def write_folder(out: Path, count: int, seed: int = 7, first: int = 0, per_day: int = PER_DAY) -> int:
    """Writes articles as `.txt` files (the contract's format) into `out`; returns how many."""
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for i, _published, text in articles(count, seed, first, per_day):
        (out / f"syn-{seed}-{i:07d}.txt").write_text(text, encoding="utf-8")
        n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--first", type=int, default=0)
    ap.add_argument("--per-day", type=int, default=None,
                    help="articles a day (default: 60, or more where the corpus would run past today)")
    args = ap.parse_args()
    n = write_folder(args.out, args.articles, args.seed, args.first,
                     args.per_day or per_day_for(args.first + args.articles))
    print(f"wrote {n} articles to {args.out}")


if __name__ == "__main__":
    main()
