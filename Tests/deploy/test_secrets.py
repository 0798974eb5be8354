"""No Secret value is committed under Deploy/."""

from __future__ import annotations

import re
import subprocess

import yaml

from deploy_helpers import DEPLOY, ROOT, read_env_file

PLACEHOLDER = re.compile(r"^change-me(-[a-z]+)?$")


def tracked_deploy_files() -> list[str]:
    out = subprocess.run(["git", "-C", str(ROOT), "ls-files", "--cached", "--others", "--exclude-standard", "Deploy"],
                         capture_output=True, text=True, check=True).stdout.split()
    assert out, "git lists no files under Deploy/"
    return out


def test_no_secret_objects_with_data() -> None:
    for name in tracked_deploy_files():
        if not name.endswith((".yaml", ".yml")):
            continue
        for doc in yaml.safe_load_all((ROOT / name).read_text()):
            if isinstance(doc, dict) and doc.get("kind") == "Secret":
                assert not doc.get("data") and not doc.get("stringData"), f"{name} commits a Secret value"


def test_no_env_file_with_values_is_tracked() -> None:
    for name in tracked_deploy_files():
        assert not name.endswith(".env"), f"{name} must not be committed (use a .example)"
    ignored = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "-q", "Deploy/overlays/prod/secrets/redis.env"],
                             check=False)
    assert ignored.returncode == 0, ".gitignore must ignore Deploy/overlays/prod/secrets/redis.env"


def test_example_holds_only_placeholders() -> None:
    example = read_env_file(DEPLOY / "overlays/prod/secrets/redis.env.example")
    assert example, "the example lists the keys the overlay needs"
    for key, value in example.items():
        assert PLACEHOLDER.match(value), f"{key} in the example looks like a real password"


SUSPICIOUS = re.compile(r"(requirepass\s+\S|masterauth\s+\S|\bon\s+>[^%\s]|password\s*[:=]\s*['\"]?[^'\"\s{$]+)", re.I)


def test_password_pattern_catches_literals() -> None:
    for leak in ("requirepass hunter2", "user keda on >hunter2 ~*", "REDIS_PASSWORD=hunter2", "password: hunter2"):
        assert SUSPICIOUS.search(leak), leak
    for fine in ("printf 'user %s on >%s %s'", "key: REDIS_PASSWORD_KEDA", 'echo "x" >&2', "- name: REDIS_PASSWORD"):
        assert not SUSPICIOUS.search(fine), fine


def test_no_password_literals_in_manifests() -> None:
    for name in tracked_deploy_files():
        if name.endswith(".example") or name.endswith(".md"):
            continue
        for number, line in enumerate((ROOT / name).read_text().splitlines(), 1):
            code = line.split("#", 1)[0]
            if SUSPICIOUS.search(code):
                raise AssertionError(f"{name}:{number}: looks like a committed password: {line.strip()}")
