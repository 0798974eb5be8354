"""The mesh from its images: Redis and the six service containers on one network; the producer
container reviews a document, and its report is the one `make run` prints for the same file."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

from images_helpers import (DOC, REDIS_IMAGE, ROOT, SPECIALISTS, container, image, logs, mesh_ready, network,
                            redis_ready, run, wait_until)

BIN = Path(os.environ.get("MESH_BIN_DIR", ROOT / ".build" / "debug"))


@functools.cache
def local_run(doc: Path) -> tuple[int, str]:
    """What `make run FILE=doc` prints, and the status of Deploy/local/mesh.sh run with the binaries `make build`
    made and the producer's own --fail-on (1 when a finding reaches it, 0 when none does; `make run` itself
    passes --fail-on none unless FAIL_ON is set)."""
    if not all((BIN / f"mesh-{s}").is_file() for s in ("producer", "coordinator", "specialist", "aggregator")):
        run(["make", "-C", str(ROOT), "build"], tool=[], timeout=3600)
    proc = run([str(ROOT / "Deploy" / "local" / "mesh.sh"), "run", str(doc)], tool=[], timeout=600, check=False,
               env={"BIN": str(BIN), "STATE": str(ROOT / f".mesh-images-test-{os.getpid()}")})
    assert proc.returncode in (0, 1) and proc.stdout.strip(), \
        f"make run's mesh failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr[-3000:]}"
    return proc.returncode, proc.stdout


def local_report(doc: Path) -> str:
    return local_run(doc)[1]


def test_producer_container_reviews_a_document_like_make_run() -> None:
    net = network("mesh")
    redis = container("redis", REDIS_IMAGE, network=net, opts=("--network-alias", "redis"))
    wait_until("redis answers PING", lambda: redis_ready(redis), explain=lambda: logs(redis))
    env = ("-e", "REDIS_HOST=redis", "-e", "REDIS_PORT=6379")
    services = [container("coordinator", image("coordinator"), network=net, opts=(*env, "-e", "CONSUMER_NAME=coordinator"))]
    for kind in SPECIALISTS:
        services.append(container(f"{kind}-agent", image("specialist"), "--type", kind, network=net,
                                  opts=(*env, "-e", f"CONSUMER_NAME={kind}-agent")))
    services.append(container("aggregator", image("aggregator"), network=net, opts=(*env, "-e", "CONSUMER_NAME=aggregator")))
    wait_until("every consumer group exists", lambda: mesh_ready(redis),
               explain=lambda: "\n".join(f"--- {s}\n{logs(s)}" for s in services))

    # The document is mounted at the path it has here, so the report names it as make run's does.
    doc = DOC.resolve()
    proc = run(["run", "--rm", "--network", net, *env, "-v", f"{doc}:{doc}:ro",
                image("producer"), "--wait", "--timeout", "300", str(doc)], timeout=600, check=False)
    status, expected = local_run(doc)
    assert proc.returncode == status, (f"producer container exited {proc.returncode}, make run's producer {status}\n"
                                       f"{proc.stdout}\n{proc.stderr}\n" + "\n".join(f"--- {s}\n{logs(s)}" for s in services))
    assert proc.stdout.strip(), "the producer container printed no report"
    assert proc.stdout == expected, f"the report from the images differs from make run's:\n{proc.stdout}\n--- make run:\n{expected}"
