"""Golden text dump of the sample report: any change to its wording or figures shows here.

Refresh after an intended change with: python -m pytest tests/test_golden.py --update-golden
"""

from __future__ import annotations

from doctools import ROOT
from dump import dump

from generator.pipeline import build

GOLDEN = ROOT / "tests" / "golden" / "contoh.txt"


def test_sample_report_matches_golden_dump(tmp_path, request):
    report = build(ROOT / "input" / "contoh.xlsx", tmp_path / "contoh.docx", grafik=False).path
    text = dump(report)
    for leftover in ("{{", "{%", "}}", "%}"):
        assert leftover not in text
    if request.config.getoption("--update-golden"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_reference_slips_are_not_repeated(tmp_path):
    text = dump(build(ROOT / "input" / "contoh.xlsx", tmp_path / "c.docx", grafik=False).path)
    assert "20.5350.023.000" not in text and "Rp20.350.023.000" in text
    # The realisasi amount is the realisasi, not the pagu: 99,74% of Rp60.148.772.000.
    assert "Realisasi anggaran Tahun 2024 sebesar Rp59.992.385.000 dari pagu Rp60.148.772.000" in text
    signing = {line.split("] ", 1)[1] for line in text.splitlines()
               if line.startswith("[Tanda Tangan] Langgur,")}
    assert signing == {"Langgur, 13 Maret 2025"}
    assert "Tahun Anggaran 2023" not in text and "Tahun 2023 antara" not in text
    assert "Nomor 29 Tahun 2019" not in text
