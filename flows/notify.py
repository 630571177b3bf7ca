"""Telling someone when a run is blocked or fails: a JSON POST to the configured webhook.

The body carries a Slack-compatible `text` line (Slack, Mattermost and Teams incoming webhooks show it)
and the facts a script needs. A webhook that cannot be reached is logged, never fails the run: the
run's own outcome is what matters. Prefect automations can do the same from the flow-run state
(docs/operations.md).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

NOTIFY_TIMEOUT_SECONDS = 10


def payload(event: str, run_id: str, message: str, summary: dict[str, Any] | None, home: str) -> dict[str, Any]:
    """`event` is `blocked` or `failed`."""
    failures = (summary or {}).get("gate", {}).get("failures", [])
    return {
        "text": f"Parley run {run_id} {event}: {message}",
        "event": f"parley.run.{event}",
        "run_id": run_id,
        "message": message,
        "parley_home": home,
        "failed_expectations": failures,
        "rows": (summary or {}).get("rows", {}),
    }


def post(url: str, body: dict[str, Any], user_agent: str) -> str | None:
    """Sends it; the reason it could not be sent, or None."""
    req = urllib.request.Request(url, data=json.dumps(body).encode("utf-8"), method="POST",
                                 headers={"Content-Type": "application/json", "User-Agent": user_agent})
    try:
        with urllib.request.urlopen(req, timeout=NOTIFY_TIMEOUT_SECONDS) as resp:
            resp.read(1024)
        return None
    except urllib.error.HTTPError as exc:
        return f"the webhook answered HTTP {exc.code}"
    except (OSError, ValueError) as exc:
        return f"the webhook could not be reached: {exc}"
