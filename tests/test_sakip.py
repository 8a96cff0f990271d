"""The figures of the Perjanjian Kinerja, the Rencana Aksi and the quarterly report."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal as D

import pytest
from level_books import provinsi_data, pusat_data
from sample_data import contoh_data

from generator import format as fmt
from generator.figures.capaian import hitung
from generator.model import KUMULATIF, PER_TRIWULAN, Triwulan
from generator.report import build
from generator.figures.sakip import perjanjian, rencana_aksi, triwulan
from generator.reading.triwulan import tahunan


def _table(pk) -> list[tuple[str, str, str, str]]:
    return [(str(s.nomor), s.nama, t.indikator.nama, fmt.nilai_satuan(t.target, t.indikator.satuan))
            for s in pk.sasaran for t in s.indikator]


def _lkj_table(context) -> list[tuple[str, str, str, str]]:
    return [(s["no"], s["nama"], i["nama"], i["target"])
            for s in context["pk"]["sasaran"] for i in s["indikator"]]


@pytest.mark.parametrize("data", [contoh_data, provinsi_data, pusat_data])
def test_lkj_lampiran_pk_equals_the_pk(data):
    d = data()
    context = build(d, hitung(d)).context
    pk = perjanjian(d)
    assert _lkj_table(context) == _table(pk)
    assert context["lampiran"]["pk"]["kedua"]["jabatan"]["teks"] == pk.kedua.jabatan
    assert context["lampiran"]["pk"]["pertama"]["nama"]["teks"] == pk.pertama.nama


def test_sample_pk():
    pk = perjanjian(contoh_data())
    assert (pk.tahun, pk.perubahan, pk.tanggal, pk.tempat) == (2024, False, date(2024, 1, 8), "Langgur")
    assert pk.pertama.jabatan == "Sekretaris Komisi Pemilihan Umum Kabupaten Maluku Tenggara"
    assert pk.kedua == dataclasses.replace(pk.kedua, jabatan="Ketua Komisi Pemilihan Umum "
                                           "Kabupaten Maluku Tenggara", nama=None)
    assert [t.kode for t in pk.berkode()] == ["IK 1.1", "IK 1.2", "IK 1.3", "IK 2.1", "IK 2.2"]
    assert [(p.nama, fmt.rupiah(p.pagu)) for p in pk.program] == [
        ("Program Dukungan Manajemen", "Rp12.850.023.000"),
        ("Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi", "Rp7.500.000.000"),
        ("Hibah Pemilihan Serentak Tahun 2024", "Rp39.798.749.000"),
    ]
    assert fmt.rupiah(pk.jumlah_pagu) == "Rp60.148.772.000"


def test_pk_second_party_per_level():
    assert perjanjian(pusat_data()).kedua.jabatan.startswith("Ketua")
    no_atasan = dataclasses.replace(contoh_data().identitas, jabatan_atasan=None)
    data = dataclasses.replace(contoh_data(), identitas=no_atasan)
    assert perjanjian(data).kedua.jabatan == "Ketua KPU Kabupaten Maluku Tenggara"


def _revised():
    data = contoh_data()
    s1 = data.sasaran[0]
    changed = dataclasses.replace(s1.indikator[2], target=D(78), target_awal=D(75))
    sasaran = (dataclasses.replace(s1, indikator=(*s1.indikator[:2], changed)), *data.sasaran[1:])
    line = dataclasses.replace(data.anggaran[0], pagu=D(13_000_000_000),
                               pagu_awal=data.anggaran[0].pagu)
    identitas = dataclasses.replace(data.identitas, tanggal_pk_perubahan=date(2024, 7, 1))
    return dataclasses.replace(data, identitas=identitas, sasaran=sasaran,
                               anggaran=(line, *data.anggaran[1:]))


def test_revised_pk_and_the_original():
    data = _revised()
    pk = perjanjian(data)
    assert (pk.perubahan, pk.tanggal, pk.tanggal_semula) == (True, date(2024, 7, 1), date(2024, 1, 8))
    ik13 = pk.berkode()[2]
    assert (ik13.target, ik13.target_semula) == (78, 75)
    assert pk.berkode()[0].target_semula is None  # unchanged
    assert (pk.program[0].pagu, pk.program[0].pagu_semula) == (13_000_000_000, 12_850_023_000)
    awal = perjanjian(data, awal=True)
    assert (awal.perubahan, awal.tanggal, awal.berkode()[2].target) == (False, date(2024, 1, 8), 75)
    assert awal.program[0].pagu == 12_850_023_000
    # The LKj measures against the latest PK: its table shows the revised target.
    assert ("IK 1.3", "78%") in [(t.kode, fmt.nilai_satuan(t.target, "%")) for t in pk.berkode()]
    assert _lkj_table(build(data, hitung(data)).context) == _table(pk)


def test_sample_quarters_add_up_to_the_year():
    data = contoh_data()
    for s in data.sasaran:
        for i in s.indikator:
            assert tahunan(i.angka, i.triwulan.target) == i.target, i.nama
            assert tahunan(i.angka, i.triwulan.realisasi) == i.realisasi, i.nama
    for b in data.anggaran:
        assert sum(b.realisasi_triwulan) == b.realisasi, b.uraian


def test_rencana_aksi_targets_to_date():
    data = contoh_data()
    ik11 = data.sasaran[0].indikator[0]
    counted = dataclasses.replace(ik11, satuan="Laporan", target=D(4),
                                  triwulan=Triwulan((D(1), D(0), D(2), D(1)), angka=PER_TRIWULAN))
    data = dataclasses.replace(data, sasaran=(
        dataclasses.replace(data.sasaran[0], indikator=(counted, *data.sasaran[0].indikator[1:])),
        *data.sasaran[1:]))
    ra = rencana_aksi(data)
    first = ra.sasaran[0][2][0]
    assert (first.kode, first.angka, first.target_sd) == ("IK 1.1", PER_TRIWULAN, (1, 1, 3, 4))
    ik13 = ra.sasaran[0][2][2]
    assert (ik13.angka, ik13.target_sd, ik13.kegiatan[0]) == (
        KUMULATIF, (60, 65, 70, 75), "Membuka layanan pindah memilih")


def test_second_quarter_report_of_the_sample():
    tw2 = triwulan(contoh_data(), 2)
    ik13 = tw2.berkode()[2]
    assert [fmt.angka(v, 2) for v in (ik13.titik.target, ik13.titik.realisasi,
                                       ik13.titik.capaian, ik13.titik.capaian_tahun)] == [
        "65,00", "68,00", "104,62", "90,67"]
    assert [t.ke for t in ik13.jalan] == [1, 2]
    assert fmt.angka(tw2.capaian, 2) == "100,77"
    assert [i.kode for i in tw2.tertinggal()] == []
    total = tw2.anggaran.total
    assert (fmt.rupiah(total.realisasi), fmt.persen(total.persen, 2)) == (
        "Rp21.640.241.000", "35,98%")  # the TW I + TW II columns of input/contoh.xlsx, by hand


def test_a_quarter_behind_plan():
    data = contoh_data()
    ik13 = data.sasaran[0].indikator[2]
    late = dataclasses.replace(ik13, triwulan=dataclasses.replace(
        ik13.triwulan, realisasi=(D(55), None, None, None)))
    data = dataclasses.replace(data, sasaran=(
        dataclasses.replace(data.sasaran[0], indikator=(*data.sasaran[0].indikator[:2], late)),
        *data.sasaran[1:]))
    tw1 = triwulan(data, 1)
    assert [i.kode for i in tw1.tertinggal()] == ["IK 1.3"]
    assert len(tw1.sesuai()) == 4


def test_quarter_out_of_range():
    with pytest.raises(ValueError):
        triwulan(contoh_data(), 5)
