"""The coordinator and the aggregator link FoundationEssentials, not Foundation: Foundation brings ICU and
FoundationInternationalization, 8 MB of resident library pages per process (issue 12) and, statically
linked in an image, 34 MB of ICU data. `make test` builds the debug binaries before these run."""

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("BUILD_DIR", ROOT / ".build")) / "debug"
FOUNDATION = ("libFoundation.so", "lib_FoundationICU.so", "libFoundationInternationalization.so")


def needed(binary: pathlib.Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(binary)], capture_output=True, text=True, check=True).stdout
    return [line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines() if "(NEEDED)" in line]


@pytest.mark.parametrize("service", ["mesh-coordinator", "mesh-aggregator"])
def test_links_foundation_essentials_and_not_foundation(service: str) -> None:
    binary = BIN / service
    assert binary.exists(), f"{binary} is missing: run make build first"
    libraries = needed(binary)
    assert "libFoundationEssentials.so" in libraries
    assert not [name for name in libraries if name in FOUNDATION], libraries


def test_a_specialist_still_links_foundation_so_the_check_can_fail() -> None:
    # The specialists parse .mesh.yaml with Yams, which needs Foundation: the same check on them must see it.
    assert "libFoundation.so" in needed(BIN / "mesh-specialist")
