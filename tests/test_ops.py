"""Operators' papercuts, through the real CLI (in this process, tests/commands.py; a real server
on 127.0.0.1, the real store): the schema whatever ran first, a broken catalogue, a secret in the
wrong key, temp files a kill left, exit codes cron can read, output that stays whole when piped,
evidence cut at words.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import sqlite3
import time
from pathlib import Path

import pytest

from monitor.context.themes import DEFAULT_THEMES, match_themes
from monitor.demo.samples import SampleRelease
from monitor.demo.scenario import add_release
from monitor.demo.server import Route
from monitor.digest.render import render_digest
from monitor.models import Event
from monitor.store.files import remove_stale_temps
from tests.commands import Ran, invoke, spawn

OUTBOX = {"to": ["analyst@example.org"], "from": "monitor@example.org", "outbox": "outbox"}


def run(*args: str, env: dict[str, str] | None = None) -> Ran:
    # as under cron: no terminal, no COLUMNS, rich's default 80 columns
    return invoke(*args, env={"COLUMNS": None, **(env or {})})


# --- 2. every table exists whichever command ran first -------------------------------------

STEPS = {
    "no-email": ("check", "--no-email"),
    "email": ("check",),  # immediate digests: a check that finds nothing sends nothing new
    "status": ("status", "--json"),
}


ORDERS = [
    ("no-email", "email", "status"),
    ("status", "no-email", "status", "email"),
    ("email", "no-email", "email", "status"),
]


@pytest.mark.parametrize(
    "order", [ORDERS[0], *(pytest.param(o, marks=pytest.mark.slow) for o in ORDERS[1:])]
)
def test_schema_does_not_depend_on_what_ran_first(ministry, order):
    config = ministry.write_config(email=OUTBOX)
    for step in order:
        result = run(*STEPS[step], "--config", str(config))
        assert result.returncode == 0, (step, result.stderr)
        assert "no such table" not in result.stderr
    with sqlite3.connect(config.parent / "snapshots" / "catalogue.sqlite") as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"sources", "events", "digests", "sim_docs", "sim_meta", "release_fts"} <= tables


def test_an_old_store_without_the_later_tables_opens(ministry):
    """A store made before digests and the related-release index existed (or by a first check
    killed before it reached them) gains them when it is opened."""
    config = ministry.write_config(email=OUTBOX)
    assert run("check", "--no-email", "--config", str(config)).returncode == 0
    db_path = config.parent / "snapshots" / "catalogue.sqlite"
    with sqlite3.connect(db_path) as db:
        for table in ("digests", "sim_docs", "sim_postings", "sim_df", "sim_meta"):
            db.execute(f"DROP TABLE {table}")
    quiet = run("check", "--config", str(config))
    assert quiet.returncode == 0, quiet.stderr
    status = run("status", "--json", "--config", str(config))
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["digest"]["waiting_events"] == len(ministry.releases)


# --- 3. a broken catalogue is an error, not "never checked" ----------------------------------


def test_status_on_a_corrupt_catalogue_exits_3(ministry):
    config = ministry.write_config()
    assert run("check", "--config", str(config)).returncode == 0
    store = config.parent / "snapshots"
    for name in ("catalogue.sqlite-wal", "catalogue.sqlite-shm"):
        (store / name).unlink(missing_ok=True)
    (store / "catalogue.sqlite").write_bytes(os.urandom(8192))
    for args in (("status",), ("status", "--json")):
        result = run(*args, "--config", str(config))
        assert result.returncode == 3, result.stdout
        assert "cannot be read" in result.stderr and result.stdout == ""
        assert "Traceback" not in result.stderr


# --- 4. a password written where its variable's name goes ----------------------------------

SECRET = "Tr0ub4dor&3-horse"


def test_a_password_in_password_env_is_never_shown(ministry, tmp_path):
    smtp = {"host": "127.0.0.1", "port": 9, "security": "none", "username": "monitor"}
    config = ministry.write_config(email={**OUTBOX, "smtp": {**smtp, "password_env": "NAME"}})
    config.write_text(config.read_text().replace("password_env: NAME", f"password_env: {SECRET}"))
    result = run("check", "--config", str(config))
    assert result.returncode == 2
    assert "password_env must name an environment variable" in result.stderr
    assert SECRET not in result.stderr + result.stdout

    # a lower-case word is a valid name, but may be the password too: not repeated either
    config = ministry.write_config(email={**OUTBOX, "smtp": {**smtp, "password_env": "hunter2"}})
    result = run("check", "--config", str(config), env={"hunter2": ""})
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert "password is missing" in said and "hunter2" not in said
    for path in (config.parent / "snapshots").rglob("*"):
        if path.is_file():
            assert b"hunter2" not in path.read_bytes(), path  # nor in digests.last_error


# --- 5. temp files a killed process left -------------------------------------------------------


def _leave_temps(store: Path) -> tuple[list[Path], list[Path]]:
    """Temp files as a killed write leaves them (stale), and files that must stay (not
    atomic_write's names, or written after the check started)."""
    text = next((store / "text" / "ministry").iterdir())
    an_hour_ago = time.time() - 3600
    stale = [text / ".tmp-k1ll3d_9", store / "raw" / ".tmp-abcdefgh", store / ".tmp-0000zzzz"]
    kept = [text / ".tmp-notours.txt", text / "v0001.txt.tmp-abcdefgh", store / "tmp-abcdefgh"]
    future = store / ".tmp-writing1"  # written after the check started: not stale
    for path in [*stale, *kept, future]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half a version")
        os.utime(path, (an_hour_ago, an_hour_ago))
    os.utime(future, (time.time() + 3600, time.time() + 3600))
    return stale, [*kept, future]


def test_temp_files_left_by_a_kill_are_told_from_the_rest(ministry):
    config = ministry.write_config()
    assert run("check", "--config", str(config)).returncode == 0
    stale, kept = _leave_temps(config.parent / "snapshots")
    assert remove_stale_temps(config.parent / "snapshots") == len(stale)
    assert [p for p in stale if p.exists()] == [] and all(p.exists() for p in kept)


@pytest.mark.slow
def test_temp_files_left_by_a_kill_are_removed_at_the_next_start(ministry):
    """The next process removes them when it first opens the store (once per process)."""
    config = ministry.write_config()
    assert run("check", "--config", str(config)).returncode == 0
    stale, kept = _leave_temps(config.parent / "snapshots")
    assert spawn("check", "--config", str(config)).returncode == 0
    assert [p for p in stale if p.exists()] == [] and all(p.exists() for p in kept)


# --- 6. exit codes cron can read -------------------------------------------------------------


def test_exit_5_when_no_source_could_be_checked_and_strict_exit_6(ministry):
    server = ministry.server
    server.routes["/down/news"] = Route.error(503)
    fetch = {"per_host_delay": 0, "retries": 0, "timeout": 5}
    down = {"name": "down", "url": server.url("/down/news")}
    up = {"name": "ministry", "url": server.url(ministry.layout.listing(1))}

    config = ministry.write_config(fetch=fetch, sources=[down])
    failed = run("check", "--json", "--config", str(config))
    assert failed.returncode == 5, failed.stderr
    assert json.loads(failed.stdout)["errors"][0]["source"] == "down"  # the report still printed
    assert "no source could be checked" in failed.stderr

    config = ministry.write_config(fetch=fetch, sources=[down, up])
    assert run("check", "--config", str(config)).returncode == 0  # one source worked
    assert run("check", "--strict", "--config", str(config)).returncode == 6
    assert run("check", "--strict", "--source", "ministry", "--config", str(config)).returncode == 0
    server.routes[ministry.layout.article(ministry.releases[0])] = Route.error(503)
    one_error = run("check", "--strict", "--json", "--source", "ministry", "--config", str(config))
    assert one_error.returncode == 6 and len(json.loads(one_error.stdout)["errors"]) == 1


# --- 7. piped output is not wrapped -----------------------------------------------------------

LONG = SampleRelease(
    slug="cambodia-and-thailand-sign-memorandum-of-understanding-on-cross-border-cooperation-"
    "in-the-fields-of-trade-and-investment",
    title="Cambodia and Thailand Sign a Memorandum of Understanding on Cross-Border Cooperation "
    "in the Fields of Trade, Investment, Tourism and Transport",
    date=datetime.date.today(),
    lang="en",
    paragraphs=("The two ministers signed the memorandum in Phnom Penh on Monday.",),
)


def test_piped_output_keeps_urls_and_titles_whole(ministry):
    config = ministry.write_config()
    assert run("check", "--config", str(config)).returncode == 0
    ministry.publish(releases=add_release(ministry.releases, LONG))
    result = run("check", "--config", str(config))  # stdout is a pipe, as under cron
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    url = ministry.url(LONG)
    assert len(url) > 80 and any(url in line for line in lines), result.stdout
    assert any(LONG.title in line for line in lines)


# --- 9. evidence cut at word boundaries -------------------------------------------------------

FILLER = (
    "Delegates from the provinces reviewed progress on irrigation, schooling, roads, "
    "clinics and markets across the northern districts during the extended session, "
)


def _words_whole(snippet: str, source: str) -> None:
    words = set(re.findall(r"\w+", source))
    for word in re.findall(r"\w+", snippet):
        assert word in words, f"{word!r} is cut in {snippet!r}"


def test_evidence_snippets_are_cut_at_word_boundaries():
    sentence = FILLER * 3 + "and the ministry discussed landmine clearance " + FILLER * 3
    text = f"Ministry statement\n\n{sentence.strip()}."
    matches = match_themes("Ministry statement", tuple(text.split("\n\n"))[1:], DEFAULT_THEMES)
    evidence = [sentence for m in matches for _, sentence in m.evidence]
    assert evidence, "the sentence should tag a theme"
    for snippet in evidence:  # the JSON's theme_evidence
        assert snippet.startswith("…") and snippet.endswith("…")
        _words_whole(snippet, sentence)
    event = Event("new", "mfaic", "https://c.example/a", "Ministry statement", themes=matches)
    digest = render_digest([event])
    assert digest is not None
    [quoted] = [line.strip() for line in digest.text.splitlines() if "“" in line]
    assert "landmine clearance" in quoted and len(quoted) < len(evidence[0])  # cut again to fit
    _words_whole(quoted, sentence)  # the digest's evidence line
    assert quoted.startswith("“…") and quoted.endswith("…”")


def test_the_scale_profile_of_compose_starts_what_its_config_names():
    """No Docker engine runs here, so the `scale` profile cannot be started in a test (the
    same parts — PostgreSQL, RabbitMQ, an S3 server, a scheduler and workers — run as
    processes in tests/test_fleet.py). What can go wrong in the file is checked: the config
    names the services compose starts, the broker user compose creates (RabbitMQ's `guest`
    may not log in from another container), the bucket it makes, and the commands."""
    from urllib.parse import urlsplit

    import yaml

    from monitor.config import load_config

    root = Path(__file__).resolve().parent.parent / "contrib"
    compose = yaml.safe_load((root / "compose.yaml").read_text())
    scale = {n: s for n, s in compose["services"].items() if "scale" in s.get("profiles", [])}
    assert set(scale) == {"postgres", "rabbitmq", "minio", "bucket", "scheduler", "worker"}
    config = load_config(root / "config.scale.yaml")
    assert config.queue is not None and config.store.catalogue and config.store.files
    catalogue, broker = urlsplit(config.store.catalogue), urlsplit(config.queue.url)
    assert catalogue.hostname == "postgres" and broker.hostname == "rabbitmq"
    postgres_env = scale["postgres"]["environment"]
    assert (catalogue.username, catalogue.path.strip("/")) == (
        postgres_env["POSTGRES_USER"], postgres_env["POSTGRES_DB"])
    rabbit_env = scale["rabbitmq"]["environment"]
    assert (broker.username, broker.password) == (
        rabbit_env["RABBITMQ_DEFAULT_USER"], rabbit_env["RABBITMQ_DEFAULT_PASS"])
    bucket = urlsplit(config.store.files).hostname
    assert f"archive/{bucket}" in scale["bucket"]["entrypoint"]
    assert scale["scheduler"]["command"][:2] == ["monitor", "run"]
    assert scale["worker"]["command"][:2] == ["monitor", "worker"]
    assert scale["scheduler"]["build"]["args"]["EXTRAS"] == "scale"
    assert "ARG EXTRAS" in (root / "Dockerfile").read_text()
