"""Shared test set-up: the tests folder on sys.path, the flag that refreshes golden files, and
the template cache kept out of the home folder."""

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
# generator.writing.singgahan caches the prepared template; tests (and their subprocesses) use a
# private folder, so they never read a cache another checkout wrote.
os.environ.setdefault("LKJ_CACHE", tempfile.mkdtemp(prefix="lkj-cache-"))


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/* from the current output instead of comparing")


import pytest  # noqa: E402


@pytest.fixture(scope="session")
def folder_uji(tmp_path_factory):
    """A province's folder of workbooks, good and broken (tests/folder_books.py), built once;
    tests read it and write elsewhere."""
    from folder_books import buat

    return buat(tmp_path_factory.mktemp("kumpulan") / "kumpulan")
