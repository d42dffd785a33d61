"""When each source is due: pure arithmetic on what the store remembers, with the clock passed in.

The service and `monitor status` both ask this module, so the time `status` shows is the time the
service will use. Nothing here is remembered in memory: the next due time follows from the
source's last check and its run of failures, so a restart (after a crash, a reboot or an upgrade)
carries on exactly where the last process stopped, and a source that became due while nothing
was running is checked once, at once — missed runs are never replayed one by one.

- Interval sources are due `every` seconds after their last check ended; cron sources at the
  first matching time after it.
- Jitter spreads sources over [0, jitter) after that time. It is derived from the source name
  and the nominal time, so it is stable across restarts and between the service and `status`.
- A source failing n checks in a row waits base × 2ⁿ (never less than its base interval, never
  more than `max_backoff`), so a site that is down is not hammered for a week.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from functools import lru_cache

from apscheduler.triggers.cron import CronTrigger

from monitor.config import ScheduleConfig, SourceConfig

MIN_INTERVAL = 1.0  # seconds; `every: 0` must not turn the service into a busy loop
_MAX_DOUBLINGS = 40  # 2**40 × 1 s is far beyond any cap; keeps the float arithmetic finite
_WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Cadence:
    """How often one source is checked: an interval or a cron expression, plus jitter and cap."""

    every: float | None = None  # seconds
    cron: str | None = None
    jitter: float = 0.0
    max_backoff: float = 86400.0

    def describe(self) -> str:
        if self.cron:
            return f"cron {self.cron}"
        return f"every {format_duration(self.every or 0)}"


@dataclass(frozen=True)
class SourceTimes:
    """What the store remembers about a source's checks (`sources` table)."""

    last_check_at: datetime | None = None
    last_ok_at: datetime | None = None
    consecutive_failures: int = 0


@dataclass(frozen=True)
class Due:
    at: datetime  # when to check next (never before `now` for an overdue source)
    overdue: bool  # the regular time had already passed: check now, once
    interval: float  # seconds from the last check to the nominal time, backoff included


def cadence_for(src: SourceConfig, schedule: ScheduleConfig) -> Cadence:
    """A source's own `cron` or `every` wins over the `schedule:` default; cron over every."""
    if src.cron:
        every, cron = None, src.cron
    elif src.every is not None:
        every, cron = src.every, None
    elif schedule.cron:
        every, cron = None, schedule.cron
    else:
        every, cron = schedule.every, None
    if every is not None:
        every = max(every, MIN_INTERVAL)
    return Cadence(every=every, cron=cron, jitter=schedule.jitter, max_backoff=schedule.max_backoff)


def cron_trigger(expr: str, tz: tzinfo) -> CronTrigger:
    """A CronTrigger with standard crontab weekdays (0 and 7 are Sunday).

    APScheduler 3 numbers weekdays from Monday, so "0 7 * * 1-5" would otherwise skip Monday and
    run on Saturday; numeric weekdays are rewritten as names before it sees them.
    """
    return _cron_trigger(expr, tz)


@lru_cache(maxsize=256)
def _cron_trigger(expr: str, tz: tzinfo) -> CronTrigger:
    fields = expr.split()
    if len(fields) == 5:
        fields[4] = cron_weekdays(fields[4])
    return CronTrigger.from_crontab(" ".join(fields), timezone=tz)


def cron_weekdays(field: str) -> str:
    """Rewrite the numeric parts of a crontab weekday field as day names ("1-5" → "mon,…,fri")."""
    if field == "*":
        return field
    out: list[str] = []
    for item in field.split(","):
        span, _, step = item.partition("/")
        if step and not step.isdigit():
            return field
        if span == "*":
            lo, hi = 0, 6
        elif "-" in span:
            a, _, b = span.partition("-")
            if not (a.isdigit() and b.isdigit()):
                out.append(item)  # names (mon-fri) mean the same to both
                continue
            lo, hi = int(a), int(b)
        elif span.isdigit():
            lo = int(span)
            hi = 6 if step else lo  # cron: "1/2" runs from 1 to the end of the range
        else:
            out.append(item)
            continue
        if not (0 <= lo <= 7 and 0 <= hi <= 7 and lo <= hi):
            return field  # let the cron parser report it
        out.extend(_WEEKDAYS[d] for d in range(lo, hi + 1, int(step) if step else 1))
    return ",".join(dict.fromkeys(out))


def next_cron(expr: str, after: datetime, tz: tzinfo) -> datetime:
    """The first time strictly after `after` that the cron expression names (in UTC)."""
    fire = cron_trigger(expr, tz).get_next_fire_time(None, after + timedelta(microseconds=1))
    if fire is None:  # a cron expression that never fires again (e.g. a past date)
        return after + timedelta(days=36500)
    return fire.astimezone(UTC)


def backoff_interval(base: float, failures: int, cap: float) -> float:
    """base × 2**failures, at most `cap`, and never shorter than `base` itself."""
    doubled = base * 2.0 ** min(max(failures, 0), _MAX_DOUBLINGS)
    return max(base, min(doubled, cap))


def jitter_offset(name: str, nominal: datetime, jitter: float) -> float:
    """A stable offset in [0, jitter) for this source and this run."""
    if jitter <= 0:
        return 0.0
    seed = f"{name}|{nominal.astimezone(UTC).isoformat()}".encode()
    fraction = int.from_bytes(hashlib.sha256(seed).digest()[:8], "big") / 2**64
    return jitter * fraction


def nominal_due(cadence: Cadence, last: datetime, failures: int, tz: tzinfo) -> datetime:
    """When the source is due after a check at `last`, backoff included, before jitter."""
    if cadence.cron:
        first = next_cron(cadence.cron, last, tz)
        if failures <= 0:
            return first
        period = (next_cron(cadence.cron, first, tz) - first).total_seconds()
        wait = backoff_interval(period, failures, cadence.max_backoff)
        if wait <= period:
            return first
        # skip fires until the backed-off interval has passed: the first fire at or after that
        skip_to = first + timedelta(seconds=wait - period, microseconds=-1)
        return next_cron(cadence.cron, skip_to, tz)
    every = max(cadence.every or MIN_INTERVAL, MIN_INTERVAL)
    return last + timedelta(seconds=backoff_interval(every, failures, cadence.max_backoff))


def claim_window(cadence: Cadence, now: datetime, tz: tzinfo = UTC) -> float:
    """How long a scheduler's claim on a source's check holds off the other schedulers: half
    its nominal interval (jitter and clocks apart, schedulers fire within it; the next
    interval's fire comes after it)."""
    if cadence.cron:
        first = next_cron(cadence.cron, now, tz)
        return (next_cron(cadence.cron, first, tz) - first).total_seconds() / 2
    return max(cadence.every or MIN_INTERVAL, MIN_INTERVAL) / 2


def next_due(
    name: str, cadence: Cadence, times: SourceTimes, now: datetime, tz: tzinfo = UTC
) -> Due:
    """When `name` should be checked next, seen from `now`.

    Never checked, or due while nothing was running: due now (once, however many runs were
    missed). A last check in the future (the clock was set back) counts as a check now.
    """
    now = now.astimezone(UTC)
    if times.last_check_at is None:
        return Due(at=now, overdue=True, interval=0.0)
    last = min(times.last_check_at.astimezone(UTC), now)
    nominal = nominal_due(cadence, last, times.consecutive_failures, tz)
    interval = (nominal - last).total_seconds()
    # Jitter spreads load; it must not change the cadence itself (a 5 min jitter on a 30 s
    # interval would), so it is at most half the interval.
    jitter = min(cadence.jitter, interval / 2)
    at = nominal + timedelta(seconds=jitter_offset(name, nominal, jitter))
    if at <= now:
        return Due(at=now, overdue=True, interval=interval)
    return Due(at=at, overdue=False, interval=interval)


def due_after_miss(
    name: str, cadence: Cadence, failures: int, now: datetime, tz: tzinfo = UTC
) -> Due:
    """A run that came later than the misfire grace time is skipped: the next regular time."""
    return next_due(
        name, cadence, SourceTimes(last_check_at=now, consecutive_failures=failures), now, tz
    )


DIGEST_RETRY_FIRST = 60.0  # seconds before a digest no server accepted is tried again (doubling)


def digest_retry_delay(failures: int, schedule: ScheduleConfig) -> float:
    """Seconds before the next attempt at digests no server accepted, after `failures` failed
    attempts in a row: doubling from a minute, at most `schedule.max_backoff`."""
    ceiling = max(schedule.max_backoff, DIGEST_RETRY_FIRST)
    return min(DIGEST_RETRY_FIRST * 2 ** min(failures - 1, 30), ceiling)


def digest_overdue(
    cron: str, oldest_waiting: datetime | None, now: datetime, tz: tzinfo = UTC
) -> bool:
    """Did a scheduled digest time pass (while nothing was running) after events began waiting?"""
    if oldest_waiting is None:
        return False
    return next_cron(cron, oldest_waiting.astimezone(UTC) - timedelta(microseconds=1), tz) <= now


def format_duration(seconds: float) -> str:
    """30 → '30s', 5400 → '1.5h': the config's own notation, for logs and `status`."""
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            value = seconds / size
            return f"{value:.0f}{unit}" if value == int(value) else f"{value:.1f}{unit}"
    return f"{seconds:.0f}s" if seconds == int(seconds) else f"{seconds:.1f}s"


def local_timezone() -> tzinfo:
    """Cron expressions are read in the machine's time zone (TZ), like cron itself."""
    from tzlocal import get_localzone

    return get_localzone()
