"""`monitor serve`: options, refusals, the exposure warning, and a real server answering."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest
import yaml
from click.testing import CliRunner

from monitor.cli import cli


@pytest.fixture(scope="module")
def config_file(web_archive):
    return web_archive.ministry.write_config()


@pytest.fixture
def served(monkeypatch):
    """Records what uvicorn would have been asked to serve, without binding a socket."""
    calls: list[dict] = []
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    for name in ("MONITOR_WEB_USER", "MONITOR_WEB_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    return calls


def test_serve_binds_loopback_by_default_without_warning(config_file, served):
    result = CliRunner().invoke(cli, ["serve", "--config", str(config_file)])
    assert result.exit_code == 0, result.output
    assert served[0]["host"] == "127.0.0.1" and served[0]["port"] == 8080
    assert "warning" not in result.output


def test_serve_warns_when_exposed(config_file, served):
    result = CliRunner().invoke(cli, ["serve", "--config", str(config_file), "--host", "0.0.0.0"])
    assert result.exit_code == 0
    assert "warning" in result.output and "MONITOR_WEB_USER" in result.output
    assert served[0]["host"] == "0.0.0.0"


def test_serve_refuses_half_configured_auth(config_file, served, monkeypatch):
    monkeypatch.setenv("MONITOR_WEB_USER", "analyst")
    result = CliRunner().invoke(cli, ["serve", "--config", str(config_file)])
    assert result.exit_code == 2 and "MONITOR_WEB_PASSWORD" in result.output
    assert not served


def test_serve_without_a_store_says_what_to_do(tmp_path, served):
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({"snapshots": str(tmp_path / "none")}))
    result = CliRunner().invoke(cli, ["serve", "--config", str(config)])
    assert result.exit_code == 3 and "monitor check" in result.output
    assert not served


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_serve_process_answers_and_stops_cleanly(config_file):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_WEB_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "monitor", "serve", "--config", str(config_file), "--port",
         str(port)],
        stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.1)
        assert response.status_code == 200 and "Recent changes" in response.text
        assert httpx.post(f"http://127.0.0.1:{port}/").status_code == 405
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    # uvicorn shuts down, then lets the signal end the process as it would have by default
    assert proc.returncode in (0, -signal.SIGTERM), err
    assert "Traceback" not in err
    assert f"http://127.0.0.1:{port}/" in err
