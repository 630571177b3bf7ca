"""The model state a version keeps: a file read back whole, or not at all; and a store whose cache size
changes nothing but memory."""

from __future__ import annotations

from pathlib import Path

from transforms.knowledge import knowledge
from transforms.model import ModelState, fold_key
from transforms.state_store import StateStore, StoredMap
from warehouse import model_state

from .test_incremental_model import RUNS, tables_of


def folded(key: str, store: StateStore | None = None) -> ModelState:
    state = ModelState(key=key, store=store)
    state.fold(RUNS[0])
    return state


def test_a_state_reads_back_with_what_it_holds(tmp_path: Path):
    back = model_state.load(model_state.save(tmp_path, folded("v1")).parent, "v1", knowledge(), tmp_path / "w")
    assert back is not None and back.last == folded("v1").last and back.hashes() == folded("v1").hashes()
    assert back.clusterers["agreement"].count == folded("v1").clusterers["agreement"].count > 0


def test_a_state_folded_in_a_file_is_moved_beside_the_version(tmp_path: Path):
    state = model_state.fresh(tmp_path / "work", "v1", knowledge())
    state.fold(RUNS[0])
    kept = model_state.save(tmp_path / "version", state) if (tmp_path / "version").mkdir() is None else None
    assert kept is not None and kept.is_file() and not list((tmp_path / "work").iterdir())
    assert model_state.load(kept.parent, "v1", knowledge(), tmp_path / "work") is not None


def test_the_live_versions_state_file_is_not_written_by_the_next_fold(tmp_path: Path):
    kept = model_state.save(tmp_path, folded("v1"))
    before = kept.read_bytes()
    state = model_state.load(tmp_path, "v1", knowledge(), tmp_path / "work")
    assert state is not None
    state.fold(sorted(RUNS[1], key=lambda a: fold_key(a[0])))
    state.settle()
    assert kept.read_bytes() == before
    assert state.store.path is not None and state.store.path.stat().st_size > 0  # positive control: it folded


def test_a_state_made_by_other_code_or_records_is_not_used(tmp_path: Path):
    model_state.save(tmp_path, folded("v1"))
    assert model_state.load(tmp_path, "v2", knowledge(), tmp_path / "w") is None
    assert model_state.load(tmp_path, "v1", knowledge(), tmp_path / "w") is not None  # positive control


def test_a_damaged_state_means_modelling_from_empty(tmp_path: Path):
    path = model_state.save(tmp_path, folded("v1"))
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert model_state.load(tmp_path, "v1", knowledge(), tmp_path / "w") is None


def test_a_blocked_runs_state_leaves_no_working_file(tmp_path: Path):
    state = model_state.fresh(tmp_path, "v1", knowledge())
    state.fold(RUNS[0])
    assert list(tmp_path.glob("model_state-*"))  # positive control: it was folding in a file
    model_state.discard(state)
    assert not list(tmp_path.glob("model_state-*"))


def test_a_cache_of_one_object_folds_the_tables_a_large_one_does():
    def tables(store: StateStore) -> dict:
        return tables_of(RUNS, None, ModelState(key="t", store=store))[0]

    small = tables(StateStore(events_cached=1, people_cached=1, orgs_cached=1, forms_cached=1))
    large = tables(StateStore())
    assert large["fact_agreements"].num_rows > 1  # positive control: there is something to keep apart
    assert large["dim_organisations"].num_rows > 1
    for name in large:
        assert small[name].equals(large[name]), name


def test_a_stored_map_pushed_out_of_its_cache_reads_back_as_the_dict_it_stands_for():
    import random

    store = StateStore()
    stored, plain = StoredMap(store.db, "m", size=2), {}
    rng = random.Random(3)
    for _ in range(2_000):
        key, value = f"k{rng.randrange(20)}", f"v{rng.randrange(5)}"
        op = rng.randrange(4)
        if op == 0:
            stored[key] = plain[key] = value
        elif op == 1:
            assert stored.pop(key) == plain.pop(key, None)
        elif op == 2:
            assert stored.setdefault(key, value) == plain.setdefault(key, value)
        else:
            assert (key in stored, stored.get(key)) == (key in plain, plain.get(key))
        stored.trim()
    assert len(stored) == len(plain) > 0


def test_ids_a_fold_touched_come_back_in_order_once_each_in_chunks():
    store = StateStore()
    touched = store.touched["a"]
    touched.update(["c", "a", "b", "a"])
    touched.flush()
    touched.update(["b", "d"])
    assert list(touched.chunks(3)) == [["a", "b", "c"], ["d"]]
    store.touched.clear()
    assert list(touched) == []
