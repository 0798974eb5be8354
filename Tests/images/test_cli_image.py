"""The `mesh` CLI image (make image/mesh): built from the same Dockerfile as the services, it has no server
to probe; it is checked by running it: its libraries resolve, it runs as 10001:10001, and `mesh review`
reviews a mounted document in process with the findings `make run` gives."""
from __future__ import annotations

import re

from images_helpers import DOC, run

IMAGE = "mesh:dev"


def test_every_library_resolves_and_it_runs_as_10001() -> None:
    ldd = run(["run", "--rm", "--entrypoint", "/bin/sh", IMAGE, "-c", "ldd /app/mesh; id"]).stdout
    assert "not found" not in ldd, ldd
    assert re.search(r"uid=10001\(mesh\) gid=10001\(mesh\)", ldd), ldd


def test_version_names_the_cli_and_its_libraries() -> None:
    out = run(["run", "--rm", IMAGE, "--version"]).stdout
    assert out.startswith("mesh "), out
    for lib in ("MeshProtocol", "MeshRedis", "MeshAgents", "MeshService"):
        assert lib in out, out


def test_review_of_a_mounted_document_finds_what_make_run_finds() -> None:
    folder = DOC.parent
    proc = run(["run", "--rm", "--volume", f"{folder}:/work:ro", "--workdir", "/work", IMAGE, "review", DOC.name],
               check=False)
    # Exit 1: the sample has error-level findings (`--fail-on error`, the default).
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert f"{DOC.name}:8:26: error: [grammar.repeated-word] 'the' is repeated." in proc.stdout, proc.stdout
    assert f"{DOC.name}:11:36: error: [grammar.a-an]" in proc.stdout, proc.stdout
    assert re.search(rf"^{re.escape(DOC.name)}: \d+ findings \(3 errors", proc.stdout, re.M), proc.stdout
