"""Files that are not what they claim: each gets one Indonesian line and exit 1, never a traceback."""

from __future__ import annotations

import io
import zipfile

import pytest
from books import book
from typer.testing import CliRunner

from generator.commands.cli import app
from generator.errors import LkjError
from generator.pipeline import check

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol3;</t></si></sst>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>"""


def _replace_part(path, part, data):
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buffer, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, data if info.filename == part else src.read(info.filename))
        if part not in src.namelist():
            dst.writestr(part, data)
    path.write_bytes(buffer.getvalue())
    return path


def _ods(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return path


CASES = {
    "kosong.xlsx": (lambda p: p.write_bytes(b"") or p,
                    "kosong.xlsx: berkas kosong (0 bita), bukan buku kerja Excel"),
    "lama.xlsx": (lambda p: p.write_bytes(OLE) or p,
                  "lama.xlsx: berkas ini berformat Excel lama (.xls) atau dilindungi kata sandi; "
                  "buka di Excel, hapus kata sandinya bila ada, lalu simpan sebagai .xlsx"),
    "teks.xlsx": (lambda p: p.write_text("Isian;Nilai\nTahun;2024\n") or p,
                  "teks.xlsx: bukan buku kerja .xlsx (mungkin CSV atau teks); buka di Excel/Calc "
                  "lalu simpan sebagai Buku Kerja Excel (.xlsx)"),
    "data.csv": (lambda p: p.write_text("a,b\n") or p,
                 "data.csv: format .csv tidak didukung; buka di Excel/Calc lalu simpan sebagai "
                 "Buku Kerja Excel (.xlsx)"),
    "data.xls": (lambda p: p.write_bytes(OLE) or p,
                 "data.xls: format .xls tidak didukung; buka di Excel/Calc lalu simpan sebagai "
                 "Buku Kerja Excel (.xlsx)"),
    "calc.xlsx": (_ods,
                  "calc.xlsx: berkas ini berformat OpenDocument (.ods); di LibreOffice Calc pilih "
                  "Simpan Sebagai > Buku Kerja Excel 2007-365 (.xlsx)"),
    "potong.xlsx": (None, "potong.xlsx: berkas rusak (arsip zip tidak utuh); buka di Excel, "
                  "periksa isinya, lalu simpan ulang sebagai .xlsx"),
    "bom.xlsx": (None, "bom.xlsx: bagian xl/sharedStrings.xml memuat deklarasi XML (DTD/entitas) "
                 "yang ditolak demi keamanan; simpan ulang buku kerja dari Excel"),
    "xxe.xlsx": (None, "xxe.xlsx: bagian xl/sharedStrings.xml memuat deklarasi XML (DTD/entitas) "
                 "yang ditolak demi keamanan; simpan ulang buku kerja dari Excel"),
}


def _make(tmp_path, name):
    make, message = CASES[name]
    path = tmp_path / name
    if name == "potong.xlsx":
        path.write_bytes(book(tmp_path).read_bytes()[:900])
    elif name == "bom.xlsx":
        _replace_part(book(tmp_path, name), "xl/sharedStrings.xml", BILLION_LAUGHS)
    elif name == "xxe.xlsx":
        _replace_part(book(tmp_path, name), "xl/sharedStrings.xml", XXE)
    else:
        make(path)
    return path, message


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_gets_one_line(tmp_path, name):
    path, message = _make(tmp_path, name)
    with pytest.raises(LkjError) as caught:
        check(path)
    assert str(caught.value) == message


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_through_cli_exits_1_without_traceback(tmp_path, name):
    path, message = _make(tmp_path, name)
    result = CliRunner().invoke(app, ["periksa", str(path)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Galat: {message}"
    assert "Traceback" not in result.output


def test_missing_file(tmp_path):
    result = CliRunner().invoke(app, ["periksa", str(tmp_path / "tidak-ada.xlsx")])
    assert result.exit_code == 1
    assert result.output.startswith("Galat: tidak-ada.xlsx: berkas tidak ditemukan")


def test_folder_instead_of_file(tmp_path):
    folder = tmp_path / "map.xlsx"
    folder.mkdir()
    result = CliRunner().invoke(app, ["periksa", str(folder)])
    assert result.exit_code == 1  # a folder is read as a folder of workbooks, and it has none
    assert f"folder {folder} tidak memuat buku kerja .xlsx" in result.output


def test_unreadable_file_says_why_in_indonesian(tmp_path, monkeypatch):
    """The system's own (English) text never reaches the user."""
    import errno
    from pathlib import Path

    path = book(tmp_path)

    def ditolak(self):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", ditolak)
    with pytest.raises(LkjError) as caught:
        check(path)
    assert str(caught.value) == f"{path.name}: berkas tidak dapat dibaca (tidak ada izin membaca)"
