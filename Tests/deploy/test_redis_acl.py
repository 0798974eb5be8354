"""The prod Redis ACL users, loaded by the real start script into a real redis-server on
loopback. Each role runs, as its own user, the command sequence its code runs (the services'
Redis calls, and the commit script from MeshWorker/CommitScript.swift through SCRIPT LOAD and
EVALSHA, whose inner commands Redis checks against the same user), one document through the
whole mesh; and each role is refused every other role's streams and keys."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from deploy_helpers import DEPLOY, ROOT, SPECIALISTS, read_env_file

REDIS_SERVER = shutil.which("redis-server")
REDIS_CLI = shutil.which("redis-cli")
pytestmark = pytest.mark.skipif(not (REDIS_SERVER and REDIS_CLI), reason="redis-server/redis-cli not installed")

ROLES = ["producer", "coordinator", *[f"{t}-agent" for t in SPECIALISTS], "aggregator"]


def commit_script() -> str:
    """The Lua source the workers commit with, as the services send it (Swift strips the indentation)."""
    swift = (ROOT / "Packages/MeshRedis/Sources/MeshWorker/CommitScript.swift").read_text()
    (body,) = re.findall(r'static let source = """\n(.*?)\n\s*"""', swift, re.S)
    return textwrap.dedent(body)


COMMIT = commit_script()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ReplyError(Exception):
    """An error reply; the connection stays usable."""


class Connection:
    """A minimal RESP2 client: one socket, logged in as one user, like a service's connection."""

    def __init__(self, port: int, user: str, password: str) -> None:
        self.user = user
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.file = self.sock.makefile("rb")
        assert self("AUTH", user, password) == "OK"

    def __call__(self, *args: object) -> object:
        parts = [str(a).encode() if not isinstance(a, bytes) else a for a in args]
        self.sock.sendall(b"*%d\r\n" % len(parts) + b"".join(b"$%d\r\n%s\r\n" % (len(p), p) for p in parts))
        reply = self._read()
        if isinstance(reply, ReplyError):
            raise reply
        return reply

    def _read(self) -> object:
        line = self.file.readline().rstrip(b"\r\n")
        kind, rest = line[:1], line[1:]
        if kind == b"+":
            return rest.decode()
        if kind == b"-":
            return ReplyError(rest.decode())
        if kind == b":":
            return int(rest)
        if kind == b"$":
            if int(rest) < 0:
                return None
            data = self.file.read(int(rest) + 2)[:-2]
            return data.decode()
        if kind == b"*":
            return None if int(rest) < 0 else [self._read() for _ in range(int(rest))]
        raise AssertionError(f"unexpected reply {line!r}")

    def close(self) -> None:
        self.file.close()
        self.sock.close()


def password_var(user: str) -> str:
    return "REDIS_PASSWORD" if user == "default" else f"REDIS_PASSWORD_{user.removesuffix('-agent').upper()}"


@dataclass
class Server:
    cli: Callable[..., str]
    work: Path
    port: int
    passwords: dict[str, str]

    def connect(self, user: str) -> Connection:
        return Connection(self.port, user, self.passwords[password_var(user)])


@pytest.fixture(scope="module")
def redis(tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("redis-acl")
    passwords = read_env_file(DEPLOY / "overlays/prod/secrets/redis.env.example")
    port = free_port()
    env = {**os.environ, **passwords, "ACL_FILE": str(work / "users.acl"),
           "ACL_RULES": str(DEPLOY / "overlays/prod/redis/users.rules")}
    proc = subprocess.Popen(["sh", str(DEPLOY / "overlays/prod/redis/start.sh"), "--port", str(port),
                             "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(work)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def cli(*args: str, user: str = "default") -> str:
        out = subprocess.run([REDIS_CLI, "-p", str(port), "--user", user, "--pass", passwords[password_var(user)],
                              "--no-auth-warning", *args], capture_output=True, text=True, timeout=10)
        return out.stdout.strip()

    try:
        for _ in range(100):
            if cli("PING") == "PONG":
                break
            assert proc.poll() is None, proc.stdout.read()
            time.sleep(0.05)
        else:
            pytest.fail("redis-server did not come up")
        yield Server(cli, work, port, passwords)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def allowed(cli, user: str, *command: str) -> bool:
    answer = cli("ACL", "DRYRUN", user, *command)
    assert answer == "OK" or "no permissions" in answer, answer
    return answer == "OK"


def refused(conn: Connection, *command: object) -> bool:
    """True when Redis refuses the command (or a command a script runs) for lack of permission."""
    try:
        conn(*command)
    except ReplyError as error:
        # NOPERM for a command; inside a script (Redis 7.0) "The user executing the script can't ..."
        if re.search(r"NOPERM|no permissions|user executing the script can't", str(error)):
            return True
        raise
    return False


# ---- what the services run (MeshWorker.StreamWorker, ServiceRuntime readiness, the handlers) ----

class Worker:
    """A StreamWorker's Redis calls, as `user`, on one input stream and group."""

    def __init__(self, conn: Connection, stream: str, group: str) -> None:
        self.conn, self.stream, self.group, self.consumer = conn, stream, group, f"{conn.user}-pod-0"
        self.sha: str | None = None

    def start(self) -> None:
        assert self.conn("PING") == "PONG"                                  # readiness
        try:                                                                # ensureGroup
            assert self.conn("XGROUP", "CREATE", self.stream, self.group, "0", "MKSTREAM") == "OK"
        except ReplyError as error:
            assert "BUSYGROUP" in str(error)
        groups = self.conn("XINFO", "GROUPS", self.stream)                  # readiness
        assert any(g[1] == self.group for g in groups)
        # drainOwnPending, then reclaimIdle
        self.conn("XREADGROUP", "GROUP", self.group, self.consumer, "COUNT", 16, "STREAMS", self.stream, "0")
        self.conn("XAUTOCLAIM", self.stream, self.group, self.consumer, 30000, "0-0", "COUNT", 16)

    def read(self) -> list[tuple[str, list[str]]]:
        """readNew, then the delivery counts of what came (XPENDING with the consumer)."""
        reply = self.conn("XREADGROUP", "GROUP", self.group, self.consumer, "COUNT", 16, "BLOCK", 100,
                          "STREAMS", self.stream, ">")
        entries = [(e[0], e[1]) for e in reply[0][1]] if reply else []
        if entries:
            rows = self.conn("XPENDING", self.stream, self.group, entries[0][0], entries[-1][0],
                             len(entries) + 64, self.consumer)
            assert {r[0] for r in rows} == {e[0] for e in entries}
        return entries

    def commit(self, entry_id: str, commands: list[list[object]], guard: list[object] | None = None) -> int:
        """evalCached: SCRIPT LOAD once, then EVALSHA with CommitScript.arguments."""
        guard = guard or []
        args: list[object] = [self.group, entry_id, len(guard), *guard]
        for command in commands:
            args += [len(command), *command]
        if self.sha is None:
            self.sha = self.conn("SCRIPT", "LOAD", COMMIT)
        return self.conn("EVALSHA", self.sha, 1, self.stream, *args)

    def dead_letter(self, entry_id: str, reason: str) -> None:
        fields = ["reason", reason, "origin-stream", self.stream, "origin-id", entry_id,
                  "origin-group", self.group, "consumer", self.consumer, "deliveries", "6"]
        assert self.commit(entry_id, [["XADD", "doc.deadletter", "*", *fields]]) == 1

    def trim(self) -> int:
        """StreamWorker.trim (every trimInterval, 5 s): RedisConnection.trimAcknowledged on the input stream,
        XINFO GROUPS, XPENDING's summary of each group with pending entries, then XTRIM MINID."""
        floor = None
        for group in self.conn("XINFO", "GROUPS", self.stream):
            info = dict(zip(group[::2], group[1::2]))
            ms, seq = map(int, info["last-delivered-id"].split("-"))
            group_floor = (ms, seq + 1)
            if int(info["pending"]) > 0:
                oldest = self.conn("XPENDING", self.stream, info["name"])[1]
                group_floor = min(group_floor, tuple(map(int, oldest.split("-"))))
            floor = group_floor if floor is None else min(floor, group_floor)
        if floor is None:
            return 0
        return self.conn("XTRIM", self.stream, "MINID", f"{floor[0]}-{floor[1]}")

    def acknowledged(self, entry_id: str) -> bool:
        return self.conn("XPENDING", self.stream, self.group, entry_id, entry_id, 1) == []


def produce(conn: Connection, doc: str, chunks: list[str]) -> str:
    """Submission: the reports cursor, the DEL of a previous review, the chunks; returns the cursor."""
    last = conn("XREVRANGE", "doc.reports", "+", "-", "COUNT", 1)
    cursor = last[0][0] if last else "0-0"
    conn("DEL", f"doc:report:{doc}", f"doc:completed:{doc}", f"doc:results:{doc}")
    for chunk in chunks:
        conn("XADD", "doc.chunks", "*", "v", "1", "kind", "chunk", "body", chunk)
    return cursor


def test_one_document_through_the_mesh_as_each_role(redis) -> None:
    redis.cli("FLUSHALL")
    conns = {role: redis.connect(role) for role in ROLES}
    ttl = 604800
    try:
        coordinator = Worker(conns["coordinator"], "doc.chunks", "coordinator-group")
        specialists = {t: Worker(conns[f"{t}-agent"], f"doc.review.{t}", f"{t}-group") for t in SPECIALISTS}
        aggregators = {t: Worker(conns["aggregator"], f"doc.suggestions.{t}", "aggregator-group") for t in SPECIALISTS}
        for worker in [coordinator, *specialists.values(), *aggregators.values()]:
            worker.start()

        # producer -> doc.chunks (one good chunk, one the coordinator cannot decode)
        cursor = produce(conns["producer"], "doc-1", ["chunk-0", "garbage"])

        # coordinator: fan out to every review stream; dead-letter the malformed entry
        (good, fields), (bad, _) = coordinator.read()
        assert coordinator.commit(good, [["XADD", f"doc.review.{t}", "*", *fields] for t in SPECIALISTS]) == 1
        coordinator.dead_letter(bad, "malformed chunk")
        assert coordinator.acknowledged(good) and coordinator.acknowledged(bad)
        # a second commit of an acknowledged entry drops its outputs (another replica won)
        assert coordinator.commit(good, [["XADD", "doc.review.grammar", "*", *fields]]) == 0

        # each specialist: one review per chunk
        for t, worker in specialists.items():
            ((entry, _),) = worker.read()
            assert worker.commit(entry, [["XADD", f"doc.suggestions.{t}", "*", "kind", "review", "type", t]]) == 1
            assert worker.acknowledged(entry)

        # aggregator: record each review (HSETNX, EXPIRE, HLEN); the last completes the document
        agg = conns["aggregator"]
        for number, (t, worker) in enumerate(aggregators.items(), start=1):
            ((entry, _),) = worker.read()
            results = "doc:results:doc-1"
            assert agg("HSETNX", results, f"{t}:0", '{"review":1}') == 1
            assert agg("EXPIRE", results, ttl) == 1
            assert agg("HLEN", results) == number
            if number < len(SPECIALISTS):
                assert worker.commit(entry, []) == 1                        # .acknowledge
                continue
            assert len(agg("HGETALL", results)) == 2 * len(SPECIALISTS)
            outputs = [["SET", "doc:report:doc-1", '{"docId":"doc-1"}', "EX", ttl],
                       ["XADD", "doc.reports", "*", "kind", "report-ready", "key", "doc:report:doc-1"],
                       ["DEL", results]]
            guard = ["SET", "doc:completed:doc-1", "1", "NX", "EX", ttl]
            assert worker.commit(entry, outputs, guard) == 1
        # a replica that completes the same document again is declined by the guard
        extra = redis.cli("XADD", "doc.suggestions.grammar", "*", "kind", "review")
        ((entry, _),) = aggregators["grammar"].read()
        assert entry == extra
        assert aggregators["grammar"].commit(entry, outputs, guard) == 2

        # every worker trims its input stream of what every group has acknowledged
        for worker in [coordinator, *specialists.values(), *aggregators.values()]:
            assert worker.trim() >= 1
            assert redis.cli("XLEN", worker.stream) == "0"

        # producer: waitForReports
        prod = conns["producer"]
        assert prod("GET", "doc:report:doc-1") == '{"docId":"doc-1"}'
        reply = prod("XREAD", "COUNT", 100, "BLOCK", 100, "STREAMS", "doc.reports", cursor)
        assert len(reply[0][1]) == 1
        assert redis.cli("XLEN", "doc.deadletter") == "1"
        assert redis.cli("EXISTS", "doc:results:doc-1") == "0"
        # resubmitting the document id deletes the previous review's keys
        produce(prod, "doc-1", [])
        assert redis.cli("EXISTS", "doc:report:doc-1", "doc:completed:doc-1") == "0"
    finally:
        for conn in conns.values():
            conn.close()


def test_each_role_is_refused_the_others_streams_and_keys(redis) -> None:
    redis.cli("FLUSHALL")
    conns = {role: redis.connect(role) for role in ROLES}
    try:
        # Every role's input has a group and an entry pending for it, so a commit script runs its outputs.
        pending = {}
        for role, stream, group in [("coordinator", "doc.chunks", "coordinator-group"),
                                    *[(f"{t}-agent", f"doc.review.{t}", f"{t}-group") for t in SPECIALISTS],
                                    ("aggregator", "doc.suggestions.grammar", "aggregator-group")]:
            worker = Worker(conns[role], stream, group)
            worker.start()
            redis.cli("XADD", stream, "*", "k", "v")
            ((entry, _),) = worker.read()
            pending[role] = (worker, entry)

        def script_refused(role: str, command: list[object]) -> bool:
            worker, entry = pending[role]
            return refused(worker.conn, "EVALSHA", worker.sha or worker.conn("SCRIPT", "LOAD", COMMIT), 1,
                           worker.stream, worker.group, entry, 0, len(command), *command)

        producer = conns["producer"]
        assert refused(producer, "XREADGROUP", "GROUP", "coordinator-group", "x", "STREAMS", "doc.chunks", ">")
        assert refused(producer, "XRANGE", "doc.chunks", "-", "+")
        assert refused(producer, "DEL", "doc.chunks")
        assert refused(producer, "XADD", "doc.review.grammar", "*", "k", "v")
        assert refused(producer, "XADD", "doc.reports", "*", "k", "v")
        assert refused(producer, "SET", "doc:report:doc-1", "x")
        assert refused(producer, "HGETALL", "doc:results:doc-1")
        assert refused(producer, "SCRIPT", "LOAD", COMMIT)

        coordinator = conns["coordinator"]
        assert refused(coordinator, "XADD", "doc.chunks", "*", "k", "v")         # its input: read, never write
        assert refused(coordinator, "XADD", "doc.suggestions.grammar", "*", "k", "v")
        assert refused(coordinator, "XREADGROUP", "GROUP", "grammar-group", "x", "STREAMS", "doc.review.grammar", ">")
        assert refused(coordinator, "XRANGE", "doc.review.grammar", "-", "+")
        assert refused(coordinator, "XTRIM", "doc.review.grammar", "MINID", "0-1")  # trims its input only
        assert refused(coordinator, "GET", "doc:report:doc-1")
        assert script_refused("coordinator", ["XADD", "doc.suggestions.grammar", "*", "k", "v"])
        assert script_refused("coordinator", ["XADD", "doc.reports", "*", "k", "v"])

        for t in SPECIALISTS:
            agent = conns[f"{t}-agent"]
            other = next(o for o in SPECIALISTS if o != t)
            assert refused(agent, "XADD", f"doc.review.{t}", "*", "k", "v")     # only the coordinator writes it
            assert refused(agent, "XADD", f"doc.suggestions.{other}", "*", "k", "v")
            assert refused(agent, "XREADGROUP", "GROUP", f"{other}-group", "x", "STREAMS", f"doc.review.{other}", ">")
            assert refused(agent, "XGROUP", "CREATE", f"doc.review.{other}", f"{t}-group", "0", "MKSTREAM")
            assert refused(agent, "XADD", "doc.chunks", "*", "k", "v")
            assert refused(agent, "XTRIM", f"doc.review.{other}", "MINID", "0-1")
            assert refused(agent, "XTRIM", f"doc.suggestions.{t}", "MINID", "0-1")
            assert refused(agent, "XRANGE", f"doc.suggestions.{t}", "-", "+")  # its output: write only
            assert script_refused(f"{t}-agent", ["XADD", f"doc.suggestions.{other}", "*", "k", "v"])
            assert script_refused(f"{t}-agent", ["XADD", "doc.reports", "*", "k", "v"])

        aggregator = conns["aggregator"]
        assert refused(aggregator, "XADD", "doc.chunks", "*", "k", "v")
        assert refused(aggregator, "XADD", "doc.suggestions.grammar", "*", "k", "v")
        assert refused(aggregator, "XREADGROUP", "GROUP", "grammar-group", "x", "STREAMS", "doc.review.grammar", ">")
        assert refused(aggregator, "GET", "doc:report:doc-1")                   # writes reports, never reads them
        assert refused(aggregator, "DEL", "doc:report:doc-1")
        assert refused(aggregator, "HSET", "doc:report:doc-1", "f", "v")
        assert refused(aggregator, "XRANGE", "doc.reports", "-", "+")
        assert refused(aggregator, "XTRIM", "doc.chunks", "MINID", "0-1")
        assert script_refused("aggregator", ["XADD", "doc.review.grammar", "*", "k", "v"])
        assert script_refused("aggregator", ["SET", "doc:other", "1"])

        # Refused script commands leave the entry pending (XACK runs last): nothing is lost.
        for worker, entry in pending.values():
            assert not worker.acknowledged(entry)
    finally:
        for conn in conns.values():
            conn.close()


def test_acl_file_is_private_and_complete(redis) -> None:
    acl = redis.work / "users.acl"
    assert oct(acl.stat().st_mode & 0o777) == "0o600"
    users = set(redis.cli("ACL", "USERS").split())
    assert users == {"default", "keda", *ROLES}


def test_every_role_logs_in_with_its_own_password(redis) -> None:
    for user in [*ROLES, "keda"]:
        assert redis.cli("PING", user=user) == "PONG", user


def test_keda_only_reads_review_lag(redis) -> None:
    for t in SPECIALISTS:
        assert allowed(redis.cli, "keda", "XINFO", "GROUPS", f"doc.review.{t}")
    assert not allowed(redis.cli, "keda", "XADD", "doc.review.grammar", "*", "k", "v")
    assert not allowed(redis.cli, "keda", "XINFO", "GROUPS", "doc.chunks")


@pytest.mark.parametrize("user", [*ROLES, "keda"])
def test_no_role_may_do_dangerous_things(redis, user: str) -> None:
    for command in (["FLUSHALL"], ["CONFIG", "SET", "appendonly", "no"], ["KEYS", "*"], ["ACL", "LIST"],
                    ["CLIENT", "KILL", "ID", "1"], ["SHUTDOWN"], ["DEBUG", "SLEEP", "0"], ["EVAL", "return 1", "0"],
                    ["SCRIPT", "FLUSH"], ["FUNCTION", "FLUSH"], ["XTRIM", "doc.reports", "MAXLEN", "0"],
                    ["XTRIM", "doc.deadletter", "MAXLEN", "0"]):
        assert not allowed(redis.cli, user, *command), f"{user} may {' '.join(command)}"


def test_start_script_refuses_a_missing_password(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDIS_PASSWORD")}
    env |= {"ACL_FILE": str(tmp_path / "users.acl"), "ACL_RULES": str(DEPLOY / "overlays/prod/redis/users.rules")}
    proc = subprocess.run(["sh", str(DEPLOY / "overlays/prod/redis/start.sh")], env=env,
                          capture_output=True, text=True, timeout=10)
    assert proc.returncode != 0 and "REDIS_PASSWORD is not set" in proc.stderr
