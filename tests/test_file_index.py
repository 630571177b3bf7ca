"""The files a local source has read, kept between runs in a Parquet file and compared with the folder's
listing in DuckDB."""

from __future__ import annotations

import dataclasses
import gc
import json
import os
from pathlib import Path

from flows.sources import HANDOVER_SECONDS, changes_handed_over, hand_over, iter_local, list_local
from parley.source_specs import SourceSpec
from warehouse.file_index import FileIndex, listing_batches
from warehouse.source_state import files_path, load_state, save_state, state_path


def _listing(marks: dict[str, tuple[int, int] | None]) -> list[tuple[str, tuple[int, int] | None]]:
    return list(marks.items())


def test_files_come_back_sorted_by_path_and_new_ones_are_not_unchanged():
    index = FileIndex()
    got = list(index.compare(_listing({"/s/b.txt": (5, 1), "/s/a.txt": (3, 1), "/s/c.txt": None})))
    assert got == [("/s/a.txt", (3, 1), False), ("/s/b.txt", (5, 1), False), ("/s/c.txt", None, False)]
    index.close()


def test_a_saved_file_is_unchanged_until_its_size_or_time_changes(tmp_path: Path):
    index = FileIndex()
    for path, mark, _ in index.compare(_listing({"/s/a.txt": (3, 1), "/s/b.txt": (5, 1), "/s/c.txt": (7, 1)})):
        index.mark_read(path, mark)  # type: ignore[arg-type]
    index.save(tmp_path / "files.parquet")
    index.close()
    again = FileIndex(tmp_path / "files.parquet")
    got = {p: u for p, _, u in again.compare(_listing({"/s/a.txt": (3, 1), "/s/b.txt": (6, 1),
                                                        "/s/c.txt": (7, 2), "/s/d.txt": (1, 1)}))}
    assert got == {"/s/a.txt": True, "/s/b.txt": False, "/s/c.txt": False, "/s/d.txt": False}
    again.close()


def test_a_file_read_again_replaces_its_old_mark_when_saved(tmp_path: Path):
    target = tmp_path / "files.parquet"
    first = FileIndex()
    list(first.compare(_listing({"/s/a.txt": (3, 1)})))
    first.mark_read("/s/a.txt", (3, 1))
    first.save(target)
    first.close()
    second = FileIndex(target)
    list(second.compare(_listing({"/s/a.txt": (4, 2)})))
    second.mark_read("/s/a.txt", (4, 2))
    second.save(target)
    second.close()
    third = FileIndex(target)
    assert [u for *_, u in third.compare(_listing({"/s/a.txt": (4, 2)}))] == [True]
    assert [u for *_, u in third.compare(_listing({"/s/a.txt": (3, 1)}))] == [False]
    third.close()


def test_files_marked_in_this_run_are_unchanged_at_its_next_listing():
    index = FileIndex()
    for path, mark, _ in index.compare(_listing({"/s/a.txt": (3, 1), "/s/b.txt": (5, 1)})):
        if path.endswith("a.txt"):
            index.mark_read(path, mark)  # type: ignore[arg-type]
    got = {p: u for p, _, u in index.compare(_listing({"/s/a.txt": (3, 1), "/s/b.txt": (5, 1)}))}
    assert got == {"/s/a.txt": True, "/s/b.txt": False}
    index.close()


def test_a_state_written_with_its_files_in_the_json_is_taken_over(tmp_path: Path):
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a.txt").write_text("The Navy signed a deal with the yard.", encoding="utf-8")
    (folder / "b.txt").write_text("The Army signed a deal with the works.", encoding="utf-8")
    spec = SourceSpec.from_location(str(folder))
    st = (folder / "a.txt").stat()
    old = {"validators": {}, "seen": {}, "files": {str((folder / "a.txt").absolute()): [st.st_size, st.st_mtime_ns]}}
    state_dir = tmp_path / "sources"
    state_dir.mkdir()
    state_path(state_dir, spec.name).write_text(json.dumps(old), encoding="utf-8")
    state = load_state(state_dir, spec.name)
    items = {Path(i.uri).name: i for i in iter_local(spec, 100_000, state)}
    assert items["a.txt"].unchanged and items["b.txt"].data
    save_state(state_dir, spec.name, state)
    state.files.close()
    assert files_path(state_dir, spec.name).is_file()
    assert "files" not in json.loads(state_path(state_dir, spec.name).read_text(encoding="utf-8"))
    reloaded = load_state(state_dir, spec.name)
    assert all(i.unchanged for i in iter_local(spec, 100_000, reloaded))
    reloaded.files.close()


def test_a_folder_touched_since_its_last_run_has_only_that_file_read_again(tmp_path: Path):
    folder = tmp_path / "src"
    folder.mkdir()
    for name in ("a.txt", "b.html", "c.txt", "notes.md"):
        (folder / name).write_text("The Navy signed a deal with the yard.", encoding="utf-8")
    spec = SourceSpec.from_location(str(folder))
    state_dir = tmp_path / "sources"
    state = load_state(state_dir, spec.name)
    assert [Path(i.uri).name for i in iter_local(spec, 100_000, state)] == ["a.txt", "b.html", "c.txt"]
    save_state(state_dir, spec.name, state)
    state.files.close()
    st = (folder / "c.txt").stat()
    os.utime(folder / "c.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    state = load_state(state_dir, spec.name)
    again = {Path(i.uri).name: i.unchanged for i in iter_local(spec, 100_000, state)}
    state.files.close()
    assert again == {"a.txt": True, "b.html": True, "c.txt": False}


def test_a_source_memory_half_written_by_a_killed_run_is_removed_by_the_next(tmp_path: Path):
    from warehouse.publish import clean_crash_leftovers

    (tmp_path / "sources").mkdir()
    half = tmp_path / "sources" / "folder-x.files.parquet.tmp"
    kept = tmp_path / "sources" / "folder-x.files.parquet"
    half.write_bytes(b"PAR")
    kept.write_bytes(b"PAR1")
    assert clean_crash_leftovers(tmp_path) == [half] and kept.exists()


def test_the_check_counts_listed_and_unchanged_files_without_reading_them_back(tmp_path: Path):
    index = FileIndex()
    for path, mark, _ in index.compare(_listing({"/s/a.txt": (3, 1), "/s/b.txt": (5, 1)})):
        index.mark_read(path, mark)  # type: ignore[arg-type]
    index.save(tmp_path / "files.parquet")
    index.close()
    again = FileIndex(tmp_path / "files.parquet")
    listing = list(listing_batches(_listing({"/s/a.txt": (3, 1), "/s/b.txt": (6, 1), "/s/c.txt": None})))
    assert again.unchanged_count(listing) == (3, 1)
    assert again.unchanged_count(list(listing_batches(_listing({"/s/a.txt": (3, 1)})))) == (1, 1)
    again.close()


def _folder(tmp_path: Path, *names: str) -> SourceSpec:
    folder = tmp_path / "src"
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_text("The Navy signed a deal with the yard.", encoding="utf-8")
    return SourceSpec.from_location(str(folder))


def test_a_listing_handed_over_by_the_check_is_read_once_instead_of_listing_again(tmp_path: Path):
    spec = _folder(tmp_path, "a.txt")
    hand_over(spec, list_local(spec))
    _folder(tmp_path, "b.txt")  # added after the check: this run does not see it, the next one does
    assert [Path(i.uri).name for i in iter_local(spec, 100_000)] == ["a.txt"]
    assert [Path(i.uri).name for i in iter_local(spec, 100_000)] == ["a.txt", "b.txt"]


def test_a_listing_handed_over_too_long_ago_is_made_again(tmp_path: Path):
    spec = _folder(tmp_path, "a.txt")
    stale = list_local(spec)
    hand_over(spec, dataclasses.replace(stale, taken=stale.taken - HANDOVER_SECONDS - 1))
    _folder(tmp_path, "b.txt")
    assert [Path(i.uri).name for i in iter_local(spec, 100_000)] == ["a.txt", "b.txt"]


def test_the_files_the_check_found_new_are_counted_for_the_run_while_its_listing_is_fresh(tmp_path: Path):
    spec = _folder(tmp_path, "a.txt", "b.txt")
    listing = list_local(spec)
    hand_over(spec, dataclasses.replace(listing, changed=2))
    assert changes_handed_over([spec]) == 2
    hand_over(spec, dataclasses.replace(listing, changed=2, taken=listing.taken - HANDOVER_SECONDS - 1))
    assert changes_handed_over([spec]) == 0


def test_a_listing_is_kept_on_disk_read_back_in_batches_and_gone_once_drained(tmp_path: Path):
    spec = _folder(tmp_path, "a.txt", "b.txt", "c.txt")
    listing = list_local(spec)
    assert listing.file.is_file() and listing.file.stat().st_size > 0
    assert sum(b.num_rows for b in listing.batches()) == 3  # read again, as often as asked
    assert sorted(Path(p).name for b in listing.drain() for p in b.column("path").to_pylist()) == [
        "a.txt", "b.txt", "c.txt"]
    assert not listing.file.exists()
    dropped = list_local(spec).file
    gc.collect()
    assert not dropped.exists()  # a listing nobody drained leaves no file behind
