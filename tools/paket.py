"""Clean a python-docx document's package the way current Word writes it (used by build_template).

python-docx starts from its own default template: a Word 2010 Mac document with a thumbnail,
`stylesWithEffects.xml`, a bibliography stub, 190 styles, fonts and list definitions nobody
uses, a "spell-checked" mark, US number separators and compatibility mode 14. `bersihkan_paket`
removes all of that and sets Indonesian settings; the figures-related parts are left alone.
"""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from generator.kemasan import buang_tak_terpakai
from generator.kontrak import GAYA_TETAP, NS, RT, RT_STYLES_WITH_EFFECTS

W = nsdecls("w")
# Settings python-docx's template carries that describe another document.
SETTINGS_BUANG = ("proofState", "savePreviewPicture", "rsids", "attachedTemplate")


def bersihkan_paket(doc, gaya_tetap: tuple[str, ...] = GAYA_TETAP) -> None:
    """Drop the leftovers and unused definitions; set Indonesian, current-Word settings."""
    _buang_bagian(doc)
    atur_settings_bersih(doc.settings.element)
    buang_tak_terpakai(doc, gaya_tetap)


def _buang_bagian(doc) -> None:
    """No thumbnail, no stylesWithEffects, no customXml bibliography stub."""
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype in (RT_STYLES_WITH_EFFECTS, RT.CUSTOM_XML):
            doc.part.rels.pop(rid)


def atur_settings_bersih(settings) -> None:
    """compatibilityMode 15, no proofState or copied ids, Indonesian separators and language."""
    for nama in SETTINGS_BUANG:
        for el in settings.findall(qn(f"w:{nama}")):
            settings.remove(el)
    for el in settings.findall(f"{{{NS['w14']}}}docId"):
        settings.remove(el)
    for cs in settings.iter(qn("w:compatSetting")):
        if cs.get(qn("w:name")) == "compatibilityMode":
            cs.set(qn("w:val"), "15")
    for el in settings.iter(qn("w:themeFontLang")):
        el.attrib.clear()
        el.set(qn("w:val"), "id-ID")
    for nama, nilai in (("decimalSymbol", ","), ("listSeparator", ";")):
        el = settings.find(qn(f"w:{nama}"))
        if el is None:
            el = parse_xml(f'<w:{nama} {W}/>')
            settings.append(el)
        el.set(qn("w:val"), nilai)
