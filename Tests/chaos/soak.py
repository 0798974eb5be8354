#!/usr/bin/env python3
"""Soak: many small documents through a local mesh (our own Redis, the services started by mesh.sh), with
Redis used_memory sampled every few seconds. Prints the curve as a table (time, documents done,
used_memory, entries left in the work streams) and whether it stayed flat, then exits 1 if it did not, or if a
document was not reported exactly once, or if anything is still pending.

Reports are kept REPORT_TTL_SECONDS (default here 60 s, `--report-ttl`): with the mesh's default of a week,
every report would stay in Redis on purpose and memory would grow with the documents done; a short TTL
leaves what the mesh itself keeps (work streams, result hashes, the capped doc.reports).

Flat: the mean used_memory of the last third of the samples is within 20 % of the middle third's, and the
least-squares growth over the last two thirds is under 1 KiB per 1,000 documents times 100 (0.1 byte per
document is noise; a leak of one results hash per document would be far above it).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import ROOT, WORK_STREAMS, Follower, Mesh, Redis, log, pending_counts, retrying, write_documents  # noqa: E402


def slope(points: list[tuple[float, float]]) -> float:
    n = len(points)
    if n < 2:
        return 0.0
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    var = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / var if var else 0.0


def main() -> int:
    env = os.environ.get
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--docs", type=int, default=int(env("SOAK_DOCS", 20_000)), help="documents (SOAK_DOCS)")
    p.add_argument("--sample-interval", type=float, default=float(env("SOAK_SAMPLE_INTERVAL", 5)), help="seconds between samples")
    p.add_argument("--batch", type=int, default=200, help="documents per producer run")
    p.add_argument("--window", type=int, default=600, help="documents in flight at most")
    p.add_argument("--pool", type=int, default=400, help="distinct small files, submitted again and again under new ids")
    p.add_argument("--report-ttl", type=int, default=int(env("SOAK_REPORT_TTL", 60)), help="REPORT_TTL_SECONDS of the aggregator")
    p.add_argument("--seed", type=int, default=int(env("SOAK_SEED", 1)))
    p.add_argument("--rows", type=int, default=25, help="rows of the printed table at most")
    p.add_argument("--bin", default=env("BIN", str(ROOT / ".build" / "release")))
    p.add_argument("--json", help="write the samples and verdict as JSON here")
    p.add_argument("--keep", action="store_true")
    args = p.parse_args()

    state = Path(tempfile.mkdtemp(prefix="mesh-soak-"))
    rng = random.Random(args.seed)
    files = write_documents(state / "docs", args.pool, rng, small_only=True)
    redis_server = Redis(state / "redis")
    mesh = Mesh(Path(args.bin), state / "mesh", redis_server, {"REPORT_TTL_SECONDS": str(args.report_ttl)})
    follower = Follower(redis_server, fetch_reports=False)
    samples: list[dict] = []
    stop = threading.Event()
    submitted: list[str] = []
    errors: list[str] = []

    def sample(started: float) -> None:
        client = redis_server.client()
        while True:
            try:
                samples.append({"t": round(time.monotonic() - started, 1), "done": follower.done(), "submitted": len(submitted),
                                "used_memory": redis_server.used_memory(),
                                "stream_entries": sum(retrying(lambda: client.xlen(s)) for s in WORK_STREAMS),
                                "keys": int(client.dbsize())})
            except Exception as error:  # noqa: BLE001 - a sample is not worth stopping the soak for
                errors.append(f"sample: {error}")
            if stop.wait(args.sample_interval):
                return

    try:
        redis_server.start()
        mesh.up()
        time.sleep(1)
        before = redis_server.used_memory()
        follower.start()
        started = time.monotonic()
        sampler = threading.Thread(target=sample, args=(started,), daemon=True)
        sampler.start()
        n = 0
        while len(submitted) < args.docs:
            while len(submitted) - follower.done() > args.window:
                time.sleep(0.2)
            count = min(args.batch, args.docs - len(submitted))
            batch = [files[(n * args.batch + k) % len(files)] for k in range(count)]
            try:
                submitted += mesh.submit(f"soak-b{n:05d}", batch)
            except RuntimeError as error:
                errors.append(str(error))
            n += 1
            if n % 10 == 0:
                log(f"submitted {len(submitted)}, done {follower.done()}, used_memory {samples[-1]['used_memory'] if samples else '?'}")
        deadline = time.monotonic() + 600
        while follower.done() < len(submitted) and time.monotonic() < deadline:
            time.sleep(0.5)
        elapsed = time.monotonic() - started
        client = redis_server.client()
        for _ in range(30):  # the workers trim every 5 s
            groups = pending_counts(client)
            if all(g["pending"] == 0 and g["lag"] == 0 and g["length"] == 0 for g in groups.values()):
                break
            time.sleep(1)
        stop.set()
        sampler.join()
        sample_final = {"t": round(time.monotonic() - started, 1), "done": follower.done(), "submitted": len(submitted),
                        "used_memory": redis_server.used_memory(), "stream_entries": sum(client.xlen(s) for s in WORK_STREAMS),
                        "keys": int(client.dbsize())}
        samples.append(sample_final)
        follower.stop()
        groups = pending_counts(client)
        results_left = sum(1 for _ in client.scan_iter("doc:results:*"))
        # Once the last reports have expired, what is left is the mesh's own footprint (and the capped doc.reports).
        time.sleep(args.report_ttl + 5)
        settled = redis_server.used_memory()
        settled_keys = int(client.dbsize())
    finally:
        stop.set()
        if (state / "mesh" / "logs").is_dir():
            shutil.copytree(state / "mesh" / "logs", state / "logs", dirs_exist_ok=True)
        mesh.down()
        redis_server.stop()

    duplicates = {d: k for d, k in follower.announcements.items() if k > 1}
    missing = len(set(submitted) - set(follower.announcements))
    pending = sum(g["pending"] + g["lag"] for g in groups.values())
    third = max(1, len(samples) // 3)
    middle = [s["used_memory"] for s in samples[third:2 * third]] or [samples[-1]["used_memory"]]
    last = [s["used_memory"] for s in samples[2 * third:]]
    mean = lambda xs: sum(xs) / len(xs)  # noqa: E731
    growth = slope([(s["done"], s["used_memory"]) for s in samples[third:]]) * 1000
    flat = abs(mean(last) - mean(middle)) <= 0.2 * mean(middle) and growth < 100 * 1024
    rate = len(submitted) / elapsed if elapsed else 0

    step = max(1, len(samples) // args.rows)
    shown = samples[::step] + ([samples[-1]] if (len(samples) - 1) % step else [])
    print("\n==== soak: Redis used_memory ====")
    print(f"{'time s':>8} {'docs done':>10} {'used_memory':>14} {'stream entries':>15} {'keys':>7}")
    for s in shown:
        print(f"{s['t']:>8} {s['done']:>10} {s['used_memory'] / 1024 / 1024:>10.2f} MiB {s['stream_entries']:>15} {s['keys']:>7}")
    peak = max(s["used_memory"] for s in samples)
    print(f"documents {len(submitted)} submitted, {len(follower.announcements)} reported, {missing} missing, {len(duplicates)} duplicates, "
          f"{pending} pending; {results_left} result hashes left")
    print(f"used_memory before {before / 1024 / 1024:.2f} MiB, peak {peak / 1024 / 1024:.2f} MiB, end {samples[-1]['used_memory'] / 1024 / 1024:.2f} MiB; "
          f"middle third mean {mean(middle) / 1024 / 1024:.2f} MiB, last third {mean(last) / 1024 / 1024:.2f} MiB; "
          f"growth {growth / 1024:.1f} KiB per 1,000 documents")
    print(f"{args.report_ttl + 5} s after the last report (every report expired): used_memory {settled / 1024 / 1024:.2f} MiB, "
          f"{settled_keys} keys (the work streams and the capped doc.reports)")
    print(f"{elapsed:.0f} s, {rate:.1f} documents/s; 20,000 documents would take about {20_000 / rate / 60:.0f} min" if rate else "")
    ok = flat and not duplicates and not missing and pending == 0 and results_left == 0
    print("RESULT: " + ("used_memory stayed flat; every document reported once" if ok else "NOT flat or not every document reported once"))
    if errors:
        print(f"errors: {errors[:5]}")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "docs": len(submitted), "reported": len(follower.announcements), "missing": missing, "duplicates": len(duplicates),
            "pending": pending, "results_left": results_left, "elapsed_s": round(elapsed, 1), "docs_per_s": round(rate, 2),
            "used_memory_before": before, "peak": peak, "middle_mean": mean(middle), "last_mean": mean(last),
            "growth_per_1000_docs": growth, "settled": settled, "settled_keys": settled_keys, "flat": flat, "ok": ok, "samples": samples, "errors": errors}, indent=1) + "\n")
    if not args.keep:
        shutil.rmtree(state, ignore_errors=True)
    else:
        print(f"state kept in {state}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
