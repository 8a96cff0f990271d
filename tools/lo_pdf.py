"""Converts a .docx to PDF in LibreOffice after updating its indexes and fields, as Word does on
open when the document asks for it (w:updateFields); a developer and test tool, not used by lkj.

Runs under the system Python that has LibreOffice's `uno` module (Debian: python3-uno):
    /usr/bin/python3 tools/lo_pdf.py LAPORAN.docx LAPORAN.pdf
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
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def _prop(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _connect(pipe: str, proc: subprocess.Popen, timeout: float = 60.0):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + timeout
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("LibreOffice did not start") from None
            time.sleep(0.25)


def convert(source: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        pipe = f"lkj-pdf-{os.getpid()}"
        proc = subprocess.Popen(
            ["soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
             "--invisible", "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            remote = _connect(pipe, proc)
            desktop = remote.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", remote)
            doc = desktop.loadComponentFromURL(
                source.resolve().as_uri(), "_blank", 0, (_prop("Hidden", True),))
            indexes = doc.getDocumentIndexes()
            for _ in range(2):  # a second pass settles page numbers that moved with the first
                for i in range(indexes.getCount()):
                    indexes.getByIndex(i).update()
                doc.getTextFields().refresh()
            doc.storeToURL(target.resolve().as_uri(), (_prop("FilterName", "writer_pdf_Export"),))
            doc.close(True)
            with contextlib.suppress(Exception):  # the bridge drops as soffice exits
                desktop.terminate()
        finally:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    convert(Path(sys.argv[1]), Path(sys.argv[2]))
