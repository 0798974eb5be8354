#!/usr/bin/env python3
"""make bench-mesh: the mesh next to one in-process run and the Python peer, on the same documents, in one run.

Corpus: built from DOCS the way ../shared/peers/corpus.py `real` builds it (one document per file, paragraphs at
blank lines, at most 10,000 paragraphs), written out as plain-text files so the mesh and mesh-agents read the
same bytes. Then:
  1. baseline: `mesh-agents --type all FILES` (the four specialists in one process, no Redis);
  2. the mesh (mesh.sh up, release build with the Swift runtime linked statically, as in the images), burst: every document submitted at once, `mesh-producer --wait`;
     with 1 replica of each specialist, and with 2 replicas of the slowest one (both meshes up at once);
  3. a backlog drained, on each mesh: the slowest specialist's replicas stopped while every document is submitted,
     then let go once the rest of the mesh is done; the time from then to the last report, 1 replica against 2;
  4. the mesh, closed loop: 50 documents of 50 paragraphs, one at a time (`mesh-producer --closed-loop`);
  5. ../shared/peers/run.sh DOCS streams-tuned, burst and --closed-loop.
CPU seconds per process are read from /proc (utime + stime, and the same of the children it reaped: Redis's
append-only-file rewrites) before and after each run; RSS is each process's
peak (VmHWM). Every mesh report is checked: complete (no gaps) and the same findings (line, column, rule) as
the in-process review of the same file. Wall-clock figures on a shared machine are noisy; CPU seconds less so:
each burst (and the baseline) runs --repeat times (default 7) and every figure printed is the median over them. The
runs go in rounds (the baseline, then both meshes' bursts, their order alternating), and the messaging ratio and
the 2-replica speed-up are the medians of each round's ratios.
"""
import argparse
import json
import math
import os
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TICK = os.sysconf("SC_CLK_TCK")
SPECIALISTS = ("grammar", "clarity", "tone", "structure")
TARGETS = {"messaging_ratio": 0.5, "paras_per_s": 8000, "p50_ms": 20, "p99_ms": 50, "rss_small_mb": 20, "rss_specialist_mb": 40}


def cpu_of(pid, kernel_only=False):
    """CPU seconds of a process (user + system), or its system (kernel) time alone, with those of the children it
    has reaped: Redis rewrites its append-only file in a forked child (some 30 MB of reports compressed every few
    bursts), which is the mesh's CPU too."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        utime, stime, cutime, cstime = (int(f) for f in fields[11:15])
        return (stime + cstime if kernel_only else utime + stime + cutime + cstime) / TICK
    except (OSError, IndexError, ValueError):
        return None


def hwm_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def machine_idle_s():
    """Idle CPU seconds of the whole machine so far, all cores (/proc/stat: idle + iowait)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    return (int(fields[3]) + int(fields[4])) / TICK


def faster_in(ratios):
    """In how many rounds the second figure was below the first, and the one-sided sign test's p: the chance of
    that many or more if neither were faster (each round a coin toss)."""
    n, k = len(ratios), sum(r < 1 for r in ratios)
    p = sum(math.comb(n, i) for i in range(k, n + 1)) / 2 ** n
    return f"faster in {k} of {n} rounds (sign test p = {p:.3f})"


def children_cpu(kernel_only=False):
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_stime if kernel_only else r.ru_utime + r.ru_stime


def build_corpus(docs, out, max_paras=10000):
    sys.path.insert(0, str(ROOT.parent / "shared" / "peers"))
    from corpus import load_real  # the peers' own corpus builder, so both sides see the same paragraphs
    documents = load_real(str(docs), max_docs=200, max_paras=max_paras, max_paras_per_doc=250)
    files = []
    for i, d in enumerate(documents):
        path = out / f"doc-{i:04d}.txt"
        path.write_text("\n\n".join(d["paragraphs"]) + "\n", encoding="utf-8")
        files.append(path)
    return files, sum(len(d["paragraphs"]) for d in documents)


def closed_loop_corpus(docs, out, n_docs=50, paras=50):
    """50 documents of 50 paragraphs: consecutive paragraphs of the real corpus."""
    sys.path.insert(0, str(ROOT.parent / "shared" / "peers"))
    from corpus import load_real
    pool = [p for d in load_real(str(docs), max_docs=200, max_paras=10000, max_paras_per_doc=250) for p in d["paragraphs"]]
    files = []
    for i in range(n_docs):
        chunk = [pool[(i * paras + k) % len(pool)] for k in range(paras)]
        path = out / f"loop-{i:02d}.txt"
        path.write_text("\n\n".join(chunk) + "\n", encoding="utf-8")
        files.append(path)
    return files


def baseline(bin_dir, files):
    before, kernel_before = children_cpu(), children_cpu(kernel_only=True)
    start = time.monotonic()
    run = subprocess.run([str(bin_dir / "mesh-agents"), "--type", "all", *map(str, files)], capture_output=True, text=True)
    wall = time.monotonic() - start
    findings = {}
    pattern = re.compile(r"^(.*):(\d+):(\d+): (\w+) ([\w.-]+):")
    for line in run.stdout.splitlines():
        m = pattern.match(line)
        if m:
            findings.setdefault(m.group(1), Counter())[(int(m.group(2)), int(m.group(3)), m.group(5))] += 1
    return {"wall_s": wall, "cpu_s": children_cpu() - before, "kernel_s": children_cpu(kernel_only=True) - kernel_before,
            "findings": findings}


class Mesh:
    def __init__(self, bin_dir, state, extra_replicas=None):
        self.bin = bin_dir
        self.state = state
        self.env = dict(os.environ, BIN=str(bin_dir), STATE=str(state))
        if extra_replicas:
            self.env[f"{extra_replicas.upper()}_REPLICAS"] = "2"

    def __enter__(self):
        subprocess.run([str(ROOT / "Deploy/local/mesh.sh"), "up"], env=self.env, check=True, stdout=subprocess.DEVNULL)
        for line in (self.state / "env").read_text().splitlines():
            k, v = line.split("=", 1)
            self.env[k] = v
        return self

    def __exit__(self, *exc):
        subprocess.run([str(ROOT / "Deploy/local/mesh.sh"), "down"], env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def pids(self):
        return {f.name: int(f.read_text()) for f in sorted((self.state / "pids").iterdir())}

    def produce(self, files, *flags):
        pids = self.pids()
        cpu0 = {name: cpu_of(pid) for name, pid in pids.items()}
        kernel0 = {name: cpu_of(pid, kernel_only=True) for name, pid in pids.items()}
        before, kernel_before = children_cpu(), children_cpu(kernel_only=True)
        idle0 = machine_idle_s()
        start = time.monotonic()
        run = subprocess.run([str(self.bin / "mesh-producer"), "--wait", "--timeout", "1200", "--fail-on", "none",
                              "--output-format", "json", *flags, *map(str, files)], env=self.env, capture_output=True, text=True)
        wall = time.monotonic() - start
        busy = 1 - (machine_idle_s() - idle0) / (wall * os.cpu_count())
        cpu = {name: (cpu_of(pid) or 0) - (cpu0[name] or 0) for name, pid in pids.items()}
        cpu["producer"] = children_cpu() - before
        # Kernel time (sockets, wake-ups) is in these CPU seconds but not in make bench-count's instructions.
        kernel = sum((cpu_of(pid, kernel_only=True) or 0) - (kernel0[name] or 0) for name, pid in pids.items())
        kernel += children_cpu(kernel_only=True) - kernel_before
        rss = {name: hwm_mb(pid) for name, pid in pids.items()}
        if run.returncode not in (0, 1):
            raise RuntimeError(f"mesh-producer exited {run.returncode}: {run.stderr[-2000:]}")
        out = json.loads(run.stdout)
        return {"wall_s": wall, "cpu": cpu, "kernel_s": kernel, "rss_mb": rss, "reports": out.get("reports", [out]),
                "stderr": run.stderr, "busy": busy}

    def redis_cli(self, *args):
        where = ["-s", self.env["REDIS_SOCKET"]] if self.env.get("REDIS_SOCKET") else ["-h", self.env["REDIS_HOST"], "-p", self.env["REDIS_PORT"]]
        # XINFO STREAM shows the first and last entries, deflated bodies included: not UTF-8
        return subprocess.run(["redis-cli", *where, *args], capture_output=True, text=True, errors="replace", check=True).stdout.split("\n")

    def drain(self, files, specialist):
        """A backlog of one specialist's work drained: its replicas are stopped (SIGSTOP), every document is submitted,
        and once the rest of the mesh is done with them (the specialist's review stream holds the whole burst, every
        other group is caught up) the replicas go on (SIGCONT); returns the seconds from then to the last report.
        What KEDA does on queue depth: a replica added to a backlog, with cores free for it."""
        stream = f"doc.review.{specialist}"
        others = [("doc.chunks", "coordinator-group")] + [
            pair for t in SPECIALISTS if t != specialist
            for pair in ((f"doc.review.{t}", f"{t}-group"), (f"doc.suggestions.{t}", "aggregator-group"))]

        def added():
            out = self.redis_cli("XINFO", "STREAM", stream)
            return int(out[out.index("entries-added") + 1])

        def caught_up():
            for name, group in others:
                out = self.redis_cli("XINFO", "GROUPS", name)
                for i in range(0, len(out) - 1):
                    if out[i] == "name" and out[i + 1] == group:
                        fields = dict(zip(out[i:i + 12:2], out[i + 1:i + 12:2]))
                        # lag is nil ("") where Redis cannot tell it (entries deleted after the group's place)
                        if fields.get("pending") != "0" or fields.get("lag") not in ("0", ""):
                            return False
            return True

        replicas = [pid for name, pid in self.pids().items() if name.startswith(f"{specialist}-")]
        first = added()
        for pid in replicas:
            os.kill(pid, signal.SIGSTOP)
        try:
            producer = subprocess.Popen([str(self.bin / "mesh-producer"), "--wait", "--timeout", "1200", "--fail-on", "none",
                                         *map(str, files)], env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            seen, deadline = None, time.monotonic() + 300
            while True:
                time.sleep(0.02)
                if time.monotonic() > deadline:
                    producer.kill()
                    raise RuntimeError(f"the backlog of {stream} was not built in 300 s")
                now = added()
                if now > first and now == seen and caught_up():
                    break
                if producer.poll() is not None:
                    raise RuntimeError(f"mesh-producer exited {producer.returncode} before the backlog was built: {producer.stderr.read()[-500:]}")
                seen = now
            start = time.monotonic()
        finally:
            for pid in replicas:
                os.kill(pid, signal.SIGCONT)
        # 2: a report incomplete (findings do not count: --fail-on none)
        if producer.wait() != 0:
            raise RuntimeError(f"mesh-producer exited {producer.returncode} draining the backlog: {producer.stderr.read()[-500:]}")
        return {"seconds": time.monotonic() - start, "entries": now - first, "replicas": len(replicas)}


def median_of(runs):
    """One figure per metric: the median over repeated runs (wall, and CPU per process); the reports of all."""
    out = dict(runs[0])
    out["wall_s"] = statistics.median(r["wall_s"] for r in runs)
    out["cpu"] = {k: statistics.median(r["cpu"].get(k) or 0 for r in runs) for k in runs[0]["cpu"]}
    out["rss_mb"] = {k: max((r["rss_mb"].get(k) or 0) for r in runs) for k in runs[0]["rss_mb"]}
    out["walls"] = [r["wall_s"] for r in runs]
    out["all_reports"] = [r["reports"] for r in runs]
    return out


def check_reports(reports, expected):
    """Every report complete, with the same findings as the in-process review of its file."""
    complete = sum(1 for r in reports if not r.get("incomplete"))
    same = 0
    for r in reports:
        got = Counter((s["range"]["start"]["line"], s["range"]["start"]["column"], s["rule"]) for s in r["suggestions"])
        same += got == expected.get(r["source"], Counter())
    return complete, same


def mesh_row(label, result, paragraphs, analysis_cpu, expected):
    cpu = result["cpu"]
    total = sum(cpu.values())
    checks = [check_reports(reports, expected) for reports in result.get("all_reports", [result["reports"]])]
    complete, same = min(c for c, _ in checks), min(s for _, s in checks)
    return {
        "label": label, "wall_s": result["wall_s"], "paras_per_s": paragraphs / result["wall_s"], "cpu_total_s": total,
        "cpu": cpu, "messaging_cpu_s": total - analysis_cpu, "messaging_ratio": (total - analysis_cpu) / analysis_cpu,
        "rss_mb": result["rss_mb"], "reports": len(result["reports"]), "complete": complete, "same_as_in_process": same,
        "walls": result.get("walls", [result["wall_s"]]),
    }


def peer(docs, closed_loop):
    cmd = ["bash", str(ROOT.parent / "shared/peers/run.sh"), str(docs), "streams-tuned"] + (["--closed-loop"] if closed_loop else [])
    run = subprocess.run(cmd, capture_output=True, text=True)
    try:
        return json.loads(run.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"error": (run.stderr or run.stdout)[-500:]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(ROOT / ".build/release"))
    ap.add_argument("--docs", default=str(ROOT.parent / "shared/eval/docs"))
    ap.add_argument("--slowest", default="grammar", help="the specialist given a second replica")
    ap.add_argument("--no-peer", action="store_true", help="skip ../shared/peers")
    ap.add_argument("--json", help="write the figures here too")
    ap.add_argument("--repeat", type=int, default=7, help="runs of each burst and of the baseline; figures are medians")
    ap.add_argument("--drain-rounds", type=int, default=7, help="rounds of the backlog drain, 1 replica against 2")
    args = ap.parse_args()
    bin_dir = Path(args.bin)
    work = Path(tempfile.mkdtemp(prefix="mesh-bench-"))
    files, paragraphs = build_corpus(Path(args.docs), work)
    loop_dir = work / "loop"
    loop_dir.mkdir()
    loop_files = closed_loop_corpus(Path(args.docs), loop_dir)
    size = sum(f.stat().st_size for f in files)
    print(f"corpus: {len(files)} documents, {paragraphs} paragraphs, {size / 1e6:.2f} MB (from {args.docs}); "
          f"{os.cpu_count()} cores; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", flush=True)

    rows = []
    with Mesh(bin_dir, work / "mesh1") as mesh, Mesh(bin_dir, work / "mesh2", extra_replicas=args.slowest) as mesh2:
        transport = "through a Unix socket (MESH_TCP=1 for loopback TCP)" if mesh.env.get("REDIS_SOCKET") else "over loopback TCP"
        print(f"services reach Redis {transport}", flush=True)
        # The baseline and the bursts of both meshes take turns (the two bursts in alternating order), so that each
        # round meets the same load on this shared machine (the hypervisor's steal moved single runs by a third):
        # the messaging ratio and the 2-replica speed-up are medians of the rounds' ratios, not ratios of medians
        # taken minutes apart. The mesh not bursting sits blocked in XREADGROUP.
        # One burst on each first, not counted: a service's start-up (each specialist builds its rule tables and the
        # grammar specialist loads the speller on its first chunk) is paid once per process, not per document.
        mesh.produce(files)
        mesh2.produce(files)
        runs, bursts, bursts2 = [], [], []
        for n in range(max(1, args.repeat)):
            runs.append(baseline(bin_dir, files))
            if n % 2 == 0:
                bursts.append(mesh.produce(files))
                bursts2.append(mesh2.produce(files))
            else:
                bursts2.append(mesh2.produce(files))
                bursts.append(mesh.produce(files))
        base = dict(runs[0], wall_s=statistics.median(r["wall_s"] for r in runs), cpu_s=statistics.median(r["cpu_s"] for r in runs))
        pairs = [(sum(b["cpu"].values()) - r["cpu_s"], r["cpu_s"]) for r, b in zip(runs, bursts)]
        row = mesh_row("mesh, 1 replica each", median_of(bursts), paragraphs, base["cpu_s"], base["findings"])
        row["messaging_cpu_s"] = statistics.median(m for m, _ in pairs)
        row["messaging_ratio"] = statistics.median(m / a for m, a in pairs)
        row["pairs"] = pairs
        row["kernel_pairs"] = [(b["kernel_s"], r["kernel_s"]) for r, b in zip(runs, bursts)]
        rows.append(row)
        rows.append(mesh_row(f"mesh, 2 replicas of {args.slowest}", median_of(bursts2), paragraphs, base["cpu_s"], base["findings"]))
        replica_ratios = [b2["wall_s"] / b1["wall_s"] for b1, b2 in zip(bursts, bursts2)]
        busy = statistics.median(b["busy"] for b in bursts)
        # A burst keeps both cores busy, so a second replica has little idle CPU to take; where a queue of the slowest
        # specialist's work waits with cores free (KEDA adds a replica on queue depth), it should drain that faster.
        drains, drains2 = [], []
        for n in range(max(1, args.drain_rounds)):
            for m, out in ((mesh, drains), (mesh2, drains2)) if n % 2 == 0 else ((mesh2, drains2), (mesh, drains)):
                out.append(m.drain(files * 2, args.slowest))  # every document twice: a longer drain, less at the mercy of one hiccup
        drain_ratios = [d2["seconds"] / d1["seconds"] for d1, d2 in zip(drains, drains2)]
        try:
            loop = mesh.produce(loop_files, "--closed-loop")
        except RuntimeError as error:  # a producer without --closed-loop (an older build)
            print(f"closed loop: {error}", file=sys.stderr)
            loop = {"stderr": ""}
    m = re.search(r"p50 ([\d.]+) ms, p99 ([\d.]+) ms", loop["stderr"])
    p50, p99 = (float(m.group(1)), float(m.group(2))) if m else (None, None)
    peers = {} if args.no_peer else {"burst": peer(work, False), "closed_loop": peer(loop_dir, True)}

    print(f"\n{'run':<34} {'wall s':>8} {'paras/s':>9} {'CPU s':>7} {'msg CPU s':>10} {'msg/analysis':>13} {'reports ok':>11}")
    print(f"{'in process: mesh-agents --type all':<34} {base['wall_s']:>8.2f} {paragraphs / base['wall_s']:>9.0f} {base['cpu_s']:>7.2f} {'':>10} {'':>13}")
    for r in rows:
        ok = f"{r['complete']}/{r['same_as_in_process']}/{r['reports']}"
        print(f"{r['label']:<34} {r['wall_s']:>8.2f} {r['paras_per_s']:>9.0f} {r['cpu_total_s']:>7.2f} {r['messaging_cpu_s']:>10.2f} "
              f"{r['messaging_ratio']:>13.2f} {ok:>11}")
    for name, p in peers.items():
        if "error" in p:
            print(f"{'peer streams-tuned ' + name:<34} failed: {p['error']}")
            continue
        cpu = p.get("cpu_peer_s", 0) + p.get("cpu_redis_s", 0)
        print(f"{'peer streams-tuned ' + name:<34} {p.get('elapsed_s', 0):>8.2f} {p.get('paras_per_s', 0):>9.0f} {cpu:>7.2f} "
              f"{'':>10} {'':>13}  p50 {p.get('lat_p50_ms') or 0:.1f} ms p99 {p.get('lat_p99_ms') or 0:.1f} ms correct {p.get('correct')}")
    print("(reports ok = complete / same findings as in process / reports, the worst of the runs)")
    print("messaging CPU / analysis CPU of each baseline-then-burst pair (1 replica): "
          + ", ".join(f"{m:.2f}/{a:.2f} = {m / a:.2f}" for m, a in rows[0]["pairs"]))
    print(f"medians of {max(1, args.repeat)} runs; walls of the runs: in process " + " ".join(f"{r['wall_s']:.2f}" for r in runs) + "; "
          + "; ".join(f"{r['label']} " + " ".join(f"{w:.2f}" for w in r["walls"]) for r in rows))
    kernel_mesh = statistics.median(k for k, _ in rows[0]["kernel_pairs"])
    kernel_base = statistics.median(k for _, k in rows[0]["kernel_pairs"])
    print(f"kernel (system) CPU s, medians of the pairs: mesh {kernel_mesh:.2f}, in process {kernel_base:.2f}; messaging without "
          f"the difference: {statistics.median((m - (kb - ka)) / a for (m, a), (kb, ka) in zip(rows[0]['pairs'], rows[0]['kernel_pairs'])):.2f}"
          " x the analysis (make bench-count counts user-space instructions only)")
    print("\nCPU seconds per process (1 replica | 2 replicas):")
    for name in sorted(set(rows[0]["cpu"]) | set(rows[1]["cpu"])):
        print(f"  {name:<16} {rows[0]['cpu'].get(name, 0):>7.2f} | {rows[1]['cpu'].get(name, 0):>7.2f}")
    print("peak RSS MB (1 replica run): " + ", ".join(f"{k} {v:.0f}" for k, v in rows[0]["rss_mb"].items() if v))
    print(f"closed loop, 50 documents x 50 paragraphs, one at a time: p50 {p50} ms, p99 {p99} ms")

    r1 = rows[0]
    peer_cpu = peers.get("burst", {}).get("cpu_peer_s", 0) + peers.get("burst", {}).get("cpu_redis_s", 0) if peers else None
    rss = r1["rss_mb"]
    small = max((v for k, v in rss.items() if k in ("coordinator", "aggregator") and v), default=0)
    spec = max((v for k, v in rss.items() if re.match(rf"({'|'.join(SPECIALISTS)})-", k) and v), default=0)
    print("\nagainst the targets (ratio < 1 meets it):")
    print(f"  messaging CPU / analysis CPU      {r1['messaging_ratio']:.2f} (target <= {TARGETS['messaging_ratio']}): "
          f"{r1['messaging_ratio'] / TARGETS['messaging_ratio']:.2f}")
    if peer_cpu:
        print(f"  messaging CPU / peer CPU          {r1['messaging_cpu_s']:.2f} s vs {peer_cpu:.2f} s: {r1['messaging_cpu_s'] / peer_cpu:.2f}")
    best = max(r["paras_per_s"] for r in rows)
    print(f"  paragraphs/s                      {best:.0f} (target >= {TARGETS['paras_per_s']}): {TARGETS['paras_per_s'] / best:.2f}")
    replicas = statistics.median(replica_ratios)
    print(f"  2 replicas faster than 1, burst   {rows[1]['wall_s']:.2f} s vs {rows[0]['wall_s']:.2f} s; median of the rounds' ratios "
          f"{replicas:.2f} (" + " ".join(f"{q:.2f}" for q in replica_ratios) + f"), {faster_in(replica_ratios)}: {replicas:.2f}; "
          f"the cores were {busy:.0%} busy during a 1-replica burst")
    drained = statistics.median(drain_ratios)
    print(f"  2 replicas faster than 1, backlog {statistics.median(d['seconds'] for d in drains2):.3f} s vs "
          f"{statistics.median(d['seconds'] for d in drains):.3f} s to drain {drains[0]['entries']} {args.slowest} entries; median of "
          f"the rounds' ratios {drained:.2f} (" + " ".join(f"{q:.2f}" for q in drain_ratios) + f"), {faster_in(drain_ratios)}: "
          f"{drained:.2f}")
    if p50 is not None:
        print(f"  closed-loop p50 / p99             {p50:.1f} / {p99:.1f} ms (targets 20 / 50): {p50 / 20:.2f} / {p99 / 50:.2f}")
    print(f"  RSS coordinator/aggregator max    {small:.0f} MB (target <= 20): {small / 20:.2f}")
    print(f"  RSS specialist max                {spec:.0f} MB (target <= 40): {spec / 40:.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps({"paragraphs": paragraphs, "baseline": {k: v for k, v in base.items() if k != "findings"},
                                               "mesh": rows, "closed_loop": {"p50_ms": p50, "p99_ms": p99}, "peers": peers,
                                               "drain": {"one": drains, "two": drains2}, "busy": busy}, indent=1))
    bad = [r for r in rows if r["complete"] != r["reports"] or r["reports"] != len(files)]
    shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
