"""Bab I's pages of the template: background, each level's duties, staff, structure, sistematika."""

from __future__ import annotations

from generator import kontrak as k
from generator.report.rakit.bersama import per_tingkat
from generator.report.rakit.kata import muat
from generator.report.rakit.tabel import SETELAH_TABEL, tabel_data
from generator.report.rakit.teks import (
    TAB,
    B,
    caption,
    daftar,
    daftar_tetap,
    isi,
    jika,
    judul,
    para,
    paragraf,
    tag,
)

KATA = muat(__file__)


def _sekretariat(doc, kode: str) -> None:
    """One level's introduction and its lists of tugas, wewenang and kewajiban."""
    para(doc, k.ISI, KATA[f"pengantar.{kode}"])
    for bagian in ("tugas", "wewenang", "kewajiban"):
        judul(doc, k.JUDUL_3, KATA[f"{bagian}.judul"])
        daftar_tetap(doc, KATA.baris(f"{bagian}.{kode}"))


def _tabel_sdm(doc) -> None:
    caption(doc, 1, KATA["sdm.caption"])
    tabel_data(doc, KATA, "tabel.sdm", ("for r in sdm.baris",), jumlah=True)


def _struktur(doc) -> None:
    """The Narasi's own words on the structure, else the level's sentence; then the chart box."""
    judul(doc, k.JUDUL_3, KATA["struktur.judul"], space_before=SETELAH_TABEL)
    tag(doc, "{%p if struktur.uraian %}")
    paragraf(doc, "struktur.uraian")
    tag(doc, "{%p else %}")
    per_tingkat(doc, lambda d, kode: para(d, k.ISI, KATA[f"struktur.{kode}"]))
    tag(doc, "{%p endif %}")
    para(doc, k.KOTAK_GAMBAR, isi("struktur.bagan"))


def _kendala(doc) -> None:
    para(doc, k.ISI, KATA["kendala"])
    daftar(doc, "kendala")


def _sistematika(doc) -> None:
    judul(doc, k.JUDUL_2, KATA["sistematika.judul"])
    para(doc, k.ISI, KATA["sistematika.pengantar"])
    for n, baris in enumerate(KATA.baris("sistematika"), start=1):
        nama, uraian = baris.split(": ", 1)
        para(doc, k.DAFTAR, f"{n}.", TAB, B(nama), f": {uraian}")


def bangun(doc) -> None:
    judul(doc, k.JUDUL_1, KATA.baris("judul"), page_break_before=False)
    judul(doc, k.JUDUL_2, KATA["latar_belakang.judul"])
    paragraf(doc, "latar_belakang")
    judul(doc, k.JUDUL_2, KATA["sekretariat.judul"])
    per_tingkat(doc, _sekretariat)
    para(doc, k.ISI, KATA["penutup"])
    judul(doc, k.JUDUL_2, KATA["struktur_sdm.judul"])
    judul(doc, k.JUDUL_3, KATA["sdm.judul"])
    paragraf(doc, "sdm.kalimat")
    jika(doc, "sdm.baris", _tabel_sdm)
    _struktur(doc)
    judul(doc, k.JUDUL_2, KATA["permasalahan.judul"])
    paragraf(doc, "permasalahan")
    jika(doc, "kendala", _kendala)
    _sistematika(doc)
