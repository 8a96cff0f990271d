"""The `lkj` command: arguments -> one library call -> printed result and exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from generator import format as fmt
from generator.commands.cli_id import LkjCommand, LkjGroup
from generator.errors import InputErrors, Issue, LkjError, UsageError

app = typer.Typer(
    name="lkj",
    cls=LkjGroup,
    help="Pembuat Laporan Kinerja (LKj) Sekretariat KPU dari buku kerja Excel ke dokumen Word.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

Workbook = Annotated[Path, typer.Argument(help="Buku kerja Excel (.xlsx) berisi data laporan.",
                                          metavar="BUKU_KERJA", show_default=False,
                                          readable=False)]

Workbooks = Annotated[list[Path], typer.Argument(
    help="Buku kerja Excel (.xlsx); boleh beberapa, atau folder berisi buku kerja.",
    metavar="BUKU_KERJA", show_default=False, readable=False)]

ProsesOption = Annotated[int | None, typer.Option(
    "--proses", metavar="N", min=1, show_default=False,
    help="Untuk folder: jumlah buku kerja yang dikerjakan bersamaan (bawaan: sebanyak inti "
    "prosesor, paling banyak 8).")]

SubfolderOption = Annotated[bool, typer.Option(
    "--subfolder", help="Untuk folder: baca juga buku kerja di dalam subfoldernya.")]

TemplatOption = Annotated[Path | None, typer.Option(
    "--templat", metavar="TEMPLAT", help="Templat Word (.docx) sendiri sebagai pengganti templat bawaan.",
    show_default=False, readable=False)]


def _echo_issues(issues: list[Issue] | tuple[Issue, ...], source: str) -> None:
    for issue in issues:
        typer.echo(issue.line(source), err=True)


def _fail(exc: LkjError, source: str = "") -> typer.Exit:
    """Print a library error at this one boundary and turn it into its exit code."""
    if isinstance(exc, InputErrors):
        if exc.judul:
            typer.echo(Issue("", exc.judul).line(exc.source or source), err=True)
        _echo_issues(exc.errors + exc.warnings, exc.source or source)
        typer.echo(f"Galat: {len(exc.errors)} masalah ditemukan di {exc.source or source}; "
                   "tidak ada berkas yang ditulis", err=True)
    else:
        typer.echo(f"Galat: {exc}", err=True)
    return typer.Exit(exc.exit_code)


def _found(workbook: Path) -> Path:
    """The workbook meant, also when typed without .xlsx (Explorer hides extensions)."""
    from generator.reading.inputpath import find_workbook

    path, note = find_workbook(workbook)
    if note:
        typer.echo(note, err=True)
    return path


def _capaian(value, desimal: int) -> str:
    return "-" if value is None else fmt.angka(value, desimal)


def _print_figures(checked) -> None:
    data, hasil = checked.loaded.data, checked.hasil
    desimal = data.pengaturan.desimal
    for sasaran in hasil.sasaran:
        typer.echo(f"Sasaran {sasaran.nomor}: {sasaran.sasaran.nama} (rata-rata capaian "
                   f"{_capaian(sasaran.capaian, desimal)})")
        for item in sasaran.indikator:
            ind = item.indikator
            typer.echo(f"  - {ind.nama}: target {fmt.nilai_satuan(ind.target, ind.satuan)}, "
                       f"realisasi {fmt.nilai_satuan(ind.realisasi, ind.satuan)}, capaian "
                       f"{_capaian(item.capaian, desimal)}")
    typer.echo(f"Rata-rata capaian kinerja: {_capaian(hasil.capaian, desimal)}")
    for sumber in hasil.anggaran.sumber:
        typer.echo(f"Anggaran {sumber.nama}: pagu {fmt.rupiah(sumber.jumlah.pagu)}, realisasi "
                   f"{_rupiah(sumber.jumlah.realisasi)} ({_persen(sumber.jumlah.persen)})")
    total = hasil.anggaran.total
    typer.echo(f"Realisasi anggaran: {_rupiah(total.realisasi)} dari {fmt.rupiah(total.pagu)} "
               f"({_persen(total.persen)})")


def _rupiah(value) -> str:
    return "-" if value is None else fmt.rupiah(value)


def _persen(value) -> str:
    return "-" if value is None else fmt.persen(value, 2)


STAGES = 5  # pipeline.build's stages: check, contents, document, save, done


@contextmanager
def _progress() -> Iterator[Callable[[str], None] | None]:
    """A progress bar on stderr while a report is built; none when stderr is not a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    with typer.progressbar(length=STAGES, label="Membuat laporan", file=sys.stderr,
                           show_eta=False, item_show_func=lambda stage: stage) as bar:
        def step(stage: str) -> None:
            bar.current_item = stage
            bar.update(1)

        yield step


def _banyak(workbooks: list[Path]) -> bool:
    """A folder or several workbooks: the folder run, with one table at the end."""
    return len(workbooks) > 1 or workbooks[0].is_dir()


@app.command(cls=LkjCommand)
def buat(
    workbooks: Workbooks,
    keluaran: Annotated[Path | None, typer.Option(
        "--keluaran", "-o", metavar="LAPORAN",
        help="Berkas .docx tujuan (bawaan: output/LKj-<Tahun>-<Nama Singkat>.docx); untuk "
        "folder atau beberapa buku kerja: folder tujuan (bawaan: output).",
        show_default=False)] = None,
    templat: TemplatOption = None,
    timpa: Annotated[bool, typer.Option(
        "--timpa", help="Timpa laporan yang sudah disunting tangan (tanpa ini, laporan baru "
        "ditulis di sebelahnya).")] = False,
    tanpa_grafik: Annotated[bool, typer.Option(
        "--tanpa-grafik", help="Tulis laporan tanpa grafik (lebih cepat).")] = False,
    pdf: Annotated[bool, typer.Option(
        "--pdf", help="Tulis juga PDF di sebelah laporan .docx, lengkap dengan nomor halaman "
        "daftar isi (perlu LibreOffice).")] = False,
    proses: ProsesOption = None,
    subfolder: SubfolderOption = False,
) -> None:
    """Periksa buku kerja, hitung capaian, lalu tulis laporan Word (.docx). Untuk folder atau
    beberapa buku kerja: semua laporannya sekaligus."""
    if _banyak(workbooks):
        from generator.commands.cli_banyak import buat_banyak

        try:
            buat_banyak(workbooks, keluaran, templat, timpa, not tanpa_grafik, pdf, proses,
                        subfolder)
        except LkjError as exc:
            raise _fail(exc) from None
        return
    from generator.files.paket_docx import dapat_dibaca
    from generator.pipeline import build

    workbook = workbooks[0]
    try:
        workbook = _found(workbook)
        with _progress() as step:
            built = build(workbook, keluaran, templat, overwrite=timpa, grafik=not tanpa_grafik,
                          progress=step)
    except LkjError as exc:
        raise _fail(exc, workbook.name) from None
    checked = built.checked
    _echo_issues(checked.warnings, workbook.name)
    for line in built.removed:
        typer.echo(line, err=True)
    hasil, data = checked.hasil, checked.loaded.data
    jumlah = sum(len(s.indikator) for s in hasil.sasaran)
    typer.echo(f"Laporan ditulis: {built.path.absolute()}")
    if built.beside_edited is not None and not dapat_dibaca(built.beside_edited):
        typer.echo(f"Catatan: {built.beside_edited} rusak (tidak dapat dibuka sebagai .docx), "
                   f"jadi tidak ditimpa; laporan baru ditulis sebagai {built.path.name}")
    elif built.beside_edited is not None:
        typer.echo(f"Catatan: {built.beside_edited} sudah disunting sejak dibuat, jadi tidak "
                   f"ditimpa; laporan baru ditulis sebagai {built.path.name}. Untuk memasukkan "
                   "angka baru ke laporan yang sudah disunting tanpa kehilangan suntingannya, "
                   f"jalankan: lkj perbarui {workbook} \"{built.beside_edited}\"")
    typer.echo(f"{len(hasil.sasaran)} sasaran, {jumlah} indikator; rata-rata capaian "
               f"{_capaian(hasil.capaian, data.pengaturan.desimal)}; realisasi anggaran "
               f"{_persen(hasil.anggaran.total.persen)}; {len(checked.warnings)} peringatan")
    if built.placeholders:
        typer.echo(f"Bagian yang perlu dilengkapi di Word ({len(built.placeholders)}):")
        for place in built.placeholders:
            typer.echo(f"  - {place}")
    if pdf:
        _buat_pdf(built.path)


def _buat_pdf(docx: Path) -> None:
    """The PDF after the report; without LibreOffice the .docx stays and the exit code is 1."""
    from generator.printing.pdf import write_pdf

    try:
        typer.echo(f"PDF ditulis: {write_pdf(docx)}")
    except LkjError as exc:
        raise _fail(exc) from None


def _daftar(judul: str, catatan: list, panah: bool = True) -> None:
    if not catatan:
        return
    typer.echo(f"{judul} ({len(catatan)}):")
    for c in catatan:
        typer.echo(f"  - {c.tempat}" + (f"\n      lkj kini menulis: {c.baru}" if panah and c.baru
                                       else ""))


@app.command(cls=LkjCommand)
def perbarui(
    workbook: Workbook,
    laporan: Annotated[Path, typer.Argument(
        help="Laporan .docx buatan lkj yang sudah disunting di Word.", metavar="LAPORAN",
        show_default=False, readable=False)],
    keluaran: Annotated[Path | None, typer.Option(
        "--keluaran", "-o", metavar="HASIL",
        help="Tulis hasilnya ke berkas .docx ini dan biarkan LAPORAN apa adanya (tanpa ini, "
        "LAPORAN diperbarui di tempat setelah salinannya disimpan di sebelahnya).",
        show_default=False)] = None,
    templat: TemplatOption = None,
    tanpa_grafik: Annotated[bool, typer.Option(
        "--tanpa-grafik", help="Perbarui seperti laporan tanpa grafik: grafik buatan lkj yang "
        "tidak disunting dibuang (tanpa ini, grafik ikut diperbarui bila laporan memuat "
        "grafik).")] = False,
    ganti_identitas: Annotated[bool, typer.Option(
        "--ganti-identitas", help="Terima buku kerja satker atau tahun lain dari laporan (mis. "
        "nama satker berubah, atau laporan dibawa ke tahun berikutnya); tanpa ini, buku kerja "
        "seperti itu ditolak.")] = False,
) -> None:
    """Masukkan angka baru dari buku kerja ke laporan yang sudah disunting, tanpa kehilangan suntingan."""
    from generator.pipeline import update

    try:
        workbook = _found(workbook)
        with _progress() as step:
            done = update(workbook, laporan, keluaran, templat, grafik=not tanpa_grafik,
                          progress=step, ganti_identitas=ganti_identitas)
    except LkjError as exc:
        raise _fail(exc, workbook.name) from None
    _echo_issues(done.checked.warnings, workbook.name)
    for catatan in done.catatan:
        typer.echo(f"Catatan: {catatan}")
    for line in done.removed:
        typer.echo(line, err=True)
    hasil = done.hasil
    if not done.berubah:
        tidak = f"; {keluaran} tidak dibuat" if keluaran is not None and not done.cadangan else ""
        typer.echo(f"Tidak ada yang berubah: {done.path.name} sudah memuat angka dari "
                   f"{workbook.name}. Tidak ada berkas yang ditulis{tidak}.")
        _daftar_suntingan(hasil)
        return
    typer.echo(f"Laporan diperbarui: {done.path.absolute()}")
    if done.beside_edited is not None:
        typer.echo(f"Catatan: {done.beside_edited} sudah ada dan sudah disunting, jadi tidak "
                   f"ditimpa; hasilnya ditulis sebagai {done.path.name}")
    if done.cadangan is not None:
        typer.echo(f"Versi sebelumnya disimpan sebagai: {done.cadangan.name}")
    typer.echo(f"{hasil.diperbarui} bagian diisi angka baru; {len(hasil.disunting)} bagian yang "
               f"disunting dipertahankan; {len(hasil.ditambahkan)} bagian baru ditambahkan")
    _daftar_suntingan(hasil)
    if hasil.diperbaiki:
        typer.echo(f"Dipulihkan dari penyimpanan program lain ({len(hasil.diperbaiki)}):")
        for teks in hasil.diperbaiki:
            typer.echo(f"  - {teks}")


def _daftar_suntingan(hasil) -> None:
    """What perbarui kept, left deleted, added or could not place, each with its place."""
    _daftar("Bagian yang disunting tangan dipertahankan (angka di dalamnya yang tidak disunting "
            "tetap diperbarui)", hasil.disunting)
    _daftar("Angka yang disunting tangan dipertahankan", hasil.angka_disunting)
    _daftar("Bagian yang dihapus tangan tetap dihapus", hasil.dihapus)
    _daftar("Bagian baru dari buku kerja ditambahkan", hasil.ditambahkan, panah=False)
    _daftar("Bagian baru yang tidak dapat ditempatkan (tambahkan sendiri bila perlu)",
            hasil.tak_ditempatkan)
    _daftar("Bagian yang tidak lagi ditulis lkj (indikator, sasaran, atau baris anggarannya "
            "tidak ada lagi di buku kerja atau namanya diubah) tetapi disunting tangan, jadi "
            "dipertahankan; hapus sendiri bila tidak diperlukan", hasil.tak_ditulis_lagi,
            panah=False)


@app.command(cls=LkjCommand)
def periksa(workbooks: Workbooks, proses: ProsesOption = None,
            subfolder: SubfolderOption = False) -> None:
    """Periksa buku kerja dan tampilkan angka hasil hitungan tanpa menulis laporan. Untuk folder
    atau beberapa buku kerja: satu tabel semuanya."""
    if _banyak(workbooks):
        from generator.commands.cli_banyak import periksa_banyak

        try:
            periksa_banyak(workbooks, proses, subfolder)
        except LkjError as exc:
            raise _fail(exc) from None
        return
    from generator.pipeline import check

    workbook = workbooks[0]
    try:
        workbook = _found(workbook)
        checked = check(workbook)
    except LkjError as exc:
        raise _fail(exc, workbook.name) from None
    _print_figures(checked)
    _echo_issues(checked.warnings, workbook.name)
    for line in checked.loaded.kesiapan.baris():
        typer.echo(line)
    typer.echo(f"Buku kerja {workbook.name} siap dipakai ({len(checked.warnings)} peringatan).")


@app.command(cls=LkjCommand)
def rekap(
    workbooks: Workbooks,
    keluaran: Annotated[Path | None, typer.Option(
        "--keluaran", "-o", metavar="REKAP",
        help="Berkas tujuan: .xlsx (buku kerja Excel) atau .docx (dokumen Word) (bawaan: "
        "output/Rekap-LKj-<Tahun>.xlsx).", show_default=False)] = None,
    timpa: Annotated[bool, typer.Option(
        "--timpa", help="Timpa rekap yang sudah disunting tangan (tanpa ini, rekap baru ditulis "
        "di sebelahnya).")] = False,
    proses: ProsesOption = None,
    subfolder: SubfolderOption = False,
) -> None:
    """Rekap banyak satker (satu folder buku kerja): peringkat capaian, indikator yang sama,
    dan semua masalah, dalam satu buku kerja Excel atau dokumen Word."""
    from generator.commands.cli_banyak import rekap as tulis_rekap

    try:
        tulis_rekap(workbooks, keluaran, timpa, proses, subfolder)
    except LkjError as exc:
        raise _fail(exc) from None


@app.command(cls=LkjCommand)
def baru(
    berkas: Annotated[Path, typer.Argument(help="Nama buku kerja kosong yang akan dibuat (.xlsx).",
                                           show_default=False)],
) -> None:
    """Buat buku kerja kosong berisi semua lembar, kolom, pilihan, dan petunjuk pengisian."""
    from generator.reading.blank import write_blank_workbook

    try:
        if berkas.suffix.lower() != ".xlsx":
            raise UsageError(f"nama berkas harus berakhiran .xlsx, tertulis {berkas.name}")
        write_blank_workbook(berkas)
    except LkjError as exc:
        raise _fail(exc) from None
    typer.echo(f"Buku kerja kosong ditulis: {berkas}")
    typer.echo(f"Isi buku kerja itu, lalu jalankan: lkj buat {berkas}")


templat_app = typer.Typer(
    cls=LkjGroup,
    help="Templat Word sendiri: salin templat bawaan untuk disunting, lalu periksa hasilnya.",
    no_args_is_help=True,
)
app.add_typer(templat_app, name="templat")

TemplatFile = Annotated[Path, typer.Argument(help="Berkas templat Word (.docx).", metavar="TEMPLAT",
                                             show_default=False, readable=False)]


@templat_app.command("salin", cls=LkjCommand)
def templat_salin(berkas: TemplatFile) -> None:
    """Tulis salinan templat bawaan untuk disunting di Word."""
    from generator.templat import copy_template

    try:
        copy_template(berkas)
    except LkjError as exc:
        raise _fail(exc) from None
    typer.echo(f"Templat bawaan disalin ke {berkas}")
    typer.echo(f"Sunting di Word, periksa dengan: lkj templat periksa {berkas}")
    typer.echo(f"lalu pakai dengan: lkj buat BUKU_KERJA.xlsx --templat {berkas}")


@templat_app.command("periksa", cls=LkjCommand)
def templat_periksa(berkas: TemplatFile) -> None:
    """Periksa templat sendiri: tag rusak, variabel tak dikenal, yang ditolak kotak pasir;
    lalu coba isi dengan data contoh."""
    from generator.templat import require_valid_template, sample_context

    try:
        peringatan = require_valid_template(berkas, sample_context())
    except LkjError as exc:
        raise _fail(exc, berkas.name) from None
    _echo_issues(peringatan, berkas.name)
    typer.echo(f"Templat {berkas.name} siap dipakai.")


def main() -> None:
    """Entry point of the console script; usage errors exit 2 (Click's own convention)."""
    from generator.files.output import quiet_unraisable

    sys.unraisablehook = quiet_unraisable()
    app(prog_name="lkj")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
