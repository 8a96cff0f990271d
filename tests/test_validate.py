"""The corpus of broken workbooks: every problem reported at once, with its cell and exact words."""

from __future__ import annotations

from datetime import datetime

import pytest
from books import base_sheets, book, shared_string, write_book

from generator.errors import InputErrors
from generator.reading.validate import load

HEAD = ["Sasaran Strategis", "Indikator Kinerja", "Satuan", "Polaritas", "Target", "Realisasi"]


def _errors(path) -> list[str]:
    with pytest.raises(InputErrors) as caught:
        load(path)
    return [i.line() for i in caught.value.errors]


def _warnings(path) -> list[str]:
    return [i.line() for i in load(path).warnings]


def test_every_problem_of_kinerja_at_once(tmp_path):
    rows = [
        HEAD,
        [None, "Tanpa sasaran", "%", None, 10, 10],
        ["S1", "Teks angka", "%", None, "tujuh puluh lima", 70],
        [None, "Titik desimal", "%", None, 3, "0.4"],
        [None, "Rentang", "%", None, "80-90", 85],
        [None, "Target negatif", "%", None, -5, 1],
        [None, "Polaritas aneh", "%", "Naik", 5, 1],
        [None, "Tanpa satuan", None, None, 5, 1],
        [None, "Ganda", "%", None, 5, 5],
        [None, "ganda ", "%", None, 6, 6],
        [None, None, "%", None, 6, 6],
    ]
    assert _errors(book(tmp_path, Kinerja=rows)) == [
        "'Kinerja'!A2: indikator pertama belum punya Sasaran Strategis; isi kolom Sasaran "
        "Strategis pada baris ini",
        "'Kinerja'!E3: Target harus berupa angka, tertulis \"tujuh puluh lima\" (bukan angka)",
        "'Kinerja'!F4: Realisasi harus berupa angka, tertulis \"0.4\" (meragukan: titik adalah "
        "pemisah ribuan; gunakan koma untuk desimal, misalnya 0,4)",
        "'Kinerja'!E5: Target harus berupa angka, tertulis \"80-90\" (berupa rentang; isi satu "
        "angka saja)",
        "'Kinerja'!E6: Target tidak boleh negatif, tertulis -5",
        "'Kinerja'!D7: Polaritas \"Naik\" tidak dikenal; pilihan yang sah: Positif, Negatif",
        "'Kinerja'!C8: Satuan wajib diisi (mis. %, Laporan, Dokumen)",
        "'Kinerja'!B10: indikator \"ganda\" sudah ada pada sasaran \"S1\" (lihat 'Kinerja'!B9)",
        "'Kinerja'!B11: Indikator Kinerja wajib diisi pada baris yang berisi data",
    ]


def test_problems_across_sheets_are_all_reported(tmp_path):
    sheets = base_sheets()
    sheets["Identitas"][3][1] = "dua ribu"          # Tahun
    sheets["Identitas"][6][1] = "besok"             # Tanggal
    sheets["Identitas"].pop(5)                      # Tempat missing entirely
    sheets["Anggaran"][1][1] = -1000                # negative pagu
    sheets["Pengaturan"] = [["Isian", "Nilai"], ["Rumus Negatif", "terbalik"],
                            ["Ukuran Kertas", "Letter"], ["Desimal", 7]]
    assert _errors(write_book(tmp_path / "b.xlsx", sheets)) == [
        "'Identitas': Tempat wajib diisi",
        "'Identitas'!B4: Tahun harus berupa angka, tertulis \"dua ribu\" (bukan angka)",
        "'Identitas'!B6: Tanggal harus berupa tanggal (mis. 13 Maret 2025 atau 13/03/2025), "
        "tertulis \"besok\" (bukan tanggal; tulis misalnya 13/03/2025 atau 13 Maret 2025)",
        "'Anggaran'!B2: Pagu tidak boleh negatif, tertulis -1.000",
        "'Pengaturan'!B2: Rumus Negatif \"terbalik\" tidak dikenal; pilihan yang sah: "
        "100 jika tercapai, 2T-R, T/R",
        "'Pengaturan'!B3: Ukuran Kertas \"Letter\" tidak dikenal; pilihan yang sah: A4, F4",
        "'Pengaturan'!B4: Desimal harus 0 sampai 4, tertulis 7",
    ]


def test_excel_error_value(tmp_path):
    sheets = base_sheets()
    sheets["Kinerja"][1][5] = "#DIV/0!"
    assert _errors(write_book(tmp_path / "b.xlsx", sheets)) == [
        "'Kinerja'!F2: Realisasi berisi galat Excel #DIV/0!; perbaiki rumusnya",
    ]


def test_date_cell_where_number_belongs(tmp_path):
    sheets = base_sheets()
    sheets["Kinerja"][1][4] = datetime(2024, 3, 1)
    assert _errors(write_book(tmp_path / "b.xlsx", sheets)) == [
        "'Kinerja'!E2: Target harus berupa angka, tertulis 01/03/2024",
    ]


def test_renstra_jenis_must_be_known(tmp_path):
    sheets = base_sheets()
    sheets["Renstra"] = [["Jenis", "Uraian"], ["Visi", "Menjadi ..."], ["Slogan", "..."]]
    assert _errors(write_book(tmp_path / "b.xlsx", sheets)) == [
        "'Renstra'!A3: Jenis \"Slogan\" tidak dikenal; pilihan: Visi, Misi, Tujuan, IKU",
    ]


def test_warnings_do_not_stop_the_report(tmp_path):
    sheets = base_sheets()
    sheets["Kinerja"] += [[None, "Target nol", "Laporan", None, 0, 1],
                          [None, "Jauh di atas", "%", None, 10, 75],
                          [None, "Belum ada data", "%", None, 10, None]]
    sheets["Anggaran"][1][2] = 30000000000
    sheets["Daftar"] = [["Kelompok", "Uraian"], ["Kendala", "1. Kekurangan pegawai"],
                        ["Lainnya", "butir"]]
    sheets["Narasi"] = [["Bagian", "Teks"], ["Penutup", "TEKS"]]
    path = shared_string(write_book(tmp_path / "b.xlsx", sheets), "TEKS", "baris_x0007_ bel")
    warnings = _warnings(path)
    assert warnings == [
        "'Kinerja'!D3: Peringatan: ada indikator negatif tetapi Rumus Negatif belum dipilih di "
        "lembar Pengaturan; dipakai rumus bawaan \"100 jika tercapai\"",
        "'Kinerja'!E4: Peringatan: Target indikator \"Target nol\" bernilai 0",
        "'Kinerja'!F5: Peringatan: capaian indikator \"Jauh di atas\" 750,00 jauh di atas target; "
        "periksa Target dan Realisasinya",
        "'Kinerja'!F6: Peringatan: Realisasi indikator \"Belum ada data\" belum diisi; "
        "capaiannya ditulis \"-\" dan tidak ikut dirata-rata",
        "'Anggaran'!C2: Peringatan: Realisasi Rp30.000.000.000 melebihi pagu Rp20.350.023.000",
        "'Narasi'!B2: Peringatan: Teks memuat karakter kendali yang tidak dapat disimpan di Word; "
        "karakter itu dibuang",
        "'Daftar'!B2: Peringatan: nomor yang diketik di awal butir dibuang; nomor daftar dibuat "
        "otomatis",
        "'Daftar'!A3: Peringatan: Kelompok \"Lainnya\" tidak dikenal; pilihan: Capaian Penting, "
        "Tahapan Pemilu, Tahapan Pemilihan, Kegiatan, Kendala, Langkah Perbaikan; baris ini "
        "diabaikan",
    ]


def test_text_fields_keep_paragraphs_and_drop_control_characters(tmp_path):
    sheets = base_sheets()
    sheets["Narasi"] = [["Bagian", "Teks"], ["Penutup", "TEKS"]]
    path = shared_string(write_book(tmp_path / "b.xlsx", sheets), "TEKS",
                         "Satu &amp; &lt;dua&gt;_x000D_\n\nTiga_x0000_")
    data = load(path).data
    assert data.narasi["Penutup"] == ("Satu & <dua>", "Tiga")


def test_no_indicator_at_all(tmp_path):
    assert _errors(book(tmp_path, Kinerja=[HEAD])) == [
        "'Kinerja': belum ada indikator kinerja yang diisi",
    ]
