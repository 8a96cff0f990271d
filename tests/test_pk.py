"""`lkj pk` and `lkj renaksi`: the Perjanjian Kinerja and the Rencana Aksi from the workbook,
on the sample and on a workbook of each level; the LKj's Lampiran PK is the PK's own table."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from books import write_book
from docx import Document
from doctools import ROOT, pdf_text, pdfinfo, to_pdf, validate_docx
from dump import dump
from level_books import _builder, provinsi_data, pusat_data
from test_kesiapan import january
from typer.testing import CliRunner

from generator.commands.cli import app
from generator.model import KUMULATIF, Triwulan
from generator.reading.triwulan import tahunan

runner = CliRunner()
SAMPLE = ROOT / "input" / "contoh.xlsx"
SASARAN_HEAD = ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]
PROGRAM_HEAD = ["No", "Program", "Anggaran"]


def _run(*args: str):
    result = runner.invoke(app, [str(a) for a in args])
    return result


def _tables(path: Path, head: list[str]) -> list[list[list[str]]]:
    """Every table whose first row is `head`, as rows of cell texts."""
    found = []
    for table in Document(str(path)).tables:
        rows = [[c.text.strip() for c in row.cells] for row in table.rows]
        if rows and rows[0] == head:
            found.append(rows)
    return found


def _quarters(data):
    """`data` with cumulative quarterly targets and realisasi ending at the year's, and
    activities."""
    def empat(v):
        return (None,) * 4 if v is None else (v / 4, v / 2, v * 3 / 4, v)

    def plan(i):
        return dataclasses.replace(i, triwulan=Triwulan(empat(i.target), empat(i.realisasi),
                                                        KUMULATIF),
                                   rencana_aksi=(f"Kegiatan pendukung {i.nama[:20]}",))
    sasaran = tuple(dataclasses.replace(s, indikator=tuple(plan(i) for i in s.indikator))
                    for s in data.sasaran)
    return dataclasses.replace(data, sasaran=sasaran)


def _book(data, path: Path) -> Path:
    from datetime import datetime

    wb = _builder().fill(data)
    for row in wb["Identitas"].iter_rows():  # a value tools/build_sample.py does not write
        if row[0].value == "Tanggal Perjanjian Kinerja Perubahan" and \
                data.identitas.tanggal_pk_perubahan:
            row[1].value = datetime.combine(data.identitas.tanggal_pk_perubahan,
                                            datetime.min.time())
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """The sample's PK, Rencana Aksi, second quarter's report and LKj, and each level's."""
    folder = tmp_path_factory.mktemp("pk")
    out = {}
    for name, book in (("contoh", SAMPLE),
                       ("provinsi", _book(_quarters(provinsi_data()), folder / "prov.xlsx")),
                       ("pusat", _book(_quarters(pusat_data()), folder / "pusat.xlsx"))):
        for kode, ke in (("pk", ()), ("renaksi", ()), ("triwulan", ("--ke", 2))):
            target = folder / f"{kode}-{name}.docx"
            result = _run(kode, book, "-o", target, *ke)
            assert result.exit_code == 0, result.output
            out[kode, name] = target
    lkj = folder / "lkj.docx"
    assert _run("buat", SAMPLE, "-o", lkj, "--tanpa-grafik").exit_code == 0
    out["lkj"] = lkj
    return out


def test_sample_pk_in_the_official_form(docs):
    text = dump(docs["pk", "contoh"])
    for expected in ("PERJANJIAN KINERJA TAHUN 2024", "selanjutnya disebut Pihak Pertama;",
                     "| Jabatan | : | Sekretaris Komisi Pemilihan Umum Kabupaten Maluku Tenggara |",
                     "| Jabatan | : | Ketua Komisi Pemilihan Umum Kabupaten Maluku Tenggara |",
                     "Langgur, 8 Januari 2024", "LAMPIRAN PERJANJIAN KINERJA TAHUN 2024",
                     "| Jumlah | Rp60.148.772.000 |"):
        assert expected in text, expected
    # the statement and the lampiran are both signed by both parties
    assert text.count("| Pihak Kedua, / KETUA KOMISI PEMILIHAN UMUM") == 2
    assert "PERUBAHAN" not in text


def test_lkj_lampiran_pk_is_the_pk_table(docs):
    """The LKj's Lampiran 2 prints the same sasaran, indicator, target and program rows."""
    for head in (SASARAN_HEAD, PROGRAM_HEAD):
        pk = _tables(docs["pk", "contoh"], head)
        assert len(pk) == 1 and len(pk[0]) > 2
        assert pk[0] == _tables(docs["lkj"], head)[-1]


@pytest.mark.parametrize(("level", "pertama", "kedua"), [
    ("provinsi", "Sekretaris Komisi Pemilihan Umum Provinsi Kalimantan Timur",
     "Ketua Komisi Pemilihan Umum Provinsi Kalimantan Timur"),
    ("pusat", "Sekretaris Jenderal Komisi Pemilihan Umum", "Ketua Komisi Pemilihan Umum"),
])
def test_pk_parties_per_level(docs, level, pertama, kedua):
    text = dump(docs["pk", level])
    assert f"| Jabatan | : | {pertama} |" in text
    assert f"| Jabatan | : | {kedua} |" in text
    sasaran = _tables(docs["pk", level], SASARAN_HEAD)[0]
    data = provinsi_data() if level == "provinsi" else pusat_data()
    assert len(sasaran) - 1 == sum(len(s.indikator) for s in data.sasaran)


def test_provinsi_pk_prints_the_nip_given(docs):
    assert "| NIP | : | 197203151998031004 |" in dump(docs["pk", "provinsi"])


@pytest.mark.parametrize("name", ["contoh", "provinsi", "pusat"])
def test_rencana_aksi_quarters_add_up_to_the_year(docs, name):
    """Each row's TW I-IV add up (cumulative: end) at the year's target printed beside them."""
    from generator.pipeline import check
    from generator.report.jenis import JENIS

    data = check(SAMPLE).loaded.data if name == "contoh" else _quarters(
        provinsi_data() if name == "provinsi" else pusat_data())
    context = JENIS["renaksi"].build(data, None).context
    rows = [i for s in context["renaksi"]["sasaran"] for i in s["indikator"]]
    indikator = [i for s in data.sasaran for i in s.indikator]
    assert len(rows) == len(indikator)
    for row, i in zip(rows, indikator, strict=True):
        assert tahunan(i.angka, i.triwulan.target) == i.target, i.nama
        assert row["target"] in dump(docs["renaksi", name])
    text = dump(docs["renaksi", name])
    assert "RENCANA AKSI TAHUN" in text and "TW IV" in text


def test_january_workbook_writes_the_pk_and_not_the_lkj(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = write_book(tmp_path / "buku.xlsx", january())
    pk = _run("pk", path)
    assert pk.exit_code == 0, pk.output
    written = sorted((tmp_path / "output").iterdir())
    assert [p.name[:3] for p in written] == ["PK-"]
    assert "Perjanjian Kinerja ditulis:" in pk.output
    buat = _run("buat", path)
    assert buat.exit_code == 1
    assert "buku.xlsx, 'Kinerja'!F2: Realisasi indikator \"Indikator A\" belum diisi" \
        in buat.output
    assert [p.name for p in (tmp_path / "output").iterdir()] == [written[0].name]


def test_revised_pk(tmp_path):
    data = pusat_data()
    first = data.sasaran[0].indikator[0]
    revised = dataclasses.replace(first, target_awal=first.target - D(5))
    sasaran = (dataclasses.replace(data.sasaran[0], indikator=(revised,
                                                               *data.sasaran[0].indikator[1:])),
               *data.sasaran[1:])
    identitas = dataclasses.replace(data.identitas, tanggal_pk_perubahan=date(2024, 7, 1))
    book = _book(dataclasses.replace(data, sasaran=sasaran, identitas=identitas),
                 tmp_path / "b.xlsx")
    result = _run("pk", book, "-o", tmp_path / "pk.docx")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Perjanjian Kinerja Perubahan ditulis:")
    text = dump(tmp_path / "pk.docx")
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2024" in text
    assert "Perjanjian ini mengubah Perjanjian Kinerja Tahun 2024" in text
    table = _tables(tmp_path / "pk.docx", ["No", "Sasaran Strategis", "Indikator Kinerja",
                                           "Target Semula", "Target"])[0]
    assert table[1][3] != table[1][4] and table[2][3] == table[2][4]


def test_templat_salin_and_periksa_per_document(tmp_path):
    target = tmp_path / "pk-saya.docx"
    salin = _run("templat", "salin", "--dokumen", "pk", target)
    assert salin.exit_code == 0, salin.output
    assert "lkj pk BUKU_KERJA.xlsx --templat" in salin.output
    assert _run("templat", "periksa", target).exit_code == 0
    wrong = _run("templat", "periksa", "--dokumen", "lkj", target)
    assert wrong.exit_code == 1
    assert "templat ini untuk Perjanjian Kinerja, bukan Laporan Kinerja" in wrong.output
    buat = _run("buat", SAMPLE, "--templat", target, "-o", tmp_path / "x.docx")
    assert buat.exit_code == 1 and not (tmp_path / "x.docx").exists()
    assert _run("templat", "salin", "--dokumen", "sk", tmp_path / "y.docx").exit_code == 2


@pytest.mark.parametrize("key", [("pk", "contoh"), ("pk", "provinsi"), ("pk", "pusat"),
                                 ("renaksi", "contoh"), ("renaksi", "pusat"),
                                 ("triwulan", "contoh"), ("triwulan", "provinsi"),
                                 ("triwulan", "pusat")])
def test_documents_pass_the_validator(docs, key):
    errors, output = validate_docx(docs[key])
    assert errors == 0, output


def test_pk_and_renaksi_render_in_libreoffice(docs, tmp_path):
    pk = to_pdf(docs["pk", "contoh"], tmp_path)
    assert "Pages:           2" in pdfinfo(pk)
    text = pdf_text(pk)
    assert "PERJANJIAN KINERJA TAHUN 2024" in text and "Rp60.148.772.000" in text
    renaksi = to_pdf(docs["renaksi", "pusat"], tmp_path)
    assert "RENCANA AKSI TAHUN 2024" in pdf_text(renaksi)
    assert "landscape" in pdfinfo(renaksi).lower() or _wider_than_tall(pdfinfo(renaksi))


def _wider_than_tall(info: str) -> bool:
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    width, height = (float(v) for v in size.split(":")[1].split("pts")[0].split(" x "))
    return width > height
