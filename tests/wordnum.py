"""Show Word's list and heading numbers as text in a loaded document, for tests that read text.

The report numbers its lists and headings through numbering.xml (generator.nomor), so their
numbers are no longer in the paragraphs' text. `tampilkan_nomor` computes each label as Word
would (per w:num counter, its startOverride, the level's numFmt, lvlText and suffix) and puts it
in front of the paragraph in the in-memory copy only, so text dumps read as the page does.
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


def _definisi(document) -> dict[str, tuple[int, str, str, str]]:
    """numId -> (start, numFmt, lvlText, suff) of level 0."""
    numbering = document.part.numbering_part.element
    abstrak = {a.get(qn("w:abstractNumId")): a.find(qn("w:lvl"))
               for a in numbering.findall(qn("w:abstractNum"))}
    hasil = {}
    for num in numbering.findall(qn("w:num")):
        lvl = abstrak[_val(num, qn("w:abstractNumId"))]
        start = _val(num, f"{qn('w:lvlOverride')}/{qn('w:startOverride')}") or \
            _val(lvl, qn("w:start"), "1")
        hasil[num.get(qn("w:numId"))] = (int(start), _val(lvl, qn("w:numFmt")),
                                         _val(lvl, qn("w:lvlText")), _val(lvl, qn("w:suff"), "tab"))
    return hasil


def tampilkan_nomor(document):
    """Prefix each numbered paragraph with its label (and tab or space); returns the document."""
    definisi = _definisi(document)
    hitung: dict[str, int] = {}
    for p in document.element.body.iter(qn("w:p")):
        num_id = _val(p, f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if not num_id or num_id not in definisi:
            continue
        start, fmt, teks, suff = definisi[num_id]
        hitung[num_id] = hitung.get(num_id, start - 1) + 1
        label = teks.replace("%1", _tulis(hitung[num_id], fmt))
        jeda = {"tab": "<w:tab/>", "space": '<w:t xml:space="preserve"> </w:t>'}.get(suff, "")
        run = parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">{label}</w:t>{jeda}</w:r>')
        p.get_or_add_pPr().addnext(run)
    return document
