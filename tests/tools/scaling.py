#!/usr/bin/env python3
"""The scaling benchmark in instructions, which do not depend on the machine's load.

    CARGO_PROFILE_RELEASE_STRIP=false cargo build --release -p copydesk-tests \\
        --bin scaling --target-dir target/scaling
    python3 tests/tools/scaling.py [--bin PATH] [--divide D] [SHAPE...]

For each shape of `tests/tools/scaling.rs` (all, or those named), at three sizes n/D,
4n/D and 16n/D (D is 4 unless told: valgrind is some 50 times slower than the machine),
runs `scaling --one SHAPE SIZE` under `valgrind --tool=callgrind
--toggle-collect=*measured*`, which counts the instructions of the work alone (the
warm-up, the start-up and the generation of the text are not counted), and prints each
step's growth. Linear work grows about 4 times a step, quadratic 16; a step over 5
fails the run (exit status 1). The binary needs its symbols (the release profile strips
them, hence the build above). Run by hand, never as a test.
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 5.0


def instructions(binary, shape, size):
    proc = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            "--toggle-collect=*measured*",
            str(binary),
            "--one",
            shape,
            str(size),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.search(r"Collected : (\d+)", proc.stderr)
    if proc.returncode != 0 or not found:
        sys.exit(f"scaling.py: {shape} at {size}: valgrind failed\n{proc.stderr[-2000:]}")
    count = int(found.group(1))
    if count == 0:
        sys.exit("scaling.py: no instruction counted: build the binary with its symbols")
    return count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=ROOT / "target/scaling/release/scaling")
    parser.add_argument("--divide", type=int, default=4)
    parser.add_argument("shapes", nargs="*")
    args = parser.parse_args()
    listing = subprocess.run(
        [str(args.bin), "--list"], capture_output=True, text=True, check=True
    ).stdout
    failed = False
    print("| shape | sizes | instructions | growth |")
    print("| --- | --- | --- | --- |")
    for line in listing.splitlines():
        shape, n = line.split()
        if args.shapes and shape not in args.shapes:
            continue
        sizes = [k * int(n) // args.divide for k in (1, 4, 16)]
        counts = [instructions(args.bin, shape, size) for size in sizes]
        growth = [counts[1] / counts[0], counts[2] / counts[1]]
        bad = any(g > LIMIT for g in growth)
        failed |= bad
        print(
            f"| {shape} | {', '.join(map(str, sizes))} | "
            f"{', '.join(f'{c / 1e6:.1f} M' for c in counts)} | "
            f"{growth[0]:.1f}, {growth[1]:.1f}{' **over the limit**' if bad else ''} |",
            flush=True,
        )
    if failed:
        sys.exit(f"scaling.py: a shape grew more than {LIMIT} times for 4 times the input")


if __name__ == "__main__":
    main()
