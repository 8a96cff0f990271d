"""A stop (Ctrl-C, SIGTERM) that never cuts a file's making or removal in two.

`generator.files.output.interruptible` turns a stop into KeyboardInterrupt so every `finally`
clean-up runs. A clean-up is itself code a second moment of the same stop could cut: the
temporary file half removed, a lock file made but not yet known to its owner. Inside
`tanpa_sela()` a stop waits: the section runs to its end and the stop is raised there.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Set by a stop inside `interruptible`: atomic_target checks it before the one step that
# replaces a file, in case the exception the stop raised was swallowed (an exception raised
# inside a weakref or garbage-collection callback is only printed).
BERHENTI = threading.Event()
_TERTUNDA = threading.Event()  # a stop that came inside a section and waits for its end
_kedalaman = [0]  # sections entered and not yet left (signals run in the main thread only)


def dalam_sela() -> bool:
    """Whether a section is running, so a stop must wait for its end (`tunda`)."""
    return _kedalaman[0] > 0


def tunda() -> None:
    """Note a stop for the end of the running section."""
    _TERTUNDA.set()


@contextmanager
def tanpa_sela() -> Iterator[None]:
    """A few lines a stop must not cut: it is raised as KeyboardInterrupt once they end."""
    _kedalaman[0] += 1
    try:
        yield
    finally:
        _kedalaman[0] -= 1
    if _kedalaman[0] == 0 and _TERTUNDA.is_set():
        _TERTUNDA.clear()
        raise KeyboardInterrupt


def mulai() -> None:
    """A new interruptible run: no stop noted yet."""
    BERHENTI.clear()
    _TERTUNDA.clear()
