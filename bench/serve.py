"""Throughput and latency of ``POST /api/explain`` at 1 and 8 concurrent clients on loopback.

Starts ``newsfaq serve`` in a subprocess on a free 127.0.0.1 port (or uses ``--url``), warms it
up, then for each concurrency level sends a bounded number of requests (the project's test
articles, in turn) from that many client threads, each with its own httpx client.

    .venv/bin/python bench/serve.py                     # 1 and 8 clients, 48 requests each
    .venv/bin/python bench/serve.py -c 1 -c 4 -n 20 --json bench/results/serve.json
    .venv/bin/python bench/serve.py --workers 2          # two server processes
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "articles"
DEFAULT_ARTICLES = [
    "brief.txt",
    "business.txt",
    "court.txt",
    "feature.txt",
    "obituary.txt",
    "politics.txt",
    "science.txt",
    "sports.txt",
]


def _free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(workers: int = 1) -> tuple[subprocess.Popen[bytes], str]:
    """Run ``newsfaq serve`` on a free loopback port; return the process and its base URL."""
    port = _free_port()
    exe = Path(sys.executable).with_name("newsfaq")
    cmd = [str(exe), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        if proc.poll() is not None:
            raise SystemExit(f"newsfaq serve exited with {proc.returncode}")
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return proc, url
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            proc.terminate()
            raise SystemExit("newsfaq serve did not start in 120 s")
        time.sleep(0.2)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    pos = (len(ordered) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def run_level(
    url: str, bodies: list[dict[str, Any]], clients: int, requests: int
) -> dict[str, Any]:
    """Send ``requests`` explain requests from ``clients`` threads; return the figures."""
    counter = itertools.count()
    lock = threading.Lock()
    latencies: list[float] = []
    failures: list[str] = []

    def client() -> None:
        with httpx.Client(base_url=url, timeout=300) as http:
            while True:
                with lock:
                    i = next(counter)
                if i >= requests:
                    return
                t0 = time.perf_counter()
                r = http.post("/api/explain", json=bodies[i % len(bodies)])
                elapsed = time.perf_counter() - t0
                with lock:
                    if r.status_code == 200:
                        latencies.append(elapsed)
                    else:
                        failures.append(f"{r.status_code} {r.text[:120]}")

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    return {
        "clients": clients,
        "requests": requests,
        "ok": len(latencies),
        "failed": len(failures),
        "failures": failures[:5],
        "wall_s": round(wall, 3),
        "req_per_s": round(len(latencies) / wall, 2),
        "p50_ms": round(percentile(latencies, 50) * 1000, 1) if latencies else None,
        "p95_ms": round(percentile(latencies, 95) * 1000, 1) if latencies else None,
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1) if latencies else None,
    }


def main() -> None:
    """Parse options, run each concurrency level, print a Markdown table (and JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--clients", type=int, action="append", help="Concurrency levels")
    parser.add_argument("-n", "--requests", type=int, default=48, help="Requests per level")
    parser.add_argument("--url", help="Use a running server instead of starting one")
    parser.add_argument("--workers", type=int, default=1, help="Server processes to start")
    parser.add_argument("--articles", nargs="*", default=DEFAULT_ARTICLES)
    parser.add_argument("--json", type=Path, help="Also write the results to this JSON file")
    args = parser.parse_args()
    levels = args.clients or [1, 8]
    bodies = [{"text": (ARTICLES / name).read_text(encoding="utf-8")} for name in args.articles]
    mean_chars = statistics.fmean(len(b["text"]) for b in bodies)

    proc = None
    url = args.url
    if url is None:
        proc, url = start_server(args.workers)
    try:
        for body in bodies * max(1, args.workers):  # warm-up (every worker process), not timed
            r = httpx.post(url + "/api/explain", json=body, timeout=300)
            r.raise_for_status()
        results = [run_level(url, bodies, clients, args.requests) for clients in levels]
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)

    print(
        f"POST /api/explain, {len(bodies)} articles (mean {mean_chars:,.0f} chars), "
        f"{args.requests} requests per level, server workers: {args.workers}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, "
        f"Python {platform.python_version()}"
    )
    print()
    print("| clients | requests | ok | req/s | p50 ms | p95 ms | mean ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for res in results:
        print(
            f"| {res['clients']} | {res['requests']} | {res['ok']} | {res['req_per_s']} | "
            f"{res['p50_ms']} | {res['p95_ms']} | {res['mean_ms']} |"
        )
        for failure in res["failures"]:
            print(f"  failure: {failure}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
