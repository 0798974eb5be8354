#!/usr/bin/env python3
"""Throughput of the MeshAgents specialists on a folder of documents, beside proselint's, in one run.

Usage: bench.py --bin PATH/mesh-agents (release build) [--docs DIR] [--json OUT] [--repeat N]

Both tools run on one core (taskset -c 0 when available) over the same files. Ours is measured inside
`mesh-agents bench` (chunking excluded, every specialist on every chunk); proselint is timed on its own
lint of each file, as its command line does it.

The two alternate for `--rounds` rounds (3 by default) and each reports its best round, as `timeit` does:
this machine's speed drifts by several percent from minute to minute, and a slow minute during one tool's
turn would otherwise move the ratio by as much.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time


def files_in(d):
    out = []
    for root, _, names in os.walk(d):
        for n in sorted(names):
            if n.endswith((".md", ".txt", ".markdown")):
                out.append(os.path.join(root, n))
    return sorted(out)


def pin():
    return ["taskset", "-c", "0"] if shutil.which("taskset") else []


def proselint_mbs(files):
    code = r"""
import sys, time, json
from pathlib import Path
from proselint.checks import __register__
from proselint.config import DEFAULT
from proselint.registry import CheckRegistry
from proselint.tools import LintFile
CheckRegistry().register_many(__register__)
total = 0
start = time.time()
for f in sys.argv[1:]:
    total += Path(f).stat().st_size
    LintFile(Path(f)).lint(DEFAULT)
secs = time.time() - start
print(json.dumps({"bytes": total, "seconds": secs}))
"""
    out = subprocess.run(pin() + [sys.executable, "-c", code] + files, capture_output=True, text=True)
    if out.returncode != 0:
        print(f"proselint failed or is missing (pip install proselint): {out.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    r = json.loads(out.stdout)
    r["mb_per_s"] = r["bytes"] / 1e6 / r["seconds"]
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--docs", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "shared", "eval", "docs"))
    ap.add_argument("--json")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-proselint", action="store_true")
    args = ap.parse_args()
    files = files_in(os.path.abspath(args.docs))
    if not files:
        sys.exit(f"no .md or .txt files under {args.docs}")
    ours, prose = None, None
    for _ in range(max(1, args.rounds)):
        out = subprocess.run(pin() + [os.path.abspath(args.bin), "bench", "--type", "all", "--repeat", str(args.repeat)] + files,
                             capture_output=True, text=True, cwd="/")
        if out.returncode != 0:
            sys.exit(f"mesh-agents bench failed: {out.stderr}")
        run = json.loads(out.stdout)
        if ours is None:
            ours = run
        else:
            # Best round per specialist.
            for best, r in zip(ours["results"], run["results"]):
                if r["seconds"] < best["seconds"]:
                    best.update(r)
        if not args.no_proselint:
            p = proselint_mbs(files)
            if p is None:
                args.no_proselint = True
            elif prose is None or p["seconds"] < prose["seconds"]:
                prose = p
    rounds = max(1, args.rounds)
    print(f"{len(files)} files, {ours['bytes'] / args.repeat / 1e6:.2f} MB, {ours['sentences'] // args.repeat} sentences; one core; "
          f"best of {rounds} round{'s' if rounds > 1 else ''}")
    print(f"{'specialist':<12} {'MB/s':>8} {'sentences/s':>12} {'findings':>9} {'x proselint':>12}")
    for r in ours["results"]:
        ratio = f"{r['mb_per_s'] / prose['mb_per_s']:.1f}x" if prose else "-"
        print(f"{r['specialist']:<12} {r['mb_per_s']:>8.2f} {r['sentences_per_s']:>12.0f} {r['findings']:>9} {ratio:>12}")
    if prose:
        print(f"{'proselint':<12} {prose['mb_per_s']:>8.2f} {'-':>12} {'-':>9} {'1.0x':>12}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"mesh": ours, "proselint": prose, "files": len(files), "rounds": rounds}, f, indent=2)
        print(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
