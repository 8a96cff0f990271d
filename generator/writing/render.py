"""Render the report: context + docxtpl template -> a checked .docx (the caller saves atomically).

The only module that imports docxtpl. Jinja runs in generator.guard.sandbox (data only, an
allow-list, bounded work) with autoescape and StrictUndefined, so a value with `&` or `<`
cannot corrupt the XML and a missing value fails instead of printing blank; a template's
failure is one Indonesian line naming its tag's paragraph (generator.guard.galat_templat). Chart
specifications in the context (dicts with a `gambar`, see charts.draw_charts) become opaque
handles that print native Word charts 14 cm wide with their alternative text. After
rendering, generator.writing.selesai finishes the document (captions, contents lists, table breaks,
paper, Word numbering), generator.writing.kemasan cleans the package, and no template tag may be left.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from importlib.resources import files
from pathlib import Path

from docx.image.exceptions import UnrecognizedImageError
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm, Mm
from docxtpl import DocxTemplate, InlineImage

from generator.guard import galat_templat
from generator.writing import kemasan
from generator.files import nama_part  # noqa: F401 (nama_part: python-docx's walks)
from generator.kontrak import ESC, KODE_NILAI
from generator.marks import penamaan, tanda
from generator.guard.batas import Batas, ukuran_konteks
from generator.errors import LkjError
from generator.files.paket_docx import buka
from generator.guard.sandbox import LingkunganAman, Pegangan
from generator.writing.selesai import selesaikan, teks_paragraf
from generator.writing.singgahan import LingkunganCepat, TemplatCepat

TAGS = ("{{", "}}", "{%", "%}", "{#", "#}")
# While rendering, the braces of values are encoded with private-use characters (kontrak.ESC
# escapes itself), so that the leftover-tag check sees only the template's own tags; the text is
# decoded before saving. generator.marks.tanda's sentinels are encoded too, so typed text cannot
# fake a mark (kontrak.KODE_NILAI).
_KODE = KODE_NILAI
_KODE_BALIK = {v[1]: k for k, v in _KODE.items()}
_ENKODE = re.compile("[" + re.escape("".join(_KODE)) + "]")
_DEKODE = re.compile(re.escape(ESC) + "([" + re.escape("".join(v[1] for v in _KODE.values())) + "])")
TINGGI_LOGO = Mm(35)
# A4 text width is 210 - 40 - 30 mm = 14 cm (F4 is wider); charts are drawn 15 cm wide and shrink.
LEBAR_GRAFIK = Cm(14)


# --- template ------------------------------------------------------------------------------


def default_template(nama: str = "laporan.docx") -> Path:
    """The installed package's template, else the repository's templates/<nama> (the report's
    laporan.docx, another document's of generator.report.jenis, or rekap.docx)."""
    for package, parts in (("generator.templates", ()), ("generator", ("templates",))):
        try:
            resource = files(package)
            for part in (*parts, nama):
                resource = resource / part
            if resource.is_file():
                return Path(str(resource))
        except (ModuleNotFoundError, TypeError, NotADirectoryError):
            continue
    return Path(__file__).resolve().parents[2] / "templates" / nama


def _lindungi(value: object) -> object:
    """Jinja finalize: encode the braces of plain string values (see ESC)."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return _ENKODE.sub(lambda m: _KODE[m.group()], value)
    return value


def _pulihkan(text: str) -> str:
    return _DEKODE.sub(lambda m: _KODE_BALIK[m.group(1)], text)


def make_environment(pencatat: tanda.Pencatat | None = None, ukuran: int = 0) -> LingkunganAman:
    """The sandboxed, autoescaping, strict, bounded Jinja environment every rendering uses
    (generator.guard.sandbox); compiled templates are cached on disk (generator.writing.singgahan). With a
    `pencatat`, every printed context string is wrapped in generator.marks.tanda's sentinels, to be
    marked after rendering. `ukuran` is the context's size (batas.ukuran_konteks)."""
    if pencatat is None:
        return LingkunganCepat(finalize=_lindungi, ukuran=ukuran)

    def finalize(value: object) -> object:
        return pencatat.bungkus(value, _lindungi(value)) if isinstance(value, tanda.Nilai) \
            else _lindungi(value)

    return LingkunganCepat(finalize=finalize, ukuran=ukuran)


def _logo(tpl: DocxTemplate, path: str, batas: Batas) -> Pegangan | str:
    """The logo as a picture 35 mm high; "" when there is none."""
    if not path:
        return ""
    berkas = Path(path)
    if not berkas.is_file():
        raise LkjError(f"Berkas logo tidak ditemukan: {berkas}")
    return Pegangan(InlineImage(tpl, str(berkas), height=TINGGI_LOGO)._insert_image, "logo",
                    batas)


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


def _grafik_asli(tpl: DocxTemplate, grafik, batas: Batas) -> Pegangan:
    """A native Word chart (generator.writing.chartpart), added to the part being rendered when the
    template prints it; the alternative text is brace-encoded like every value (see ESC)."""

    def gambar() -> str:
        from generator.writing.chartpart import tambah_grafik

        drawing = tambah_grafik(tpl.current_rendering_part, grafik, int(LEBAR_GRAFIK),
                                _lindungi(grafik.alt))
        return f'</w:t></w:r><w:r>{drawing}</w:r><w:r><w:t xml:space="preserve">'

    return Pegangan(gambar, "grafik", batas)


def _grafik(tpl: DocxTemplate, value, batas: Batas):
    """The context with every chart dict's `gambar` turned into an opaque handle (Pegangan)
    printing a native chart (a chart specification) or a picture (a picture path)."""
    if isinstance(value, list):
        return [_grafik(tpl, v, batas) for v in value]
    if not isinstance(value, dict):
        return value
    if hasattr(value.get("gambar"), "seri"):
        return {**value, "gambar": _grafik_asli(tpl, value["gambar"], batas)}
    if isinstance(value.get("gambar"), str) and value["gambar"]:
        berkas = Path(value["gambar"])
        if not berkas.is_file():
            raise LkjError(f"Berkas grafik tidak ditemukan: {berkas}")
        gambar = Gambar(tpl, str(berkas), value.get("alt", ""), LEBAR_GRAFIK)
        return {**value, "gambar": Pegangan(gambar._insert_image, "gambar", batas)}
    return {k: _grafik(tpl, v, batas) for k, v in value.items()}


def render_report(context: dict, out_path: Path, template: Path | None = None,
                  bawaan: str = "laporan.docx", judul: str | None = None) -> Path:
    """Fill the template with `context` (from the document's build, generator.report.jenis)
    and write `out_path`. Without `template`, the built-in template `bawaan` is filled;
    `judul` is the title in the document's properties (the LKj's by default).

    Raises LkjError when the template is missing or broken, the logo cannot be read, a tag is
    left unfilled, or the file cannot be written; InputErrors naming the tag and its paragraph
    when the template fails, asks for what the sandbox refuses or goes past a limit.
    """
    template = Path(template) if template else default_template(bawaan)
    tpl = _buka(template, bawaan)
    pencatat = tanda.Pencatat()
    _isi(tpl, context, template, pencatat)
    doc = tpl.docx
    for n, part in enumerate(_bagian_xml(doc)):  # headers and footers carry no marks
        tanda.pasang_nilai(part.element, pencatat, tandai=n == 0)
    selesaikan(doc, context.get("kertas", "A4"))
    periksa_tag(doc)
    _pulihkan_kurung(doc)
    _kemas(doc, judul or f"Laporan Kinerja Tahun {context.get('tahun', '')}".strip(),
           context.get("satker", ""))
    tanda.simpan_daftar(doc, penamaan.tandai(doc, pencatat))
    return _simpan(tpl, Path(out_path))


def coba_templat(template: Path, context: dict) -> None:
    """Fill `template` with `context` as render_report does, under the same sandbox and
    limits, without finishing or saving anything: a trial of a customised template."""
    _isi(_buka(template), context, template, tanda.Pencatat())


def konteks_templat(tpl: DocxTemplate, context: dict, batas: Batas) -> dict:
    """The context as the template sees it: every string a tanda.Nilai, lists, dicts, and the
    logo, pictures and charts as opaque handles (sandbox.Pegangan) drawn into `tpl`."""
    return {**_grafik(tpl, tanda.tandai_konteks(context), batas),
            "logo": _logo(tpl, context.get("logo", ""), batas)}


def _buka(template: Path, bawaan: str = "laporan.docx") -> TemplatCepat:
    if not template.is_file():
        raise LkjError(f"Templat tidak ditemukan: {template}")
    # A customised template is checked whole, and cut off from anything outside it, first.
    tpl = TemplatCepat(template if template == default_template(bawaan)
                       else buka(template, "templat"))
    tpl.init_docx()  # docxtpl opens the file lazily
    return tpl


def _isi(tpl: TemplatCepat, context: dict, template: Path, pencatat: tanda.Pencatat) -> None:
    """Run the template's Jinja over the context, pictures and charts as opaque handles."""
    env = make_environment(pencatat, ukuran_konteks(context))
    try:
        tpl.render(konteks_templat(tpl, context, env.batas), jinja_env=env, autoescape=True)
    except UnrecognizedImageError as exc:
        raise LkjError(
            f"Logo bukan gambar yang dikenali (gunakan PNG atau JPG): {context['logo']}"
        ) from exc
    except LkjError:
        raise
    except Exception as exc:  # noqa: BLE001 - the template's own failures; others go on
        sebab = galat_templat.alasan(exc)
        if sebab is None:
            raise
        raise galat_templat.galat(template, getattr(env, "sumber", ""), exc, sebab) from exc


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


def _kemas(doc, judul: str, satker: str) -> None:
    """Complex fields, no empty runs or unused definitions, the document's own properties
    (generator.writing.kemasan)."""
    for part in _bagian_xml(doc):
        kemasan.medan_kompleks(part.element)
        kemasan.buang_run_kosong(part.element)
    kemasan.buang_tak_terpakai(doc)
    # Word's core properties hold at most 255 characters; a long satker name is cut there.
    # Core properties are UTC (W3CDTF with Z); python-docx writes the naive time as given.
    sekarang = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    kemasan.properti(doc, judul, satker[:255], sekarang)


def _simpan(tpl: DocxTemplate, out: Path) -> Path:
    """Write the report to `out`; the caller makes it atomic (pipeline, output.atomic_target),
    which also turns an OSError (a full disk, a locked file) into one Indonesian line."""
    tpl.save(str(out))
    return out
