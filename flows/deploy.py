"""Scheduled runs the Prefect way: a deployment of the `parley-run` flow with the configured cron.

`parley serve-flow` serves it from this process (a long-running process runs each scheduled or triggered run);
`parley deploy` registers it with a Prefect server for a worker of the `work_pool` (process type) to run.
Both take the schedule, timezone and name from the settings, and pass PARLEY_HOME as a parameter, so a
run started from the UI reads the same configuration as `parley run`.
"""

from __future__ import annotations

import inspect
from contextlib import suppress
from pathlib import Path
from typing import Any

from parley.settings import Settings

FLOW_ENTRYPOINT = "flows/run.py:parley_run"


class DeployError(RuntimeError):
    """The deployment cannot be made; the message says what to set up first."""


def project_root() -> Path:
    """Where a worker finds the flow's code: the folder holding the `flows` package."""
    return Path(__file__).resolve().parent.parent


def schedule(settings: Settings) -> Any:
    """The settings' cron as Prefect's schedule; a cron Prefect cannot read is a DeployError."""
    from prefect.client.schemas.schedules import CronSchedule

    try:
        return CronSchedule(cron=settings.schedule, timezone=settings.timezone)
    except ValueError as exc:
        first = str(exc).splitlines()[-1].strip()
        raise DeployError(f"schedule {settings.schedule!r} / timezone {settings.timezone!r} cannot be used: "
                          f"{first}; fix them in parley.toml (e.g. schedule = \"0 6 * * *\")") from None


def _description(settings: Settings) -> str:
    return (f"Parley: news sources into the star schema in {settings.home}, published only when the quality "
            "gate passes. Sources: parley.toml (or the `sources` parameter).")


def runner_deployment(settings: Settings) -> Any:
    """The deployment `parley serve-flow` serves."""
    from flows.run import parley_run

    return parley_run.to_deployment(name=settings.deployment_name, schedule=schedule(settings),
                                    parameters={"home": str(settings.home)}, description=_description(settings),
                                    tags=["parley"])


def serve(settings: Settings) -> None:
    """Serves the deployment until stopped (Ctrl-C); every scheduled or triggered run runs here."""
    from prefect import serve as prefect_serve

    prefect_serve(runner_deployment(settings), print_starting_message=True)


def deploy(settings: Settings) -> str:
    """Registers the deployment with the Prefect server at PREFECT_API_URL (its work pool is created if
    missing); returns its id. A worker (`prefect worker start --pool <work_pool>`) runs it."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectAlreadyExists

    from flows.run import parley_run

    if not _profile_api_url():
        raise DeployError("parley deploy registers a deployment with a Prefect server: start one "
                          "(`prefect server start`) and set PREFECT_API_URL=http://127.0.0.1:4200/api")
    when = schedule(settings)
    with get_client(sync_client=True) as client, suppress(ObjectAlreadyExists):
        client.create_work_pool(WorkPoolCreate(name=settings.work_pool, type="process"))
    flow = parley_run.from_source(source=str(project_root()), entrypoint=FLOW_ENTRYPOINT)
    assert not inspect.isawaitable(flow)  # from a synchronous caller, the flow itself
    deployment_id = flow.deploy(name=settings.deployment_name, work_pool_name=settings.work_pool, schedule=when,
                                parameters={"home": str(settings.home)}, description=_description(settings),
                                tags=["parley"], build=False, push=False, print_next_steps=False)
    return str(deployment_id)


def _profile_api_url() -> str | None:
    """PREFECT_API_URL as the user's Prefect profile sets it (not only the environment)."""
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()
