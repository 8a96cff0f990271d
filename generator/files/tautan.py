"""Everything in a .docx that reaches outside it, removed before lkj or LibreOffice can follow it.

External relationships (linked pictures, an attached template, OLE links, frames,
subdocuments, linked chart data) and fields that fetch (INCLUDEPICTURE, INCLUDETEXT, LINK,
DDE, DATABASE, ...) are removed from the package generator.files.paket_docx read, each with a
warning naming the part and the target. What a field showed stays as plain content. Ordinary
hyperlinks to http(s) and mailto addresses stay what they are; a hyperlink to a file or a
network share (file://, \\\\server) is turned into its text.
"""

from __future__ import annotations

import re

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from generator.errors import PERINGATAN, Issue
from generator.kontrak import NS, RT_ATTACHED_TEMPLATE, RT_FRAME, RT_SUBDOCUMENT
from generator.files.isi_docx import rels_part, tampil

_W, _R, _NS_REL = NS["w"], NS["r"], NS["pr"]
W_R, W_RPR, W_HYPERLINK = f"{{{_W}}}r", f"{{{_W}}}rPr", f"{{{_W}}}hyperlink"
FLDCHAR, INSTRTEXT, FLDSIMPLE = f"{{{_W}}}fldChar", f"{{{_W}}}instrText", f"{{{_W}}}fldSimple"
_FLDCHARTYPE, _INSTR = f"{{{_W}}}fldCharType", f"{{{_W}}}instr"
W_SETTINGS, W_MAILMERGE = f"{{{_W}}}settings", f"{{{_W}}}mailMerge"
W_DRAWING = f"{{{_W}}}drawing"
A_BLIP = f"{{{NS['a']}}}blip"

# Fields whose result Word or LibreOffice fetches from a file, a server or another program.
MENJANGKAU = {"INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "IMPORT", "LINK", "DDE", "DDEAUTO",
              "DATABASE"}
_AMAN = re.compile(r"(?i)^(?:https?://|mailto:)")
_BARU = "; lkj tidak mengikuti rujukan ke luar berkas"

_NAMA_RELASI = {
    RT.IMAGE: "gambar tertaut ke", RT_ATTACHED_TEMPLATE: "templat terlampir",
    RT.OLE_OBJECT: "objek OLE tertaut ke", RT.HYPERLINK: "tautan ke",
    RT_FRAME: "bingkai yang memuat", RT_SUBDOCUMENT: "subdokumen",
    RT.PACKAGE: "data tertaut ke", RT.A_F_CHUNK: "potongan dokumen dari",
}


def aman(target: str) -> bool:
    """An ordinary web or e-mail address, which only a click follows."""
    return bool(_AMAN.match(target.strip()))


def _peringatan(part: str, what: str) -> Issue:
    return Issue("tautan-luar", f"{what} dibuang{_BARU}", part, PERINGATAN)


# --- fields ----------------------------------------------------------------------------------


class Medan:
    """One field: its start, separator and end (complex) or its w:fldSimple, and instruction."""

    def __init__(self, begin=None, simple=None) -> None:
        self.begin, self.simple = begin, simple
        self.separate = self.end = None
        self.instr = simple.get(_INSTR, "") if simple is not None else ""

    @property
    def jenis(self) -> str:
        words = self.instr.split()
        return words[0].upper() if words else ""

    @property
    def target(self) -> str:
        quoted = re.search(r'"([^"]*)"', self.instr)
        if quoted:
            return quoted[1]
        words = self.instr.split()
        return words[1] if len(words) > 1 else ""

    def menjangkau(self) -> bool:
        return self.jenis in MENJANGKAU or (self.jenis == "HYPERLINK" and not aman(self.target))


def medan(root) -> list[Medan]:
    """Every field in the part, complex and simple, in document order of their starts."""
    found: list[Medan] = []
    stack: list[Medan] = []
    for el in root.iter(FLDCHAR, INSTRTEXT, FLDSIMPLE):
        if el.tag == FLDSIMPLE:
            found.append(Medan(simple=el))
        elif el.tag == INSTRTEXT:
            if stack and stack[-1].separate is None:
                stack[-1].instr += el.text or ""
        elif el.get(_FLDCHARTYPE) == "begin":
            stack.append(Medan(begin=el))
            found.append(stack[-1])
        elif el.get(_FLDCHARTYPE) == "separate" and stack:
            stack[-1].separate = el
        elif el.get(_FLDCHARTYPE) == "end" and stack:
            stack.pop().end = el
    return found


def perlu_dibersihkan(root) -> bool:
    """Whether the part holds a field that reaches outside or a mail-merge data source."""
    if root.tag == W_SETTINGS and root.find(W_MAILMERGE) is not None:
        return True
    if next(root.iter(INSTRTEXT, FLDSIMPLE), None) is None:
        return False
    return any(m.menjangkau() for m in medan(root))


def _lepas(el) -> None:
    """Remove `el`, and the run it leaves with nothing to show."""
    parent = el.getparent() if el is not None else None
    if parent is None:
        return
    parent.remove(el)
    if parent.tag == W_R and all(child.tag == W_RPR for child in parent):
        _lepas(parent)


def _buka_bungkus(el) -> None:
    """Put `el`'s children where it stands, and drop `el`."""
    parent = el.getparent()
    if parent is None:
        return
    at = parent.index(el)
    for n, child in enumerate(list(el)):
        parent.insert(at + n, child)
    parent.remove(el)


def _leluhur(el, tag: str):
    """`el` itself or its nearest ancestor with `tag`; None when there is none."""
    while el is not None and el.tag != tag:
        el = el.getparent()
    return el


def _run(el):
    return _leluhur(el, W_R)


def _jadikan_hasil(m: Medan, runs: list, pos: dict) -> None:
    """A complex field becomes what it showed: the runs of its instruction go, its result stays."""
    first = _run(m.begin)
    last = _run(m.separate if m.separate is not None else m.end)
    if first in pos and last in pos:
        for run in runs[pos[first] + 1:pos[last]]:
            _lepas(run)
    for el in (m.begin, m.separate, m.end):
        _lepas(el)
    for run in (first, last):
        for instr in list(run.iter(INSTRTEXT)) if run is not None else ():
            _lepas(instr)


def _bersihkan_medan(root, part: str) -> list[Issue]:
    fields = [m for m in medan(root) if m.menjangkau()]
    runs = list(root.iter(W_R)) if fields else []
    pos = {run: n for n, run in enumerate(runs)}
    issues = []
    for m in fields:
        if m.simple is not None:
            _buka_bungkus(m.simple)
        else:
            _jadikan_hasil(m, runs, pos)
        rest = m.instr.strip()[len(m.jenis):].strip()
        issues.append(_peringatan(part, f"field {m.jenis} ({tampil(rest)})"))
    return issues


# --- relationships ---------------------------------------------------------------------------


def _buang_rujukan(root, rid: str) -> None:
    """Every reference to relationship `rid` in its source part: a link attribute (a:blip
    r:link) goes; an element that only points (w:attachedTemplate, o:OLEObject,
    c:externalData) goes; a w:hyperlink becomes its text."""
    for attr in root.xpath("//@*[namespace-uri()=$ns and .=$rid]", ns=_R, rid=rid):
        el = attr.getparent()
        if el is None:
            continue
        if el.tag == W_HYPERLINK:
            _buka_bungkus(el)
        elif attr.attrname == f"{{{_R}}}id":
            _lepas(el)
        else:
            del el.attrib[attr.attrname]
            if el.tag == A_BLIP and not any(k.startswith(f"{{{_R}}}") for k in el.attrib):
                _lepas(_leluhur(el, W_DRAWING))  # a picture with nothing left to show


def _buang_relasi(isi, rel) -> Issue:
    where = rels_part(rel.source)
    rels_root = isi.xml[where]
    for el in rels_root.findall(f"{{{_NS_REL}}}Relationship"):
        if el.get("Id") == rel.rid:
            rels_root.remove(el)
    isi.ubah.add(where)
    if rel.source:
        _buang_rujukan(isi.pohon(rel.source), rel.rid)
        isi.ubah.add(rel.source)
    what = _NAMA_RELASI.get(rel.reltype, "rujukan ke")
    return _peringatan(rel.source or where, f"{what} {tampil(rel.target)}")


def bersihkan(isi) -> list[Issue]:
    """Remove every reach outside the package from `isi` (generator.files.isi_docx.Isi), marking
    the parts it changed; one warning per thing removed."""
    issues = []
    for source in list(isi.rels):
        for rel in isi.rels[source]:
            if rel.external and not (rel.reltype == RT.HYPERLINK and aman(rel.target)):
                issues.append(_buang_relasi(isi, rel))
    for part, root in list(isi.xml.items()):
        if part.endswith(".rels") or not perlu_dibersihkan(root):
            continue
        issues += _bersihkan_medan(root, part)
        mail = root.find(W_MAILMERGE) if root.tag == W_SETTINGS else None
        if mail is not None:
            root.remove(mail)
            issues.append(_peringatan(part, "sambungan mail merge ke sumber data"))
        isi.ubah.add(part)
    return issues
