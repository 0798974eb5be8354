"""README.md's per-package test counts are the sources' (Tests/deploy/readme_counts.py regenerates them)."""

from __future__ import annotations

import readme_counts


def test_readme_states_the_test_counts_of_the_sources() -> None:
    found = readme_counts.counts()
    stated = readme_counts.stated(readme_counts.README.read_text())
    assert stated == found | {"total": sum(found.values())}, "run Tests/deploy/readme_counts.py --write"


def test_rewriting_keeps_the_wording_and_wrapping() -> None:
    readme = readme_counts.README.read_text()
    found = {label: 7 for label in [*readme_counts.SWIFT_SUITES, "deploy"]}
    new = readme_counts.rewritten(readme, found)
    assert readme_counts.stated(new) == found | {"total": 42}
    assert new.count("\n") == readme.count("\n")
    back = {label: count for label, count in readme_counts.stated(readme).items() if label != "total"}
    assert readme_counts.rewritten(new, back) == readme
