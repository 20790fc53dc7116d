#!/usr/bin/env python3
"""Load test of `copydesk serve`: N clients post a 6 KB article for S seconds.

    cargo build --release -p copydesk-cli
    python3 tests/tools/loadtest.py --bin target/release/copydesk --clients 8 --seconds 30

It starts the service itself (`serve --addr 127.0.0.1:0 --quiet --no-config`) unless
`--url` names a running one, keeps one HTTP/1.1 connection a client, and prints the
requests per second, the latency percentiles, the errors and the service's resident
memory (RSS, sampled every second from /proc) at the start, middle and end of the run.
Standard library only.
"""

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
# Tuned evaluation articles (never the sealed ones), joined and cut to about 6 KB.
SOURCES = [
    "tests/fixtures/eval/sourcing-heldout7/2016-05-17-heldout8-edm-georgia-anaklia.txt",
    "tests/fixtures/eval/sourcing-heldout7/2017-10-03-heldout8-edm-uzbek-currency.txt",
]


def article(size):
    text = "\n\n".join((ROOT / p).read_text(encoding="utf-8") for p in SOURCES)
    cut = text.rfind("\n\n", 0, size)
    return text[: cut if cut > size // 2 else size].rstrip() + "\n"


def rss_kib(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def start(binary):
    proc = subprocess.Popen(
        [binary, "serve", "--addr", "127.0.0.1:0", "--quiet", "--no-config"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    first = proc.stderr.readline()
    prefix = "copydesk: serving on "
    if not first.startswith(prefix):
        proc.kill()
        sys.exit(f"unexpected first line from the service: {first!r}")
    return proc, first[len(prefix):].split()[0].rstrip("/")


def client(host, port, body, stop, results, errors):
    conn = http.client.HTTPConnection(host, port, timeout=30)
    headers = {"Content-Type": "application/json"}
    while not stop.is_set():
        t0 = time.perf_counter()
        try:
            conn.request("POST", "/v1/check", body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            elapsed = time.perf_counter() - t0
            if response.status == 200 and data.startswith(b"{"):
                results.append(elapsed)
            else:
                errors.append(f"{response.status} {data[:120]!r}")
        except (OSError, http.client.HTTPException) as e:
            errors.append(repr(e))
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=str(ROOT / "target/release/copydesk"))
    ap.add_argument("--url", help="a running service instead of starting --bin")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--size", type=int, default=6144, help="article size in bytes")
    args = ap.parse_args()

    proc = None
    url = args.url
    if url is None:
        proc, url = start(args.bin)
    parsed = urlparse(url)
    text = article(args.size)
    body = json.dumps({"text": text, "format": "text", "date": "2017-10-03"}).encode()

    # One request first: the answer is a real check with findings.
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    conn.request("POST", "/v1/check", body=body, headers={"Content-Type": "application/json"})
    first = conn.getresponse()
    answer = json.loads(first.read())
    conn.close()
    if first.status != 200:
        sys.exit(f"the first check failed: {first.status} {answer}")

    stop = threading.Event()
    results, errors, rss = [], [], []
    threads = [
        threading.Thread(target=client, args=(parsed.hostname, parsed.port, body, stop, results, errors))
        for _ in range(args.clients)
    ]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    while time.perf_counter() - t0 < args.seconds:
        time.sleep(1)
        if proc:
            rss.append(rss_kib(proc.pid))
    stop.set()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    if proc:
        proc.terminate()
        proc.wait()

    lat = sorted(results)

    def pct(p):
        return lat[min(len(lat) - 1, int(p / 100 * len(lat)))] * 1000 if lat else float("nan")

    print(f"article: {len(text.encode())} bytes, {len(answer['findings'])} findings a check")
    print(f"clients: {args.clients}, {wall:.1f} s, cores: {os.cpu_count()}")
    print(f"requests: {len(lat)} ok, {len(errors)} errors, {len(lat) / wall:.0f} req/s")
    if lat:
        print(
            f"latency ms: p50 {pct(50):.2f}  p90 {pct(90):.2f}  p99 {pct(99):.2f}  "
            f"max {lat[-1] * 1000:.2f}  mean {statistics.mean(lat) * 1000:.2f}"
        )
    if rss and all(r is not None for r in rss):
        mid = rss[len(rss) // 2]
        print(f"RSS KiB: first second {rss[0]}, middle {mid}, last {rss[-1]}, max {max(rss)}")
    for e in errors[:5]:
        print("error:", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
