"""What every `lkj` command shares: the Typer app, the argument and option types, and the one
boundary where a library error is printed in Indonesian and becomes an exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from generator.commands.cli_id import LkjGroup
from generator.errors import InputErrors, Issue, LkjError

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


def echo_issues(issues: list[Issue] | tuple[Issue, ...], source: str) -> None:
    for issue in issues:
        typer.echo(issue.line(source), err=True)


def fail(exc: LkjError, source: str = "") -> typer.Exit:
    """Print a library error at this one boundary and turn it into its exit code."""
    if isinstance(exc, InputErrors):
        if exc.judul:
            typer.echo(Issue("", exc.judul).line(exc.source or source), err=True)
        echo_issues(exc.errors + exc.warnings, exc.source or source)
        typer.echo(f"Galat: {len(exc.errors)} masalah ditemukan di {exc.source or source}; "
                   "tidak ada berkas yang ditulis", err=True)
    else:
        typer.echo(f"Galat: {exc}", err=True)
    return typer.Exit(exc.exit_code)


def found(workbook: Path) -> Path:
    """The workbook meant, also when typed without .xlsx (Explorer hides extensions)."""
    from generator.reading.inputpath import find_workbook

    path, note = find_workbook(workbook)
    if note:
        typer.echo(note, err=True)
    return path


STAGES = 5  # pipeline.build's stages: check, contents, document, save, done


@contextmanager
def progress_bar() -> Iterator[Callable[[str], None] | None]:
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


def akhir(built, pdf: bool) -> None:
    """What is left to complete in Word, then the PDF when asked: the end of every writing
    command (lkj buat, pk, renaksi, triwulan)."""
    if built.placeholders:
        typer.echo(f"Bagian yang perlu dilengkapi di Word ({len(built.placeholders)}):")
        for place in built.placeholders:
            typer.echo(f"  - {place}")
    if pdf:
        buat_pdf(built.path)


def buat_pdf(docx: Path) -> None:
    """The PDF after the report; without LibreOffice the .docx stays and the exit code is 1."""
    from generator.printing.pdf import write_pdf

    try:
        typer.echo(f"PDF ditulis: {write_pdf(docx)}")
    except LkjError as exc:
        raise fail(exc) from None
