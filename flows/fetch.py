"""Fetching pages politely and safely: what a feed links to is untrusted input.

Polite: every request says who we are (`user_agent`); one host gets at most `host_concurrency` requests at
once and waits `host_delay` seconds between two of them; a timeout, a dropped connection, a 429 or a 5xx is
tried again after a growing pause (a 4xx other than 429 is not: asking again changes nothing); a page
fetched before is asked for with its ETag / Last-Modified, and a 304 costs no body.

Safe: the sources a user names are trusted, whatever their address. A link found inside a feed may be
anything: it is fetched only over http or https, and it may reach a private, loopback, link-local or
other internal address only on the same origin (scheme, host and port) as the source that named it, or
on a host the configuration allows (`allow_hosts`). Every redirect is checked again. Each fetch has an
overall deadline (a server trickling bytes is cut off) and a body-size limit.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

# Response headers kept with a fetched page: enough to ask again conditionally and to know what it was.
KEPT_HEADERS = ("content-type", "etag", "last-modified", "date", "content-language")


class FetchRefused(OSError):
    """A link that must not be fetched, or a fetch that broke its limits; the message says which."""


class FetchFailed(OSError):
    """The server did not give the page (an HTTP error, a timeout, a dropped connection)."""

    def __init__(self, message: str, retryable: bool, status: int | None = None):
        super().__init__(message)
        self.retryable = retryable
        self.status = status


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    body: bytes
    headers: dict[str, str]

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def validators(self) -> dict[str, str]:
        """What to send next time to be told 'not modified' instead of getting the page again."""
        return {k: self.headers[k] for k in ("etag", "last-modified") if self.headers.get(k)}


@dataclass(frozen=True)
class FetchPolicy:
    timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    user_agent: str = "parley"
    host_delay: float = 1.0
    host_concurrency: int = 2
    retries: int = 3
    backoff: float = 1.0
    allow_hosts: frozenset[str] = frozenset()


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
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not ip.is_global or ip.is_multicast:
            return True
    return False


@dataclass
class HostLimiter:
    """At most `concurrency` requests to one host at a time, each starting `delay` seconds after the last."""

    delay: float
    concurrency: int
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _slots: dict[str, threading.BoundedSemaphore] = field(default_factory=dict)
    _next_start: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._lock:
            sem = self._slots.setdefault(host, threading.BoundedSemaphore(self.concurrency))
        with sem:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start.get(host, now))
                self._next_start[host] = start + self.delay
            time.sleep(max(0.0, start - now))
            yield


class Fetcher:
    def __init__(self, policy: FetchPolicy, sleep: Callable[[float], None] = time.sleep):
        self.policy = policy
        self.limiter = HostLimiter(policy.host_delay, policy.host_concurrency)
        self._sleep = sleep

    def check(self, url: str, trusted: tuple[str, str, int] | None) -> None:
        """Refuses a link that is not http(s), or that reaches an internal address from another origin."""
        scheme, host, _ = origin(url)
        if scheme not in ("http", "https"):
            raise FetchRefused(f"only http and https links are fetched, not {scheme or 'a relative link'}:")
        if not host:
            raise FetchRefused("the link has no host")
        if trusted is not None and origin(url) != trusted and host not in self.policy.allow_hosts \
                and _internal(host):
            raise FetchRefused(f"{host} is a private, loopback or link-local address; a link from a feed may "
                               "reach one only on the feed's own origin or a host in allow_hosts")

    def fetch(self, url: str, trusted: tuple[str, str, int] | None = None,
              validators: dict[str, str] | None = None, max_bytes: int | None = None) -> Response:
        """The page at `url`, tried again with backoff on a timeout, a dropped connection, 429 or 5xx.
        `trusted` is the origin of the source that named an untrusted link (None for a source the user
        named); `validators` are the ETag / Last-Modified stored from the last fetch."""
        self.check(url, trusted)
        attempt = 0
        while True:
            try:
                with self.limiter.slot(origin(url)[1]):
                    return self._once(url, trusted, validators or {}, max_bytes or self.policy.max_bytes)
            except FetchFailed as exc:
                if not exc.retryable or attempt >= self.policy.retries:
                    if attempt:
                        raise FetchFailed(f"{exc} (after {attempt + 1} attempts)", False, exc.status) from None
                    raise
                self._sleep(self.policy.backoff * 2 ** attempt)
                attempt += 1

    def _once(self, url: str, trusted: tuple[str, str, int] | None, validators: dict[str, str],
              max_bytes: int) -> Response:
        fetcher = self

        class Recheck(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
                fetcher.check(newurl, trusted if trusted is not None else origin(url))
                return super().redirect_request(req, fp, code, msg, headers, newurl)

        headers = {"User-Agent": self.policy.user_agent, "Accept-Encoding": "identity"}
        if validators.get("etag"):
            headers["If-None-Match"] = validators["etag"]
        if validators.get("last-modified"):
            headers["If-Modified-Since"] = validators["last-modified"]
        opener = urllib.request.build_opener(Recheck)
        req = urllib.request.Request(url, headers=headers)
        try:
            with opener.open(req, timeout=self.policy.timeout) as resp:
                body = self._read_body(resp, max_bytes)
                return Response(resp.geturl(), resp.status, body, _kept(resp.headers))
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return Response(url, 304, b"", _kept(exc.headers))
            raise FetchFailed(f"HTTP {exc.code} {exc.reason}", exc.code == 429 or exc.code >= 500,
                              exc.code) from None
        except http.client.HTTPException as exc:  # a malformed response (bad chunking, bad status line)
            raise FetchRefused(f"malformed response: {type(exc).__name__}") from None
        except TimeoutError:
            raise FetchFailed(f"no answer within {self.policy.timeout:g} s", True) from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, FetchRefused):
                raise exc.reason from None
            retryable = isinstance(exc.reason, TimeoutError | ConnectionError)
            raise FetchFailed(f"cannot connect: {exc.reason}", retryable) from None
        except ConnectionError as exc:
            raise FetchFailed(f"connection dropped: {exc}", True) from None

    def _read_body(self, resp: http.client.HTTPResponse, max_bytes: int) -> bytes:
        """At most max_bytes + 1 bytes (one more tells the reader it was too big), within the deadline."""
        deadline = time.monotonic() + self.policy.timeout
        chunks, size = [], 0
        while size <= max_bytes:
            if time.monotonic() > deadline:
                raise FetchRefused(f"took longer than {self.policy.timeout:g} s; cut off")
            chunk = resp.read1(min(65536, max_bytes + 1 - size))  # what has come, not a full block
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)


def _kept(headers: object) -> dict[str, str]:
    get = getattr(headers, "get", None)
    if get is None:
        return {}
    return {k: str(get(k)) for k in KEPT_HEADERS if get(k)}
