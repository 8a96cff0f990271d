"""The library behind the commands: check a workbook, compute its figures, write its report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .capaian import Hasil, hitung
from .errors import InputErrors, Issue, LkjError
from .model import DataLaporan
from .validate import Loaded, load


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
    from .validate import sort_issues

    siap = checked.loaded.kesiapan
    if not siap.dokumen(kode).siap:
        raise InputErrors(sort_issues(siap.galat(kode) + list(checked.warnings)), source)
    return checked


def _require_xlsx(workbook: Path) -> None:
    if workbook.suffix.lower() in (".xls", ".csv", ".ods"):
        raise LkjError(f"{workbook.name}: format {workbook.suffix} tidak didukung; buka di "
                       "Excel/Calc lalu simpan sebagai Buku Kerja Excel (.xlsx)")


def default_output(checked: Checked, folder: Path) -> Path:
    """output/LKj-<Tahun>-<Nama Singkat>.docx, with characters Windows forbids in names replaced."""
    from .output import safe_name

    identitas = checked.loaded.data.identitas
    return folder / f"LKj-{identitas.tahun}-{safe_name(identitas.nama_singkat)}.docx"


def _check_template(template: Path, context: dict) -> None:
    """A customised template is checked whole before anything is rendered; no trial rendering,
    since the rendering that follows runs under the same sandbox and limits."""
    from .templat import require_valid_template

    if not template.is_file():
        raise LkjError(f"templat {template} tidak ditemukan")
    require_valid_template(template, context, coba=False)


def draw_charts(data: DataLaporan, hasil: Hasil):
    """Every chart's specification, handed over as a report.Grafik.

    The one place that makes charts; render.py turns each specification into a native Word chart.
    """
    from . import charts
    from .report import Grafik

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
    from .output import interruptible

    step = progress or (lambda stage: None)
    with interruptible():
        _check_destination(workbook, out, template)
        step("memeriksa buku kerja")
        checked = require(check(workbook), "lkj", workbook.name)
        wanted = out if out is not None else default_output(checked, Path("output"))
        if out is None:
            _make_folder(wanted.parent)
            _check_destination(workbook, wanted, template)
        return _write(checked, wanted, template, overwrite, grafik, step)


def _make_folder(folder: Path) -> None:
    from .output import reason

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LkjError(f"folder keluaran {folder} tidak dapat dibuat ({reason(exc)})") from exc


def _check_destination(workbook: Path, out: Path | None, template: Path | None) -> None:
    from .output import check_destination, check_folder

    if out is None:  # the name comes from the workbook; its folder can be checked now
        check_folder(Path("output"), may_create=True)
    else:
        check_destination(out, (workbook, template))


def _contents(checked: Checked, template: Path | None, grafik: bool,
              step: Callable[[str], None]):
    """The report's contents (report.Report), charts drawn unless `grafik` is off; a customised
    template is checked against them before anything is rendered."""
    from . import report

    step("menyusun isi dan grafik" if grafik else "menyusun isi")
    charts = draw_charts(checked.loaded.data, checked.hasil) if grafik else None
    laporan = report.build(checked.loaded.data, checked.hasil, charts)
    if template is not None:
        _check_template(template, laporan.context)
    return laporan


def _write(checked: Checked, wanted: Path, template: Path | None, overwrite: bool, grafik: bool,
           step: Callable[[str], None]) -> Built:
    from .output import atomic_target, choose_target, reason, stamp
    from .render import render_report

    target, moved = choose_target(wanted, overwrite)
    try:
        laporan = _contents(checked, template, grafik, step)
        with atomic_target(target) as temp:
            step("menulis dokumen")
            render_report(laporan.context, temp, template)
            step("menyimpan")
            stamp(temp)
    except OSError as exc:
        raise LkjError(f"laporan tidak dapat dibuat ({reason(exc)}); tidak ada berkas yang "
                       "ditulis") from exc
    step("selesai")
    return Built(checked, target, wanted if moved else None, laporan.placeholders)


@dataclass(frozen=True)
class Updated:
    """A report that took new figures: where it went, the earlier version kept, what was listed,
    and the `-o` file that was kept because a person had edited it (then path is beside it)."""

    checked: Checked
    path: Path
    cadangan: Path | None
    hasil: object  # perbarui.HasilGabung
    beside_edited: Path | None = None


def update(workbook: Path, laporan: Path, out: Path | None = None, template: Path | None = None,
           grafik: bool = True, progress: Callable[[str], None] | None = None) -> Updated:
    """Carry the workbook's figures into `laporan`, a report lkj made and a person finished.

    Without `out` the report is updated in place after a copy of it is kept beside it; with
    `out` the report is left as it is. Nothing is written when anything fails.
    """
    import dataclasses

    from .output import choose_target, interruptible

    step = progress or (lambda stage: None)
    with interruptible():
        in_place = out is None or _same(out, laporan)
        # A report made without charts stays without: charts are drawn only when it has some.
        grafik = _check_report(laporan) and grafik
        moved = False
        if in_place:
            target = laporan
            _check_destination(workbook, laporan, template)
        else:
            _check_destination(workbook, out, template)
            target, moved = choose_target(out, overwrite=False)
        step("memeriksa buku kerja")
        checked = require(check(workbook), "lkj", workbook.name)
        done = _update(checked, laporan, target, in_place, template, grafik, step)
        return dataclasses.replace(done, beside_edited=out if moved else None)


def _same(a: Path, b: Path) -> bool:
    from .output import _same_file

    return a.exists() and b.exists() and _same_file(a, b)


def _check_report(laporan: Path) -> bool:
    """The report must be a .docx lkj made whose marks are not all gone; checked first.
    Returns whether it shows charts."""
    import zipfile

    from .errors import UsageError
    from .tanda import AWALAN

    if laporan.suffix.lower() != ".docx":
        raise UsageError(f"laporan harus berkas .docx, tertulis {laporan.name}")
    if laporan.is_dir():
        raise UsageError(f"{laporan} adalah folder, bukan laporan .docx")
    if not laporan.is_file():
        raise LkjError(f"laporan {laporan} tidak ditemukan")
    try:
        with zipfile.ZipFile(laporan) as archive:
            xml = archive.read("word/document.xml")
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise LkjError(f"{laporan.name} bukan dokumen Word .docx yang dapat dibaca; tidak ada "
                       "berkas yang ditulis") from exc
    if f'w:name="{AWALAN}'.encode() not in xml:
        raise _without_marks(laporan)
    return b"drawingml/2006/chart" in xml


def _without_marks(laporan: Path) -> LkjError:
    return LkjError(
        f"{laporan.name} tidak memuat tanda bagian dari lkj (bukan laporan buatan lkj, dibuat "
        "lkj versi lama yang belum memberi tanda, atau semua tandanya sudah hilang), jadi "
        "angkanya tidak dapat diperbarui; buat laporan baru dengan: lkj buat "
        "BUKU_KERJA.xlsx. Tidak ada berkas yang ditulis")


def _update(checked: Checked, laporan: Path, target: Path, in_place: bool,
            template: Path | None, grafik: bool, step: Callable[[str], None]) -> Updated:
    import tempfile

    import docx

    from .output import PROPERTY, atomic_target, keep_copy, reason
    from .perbarui import BukanLaporanLkj, Penggabung
    from .render import render_report
    from .properti import baca_properti, buang_properti
    from .tanda import baca_daftar, simpan_daftar

    try:
        laporan_baru = _contents(checked, template, grafik, step)
        with tempfile.TemporaryDirectory(prefix="lkj-") as folder:
            baru_path = render_report(laporan_baru.context, Path(folder) / "baru.docx", template)
            step("menggabungkan")
            lama = docx.Document(str(laporan))
            baru = docx.Document(str(baru_path))
            daftar = baca_daftar(baca_properti(lama))
            try:
                hasil = Penggabung(lama, baru, daftar).gabung()
            except BukanLaporanLkj:  # "_lkj" in the text, but no mark lkj can read
                raise _without_marks(laporan) from None
            simpan_daftar(lama, hasil.daftar)
            # The result holds a person's work: no "untouched lkj output" fingerprint, so a
            # later `lkj buat` never replaces it silently.
            buang_properti(lama, PROPERTY)
            cadangan = None
            try:
                with atomic_target(target) as temp:
                    step("menyimpan")
                    lama.save(str(temp))
                    if in_place:
                        cadangan = keep_copy(laporan)
            except BaseException:
                if cadangan is not None:  # the report was not replaced: no copy needed
                    cadangan.unlink(missing_ok=True)
                raise
    except OSError as exc:
        raise LkjError(f"laporan tidak dapat diperbarui ({reason(exc)}); tidak ada berkas yang "
                       "ditulis") from exc
    step("selesai")
    return Updated(checked, target, cadangan, hasil)
