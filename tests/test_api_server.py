"""A command-line run's Prefect API: a temporary server launched early, unless a server is configured."""

from __future__ import annotations

import urllib.request

import pytest

from flows.api_server import api_for_run, launch_temporary_server


def test_a_launched_temporary_server_answers_its_health_check_and_stops(monkeypatch: pytest.MonkeyPatch, tmp_path):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    server = launch_temporary_server()
    assert server is not None
    try:
        url = server.wait_ready()
        with urllib.request.urlopen(f"{url}/health", timeout=5) as answer:
            assert answer.status == 200
    finally:
        server.stop()
    assert server.process.poll() is not None


def test_no_server_is_launched_where_the_environment_names_one_or_turns_them_off(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    assert launch_temporary_server() is None
    monkeypatch.delenv("PREFECT_API_URL")
    monkeypatch.setenv("PREFECT_SERVER_EPHEMERAL_ENABLED", "false")
    assert launch_temporary_server() is None


def test_a_server_named_by_prefects_settings_wins_and_the_launched_one_is_stopped(monkeypatch: pytest.MonkeyPatch,
                                                                                  tmp_path):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    server = launch_temporary_server()
    assert server is not None
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        assert api_for_run(server) is None
    assert server.process.poll() is not None
    assert api_for_run(None) is None
