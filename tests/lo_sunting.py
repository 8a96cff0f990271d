"""Edit a .docx in LibreOffice as a person would, then save it as .docx (run with uno's Python).

    python lo_sunting.py SOFFICE SUMBER.docx TUJUAN.docx AWALAN TAMBAHAN PARAGRAF_BARU

Opens SUMBER with a throw-away profile, appends TAMBAHAN to the first paragraph starting with
AWALAN, types PARAGRAF_BARU as a new paragraph after it, and stores the document as Word 2007-365
(.docx) in TUJUAN: LibreOffice rewrites every part of the file, as it does for a person.
"""

from __future__ import annotations

import contextlib
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


def main() -> int:
    soffice, src, dst, awalan, tambahan, paragraf = sys.argv[1:7]
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
        text = doc.getText()
        items = text.createEnumeration()
        found = False
        while items.hasMoreElements():
            el = items.nextElement()
            if el.supportsService("com.sun.star.text.Paragraph") and \
                    el.getString().startswith(awalan):
                cursor = text.createTextCursorByRange(el.getEnd())
                text.insertString(cursor, tambahan, False)
                text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK
                text.insertString(cursor, paragraf, False)
                found = True
                break
        doc.storeToURL(Path(dst).resolve().as_uri(), (_prop("FilterName", "MS Word 2007 XML"),))
        doc.close(True)
        with contextlib.suppress(Exception):  # the bridge goes down with the office
            desktop.terminate()
        return 0 if found else 3
    finally:
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    sys.exit(main())
