"""The library behind the commands: check a workbook, compute its figures, write its report."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.figures.capaian import Hasil, hitung
from generator.errors import InputErrors, Issue, LkjError
from generator.reading.validate import Loaded, load
from generator.writing.charts import draw_charts


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


def default_output(checked: Checked, folder: Path, dokumen: str = "lkj",
                   ke: int | None = None) -> Path:
    """output/LKj-<Tahun>-<Nama Singkat>.docx (or the document's own name, generator.report.
    jenis: `PK-2025-...`, `Triwulan-2-2025-...`), with characters Windows forbids in names
    replaced and a long name shortened (see short_name)."""
    from generator.files.output import safe_name
    from generator.report.jenis import JENIS

    data = checked.loaded.data
    nama = short_name(safe_name(data.identitas.nama_singkat))
    return folder / JENIS[dokumen].nama_berkas(data, nama, ke)


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


def _check_template(template: Path, context: dict, dokumen: str = "lkj") -> None:
    """A customised template is checked whole before anything is rendered (also that it is a
    template of this document); no trial rendering, since the rendering that follows runs
    under the same sandbox and limits."""
    from generator.templat import require_valid_template

    if not template.is_file():
        raise LkjError(f"templat {template} tidak ditemukan")
    require_valid_template(template, context, coba=False, dokumen=dokumen)


def check_package(path: Path | None, peran: str) -> tuple[str, ...]:
    """A template or report read whole and bounded (generator.files.paket_docx) before anything else
    is done; the lines naming what lkj removes from it (links outside it)."""
    from generator.files.paket_docx import periksa

    if path is None:
        return ()
    if peran == "templat" and not path.is_file():
        raise LkjError(f"templat {path} tidak ditemukan")
    return tuple(issue.line(path.name) for issue in periksa(path, peran).peringatan)


@dataclass(frozen=True)
class Pesanan:
    """Which document to write: its code (generator.report.jenis) and, for a quarterly
    report, the quarter 1..4."""

    dokumen: str = "lkj"
    ke: int | None = None

    @property
    def jenis(self):
        from generator.report.jenis import JENIS

        return JENIS[self.dokumen]

    @property
    def kesiapan(self) -> str:
        return self.jenis.kesiapan(self.ke)


LKJ = Pesanan()


def build(workbook: Path, out: Path | None = None, template: Path | None = None,
          overwrite: bool = False, grafik: bool = True,
          progress: Callable[[str], None] | None = None, pesanan: Pesanan = LKJ) -> Built:
    """Check the workbook and write its document (the LKj unless `pesanan` names another);
    nothing is written when anything fails.

    The destination is checked before the workbook is read. `progress` is told each stage's
    name as it starts. Ctrl-C or SIGTERM ends with Interrupted after every clean-up has run.
    """
    from generator.files.output import interruptible

    step = progress or (lambda stage: None)
    with interruptible():
        check_target(workbook, out, template)
        removed = check_package(template, "templat")
        step("memeriksa buku kerja")
        checked = require(check(workbook), pesanan.kesiapan, workbook.name)
        wanted = out if out is not None else default_output(checked, Path("output"),
                                                            pesanan.dokumen, pesanan.ke)
        if out is None:
            _make_folder(wanted.parent)
            check_target(workbook, wanted, template)
        built = _write(checked, wanted, template, overwrite, grafik, step, workbook, pesanan)
        return dataclasses.replace(built, removed=removed)


def _make_folder(folder: Path) -> None:
    from generator.files.output import reason

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LkjError(f"folder keluaran {folder} tidak dapat dibuat ({reason(exc)})") from exc


def check_target(workbook: Path, out: Path | None, template: Path | None) -> None:
    from generator.files.output import check_destination, check_folder

    if out is None:  # the name comes from the workbook; its folder can be checked now
        check_folder(Path("output"), may_create=True)
    else:
        check_destination(out, (workbook, template))


def contents(checked: Checked, template: Path | None, grafik: bool,
             step: Callable[[str], None], pesanan: Pesanan = LKJ):
    """The document's contents (report.Report), charts drawn unless `grafik` is off; a
    customised template is checked against them before anything is rendered."""
    data = checked.loaded.data
    grafik = grafik and pesanan.jenis.grafik
    step("menyusun isi dan grafik" if grafik else "menyusun isi")
    charts = (draw_charts(data, checked.hasil, pesanan.dokumen, pesanan.ke) if grafik
              else None)
    laporan = pesanan.jenis.build(data, checked.hasil, charts, pesanan.ke)
    if template is not None:
        _check_template(template, laporan.context, pesanan.dokumen)
    return laporan


def identity(context: dict, workbook: Path, pesanan: Pesanan):
    """Whose document it is and which (generator.writing.identitas_laporan), for its properties."""
    from generator.writing.identitas_laporan import dari_konteks

    return dari_konteks(context, workbook.name, pesanan.dokumen, pesanan.ke)


def render(context: dict, path: Path, template: Path | None, pesanan: Pesanan) -> Path:
    """Render the document's template (or a customised one) into `path`."""
    from generator.writing.render import render_report

    return render_report(context, path, template, pesanan.jenis.templat,
                         pesanan.jenis.judul_berkas(context.get("tahun", ""), pesanan.ke))


def check_replaceable(target: Path) -> None:
    """An existing report lkj is about to replace must not be open in Word or LibreOffice, nor
    marked read-only."""
    from generator.files.berkas_terbuka import periksa_tidak_terbuka
    from generator.files.output import require_writable

    if target.exists():
        periksa_tidak_terbuka(target)
        require_writable(target)


def _write(checked: Checked, wanted: Path, template: Path | None, overwrite: bool, grafik: bool,
           step: Callable[[str], None], workbook: Path, pesanan: Pesanan = LKJ) -> Built:
    from generator.files.berkas_terbuka import KunciLkj
    from generator.files.output import atomic_target, choose_target, real_path, reason, stamp

    target, moved = choose_target(wanted, overwrite)
    check_replaceable(real_path(target))
    try:
        with KunciLkj(real_path(target)):
            laporan = contents(checked, template, grafik, step, pesanan)
            with atomic_target(target, check_open=True) as temp:
                step("menulis dokumen")
                render(laporan.context, temp, template, pesanan)
                step("menyimpan")
                stamp(temp, identity(laporan.context, workbook, pesanan).properti())
    except OSError as exc:
        apa = "laporan" if pesanan.dokumen == "lkj" else pesanan.jenis.judul
        raise LkjError(f"{apa} tidak dapat dibuat ({reason(exc)}); tidak ada berkas yang "
                       "ditulis") from exc
    step("selesai")
    return Built(checked, target, wanted if moved else None, laporan.placeholders)
