"""Copying parts of one rendered report into another (generator.merge.perbarui's merge).

`Pengimpor(lama, baru)` deep-copies an element of `baru` for insertion into `lama`; what the
element points to follows it: pictures (deduplicated by python-docx), charts with their embedded
workbooks (copied under free part names), hyperlinks, list numbering (mapped onto the list the
replaced part belonged to, or a copy of the definition) and styles the report no longer has.
"""

from __future__ import annotations

import io
import re
from copy import deepcopy

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from generator import kontrak as k
from generator.files.nama_part import partname_baru, relasi_baru

_R = k.NS["r"]
_NILAI_ATRIBUT = re.compile(r'="([^"<>]*)"')
_ATRIBUT_REL = ("id", "embed", "link", "pict", "dm", "lo", "qs", "cs")
# the elements an imported part needs followed: relationship ids, list numbers, styles
_XPATH_REL = "descendant-or-self::*[" + " or ".join(f"@r:{a}" for a in _ATRIBUT_REL) + "]"
_XPATH_GAYA = "descendant-or-self::*[self::w:pStyle or self::w:rStyle or self::w:tblStyle]"


class Pengimpor:
    """Copies elements of the new rendering into the report: relationships (pictures, charts,
    links), list numbering and styles follow them."""

    def __init__(self, lama, baru) -> None:
        self.lama, self.baru = lama, baru
        self.rel: dict[str, str] = {}
        self.num: dict[str, str] = {}
        self._num_lama = lama.part.numbering_part.element
        self._num_baru = baru.part.numbering_part.element
        self._gaya_lama = lama.styles.element
        self._gaya_baru = baru.styles.element
        ada = {s.get(qn("w:styleId")) for s in self._gaya_lama.findall(qn("w:style"))}
        self._gaya_ada = ada

    def pasangkan_nomor(self, el_lama, el_baru) -> None:
        """A replaced block's list stays the list it was in: new numId -> the old one."""
        a, b = _num_id(el_lama), _num_id(el_baru)
        if a and b and b not in self.num:
            self.num[b] = a

    def __call__(self, el):
        """A copy of `el` for the report, with what it points to: pictures and charts,
        numbering, styles (as docxcompose's Composer.insert takes them along)."""
        salinan = deepcopy(el)
        self._ikut_relasi(salinan)
        self._ikut_nomor(salinan)
        self._ikut_gaya(salinan)
        return salinan

    def _ikut_relasi(self, salinan) -> None:
        """Pictures, charts (with their workbooks) and hyperlinks: relationship ids renamed."""
        for node in salinan.xpath(_XPATH_REL):
            for nama in _ATRIBUT_REL:
                kunci = f"{{{_R}}}{nama}"
                rid = node.get(kunci)
                if rid:
                    node.set(kunci, self._rel(rid))

    def _ikut_nomor(self, salinan) -> None:
        for node in salinan.xpath("descendant-or-self::w:numId"):
            node.set(qn("w:val"), self._nomor(node.get(qn("w:val"))))

    def _ikut_gaya(self, salinan) -> None:
        for node in salinan.xpath(_XPATH_GAYA):
            self._gaya(node.get(qn("w:val")))

    def _rel(self, rid: str) -> str:
        if rid in self.rel:
            return self.rel[rid]
        bagian_baru, bagian_lama = self.baru.part, self.lama.part
        rel = bagian_baru.rels.get(rid)
        if rel is None:
            return rid
        if rel.is_external:
            baru = bagian_lama.relate_to(rel.target_ref, rel.reltype, is_external=True)
        elif rel.reltype == RT.IMAGE:
            baru, _ = bagian_lama.get_or_add_image(io.BytesIO(rel.target_part.blob))
        else:
            baru = relasi_baru(bagian_lama, _salin_part(rel.target_part, bagian_lama.package),
                               rel.reltype)
        self.rel[rid] = baru
        return baru

    def _nomor(self, num_id: str) -> str:
        if num_id in self.num or num_id in ("0", None):
            return self.num.get(num_id, num_id)
        num = next((n for n in self._num_baru.findall(qn("w:num"))
                    if n.get(qn("w:numId")) == num_id), None)
        if num is None:
            return num_id
        abstrak_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        abstrak = next(a for a in self._num_baru.findall(qn("w:abstractNum"))
                       if a.get(qn("w:abstractNumId")) == abstrak_id)
        id_abstrak = self._abstrak_sama(abstrak)
        ids = [int(n.get(qn("w:numId"))) for n in self._num_lama.findall(qn("w:num"))]
        baru = str(max(ids, default=0) + 1)
        salinan = deepcopy(num)
        salinan.set(qn("w:numId"), baru)
        salinan.find(qn("w:abstractNumId")).set(qn("w:val"), id_abstrak)
        self._num_lama.append(salinan)
        self.num[num_id] = baru
        return baru

    def _abstrak_sama(self, abstrak) -> str:
        """The old numbering's abstractNum equal to this one, else a copy of it."""
        kunci = _inti(abstrak)
        semua = self._num_lama.findall(qn("w:abstractNum"))
        for a in semua:
            if _inti(a) == kunci:
                return a.get(qn("w:abstractNumId"))
        baru = str(max((int(a.get(qn("w:abstractNumId"))) for a in semua), default=-1) + 1)
        salinan = deepcopy(abstrak)
        salinan.set(qn("w:abstractNumId"), baru)
        self._tambah_abstrak(salinan, semua)
        return baru

    def _tambah_abstrak(self, salinan, semua: list) -> None:
        """An abstractNum into the report's numbering, after the others, before every w:num."""
        nums = self._num_lama.findall(qn("w:num"))
        if nums:
            nums[0].addprevious(salinan)
        elif semua:
            semua[-1].addnext(salinan)
        else:
            self._num_lama.insert(0, salinan)

    def _gaya(self, style_id: str | None) -> None:
        """A style the report lost (its unused styles were removed) comes from the new one."""
        while style_id and style_id not in self._gaya_ada:
            gaya = next((s for s in self._gaya_baru.findall(qn("w:style"))
                         if s.get(qn("w:styleId")) == style_id), None)
            if gaya is None:
                return
            self._gaya_lama.append(deepcopy(gaya))
            self._gaya_ada.add(style_id)
            dasar = gaya.find(qn("w:basedOn"))
            style_id = dasar.get(qn("w:val")) if dasar is not None else None


def _inti(abstrak) -> bytes:
    """An abstractNum as it numbers, its id, nsid and template code aside."""
    a = deepcopy(abstrak)
    a.attrib.pop(qn("w:abstractNumId"), None)
    for el in list(a):
        if el.tag in (qn("w:nsid"), qn("w:tmpl")):
            a.remove(el)
    return etree.tostring(a, method="c14n")


def _num_id(el) -> str:
    num = el.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}") if el.tag == qn("w:p") \
        else None
    return num.get(qn("w:val")) if num is not None else ""


def _salin_part(part, package):
    """A copy of `part` (and the internal parts it points to) in `package`, under a free name."""
    pola = re.sub(r"\d*(\.\w+)$", r"%d\1", str(part.partname))
    salinan = Part(partname_baru(package, pola), part.content_type, part.blob, package)
    for rel in part.rels.values():
        if rel.is_external:
            salinan.rels.get_or_add_ext_rel(rel.reltype, rel.target_ref)
        else:
            anak = _salin_part(rel.target_part, package)
            salinan.rels.add_relationship(rel.reltype, anak, rel.rId)
    return salinan


def buang_rel_yatim(part) -> None:
    """Drop the report's relationships to charts and pictures nothing shows any more.

    Every attribute value is read in one pass (searching the XML once per relationship took
    hours for 10.000 charts); a value holds no `<`, `>` or `"`, so text cannot hide one.
    """
    xml = etree.tostring(part.element).decode("utf-8")
    dipakai = {m[1] for m in _NILAI_ATRIBUT.finditer(xml)}
    for rid, rel in list(part.rels.items()):
        if rel.is_external or rel.reltype not in (RT.IMAGE, RT.CHART):
            continue
        if rid not in dipakai:
            part.rels.pop(rid)
