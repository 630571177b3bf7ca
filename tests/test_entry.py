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
    bad = _console("sql", "select 1", home=tmp_path / "none")
    assert bad.returncode == 2 and bad.stderr.startswith("parley: ")
    assert _console("no-such-command", home=tmp_path).returncode == 2
