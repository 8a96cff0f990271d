"""Runs and paragraphs of the template: text, tags, loops, lists, headings, fields and captions.

Every paragraph gets a named style (generator.kontrak); a part in `parts` is a str, an `R`
(text with bold, underline or a character style), TAB or BR, or a list of those.
"""

from __future__ import annotations

import re

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.table import _Cell

from generator import kontrak as k

W = nsdecls("w")
TAB = object()
BR = object()
_NOMOR = re.compile(r"^((?:[A-Z]|\d{1,2})\.) (.*)$")  # "A. Latar Belakang", "1. Visi"


class R:
    """A run: text with optional bold/underline and character style."""

    def __init__(self, text: str, bold: bool = False, underline: bool = False, style: str = ""):
        self.text, self.bold, self.underline, self.style = text, bold, underline, style


def B(text: str) -> R:
    return R(text, bold=True)


def isi(var: str) -> list[R]:
    """A value that may be a highlighted placeholder: `{"teks": ..., "petunjuk": ...}`."""
    return [R(f"{{{{ {var}.petunjuk }}}}", style=k.PLACEHOLDER), R(f"{{{{ {var}.teks }}}}")]


def run_xml(part: object) -> str:
    """The w:r of one part (text, R, TAB or BR)."""
    if part is TAB:
        return f"<w:r {W}><w:tab/></w:r>"
    if part is BR:
        return f"<w:r {W}><w:br/></w:r>"
    r = part if isinstance(part, R) else R(str(part))
    props = "".join(
        [
            f'<w:rStyle w:val="{r.style}"/>' if r.style else "",
            "<w:b/><w:bCs/>" if r.bold else "",
            '<w:u w:val="single"/>' if r.underline else "",
        ]
    )
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    text = r.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<w:r {W}>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _flatten(parts: tuple) -> list:
    out: list = []
    for p in parts:
        out.extend(p if isinstance(p, list) else [p])
    return out


def para(container, style: str, *parts, **fmt):
    """Add a paragraph of `style`; a new table cell's empty first paragraph is used first."""
    first = container.paragraphs[0] if isinstance(container, _Cell) else None
    if first is not None and len(container.paragraphs) == 1 and len(first._p) == 0:
        p = first
    else:
        p = container.add_paragraph()
    p._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {W} w:val="{style}"/>'))
    for part in _flatten(parts):
        p._p.append(parse_xml(run_xml(part)))
    for key, value in fmt.items():
        setattr(p.paragraph_format, key, value)
    return p


def judul(container, style: str, teks: str | tuple[str, ...], **fmt):
    """A heading from the words file: lines joined by line breaks (`BAB I` / `PENDAHULUAN`),
    a typed number (`A. Latar Belakang`) followed by a tab as generator.writing.nomor expects."""
    baris = (teks,) if isinstance(teks, str) else teks
    parts: list = []
    for n, b in enumerate(baris):
        cocok = _NOMOR.match(b) if style in (k.JUDUL_2, k.JUDUL_3) else None
        parts += [BR] if n else []
        parts += [cocok.group(1), TAB, cocok.group(2)] if cocok else [b]
    return para(container, style, *parts, **fmt)


def tag(container, text: str):
    """A paragraph holding only a docxtpl paragraph tag such as `{%p for ... %}`."""
    return para(container, k.KODE, text)


def ulang(container, header: str, style: str, *parts) -> None:
    """`{%p for ... %}`, one paragraph of `style`, `{%p endfor %}`."""
    tag(container, "{%p " + header + " %}")
    para(container, style, *parts)
    tag(container, "{%p endfor %}")


def paragraf(container, var: str, style: str = k.ISI, **fmt) -> None:
    """One paragraph per item of a list of {teks, petunjuk}."""
    tag(container, "{%p for p in " + var + " %}")
    para(container, style, isi("p"), **fmt)
    tag(container, "{%p endfor %}")


def daftar(container, var: str) -> None:
    """A numbered list; the numbers come from the context (`no`), never from Word."""
    ulang(container, f"for i in {var}", k.DAFTAR, "{{ i.no }}", TAB, isi("i"))


def daftar_tetap(doc, items, huruf: bool = True) -> None:
    """A fixed list typed in the template, numbered `a.`, `b.` (or `1.`, `2.`)."""
    for n, teks in enumerate(items, start=1):
        no = "abcdefghijklmnopqrstuvwxyz"[n - 1] if huruf else str(n)
        para(doc, k.DAFTAR, f"{no}.", TAB, teks)


def jika(doc, syarat: str, isi_blok) -> None:
    """`{%p if syarat %}`, what `isi_blok(doc)` adds, `{%p endif %}`."""
    tag(doc, "{%p if " + syarat + " %}")
    isi_blok(doc)
    tag(doc, "{%p endif %}")


def field(p, instr: str, cached: str, dirty: bool = False) -> None:
    """Append a complex field (begin, instruction, separate, cached result, end) to p."""
    flag = ' w:dirty="true"' if dirty else ""
    for xml in (
        f'<w:r {W}><w:fldChar w:fldCharType="begin"{flag}/></w:r>',
        f'<w:r {W}><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>',
        f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>',
        run_xml(cached),
        f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        p._p.append(parse_xml(xml))


def caption(doc, bab: int, judul_: str, label: str = k.LABEL_TABEL) -> None:
    """`Tabel 3.` (or `Grafik 3.`) + SEQ field + title; generator.writing.selesai renumbers the SEQ
    fields per chapter and lists each label in its own table of figures."""
    p = para(doc, k.CAPTION, f"{label} {bab}.")
    p._p.append(
        parse_xml(
            f'<w:fldSimple {W} w:instr=" SEQ {label} \\* ARABIC "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )
    p._p.append(parse_xml(run_xml(" " + judul_)))


def grafik(doc, var: str, bab: int) -> None:
    """The charts of a list (empty when no chart was drawn): caption above, then the chart.

    generator.writing.render turns `g.gambar` into a native chart 14 cm wide with `g.alt` as its
    Alt Text.
    """
    tag(doc, "{%p for g in " + var + " %}")
    caption(doc, bab, "{{ g.judul }}", k.LABEL_GRAFIK)
    para(doc, k.GAMBAR, "{{ g.gambar }}")
    tag(doc, "{%p endfor %}")
