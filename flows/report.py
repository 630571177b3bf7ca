"""A run in words, for people: the Markdown of the run's Prefect artifact and of `report.md` beside its
version. Pure: the run summary in, Markdown out.
"""

from __future__ import annotations

from typing import Any

from warehouse.new_facts import NEW_FACTS

SHOWN_QUARANTINE = 20


def _cell(value: Any) -> str:
    return str("" if value is None else value).replace("|", "\\|").replace("\n", " ")


def row_changes(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows per table now, before (the published warehouse) and the change; the table artifact's rows."""
    before = summary.get("previous_rows", {})
    return [{"table": t, "rows": n, "before": before.get(t), "change": None if t not in before else n - before[t]}
            for t, n in summary.get("rows", {}).items()]


def run_markdown(summary: dict[str, Any]) -> str:
    """The whole report: verdict, sources, rows and their change, new facts, quarantine, gate failures."""
    gate = summary.get("gate", {})
    verdict = "published" if summary.get("published") else "**blocked by the quality gate**: nothing published"
    if summary.get("unchanged"):
        verdict = f"nothing new: version {summary.get('live_run_id')} stands as published"
    lines = [f"# Parley run {summary.get('run_id', '')}", "",
             f"Verdict: {verdict} ({gate.get('evaluated', 0)} expectations, {len(gate.get('failures', []))} failed)."]
    a = summary.get("articles", {})
    if a:
        lines += ["", f"Articles: {a.get('read', 0)} read, {a.get('new', 0)} new, {a.get('already_known', 0)} "
                      f"already known, {a.get('quarantined', 0)} quarantined, {a.get('unchanged', 0)} files "
                      f"unchanged since the last run (not read); {a.get('in_warehouse', 0)} in the warehouse."]
    if summary.get("seconds"):
        lines += ["", "Time: " + ", ".join(f"{stage} {secs:.1f} s" for stage, secs in summary["seconds"].items()) + "."]
    if summary.get("peak_rss_mib"):
        lines += ["", "Peak memory of the run's process after each stage: "
                  + ", ".join(f"{stage} {mib:,} MiB" for stage, mib in summary["peak_rss_mib"].items()) + "."]
    lines += _sources(summary.get("source_report", []))
    lines += ["", "## Rows", "", "| table | rows | change |", "|---|---:|---:|"]
    for r in row_changes(summary):
        change = "new" if r["change"] is None else f"{r['change']:+d}"
        lines.append(f"| {r['table']} | {r['rows']} | {change} |")
    lines += _new_facts(summary.get("new_facts", {}))
    lines += _quarantine(summary.get("quarantined_now", []))
    if gate.get("failures"):
        lines += ["", "## Failed expectations", ""] + [f"- {_cell(f)}" for f in gate["failures"]]
    return "\n".join(lines) + "\n"


def _sources(report: list[dict[str, Any]]) -> list[str]:
    if not report:
        return []
    lines = ["", "## Sources", "", "| source | kind | status | items | new |", "|---|---|---|---:|---:|"]
    for s in report:
        status = s["status"] + (f": {s['error']}" if s.get("error") else "")
        lines.append(f"| {_cell(s['name'])} | {s['kind']} | {_cell(status)} | {s.get('items', 0)} | "
                     f"{s.get('new', 0)} |")
    return lines


def _new_facts(new: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    for name, info in new.items():
        if not info["count"]:
            continue
        key, _, cols = NEW_FACTS[name]
        lines += ["", f"## New in {name}: {info['count']}", "",
                  "| " + " | ".join((key, *cols, "evidence")) + " |", "|" + "---|" * (len(cols) + 2)]
        lines += ["| " + " | ".join(_cell(r[c]) for c in (key, *cols, "evidence")) + " |" for r in info["shown"]]
        if info["count"] > len(info["shown"]):
            lines.append(f"\n… and {info['count'] - len(info['shown'])} more.")
    return lines


def _quarantine(items: list[list[str]]) -> list[str]:
    if not items:
        return []
    lines = ["", f"## Quarantined in this run: {len(items)}", "", "| input | reason |", "|---|---|"]
    lines += [f"| {_cell(uri)} | {_cell(reason)} |" for uri, reason in items[:SHOWN_QUARANTINE]]
    if len(items) > SHOWN_QUARANTINE:
        lines.append(f"\n… and {len(items) - SHOWN_QUARANTINE} more (`parley quarantine list`).")
    return lines
