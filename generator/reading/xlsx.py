"""The .xlsx as a zip package: refused early when it is no workbook, unpacked within a bound."""

from __future__ import annotations

import re
import zipfile
from xml.parsers import expat
from dataclasses import dataclass
from pathlib import Path

from defusedxml import DefusedXmlException

from generator.errors import LkjError, reason

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
STRICT_NS = b"purl.oclc.org/ooxml/spreadsheetml/main"

# A workbook this large unpacked is not a hand-typed LKj workbook but a zip bomb. The bound is
# counted on the bytes actually unpacked, not on the sizes the zip declares.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
# Cells holding something, per sheet: 2.000 indicators with every column filled are ~30.000.
MAX_CELLS = 1_000_000
# XML tags the cell filter may look at, over all sheets, once the bare empty cells (<c/>,
# <c></c>) are gone by plain replacement: the filter's time grows with this count (~0.5 µs a
# tag), so a small file of millions of styled empty cells is refused within a second or two.
MAX_TAGS = 3_000_000
CHUNK = 1024 * 1024

# A cell with no value, formula or inline string carries only a style: "format the whole column"
# leaves one per row, down to row 1048576. An empty row is one whose cells were all such.
_EMPTY_CELL = re.compile(rb"<(?:\w+:)?c(?:\s[^<>]*)?(?:/>|>\s*</(?:\w+:)?c>)")
_EMPTY_ROW = re.compile(rb"<(?:\w+:)?row(?:\s[^<>]*)?(?:/>|>\s*</(?:\w+:)?row>)")
_CELL_START = re.compile(rb"<(?:\w+:)?c[\s>/]")
_ROW_END = re.compile(rb"</(?:\w+:)?row>")
_CELL_OPEN_AT_END = re.compile(rb"<(?:\w+:)?c(?:\s[^<>]*)?>\Z")


@dataclass(frozen=True)
class Compacted:
    """The worksheets' XML without empty cells and rows, by part name, and the cells kept."""

    sheets: dict[str, bytes]
    cells: dict[str, int]


def is_worksheet(name: str) -> bool:
    return name.startswith("xl/worksheets/") and name.endswith(".xml")


def compact_archive(archive: zipfile.ZipFile, source: str) -> Compacted:
    """Unpack every part as a stream, stopping as soon as the real size passes the bound.

    Raises LkjError for a bomb or a sheet with more cells than any LKj workbook holds; zip and
    zlib errors are left to the caller, which reports the file as damaged.
    """
    budget = [MAX_UNPACKED_BYTES, MAX_TAGS]
    sheets: dict[str, bytes] = {}
    cells: dict[str, int] = {}
    for info in archive.infolist():
        if info.is_dir():
            continue
        if is_worksheet(info.filename):
            sheets[info.filename], cells[info.filename] = _compact_part(archive, info, budget,
                                                                        source)
        else:
            _drain_part(archive, info, budget, source)
    return Compacted(sheets, cells)


def _spend(budget: list[int], size: int, source: str) -> None:
    """Count `size` unpacked bytes against the first of the budgets."""
    budget[0] -= size
    if budget[0] < 0:
        raise LkjError(f"{source}: isi berkas terlalu besar untuk sebuah buku kerja LKj")


def _drain_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int],
                source: str) -> None:
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            _spend(budget, len(chunk), source)


def _compact_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int],
                  source: str) -> tuple[bytes, int]:
    """The sheet's XML without empty cells and rows, and its cells; refused as soon as the
    tags to filter or the cells kept pass their bounds, not after the whole part."""
    kept: list[bytes] = []
    count = 0
    carry = b""
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            _spend(budget, len(chunk), source)
            text = carry + chunk
            cut = _cut(text)
            kept.append(_filter(text[:cut], budget, info.filename, source))
            count = _count_cells(kept[-1], count, info.filename, source)
            carry = text[cut:]
    kept.append(_filter(carry, budget, info.filename, source))
    return b"".join(kept), _count_cells(kept[-1], count, info.filename, source)


def _filter(xml: bytes, budget: list[int], part: str, source: str) -> bytes:
    # The bare empty cells go first by plain replacement, many times faster than the pattern.
    xml = xml.replace(b"<c/>", b"").replace(b"<c></c>", b"")
    budget[1] -= xml.count(b"<")
    if budget[1] < 0:
        raise LkjError(f"{source}: lembar {part} berisi jutaan sel atau baris kosong, jauh lebih "
                       "banyak daripada buku kerja LKj; hapus baris dan kolom yang tidak dipakai "
                       "lalu simpan ulang")
    return _strip(xml)


def _count_cells(xml: bytes, count: int, part: str, source: str) -> int:
    count += len(_CELL_START.findall(xml))
    if count > MAX_CELLS:
        raise LkjError(f"{source}: lembar {part} berisi lebih dari {MAX_CELLS} sel terisi, jauh "
                       "lebih banyak daripada buku kerja LKj; hapus isi yang tidak perlu")
    return count


def _cut(text: bytes) -> int:
    """Where to split a chunk so that no tag, and preferably no row, is cut in two.

    The last "row>" is found by plain search and checked to be an end tag; a chunk of nothing
    but row start tags gives up after a few and cuts after any tag.
    """
    start = max(0, len(text) - CHUNK // 4)
    at = len(text)
    for _ in range(8):
        at = text.rfind(b"row>", start, at)
        if at < 0:
            break
        end = _ROW_END.search(text, max(start, at - 40), at + 4)
        if end is not None and end.end() == at + 4:
            return end.end()
    cut = text.rfind(b">") + 1
    # not between a cell's start and end tag: an empty <c ...></c> must stay whole to go
    opened = _CELL_OPEN_AT_END.search(text, max(0, cut - 512), cut)
    return opened.start() if opened else cut


def _strip(xml: bytes) -> bytes:
    return _EMPTY_ROW.sub(b"", _EMPTY_CELL.sub(b"", xml))


def load_bytes(path: Path) -> bytes:
    """Read the workbook once, read-only; the file itself is never opened for writing."""
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise LkjError(f"{path.name}: berkas tidak ditemukan ({path})") from exc
    except IsADirectoryError as exc:
        raise LkjError(f"{path}: ini sebuah folder, bukan buku kerja") from exc
    except OSError as exc:
        raise LkjError(f"{path.name}: berkas tidak dapat dibaca ({reason(exc, menulis=False)})") from exc


def sniff(data: bytes, name: str) -> None:
    """Refuse files that are not .xlsx before openpyxl sees them, with a one-line reason."""
    if not data:
        raise LkjError(f"{name}: berkas kosong (0 bita), bukan buku kerja Excel")
    if data.startswith(OLE_MAGIC):
        raise LkjError(
            f"{name}: berkas ini berformat Excel lama (.xls) atau dilindungi kata sandi; "
            "buka di Excel, hapus kata sandinya bila ada, lalu simpan sebagai .xlsx"
        )
    if not data.startswith(b"PK"):
        raise LkjError(
            f"{name}: bukan buku kerja .xlsx (mungkin CSV atau teks); "
            "buka di Excel/Calc lalu simpan sebagai Buku Kerja Excel (.xlsx)"
        )


def check_zip(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse an .ods, a zip that is no workbook, Strict Open XML, a bomb and any DTD."""
    names = archive.namelist()
    mimetype = archive.read("mimetype") if "mimetype" in names else b""
    if b"opendocument" in mimetype:
        raise LkjError(
            f"{name}: berkas ini berformat OpenDocument (.ods); "
            "di LibreOffice Calc pilih Simpan Sebagai > Buku Kerja Excel 2007-365 (.xlsx)"
        )
    if "xl/workbook.xml" not in names:
        raise LkjError(f"{name}: berkas zip ini bukan buku kerja Excel (.xlsx)")
    if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
        raise LkjError(f"{name}: isi berkas terlalu besar untuk sebuah buku kerja LKj")
    if STRICT_NS in archive.read("xl/workbook.xml")[:4096]:
        raise LkjError(
            f"{name}: buku kerja ini disimpan sebagai \"Strict Open XML Spreadsheet\", yang tidak "
            "dapat dibaca; di Excel pilih Simpan Sebagai > Buku Kerja Excel (.xlsx) biasa"
        )
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels")):
            _refuse_dtd(archive, info, name)


class _Akar(Exception):
    """The root element was reached: no DTD can follow."""


def _akar(*args) -> None:
    raise _Akar


def _dtd(*args) -> None:
    raise DefusedXmlException("DTD")


def _refuse_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """A DTD can only stand before the root element, so reading to the first tag is enough.

    Fed in small pieces to a bare expat parser that stops at the root's start tag: a parser
    that builds elements would first parse a whole 16 KiB buffer of every part.
    """
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = parser.EntityDeclHandler = _dtd
    parser.StartElementHandler = _akar
    try:
        with archive.open(info) as stream:
            while piece := stream.read(1024):
                parser.Parse(piece, False)
            parser.Parse(b"", True)
    except _Akar:
        return
    except DefusedXmlException as exc:
        raise LkjError(
            f"{name}: bagian {info.filename} memuat deklarasi XML (DTD/entitas) yang ditolak "
            "demi keamanan; simpan ulang buku kerja dari Excel"
        ) from exc
    except expat.ExpatError as exc:
        raise LkjError(damaged(name, info.filename)) from exc


def damaged(name: str, part: str = "") -> str:
    """The one message for a damaged file; library text never reaches the user."""
    where = f" (bagian {part} tidak terbaca)" if part else ""
    return (f"{name}: berkas rusak{where}; buka di Excel, periksa isinya, lalu simpan ulang "
            "sebagai .xlsx")
