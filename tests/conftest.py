"""Shared test set-up: the tests folder on sys.path so helpers like `books` import plainly."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
