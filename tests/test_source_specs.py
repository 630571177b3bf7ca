"""Sources as parley.toml declares them: one kind each, options checked, names unique."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.settings import SettingsError, load_settings
from parley.source_specs import SourceSpec, SourceSpecError, parse_sources, resolve


def test_the_key_names_the_kind_and_holds_the_location():
    feed, folder, pattern = parse_sources([
        {"feed": "https://example.org/rss", "name": "wire", "max_entries": 20},
        {"folder": "/data/in"},
        {"glob": "/data/**/*.txt", "enabled": False},
    ])
    assert (feed.kind, feed.location, feed.name, feed.max_entries) == ("feed", "https://example.org/rss", "wire", 20)
    assert folder.kind == "folder" and folder.name.startswith("folder-in-")
    assert pattern.kind == "glob" and not pattern.enabled


@pytest.mark.parametrize(("table", "message"), [
    ({"folder": "/a", "feed": "https://x.org/rss"}, "exactly one of"),
    ({"name": "x"}, "exactly one of"),
    ({"feed": "/not/a/url"}, "http or https URL"),
    ({"folder": "/a", "max_entry": 3}, "unknown option"),
    ({"feed": "https://x.org/rss", "max_entries": 0}, "at least 1"),
    ({"folder": "/a", "enabled": "yes"}, "true or false"),
])
def test_a_source_that_cannot_work_is_refused_with_the_reason(table: dict, message: str):
    with pytest.raises(SourceSpecError, match=message):
        parse_sources([table])


def test_two_sources_cannot_share_a_name():
    with pytest.raises(SourceSpecError, match="used twice: a"):
        parse_sources([{"folder": "/x", "name": "a"}, {"folder": "/y", "name": "a"}])
    assert len(parse_sources([{"folder": "/x", "name": "a"}, {"folder": "/y", "name": "b"}])) == 2


def test_a_location_on_the_command_line_gets_its_kind_from_its_form():
    kinds = [SourceSpec.from_location(x).kind for x in ("https://x.org/feed", "/d/*.txt", "/d/a.jsonl", "/d")]
    assert kinds == ["feed", "glob", "jsonl", "folder"]


def test_a_run_reads_the_enabled_configured_sources_or_the_ones_named():
    configured = parse_sources([{"folder": "/a", "name": "a"}, {"folder": "/b", "name": "b", "enabled": False},
                                {"feed": "https://x.org/rss", "name": "c", "max_entries": 5}])
    assert [s.name for s in resolve(None, configured)] == ["a", "c"]
    named = resolve(["c", "/elsewhere"], configured)
    assert named[0].max_entries == 5 and named[1].kind == "folder"  # a configured source keeps its options


def test_sources_and_schedule_are_read_from_parley_toml(tmp_path: Path):
    (tmp_path / "parley.toml").write_text('schedule = "0 5 * * 1"\n[[sources]]\nfeed = "https://x.org/rss"\n')
    settings = load_settings({"PARLEY_HOME": str(tmp_path)})
    assert settings.schedule == "0 5 * * 1" and settings.sources[0].kind == "feed"
    (tmp_path / "parley.toml").write_text('[[sources]]\npage = "ftp://x.org/a"\n')
    with pytest.raises(SettingsError, match=r"parley.toml: sources\[0\]: a page is an http or https URL"):
        load_settings({"PARLEY_HOME": str(tmp_path)})
    (tmp_path / "parley.toml").write_text('schedule = "daily"\n')
    with pytest.raises(SettingsError, match="not a cron expression"):
        load_settings({"PARLEY_HOME": str(tmp_path)})
