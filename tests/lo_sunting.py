"""Edit a .docx in LibreOffice as a person would, then save it as .docx (run with uno's Python).

    python lo_sunting.py SOFFICE SUMBER.docx TUJUAN.docx AWALAN TAMBAHAN PARAGRAF_BARU
    python lo_sunting.py SOFFICE SUMBER.docx TUJUAN.docx --langkah LANGKAH.json

Opens SUMBER with a throw-away profile and stores it as Word 2007-365 (.docx) in TUJUAN:
LibreOffice rewrites every part of the file, as it does for a person. The first form appends
TAMBAHAN to the first paragraph starting with AWALAN and types PARAGRAF_BARU as a new paragraph
after it. The second form runs a list of steps, each a dict with "op" and the text it finds
("cari", the first occurrence; "ke", which occurrence, from 1; "baris", only occurrences in a
table row whose first cell reads so):

- "format": bold, italic, underline, colour (0xRRGGBB), size (pt), highlight (0xRRGGBB);
- "tautan": a hyperlink ("url") over the found text;
- "bookmark": a bookmark ("nama") over the found text;
- "komentar": a comment ("teks") on the found text;
- "halaman_baru": a page break before the found text's paragraph (Ctrl+Enter at its start);
- "lanskap": the found text's paragraph starts landscape pages (a new section), and the
  paragraph of "sampai" returns to the page style it had (Format > Paragraph > Text Flow);
- "ketik_sel": the found text's table cell selected whole and typed over with "teks";
- "ketik_depan": "teks" typed just before the found text;
- "tambah": TAMBAHAN/PARAGRAF_BARU as in the first form ("teks", "paragraf").

Exit code 3 when a text to find is not there (nothing is saved then), 4 when LibreOffice
cannot open the file.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


class TidakDitemukan(Exception):
    pass


def _baris_sel(found) -> str:
    """The text of the first cell of the table row the found text stands in ("" outside
    tables)."""
    try:
        cell, tabel = found.Cell, found.TextTable
    except AttributeError:
        return ""
    if cell is None or tabel is None:
        return ""
    nomor = "".join(c for c in cell.CellName if c.isdigit())
    return tabel.getCellByName(f"A{nomor}").getString()


def _cari(doc, teks: str, ke: int = 1, baris: str = ""):
    """The `ke`-th occurrence of `teks` (in a table row whose first cell reads `baris`)."""
    sd = doc.createSearchDescriptor()
    sd.SearchString = teks
    sd.SearchCaseSensitive = True
    found = doc.findFirst(sd)
    n = 0
    while found is not None:
        if not baris or _baris_sel(found) == baris:
            n += 1
            if n == ke:
                return found
        found = doc.findNext(found.getEnd(), sd)
    raise TidakDitemukan(f"{teks} ({baris}, ke-{ke})")


def _tambah(doc, awalan: str, tambahan: str, paragraf: str) -> None:
    text = doc.getText()
    items = text.createEnumeration()
    while items.hasMoreElements():
        el = items.nextElement()
        if el.supportsService("com.sun.star.text.Paragraph") and el.getString().startswith(awalan):
            cursor = text.createTextCursorByRange(el.getEnd())
            text.insertString(cursor, tambahan, False)
            text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK
            text.insertString(cursor, paragraf, False)
            return
    raise TidakDitemukan(awalan)


def _format(found, langkah: dict) -> None:
    if langkah.get("bold"):
        found.CharWeight = 150.0
    if langkah.get("italic"):
        found.CharPosture = uno.Enum("com.sun.star.awt.FontSlant", "ITALIC")
    if langkah.get("underline"):
        found.CharUnderline = 1
    if "warna" in langkah:
        found.CharColor = int(langkah["warna"])
    if "ukuran" in langkah:
        found.CharHeight = float(langkah["ukuran"])
    if "sorot" in langkah:
        found.CharBackColor = int(langkah["sorot"])


def _isi(doc, found, jenis: str, **sifat) -> None:
    obj = doc.createInstance(jenis)
    for k, v in sifat.items():
        setattr(obj, k, v)
    found.getText().insertTextContent(found, obj, True)


def _jalankan(doc, langkah: dict) -> None:
    op = langkah["op"]
    if op == "tambah":
        _tambah(doc, langkah["awalan"], langkah.get("teks", ""), langkah.get("paragraf", ""))
        return
    found = _cari(doc, langkah["cari"], int(langkah.get("ke", 1)), langkah.get("baris", ""))
    if op == "format":
        _format(found, langkah)
    elif op == "tautan":
        found.HyperLinkURL = langkah["url"]
    elif op == "bookmark":
        _isi(doc, found, "com.sun.star.text.Bookmark", Name=langkah["nama"])
    elif op == "komentar":
        ann = doc.createInstance("com.sun.star.text.textfield.Annotation")
        ann.setPropertyValue("Author", "Staf")
        ann.setPropertyValue("Content", langkah["teks"])
        waktu = uno.createUnoStruct("com.sun.star.util.DateTime")
        waktu.Year, waktu.Month, waktu.Day, waktu.Hours = 2025, 2, 3, 9
        ann.setPropertyValue("DateTimeValue", waktu)
        found.getText().insertTextContent(found, ann, True)
    elif op == "halaman_baru":
        cursor = found.getText().createTextCursorByRange(found)
        cursor.BreakType = uno.Enum("com.sun.star.style.BreakType", "PAGE_BEFORE")
    elif op == "lanskap":
        akhir = _cari(doc, langkah["sampai"], int(langkah.get("sampai_ke", 1)))
        kembali = akhir.getText().createTextCursorByRange(akhir)
        semula = kembali.PageStyleName
        cursor = found.getText().createTextCursorByRange(found)
        cursor.PageDescName = "Landscape"
        kembali.PageDescName = semula
    elif op == "ketik_sel":
        cell = found.Cell
        cursor = cell.createTextCursor()
        cursor.gotoStart(False)
        cursor.gotoEnd(True)
        cell.insertString(cursor, langkah["teks"], True)
    elif op == "ketik_depan":
        found.getText().insertString(found.getStart(), langkah["teks"], False)
    else:
        raise ValueError(op)


def main() -> int:
    soffice, src, dst = sys.argv[1:4]
    if sys.argv[4] == "--langkah":
        semua = json.loads(Path(sys.argv[5]).read_text(encoding="utf-8"))
    else:
        awalan, tambahan, paragraf = sys.argv[4:7]
        semua = [{"op": "tambah", "awalan": awalan, "teks": tambahan, "paragraf": paragraf}]
    profile = Path(tempfile.mkdtemp(prefix="lkj-lo-"))
    # LibreOffice works on a copy: its lock file never lands beside the file under test
    salinan = profile / "sumber.docx"
    shutil.copyfile(src, salinan)
    pipe = f"lkjsunting{os.getpid()}"
    proc = subprocess.Popen([soffice, "--headless", "--invisible", "--norestore", "--nologo",
                             "--nolockcheck", f"-env:UserInstallation={profile.as_uri()}",
                             f"--accept=pipe,name={pipe};urp;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(400):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # not listening yet
                time.sleep(0.25)
        else:
            return 2
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(salinan.as_uri(), "_blank", 0,
                                           (_prop("Hidden", True),))
        if doc is None:
            with contextlib.suppress(Exception):
                desktop.terminate()
            return 4
        kode = 0
        try:
            for langkah in semua:
                _jalankan(doc, langkah)
            doc.storeToURL(Path(dst).resolve().as_uri(),
                           (_prop("FilterName", "MS Word 2007 XML"),))
        except TidakDitemukan as exc:
            print(f"tidak ditemukan: {exc}", file=sys.stderr)
            kode = 3
        finally:
            with contextlib.suppress(Exception):
                doc.close(True)
            with contextlib.suppress(Exception):  # the bridge goes down with the office
                desktop.terminate()
        return kode
    finally:
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    sys.exit(main())
