"""Small questions for the reading pool, sent a few at a time.

Each trip to a reading process costs the check's own process about 0.4 ms of CPU: pickling,
the pool's feeder and manager threads, waking the event loop with the answer. For a question
that takes a reading process about as long to answer (is this re-rendered page's statement
unchanged?) that is half of the check process's work per page, and the check process is what
bounds a check of many pages on few cores. Questions asked within `wait` seconds of each other
go together, up to `size`: eight cost one trip.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor
from functools import partial
from typing import Any


def answer_each(
    fn: Callable[..., Any], calls: list[tuple[Any, ...]], shared: dict[str, Any]
) -> list[tuple[bool, Any]]:
    """In a reading process: `fn(*call, **shared)` for each call, as (True, result) or
    (False, the exception it raised), so one page's failure stays that page's."""
    out: list[tuple[bool, Any]] = []
    for call in calls:
        try:
            out.append((True, fn(*call, **shared)))
        except Exception as exc:
            out.append((False, exc))
    return out


class Batches:
    """Calls of one module-level function, with the same `shared` keyword arguments (the same
    objects), sent to `pool` together. Only for calls whose answers are cheap next to a trip:
    a batch is answered when its last call is."""

    def __init__(
        self, pool: Executor, fn: Callable[..., Any], *, size: int = 8, wait: float = 0.01
    ):
        self.pool, self.fn, self.size, self.wait = pool, fn, size, wait
        self._calls: list[tuple[Any, ...]] = []
        self._waiting: list[asyncio.Future[Any]] = []
        self._shared: dict[str, Any] = {}
        self._timer: asyncio.TimerHandle | None = None

    async def call(self, *args: Any, **shared: Any) -> Any:
        loop = asyncio.get_running_loop()
        if self._calls and not _same(shared, self._shared):
            self._send()
        self._shared = shared
        answer = loop.create_future()
        self._calls.append(args)
        self._waiting.append(answer)
        if len(self._calls) >= self.size:
            self._send()
        elif self._timer is None:
            self._timer = loop.call_later(self.wait, self._send)
        return await answer

    def _send(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        calls, waiting, self._calls, self._waiting = self._calls, self._waiting, [], []
        if not calls or all(w.cancelled() for w in waiting):
            return
        loop = asyncio.get_running_loop()
        try:
            sent = loop.run_in_executor(
                self.pool, partial(answer_each, self.fn, calls, self._shared)
            )
        except Exception as exc:  # a pool shut down or broken: the askers are told, not left
            sent = loop.create_future()
            sent.set_exception(exc)
        sent.add_done_callback(partial(_deliver, waiting))


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a.keys() == b.keys() and all(a[k] is b[k] for k in a)


def _deliver(waiting: list[asyncio.Future[Any]], sent: asyncio.Future[Any]) -> None:
    failed = None if sent.cancelled() else sent.exception()
    answers = None if sent.cancelled() or failed else sent.result()
    for i, answer in enumerate(waiting):
        if answer.done():  # its asker was cancelled
            continue
        if answers is None:
            answer.set_exception(failed) if failed else answer.cancel()
        elif answers[i][0]:
            answer.set_result(answers[i][1])
        else:
            answer.set_exception(answers[i][1])
