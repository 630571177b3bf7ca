"""The `parley` console command: `parley.cli.main`, then an exit that skips the interpreter's teardown.

A run leaves millions of objects behind (the knowledge's patterns, the model state's caches, Great
Expectations' and pandas' modules). At a normal exit, after the exit handlers, Python frees them one by
one: 2 s on the samples and about 5 s at 100,000 articles, for a process that is about to end anyway.
This module imports nothing heavy before it registers its own exit handler, so that handler runs after
every other one (they run last registered, first run): Prefect has stopped its temporary server,
multiprocessing has joined its helpers, logging has flushed, and running threads were joined before any
handler ran. It then flushes the standard streams and ends the process with the command's exit code.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys

_exit_code = 1  # an exception escaping `main` (its traceback printed) ends the command as a failure


def _end_now() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe or stream: nothing more can be written
            stream.flush()
    os._exit(_exit_code)


def console() -> None:
    global _exit_code
    atexit.register(_end_now)
    from parley.cli import main

    try:
        _exit_code = main()
    except SystemExit as exc:  # argparse's --help (0) and usage errors (2)
        _exit_code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        raise
    sys.exit(_exit_code)
