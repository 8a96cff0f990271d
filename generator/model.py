"""The workbook's content as frozen dataclasses: what the rest of lkj works on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

POSITIF = "Positif"
NEGATIF = "Negatif"

RUMUS_TERCAPAI = "100 jika tercapai"
RUMUS_2T_R = "2T-R"
RUMUS_T_R = "T/R"
RUMUS_NEGATIF = (RUMUS_TERCAPAI, RUMUS_2T_R, RUMUS_T_R)

KERTAS = ("A4", "F4")

# How an indicator's four quarterly figures relate to the year's (Kinerja › Angka Triwulan).
KUMULATIF = "Kumulatif"        # each quarter's figure is the position to date; the year's is TW IV
PER_TRIWULAN = "Per Triwulan"  # each quarter's own figure; the year's is their sum
ANGKA_TRIWULAN = (KUMULATIF, PER_TRIWULAN)
SATUAN_PERSEN = ("%", "persen", "persentase")
TRIWULAN = (1, 2, 3, 4)

# The three levels of KPU secretariat (UU 7/2017): Identitas › Tingkat, or derived from Instansi.
PUSAT = "Pusat"
PROVINSI = "Provinsi"
KABKOTA = "Kabupaten/Kota"
TINGKAT = (PUSAT, PROVINSI, KABKOTA)
_BADAN = re.compile(r"^(?:komisi pemilihan umum|kpu|komisi independen pemilihan|kip)\b\s*")
PROVINSI_38 = (
    "aceh", "sumatera utara", "sumatera barat", "riau", "kepulauan riau", "jambi",
    "sumatera selatan", "kepulauan bangka belitung", "bengkulu", "lampung", "dki jakarta",
    "daerah khusus jakarta", "jakarta", "jawa barat", "banten", "jawa tengah",
    "daerah istimewa yogyakarta", "diy", "jawa timur", "bali", "nusa tenggara barat",
    "nusa tenggara timur", "kalimantan barat", "kalimantan tengah", "kalimantan selatan",
    "kalimantan timur", "kalimantan utara", "sulawesi utara", "gorontalo", "sulawesi tengah",
    "sulawesi barat", "sulawesi selatan", "sulawesi tenggara", "maluku", "maluku utara", "papua",
    "papua barat", "papua barat daya", "papua selatan", "papua tengah", "papua pegunungan",
)


def tingkat_dari_instansi(instansi: str) -> str | None:
    """The level an Instansi name speaks for; None when the name does not tell.

    `Sekretariat Jenderal ...` and the bare body (`KPU`, `Komisi Pemilihan Umum Republik
    Indonesia`) are the centre; `... Kabupaten|Kota ...` a regency or city (tested first: the
    name may go on to name the province); `... Provinsi ...` or a province's own name
    (`KIP Aceh`, `KPU DKI Jakarta`) a province. "Kota" only as a whole word: "Kotawaringin".
    """
    nama = " ".join(instansi.lower().replace("kab.", "kabupaten ").split())
    if re.search(r"\bsekretariat jenderal\b|\bsetjen\b", nama):
        return PUSAT
    sisa = _BADAN.sub("", re.sub(r"^sekretariat\s+", "", nama)).strip(" ,.")
    if re.match(r"(?:kabupaten|kota)\b", sisa):
        return KABKOTA
    if re.match(r"(?:provinsi|prov\.)", sisa) or sisa in PROVINSI_38:
        return PROVINSI
    if sisa in ("", "ri", "republik indonesia"):
        return PUSAT
    return None


@dataclass(frozen=True)
class Identitas:
    """The satker and its signatory; optional fields are None when not filled.

    `tanggal` (the day the LKj is signed) may be None in a workbook made in January for the
    Perjanjian Kinerja; the LKj requires it (kesiapan). `tanggal_pk_perubahan` is the date of
    a revised Perjanjian Kinerja: when set, the workbook's targets and pagu are the revised
    ones. `tingkat` is one of TINGKAT as the workbook gave it; None means derived from
    `instansi` (see `level`).
    """

    instansi: str
    nama_singkat: str
    tahun: int
    periode_renstra: str
    tempat: str
    tanggal: date | None
    jabatan_penandatangan: str
    nama_penandatangan: str
    nip_penandatangan: str | None = None
    tanggal_pk: date | None = None
    jabatan_atasan: str | None = None
    nama_atasan: str | None = None
    alamat: str | None = None
    logo: Path | None = None
    tingkat: str | None = None
    tanggal_pk_perubahan: date | None = None

    @property
    def level(self) -> str:
        """The secretariat's level: `tingkat` when given, else derived from `instansi`.

        validate.load refuses a workbook whose level can be told neither way.
        """
        level = self.tingkat or tingkat_dari_instansi(self.instansi)
        if level is None:
            raise ValueError(f"level of {self.instansi!r} unknown: set Identitas.tingkat")
        return level

    @property
    def kpu(self) -> str:
        """The KPU the secretariat supports: `KPU Kabupaten Maluku Tenggara`, `KPU` for the
        centre."""
        nama = re.sub(r"^sekretariat\s+(?:jenderal\s+)?", "", " ".join(self.nama_singkat.split()),
                      flags=re.IGNORECASE)
        return nama or "KPU"

    @property
    def jabatan_pihak_kedua(self) -> str:
        """The Perjanjian Kinerja's second party: Jabatan Atasan, else the Ketua of its KPU."""
        return " ".join((self.jabatan_atasan or f"Ketua {self.kpu}").split())


Empat = tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]
KOSONG4: Empat = (None, None, None, None)


@dataclass(frozen=True)
class Triwulan:
    """An indicator's quarterly targets and realisasi, TW I..IV; None means not filled.

    `angka` says how the four relate to the year's figure: KUMULATIF (each is the position
    to date, TW IV is the year's) or PER_TRIWULAN (each is the quarter's own, the year's is
    their sum); None when the workbook leaves it blank (then Indikator.angka decides).
    """

    target: Empat = KOSONG4
    realisasi: Empat = KOSONG4
    angka: str | None = None

    @property
    def ada(self) -> bool:
        """Whether any quarterly figure is filled."""
        return any(v is not None for v in (*self.target, *self.realisasi))


@dataclass(frozen=True)
class Indikator:
    """One performance indicator; realisasi None means "belum diisi".

    `realisasi_lalu` holds earlier years as (tahun, realisasi) pairs, oldest first.
    `ref` is the cell of the indicator's text, e.g. 'Kinerja'!B5, for messages.
    `target_awal` is the target of the original Perjanjian Kinerja when a revised one changed
    it (None: unchanged). `rencana_aksi` lists the activities planned to reach the target.
    """

    nama: str
    satuan: str
    target: Decimal
    realisasi: Decimal | None
    polaritas: str = POSITIF
    realisasi_lalu: tuple[tuple[int, Decimal], ...] = ()
    target_renstra: Decimal | None = None
    standar_nasional: Decimal | None = None
    penjelasan: str | None = None
    program_pendukung: str | None = None
    ref: str = ""
    target_awal: Decimal | None = None
    triwulan: Triwulan = field(default_factory=Triwulan)
    rencana_aksi: tuple[str, ...] = ()

    @property
    def angka(self) -> str:
        """How the quarterly figures add up: as the workbook says, else Kumulatif for a
        percentage (a position) and Per Triwulan for anything counted."""
        if self.triwulan.angka is not None:
            return self.triwulan.angka
        return KUMULATIF if " ".join(self.satuan.split()).casefold() in SATUAN_PERSEN \
            else PER_TRIWULAN


@dataclass(frozen=True)
class Sasaran:
    """A sasaran strategis with its indicators, in workbook order."""

    nama: str
    indikator: tuple[Indikator, ...]


@dataclass(frozen=True)
class BarisAnggaran:
    """One budget line; uraian, sasaran and program are None when not given.

    `realisasi` is None while not filled (a workbook made in January); the LKj requires it.
    `realisasi_triwulan` holds what was spent in each quarter, TW I..IV, where staff track it.
    `pagu_awal` is the pagu of the original Perjanjian Kinerja when a revision changed it.
    """

    sumber: str
    pagu: Decimal
    realisasi: Decimal | None
    uraian: str | None = None
    sasaran: str | None = None
    ref: str = ""
    program: str | None = None
    pagu_awal: Decimal | None = None
    realisasi_triwulan: Empat = KOSONG4


@dataclass(frozen=True)
class Kategori:
    """One band of the category scale: capaian >= batas_bawah gets this label."""

    batas_bawah: Decimal
    label: str


DEFAULT_SKALA = (
    Kategori(Decimal(91), "Sangat Baik"),
    Kategori(Decimal(76), "Baik"),
    Kategori(Decimal(66), "Cukup"),
    Kategori(Decimal(51), "Kurang"),
    Kategori(Decimal("-Infinity"), "Sangat Kurang"),
)


@dataclass(frozen=True)
class Pengaturan:
    """Settings of the `Pengaturan` sheet; batas_capaian None means no cap."""

    rumus_negatif: str = RUMUS_TERCAPAI
    batas_capaian: Decimal | None = None
    desimal: int = 2
    ukuran_kertas: str = "A4"
    skala_kategori: tuple[Kategori, ...] = DEFAULT_SKALA
    # False when the workbook left Rumus Negatif blank: the report still states the rule used.
    rumus_dinyatakan: bool = False


@dataclass(frozen=True)
class DataLaporan:
    """Everything read from one workbook.

    renstra maps Jenis (Visi, Misi, Tujuan, IKU) to its items; narasi maps a Bagian
    to its paragraphs; daftar maps a Kelompok to its items. A missing key means the
    workbook did not give that part.
    """

    identitas: Identitas
    sasaran: tuple[Sasaran, ...]
    anggaran: tuple[BarisAnggaran, ...]
    renstra: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sdm: tuple[tuple[str, int], ...] = ()
    narasi: dict[str, tuple[str, ...]] = field(default_factory=dict)
    daftar: dict[str, tuple[str, ...]] = field(default_factory=dict)
    pengaturan: Pengaturan = field(default_factory=Pengaturan)
    sumber: Path | None = None
