"""A misbehaving web server for the fault matrix (tests/test_faults.py), on a loopback address.

It serves a small, well-formed ministry site (a listing and its releases) that a test can then
swap, page by page, for the ways real servers fail: trickling a byte a second, promising more
bytes than it sends, resetting the connection, 5xx, 429 with Retry-After, redirect loops and
redirects to file: or to another host on a private address, gzip/XML/PDF bombs, and text in an
undeclared charset. Each failure is a `Reply` (what to send) with a `mode` (how to send it).
"""

from __future__ import annotations

import functools
import gzip
import socket
import struct
import threading
import time
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

Mode = Literal["normal", "trickle", "trickle_chunked", "truncate", "reset"]


@dataclass(frozen=True)
class Reply:
    """One answer. `mode` says how the body travels:

    normal: all at once with its Content-Length. trickle: one byte a second with the full
    Content-Length. trickle_chunked: chunked, one one-byte chunk a second. truncate: a
    Content-Length twice the body, then the connection closes. reset: a TCP reset instead of an
    answer. The server stops trickling as soon as the client hangs up.
    """

    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    mode: Mode = "normal"

    @classmethod
    def html(cls, text: str, charset: str | None = "utf-8", encoding: str = "utf-8") -> Reply:
        """`charset=None` declares none, in the header or the page."""
        ctype = f"text/html; charset={charset}" if charset else "text/html"
        return cls(body=text.encode(encoding), content_type=ctype)

    @classmethod
    def redirect(cls, location: str, status: int = 302) -> Reply:
        return cls(status=status, headers={"Location": location}, content_type="text/plain")


# --- the site --------------------------------------------------------------------------------

ENGLISH = (
    "The Ministry of Foreign Affairs and International Cooperation announced today that the "
    "kingdom will host the regional meeting on humanitarian demining next spring.",
    "Delegations from ten member states are expected to attend the two-day meeting, which will "
    "review progress on clearing landmines and explosive remnants of war.",
    "The minister thanked development partners for their continued support to the national "
    "mine action programme and to the victims of landmines and their families.",
)

OTHERS = (  # the statements of releases 2, 3, …: every release says something of its own
    "The minister received the ambassador of Japan, who presented his credentials and discussed "
    "cooperation in agriculture, trade and the training of young diplomats.",
    "The two sides agreed to open a consular office in the northern provinces before the end of "
    "the year, to serve the growing number of workers and students.",
)


def release_html(n: int, paragraphs: tuple[str, ...] = ENGLISH, *, meta: str = "") -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head>{meta}<title>Press release {n} | Ministry</title></head>"
        "<body><header><nav><a href='/'>Home</a> <a href='/news/'>News</a></nav></header>"
        f"<main><article><h1>Press release number {n} on the meeting</h1>"
        f"<p class='date'>2024-03-0{n}</p>{paras}</article></main>"
        "<footer>Ministry of Foreign Affairs</footer></body></html>"
    )


def listing_html(count: int) -> str:
    items = "\n".join(
        f"<li><a href='/news/release-{n}.html'>Press release number {n} on the meeting</a> "
        f"<span>2024-03-0{n}</span></li>"
        for n in range(1, count + 1)
    )
    return (
        "<!doctype html><html><head><title>News | Ministry</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/news/'>News</a></nav></header>"
        f"<main><h1>Press releases</h1><ul class='news'>{items}</ul></main>"
        "<footer>Ministry of Foreign Affairs</footer></body></html>"
    )


LISTING = "/news/"


def release_path(n: int) -> str:
    return f"/news/release-{n}.html"


def site(count: int = 2, paragraphs: tuple[str, ...] = ENGLISH) -> dict[str, Reply]:
    """A well-behaved site: a listing of `count` releases; release 1 carries `paragraphs`."""
    routes = {LISTING: Reply.html(listing_html(count))}
    for n in range(1, count + 1):
        own = paragraphs if n == 1 else tuple(f"{p} (Release {n}.)" for p in OTHERS)
        routes[release_path(n)] = Reply.html(release_html(n, own))
    return routes


# --- bombs -----------------------------------------------------------------------------------


@functools.cache
def gzip_bomb(size: int = 50_000_000) -> Reply:
    """A few dozen kilobytes on the wire, `size` bytes once inflated."""
    body = gzip.compress(b"\0" * size, compresslevel=9)
    return Reply(body=body, headers={"Content-Encoding": "gzip"})


def xml_bomb_feed(depth: int = 9) -> Reply:
    """An RSS feed built on the "billion laughs" entity expansion."""
    ents = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, depth + 1)
    ]
    body = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [' + "\n".join(ents) + "]>\n"
        '<rss version="2.0"><channel><title>News</title>'
        f"<item><title>&lol{depth};</title><link>/news/release-1.html</link></item>"
        "</channel></rss>"
    )
    return Reply(body=body.encode(), content_type="application/rss+xml")


@functools.cache
def pdf_bomb(size: int = 200_000_000) -> Reply:
    """A valid one-page PDF whose content stream inflates to `size` bytes of drawing operators."""
    stream = zlib.compress(b"0 0 m\n" * (size // 6), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
        + stream
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return Reply(body=bytes(out), content_type="application/pdf")


# --- the server ------------------------------------------------------------------------------


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    fault: FaultServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hangs up mid-trickle is the point, not a traceback


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def do_GET(self) -> None:
        self.server.fault.answer(self)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class FaultServer:
    """Serves `routes` (path → Reply) on `host` (any 127.x address), on an ephemeral port.
    Unknown paths answer 404. `hits` counts requests per path. With `authorization` set, a
    request without exactly that Authorization header answers 401."""

    def __init__(
        self,
        routes: dict[str, Reply] | None = None,
        host: str = "127.0.0.1",
        authorization: str | None = None,
    ):
        self.routes: dict[str, Reply] = dict(routes or {})
        self.required = authorization
        self.hits: dict[str, int] = {}
        self.seen_authorization: list[str | None] = []  # each request's Authorization header
        self._lock = threading.Lock()
        self._httpd = _HTTPServer((host, 0), _Handler)
        self._httpd.fault = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def origin(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def url(self, path: str) -> str:
        return self.origin + path

    def answer(self, handler: _Handler) -> None:
        path = handler.path
        with self._lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            self.seen_authorization.append(handler.headers.get("Authorization"))
        reply = self.routes.get(path) or Reply(404, b"not found\n", "text/plain")
        if self.required and handler.headers.get("Authorization") != self.required:
            reply = Reply(401, b"log in\n", "text/plain", {"WWW-Authenticate": 'Basic realm="x"'})
        try:
            _send(handler, reply)
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True


def _send(handler: _Handler, reply: Reply) -> None:
    if reply.mode == "reset":
        # SO_LINGER with a zero timeout: close() sends RST instead of FIN
        handler.connection.setsockopt(
            socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
        )
        handler.close_connection = True
        return
    handler.send_response(reply.status)
    handler.send_header("Content-Type", reply.content_type)
    for name, value in reply.headers.items():
        handler.send_header(name, value)
    body = reply.body
    if reply.mode == "trickle_chunked":
        handler.send_header("Transfer-Encoding", "chunked")
    else:
        length = len(body) * 2 if reply.mode == "truncate" else len(body)
        handler.send_header("Content-Length", str(length))
    if reply.mode != "normal":
        handler.send_header("Connection", "close")
        handler.close_connection = True
    handler.end_headers()
    if reply.mode in ("normal", "truncate"):
        handler.wfile.write(body)
    elif reply.mode == "trickle":
        for i in range(len(body)):
            handler.wfile.write(body[i : i + 1])
            handler.wfile.flush()
            time.sleep(1.0)
    else:
        for i in range(len(body)):
            handler.wfile.write(b"1\r\n" + body[i : i + 1] + b"\r\n")
            handler.wfile.flush()
            time.sleep(1.0)
        handler.wfile.write(b"0\r\n\r\n")
