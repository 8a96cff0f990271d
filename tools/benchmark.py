"""Times `lkj buat` as a whole process and its stages in-process, and peak memory; not a test.

Usage: python tools/benchmark.py [BUKU_KERJA.xlsx] [--ulang N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _time(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def _line(label: str, times: list[float]) -> str:
    return (f"{label:<38} median {statistics.median(times) * 1000:8.1f} ms   "
            f"min {min(times) * 1000:8.1f} ms   (n={len(times)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("workbook", nargs="?", type=Path, default=ROOT / "input" / "contoh.xlsx")
    parser.add_argument("--ulang", type=int, default=5, help="repetitions per measurement")
    args = parser.parse_args()

    from generator.capaian import hitung
    from generator.pipeline import check, draw_charts
    from generator.report import build
    from generator.render import render_report
    from generator.validate import load

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "laporan.docx"
        command = [sys.executable, "-m", "generator", "buat", str(args.workbook), "-o", str(out),
                   "--timpa"]
        periksa = [sys.executable, "-m", "generator", "periksa", str(args.workbook)]
        print(_line("proses `lkj buat` (utuh)", _time(
            lambda: subprocess.run(command, check=True, capture_output=True), args.ulang)))
        print(_line("proses `lkj buat --tanpa-grafik`", _time(
            lambda: subprocess.run([*command, "--tanpa-grafik"], check=True, capture_output=True),
            args.ulang)))
        print(_line("proses `lkj periksa` (utuh)", _time(
            lambda: subprocess.run(periksa, check=True, capture_output=True), args.ulang)))
        print(_line("baca + periksa buku kerja", _time(lambda: load(args.workbook), args.ulang)))
        checked = check(args.workbook)
        data, hasil = checked.loaded.data, checked.hasil
        print(_line("hitung capaian", _time(lambda: hitung(data), args.ulang)))
        print(_line("susun konteks (tanpa grafik)", _time(lambda: build(data, hasil),
                                                          args.ulang)))
        print(_line("susun konteks + gambar grafik", _time(
            lambda: build(data, hasil, draw_charts(data, hasil, Path(tmp))), args.ulang)))
        context = build(data, hasil).context
        print(_line("render templat (docxtpl)", _time(lambda: render_report(context, out), args.ulang)))
        tracemalloc.start()
        render_report(build(data, hasil).context, out)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"{'memori puncak konteks + render':<38} {peak / 1024 / 1024:8.1f} MiB (tracemalloc)")
        print(f"{'ukuran laporan':<38} {out.stat().st_size / 1024:8.1f} KiB")
        _pdf(command, args.ulang)


def _pdf(command: list[str], repeat: int) -> None:
    """The time `--pdf` adds (LibreOffice start, index update, export, page numbers written back)."""
    from generator.errors import LkjError
    from generator.pdf import find_libreoffice

    try:
        find_libreoffice()
    except LkjError as exc:
        print(f"{'proses `lkj buat --pdf`':<38} dilewati: {exc}")
        return
    print(_line("proses `lkj buat --pdf` (utuh)", _time(
        lambda: subprocess.run([*command, "--pdf"], check=True, capture_output=True), repeat)))


if __name__ == "__main__":
    main()
