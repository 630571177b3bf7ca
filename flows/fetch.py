"""Fetching pages safely: what a feed links to is untrusted input.

The sources a user names are trusted, whatever their address. A link found inside a feed may be
anything: it is fetched only over http or https, and it may reach a private, loopback, link-local or
other internal address only on the same origin (scheme, host and port) as the source that named it, or
on a host the configuration allows (`allow_hosts`). Every redirect is checked again. Each fetch has an
overall deadline (a server trickling bytes is cut off) and a body-size limit.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

USER_AGENT = "parley/0.2 (+news warehouse)"


class FetchRefused(OSError):
    """A link that must not be fetched, or a fetch that broke its limits; the message says which."""


def origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    default = 443 if parts.scheme == "https" else 80
    return parts.scheme, (parts.hostname or "").lower(), parts.port or default


def _internal(host: str) -> bool:
    """The host resolves to an address that is not on the public internet."""
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror as exc:
        raise FetchRefused(f"cannot resolve {host}: {exc.strerror}") from None
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%")[0])
        if not ip.is_global or ip.is_multicast:
            return True
    return False


@dataclass(frozen=True)
class Fetcher:
    timeout: float
    max_bytes: int
    allow_hosts: frozenset[str] = frozenset()

    def check(self, url: str, trusted: tuple[str, str, int] | None) -> None:
        """Refuses a link that is not http(s), or that reaches an internal address from another origin."""
        scheme, host, _ = origin(url)
        if scheme not in ("http", "https"):
            raise FetchRefused(f"only http and https links are fetched, not {scheme or 'a relative link'}:")
        if not host:
            raise FetchRefused("the link has no host")
        if trusted is not None and origin(url) != trusted and host not in self.allow_hosts and _internal(host):
            raise FetchRefused(f"{host} is a private, loopback or link-local address; a link from a feed may "
                               "reach one only on the feed's own origin or a host in allow_hosts")

    def fetch(self, url: str, trusted: tuple[str, str, int] | None = None) -> bytes:
        """The body of `url` (at most max_bytes + 1 bytes, within the deadline). `trusted` is the origin of
        the source that named an untrusted link; None for a source the user named."""
        self.check(url, trusted)
        fetcher = self

        class Recheck(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
                fetcher.check(newurl, trusted if trusted is not None else origin(url))
                return super().redirect_request(req, fp, code, msg, headers, newurl)

        opener = urllib.request.build_opener(Recheck)
        req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        deadline = time.monotonic() + self.timeout
        try:
            with opener.open(req, timeout=self.timeout) as resp:
                chunks, size = [], 0
                while size <= self.max_bytes:
                    if time.monotonic() > deadline:
                        raise FetchRefused(f"took longer than {self.timeout:g} s; cut off")
                    chunk = resp.read1(min(65536, self.max_bytes + 1 - size))  # what has come, not a full block
                    if not chunk:
                        break
                    chunks.append(chunk)
                    size += len(chunk)
                return b"".join(chunks)
        except http.client.HTTPException as exc:  # a malformed response (bad chunking, bad status line)
            raise FetchRefused(f"malformed response: {type(exc).__name__}") from None
        except urllib.error.HTTPError as exc:
            raise FetchRefused(f"HTTP {exc.code} {exc.reason}") from None
