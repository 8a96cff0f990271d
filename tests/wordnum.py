"""Show Word's list and heading numbers as text in a loaded document, for tests that read text.

The report numbers its lists and headings through numbering.xml (generator.writing.nomor), so their
numbers are no longer in the paragraphs' text. `tampilkan_nomor` computes each label as Word
would and puts it in front of the paragraph in the in-memory copy only, so text dumps read as
the page does: one counter per list definition (w:abstractNum), which every w:num of that
definition continues, restarted where a w:num with a startOverride is first used (LibreOffice
writes each list item with a w:num of its own and a startOverride on the first), then the
level's numFmt, lvlText and suffix.
"""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

_HURUF = "abcdefghijklmnopqrstuvwxyz"
_ROMAWI = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _romawi(n: int) -> str:
    hasil = ""
    for nilai, huruf in _ROMAWI:
        while n >= nilai:
            hasil, n = hasil + huruf, n - nilai
    return hasil


def _tulis(n: int, fmt: str) -> str:
    return {"decimal": str(n), "lowerLetter": _HURUF[(n - 1) % 26],
            "upperLetter": _HURUF[(n - 1) % 26].upper(), "upperRoman": _romawi(n)}.get(fmt, str(n))


def _val(el, path: str, default: str = "") -> str:
    found = el.find(path)
    return found.get(qn("w:val")) if found is not None else default


def _definisi(document) -> dict[str, tuple[str, int, bool, str, str, str]]:
    """numId -> (abstractNumId, start, restarts, numFmt, lvlText, suff) of level 0."""
    numbering = document.part.numbering_part.element
    abstrak = {a.get(qn("w:abstractNumId")): a.find(qn("w:lvl"))
               for a in numbering.findall(qn("w:abstractNum"))}
    hasil = {}
    for num in numbering.findall(qn("w:num")):
        abstrak_id = _val(num, qn("w:abstractNumId"))
        lvl = abstrak[abstrak_id]
        ulang = _val(num, f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        start = ulang or _val(lvl, qn("w:start"), "1")
        hasil[num.get(qn("w:numId"))] = (abstrak_id, int(start), bool(ulang),
                                         _val(lvl, qn("w:numFmt")), _val(lvl, qn("w:lvlText")),
                                         _val(lvl, qn("w:suff"), "tab"))
    return hasil


def tampilkan_nomor(document):
    """Prefix each numbered paragraph with its label (and tab or space); returns the document."""
    definisi = _definisi(document)
    hitung: dict[str, int] = {}
    dipakai: set[str] = set()
    for p in document.element.body.iter(qn("w:p")):
        num_id = _val(p, f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if not num_id or num_id not in definisi:
            continue
        abstrak_id, start, ulang, fmt, teks, suff = definisi[num_id]
        if ulang and num_id not in dipakai:
            hitung.pop(abstrak_id, None)
        dipakai.add(num_id)
        hitung[abstrak_id] = hitung.get(abstrak_id, start - 1) + 1
        num_id = abstrak_id
        label = teks.replace("%1", _tulis(hitung[num_id], fmt))
        jeda = {"tab": "<w:tab/>", "space": '<w:t xml:space="preserve"> </w:t>'}.get(suff, "")
        run = parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">{label}</w:t>{jeda}</w:r>')
        p.get_or_add_pPr().addnext(run)
    return document
