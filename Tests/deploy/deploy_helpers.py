"""Shared helpers and fixtures for the deploy tests: the repository root, the tools, rendered overlays.

The overlays are rendered from a temporary copy of Deploy/, where the prod overlay gets its
secrets/redis.env from the committed .example, so the tests never read or need a real secret.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "Deploy"
SPECIALISTS = ("grammar", "clarity", "tone", "structure")
SERVICES = ("producer", "coordinator", "specialist", "aggregator")
LIBRARIES = ("MeshProtocol", "MeshRedis", "MeshAgents", "MeshService")
KUBECTL = os.environ.get("KUBECTL", "kubectl")
HADOLINT = os.environ.get("HADOLINT", "hadolint")


def service_dir(service: str) -> Path:
    """Services/<Dir> of a service, relative to the repository root (producer -> Services/Producer)."""
    return Path("Services") / service.capitalize()


def linked_libraries(service: str) -> list[str]:
    """The libraries a service's binary is built with: its path dependencies under Packages/,
    transitively, read from the Package.swift files (what `swift package resolve` needs)."""
    found: list[str] = []
    todo = [ROOT / service_dir(service)]
    while todo:
        package = todo.pop()
        for rel in re.findall(r'\.package\(\s*path:\s*"([^"]+)"', (package / "Package.swift").read_text()):
            dep = (package / rel).resolve()
            assert dep.parent == ROOT / "Packages", f"{package}: path dependency {rel} outside Packages/"
            if dep.name not in found:
                found.append(dep.name)
                todo.append(dep)
    return sorted(found)


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not on PATH: run `make deps-deploy`")
    return path


class Rendered:
    """One rendered overlay: its documents, and kubectl's stderr."""

    def __init__(self, env: str, docs: list[dict], stderr: str) -> None:
        self.env = env
        self.docs = docs
        self.stderr = stderr

    def of_kind(self, kind: str) -> list[dict]:
        return [d for d in self.docs if d["kind"] == kind]

    def get(self, kind: str, name: str) -> dict:
        found = [d for d in self.of_kind(kind) if d["metadata"]["name"] == name]
        assert len(found) == 1, f"{self.env}: expected one {kind}/{name}, found {len(found)}"
        return found[0]

    def generated(self, kind: str, prefix: str) -> dict:
        """A generated object (ConfigMap/Secret) by its name before the hash suffix."""
        found = [d for d in self.of_kind(kind) if d["metadata"]["name"].rsplit("-", 1)[0] == prefix]
        assert len(found) == 1, f"{self.env}: expected one generated {kind} {prefix}-<hash>, found {len(found)}"
        return found[0]

    def workloads(self) -> list[tuple[dict, dict]]:
        """(object, pod spec) for every Deployment, StatefulSet and CronJob."""
        out = []
        for d in self.docs:
            if d["kind"] in ("Deployment", "StatefulSet"):
                out.append((d, d["spec"]["template"]["spec"]))
            elif d["kind"] == "CronJob":
                out.append((d, d["spec"]["jobTemplate"]["spec"]["template"]["spec"]))
        return out


def render_dir(path: Path, env: str = "?") -> Rendered:
    proc = subprocess.run(
        [tool(KUBECTL), "kustomize", str(path)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, f"kubectl kustomize {path} failed:\n{proc.stderr}"
    docs = [d for d in yaml.safe_load_all(proc.stdout) if d]
    return Rendered(env, docs, proc.stderr)


@pytest.fixture(scope="session")
def deploy_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("deploy") / "Deploy"
    shutil.copytree(DEPLOY, copy, ignore=shutil.ignore_patterns("*.env"))
    secrets = copy / "overlays" / "prod" / "secrets"
    shutil.copy(secrets / "redis.env.example", secrets / "redis.env")
    return copy


@pytest.fixture(scope="session")
def dev(deploy_copy: Path) -> Rendered:
    return render_dir(deploy_copy / "overlays" / "dev", "dev")


@pytest.fixture(scope="session")
def prod(deploy_copy: Path) -> Rendered:
    return render_dir(deploy_copy / "overlays" / "prod", "prod")


@pytest.fixture(scope="session", params=["dev", "prod"])
def overlay(request: pytest.FixtureRequest) -> Rendered:
    return request.getfixturevalue(request.param)


def read_env_file(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            out[key] = value
    return out


def acl_rules() -> list[tuple[str, str, str]]:
    """(user, password variable, rules) from the prod Redis ACL rules file."""
    out = []
    for line in (DEPLOY / "overlays/prod/redis/users.rules").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            user, var, rules = line.split(maxsplit=2)
            out.append((user, var, rules))
    return out
