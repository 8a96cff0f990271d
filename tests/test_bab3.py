"""Bab III in the rendered report: the seven parts per sasaran, the charts, and the Ikhtisar."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from sample_data import RM, SASARAN_1, contoh_data
from doctools import ROOT, validate_docx
from wordnum import tampilkan_nomor

from generator.report.awal import ikhtisar
from generator.figures.capaian import hitung
from generator.pipeline import draw_charts
from generator.report import build
from generator.model import NEGATIF, BarisAnggaran, Indikator, Sasaran
from generator.writing.render import default_template, render_report

PARTS = (
    "Perbandingan Target dan Realisasi Tahun 2024",
    "Perbandingan dengan Tahun Sebelumnya",
    "Perbandingan dengan Target Renstra 2020-2024",
    "Perbandingan dengan Standar Nasional",
    "Analisis Penyebab Keberhasilan atau Kegagalan dan Solusinya",
    "Efisiensi Penggunaan Anggaran",
    "Program dan Kegiatan Pendukung",
)
SKALA = "Kategori capaian: ≥ 91 Sangat Baik; 76 s.d. < 91 Baik; 66 s.d. < 76 Cukup; " \
        "51 s.d. < 66 Kurang; < 51 Sangat Kurang."
# "0%" or "0,00%" standing alone (not the end of 100%): a figure printed for missing data.
NOL_PERSEN = re.compile(r"(?<![\d.,])0(?:,0+)?%")
SEMUA_TERCAPAI = re.compile(r"(?i)\b(semua|seluruh)\b[^.]*\b(mencapai|memenuhi) target")


# --- helpers ---------------------------------------------------------------------------------


def text_of(p) -> str:
    parts = [el.text or "" if el.tag == qn("w:t") else " "
             for el in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"))]
    return " ".join("".join(parts).split())


def style_of(p) -> str:
    s = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return s.get(qn("w:val")) if s is not None else ""


def paragraphs(doc, style: str | None = None) -> list[str]:
    return [text_of(p) for p in doc.element.body.iter(qn("w:p"))
            if style is None or style_of(p) == style]


def all_text(doc) -> str:
    return "\n".join(paragraphs(doc))


def chapter(doc, title: str) -> str:
    """Text from the Heading 1 `title` to the next Heading 1 (not the Daftar Isi line)."""
    lines, inside = [], False
    for p in doc.element.body.iter(qn("w:p")):
        if style_of(p) == "Heading1":
            inside = text_of(p) == title
        if inside:
            lines.append(text_of(p))
    return "\n".join(lines)


def bab3(doc) -> str:
    return chapter(doc, "BAB III AKUNTABILITAS KINERJA")


def part_headings(doc) -> list[str]:
    return [t for t in paragraphs(doc, "JudulKecil") if re.match(r"^[a-g]\. ", t)]


def table_after(doc, caption: str) -> list[list[str]]:
    """Rows (cell texts, merged cells repeated) of the table that follows a caption."""
    body = list(doc.element.body.iterchildren())
    for n, el in enumerate(body):
        if el.tag == qn("w:p") and style_of(el) == "Caption" and caption in text_of(el):
            tbl = next(e for e in body[n + 1:] if e.tag == qn("w:tbl"))
            return [[" ".join(text_of(p) for p in tc.iter(qn("w:p"))).strip()
                     for tc in tr.iter(qn("w:tc"))] for tr in tbl.iter(qn("w:tr"))]
    raise AssertionError(f"no table captioned {caption!r}")


def render(data, folder: Path, grafik: bool = False, name: str = "laporan.docx"):
    hasil = hitung(data)
    laporan = build(data, hasil, draw_charts(data, hasil) if grafik else None)
    context = {**laporan.context, "placeholders": list(laporan.placeholders)}
    path = render_report(context, folder / name)
    return path, tampilkan_nomor(Document(str(path))), context


def replace_indikator(data, changes: dict[tuple[int, int], dict]):
    """data with indicator (sasaran, indikator), counted from 0, changed."""
    sasaran = list(data.sasaran)
    for (s, i), change in changes.items():
        items = list(sasaran[s].indikator)
        items[i] = dataclasses.replace(items[i], **change)
        sasaran[s] = dataclasses.replace(sasaran[s], indikator=tuple(items))
    return dataclasses.replace(data, sasaran=tuple(sasaran))


def bare_data():
    """The sample without earlier years, Renstra, standard, explanation, programs, links."""
    data = contoh_data()
    kosong = {"realisasi_lalu": (), "target_renstra": None, "standar_nasional": None,
              "penjelasan": None, "program_pendukung": None}
    data = replace_indikator(data, {(s, i): kosong for s, sas in enumerate(data.sasaran)
                                    for i in range(len(sas.indikator))})
    anggaran = tuple(dataclasses.replace(b, sasaran=None) for b in data.anggaran)
    return dataclasses.replace(data, anggaran=anggaran)


def missed_data():
    """IK 1.3 and IK 2.1 miss their target, IK 1.2 is not filled: no sasaran meets every one."""
    return replace_indikator(contoh_data(), {
        (0, 1): {"realisasi": None},
        (0, 2): {"realisasi": Decimal(60)},
        (1, 0): {"realisasi": Decimal(90)},
    })


def big_data():
    """40 indicators over 6 sasaran, every part present somewhere, one negative per 7."""
    base = contoh_data()
    sasaran, anggaran = [], []
    for s in range(6):
        nama = f"Sasaran strategis nomor {s + 1} tentang penyelenggaraan tahapan"
        items = []
        for n in range(s * 40 // 6, (s + 1) * 40 // 6):
            items.append(Indikator(
                f"Persentase indikator kinerja ke-{n + 1} yang diukur dari dokumen tahapan",
                "%", Decimal(80 + n % 20), Decimal(70 + (n * 3) % 35),
                polaritas=NEGATIF if n % 7 == 6 else "Positif",
                realisasi_lalu=((2022, Decimal(60 + n % 9)), (2023, Decimal(65 + n % 11)))
                if n % 3 == 0 else (),
                target_renstra=Decimal(90) if n % 4 == 0 else None,
                standar_nasional=Decimal(75) if n % 5 == 0 else None,
                penjelasan=f"Penjelasan indikator {n + 1}." if n % 2 == 0 else None,
                program_pendukung=f"Program pendukung {n % 4 + 1}",
            ))
        sasaran.append(Sasaran(nama, tuple(items)))
        anggaran.append(BarisAnggaran(RM, Decimal(1_000_000_000 * (s + 1)),
                                      Decimal(950_000_000 * (s + 1)), f"Kegiatan {s + 1}", nama))
    return dataclasses.replace(base, sasaran=tuple(sasaran), anggaran=tuple(anggaran))


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    """The sample with every part and charts drawn."""
    return render(contoh_data(), tmp_path_factory.mktemp("penuh"), grafik=True)


@pytest.fixture(scope="module")
def bare(tmp_path_factory):
    return render(bare_data(), tmp_path_factory.mktemp("polos"))


@pytest.fixture(scope="module")
def missed(tmp_path_factory):
    return render(missed_data(), tmp_path_factory.mktemp("meleset"))


# --- the seven parts, present with their data ------------------------------------------------


def test_every_part_in_order_and_lettered_without_gaps(full):
    _, doc, _ = full
    satu = [f"{letter}. {part}" for letter, part in zip("abcdefg", PARTS, strict=True)]
    # Sasaran 2 has no national standard: the parts after it move up a letter.
    dua = [f"{letter}. {part}" for letter, part in zip("abcdef", PARTS[:3] + PARTS[4:], strict=True)]
    assert part_headings(doc) == satu + dua


def test_capaian_table_has_codes_categories_and_the_scale(full):
    _, doc, _ = full
    rows = table_after(doc, "Capaian Indikator Kinerja Sasaran 1")
    assert rows[0] == ["Kode", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)", "Kategori"]
    assert [r[0] for r in rows[1:4]] == ["IK 1.1", "IK 1.2", "IK 1.3"]
    assert rows[3][2:] == ["75%", "77,29%", "103,05", "Sangat Baik"]
    assert rows[4][-2:] == ["101,02", "Sangat Baik"]
    # The scale under each sasaran's table and under the summary table.
    assert paragraphs(doc, "KeteranganTabel").count(SKALA) == 3


def test_earlier_years_table_and_sentences(full):
    _, doc, _ = full
    rows = table_after(doc, "Realisasi dan Capaian Indikator Sasaran 1 Tahun 2022–2024")
    mulai = next(n for n, r in enumerate(rows) if r[0] == "IK 1.3")
    assert [r[0] for r in rows[mulai + 1:mulai + 3]] == ["", ""]  # merged down over the years
    ik13 = [r[2:] for r in rows[mulai:mulai + 3]]
    assert ik13 == [["2022", "68,5%", "91,33"], ["2023", "72,4%", "96,53"],
                    ["2024", "77,29%", "103,05"]]
    text = bab3(doc)
    assert "Realisasi IK 1.1 tetap 100% pada tahun 2023 dan 2024; kinerjanya tidak berubah." in text
    assert "Realisasi IK 1.3 naik 4,89 poin persen, dari 72,4% pada tahun 2023 menjadi 77,29% " \
           "pada tahun 2024; kinerjanya membaik." in text
    assert "Realisasi IK 2.2 turun 0,4 poin persen, dari 0,8% pada tahun 2023 menjadi 0,4% pada " \
           "tahun 2024; kinerjanya membaik karena makin kecil realisasi makin baik." in text
    assert "Catatan: Capaian tahun 2022 dan 2023 dihitung terhadap target tahun 2024" in text


def _angka(teks: str) -> Decimal:
    return Decimal(teks.rstrip("%").replace(".", "").replace(",", "."))


def test_trend_sentences_follow_the_table(full):
    """For every indicator, naik/turun/tetap matches the last two realisasi in the table."""
    _, _, context = full
    checked = 0
    for s in context["capaian"]["sasaran"]:
        for baris, uraian in zip(s["tahun_lalu"]["baris"], s["tahun_lalu"]["uraian"], strict=True):
            lalu, kini = (_angka(n["realisasi"]) for n in baris["nilai"][-2:])
            kata = "naik" if kini > lalu else "turun" if kini < lalu else "tetap"
            assert f"Realisasi {baris['kode']} {kata} " in uraian["kalimat"][0]["teks"]
            checked += 1
    assert checked == 5


def test_renstra_and_standard(full):
    _, doc, _ = full
    rows = table_after(doc, "Capaian Indikator Sasaran 1 terhadap Target Renstra 2020-2024")
    assert rows[0][3] == "Realisasi 2024"
    assert rows[1:] == [
        ["IK 1.1", rows[1][1], "100%", "100%", "100,00%", "Tercapai"],
        ["IK 1.3", rows[2][1], "80%", "77,29%", "96,61%", "Belum tercapai"],
    ]
    standar = table_after(doc, "Perbandingan Indikator Sasaran 1 dengan Standar Nasional")
    assert standar[1][2:] == ["77,29%", "76%", "1,29 poin persen", "Lebih baik"]
    text = bab3(doc)
    assert "sehingga target Renstra belum tercapai" in text
    assert "Realisasi IK 1.3 sebesar 77,29% berada di atas standar nasional 76%" in text
    # The standard of sasaran 2 is not given: no table for it.
    assert "Sasaran 2 dengan Standar Nasional" not in all_text(doc)


def test_explanations_carry_their_codes(full):
    _, doc, context = full
    text = bab3(doc)
    assert "IK 1.3: Realisasi melampaui target berkat layanan pindah memilih" in text
    assert context["placeholders"] == ["Sampul: logo instansi", "Bab I C.2: bagan struktur organisasi",
                                       "Lampiran 2: nama Pihak Kedua"]


def test_efficiency_puts_capaian_beside_serapan(full):
    _, doc, _ = full
    rows = table_after(doc, "Anggaran yang Mendukung Sasaran 1")
    assert rows[0] == ["Uraian", "Pagu", "Realisasi", "Serapan"]
    assert [r[0] for r in rows[1:4]] == [
        "Pemutakhiran data pemilih dan layanan peserta Pemilu",
        "Pembentukan dan honorarium badan ad hoc Pemilihan",
        "Pengadaan dan distribusi logistik Pemilihan",
    ]
    assert rows[4] == ["Jumlah", "Rp37.998.749.000", "Rp37.890.825.000", "99,72%"]
    assert rows[5][-1] == "101,02%" and rows[6][-1] == "+1,30"
    assert "Capaian kinerja sasaran ini 101,02% dengan serapan anggaran 99,72%: capaian " \
           "melampaui serapan sebesar 1,30 poin persen" in bab3(doc)
    # The line serving no single sasaran is in III.B but in no efficiency table.
    assert "Belanja pegawai dan operasional perkantoran" not in \
        " ".join(" ".join(r) for r in rows)


def test_programs_are_numbered_without_duplicates(full):
    _, doc, context = full
    items = [i["teks"] for i in context["capaian"]["sasaran"][0]["program"]["item"]]
    assert items == ["Penyelenggaraan tahapan Pemilu dan Pemilihan",
                     "Pembentukan dan pembinaan badan ad hoc",
                     "Pemutakhiran data pemilih berkelanjutan", "Sosialisasi dan pendidikan pemilih"]
    assert "1. Penyelenggaraan tahapan Pemilu dan Pemilihan" in paragraphs(doc, "DaftarBernomor")


def test_ikhtisar_is_the_analisis_summary_and_agrees_with_bab3(full):
    _, doc, _ = full
    data = contoh_data()
    ringkasan = ikhtisar.ringkasan(data, hitung(data))
    assert ringkasan in chapter(doc, "IKHTISAR EKSEKUTIF")
    assert ringkasan in chapter(doc, "BAB IV PENUTUP")
    for fakta in ("2 (dua) sasaran strategis", "5 (lima) indikator kinerja",
                  "Semua indikator mencapai target.", "100,51% dengan kategori Sangat Baik",
                  "Rp59.992.385.000 dari pagu Rp60.148.772.000, atau 99,74%"):
        assert fakta in ringkasan
    rekap = table_after(doc, "Rekapitulasi Capaian Sasaran Strategis")
    assert rekap[-1][-2:] == ["100,51", "Sangat Baik"]


def test_budget_realisation_is_stated_once_in_bab3(full):
    """III.B adds what its tables do not show (the unspent amount), not the same figure again."""
    _, doc, _ = full
    assert "Sisa anggaran yang tidak terserap sebesar Rp156.387.000." in bab3(doc)
    assert bab3(doc).count("Rp59.992.385.000") == 0  # the total is in the table as 59.992.385.000


# --- parts without data leave no trace ---------------------------------------------------------


def test_bare_sasaran_has_only_the_target_and_explanation_parts(bare):
    _, doc, _ = bare
    assert part_headings(doc) == [f"a. {PARTS[0]}", f"b. {PARTS[4]}"] * 2
    text = all_text(doc)
    for gone in ("Tahun Sebelumnya", "Target Renstra", "Standar Nasional", "Efisiensi",
                 "Program dan Kegiatan Pendukung", "Anggaran yang Mendukung", "Catatan: Capaian",
                 "Grafik", "DAFTAR GRAFIK"):
        assert gone not in text, gone


def test_bare_report_has_no_empty_table_and_no_zero_percent(bare):
    _, doc, _ = bare
    assert not NOL_PERSEN.search(all_text(doc))
    for table in doc.tables:
        assert len(table.rows) >= 2 or table.style.name != "Tabel Laporan" or \
            "[Logo]" in table.rows[0].cells[0].text
    captions = [c for c in paragraphs(doc, "Caption") if c.startswith("Tabel 3.")]
    assert [c.split(" ", 2)[2] for c in captions] == [
        "Capaian Indikator Kinerja Sasaran 1", "Capaian Indikator Kinerja Sasaran 2",
        "Rekapitulasi Capaian Sasaran Strategis Tahun 2024",
        "Realisasi Anggaran Sumber Dana Rupiah Murni (APBN)",
        "Realisasi Anggaran Sumber Dana Hibah Pemilihan (APBD)",
        "Realisasi Anggaran Menurut Sumber Dana Tahun 2024",
    ]


def test_missing_explanation_is_a_listed_highlighted_placeholder(bare):
    _, doc, context = bare
    assert context["placeholders"][2:7] == [
        "Bab III A, Sasaran 1, IK 1.1: penyebab dan solusi",
        "Bab III A, Sasaran 1, IK 1.2: penyebab dan solusi",
        "Bab III A, Sasaran 1, IK 1.3: penyebab dan solusi",
        "Bab III A, Sasaran 2, IK 2.1: penyebab dan solusi",
        "Bab III A, Sasaran 2, IK 2.2: penyebab dan solusi",
    ]
    highlighted = [
        r.find(qn("w:t")).text for r in doc.element.body.iter(qn("w:r"))
        if r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}") is not None
        and r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val")) == "Placeholder"
        and r.find(qn("w:t")) is not None and r.find(qn("w:t")).text
    ]
    assert "[Tuliskan penyebab keberhasilan atau kegagalan IK 2.2 serta solusi yang ditempuh, " \
           "atau isi kolom Penjelasan pada lembar Kinerja]" in highlighted
    assert "IK 2.2: [Tuliskan penyebab" in bab3(doc)


# --- sentences never contradict the figures ----------------------------------------------------


def test_no_claim_that_all_targets_were_met_when_some_missed(missed):
    _, doc, _ = missed
    text = all_text(doc)
    assert not SEMUA_TERCAPAI.search(text), SEMUA_TERCAPAI.search(text)
    rows = table_after(doc, "Capaian Indikator Kinerja Sasaran 1")
    assert rows[2][2:] == ["100%", "-", "-", "-"]
    assert rows[3][2:] == ["75%", "60%", "80,00", "Baik"]
    assert rows[4][-2:] == ["90,00", "Baik"]
    assert "belum mencapai target, yaitu IK 1.3 (Persentase peningkatan pelayanan terhadap " \
           "pemilih)." in text
    assert "Realisasi 1 (satu) indikator belum diisi, yaitu IK 1.2" in text
    assert "capaian lebih rendah 9,72 poin persen daripada serapan" in text


def test_summary_average_is_the_printed_table_total(missed):
    _, doc, _ = missed
    rekap = table_after(doc, "Rekapitulasi Capaian Sasaran Strategis")
    total, kategori = rekap[-1][-2:]
    ikhtisar = chapter(doc, "IKHTISAR EKSEKUTIF")
    assert f"Rata-rata capaian kinerja seluruh sasaran sebesar {total}% dengan kategori " \
           f"{kategori}." in ikhtisar
    assert (total, kategori) == ("93,68", "Sangat Baik")


def test_category_follows_the_printed_capaian():
    data = contoh_data()
    s1 = data.sasaran[0]
    # 90,996 prints as 91,00: it must not be labelled below the ">= 91 Sangat Baik" band.
    satu = dataclasses.replace(s1.indikator[0], target=Decimal(100), realisasi=Decimal("90.996"))
    data = dataclasses.replace(data, sasaran=(dataclasses.replace(s1, indikator=(satu,)),))
    context = build(data, hitung(data)).context
    sasaran = context["capaian"]["sasaran"][0]
    assert sasaran["indikator"][0]["capaian"] == "91,00"
    assert sasaran["indikator"][0]["kategori"] == "Sangat Baik"
    assert context["capaian"]["rekap"][0]["kategori"] == "Sangat Baik"
    assert context["capaian"]["kategori"] == "Sangat Baik"


# --- charts ----------------------------------------------------------------------------------


def test_charts_present_with_a_folder(full):
    path, doc, context = full
    assert len(doc.inline_shapes) == 7  # a trend per indicator, capaian, anggaran
    assert all(s.width == Cm(14) for s in doc.inline_shapes)
    captions = [c for c in paragraphs(doc, "Caption") if c.startswith("Grafik")]
    assert [c.split(" ")[1] for c in captions] == [f"3.{n}" for n in range(1, 8)]
    assert captions[0] == "Grafik 3.1 Perkembangan Realisasi IK 1.1 Tahun 2022–2024"
    assert captions[5] == "Grafik 3.6 Capaian Indikator Kinerja Tahun 2024"
    assert captions[6] == "Grafik 3.7 Pagu dan Realisasi Anggaran per Sumber Dana Tahun 2024"
    instr = [t.text for t in doc.element.body.iter(qn("w:instrText"))]  # complex fields
    assert instr.count(" SEQ Grafik \\r 1 \\* ARABIC ") == 1
    assert context["ada_grafik"] == "ya"


def test_each_caption_sits_right_above_its_picture(full):
    _, doc, _ = full
    body = [el for el in doc.element.body.iter(qn("w:p"))]
    for n, p in enumerate(body):
        if style_of(p) == "Caption" and text_of(p).startswith("Grafik"):
            assert body[n + 1].find(f".//{qn('w:drawing')}") is not None, text_of(p)


def test_daftar_grafik_lists_every_chart(full):
    _, doc, _ = full
    headings = paragraphs(doc, "Heading1")
    assert headings[:5] == ["KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "DAFTAR ISI", "DAFTAR TABEL",
                            "DAFTAR GRAFIK"]
    entries = [t for t in paragraphs(doc, "TableofFigures") if t.startswith("Grafik")]
    assert len(entries) == 7 and entries[5] == "Grafik 3.6 Capaian Indikator Kinerja Tahun 2024"
    instr = " ".join(t.text for t in doc.element.body.iter(qn("w:instrText")))
    assert 'TOC \\h \\z \\c "Grafik"' in instr


def test_pictures_carry_alt_text_and_unique_ids(full):
    _, doc, context = full
    doc_prs = list(doc.element.body.iter(qn("wp:docPr")))
    assert len(doc_prs) == 7
    assert len({d.get("id") for d in doc_prs}) == 7
    alts = [d.get("descr") for d in doc_prs]
    assert alts[5] == context["capaian"]["grafik"][0]["alt"]
    assert alts[5].startswith("Grafik kolom capaian 5 indikator kinerja tahun 2024")
    assert all(a and "Grafik" in a for a in alts)


def test_no_charts_without_a_folder(bare, tmp_path):
    _, doc, context = bare
    assert len(doc.inline_shapes) == 0
    assert context["ada_grafik"] == "" and context["capaian"]["grafik"] == []
    assert "DAFTAR GRAFIK" not in paragraphs(doc, "Heading1")
    assert 'c "Grafik"' not in " ".join(t.text for t in doc.element.body.iter(qn("w:instrText")))


def test_sample_without_charts_has_no_chart_traces(tmp_path):
    _, doc, _ = render(contoh_data(), tmp_path)
    assert len(doc.inline_shapes) == 0
    assert not [c for c in paragraphs(doc, "Caption") if c.startswith("Grafik")]
    assert "DAFTAR GRAFIK" not in paragraphs(doc, "Heading1")
    # The parts stay: charts are an addition to the tables, not a replacement.
    assert "b. Perbandingan dengan Tahun Sebelumnya" in part_headings(doc)


def test_no_trend_chart_without_earlier_years(tmp_path):
    _, doc, context = render(bare_data(), tmp_path, grafik=True)
    assert len(doc.inline_shapes) == 2
    assert context["ada_grafik"] == "ya"
    assert not [c for c in paragraphs(doc, "Caption") if "Perkembangan" in c]


def test_charts_module_is_not_imported_without_a_folder():
    code = ("import sys; sys.path.insert(0, 'tests'); from sample_data import contoh_data; "
            "from generator.figures.capaian import hitung; from generator.report import build; "
            "d = contoh_data(); build(d, hitung(d)).context; "
            "print('generator.writing.charts' in sys.modules, 'matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True, timeout=120).stdout
    assert out.split() == ["False", "False"]


def test_alt_text_keeps_braces_and_ampersands(tmp_path):
    data = contoh_data()
    anggaran = tuple(dataclasses.replace(b, sumber="Dana {{ x }} & <Hibah>") if b.sumber == RM
                     else b for b in data.anggaran)
    _, doc, _ = render(dataclasses.replace(data, anggaran=anggaran), tmp_path, grafik=True)
    alts = [d.get("descr") for d in doc.element.body.iter(qn("wp:docPr"))]
    assert any("Dana {{ x }} & <Hibah>: pagu Rp20.350.023.000" in a for a in alts)


# --- a large report and the validator ----------------------------------------------------------


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    return render(big_data(), tmp_path_factory.mktemp("besar"), grafik=True)


def test_big_report_numbers_every_caption(big):
    _, doc, context = big
    grafik = [c for c in paragraphs(doc, "Caption") if c.startswith("Grafik")]
    trends = sum(1 for n in range(40) if n % 3 == 0)
    assert len(grafik) == len(doc.inline_shapes) == trends + 2
    assert [c.split(" ")[1] for c in grafik] == [f"3.{n}" for n in range(1, trends + 3)]
    tabel = [c.split(" ")[1] for c in paragraphs(doc, "Caption") if c.startswith("Tabel 3.")]
    assert tabel == [f"3.{n}" for n in range(1, len(tabel) + 1)]
    assert len(part_headings(doc)) == sum(
        1 + bool(s["tahun_lalu"]) + bool(s["renstra"]) + bool(s["standar"]) + 1
        + bool(s["efisiensi"]) + bool(s["program"]) for s in context["capaian"]["sasaran"])


@pytest.mark.parametrize("which", ["full", "bare", "big"])
def test_valid_open_xml(which, request):
    path, _, _ = request.getfixturevalue(which)
    errors, output = validate_docx(path)
    assert errors == 0, output


def test_template_uses_only_names_the_context_gives(full):
    from generator.templat import check_template

    _, _, context = full
    assert check_template(default_template(), context) == []


def test_sasaran_link_ignores_case_and_spacing(tmp_path):
    data = contoh_data()
    anggaran = tuple(dataclasses.replace(b, sasaran="  " + SASARAN_1.upper() + " ")
                     if b.sasaran == SASARAN_1 else b for b in data.anggaran)
    context = build(dataclasses.replace(data, anggaran=anggaran), hitung(data)).context
    assert len(context["capaian"]["sasaran"][0]["efisiensi"]["baris"]) == 3


def test_an_indicators_years_stay_on_one_page(full):
    """Rows under one merged cell keep with the next row; the group's last row does not."""
    _, doc, _ = full
    body = list(doc.element.body.iterchildren())
    n = next(k for k, el in enumerate(body) if style_of(el) == "Caption"
             and "Realisasi dan Capaian Indikator Sasaran 1" in text_of(el))
    tbl = next(el for el in body[n:] if el.tag == qn("w:tbl"))
    keep = [all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in tr.iter(qn("w:p")))
            for tr in tbl.findall(qn("w:tr"))[1:]]
    assert keep == [True, True, False] * 3
