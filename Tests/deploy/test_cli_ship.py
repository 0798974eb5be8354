"""What ships for `mesh` users: the pre-commit hooks, the GitHub Actions example in the README, `make image/mesh`."""

from __future__ import annotations

import re
import subprocess

import yaml

from deploy_helpers import ROOT


def subcommands() -> set[str]:
    """The subcommands `mesh` has, from its command configuration."""
    main = (ROOT / "Services" / "Mesh" / "Sources" / "mesh" / "Mesh.swift").read_text()
    listed = re.search(r"subcommands: \[([^\]]*)\]", main).group(1)
    names = {"Review": "review", "Fix": "fix", "Rules": "rules", "Explain": "explain", "Status": "status", "DeadLetters": "deadletters"}
    return {names[n.strip().removesuffix(".self")] for n in listed.split(",")}


def test_pre_commit_hooks_run_real_subcommands() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert [h["id"] for h in hooks] == ["mesh-review", "mesh-fix"]
    for hook in hooks:
        assert {"id", "name", "entry", "language", "files"} <= set(hook)
        assert hook["language"] == "system"
        program, command, *_ = hook["entry"].split()
        assert program == "mesh" and command in subcommands()
        assert re.search(hook["files"], "docs/guide.md") and not re.search(hook["files"], "main.swift")


def test_readme_workflow_uploads_sarif_from_mesh_review() -> None:
    readme = (ROOT / "README.md").read_text()
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "upload-sarif" in b]
    assert len(blocks) == 1
    workflow = yaml.safe_load(blocks[0])
    steps = workflow["jobs"]["review"]["steps"]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    review = next(s for s in steps if "--output-format sarif" in s.get("run", ""))
    assert review["run"].split()[1] == "review"
    assert review["run"].endswith("> " + upload["with"]["sarif_file"])
    assert workflow["permissions"]["security-events"] == "write"
    assert "mesh review" in readme.split("## The two commands", 1)[0], "the README leads with mesh review"


def test_make_image_mesh_builds_the_cli_product() -> None:
    proc = subprocess.run(["make", "--no-print-directory", "-n", "-C", str(ROOT), "image/mesh"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    args = dict(re.findall(r"--build-arg (\w+)=(\S*)", proc.stdout))
    assert args["PRODUCT"] == "mesh"
    assert "git" in proc.stdout.split("DATA_PACKAGES=", 1)[1].split("--build-arg", 1)[0], "--diff needs git in the image"
    assert " -t mesh:dev " in proc.stdout
