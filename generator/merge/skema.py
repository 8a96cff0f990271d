"""Schema slips LibreOffice makes in a .docx, mended in the parts `lkj perbarui` keeps.

LibreOffice 7.4 writes paragraph properties out of the schema's order (a folded section
break first), run properties twice (`<w:b/><w:b/>`) and `w:val="true"` where a table row's
on/off properties allow only "on"/"off". Word opens such files, but the Open XML validator
counts them as errors, and a kept part would carry them into the merged report. `rapikan`
puts the children of every pPr and rPr in schema order, one of each, and the row values right.
"""

from __future__ import annotations

from docx.oxml.ns import qn

# CT_PPr's children in schema order (CT_PPrBase, then rPr, sectPr, pPrChange)
_URUT_PPR = [qn(f"w:{t}") for t in (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
    "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
    "cnfStyle", "rPr", "sectPr", "pPrChange")]
# CT_ParaRPr / CT_RPr's children in schema order (revision marks first, rPrChange last)
_URUT_RPR = [qn(f"w:{t}") for t in (
    "ins", "del", "moveFrom", "moveTo", "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps",
    "smallCaps", "strike", "dstrike", "outline", "shadow", "emboss", "imprint", "noProof",
    "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz",
    "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
    "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange")]
_INDEKS_PPR = {tag: n for n, tag in enumerate(_URUT_PPR)}
_INDEKS_RPR = {tag: n for n, tag in enumerate(_URUT_RPR)}
# table row properties whose w:val is ST_OnOffOnly ("on"/"off") in the validator's schema
_HANYA_ON_OFF = {qn(f"w:{t}") for t in ("cantSplit", "tblHeader", "hidden")}
_VAL = qn("w:val")


def _urutkan(el, indeks: dict, satu: bool) -> bool:
    """Children of `el` in schema order (`indeks`: tag -> place; one of each when `satu`, the
    last written kept); left as they are when one is unknown. Returns whether anything moved."""
    anak = list(el)
    if any(c.tag not in indeks for c in anak):
        return False
    if satu:
        terakhir = {c.tag: c for c in anak}
        anak = [c for c in anak if terakhir[c.tag] is c]
    baru = sorted(anak, key=lambda c: indeks[c.tag])
    if baru == list(el):
        return False
    for c in list(el):
        el.remove(c)
    el.extend(baru)
    return True


def rapikan(root) -> int:
    """Mend LibreOffice's schema slips under `root`; returns how many elements changed."""
    n = 0
    for ppr in root.iter(qn("w:pPr")):
        n += _urutkan(ppr, _INDEKS_PPR, satu=False)
    for rpr in root.iter(qn("w:rPr")):
        n += _urutkan(rpr, _INDEKS_RPR, satu=True)
    for trpr in root.iter(qn("w:trPr")):
        for c in trpr:
            nilai = c.get(_VAL)
            if c.tag in _HANYA_ON_OFF and nilai is not None and nilai not in ("on", "off"):
                if nilai in ("true", "1"):
                    c.attrib.pop(_VAL)
                else:
                    c.set(_VAL, "off")
                n += 1
    return n
