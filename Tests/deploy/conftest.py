"""Registers the deploy tests' fixtures; the helpers live in deploy_helpers (a unique module
name, so other test folders' conftest.py files cannot shadow them)."""

from deploy_helpers import deploy_copy, dev, overlay, prod  # noqa: F401  (pytest fixtures)
