"""Templates made to attack lkj, for tests: the built-in template with paragraphs of tags added."""

from __future__ import annotations

from pathlib import Path

import docx

from generator.templat import copy_template

# The loop over the capaian chart (the chart dict is `g` in it), which every workbook fills.
DALAM_GRAFIK = "{%p for g in capaian.grafik %}"


def templat(folder: Path, *paragraf: str, nama: str = "templat.docx",
            sesudah: str | None = None) -> Path:
    """A copy of the built-in template with `paragraf` put before its second paragraph, or
    right after the first paragraph whose text is `sesudah` (e.g. DALAM_GRAFIK)."""
    path = copy_template(folder / nama)
    document = docx.Document(str(path))
    anchor = document.paragraphs[1]
    if sesudah is not None:
        n = next(n for n, p in enumerate(document.paragraphs) if p.text == sesudah)
        anchor = document.paragraphs[n + 1]
    for teks in paragraf:
        anchor.insert_paragraph_before(teks)
    document.save(str(path))
    return path
