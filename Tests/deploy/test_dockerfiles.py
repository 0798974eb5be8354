"""The Dockerfile, read as text: hadolint-clean, one file for the four services, nothing that makes an
offline build reach the internet. What each image installs, its user, libraries and behaviour are
checked from the built images (Tests/images, `make test-images`), not from this text."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from deploy_helpers import HADOLINT, ROOT, SERVICES, linked_libraries, service_dir, tool

DOCKERFILE = ROOT / "Dockerfiles" / "service.Dockerfile"
CONTAINERFILES = sorted((ROOT / "Deploy" / "images").glob("*.Containerfile"))
LIB_ARGS = {"MeshProtocol": "MESH_PROTOCOL_VERSION", "MeshRedis": "MESH_REDIS_VERSION",
            "MeshAgents": "MESH_AGENTS_VERSION", "MeshService": "MESH_SERVICE_VERSION"}


def text() -> str:
    return DOCKERFILE.read_text()


def test_one_dockerfile_for_every_service() -> None:
    assert sorted(p.name for p in (ROOT / "Dockerfiles").glob("*Dockerfile")) == ["service.Dockerfile"]


@pytest.mark.parametrize("path", [DOCKERFILE, *CONTAINERFILES], ids=lambda p: p.name)
def test_hadolint_clean(path) -> None:
    proc = subprocess.run([tool(HADOLINT), "--format", "json", str(path)], capture_output=True, text=True, check=False)
    findings = json.loads(proc.stdout or "[]")
    assert proc.returncode == 0 and findings == [], findings
    # Every ignored rule carries its reason on the comment lines just above it.
    lines = path.read_text().splitlines()
    for i, line in enumerate(lines):
        for rule in re.findall(r"hadolint ignore=(\S+)", line):
            above = "\n".join(lines[max(0, i - 6):i])
            assert f"{rule}:" in above, f"{path.name}: hadolint ignore={rule} without a justification"


def test_hadolint_catches_problems(tmp_path) -> None:
    bad = tmp_path / "bad.Dockerfile"
    bad.write_text("FROM debian:bookworm-slim\nRUN apt-get install curl\nENTRYPOINT /app/run\n")
    proc = subprocess.run([tool(HADOLINT), str(bad)], capture_output=True, text=True, check=False)
    assert proc.returncode != 0 and "DL3015" in proc.stdout


def test_offline_build_reaches_no_registry_but_its_bases() -> None:
    """No `# syntax=` line (BuildKit would fetch a frontend image); both bases are build arguments."""
    for path in (DOCKERFILE, *CONTAINERFILES):
        assert not re.search(r"^#\s*syntax\s*=", path.read_text(), re.M | re.I), path.name
    froms = re.findall(r"^FROM (\S+)(?: AS (\w+))?$", text(), re.M)
    assert froms == [("${SWIFT_IMAGE}", "build"), ("${RUNTIME_BASE}", "")]
    assert "ARG SWIFT_IMAGE=docker.io/library/swift:6.3-bookworm\n" in text()
    assert "ARG RUNTIME_BASE=docker.io/library/debian:bookworm-slim\n" in text()


def test_build_stage_is_shared_by_the_four_images() -> None:
    """The build stage uses no per-service argument (its layers are cached once for all four images)
    and builds every service's product."""
    build = text().split("FROM ${SWIFT_IMAGE} AS build", 1)[1].split("\nFROM ", 1)[0]
    assert not re.search(r"^ARG ", build, re.M), "a build argument in the build stage splits its cache per service"
    for service in SERVICES:
        assert f"mesh-{service}" in build
        assert f"COPY {service_dir(service)}/Package.swift {service_dir(service)}/" in build
    resolve = build.index("swift package resolve")
    assert build.index("COPY Packages/ Packages/") > resolve, "dependencies are resolved from the manifests alone"
    deps = (ROOT / "Dockerfiles" / "BuildAll" / "Package.swift").read_text()
    assert sorted(re.findall(r'path: "\.\./Services/(\w+)"', deps)) == sorted([s.capitalize() for s in SERVICES] + ["Mesh"])
    assert "COPY Services/Mesh/Package.swift Services/Mesh/" in build, "the mesh CLI's image (make image/mesh) builds here too"


def test_run_stage_user_group_and_entrypoint() -> None:
    run = text().split("# Run image", 1)[1]
    assert "groupadd --system --gid 10001 mesh" in run
    assert "useradd --system --uid 10001 --gid mesh" in run
    assert re.search(r"^USER 10001:10001$", run, re.M)
    assert "COPY --from=build --chown=10001:10001" in run
    assert "xargs -a /tmp/runtime-packages apt-get install" in run, "run packages come from the binary's NEEDED"


def test_labels_cover_every_library() -> None:
    assert re.findall(r"^ARG (MESH_\w+_VERSION)=$", text(), re.M) == list(LIB_ARGS.values())
    labels = re.findall(r'io\.agentic-mesh\.lib\.(\w+)\.version="\$\{(\w+)\}"', text())
    assert labels == [(lib.lower(), arg) for lib, arg in LIB_ARGS.items()]


@pytest.mark.parametrize("service", SERVICES)
def test_make_image_passes_every_version(service: str) -> None:
    """`make image/<service>` (dry run) passes the service's version and each linked library's, no other."""
    proc = subprocess.run(["make", "--no-print-directory", "-n", "-C", str(ROOT), f"image/{service}"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    args = dict(re.findall(r"--build-arg (\w+)=(\S*)", proc.stdout))
    assert args.pop("PRODUCT") == f"mesh-{service}"
    for name in ("SWIFT_IMAGE", "RUNTIME_BASE", "DATA_PACKAGES"):
        args.pop(name)
    version = (ROOT / service_dir(service) / "VERSION").read_text().strip()
    expected = {"SERVICE_VERSION": version, "GIT_REVISION": args.get("GIT_REVISION")}
    for lib in linked_libraries(service):
        expected[LIB_ARGS[lib]] = (ROOT / "Packages" / lib / "VERSION").read_text().strip()
    assert args == expected


def test_dockerignore_keeps_build_output_git_and_secrets_out() -> None:
    patterns = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".build", "**/.build", "Deploy"} <= set(patterns)
    assert patterns.index("!Dockerfiles/BuildAll") > patterns.index("Dockerfiles"), "the build's root package is sent"
