"""Work started early on a thread hands back its value, or its error, when asked."""

from __future__ import annotations

import threading

import pytest

from flows.background import Background, warm_imports


def test_the_result_is_the_calls_value_and_waits_for_it():
    started = threading.Event()

    def slow(x: int) -> int:
        started.wait(5)
        return x * 2

    job = Background("test", slow, 21)
    started.set()
    assert job.result() == 42


def test_the_calls_error_is_raised_where_the_result_is_asked_for():
    def broken() -> None:
        raise ValueError("no state here")

    job = Background("test", broken)
    with pytest.raises(ValueError, match="no state here"):
        job.result()


def test_a_module_that_cannot_be_imported_is_left_for_the_real_import():
    warm_imports("json", "no_such_module_for_parley").result()  # no error here
    with pytest.raises(ModuleNotFoundError):
        __import__("no_such_module_for_parley")
