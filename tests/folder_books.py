"""A folder of workbooks for the folder and rekap tests: a province's satker (KIP Aceh and six of
its kabupaten/kota) from tools/build_folder.py, with the national indicators typed three ways,
one indicator worded differently, one workbook of another year, and files that must be refused
or skipped."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The national indicator two satker type differently (case, spacing, punctuation), and the
# words another satker changes (a different indicator, never matched).
NASIONAL = "Persentase peningkatan pelayanan terhadap partai politik calon peserta Pemilu"
EJAAN = ("persentase  peningkatan pelayanan terhadap partai politik calon peserta pemilu",
         "Persentase Peningkatan Pelayanan Terhadap Partai Politik, Calon Peserta Pemilu.")
HAMPIR = ("pelayanan terhadap pemilih", "layanan kepada pemilih")


def builder():
    """tools/build_folder.py as a module (registered, as its dataclasses need)."""
    if "build_folder" in sys.modules:
        return sys.modules["build_folder"]
    spec = importlib.util.spec_from_file_location("build_folder", ROOT / "tools" / "build_folder.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_folder"] = module
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Folder:
    """The folder and what is in it."""

    path: Path
    baik: tuple[Path, ...]  # workbooks that pass the checks, in folder order
    rusak: tuple[Path, ...]  # workbooks that do not
    lewat: tuple[Path, ...]  # files lkj must not read (owner file, other files, subfolder)
    ejaan: Path  # the 2024 kab/kota whose national indicator is typed differently (first of two)
    hampir: Path  # the one whose indicator is worded differently


def _nama_baku(data, dasar):
    """Every indicator named as in the sample (the builder's random spellings undone)."""
    sasaran = []
    for s, asal in zip(data.sasaran, dasar.sasaran, strict=True):
        pasangan = zip(s.indikator, asal.indikator, strict=False)  # own indicators come after
        baku = [dataclasses.replace(i, nama=a.nama) for i, a in pasangan]
        sasaran.append(dataclasses.replace(s, indikator=(*baku, *s.indikator[len(baku):])))
    return dataclasses.replace(data, sasaran=tuple(sasaran))


def _ganti(data, lama: str, baru: str):
    return dataclasses.replace(data, sasaran=tuple(
        dataclasses.replace(s, indikator=tuple(dataclasses.replace(i, nama=i.nama.replace(lama, baru))
                                               for i in s.indikator))
        for s in data.sasaran))


def buat(folder: Path) -> Folder:
    bf = builder()
    dasar = bf.dasar()
    folder.mkdir(parents=True, exist_ok=True)
    satker = bf.pilih(9, "Aceh")  # KIP Aceh, then its kabupaten/kota
    baik = []
    for n, s in enumerate(satker[:7]):
        data = _nama_baku(bf.data_satker(dasar, s), dasar)
        if n in (2, 3):
            data = _ganti(data, NASIONAL, EJAAN[n - 2])
        if n == 4:
            data = _ganti(data, *HAMPIR)
        baik.append(bf.tulis(folder / s.berkas, data))
    lalu = satker[7]  # the same kind of satker, a year earlier: kept apart in the rekap
    baik.append(bf.tulis(folder / f"zz-{lalu.berkas[:-5]}-2023.xlsx",
                         _nama_baku(bf.data_satker(dasar, lalu, tahun=2023), dasar)))
    rusak = (bf.tulis(folder / "rusak-target.xlsx", bf.data_satker(dasar, satker[8]), "target-teks"),
             bf.tulis(folder / "rusak-bukan-xlsx.xlsx", dasar, "bukan-xlsx"))
    owner = folder / f"~${baik[1].name}"
    owner.write_bytes(b"\x00" * 165)
    catatan = folder / "catatan.docx"
    catatan.write_bytes(b"bukan buku kerja")
    (folder / "lama").mkdir()
    lama = bf.tulis(folder / "lama" / "lama.xlsx", _nama_baku(bf.data_satker(dasar, satker[1]), dasar))
    return Folder(folder, tuple(baik), rusak, (owner, catatan, lama), baik[2], baik[4])
