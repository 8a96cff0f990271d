"""Any text typed into any text field of the workbook reaches the report exactly (Hypothesis)."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

import docx
import pytest
from books import write_book
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.report.bab3.analisis import _PENANDA
from generator.pipeline import build

# Characters openpyxl (and XML) cannot hold are covered by test_validate's control-character test.
_FORBIDDEN = {chr(c) for c in range(32) if chr(c) not in "\t\n\r"} | {"\ufffe", "\uffff"}
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters=sorted(_FORBIDDEN)),
    min_size=1, max_size=120,
).filter(lambda s: s.strip() and not s.strip().startswith(("=", "#")))

# Every text field of the workbook: (sheet, key) for key/value sheets, (sheet, header) otherwise.
FIELDS = [
    ("Identitas", "Instansi"), ("Identitas", "Nama Singkat"), ("Identitas", "Periode Renstra"),
    ("Identitas", "Tempat"), ("Identitas", "Jabatan Penandatangan"),
    ("Identitas", "Nama Penandatangan"), ("Identitas", "NIP Penandatangan"),
    ("Identitas", "Jabatan Atasan"), ("Identitas", "Nama Atasan"), ("Identitas", "Alamat"),
    ("Kinerja", "Sasaran Strategis"), ("Kinerja", "Indikator Kinerja"), ("Kinerja", "Satuan"),
    ("Kinerja", "Penjelasan"), ("Kinerja", "Program Pendukung"),
    ("Anggaran", "Sumber Dana"), ("Anggaran", "Uraian"),
    ("Renstra", "Uraian"), ("SDM", "Pendidikan"), ("Narasi", "Teks"), ("Daftar", "Uraian"),
]
MULTILINE = {("Kinerja", "Penjelasan"), ("Kinerja", "Program Pendukung"), ("Narasi", "Teks")}


def _sheets(field: tuple[str, str], text: str) -> dict[str, list[list]]:
    identitas = {
        "Instansi": "Komisi Pemilihan Umum Kabupaten Contoh", "Nama Singkat": "KPU Contoh",
        "Tahun": 2024, "Periode Renstra": "2020-2024", "Tempat": "Langgur",
        "Tanggal": datetime(2025, 3, 13), "Jabatan Penandatangan": "Sekretaris",
        "Nama Penandatangan": "Nama Sekretaris",
    }
    kinerja = {"Sasaran Strategis": "Sasaran satu", "Indikator Kinerja": "Indikator A",
               "Satuan": "%", "Target": 75, "Realisasi": 80, "Penjelasan": None,
               "Program Pendukung": None}
    anggaran = {"Sumber Dana": "Rupiah Murni", "Uraian": None, "Pagu": 100, "Realisasi": 90}
    pairs = {"Renstra": ["Visi", "Visi kami"], "SDM": ["S1", 3],
             "Narasi": ["Penutup", "Penutup laporan"], "Daftar": ["Kendala", "Kendala satu"]}
    sheet, key = field
    if sheet == "Identitas":
        identitas[key] = text
    elif sheet == "Kinerja":
        kinerja[key] = text
    elif sheet == "Anggaran":
        anggaran[key] = text
    else:
        pairs[sheet][0 if sheet == "SDM" and key == "Pendidikan" else 1] = text
    headers = {"Renstra": ["Jenis", "Uraian"], "SDM": ["Pendidikan", "Jumlah"],
               "Narasi": ["Bagian", "Teks"], "Daftar": ["Kelompok", "Uraian"]}
    return {
        "Identitas": [["Isian", "Nilai"], *([k, v] for k, v in identitas.items())],
        "Kinerja": [list(kinerja), list(kinerja.values())],
        "Anggaran": [list(anggaran), list(anggaran.values())],
        **{name: [headers[name], row] for name, row in pairs.items()},
    }


def _expected(field: tuple[str, str], text: str) -> list[str]:
    """What the report must hold: single-line fields with white space folded; paragraphs split."""
    if field in MULTILINE:
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if field == ("Kinerja", "Program Pendukung"):
            # Typed list markers ("1.", "-") give way to the report's own numbering.
            lines = [_PENANDA.sub("", line.strip()) for line in lines]
        return [line.strip() for line in lines if line.strip()]
    return [" ".join(text.split())]


def _document_text(path: Path) -> str:
    """All text of body, tables, headers and footers, white space folded."""
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return " ".join(" ".join(parts).split())


# Generated examples over all fields (10 per field by default), on top of the explicit ones.
EXAMPLES = int(os.environ.get("LKJ_HYPOTHESIS_EXAMPLES", "210"))


@pytest.mark.parametrize("field", FIELDS, ids=[f"{s}-{k}" for s, k in FIELDS])
@settings(max_examples=max(1, EXAMPLES // len(FIELDS)), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=TEXT)
@example(text="Tanda & < > \" ' dan {{ 7*7 }} serta {% for x in y %}")
@example(text="Emoji 🗳️✅ dan العربية עברית")
@example(text="kolom\tdengan\ttab")
@example(text="panjang " * 1250)
@example(text="baris satu\nbaris dua\r\nbaris tiga")
def test_any_text_reaches_the_report(tmp_path, field, text):
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    workbook = write_book(folder / "buku.xlsx", _sheets(field, text))
    out = folder / "laporan.docx"
    build(workbook, out, grafik=False)
    document = _document_text(out)
    for piece in _expected(field, text):
        folded = " ".join(piece.split())
        assert folded in document or folded.upper() in document, (field, folded)
