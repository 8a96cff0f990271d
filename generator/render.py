"""Render the report: context + docxtpl template -> a checked .docx, saved atomically.

The only module that imports docxtpl. Jinja runs sandboxed with autoescape and
StrictUndefined, so a value with `&` or `<` cannot corrupt the XML and a missing value fails
instead of printing blank. Charts in the context (dicts with a `gambar` path, see
generator.report) become pictures 14 cm wide carrying their alternative text. After
rendering, the document is finished here: table and chart captions numbered per chapter, the
Daftar Isi, Daftar Tabel and Daftar Grafik filled (Word refreshes them on open), picture ids
made unique, the paper size set, and no template tag may be left.
"""

from __future__ import annotations

import re
import zipfile
from datetime import datetime, timezone
from importlib.resources import files
from pathlib import Path

from docx.image.exceptions import UnrecognizedImageError
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from generator import kemasan
from generator.errors import LkjError
from generator.nomor import nomori
from generator.singgahan import LingkunganCepat, TemplatCepat

TAGS = ("{{", "}}", "{%", "%}", "{#", "#}")
# While rendering, the braces of values are encoded with private-use characters (ESC escapes
# itself), so that the leftover-tag check sees only the template's own tags; the text is
# decoded before saving.
ESC = "\ue000"
_KODE = {"\ue000": ESC + ESC, "{": ESC + "\ue001", "}": ESC + "\ue002"}
_KODE_BALIK = {v[1]: k for k, v in _KODE.items()}
_ENKODE = re.compile("[\ue000{}]")
_DEKODE = re.compile("\ue000([\ue000\ue001\ue002])")
KERTAS = {"A4": (11906, 16838), "F4": (12189, 18709)}  # twips: 210x297 mm, 215x330 mm
TINGGI_LOGO = Mm(35)
# A4 text width is 210 - 40 - 30 mm = 14 cm (F4 is wider); charts are drawn 15 cm wide and shrink.
LEBAR_GRAFIK = Cm(14)
JUDUL = {"Heading1": 1, "Heading2": 2, "Heading3": 3}
GAYA_DAFTAR_ISI = {1: "TOC1", 2: "TOC2", 3: "TOC3"}
GAYA_DAFTAR_TABEL = "TableofFigures"
CAPTION = "Caption"
SEQ = re.compile(r"^\s*SEQ\s+(Tabel|Grafik)\b")


# --- template ------------------------------------------------------------------------------


def default_template() -> Path:
    """The installed package's template, else the repository's templates/laporan.docx."""
    for package, parts in (("generator.templates", ()), ("generator", ("templates",))):
        try:
            resource = files(package)
            for part in (*parts, "laporan.docx"):
                resource = resource / part
            if resource.is_file():
                return Path(str(resource))
        except (ModuleNotFoundError, TypeError, NotADirectoryError):
            continue
    return Path(__file__).resolve().parents[1] / "templates" / "laporan.docx"


def _lindungi(value: object) -> object:
    """Jinja finalize: encode the braces of plain string values (see ESC)."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return _ENKODE.sub(lambda m: _KODE[m.group()], value)
    return value


def _pulihkan(text: str) -> str:
    return _DEKODE.sub(lambda m: _KODE_BALIK[m.group(1)], text)


def make_environment() -> SandboxedEnvironment:
    """The sandboxed, autoescaping, strict Jinja environment every rendering uses; compiled
    templates are cached on disk (generator.singgahan)."""
    return LingkunganCepat(undefined=StrictUndefined, autoescape=True, finalize=_lindungi)


def _logo(tpl: DocxTemplate, path: str) -> InlineImage | str:
    """The logo as a picture 35 mm high; "" when there is none."""
    if not path:
        return ""
    berkas = Path(path)
    if not berkas.is_file():
        raise LkjError(f"Berkas logo tidak ditemukan: {berkas}")
    return InlineImage(tpl, str(berkas), height=TINGGI_LOGO)


class Gambar(InlineImage):
    """An InlineImage whose wp:docPr carries the alternative text Word shows as Alt Text.

    docxtpl's InlineImage writes no description; this builds the same run with `descr` set.
    The text is brace-encoded like every value (see ESC) and decoded after the tag check.
    """

    def __init__(self, tpl: DocxTemplate, path: str, alt: str, width) -> None:
        super().__init__(tpl, path, width=width)
        self.alt = alt

    def _insert_image(self) -> str:
        inline = self.tpl.current_rendering_part.new_pic_inline(
            self.image_descriptor, self.width, self.height)
        inline.docPr.set("descr", _lindungi(self.alt))
        return (f"</w:t></w:r><w:r><w:drawing>{inline.xml}</w:drawing></w:r><w:r>"
                '<w:t xml:space="preserve">')


class GrafikAsli:
    """A native Word chart (generator.chartpart) placed where the template prints it.

    The chart part and its workbook are added when Jinja prints the value, to the part being
    rendered; the alternative text is brace-encoded like every value (see ESC).
    """

    def __init__(self, tpl: DocxTemplate, grafik, width) -> None:
        self.tpl, self.grafik, self.width = tpl, grafik, width

    def __html__(self) -> str:
        from .chartpart import tambah_grafik

        drawing = tambah_grafik(self.tpl.current_rendering_part, self.grafik, int(self.width),
                                _lindungi(self.grafik.alt))
        return f'</w:t></w:r><w:r>{drawing}</w:r><w:r><w:t xml:space="preserve">'

    __str__ = __html__


def _grafik(tpl: DocxTemplate, value):
    """The context with every chart dict's `gambar` turned into a GrafikAsli (a chart
    specification) or a Gambar (a picture path)."""
    if isinstance(value, list):
        return [_grafik(tpl, v) for v in value]
    if not isinstance(value, dict):
        return value
    if hasattr(value.get("gambar"), "seri"):
        return {**value, "gambar": GrafikAsli(tpl, value["gambar"], LEBAR_GRAFIK)}
    if isinstance(value.get("gambar"), str) and value["gambar"]:
        berkas = Path(value["gambar"])
        if not berkas.is_file():
            raise LkjError(f"Berkas grafik tidak ditemukan: {berkas}")
        return {**value, "gambar": Gambar(tpl, str(berkas), value.get("alt", ""), LEBAR_GRAFIK)}
    return {k: _grafik(tpl, v) for k, v in value.items()}


def render_report(context: dict, out_path: Path, template: Path | None = None) -> Path:
    """Fill the template with `context` (from generator.report.build) and write `out_path`.

    Raises LkjError when the template is missing or broken, a value is missing, the logo
    cannot be read, a tag is left unfilled, or the file cannot be written.
    """
    template = Path(template) if template else default_template()
    if not template.is_file():
        raise LkjError(f"Templat tidak ditemukan: {template}")
    tpl = TemplatCepat(template)
    try:
        tpl.init_docx()  # docxtpl opens the file lazily; open it here to report a bad one
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as exc:
        raise LkjError(f"Templat {template} bukan dokumen Word .docx yang dapat dibaca") from exc
    isi = {**_grafik(tpl, context), "logo": _logo(tpl, context.get("logo", ""))}
    try:
        tpl.render(isi, jinja_env=make_environment(), autoescape=True)
    except TemplateError as exc:
        raise LkjError(f"Templat {template.name} tidak dapat diisi: {exc}") from exc
    except UnrecognizedImageError as exc:
        raise LkjError(
            f"Logo bukan gambar yang dikenali (gunakan PNG atau JPG): {context['logo']}"
        ) from exc
    doc = tpl.docx
    selesaikan(doc, context.get("kertas", "A4"))
    periksa_tag(doc)
    _pulihkan_kurung(doc)
    _kemas(doc, context)
    return _simpan(tpl, Path(out_path))


# --- finishing the document ----------------------------------------------------------------


def selesaikan(doc, kertas: str) -> None:
    """Number the captions, fill Daftar Isi, Daftar Tabel and Daftar Grafik, set the paper,
    and let Word number the lists and headings (generator.nomor)."""
    body = doc.element.body
    nomori_caption(body)
    judul, daftar = _tandai(body)
    isi_daftar(body, lambda instr: "\\o" in instr, judul)
    for label, entri in daftar.items():
        isi_daftar(body, lambda instr, label=label: f'\\c "{label}"' in instr, entri)
    nomori_gambar(body)
    satukan_sel_gabung(body)
    atur_kertas(body, kertas)
    nomori(doc)  # after the contents lists, which keep the typed numbers as their text


def _gaya(p) -> str:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val")) if style is not None else ""


def _bab_baru(p) -> bool:
    return _gaya(p) == "Heading1"


def _seq(fld) -> str:
    """`Tabel` or `Grafik` for a caption's SEQ field, "" for any other field."""
    cocok = SEQ.match(fld.get(qn("w:instr"), ""))
    return cocok.group(1) if cocok else ""


def nomori_caption(body) -> None:
    """Number the `SEQ Tabel` and `SEQ Grafik` fields 1, 2, ... each, within each chapter.

    The first of a label in a chapter gets `\\r 1`, so Word restarts the sequence too when it
    updates fields; the cached result is what LibreOffice and un-updated Word show.
    """
    nomor: dict[str, int] = {}
    for p in body.iter(qn("w:p")):
        if _bab_baru(p):
            nomor = {}
        for fld in p.iter(qn("w:fldSimple")):
            label = _seq(fld)
            if label:
                nomor[label] = nomor.get(label, 0) + 1
                ulang = "\\r 1 " if nomor[label] == 1 else ""
                fld.set(qn("w:instr"), f" SEQ {label} {ulang}\\* ARABIC ")
                for t in fld.iter(qn("w:t")):
                    t.text = str(nomor[label])


def _lanjutan(tr) -> bool:
    """Whether the row's first cell continues a vertical merge from the row above."""
    tc = tr.find(qn("w:tc"))
    merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}") if tc is not None else None
    return merge is not None and merge.get(qn("w:val"), "continue") == "continue"


# Rough table metrics (twips) of the template's cell text, Arial 11 pt single-spaced: enough to
# tell a group that fits in a third of a page from one that does not.
TEKS_HALAMAN = 13436  # A4 297 mm minus 30 mm top and bottom margins
BATAS_KELOMPOK = TEKS_HALAMAN // 3
LEBAR_HURUF, TINGGI_BARIS, JARAK_PARAGRAF, TEPI_SEL = 110, 253, 80, 216


def tinggi_baris(tr) -> int:
    """An estimate of a table row's height in twips from its cells' text and widths."""
    tinggi = 0
    for tc in tr.iterchildren(qn("w:tc")):
        lebar = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
        muat = max(1, (int(lebar.get(qn("w:w"), 2000)) if lebar is not None else 2000) - TEPI_SEL)
        muat = max(1, muat // LEBAR_HURUF)
        paragraf = list(tc.iter(qn("w:p")))
        baris = sum(max(1, -(-len(teks_paragraf(p)) // muat)) for p in paragraf)
        tinggi = max(tinggi, baris * TINGGI_BARIS + JARAK_PARAGRAF * len(paragraf))
    return tinggi


def _kelompok_gabung(rows) -> list[list]:
    """Runs of rows joined by a vertically merged first cell (a row and its continuations)."""
    kelompok: list[list] = []
    for tr in rows:
        if kelompok and _lanjutan(tr):
            kelompok[-1].append(tr)
        else:
            kelompok.append([tr])
    return [k for k in kelompok if len(k) > 1]


def satukan_sel_gabung(body) -> None:
    """Keep the rows under one vertically merged cell on one page when they are short.

    Without it a page break can fall inside an indicator's years, and the rows on the next
    page show an empty merged cell. A group taller than a third of a page is not kept whole
    (that would leave pages half empty); only its first two rows stay together.
    """
    for tbl in body.iter(qn("w:tbl")):
        for kelompok in _kelompok_gabung(tbl.findall(qn("w:tr"))):
            pendek = sum(map(tinggi_baris, kelompok)) <= BATAS_KELOMPOK
            for tr in kelompok[:-1] if pendek else kelompok[:1]:
                for p in tr.iter(qn("w:p")):
                    p.get_or_add_pPr().keepNext_val = True


def nomori_gambar(body) -> None:
    """Give every picture a unique wp:docPr id (docxtpl gives all of one rendering the same)."""
    for n, doc_pr in enumerate(body.iter(qn("wp:docPr")), start=1):
        doc_pr.set("id", str(n))


def teks_paragraf(p) -> str:
    """The visible text of a paragraph, tabs and line breaks as spaces."""
    bagian = []
    for el in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        if el.tag == qn("w:t"):
            bagian.append(el.text or "")
        elif el.getparent().tag == qn("w:r"):
            bagian.append(" ")
    return " ".join("".join(bagian).split())


def _tandai(body) -> tuple[list, dict[str, list]]:
    """Bookmark each heading and each caption; return (level, text, bookmark) lists: the
    headings, and the captions by label (`Tabel`, `Grafik`)."""
    ids = [int(b.get(qn("w:id"))) for b in body.iter(qn("w:bookmarkStart"))]
    berikut = max(ids, default=0) + 1
    judul: list = []
    daftar: dict[str, list] = {"Tabel": [], "Grafik": []}
    for p in body.iter(qn("w:p")):
        gaya = _gaya(p)
        label = next(filter(None, map(_seq, p.iter(qn("w:fldSimple")))), "") \
            if gaya == CAPTION else ""
        if gaya in JUDUL or label:
            nama = f"_Toc_lkj_{berikut}"
            _bookmark(p, berikut, nama)
            entri = (JUDUL.get(gaya, 1), teks_paragraf(p), nama)
            (daftar[label] if label else judul).append(entri)
            berikut += 1
    return judul, daftar


def _bookmark(p, bid: int, nama: str) -> None:
    start = OxmlElement("w:bookmarkStart", {qn("w:id"): str(bid), qn("w:name"): nama})
    end = OxmlElement("w:bookmarkEnd", {qn("w:id"): str(bid)})
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def _run(child: str, attrs: dict | None = None, text: str | None = None):
    r = OxmlElement("w:r")
    el = OxmlElement(child, attrs or {})
    if text is not None:
        el.text = text
        el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(el)
    return r


def _fld(kind: str):
    return _run("w:fldChar", {qn("w:fldCharType"): kind})


def _entri(level_style: str, teks: str, nama: str):
    """One TOC line: hyperlink to the bookmark, text, tab, PAGEREF field (computed later)."""
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    ppr.append(OxmlElement("w:pStyle", {qn("w:val"): level_style}))
    p.append(ppr)
    link = OxmlElement("w:hyperlink", {qn("w:anchor"): nama, qn("w:history"): "1"})
    link.append(_run("w:t", text=teks))
    link.append(_run("w:tab"))
    link.append(_fld("begin"))
    link.append(_run("w:instrText", text=f" PAGEREF {nama} \\h "))
    link.append(_fld("separate"))
    link.append(_fld("end"))
    p.append(link)
    return p


def _cari_toc(body, cocok):
    """The paragraph holding a TOC field whose instruction matches, and that instruction."""
    for instr in body.iter(qn("w:instrText")):
        teks = instr.text or ""
        if teks.strip().startswith("TOC") and cocok(teks):
            p = instr
            while p.tag != qn("w:p"):
                p = p.getparent()
            return p, teks
    return None, ""


def isi_daftar(body, cocok, entri: list) -> None:
    """Replace the TOC field's placeholder paragraph by one line per entry.

    The field code stays (first line) and ends after the last line, as Word writes it.
    """
    p, instr = _cari_toc(body, cocok)
    if p is None or not entri:
        return
    baris = [
        _entri(GAYA_DAFTAR_TABEL if "\\c" in instr else GAYA_DAFTAR_ISI[level], teks, nama)
        for level, teks, nama in entri
    ]
    pembuka = [_fld("begin"), _run("w:instrText", text=instr), _fld("separate")]
    pembuka[0][0].set(qn("w:dirty"), "true")
    for i, r in enumerate(pembuka):
        baris[0].insert(1 + i, r)
    baris[-1].append(_fld("end"))
    for b in baris:
        p.addprevious(b)
    p.getparent().remove(p)


def atur_kertas(body, kertas: str) -> None:
    """A4 or F4 on every section (the template is A4; margins stay)."""
    try:
        lebar, tinggi = KERTAS[kertas]
    except KeyError:
        raise LkjError(f"Ukuran kertas tidak dikenal: {kertas} (pilih A4 atau F4)") from None
    for sz in body.iter(qn("w:pgSz")):
        sz.set(qn("w:w"), str(lebar))
        sz.set(qn("w:h"), str(tinggi))


# --- checks, properties, saving ------------------------------------------------------------


def _bagian_xml(doc) -> list:
    """The main document part and its headers and footers."""
    parts = [doc.part]
    parts += [
        rel.target_part for rel in doc.part.rels.values()
        if rel.reltype in (RT.HEADER, RT.FOOTER)
    ]
    return parts


def periksa_tag(doc) -> None:
    """Raise LkjError if a template tag survived rendering (in body, headers or footers)."""
    for part in _bagian_xml(doc):
        teks = [teks_paragraf(p) for p in part.element.iter(qn("w:p"))]
        teks.append(part.blob.decode("utf-8"))
        for t in teks:
            sisa = next((tag for tag in TAGS if tag in t), None)
            if sisa:
                awal = max(t.index(sisa) - 40, 0)
                raise LkjError(
                    f"Templat menyisakan tag yang tidak terisi di {part.partname}: "
                    f"...{t[awal:awal + 100]}..."
                )


def _pulihkan_kurung(doc) -> None:
    for part in _bagian_xml(doc):
        for t in part.element.iter(qn("w:t")):
            if t.text and ESC in t.text:
                t.text = _pulihkan(t.text)
        for doc_pr in part.element.iter(qn("wp:docPr")):
            if ESC in doc_pr.get("descr", ""):
                doc_pr.set("descr", _pulihkan(doc_pr.get("descr")))


def _kemas(doc, context: dict) -> None:
    """Complex fields, no empty runs or unused definitions, the report's own properties
    (generator.kemasan)."""
    for part in _bagian_xml(doc):
        kemasan.medan_kompleks(part.element)
        kemasan.buang_run_kosong(part.element)
    kemasan.buang_tak_terpakai(doc)
    judul = f"Laporan Kinerja Tahun {context.get('tahun', '')}".strip()
    # Word's core properties hold at most 255 characters; a long satker name is cut there.
    # Core properties are UTC (W3CDTF with Z); python-docx writes the naive time as given.
    sekarang = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    kemasan.properti(doc, judul, context.get("satker", "")[:255], sekarang)


def _simpan(tpl: DocxTemplate, out: Path) -> Path:
    """Write the report to `out`; the caller makes it atomic (pipeline, output.atomic_target),
    which also turns an OSError (a full disk, a locked file) into one Indonesian line."""
    tpl.save(str(out))
    return out
