#!/usr/bin/env python3
"""The per-package test counts README.md states ("It then runs 381 tests: MeshProtocol 103, ..."),
counted from the sources, so the README can be regenerated instead of edited by hand.

A swift-testing package's count is its `@Test` declarations (what `swift test` reports as "Test run with
N tests": a parameterised test counts once); the deploy count is what pytest collects in Tests/deploy
(parameterised cases count one each, as pytest reports them).

    Tests/deploy/readme_counts.py           print the counts
    Tests/deploy/readme_counts.py --check   exit 1 when README.md states other numbers
    Tests/deploy/readme_counts.py --write   put the counts into README.md
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
# README label -> the folder whose swift-testing tests it counts.
SWIFT_SUITES = {
    "MeshProtocol": ROOT / "Packages/MeshProtocol/Tests",
    "MeshRedis": ROOT / "Packages/MeshRedis/Tests",
    "MeshAgents": ROOT / "Packages/MeshAgents/Tests",
    "MeshService": ROOT / "Packages/MeshService/Tests",
    "end to end": ROOT / "Tests/EndToEndTests",
}
TEST_DECLARATION = re.compile(r"^\s*@Test\b", re.M)
# Where README states the counts: the sentence from "It then runs" to the deploy count.
SENTENCE = re.compile(r"It then runs [\d,]+ tests: .*?deploy\s+\d+", re.S)


def swift_count(folder: Path) -> int:
    return sum(len(TEST_DECLARATION.findall(path.read_text())) for path in sorted(folder.rglob("*.swift")))


def deploy_count() -> int:
    """pytest's own count of the deploy tests (collection only: nothing is rendered or run)."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "Tests/deploy"],
        cwd=ROOT, capture_output=True, text=True, check=False)
    match = re.search(r"^(\d+) tests? collected", result.stdout, re.M)
    if result.returncode != 0 or not match:
        raise SystemExit(f"pytest --collect-only Tests/deploy failed:\n{result.stdout}{result.stderr}")
    return int(match.group(1))


def counts() -> dict[str, int]:
    found = {label: swift_count(folder) for label, folder in SWIFT_SUITES.items()}
    found["deploy"] = deploy_count()
    return found


def label_pattern(label: str) -> re.Pattern[str]:
    """`end to end 21` may be wrapped across lines in README."""
    return re.compile(r"\b(" + r"\s+".join(map(re.escape, label.split())) + r"\s+)(\d+)")


def stated(readme: str) -> dict[str, int]:
    """The counts README.md states, with "total" for the sum it gives."""
    sentence = SENTENCE.search(readme)
    if not sentence:
        raise SystemExit("README.md has no sentence 'It then runs N tests: ... deploy N'")
    out = {"total": int(re.match(r"It then runs ([\d,]+)", sentence.group(0)).group(1).replace(",", ""))}
    for label in [*SWIFT_SUITES, "deploy"]:
        match = label_pattern(label).search(sentence.group(0))
        if not match:
            raise SystemExit(f"README.md's test counts do not name '{label}'")
        out[label] = int(match.group(2))
    return out


def rewritten(readme: str, found: dict[str, int]) -> str:
    sentence = SENTENCE.search(readme)
    if not sentence:
        raise SystemExit("README.md has no sentence 'It then runs N tests: ... deploy N'")
    text = re.sub(r"^It then runs [\d,]+ tests", f"It then runs {sum(found.values()):,} tests", sentence.group(0))
    for label, count in found.items():
        text = label_pattern(label).sub(lambda m, count=count: f"{m.group(1)}{count}", text, count=1)
    return readme[:sentence.start()] + text + readme[sentence.end():]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="exit 1 when README.md states other counts")
    mode.add_argument("--write", action="store_true", help="write the counts into README.md")
    args = parser.parse_args()
    found = counts()
    readme = README.read_text()
    if args.write:
        README.write_text(rewritten(readme, found))
    elif args.check:
        expected = found | {"total": sum(found.values())}
        wrong = {k: (v, expected[k]) for k, v in stated(readme).items() if v != expected[k]}
        for label, (says, counted) in wrong.items():
            print(f"README.md says {label} {says}, the sources have {counted}", file=sys.stderr)
        if wrong:
            print("run Tests/deploy/readme_counts.py --write", file=sys.stderr)
            return 1
    else:
        for label, count in found.items():
            print(f"{label}: {count}")
        print(f"total: {sum(found.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
