"""`monitor run` as a process: the Service started, run until SIGTERM or SIGINT, stopped.

Library logging and Python warnings go through the service's log for as long as it runs, so
`--log-json` output stays pure JSON lines; a stop waits for the work in flight (each job stops
at its next safe point) and exits anyway when that takes too long (the store is crash-safe).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from typing import TextIO

from monitor.config import Config
from monitor.run.cycle import CheckInterrupted
from monitor.run.service import Service
from monitor.run.service_log import ServiceLog, log_started, log_stopped, logging_through


def run_service(config: Config, *, log_json: bool = False, stream: TextIO | None = None) -> bool:
    """Run until SIGTERM or SIGINT; True when the work in flight stopped cleanly.

    Raises StoreError when the store cannot be used at all.
    """
    log = ServiceLog(stream or sys.stderr, json_lines=log_json)
    with logging_through(log):  # Python warnings, too, become log lines
        service = Service(config, log)
        stop = threading.Event()

        def on_signal(signum: int, frame: object) -> None:
            stop.set()
            service.request_stop()

        previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            if not _start(service, config, log):
                return True
            while not stop.wait(0.5):
                pass
            log("stopping", "stop requested: the work in flight stops at its next safe point")
        finally:
            clean = service.stop()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
    log_stopped(log, clean)
    if not clean:
        sys.stderr.flush()
        os._exit(0)  # a job that does not stop must not keep the process alive
    return clean


def _start(service: Service, config: Config, log: ServiceLog) -> bool:
    """Start the service and say so; False when a stop came while it waited for the store."""
    try:
        service.start()
    except CheckInterrupted:  # stopped while waiting for the store at startup
        log("stopped", "stopped before starting", clean=True)
        return False
    log_started(log, config)
    return True
