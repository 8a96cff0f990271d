"""generator.commands.paralel: every result arrives once, a worker that dies is one failed task, and the
number of workers is bounded."""

from __future__ import annotations

import os

import pytest

from generator.commands import paralel


def kuadrat(n: int) -> int:
    """A task for the workers (module level, so a spawned worker can import it by name)."""
    return n * n


def mati_pada_tiga(n: int) -> int:
    if n == 3:
        os._exit(7)  # the worker process ends abruptly, as when the system kills it
    return n


def test_every_result_arrives_once_with_its_number():
    hasil = {}
    paralel.jalankan(kuadrat, list(range(12)), 2, hasil.__setitem__, hasil.__setitem__)
    assert hasil == {n: n * n for n in range(12)}


def test_a_worker_that_dies_fails_its_task_not_the_run():
    hasil = {}
    paralel.jalankan(mati_pada_tiga, [1, 2, 3], 2, hasil.__setitem__, hasil.__setitem__)
    assert isinstance(hasil[2], paralel.Gagal)
    assert "berhenti mendadak" in hasil[2].pesan
    assert sorted(hasil) == [0, 1, 2]


def test_one_process_runs_here():
    hasil = {}
    paralel.jalankan(kuadrat, [2, 3], 1, hasil.__setitem__, hasil.__setitem__)
    assert hasil == {0: 4, 1: 9}


@pytest.mark.parametrize(("diminta", "tugas", "jumlah"), [(None, 1, 1), (3, 10, 3), (9, 2, 2),
                                                          (None, 100, None)])
def test_number_of_processes(diminta, tugas, jumlah):
    hasil = paralel.jumlah_proses(diminta, tugas)
    if jumlah is None:
        assert 1 <= hasil <= paralel.PROSES_MAKS
    else:
        assert hasil == jumlah
