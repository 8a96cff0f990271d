"""Quarterly columns: read in every spelling, held against the year's figures, computed exactly."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from books import base_sheets, write_book

from generator.figures.capaian import hitung_anggaran, sampai_dengan, titik_triwulan
from generator.errors import InputErrors
from generator.model import (
    KUMULATIF,
    NEGATIF,
    PER_TRIWULAN,
    BarisAnggaran,
    Indikator,
    Pengaturan,
    Triwulan,
)
from generator.reading.triwulan import tahunan
from generator.reading.validate import load

HEAD = ["Sasaran Strategis", "Indikator Kinerja", "Satuan", "Polaritas", "Target", "Realisasi",
        "Angka Triwulan", "Target TW I", "Target TW II", "Target TW III", "Target TW IV",
        "Realisasi TW I", "Realisasi TW II", "Realisasi TW III", "Realisasi TW IV"]


def _book(tmp_path, *rows, head=HEAD, anggaran=None):
    sheets = base_sheets()
    sheets["Kinerja"] = [head, *rows]
    if anggaran:
        sheets["Anggaran"] = anggaran
    return write_book(tmp_path / "b.xlsx", sheets)


def _messages(path) -> list[str]:
    with pytest.raises(InputErrors) as caught:
        load(path)
    return [f"{i.ref}: {i.message}" for i in caught.value.errors]


def test_quarterly_figures_that_add_up_to_the_year_are_read(tmp_path):
    path = _book(tmp_path,
                 ["S", "Persentase tahapan tepat waktu", "%", None, 100, 100, None,
                  25, 50, 75, 100, 30, 55, 80, 100],
                 [None, "Laporan keuangan terbit", "Laporan", None, 4, 4, None,
                  1, 1, 1, 1, 1, 1, 1, 1])
    loaded = load(path)
    persen, laporan = loaded.data.sasaran[0].indikator
    assert persen.angka == KUMULATIF and laporan.angka == PER_TRIWULAN
    assert persen.triwulan.target == (D(25), D(50), D(75), D(100))
    assert tahunan(persen.angka, persen.triwulan.target) == persen.target
    assert tahunan(laporan.angka, laporan.triwulan.target) == laporan.target == 4
    assert tahunan(laporan.angka, laporan.triwulan.realisasi) == laporan.realisasi
    assert [w.code for w in loaded.warnings] == []


def test_cumulative_target_must_end_at_the_years_target(tmp_path):
    path = _book(tmp_path, ["S", "Persentase A", "%", None, 100, None, None, 25, 25, 25, 25])
    assert _messages(path) == [
        "'Kinerja'!K2: Target TW IV 25 harus sama dengan Target tahunan 100, karena angka "
        "triwulan indikator ini Kumulatif (posisi s.d. triwulan); jumlah TW I-IV sama dengan "
        "target tahunan, jadi bila angkanya per triwulan, isi Angka Triwulan dengan Per Triwulan"]


def test_per_quarter_targets_must_add_up_to_the_years(tmp_path):
    path = _book(tmp_path, ["S", "Laporan A", "Laporan", None, 4, None, None, 1, 2, 3, 4])
    assert _messages(path) == [
        "'Kinerja'!K2: jumlah Target TW I-IV (1 + 2 + 3 + 4 = 10) harus sama dengan Target "
        "tahunan 4, karena angka triwulan indikator ini Per Triwulan; TW IV sama dengan target "
        "tahunan, jadi bila angkanya posisi s.d. triwulan, isi Angka Triwulan dengan Kumulatif"]


def test_stated_angka_wins_over_the_unit(tmp_path):
    path = _book(tmp_path, ["S", "Laporan A", "Laporan", None, 4, None, "Kumulatif", 1, 2, 3, 4],
                 ["S", "Persen B", "%", None, 100, None, "non kumulatif", 10, 20, 30, 40])
    a, b = load(path).data.sasaran[0].indikator
    assert (a.angka, b.angka) == (KUMULATIF, PER_TRIWULAN)


def test_unknown_angka_and_bad_numbers_are_named(tmp_path):
    path = _book(tmp_path, ["S", "A", "%", None, 100, None, "Bertahap", "seperempat", 50, 75, -1])
    assert _messages(path) == [
        "'Kinerja'!G2: Angka Triwulan \"Bertahap\" tidak dikenal; pilihan yang sah: Kumulatif, "
        "Per Triwulan",
        "'Kinerja'!H2: Target TW I harus berupa angka, tertulis \"seperempat\" (bukan angka)",
        "'Kinerja'!K2: Target TW IV tidak boleh negatif, tertulis -1",
    ]


def test_headers_in_other_spellings_and_twice(tmp_path):
    head = HEAD[:6] + ["Target Triwulan 1", "target tw.ii", "Target TW III", "Target TW 4"]
    loaded = load(_book(tmp_path, ["S", "A", "Laporan", None, 4, None, 1, 1, 1, 1], head=head))
    assert loaded.data.sasaran[0].indikator[0].triwulan.target == (D(1),) * 4
    twice = HEAD[:6] + ["Target TW I", "Target Triwulan I"]
    assert _messages(_book(tmp_path, ["S", "A", "Laporan", None, 4, None, 1, 1], head=twice)) == [
        "'Kinerja': kolom Target TW I tertulis dua kali ('Target TW I' dan 'Target Triwulan I'); "
        "hapus salah satunya"]


def test_quarterly_realisasi_differing_from_the_years_is_a_warning(tmp_path):
    path = _book(tmp_path, ["S", "Laporan A", "Laporan", None, 4, 4, None, 1, 1, 1, 1, 1, 1, 1, 0])
    warnings = [(w.ref, w.message) for w in load(path).warnings]
    assert warnings == [("'Kinerja'!O2", "jumlah Realisasi TW I-IV (1 + 1 + 1 + 0) 3 berbeda "
                         "dengan Realisasi tahunan 4; Laporan Kinerja memakai Realisasi tahunan")]


def test_budget_quarters(tmp_path):
    anggaran = [["Sumber Dana", "Pagu", "Realisasi", "Realisasi TW I", "Realisasi TW II",
                 "Realisasi TW III", "Realisasi TW IV"],
                ["RM", 1000, 900, 100, 200, 300, 300],
                ["RM", 1000, 900, 600, 600, None, None],
                ["Hibah", 500, 400, 100, 100, 100, 99]]
    loaded = load(_book(tmp_path, ["S", "A", "%", None, 100, 100], head=HEAD[:6],
                        anggaran=anggaran))
    assert loaded.data.anggaran[0].realisasi_triwulan == (D(100), D(200), D(300), D(300))
    assert [(w.code, w.ref) for w in loaded.warnings] == [
        ("quarter-over-pagu", "'Anggaran'!E3"), ("quarter-realisasi", "'Anggaran'!G4")]


def _indikator(target, realisasi, angka, target_tahun, polaritas="Positif"):
    return Indikator("A", "Laporan", D(target_tahun), None, polaritas=polaritas,
                     triwulan=Triwulan(tuple(D(v) if v is not None else None for v in target),
                                       tuple(D(v) if v is not None else None for v in realisasi),
                                       angka))


@pytest.mark.parametrize(("angka", "ke", "target", "realisasi", "capaian", "tahun"), [
    # Per Triwulan: to date is the sum so far.
    (PER_TRIWULAN, 1, "1", "1", "100", "25"),
    (PER_TRIWULAN, 2, "2", "3", "150", "75"),
    (PER_TRIWULAN, 4, "4", None, None, None),  # TW III blank: unknown to date
    # Kumulatif: to date is the quarter's own figure.
    (KUMULATIF, 2, "1", "2", "200", "50"),
])
def test_capaian_per_quarter_and_to_date(angka, ke, target, realisasi, capaian, tahun):
    i = _indikator([1, 1, 1, 1], [1, 2, None, 1], angka, 4)
    t = titik_triwulan(i, ke, Pengaturan())
    expect = [None if v is None else D(v) for v in (target, realisasi, capaian, tahun)]
    assert [t.target, t.realisasi, t.capaian, t.capaian_tahun] == expect


def test_capaian_to_date_of_a_lower_is_better_indicator():
    i = _indikator([3, 3, 3, 3], ["0.4", 5, None, None], KUMULATIF, 3, polaritas=NEGATIF)
    assert titik_triwulan(i, 1, Pengaturan()).capaian == 100
    assert titik_triwulan(i, 2, Pengaturan(rumus_negatif="2T-R")).capaian == D(100) / 3


def test_sampai_dengan_never_takes_blank_for_zero():
    values = (D(1), None, D(1), D(1))
    assert sampai_dengan(PER_TRIWULAN, values, 1) == 1
    assert sampai_dengan(PER_TRIWULAN, values, 3) is None
    assert sampai_dengan(KUMULATIF, values, 3) == 1


def test_budget_absorbed_to_date():
    lines = (BarisAnggaran("RM", D(1000), D(900), realisasi_triwulan=(D(100), D(200), D(300), D(300))),
             BarisAnggaran("RM", D(500), None, realisasi_triwulan=(D(50), None, None, None)),
             BarisAnggaran("Hibah", D(400), D(0), realisasi_triwulan=(D(0), D(0), D(0), D(0))))
    tw1 = hitung_anggaran(lines, 1)
    assert [(s.nama, s.jumlah.realisasi) for s in tw1.sumber] == [("RM", 150), ("Hibah", 0)]
    assert tw1.total.realisasi == 150 and tw1.total.persen == D(150) * 100 / 1900
    tw2 = hitung_anggaran(lines, 2)
    assert tw2.sumber[0].jumlah.realisasi is None and tw2.total.persen is None
    assert hitung_anggaran(lines).total.realisasi is None  # the year's: one line not filled


def test_quarters_survive_a_save_in_libreoffice(tmp_path):
    """Staff keep the workbook in Calc too: saved there, the sample reads back the same."""
    import subprocess

    from doctools import ROOT, soffice

    from generator.pipeline import check

    sample = ROOT / "input" / "contoh.xlsx"
    subprocess.run([soffice(), f"-env:UserInstallation=file://{(tmp_path / 'p').as_posix()}",
                    "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir",
                    str(tmp_path), str(sample)], check=True, capture_output=True, timeout=300)
    before, after = check(sample).loaded, check(tmp_path / "contoh.xlsx").loaded
    fields = [(i.triwulan, i.angka, i.rencana_aksi) for s in before.data.sasaran for i in s.indikator]
    assert fields == [(i.triwulan, i.angka, i.rencana_aksi)
                      for s in after.data.sasaran for i in s.indikator]
    assert [(b.realisasi_triwulan, b.program) for b in before.data.anggaran] == [
        (b.realisasi_triwulan, b.program) for b in after.data.anggaran]
    assert after.warnings == () and after.kesiapan.baris() == before.kesiapan.baris()
