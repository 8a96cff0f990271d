"""What `lkj periksa`, `lkj buat` and `lkj rekap` print for a folder of workbooks: progress,
one table, each workbook's problems under its name, and the exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from generator import format as fmt
from generator.errors import Issue
from generator.commands.folder import Baris, Jalan


@contextmanager
def kemajuan(jumlah: int, label: str) -> Iterator[Callable[[], None] | None]:
    """One progress bar on stderr for the whole run; none when stderr is not a terminal."""
    if not sys.stderr.isatty() or jumlah < 2:
        yield None
        return
    with typer.progressbar(length=jumlah, label=label, file=sys.stderr) as bar:
        yield lambda: bar.update(1)


def _angka(value, desimal: int) -> str:
    return "-" if value is None else fmt.angka(value, desimal)


def _persen(value) -> str:
    return "-" if value is None else fmt.persen(value, 2)


def kolom(b: Baris) -> list[str]:
    """Satker, year, capaian, serapan and warnings of one row ("-" where unknown)."""
    h = b.hasil
    if h.gagal:
        return [h.buku.name, "-", "-", "-", "-"]
    data, hasil = h.checked.loaded.data, h.checked.hasil
    return [data.identitas.nama_singkat, str(data.identitas.tahun),
            _angka(hasil.capaian, data.pengaturan.desimal), _persen(hasil.anggaran.total.persen),
            str(len(h.peringatan))]


def tabel(kepala: list[str], baris: list[list[str]], kanan: set[int]) -> list[str]:
    """A plain text table; columns in `kanan` are right-aligned (figures)."""
    lebar = [max(len(r[i]) for r in [kepala, *baris]) for i in range(len(kepala))]

    def satu(r: list[str]) -> str:
        sel = [r[i].rjust(lebar[i]) if i in kanan else r[i].ljust(lebar[i])
               for i in range(len(r))]
        return "  ".join(sel).rstrip()

    return [satu(kepala), "  ".join("-" * w for w in lebar), *map(satu, baris)]


def cetak_masalah(jalan: Jalan) -> int:
    """Each workbook's problems (errors, then warnings) under its name, on stderr; returns how
    many workbooks could not be used."""
    gagal = 0
    for b in jalan.baris:
        h = b.hasil
        masalah: list[Issue] = [*h.galat, *h.peringatan]
        if b.galat_simpan:
            masalah.insert(0, Issue("save", b.galat_simpan))
        if not masalah and not h.belum_lkj:
            continue
        gagal += bool(h.gagal or b.galat_simpan)
        typer.echo(f"{h.buku.name}:", err=True)
        if h.judul:
            typer.echo(f"  {h.judul}", err=True)
        for issue in masalah:
            typer.echo(f"  {issue.line()}", err=True)
        if h.belum_lkj:
            typer.echo(f"  {h.belum_lkj}", err=True)
    return gagal


KEPALA = ["No", "Satker", "Tahun", "Capaian", "Serapan", "Peringatan"]
KANAN = {0, 2, 3, 4, 5}


def _status(b: Baris) -> str:
    if b.hasil.gagal:
        return f"galat ({len(b.hasil.galat)} masalah)"
    return "belum siap LKj" if b.hasil.belum_lkj else "siap"


def tabel_periksa(jalan: Jalan) -> None:
    rows = [[str(n), *kolom(b), _status(b)] for n, b in enumerate(jalan.baris, start=1)]
    for line in tabel([*KEPALA, "Status"], rows, KANAN):
        typer.echo(line)


def _laporan(b: Baris) -> str:
    if b.laporan is not None:
        return b.laporan.name
    if b.galat_simpan:
        return "tidak ditulis (gagal disimpan)"
    return f"tidak ditulis: {len(b.hasil.galat)} galat"


def tabel_buat(jalan: Jalan) -> None:
    rows = [[str(n), *kolom(b), _laporan(b)] for n, b in enumerate(jalan.baris, start=1)]
    for line in tabel([*KEPALA, "Laporan"], rows, KANAN):
        typer.echo(line)


def catatan_buat(jalan: Jalan) -> None:
    """Reports that went beside an edited report or a twin of this run, and what to do."""
    for b in jalan.baris:
        if b.disunting is not None:
            typer.echo(f"Catatan: {b.disunting.name} sudah disunting sejak dibuat, jadi tidak "
                       f"ditimpa; laporan baru ditulis sebagai {b.laporan.name}. Untuk "
                       "memasukkan angka baru ke laporan yang sudah disunting, jalankan: lkj "
                       f"perbarui \"{b.hasil.buku}\" \"{b.disunting}\"")
        elif b.kembar is not None:
            typer.echo(f"Catatan: {b.kembar.name} dan {b.hasil.buku.name} sama-sama buku kerja "
                       f"{kolom(b)[0]} tahun {kolom(b)[1]}; laporan dari {b.hasil.buku.name} "
                       f"ditulis sebagai {b.laporan.name}")


def selesai(jalan: Jalan, ditulis: str) -> None:
    """The last line and the exit code: 1 when any workbook failed or the run was stopped."""
    gagal = sum(1 for b in jalan.baris if b.hasil.gagal or b.galat_simpan)
    if jalan.terhenti:
        typer.echo(f"Galat: dihentikan sebelum selesai; {len(jalan.baris)} dari {jalan.jumlah} "
                   f"buku kerja sempat diproses ({ditulis}); tidak ada berkas setengah jadi",
                   err=True)
        raise typer.Exit(1)
    if gagal:
        typer.echo(f"Galat: {gagal} dari {len(jalan.baris)} buku kerja bermasalah (lihat di "
                   f"atas); {ditulis}", err=True)
        raise typer.Exit(1)


def bagian_kuning() -> None:
    typer.echo("Bagian yang perlu dilengkapi di Word ditandai kuning di setiap laporan; "
               "`lkj buat` untuk satu buku kerja mencantumkan letaknya.")


def jumlah_ditulis(jalan: Jalan, folder: Path) -> str:
    n = sum(1 for b in jalan.baris if b.laporan is not None)
    return f"{n} laporan ditulis ke {folder.absolute()}"


# --- the commands ------------------------------------------------------------------------------


def _folder_keluaran(keluaran: Path | None) -> Path:
    from generator.errors import UsageError

    if keluaran is None:
        return Path("output")
    if keluaran.suffix.lower() == ".docx" or keluaran.is_file():
        raise UsageError(f"untuk folder atau beberapa buku kerja, -o adalah folder tujuan "
                         f"laporan, bukan berkas: {keluaran}")
    return keluaran


def _periksa_templat(templat: Path | None) -> None:
    """A customised template is checked once for the whole folder, before any report."""
    from generator.errors import LkjError
    from generator.templat import require_valid_template, sample_context

    if templat is None:
        return
    if not templat.is_file():
        raise LkjError(f"templat {templat} tidak ditemukan")
    require_valid_template(templat, sample_context())


def periksa_banyak(workbooks: list[Path], proses: int | None, subfolder: bool) -> None:
    """`lkj periksa FOLDER`: one table, each workbook's problems, exit 1 if any failed."""
    from generator.commands.folder import kumpulkan, periksa_banyak as periksa

    bukus = kumpulkan(workbooks, subfolder)
    with kemajuan(len(bukus), "Memeriksa buku kerja") as maju:
        jalan = periksa(bukus, proses, maju)
    tabel_periksa(jalan)
    cetak_masalah(jalan)
    siap = [b for b in jalan.baris if not b.hasil.gagal]
    pesan = f"{len(siap)} buku kerja siap dipakai"
    belum = sum(1 for b in siap if b.hasil.belum_lkj)
    if belum:
        pesan += f", {belum} di antaranya belum siap untuk Laporan Kinerja"
    selesai(jalan, pesan)
    peringatan = sum(len(b.hasil.peringatan) for b in siap)
    typer.echo(f"{pesan} ({peringatan} peringatan).")


def buat_banyak(workbooks: list[Path], keluaran: Path | None, templat: Path | None, timpa: bool,
                grafik: bool, pdf: bool, proses: int | None, subfolder: bool) -> None:
    """`lkj buat FOLDER`: every report, in workers; one table; exit 1 if any failed."""
    from generator.commands.folder import buat_banyak as buat, kumpulkan

    folder = _folder_keluaran(keluaran)
    _periksa_templat(templat)
    bukus = kumpulkan(workbooks, subfolder)
    with kemajuan(len(bukus), "Membuat laporan") as maju:
        jalan = buat(bukus, folder, templat, timpa, grafik, proses, maju)
    tabel_buat(jalan)
    cetak_masalah(jalan)
    catatan_buat(jalan)
    ditulis = jumlah_ditulis(jalan, folder)
    pdf_utuh = _pdf(jalan) if pdf and not jalan.terhenti else True
    selesai(jalan, ditulis)
    typer.echo(ditulis)
    bagian_kuning()
    if not pdf_utuh:
        raise typer.Exit(1)


def _pdf(jalan: Jalan) -> bool:
    """Every report's PDF, LibreOffice started once; False (said why) when any is missing.
    The reports stand whatever becomes of their PDFs."""
    from generator.errors import LkjError
    from generator.files.output import Interrupted
    from generator.printing.pdf import write_pdfs

    laporan = [b.laporan for b in jalan.baris if b.laporan is not None]
    if not laporan:
        return True
    try:
        with kemajuan(len(laporan), "Membuat PDF") as maju:
            hasil = write_pdfs(laporan, maju=maju)
    except Interrupted:
        typer.echo("Galat: dihentikan saat membuat PDF; laporan .docx tetap utuh, PDF yang belum "
                   "selesai tidak ditulis", err=True)
        return False
    except LkjError as exc:  # no LibreOffice
        typer.echo(f"Galat: {exc}", err=True)
        return False
    gagal = [(docx, pesan) for docx, pdf, pesan in hasil if pdf is None]
    typer.echo(f"{len(hasil) - len(gagal)} PDF ditulis di sebelah laporannya.")
    for docx, pesan in gagal:
        typer.echo(f"{docx.name}: PDF tidak dibuat ({pesan})", err=True)
    if gagal:
        typer.echo(f"Galat: {len(gagal)} PDF tidak dapat dibuat (lihat di atas); laporan .docx "
                   "tetap ditulis", err=True)
    return not gagal


def _tujuan_rekap(keluaran: Path | None, tahun: list[int]) -> Path:
    """REKAP.xlsx or REKAP.docx as given, else output/Rekap-LKj-<years>.xlsx."""
    from generator.errors import UsageError

    if keluaran is None:
        rentang = "-".join(str(t) for t in (tahun[:1] + tahun[-1:] if len(tahun) > 1 else tahun))
        return Path("output") / (f"Rekap-LKj-{rentang}.xlsx" if rentang else "Rekap-LKj.xlsx")
    if keluaran.suffix.lower() not in (".xlsx", ".docx"):
        raise UsageError(f"rekap ditulis sebagai .xlsx (Excel) atau .docx (Word), tertulis "
                         f"{keluaran.name}")
    if keluaran.is_dir():
        raise UsageError(f"{keluaran} adalah folder; berikan nama berkas, mis. "
                         f"{keluaran / 'rekap.xlsx'}")
    return keluaran


def _tulis_rekap(data, wanted: Path, bukus: list[Path], timpa: bool) -> tuple[Path, bool]:
    """Write the rekap atomically; never over an input workbook or a rekap a person edited."""
    from generator.errors import UsageError
    from generator.commands.folder import siapkan_folder
    from generator.files.output import _same_file, atomic_target, choose_target, stamp
    from generator.rekap.excel import tulis_xlsx
    from generator.rekap.word import tulis_docx

    if any(_same_file(wanted, b) for b in bukus):
        raise UsageError(f"berkas keluaran {wanted} adalah salah satu buku kerja masukan; pilih "
                         "nama lain agar masukan tidak tertimpa")
    siapkan_folder(wanted.parent)
    target, moved = choose_target(wanted, timpa)
    with atomic_target(target) as temp:
        (tulis_xlsx if target.suffix.lower() == ".xlsx" else tulis_docx)(data, temp)
        stamp(temp)
    return target, moved


def rekap(workbooks: list[Path], keluaran: Path | None, timpa: bool, proses: int | None,
          subfolder: bool) -> None:
    """`lkj rekap FOLDER`: check every workbook in workers, then write one overview."""
    from generator.commands.folder import kumpulkan, periksa_banyak as periksa
    from generator.rekap import susun

    if keluaran is not None:
        _tujuan_rekap(keluaran, [])  # a wrong name is refused before any work
    bukus = kumpulkan(workbooks, subfolder)
    with kemajuan(len(bukus), "Memeriksa buku kerja") as maju:
        jalan = periksa(bukus, proses, maju)
    if jalan.terhenti:
        selesai(jalan, "rekap tidak ditulis")
    data = susun(b.hasil for b in jalan.baris)
    wanted = _tujuan_rekap(keluaran, data.tahun)
    target, moved = _tulis_rekap(data, wanted, bukus, timpa)
    for b in jalan.baris:  # the errors only: every warning is listed in the rekap itself
        if b.hasil.gagal:
            typer.echo(f"{b.hasil.buku.name}:", err=True)
            if b.hasil.judul:
                typer.echo(f"  {b.hasil.judul}", err=True)
            for issue in b.hasil.galat:
                typer.echo(f"  {issue.line()}", err=True)
    for catatan in data.catatan:
        typer.echo(f"Catatan: {catatan}")
    if moved:
        typer.echo(f"Catatan: {wanted.name} sudah disunting, jadi tidak ditimpa; "
                   f"rekap baru ditulis sebagai {target.name}")
    satker = sum(len(k.satker) for k in data.kelompok)
    pesan = f"rekap {satker} satker ditulis: {target.absolute()}"
    selesai(jalan, pesan)
    typer.echo(pesan[0].upper() + pesan[1:])
