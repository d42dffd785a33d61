"""Real services for the tests: PostgreSQL, Redis and RabbitMQ running on this machine, and an
S3-compatible server (moto's standalone server) that the tests start themselves.

Each service is probed with a few bytes of its own protocol (a log-in for PostgreSQL and
RabbitMQ, PING for Redis), so a skip says exactly what is wrong: nothing listening, another
server on the port, a missing database, a refused login. A service that cannot be used skips the
tests that need it, saying why; with MONITOR_REQUIRE_SERVICES=1 (set by .ci/run) it fails them,
so CI proves them. The addresses can be changed with the variables in DEFAULTS.
"""

from __future__ import annotations

import contextlib
import os
import socket
import struct
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NoReturn
from urllib.parse import unquote, urlsplit

import pytest

REQUIRE = "MONITOR_REQUIRE_SERVICES"
DEFAULTS = {  # variable → the address on the project's machines and CI
    "MONITOR_TEST_POSTGRESQL": "postgresql://postgres@127.0.0.1:5432/test",
    "MONITOR_TEST_REDIS": "redis://127.0.0.1:6379/0",
    "MONITOR_TEST_AMQP": "amqp://guest:guest@127.0.0.1:5672//",
}
TIMEOUT = 5.0
S3_START_TIMEOUT = 60.0


@dataclass(frozen=True)
class Service:
    name: str
    url: str


@dataclass(frozen=True)
class S3Bucket:
    """An empty bucket on the test S3 server; the AWS_* variables point at that server."""

    name: str
    endpoint: str

    @property
    def url(self) -> str:
        return f"s3://{self.name}"


def unavailable(what: str, reason: str) -> NoReturn:
    message = f"{what} is not available: {reason}"
    if os.environ.get(REQUIRE) == "1":
        pytest.fail(f"{message} ({REQUIRE}=1: the tests must use it)", pytrace=False)
    pytest.skip(message)


def address(variable: str) -> str:
    return os.environ.get(variable) or DEFAULTS[variable]


def require(name: str, variable: str, probe) -> Service:
    url = address(variable)
    reason = probe(url)
    if reason is not None:
        unavailable(f"{name} at {_shown(url)}", reason)
    return Service(name, url)


def _shown(url: str) -> str:
    parts = urlsplit(url)
    return url.replace(f":{parts.password}@", ":***@") if parts.password else url


# --- probes: None when the service answers as it should, else why not -------------------------


def _exchange(url: str, default_port: int, send: bytes, talk) -> str | None:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or default_port
    try:
        with socket.create_connection((host, port), timeout=TIMEOUT) as sock:
            sock.sendall(send)
            return talk(sock, parts)
    except ConnectionRefusedError:
        return f"nothing listens on {host}:{port} (is the server started?)"
    except TimeoutError:
        return f"{host}:{port} did not answer within {TIMEOUT:.0f} s"
    except (OSError, struct.error, IndexError) as exc:
        return f"{host}:{port} did not answer as expected ({exc})"


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("the server closed the connection")
        data += chunk
    return data


def probe_postgresql(url: str) -> str | None:
    """A startup message as user/database of the URL; trust authentication expected."""
    parts = urlsplit(url)
    user, database = unquote(parts.username or "postgres"), parts.path.lstrip("/") or "postgres"
    params = f"user\0{user}\0database\0{database}\0\0".encode()
    startup = struct.pack("!ii", 8 + len(params), 196608) + params

    def talk(sock: socket.socket, _parts) -> str | None:
        while True:
            kind = _recv_exact(sock, 1)
            (length,) = struct.unpack("!i", _recv_exact(sock, 4))
            if kind not in b"RSKEZNv" or not 4 <= length < 1 << 20:
                return "another kind of server answers there, not PostgreSQL"
            body = _recv_exact(sock, length - 4)
            if kind == b"E":
                fields = dict((f[:1], f[1:]) for f in body.split(b"\0") if f)
                return f"PostgreSQL refused: {fields.get(b'M', b'?').decode(errors='replace')}"
            if kind == b"R" and struct.unpack("!i", body[:4])[0] != 0:
                return (f"PostgreSQL asks user {user} for a password; the tests expect trust "
                        "authentication on 127.0.0.1")  # fmt: skip
            if kind == b"Z":
                sock.sendall(b"X\0\0\0\4")  # Terminate
                return None

    return _exchange(url, 5432, startup, talk)


def install_trigrams(url: str) -> None:
    """pg_trgm in the `public` schema, once: a catalogue made in a test's schema would create it
    there (the search index's trigrams, store/search_pg.py), and dropping that schema after the
    test would take the extension, and the indexes of the tests running beside it, along."""
    import psycopg

    # UniqueViolation: another test process created it at the same moment
    with (
        psycopg.connect(url, autocommit=True) as conn,
        contextlib.suppress(psycopg.errors.UniqueViolation),
    ):
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")


def probe_redis(url: str) -> str | None:
    def talk(sock: socket.socket, _parts) -> str | None:
        answer = sock.recv(64)
        if answer.startswith(b"+PONG"):
            return None
        if answer.startswith(b"-"):
            return f"Redis refused PING: {answer[1:].decode(errors='replace').strip()}"
        return "another kind of server answers there, not Redis"

    return _exchange(url, 6379, b"PING\r\n", talk)


def _amqp_method(class_id: int, method_id: int, args: bytes) -> bytes:
    payload = struct.pack("!HH", class_id, method_id) + args
    return struct.pack("!BHI", 1, 0, len(payload)) + payload + b"\xce"


def _read_amqp_method(sock: socket.socket) -> tuple[int, int]:
    kind, _channel, size = struct.unpack("!BHI", _recv_exact(sock, 7))
    payload = _recv_exact(sock, size + 1)[:-1]
    if kind != 1:
        raise ConnectionError(f"an AMQP frame of type {kind} where a method was expected")
    return struct.unpack("!HH", payload[:4])


def probe_amqp(url: str) -> str | None:
    """AMQP 0-9-1: the protocol header, then a PLAIN log-in with the URL's user and password;
    the server's Connection.Tune means it accepted."""

    def talk(sock: socket.socket, parts) -> str | None:
        first = sock.recv(1, socket.MSG_PEEK)
        if first != b"\x01":
            return "another kind of server answers there, not AMQP 0-9-1 (RabbitMQ)"
        if _read_amqp_method(sock) != (10, 10):  # Connection.Start
            return "the server did not start an AMQP connection"
        user, password = unquote(parts.username or "guest"), unquote(parts.password or "guest")
        login = f"\0{user}\0{password}".encode()
        args = (struct.pack("!I", 0) + b"\x05PLAIN" + struct.pack("!I", len(login)) + login
                + b"\x05en_US")  # fmt: skip
        sock.sendall(_amqp_method(10, 11, args))  # Connection.Start-Ok
        try:
            reply = _read_amqp_method(sock)
        except ConnectionError:
            reply = (0, 0)
        if reply != (10, 30):  # Connection.Tune
            return f"RabbitMQ refused the login of user {user} (ACCESS_REFUSED)"
        return None

    return _exchange(url, 5672, b"AMQP\x00\x00\x09\x01", talk)


# --- the S3-compatible server ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def s3_server() -> Iterator[str]:
    """moto's standalone S3 server in a subprocess on a free port; yields its endpoint.

    Its log (a line a request) goes to a file: a pipe nobody reads fills after 64 KB and the
    server then hangs in the middle of a request (a few hundred objects into a test)."""
    try:
        import moto.server  # noqa: F401 (only whether it is installed)
    except ImportError:
        unavailable("the S3 test server", "moto is not installed: pip install -e '.[test]'")
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=subprocess.DEVNULL, stderr=log,
        )  # fmt: skip
        try:
            reason = _wait_for_http(proc, endpoint, log)
            if reason is not None:
                unavailable(f"the S3 test server (moto) at {endpoint}", reason)
            yield endpoint
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_for_http(proc: subprocess.Popen[bytes], endpoint: str, log) -> str | None:
    import httpx

    deadline = time.monotonic() + S3_START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            err = log.read().decode(errors="replace")
            return f"it exited at start ({proc.returncode}): {err.strip()[-500:]}"
        try:
            httpx.get(f"{endpoint}/moto-api/", timeout=2.0)
            return None
        except httpx.HTTPError:
            time.sleep(0.2)
    return f"it did not answer within {S3_START_TIMEOUT:.0f} s"


def s3_environment(endpoint: str) -> dict[str, str]:
    """The AWS_* variables that send every S3 client to the test server, and only there."""
    return {
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": "monitor-test",
        "AWS_SECRET_ACCESS_KEY": "monitor-test",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": os.devnull,  # a developer's own profiles never apply
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    }


def new_bucket(endpoint: str) -> S3Bucket:
    import boto3

    name = f"monitor-{uuid.uuid4().hex[:12]}"
    env = s3_environment(endpoint)
    client = boto3.client(
        "s3", endpoint_url=endpoint, region_name=env["AWS_DEFAULT_REGION"],
        aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
    )  # fmt: skip
    client.create_bucket(Bucket=name)
    return S3Bucket(name, endpoint)
