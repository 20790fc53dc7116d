#!/usr/bin/env python3
"""Latency of the language server after a one-character edit, seen from a client.

    cargo build --release -p copydesk-cli
    python3 tests/tools/lsp_latency.py --bin target/release/copydesk --kb 100 --edits 10

It starts `copydesk server` on stdio, opens a Markdown document of about KB kilobytes
made of the tuned evaluation articles (never the sealed ones), waits for its first
diagnostics, then sends EDITS single-character edits GAP milliseconds apart (each
inserts a letter and the next removes it again) and, for each, times the span from
sending `didChange` to receiving the `publishDiagnostics` of that version. It prints
the time to the first diagnostics after opening and the median and worst edit
latency. Standard library only.
"""

import argparse
import json
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "tests/fixtures/eval/sourcing").glob("*.md"))


def document(kb: int) -> str:
    """About `kb` kilobytes of Markdown from the tuned sourcing corpus."""
    parts = [p.read_text(encoding="utf-8") for p in SOURCES]
    text = ""
    while len(text.encode()) < kb * 1024:
        for p in parts:
            text += p.split("---", 2)[-1] + "\n\n"
    return text


class Client:
    def __init__(self, binary: str):
        self.proc = subprocess.Popen(
            [binary, "server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.next_id = 0
        self.published = {}  # version -> time received
        self.cond = threading.Condition()
        threading.Thread(target=self.read, daemon=True).start()

    def send(self, payload: dict) -> None:
        body = json.dumps(payload).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method: str, params: dict) -> None:
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})

    def notify(self, method: str, params: dict) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def read(self) -> None:
        out = self.proc.stdout
        while True:
            length = 0
            while True:
                line = out.readline()
                if not line:
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                if line in (b"\r\n", b"\n"):
                    break
            msg = json.loads(out.read(length))
            if msg.get("method") == "textDocument/publishDiagnostics":
                version = msg["params"].get("version")
                with self.cond:
                    self.published.setdefault(version, time.perf_counter())
                    self.cond.notify_all()

    def wait_for(self, version: int, timeout: float = 30.0) -> float:
        deadline = time.perf_counter() + timeout
        with self.cond:
            while version not in self.published:
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise TimeoutError(f"no diagnostics for version {version}")
                self.cond.wait(left)
            return self.published[version]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=str(ROOT / "target/release/copydesk"))
    ap.add_argument("--kb", type=int, default=100)
    ap.add_argument("--edits", type=int, default=10)
    ap.add_argument("--gap", type=int, default=300, help="milliseconds between edits")
    args = ap.parse_args()
    text = document(args.kb)
    uri = "file:///tmp/copydesk-latency/piece.md"
    client = Client(args.bin)
    client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    client.notify("initialized", {})
    sent = time.perf_counter()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
    )
    opened = client.wait_for(1) - sent
    lines = text.split("\n")
    line = len(lines) // 2
    latencies = []
    for i in range(args.edits):
        version = i + 2
        insert = i % 2 == 0
        change = {
            "range": {
                "start": {"line": line, "character": 0},
                "end": {"line": line, "character": 0 if insert else 1},
            },
            "text": "x" if insert else "",
        }
        sent = time.perf_counter()
        client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
        )
        latencies.append(client.wait_for(version) - sent)
        time.sleep(args.gap / 1000)
    client.request("shutdown", {})
    client.notify("exit", {})
    ms = [1000 * x for x in latencies]
    print(f"document: {len(text.encode()) // 1024} KB; first diagnostics after opening: {1000 * opened:.1f} ms")
    print(f"{args.edits} one-character edits {args.gap} ms apart: median {statistics.median(ms):.1f} ms, worst {max(ms):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
