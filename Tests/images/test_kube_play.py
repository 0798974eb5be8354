"""The dev overlay under podman: `make kube-play` runs it and reviews a document through it (the report
is make run's), and `make kube-down` removes every pod, volume and network it made."""

from __future__ import annotations

from images_helpers import DOC, PREFIX, ROOT, run
from test_mesh import local_run

NET = f"{PREFIX}-kube"


def make(*targets: str, timeout: float = 1200):
    return run(["make", "--no-print-directory", "-C", str(ROOT), *targets, f"KUBE_NETWORK={NET}",
                f"FILE={DOC.resolve()}"], tool=[], timeout=timeout, check=False)


def names(kind: str) -> set[str]:
    return set(run([kind, "ls" if kind in ("network", "volume") else "ps", "--format",
                    "{{.Name}}" if kind in ("network", "volume", "pod") else "{{.Names}}"]).stdout.split())


def test_kube_play_reviews_a_document_and_kube_down_removes_everything() -> None:
    before = {kind: names(kind) for kind in ("pod", "volume", "network")}
    try:
        play = make("kube-play")
        status, report = local_run(DOC.resolve())
        # Like make run, make kube-play fails when the producer does (status 1: a finding at --fail-on).
        assert (play.returncode == 0) == (status == 0), \
            f"make kube-play exited {play.returncode}, make run's producer {status}\n{play.stdout[-3000:]}\n{play.stderr[-4000:]}"
        if status:
            assert f"kube-play: the producer exited {status}" in play.stderr, play.stderr[-4000:]
        during = {kind: names(kind) - before[kind] for kind in before}
        assert {"redis", "coordinator-pod-0", "aggregator-pod-0", "grammar-agent-pod-0"} <= during["pod"], during
        assert "data-redis-0" in during["volume"] and NET in during["network"], during
        # make's own command echo lines go to stdout before the report: the report is its tail.
        assert report and play.stdout.endswith(report), \
            f"the report through kube play differs from make run's:\n{play.stdout[-3000:]}\n--- make run:\n{report[-3000:]}"
    finally:
        down = make("kube-down", timeout=300)
    assert down.returncode == 0, down.stderr
    after = {kind: names(kind) for kind in before}
    assert after == before, f"left behind: { {k: after[k] - before[k] for k in after} }"
