"""Damaged, huge and look-alike workbooks through the real command: a clear answer, never a traceback."""

from __future__ import annotations

import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from books import (
    base_sheets,
    empty_cells_bomb,
    formatted_bottom_cell,
    rewrite_parts,
    sheet_part,
    write_book,
)
from typer.testing import CliRunner

from generator.reading import workbook, xlsx
from generator.commands.cli import app
from generator.reading.workbook import open_workbook

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "input" / "contoh.xlsx"
runner = CliRunner()
# What a library says in English must never reach the user.
LIBRARY_TEXT = ("Traceback", "Error -3", "There is no item", "not well-formed", "invalid token",
                "Is a directory", "zlib", "lxml", "openpyxl", "site-packages", "KeyError")


def _periksa(path: Path):
    return runner.invoke(app, ["periksa", str(path)])


def _assert_clean(result, damaged: bool) -> None:
    """Exit 1 with Indonesian lines, or (when the damage missed anything lkj reads) exit 0."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert not any(text in result.output for text in LIBRARY_TEXT), result.output
    if damaged:
        assert result.exit_code == 1, result.output
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 0:
        assert "siap dipakai" in result.output
    else:
        assert result.output.rstrip().splitlines()[-1].startswith("Galat: ")


def _variants(seed: int = 13) -> list[tuple[str, bytes, bool]]:
    """(label, bytes, surely damaged): flipped bytes, truncations, parts deleted and mangled."""
    rng = random.Random(seed)
    data = SAMPLE.read_bytes()
    variants: list[tuple[str, bytes, bool]] = []
    for n in range(14):
        flipped = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            i = rng.randrange(30, len(data))
            flipped[i] ^= 1 << rng.randrange(8)
        variants.append((f"flip-{n}", bytes(flipped), False))
    for n in range(8):
        variants.append((f"potong-{n}", data[: rng.randrange(10, len(data) - 1)], True))
    with zipfile.ZipFile(SAMPLE) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    required = ("[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/styles.xml", sheet_part(SAMPLE, "Identitas"), sheet_part(SAMPLE, "Kinerja"),
                sheet_part(SAMPLE, "Anggaran"), sheet_part(SAMPLE, "Pengaturan"))
    for name in required:
        variants.append((f"hapus-{name}", _zip(parts, {name: None}), True))
    for name in required:
        text = parts[name]
        variants.append((f"separuh-{name}", _zip(parts, {name: text[: len(text) // 2]}), True))
        variants.append((f"sampah-{name}", _zip(parts, {name: text.replace(b">", b">&<", 3)}),
                         True))
    return variants


def _zip(parts: dict[str, bytes], changes: dict[str, bytes | None]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in {**parts, **changes}.items():
            if data is not None:
                archive.writestr(name, data)
    return buffer.getvalue()


VARIANTS = _variants()


def test_the_fuzz_corpus_is_a_few_dozen_distinct_files():
    assert len(VARIANTS) >= 40
    assert len({data for _, data, _ in VARIANTS}) == len(VARIANTS)


@pytest.mark.parametrize("label,data,damaged", VARIANTS, ids=[v[0] for v in VARIANTS])
def test_damaged_copies_of_the_sample_get_a_clean_answer(tmp_path, label, data, damaged):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(data)
    _assert_clean(_periksa(path), damaged)


def test_damaged_file_through_a_real_process_prints_one_line(tmp_path):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(dict((v[0], v[1]) for v in VARIANTS)["hapus-xl/styles.xml"])
    done = subprocess.run([sys.executable, "-m", "generator", "periksa", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith("Galat: rusak.xlsx: berkas rusak")
    assert len(done.stderr.splitlines()) == 1


def _kept_cells(path: Path) -> int:
    return sum(open_workbook(path).compacted.cells.values())


def test_a_formatted_cell_at_the_last_row_costs_nothing(tmp_path):
    path = formatted_bottom_cell(SAMPLE, tmp_path / "bawah.xlsx")
    # The only extra work is the one empty cell, dropped before any row is parsed.
    assert _kept_cells(path) == _kept_cells(SAMPLE)
    result = _periksa(path)
    assert result.exit_code == 0, result.output


def test_ten_million_empty_cells_are_dropped_unparsed(tmp_path):
    path = empty_cells_bomb(SAMPLE, tmp_path / "bom.xlsx")
    assert path.stat().st_size < 200_000
    assert _kept_cells(path) == _kept_cells(SAMPLE)
    assert _periksa(path).exit_code == 0


def test_bare_empty_cells_written_open_and_shut_are_dropped_too(tmp_path):
    path = empty_cells_bomb(SAMPLE, tmp_path / "bom.xlsx", cells=2_000_000, cell=b"<c></c>")
    assert _kept_cells(path) == _kept_cells(SAMPLE)


def _strips_counted(monkeypatch) -> list[int]:
    calls: list[int] = []
    strip = xlsx._strip

    def counted(xml: bytes) -> bytes:
        calls.append(len(xml))
        return strip(xml)

    monkeypatch.setattr(xlsx, "_strip", counted)
    return calls


def test_millions_of_styled_empty_cells_are_refused_while_read(tmp_path, monkeypatch):
    """The cell pattern's time grows with the tags it sees: they are counted before it runs, so
    such a sheet is refused after the first chunks, not after all of them."""
    path = empty_cells_bomb(SAMPLE, tmp_path / "bom.xlsx", cells=1_000_000,
                            cell=b'<c r="E9" s="1"/>')
    monkeypatch.setattr(xlsx, "MAX_TAGS", 100_000)
    calls = _strips_counted(monkeypatch)
    result = _periksa(path)
    assert result.exit_code == 1
    assert result.output.startswith("Galat: bom.xlsx: lembar xl/worksheets/")
    assert "berisi jutaan sel atau baris kosong, jauh lebih banyak daripada buku kerja LKj" \
        in result.output
    assert sum(calls) < 17_000_000 // 4, "the whole sheet was filtered before the refusal"


def test_filled_cells_past_the_bound_are_refused_while_read(tmp_path, monkeypatch):
    path = empty_cells_bomb(SAMPLE, tmp_path / "bom.xlsx", cells=1_000_000, cell=b"<c><v/></c>")
    monkeypatch.setattr(xlsx, "MAX_CELLS", 100_000)
    calls = _strips_counted(monkeypatch)
    result = _periksa(path)
    assert result.exit_code == 1
    assert "berisi lebih dari 100000 sel terisi" in result.output
    assert sum(calls) < 11_000_000 // 4, "the whole sheet was filtered before the refusal"


def test_more_cells_than_any_workbook_holds_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_CELLS", 50)
    result = _periksa(SAMPLE)
    assert result.exit_code == 1
    assert "sel terisi, jauh lebih banyak daripada buku kerja LKj" in result.output


def test_the_size_bound_counts_the_bytes_unpacked(tmp_path, monkeypatch):
    path = empty_cells_bomb(SAMPLE, tmp_path / "bom.xlsx", cells=1_000_000)
    # Without the check of declared sizes, the stream itself stops at the bound.
    monkeypatch.setattr(workbook, "check_zip", lambda archive, name: None)
    monkeypatch.setattr(xlsx, "MAX_UNPACKED_BYTES", 3_000_000)
    result = _periksa(path)
    assert result.exit_code == 1
    assert result.output == "Galat: bom.xlsx: isi berkas terlalu besar untuk sebuah buku kerja LKj\n"


def test_strict_open_xml_asks_for_an_ordinary_xlsx(tmp_path):
    with zipfile.ZipFile(SAMPLE) as archive:
        xml = archive.read("xl/workbook.xml")
    strict = xml.replace(b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                         b"http://purl.oclc.org/ooxml/spreadsheetml/main")
    path = rewrite_parts(SAMPLE, tmp_path / "strict.xlsx", {"xl/workbook.xml": strict})
    result = _periksa(path)
    assert result.exit_code == 1
    assert result.output == (
        "Galat: strict.xlsx: buku kerja ini disimpan sebagai \"Strict Open XML Spreadsheet\", "
        "yang tidak dapat dibaca; di Excel pilih Simpan Sebagai > Buku Kerja Excel (.xlsx) biasa\n")


@pytest.mark.parametrize("sheet", ["Pengaturan", "Narasi"])
def test_a_sheet_whose_part_is_missing_is_damage_not_defaults(tmp_path, sheet):
    path = rewrite_parts(SAMPLE, tmp_path / "buku.xlsx", {sheet_part(SAMPLE, sheet): None})
    result = _periksa(path)
    assert result.exit_code == 1
    assert (f"buku.xlsx, '{sheet}': berkas rusak: isi lembar '{sheet}' hilang dari berkas; buka "
            "di Excel, periksa lembar itu, lalu simpan ulang") in result.output


def _write(tmp_path: Path, sheets: dict, states: dict[str, str] | None = None) -> Path:
    """The workbook, with sheet states set; Excel (and openpyxl) refuse names equal but for
    case, which a file can still hold, so those are written under a stand-in name and renamed."""
    stand_in = {name: f"Lembar{n}" for n, name in enumerate(sheets)}
    path = write_book(tmp_path / "buku.xlsx", {stand_in[k]: v for k, v in sheets.items()})
    if states:
        import openpyxl

        wb = openpyxl.load_workbook(path)
        for name, state in states.items():
            wb[stand_in[name]].sheet_state = state
        wb.save(path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/workbook.xml").decode("utf-8")
    for name, temp in stand_in.items():
        xml = xml.replace(f'name="{temp}"', f'name="{name}"')
    moved = rewrite_parts(path, tmp_path / "tmp.xlsx", {"xl/workbook.xml": xml.encode("utf-8")})
    moved.replace(path)
    return path


@pytest.mark.parametrize("twin,state,described", [
    ("KINERJA ", "visible", "'KINERJA '"),
    ("kinerja", "veryHidden", "'kinerja' (tersembunyi penuh, veryHidden)"),
])
def test_two_sheets_reading_as_kinerja_are_refused_with_both_named(tmp_path, twin, state, described):
    sheets = base_sheets()
    sheets[twin] = [list(r) for r in sheets["Kinerja"]]
    sheets[twin][1][4] = 1
    path = _write(tmp_path, sheets, {twin: state})
    result = _periksa(path)
    assert result.exit_code == 1
    assert (f"buku.xlsx, 'Kinerja': ada 2 lembar yang terbaca sebagai 'Kinerja': 'Kinerja', "
            f"{described}; hapus atau ganti nama lembar yang tidak dipakai") in result.output


def test_a_hidden_sheet_is_read_with_a_notice(tmp_path):
    path = _write(tmp_path, base_sheets(), {"Anggaran": "hidden"})
    result = _periksa(path)
    assert result.exit_code == 0, result.output
    assert ("buku.xlsx, 'Anggaran': Peringatan: lembar 'Anggaran' (tersembunyi) disembunyikan di "
            "Excel, tetapi tetap dibaca untuk laporan") in result.output


@pytest.mark.parametrize("header,second", [("Target", "N"), ("Realisasi", "H")])
def test_a_header_typed_twice_is_refused_with_both_cells(tmp_path, header, second):
    sheets = base_sheets()
    width = ord(second) - ord("A") + 1
    for n, row in enumerate(sheets["Kinerja"]):
        row.extend([None] * (width - len(row)))
        row[width - 1] = header if n == 0 else 9999
    path = _write(tmp_path, sheets)
    result = _periksa(path)
    assert result.exit_code == 1
    column = "E" if header == "Target" else "F"
    assert (f"buku.xlsx, 'Kinerja'!{second}1: kolom '{header}' tertulis dua kali ({column}1 dan "
            f"{second}1), sehingga tidak jelas mana yang dibaca; hapus atau ganti judul salah "
            "satunya") in result.output


def test_pagu_typed_twice_is_refused(tmp_path):
    sheets = base_sheets()
    sheets["Anggaran"] = [["Sumber Dana", "Pagu", "Realisasi", "Pagu"],
                          ["Rupiah Murni (APBN)", 20350023000, 20300000000, 1]]
    result = _periksa(_write(tmp_path, sheets))
    assert result.exit_code == 1
    assert "'Anggaran'!D1: kolom 'Pagu' tertulis dua kali (B1 dan D1)" in result.output


@pytest.mark.parametrize("name", ["Kinerja 2025", "kinerja_2024", "Kinreja"])
def test_a_missing_sheet_names_its_look_alike_without_knock_on_warnings(tmp_path, name):
    sheets = base_sheets()
    sheets[name] = sheets.pop("Kinerja")
    sheets["Anggaran"] = [["Sumber Dana", "Pagu", "Realisasi", "Sasaran Strategis"],
                          ["Rupiah Murni (APBN)", 20350023000, 20300000000, "Sasaran satu"]]
    result = _periksa(_write(tmp_path, sheets))
    assert result.exit_code == 1
    assert result.output == (
        f"buku.xlsx, 'Kinerja': lembar 'Kinerja' tidak ada, tetapi ada lembar '{name}'; bila itu "
        "yang dimaksud, ganti namanya menjadi 'Kinerja'\n"
        "Galat: 1 masalah ditemukan di buku.xlsx; tidak ada berkas yang ditulis\n")


def test_an_optional_sheet_look_alike_is_a_warning(tmp_path):
    sheets = base_sheets()
    sheets["Narasi 2024"] = [["Bagian", "Teks"], ["Penutup", "Demikian."]]
    result = _periksa(_write(tmp_path, sheets))
    assert result.exit_code == 0, result.output
    assert ("buku.xlsx, 'Narasi': Peringatan: lembar 'Narasi' tidak ada, tetapi ada lembar "
            "'Narasi 2024'; bila itu yang dimaksud, ganti namanya menjadi 'Narasi'") in result.output
