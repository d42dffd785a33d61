"""A real local HTTP server for a route table, so fetch code is tested over real sockets.

It behaves like a plain origin server: ETag and Last-Modified on every 200, 304 answers to
conditional requests, redirects, error statuses with Retry-After, routes that answer differently
on successive requests, and a log of every request so tests can count fetches.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

HTML = "text/html; charset=utf-8"


class _Body:
    """A route's body: bytes, text (stored as UTF-8), or a function that makes the bytes when
    they are first asked for, so a large site's table costs only the pages a test reads."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = "_" + name

    def __get__(self, route: Route | None, owner: type) -> bytes:
        if route is None:
            return b""  # the dataclass default
        value = route.__dict__[self.slot]
        if callable(value):
            value = route.__dict__[self.slot] = value()
        return value

    def __set__(self, route: Route, value: bytes | str | Callable[[], bytes]) -> None:
        route.__dict__[self.slot] = value.encode("utf-8") if isinstance(value, str) else value


@dataclass(frozen=True)
class Route:
    """What the server answers for one path (+ query).

    `sequence`: successive requests get successive routes, the last one repeating (e.g. a 503
    then a 200). `validators=False` leaves out ETag and Last-Modified, like many real sites.
    `body` may be a function, called once when the body is first needed.
    """

    status: int = 200
    body: bytes = _Body()  # type: ignore[assignment]
    content_type: str = HTML
    headers: dict[str, str] = field(default_factory=dict)
    sequence: tuple[Route, ...] = ()
    validators: bool = True
    delay: float = 0.0  # seconds to wait before answering (timeouts, slow sites)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sequence", tuple(self.sequence))

    @classmethod
    def html(cls, text: str, status: int = 200, **headers: str) -> Route:
        return cls(status=status, body=text.encode("utf-8"), headers=headers)

    @classmethod
    def redirect(cls, location: str, status: int = 301) -> Route:
        return cls(status=status, headers={"Location": location}, content_type="text/plain")

    @classmethod
    def error(cls, status: int, retry_after: int | str | None = None) -> Route:
        headers = {} if retry_after is None else {"Retry-After": str(retry_after)}
        body = f"{status} error\n".encode()
        return cls(status=status, body=body, content_type="text/plain", headers=headers)

    @classmethod
    def series(cls, *routes: Route) -> Route:
        return cls(sequence=routes)

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:20] + '"'


@dataclass(frozen=True)
class RequestRecord:
    method: str
    path: str  # path and query as the client sent them
    headers: dict[str, str]  # header names in lower case
    status: int  # what the server answered
    time: float


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # keep-alive connections must not hold up stop()
    request_queue_size = 128
    fixture: FixtureServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hangs up is not worth a traceback in the test output


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FixtureServer/1.0"
    sys_version = ""
    disable_nagle_algorithm = True  # headers and body go in two writes: avoid the 40 ms stall
    timeout = 30
    server: _HTTPServer

    def do_GET(self) -> None:
        self.server.fixture._answer(self)

    def do_HEAD(self) -> None:
        self.server.fixture._answer(self)

    def do_POST(self) -> None:
        self.close_connection = True
        self.server.fixture._answer(self)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class FixtureServer:
    """Serves `routes` (keys: path plus "?query" when there is one) on 127.0.0.1.

    A query the table does not know falls back to the bare path, as most sites ignore unknown
    parameters; `strict_query=True` answers 404 instead. Use as a context manager or
    start()/stop(). `routes` may be replaced or mutated while the server runs.
    """

    def __init__(
        self,
        routes: dict[str, Route] | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        strict_query: bool = False,
    ):
        self.routes: dict[str, Route] = dict(routes or {})
        self.strict_query = strict_query
        self._address = (host, port)
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._requests: list[RequestRecord] = []
        self._positions: dict[int, tuple[Route, int]] = {}  # sequence route -> next index
        self._validators: dict[str, tuple[str, float]] = {}  # key -> (etag, last modified)

    # --- lifecycle -----------------------------------------------------------------------

    def start(self) -> FixtureServer:
        if self._httpd is not None:
            return self
        self._httpd = _HTTPServer(self._address, _Handler)
        self._httpd.fixture = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = self._thread = None

    def __enter__(self) -> FixtureServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- addresses -----------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("FixtureServer is not running: call start() or use `with`")
        return int(self._httpd.server_address[1])

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.origin + (path if path.startswith("/") else "/" + path)

    # --- routes and the request log --------------------------------------------------------

    def set_routes(self, routes: dict[str, Route], *, merge: bool = False) -> None:
        self.routes = {**self.routes, **routes} if merge else dict(routes)

    @property
    def requests(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    def hits(self, path: str, method: str | None = None) -> int:
        """How many requests asked for exactly `path` (path and query)."""
        return sum(
            1 for r in self.requests if r.path == path and (method is None or r.method == method)
        )

    # --- answering -----------------------------------------------------------------------

    def _lookup(self, target: str) -> tuple[str, Route | None]:
        routes = self.routes  # one read: set_routes may swap the dict meanwhile
        if target in routes:
            return target, routes[target]
        path = urlsplit(target).path
        if not self.strict_query and path in routes:
            return path, routes[path]
        return target, None

    def _next(self, route: Route) -> Route:
        with self._lock:
            _, index = self._positions.get(id(route), (route, 0))
            self._positions[id(route)] = (route, index + 1)
        return route.sequence[min(index, len(route.sequence) - 1)]

    def _validators_for(self, key: str, route: Route) -> tuple[str, str]:
        """ETag from the body; Last-Modified advances whenever the body at `key` changes."""
        etag = route.etag
        with self._lock:
            known = self._validators.get(key)
            if known is None or known[0] != etag:
                stamp = float(int(time.time()))
                if known is not None:
                    stamp = max(stamp, known[1] + 1)  # strictly newer, even within one second
                known = (etag, stamp)
                self._validators[key] = known
        return etag, formatdate(known[1], usegmt=True)

    @staticmethod
    def _not_modified(headers: Any, etag: str, last_modified: str) -> bool:
        if_none_match = headers.get("If-None-Match")
        if if_none_match is not None:  # takes precedence over If-Modified-Since (RFC 9110)
            tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
            return "*" in tags or etag in tags
        since = headers.get("If-Modified-Since")
        if since is None:
            return False
        try:
            return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False

    def _answer(self, handler: _Handler) -> None:
        method, target = handler.command, handler.path
        key, route = self._lookup(target)
        if method == "POST":
            route = Route(status=405, body=b"405 method not allowed\n", content_type="text/plain")
        elif route is None:
            route = Route(status=404, body=b"404 not found\n", content_type="text/plain")
        elif route.sequence:
            route = self._next(route)
        if route.delay:
            time.sleep(route.delay)

        status, body = route.status, route.body
        headers = {"Content-Type": route.content_type}
        if status == 200 and route.validators:
            etag, last_modified = self._validators_for(key, route)
            explicit = {name.lower(): value for name, value in route.headers.items()}
            etag = explicit.get("etag", etag)
            last_modified = explicit.get("last-modified", last_modified)
            headers["ETag"] = etag
            headers["Last-Modified"] = last_modified
            if self._not_modified(handler.headers, etag, last_modified):
                status, body = 304, b""
                del headers["Content-Type"]
        for name, value in route.headers.items():  # explicit headers of the route win
            for same in [k for k in headers if k.lower() == name.lower()]:
                del headers[same]
            headers[name] = value

        record = RequestRecord(
            method=method,
            path=target,
            headers={k.lower(): v for k, v in handler.headers.items()},
            status=status,
            time=time.time(),
        )
        with self._lock:
            self._requests.append(record)

        try:
            handler.send_response(status)
            for name, value in headers.items():
                handler.send_header(name, value)
            if status != 304:
                handler.send_header("Content-Length", str(len(body)))
            if handler.close_connection:
                handler.send_header("Connection", "close")
            handler.end_headers()
            if method != "HEAD" and status != 304 and body:
                handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True
