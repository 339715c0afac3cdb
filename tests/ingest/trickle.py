"""A real HTTP server on 127.0.0.1 that sends its body a few bytes a second (a trickling source)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Trickle:
    """Where the trickling server listens, and when the client hung up on it (monotonic)."""

    url: str
    closed_at: list[float] = field(default_factory=list)


def _serve_one(conn: socket.socket, rate: int, state: Trickle) -> None:
    """Answer one request with headers at once, then one byte of body every 1/``rate`` s."""
    with conn:
        conn.settimeout(5)
        try:
            conn.recv(65536)
            conn.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n"
            )
            for _ in range(100000):
                conn.sendall(b"x")
                time.sleep(1.0 / rate)
        except OSError:  # the client closed the connection
            state.closed_at.append(time.monotonic())


@contextmanager
def trickle_server(rate: int = 8) -> Iterator[Trickle]:
    """Serve on a free loopback port; every connection gets a body of ``rate`` bytes a second."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)
    state = Trickle(url=f"http://127.0.0.1:{listener.getsockname()[1]}/article.txt")
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=_serve_one, args=(conn, rate, state), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        stop.set()
        thread.join(timeout=2)
        listener.close()
