"""Event resolution at scale: the date-aware index compares a report with fewer events, never with
different ones, and events stay anchored in time."""

from __future__ import annotations

import datetime as dt
import random

from transforms.event_resolution import RESOLUTIONS, Event, Mention, cluster
from transforms.names import stable_id

DAY0 = dt.date(2024, 1, 1)


def mention(i: int, *, published: int, start: int | None, parties: set[str] = frozenset(),
            people: set[str] = frozenset(), name: str | None = None, kind: str = "MoU",
            location: str | None = None) -> Mention:
    when = DAY0 + dt.timedelta(days=start) if start is not None else None
    return Mention(f"art{i:05d}", 0, DAY0 + dt.timedelta(days=published), kind, frozenset(parties),
                   frozenset(people), when, when, "day" if when else None, location, name, f"evidence {i}")


def brute_force(mentions: list[Mention], spec: str, prefix: str) -> list[list[str]]:
    """The definition: each report joins the first earlier event (by first report) that `same` accepts,
    compared with every event there is."""
    same = RESOLUTIONS[spec].same
    events: list[Event] = []
    for m in sorted(mentions, key=lambda x: x.order):
        target = next((e for e in sorted(events, key=lambda e: e.mentions[0].order) if same(e, m)), None)
        if target is None:
            target = Event(stable_id(prefix, m.article_id, m.index))
            events.append(target)
        target.add(m)
    return sorted(sorted(x.article_id for x in e.mentions) for e in events)


def random_mentions(seed: int, n: int) -> list[Mention]:
    """Crowded on purpose: few parties, people and names, dates close together, a third undated."""
    r = random.Random(seed)
    out = []
    for i in range(n):
        published = r.randint(0, 120)
        start = published - r.randint(0, 4) if r.random() < 0.66 else None
        out.append(mention(i, published=published, start=start,
                           parties=set(r.sample(["a", "b", "c", "d", "e", "f"], r.randint(0, 3))),
                           people=set(r.sample(["p", "q", "r", "s"], r.randint(0, 1))),
                           name=r.choice([None, "Joint Working Group", "Strategic Dialogue", "Joint Working Group 5"]),
                           kind=r.choice(["MoU", "contract", "other"]), location=r.choice([None, "Pune", "Goa"])))
    return out


def test_the_index_finds_the_events_comparing_every_event_finds():
    for spec, prefix in (("signing", "agreement"), ("gathering", "meeting")):
        for seed in range(3):
            ms = random_mentions(seed, 400)
            fast = sorted(sorted(x.article_id for x in e.mentions) for e in cluster(ms, RESOLUTIONS[spec], prefix))
            assert fast == brute_force(ms, spec, prefix), (spec, seed)
            assert any(len(e) > 1 for e in fast)  # positive control: reports were merged


def test_a_chain_of_reports_days_apart_does_not_become_one_meeting_over_months():
    # The same committee name every three days for three months: each report is within the window of
    # the one before, none of the first.
    ms = [mention(i, published=3 * i, start=3 * i, name="Joint Steering Committee") for i in range(30)]
    events = cluster(ms, RESOLUTIONS["gathering"], "meeting")
    assert max(len(e.mentions) for e in events) <= 2
    # Positive control: two reports of one meeting a day apart are one.
    two = cluster([mention(0, published=1, start=0, name="Joint Steering Committee"),
                   mention(1, published=2, start=1, name="Joint Steering Committee")], RESOLUTIONS["gathering"], "m")
    assert len(two) == 1


def test_an_undated_report_joins_only_an_event_near_its_publication():
    dated = mention(0, published=10, start=9, parties={"a", "b"})
    soon = mention(1, published=20, start=None, parties={"a", "b"})
    years_later = mention(2, published=900, start=None, parties={"a", "b"})
    events = cluster([dated, soon, years_later], RESOLUTIONS["signing"], "agreement")
    assert sorted(len(e.mentions) for e in events) == [1, 2]
    assert {m.article_id for e in events if len(e.mentions) == 2 for m in e.mentions} == {"art00000", "art00001"}


def test_a_popular_party_does_not_make_resolution_quadratic():
    # 6,000 agreements of one ministry with 6,000 different partners over five years: each report is
    # compared only with the few events of its weeks.
    ms = [mention(i, published=i // 3, start=i // 3, parties={"ministry", f"firm{i}"}) for i in range(6000)]
    calls = 0
    same = RESOLUTIONS["signing"].same

    def counting(e: Event, m: Mention) -> bool:
        nonlocal calls
        calls += 1
        return same(e, m)

    from transforms.event_resolution import Resolution

    events = cluster(ms, Resolution(counting, RESOLUTIONS["signing"].days), "agreement")
    assert len(events) == 6000
    assert 0 < calls < 6000 * 120  # brute force would make 18 million comparisons


def test_two_differently_named_meetings_with_the_same_chair_stay_two():
    jwg = mention(1, published=10, start=9, people={"kel varo"}, name="8th Joint Working Group on Ships",
                  kind="bilateral meeting")
    dialogue = mention(2, published=12, start=11, people={"kel varo"}, name="5th Defence Policy Dialogue",
                       kind="dialogue")
    again = mention(3, published=12, start=10, people={"kel varo"}, name="Joint Working Group on Ships",
                    kind="bilateral meeting")
    events = cluster([jwg, dialogue, again], RESOLUTIONS["gathering"], "meeting")
    assert sorted(sorted(m.article_id for m in e.mentions) for e in events) == [
        ["art00001", "art00003"], ["art00002"]]  # positive control: the same name joins across articles


def test_the_16th_and_17th_meetings_of_one_group_are_two_and_one_shared_official_undated_makes_none():
    sixteenth = mention(1, published=10, start=9, people={"kel varo"}, name="16th meeting of the Vexa Policy Group",
                        kind="bilateral meeting")
    seventeenth = mention(2, published=12, start=None, people={"kel varo"},
                          name="17thmeeting of Vexa Policy Group", kind="bilateral meeting")
    other = mention(3, published=11, start=None, people={"kel varo"}, kind="bilateral meeting")
    again = mention(4, published=12, start=None, people={"kel varo", "ana lund"},
                    name="16th Vexa Policy Group meeting", kind="bilateral meeting")
    events = cluster([sixteenth, seventeenth, other, again], RESOLUTIONS["gathering"], "meeting")
    assert sorted(sorted(m.article_id for m in e.mentions) for e in events) == [
        ["art00001", "art00004"], ["art00002"], ["art00003"]]  # positive control: the same number joins


def test_events_pushed_out_of_a_tiny_cache_cluster_as_events_held_in_memory():
    from transforms.state_store import StateStore

    ms = random_mentions(11, 300)
    tiny = cluster(ms, RESOLUTIONS["signing"], "agreement", StateStore(events_cached=2))
    fast = sorted(sorted(x.article_id for x in e.mentions) for e in tiny)
    assert fast == brute_force(ms, "signing", "agreement")
    assert any(len(e) > 1 for e in fast)  # positive control: reports were merged
