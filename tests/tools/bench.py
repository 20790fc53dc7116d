#!/usr/bin/env python3
"""Speed of copydesk, against one ripgrep pass as the floor, from one run.

    python3 tests/tools/bench.py [--articles N] [--runs R] [--bin PATH] [--no-build]

(Python 3.11 or later, for tomllib; Linux, for wait4's peak memory.)

What it measures (release build, `copydesk check --no-cache --no-config`):

* Cold start: one ~6 KB article (two articles of the evaluation corpora, one front
  matter) and an empty file, process start to exit: median wall time and peak memory
  (the resident set of the process, from wait4).
* The archive: N generated articles (`tests/archive.rs`, 10,000 by default, seed 13,
  written into a temporary folder), `copydesk check -q --format json -o FILE` against
  `rg -c -F -f WORDS` over the same folder (fixed strings, ripgrep's fastest
  mode), where WORDS holds every word and name of
  the house-style data (`crates/copydesk-core/data/*.toml`, strings of up to 40
  characters, no addresses): a pattern of the size of what copydesk looks for. The two
  run alternately, R times each after one warm-up run each (the files in the page
  cache); the ratio is copydesk's median over ripgrep's, with the range of the ratios of
  the rounds.

ripgrep is the floor, not a dependency: when `rg` is missing the script says so and
measures copydesk alone (`apt-get install -y ripgrep`). Figures vary by machine and load;
compare ratios measured in the same run. The results are for the README (Speed), never
for a timed test.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "crates" / "copydesk-core" / "data"
ARTICLE_PARTS = [
    ROOT / "tests/fixtures/eval/acronyms/2019-02-04-heldout-inf-treaty.md",
    ROOT / "tests/fixtures/eval/sourcing/2016-03-14-caspian-gas.md",
]


def run(cmd, cwd):
    """Wall time (s) and peak resident memory (MB) of one run of `cmd`."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"bench: {' '.join(map(str, cmd))} exited with {code}")
    return wall, usage.ru_maxrss / 1024


def article(dest):
    """The ~6 KB article: the first part whole, the second without its front matter."""
    first = ARTICLE_PARTS[0].read_text()
    second = ARTICLE_PARTS[1].read_text().split("\n---\n", 1)[1]
    dest.write_text(first + "\n" + second)
    return dest


def words(dest):
    """Every string of the house-style data that is a word or a name, one a line."""
    found = set()

    def walk(value):
        if isinstance(value, str):
            if 0 < len(value) <= 40 and "://" not in value and "\n" not in value:
                found.add(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for path in sorted(DATA.glob("*.toml")):
        walk(tomllib.loads(path.read_text()))
    dest.write_text("".join(f"{w}\n" for w in sorted(found)))
    return len(found)


def summary(name, runs):
    walls = [w for w, _ in runs]
    return (
        f"{name:<44} median {statistics.median(walls) * 1000:9.1f} ms"
        f"  (min {min(walls) * 1000:.1f})  peak {max(m for _, m in runs):6.1f} MB"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--bin", type=Path, default=ROOT / "target/release/copydesk")
    parser.add_argument("--no-build", action="store_true", help="use the binaries as built")
    args = parser.parse_args()

    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "-p", "copydesk-cli"], cwd=ROOT, check=True)
        # The generator's speed is not measured: a debug build is enough.
        subprocess.run(
            ["cargo", "build", "-p", "copydesk-tests", "--bin", "gen-archive"], cwd=ROOT, check=True
        )
    generator = ROOT / "target/debug/gen-archive"
    rg = shutil.which("rg")
    if rg is None:
        print("bench: ripgrep (rg) is missing: the archive is measured without its baseline "
              "(install it with `apt-get install -y ripgrep`)")

    with tempfile.TemporaryDirectory(prefix="copydesk-bench-") as tmp:
        tmp = Path(tmp)
        copydesk = [str(args.bin), "check", "--no-cache", "--no-config"]
        one = article(tmp / "article.md")
        empty = tmp / "empty.md"
        empty.write_text("")
        print(f"cold start ({one.stat().st_size} bytes), {args.runs} runs each")
        cold = {"article": [], "empty": []}
        for _ in range(args.runs):
            cold["article"].append(run(copydesk + [str(one)], tmp))
            cold["empty"].append(run(copydesk + [str(empty)], tmp))
        print(summary("  copydesk check --no-cache ARTICLE", cold["article"]))
        print(summary("  copydesk check --no-cache EMPTY", cold["empty"]))

        archive = tmp / "archive"
        subprocess.run([str(generator), str(archive), str(args.articles), "13"], check=True)
        size = sum(p.stat().st_size for p in archive.rglob("*") if p.is_file())
        print(f"archive: {args.articles} articles, {size / 1e6:.1f} MB, {args.runs} alternating runs")
        check = copydesk + ["-q", "--format", "json", "-o", str(tmp / "findings.json"), str(archive)]
        runs = {"copydesk": [], "rg": []}
        if rg:
            count = words(tmp / "words.txt")
            grep = [rg, "--no-config", "-c", "-F", "-f", str(tmp / "words.txt"), str(archive)]
            run(grep, tmp)
        run(check, tmp)
        ratios = []
        for _ in range(args.runs):
            runs["copydesk"].append(run(check, tmp))
            if rg:
                runs["rg"].append(run(grep, tmp))
                ratios.append(runs["copydesk"][-1][0] / runs["rg"][-1][0])
        print(summary("  copydesk check --no-cache ARCHIVE", runs["copydesk"]))
        if rg:
            print(summary(f"  rg -c -F -f WORDS ({count} words)", runs["rg"]))
            median = statistics.median(w for w, _ in runs["copydesk"]) / statistics.median(
                w for w, _ in runs["rg"]
            )
            print(f"  ratio copydesk / rg: {median:.2f} (rounds {min(ratios):.2f}-{max(ratios):.2f})")


if __name__ == "__main__":
    main()
