"""The template cache (generator.writing.singgahan): same report with a cold, warm, broken or no cache."""

from __future__ import annotations

import zipfile

import pytest

from generator.figures.capaian import hitung
from generator.report import build
from generator.writing.render import render_report
from generator.writing.singgahan import folder_cache
from sample_data import contoh_data


def _isi(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


@pytest.fixture
def konteks():
    data = contoh_data()
    return build(data, hitung(data)).context


def test_cold_warm_broken_and_disabled_cache_give_the_same_report(konteks, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("LKJ_CACHE", str(cache))
    assert folder_cache() == cache
    dingin = render_report(konteks, tmp_path / "dingin.docx")
    berkas = sorted(cache.iterdir())
    assert len(berkas) >= 2  # the prepared XML and the compiled template
    hangat = render_report(konteks, tmp_path / "hangat.docx")
    for b in berkas:
        b.write_bytes(b"\x00rusak")  # a damaged cache is ignored, not trusted
    rusak = render_report(konteks, tmp_path / "rusak.docx")
    monkeypatch.setenv("LKJ_CACHE", "0")
    assert folder_cache() is None
    mati = render_report(konteks, tmp_path / "mati.docx")
    assert _isi(dingin) == _isi(hangat) == _isi(mati)
    assert _isi(rusak) == _isi(dingin)


def test_unwritable_cache_folder_is_not_an_error(konteks, tmp_path, monkeypatch):
    bukan_folder = tmp_path / "berkas"
    bukan_folder.write_text("x")
    monkeypatch.setenv("LKJ_CACHE", str(bukan_folder / "cache"))
    assert render_report(konteks, tmp_path / "l.docx").is_file()


def test_a_full_disk_leaves_no_stray_cache_file(konteks, tmp_path, monkeypatch):
    """Every write to the cache fails with ENOSPC: the report is still made, and the cache
    folder holds no temporary `.tmp-*` file (before the fix, one per entry was left)."""
    import errno
    import os

    from generator.writing import singgahan

    cache = tmp_path / "cache"
    monkeypatch.setenv("LKJ_CACHE", str(cache))
    asli = os.fdopen

    class Penuh:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(singgahan.os, "fdopen", lambda fd, mode: Penuh(asli(fd, mode)))
    assert render_report(konteks, tmp_path / "l.docx").is_file()
    assert cache.is_dir() and sorted(cache.iterdir()) == []
