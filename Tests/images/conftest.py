"""Image tests (make test-images): they run the images `make images` built, never Dockerfile text."""

import pytest

from images_helpers import SERVICES, cleanup, image, run


@pytest.fixture(scope="session", autouse=True)
def images_built():
    missing = [image(s) for s in SERVICES if run(["image", "inspect", image(s)], check=False).returncode != 0]
    if missing:
        pytest.fail(f"missing images {missing}: run `make images` first (make test-images does)")
    yield
    cleanup()
