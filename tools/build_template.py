"""Build the docxtpl templates of every document: templates/laporan.docx, pk.docx, renaksi.docx,
triwulan.docx.

Run `python tools/build_template.py [FOLDER]` after changing a part's words
(generator/report/*/*/kata.txt) or its builder (its templat.py). For each document of
`generator.report.jenis.JENIS`, its parts build their pages in order (generator.report.rakit),
tools/paket.py cleans the package as current Word writes it, the document's code is written
into a custom property (`lkj-dokumen`, so `lkj templat periksa` knows which document a
template is for), and the zip is written with fixed timestamps, so the output is byte-for-byte
reproducible and a diff shows real changes. The templates stay editable in Word: every look
comes from a named style, every tag is plain text in the body.
"""

from __future__ import annotations

import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(AKAR / "tools"), str(AKAR)]

from paket import bersihkan_paket  # noqa: E402

from generator.kontrak import PROPERTI_DOKUMEN  # noqa: E402
from generator.files.properti import tulis_properti  # noqa: E402
from generator.report.jenis import JENIS  # noqa: E402
from generator.report.rakit.dokumen import buat_dokumen, simpan_tetap  # noqa: E402

FOLDER = AKAR / "templates"


def bangun(kode: str, keluaran: Path) -> Path:
    """Build the template of document `kode` into `keluaran`."""
    doc = buat_dokumen(kode)
    bersihkan_paket(doc)
    tulis_properti(doc, {PROPERTI_DOKUMEN: kode})
    simpan_tetap(doc, keluaran)
    return keluaran


def main(argv: list[str] | None = None) -> int:
    folder = Path(argv[0]) if argv else FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for kode, jenis in JENIS.items():
        print(f"Templat ditulis: {bangun(kode, folder / jenis.templat)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
