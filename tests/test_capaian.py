"""Tests of capaian, averages, categories and budget sums in generator.figures.capaian."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.figures.capaian import (
    HasilIndikator,
    Realisasi,
    capaian,
    hitung,
    hitung_anggaran,
    kategori,
    rata_rata,
)
from generator.format import angka, persen, rupiah
from generator.model import (
    DEFAULT_SKALA,
    NEGATIF,
    POSITIF,
    RUMUS_2T_R,
    RUMUS_T_R,
    RUMUS_TERCAPAI,
    BarisAnggaran,
    DataLaporan,
    Identitas,
    Indikator,
    Kategori,
    Pengaturan,
    Sasaran,
)
from generator.report.bab3.capaian import kalimat_rumus

D = Decimal
BAKU = Pengaturan()


def _atur(rumus: str = RUMUS_TERCAPAI, batas: str | None = None) -> Pengaturan:
    return Pengaturan(rumus_negatif=rumus, batas_capaian=None if batas is None else D(batas))


@pytest.mark.parametrize(
    ("target", "realisasi", "polaritas", "pengaturan", "expected"),
    [
        # positive: R / T x 100, uncapped by default
        ("75", "77.29", POSITIF, BAKU, D("77.29") * 100 / 75),
        ("100", "100", POSITIF, BAKU, D(100)),
        ("80", "66", POSITIF, BAKU, D("82.5")),
        ("75", "0", POSITIF, BAKU, D(0)),
        ("75", "77.29", POSITIF, _atur(batas="100"), D(100)),
        ("75", "77.29", POSITIF, _atur(batas="110"), D("77.29") * 100 / 75),
        ("50", "80", POSITIF, _atur(batas="120"), D(120)),
        ("0", "5", POSITIF, BAKU, None),
        ("75", None, POSITIF, BAKU, None),
        # negative, "100 jika tercapai" (the default)
        ("3", "0.4", NEGATIF, BAKU, D(100)),
        ("3", "3", NEGATIF, BAKU, D(100)),
        ("3", "4", NEGATIF, BAKU, D(200) / 3),
        ("3", "9", NEGATIF, BAKU, D(0)),
        # negative, 2T-R
        ("3", "0.4", NEGATIF, _atur(RUMUS_2T_R), D("5.6") * 100 / 3),
        ("3", "0.4", NEGATIF, _atur(RUMUS_2T_R, "110"), D(110)),
        ("3", "3", NEGATIF, _atur(RUMUS_2T_R), D(100)),
        ("3", "7", NEGATIF, _atur(RUMUS_2T_R), D(0)),
        # negative, T/R
        ("3", "0.4", NEGATIF, _atur(RUMUS_T_R), D(750)),
        ("3", "6", NEGATIF, _atur(RUMUS_T_R), D(50)),
        ("3", "0", NEGATIF, _atur(RUMUS_T_R), D(100)),
        ("3", "0", NEGATIF, _atur(RUMUS_T_R, "120"), D(120)),
        ("3", "0.4", NEGATIF, _atur(RUMUS_T_R, "120"), D(120)),
        # negative, target 0
        ("0", "0", NEGATIF, BAKU, D(100)),
        ("0", "1", NEGATIF, BAKU, D(0)),
        ("0", "0", NEGATIF, _atur(RUMUS_T_R), D(100)),
        ("3", None, NEGATIF, BAKU, None),
    ],
)
def test_capaian(target, realisasi, polaritas, pengaturan, expected):
    r = None if realisasi is None else D(realisasi)
    assert capaian(D(target), r, polaritas, pengaturan) == expected


def test_capaian_reference_indicator_prints_103_05():
    nilai = capaian(D("75"), D("77.29"), POSITIF, BAKU)
    assert str(nilai).startswith("103.05333")
    assert angka(nilai, 2) == "103,05"


@pytest.mark.parametrize(
    ("polaritas", "pengaturan"), [("positif", BAKU), (NEGATIF, _atur("T-R"))]
)
def test_capaian_refuses_unknown_rules(polaritas, pengaturan):
    with pytest.raises(ValueError):
        capaian(D(3), D(1), polaritas, pengaturan)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([D(100), D(100), D(300)], D(500) / 3),
        ([D(100), None, D(50)], D(75)),
        ([None, None], None),
        ([], None),
        ([D(0)], D(0)),
    ],
)
def test_rata_rata(values, expected):
    assert rata_rata(values) == expected


@pytest.mark.parametrize(
    ("nilai", "expected"),
    [
        (D("103.05"), "Sangat Baik"),
        (D(91), "Sangat Baik"),
        (D("90.99"), "Baik"),
        (D(76), "Baik"),
        (D(70), "Cukup"),
        (D(51), "Kurang"),
        (D(50), "Sangat Kurang"),
        (D(0), "Sangat Kurang"),
        (None, None),
    ],
)
def test_kategori(nilai, expected):
    assert kategori(nilai, DEFAULT_SKALA) == expected


def test_kategori_without_lowest_band():
    assert kategori(D(10), (Kategori(D(50), "Lulus"),)) is None


@pytest.mark.parametrize(
    ("pengaturan", "ada_negatif", "must", "must_not"),
    [
        (BAKU, False, ["realisasi dibagi target dikali 100", "indikator positif"], ["negatif"]),
        (BAKU, True, ["indikator negatif", "100 bila realisasi tidak melebihi target"],
         ["dibatasi"]),
        (_atur(RUMUS_2T_R), True, ["dua kali target dikurangi realisasi"], ["tidak melebihi"]),
        (_atur(RUMUS_T_R), True, ["target dibagi realisasi", "realisasi 0 capaian bernilai 100"],
         ["dibatasi"]),
        (_atur(batas="110"), True, ["Capaian dibatasi paling tinggi 110."], []),
        (_atur(batas="112.5"), False, ["paling tinggi 112,5."], ["negatif"]),
    ],
)
def test_kalimat_rumus(pengaturan, ada_negatif, must, must_not):
    kalimat = kalimat_rumus(pengaturan, ada_negatif)
    assert kalimat.startswith("Capaian dihitung") and kalimat.endswith(".")
    for bagian in must:
        assert bagian in kalimat
    for bagian in must_not:
        assert bagian not in kalimat


def _indikator(target: str, realisasi: str | None, polaritas: str = POSITIF, satuan: str = "%"):
    return Indikator(
        nama=f"Indikator {target}/{realisasi}",
        satuan=satuan,
        target=D(target),
        realisasi=None if realisasi is None else D(realisasi),
        polaritas=polaritas,
    )


@pytest.mark.parametrize(
    ("target", "realisasi", "polaritas", "expected"),
    [
        ("75", "77.29", POSITIF, True),
        ("75", "75", POSITIF, True),
        ("75", "74.99", POSITIF, False),
        ("3", "0.4", NEGATIF, True),
        ("3", "3", NEGATIF, True),
        ("3", "3.1", NEGATIF, False),
        ("0", "0", NEGATIF, True),
        ("0", "5", POSITIF, None),
        ("75", None, POSITIF, None),
    ],
)
def test_tercapai(target, realisasi, polaritas, expected):
    i = _indikator(target, realisasi, polaritas)
    hasil = HasilIndikator(i, capaian(i.target, i.realisasi, i.polaritas, BAKU))
    assert hasil.tercapai is expected


@pytest.mark.parametrize(
    ("pagu", "realisasi", "persen_", "sisa"),
    [
        ("1000", "997.4", D("99.74"), D("2.6")),
        ("1000", "1100", D(110), D(-100)),
        ("0", "0", None, D(0)),
    ],
)
def test_realisasi(pagu, realisasi, persen_, sisa):
    r = Realisasi(D(pagu), D(realisasi))
    assert r.persen == persen_
    assert r.sisa == sisa


# --- the reference year ------------------------------------------------------------------------

_RM = "Rupiah Murni (APBN)"
_APBD = "Hibah Pemilihan (APBD)"


def _data_referensi(pengaturan: Pengaturan = BAKU) -> DataLaporan:
    identitas = Identitas(
        instansi="Komisi Pemilihan Umum Kabupaten Maluku Tenggara",
        nama_singkat="KPU Kabupaten Maluku Tenggara",
        tahun=2024,
        periode_renstra="2020-2024",
        tempat="Langgur",
        tanggal=date(2025, 3, 13),
        jabatan_penandatangan="Sekretaris",
        nama_penandatangan="Penandatangan",
    )
    sasaran = (
        Sasaran("Sasaran 1", (
            _indikator("100", "100"), _indikator("100", "100"), _indikator("75", "77.29"),
        )),
        Sasaran("Sasaran 2", (_indikator("95", "95"), _indikator("3", "0.4", NEGATIF))),
    )
    anggaran = (
        BarisAnggaran(_RM, D("12000000000"), D("11900000000"), uraian="Dukungan manajemen"),
        BarisAnggaran(_APBD, D("39798749000"), D("39700000000")),
        BarisAnggaran(_RM, D("8350023000"), D("8300000000"), uraian="Penyelenggaraan"),
    )
    return DataLaporan(identitas, sasaran, anggaran, pengaturan=pengaturan)


def test_hitung_reference_capaian():
    hasil = hitung(_data_referensi())
    pertama, kedua = hasil.sasaran
    assert [angka(h.capaian, 2) for h in pertama.indikator] == ["100,00", "100,00", "103,05"]
    assert angka(pertama.capaian, 2) == "101,02"
    assert [h.capaian for h in kedua.indikator] == [D(100), D(100)]
    assert kedua.capaian == D(100)
    assert angka(hasil.capaian, 2) == "100,51"
    assert all(h.tercapai for s in hasil.sasaran for h in s.indikator)


def test_hitung_reference_budget():
    anggaran = hitung(_data_referensi()).anggaran
    assert [s.nama for s in anggaran.sumber] == [_RM, _APBD]
    rm, apbd = anggaran.sumber
    assert [b.uraian for b, _ in rm.baris] == ["Dukungan manajemen", "Penyelenggaraan"]
    assert rupiah(rm.jumlah.pagu) == "Rp20.350.023.000"
    assert rupiah(apbd.jumlah.pagu) == "Rp39.798.749.000"
    assert rupiah(anggaran.total.pagu) == "Rp60.148.772.000"
    assert anggaran.total.realisasi == D("59900000000")
    assert persen(anggaran.total.persen) == "99,59%"


def test_hitung_with_cap_and_missing_realisasi():
    data = _data_referensi(_atur(batas="100"))
    tambahan = Sasaran("Sasaran 3", (_indikator("10", None),))
    data = dataclasses.replace(data, sasaran=(*data.sasaran, tambahan))
    hasil = hitung(data)
    assert [s.capaian for s in hasil.sasaran] == [D(100), D(100), None]
    assert hasil.capaian == D(100)  # the sasaran without capaian is left out of the mean


def test_hitung_empty_budget():
    anggaran = hitung_anggaran(())
    assert anggaran.sumber == ()
    assert anggaran.total == Realisasi(D(0), D(0))
    assert anggaran.total.persen is None


def test_results_are_frozen():
    hasil = hitung(_data_referensi())
    with pytest.raises(dataclasses.FrozenInstanceError):
        hasil.capaian = D(0)  # type: ignore[misc]


# --- properties ------------------------------------------------------------------------------

_uang = st.decimals(min_value=0, max_value=10**13, places=2)
_angka = st.decimals(min_value=0, max_value=10**6, places=4)
_target = st.decimals(min_value=D("0.01"), max_value=10**6, places=4)
_polaritas = st.sampled_from((POSITIF, NEGATIF))
_rumus = st.sampled_from((RUMUS_TERCAPAI, RUMUS_2T_R, RUMUS_T_R))


@given(st.lists(st.tuples(st.sampled_from(("A", "B", "C")), _uang, _uang), max_size=20))
def test_budget_totals_equal_sum_of_lines(rows):
    baris = [BarisAnggaran(s, p, r) for s, p, r in rows]
    anggaran = hitung_anggaran(baris)
    assert anggaran.total.pagu == sum((b.pagu for b in baris), D(0))
    assert anggaran.total.realisasi == sum((b.realisasi for b in baris), D(0))
    assert sum(len(s.baris) for s in anggaran.sumber) == len(baris)
    for s in anggaran.sumber:
        assert s.jumlah.pagu == sum((r.pagu for _, r in s.baris), D(0))
        assert all(b.sumber == s.nama for b, _ in s.baris)
    urutan = list(dict.fromkeys(b.sumber for b in baris))
    assert [s.nama for s in anggaran.sumber] == urutan


@given(_target, _angka, _polaritas, _rumus, st.sampled_from(("100", "110", "120")))
def test_capaian_never_exceeds_cap(target, realisasi, polaritas, rumus, batas):
    nilai = capaian(target, realisasi, polaritas, _atur(rumus, batas))
    assert nilai is not None
    assert D(0) <= nilai <= D(batas)


@given(_target, _angka, _rumus)
def test_negative_capaian_is_100_or_more_exactly_when_met(target, realisasi, rumus):
    nilai = capaian(target, realisasi, NEGATIF, _atur(rumus))
    assert (nilai >= 100) == (realisasi <= target)


@given(st.lists(st.one_of(st.none(), _angka), max_size=10))
def test_rata_rata_lies_between_min_and_max(values):
    ada = [v for v in values if v is not None]
    mean = rata_rata(values)
    if not ada:
        assert mean is None
    else:
        assert min(ada) <= mean <= max(ada)
