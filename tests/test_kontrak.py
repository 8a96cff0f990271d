"""The contract between templates/laporan.docx and the code (generator.kontrak) holds on both sides.

The template defines every style the contract names, with its type, and nothing else; the code
spells no style id, mark or property prefix, sentinel, paper size or namespace of its own but
takes them from generator.kontrak (the modules listed in SEGERA adopt it once a branch that
reshapes them is merged).
"""

from __future__ import annotations

import ast
import re
import zipfile

import pytest
from doctools import ROOT
from lxml import etree

from generator import kontrak as k
from generator.report.satker import KODE_TINGKAT

TEMPLATE = ROOT / "templates" / "laporan.docx"
W = k.NS["w"]

# Modules that still spell contract names themselves, and why.
SEGERA = {
    # Runs under LibreOffice's own Python, which has no python-docx to import kontrak with; its
    # command line now carries many documents (generator.printing.pdf), so the mark prefix is
    # still its own.
    "lo_uno.py": "LibreOffice's Python",
}
# The builder's display names: four styles are named as their ids ("Normal", "Gambar", ...).
NAMA_TAMPILAN = {"Normal", "Gambar", "Sampul", "Placeholder"}


@pytest.fixture(scope="module")
def paket() -> dict[str, etree._Element]:
    with zipfile.ZipFile(TEMPLATE) as z:
        return {n: etree.fromstring(z.read(n)) for n in z.namelist() if n.endswith(".xml")}


def _gaya(paket) -> dict[str, str]:
    return {s.get(f"{{{W}}}styleId"): s.get(f"{{{W}}}type")
            for s in paket["word/styles.xml"].iter(f"{{{W}}}style")}


def test_the_template_defines_every_style_of_the_contract_with_its_type(paket):
    assert _gaya(paket) == k.GAYA


def test_every_style_of_the_contract_is_used_or_deliberately_kept(paket):
    styles = paket["word/styles.xml"]
    dipakai = set(k.GAYA_TETAP)
    for nama, root in paket.items():
        if re.fullmatch(r"word/(document|footer\d+|header\d+)\.xml", nama):
            for tag in ("pStyle", "rStyle", "tblStyle"):
                dipakai.update(el.get(f"{{{W}}}val") for el in root.iter(f"{{{W}}}{tag}"))
    for s in styles.iter(f"{{{W}}}style"):
        if s.get(f"{{{W}}}default") == "1":
            dipakai.add(s.get(f"{{{W}}}styleId"))
        for el in s.iter(f"{{{W}}}basedOn", f"{{{W}}}next"):
            dipakai.add(el.get(f"{{{W}}}val"))
    assert set(k.GAYA) - dipakai == set()


def test_the_contract_groups_name_styles_of_the_right_type():
    paragraf = {sid for sid, jenis in k.GAYA.items() if jenis == k.PARAGRAF}
    assert set(k.NOMOR) | set(k.JUDUL) | set(k.GAYA_DAFTAR_ISI.values()) <= paragraf
    assert set(k.DAFTAR_ISI) | set(k.GAYA_TETAP) <= paragraf
    assert {g.lower() for g in k.DAFTAR_ISI} <= k.DAFTAR_ISI_LO


def test_the_template_branches_on_the_contract_levels(paket):
    teks = "".join(paket["word/document.xml"].itertext())
    assert re.findall(r'tingkat == "(\w+)"', teks)[:3] == list(k.TINGKAT)
    assert set(KODE_TINGKAT.values()) == set(k.TINGKAT)


def test_the_template_contents_lists_use_the_contract_instructions(paket):
    instr = [" ".join(t.text.split()) for t in paket["word/document.xml"].iter(f"{{{W}}}instrText")]
    assert instr == [k.TOC_ISI, k.toc_keterangan(k.LABEL_TABEL), k.toc_keterangan(k.LABEL_GRAFIK)]


def test_the_template_pages_have_the_contract_geometry(paket):
    for sect in paket["word/document.xml"].iter(f"{{{W}}}sectPr"):
        ukuran = sect.find(f"{{{W}}}pgSz")
        margin = sect.find(f"{{{W}}}pgMar")
        assert (int(ukuran.get(f"{{{W}}}w")), int(ukuran.get(f"{{{W}}}h"))) == k.KERTAS["A4"]
        assert {n: int(margin.get(f"{{{W}}}{n}")) for n in k.MARGIN} == k.MARGIN
    assert k.LEBAR_TEKS == 7937  # 14 cm


# --- the code side -----------------------------------------------------------------------------


def _docstrings(tree) -> set[int]:
    jenis = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return {id(n.body[0].value) for n in ast.walk(tree) if isinstance(n, jenis) and n.body
            and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}


def literal_kontrak(path) -> set[str]:
    """The contract names a module spells itself (docstrings aside)."""
    ids = set(k.GAYA) | {k.LABEL_TABEL, k.LABEL_GRAFIK}
    awalan = (k.TANDA, k.BOOKMARK_JUDUL, k.PROPERTI_BAGIAN, k.PROPERTI_SIDIK, k.GRAFIK)
    uri = ("schemas.openxmlformats.org", "schemas.microsoft.com", "application/vnd.openxmlformats")
    angka = {*(v for u in k.KERTAS.values() for v in u), k.MARGIN["left"], k.MARGIN["top"],
             k.LEBAR_TEKS, k.LEBAR_TEKS + 1, k.TINGGI_TEKS, k.EMU_CM}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstring = _docstrings(tree)
    temu: set[str] = set()
    for n in ast.walk(tree):
        if not isinstance(n, ast.Constant) or id(n) in docstring:
            continue
        if type(n.value) is int and n.value in angka:
            temu.add(str(n.value))
        elif isinstance(n.value, str):
            temu.update({n.value} & ids)
            temu.update(a for a in (*awalan, *uri) if a in n.value)
            if any(k.ESC <= c <= "\ue008" for c in n.value):
                temu.add("sentinel")
    return temu


def test_only_the_contract_spells_the_contract():
    modul = sorted([*ROOT.glob("generator/**/*.py"), *ROOT.glob("tools/*.py")])
    temu = {p.relative_to(ROOT).as_posix(): literal_kontrak(p) for p in modul
            if p.name != "kontrak.py"}
    temu = {nama: lit for nama, lit in temu.items() if lit}
    assert temu.pop("generator/report/rakit/gaya.py", set()) <= NAMA_TAMPILAN
    assert {nama for nama in temu if nama.split("/")[-1] not in SEGERA
            or nama.startswith(("generator/report/", "tools/"))} == set()
    # a module listed as not yet adopting the contract still spells it (else drop it from SEGERA)
    assert {nama for nama in SEGERA if not any(n.endswith(f"/{nama}") for n in temu)} == set()


def test_the_scan_finds_what_it_looks_for(tmp_path):
    contoh = tmp_path / "contoh.py"
    contoh.write_text('"""Docstring: Heading1 and _lkj are fine here."""\n'
                      'GAYA = "Heading1"\nNAMA = f"_Toc_lkj_{1}"\nLEBAR = 11906\n'
                      'CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"\n'
                      'KODE = "\\ue003"\n', encoding="utf-8")
    assert literal_kontrak(contoh) == {"Heading1", "_Toc_lkj_", "_lkj", "11906", "sentinel",
                                       "application/vnd.openxmlformats"}


def test_kontrak_imports_nothing_from_generator():
    tree = ast.parse((ROOT / "generator" / "kontrak.py").read_text(encoding="utf-8"))
    modul = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    modul += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert [m for m in modul if m.startswith("generator")] == []


def test_every_package_folder_is_installed():
    """A new part of the report is a folder with an __init__.py; pyproject must list it."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # no tomllib on 3.10
    daftar = re.search(r"^packages = \[(.*?)\]", pyproject, re.S | re.M).group(1)
    terpasang = set(re.findall(r'"([\w.]+)"', daftar)) - {"generator.templates"}
    folder = {".".join(p.parent.relative_to(ROOT).parts) for p in ROOT.glob("generator/**/__init__.py")}
    assert terpasang == folder


def test_a_report_from_before_the_x_switch_still_finds_its_contents_list():
    """lkj perbarui pairs the old report's Daftar Isi with the new one's by what it lists,
    whatever switches its field carries."""
    from docx.oxml import parse_xml

    from generator.merge.daftar import wilayah_daftar

    lama = 'TOC \\o "1-3" \\h \\z \\u'  # lkj before \x
    body = parse_xml(
        f'<w:body xmlns:w="{W}"><w:p><w:pPr><w:pStyle w:val="{k.TOC_1}"/></w:pPr>'
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {lama} </w:instrText></w:r></w:p></w:body>')
    assert list(wilayah_daftar(body)) == ["isi"]
