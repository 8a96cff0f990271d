"""What each editor does to a report when it saves it, for the `lkj perbarui` tests.

LibreOffice is run for real (tests/lo_sunting.py, `soffice --convert-to docx`). Word is not
available here: its edits are written as Word stores them (revision-save ids, split runs,
proofing marks, `_GoBack`, hyperlinks and bookmarks of its own kind). WPS Office and Google
Docs are not available either; `simpan_seperti_wps` and `simpan_seperti_google_docs` write what
they are known to rewrite (see their docstrings) and no more.
"""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from copy import deepcopy
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from doctools import libreoffice, soffice
from generator.files.properti import tulis_properti

LO_SUNTING = Path(__file__).with_name("lo_sunting.py")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def simpan_di_libreoffice(src: Path, folder: Path) -> Path:
    """Open and save (no change) in LibreOffice: `soffice --convert-to docx` re-saves the file."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([soffice(), f"-env:UserInstallation=file://{folder / 'profil'}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder / "lo"),
                    str(src)], check=True, capture_output=True, timeout=300)
    return folder / "lo" / src.name


def sunting_di_libreoffice(src: Path, dst: Path, langkah: list[dict]) -> Path:
    """Run editing steps in LibreOffice through UNO (tests/lo_sunting.py) and save as .docx."""
    lo = libreoffice()
    berkas = dst.with_suffix(".json")
    berkas.write_text(json.dumps(langkah), encoding="utf-8")
    hasil = subprocess.run([lo.python, str(LO_SUNTING), str(lo.soffice), str(src), str(dst),
                            "--langkah", str(berkas)], capture_output=True, text=True,
                           timeout=300)
    assert hasil.returncode == 0, hasil.stderr
    return dst


def ratakan_daftar_isi(src: Path, dst: Path) -> Path:
    """The Daftar Isi as LibreOffice leaves it when it turns the index into a content control
    with plain text: the TOC and PAGEREF fields and the links gone, the lines' text and styles
    kept."""
    doc = docx.Document(str(src))
    sdt = next(doc.element.body.iter(qn("w:sdt")))
    for link in list(sdt.iter(qn("w:hyperlink"))):
        for child in list(link):
            link.addprevious(child)
        link.getparent().remove(link)
    for r in list(sdt.iter(qn("w:r"))):
        if r.find(qn("w:fldChar")) is not None or r.find(qn("w:instrText")) is not None:
            r.getparent().remove(r)
    doc.save(str(dst))
    return dst


def simpan_seperti_wps(src: Path, dst: Path) -> Path:
    """What WPS Office (and Word in East Asian locales) is reported to write: style ids
    numbered ("heading 1" under id 2; names kept), its own custom properties
    (KSOProductBuildVer, ICV) beside the document's, and no `w:updateFields`. Not run in WPS."""
    doc = docx.Document(str(src))
    styles = doc.styles.element
    peta = {s.get(qn("w:styleId")): str(n) for n, s in enumerate(styles.iter(qn("w:style")),
                                                                  start=1)}
    for part in doc.part.package.iter_parts():
        el = getattr(part, "_element", None)
        if el is None or not str(part.partname).startswith("/word/"):
            continue
        for node in el.iter(*(qn(f"w:{t}") for t in ("pStyle", "rStyle", "tblStyle", "basedOn",
                                                      "next", "link"))):
            node.set(qn("w:val"), peta.get(node.get(qn("w:val")), node.get(qn("w:val"))))
    for s in styles.iter(qn("w:style")):
        s.set(qn("w:styleId"), peta[s.get(qn("w:styleId"))])
    uf = doc.settings.element.find(qn("w:updateFields"))
    if uf is not None:
        uf.getparent().remove(uf)
    tulis_properti(doc, {"KSOProductBuildVer": "1033-12.2.0.13359",
                         "ICV": "5B0F7C3C1AB94C36A3D4D0E7A5E3B2F1"})
    doc.save(str(dst))
    return dst


def simpan_seperti_google_docs(src: Path, dst: Path, bookmark: bool = True) -> Path:
    """What Google Docs is reported to do to a Word file it opens (cybertext.wordpress.com,
    "Google Docs and Word cross-references"): named styles other than Heading 1-3 become Normal
    and fields (captions' SEQ, the contents lists) become plain text. Whether it keeps bookmark
    names could not be checked; `bookmark=False` drops them all."""
    doc = docx.Document(str(src))
    body = doc.element.body
    for ps in body.iter(qn("w:pStyle")):
        if ps.get(qn("w:val")) not in ("Heading1", "Heading2", "Heading3"):
            ps.getparent().remove(ps)
    for rs in list(body.iter(qn("w:rStyle"))):
        rs.getparent().remove(rs)
    for fld in list(body.iter(qn("w:fldSimple"))):
        for child in list(fld):
            fld.addprevious(child)
        fld.getparent().remove(fld)
    for r in list(body.iter(qn("w:r"))):
        if r.find(qn("w:fldChar")) is not None or r.find(qn("w:instrText")) is not None:
            r.getparent().remove(r)
    if not bookmark:
        for b in list(body.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"))):
            b.getparent().remove(b)
    doc.save(str(dst))
    return dst


# --- Word's own kind of edits, written as Word stores them ---------------------------------------


def _paragraf(doc, awal: str):
    return next(p for p in doc.paragraphs if p.text.startswith(awal))


def _pecah(run, teks: str):
    """Split a run after `teks`: (the run holding `teks`, the new run after it), both with the
    run's properties, as Word does when part of a run gets other formatting."""
    sisa = deepcopy(run._r)
    t_sisa = sisa.find(qn("w:t"))
    t_sisa.text = run.text[len(teks):]
    t_sisa.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.text = teks
    run._r.addnext(sisa)
    return run._r, sisa


def sunting_seperti_word(src: Path, dst: Path, angka: str, tautan: str, bookmark: str,
                         halaman_baru: str, lanskap: str, komentar: str) -> Path:
    """Edits a person makes in Word without changing any text, stored the way Word stores them:
    the figure `angka` (inside a generated sentence) bold, italic, underlined, red, 14 pt,
    highlighted, in a run of its own with a revision id; a hyperlink over the words `tautan`
    at a paragraph's start; a bookmark `_Ref…` over the words `bookmark` and a REF field to it
    in a paragraph of the person's; Ctrl+Enter at the start of `halaman_baru`'s paragraph; a
    landscape section ending at `lanskap`'s paragraph; a comment on the first word of
    `komentar`'s paragraph; Word's `_GoBack` bookmark."""
    doc = docx.Document(str(src))
    p = next(p for p in doc.paragraphs if angka in p.text)
    run = next(r for r in p.runs if angka in r.text)
    awal = run.text.index(angka)
    if awal:
        _, sisa = _pecah(run, run.text[:awal])
        run = docx.text.run.Run(sisa, run._parent)
    r_angka, _ = _pecah(run, angka)
    r_angka.set(qn("w:rsidRPr"), "00B7E2C1")
    r_angka.insert(0, parse_xml(
        f'<w:rPr {nsdecls("w")}><w:b/><w:i/><w:color w:val="C00000"/><w:sz w:val="28"/>'
        '<w:szCs w:val="28"/><w:highlight w:val="yellow"/><w:u w:val="single"/></w:rPr>'))
    # a hyperlink over the first words of a paragraph
    p = _paragraf(doc, tautan)
    r_link, _ = _pecah(p.runs[0], tautan)
    rid = doc.part.relate_to("https://jdih.kpu.go.id/", RT.HYPERLINK, is_external=True)
    link = parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}" w:history="1"/>')
    r_link.addprevious(link)
    link.append(r_link)
    r_link.insert(0, parse_xml(f'<w:rPr {nsdecls("w")}><w:rStyle w:val="Hyperlink"/></w:rPr>'))
    # a bookmark over words, and a cross-reference to it in the person's own paragraph
    p = _paragraf(doc, bookmark)
    r_bm, _ = _pecah(p.runs[0], bookmark)
    r_bm.addprevious(parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="901" '
                               'w:name="_Ref190000001"/>'))
    r_bm.addnext(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="901"/>'))
    rujukan = p.insert_paragraph_before("Lihat: ")
    rujukan._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" REF _Ref190000001 \\h "><w:r><w:t>{bookmark}'
        '</w:t></w:r></w:fldSimple>'))
    # Ctrl+Enter at a paragraph's start: Word stores the break in a run of its own there
    p = _paragraf(doc, halaman_baru)
    ppr = p._p.find(qn("w:pPr"))
    p._p.insert(0 if ppr is None else 1, parse_xml(
        f'<w:r {nsdecls("w")} w:rsidR="00C3D4E5"><w:br w:type="page"/></w:r>'))
    # a landscape section: its break ends the paragraph before the wide part
    p = _paragraf(doc, lanskap)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:sectPr {nsdecls("w")} w:rsidR="00D5E6F7"><w:pgSz w:w="16838" w:h="11906" '
        'w:orient="landscape"/><w:pgMar w:top="1701" w:right="1701" w:bottom="1701" '
        'w:left="2268" w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="708"/>'
        '</w:sectPr>'))
    # a comment on the first word of a paragraph
    p = _paragraf(doc, komentar)
    doc.add_comment(p.runs[0], text="Cek ulang dengan bagian Program.", author="Kasubbag",
                    initials="KS")
    # Word's last-edit bookmark
    p = _paragraf(doc, tautan)._p
    p.append(parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="902" w:name="_GoBack"/>'))
    p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="902"/>'))
    doc.save(str(dst))
    return dst


def teks_dokumen(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def hitung(path: Path, pola: str) -> int:
    return len(re.findall(pola, teks_dokumen(path)))
