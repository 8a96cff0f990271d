"""Edit a .docx in LibreOffice as a person would, then save it as .docx (run with uno's Python).

    python lo_sunting.py SOFFICE SUMBER.docx TUJUAN.docx AWALAN TAMBAHAN PARAGRAF_BARU
    python lo_sunting.py SOFFICE SUMBER.docx TUJUAN.docx --langkah LANGKAH.json

Opens SUMBER with a throw-away profile and stores it as Word 2007-365 (.docx) in TUJUAN:
LibreOffice rewrites every part of the file, as it does for a person. The first form appends
TAMBAHAN to the first paragraph starting with AWALAN and types PARAGRAF_BARU as a new paragraph
after it. The second form runs a list of steps, each a dict with "op" and the text it finds
("cari", the first occurrence; "ke", which occurrence, from 1):

- "format": bold, italic, underline, colour (0xRRGGBB), size (pt), highlight (0xRRGGBB);
- "tautan": a hyperlink ("url") over the found text;
- "bookmark": a bookmark ("nama") over the found text;
- "komentar": a comment ("teks") on the found text;
- "halaman_baru": a page break before the found text's paragraph (Ctrl+Enter at its start);
- "lanskap": the found text's paragraph starts a landscape page (a new section);
- "ketik_sel": the found text's table cell selected whole and typed over with "teks";
- "ketik_depan": "teks" typed just before the found text;
- "tambah": TAMBAHAN/PARAGRAF_BARU as in the first form ("teks", "paragraf").

Exit code 3 when a text to find is not there.
"""

from __future__ import annotations

import contextlib
import json
import os
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


def _cari(doc, teks: str, ke: int = 1):
    sd = doc.createSearchDescriptor()
    sd.SearchString = teks
    sd.SearchCaseSensitive = True
    found = doc.findFirst(sd)
    for _ in range(ke - 1):
        if found is None:
            break
        found = doc.findNext(found.getEnd(), sd)
    if found is None:
        raise TidakDitemukan(teks)
    return found


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
    found = _cari(doc, langkah["cari"], int(langkah.get("ke", 1)))
    if op == "format":
        _format(found, langkah)
    elif op == "tautan":
        found.HyperLinkURL = langkah["url"]
    elif op == "bookmark":
        _isi(doc, found, "com.sun.star.text.Bookmark", Name=langkah["nama"])
    elif op == "komentar":
        _isi(doc, found, "com.sun.star.text.textfield.Annotation", Author="Staf",
             Content=langkah["teks"])
    elif op in ("halaman_baru", "lanskap"):
        cursor = found.getText().createTextCursorByRange(found)
        if op == "lanskap":
            cursor.PageDescName = "Landscape"
        else:
            cursor.BreakType = uno.Enum("com.sun.star.style.BreakType", "PAGE_BEFORE")
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
    pipe = f"lkjsunting{os.getpid()}"
    proc = subprocess.Popen([soffice, "--headless", "--invisible", "--norestore", "--nologo",
                             f"-env:UserInstallation={profile.as_uri()}",
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
        doc = desktop.loadComponentFromURL(Path(src).resolve().as_uri(), "_blank", 0,
                                           (_prop("Hidden", True),))
        kode = 0
        try:
            for langkah in semua:
                _jalankan(doc, langkah)
        except TidakDitemukan as exc:
            print(f"tidak ditemukan: {exc}", file=sys.stderr)
            kode = 3
        doc.storeToURL(Path(dst).resolve().as_uri(), (_prop("FilterName", "MS Word 2007 XML"),))
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
