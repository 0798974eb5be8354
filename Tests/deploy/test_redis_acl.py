"""The prod Redis ACL users, loaded by the real start script into a real redis-server on
loopback, allow each role what the contract's streams need and deny the rest."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from deploy_helpers import DEPLOY, SPECIALISTS, read_env_file

REDIS_SERVER = shutil.which("redis-server")
REDIS_CLI = shutil.which("redis-cli")
pytestmark = pytest.mark.skipif(not (REDIS_SERVER and REDIS_CLI), reason="redis-server/redis-cli not installed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
        var = "REDIS_PASSWORD" if user == "default" else f"REDIS_PASSWORD_{user.removesuffix('-agent').upper()}"
        out = subprocess.run([REDIS_CLI, "-p", str(port), "--user", user, "--pass", passwords[var],
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
        yield cli, work
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def allowed(cli, user: str, *command: str) -> bool:
    answer = cli("ACL", "DRYRUN", user, *command)
    assert answer == "OK" or "no permissions" in answer, answer
    return answer == "OK"


def test_acl_file_is_private_and_complete(redis) -> None:
    cli, work = redis
    acl = work / "users.acl"
    assert oct(acl.stat().st_mode & 0o777) == "0o600"
    users = set(cli("ACL", "USERS").split())
    assert users == {"default", "producer", "coordinator", "aggregator", "keda"} | {f"{t}-agent" for t in SPECIALISTS}


def test_every_role_logs_in_with_its_own_password(redis) -> None:
    cli, _ = redis
    for user in ["producer", "coordinator", "aggregator", "keda"] + [f"{t}-agent" for t in SPECIALISTS]:
        assert cli("PING", user=user) == "PONG", user


def test_producer(redis) -> None:
    cli, _ = redis
    assert allowed(cli, "producer", "XADD", "doc.chunks", "*", "k", "v")
    assert allowed(cli, "producer", "GET", "doc:report:doc-1")
    assert not allowed(cli, "producer", "SET", "doc:report:doc-1", "x")
    assert not allowed(cli, "producer", "XADD", "doc.review.grammar", "*", "k", "v")


def test_coordinator(redis) -> None:
    cli, _ = redis
    assert allowed(cli, "coordinator", "XREADGROUP", "GROUP", "coordinator-group", "c", "STREAMS", "doc.chunks", ">")
    assert allowed(cli, "coordinator", "XGROUP", "CREATE", "doc.chunks", "coordinator-group", "$", "MKSTREAM")
    assert allowed(cli, "coordinator", "XAUTOCLAIM", "doc.chunks", "coordinator-group", "c", "60000", "0-0")
    for t in SPECIALISTS:
        assert allowed(cli, "coordinator", "XADD", f"doc.review.{t}", "*", "k", "v")
    assert allowed(cli, "coordinator", "XADD", "doc.deadletter", "*", "k", "v")
    assert not allowed(cli, "coordinator", "XADD", "doc.suggestions.grammar", "*", "k", "v")


@pytest.mark.parametrize("specialist", SPECIALISTS)
def test_specialist_touches_only_its_streams(redis, specialist: str) -> None:
    cli, _ = redis
    user = f"{specialist}-agent"
    assert allowed(cli, user, "XREADGROUP", "GROUP", f"{specialist}-group", "c", "STREAMS", f"doc.review.{specialist}", ">")
    assert allowed(cli, user, "XACK", f"doc.review.{specialist}", f"{specialist}-group", "1-0")
    assert allowed(cli, user, "XADD", f"doc.suggestions.{specialist}", "*", "k", "v")
    other = next(t for t in SPECIALISTS if t != specialist)
    assert not allowed(cli, user, "XADD", f"doc.suggestions.{other}", "*", "k", "v")
    assert not allowed(cli, user, "XREADGROUP", "GROUP", f"{other}-group", "c", "STREAMS", f"doc.review.{other}", ">")
    assert not allowed(cli, user, "XADD", "doc.chunks", "*", "k", "v")


def test_aggregator(redis) -> None:
    cli, _ = redis
    for t in SPECIALISTS:
        assert allowed(cli, "aggregator", "XACK", f"doc.suggestions.{t}", "aggregator-group", "1-0")
    assert allowed(cli, "aggregator", "XADD", "doc.reports", "*", "k", "v")
    assert allowed(cli, "aggregator", "SET", "doc:report:doc-1", "{}")
    assert allowed(cli, "aggregator", "HSET", "doc:report:doc-1", "f", "v")
    assert not allowed(cli, "aggregator", "XADD", "doc.chunks", "*", "k", "v")


def test_keda_only_reads_review_lag(redis) -> None:
    cli, _ = redis
    for t in SPECIALISTS:
        assert allowed(cli, "keda", "XINFO", "GROUPS", f"doc.review.{t}")
    assert not allowed(cli, "keda", "XADD", "doc.review.grammar", "*", "k", "v")
    assert not allowed(cli, "keda", "XINFO", "GROUPS", "doc.chunks")


@pytest.mark.parametrize("user", ["producer", "coordinator", "grammar-agent", "aggregator", "keda"])
def test_no_role_may_do_dangerous_things(redis, user: str) -> None:
    cli, _ = redis
    for command in (["FLUSHALL"], ["CONFIG", "SET", "appendonly", "no"], ["KEYS", "*"], ["ACL", "LIST"],
                    ["CLIENT", "KILL", "ID", "1"], ["SHUTDOWN"], ["DEBUG", "SLEEP", "0"]):
        assert not allowed(cli, user, *command), f"{user} may {' '.join(command)}"


def test_start_script_refuses_a_missing_password(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDIS_PASSWORD")}
    env |= {"ACL_FILE": str(tmp_path / "users.acl"), "ACL_RULES": str(DEPLOY / "overlays/prod/redis/users.rules")}
    proc = subprocess.run(["sh", str(DEPLOY / "overlays/prod/redis/start.sh")], env=env,
                          capture_output=True, text=True, timeout=10)
    assert proc.returncode != 0 and "REDIS_PASSWORD is not set" in proc.stderr
