"""Parley as Prefect users run it: a deployment on the configured schedule, a served flow that runs when
triggered, artifacts that name the run's new rows, and a webhook told when a run is blocked. Against the
session's real Prefect server (no mocks)."""

from __future__ import annotations

import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from parley.cli import main
from transforms.extract import extractor_version
from transforms.reading import read_article
from transforms.record import ArticleRecord, EventRecord
from warehouse import zones

from .conftest import write_articles

pytestmark = pytest.mark.usefixtures("prefect_server")

ARTICLES = {
    "a.txt": " date 2026-03-03 The Coast Guard signed a contract with Kestrel Marine Limited on Monday in Goa.",
    "b.txt": " date 2026-03-04 Defence Secretary Ravi Menon chaired a review meeting in New Delhi on Tuesday.",
}


def api_url() -> str:
    from prefect.settings import PREFECT_API_URL

    return str(PREFECT_API_URL.value())


def configured_home(tmp_path: Path, extra: str = "") -> Path:
    home = tmp_path / "home"
    home.mkdir(parents=True)
    src = write_articles(tmp_path / "src", ARTICLES)
    (home / "parley.toml").write_text(f"""schedule = "15 4 * * 1"
timezone = "Asia/Kolkata"
deployment_name = "weekly-{tmp_path.name[-12:]}"
{extra}
[[sources]]
name = "desk"
folder = "{src}"
""", encoding="utf-8")
    return home


def test_deploy_creates_a_deployment_whose_schedule_matches_the_configuration(tmp_path: Path, monkeypatch, capsys):
    from prefect import get_client

    home = configured_home(tmp_path)
    monkeypatch.setenv("PARLEY_HOME", str(home))
    assert main(["deploy"]) == 0
    assert "prefect worker start --pool parley" in capsys.readouterr().out
    with get_client(sync_client=True) as client:
        d = client.read_deployment_by_name(f"parley-run/weekly-{tmp_path.name[-12:]}")
    (sched,) = d.schedules
    assert (sched.schedule.cron, sched.schedule.timezone) == ("15 4 * * 1", "Asia/Kolkata")
    assert d.parameters == {"home": str(home)} and d.work_pool_name == "parley"
    assert d.entrypoint == "flows/run.py:parley_run"


def test_deploy_without_a_prefect_server_says_how_to_start_one(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env |= {"PARLEY_HOME": str(configured_home(tmp_path)), "PREFECT_HOME": str(tmp_path / "prefect")}
    out = subprocess.run([sys.executable, "-m", "parley.cli", "deploy"], env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 2 and "prefect server start" in out.stderr and "Traceback" not in out.stderr


def test_a_bad_schedule_is_a_one_line_error(tmp_path: Path, monkeypatch, capsys):
    home = configured_home(tmp_path)
    (home / "parley.toml").write_text((home / "parley.toml").read_text().replace("15 4 * * 1", "99 4 * * 1"))
    monkeypatch.setenv("PARLEY_HOME", str(home))
    assert main(["deploy"]) == 2
    assert "schedule '99 4 * * 1'" in capsys.readouterr().err


def test_a_served_flow_runs_when_triggered_and_its_artifact_names_the_new_rows(tmp_path: Path):
    from prefect import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey
    from prefect.deployments import run_deployment

    home = configured_home(tmp_path)
    name = f"parley-run/weekly-{tmp_path.name[-12:]}"
    env = {**os.environ, "PARLEY_HOME": str(home), "PREFECT_API_URL": api_url(),
           "PREFECT_RUNNER_POLL_FREQUENCY": "1"}
    serving = subprocess.Popen([sys.executable, "-m", "parley.cli", "serve-flow"], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, start_new_session=True)
    try:
        with get_client(sync_client=True) as client:
            deadline = time.monotonic() + 90
            while True:
                try:
                    d = client.read_deployment_by_name(name)
                    break
                except Exception:  # noqa: BLE001 (not registered yet)
                    assert time.monotonic() < deadline and serving.poll() is None, "serve did not start"
                    time.sleep(1)
        assert d.schedules[0].schedule.cron == "15 4 * * 1"
        run = run_deployment(name, timeout=240)
        assert run.state.is_completed(), run.state
        with get_client(sync_client=True) as client:
            run = client.read_flow_run(run.id)
            (artifact,) = client.read_artifacts(artifact_filter=ArtifactFilter(
                key=ArtifactFilterKey(any_=["parley-run-report"]), flow_run_id=ArtifactFilterFlowRunId(any_=[run.id])))
    finally:
        os.killpg(serving.pid, signal.SIGINT)
        try:
            serving.wait(timeout=90)
        except subprocess.TimeoutExpired:  # cleanup only: how fast serve stops is not this test's claim
            os.killpg(serving.pid, signal.SIGKILL)
            serving.wait()
    versions = list((home / "versions").iterdir())
    assert run.name == f"parley-{versions[0].name}"  # the flow run carries Parley's run id
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        (agreement_id,) = con.execute("select agreement_id from fact_agreements").fetchone()
        (meeting_id,) = con.execute("select meeting_id from fact_meetings").fetchone()
    assert agreement_id in artifact.data and meeting_id in artifact.data
    assert "Kestrel Marine" in artifact.data and "## New in fact_agreements: 1" in artifact.data


class Hook(http.server.BaseHTTPRequestHandler):
    received: list[dict] = []

    def log_message(self, *args):
        pass

    def do_POST(self):  # noqa: N802 (the http.server name)
        Hook.received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(204)
        self.end_headers()


def test_a_blocked_run_tells_the_webhook_and_its_report_gives_the_failed_bounds(tmp_path: Path):
    from flows.run import parley_run

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Hook.received.clear()
    hook = f'notify_webhook = "http://127.0.0.1:{server.server_address[1]}/hook"'
    home = configured_home(tmp_path / "blocked", hook)
    text = ARTICLES["a.txt"]
    art = read_article(text.encode(), max_bytes=10**6)
    zones.append_extracted(home / "extracted", extractor_version(), {art.content_hash: ArticleRecord(
        events={"agreement": [EventRecord(type="handshake", evidence="The Coast Guard signed a contract.")]})})
    try:
        blocked = parley_run(None, str(home), return_state=True)
        sent_when_blocked = list(Hook.received)
        published = parley_run(None, str(configured_home(tmp_path / "fine", hook)), return_state=True)
    finally:
        server.shutdown()
    assert blocked.is_failed() and published.is_completed()
    (sent,) = sent_when_blocked
    assert sent["event"] == "parley.run.blocked" and sent["text"].startswith("Parley run ")
    assert any("expect_column_values_to_be_in_set" in f for f in sent["failed_expectations"])
    assert Hook.received == sent_when_blocked  # a published run tells nobody
    report = next((home / "versions").glob("*/report.md")).read_text(encoding="utf-8")
    assert "blocked by the quality gate" in report and "allowed: " in report  # what the expectation needed
