#!/usr/bin/env python3
"""make bench-count: the messaging cost by instruction count, which a noisy shared machine cannot blur.

CPU seconds on this machine move by a fifth between runs of `make bench-mesh`; valgrind's callgrind counts the
instructions each process executes, the same from run to run. On the corpus `make bench-mesh` uses:
  1. every process of a local mesh (redis-server, coordinator, the four specialists, aggregator) runs under
     callgrind (`mesh.sh up` with wrappers for BIN and for redis-server);
  2. one burst warms it (every document at once, `mesh-producer --wait`), uncounted; the counters are zeroed;
  3. one counted burst, the producer under callgrind too; every process dumps its counts;
  4. the in-process baseline, `mesh-agents --type all` on the same files, under callgrind.
Messaging = every mesh process's instructions (Redis included) minus the baseline's, printed beside the analysis
(the baseline) and the target ratio of 0.5, and again without the speller's suggestion filter, which the baseline
builds on every run and a grammar specialist once, at its start. Slow: valgrind runs each process some 50 times slower (minutes).
Redis's timer (serverCron) is left out of its count: it ticks per second of wall time, so the slow-down alone
multiplies it by some forty (its ticks and cost are printed).
"""
import argparse
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import build_corpus  # noqa: E402  (the same documents as make bench-mesh)

SERVICES = ["mesh-coordinator", "mesh-specialist", "mesh-aggregator", "mesh-producer"]
TARGET = 0.5


def wrapper(path, real, out, label_from_args):
    """An executable that runs `real` under callgrind, its counts in `out` named by service (and specialist)."""
    pick = 'for a in "$@"; do case "$a" in grammar|clarity|tone|structure) name=$a;; esac; done\n' if label_from_args else ""
    path.write_text(
        "#!/bin/sh\n"
        f"name={path.name}\n{pick}"
        f'exec valgrind --tool=callgrind --callgrind-out-file="{out}/cg.$name.%p" "{real}" "$@" 2>>"{out}/valgrind.$name.log"\n')
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def total(path):
    """The instruction total of one callgrind dump (its `summary:` or `totals:` line)."""
    for line in path.read_text(errors="replace").splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    return 0


def timer_cost(path, function, name_pattern=None):
    """(instructions, calls) of `function` with its callees in one callgrind dump; (0, 0) when it never ran.
    `name_pattern`, a regular expression, matches the name instead (a Swift function's mangled name)."""
    listing = subprocess.run(["callgrind_annotate", "--tree=caller", "--inclusive=yes", "--threshold=100", str(path)],
                             capture_output=True, text=True).stdout.splitlines()
    name = name_pattern or re.escape(function)
    for i, line in enumerate(listing):
        m = re.match(r"\s*([\d,]+) .*\*  .*:" + name + r" \[", line)
        if m:
            calls = 0
            for caller in reversed(listing[:i]):
                c = re.search(r"\((\d+)x\)", caller)
                if not caller.lstrip()[:1].isdigit() or "<" not in caller or not c:
                    break
                calls += int(c.group(1))
            return int(m.group(1).replace(",", "")), calls
    return 0, 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(ROOT / ".build/release"))
    ap.add_argument("--docs", default=str(ROOT.parent / "shared/eval/docs"))
    args = ap.parse_args()
    for tool in ("valgrind", "callgrind_control", "redis-server", "strip"):
        if not shutil.which(tool):
            sys.exit(f"count.py: {tool} is missing (Debian: apt-get install valgrind redis-server)")
    real_bin = Path(args.bin).resolve()
    work = Path(tempfile.mkdtemp(prefix="mesh-count-"))
    out, wrappers, state = work / "counts", work / "bin", work / "state"
    for d in (out, wrappers):
        d.mkdir()
    files, paragraphs = build_corpus(Path(args.docs), work)
    # Valgrind gives up on the Swift toolchain's DWARF ("possibly corrupted debuginfo"): it runs copies without it.
    stripped = work / "stripped"
    stripped.mkdir()
    for name in SERVICES + ["mesh-agents"]:
        subprocess.run(["strip", "--strip-debug", "-o", str(stripped / name), str(real_bin / name)], check=True)
    for name in SERVICES:
        wrapper(wrappers / name, stripped / name, out, name == "mesh-specialist")
    wrapper(wrappers / "redis-server", shutil.which("redis-server"), out, False)
    env = dict(os.environ, BIN=str(wrappers), STATE=str(state), PATH=f"{wrappers}:{os.environ['PATH']}",
               READY_TRIES=os.environ.get("READY_TRIES", "3000"),
               # Fifty times slower under valgrind, a chunk would pass its 5 s budget and go unreviewed.
               CHUNK_TIME_BUDGET_SECONDS="0")
    print(f"corpus: {len(files)} documents, {paragraphs} paragraphs (from {args.docs}); "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; every process under callgrind", flush=True)
    produce = [str(wrappers / "mesh-producer"), "--wait", "--timeout", "1800", "--fail-on", "none", "--output-format", "json",
               *map(str, files)]
    subprocess.run([str(ROOT / "Deploy/local/mesh.sh"), "up"], env=env, check=True, stdout=subprocess.DEVNULL)
    try:
        for line in (state / "env").read_text().splitlines():
            key, value = line.split("=", 1)
            env[key] = value
        warm = subprocess.run(produce, env=env, capture_output=True, text=True)
        if warm.returncode != 0:
            sys.exit(f"count.py: the warm-up producer exited {warm.returncode} (2: a report is incomplete): {warm.stderr[-1000:]}")
        for f in out.glob("cg.mesh-producer.*"):
            f.unlink()  # the warm-up's producer
        subprocess.run(["callgrind_control", "-z"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        counted = subprocess.run(produce, env=env, capture_output=True, text=True)
        subprocess.run(["callgrind_control", "-d"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if counted.returncode != 0:
            sys.exit(f"count.py: the counted burst's producer exited {counted.returncode} (2: a report is incomplete): "
                     f"{counted.stderr[-1000:]}")
    finally:
        subprocess.run([str(ROOT / "Deploy/local/mesh.sh"), "down"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # A service's counts since zeroing are its last dump (`-d` writes `<file>.<n>`); the producer's is its final file.
    per_process = {}
    for f in sorted(out.glob("cg.*")):
        m = re.match(r"cg\.([\w-]+)\.(\d+)(?:\.(\d+))?$", f.name)
        if not m:
            continue
        name, pid, part = m.group(1), m.group(2), int(m.group(3) or 0)
        if name != "mesh-producer" and part == 0:
            continue  # a service's dump at exit holds what it did after the counted burst: nothing of interest
        key = f"{name}.{pid}"
        if key not in per_process or part > per_process[key][0]:
            count = total(f)
            if name == "redis-server":
                # Redis's timer (`serverCron`, hz 10) runs per second of wall time, not per command. Slowed some
                # fifty times, the burst keeps it ticking for most of a minute instead of about a second (a few
                # hundred ticks for about a dozen), mostly jemalloc's statistics: left out, with its count.
                timer, ticks = timer_cost(f, "serverCron")
                count -= timer
                print(f"redis-server: its timer (serverCron) ran {ticks} times under valgrind, {timer / 1e9:.2f} G, left out; "
                      f"{timer / max(1, ticks) / 1e6:.2f} M a tick, about a dozen ticks in a real burst")
            per_process[key] = (part, count)
    base_file = out / "baseline.cg"
    # (It exits 1 when it finds an error-severity finding, as any linter run would.)
    base = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={base_file}", str(stripped / "mesh-agents"),
                           "--type", "all", "--time-budget", "0", *map(str, files)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if base.returncode not in (0, 1):
        sys.exit(f"count.py: the in-process run exited {base.returncode}: {base.stderr[-1000:]}")
    analysis = total(base_file)
    by_name = {}
    for key, (_, count) in per_process.items():
        name = key.rsplit(".", 1)[0]
        by_name[name] = by_name.get(name, 0) + count
    mesh = sum(by_name.values())
    swift = mesh - by_name.get("redis-server", 0)
    print(f"\n{'process':<22}{'instructions':>16}")
    for name, count in sorted(by_name.items(), key=lambda kv: -kv[1]):
        print(f"{name:<22}{count / 1e9:>14.2f} G")
    print(f"{'mesh, all processes':<22}{mesh / 1e9:>14.2f} G")
    print(f"{'in process (analysis)':<22}{analysis / 1e9:>14.2f} G")
    messaging = mesh - analysis
    print(f"\nmessaging = mesh - in process: {messaging / 1e9:.2f} G; messaging / analysis {messaging / analysis:.2f} "
          f"(target <= {TARGET}: {messaging / analysis / TARGET:.2f}); without Redis {(swift - analysis) / analysis:.2f}")
    # The in-process run builds the speller's suggestion filter every run; a grammar specialist builds it once, when
    # it starts, outside any burst. Printed beside the ratio so that it is not mistaken for messaging's doing.
    speller_filter, _ = timer_cost(base_file, "Speller.prepareSuggestions", r"\$s10MeshAgents7SpellerC18prepareSuggestions\w*")
    if speller_filter:
        steady = analysis - speller_filter
        print(f"the in-process run includes the speller's suggestion filter, {speller_filter / 1e9:.2f} G, which a grammar "
              f"specialist builds once at its start; without it the analysis is {steady / 1e9:.2f} G and messaging "
              f"{(mesh - steady) / steady:.2f} x it")
    print(f"counts kept in {out} (callgrind_annotate FILE)")


if __name__ == "__main__":
    main()
