"""The quarterly report's cover (its own section) and contents lists (pages i, ii, ...)."""

from __future__ import annotations

from docx.enum.section import WD_SECTION

from generator.report.rakit import bersama
from generator.report.rakit.kata import muat

KATA = muat(__file__)


def bangun(doc) -> None:
    bersama.sampul(doc, KATA.baris("sampul.judul"))
    doc.add_section(WD_SECTION.NEW_PAGE)
    bersama.daftar_isi(doc)
    doc.add_section(WD_SECTION.NEW_PAGE)
