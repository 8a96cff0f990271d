"""The library behind the commands: check a workbook, compute its figures, write its report."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.figures.capaian import Hasil, hitung
from generator.errors import InputErrors, Issue, LkjError
from generator.model import DataLaporan
from generator.reading.validate import Loaded, load


@dataclass(frozen=True)
class Checked:
    """A workbook that passed the checks, with its computed figures."""

    loaded: Loaded
    hasil: Hasil

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return self.loaded.warnings


@dataclass(frozen=True)
class Built:
    """A written report: where it went, whether an edited report made it go elsewhere."""

    checked: Checked
    path: Path
    beside_edited: Path | None = None
    placeholders: tuple[str, ...] = field(default_factory=tuple)
    removed: tuple[str, ...] = ()  # what was cut from the template (links outside), as lines


def check(workbook: Path) -> Checked:
    """Read, check and compute; raises InputErrors with every problem, or LkjError for the file.

    A workbook without realisasi passes (it serves the Perjanjian Kinerja); what each document
    still needs is in `checked.loaded.kesiapan`, and `require` enforces it.
    """
    _require_xlsx(workbook)
    loaded = load(workbook)
    return Checked(loaded, hitung(loaded.data))


def require(checked: Checked, kode: str, source: str) -> Checked:
    """The workbook, when it is ready for document `kode` (kesiapan.DOKUMEN); else InputErrors
    naming every cell it still lacks, with the workbook's warnings."""
    from generator.reading.validate import sort_issues

    siap = checked.loaded.kesiapan
    if not siap.dokumen(kode).siap:
        raise InputErrors(sort_issues(siap.galat(kode) + list(checked.warnings)), source,
                          judul=siap.judul(kode))
    return checked


def _require_xlsx(workbook: Path) -> None:
    if workbook.suffix.lower() in (".xls", ".csv", ".ods"):
        raise LkjError(f"{workbook.name}: format {workbook.suffix} tidak didukung; buka di "
                       "Excel/Calc lalu simpan sebagai Buku Kerja Excel (.xlsx)")


# A file name holds 255 bytes (ext4) or characters (NTFS), and Windows paths 260 characters in
# all; the backup (-sebelum-N), the PDF and the temporary names need room beside the report.
NAMA_MAKS = 80
BITA_MAKS = 160


def default_output(checked: Checked, folder: Path) -> Path:
    """output/LKj-<Tahun>-<Nama Singkat>.docx, with characters Windows forbids in names replaced
    and a long name shortened (see short_name)."""
    from generator.files.output import safe_name

    identitas = checked.loaded.data.identitas
    return folder / f"LKj-{identitas.tahun}-{short_name(safe_name(identitas.nama_singkat))}.docx"


def short_name(name: str) -> str:
    """`name` itself when it fits; otherwise its first words and 6 hex digits of its hash, so
    two long names that start alike still get different files."""
    import hashlib

    if len(name) <= NAMA_MAKS and len(name.encode("utf-8")) <= BITA_MAKS:
        return name
    tag = hashlib.sha256(name.encode("utf-8")).hexdigest()[:6]
    cut = name[:NAMA_MAKS - 7]
    while len(cut.encode("utf-8")) > BITA_MAKS - 7:
        cut = cut[:-1]
    if " " in cut[len(cut) // 2:]:  # end at a word when one ends in the second half
        cut = cut[:cut.rindex(" ")]
    return f"{cut.rstrip(' .-')}-{tag}"


def _check_template(template: Path, context: dict) -> None:
    """A customised template is checked whole before anything is rendered; no trial rendering,
    since the rendering that follows runs under the same sandbox and limits."""
    from generator.templat import require_valid_template

    if not template.is_file():
        raise LkjError(f"templat {template} tidak ditemukan")
    require_valid_template(template, context, coba=False)


def _check_package(path: Path | None, peran: str) -> tuple[str, ...]:
    """A template or report read whole and bounded (generator.files.paket_docx) before anything else
    is done; the lines naming what lkj removes from it (links outside it)."""
    from generator.files.paket_docx import periksa

    if path is None:
        return ()
    if peran == "templat" and not path.is_file():
        raise LkjError(f"templat {path} tidak ditemukan")
    return tuple(issue.line(path.name) for issue in periksa(path, peran).peringatan)


def draw_charts(data: DataLaporan, hasil: Hasil):
    """Every chart's specification, handed over as a report.Grafik.

    The one place that makes charts; render.py turns each specification into a native Word chart.
    """
    from generator.writing import charts
    from generator.report import Grafik

    tahun = data.identitas.tahun

    def satu(g) -> list[dict]:
        return [] if g is None else [{"gambar": g, "nama": g.nama, "judul": g.judul, "alt": g.alt}]

    return Grafik(
        capaian=satu(charts.grafik_capaian(hasil, data.pengaturan, tahun)),
        anggaran=satu(charts.grafik_anggaran(hasil.anggaran, tahun)),
        tren={kode: satu(charts.grafik_tren(hi.indikator, tahun, kode))
              for kode, hi in hasil.berkode() if hi.indikator.realisasi_lalu},
    )


def build(workbook: Path, out: Path | None = None, template: Path | None = None,
          overwrite: bool = False, grafik: bool = True,
          progress: Callable[[str], None] | None = None) -> Built:
    """Check the workbook and write its report; nothing is written when anything fails.

    The destination is checked before the workbook is read. `progress` is told each stage's
    name as it starts. Ctrl-C or SIGTERM ends with Interrupted after every clean-up has run.
    """
    from generator.files.output import interruptible

    step = progress or (lambda stage: None)
    with interruptible():
        _check_destination(workbook, out, template)
        removed = _check_package(template, "templat")
        step("memeriksa buku kerja")
        checked = require(check(workbook), "lkj", workbook.name)
        wanted = out if out is not None else default_output(checked, Path("output"))
        if out is None:
            _make_folder(wanted.parent)
            _check_destination(workbook, wanted, template)
        built = _write(checked, wanted, template, overwrite, grafik, step, workbook)
        return dataclasses.replace(built, removed=removed)


def _make_folder(folder: Path) -> None:
    from generator.files.output import reason

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LkjError(f"folder keluaran {folder} tidak dapat dibuat ({reason(exc)})") from exc


def _check_destination(workbook: Path, out: Path | None, template: Path | None) -> None:
    from generator.files.output import check_destination, check_folder

    if out is None:  # the name comes from the workbook; its folder can be checked now
        check_folder(Path("output"), may_create=True)
    else:
        check_destination(out, (workbook, template))


def _contents(checked: Checked, template: Path | None, grafik: bool,
              step: Callable[[str], None]):
    """The report's contents (report.Report), charts drawn unless `grafik` is off; a customised
    template is checked against them before anything is rendered."""
    from generator import report

    step("menyusun isi dan grafik" if grafik else "menyusun isi")
    charts = draw_charts(checked.loaded.data, checked.hasil) if grafik else None
    laporan = report.build(checked.loaded.data, checked.hasil, charts)
    if template is not None:
        _check_template(template, laporan.context)
    return laporan


def check_replaceable(target: Path) -> None:
    """An existing report lkj is about to replace must not be open in Word or LibreOffice, nor
    marked read-only."""
    from generator.files.berkas_terbuka import periksa_tidak_terbuka
    from generator.files.output import require_writable

    if target.exists():
        periksa_tidak_terbuka(target)
        require_writable(target)


def _write(checked: Checked, wanted: Path, template: Path | None, overwrite: bool, grafik: bool,
           step: Callable[[str], None], workbook: Path) -> Built:
    from generator.files.berkas_terbuka import KunciLkj
    from generator.writing.identitas_laporan import dari_konteks
    from generator.files.output import atomic_target, choose_target, real_path, reason, stamp
    from generator.writing.render import render_report

    target, moved = choose_target(wanted, overwrite)
    check_replaceable(real_path(target))
    try:
        with KunciLkj(real_path(target)):
            laporan = _contents(checked, template, grafik, step)
            with atomic_target(target, check_open=True) as temp:
                step("menulis dokumen")
                render_report(laporan.context, temp, template)
                step("menyimpan")
                stamp(temp, dari_konteks(laporan.context, workbook.name).properti())
    except OSError as exc:
        raise LkjError(f"laporan tidak dapat dibuat ({reason(exc)}); tidak ada berkas yang "
                       "ditulis") from exc
    step("selesai")
    return Built(checked, target, wanted if moved else None, laporan.placeholders)


def update(workbook: Path, laporan: Path, out: Path | None = None, template: Path | None = None,
           grafik: bool = True, progress: Callable[[str], None] | None = None,
           ganti_identitas: bool = False):
    """Carry the workbook's figures into `laporan`, a report lkj made and a person finished
    (generator.merge.pembaruan.update, which says what it returns)."""
    from generator.merge.pembaruan import update as perbarui

    return perbarui(workbook, laporan, out, template, grafik, progress, ganti_identitas)


def _same(a: Path, b: Path) -> bool:
    from generator.files.output import _same_file

    return a.exists() and b.exists() and _same_file(a, b)


def _check_report(laporan: Path) -> bool:
    """The report must be a .docx lkj made whose marks are not all gone; checked first.
    Returns whether it shows charts."""
    from generator.errors import UsageError
    from generator.files.paket_docx import periksa
    from generator.marks.tanda import AWALAN

    if laporan.suffix.lower() != ".docx":
        raise UsageError(f"laporan harus berkas .docx, tertulis {laporan.name}")
    if laporan.is_dir():
        raise UsageError(f"{laporan} adalah folder, bukan laporan .docx")
    if not laporan.is_file():
        raise LkjError(f"laporan {laporan} tidak ditemukan")
    paket = periksa(laporan, "laporan")
    xml = paket.baca(paket.utama)
    if f'w:name="{AWALAN}'.encode() not in xml:
        raise _without_marks(laporan)
    return b"drawingml/2006/chart" in xml


def _without_marks(laporan: Path) -> LkjError:
    return LkjError(
        f"{laporan.name} tidak memuat tanda bagian dari lkj (bukan laporan buatan lkj, dibuat "
        "lkj versi lama yang belum memberi tanda, atau semua tandanya sudah hilang, mis. "
        "setelah disimpan ulang di Google Docs), jadi "
        "angkanya tidak dapat diperbarui; buat laporan baru dengan: lkj buat "
        "BUKU_KERJA.xlsx. Tidak ada berkas yang ditulis")
