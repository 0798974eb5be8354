"""The repository's one root package (Tests/Package.swift) must declare every test target of every library,
through the Tests/Libraries/<Library> links, or `make test` would silently skip a library's tests."""
import re
from pathlib import Path

from deploy_helpers import ROOT

LIBRARIES = sorted(p.parent.name for p in (ROOT / "Packages").glob("*/Package.swift"))
SERVICES = sorted(p.parent.name for p in (ROOT / "Services").glob("*/Package.swift"))
WORKSPACE = (ROOT / "Tests" / "Package.swift").read_text()


def declared_test_targets(manifest: str) -> set[str]:
    return set(re.findall(r'\.testTarget\(\s*name:\s*"([^"]+)"', manifest))


def test_every_library_test_target_is_in_the_root_package() -> None:
    declared = {}
    for block in WORKSPACE.split(".testTarget(")[1:]:
        name = re.search(r'name:\s*"([^"]+)"', block)
        path = re.search(r'path:\s*"Libraries/([^/"]+)/', block)
        if name and path:
            declared[name.group(1)] = path.group(1)
    for lib in LIBRARIES:
        targets = declared_test_targets((ROOT / "Packages" / lib / "Package.swift").read_text())
        assert targets, f"{lib} declares no test target"
        for target in targets:
            assert declared.get(target) == lib, f"Tests/Package.swift does not declare {lib}'s {target}"


def test_library_links_point_at_each_librarys_tests() -> None:
    for lib in LIBRARIES:
        link = ROOT / "Tests" / "Libraries" / lib
        assert link.is_symlink(), f"{link} should be a link to Packages/{lib}/Tests"
        assert link.resolve() == (ROOT / "Packages" / lib / "Tests").resolve()


def test_every_package_is_a_dependency_of_the_root_package() -> None:
    paths = set(re.findall(r'\.package\(path:\s*"\.\./([^"]+)"\)', WORKSPACE))
    assert paths == {f"Packages/{lib}" for lib in LIBRARIES} | {f"Services/{svc}" for svc in SERVICES}


def test_makefile_runs_every_test_target_through_the_root_package() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert "FRESH_PLAN" not in makefile and "description.json" not in makefile
    for lib in LIBRARIES:
        line = re.search(rf"^TEST_TARGETS_{lib}\s*:=(.*)$", makefile, re.M)
        assert line, f"Makefile has no TEST_TARGETS_{lib}"
        assert set(line.group(1).split()) == declared_test_targets((ROOT / "Packages" / lib / "Package.swift").read_text())
    # Every swift command goes through the one root package and build folder.
    for command in re.findall(r"\$\(SWIFT\) (?:build|test|package)[^\n]*", makefile):
        assert "--package-path $(WORKSPACE)" in command and "--scratch-path $(BUILD_DIR)" in command, command
