#!/usr/bin/env python3
"""Chaos run of a local mesh: documents of mixed sizes, hostile entries written straight onto the streams,
a random service SIGKILLed every few seconds (mesh.sh restarts it) and Redis restarted once (SIGTERM, then
started again on the same AOF). It ends with a summary and exits 1 when a target is missed:

  every document reported exactly once, 0 pending, 0 duplicates, every hostile entry dead-lettered with its
  reason, no valid document incomplete, Redis memory back near its start.

Recovery time of a kill: from the SIGKILL until (a) the restarted service's consumer has read from its
stream again (XINFO CONSUMERS idle, for every stream it reads) and (b) every entry the killed consumer had
pending at the moment of the kill has been acknowledged (it is gone from XPENDING). Measured by polling
every 0.1 s. Recovery of the Redis restart: from the SIGTERM until every consumer has read again.

Usage: chaos.py [--docs 1000] [--kill-interval 3] [--seed 1] ... (see --help). Environment: BIN (the
service executables, default .build/debug), CHAOS_* mirror the flags.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import threading
import time
import zlib
from collections import Counter
from pathlib import Path

import redis

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import (ROOT, READS, SERVICES, GROUPS, WORK_STREAMS, Follower, Mesh, Redis, chunk_body, entry, log,  # noqa: E402
                     normalize_reason, pending_counts, retrying, source_paragraphs, write_documents)

HUGE_COUNT = 4611686018427387904


def hostile_entries(rng: random.Random, round_no: int, oversize: bool) -> list[tuple[str, dict, str, str]]:
    """(stream, fields, expected reason fragment, label) for every kind of hostile entry."""
    d = lambda name: f"hostile-{round_no}-{name}"  # noqa: E731
    valid = lambda name, **kw: chunk_body(d(name), "A perfectly ordinary sentence.", **kw)  # noqa: E731
    bomb = zlib.compress(b" " * (40 * 1024 * 1024), 9)  # ~40 KB that inflates to 40 MiB, past the 32 MiB limit
    junk = bytes(rng.randrange(256) for _ in range(300))
    items = [
        ("doc.chunks", entry("chunk", d("v9"), valid("v9"), v="9.0"), "unsupported protocol version '9.0'", "version 9.0"),
        ("doc.chunks", entry("chunk", d("vgarbage"), valid("vgarbage"), v="x.y\x00garbage"), "invalid field 'v'", "version garbage"),
        ("doc.chunks", {k: v for k, v in entry("chunk", d("nov"), valid("nov")).items() if k != "v"}, "missing field 'v'", "missing v"),
        ("doc.chunks", {k: v for k, v in entry("chunk", d("nobody"), valid("nobody")).items() if k != "body"}, "missing field 'body'", "missing body"),
        ("doc.chunks", {k: v for k, v in entry("chunk", d("noenc"), valid("noenc")).items() if k != "enc"}, "missing field 'enc'", "missing enc"),
        ("doc.chunks", {**entry("chunk", d("zlib"), valid("zlib")), "enc": "json+deflate", "body": junk}, "corrupt compressed payload", "bad zlib"),
        ("doc.chunks", {**entry("chunk", d("trunc"), valid("trunc"), deflate=True)} | {"body": zlib.compress(b'{"docId":"x"' * 50)[:-9]},
         "corrupt compressed payload", "truncated zlib"),
        ("doc.chunks", {**entry("chunk", d("bomb"), b""), "enc": "json+deflate", "body": bomb}, "inflates past the limit", "deflate bomb"),
        ("doc.chunks", entry("chunk", d("count"), valid("count", count=HUGE_COUNT)), "invalid field 'count'", "huge count"),
        ("doc.chunks", entry("chunk", d("negcount"), valid("negcount", count=-3)), "invalid field 'count'", "negative count"),
        ("doc.chunks", entry("chunk", d("index"), valid("index", index=7, count=2)), "invalid field 'index'", "index past count"),
        ("doc.chunks", entry("chunk", d("utf8"), b'\xff\xfe\xfd not json \xc3\x28'), "malformed body", "non-UTF-8 body"),
        ("doc.chunks", entry("chunk", d("utf8str"), json.dumps(valid("utf8str")).encode().replace(b"ordinary", b"ordi\xc3\x28\xffnary")),
         "malformed body", "non-UTF-8 in a JSON string"),
        ("doc.chunks", entry("chunk", d("nojson"), b"{\"docId\": "), "malformed body", "truncated JSON"),
        ("doc.chunks", {**entry("chunk", d("zstd"), valid("zstd")), "enc": "json+zstd"}, "unknown body encoding", "unknown encoding"),
        ("doc.chunks", entry("summary", d("kind"), valid("kind")), "unknown message kind", "unknown kind"),
        ("doc.chunks", entry("chunk", "x" * 300, chunk_body("x" * 300, "Long id.")), "invalid field 'docId'", "doc id too long"),
        ("doc.review.grammar", entry("chunk", d("addr"), valid("addr", specialists=["tone"])), "not addressed to the grammar", "chunk not for grammar"),
        ("doc.review.clarity", entry("chunk", d("rcount"), valid("rcount", count=HUGE_COUNT, specialists=["clarity"])), "invalid field 'count'",
         "huge count at a specialist"),
        ("doc.suggestions.tone", entry("review", d("ccount"), {"docId": d("ccount"), "chunkIndex": 0, "chunkCount": HUGE_COUNT, "specialist": "tone",
                                                              "specialists": ["tone"], "source": "x", "suggestions": []}),
         "invalid field 'chunkCount'", "huge chunkCount at the aggregator"),
        ("doc.suggestions.grammar", entry("review", d("tonerange"), {"docId": d("tonerange"), "chunkIndex": 0, "chunkCount": 1, "specialist": "grammar",
                                                                     "specialists": ["tone"], "source": "x", "suggestions": []}),
         "invalid field 'specialists'", "review from a specialist it does not name"),
        ("doc.suggestions.structure", entry("review", d("rjunk"), b"\x00\x01\x02"), "malformed body", "garbage review"),
    ]
    if oversize:
        big = json.dumps(valid("oversize") | {"text": "word " * (34 * 1024 * 1024 // 5)}).encode()
        items.append(("doc.chunks", entry("chunk", d("oversize"), big), "inflates past the limit", "33 MiB body as sent"))
    return items


def huge_paragraph(doc_id: str, megabytes: float, rng: random.Random) -> dict:
    """A valid one-chunk document whose single paragraph is `megabytes` MB of prose with no newline."""
    novels, _, _ = source_paragraphs(rng)
    size = int(megabytes * 1_000_000)
    parts, total = [], 0
    while total < size:
        p = rng.choice(novels).replace("\n", " ")
        parts.append(p)
        total += len(p) + 1
    return entry("chunk", doc_id, chunk_body(doc_id, " ".join(parts)[:size]), deflate=True)


class Chaos:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.state = Path(args.state or tempfile.mkdtemp(prefix="mesh-chaos-"))
        self.redis = Redis(self.state / "redis")
        env = {"MAX_DELIVERIES": str(args.max_deliveries)}
        if args.visibility_timeout:
            env["VISIBILITY_TIMEOUT_SECONDS"] = str(args.visibility_timeout)
        self.mesh = Mesh(Path(args.bin), self.state / "mesh", self.redis, env)
        self.follower = Follower(self.redis)
        self.lock = threading.Lock()             # held while submitting or injecting, and while Redis restarts
        self.stop = threading.Event()
        self.expected: dict[str, str] = {}       # doc id -> "valid" | "huge"
        self.hostile: dict[tuple[str, str], tuple[str, str]] = {}  # (stream, entry id) -> (expected reason, label)
        self.kills: list[dict] = []
        self.redis_restarts: list[dict] = []
        self.errors: list[str] = []

    # ---- the disturbances ----

    def consumer_last_read(self, client, service: str) -> float | None:
        """Wall time of the service's consumer's last read, the oldest over the streams it reads."""
        times = []
        for stream, group in READS[service]:
            consumers = {c["name"].decode(): c for c in client.xinfo_consumers(stream, group)}
            c = consumers.get(f"local-{service}")
            if c is None:
                return None
            times.append(time.time() - int(c["idle"]) / 1000)
        return min(times)

    def held(self, client, service: str) -> dict[tuple[str, str], set[bytes]]:
        return {(s, g): {p["message_id"] for p in client.xpending_range(s, g, "-", "+", 10_000, consumername=f"local-{service}")}
                for s, g in READS[service]}

    def still_pending(self, client, held) -> int:
        left = 0
        for (s, g), ids in held.items():
            if ids:
                now = {p["message_id"] for p in client.xpending_range(s, g, min(ids), max(ids), 10_000)}
                left += len(ids & now)
        return left

    def killer(self) -> None:
        client = self.redis.client()
        open_kills: list[dict] = []
        next_kill = time.monotonic() + self.args.kill_interval
        settle_deadline = None
        # After `stop`, no more kills, but the open ones are followed until they recover (two minutes at most).
        while True:
            if self.stop.is_set():
                settle_deadline = settle_deadline or time.monotonic() + 120
                if not open_kills or time.monotonic() > settle_deadline:
                    break
            time.sleep(0.1)
            try:
                for k in list(open_kills):
                    if k.get("restarted_at") is None:
                        pid = self.mesh.pid(k["service"])
                        if pid and pid != k["pid"]:
                            k["restarted_at"] = time.time()
                    last = self.consumer_last_read(client, k["service"])
                    if k.get("reading_at") is None and last is not None and last > k["at"] + 0.05:
                        k["reading_at"] = last
                    if k.get("acked_at") is None and self.still_pending(client, k["held_sets"]) == 0:
                        k["acked_at"] = time.time()
                    if k.get("reading_at") and k.get("acked_at"):
                        k["recovery_s"] = round(max(k["reading_at"], k["acked_at"]) - k["at"], 2)
                        k.pop("held_sets")
                        open_kills.remove(k)
                        log(f"  {k['service']} recovered in {k['recovery_s']} s ({k['held']} entries it held acknowledged)")
                if self.stop.is_set() or time.monotonic() < next_kill or (self.args.max_kills and len(self.kills) >= self.args.max_kills):
                    continue
                next_kill = time.monotonic() + self.args.kill_interval * self.rng.uniform(0.5, 1.5)
                busy = {k["service"] for k in open_kills}
                candidates = [s for s in SERVICES if s not in busy]
                if not candidates:
                    continue
                service = self.rng.choice(candidates)
                pid = self.mesh.pid(service)
                if not pid:
                    continue
                with self.lock:
                    held = self.held(client, service)
                    at = time.time()
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        continue
                kill = {"service": service, "pid": pid, "at": at, "held": sum(map(len, held.values())), "held_sets": held}
                self.kills.append(kill)
                open_kills.append(kill)
                log(f"SIGKILL {service} (pid {pid}, holding {kill['held']} pending entries)")
            except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, redis.exceptions.BusyLoadingError):
                time.sleep(0.2)
                client = self.redis.client()
        for k in open_kills:
            k.pop("held_sets", None)
            k["recovery_s"] = None

    def restart_redis(self) -> None:
        with self.lock:
            at = time.time()
            log("restarting Redis (SIGTERM, then the same arguments and AOF folder)")
            down = self.redis.restart()
            up_at = time.time()
        client = self.redis.client()
        record = {"at": at, "down_s": round(down, 2)}
        self.redis_restarts.append(record)
        deadline = time.time() + 300
        while time.time() < deadline:
            try:
                lasts = [self.consumer_last_read(client, s) for s in SERVICES]
                if all(t is not None and t > up_at + 0.05 for t in lasts):
                    record["recovery_s"] = round(max(lasts) - at, 2)
                    break
            except redis.exceptions.RedisError:
                pass
            time.sleep(0.1)
        log(f"Redis was down {record['down_s']} s; every consumer reading again {record.get('recovery_s')} s after the SIGTERM")

    def inject(self, items, record: bool = True) -> None:
        client = self.redis.client()
        with self.lock:
            for stream, fields, reason, label in items:
                entry_id = retrying(lambda: client.xadd(stream, fields)).decode()
                if record:
                    self.hostile[(stream, entry_id)] = (reason, label)

    # ---- the run ----

    def run(self) -> dict:
        args = self.args
        started = time.monotonic()
        files = write_documents(self.state / "docs", args.docs, self.rng, large=args.large)
        log(f"{len(files)} documents ({sum(f.stat().st_size for f in files) / 1e6:.2f} MB) in {self.state / 'docs'}")
        hostile = [item for r in range(args.hostile_rounds) for item in hostile_entries(self.rng, r + 1, args.oversize and r == 0)]
        self.rng.shuffle(hostile)
        self.redis.start()
        self.mesh.up()
        time.sleep(1)
        memory_before = self.redis.used_memory()
        log(f"mesh up on redis :{self.redis.port}; used_memory {memory_before}")
        self.follower.start()
        killer = threading.Thread(target=self.killer, daemon=True)
        killer.start()

        batches = [files[i:i + args.batch] for i in range(0, len(files), args.batch)]
        per_batch = -(-len(hostile) // max(1, len(batches)))
        restart_at = int(len(batches) * args.restart_at) if args.redis_restarts else -1
        huge_at = int(len(batches) * 0.2)
        deadline = time.monotonic() + args.timeout
        started = time.monotonic()
        for n, batch in enumerate(batches):
            # Spread the batches over --spread seconds, so the kills land while work is in flight even when the
            # mesh could review every document before the first kill.
            pause = started + n * args.spread / len(batches) - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            while len(self.expected) - self.follower.done() > args.window and time.monotonic() < deadline:
                time.sleep(0.2)
            if n == huge_at:
                for h in range(args.huge):
                    doc = f"chaos-huge-{h + 1}"
                    self.inject([("doc.chunks", huge_paragraph(doc, args.huge_mb, self.rng), "", "huge paragraph")], record=False)
                    self.expected[doc] = "huge"
                    log(f"wrote {doc}: one {args.huge_mb} MB paragraph as a valid chunk")
            if n == restart_at:
                threading.Thread(target=self.restart_redis, daemon=True).start()
                time.sleep(0.2)
            with self.lock:
                try:
                    ids = self.mesh.submit(f"chaos-b{n:04d}", batch)
                except RuntimeError as error:
                    self.errors.append(str(error))
                    log(f"submit failed: {error}")
                    continue
            for doc in ids:
                self.expected[doc] = "valid"
            self.inject(hostile[n * per_batch:(n + 1) * per_batch])
        log(f"submitted {sum(1 for v in self.expected.values() if v == 'valid')} documents and {len(self.hostile)} hostile entries")

        while time.monotonic() < deadline:
            with self.follower.lock:
                dead_ids = {(d.get("origin-stream"), d.get("origin-id")) for d in self.follower.deadletters}
            missing = [d for d in self.expected if d not in self.follower.announcements]
            hostile_left = [i for i in self.hostile if i not in dead_ids]
            if not missing and not hostile_left:
                break
            if int(time.monotonic()) % 15 == 0:
                log(f"waiting: {len(missing)} documents without a report, {len(hostile_left)} hostile entries not dead-lettered")
            time.sleep(1)
        self.stop.set()
        killer.join(timeout=150)

        # Drain: no pending, no lag, every work stream trimmed (workers trim every 5 s).
        client = self.redis.client()
        drain_deadline = time.monotonic() + args.drain
        while time.monotonic() < drain_deadline:
            groups = retrying(lambda: pending_counts(client))
            if all(g["pending"] == 0 and g["lag"] == 0 and g["length"] == 0 for g in groups.values()):
                break
            time.sleep(1)
        time.sleep(2)
        self.follower.stop()
        groups = pending_counts(client)
        memory_retained = self.redis.used_memory()
        leftover = sorted(k.decode() for k in client.scan_iter("doc:results:*"))
        # What the mesh keeps on purpose (reports for REPORT_TTL_SECONDS, the announcements, the dead letters)
        # is read and removed, as their consumers would; what is left is the mesh's own footprint.
        for pattern in ("doc:report:*", "doc:completed:*"):
            keys = list(client.scan_iter(pattern, count=1000))
            for i in range(0, len(keys), 500):
                client.delete(*keys[i:i + 500])
        client.delete("doc.reports", "doc.deadletter")
        time.sleep(0.5)
        memory_after = self.redis.used_memory()
        other_keys = sorted(k.decode() for k in client.scan_iter("*") if k.decode() not in WORK_STREAMS)
        summary = self.summarize(memory_before, memory_retained, memory_after, groups, leftover, other_keys, time.monotonic() - started)
        return summary

    def summarize(self, before, retained, after, groups, leftover, other_keys, elapsed) -> dict:
        f = self.follower
        valid = [d for d, k in self.expected.items() if k == "valid"]
        huge = [d for d, k in self.expected.items() if k == "huge"]
        complete = [d for d in valid if d in f.reports and not f.reports[d].get("incomplete") and not f.reports[d].get("missing")]
        incomplete = {d: f.reports[d]["incomplete"] for d in self.expected if d in f.reports and f.reports[d].get("incomplete")}
        missing = [d for d in self.expected if d not in f.announcements]
        duplicates = {d: n for d, n in f.announcements.items() if n > 1}
        unexpected_reports = [d for d in f.announcements if d not in self.expected]
        by_reason = Counter(normalize_reason(d["reason"]) for d in f.deadletters)
        dead = {(d["origin-stream"], d["origin-id"]): d for d in f.deadletters}
        hostile_ok, hostile_bad = Counter(), []
        for (stream, entry_id), (reason, label) in self.hostile.items():
            d = dead.get((stream, entry_id))
            if d and reason in d["reason"]:
                hostile_ok[label] += 1
            else:
                hostile_bad.append({"label": label, "stream": stream, "id": entry_id, "expected": reason,
                                    "got": d["reason"] if d else "not dead-lettered"})
        other_dead = [d for d in f.deadletters if (d["origin-stream"], d["origin-id"]) not in self.hostile]
        recoveries = [k for k in self.kills if k.get("recovery_s") is not None]
        longest = max(recoveries, key=lambda k: k["recovery_s"], default=None)
        pending = sum(g["pending"] for g in groups.values())
        lag = sum(g["lag"] for g in groups.values())
        gap_reasons = Counter(normalize_reason(g.get("reason", "?")) for gaps in incomplete.values() for g in gaps)
        memory_ok = after <= before * (1 + self.args.memory_slack) + 1024 * 1024
        targets = {
            "every document reported": not missing,
            "no duplicates": not duplicates,
            "0 pending": pending == 0 and lag == 0,
            "every hostile entry dead-lettered with its reason": not hostile_bad,
            "no valid document incomplete": not [d for d in incomplete if d in valid],
            "huge paragraphs reported with a gap": all(d in incomplete for d in huge),
            "no results hash left behind": not leftover,
            "Redis memory back near its start": memory_ok,
            "every kill recovered": len(recoveries) == len(self.kills),
        }
        return {
            "seed": self.args.seed, "elapsed_s": round(elapsed, 1), "state": str(self.state),
            "documents_submitted": len(valid), "huge_paragraph_documents": len(huge),
            "reports": {"complete": len(complete), "incomplete": len(incomplete), "missing": len(missing), "missing_ids": missing[:20],
                        "incomplete_docs": {d: gaps[:4] for d, gaps in list(incomplete.items())[:10]},
                        "incomplete_reasons": dict(gap_reasons)},
            "duplicates": duplicates, "unexpected_reports": unexpected_reports[:20],
            "pending": pending, "lag": lag, "groups": groups,
            "hostile": {"written": len(self.hostile), "dead_lettered_as_expected": sum(hostile_ok.values()), "by_kind": dict(hostile_ok),
                        "missed": hostile_bad},
            "deadletters_by_reason": dict(by_reason.most_common()), "other_deadletters": [{k: v for k, v in d.items()} for d in other_dead[:10]],
            "redis": {"used_memory_before": before, "used_memory_after_with_reports": retained, "used_memory_after": after,
                      "leftover_results_keys": leftover[:20], "keys_left": other_keys[:20]},
            "kills": len(self.kills), "supervisor_restarts": len(self.mesh.restarts()),
            "kills_by_service": dict(Counter(k["service"] for k in self.kills)),
            "recovery": {"longest_s": longest["recovery_s"] if longest else None, "longest_service": longest["service"] if longest else None,
                         "mean_s": round(sum(k["recovery_s"] for k in recoveries) / len(recoveries), 2) if recoveries else None,
                         "restart_delay_max_s": max((round(k["restarted_at"] - k["at"], 2) for k in self.kills if k.get("restarted_at")), default=None),
                         "unrecovered": [k["service"] for k in self.kills if k.get("recovery_s") is None],
                         "definition": "SIGKILL -> the restarted consumer reads again and every entry the killed one held is acknowledged"},
            "redis_restarts": self.redis_restarts, "errors": self.errors,
            "targets": targets, "ok": all(targets.values()),
        }

    def close(self) -> None:
        self.stop.set()
        try:
            if (self.state / "mesh" / "logs").is_dir():  # mesh.sh down removes its state folder
                shutil.copytree(self.state / "mesh" / "logs", self.state / "logs", dirs_exist_ok=True)
            self.mesh.down()
        finally:
            self.redis.stop()
        if not self.args.keep:
            shutil.rmtree(self.state, ignore_errors=True)


def print_summary(s: dict) -> None:
    r = s["reports"]
    mb = lambda n: f"{n / 1024 / 1024:.2f} MiB"  # noqa: E731
    lines = [
        "", "==== chaos summary ====",
        f"documents submitted      {s['documents_submitted']} (+{s['huge_paragraph_documents']} huge-paragraph documents)",
        f"reports complete         {r['complete']}",
        f"reports incomplete       {r['incomplete']}" + "".join(f"\n    {n} × {reason}" for reason, n in r["incomplete_reasons"].items()),
        f"reports missing          {r['missing']}" + (f" {r['missing_ids']}" if r["missing"] else ""),
        f"duplicates               {len(s['duplicates'])}" + (f" {s['duplicates']}" if s["duplicates"] else ""),
        f"entries still pending    {s['pending']} (not yet delivered: {s['lag']})",
        f"hostile entries          {s['hostile']['written']} written, {s['hostile']['dead_lettered_as_expected']} dead-lettered with the expected reason",
    ]
    lines += [f"    MISSED {m['label']} on {m['stream']}: expected '{m['expected']}', got '{m['got']}'" for m in s["hostile"]["missed"]]
    lines.append("dead letters by reason")
    lines += [f"    {n:5d} × {reason}" for reason, n in s["deadletters_by_reason"].items()]
    red = s["redis"]
    lines += [
        f"redis used_memory        before {mb(red['used_memory_before'])}, after {mb(red['used_memory_after'])} "
        f"(with the reports still kept: {mb(red['used_memory_after_with_reports'])})",
        f"kills                    {s['kills']} SIGKILLs {s['kills_by_service']}, {s['supervisor_restarts']} supervisor restarts",
        f"longest recovery         {s['recovery']['longest_s']} s ({s['recovery']['longest_service']}); mean {s['recovery']['mean_s']} s; "
        f"longest kill->restart {s['recovery']['restart_delay_max_s']} s",
        f"redis restarts           " + "; ".join(f"down {x['down_s']} s, all consumers reading {x.get('recovery_s')} s after SIGTERM" for x in s["redis_restarts"]),
        f"elapsed                  {s['elapsed_s']} s",
        "targets:",
    ]
    lines += [f"    {'ok  ' if ok else 'MISS'} {name}" for name, ok in s["targets"].items()]
    lines.append("RESULT: " + ("all targets met" if s["ok"] else "a target was missed"))
    print("\n".join(lines), flush=True)


def main() -> int:
    env = os.environ.get
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--docs", type=int, default=int(env("CHAOS_DOCS", 1000)), help="documents to submit (CHAOS_DOCS)")
    p.add_argument("--kill-interval", type=float, default=float(env("CHAOS_KILL_INTERVAL", 3)), help="mean seconds between SIGKILLs (CHAOS_KILL_INTERVAL)")
    p.add_argument("--max-kills", type=int, default=int(env("CHAOS_MAX_KILLS", 0)), help="stop killing after this many (0: no limit)")
    p.add_argument("--seed", type=int, default=int(env("CHAOS_SEED", 1)), help="seed of documents, hostile entries and kills (CHAOS_SEED)")
    p.add_argument("--hostile-rounds", type=int, default=int(env("CHAOS_HOSTILE_ROUNDS", 3)), help="times each kind of hostile entry is written")
    p.add_argument("--oversize", type=int, default=int(env("CHAOS_OVERSIZE", 1)), help="also write one 34 MiB body (1/0)")
    p.add_argument("--huge", type=int, default=int(env("CHAOS_HUGE", 1)), help="documents with one huge paragraph (CHAOS_HUGE)")
    p.add_argument("--huge-mb", type=float, default=float(env("CHAOS_HUGE_MB", 10)), help="size of that paragraph in MB")
    p.add_argument("--large", type=int, default=int(env("CHAOS_LARGE", -1)), help="large (60-150 KB) documents; default one in 200")
    p.add_argument("--redis-restarts", type=int, default=int(env("CHAOS_REDIS_RESTARTS", 1)), help="0 or 1")
    p.add_argument("--restart-at", type=float, default=0.4, help="fraction of the batches submitted when Redis restarts")
    p.add_argument("--batch", type=int, default=25, help="documents per producer run")
    p.add_argument("--spread", type=float, default=0, help="submit the batches evenly over at least this many seconds")
    p.add_argument("--window", type=int, default=int(env("CHAOS_WINDOW", 150)), help="documents in flight at most")
    p.add_argument("--max-deliveries", type=int, default=5, help="MAX_DELIVERIES of the services")
    p.add_argument("--visibility-timeout", type=int, default=0, help="VISIBILITY_TIMEOUT_SECONDS of the services (0: their default)")
    p.add_argument("--timeout", type=float, default=float(env("CHAOS_TIMEOUT", 1200)), help="seconds to wait for every report")
    p.add_argument("--drain", type=float, default=60, help="seconds to wait for pending 0 and trimmed streams at the end")
    p.add_argument("--memory-slack", type=float, default=0.10, help="used_memory after may exceed before by this fraction + 1 MiB")
    p.add_argument("--bin", default=env("BIN", str(ROOT / ".build" / "debug")), help="folder of the service executables (BIN)")
    p.add_argument("--state", help="working folder (default: a new temporary one)")
    p.add_argument("--keep", action="store_true", help="keep the working folder (logs) afterwards")
    p.add_argument("--json", help="write the summary as JSON to this file")
    args = p.parse_args()

    chaos = Chaos(args)
    summary = None
    try:
        summary = chaos.run()
    except KeyboardInterrupt:
        log("interrupted")
    finally:
        if summary and not summary["ok"]:
            args.keep = True
        chaos.close()
    if summary is None:
        return 2
    print_summary(summary)
    if not summary["ok"]:
        print(f"logs kept in {chaos.state}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2, default=str) + "\n")
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
