"""Push and pull: `make push` to a local docker-registry (plain HTTP, REGISTRY_INSECURE=yes), both
the version tag and the revision tag; then a pull into an empty image store and --version from there."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import urllib.request

import pytest

from images_helpers import ROOT, SERVICES, TOOL, free_port, run, wait_until


def make_var(name: str, service: str) -> str:
    proc = run(["make", "--no-print-directory", "-C", str(ROOT), f"print-{name}/{service}"], tool=[])
    return proc.stdout.strip()


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    exe = shutil.which("docker-registry")
    if exe is None:
        pytest.fail("docker-registry is not installed (apt-get install docker-registry; make deps-images)")
    tmp = tmp_path_factory.mktemp("registry")
    port = free_port()
    config = tmp / "config.yml"
    config.write_text(f"""version: 0.1
log: {{level: warn}}
storage: {{filesystem: {{rootdirectory: {tmp / 'data'}}}, delete: {{enabled: true}}}}
http: {{addr: "127.0.0.1:{port}"}}
""")
    proc = subprocess.Popen([exe, "serve", str(config)], stdout=open(tmp / "log", "w"), stderr=subprocess.STDOUT)
    try:
        def up():
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/v2/", timeout=2) as r:
                    return r.status == 200
            except OSError:
                return proc.poll() is not None  # exited: stop waiting, the assert below says why
        wait_until("the registry answers /v2/", up, explain=lambda: (tmp / "log").read_text())
        assert proc.poll() is None, f"docker-registry exited:\n{(tmp / 'log').read_text()}"
        yield f"127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def tags(registry: str, repo: str) -> list[str]:
    with urllib.request.urlopen(f"http://{registry}/v2/{repo}/tags/list", timeout=5) as r:
        return json.load(r)["tags"]


def test_push_both_tags_then_pull_into_an_empty_store(registry) -> None:
    prefix = f"{registry}/mesh"
    run(["make", "--no-print-directory", "-C", str(ROOT), "push", f"REGISTRY={prefix}", "REGISTRY_INSECURE=yes"],
        tool=[], timeout=3600)
    wanted = {}
    for service in SERVICES:
        version_tag, revision_tag = make_var("tags", service).split()
        assert sorted(tags(registry, f"mesh/mesh-{service}")) == sorted([version_tag, revision_tag])
        wanted[service] = (version_tag, revision_tag)

    # An empty store: its own root and runroot, nothing in it but what is pulled.
    # (podman wants a runroot path under 50 characters: a short folder in /tmp.)
    base = tempfile.mkdtemp(prefix="mesh-pull-", dir="/tmp")
    store = ["--root", f"{base}/root", "--runroot", f"{base}/run"]
    try:
        assert run([*store, "images", "-q"]).stdout.strip() == ""
        for service, (version_tag, revision_tag) in wanted.items():
            for tag in (version_tag, revision_tag):
                run([*store, "pull", "-q", "--tls-verify=false", f"{prefix}/mesh-{service}:{tag}"], timeout=600)
            version = (ROOT / "Services" / service.capitalize() / "VERSION").read_text().strip()
            out = run([*store, "run", "--rm", f"{prefix}/mesh-{service}:{version_tag}", "--version"])
            assert version in out.stdout + out.stderr, out.stdout + out.stderr
    finally:
        subprocess.run([*TOOL, *store, "rmi", "-a", "-f"], capture_output=True, check=False)
        shutil.rmtree(base, ignore_errors=True)
