"""The marks' modules: bookmark primitives, fingerprints and the marking policy stay apart, a
mark is a named Tanda, temporary bookmark ids come from an explicit allocator, and no module
reaches into another's private names."""

from __future__ import annotations

import ast

from docx.oxml import parse_xml
from doctools import ROOT

from generator.marks import bookmark, tanda
from generator import kontrak as k

W = k.NS["w"]


def _impor_generator(nama: str) -> set[str]:
    """The generator modules `generator/marks/<nama>.py` imports (by module name)."""
    tree = ast.parse((ROOT / "generator" / "marks" / f"{nama}.py").read_text(encoding="utf-8"))
    paket = {"generator", *(p.name for p in (ROOT / "generator").iterdir() if p.is_dir())}
    hasil = set()
    for n in ast.walk(tree):
        if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("generator"):
            akhir = n.module.split(".")[-1]
            hasil.update([a.name for a in n.names] if akhir in paket else [akhir])
    return hasil


def test_bookmark_and_fingerprint_modules_know_no_marking_policy():
    assert _impor_generator("bookmark") == set()
    assert _impor_generator("sidik") == {"kontrak"}
    assert {"bookmark", "sidik"} <= _impor_generator("tanda")


def _privat_dari_luar(tree) -> list[str]:
    """`modul._nama` where `modul` is a generator module the file imported."""
    modul = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
             and (n.level or (n.module or "").startswith("generator")) for a in n.names}
    return [f"{n.value.id}.{n.attr}" for n in ast.walk(tree) if isinstance(n, ast.Attribute)
            and isinstance(n.value, ast.Name) and n.value.id in modul
            and n.attr.startswith("_") and not n.attr.startswith("__")]


def test_no_module_calls_another_modules_private_names():
    temu = {p.relative_to(ROOT).as_posix(): _privat_dari_luar(ast.parse(p.read_text("utf-8")))
            for p in ROOT.glob("generator/**/*.py")}
    assert {nama: t for nama, t in temu.items() if t} == {}
    contoh = ast.parse("from generator.marks import tanda\nx = tanda._gaya(p)\n")
    assert _privat_dari_luar(contoh) == ["tanda._gaya"]


def test_a_mark_reads_back_as_a_named_tanda():
    i = tanda.id_dari("capaian.IK 1.1#1")
    nama = tanda.nama("N", i, "77,29%")
    assert nama.startswith(k.TANDA) and len(nama) == 23
    t = tanda.baca(nama)
    assert (t.jenis, t.id, t.start) == ("N", i, None)
    assert tanda.baca("_Toc_lkj_1") is None and tanda.baca(k.TANDA + "N123") is None


def test_temporary_bookmark_ids_are_per_document_not_a_global_counter():
    satu, dua = tanda.Pencatat(), tanda.Pencatat()
    assert [satu.id_bookmark(), satu.id_bookmark()] == [dua.id_bookmark(), dua.id_bookmark()] \
        == [bookmark.ID_SEMENTARA, bookmark.ID_SEMENTARA + 1]
    body = parse_xml(f'<w:body xmlns:w="{W}"><w:p><w:bookmarkStart w:id="20000000" w:name="a"/>'
                     '<w:bookmarkEnd w:id="20000000"/></w:p></w:body>')
    assert bookmark.IdSementara.di_atas(body)() == 20000001


def test_marks_found_in_a_paragraph_carry_their_bookmarks():
    i = tanda.id_dari("x")
    nama = tanda.nama("B", i, "\n")
    p = parse_xml(f'<w:p xmlns:w="{W}"/>')
    bookmark.titik(p, nama, 7)
    (t,) = tanda.tanda_di(p).values()
    assert (t.jenis, t.id, t.sidik) == ("B", i, nama[-8:])
    assert t.start.get(bookmark.NAME) == nama and t.end.get(bookmark.ID) == "7"
    assert tanda.sidik_di(p) == {i: t._replace(start=None, end=None)}
