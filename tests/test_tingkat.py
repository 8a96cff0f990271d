"""Each level of KPU secretariat in its own words: Tingkat from Identitas or from Instansi."""

from __future__ import annotations

import pytest
from books import IDENTITAS, book
from dump import dump

from generator.errors import InputErrors
from generator.model import KABKOTA, PROVINSI, PUSAT, tingkat_dari_instansi
from generator.pipeline import build
from generator.reading.validate import load


@pytest.mark.parametrize(("instansi", "tingkat"), [
    ("Komisi Pemilihan Umum Kabupaten Maluku Tenggara", KABKOTA),
    ("KPU Kota Ambon", KABKOTA),
    ("KPU Kab. Bogor", KABKOTA),
    ("KPU Kabupaten Kotawaringin Barat", KABKOTA),  # "Kota" only as a word
    ("KIP Kabupaten Aceh Besar", KABKOTA),
    ("KPU Kota Administrasi Jakarta Pusat", KABKOTA),
    ("Komisi Pemilihan Umum Provinsi Kalimantan Timur", PROVINSI),
    ("Sekretariat KPU Provinsi Jawa Barat", PROVINSI),
    ("Komisi Independen Pemilihan Aceh", PROVINSI),
    ("KPU Daerah Istimewa Yogyakarta", PROVINSI),
    ("Komisi Pemilihan Umum", PUSAT),
    ("Komisi Pemilihan Umum Republik Indonesia", PUSAT),
    ("Sekretariat Jenderal Komisi Pemilihan Umum", PUSAT),
    ("KPU RI", PUSAT),
    ("Badan Penyelenggara Contoh", None),
])
def test_level_from_instansi(instansi, tingkat):
    assert tingkat_dari_instansi(instansi) == tingkat


def identitas(**nilai: str) -> list[list]:
    """The test workbook's Identitas with items replaced or added."""
    rows = [list(r) for r in IDENTITAS]
    for nama, value in nilai.items():
        nama = nama.replace("_", " ")
        for row in rows:
            if row[0] == nama:
                row[1] = value
                break
        else:
            rows.append([nama, value])
    return rows


PROVINSI_KALTIM = identitas(
    Instansi="Komisi Pemilihan Umum Provinsi Kalimantan Timur",
    Nama_Singkat="KPU Provinsi Kalimantan Timur", Tempat="Samarinda",
    Jabatan_Penandatangan="Sekretaris KPU Provinsi Kalimantan Timur")
NASIONAL = identitas(
    Instansi="Komisi Pemilihan Umum", Nama_Singkat="KPU", Tempat="Jakarta",
    Jabatan_Penandatangan="Sekretaris Jenderal Komisi Pemilihan Umum")


def report_text(tmp_path, rows) -> str:
    workbook = book(tmp_path, Identitas=rows)
    return dump(build(workbook, tmp_path / "laporan.docx", grafik=False).path)


def test_written_tingkat_overrides_instansi(tmp_path):
    rows = identitas(Instansi="Badan Penyelenggara Contoh", Tingkat="provinsi")
    assert load(book(tmp_path, Identitas=rows)).data.identitas.level == PROVINSI


@pytest.mark.parametrize(("ditulis", "tingkat"), [
    ("Pusat", PUSAT), ("Nasional", PUSAT), ("Kabupaten", KABKOTA), ("kota", KABKOTA),
    ("Kabupaten/Kota", KABKOTA),
])
def test_tingkat_spellings(tmp_path, ditulis, tingkat):
    rows = identitas(Tingkat=ditulis)
    assert load(book(tmp_path, Identitas=rows)).data.identitas.tingkat == tingkat


def test_unknown_tingkat_is_an_error(tmp_path):
    with pytest.raises(InputErrors) as caught:
        load(book(tmp_path, Identitas=identitas(Tingkat="Kecamatan")))
    assert [(i.ref, i.message) for i in caught.value.errors] == [
        ("'Identitas'!B10", 'Tingkat "Kecamatan" tidak dikenal; pilihan yang sah: Pusat, '
                            "Provinsi, Kabupaten/Kota")]


def test_untellable_instansi_is_a_warning_and_a_regency_report(tmp_path):
    loaded = load(book(tmp_path, Identitas=identitas(Instansi="Badan Penyelenggara Contoh")))
    assert loaded.data.identitas.level == KABKOTA
    assert [(i.ref, i.message) for i in loaded.warnings if i.code == "tingkat-unknown"] == [
        ("'Identitas'!B2", 'tingkat satker tidak dapat ditentukan dari Instansi "Badan '
                           'Penyelenggara Contoh"; laporan ditulis untuk Kabupaten/Kota. Bila '
                           "berbeda, isi Tingkat dengan Pusat atau Provinsi")]


def test_provincial_report_speaks_as_a_province(tmp_path):
    text = report_text(tmp_path, PROVINSI_KALTIM)
    assert ("Sebagai sekretariat KPU Provinsi, Sekretariat KPU Provinsi Kalimantan Timur "
            "mendukung kelancaran tugas dan wewenang KPU Provinsi Kalimantan Timur") in text
    assert "membantu pelaksanaan tugas KPU Provinsi dalam menyelenggarakan Pemilu;" in text
    assert "membantu perumusan dan penyusunan rancangan keputusan KPU Provinsi;" in text
    assert "mengelola barang inventaris KPU Provinsi." in text
    assert "membawahkan bagian-bagian dan subbagian-subbagian" in text
    # Without Jabatan Atasan, the PK is made with the Ketua of its own KPU.
    assert "dan Ketua KPU Provinsi Kalimantan Timur sebagai Pihak Kedua" in text
    assert "| Jabatan | : | Ketua KPU Provinsi Kalimantan Timur |" in text  # the PK agrees
    assert "SEKRETARIAT KOMISI PEMILIHAN UMUM" in text and "PROVINSI KALIMANTAN TIMUR" in text
    assert "kabupaten" not in text.lower()  # never a regency/city secretariat
    assert "tenaga pakar" not in text  # a power of the Sekretariat Jenderal only
    assert "yang diatur dalam Pasal 87 undang-undang tersebut" in text
    assert "membantu pelaksanaan tugas lainnya sesuai dengan" in text


def test_national_report_speaks_as_the_sekretariat_jenderal(tmp_path):
    text = report_text(tmp_path, NASIONAL)
    assert ("Sebagai unsur pendukung KPU di tingkat pusat, Sekretariat Jenderal KPU mengemban "
            "tugas, wewenang, dan kewajiban") in text
    assert "membantu perumusan dan penyusunan rancangan peraturan dan keputusan KPU;" in text
    # Pasal 86: the Sekretariat Jenderal's own tasks and powers, which the other levels lack.
    assert "tugas, wewenang, dan kewajiban yang diatur dalam Pasal 86 undang-undang" in text
    assert "memberikan bantuan hukum dan memfasilitasi penyelesaian sengketa Pemilu;" in text
    assert "membantu pelaksanaan sistem pengendalian internal; dan" in text
    assert "mengangkat tenaga pakar/ahli berdasarkan kebutuhan atas persetujuan KPU;" in text
    assert "pendistribusian" not in text  # a task of the provincial and regency secretariats
    assert "mengelola barang inventaris KPU." in text
    assert "Sekretariat Jenderal KPU dipimpin oleh Sekretaris Jenderal" in text
    assert "dan Ketua KPU sebagai Pihak Kedua" in text
    assert "| Jabatan | : | Ketua KPU |" in text and "[Jabatan Pihak Kedua]" not in text
    assert "[Sampul] SEKRETARIAT JENDERAL\n[Sampul] KOMISI PEMILIHAN UMUM\n" in text
    for wrong in ("Sebagai sekretariat KPU Kabupaten/Kota", "Sebagai sekretariat KPU Provinsi",
                  "tugas KPU Kabupaten/Kota", "inventaris KPU Kabupaten/Kota",
                  "Sekretariat KPU didukung", "Sekretariat KPU mengelola"):
        assert wrong not in text


def test_regency_report_keeps_its_own_words(tmp_path):
    text = report_text(tmp_path, identitas())
    assert "Sebagai sekretariat KPU Kabupaten/Kota, Sekretariat KPU Kabupaten Contoh" in text
    assert "mengelola barang inventaris KPU Kabupaten/Kota." in text
    assert "yang diatur dalam Pasal 88 undang-undang tersebut" in text
    assert "anggota DPR, DPD, Presiden dan Wakil Presiden, serta DPRD;" in text
    assert "Provinsi" not in text and "tenaga pakar" not in text
