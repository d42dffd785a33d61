"""The service fixtures: their probes tell a missing server, a stranger on the port and a
refused login apart, and MONITOR_REQUIRE_SERVICES turns a skip into a failure."""

from __future__ import annotations

import socketserver
import threading
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests import services

PROBES = [services.probe_postgresql, services.probe_redis, services.probe_amqp]


class _Stranger(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        self.request.recv(64)
        self.request.sendall(b"HTTP/1.0 400 Bad Request\r\n\r\n")


@pytest.fixture
def stranger():
    """A server of another protocol (an HTTP-like answer to anything)."""
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Stranger) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield server.server_address[1]
        server.shutdown()


def _with(url: str, *, port: int | None = None, path: str | None = None,
          password: str | None = None) -> str:  # fmt: skip
    parts = urlsplit(url)
    user = parts.username or ""
    host = f"{user}{':' + password if password else ''}@" if user else ""
    netloc = f"{host}{parts.hostname}:{port or parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path if path is None else path, "", ""))


@pytest.mark.parametrize("probe", PROBES, ids=lambda p: p.__name__)
def test_nothing_listening_is_said(probe):
    port = services.free_port()
    reason = probe(f"x://user@127.0.0.1:{port}/db")
    assert reason == f"nothing listens on 127.0.0.1:{port} (is the server started?)"


@pytest.mark.parametrize("probe", PROBES, ids=lambda p: p.__name__)
def test_another_protocol_is_said(probe, stranger):
    reason = probe(f"x://user@127.0.0.1:{stranger}/db")
    assert reason is not None and "another kind of server answers there" in reason


def test_absence_skips_unless_required(monkeypatch):
    monkeypatch.delenv(services.REQUIRE, raising=False)
    with pytest.raises(pytest.skip.Exception, match="Redis at x is not available: down"):
        services.unavailable("Redis at x", "down")
    monkeypatch.setenv(services.REQUIRE, "1")
    with pytest.raises(pytest.fail.Exception, match="MONITOR_REQUIRE_SERVICES=1"):
        services.unavailable("Redis at x", "down")


def test_require_probes_the_configured_address(monkeypatch):
    port = services.free_port()
    monkeypatch.setenv("MONITOR_TEST_REDIS", f"redis://127.0.0.1:{port}/0")
    monkeypatch.setenv(services.REQUIRE, "1")
    with pytest.raises(pytest.fail.Exception, match=f"nothing listens on 127.0.0.1:{port}"):
        services.require("Redis", "MONITOR_TEST_REDIS", services.probe_redis)


def test_postgresql_answers_and_names_a_missing_database(postgresql):
    assert services.probe_postgresql(postgresql.url) is None
    missing = _with(postgresql.url, path="/no_such_database_here")
    assert services.probe_postgresql(missing) == (
        'PostgreSQL refused: database "no_such_database_here" does not exist'
    )


def test_redis_answers(redis_server):
    assert services.probe_redis(redis_server.url) is None


@pytest.mark.slow  # RabbitMQ takes seconds to refuse a login
def test_rabbitmq_logs_in_and_tells_a_refused_login(rabbitmq):
    assert services.probe_amqp(rabbitmq.url) is None
    wrong = _with(rabbitmq.url, password="not-the-password")
    assert services.probe_amqp(wrong) == "RabbitMQ refused the login of user guest (ACCESS_REFUSED)"


@pytest.mark.slow  # starts the S3 server
def test_s3_server_keeps_what_it_is_given(s3_bucket):
    import boto3

    client = boto3.client("s3")  # from the AWS_* variables the fixture set
    client.put_object(Bucket=s3_bucket.name, Key="a/b.txt", Body=b"kept")
    assert client.get_object(Bucket=s3_bucket.name, Key="a/b.txt")["Body"].read() == b"kept"
    assert s3_bucket.endpoint.startswith("http://127.0.0.1:")
