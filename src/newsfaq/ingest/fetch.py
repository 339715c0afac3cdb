"""Fetch an http(s) URL safely: timeouts, a size cap, manual redirects, no private addresses.

Every hop of a redirect chain is checked the same way: the scheme must be http or https, the
host name is resolved with :func:`socket.getaddrinfo`, and the request is refused
(:class:`~newsfaq.errors.BlockedAddressError`) when *any* resolved address is private,
loopback, link-local, multicast, reserved or unspecified — unless ``allow_private=True``.
The connection then goes to the address that was checked (the host name is kept for the
``Host`` header and TLS), so a second DNS answer cannot swap in another address.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

from newsfaq import settings
from newsfaq.errors import BlockedAddressError, FetchError, InputTooLargeError

if TYPE_CHECKING:
    import httpx

__all__ = [
    "FetchResult",
    "check_url",
    "fetch_url",
    "is_public_address",
    "resolve_host",
]

_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class FetchResult:
    """What a fetch returned: the final URL (after redirects), the body bytes and their type."""

    url: str
    content: bytes
    content_type: str | None = None
    status: int = 200
    redirects: list[str] = field(default_factory=list)


def is_public_address(address: str | IPAddress) -> bool:
    """True when ``address`` is a globally routable unicast IP address.

    Private, loopback, link-local, multicast, reserved, unspecified and shared (CGNAT)
    addresses are not public; IPv4-mapped and 6to4/Teredo IPv6 addresses are judged by the
    IPv4 address they carry.

    >>> is_public_address("93.184.216.34"), is_public_address("127.0.0.1")
    (True, False)
    >>> is_public_address("::ffff:10.0.0.1"), is_public_address("fe80::1")
    (False, False)
    """
    try:
        ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.scope_id:
            return False
        if ip.ipv4_mapped is not None:
            return is_public_address(ip.ipv4_mapped)
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None and not is_public_address(embedded):
            return False
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def resolve_host(host: str, port: int, *, timeout: float = settings.FETCH_TIMEOUT_S) -> list[str]:
    """All IP addresses ``host`` resolves to (IP literals resolve to themselves), deduplicated.

    The lookup runs in a daemon thread so that a hanging resolver cannot outlast ``timeout``.

    >>> resolve_host("127.0.0.1", 80)
    ['127.0.0.1']
    """
    outcome: list[Any] = []

    def lookup() -> None:
        try:
            outcome.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except (UnicodeError, OSError) as exc:  # socket.gaierror is an OSError
            outcome.append(exc)

    worker = threading.Thread(target=lookup, name=f"resolve {host}", daemon=True)
    worker.start()
    worker.join(timeout)
    if not outcome:
        raise FetchError(f"cannot resolve host {host!r}: timed out after {timeout:g} s")
    if isinstance(outcome[0], BaseException):
        raise FetchError(f"cannot resolve host {host!r}: {_reason(outcome[0])}") from None
    addresses: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in outcome[0]:
        addr = str(sockaddr[0])
        if addr not in addresses:
            addresses.append(addr)
    if not addresses:
        raise FetchError(f"cannot resolve host {host!r}: no addresses")
    return addresses


def check_url(
    url: str,
    *,
    allow_private: bool = False,
    allow_networks: Sequence[str] = (),
    timeout: float = settings.FETCH_TIMEOUT_S,
) -> list[str]:
    """Validate ``url`` (http/https, a host) and return the addresses its host resolves to.

    Raises :class:`FetchError` for a bad URL and :class:`BlockedAddressError` when any
    resolved address is not public, unless ``allow_private`` is true or the address lies in
    one of ``allow_networks`` (CIDR strings such as ``"10.8.0.0/16"``).

    >>> check_url("http://127.0.0.1/", allow_private=True)
    ['127.0.0.1']
    """
    host, port = _host_port(url)
    addresses = resolve_host(host, port, timeout=timeout)
    if not allow_private:
        networks = [ipaddress.ip_network(n, strict=False) for n in allow_networks]
        blocked = [
            a
            for a in addresses
            if not is_public_address(a) and not any(_in_network(a, n) for n in networks)
        ]
        if blocked:
            raise BlockedAddressError(
                f"refusing to fetch: host {host!r} resolves to non-public address "
                f"{blocked[0]} (use --allow-private-urls, or allow_private=True in Python, "
                "to permit)",
                source=url,
            )
    return addresses


def fetch_url(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = settings.FETCH_TIMEOUT_S,
    max_bytes: int = settings.MAX_INPUT_BYTES,
    max_redirects: int = settings.FETCH_MAX_REDIRECTS,
    user_agent: str = settings.FETCH_USER_AGENT,
    allow_networks: Sequence[str] = (),
) -> FetchResult:
    """GET ``url`` and return its body, following at most ``max_redirects`` redirects.

    ``timeout`` bounds each network operation and the whole download; the body is streamed
    and refused (:class:`InputTooLargeError`) past ``max_bytes``; an HTTP status >= 400 is a
    :class:`FetchError` carrying ``status``. ``allow_private`` and ``allow_networks`` are as
    in :func:`check_url`, applied to every hop.

    >>> fetch_url("http://127.0.0.1:9/")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    newsfaq.errors.BlockedAddressError: refusing to fetch ...
    """
    import httpx

    deadline = time.monotonic() + timeout
    current = url
    hops: list[str] = []
    with httpx.Client(
        follow_redirects=False,
        timeout=httpx.Timeout(timeout),
        trust_env=False,
        headers={"User-Agent": user_agent, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"},
    ) as client:
        while True:
            addresses = check_url(
                current,
                allow_private=allow_private,
                allow_networks=allow_networks,
                timeout=max(deadline - time.monotonic(), 0.1),
            )
            response_url, status, location, content_type, body = _get_once(
                client, current, addresses, deadline=deadline, timeout=timeout, max_bytes=max_bytes
            )
            if status in _REDIRECT_STATUSES and location:
                if len(hops) >= max_redirects:
                    raise FetchError(
                        f"too many redirects (more than {max_redirects})", source=url, status=status
                    )
                hops.append(current)
                current = urljoin(current, location)
                continue
            if status >= 400:
                raise FetchError(
                    f"HTTP error {status} ({_status_phrase(status)})", source=current, status=status
                )
            return FetchResult(
                url=response_url,
                content=body,
                content_type=content_type,
                status=status,
                redirects=hops,
            )


def _get_once(
    client: httpx.Client,
    url: str,
    addresses: list[str],
    *,
    deadline: float,
    timeout: float,
    max_bytes: int,
) -> tuple[str, int, str | None, str | None, bytes]:
    """One GET pinned to a checked address; returns (url, status, location, type, body)."""
    import httpx

    parts = urlsplit(url)
    host = parts.hostname or ""
    last_error: Exception | None = None
    for address in addresses:
        pinned, host_header = _pin(parts, address)
        try:
            remaining = max(deadline - time.monotonic(), 0.01)
            with client.stream(
                "GET",
                pinned,
                headers={"Host": host_header},
                extensions={"sni_hostname": host} if parts.scheme == "https" else None,
                timeout=httpx.Timeout(remaining),  # no single wait outlasts the deadline
            ) as response:
                status = response.status_code
                location = response.headers.get("location")
                content_type = response.headers.get("content-type")
                if status in _REDIRECT_STATUSES or status >= 400:
                    return url, status, location, content_type, b""
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise InputTooLargeError(
                        f"the download is {int(declared)} bytes, over the limit of "
                        f"{max_bytes} bytes",
                        source=url,
                    )
                body = _read_body(response, url, deadline=deadline, max_bytes=max_bytes)
                if body is None:
                    raise FetchError(f"timed out after {timeout:g} s", source=url)
                return url, status, location, content_type, body
        except httpx.ConnectError as exc:
            last_error = exc
            continue
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {timeout:g} s", source=url) from None
        except httpx.HTTPError as exc:
            raise FetchError(f"download failed: {_reason(exc)}", source=url) from None
    raise FetchError(f"could not connect: {_reason(last_error)}", source=url)


def _read_body(
    response: httpx.Response, url: str, *, deadline: float, max_bytes: int
) -> bytes | None:
    """The body, read as it arrives; None once the total ``deadline`` has passed.

    ``iter_bytes()`` without a chunk size yields what each network read decodes to, so the
    deadline is checked on every read: a source that trickles a few bytes a second cannot
    stretch the download (each single wait is bounded by the request's read timeout, set to
    the time left). Leaving the ``stream`` block on None or an error closes the connection.
    """
    body = bytearray()
    for chunk in response.iter_bytes():
        if time.monotonic() > deadline:
            return None
        body += chunk
        if len(body) > max_bytes:
            raise InputTooLargeError(
                f"the download is over the limit of {max_bytes} bytes", source=url
            )
    return bytes(body)


def _in_network(address: str, network: ipaddress.IPv4Network | ipaddress.IPv6Network) -> bool:
    """True when ``address`` is inside ``network`` (False across IP versions)."""
    try:
        return ipaddress.ip_address(address) in network
    except ValueError:
        return False


def _host_port(url: str) -> tuple[str, int]:
    """The host and port of an http(s) URL, or a :class:`FetchError` saying what is wrong."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"invalid URL: {exc}", source=url) from None
    if parts.scheme not in ("http", "https"):
        raise FetchError(
            f"only http and https URLs can be fetched, not {parts.scheme or 'no scheme'!r}",
            source=url,
        )
    if not parts.hostname:
        raise FetchError("the URL has no host", source=url)
    return parts.hostname, port or (443 if parts.scheme == "https" else 80)


def _pin(parts: SplitResult, address: str) -> tuple[str, str]:
    """The URL with its host replaced by ``address``, and the original ``Host`` header value."""
    port = parts.port
    ip_host = f"[{address}]" if ":" in address else address
    host = parts.hostname or ""
    name_host = f"[{host}]" if ":" in host else host
    netloc = f"{ip_host}:{port}" if port else ip_host
    host_header = f"{name_host}:{port}" if port else name_host
    return urlunsplit(parts._replace(netloc=netloc)), host_header


def _status_phrase(status: int) -> str:
    """The standard reason phrase of an HTTP status ("Not Found"), or "error"."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "error"


def _reason(exc: BaseException | None) -> str:
    """A one-line description of a network exception."""
    if exc is None:
        return "no address to connect to"
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]
