"""Helpers for the image tests: the container tool, run-and-explain, unique names, cleanup.

Every container, network and volume a test makes is named `mesh-t<pid>-...` and removed when
the session ends (also on failure or Ctrl-C), so a failed run leaves nothing behind.
"""

from __future__ import annotations

import atexit
import os
import shlex
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ("producer", "coordinator", "specialist", "aggregator")
SERVERS = ("coordinator", "specialist", "aggregator")  # long-running, with /healthz
SPECIALISTS = ("grammar", "clarity", "tone", "structure")
TOOL = shlex.split(os.environ.get("CONTAINER_TOOL", "podman"))
REDIS_IMAGE = os.environ.get("REDIS_IMAGE", "localhost/mesh-redis:bookworm")
RUNTIME_BASE = os.environ.get("RUNTIME_BASE", "docker.io/library/debian:bookworm-slim")
PREFIX = f"mesh-t{os.getpid()}"
DOC = ROOT / "Deploy" / "local" / "sample.md"

_containers: list[str] = []
_networks: list[str] = []


def image(service: str) -> str:
    return f"mesh-{service}:dev"


def run(args: list[str], *, timeout: float = 120, check: bool = True, tool: list[str] | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Runs `<tool> args...` (or args itself when tool=[]); on failure says the command, status and output."""
    cmd = (TOOL if tool is None else tool) + args
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False,
                              env=None if env is None else {**os.environ, **env})
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"`{shlex.join(cmd)}` did not finish in {timeout} s; output so far:\n{e.stdout}\n{e.stderr}")
    if check and proc.returncode != 0:
        pytest.fail(f"`{shlex.join(cmd)}` exited {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
    return proc


def container(name: str, img: str, *args: str, network: str | None = None, opts: tuple[str, ...] = ()) -> str:
    """Starts a detached container (removed at the end of the session) and returns its name."""
    full = f"{PREFIX}-{name}"
    _containers.append(full)
    net = ["--network", network] if network else []
    run(["run", "-d", "--name", full, *net, *opts, img, *args])
    return full


def network(name: str) -> str:
    full = f"{PREFIX}-{name}"
    _networks.append(full)
    run(["network", "create", full])
    return full


def logs(name: str) -> str:
    proc = run(["logs", name], check=False)
    return (proc.stdout + proc.stderr)[-4000:]


def remove_container(name: str) -> None:
    subprocess.run(TOOL + ["rm", "-f", "-t", "0", name], capture_output=True, check=False)


def cleanup() -> None:
    for name in reversed(_containers):
        remove_container(name)
    _containers.clear()
    for net in reversed(_networks):
        subprocess.run(TOOL + ["network", "rm", "-f", net], capture_output=True, check=False)
    _networks.clear()


atexit.register(cleanup)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(what: str, probe, attempts: int = 600, pause: float = 0.1, explain=lambda: ""):
    """Calls probe() until it returns something truthy; fails naming `what` after attempts tries.
    (A bound on tries so that nothing hangs, not a timing assertion.)"""
    for _ in range(attempts):
        value = probe()
        if value:
            return value
        time.sleep(pause)
    pytest.fail(f"{what}: not after {attempts} tries\n{explain()}")


def http_get(port: int, path: str) -> tuple[int, str] | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as resp:
            return resp.status, resp.read().decode()
    except OSError:
        return None


def redis_ready(redis: str) -> bool:
    return run(["exec", redis, "redis-cli", "ping"], check=False).stdout.strip() == "PONG"


def mesh_ready(redis: str) -> bool:
    """As Deploy/local/mesh.sh: every consumer group exists."""
    def groups(stream: str) -> str:
        return run(["exec", redis, "redis-cli", "XINFO", "GROUPS", stream], check=False).stdout
    if "coordinator-group" not in groups("doc.chunks"):
        return False
    return all(f"{t}-group" in groups(f"doc.review.{t}") and "aggregator-group" in groups(f"doc.suggestions.{t}")
               for t in SPECIALISTS)
