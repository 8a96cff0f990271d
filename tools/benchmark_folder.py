"""Time and memory of a folder of workbooks, beside one `lkj buat` per workbook; not a test.

Usage: python tools/benchmark_folder.py [--jumlah 553] [--folder FOLDER] [--proses N]
                                        [--tunggal N] [--tanpa-word]

Measured, each as a fresh `python -m generator ...` process:
- `lkj buat FOLDER -o OUT` (without --pdf), `lkj rekap FOLDER` as Excel and as Word;
- `lkj buat BUKU -o LAPORAN` once per workbook, one after the other, as a person runs it by hand
  (--tunggal N runs the first N only and says so; the default runs them all).

The folder is made by tools/build_folder.py (seeded; about one workbook in forty broken on
purpose, which those runs list and skip) unless --folder names one. CPU seconds (user + system, worker
processes included) come from wait4 and depend less on other load. Peak memory is sampled every
50 ms over the whole process tree (lkj and its worker processes, from /proc: Linux only): the
largest sum over the processes alive at once, and the largest single process. The load average
before each run is printed too: other work on the machine changes every figure.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]


def _anak(pid: int) -> list[int]:
    """`pid` and every process under it."""
    induk: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            induk.setdefault(ppid, []).append(int(entry))
    hasil, antre = [], [pid]
    while antre:
        p = antre.pop()
        hasil.append(p)
        antre += induk.get(p, [])
    return hasil


def _rss(pid: int) -> int:
    """Resident memory of one process in KiB (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            return next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
    except OSError:
        return 0


class _Pengukur:
    """Samples the process tree's resident memory every 50 ms in a thread."""

    def __init__(self, pid: int) -> None:
        import threading

        self.pid, self.jumlah, self.satu = pid, 0, 0
        self.berhenti = threading.Event()
        self.thread = threading.Thread(target=self._jalan, daemon=True)
        self.thread.start()

    def _jalan(self) -> None:
        while not self.berhenti.is_set():
            ukuran = [_rss(p) for p in _anak(self.pid)]
            self.jumlah = max(self.jumlah, sum(ukuran))
            self.satu = max(self.satu, max(ukuran, default=0))
            self.berhenti.wait(0.05)

    def selesai(self) -> tuple[float, float]:
        self.berhenti.set()
        self.thread.join()
        return self.jumlah / 1024, self.satu / 1024


def ukur(args: list[str]) -> tuple[float, float, float, float, int]:
    """Seconds, CPU seconds of the whole tree (user + system, workers included), peak MiB
    summed over the tree, peak MiB of one process, exit code."""
    mulai = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pengukur = _Pengukur(proc.pid)
    _, status, pakai = os.wait4(proc.pid, 0)
    detik = time.perf_counter() - mulai
    proc.returncode = os.waitstatus_to_exitcode(status)
    jumlah, satu = pengukur.selesai()
    return detik, pakai.ru_utime + pakai.ru_stime, jumlah, satu, proc.returncode


def _beban() -> str:
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "-"


def _baris(apa: str, detik: float, cpu: float, jumlah: float | None, satu: float,
           kode: int | str, beban: str) -> str:
    total = "-" if jumlah is None else f"{jumlah:.0f}"
    return f"| {apa} | {detik:.1f} | {cpu:.1f} | {total} | {satu:.0f} | {kode} | {beban} |"


def tunggal(bukus: list[Path], out: Path) -> tuple[float, float, float, int, int]:
    """One `lkj buat` per workbook in turn: seconds, CPU seconds, largest peak MiB, reports,
    failures."""
    detik = cpu = puncak = 0.0
    gagal = 0
    for buku in bukus:
        s, c, _, satu, kode = ukur(["buat", str(buku), "-o", str(out / f"{buku.stem}.docx"),
                                    "--timpa"])
        detik, cpu, puncak, gagal = detik + s, cpu + c, max(puncak, satu), gagal + (kode != 0)
    return detik, cpu, puncak, len(bukus) - gagal, gagal


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jumlah", type=int, default=553)
    parser.add_argument("--folder", type=Path, help="an existing folder of workbooks")
    parser.add_argument("--proses", type=int, help="worker processes (default: lkj's own)")
    parser.add_argument("--tunggal", type=int, help="single runs for the first N workbooks only")
    parser.add_argument("--tanpa-word", action="store_true", help="skip the Word rekap")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        folder = args.folder
        if folder is None:
            from build_folder import buat_folder

            folder = tmp_path / "folder"
            print(f"membuat {args.jumlah} buku kerja ...", flush=True)
            buat_folder(folder, args.jumlah, proses=2)
        from generator.commands.folder import kumpulkan

        bukus = kumpulkan([folder])
        proses = ["--proses", str(args.proses)] if args.proses else []
        print(f"{len(bukus)} buku kerja, {os.cpu_count()} inti\n")
        print("| what | seconds | CPU seconds | peak MiB (sum) | peak MiB (largest process) | exit "
              "| load before |")
        print("| --- | --- | --- | --- | --- | --- | --- |", flush=True)
        runs = [("`lkj buat FOLDER`", ["buat", str(folder), "-o", str(tmp_path / "out")]),
                ("`lkj rekap FOLDER` (Excel)",
                 ["rekap", str(folder), "-o", str(tmp_path / "rekap.xlsx"), "--timpa"])]
        if not args.tanpa_word:
            runs.append(("`lkj rekap FOLDER -o REKAP.docx`",
                         ["rekap", str(folder), "-o", str(tmp_path / "rekap.docx"), "--timpa"]))
        for apa, perintah in runs:
            beban = _beban()
            print(_baris(apa, *ukur(perintah + proses), beban), flush=True)
        pilih = bukus[:args.tunggal] if args.tunggal else bukus
        beban = _beban()
        single = tmp_path / "tunggal"
        single.mkdir()
        detik, cpu, puncak, baik, gagal = tunggal(pilih, single)
        print(_baris(f"{len(pilih)} x `lkj buat BUKU` ({baik} laporan, {gagal} ditolak)", detik,
                     cpu, None, puncak, "-", beban), flush=True)


if __name__ == "__main__":
    main()
