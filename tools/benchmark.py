"""Times `lkj buat` against the floor of the same work, side by side in one run; not a test.

The floor is the least any tool doing this job pays: start Python, load the workbook with
openpyxl, open the template and save it with python-docx. Also printed: `lkj buat
--tanpa-grafik`, `lkj periksa`, `lkj perbarui` on the report just written, the in-process
stages, and each dependency's import time in a fresh process. Every process measurement is the
median of --ulang runs.

Usage: python tools/benchmark.py [BUKU_KERJA.xlsx] [--ulang N] [--akar FOLDER ...]
(--akar, repeatable, runs the processes from other checkouts side by side, e.g. an older commit
extracted with `git archive` for a before/after; the processes take turns so load hits all alike.)
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# typer._adapters is what typer (0.29) imports to coerce every parameter: it brings pydantic.
DEPENDENSI = ("docx", "openpyxl", "docxtpl", "jinja2", "typer", "typer._adapters", "babel",
              "num2words", "defusedxml", "lxml", "pydantic", "pptx", "matplotlib", "numpy")
LANTAI = """
import sys, openpyxl, docx
openpyxl.load_workbook(sys.argv[1])
docx.Document(sys.argv[2]).save(sys.argv[3])
"""
TANPA_CLI = """
import sys
from pathlib import Path
from generator.pipeline import build
build(Path(sys.argv[1]), Path(sys.argv[2]), overwrite=True)
"""
IMPOR = "import time, importlib; t = time.perf_counter(); importlib.import_module('{m}'); " \
        "print(time.perf_counter() - t)"


def _impor(modul: str, ulang: int) -> float | None:
    """Median seconds to import `modul` (with what it imports) in a fresh interpreter."""
    waktu = []
    for _ in range(ulang):
        hasil = subprocess.run([sys.executable, "-c", IMPOR.format(m=modul)], capture_output=True,
                               text=True)
        if hasil.returncode:
            return None
        waktu.append(float(hasil.stdout))
    return statistics.median(waktu)


def _baris(label: str, kolom: list[float | None], lantai: list[float]) -> str:
    """One row; a checkout without the command (an older commit) shows a dash."""
    sel = "".join(f" {d * 1000:7.0f} ms {d / f:5.2f}x |" if d is not None else f" {'-':>17} |"
                  for d, f in zip(kolom, lantai, strict=True))
    return f"| {label:<40} |{sel}"


def _perintah(akar: Path, workbook: Path, tmp: Path) -> dict[str, list[str]]:
    keluaran = tmp / f"laporan-{abs(hash(akar))}.docx"
    buat = [sys.executable, "-m", "generator", "buat", str(workbook), "-o", str(keluaran),
            "--timpa"]
    return {
        "lantai (Python+openpyxl baca+docx simpan)": [
            sys.executable, "-c", LANTAI, str(workbook), str(akar / "templates" / "laporan.docx"),
            str(tmp / "lantai.docx")],
        "`lkj buat`": buat,
        "`lkj buat`, cache templat dingin": ["DINGIN", *buat],
        "`lkj buat --tanpa-grafik`": [*buat, "--tanpa-grafik"],
        "pipeline.build tanpa lapisan CLI (typer)": [
            sys.executable, "-c", TANPA_CLI, str(workbook), str(keluaran)],
        "`lkj periksa`": [sys.executable, "-m", "generator", "periksa", str(workbook)],
        # The report `lkj buat` just wrote, merged with a fresh rendering (checkouts that have it).
        **({"`lkj perbarui` (laporan dari `lkj buat`)": [
            sys.executable, "-m", "generator", "perbarui", str(workbook), str(keluaran), "-o",
            str(tmp / f"perbarui-{abs(hash(akar))}.docx")]}
           if any((akar / "generator").glob("**/perbarui.py")) else {}),
        # Only where LibreOffice is found (generator.printing.pdf); the row shows what --pdf adds.
        **({"`lkj buat --pdf` (LibreOffice)": [*buat, "--pdf"]} if _ada_libreoffice() else {}),
    }


def _ada_libreoffice() -> bool:
    sys.path.insert(0, str(ROOT))
    from generator.errors import LkjError
    from generator.printing.pdf import find_libreoffice

    try:
        find_libreoffice()
    except LkjError:
        return False
    return True


def _proses(args, tmp: Path) -> None:
    """Every command of every checkout once per round, rounds repeated: load hits all alike."""
    akar = [a.resolve() for a in args.akar] or [ROOT]
    for a in akar:
        # As `pip install` does: the floor's libraries are compiled, so lkj's own modules are
        # too (with PYTHONDONTWRITEBYTECODE set, a checkout would recompile them on every run).
        compileall.compile_dir(a / "generator", quiet=1)
    perintah = [_perintah(a, args.workbook, tmp) for a in akar]
    waktu: dict[tuple[int, str], list[float]] = {}
    for n in range(args.ulang):
        for i, daftar in enumerate(perintah):
            for label, cmd in daftar.items():
                env = dict(os.environ)
                if cmd[0] == "DINGIN":  # a fresh, empty template cache (generator.writing.singgahan)
                    cmd = cmd[1:]
                    env["LKJ_CACHE"] = str(tmp / f"cache-dingin-{i}-{n}")
                mulai = time.perf_counter()
                subprocess.run(cmd, check=True, capture_output=True, cwd=akar[i], env=env)
                waktu.setdefault((i, label), []).append(time.perf_counter() - mulai)
    median = {k: statistics.median(v) for k, v in waktu.items()}
    label_lantai = next(iter(perintah[0]))
    lantai = [median[(i, label_lantai)] for i in range(len(akar))]
    print(f"\nProses utuh, median {args.ulang}x, bergiliran; kolom: " +
          "; ".join(f"[{i + 1}] {a}" for i, a in enumerate(akar)) + "\n")
    kepala = "".join(f" {f'[{i + 1}] waktu':>10} /lantai |" for i in range(len(akar)))
    print(f"| {'apa':<40} |{kepala}\n|{'-' * 42}|" + f"{'-' * 21}|" * len(akar))
    for label in perintah[0]:
        print(_baris(label, [median.get((i, label)) for i in range(len(akar))], lantai))


def _tahap(args, tmp: Path) -> None:
    """In-process stages of this checkout (second run: imports already paid)."""
    sys.path.insert(0, str(ROOT))
    from generator.pipeline import check
    from generator.writing.charts import draw_charts
    from generator.report import build
    from generator.writing.render import render_report

    keluaran = tmp / "tahap.docx"
    checked = check(args.workbook)
    data, hasil = checked.loaded.data, checked.hasil

    def konteks() -> dict:
        return build(data, hasil, draw_charts(data, hasil)).context

    render_report(konteks(), keluaran)
    tahap = {
        "baca + periksa + hitung buku kerja": lambda: check(args.workbook),
        "susun konteks + spesifikasi grafik": konteks,
        "render templat + grafik asli + simpan": lambda: render_report(konteks(), keluaran),
    }
    print(f"\nTahap di dalam proses (median {args.ulang}x, impor sudah dibayar)\n")
    for label, fn in tahap.items():
        waktu = []
        for _ in range(args.ulang):
            mulai = time.perf_counter()
            fn()
            waktu.append(time.perf_counter() - mulai)
        print(f"| {label:<40} | {statistics.median(waktu) * 1000:7.0f} ms |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("workbook", nargs="?", type=Path, default=ROOT / "input" / "contoh.xlsx")
    parser.add_argument("--ulang", type=int, default=5, help="repetitions per measurement")
    parser.add_argument("--akar", type=Path, action="append", default=[],
                        help="checkout to run the processes in (repeatable; default: this one)")
    args = parser.parse_args()
    args.workbook = args.workbook.resolve()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        _proses(args, tmp)
        print(f"\nWaktu impor tiap dependensi, proses baru (median {args.ulang}x)\n")
        for modul in DEPENDENSI:
            detik = _impor(modul, args.ulang)
            print(f"| {modul:<44} | " + (f"{detik * 1000:8.0f} ms |" if detik is not None
                                         else "  tidak terpasang |"))
        _tahap(args, tmp)


if __name__ == "__main__":
    main()
