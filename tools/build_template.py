"""Build templates/laporan.docx, the docxtpl template of the Laporan Kinerja.

Run `python tools/build_template.py [OUT.docx]` after changing a part's words
(generator/report/*/kata.txt) or its builder (generator/report/*/templat.py). Each part of
`generator.report.BAGIAN` builds its pages in order (generator.report.rakit), tools/paket.py
cleans the package as current Word writes it, and the zip is written with fixed timestamps, so
the output is byte-for-byte reproducible and a diff shows real changes. The template stays
editable in Word: every look comes from a named style, every tag is plain text in the body.
"""

from __future__ import annotations

import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(AKAR / "tools"), str(AKAR)]

from paket import bersihkan_paket  # noqa: E402

from generator.report.rakit.dokumen import buat_dokumen, simpan_tetap  # noqa: E402

KELUARAN = AKAR / "templates" / "laporan.docx"


def main(argv: list[str] | None = None) -> int:
    keluaran = Path(argv[0]) if argv else KELUARAN
    keluaran.parent.mkdir(parents=True, exist_ok=True)
    doc = buat_dokumen()
    bersihkan_paket(doc)
    simpan_tetap(doc, keluaran)
    print(f"Templat ditulis: {keluaran}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
