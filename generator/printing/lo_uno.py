"""UNO script run under LibreOffice's Python: update indexes, export PDFs, report pages as JSON.

Not imported by lkj (it needs LibreOffice's `uno` module, which lkj's own Python usually lacks);
generator/printing/pdf.py runs it as a script with the Python that has `uno`:

    python lo_uno.py SOFFICE LAPORAN.docx TUJUAN.pdf
    python lo_uno.py SOFFICE -        (stdin: JSON [["A.docx", "A.pdf"], ["B.docx", "B.pdf"], ...])

It starts SOFFICE once, headless with a throw-away profile, and for each document in turn opens
the .docx hidden, updates every index and field twice (as Word does on open; the second pass
settles numbers the first one moved), exports the PDF and prints one JSON line on stdout as soon
as it is done: {"halaman": {bookmark: displayed page}, "jumlah": pages}, or {"galat": reason}
for a document LibreOffice could not convert (the next one is still tried). The documents are
never stored: only the PDFs are written.
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
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

BAHASA = ("id", "ID")
# The throw-away profile's settings: no macro runs, and nothing a document links to is fetched
# (pictures linked to http:// or file:// addresses, links to other files, DDE); the load
# properties in _satu() say the same for each document.
PROFIL = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">
 <prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop>
 <prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop>
 <prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop>
</item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update">
 <prop oor:name="Link" oor:op="fuse"><value>0</value></prop><!-- LinkUpdateModes.NEVER -->
</item>
</oor:items>
"""


def _prop(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _connect(pipe: str, proc: subprocess.Popen, timeout: float = 120.0):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + timeout
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if proc.poll() is not None:
                raise SystemExit(f"LibreOffice berhenti saat dijalankan (kode {proc.returncode})") \
                    from None
            if time.monotonic() > deadline:
                raise SystemExit("LibreOffice tidak dapat dihubungi") from None
            time.sleep(0.2)


def _keep_entry_style(index) -> None:
    """A list of tables or charts keeps the paragraph style of the entries lkj wrote; otherwise
    LibreOffice switches to its own "Figure Index 1" and loses the hanging indent."""
    if not index.supportsService("com.sun.star.text.IllustrationsIndex"):
        return
    start = index.getAnchor().getStart()
    style = start.getText().createTextCursorByRange(start).getPropertyValue("ParaStyleName")
    if style:
        index.setPropertyValue("ParaStyleLevel1", style)


def _update(doc) -> None:
    indexes = doc.getDocumentIndexes()
    for i in range(indexes.getCount()):
        with contextlib.suppress(Exception):  # a cosmetic step; the update itself must not fail
            _keep_entry_style(indexes.getByIndex(i))
    for _ in range(2):
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        doc.getTextFields().refresh()


def _set_language(doc) -> None:
    """Document language id-ID, which the PDF export writes as the catalog's /Lang."""
    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    locale.Language, locale.Country = BAHASA
    with contextlib.suppress(Exception):
        doc.setPropertyValue("CharLocale", locale)
    with contextlib.suppress(Exception):
        doc.getStyleFamilies().getByName("ParagraphStyles").getByName("Standard") \
            .setPropertyValue("CharLocale", locale)


def _export(doc, target: Path) -> None:
    options = uno.Any("[]com.sun.star.beans.PropertyValue", tuple(
        _prop(name, value) for name, value in (
            ("ExportBookmarks", True), ("UseTaggedPDF", True), ("EmbedStandardFonts", True),
            ("DisplayPDFDocumentTitle", True), ("ExportNotes", False),
            ("ExportFormFields", False), ("OpenBookmarkLevels", -1))))
    doc.storeToURL(target.resolve().as_uri(), (
        _prop("FilterName", "writer_pdf_Export"), _prop("FilterData", options)))


def _pages(doc) -> dict[str, str]:
    """Each bookmark's page as printed in the footer (i, ii, ... or 1, 2, ...).

    A page-number field in the page style's own format is put at the bookmark, read back and
    taken out again (fields left in would push later text onto later pages); this runs after
    the export, and the document is thrown away unsaved. lkj's part marks (`_lkj...`, one per
    paragraph) are not contents-list targets and are skipped.
    """
    cursor = doc.getCurrentController().getViewCursor()
    descriptor = uno.getConstantByName("com.sun.star.style.NumberingType.PAGE_DESCRIPTOR")
    current = uno.Enum("com.sun.star.text.PageNumberType", "CURRENT")
    bookmarks = doc.getBookmarks()
    anchors = {name: bookmarks.getByName(name).getAnchor().getStart()
               for name in bookmarks.getElementNames() if not name.startswith("_lkj")}
    pages = {}
    for name, start in anchors.items():
        cursor.gotoRange(start, False)
        field = doc.createInstance("com.sun.star.text.textfield.PageNumber")
        field.NumberingType, field.SubType = descriptor, current
        start.getText().insertTextContent(start, field, False)
        pages[name] = field.getPresentation(False)
        field.dispose()
    return pages


def _satu(desktop, source: Path, target: Path) -> dict:
    """Convert one document; its answer line."""
    # Read-only: no lock file beside the report, and a report the user has open (or a lock
    # file left behind) does not stop the load.
    doc = desktop.loadComponentFromURL(source.resolve().as_uri(), "_blank", 0, (
        _prop("Hidden", True), _prop("ReadOnly", True),
        _prop("MacroExecutionMode", uno.getConstantByName(
            "com.sun.star.document.MacroExecMode.NEVER_EXECUTE")),
        _prop("UpdateDocMode", uno.getConstantByName(
            "com.sun.star.document.UpdateDocMode.NO_UPDATE"))))
    if doc is None:
        return {"galat": f"LibreOffice tidak dapat membuka {source.name}"}
    try:
        _update(doc)
        _set_language(doc)
        _export(doc, target)
        count = doc.getCurrentController().getPropertyValue("PageCount")
        return {"halaman": _pages(doc), "jumlah": count}
    finally:
        doc.close(True)


def _jawab(answer: dict) -> None:
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()


def main(soffice: str, pairs: list[tuple[Path, Path]]) -> None:
    with tempfile.TemporaryDirectory(prefix="lkj-lo-") as profile:
        (Path(profile) / "user").mkdir()
        (Path(profile) / "user" / "registrymodifications.xcu").write_text(PROFIL, "utf-8")
        pipe = f"lkj-pdf-{os.getpid()}"
        proc = subprocess.Popen(
            [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
             "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
             f"--accept=pipe,name={pipe};urp;"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            remote = _connect(pipe, proc)
            desktop = remote.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", remote)
            for source, target in pairs:
                try:
                    answer = _satu(desktop, source, target)
                except Exception as exc:  # noqa: BLE001 - one document's failure, the rest go on
                    if proc.poll() is not None:
                        raise SystemExit(f"LibreOffice berhenti (kode {proc.returncode})") from None
                    answer = {"galat": f"LibreOffice gagal mengonversi {source.name} "
                                       f"({type(exc).__name__})"}
                _jawab(answer)
            with contextlib.suppress(Exception):  # the bridge drops as soffice exits
                desktop.terminate()
        finally:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _pairs(argv: list[str]) -> list[tuple[Path, Path]]:
    if argv == ["-"]:
        return [(Path(a), Path(b)) for a, b in json.load(sys.stdin)]
    return [(Path(argv[0]), Path(argv[1]))]


if __name__ == "__main__":
    main(sys.argv[1], _pairs(sys.argv[2:]))
