"""A local mesh under test: our own redis-server (so we can restart it), the services started by
Deploy/local/mesh.sh (which restarts any service that exits), documents to submit, and the readers
that follow doc.reports and doc.deadletter. Shared by chaos.py and soak.py."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import socket
import subprocess
import threading
import time
import zlib
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parents[2]
MESH_SH = ROOT / "Deploy" / "local" / "mesh.sh"
EVAL_DOCS = Path(os.environ.get("EVAL_DIR", ROOT.parent / "shared" / "eval")) / "docs"

SPECIALISTS = ["grammar", "clarity", "tone", "structure"]
SERVICES = ["coordinator"] + [f"{t}-1" for t in SPECIALISTS] + ["aggregator"]
# service -> the (stream, group) pairs its consumer reads
READS = {"coordinator": [("doc.chunks", "coordinator-group")], "aggregator": [(f"doc.suggestions.{t}", "aggregator-group") for t in SPECIALISTS]}
READS.update({f"{t}-1": [(f"doc.review.{t}", f"{t}-group")] for t in SPECIALISTS})
GROUPS = [pair for service in SERVICES for pair in READS[service]]
WORK_STREAMS = [stream for stream, _ in GROUPS]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Redis:
    """Our own redis-server with AOF in `folder`; `restart()` stops it with SIGTERM and starts it again with
    the same arguments, as an operator (or a pod restart) would."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        (folder / "data").mkdir(parents=True, exist_ok=True)
        self.args = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(folder / "data"),
                     "--save", "", "--appendonly", "yes", "--appendfsync", "everysec", "--daemonize", "no",
                     "--logfile", str(folder / "redis.log")]
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(self.args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.client().ping():
                    return
            except redis.exceptions.RedisError:
                pass
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def restart(self) -> float:
        """Returns the seconds Redis was down."""
        started = time.monotonic()
        self.stop()
        self.start()
        return time.monotonic() - started

    def client(self) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=30, socket_connect_timeout=5)

    def used_memory(self) -> int:
        return int(self.client().info("memory")["used_memory"])


def retrying(call, attempts: int = 600):
    """Runs a Redis call, waiting out a Redis restart (up to about a minute)."""
    for attempt in range(attempts):
        try:
            return call()
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, redis.exceptions.BusyLoadingError):
            if attempt == attempts - 1:
                raise
            time.sleep(0.1)


class Mesh:
    """The services, started by mesh.sh on our Redis."""

    def __init__(self, bin_dir: Path, state: Path, redis_server: Redis, env: dict[str, str] | None = None):
        self.bin = bin_dir
        self.state = state
        self.redis = redis_server
        self.env = dict(os.environ, BIN=str(bin_dir), STATE=str(state), REDIS_HOST="127.0.0.1", REDIS_PORT=str(redis_server.port))
        self.env.update(env or {})

    def up(self) -> None:
        subprocess.run([str(MESH_SH), "up"], env=self.env, check=True, stdin=subprocess.DEVNULL)

    def down(self) -> None:
        if (self.state / "pids").is_dir():
            subprocess.run([str(MESH_SH), "down"], env=self.env, check=False, stdin=subprocess.DEVNULL)

    def pid(self, service: str) -> int | None:
        try:
            return int((self.state / "pids" / service).read_text().strip())
        except (OSError, ValueError):
            return None

    def restarts(self) -> list[str]:
        path = self.state / "logs" / "supervisor.log"
        return path.read_text().splitlines() if path.exists() else []

    def submit(self, doc_id: str, files: list[Path]) -> list[str]:
        """Submits files with mesh-producer (no --wait) and returns their document ids."""
        result = subprocess.run([str(self.bin / "mesh-producer"), "--doc_id", doc_id, "--fail-on", "none", *map(str, files)],
                                env=self.env, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600)
        if result.returncode != 0:
            raise RuntimeError(f"mesh-producer exited {result.returncode}: {result.stderr.strip()[-2000:]}")
        return result.stdout.split()


# ---- documents ----

def source_paragraphs(rng: random.Random) -> tuple[list[str], list[str], list[Path]]:
    """Prose paragraphs of the two novels, Markdown paragraphs of the Rust book, and the book's chapter files."""
    novels: list[str] = []
    for path in sorted((EVAL_DOCS / "text").glob("*.txt")):
        # One sentence a line: paragraphs of 2-6 sentences.
        lines = [line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
        at = 0
        while at < len(lines):
            n = 2 + (at * 7919) % 5
            novels.append(" ".join(lines[at:at + n]))
            at += n
    chapters = sorted((EVAL_DOCS / "markdown").rglob("*.md"))
    markdown: list[str] = []
    for path in chapters:
        markdown += [p.strip() for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if p.strip() and not p.lstrip().startswith("```")]
    if not novels:  # no evaluation data here: generated prose will do
        words = "the a review of mesh document chunk which is quite really very simply clear reader writer sentence".split()
        novels = [" ".join(rng.choice(words) for _ in range(rng.randint(20, 120))).capitalize() + "." for _ in range(2000)]
        markdown = novels
    return novels, markdown, chapters


def write_documents(folder: Path, count: int, rng: random.Random, large: int = -1, small_only: bool = False) -> list[Path]:
    """`count` documents of mixed sizes: most a few paragraphs (plain text or Markdown), some a whole Rust-book
    chapter, `large` of them (default: one in 200, at least one) 60–150 KB of a novel."""
    folder.mkdir(parents=True, exist_ok=True)
    novels, markdown, chapters = source_paragraphs(rng)
    if large < 0:
        large = 0 if small_only else max(1, count // 200)
    large_at = set(rng.sample(range(count), min(large, count)))
    files = []
    for i in range(count):
        roll = rng.random()
        if i in large_at:
            start = rng.randrange(len(novels))
            parts, size = [], rng.randint(60_000, 150_000)
            while sum(map(len, parts)) < size:
                parts.append(novels[(start + len(parts)) % len(novels)])
            path, body = folder / f"doc{i:05d}.txt", "\n\n".join(parts)
        elif small_only or roll < 0.80:
            n = rng.randint(1, 5)
            if rng.random() < 0.5:
                start = rng.randrange(len(novels))
                path, body = folder / f"doc{i:05d}.txt", "\n\n".join(novels[(start + k) % len(novels)] for k in range(n))
            else:
                start = rng.randrange(len(markdown))
                path, body = folder / f"doc{i:05d}.md", f"# Part {i}\n\n" + "\n\n".join(markdown[(start + k) % len(markdown)] for k in range(n))
        elif chapters and roll < 0.95:
            chapter = rng.choice([c for c in chapters if c.stat().st_size < 20_000] or chapters)
            path, body = folder / f"doc{i:05d}.md", chapter.read_text(encoding="utf-8")
        else:
            start = rng.randrange(len(novels))
            path, body = folder / f"doc{i:05d}.txt", "\n\n".join(novels[(start + k) % len(novels)] for k in range(rng.randint(10, 40)))
        path.write_text(body + "\n", encoding="utf-8")
        files.append(path)
    return files


# ---- wire helpers ----

def decode_body(fields: dict[bytes, bytes]):
    body = fields.get(b"body", b"")
    if fields.get(b"enc") == b"json+deflate":
        body = zlib.decompress(body)
    return json.loads(body)


def chunk_body(doc_id: str, text: str, index: int = 0, count: int = 1, specialists: list[str] | None = None) -> dict:
    """A valid Chunk message (one paragraph at line 1)."""
    return {"docId": doc_id, "index": index, "count": count, "source": f"{doc_id}.txt", "format": "text", "kind": "paragraph",
            "text": text, "segments": [{"textOffset": 0, "position": {"line": 1, "column": 1, "offset": 0}}], "ignored": [],
            "headingPath": [], "suppressions": [], "specialists": specialists or []}


def entry(kind: str, doc: str, body, v: str = "1.1", deflate: bool = False) -> dict:
    raw = body if isinstance(body, bytes) else json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
    if deflate:
        raw = zlib.compress(raw, 6)
    return {"v": v, "kind": kind, "doc": doc, "enc": "json+deflate" if deflate else "json", "body": raw}


class Follower(threading.Thread):
    """Follows doc.reports and doc.deadletter from the start (XREAD, no group), through Redis restarts, so
    every announcement and dead letter is seen even after those streams are capped."""

    def __init__(self, redis_server: Redis, fetch_reports: bool = True):
        super().__init__(daemon=True)
        self.redis = redis_server
        self.fetch_reports = fetch_reports
        self.announcements: dict[str, int] = {}   # doc id -> times announced on doc.reports
        self.reports: dict[str, dict] = {}        # doc id -> the report (when fetch_reports)
        self.deadletters: list[dict[str, str]] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.cursors = {"doc.reports": "0-0", "doc.deadletter": "0-0"}

    def run(self) -> None:
        client = self.redis.client()
        while not self.stopping.is_set():
            try:
                reply = client.xread(dict(self.cursors), count=500, block=500)
            except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, redis.exceptions.BusyLoadingError):
                time.sleep(0.2)
                client = self.redis.client()
                continue
            for stream, entries in reply or []:
                stream = stream.decode()
                for entry_id, fields in entries:
                    self.cursors[stream] = entry_id.decode()
                    if stream == "doc.reports":
                        self.announced(client, decode_body(fields)["docId"])
                    else:
                        dead = {k.decode(): v.decode("utf-8", "replace") for k, v in fields.items() if k != b"orig.body"}
                        with self.lock:
                            self.deadletters.append(dead)

    def announced(self, client: redis.Redis, doc_id: str) -> None:
        report = None
        if self.fetch_reports:
            raw = retrying(lambda: client.get(f"doc:report:{doc_id}"))
            report = json.loads(raw) if raw else {"missing": True}
        with self.lock:
            self.announcements[doc_id] = self.announcements.get(doc_id, 0) + 1
            if report is not None:
                self.reports.setdefault(doc_id, report)

    def done(self) -> int:
        with self.lock:
            return len(self.announcements)

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=5)


def pending_counts(client: redis.Redis) -> dict[str, dict[str, int]]:
    """Pending (delivered, not acknowledged) and lag (not yet delivered) of every group of the mesh."""
    out = {}
    for stream, group in GROUPS:
        info = {g["name"].decode(): g for g in client.xinfo_groups(stream)}.get(group, {})
        # Counted, not XINFO's `lag`: Redis 7.0 estimates that from counters a restart from the AOF and XTRIM can
        # leave stale (seen: lag 7772 on streams trimmed to 0 entries, every entry delivered and acknowledged).
        last = info.get("last-delivered-id", b"0-0")
        last = last.decode() if isinstance(last, bytes) else str(last)
        undelivered = len(client.xrange(stream, min="(" + last, max="+", count=1_000_000)) if info else int(client.xlen(stream))
        out[f"{stream}/{group}"] = {"pending": int(info.get("pending", 0)), "lag": undelivered,
                                    "length": int(client.xlen(stream))}
    return out


def normalize_reason(reason: str) -> str:
    """A dead letter's reason with ids and numbers folded, so reasons group."""
    reason = re.sub(r"'hostile-[^']*'|hostile-\S+", "<doc>", reason)
    reason = re.sub(r"\d+", "N", reason)
    reason = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in reason)
    return reason[:160]
