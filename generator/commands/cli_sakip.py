"""The `lkj pk`, `lkj renaksi` and `lkj triwulan` commands: the year's other documents from one workbook.

Each is generator.pipeline.build with the document's Pesanan (generator.report.jenis): the
same checks, destination rules, template handling and --pdf as `lkj buat`; only the readiness
asked of the workbook differs (generator.reading.kesiapan), so a workbook from January writes its PK.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from generator.commands.bersama import (
    TemplatOption, Workbook, akhir, app, echo_issues, fail, found, progress_bar,
)
from generator.commands.cli_id import LkjCommand
from generator.errors import LkjError, UsageError

Timpa = Annotated[bool, typer.Option(
    "--timpa", help="Timpa dokumen yang sudah disunting tangan (tanpa ini, dokumen baru ditulis "
    "di sebelahnya).")]
Pdf = Annotated[bool, typer.Option(
    "--pdf", help="Tulis juga PDF di sebelah dokumen .docx (perlu LibreOffice).")]


def _keluaran(contoh: str):
    return Annotated[Path | None, typer.Option(
        "--keluaran", "-o", metavar="DOKUMEN",
        help=f"Berkas .docx tujuan (bawaan: output/{contoh}-<Tahun>-<Nama Singkat>.docx).",
        show_default=False)]


def tulis_dokumen(kode: str, workbook: Path, keluaran: Path | None, templat: Path | None,
                  timpa: bool, pdf: bool, ke: int | None = None) -> None:
    """Build document `kode` and say where it went, what is left to complete, the PDF."""
    from generator.pipeline import Pesanan, build

    pesanan = Pesanan(kode, ke)
    try:
        workbook = found(workbook)
        with progress_bar() as step:
            built = build(workbook, keluaran, templat, overwrite=timpa, progress=step,
                          pesanan=pesanan)
    except LkjError as exc:
        raise fail(exc, workbook.name) from None
    echo_issues(built.checked.warnings, workbook.name)
    for line in built.removed:
        typer.echo(line, err=True)
    nama = pesanan.jenis.nama(ke, built.checked.loaded.data.identitas.tanggal_pk_perubahan
                              is not None)
    typer.echo(f"{nama} ditulis: {built.path.absolute()}")
    _di_sebelah(built, kode, workbook)
    akhir(built, pdf)


def _di_sebelah(built, kode: str, workbook: Path) -> None:
    """Why the document went beside the one named, and how to bring new figures into that."""
    from generator.files.paket_docx import dapat_dibaca

    lama = built.beside_edited
    if lama is None:
        return
    if not dapat_dibaca(lama):
        typer.echo(f"Catatan: {lama} rusak (tidak dapat dibuka sebagai .docx), jadi tidak "
                   f"ditimpa; dokumen baru ditulis sebagai {built.path.name}")
        return
    typer.echo(f"Catatan: {lama} sudah disunting sejak dibuat, jadi tidak ditimpa; dokumen baru "
               f"ditulis sebagai {built.path.name}. Untuk memasukkan angka baru ke dokumen yang "
               f"sudah disunting tanpa kehilangan suntingannya, jalankan: lkj perbarui {workbook} "
               f"\"{lama}\"")


@app.command(cls=LkjCommand)
def pk(workbook: Workbook, keluaran: _keluaran("PK") = None, templat: TemplatOption = None,
       timpa: Timpa = False, pdf: Pdf = False) -> None:
    """Tulis Perjanjian Kinerja tahun ini (pernyataan, kedua pihak, tanda tangan, dan lampiran
    target serta anggaran); cukup buku kerja berisi target dan pagu (Januari)."""
    tulis_dokumen("pk", workbook, keluaran, templat, timpa, pdf)


@app.command(cls=LkjCommand)
def renaksi(workbook: Workbook, keluaran: _keluaran("Renaksi") = None,
            templat: TemplatOption = None, timpa: Timpa = False, pdf: Pdf = False) -> None:
    """Tulis Rencana Aksi: target setiap triwulan per indikator beserta kegiatan yang
    mendukungnya (perlu kolom Target TW I-IV di lembar Kinerja)."""
    tulis_dokumen("renaksi", workbook, keluaran, templat, timpa, pdf)


@app.command(cls=LkjCommand)
def triwulan(
    workbook: Workbook,
    ke: Annotated[int, typer.Option(
        "--ke", metavar="N", help="Triwulan yang dilaporkan: 1, 2, 3, atau 4.",
        show_default=False)],
    keluaran: _keluaran("Triwulan-<N>") = None, templat: TemplatOption = None,
    timpa: Timpa = False, pdf: Pdf = False,
) -> None:
    """Tulis laporan capaian kinerja triwulan: realisasi s.d. triwulan dibanding target
    triwulan dan target tahunan, serapan anggaran, ringkasan, dan grafik."""
    if ke not in (1, 2, 3, 4):
        raise fail(UsageError(f"--ke harus 1, 2, 3, atau 4, tertulis {ke}")) from None
    tulis_dokumen("triwulan", workbook, keluaran, templat, timpa, pdf, ke)
