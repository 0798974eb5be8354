"""Image tests (make test-images): they run the images `make images` built, never Dockerfile text."""

import signal

import pytest

from images_helpers import SERVICES, cleanup, image, run


def _interrupted(signum, frame):
    # SIGTERM (a CI job cancelled) as Ctrl-C: pytest then runs every fixture's teardown, which removes the
    # containers, networks, the registry and the kube play pods this session made.
    raise KeyboardInterrupt(f"signal {signum}")


signal.signal(signal.SIGTERM, _interrupted)


@pytest.fixture(scope="session", autouse=True)
def images_built():
    missing = [image(s) for s in SERVICES if run(["image", "inspect", image(s)], check=False).returncode != 0]
    if missing:
        pytest.fail(f"missing images {missing}: run `make images` first (make test-images does)")
    yield
    cleanup()
