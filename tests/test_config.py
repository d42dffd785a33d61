"""Config errors must name the key path and the line, so users can fix the file."""

from pathlib import Path

import pytest

from monitor.config import ConfigError, load_config, parse_config, parse_duration

ROOT = Path(__file__).resolve().parent.parent


def _error(text: str) -> str:
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    return str(info.value)


def test_shipped_config_is_valid():
    config = load_config(ROOT / "config.yaml")
    names = [s.name for s in config.sources]
    assert "mfaic" in names and len(names) == len(set(names))
    mfaic = config.source("mfaic")
    assert mfaic.cookies == {"Language": "1"} and mfaic.content == ".viewpost-content"
    assert config.snapshots_dir == ROOT / "snapshots"


def test_defaults_when_optional_keys_are_absent():
    config = parse_config("sources:\n  - name: a\n    url: https://example.org/news\n")
    assert config.fetch.concurrency == 8 and config.fetch.robots is True
    assert config.fetch.timeout == 30 and config.fetch.per_host_delay == 1.0
    assert config.sources[0].max_pages >= 1 and config.sources[0].type == "auto"
    assert config.email is None


def test_unknown_key_names_path_and_line():
    msg = _error("fetch:\n  timeout: 5\n  concurency: 3\n")
    assert "config.yaml:3" in msg and "fetch.concurency" in msg and "unknown key" in msg


def test_bad_value_in_a_source_names_index_and_line():
    text = (
        "sources:\n  - name: a\n    url: https://x.org/\n"
        "  - name: b\n    url: https://y.org/\n    max_pages: lots\n"
    )
    msg = _error(text)
    assert "config.yaml:6" in msg and "sources[1].max_pages" in msg


def test_url_must_be_http():
    msg = _error("sources:\n  - name: a\n    url: ftp://x.org/\n")
    assert "sources[0].url" in msg and "http" in msg


def test_duplicate_source_names():
    msg = _error(
        "sources:\n  - {name: a, url: 'https://x.org/'}\n  - {name: a, url: 'https://y.org/'}\n"
    )
    assert "unique" in msg and ":3: sources[1].name:" in msg


def test_corpus_is_a_reserved_source_name():
    msg = _error("sources:\n  - {name: corpus, url: 'https://x.org/'}\n")
    assert "reserved" in msg and "sources[0].name" in msg


def test_missing_required_key():
    msg = _error("sources:\n  - name: a\n")
    assert "sources[0].url" in msg and "missing" in msg


def test_yaml_syntax_error_has_line():
    msg = _error("sources:\n  - name: [a\n")
    assert "config.yaml:" in msg and "YAML" in msg


def test_durations_and_cron():
    assert parse_duration("30s") == 30 and parse_duration("10m") == 600
    assert parse_duration("1h") == 3600 and parse_duration("1d") == 86400
    assert parse_duration(90) == 90
    with pytest.raises(ValueError):
        parse_duration("soon")
    config = parse_config("schedule: {every: 2h, jitter: 5m}\n")
    assert config.schedule.every == 7200 and config.schedule.jitter == 300
    assert "cron" in _error("schedule: {cron: '61 7 * * *'}\n")


def test_email_section():
    config = parse_config(
        "email:\n  to: a@example.org\n  from: m@example.org\n  digest: {cron: '0 7 * * *'}\n"
        "  smtp: {host: smtp.example.org, security: tls}\n"
    )
    assert config.email is not None
    assert config.email.to == ["a@example.org"] and config.email.from_ == "m@example.org"
    assert config.email.smtp.effective_port == 465
    assert config.email.digest.cron == "0 7 * * *"
    assert "email.digest" in _error("email:\n  to: a@example.org\n  digest: weekly\n")
    assert "email.to" in _error("email:\n  to: [not-an-address]\n")


def test_missing_file_message(tmp_path):
    with pytest.raises(ConfigError, match="--config"):
        load_config(tmp_path / "nope.yaml")


def test_paths_are_relative_to_the_config_file(tmp_path):
    (tmp_path / "c.yaml").write_text("snapshots: store\n")
    assert load_config(tmp_path / "c.yaml").snapshots_dir == tmp_path / "store"


def test_queue_section():
    base = "sources:\n  - name: a\n    url: https://x.org/\n"
    assert parse_config(base).queue is None  # absent: checks run in process
    config = parse_config(base + "queue:\n  url: amqp://guest:secret@127.0.0.1:5672//\n")
    assert config.queue is not None and config.queue.name == "monitor"
    assert parse_config(base + "queue: {url: 'redis://127.0.0.1:6379/0', name: team-a}").queue
    msg = _error(base + "queue:\n  url: http://broker.internal/\n")
    assert "config.yaml:5" in msg and "queue.url" in msg and "amqp://" in msg
    msg = _error(base + "queue:\n  url: redis://h/0\n  name: 'no spaces'\n")
    assert "config.yaml:6" in msg and "queue.name" in msg


@pytest.mark.slow
def test_the_task_engine_is_imported_only_by_a_queue():
    import subprocess
    import sys

    code = (
        "import sys; from monitor.config import parse_config; import monitor.cli; "
        "import monitor.run.cycle; parse_config('queue: {url: \"redis://h/0\"}'); "
        "assert 'dramatiq' not in sys.modules and 'pika' not in sys.modules, sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
