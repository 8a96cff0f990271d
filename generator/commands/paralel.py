"""One function over many workbooks in worker processes: spawn-safe, and one Ctrl-C stops them all.

Workers are started with the `spawn` method on every platform, as Windows must, so what runs
here is what runs on a staff laptop: a worker imports only the module of the function it runs
(functions are passed by name, never lambdas). Each worker ignores Ctrl-C while it waits for
work; during a task the first Ctrl-C (SIGINT, or Windows' CTRL_C_EVENT, which reaches every
process of the console) raises KeyboardInterrupt there, so the task's own clean-up runs
(`output.atomic_target` removes its temporary file) and a worker never dies between tasks: a
dead worker would make the pool kill the others in the middle of a write.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

# Each worker takes ~100 MB (the libraries lkj renders with); more than this many rarely pays.
PROSES_MAKS = 8

_berhenti: Any = None  # the pool's stop event, in a worker
_dalam_tugas = False
_sudah_disela = False


def jumlah_proses(diminta: int | None, tugas: int) -> int:
    """Worker processes to start: as asked, else one per core (at most PROSES_MAKS), never more
    than there are tasks, at least 1."""
    if diminta is None:
        cpu = os.process_cpu_count() if hasattr(os, "process_cpu_count") else None
        if cpu is None and hasattr(os, "sched_getaffinity"):
            cpu = len(os.sched_getaffinity(0))
        diminta = min(cpu or os.cpu_count() or 1, PROSES_MAKS)
    return max(1, min(diminta, tugas))


def _mulai_pekerja(berhenti: Any) -> None:
    """Worker initializer: Ctrl-C is ours to handle (see _sela)."""
    global _berhenti
    _berhenti = berhenti
    signal.signal(signal.SIGINT, _sela)


def _sela(signum: int, frame: Any) -> None:
    """SIGINT in a worker: once per task it interrupts the task; between tasks it is ignored."""
    global _sudah_disela
    if _dalam_tugas and not _sudah_disela:
        _sudah_disela = True
        raise KeyboardInterrupt


def _kerjakan(fungsi: Callable[[Any], Any], tugas: Any) -> Any:
    """Run one task in a worker; a task interrupted, or handed over after a stop, raises
    Interrupted. A result already made stands, even if Ctrl-C comes as it is handed back."""
    global _dalam_tugas, _sudah_disela
    from generator.files.output import Interrupted

    if _berhenti is not None and _berhenti.is_set():
        raise Interrupted("dihentikan")
    _sudah_disela, hasil = False, None
    try:
        _dalam_tugas = True
        hasil = fungsi(tugas)
        _dalam_tugas = False
        return hasil
    except KeyboardInterrupt:
        if hasil is not None:
            return hasil
        raise Interrupted("dihentikan") from None
    finally:
        _dalam_tugas = False


def jalankan(fungsi: Callable[[Any], Any], tugas: Sequence[Any], proses: int,
             terima: Callable[[int, Any], None], buang: Callable[[int, Any], None]) -> None:
    """Run `fungsi` on every task; `terima(i, result)` is called in this process as each ends.

    Ctrl-C or SIGTERM stops every worker: tasks not started are dropped, running ones end
    through their own clean-up, results that still arrive go to `buang(i, result)`, and
    output.Interrupted is raised once all workers have stopped. `fungsi` must be a module-level
    function and its tasks and results picklable. With one process nothing is started.
    """
    from generator.files.output import interruptible

    with interruptible():
        if proses <= 1:
            for i, t in enumerate(tugas):
                terima(i, fungsi(t))
            return
        _dengan_pool(fungsi, tugas, proses, terima, buang)


def _dengan_pool(fungsi, tugas, proses, terima, buang) -> None:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    from generator.files.output import Interrupted

    ctx = multiprocessing.get_context("spawn")
    berhenti = ctx.Event()
    pool = ProcessPoolExecutor(proses, mp_context=ctx, initializer=_mulai_pekerja,
                               initargs=(berhenti,))
    nomor = {pool.submit(_kerjakan, fungsi, t): i for i, t in enumerate(tugas)}
    menunggu, tertangani = set(nomor), set()
    try:
        while menunggu:
            # A short timeout: on Windows a wait without one cannot be interrupted by Ctrl-C.
            selesai, menunggu = wait(menunggu, timeout=0.5, return_when=FIRST_COMPLETED)
            for future in sorted(selesai, key=nomor.__getitem__):
                tertangani.add(future)  # from here on `terima` cleans up after itself
                terima(nomor[future], _hasil(future))
    except (KeyboardInterrupt, Interrupted):
        _hentikan(pool, berhenti, menunggu)
        for future, i in nomor.items():
            if future not in tertangani and future.done() and not future.cancelled():
                buang(i, _hasil(future, diam=True))
        raise Interrupted("dihentikan") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@dataclass(frozen=True)
class Gagal:
    """The result of a task whose worker process ended abruptly (killed, out of memory)."""

    pesan: str


def _hasil(future, diam: bool = False) -> Any:
    """A task's result. Interrupted from a worker is raised (None when `diam`); a worker that
    died gives Gagal; any other exception the task let through is raised."""
    from concurrent.futures.process import BrokenProcessPool

    from generator.files.output import Interrupted

    try:
        return future.result()
    except Interrupted:
        if diam:
            return None
        raise
    except BrokenProcessPool:
        return Gagal("proses pekerja lkj berhenti mendadak (mungkin memori komputer habis); "
                     "jalankan lagi, atau dengan --proses 1")


def _hentikan(pool, berhenti, menunggu) -> None:
    """Stop every worker and wait for them; a second Ctrl-C meanwhile is ignored, so the
    clean-up itself is never cut short."""
    lama = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        berhenti.set()  # tasks already handed to a worker end at once
        for future in menunggu:
            future.cancel()  # the rest never start
        if os.name == "posix":
            # A terminal's Ctrl-C reaches the workers too; SIGTERM or a signal sent to this
            # process alone does not, so it is passed on (a worker takes one per task).
            for proses in list((getattr(pool, "_processes", None) or {}).values()):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(proses.pid, signal.SIGINT)
        pool.shutdown(wait=True)
    finally:
        signal.signal(signal.SIGINT, lama)
