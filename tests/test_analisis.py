"""Tests of the Bab III analysis per sasaran (generator.report.bab3) and the Ikhtisar paragraph."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.report.bab3.analisis import analisis_sasaran, analisis_semua, kalimat_efisiensi, paragraf
from generator.report.awal.ikhtisar import ringkasan
from generator.report.skala import (
    BELUM_DIISI,
    TERCAPAI,
    TIDAK_TERCAPAI,
    deskripsi_skala,
    kategori_cetak,
    rentang_skala,
)
from generator.figures.capaian import hitung
from generator.format import persen, rupiah
from generator.model import (
    DEFAULT_SKALA,
    NEGATIF,
    RUMUS_2T_R,
    BarisAnggaran,
    DataLaporan,
    Identitas,
    Indikator,
    Kategori,
    Pengaturan,
    Sasaran,
)

D = Decimal
IDENTITAS = Identitas(
    instansi="Komisi Pemilihan Umum Kabupaten Contoh", nama_singkat="KPU Kabupaten Contoh",
    tahun=2024, periode_renstra="2020-2024", tempat="Langgur", tanggal=date(2025, 3, 13),
    jabatan_penandatangan="Sekretaris", nama_penandatangan="Nama Sekretaris",
)


def ind(nama: str, target: str, realisasi: str | None, satuan: str = "%", **kw) -> Indikator:
    return Indikator(nama, satuan, D(target), None if realisasi is None else D(realisasi), **kw)


def laporan(*sasaran: Sasaran, anggaran: tuple[BarisAnggaran, ...] = (),
            pengaturan: Pengaturan | None = None) -> DataLaporan:
    return DataLaporan(IDENTITAS, sasaran, anggaran, pengaturan=pengaturan or Pengaturan())


def analisis(data: DataLaporan, nomor: int = 1):
    hasil = hitung(data)
    return analisis_sasaran(hasil.sasaran[nomor - 1], data)


def satu(*indikator: Indikator, **kw):
    """Analysis of a report with one sasaran holding these indicators."""
    return analisis(laporan(Sasaran("Sasaran uji", indikator), **kw))


# --- parts present with their data, absent without -------------------------------------------


def test_parts_absent_without_data():
    a = satu(ind("A", "75", "77.29"))
    assert a.tahun_lalu is None
    assert a.renstra == ()
    assert a.standar == ()
    assert [p.paragraf for p in a.penjelasan] == [None]
    assert a.efisiensi is None
    assert a.program == ()


def test_parts_present_with_data():
    a = satu(
        ind("A", "75", "77.29", realisasi_lalu=((2023, D(75)),), target_renstra=D(80),
            standar_nasional=D(70), penjelasan="Sebab.", program_pendukung="Program X"),
        anggaran=(BarisAnggaran("RM", D(100), D(90), sasaran="Sasaran uji"),),
    )
    assert a.tahun_lalu is not None and len(a.tahun_lalu.baris) == 1
    assert [r.kode for r in a.renstra] == ["IK 1.1"]
    assert [r.kode for r in a.standar] == ["IK 1.1"]
    assert a.penjelasan[0].paragraf == ("Sebab.",)
    assert a.efisiensi is not None
    assert a.program == ("Program X",)


def test_only_indicators_with_data_get_rows():
    a = satu(ind("A", "75", "80"), ind("B", "3", "1", target_renstra=D(2), standar_nasional=D(2)))
    assert [r.kode for r in a.renstra] == ["IK 1.2"]
    assert [r.kode for r in a.standar] == ["IK 1.2"]


def test_codes_follow_the_sasaran_number():
    data = laporan(Sasaran("S1", (ind("A", "1", "1"),)), Sasaran("S2", (ind("B", "1", "1"),
                                                                     ind("C", "1", "1"))))
    semua = analisis_semua(data, hitung(data))
    assert [a.nomor for a in semua] == [1, 2]
    assert [b.kode for b in semua[1].target.baris] == ["IK 2.1", "IK 2.2"]
    assert [k for k, _ in hitung(data).berkode()] == ["IK 1.1", "IK 2.1", "IK 2.2"]


# --- part 1 and the summary ------------------------------------------------------------------


def test_target_rows_print_the_figures():
    a = satu(ind("Pelayanan", "75", "77.29"), ind("Laporan", "12", "11", satuan="Laporan"),
             ind("Belum", "2", None, satuan="Dokumen"))
    b1, b2, b3 = a.target.baris
    assert (b1.target, b1.realisasi, b1.capaian, b1.kategori, b1.status) == (
        "75%", "77,29%", "103,05", "Sangat Baik", TERCAPAI)
    assert (b2.target, b2.realisasi, b2.capaian, b2.status) == (
        "12 Laporan", "11 Laporan", "91,67", TIDAK_TERCAPAI)
    assert (b3.realisasi, b3.capaian, b3.kategori, b3.status) == ("-", "-", "-", BELUM_DIISI)
    # sasaran capaian: mean of 103,0533 and 91,6667, the blank one left out
    assert a.target.capaian == "97,36"
    assert a.target.kalimat.endswith("sebesar 97,36% dengan kategori Sangat Baik.")


def test_reference_sasaran_one():
    a = satu(ind("A", "100", "100"), ind("B", "100", "100"), ind("C", "75", "77.29"))
    assert a.target.capaian == "101,02"
    assert a.ringkasan.kalimat == (
        "Sasaran ini diukur dengan 3 (tiga) indikator kinerja. Semua indikator mencapai target.")
    assert (a.ringkasan.tercapai, a.ringkasan.tidak_tercapai) == (3, 0)


def test_summary_names_the_indicators_that_missed():
    a = satu(ind("Tepat waktu", "100", "100"), ind("Pelayanan", "80", "66"),
             ind("Laporan", "12", "11", satuan="Laporan"))
    r = a.ringkasan
    assert (r.jumlah, r.tercapai, r.tidak_tercapai, r.belum_diisi) == (3, 1, 2, 0)
    assert "Semua" not in r.kalimat
    assert "Sebanyak 1 (satu) indikator mencapai target, sedangkan 2 (dua) indikator belum " \
           "mencapai target, yaitu IK 1.2 (Pelayanan) dan IK 1.3 (Laporan)." in r.kalimat


def test_summary_when_none_met():
    r = satu(ind("A", "80", "40")).ringkasan
    assert r.kalimat.endswith("Tidak ada indikator yang mencapai target; sebanyak 1 (satu) "
                              "indikator belum mencapai target, yaitu IK 1.1 (A).")


def test_blank_realisasi_is_neither_met_nor_missed():
    r = satu(ind("A", "75", "80"), ind("B", "75", None)).ringkasan
    assert (r.tercapai, r.tidak_tercapai, r.belum_diisi) == (1, 0, 1)
    assert "Semua indikator mencapai target" not in r.kalimat
    # Issue 10 item 7: no brackets inside brackets ("(1 (satu))").
    assert "Semua indikator yang capaiannya dapat dihitung, yaitu 1 (satu) indikator, mencapai " \
           "target." in r.kalimat
    assert not re.search(r"\([^()]*\(", r.kalimat)
    assert "Realisasi 1 (satu) indikator belum diisi, yaitu IK 1.2 (B)." in r.kalimat


def test_all_blank():
    a = satu(ind("A", "75", None), ind("B", "75", None))
    assert a.ringkasan.kalimat == ("Sasaran ini diukur dengan 2 (dua) indikator kinerja. "
                                   "Realisasi semua indikator belum diisi.")
    assert a.target.capaian == "-"
    assert "belum dapat dihitung" in a.target.kalimat


def test_target_zero_is_named_apart():
    r = satu(ind("A", "0", "5"), ind("B", "10", "10")).ringkasan
    assert (r.tercapai, r.tanpa_capaian) == (1, 1)
    assert "karena targetnya 0, yaitu IK 1.1 (A)." in r.kalimat


def test_single_indicator_met():
    assert satu(ind("A", "1", "1")).ringkasan.kalimat.endswith("Indikatornya mencapai target.")


@given(st.lists(st.one_of(st.none(), st.integers(0, 150)), min_size=1, max_size=6))
def test_summary_never_contradicts_the_rows(realisasi):
    a = satu(*(ind(f"I{n}", "100", None if r is None else str(r))
               for n, r in enumerate(realisasi)))
    status = [b.status for b in a.target.baris]
    r = a.ringkasan
    assert r.tercapai == status.count(TERCAPAI)
    assert r.tidak_tercapai == status.count(TIDAK_TERCAPAI)
    assert r.belum_diisi == status.count(BELUM_DIISI)
    assert ("Semua indikator" in r.kalimat) == (r.tidak_tercapai == 0 and r.tercapai > 0
                                               and r.jumlah > 1)
    semua_kosong = r.belum_diisi == r.jumlah  # then "semua belum diisi", no names
    for b in a.target.baris:
        disebut = b.status == TIDAK_TERCAPAI or (b.status == BELUM_DIISI and not semua_kosong)
        assert (f"{b.kode} (" in r.kalimat) == disebut


# --- categories and the scale ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "desimal", "expected"),
    [
        ("103.05", 2, "Sangat Baik"),
        ("91", 2, "Sangat Baik"),
        ("90.996", 2, "Sangat Baik"),  # printed 91,00: never labelled below the >= 91 band
        ("90.994", 2, "Baik"),
        ("90.6", 0, "Sangat Baik"),  # printed 91
        ("76", 2, "Baik"),
        ("75.5", 2, "Cukup"),
        ("51", 2, "Kurang"),
        ("50.99", 2, "Sangat Kurang"),
        ("0", 2, "Sangat Kurang"),
    ],
)
def test_category_on_default_scale(nilai, desimal, expected):
    assert kategori_cetak(D(nilai), Pengaturan(desimal=desimal)) == expected


def test_category_none():
    assert kategori_cetak(None, Pengaturan()) == "-"


CUSTOM = (Kategori(D(95), "Istimewa"), Kategori(D("80.5"), "Memadai"),
          Kategori(D("-Infinity"), "Perlu Perbaikan"))


def test_category_on_custom_scale():
    atur = Pengaturan(skala_kategori=CUSTOM)
    assert kategori_cetak(D(96), atur) == "Istimewa"
    assert kategori_cetak(D("80.5"), atur) == "Memadai"
    assert kategori_cetak(D("80.49"), atur) == "Perlu Perbaikan"
    a = satu(ind("A", "100", "85"), pengaturan=atur)
    assert (a.target.baris[0].kategori, a.target.kategori) == ("Memadai", "Memadai")
    assert a.target.skala == "≥ 95 Istimewa; 80,5 s.d. < 95 Memadai; < 80,5 Perlu Perbaikan"


def test_default_scale_description():
    assert deskripsi_skala(DEFAULT_SKALA) == (
        "≥ 91 Sangat Baik; 76 s.d. < 91 Baik; 66 s.d. < 76 Cukup; 51 s.d. < 66 Kurang; "
        "< 51 Sangat Kurang")


def test_scale_with_finite_floor_and_unreachable_band():
    skala = (Kategori(D(90), "A"), Kategori(D(95), "Tak terjangkau"), Kategori(D(0), "B"))
    assert [(r.rentang, r.label) for r in rentang_skala(skala)] == [
        ("≥ 90", "A"), ("0 s.d. < 90", "B")]


def test_scale_of_one_open_band():
    assert deskripsi_skala((Kategori(D("-Infinity"), "Semua"),)) == "semua nilai Semua"


# --- part 2: earlier years -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indikator", "expected"),
    [
        (ind("A", "75", "77.29", realisasi_lalu=((2023, D(75)),)),
         "Realisasi IK 1.1 naik 2,29 poin persen, dari 75% pada tahun 2023 menjadi 77,29% pada "
         "tahun 2024; kinerjanya membaik."),
        (ind("A", "75", "70", realisasi_lalu=((2022, D(60)), (2023, D(75)))),
         "Realisasi IK 1.1 turun 5 poin persen, dari 75% pada tahun 2023 menjadi 70% pada "
         "tahun 2024; kinerjanya memburuk."),
        (ind("A", "3", "0.4", polaritas=NEGATIF, realisasi_lalu=((2023, D(1)),)),
         "Realisasi IK 1.1 turun 0,6 poin persen, dari 1% pada tahun 2023 menjadi 0,4% pada "
         "tahun 2024; kinerjanya membaik karena makin kecil realisasi makin baik."),
        (ind("A", "3", "2", polaritas=NEGATIF, realisasi_lalu=((2023, D("0.5")),)),
         "Realisasi IK 1.1 naik 1,5 poin persen, dari 0,5% pada tahun 2023 menjadi 2% pada "
         "tahun 2024; kinerjanya memburuk karena makin kecil realisasi makin baik."),
        (ind("A", "95", "95", realisasi_lalu=((2023, D("95.00")),)),
         "Realisasi IK 1.1 tetap 95% pada tahun 2023 dan 2024; kinerjanya tidak berubah."),
        (ind("A", "12", "11", satuan="Laporan", realisasi_lalu=((2023, D(12)),)),
         "Realisasi IK 1.1 turun 1 Laporan, dari 12 Laporan pada tahun 2023 menjadi 11 Laporan "
         "pada tahun 2024; kinerjanya memburuk."),
        (ind("A", "12", None, satuan="Laporan", realisasi_lalu=((2023, D(12)),)),
         "Realisasi IK 1.1 tahun 2024 belum diisi, sehingga belum dapat dibandingkan dengan "
         "realisasi tahun 2023 sebesar 12 Laporan."),
        # differences beyond the printed 4 decimals are no change
        (ind("A", "75", "75", realisasi_lalu=((2023, D("75.00001")),)),
         "Realisasi IK 1.1 tetap 75% pada tahun 2023 dan 2024; kinerjanya tidak berubah."),
    ],
)
def test_trend_sentence(indikator, expected):
    baris = satu(indikator).tahun_lalu.baris
    assert baris[0].kalimat == expected


def test_years_table_aligns_years_and_uses_current_target():
    a = satu(ind("A", "80", "88", realisasi_lalu=((2022, D(40)), (2023, D(80)))),
             ind("B", "75", "77.29", realisasi_lalu=((2023, D(75)),)),
             ind("C", "1", "1"))
    t = a.tahun_lalu
    assert t.tahun == (2022, 2023, 2024)
    assert [b.kode for b in t.baris] == ["IK 1.1", "IK 1.2"]
    a_nilai = [(n.tahun, n.realisasi, n.capaian) for n in t.baris[0].nilai]
    assert a_nilai == [(2022, "40%", "50,00"), (2023, "80%", "100,00"), (2024, "88%", "110,00")]
    b_nilai = [(n.tahun, n.realisasi, n.capaian) for n in t.baris[1].nilai]
    assert b_nilai == [(2022, "-", "-"), (2023, "75%", "100,00"), (2024, "77,29%", "103,05")]
    assert t.lalu == "2022 dan 2023"  # the template's note names the earlier years


def test_earlier_capaian_follow_the_negative_rule_and_cap():
    atur = Pengaturan(rumus_negatif=RUMUS_2T_R, batas_capaian=D(110))
    a = satu(ind("A", "4", "1", polaritas=NEGATIF, realisasi_lalu=((2023, D(5)),)),
             pengaturan=atur)
    assert [n.capaian for n in a.tahun_lalu.baris[0].nilai] == ["75,00", "110,00"]


# --- part 3: Renstra -------------------------------------------------------------------------


def test_renstra_positive_not_yet_met():
    r = satu(ind("A", "75", "77.29", target_renstra=D(80))).renstra[0]
    assert (r.realisasi, r.target_renstra, r.capaian, r.status) == (
        "77,29%", "80%", "96,61%", "Belum tercapai")
    assert r.kalimat == ("Target Renstra 2020-2024 untuk IK 1.1 sebesar 80%; realisasi tahun 2024 "
                         "sebesar 77,29% setara capaian 96,61% terhadap target tersebut, sehingga "
                         "target Renstra belum tercapai.")


def test_renstra_negative_met_and_missed():
    met = satu(ind("A", "3", "0.4", polaritas=NEGATIF, target_renstra=D(2))).renstra[0]
    assert (met.capaian, met.status) == ("100,00%", TERCAPAI)
    assert "target Renstra telah tercapai" in met.kalimat
    missed = satu(ind("A", "3", "2.5", polaritas=NEGATIF, target_renstra=D(2))).renstra[0]
    assert (missed.capaian, missed.status) == ("75,00%", "Belum tercapai")


def test_renstra_without_realisasi_or_with_target_zero():
    blank = satu(ind("A", "3", None, target_renstra=D(2))).renstra[0]
    assert (blank.capaian, blank.status) == ("-", BELUM_DIISI)
    assert "belum diisi" in blank.kalimat
    nol = satu(ind("A", "3", "4", target_renstra=D(0))).renstra[0]
    assert (nol.capaian, nol.status) == ("-", "-")
    assert "tidak dapat dihitung" in nol.kalimat


# --- part 4: national standard ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("polaritas", "realisasi", "standar", "posisi", "penilaian", "potongan"),
    [
        ("Positif", "77.29", "70", "Di atas", "Lebih baik",
         "berada di atas standar nasional 70% dengan selisih 7,29 poin persen; hasil ini lebih "
         "baik daripada standar nasional."),
        ("Positif", "60", "70", "Di bawah", "Lebih buruk", "lebih buruk daripada standar"),
        (NEGATIF, "0.4", "1", "Di bawah", "Lebih baik",
         "berada di bawah standar nasional 1% dengan selisih 0,6 poin persen; hasil ini lebih "
         "baik daripada standar nasional karena makin kecil realisasi makin baik."),
        (NEGATIF, "2", "1", "Di atas", "Lebih buruk", "lebih buruk daripada standar nasional"),
        (NEGATIF, "1", "1", "Sama", "Setara", "sebesar 1% sama dengan standar nasional 1%."),
    ],
)
def test_national_standard(polaritas, realisasi, standar, posisi, penilaian, potongan):
    s = satu(ind("A", "3", realisasi, polaritas=polaritas, standar_nasional=D(standar))).standar[0]
    assert (s.posisi, s.penilaian) == (posisi, penilaian)
    assert potongan in s.kalimat


def test_national_standard_other_unit_and_blank():
    s = satu(ind("A", "12", "11", satuan="Laporan", standar_nasional=D(9))).standar[0]
    assert s.selisih == "2 Laporan"
    blank = satu(ind("A", "12", None, standar_nasional=D(9))).standar[0]
    assert (blank.posisi, blank.penilaian, blank.selisih) == ("-", "-", "-")
    assert "belum diisi" in blank.kalimat


# --- parts 5 and 7 ---------------------------------------------------------------------------


def test_paragraphs():
    assert paragraf("Satu.\n\n  Dua.  \n") == ("Satu.", "Dua.")
    assert paragraf("  \n ") is None
    assert paragraf(None) is None


def test_penjelasan_per_indicator():
    a = satu(ind("A", "1", "1", penjelasan="Sebab pertama.\nSolusi kedua."), ind("B", "1", "1"))
    assert [(p.kode, p.paragraf) for p in a.penjelasan] == [
        ("IK 1.1", ("Sebab pertama.", "Solusi kedua.")), ("IK 1.2", None)]


def test_program_items_without_markers_and_duplicates():
    a = satu(ind("A", "1", "1", program_pendukung="1. Program Dukungan Manajemen\n- Bimtek KPPS"),
             ind("B", "1", "1", program_pendukung="• bimtek  kpps\n\na) Sosialisasi Pemilih"))
    assert a.program == ("Program Dukungan Manajemen", "Bimtek KPPS", "Sosialisasi Pemilih")


# --- part 6: efficiency ----------------------------------------------------------------------


def efisiensi(realisasi: str, pagu: str, belanja: str, nama_di_anggaran: str = "Sasaran uji"):
    baris = (BarisAnggaran("RM", D(pagu), D(belanja), uraian="Layanan", sasaran=nama_di_anggaran),
             BarisAnggaran("Hibah", D(999), D(1), sasaran="Sasaran lain"),
             BarisAnggaran("Hibah", D(999), D(1)))
    return satu(ind("A", "100", realisasi), anggaran=baris).efisiensi


def test_efficiency_above():
    e = efisiensi("101.02", "100000", "98500", nama_di_anggaran="  sasaran   UJI ")
    assert (e.pagu, e.realisasi, e.serapan, e.capaian, e.selisih) == (
        "Rp100.000", "Rp98.500", "98,50%", "101,02%", "+2,52")
    assert e.kalimat.startswith("Capaian kinerja sasaran ini 101,02% dengan serapan anggaran "
                                "98,50%: capaian melampaui serapan sebesar 2,52 poin persen")
    assert "efisien" in e.kalimat and "perlu ditingkatkan" not in e.kalimat
    assert [(b.uraian, b.serapan) for b in e.baris] == [("Layanan", "98,50%")]


def test_efficiency_equal_as_printed():
    e = efisiensi("99.996", "1000", "1000")  # capaian prints 100,00 like the serapan
    assert e.selisih == "0,00"
    assert e.kalimat == ("Capaian kinerja sasaran ini 100,00% dengan serapan anggaran 100,00%: "
                         "capaian sama dengan serapan, artinya hasil kinerja sebanding dengan "
                         "anggaran yang digunakan.")


def test_efficiency_below():
    e = efisiensi("90", "1000", "1000")
    assert e.selisih == "-10,00"
    assert "capaian lebih rendah 10,00 poin persen daripada serapan" in e.kalimat
    assert "perlu ditingkatkan" in e.kalimat


def test_efficiency_sums_the_lines_of_the_sasaran():
    baris = (BarisAnggaran("RM", D(300), D(300), sasaran="Sasaran uji"),
             BarisAnggaran("Hibah", D(700), D(600), uraian="Pemilihan", sasaran="SASARAN UJI"))
    e = satu(ind("A", "100", "100"), anggaran=baris).efisiensi
    assert (e.pagu, e.realisasi, e.serapan) == ("Rp1.000", "Rp900", "90,00%")
    assert [b.uraian for b in e.baris] == ["RM", "Pemilihan"]


def test_efficiency_without_capaian_or_pagu():
    assert "belum dapat dinilai" in efisiensi(None, "1000", "900").kalimat
    nol = efisiensi("100", "0", "0")
    assert (nol.serapan, nol.selisih) == ("-", "-")
    assert "tidak dapat dihitung" in nol.kalimat


def test_efficiency_sentence_uses_the_decimals():
    assert "melampaui serapan sebesar 2,5 poin persen" in \
        kalimat_efisiensi(D("101.04"), D("98.5"), desimal=1)


# --- Ikhtisar Eksekutif ----------------------------------------------------------------------


def referensi(**kw) -> DataLaporan:
    s1 = Sasaran("Sasaran 1", (ind("A", "100", "100"), ind("B", "100", "100"),
                               ind("C", "75", "77.29")))
    s2 = Sasaran("Sasaran 2", (ind("D", "95", "95"), ind("E", "3", "0.4", polaritas=NEGATIF)))
    anggaran = (BarisAnggaran("Rupiah Murni (APBN)", D(20350023000), D(20300000000)),
                BarisAnggaran("Hibah (APBD)", D(39798749000), D(39692385193)))
    return laporan(s1, s2, anggaran=anggaran, **kw)


def test_ringkasan_reference_year():
    data = referensi()
    teks = ringkasan(data, hitung(data))
    assert teks == (
        "Dalam Perjanjian Kinerja Tahun 2024, KPU Kabupaten Contoh menetapkan 2 (dua) sasaran "
        "strategis yang diukur dengan 5 (lima) indikator kinerja. Semua indikator mencapai "
        "target. Rata-rata capaian kinerja seluruh sasaran sebesar 100,51% dengan kategori "
        "Sangat Baik. Realisasi anggaran Tahun 2024 sebesar Rp59.992.385.193 dari pagu "
        "Rp60.148.772.000, atau 99,74%.")


def test_ringkasan_matches_the_computed_figures():
    data = referensi(pengaturan=Pengaturan(desimal=1))
    hasil = hitung(data)
    teks = ringkasan(data, hasil)
    assert f"sebesar {persen(hasil.capaian, 1)} dengan" in teks
    assert rupiah(hasil.anggaran.total.pagu) in teks
    assert re.search(r"100,5% dengan kategori", teks)


def test_ringkasan_with_misses_and_blanks():
    data = laporan(Sasaran("S1", (ind("A", "80", "66"), ind("B", "80", None))),
                   Sasaran("S2", (ind("C", "1", "1"),)))
    teks = ringkasan(data, hitung(data))
    assert "Semua" not in teks
    assert "Sebanyak 1 (satu) indikator mencapai target, sedangkan 1 (satu) indikator belum " \
           "mencapai target, yaitu IK 1.1 (A)." in teks
    assert "Realisasi 1 (satu) indikator belum diisi, yaitu IK 1.2 (B)." in teks
    assert "Realisasi anggaran" not in teks  # no budget lines


def test_ringkasan_without_any_capaian():
    data = laporan(Sasaran("S1", (ind("A", "80", None),)))
    assert "Rata-rata capaian kinerja belum dapat dihitung" in ringkasan(data, hitung(data))
