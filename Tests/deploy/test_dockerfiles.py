"""Dockerfiles: hadolint-clean, one uniform layout, the contract's runtime libraries."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from deploy_helpers import HADOLINT, ROOT, SERVICES, linked_libraries, service_dir, tool

DOCKERFILES = ROOT / "Dockerfiles"
COMMON = {"libhiredis0.14", "zlib1g"}
CMARK = {"libcmark-gfm0.29.0.gfm.6", "libcmark-gfm-extensions0.29.0.gfm.6"}
HUNSPELL = {"libhunspell-1.7-0", "hunspell-en-us"}
# CONTRACT.md: runtime shared libraries per service (Debian bookworm names).
RUNTIME_PACKAGES = {
    "producer": COMMON | CMARK,
    "coordinator": COMMON,
    "specialist": COMMON | CMARK | HUNSPELL,
    "aggregator": COMMON | CMARK | HUNSPELL,
}


LIB_ARGS = {"MeshProtocol": "MESH_PROTOCOL_VERSION", "MeshRedis": "MESH_REDIS_VERSION",
            "MeshAgents": "MESH_AGENTS_VERSION", "MeshService": "MESH_SERVICE_VERSION"}


def dockerfile(service: str) -> str:
    return (DOCKERFILES / f"{service}.Dockerfile").read_text()


def test_one_dockerfile_per_service() -> None:
    assert sorted(p.name for p in DOCKERFILES.glob("*.Dockerfile")) == sorted(f"{s}.Dockerfile" for s in SERVICES)


@pytest.mark.parametrize("service", SERVICES)
def test_hadolint_clean(service: str) -> None:
    proc = subprocess.run([tool(HADOLINT), "--format", "json", str(DOCKERFILES / f"{service}.Dockerfile")],
                          capture_output=True, text=True, check=False)
    findings = json.loads(proc.stdout or "[]")
    assert proc.returncode == 0 and findings == [], findings
    # Every ignored rule carries its reason on the comment lines just above it.
    lines = dockerfile(service).splitlines()
    for i, line in enumerate(lines):
        for rule in re.findall(r"hadolint ignore=(\S+)", line):
            above = "\n".join(lines[max(0, i - 4):i])
            assert f"{rule}:" in above, f"{service}: hadolint ignore={rule} without a justification"


def test_hadolint_catches_problems(tmp_path) -> None:
    bad = tmp_path / "bad.Dockerfile"
    bad.write_text("FROM debian:bookworm-slim\nRUN apt-get install curl\nENTRYPOINT /app/run\n")
    proc = subprocess.run([tool(HADOLINT), str(bad)], capture_output=True, text=True, check=False)
    assert proc.returncode != 0 and "DL3015" in proc.stdout


@pytest.mark.parametrize("service", SERVICES)
def test_dockerfile_layout(service: str) -> None:
    text = dockerfile(service)
    product = f"mesh-{service}"
    froms = re.findall(r"^FROM (\S+)(?: AS (\w+))?$", text, re.M)
    assert froms == [("swift:6.3-bookworm", "build"), ("debian:bookworm-slim", "")]
    assert "# Build image" in text and "# Run image" in text
    assert f"ARG SERVICE_DIR=Services/{service.capitalize()}\n" in text
    assert f"ARG PRODUCT={product}\n" in text
    # Dependencies are resolved from the manifests alone, before the sources are copied.
    resolve = text.index("swift package resolve")
    assert text.index("COPY ${SERVICE_DIR}/Package.swift") < resolve < text.index("COPY Packages/ Packages/")
    assert re.search(r"swift build -c release --static-swift-stdlib .*--product \"\$PRODUCT\"", text)
    assert "COPY --from=build --chown=mesh:mesh" in text
    assert re.search(r"^USER 10001:10001$", text, re.M), "numeric non-root USER (runAsNonRoot can verify it)"
    assert text.rstrip().endswith(f'ENTRYPOINT ["/app/{product}"]'), "exec-form ENTRYPOINT, binary as PID 1"
    for label in ("org.opencontainers.image.version=\"${SERVICE_VERSION}\"",
                  "org.opencontainers.image.revision=\"${GIT_REVISION}\""):
        assert label in text, label


@pytest.mark.parametrize("service", SERVICES)
def test_resolve_layer_has_every_manifest_the_service_needs(service: str) -> None:
    """`swift package resolve` needs the Package.swift of every path dependency, transitively; no more."""
    build = dockerfile(service).split("swift package resolve", 1)[0]
    copied = re.findall(r"^COPY Packages/(\w+)/Package\.swift Packages/\1/$", build, re.M)
    assert copied == [lib for lib in LIB_ARGS if lib in linked_libraries(service)]


@pytest.mark.parametrize("service", SERVICES)
def test_labels_carry_exactly_the_linked_library_versions(service: str) -> None:
    text = dockerfile(service)
    expected = [LIB_ARGS[lib] for lib in LIB_ARGS if lib in linked_libraries(service)]
    assert re.findall(r"^ARG (MESH_\w+_VERSION)=unknown$", text, re.M) == expected
    labels = re.findall(r'io\.agentic-mesh\.lib\.(\w+)\.version="\$\{(\w+)\}"', text)
    assert labels == [(lib.lower(), LIB_ARGS[lib]) for lib in LIB_ARGS if lib in linked_libraries(service)]


@pytest.mark.parametrize("service", SERVICES)
def test_make_image_passes_every_version(service: str) -> None:
    """`make image/<service>` (dry run) passes the service's and each linked library's version."""
    proc = subprocess.run(["make", "--no-print-directory", "-n", "-C", str(ROOT), f"image/{service}"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    args = dict(re.findall(r"--build-arg (\w+)=(\S*)", proc.stdout))
    version = (ROOT / service_dir(service) / "VERSION").read_text().strip()
    expected = {"SERVICE_VERSION": version, "GIT_REVISION": args.get("GIT_REVISION")}
    for lib in linked_libraries(service):
        expected[LIB_ARGS[lib]] = (ROOT / "Packages" / lib / "VERSION").read_text().strip()
    assert args == expected


@pytest.mark.parametrize("service", SERVICES)
def test_runtime_packages_match_contract(service: str) -> None:
    runtime = dockerfile(service).split("# Run image", 1)[1]
    (packages,) = re.findall(r"apt-get install -y --no-install-recommends ([^\\\n]+)", runtime)
    assert set(packages.split()) == RUNTIME_PACKAGES[service]


def test_dockerfiles_differ_only_in_service_specifics() -> None:
    """The four files share one layout: a fix in one is a fix in all."""
    def normalised(service: str) -> list[str]:
        out = []
        for line in dockerfile(service).splitlines()[2:]:  # line 2 is the description
            line = line.replace(f"Services/{service.capitalize()}", "Services/<Dir>")
            line = line.replace(f"mesh-{service}", "mesh-<service>").replace(f"{service}.Dockerfile", "<service>.Dockerfile")
            line = line.replace(f"image/{service}", "image/<service>")
            if "--no-install-recommends" in line and "dev" not in line:
                line = "<runtime packages>"
            # The libraries differ (the coordinator links no MeshAgents): one marker per block.
            if re.fullmatch(r"COPY Packages/\w+/Package\.swift Packages/\w+/", line):
                line = "<library manifests>"
            elif re.fullmatch(r"ARG MESH_\w+_VERSION=unknown", line):
                line = "<library version args>"
            elif re.fullmatch(r'\s*io\.agentic-mesh\.lib\.\w+\.version="\$\{\w+\}"( \\)?', line):
                line = "<library labels>"
            if not out or line != out[-1] or not line.startswith("<library"):
                out.append(line)
        return out

    reference = normalised("coordinator")
    for service in SERVICES:
        assert normalised(service) == reference, service


def test_dockerignore_keeps_build_output_git_and_secrets_out() -> None:
    patterns = set((ROOT / ".dockerignore").read_text().split())
    assert {".git", ".build", "**/.build", "Deploy"} <= patterns
