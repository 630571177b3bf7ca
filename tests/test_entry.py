"""The console command ends its process with the command's exit code, its output complete."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from parley.cli import main


def _console(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from parley.entry import console; console()", *args],
                          env={"PARLEY_HOME": str(home), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True,
                          timeout=120)


def test_the_console_exits_with_the_commands_code_and_writes_all_it_printed(tmp_path, capsys):
    main(["schema"])
    expected = capsys.readouterr().out
    done = _console("schema", home=tmp_path)
    assert (done.returncode, done.stdout) == (0, expected) and len(expected) > 2000
    assert _console("--help", home=tmp_path).returncode == 0
    module = subprocess.run([sys.executable, "-m", "parley", "schema"], capture_output=True, text=True, timeout=120,
                            env={"PARLEY_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert (module.returncode, module.stdout) == (0, expected)  # `python -m parley` is the same command
    bad = _console("sql", "select 1", home=tmp_path / "none")
    assert bad.returncode == 2 and bad.stderr.startswith("parley: ")
    assert _console("no-such-command", home=tmp_path).returncode == 2


def test_a_run_without_a_configured_server_launches_its_own_publishes_and_leaves_no_server_behind(tmp_path):
    from tests.conftest import write_articles

    src = write_articles(tmp_path / "src", {"a.txt": "Vexa Systems signed an MoU with the Norland Navy in Oslo on "
                                                     "Monday, the company said.\n"})
    env = {"PARLEY_HOME": str(tmp_path / "home"), "PREFECT_HOME": str(tmp_path / "prefect"), "PATH": "/usr/bin:/bin",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "GX_ANALYTICS_ENABLED": "false"}
    before = _prefect_servers()
    done = subprocess.run([sys.executable, "-c", "from parley.entry import console; console()", "run", "--source",
                           str(src)], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "quality gate: passed" in done.stdout
    assert _prefect_servers() <= before


def _prefect_servers() -> set[str]:
    """The process ids of Prefect API servers running now."""
    ps = subprocess.run(["ps", "-eo", "pid=,args="], capture_output=True, text=True).stdout
    return {line.split()[0] for line in ps.splitlines() if "prefect.server.api.server:create_app" in line}
