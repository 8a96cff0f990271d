"""Clean a python-docx document's package the way current Word writes it (used by build_template).

python-docx starts from its own default template: a Word 2010 Mac document with a thumbnail,
`stylesWithEffects.xml`, a bibliography stub, the 2006 Office theme, Mac Office 2008 namespaces
(`mo`, `mv`) on its root elements, Word 2010's latent styles, 190 styles, fonts and list
definitions nobody uses, a "spell-checked" mark, US number separators, East Asian layout and
uncompressed pictures in compatibility mode 14. `bersihkan_paket` removes all of that, puts
in a current Office theme (tema-office.xml, Arial) and sets Indonesian settings.

Latent styles are dropped rather than replaced by Word 2013's list: the schema makes them
optional, Word then applies its own defaults to the built-in styles the template does not
define (every style lkj uses is defined), and LibreOffice writes none either.
"""

from __future__ import annotations

from pathlib import Path

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from generator.writing.kemasan import buang_tak_terpakai
from generator.kontrak import GAYA_TETAP, NS, NS_MAC, RT, RT_STYLES_WITH_EFFECTS

W = nsdecls("w")
TEMA = Path(__file__).resolve().parent / "tema-office.xml"
# Settings python-docx's template carries that describe another document, or that current
# Word does not write: keep pictures uncompressed (staff's photos should be compressed).
SETTINGS_BUANG = ("proofState", "savePreviewPicture", "rsids", "attachedTemplate",
                  "doNotAutoCompressPictures")


def bersihkan_paket(doc, gaya_tetap: tuple[str, ...] = GAYA_TETAP) -> None:
    """Drop the leftovers and unused definitions; set Indonesian, current-Word settings."""
    _buang_bagian(doc)
    atur_settings_bersih(doc.settings.element)
    buang_tak_terpakai(doc, gaya_tetap)
    for el in doc.styles.element.findall(qn("w:latentStyles")):
        doc.styles.element.remove(el)
    _tema(doc)
    for root in _akar_xml(doc):
        buang_ns_mac(root)


def _buang_bagian(doc) -> None:
    """No thumbnail, no stylesWithEffects, no customXml bibliography stub."""
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype in (RT_STYLES_WITH_EFFECTS, RT.CUSTOM_XML):
            doc.part.rels.pop(rid)


def _tema(doc) -> None:
    """The current Office theme (colours of Office 2013 and later, Arial) for the 2006 one."""
    for rel in doc.part.rels.values():
        if rel.reltype == RT.THEME and not rel.is_external:
            rel.target_part._blob = TEMA.read_bytes()


def _akar_xml(doc) -> list:
    """The root elements of the XML parts python-docx parsed: body, styles, settings, lists,
    headers and footers."""
    akar = [doc.element, doc.styles.element, doc.settings.element]
    akar += [rel.target_part.element for rel in doc.part.rels.values()
             if rel.reltype in (RT.NUMBERING, RT.HEADER, RT.FOOTER) and not rel.is_external]
    return akar


def buang_ns_mac(root) -> None:
    """Remove the Mac Office 2008 namespace declarations (nothing uses them); every other
    declaration stays, including those mc:Ignorable names."""
    tetap = [p for p, uri in root.nsmap.items() if p and uri not in NS_MAC]
    etree.cleanup_namespaces(root, keep_ns_prefixes=tetap)


def atur_settings_bersih(settings) -> None:
    """compatibilityMode 15 without East Asian layout, no proofState or copied ids,
    Indonesian separators and language."""
    for nama in SETTINGS_BUANG:
        for el in settings.findall(qn(f"w:{nama}")):
            settings.remove(el)
    for el in settings.findall(f"{{{NS['w14']}}}docId") + settings.findall(
            f"{qn('w:compat')}/{qn('w:useFELayout')}"):
        el.getparent().remove(el)
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
