"""Work that grows with the report, not its square: part names, relationship ids, bookmark ids."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from generator.files.nama_part import partname_baru, relasi_baru
from generator.marks.bookmark import nomori_bookmark


def test_part_names_are_free_and_never_handed_out_twice():
    doc = docx.Document()
    package = doc.part.package
    taken = {str(p.partname) for p in package.iter_parts()}
    names = [str(partname_baru(package, "/word/charts/chart%d.xml")) for _ in range(50)]
    names.append(str(partname_baru(package, "/word/styles%d.xml")))
    assert len(set(names)) == len(names) and not taken & set(names)
    assert names[:3] == ["/word/charts/chart1.xml", "/word/charts/chart2.xml",
                         "/word/charts/chart3.xml"]


def test_relationship_ids_do_not_collide_with_python_docx_s_own():
    doc = docx.Document()
    part, package = doc.part, doc.part.package
    ids = []
    for n in range(30):
        chart = Part(partname_baru(package, "/word/charts/chart%d.xml"),
                     "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
                     b"<c/>", package)
        ids.append(relasi_baru(part, chart, RT.CHART))
        if n % 10 == 0:  # python-docx adds its own between ours (a picture, a hyperlink)
            ids.append(part.relate_to(f"https://example.org/{n}", RT.HYPERLINK,
                                      is_external=True))
    assert len(set(ids)) == len(ids) and set(ids) <= set(part.rels)
    saved = io.BytesIO()
    doc.save(saved)
    again = docx.Document(saved)
    assert len([r for r in again.part.rels.values() if "chart" in r.reltype]) == 30


def _body(xml: str):
    return parse_xml(f"<w:body {nsdecls('w')}>{xml}</w:body>")


def _bookmarks(body) -> list[tuple[str, str, str]]:
    return [(el.tag.rsplit("}", 1)[1], el.get(qn("w:id")), el.get(qn("w:name"), ""))
            for el in body.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"))]


def test_bookmarks_sharing_one_id_are_renumbered_in_order():
    """Thousands of bookmarks with the same w:id (as some editors write them): each end closes
    the earliest start still open, as before, in one pass."""
    n = 3000
    starts = "".join(f'<w:p><w:bookmarkStart w:id="0" w:name="b{i}"/></w:p>' for i in range(n))
    ends = '<w:p><w:bookmarkEnd w:id="0"/></w:p>' * n
    body = _body(starts + ends)
    nomori_bookmark(body)
    found = _bookmarks(body)
    assert found[:n] == [("bookmarkStart", str(i + 1), f"b{i}") for i in range(n)]
    assert found[n:] == [("bookmarkEnd", str(i + 1), "") for i in range(n)]


def test_bookmark_renumbering_keeps_its_rules():
    body = _body(
        '<w:p><w:bookmarkStart w:id="5" w:name="a"/><w:bookmarkStart w:id="5" w:name="b"/>'
        '<w:bookmarkEnd w:id="5" w:name="b"/><w:bookmarkEnd w:id="5"/>'
        '<w:bookmarkStart w:id="7" w:name="a"/><w:bookmarkEnd w:id="7"/>'
        '<w:bookmarkEnd w:id="9"/><w:bookmarkStart w:id="8" w:name="c"/></w:p>')
    nomori_bookmark(body)
    assert _bookmarks(body) == [
        ("bookmarkStart", "1", "a"), ("bookmarkStart", "2", "b"), ("bookmarkEnd", "2", ""),
        ("bookmarkEnd", "1", ""), ("bookmarkStart", "3", "c"), ("bookmarkEnd", "3", "")]


def _walk_as_python_docx_does(source, visited, rels: bool):
    """python-docx 1.2's own walk (a list of parts seen), the reference for the order."""
    for rel in source.rels.values():
        if rels:
            yield rel
        if rel.is_external or rel.target_part in visited:
            continue
        visited.append(rel.target_part)
        if not rels:
            yield rel.target_part
        yield from _walk_as_python_docx_does(rel.target_part, visited, rels)


def test_python_docx_walks_keep_their_order(tmp_path):
    from generator.pipeline import build

    sample = Path(__file__).resolve().parents[1] / "input" / "contoh.xlsx"
    report = build(sample, tmp_path / "laporan.docx").path
    package = docx.Document(str(report)).part.package
    parts = list(package.iter_parts())
    assert len(parts) > 20
    assert parts == list(_walk_as_python_docx_does(package, [], rels=False))
    assert list(package.iter_rels()) == list(_walk_as_python_docx_does(package, [], rels=True))
    with zipfile.ZipFile(report) as archive:
        stored = {n for n in archive.namelist() if not n.endswith(".rels")} - {"[Content_Types].xml"}
    assert {str(p.partname).lstrip("/") for p in parts} == stored
