"""Templates and reports are input too: every damaged or hostile .docx gets one Indonesian line
naming the file and its part, exit 1, and nothing written; none reaches python-docx."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from docx_rusak import (
    CT,
    DOC_RELS,
    LAUGHS,
    doctype,
    drop_rel,
    flip_bytes,
    inflating,
    rewrite,
)
from typer.testing import CliRunner

from generator.files import paket_docx
from generator.commands.cli import app
from generator.errors import LkjError
from generator.pipeline import build, short_name
from generator.writing.render import default_template

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "input" / "contoh.xlsx"
runner = CliRunner()
# What a library says must never reach the user.
LIBRARY_TEXT = ("Traceback", "Error -3", "There is no item", "Package not found", "KeyError",
                "not a Word file", "content type", "XMLSyntaxError", "lxml", "zlib",
                "NotImplementedError", "line 1", "column")
MIB = 1024 * 1024


@pytest.fixture(scope="module")
def laporan(tmp_path_factory) -> Path:
    """The sample report, made once for the module."""
    folder = tmp_path_factory.mktemp("laporan")
    return build(SAMPLE, folder / "laporan.docx").path


@pytest.fixture(scope="module")
def templat(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("templat")
    return Path(shutil.copy(default_template(), folder / "templat.docx"))


@pytest.fixture(autouse=True)
def _small_bound(monkeypatch):
    """A bomb of 64 MB is enough to show the bound when the bound is 16 MB."""
    monkeypatch.setattr(paket_docx, "MAX_UNPACKED_BYTES", 16 * MIB)


def _ole(src: Path, dst: Path) -> Path:
    dst.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    return dst


def _write(data: bytes):
    def make(src: Path, dst: Path) -> Path:
        dst.write_bytes(data)
        return dst
    return make


def _changes(changes: dict):
    return lambda src, dst: rewrite(src, dst, changes)


_HUGE_CUSTOM = (b'<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.'
                b'openxmlformats.org/officeDocument/2006/custom-properties"><property '
                b'name="besar">' + b"A" * (12 * MIB) + b"</property></Properties>")
_PPT = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_DOCM = b"application/vnd.ms-word.document.macroEnabled.main+xml"
_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_STYLES_CT = b"wordprocessingml.styles+xml"

_W_DOC = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
          b'wordprocessingml/2006/main"/>')


def _renamed_main(src: Path, dst: Path) -> Path:
    """The main part under a name that is not .xml (python-docx goes by the content type),
    with a DTD in it: it must be parsed, and refused, like any XML part."""
    with zipfile.ZipFile(src) as archive:
        main = archive.read("word/document.xml")
        rels = archive.read("word/_rels/document.xml.rels")
    return rewrite(src, dst, {
        "word/document.xml": None, "word/utama.bin": doctype(main),
        "word/_rels/document.xml.rels": None, "word/_rels/utama.bin.rels": rels,
        CT: lambda x: x.replace(b'PartName="/word/document.xml"', b'PartName="/word/utama.bin"'),
        "_rels/.rels": lambda x: x.replace(b'Target="word/document.xml"',
                                           b'Target="word/utama.bin"')})


# (kind, how the file is made from a good one, what the one line says)
DAMAGED = [
    ("flip", lambda s, d: flip_bytes(s, d), "berkas rusak, bagian word/document.xml tidak terbaca"),
    ("xml-rusak", _changes({"word/document.xml": lambda x: x[: len(x) // 2]}),
     "berkas rusak, bagian word/document.xml bukan XML yang utuh"),
    ("sampah", _write(bytes(range(256)) * 20), "bukan dokumen Word .docx yang dapat dibaca "
     "(bukan berkas zip"),
    ("kosong", _write(b""), "berkas kosong (0 bita), bukan dokumen Word"),
    ("terpotong", lambda s, d: _write(s.read_bytes()[:3000])(s, d),
     "bukan dokumen Word .docx yang dapat dibaca (berkas zip rusak atau terpotong)"),
    ("doc-lama", _ole, "berformat Word lama (.doc) atau dilindungi kata sandi"),
    ("properti-raksasa", _changes({"docProps/custom.xml": _HUGE_CUSTOM}),
     "berkas rusak, bagian docProps/custom.xml terlalu besar atau bersarang terlalu dalam"),
    ("properti-bom", _changes({"docProps/custom.xml": LAUGHS}),
     "bagian docProps/custom.xml memuat deklarasi XML (DTD/entitas) yang ditolak"),
    ("doctype", _changes({"word/document.xml": doctype}),
     "bagian word/document.xml memuat deklarasi XML (DTD/entitas) yang ditolak"),
    ("tanpa-content-types", _changes({CT: None}), "berkas rusak, bagian [Content_Types].xml tidak ada"),
    ("tanpa-styles", _changes({"word/styles.xml": None}),
     "berkas rusak, bagian word/styles.xml tidak ada (dirujuk oleh word/_rels/document.xml.rels)"),
    ("tanpa-numbering", _changes({"word/numbering.xml": None}),
     "berkas rusak, bagian word/numbering.xml tidak ada"),
    ("tanpa-rels-akar", _changes({"_rels/.rels": None}), "berkas rusak, bagian _rels/.rels tidak ada"),
    ("jenis-salah", _changes({CT: lambda x: x.replace(_MAIN, _PPT)}),
     "bukan dokumen Word .docx yang dapat dibaca (isinya presentasi PowerPoint)"),
    ("docm", _changes({CT: lambda x: x.replace(_MAIN, _DOCM)}), "dokumen bermakro (.docm)"),
    ("gaya-berjenis-lain", _changes({CT: lambda x: x.replace(_STYLES_CT, b"wordprocessingml."
                                                              b"settings+xml")}),
     "berkas rusak, bagian word/styles.xml berjenis"),
    ("tanpa-jenis", _changes({"word/styles.xml": None, "word/styles.gaya": b"<x/>",
                              DOC_RELS: lambda x: x.replace(b'"styles.xml"', b'"styles.gaya"')}),
     "berkas rusak, bagian word/styles.gaya tidak punya jenis isi di [Content_Types].xml"),
    ("ke-luar", _changes({DOC_RELS: lambda x: x.replace(b'Target="styles.xml"',
                                                        b'Target="../../../../etc/passwd"')}),
     "berkas rusak, bagian word/_rels/document.xml.rels menunjuk ke luar berkas "
     "(../../../../etc/passwd)"),
    ("akar-gaya", _changes({"word/styles.xml": b'<?xml version="1.0"?><x/>'}),
     "berkas rusak, bagian word/styles.xml isinya tidak sesuai jenisnya"),
    ("tanpa-body", _changes({"word/document.xml": _W_DOC}),
     "berkas rusak, bagian word/document.xml isinya tidak sesuai jenisnya"),
    ("doctype-nama-lain", lambda s, d: _renamed_main(s, d),
     "bagian word/utama.bin memuat deklarasi XML (DTD/entitas) yang ditolak"),
    ("bom", lambda s, d: inflating(s, d, 64 * MIB),
     "isi berkas lebih dari 16 MB setelah dibongkar, jauh lebih besar daripada templat atau "
     "laporan LKj"),
]


def _clean_refusal(result, name: str, expected: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert not any(text in result.output for text in LIBRARY_TEXT), result.output
    lines = result.output.strip().splitlines()
    assert lines == [lines[0]] and lines[0].startswith(f"Galat: {name}: "), result.output
    assert expected in lines[0], result.output


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("kind,make,expected", DAMAGED, ids=[d[0] for d in DAMAGED])
def test_damaged_report_is_refused_and_left_as_it_was(laporan, tmp_path, kind, make, expected):
    rusak = make(laporan, tmp_path / "rusak.docx")
    before = _listing(tmp_path)
    result = runner.invoke(app, ["perbarui", str(SAMPLE), str(rusak)])
    _clean_refusal(result, "rusak.docx", expected)
    assert _listing(tmp_path) == before


@pytest.mark.parametrize("kind,make,expected", DAMAGED, ids=[d[0] for d in DAMAGED])
def test_damaged_template_is_refused_by_buat_and_periksa(templat, tmp_path, kind, make,
                                                         expected):
    rusak = make(templat, tmp_path / "rusak.docx")
    out = tmp_path / "laporan.docx"
    _clean_refusal(runner.invoke(app, ["buat", str(SAMPLE), "-o", str(out), "--templat",
                                       str(rusak)]), "rusak.docx", expected)
    assert not out.exists() and not list(tmp_path.glob(".~lkj-*"))
    _clean_refusal(runner.invoke(app, ["templat", "periksa", str(rusak)]), "rusak.docx",
                   expected)


@pytest.mark.parametrize("part,kind", [("word/numbering.xml", "numbering"),
                                       ("word/styles.xml", "styles")])
def test_a_part_missing_with_its_relationship_is_no_damage(laporan, templat, tmp_path, part,
                                                           kind):
    """Word leaves out a numbering part (no lists) or styles it does not need."""
    changes = {part: None, DOC_RELS: drop_rel(kind)}
    report = rewrite(laporan, tmp_path / "laporan.docx", changes)
    result = runner.invoke(app, ["perbarui", str(SAMPLE), str(report), "-o",
                                 str(tmp_path / "hasil.docx")])
    assert result.exit_code == 0, result.output
    template = rewrite(templat, tmp_path / "templat.docx", changes)
    result = runner.invoke(app, ["buat", str(SAMPLE), "-o", str(tmp_path / "baru.docx"),
                                 "--templat", str(template)])
    assert result.exit_code == 0, result.output
    assert docx.Document(str(tmp_path / "baru.docx")).paragraphs


def test_a_clean_package_is_handed_over_as_it_is(laporan):
    paket = paket_docx.periksa(laporan)
    assert paket.data == laporan.read_bytes() and paket.peringatan == ()
    assert paket.utama == "word/document.xml"


def test_the_bound_counts_the_bytes_really_unpacked(laporan, tmp_path, monkeypatch):
    """Without the check of the sizes the zip declares, the stream itself stops at the bound."""
    bomb = inflating(laporan, tmp_path / "bom.docx", 64 * MIB)
    monkeypatch.setattr(paket_docx, "_cek_jumlah", lambda archive, name, data: None)
    with pytest.raises(LkjError, match="lebih dari 16 MB setelah dibongkar"):
        paket_docx.periksa(bomb)


def test_too_many_parts_are_refused_before_they_are_listed(laporan, tmp_path, monkeypatch):
    copy = Path(shutil.copy(laporan, tmp_path / "laporan.docx"))
    monkeypatch.setattr(paket_docx, "MAX_PARTS", 20)
    monkeypatch.setattr(zipfile, "ZipFile", None)  # the count comes from the end record alone
    with pytest.raises(LkjError, match=r"berkas berisi 36 bagian, jauh lebih besar"):
        paket_docx.periksa(copy)


def test_buat_onto_a_damaged_earlier_report_writes_beside_it(laporan, tmp_path):
    earlier = flip_bytes(laporan, tmp_path / "laporan.docx")
    before = earlier.read_bytes()
    result = runner.invoke(app, ["buat", str(SAMPLE), "-o", str(earlier)])
    assert result.exit_code == 0, result.output
    assert earlier.read_bytes() == before
    assert (tmp_path / "laporan-2.docx").is_file()
    assert ("Catatan: " + str(earlier) + " rusak (tidak dapat dibuka sebagai .docx), jadi tidak "
            "ditimpa; laporan baru ditulis sebagai laporan-2.docx") in result.output


def test_a_bomb_as_earlier_report_is_not_unpacked_to_be_compared(laporan, tmp_path):
    earlier = inflating(laporan, tmp_path / "laporan.docx", 64 * MIB)
    assert not paket_docx.dapat_dibaca(earlier)


# --- a Nama Singkat longer than a file name may be -------------------------------------------


def _workbook(path: Path, nama: str) -> Path:
    wb = openpyxl.load_workbook(SAMPLE)
    ws = wb["Identitas"]
    row = next(r for r in ws.iter_rows() if r[0].value == "Nama Singkat")
    row[1].value = nama
    wb.save(path)
    return path


def test_a_long_nama_singkat_gives_a_shortened_unique_file_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    awal = "KPU Kabupaten " + "Nama Daerah Yang Sangat Panjang Sekali " * 8
    names = []
    for n, ujung in enumerate(("Utara", "Selatan")):
        book = _workbook(tmp_path / f"buku-{n}.xlsx", awal + ujung)
        result = runner.invoke(app, ["buat", str(book), "--tanpa-grafik"])
        assert result.exit_code == 0, result.output
        names.append(next(line for line in result.output.splitlines()
                          if line.startswith("Laporan ditulis: ")).split("output/")[-1])
    assert names[0] != names[1]
    for name in names:
        assert (tmp_path / "output" / name).is_file()
        assert name.startswith("LKj-2024-KPU Kabupaten Nama Daerah Yang Sangat Panjang")
        assert len(name) <= 100 and len(name.encode()) <= 200


@pytest.mark.parametrize("name", ["KPU Kota Ambon", "x" * 80, "é" * 80, "ك" * 300,
                                  "Kata " * 40])
def test_short_name_fits_a_file_name_and_keeps_short_ones(name):
    short = short_name(name)
    assert len(short) <= 80 and len(short.encode("utf-8")) <= 160
    assert (short == name) == (len(name) <= 80 and len(name.encode()) <= 160)
