"""Each service image, run: its libraries resolve and are exactly what it installs, it reports its
version, runs as mesh:mesh (10001:10001), answers /healthz, and stops on SIGTERM before the 2 s
after which the engine would kill it."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

import pytest

from images_helpers import (REDIS_IMAGE, ROOT, RUNTIME_BASE, SERVERS, SERVICES, container, free_port, http_get, image, logs,
                            network, redis_ready, remove_container, run, wait_until)

# The aim is 120 MB; what dominates is the binary (static Foundation carries ICU data, 34 MB), see
# Deploy/images/README.md. This bound catches a regression (a toolchain or build folder copied in).
MAX_IMAGE_MB = 200
LIBS = ("MeshProtocol", "MeshRedis", "MeshAgents", "MeshService")


def product(service: str) -> str:
    return f"mesh-{service}"


def in_image(service: str, script: str) -> str:
    return run(["run", "--rm", "--entrypoint", "/bin/sh", image(service), "-c", script]).stdout


def labels(img: str) -> dict[str, str]:
    import json
    return json.loads(run(["image", "inspect", "--format", "{{json .Config.Labels}}", img]).stdout)


@pytest.fixture(scope="module")
def binaries(tmp_path_factory) -> dict[str, Path]:
    """Each image's binary, copied out (podman create + cp), for readelf on this machine."""
    out = tmp_path_factory.mktemp("bin")
    found = {}
    for service in SERVICES:
        name = run(["create", image(service)]).stdout.strip()
        try:
            run(["cp", f"{name}:/app/{product(service)}", str(out / product(service))])
        finally:
            run(["rm", "-f", name], check=False)
        found[service] = out / product(service)
    return found


def needed(binary: Path) -> list[str]:
    text = subprocess.run(["readelf", "-d", str(binary)], capture_output=True, text=True, check=True).stdout
    return re.findall(r"\(NEEDED\).*\[(.+)\]", text)


@pytest.mark.parametrize("service", SERVICES)
def test_every_needed_library_resolves_in_the_image(service: str, binaries) -> None:
    names = needed(binaries[service])
    assert "libc.so.6" in names, names
    ldd = in_image(service, f"ldd /app/{product(service)}")
    assert "not found" not in ldd, f"{image(service)}: unresolved libraries\n{ldd}"
    for soname in names:
        assert re.search(rf"^\s*{re.escape(soname)} => /\S+", ldd, re.M) or soname.startswith("ld-linux"), \
            f"{image(service)}: {soname} (NEEDED) is not resolved by ldd\n{ldd}"


def data_packages(service: str) -> set[str]:
    """The packages of files a binary opens at run time that no NEEDED entry names (the Makefile's
    DATA_PACKAGES_<service>, which `make image/<service>` passes to the build)."""
    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()
    line = re.search(rf"^DATA_PACKAGES_{service}\s*:=(.*)$", makefile, re.M)
    return set(line.group(1).split()) if line else set()


@pytest.mark.parametrize("service", SERVICES)
def test_installs_exactly_the_packages_of_its_needed_libraries(service: str, binaries) -> None:
    """The packages the image marks as installed on purpose, beyond its base image, are the owners of
    the binary's NEEDED libraries (dpkg -S in the image) and its data packages: no more, no fewer."""
    names = needed(binaries[service])
    script = ("for so in " + " ".join(names) + "; do dpkg -S \"*/$so\" | sed 's/[:,].*//' | sort -u | head -1; done;"
              " echo ---; apt-mark showmanual")
    owners_text, manual_text = in_image(service, script).split("---\n")
    owners = set(owners_text.split())
    manual = set(manual_text.split())
    base_manual = set(run(["run", "--rm", "--entrypoint", "apt-mark", RUNTIME_BASE, "showmanual"]).stdout.split())
    data = data_packages(service)
    assert manual - base_manual == (owners | data) - base_manual, (
        f"{image(service)} installs {sorted(manual - base_manual)}; its NEEDED libraries "
        f"({', '.join(names)}) are in {sorted(owners)}, data packages {sorted(data)}")
    assert owners <= manual, f"{image(service)}: NEEDED owners not installed on purpose: {sorted(owners - manual)}"


@pytest.mark.parametrize("service", SERVICES)
def test_version_runs_and_matches_the_labels(service: str) -> None:
    proc = run(["run", "--rm", image(service), "--version"])
    text = proc.stdout + proc.stderr
    version = (ROOT / "Services" / service.capitalize() / "VERSION").read_text().strip()
    assert version in text, f"--version of {image(service)} does not say {version}:\n{text}"
    found = labels(image(service))
    assert found["org.opencontainers.image.version"] == version
    for lib in LIBS:
        label = found.get(f"io.agentic-mesh.lib.{lib.lower()}.version", "")
        printed = re.search(rf"\b{lib}[ :=]+v?(\d+\.\d+\.\d+\S*)", text)
        if printed:
            assert label == printed.group(1), f"{image(service)}: label {lib}={label!r}, --version says {printed.group(1)}"
        else:
            assert label == "", f"{image(service)}: labelled {lib}={label!r} but --version does not list it:\n{text}"


@pytest.mark.parametrize("service", SERVICES)
def test_runs_as_named_user_and_group_10001(service: str) -> None:
    out = run(["run", "--rm", "--entrypoint", "/bin/sh", image(service), "-c",
               f"id; stat -c '%u:%g %U:%G' /app /app/{product(service)}"]).stdout.splitlines()
    assert out[0] == "uid=10001(mesh) gid=10001(mesh) groups=10001(mesh)", out
    assert out[1:] == ["10001:10001 mesh:mesh"] * 2, out


@pytest.fixture(scope="module")
def redis_net():
    net = network("smoke")
    redis = container("smoke-redis", REDIS_IMAGE, network=net, opts=("--network-alias", "redis"))
    wait_until("redis answers PING", lambda: redis_ready(redis), explain=lambda: logs(redis))
    yield net, redis
    remove_container(redis)


def stop_within_two_seconds(name: str) -> None:
    """`stop -t 2`: SIGTERM, then SIGKILL after 2 s. Killed shows as 137; a clean stop as the service's own status."""
    run(["stop", "-t", "2", name], timeout=60)
    state = run(["inspect", "--format", "{{.State.ExitCode}} {{.State.OOMKilled}}", name]).stdout.split()
    assert state[0] != "137", f"{name} did not stop on SIGTERM within 2 s (SIGKILLed)\n{logs(name)}"
    assert state[0] in ("0", "143"), f"{name} exited {state[0]} on SIGTERM\n{logs(name)}"


@pytest.mark.parametrize("service", SERVERS)
def test_answers_healthz_and_stops_on_sigterm(service: str, redis_net) -> None:
    net, _ = redis_net
    port = free_port()
    args = ["--type", "grammar"] if service == "specialist" else []
    name = container(f"smoke-{service}", image(service), *args, network=net,
                     opts=("-e", "REDIS_HOST=redis", "-e", f"CONSUMER_NAME=smoke-{service}", "-p", f"127.0.0.1:{port}:8080"))
    status, body = wait_until(f"{name} answers /healthz", lambda: http_get(port, "/healthz"), explain=lambda: logs(name))
    assert (status, body.strip()) == (200, "ok")
    stop_within_two_seconds(name)
    remove_container(name)


def test_producer_stops_on_sigterm_while_waiting(redis_net) -> None:
    """The producer (a Job) has no HTTP port; waiting for a review nobody does, it still stops on SIGTERM."""
    net, _ = redis_net
    name = container("smoke-producer", image("producer"), "--doc_id", "smoke", "--paragraphs", "2", "--wait",
                     "--progress", network=net, opts=("-e", "REDIS_HOST=redis"))
    # --progress prints a line a second while it waits: then it has submitted and is waiting.
    wait_until(f"{name} is waiting for its report", lambda: logs(name).strip(), explain=lambda: logs(name))
    stop_within_two_seconds(name)


@pytest.mark.parametrize("service", SERVICES)
def test_image_size(service: str) -> None:
    size = int(run(["image", "inspect", "--format", "{{.Size}}", image(service)]).stdout)
    print(f"{image(service)}: {size / 1e6:.1f} MB")
    assert size <= MAX_IMAGE_MB * 1_000_000, f"{image(service)} is {size / 1e6:.1f} MB (aim: <= {MAX_IMAGE_MB} MB)"
