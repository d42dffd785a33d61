"""When sources are due: intervals, cron, jitter bounds, backoff and restarts, on a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from monitor.config import parse_config
from monitor.run.schedule import (
    Cadence,
    SourceTimes,
    backoff_interval,
    cadence_for,
    cron_weekdays,
    digest_overdue,
    due_after_miss,
    jitter_offset,
    next_cron,
    next_due,
)

NOW = datetime(2025, 3, 14, 10, 0, 0, tzinfo=UTC)
HOUR = 3600.0


def times(ago: float | None, failures: int = 0) -> SourceTimes:
    last = None if ago is None else NOW - timedelta(seconds=ago)
    return SourceTimes(last_check_at=last, last_ok_at=last, consecutive_failures=failures)


def config(text: str):
    return parse_config(text)


def test_interval_from_the_end_of_the_last_check():
    cadence = Cadence(every=HOUR, jitter=0)
    due = next_due("mfaic", cadence, times(ago=600), NOW)
    assert due.at == NOW + timedelta(minutes=50) and not due.overdue
    assert due.interval == HOUR


def test_never_checked_is_due_now():
    due = next_due("mfaic", Cadence(every=HOUR, jitter=300), times(ago=None), NOW)
    assert due.at == NOW and due.overdue


def test_overdue_after_a_restart_runs_once_then_resumes_the_rhythm():
    cadence = Cadence(every=HOUR, jitter=0)
    # the service was down for 10 hours: ten runs missed, one check now
    due = next_due("akp", cadence, times(ago=10 * HOUR), NOW)
    assert due.at == NOW and due.overdue
    # that check ends at NOW + 5 s: the next one is a full interval later, not a replay
    after = SourceTimes(last_check_at=NOW + timedelta(seconds=5))
    later = next_due("akp", cadence, after, NOW + timedelta(seconds=6))
    assert later.at == NOW + timedelta(seconds=5 + HOUR) and not later.overdue


def test_a_last_check_in_the_future_counts_as_now():
    # the clock was set back: do not wait for years, nor run in a loop
    skewed = SourceTimes(last_check_at=NOW + timedelta(days=400))
    due = next_due("un", Cadence(every=HOUR, jitter=0), skewed, NOW)
    assert due.at == NOW + timedelta(hours=1)


@pytest.mark.parametrize("jitter", [1.0, 300.0, 1799.0])
def test_jitter_stays_within_bounds_and_is_stable(jitter):
    cadence = Cadence(every=HOUR, jitter=jitter)
    offsets = []
    for i in range(300):
        name = f"source-{i}"
        last = times(ago=(i * 37) % 3000)
        due = next_due(name, cadence, last, NOW)
        nominal = last.last_check_at + timedelta(hours=1)
        offset = (due.at - nominal).total_seconds()
        assert 0 <= offset < jitter
        assert next_due(name, cadence, last, NOW) == due  # same inputs, same time (status = run)
        offsets.append(offset)
    # spread over the whole range, not bunched: both ends of the window are used
    assert min(offsets) < jitter * 0.1 and max(offsets) > jitter * 0.9
    assert len(set(offsets)) > 250


def test_jitter_differs_between_runs_of_one_source():
    runs = {jitter_offset("mfaic", NOW + timedelta(hours=h), 300) for h in range(50)}
    assert len(runs) == 50


def test_jitter_never_exceeds_half_the_interval():
    cadence = Cadence(every=30, jitter=300)  # the default 5 min jitter on a 30 s source
    for i in range(200):
        due = next_due(f"s{i}", cadence, times(ago=0), NOW)
        assert NOW + timedelta(seconds=30) <= due.at < NOW + timedelta(seconds=45)


def test_backoff_doubles_and_is_capped():
    assert [backoff_interval(HOUR, n, 86400) / HOUR for n in range(7)] == [1, 2, 4, 8, 16, 24, 24]
    assert backoff_interval(HOUR, 10_000, 86400) == 86400  # no overflow after a year of errors
    # a weekly source is never checked more often because the cap is shorter than its interval
    assert backoff_interval(7 * 86400, 3, 86400) == 7 * 86400


def test_failing_source_waits_longer_each_time():
    cadence = Cadence(every=HOUR, jitter=0, max_backoff=6 * HOUR)
    gaps = [next_due("akp", cadence, times(ago=0, failures=n), NOW).at - NOW for n in range(5)]
    assert [g.total_seconds() / HOUR for g in gaps] == [1, 2, 4, 6, 6]
    # once it works again (failures reset to 0 by the store) the normal interval is back
    assert next_due("akp", cadence, times(ago=0, failures=0), NOW).at == NOW + timedelta(hours=1)


def test_cron_in_utc_and_in_local_time():
    cadence = Cadence(cron="0 7 * * *", jitter=0)
    last = SourceTimes(last_check_at=datetime(2025, 3, 14, 7, 0, 5, tzinfo=UTC))
    now = datetime(2025, 3, 14, 8, 0, tzinfo=UTC)
    assert next_due("un", cadence, last, now).at == datetime(2025, 3, 15, 7, 0, tzinfo=UTC)
    phnom_penh = ZoneInfo("Asia/Phnom_Penh")  # UTC+7: 07:00 there is 00:00 UTC
    due = next_due("un", cadence, last, now, phnom_penh)
    assert due.at == datetime(2025, 3, 15, 0, 0, tzinfo=UTC)


def test_cron_weekdays_follow_crontab_not_apscheduler():
    # 2025-03-14 is a Friday; "1-5" is Monday to Friday in crontab (0 and 7 are Sunday)
    friday = datetime(2025, 3, 14, 8, 0, tzinfo=UTC)
    assert next_cron("0 7 * * 1-5", friday, UTC) == datetime(2025, 3, 17, 7, 0, tzinfo=UTC)
    assert next_cron("0 7 * * 0", friday, UTC) == datetime(2025, 3, 16, 7, 0, tzinfo=UTC)
    assert next_cron("0 7 * * 7", friday, UTC) == datetime(2025, 3, 16, 7, 0, tzinfo=UTC)
    assert next_cron("0 7 * * 6", friday, UTC) == datetime(2025, 3, 15, 7, 0, tzinfo=UTC)
    assert cron_weekdays("*/2") == "sun,tue,thu,sat"
    assert cron_weekdays("1-5/2,0") == "mon,wed,fri,sun"
    assert cron_weekdays("mon-fri") == "mon-fri"


def test_cron_backoff_skips_fires():
    cadence = Cadence(cron="0 * * * *", jitter=0, max_backoff=5 * HOUR)
    last = SourceTimes(last_check_at=datetime(2025, 3, 14, 9, 0, 3, tzinfo=UTC))
    hours = []
    for failures in range(5):
        failing = SourceTimes(last_check_at=last.last_check_at, consecutive_failures=failures)
        hours.append(next_due("s", cadence, failing, NOW - timedelta(minutes=59)).at.hour)
    assert hours == [10, 11, 13, 14, 14]  # 1 h, 2 h, 4 h, then capped at 5 h after 09:00


def test_cron_jitter_stays_within_bounds():
    cadence = Cadence(cron="0 7 * * *", jitter=600)
    last = SourceTimes(last_check_at=datetime(2025, 3, 14, 7, 0, 5, tzinfo=UTC))
    fire = datetime(2025, 3, 15, 7, 0, tzinfo=UTC)
    for i in range(100):
        at = next_due(f"s{i}", cadence, last, NOW).at
        assert fire <= at < fire + timedelta(minutes=10)


def test_a_missed_run_goes_to_the_next_regular_time():
    cadence = Cadence(every=HOUR, jitter=0, max_backoff=86400)
    assert due_after_miss("s", cadence, 0, NOW, UTC).at == NOW + timedelta(hours=1)
    assert due_after_miss("s", cadence, 2, NOW, UTC).at == NOW + timedelta(hours=4)
    daily = Cadence(cron="30 6 * * *", jitter=0)
    assert due_after_miss("s", daily, 0, NOW, UTC).at == datetime(2025, 3, 15, 6, 30, tzinfo=UTC)


def test_source_settings_override_the_default():
    cfg = config(
        "schedule: {every: 2h, jitter: 1m, max_backoff: 12h}\n"
        "sources:\n"
        "  - {name: plain, url: 'https://a.example/'}\n"
        "  - {name: fast, url: 'https://b.example/', every: 10m}\n"
        "  - {name: morning, url: 'https://c.example/', cron: '0 7 * * *'}\n"
        "  - {name: tiny, url: 'https://d.example/', every: 0s}\n"
    )
    plain, fast, morning, tiny = (cadence_for(s, cfg.schedule) for s in cfg.sources)
    assert (plain.every, plain.cron, plain.jitter, plain.max_backoff) == (7200, None, 60, 43200)
    assert (fast.every, fast.cron) == (600, None)
    assert (morning.every, morning.cron) == (None, "0 7 * * *")
    assert tiny.every >= 1  # `every: 0` would be a busy loop
    default_cron = config(
        "schedule: {cron: '*/15 * * * *'}\n"
        "sources:\n"
        "  - {name: a, url: 'https://a.example/'}\n"
        "  - {name: b, url: 'https://b.example/', every: 1h}\n"
    )
    a, b = (cadence_for(s, default_cron.schedule) for s in default_cron.sources)
    assert (a.cron, a.every) == ("*/15 * * * *", None)
    assert (b.cron, b.every) == (None, 3600)


def test_digest_overdue_after_a_restart():
    cron = "0 7 * * *"
    waiting_since = datetime(2025, 3, 13, 22, 0, tzinfo=UTC)
    # the 07:00 digest passed while the service was down: send at once
    assert digest_overdue(cron, waiting_since, datetime(2025, 3, 14, 9, 0, tzinfo=UTC))
    # events arrived after the last digest time: they wait for tomorrow's
    assert not digest_overdue(cron, waiting_since, datetime(2025, 3, 13, 23, 0, tzinfo=UTC))
    assert not digest_overdue(cron, None, NOW)
