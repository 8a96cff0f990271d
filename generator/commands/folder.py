"""Many workbooks at once: find them in folders, then check them or write their reports in workers.

The worker functions (`periksa_satu`, `buat_satu`) run in other processes (generator.commands.paralel):
they import the pipeline only when called and hand back plain, picklable data. A workbook that
fails gives a result listing its problems; it never stops the others.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import InputErrors, Issue, LkjError, UsageError

XLSX = ".xlsx"
# Other spreadsheet formats in a folder are listed as problems (lkj reads .xlsx only) rather
# than skipped silently; anything else there (PDFs, Word files, pictures) is not a workbook.
LEMBAR_LAIN = (".xls", ".ods", ".xlsm", ".xlsb")


@dataclass(frozen=True)
class Hasil:
    """What a worker found in one workbook.

    `checked` (a pipeline.Checked) is None when the workbook failed: then `masalah` holds its
    problems (errors and warnings) or `pesan` one problem with the whole file. A report written
    by `buat_satu` waits in `sementara` (a temporary file beside its destination) until this
    process moves it to `tujuan` or a free name beside it.
    """

    buku: Path
    checked: object | None = None
    masalah: tuple[Issue, ...] = ()
    pesan: str = ""
    sementara: Path | None = None
    tujuan: Path | None = None
    penanda: tuple[str, ...] = field(default_factory=tuple)
    belum_lkj: str = ""  # what the workbook still lacks for the Laporan Kinerja, when it does
    judul: str = ""  # the line said before `masalah` ("... belum dapat dibuat"), not one of them

    @property
    def gagal(self) -> bool:
        return self.checked is None

    @property
    def galat(self) -> list[Issue]:
        """The problems that stopped this workbook (one file-level problem as an Issue)."""
        if self.pesan:
            return [Issue("file", self.pesan)]
        return [i for i in self.masalah if i.is_error]

    @property
    def peringatan(self) -> list[Issue]:
        if self.checked is not None:
            return list(self.checked.warnings)
        return [i for i in self.masalah if not i.is_error]


@dataclass(frozen=True)
class TugasBuat:
    """One report to write: the workbook, the output folder and `lkj buat`'s options."""

    buku: Path
    folder: Path
    templat: Path | None = None
    grafik: bool = True


def _kunci_nama(path: Path) -> list:
    """Natural order: `kab-2` before `kab-10`, case ignored."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", path.name.casefold())]


def _tampak(path: Path) -> bool:
    """Not Excel's owner file (`~$buku.xlsx`), nor a hidden or temporary file (`.~lkj-...`)."""
    return not path.name.startswith(("~$", "."))


def _isi_folder(folder: Path, subfolder: bool) -> list[Path]:
    pola = "**/*" if subfolder else "*"
    try:
        berkas = [p for p in folder.glob(pola) if p.is_file() and _tampak(p)
                  and all(_tampak(bagian) for bagian in p.relative_to(folder).parents
                          if bagian.name)]
    except OSError as exc:
        from generator.files.output import reason

        raise LkjError(f"folder {folder} tidak dapat dibaca ({reason(exc)})") from exc
    return [p for p in berkas if p.suffix.lower() in (XLSX, *LEMBAR_LAIN)]


def kumpulkan(paths: list[Path], subfolder: bool = False) -> list[Path]:
    """Every workbook meant: files as given (`kinerja` finds `kinerja.xlsx`), and each folder's
    .xlsx files in natural name order (subfolders only when `subfolder`), each once.

    Other spreadsheet files in a folder (.xls, .ods) come along, to be refused by name. A path
    that does not exist is a UsageError (often a name with spaces typed without quotes); a
    folder without a single workbook is an LkjError.
    """
    from generator.reading.inputpath import find_workbook

    hasil: list[Path] = []
    hilang = [str(p) for p in paths if not p.is_dir() and not find_workbook(p)[0].exists()]
    if hilang:
        raise UsageError(f"tidak ditemukan: {', '.join(hilang)} (nama berkas yang memuat spasi "
                         "harus diapit tanda kutip, mis. \"Laporan 2025.xlsx\")")
    for path in paths:
        if path.is_dir():
            isi = sorted(_isi_folder(path, subfolder), key=_kunci_nama)
            if not isi:
                raise LkjError(f"folder {path} tidak memuat buku kerja .xlsx"
                               + ("" if subfolder else " (subfolder tidak dibaca tanpa "
                                  "--subfolder)"))
            hasil += isi
        else:
            hasil.append(find_workbook(path)[0])
    return list(dict.fromkeys(hasil))


# --- worker functions (run in other processes) --------------------------------------------------


def _gagal(buku: Path, exc: LkjError) -> Hasil:
    if isinstance(exc, InputErrors):
        return Hasil(buku, masalah=tuple(exc.issues), judul=exc.judul)
    # The workbook's name is printed above its problems already.
    return Hasil(buku, pesan=str(exc).removeprefix(f"{buku.name}: "))


def _tak_terduga(buku: Path, exc: Exception) -> Hasil:
    """A fault of lkj itself on this workbook: said plainly, the others go on."""
    return Hasil(buku, pesan=f"kesalahan program lkj ({type(exc).__name__}) saat membaca buku "
                 "kerja ini; buku kerja lain tetap diproses. Mohon laporkan kepada pengembang lkj")


def _terkirim(checked) -> tuple[object, str]:
    """The checked workbook as it can travel between processes, and what it still lacks for
    the Laporan Kinerja ("" when ready). Its readiness table holds the requirements' functions,
    which do not pickle; a folder run needs only the LKj's line of it."""
    import dataclasses

    from generator.reading.kesiapan import LKJ

    siap = checked.loaded.kesiapan
    belum = "" if siap is None or siap.dokumen(LKJ.kode).siap else next(
        (line for line in siap.baris() if line.startswith(f"Belum siap untuk {LKJ.nama}")),
        f"Belum siap untuk {LKJ.nama}")
    return dataclasses.replace(checked, loaded=dataclasses.replace(checked.loaded,
                                                                   kesiapan=None)), belum


def periksa_satu(buku: Path) -> Hasil:
    """Check one workbook and compute its figures (pipeline.check)."""
    from generator.files.output import Interrupted
    from generator.pipeline import check

    try:
        checked, belum = _terkirim(check(buku))
        return Hasil(buku, checked=checked, belum_lkj=belum)
    except Interrupted:
        raise
    except LkjError as exc:
        return _gagal(buku, exc)
    except Exception as exc:  # noqa: BLE001 - one workbook's fault must not stop the rest
        return _tak_terduga(buku, exc)


def buat_satu(tugas: TugasBuat) -> Hasil:
    """Write one report to a temporary file in the output folder (pipeline.build, so every check
    and every step of a single `lkj buat` runs); the caller moves it into place."""
    from generator.files.output import Interrupted, claim, temp_name
    from generator.pipeline import build, default_output

    sementara = temp_name(tugas.folder, ".docx")
    try:
        claim(sementara)
        built = build(tugas.buku, sementara, tugas.templat, overwrite=True, grafik=tugas.grafik)
        checked, _ = _terkirim(built.checked)
        return Hasil(tugas.buku, checked=checked, sementara=sementara,
                     tujuan=default_output(built.checked, tugas.folder),
                     penanda=built.placeholders)
    except BaseException as exc:
        sementara.unlink(missing_ok=True)
        if isinstance(exc, Interrupted) or not isinstance(exc, Exception):
            raise
        if isinstance(exc, LkjError):
            return _gagal(tugas.buku, exc)
        return _tak_terduga(tugas.buku, exc)


# --- the runs (in this process) --------------------------------------------------------------


@dataclass(frozen=True)
class Baris:
    """One workbook of a folder run, as the final table shows it.

    `laporan` is where its report went; `disunting` the report a person finished there, which
    was kept (the new one went beside it); `kembar` the workbook of this same run whose report
    already took that name (two workbooks of one satker and year); `galat_simpan` why the report
    could not be moved into place.
    """

    hasil: Hasil
    laporan: Path | None = None
    disunting: Path | None = None
    kembar: Path | None = None
    galat_simpan: str = ""


@dataclass(frozen=True)
class Jalan:
    """A folder run: one row per workbook done, in the given order, of `jumlah` workbooks;
    `terhenti` after Ctrl-C (then some were never done)."""

    baris: list[Baris]
    terhenti: bool = False
    jumlah: int = 0


def _jalankan(fungsi, tugas: list, proses: int | None, terima, buang=None) -> bool:
    """Run the tasks (generator.commands.paralel); True when Ctrl-C or SIGTERM stopped the run."""
    from generator.files.output import Interrupted
    from generator.commands.paralel import jalankan, jumlah_proses

    try:
        jalankan(fungsi, tugas, jumlah_proses(proses, len(tugas)), terima, buang or _abaikan)
    except Interrupted:
        return True
    return False


def _abaikan(i: int, hasil) -> None:
    """Results of a stopped run that need no clean-up."""


def _dari_pekerja(buku: Path, hasil) -> Hasil:
    """A worker's result; a worker that died (paralel.Gagal) becomes the workbook's problem."""
    return hasil if isinstance(hasil, Hasil) else Hasil(buku, pesan=hasil.pesan)


def periksa_banyak(bukus: list[Path], proses: int | None = None, maju=None) -> Jalan:
    """Check every workbook in workers; `maju()` after each."""
    hasil: dict[int, Hasil] = {}

    def terima(i: int, h) -> None:
        hasil[i] = _dari_pekerja(bukus[i], h)
        if maju:
            maju()

    terhenti = _jalankan(periksa_satu, bukus, proses, terima)
    return Jalan([Baris(hasil[i]) for i in sorted(hasil)], terhenti, len(bukus))


class _Penyimpan:
    """Moves each finished report from its temporary file to its name, one at a time, so two
    workbooks of the same satker and year never take the same name; a report a person finished
    by hand is never replaced (output.choose_target), and each move is atomic."""

    def __init__(self, timpa: bool) -> None:
        self.timpa = timpa
        self.ditulis: dict[Path, Path] = {}  # report -> the workbook it came from

    def _nama(self, tujuan: Path) -> Path:
        from generator.files.output import choose_target

        n = 1
        while True:
            calon = tujuan if n == 1 else tujuan.with_name(f"{tujuan.stem}-{n}{tujuan.suffix}")
            if calon not in self.ditulis:
                target, _ = choose_target(calon, self.timpa)
                if target not in self.ditulis:
                    return target
            n += 1

    def simpan(self, hasil: Hasil) -> Baris:
        from generator.files.output import atomic_target

        if hasil.gagal or hasil.sementara is None or hasil.tujuan is None:
            return Baris(hasil)
        try:
            target = self._nama(hasil.tujuan)
            with atomic_target(target) as temp:
                os.replace(hasil.sementara, temp)
        except LkjError as exc:
            return Baris(hasil, galat_simpan=str(exc))
        finally:
            buang_sementara(hasil)
        self.ditulis[target] = hasil.buku
        kembar = self.ditulis.get(hasil.tujuan) if target != hasil.tujuan else None
        disunting = hasil.tujuan if target != hasil.tujuan and kembar is None else None
        return Baris(hasil, target, disunting, kembar)


def buang_sementara(hasil) -> None:
    """Remove a worker's temporary report that was not moved into place."""
    if isinstance(hasil, Hasil) and hasil.sementara is not None:
        hasil.sementara.unlink(missing_ok=True)


def siapkan_folder(folder: Path) -> None:
    """The output folder, made when missing; checked (writable) before any work is done."""
    from generator.files.output import check_folder, reason

    check_folder(folder, may_create=True)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LkjError(f"folder keluaran {folder} tidak dapat dibuat ({reason(exc)})") from exc


def buat_banyak(bukus: list[Path], folder: Path, templat: Path | None = None,
                timpa: bool = False, grafik: bool = True, proses: int | None = None,
                maju=None) -> Jalan:
    """Write every workbook's report into `folder`, in workers; `maju()` after each.

    Each report is what `lkj buat BUKU -o FOLDER/LKj-<Tahun>-<Nama Singkat>.docx` writes.
    After Ctrl-C the reports already in place stay (each whole); nothing else is left.
    """
    siapkan_folder(folder)
    tugas = [TugasBuat(buku, folder, templat, grafik) for buku in bukus]
    penyimpan = _Penyimpan(timpa)
    baris: dict[int, Baris] = {}

    def terima(i: int, h) -> None:
        baris[i] = penyimpan.simpan(_dari_pekerja(bukus[i], h))
        if maju:
            maju()

    terhenti = _jalankan(buat_satu, tugas, proses, terima, _buang)
    return Jalan([baris[i] for i in sorted(baris)], terhenti, len(bukus))


def _buang(i: int, hasil) -> None:
    buang_sementara(hasil)
