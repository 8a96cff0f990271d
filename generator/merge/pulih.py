"""What other editors rewrite when they save a report, put back before the merge reads it.

LibreOffice renames styles it also has under another id (lkj's `caption` becomes `Caption1`,
and LibreOffice's own italic, left-aligned `Caption` takes the id `Caption`; `toc 1` becomes
`Contents1`); WPS Office and Word in East Asian locales number style ids (`heading 1` as `2`).
`samakan_gaya` gives the report's styles the ids the fresh rendering uses for the same style
names, everywhere they are referred to, so the merge, the captions and the contents lists
find them and imported parts keep lkj's look. LibreOffice also drops `w:updateFields`
(`pasang_update_fields` sets it again, so Word refreshes the contents lists on opening).
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from generator import kontrak as k

_STYLE = qn("w:style")
_STYLE_ID = qn("w:styleId")
_VAL = qn("w:val")
# elements whose w:val names a style, in styles, numbering and every story part
_RUJUKAN = tuple(qn(f"w:{t}") for t in (
    "pStyle", "rStyle", "tblStyle", "basedOn", "next", "link", "numStyleLink", "styleLink"))


def _gaya(styles) -> dict[str, tuple[str, str]]:
    """style id -> (type, name) of a styles part."""
    hasil = {}
    for s in styles.iter(_STYLE):
        nama = s.find(qn("w:name"))
        hasil[s.get(_STYLE_ID, "")] = (s.get(qn("w:type"), "paragraph"),
                                       nama.get(_VAL, "") if nama is not None else "")
    return hasil


def peta_gaya(gaya_lama: dict, gaya_baru: dict) -> dict[str, str]:
    """Old style id -> new id, for the report's styles whose name (exactly, else ignoring case)
    is a name the fresh rendering uses under another id; an old style standing on an id that is
    taken this way moves to a free id."""
    peta: dict[str, str] = {}
    for id_baru, (jenis, nama) in gaya_baru.items():
        if not nama or (id_baru in gaya_lama and gaya_lama[id_baru] == (jenis, nama)):
            continue
        sama = [i for i, (j, n) in gaya_lama.items() if j == jenis and n == nama] or \
            [i for i, (j, n) in gaya_lama.items() if j == jenis and n.lower() == nama.lower()]
        if len(sama) == 1 and sama[0] != id_baru and sama[0] not in peta:
            peta[sama[0]] = id_baru
    dipakai = set(gaya_lama) | set(peta.values())
    for id_lama in list(gaya_lama):
        if id_lama in peta.values() and id_lama not in peta:  # its id goes to another style
            n = 0
            while f"{id_lama}{n}" in dipakai:
                n += 1
            peta[id_lama] = f"{id_lama}{n}"
            dipakai.add(peta[id_lama])
    return peta


def _bagian_xml(doc) -> list:
    """The XML parts that may refer to a style: styles, numbering, document, headers,
    footers, notes, comments."""
    hasil = []
    for part in doc.part.package.iter_parts():
        el = getattr(part, "_element", None)
        if el is not None and part.partname.startswith("/word/") and \
                not part.partname.startswith(("/word/charts/", "/word/theme/")):
            hasil.append(el)
    return hasil


def samakan_gaya(lama, baru) -> list[str]:
    """Give the report's styles the fresh rendering's ids by name; returns the names of the
    styles an editor had renamed (for the person to read)."""
    gaya_lama = _gaya(lama.styles.element)
    peta = peta_gaya(gaya_lama, _gaya(baru.styles.element))
    if not peta:
        return []
    for root in _bagian_xml(lama):
        for el in root.iter(_RUJUKAN):
            if el.get(_VAL) in peta:
                el.set(_VAL, peta[el.get(_VAL)])
    for s in lama.styles.element.iter(_STYLE):
        if s.get(_STYLE_ID) in peta:
            s.set(_STYLE_ID, peta[s.get(_STYLE_ID)])
    baru_ids = set(_gaya(baru.styles.element))
    return sorted({gaya_lama[a][1] for a, b in peta.items() if b in baru_ids})


def pasang_update_fields(doc) -> bool:
    """`w:updateFields` in the settings, in schema order (Word then refreshes the contents lists
    and page references on opening); returns whether it had to be added."""
    settings = doc.settings.element
    ada = settings.find(qn("w:updateFields"))
    if ada is not None and ada.get(_VAL, "true") in ("true", "1", "on"):
        return False
    if ada is not None:
        settings.remove(ada)
    baru = OxmlElement("w:updateFields", {_VAL: "true"})
    later = {qn(f"w:{name}") for name in k.SETELAH_UPDATE_FIELDS}
    for child in settings:
        if child.tag in later:
            child.addprevious(baru)
            return True
    settings.append(baru)
    return True


_BS, _BE, _ID, _NAME = (qn(f"w:{t}") for t in ("bookmarkStart", "bookmarkEnd", "id", "name"))
_DIAM = {_BS, _BE, qn("w:proofErr"), qn("w:permStart"), qn("w:permEnd")}  # print as nothing
# inline wrappers an editor may have pushed a mark into (a hyperlink over a value's words)
_PEMBUNGKUS = {qn(f"w:{t}") for t in ("hyperlink", "smartTag", "customXml", "ins", "fldSimple")}


def angkat_tanda(body, awalan: str = k.TANDA) -> int:
    """lkj's bookmarks an editor moved into the edge of a hyperlink (LibreOffice puts a mark at
    a paragraph's start inside a hyperlink made over its first words) go back out beside it,
    where the merge reads them; returns how many moved."""
    nama_per_id = {b.get(_ID): b.get(_NAME, "") for b in body.iter(_BS)}
    n = 0
    for b in list(body.iter(_BS, _BE)):
        if b.getparent().tag not in _PEMBUNGKUS:
            continue
        nama = b.get(_NAME) or nama_per_id.get(b.get(_ID), "")
        if not nama.startswith(awalan):
            continue
        while b.getparent() is not None and b.getparent().tag in _PEMBUNGKUS:
            induk = b.getparent()
            if b.tag == _BS and all(s.tag in _DIAM for s in b.itersiblings(preceding=True)):
                induk.addprevious(b)
            elif b.tag == _BE and all(s.tag in _DIAM for s in b.itersiblings()):
                induk.addnext(b)
            else:
                break
            n += 1
    return n
