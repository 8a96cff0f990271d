"""Shared test set-up: the tests folder on sys.path, the flag that refreshes golden files, and
the template cache kept out of the home folder."""

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
# generator.singgahan caches the prepared template; tests (and their subprocesses) use a
# private folder, so they never read a cache another checkout wrote.
os.environ.setdefault("LKJ_CACHE", tempfile.mkdtemp(prefix="lkj-cache-"))


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/* from the current output instead of comparing")
