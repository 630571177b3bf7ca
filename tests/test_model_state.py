"""The model state a version keeps: read back whole, or not at all."""

from __future__ import annotations

from pathlib import Path

from transforms.knowledge import knowledge
from transforms.model import ModelState
from warehouse import model_state

from .test_incremental_model import RUNS


def folded(key: str) -> ModelState:
    state = ModelState(key=key)
    state.fold(RUNS[0])
    return state


def test_a_state_reads_back_with_what_it_holds(tmp_path: Path):
    back = model_state.load(model_state.save(tmp_path, folded("v1")).parent, "v1", knowledge())
    assert back is not None and back.last == folded("v1").last and back.hashes == folded("v1").hashes
    assert set(back.events) == set(folded("v1").events)  # events by id, made again from the clusterers


def test_a_state_made_by_other_code_or_records_is_not_used(tmp_path: Path):
    model_state.save(tmp_path, folded("v1"))
    assert model_state.load(tmp_path, "v2", knowledge()) is None
    assert model_state.load(tmp_path, "v1", knowledge()) is not None  # positive control


def test_a_damaged_state_means_modelling_from_empty(tmp_path: Path):
    path = model_state.save(tmp_path, folded("v1"))
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert model_state.load(tmp_path, "v1", knowledge()) is None
