"""The benchmark's synthetic corpus: seeded, growable in increments, and shaped like news."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from synthetic import START, articles, per_day_for  # noqa: E402


def test_the_same_seed_writes_the_same_articles_and_another_seed_others():
    assert list(articles(50, seed=3)) == list(articles(50, seed=3))
    assert list(articles(50, seed=3)) != list(articles(50, seed=4))


def test_a_corpus_grows_in_increments_with_the_articles_it_would_have_had():
    whole = list(articles(120, seed=5))
    assert list(articles(20, seed=5, first=100)) == whole[100:]


def test_articles_have_the_contract_header_and_dates_that_advance():
    out = list(articles(400, seed=1))
    assert all(text.startswith(f" date {published.isoformat()} ") for _, published, text in out)
    assert out[-1][1] > out[0][1]


def test_organisations_recur_and_new_ones_keep_appearing():
    texts = [text for _, _, text in articles(600, seed=2)]
    early, late = " ".join(texts[:300]), " ".join(texts[300:])
    suffixes = ("Ltd", "Inc", "GmbH", "Limited", "Corporation", " AG", " SA")
    assert sum(late.count(s) for s in suffixes) > 50  # companies with legal forms
    # Names first seen in the second half: the organisation dimension keeps growing.
    late_names = {w for w in late.split() if w.istitle() and len(w) > 6} - set(early.split())
    assert len(late_names) > 20


def test_some_stories_are_retold_by_another_outlet():
    texts = [text for _, _, text in articles(300, seed=9)]
    retold = [t for t in texts if "This report first appeared in" in t]
    assert 0.1 * len(texts) < len(retold) < 0.35 * len(texts)


def test_a_corpus_too_large_for_sixty_a_day_is_still_all_published_before_today():
    import datetime as dt

    today = dt.date(2026, 12, 6)
    assert per_day_for(100_000, today) == 60  # the usual series, as every earlier benchmark ran it
    rate = per_day_for(200_000, today)
    assert rate > 60
    assert START + dt.timedelta(days=199_999 // rate) < today  # the last article's day
    published = [p for _, p, _ in articles(3 * rate, seed=7, per_day=rate)]
    assert published[rate] == START + dt.timedelta(days=1)  # that many a day
