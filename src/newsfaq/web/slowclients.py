"""Slow clients are timed out: uvicorn's options and an HTTP protocol with a header deadline.

uvicorn closes an idle keep-alive connection (``timeout_keep_alive``) and caps the size of
the request head (``h11_max_incomplete_event_size``), but it waits for the end of the head
forever: a slowloris client that sends one header byte now and then holds a connection (and
a file descriptor) as long as it likes. :class:`HeaderDeadlineProtocol` gives every request
``header_timeout_s`` from the moment the server is ready for it (connection made, or the
previous response sent) until its head is complete; past that the connection is closed. The
body has its own deadline, in the app (:mod:`newsfaq.web.server`).
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = [
    "DEFAULT_HEADER_TIMEOUT_S",
    "DEFAULT_KEEP_ALIVE_S",
    "MAX_HEAD_BYTES",
    "HeaderDeadlineProtocol",
    "uvicorn_options",
]

DEFAULT_HEADER_TIMEOUT_S = 10.0
"""Time a client has to send a request's line and headers."""
DEFAULT_KEEP_ALIVE_S = 5.0
"""An idle keep-alive connection is closed after this long."""
MAX_HEAD_BYTES = 16 * 1024
"""Largest request line plus headers accepted (h11's incomplete-event limit)."""


class HeaderDeadlineProtocol(H11Protocol):
    """uvicorn's h11 protocol, plus a deadline on receiving each request's head."""

    header_timeout_s: float = DEFAULT_HEADER_TIMEOUT_S
    _head_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Start the first request's head deadline."""
        super().connection_made(transport)
        self._arm_head_deadline()

    def handle_events(self) -> None:
        """Stop the deadline once a request's head is in (its response cycle has begun)."""
        super().handle_events()
        if self.cycle is not None and not self.cycle.response_complete:
            self._cancel_head_deadline()

    def on_response_complete(self) -> None:
        """Start the next request's head deadline."""
        super().on_response_complete()
        if not self.transport.is_closing() and (self.cycle is None or self.cycle.response_complete):
            self._arm_head_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        """Drop the timer with the connection."""
        self._cancel_head_deadline()
        super().connection_lost(exc)

    def _arm_head_deadline(self) -> None:
        self._cancel_head_deadline()
        self._head_deadline = self.loop.call_later(self.header_timeout_s, self._head_too_slow)

    def _cancel_head_deadline(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _head_too_slow(self) -> None:
        """The head did not arrive in time: close the connection (no response is owed)."""
        self._head_deadline = None
        waiting = self.cycle is None or self.cycle.response_complete
        if waiting and not self.transport.is_closing():
            self.logger.info("closing a connection whose request head took too long")
            self.transport.close()


def uvicorn_options(
    *,
    header_timeout_s: float = DEFAULT_HEADER_TIMEOUT_S,
    keep_alive_s: float = DEFAULT_KEEP_ALIVE_S,
) -> dict[str, Any]:
    """Keyword arguments for ``uvicorn.run`` / ``uvicorn.Config`` that time out slow clients.

    >>> sorted(uvicorn_options())
    ['h11_max_incomplete_event_size', 'http', 'timeout_keep_alive']
    """
    protocol: type[HeaderDeadlineProtocol] = HeaderDeadlineProtocol
    if header_timeout_s != HeaderDeadlineProtocol.header_timeout_s:
        protocol = type(
            "HeaderDeadlineProtocol",
            (HeaderDeadlineProtocol,),
            {"header_timeout_s": header_timeout_s},
        )
    return {
        "http": protocol,
        "timeout_keep_alive": max(1, round(keep_alive_s)),
        "h11_max_incomplete_event_size": MAX_HEAD_BYTES,
    }
