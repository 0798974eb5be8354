"""Versions: each VERSION file is the source of truth, and the Swift constants that `--version`
prints (each library's `<Lib>Library.version`, each service's `serviceVersion`) agree with it.
`make release-lib` keeps a library's pair equal; a service's pair is bumped by hand."""

from __future__ import annotations

import re
import subprocess

import pytest

from deploy_helpers import LIBRARIES, ROOT, SERVICES, linked_libraries, service_dir

SEMVER = re.compile(r"\d+\.\d+\.\d+")
# The top level the repository keeps (dotfiles aside).
TOP_LEVEL = {"Packages", "Services", "Deploy", "Tests", "Dockerfiles", "Makefile", "README.md"}


def version_file(path) -> str:
    text = (path / "VERSION").read_text()
    assert SEMVER.fullmatch(text.strip()) and text.endswith("\n"), f"{path}/VERSION: {text!r} is not X.Y.Z"
    return text.strip()


def test_every_library_is_listed() -> None:
    found = {p.parent.name for p in (ROOT / "Packages").glob("*/Package.swift")}
    assert found == set(LIBRARIES)


@pytest.mark.parametrize("lib", LIBRARIES)
def test_library_version_constant_matches_version_file(lib: str) -> None:
    # The package's lowest target holds it (MeshAgents's is in MeshText, which the aggregator links alone).
    sources = [p.read_text() for p in (ROOT / "Packages" / lib / "Sources").glob("*/Version.swift")]
    holding = [s for s in sources if f"public enum {lib}Library {{" in s]
    assert len(holding) == 1
    source = holding[0]
    # The line release-lib rewrites: exactly one, holding VERSION.
    found = re.findall(r'^\s*public static let version = "([^"]*)"\s*$', source, re.M)
    assert found == [version_file(ROOT / "Packages" / lib)]


@pytest.mark.parametrize("lib", LIBRARIES)
def test_library_changelog_has_unreleased_on_top(lib: str) -> None:
    changelog = (ROOT / "Packages" / lib / "CHANGELOG.md").read_text()
    headings = re.findall(r"^## (.*?)\s*$", changelog, re.M)
    assert headings and headings[0] == "Unreleased", f"{lib}: the first section must be '## Unreleased'"
    # Every release heading is `X.Y.Z (YYYY-MM-DD)`, and the newest is the current VERSION.
    releases = headings[1:]
    for heading in releases:
        assert re.fullmatch(r"\d+\.\d+\.\d+ \(\d{4}-\d{2}-\d{2}\)", heading), f"{lib}: heading '## {heading}'"
    if releases:
        assert releases[0].split()[0] == version_file(ROOT / "Packages" / lib)


@pytest.mark.parametrize("service", SERVICES)
def test_service_version_constant_matches_version_file(service: str) -> None:
    package = ROOT / service_dir(service)
    main = package / "Sources" / f"mesh-{service}" / f"{service.capitalize()}.swift"
    found = re.findall(r'^let serviceVersion = "([^"]*)"$', main.read_text(), re.M)
    assert found == [version_file(package)]


@pytest.mark.parametrize("service", SERVICES)
def test_service_version_text_names_its_libraries(service: str) -> None:
    """`mesh-<service> --version` lists every library the binary is built with, each by its constant:
    MeshService's `meshVersionText` names MeshProtocol, MeshRedis and MeshService, the call adds the rest."""
    main = (ROOT / service_dir(service) / "Sources" / f"mesh-{service}" / f"{service.capitalize()}.swift").read_text()
    call = re.search(rf'meshVersionText\("mesh-{service}", serviceVersion(.*?)\)\n', main)
    assert call, f"mesh-{service}: --version is not built with meshVersionText"
    listed = re.findall(r'\("(\w+)", (\w+)Library\.version\)', call.group(1))
    assert all(name == lib for name, lib in listed), listed
    assert sorted(["MeshProtocol", "MeshRedis", "MeshService"] + [name for name, _ in listed]) == linked_libraries(service)


def test_repository_top_level() -> None:
    tracked = subprocess.run(["git", "-C", str(ROOT), "ls-files"], capture_output=True, text=True, check=True).stdout
    top = {path.split("/", 1)[0] for path in tracked.splitlines() if not path.startswith(".")}
    assert top <= TOP_LEVEL, f"unexpected at the top level: {sorted(top - TOP_LEVEL)}"
