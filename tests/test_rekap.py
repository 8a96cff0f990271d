"""`lkj rekap FOLDER`: every figure equals the one in that satker's own report; shared indicators
found however staff typed them; years and levels kept apart; Excel as staff expect; Word valid."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from decimal import Decimal

import openpyxl
import pytest
from doctools import pdf_text, to_pdf, validate_docx
from dump import dump
from folder_books import EJAAN, HAMPIR, NASIONAL
from typer.testing import CliRunner

from generator import format as fmt
from generator.commands.cli import app
from generator.commands.folder import buat_banyak
from generator.rekap.cocok import kunci

runner = CliRunner()
KEPALA = 5  # the header row of every rekap table


@pytest.fixture(scope="module")
def dibuat(folder_uji, tmp_path_factory):
    """The rekap as Excel and as Word, and every satker's own report (without charts)."""
    out = tmp_path_factory.mktemp("rekap")
    xlsx = runner.invoke(app, ["rekap", str(folder_uji.path), "-o", str(out / "rekap.xlsx"),
                               "--proses", "2"])
    docx = runner.invoke(app, ["rekap", str(folder_uji.path), "-o", str(out / "rekap.docx"),
                               "--proses", "1"])
    laporan = out / "laporan"
    jalan = buat_banyak(list(folder_uji.baik), laporan, grafik=False, proses=1)
    teks = {(b.hasil.checked.loaded.data.identitas.nama_singkat,
             b.hasil.checked.loaded.data.identitas.tahun): dump(b.laporan) for b in jalan.baris}
    return xlsx, docx, out, teks


def _lembar(wb, awal: str) -> list:
    return [ws for ws in wb.worksheets if ws.title.startswith(awal)]


def _baris(ws) -> list[dict]:
    kepala = [c.value for c in ws[KEPALA]]
    return [dict(zip(kepala, (c.value for c in row), strict=True))
            for row in ws.iter_rows(min_row=KEPALA + 1) if row[0].value is not None]


def _teks(value, desimal: int = 2) -> str:
    """A cell's number as the report prints it."""
    return fmt.angka(Decimal(repr(value)), desimal)


def _capaian_ik(report: str) -> dict[str, str]:
    """Each indicator's capaian in the report's Bab III tables (kode -> printed capaian)."""
    rows = re.findall(r"^\| (IK \d+\.\d+) \| .* \| .* \| .* \| ([\d.,]+|-) \| "
                      r"(?:Sangat Baik|Baik|Cukup|Kurang|Sangat Kurang|-) \|$", report, re.M)
    return dict(rows)


def test_rekap_exits_1_naming_the_broken_workbooks(dibuat, folder_uji):
    xlsx, docx, out, _ = dibuat
    for result, name in ((xlsx, "rekap.xlsx"), (docx, "rekap.docx")):
        assert result.exit_code == 1
        assert "Traceback" not in result.output
        assert result.stderr.splitlines()[-1] == (
            f"Galat: 2 dari 10 buku kerja bermasalah (lihat di atas); rekap 8 satker ditulis: "
            f"{out / name}")
        for broken in folder_uji.rusak:
            assert f"{broken.name}:" in result.stderr.splitlines()


def test_every_figure_equals_the_satkers_own_report(dibuat):
    _, _, out, teks = dibuat
    wb = openpyxl.load_workbook(out / "rekap.xlsx")
    checked = 0
    for ws in _lembar(wb, "Ringkasan"):
        for row in _baris(ws):
            report = teks[(row["Satker"], row["Tahun"])]
            assert (f"| Capaian kinerja organisasi (rata-rata) | {_teks(row['Capaian rata-rata'])} |"
                    in report), row["Satker"]
            assert (f"Realisasi anggaran Tahun {row['Tahun']} sebesar "
                    f"{fmt.rupiah(Decimal(row['Realisasi (Rp)']))} dari pagu "
                    f"{fmt.rupiah(Decimal(row['Pagu (Rp)']))}, atau "
                    f"{_teks(row['Serapan (%)'])}%.") in report, row["Satker"]
            capaian = _capaian_ik(report)
            kode = row["Indikator terendah"].split(":")[0]
            assert capaian[kode] == _teks(row["Capaian terendah"])
            lowest = min(Decimal(v.replace(".", "").replace(",", ".")) for v in capaian.values())
            assert Decimal(repr(row["Capaian terendah"])) == lowest
            checked += 1
    assert checked == 8


def test_every_shared_indicator_figure_equals_the_report(dibuat):
    _, _, out, teks = dibuat
    wb = openpyxl.load_workbook(out / "rekap.xlsx")
    sheets = [ws for ws in wb.worksheets if ws.title.startswith("Indikator ")
              and not ws.title.startswith("Indikator Bersama")]
    assert sheets
    for ws in sheets:
        for row in _baris(ws):
            report = teks[(row["Satker"], 2024)]
            assert _capaian_ik(report)[row["Kode"]] == _teks(row["Capaian"]), (ws.title, row)


def test_shared_indicators_are_found_however_they_were_typed(dibuat):
    _, _, out, _ = dibuat
    wb = openpyxl.load_workbook(out / "rekap.xlsx")
    shared = {row["Indikator"]: row for row in _baris(wb["Indikator Bersama 2024 KabKota"])}
    assert shared[NASIONAL]["Satker"] == 6  # typed three ways by six kabupaten
    detail = wb[shared[NASIONAL]["Lembar"]]
    typed = {" ".join(name.split()) for name in (NASIONAL, *EJAAN)}  # lkj reads one space
    assert {r["Indikator (seperti ditulis)"] for r in _baris(detail)} == typed
    assert detail["A3"].value.startswith("Ditulis juga sebagai: ")
    # One kabupaten worded an indicator differently: it is its own, not the national one.
    pemilih = next(name for name in shared if name.endswith(HAMPIR[0]))
    assert shared[pemilih]["Satker"] == 5
    assert not any(HAMPIR[1] in name for name in shared)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Persentase  KPU Kab/Kota yang tepat waktu.", "persentase KPU kab. kota yang Tepat Waktu", True),
    ("Jumlah Laporan Keuangan", "jumlah laporan-keuangan", True),
    ("Persentase pelayanan terhadap pemilih", "Persentase layanan terhadap pemilih", False),
    ("Persentase pemilih pemula", "Persentase pemilih pemula (baru)", False),
])
def test_names_differ_only_by_case_spacing_and_punctuation(a, b, same):
    assert (kunci(a, "%") == kunci(b, "persen")) is same


def test_unit_keeps_indicators_apart():
    assert kunci("Jumlah laporan", "Laporan") != kunci("Jumlah laporan", "%")


def test_years_and_levels_are_kept_apart_and_said_plainly(dibuat):
    xlsx, _, out, _ = dibuat
    wb = openpyxl.load_workbook(out / "rekap.xlsx")
    assert [ws.title for ws in _lembar(wb, "Ringkasan")] == [
        "Ringkasan 2024 Prov", "Ringkasan 2024 KabKota", "Ringkasan 2023 KabKota"]
    assert "berasal dari 2 tahun (2023 dan 2024); setiap tahun disajikan terpisah" in xlsx.stdout
    assert "berasal dari 2 tingkat (KPU Provinsi dan KPU Kabupaten/Kota)" in xlsx.stdout
    assert "setiap tahun disajikan terpisah" in wb["Ringkasan 2024 KabKota"]["A4"].value


def test_excel_is_formatted_as_staff_expect(dibuat):
    _, _, out, _ = dibuat
    wb = openpyxl.load_workbook(out / "rekap.xlsx")
    ws = wb["Ringkasan 2024 KabKota"]
    assert ws.freeze_panes == "C6"
    assert ws.auto_filter.ref == "A5:P11"
    assert ws["H6"].number_format == "[$-421]#,##0.00"
    assert ws["K6"].number_format == '[$-421]"Rp"#,##0'
    rules = {r.sqref: r.rules[0].formula for r in ws.conditional_formatting}
    assert rules[next(s for s in rules if str(s).startswith("H6"))] == ["100"]
    assert len(wb["Grafik Capaian 2024 KabKota"]._charts) == 2
    masalah = _baris(wb["Masalah"])
    target = next(r for r in masalah if r["Berkas"] == "rusak-target.xlsx")
    assert (target["Jenis"], target["Tempat"]) == ("galat", "'Kinerja'!E3")
    assert any(r["Berkas"] == "rusak-bukan-xlsx.xlsx" for r in masalah)


def test_a_rekap_is_replaced_but_never_one_edited_by_hand(folder_uji, tmp_path):
    target = tmp_path / "rekap.xlsx"
    args = ["rekap", *map(str, folder_uji.baik[1:3]), "-o", str(target), "--proses", "1"]
    assert runner.invoke(app, args).exit_code == 0
    assert runner.invoke(app, args).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rekap.xlsx"]
    wb = openpyxl.load_workbook(target)
    wb["Masalah"]["A1"] = "Catatan kepala bagian"
    wb.save(target)
    again = runner.invoke(app, args)
    assert "rekap.xlsx sudah disunting, jadi tidak ditimpa; rekap baru ditulis sebagai " \
           "rekap-2.xlsx" in again.stdout
    assert openpyxl.load_workbook(target)["Masalah"]["A1"].value == "Catatan kepala bagian"


def test_word_rekap_is_valid_and_shows_the_same_figures(dibuat):
    _, _, out, teks = dibuat
    errors, output = validate_docx(out / "rekap.docx")
    assert errors == 0, output
    text = dump(out / "rekap.docx")
    ranked = re.findall(r"^\| (\d+) \| ((?:KIP|KPU) [^|]+?) \| ([\d.,]+) \| ([\d.,]+|-) \| "
                        r"([\d.,]+) \| \d+ \|$", text, re.M)
    assert len(ranked) == 8
    for _rank, satker, capaian, _, _ in ranked:
        report = next(t for (nama, _), t in teks.items() if nama == satker and capaian in t)
        assert f"| Capaian kinerja organisasi (rata-rata) | {capaian} |" in report
    assert "[Heading 2] D.\tBuku Kerja yang Masih Bermasalah" in text
    assert "rusak-target.xlsx: 1 galat" in text
    with zipfile.ZipFile(out / "rekap.docx") as archive:
        charts = [n for n in archive.namelist() if re.match(r"word/charts/chart\d+\.xml$", n)]
    assert len(charts) == 2  # the 2024 kabupaten: capaian per satker, shared indicators


def test_word_rekap_opens_in_libreoffice(dibuat, tmp_path):
    _, _, out, _ = dibuat
    text = pdf_text(to_pdf(out / "rekap.docx", tmp_path))
    assert "REKAPITULASI LAPORAN KINERJA" in text
    assert "Peringkat Capaian Kinerja KPU Kabupaten/Kota Tahun 2024" in text


def _hasil(nama: str, realisasi: str, berkas: str):
    """A checked workbook of the sample, under another name and with IK 1.3's realisasi."""
    import dataclasses

    from sample_data import contoh_data

    from generator.figures.capaian import hitung
    from generator.commands.folder import Hasil
    from generator.pipeline import Checked
    from generator.reading.validate import Loaded

    data = contoh_data()
    s1 = data.sasaran[0]
    ik = dataclasses.replace(s1.indikator[2], realisasi=Decimal(realisasi))
    data = dataclasses.replace(
        data, identitas=dataclasses.replace(data.identitas, nama_singkat=nama),
        sasaran=(dataclasses.replace(s1, indikator=(*s1.indikator[:2], ik)), *data.sasaran[1:]))
    return Hasil(Path(berkas), checked=Checked(Loaded(data, (), None), hitung(data)))


def test_equal_printed_capaian_share_a_rank_and_a_satker_twice_is_named():
    from generator.rekap import susun

    rekap = susun([_hasil("KPU Kota A", "77.29", "a.xlsx"), _hasil("KPU Kota B", "77.2901", "b.xlsx"),
                   _hasil("KPU Kota C", "70", "c.xlsx"), _hasil("KPU Kota C", "70", "c (1).xlsx")])
    (kelompok,) = rekap.kelompok
    assert [(s.nama, s.peringkat) for s in kelompok.satker] == [
        ("KPU Kota A", 1), ("KPU Kota B", 1), ("KPU Kota C", 3), ("KPU Kota C", 3)]
    ganda = [m for m in rekap.masalah if "ada di 2 buku kerja" in m.pesan]
    assert [m.berkas for m in ganda] == ["c.xlsx", "c (1).xlsx"]
    assert "1 satker tercantum lebih dari sekali untuk tahun yang sama" in rekap.catatan[-1]


def test_committed_rekap_template_is_what_its_builder_makes(tmp_path):
    import subprocess
    import sys

    from doctools import ROOT

    fresh = tmp_path / "rekap.docx"
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_rekap_template.py"), str(fresh)],
                   check=True, capture_output=True)
    assert fresh.read_bytes() == (ROOT / "templates" / "rekap.docx").read_bytes(), \
        "templates/rekap.docx is stale: run python tools/build_rekap_template.py"


def test_many_satker_are_drawn_as_their_spread():
    from generator.rekap import Kelompok, Satker
    from generator.rekap.word import SATKER_MAKS, grafik_satker

    def satker(n: int) -> Satker:
        return Satker(Path(f"{n}.xlsx"), f"KPU Kota {n}", "", "Kabupaten/Kota", 2024, 2, 1, (),
                      Decimal(78) + Decimal(n) / 2, Decimal(1), Decimal(1), Decimal(100), ())

    few = Kelompok(2024, "Kabupaten/Kota", tuple(satker(n) for n in range(SATKER_MAKS)), ())
    many = Kelompok(2024, "Kabupaten/Kota", tuple(satker(n) for n in range(60)), ())
    assert grafik_satker(few)[0]["gambar"].kategori[0] == "Kota 0"
    (spread,) = grafik_satker(many)
    counts = spread["gambar"].seri[0].nilai
    assert spread["gambar"].kategori[0] == "< 80" and sum(counts) == 60
    assert counts == (4, 20, 10, 10, 10, 6)  # 78, 78,5, ... 107,5 in bands of 80/90/95/100/105
