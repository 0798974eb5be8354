"""`make release-lib` in a temporary clone: bump, changelog, commit, tag, and refusals."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from deploy_helpers import ROOT

CHANGELOG = """# Changelog

## Unreleased

### Added
- `xautoclaim(_:group:consumer:minIdle:)`.

### Fixed
- Codec rejects a truncated frame.

## 0.1.0 (2026-11-29)

### Added
- Wire types and codec.
"""
VERSION_SWIFT = """/// This library's version; `VERSION` beside Package.swift is the source of truth and a test keeps them equal.
public enum {lib}Library {{
    public static let version = "0.1.0"
}}

/// Not this library's version: release-lib leaves it alone.
let example = "version = \\"9.9.9\\""
"""
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True,
                          env={**os.environ, **GIT_ENV}).stdout.strip()


def make(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "-C", str(repo), "release-lib", *args],
                          capture_output=True, text=True, check=False,
                          env={**os.environ, **GIT_ENV, "RELEASE_DATE": "2026-12-01"})


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A clone of a small repository laid out like this one, with this repo's Makefile and script."""
    origin = tmp_path / "origin"
    for lib in ("MeshProtocol", "MeshRedis"):
        (origin / "Packages" / lib).mkdir(parents=True)
        (origin / "Packages" / lib / "VERSION").write_text("0.1.0\n")
        (origin / "Packages" / lib / "CHANGELOG.md").write_text(CHANGELOG)
        (origin / "Packages" / lib / "Sources" / lib).mkdir(parents=True)
        (origin / "Packages" / lib / "Sources" / lib / "Version.swift").write_text(VERSION_SWIFT.format(lib=lib))
    shutil.copy2(ROOT / "Packages" / "release-lib.sh", origin / "Packages")
    shutil.copy2(ROOT / "Makefile", origin / "Makefile")
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", ".")
    git(origin, "commit", "-q", "-m", "init")
    work = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(origin), str(work)], check=True)
    return work


@pytest.mark.parametrize(("bump", "expected"), [("patch", "0.1.1"), ("minor", "0.2.0"), ("major", "1.0.0")])
def test_release(clone: Path, bump: str, expected: str) -> None:
    result = make(clone, "LIB=MeshProtocol", f"BUMP={bump}")
    assert result.returncode == 0, result.stderr
    lib = clone / "Packages" / "MeshProtocol"
    assert (lib / "VERSION").read_text() == f"{expected}\n"
    assert (lib / "CHANGELOG.md").read_text() == CHANGELOG.replace(
        "## Unreleased\n\n", f"## Unreleased\n\n## {expected} (2026-12-01)\n\n")
    assert git(clone, "tag", "--list") == f"MeshProtocol-{expected}"
    assert git(clone, "rev-parse", f"MeshProtocol-{expected}^{{commit}}") == git(clone, "rev-parse", "HEAD")
    assert git(clone, "log", "-1", "--format=%s") == f"MeshProtocol {expected}"
    # The Swift constant (MeshProtocolLibrary.version, for --version) moves in the same commit.
    assert (lib / "Sources" / "MeshProtocol" / "Version.swift").read_text() == VERSION_SWIFT.format(
        lib="MeshProtocol").replace('version = "0.1.0"', f'version = "{expected}"')
    assert git(clone, "show", "--name-only", "--format=", "HEAD").split() == [
        "Packages/MeshProtocol/CHANGELOG.md", "Packages/MeshProtocol/Sources/MeshProtocol/Version.swift",
        "Packages/MeshProtocol/VERSION"]
    assert git(clone, "status", "--porcelain") == ""
    # The other library is untouched.
    assert (clone / "Packages" / "MeshRedis" / "VERSION").read_text() == "0.1.0\n"
    assert 'version = "0.1.0"' in (clone / "Packages" / "MeshRedis" / "Sources" / "MeshRedis" / "Version.swift").read_text()


def test_second_release_needs_new_entries(clone: Path) -> None:
    assert make(clone, "LIB=MeshProtocol", "BUMP=minor").returncode == 0
    again = make(clone, "LIB=MeshProtocol", "BUMP=patch")
    assert again.returncode != 0
    assert "Unreleased section" in again.stderr and "empty" in again.stderr
    changelog = clone / "Packages" / "MeshProtocol" / "CHANGELOG.md"
    changelog.write_text(changelog.read_text().replace("## Unreleased\n", "## Unreleased\n\n### Changed\n- Faster.\n", 1))
    git(clone, "commit", "-q", "-am", "changelog")
    assert make(clone, "LIB=MeshProtocol", "BUMP=patch").returncode == 0
    text = changelog.read_text()
    assert text.index("## Unreleased") < text.index("## 0.2.1 (2026-12-01)\n\n### Changed\n- Faster.") < text.index("## 0.2.0")
    assert git(clone, "tag", "--list").split() == ["MeshProtocol-0.2.0", "MeshProtocol-0.2.1"]


def test_refuses_dirty_tree(clone: Path) -> None:
    (clone / "Packages" / "MeshRedis" / "VERSION").write_text("0.1.0-dirty\n")
    result = make(clone, "LIB=MeshProtocol", "BUMP=patch")
    assert result.returncode != 0 and "uncommitted changes" in result.stderr
    assert (clone / "Packages" / "MeshProtocol" / "VERSION").read_text() == "0.1.0\n"
    assert git(clone, "tag", "--list") == ""


def test_refuses_empty_unreleased(clone: Path) -> None:
    changelog = clone / "Packages" / "MeshProtocol" / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\n## Unreleased\n\n### Added\n\n## 0.1.0 (2026-11-29)\n\n- First.\n")
    git(clone, "commit", "-q", "-am", "empty unreleased")
    result = make(clone, "LIB=MeshProtocol", "BUMP=patch")
    assert result.returncode != 0 and "empty" in result.stderr
    assert git(clone, "tag", "--list") == ""


@pytest.mark.parametrize("content", ["", 'public enum MeshProtocolLibrary { public static let version = "0.1.0" }\n',
                                     'public static let version = "0.1.0"\npublic static let version = "0.1.0"\n'])
def test_refuses_a_version_swift_it_cannot_rewrite(clone: Path, content: str) -> None:
    """Missing, on one line with other code, or twice: nothing is changed and nothing is tagged."""
    version_swift = clone / "Packages" / "MeshProtocol" / "Sources" / "MeshProtocol" / "Version.swift"
    if content:
        version_swift.write_text(content)
    else:
        version_swift.unlink()
    git(clone, "commit", "-q", "-am", "odd Version.swift")
    result = make(clone, "LIB=MeshProtocol", "BUMP=patch")
    assert result.returncode != 0 and "Version.swift" in result.stderr
    assert (clone / "Packages" / "MeshProtocol" / "VERSION").read_text() == "0.1.0\n"
    assert git(clone, "status", "--porcelain") == "" and git(clone, "tag", "--list") == ""


@pytest.mark.parametrize("args", [("LIB=MeshProtocol", "BUMP=huge"), ("LIB=Nope", "BUMP=patch"), ("LIB=MeshProtocol",)])
def test_refuses_bad_arguments(clone: Path, args: tuple[str, ...]) -> None:
    result = make(clone, *args)
    assert result.returncode != 0 and result.stderr.strip()
    assert git(clone, "tag", "--list") == ""
