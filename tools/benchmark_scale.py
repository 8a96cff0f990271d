"""Time and peak memory of whole `lkj` runs as workbooks grow, and on huge or hostile ones; not a test.

Usage: python tools/benchmark_scale.py [--indikator 5 50 500 2000] [--grafik-sampai 500]
       python tools/benchmark_scale.py --tanpa-bom --indikator --lalu 250 500 1000 2000 10000

`lkj perbarui` is timed on each report `lkj buat` just wrote: the same figures merged back (the
whole merge, and nothing written since nothing changed), and one realisasi changed.

`--lalu` times `lkj buat` (with charts) and `lkj perbarui` on workbooks whose every indicator has
two earlier years, so every indicator gets a trend chart. A run longer than `--batas` seconds is
stopped and shown as "> BATAS".

Each row is one fresh process (`python -m generator ...`); peak memory is that process's maximum
resident set size (POSIX; shown as "-" elsewhere). Workbooks are built in a temporary folder with
the tests' builders: N indicators in N/40 sasaran, a formatted cell at row 1048576 of the sample,
zip bombs of empty cells, and a template and a report whose document.xml unpacks to 3 GB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
SAMPLE = ROOT / "input" / "contoh.xlsx"


def run(args: list[str], limit: float | None = None) -> tuple[float, float | None, int]:
    """Seconds, peak MiB (None where the OS cannot tell) and exit code of one lkj process; a
    process still running after `limit` seconds is killed (its exit code is then negative)."""
    command = [sys.executable, "-m", "generator", *args]
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    timer = threading.Timer(limit, child.kill) if limit else None
    if timer:
        timer.start()
    try:
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(child.pid, 0)
            seconds = time.perf_counter() - start
            child.returncode = os.waitstatus_to_exitcode(status)
            return seconds, usage.ru_maxrss / 1024, child.returncode
        child.wait()
        return time.perf_counter() - start, None, child.returncode
    finally:
        if timer:
            timer.cancel()


def _row(label: str, measured: tuple[float, float | None, int],
         limit: float | None = None) -> str:
    seconds, mib, code = measured
    memory = "-" if mib is None else f"{mib:.0f}"
    shown = f"> {limit:.0f}" if limit and code < 0 else f"{seconds:.1f}"
    return f"| {label} | {shown} | {memory} | {code} |"


def scale_rows(folder: Path, counts: list[int], grafik_sampai: int) -> list[str]:
    """`lkj buat` with and without charts for each indicator count."""
    from books import many_indicators

    rows = []
    for n in counts:
        workbook = many_indicators(folder / f"indikator-{n}.xlsx", sasaran=max(1, n // 40),
                                   indikator=n)
        out = str(folder / f"laporan-{n}.docx")
        rows.append(_row(f"`lkj buat --tanpa-grafik`, {n} indikator",
                         run(["buat", str(workbook), "-o", out, "--timpa", "--tanpa-grafik"])))
        print(rows[-1], flush=True)
        if n <= grafik_sampai:
            rows.append(_row(f"`lkj buat`, {n} indikator",
                             run(["buat", str(workbook), "-o", out, "--timpa"])))
            print(rows[-1], flush=True)
        # the report just written (with charts up to --grafik-sampai) takes the same figures
        # (the whole merge, then nothing written), then one changed realisasi
        hasil = folder / f"perbarui-{n}.docx"
        for label, buku in (("angka sama, tidak ada yang ditulis", workbook),
                            ("satu realisasi berubah", _satu_berubah(workbook))):
            hasil.unlink(missing_ok=True)
            rows.append(_row(f"`lkj perbarui`, {n} indikator, {label}",
                             run(["perbarui", str(buku), out, "-o", str(hasil)])))
            print(rows[-1], flush=True)
    return rows


def _satu_berubah(workbook: Path) -> Path:
    """The workbook with its first indicator's realisasi one higher."""
    import openpyxl

    wb = openpyxl.load_workbook(workbook)
    ws = wb["Kinerja"]
    ws["F2"] = (ws["F2"].value or 0) + 1
    path = workbook.with_name(workbook.stem + "-berubah.xlsx")
    wb.save(path)
    return path


def hostile_rows(folder: Path) -> list[str]:
    """`lkj periksa` on the sample, and on huge copies of it that hold no more data."""
    from books import empty_cells_bomb, formatted_bottom_cell

    cases = {
        "contoh.xlsx": SAMPLE,
        "sel berformat di baris 1048576": formatted_bottom_cell(SAMPLE, folder / "bawah.xlsx"),
        "bom 10 juta sel kosong": empty_cells_bomb(SAMPLE, folder / "bom.xlsx"),
        "bom 45 juta sel kosong (180 MB, dekat batas)": empty_cells_bomb(
            SAMPLE, folder / "bom-besar.xlsx", cells=45_000_000),
        "bom 20 juta sel kosong bergaya <c s=\"1\"/>": empty_cells_bomb(
            SAMPLE, folder / "bom-gaya.xlsx", cells=20_000_000, cell=b'<c s="1"/>'),
        "bom 20 juta sel kosong <x:c/>": empty_cells_bomb(
            SAMPLE, folder / "bom-awalan.xlsx", cells=20_000_000, cell=b"<x:c/>"),
        "bom 20 juta sel kosong <c></c>": empty_cells_bomb(
            SAMPLE, folder / "bom-buka-tutup.xlsx", cells=20_000_000, cell=b"<c></c>"),
    }
    rows = []
    for label, path in cases.items():
        size = path.stat().st_size / 1024
        rows.append(_row(f"`lkj periksa`, {label} ({size:.0f} KiB)", run(["periksa", str(path)])))
        print(rows[-1], flush=True)
    return rows


def history_rows(folder: Path, counts: list[int], limit: float) -> list[str]:
    """`lkj buat` with charts, then `lkj perbarui`, when every indicator has history."""
    from books import many_indicators

    rows = []
    for n in counts:
        workbook = many_indicators(folder / f"lalu-{n}.xlsx", sasaran=max(1, n // 40),
                                   indikator=n, lalu=True)
        out = folder / f"lalu-{n}.docx"
        rows.append(_row(f"`lkj buat`, {n} indikator dengan riwayat", run(
            ["buat", str(workbook), "-o", str(out), "--timpa"], limit), limit))
        print(rows[-1], flush=True)
        if not out.is_file():
            continue
        hasil = folder / f"lalu-perbarui-{n}.docx"
        rows.append(_row(f"`lkj perbarui`, {n} indikator dengan riwayat", run(
            ["perbarui", str(workbook), str(out), "-o", str(hasil)], limit), limit))
        print(rows[-1], flush=True)
        out.unlink()
        hasil.unlink(missing_ok=True)
    return rows


def docx_bomb_rows(folder: Path) -> list[str]:
    """A template and a report of about 3 MB whose document.xml unpacks to 3 GB."""
    from docx_rusak import inflating

    from generator.writing.render import default_template

    report = folder / "laporan-contoh.docx"
    run(["buat", str(SAMPLE), "-o", str(report), "--timpa"])
    template = inflating(default_template(), folder / "templat-bom.docx", 3 << 30)
    laporan = inflating(report, folder / "laporan-bom.docx", 3 << 30)
    rows = []
    for label, args in (
            (f"`lkj buat --templat`, templat bom ({template.stat().st_size / 2**20:.1f} MB -> 3 GB)",
             ["buat", str(SAMPLE), "-o", str(folder / "x.docx"), "--templat", str(template)]),
            (f"`lkj perbarui`, laporan bom ({laporan.stat().st_size / 2**20:.1f} MB -> 3 GB)",
             ["perbarui", str(SAMPLE), str(laporan), "-o", str(folder / "y.docx")])):
        rows.append(_row(label, run(args, 900), 900))
        print(rows[-1], flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--indikator", type=int, nargs="*", default=[5, 50, 500, 2000])
    parser.add_argument("--grafik-sampai", type=int, default=500,
                        help="draw charts only up to this many indicators (they take minutes)")
    parser.add_argument("--tanpa-bom", action="store_true", help="skip the hostile workbooks")
    parser.add_argument("--lalu", type=int, nargs="*", default=[],
                        help="indicator counts with history (a trend chart per indicator)")
    parser.add_argument("--batas", type=float, default=900.0,
                        help="stop a run after this many seconds")
    args = parser.parse_args()
    print("| what | seconds | peak MiB | exit |\n| --- | --- | --- | --- |", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if not args.tanpa_bom:
            hostile_rows(folder)
            docx_bomb_rows(folder)
        scale_rows(folder, args.indikator, args.grafik_sampai)
        history_rows(folder, args.lalu, args.batas)


if __name__ == "__main__":
    main()
