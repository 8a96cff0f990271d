"""Page numbers of a known layout written into the .docx's contents lists as the fields' cached results."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

DOCUMENT = "word/document.xml"
_PAGEREF = re.compile(r"^\s*PAGEREF\s+(\S+)")
_TOC = re.compile(r"^\s*TOC\b")


def _number_run(page: str, like):
    """A run holding the page number, formatted like the field's own runs."""
    run = OxmlElement("w:r")
    rpr = like.find(qn("w:rPr")) if like is not None else None
    if rpr is not None:
        run.append(etree.fromstring(etree.tostring(rpr)))
    text = OxmlElement("w:t")
    text.text = page
    run.append(text)
    return run


def _set_result(separate_run, end_run, page: str) -> bool:
    """Replace what lies between a field's separate and end runs by the page number."""
    parent = separate_run.getparent()
    if end_run.getparent() is not parent:
        return False
    for sibling in list(separate_run.itersiblings()):
        if sibling is end_run:
            break
        parent.remove(sibling)
    separate_run.addnext(_number_run(page, separate_run))
    return True


def _fill_simple(fld, pages: dict[str, str]) -> bool:
    match = _PAGEREF.match(fld.get(qn("w:instr"), ""))
    if not match or match[1] not in pages:
        return False
    like = fld.find(qn("w:r"))
    for child in list(fld):
        fld.remove(child)
    fld.append(_number_run(pages[match[1]], like))
    return True


def fill_toc_pages(root, pages: dict[str, str]) -> int:
    """Set each PAGEREF inside a TOC field to its bookmark's page; the number of entries set.

    Fields are followed in document order with a stack, so nesting (PAGEREF inside the TOC's
    result, as Word writes it) is found whether fields are complex or w:fldSimple.
    """
    stack: list[dict] = []
    written = 0
    for el in root.iter(qn("w:fldChar"), qn("w:instrText"), qn("w:fldSimple")):
        if el.tag == qn("w:fldSimple"):
            if any(_TOC.match(f["instr"]) for f in stack) and _fill_simple(el, pages):
                written += 1
            continue
        if el.tag == qn("w:instrText"):
            if stack:
                stack[-1]["instr"] += el.text or ""
            continue
        kind = el.get(qn("w:fldCharType"))
        if kind == "begin":
            stack.append({"instr": "", "separate": None})
        elif kind == "separate" and stack:
            stack[-1]["separate"] = el.getparent()
        elif kind == "end" and stack:
            field = stack.pop()
            match = _PAGEREF.match(field["instr"])
            inside_toc = any(_TOC.match(f["instr"]) for f in stack)
            if (match and inside_toc and match[1] in pages and field["separate"] is not None
                    and _set_result(field["separate"], el.getparent(), pages[match[1]])):
                written += 1
    return written


def write_page_numbers(docx: Path, pages: dict[str, str]) -> int:
    """Write `pages` (bookmark -> displayed page) into the report's contents lists, in place.

    Only lkj's untouched output is changed (a report finished by hand is never rewritten); the
    file is replaced whole (atomically) and its fingerprint renewed, so it stays recognisable.
    """
    from generator.files.output import atomic_target, is_untouched, stamp

    if not is_untouched(docx):
        return 0
    with zipfile.ZipFile(docx) as archive:
        root = etree.fromstring(archive.read(DOCUMENT))
    written = fill_toc_pages(root, pages)
    if not written:
        return 0
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with atomic_target(docx) as temp:
        with zipfile.ZipFile(docx) as src, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                dst.writestr(info, data if info.filename == DOCUMENT else src.read(info.filename))
        stamp(temp)
    return written
