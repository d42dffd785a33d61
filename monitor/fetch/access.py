"""Where a request may go and what it may carry: private addresses and a source's credentials.

A ministry page (or a redirect from one) that points at 127.0.0.1, 10.x or 169.254.169.254 would
make the monitor fetch from the machine's own network and store what it finds there. Hosts that
resolve to such addresses are refused, except the source's own host (a source configured on an
intranet address keeps working) and the hosts listed in `fetch.allow_hosts`. Every redirect hop is
checked. The host is resolved here and again by the HTTP client: a DNS answer that changes in
between is not caught (a limit: httpx cannot be handed the address to connect to).

Credentials (`auth:` in a source, or user-info in its URL) go only to the source's own host and
never over plain HTTP when the source is HTTPS; user-info is cut from every URL before the URL is
shown or stored (`redact`).
"""

from __future__ import annotations

import asyncio
import base64
import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit, urlunsplit

from monitor.models import FetchError


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str = field(repr=False)

    def header(self) -> str:
        token = base64.b64encode(f"{self.username}:{self.password}".encode()).decode("ascii")
        return f"Basic {token}"


def split_userinfo(url: str) -> tuple[str, Credentials | None]:
    """The URL without `user:pass@`, and the credentials it carried."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url, None
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    bare = urlunsplit(parts._replace(netloc=hostport))
    return bare, Credentials(unquote(user), unquote(password))


def redact(url: str) -> str:
    """The URL as it may be shown or stored: without user-info."""
    return split_userinfo(url)[0]


@dataclass(frozen=True)
class Site:
    """The host a request starts from: it may be private, and only it gets the credentials."""

    host: str
    scheme: str
    credentials: Credentials | None = None

    @classmethod
    def of(cls, url: str, credentials: Credentials | None = None) -> Site:
        parts = urlsplit(url)
        return cls(_host(url), parts.scheme.lower(), credentials)

    def owns(self, url: str) -> bool:
        return _host(url) == self.host

    def shares_headers(self, url: str) -> bool:
        """Whether the source's cookies and headers go to `url`: its own host, a host under it
        (www., km.), or the host its www. name stands for — as a cookie set for the site would;
        never a CDN, a tracker, a shared parent domain (gov.kh) or another site it redirects to."""
        host = _host(url)
        return host == self.host or host.endswith("." + self.host) or self.host == "www." + host

    def authorization(self, url: str) -> str | None:
        """The Authorization header for `url`: only on the own host, never downgraded to http."""
        if self.credentials is None or not self.owns(url):
            return None
        if self.scheme == "https" and urlsplit(url).scheme.lower() != "https":
            return None
        return self.credentials.header()


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().rstrip(".")


def _private(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved
            or ip.is_unspecified or ip.is_multicast)  # fmt: skip


class AddressGuard:
    """Refuses requests to hosts on private networks; answers are cached per host."""

    def __init__(self, allow_hosts: Iterable[str] = ()):
        self.allow = {h.strip().lower().rstrip(".") for h in allow_hosts}
        self._private: dict[tuple[str, int], str | None] = {}

    async def check(self, url: str, site: Site) -> None:
        parts = urlsplit(url)
        host = _host(url)
        if not host or site.owns(url) or host in self.allow:
            return
        port = parts.port or (443 if parts.scheme == "https" else 80)
        if (host, port) not in self._private:
            self._private[(host, port)] = await _private_address(host, port)
        address = self._private[(host, port)]
        if address is not None:
            shown = host if address == host else f"{host} ({address})"
            raise FetchError(
                url,
                "bad_response",
                f"refused: {shown} is a private or local network address, and only the "
                f"source's own host {site.host} may be one; list {host} in `fetch.allow_hosts` "
                "if this is intended",
            )


async def _private_address(host: str, port: int) -> str | None:
    """The first private address `host` resolves to, or None. An unresolvable host is left to
    the request, whose error then says so."""
    try:
        return host if _private(host) else None
    except ValueError:
        pass  # a name, not an address literal
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return None
    for info in infos:
        address = str(info[4][0])
        if _private(address):
            return address
    return None
