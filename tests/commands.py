"""`monitor` commands as tests drive them, two ways with one result record:

- `invoke`: in this process, through click's runner: the same command, options, exit codes and
  the two streams, in milliseconds (no interpreter start, no second reading pool), so the quick
  loop covers the command line;
- `spawn`: a real `python -m monitor` subprocess, for what only a process shows: the entry
  point, a kill, a resource limit, concurrent processes, the service. Those tests are `slow`.

An unexpected exception in `invoke` is exit 1 with the traceback on stderr, as in a process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from monitor.cli import cli

MONITOR = [sys.executable, "-m", "monitor"]


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


def invoke(*args: str, cwd: Path | None = None, env: Mapping[str, str | None] | None = None) -> Ran:
    """Run `monitor ARGS` in this process; `env` values of None unset a variable."""
    environ = {"NO_COLOR": "1", **(env or {})}
    previous = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, list(args), env=environ, prog_name="monitor")
    finally:
        os.chdir(previous)
    stderr = result.stderr
    if result.exc_info is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(*result.exc_info))
    return Ran(result.exit_code, result.stdout, stderr)


def spawn(
    *args: str,
    cwd: Path | None = None,
    env: Mapping[str, str | None] | None = None,
    timeout: float = 300,
    **popen: object,
) -> Ran:
    """Run `python -m monitor ARGS` as a subprocess and wait for it."""
    environ = {**os.environ, "NO_COLOR": "1"}
    for name, value in (env or {}).items():
        if value is None:
            environ.pop(name, None)
        else:
            environ[name] = value
    done = subprocess.run([*MONITOR, *args], capture_output=True, text=True, cwd=cwd,
                          env=environ, timeout=timeout, **popen)  # type: ignore[call-overload]  # fmt: skip
    return Ran(done.returncode, done.stdout, done.stderr)
