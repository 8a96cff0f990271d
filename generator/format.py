"""Indonesian formatting of numbers, money, dates and words, and parsing of typed numbers and dates."""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal

from babel.dates import format_date
from num2words import num2words

LOCALE = "id"
KOSONG = "-"
MAKS_DESIMAL = 4

# Babel rounds half-to-even; every value is rounded here first (half-up), with room for
# big rupiah amounts so quantize never runs out of precision.
_KONTEKS = Context(prec=100, rounding=ROUND_HALF_UP)

_PEMISAH = str.maketrans(",.", ".,")

_ROMAWI = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)

_BULAN = {
    "januari": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2,
    "maret": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agus": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12,
}

_NAMA_BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)


# --- numbers -------------------------------------------------------------------------------


def _ke_decimal(value: Decimal | int) -> Decimal:
    """The value as a finite Decimal; floats are refused because they already lost digits."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise TypeError(f"expected Decimal or int, got {type(value).__name__}")
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    return value


def bulatkan(value: Decimal | int, desimal: int = 0) -> Decimal:
    """Round half-up to `desimal` places (0,005 -> 0,01; never half-to-even)."""
    hasil = _ke_decimal(value).quantize(Decimal(1).scaleb(-desimal), context=_KONTEKS)
    return abs(hasil) if hasil == 0 else hasil  # no "-0,00"


def _tempat_desimal(value: Decimal) -> int:
    """Decimal places of the value after rounding to MAKS_DESIMAL, trailing zeros dropped."""
    rounded = bulatkan(value, MAKS_DESIMAL)
    if rounded == rounded.to_integral_value():
        return 0
    return -rounded.normalize(context=_KONTEKS).as_tuple().exponent


def angka(value: Decimal | int | None, desimal: int | None = None) -> str:
    """`60.148.772.000`, `77,29`; desimal None prints as many places as the value has (at most 4).

    None prints as `-` (no value, e.g. a capaian that cannot be computed).
    """
    if value is None:
        return KOSONG
    value = _ke_decimal(value)
    if desimal is None:
        desimal = _tempat_desimal(value)
    # Rounded half-up first, so the format adds no rounding of its own; then the separators of
    # Babel's `id` pattern #,##0.00 (the same text, without Babel's cost: a report prints
    # hundreds of numbers, a folder run hundreds of reports).
    return f"{bulatkan(value, desimal):,.{desimal}f}".translate(_PEMISAH)


def persen(value: Decimal | int | None, desimal: int | None = 2) -> str:
    """`77,29%`; None prints as `-`."""
    return KOSONG if value is None else angka(value, desimal) + "%"


def rupiah(value: Decimal | int | None) -> str:
    """`Rp60.148.772.000`, rounded half-up to whole rupiah; `-Rp1.000` when negative."""
    if value is None:
        return KOSONG
    bulat = bulatkan(value, 0)
    tanda = "-" if bulat < 0 else ""
    return f"{tanda}Rp{angka(abs(bulat), 0)}"


def nilai_satuan(value: Decimal | int | None, satuan: str, desimal: int | None = None) -> str:
    """`75%` for satuan `%`, `2 Laporan` otherwise, `-` for None (realisasi not filled)."""
    if value is None:
        return KOSONG
    teks = angka(value, desimal)
    satuan = satuan.strip()
    if satuan == "%":
        return teks + "%"
    return f"{teks} {satuan}" if satuan else teks


# --- words and numerals ----------------------------------------------------------------------


def _bilangan_bulat(n: Decimal | int) -> int:
    """n as an int; a fractional value is refused."""
    value = _ke_decimal(n)
    if value != value.to_integral_value():
        raise ValueError(f"not a whole number: {value}")
    return int(value)


def terbilang(n: Decimal | int) -> str:
    """The whole number in words, lower case: 15 -> `lima belas`, 1000 -> `seribu`."""
    return num2words(_bilangan_bulat(n), lang=LOCALE).lower()


def jumlah_terbilang(n: Decimal | int, satuan: str = "") -> str:
    """`15 (lima belas) orang`; without satuan `15 (lima belas)`."""
    teks = f"{angka(_bilangan_bulat(n))} ({terbilang(n)})"
    return f"{teks} {satuan.strip()}" if satuan.strip() else teks


def romawi(n: int) -> str:
    """Roman numeral for 1..3999: 4 -> `IV`."""
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 3999:
        raise ValueError(f"roman numerals need 1..3999, got {n!r}")
    hasil = []
    for nilai, simbol in _ROMAWI:
        jumlah, n = divmod(n, nilai)
        hasil.append(simbol * jumlah)
    return "".join(hasil)


def huruf(n: int) -> str:
    """List letter for position n: 1 -> `a`, 26 -> `z`, 27 -> `aa` (as spreadsheet columns)."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"letters need n >= 1, got {n!r}")
    hasil = ""
    while n:
        n, sisa = divmod(n - 1, 26)
        hasil = chr(ord("a") + sisa) + hasil
    return hasil


# --- dates ---------------------------------------------------------------------------------


def tanggal(d: date) -> str:
    """`13 Maret 2025`."""
    return format_date(d, "d MMMM y", locale=LOCALE)


# --- parsing numbers -------------------------------------------------------------------------

_RIBUAN = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?")
# Characters XML 1.0 cannot hold (a cell may still contain them): the one definition.
BUKAN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_POLOS = re.compile(r"\d+(?:,\d+)?")
_RP = re.compile(r"rp\.?\s*", re.IGNORECASE)
_RENTANG = re.compile(r"[\d.,]+\s*(?:[-\u2013\u2014]|s\.?/d\.?|sampai)\s*[\d.,]+", re.IGNORECASE)


def _rapikan(text: str) -> str:
    """Spreadsheet text with odd spaces and the Unicode minus made plain."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2212", "-")
    return " ".join(text.split())


def _lepas_awalan(s: str) -> tuple[bool, bool, str]:
    """Strip one leading minus and `Rp`; the minus may stand before or after `Rp`.

    Returns (negative, had Rp, the rest).
    """
    negatif = s.startswith("-")
    if negatif:
        s = s[1:].lstrip()
    rp = _RP.match(s)
    if rp:
        s = s[rp.end():]
        if s.startswith("-") and not negatif:
            negatif, s = True, s[1:].lstrip()
    return negatif, rp is not None, s


def _lepas_akhiran(s: str, ada_rp: bool) -> str:
    """Strip a `%` suffix or the `,-` of whole rupiah."""
    if s.endswith("%"):
        if ada_rp:
            raise ValueError("memakai Rp dan % sekaligus; pilih salah satu")
        s = s[:-1].rstrip()
    if s.endswith(",-"):
        s = s[:-2]
        if "," in s:
            raise ValueError("akhiran ,- hanya untuk bilangan bulat, misalnya Rp1.000,-")
    return s


def _alasan(s: str) -> str:
    """Why s (sign, Rp and % already removed) is not an unambiguous number, in Indonesian."""
    contoh = re.search(r"\d[\d.,]*", s)
    if contoh is None:
        return "bukan angka"
    if _RENTANG.fullmatch(s):
        return "berupa rentang; isi satu angka saja"
    tanda = re.match(r"\s*(≥|≤|>=|<=|>|<|=|±|~)", s)
    if tanda:
        return f"diawali tanda {tanda.group(1)}; isi angkanya saja, misalnya {contoh.group()}"
    if re.search(r"[^\W\d_]", s):
        return f"mengandung kata selain angka; isi angkanya saja, misalnya {contoh.group()}"
    if "." in s and "," in s and s.rfind(".") > s.rfind(","):
        tukar = s.translate(str.maketrans(".,", ",."))
        return f"mencampur titik dan koma; titik untuk ribuan dan koma untuk desimal, misalnya {tukar}"
    if s.count(",") > 1:
        return "memuat lebih dari satu koma; koma hanya untuk desimal"
    if s.count(".") == 1 and "," not in s:
        ganti = s.replace(".", ",")
        return f"meragukan: titik adalah pemisah ribuan; gunakan koma untuk desimal, misalnya {ganti}"
    if "." in s:
        return "titik pemisah ribuan harus diikuti tepat 3 angka, misalnya 1.234.567"
    if re.fullmatch(r"[\d.,]+( [\d.,]+)+", s):
        return "mengandung spasi di tengah angka; gunakan titik untuk ribuan, misalnya 1.234"
    if re.sub(r"\D", "", s) == re.sub(r"\D", "", contoh.group()):
        return f"bukan angka yang jelas; isi angkanya saja, misalnya {contoh.group()}"
    return "bukan angka yang jelas; isi satu angka, dengan koma sebagai pemisah desimal"


def parse_angka(text: str) -> Decimal:
    """Read a number typed the Indonesian way: `77,29`, `1.234.567`, `77,29%`, `Rp 1.234.567,-`.

    `.` groups thousands (exactly 3 digits each), `,` marks decimals. A percent sign is dropped
    (the value stays in percent points). Raises ValueError whose message is the Indonesian
    reason alone, without the text, so the caller can name the cell and quote the text.
    """
    s = _rapikan(text)
    if not s:
        raise ValueError("kosong")
    negatif, ada_rp, s = _lepas_awalan(s)
    s = _lepas_akhiran(s, ada_rp)
    if not (_RIBUAN.fullmatch(s) or _POLOS.fullmatch(s)):
        raise ValueError(_alasan(s))
    value = Decimal(s.replace(".", "").replace(",", "."))
    return -value if negatif else value


# --- parsing dates ---------------------------------------------------------------------------

_TGL_ANGKA = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d+)")
_TGL_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TGL_NAMA = re.compile(r"(\d{1,2})\s*([^\W\d_]+)\.?\s*(\d+)")
# A leading day name, as a long-date cell shows it: "Senin, 16 Februari 2026".
_NAMA_HARI = re.compile(r"^(?:senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|ahad),?\s+",
                        re.IGNORECASE)


def _buat_tanggal(tahun: str, bulan: int, hari: str) -> date:
    """A date from its parts, or a ValueError saying in Indonesian what is wrong."""
    if len(tahun) == 2:  # 16/02/26: lkj's years all lie in 2000-2099
        tahun = "20" + tahun
    if len(tahun) != 4:
        raise ValueError(f"tahun harus 4 angka, tertulis {tahun}")
    if not 1 <= bulan <= 12:
        raise ValueError(f"bulan {bulan} tidak ada; bulan harus 1 sampai 12")
    try:
        return date(int(tahun), bulan, int(hari))
    except ValueError:
        nama = _NAMA_BULAN[bulan - 1]
        raise ValueError(f"tanggal {int(hari)} {nama} {tahun} tidak ada") from None


def _nomor_bulan(nama: str) -> int:
    """Month number of an Indonesian month name or abbreviation, case-insensitive."""
    try:
        return _BULAN[nama.lower()]
    except KeyError:
        raise ValueError(f"nama bulan tidak dikenal: {nama}") from None


def parse_tanggal(text: str) -> date:
    """Read `13/03/2025`, `13-03-2025`, `13.03.2025`, `13 Maret 2025`, `13 Mar 2025`, `2025-03-13`,
    also with a two-digit year (`13/03/25`) or a leading day name (`Kamis, 13 Maret 2025`).

    Raises ValueError with the Indonesian reason (unknown form, month name, or a day that
    does not exist such as 31/02).
    """
    s = _NAMA_HARI.sub("", _rapikan(text), count=1)
    if m := _TGL_ISO.fullmatch(s):
        return _buat_tanggal(m[1], int(m[2]), m[3])
    if m := _TGL_ANGKA.fullmatch(s):
        return _buat_tanggal(m[4], int(m[3]), m[1])
    if m := _TGL_NAMA.fullmatch(s):
        return _buat_tanggal(m[3], _nomor_bulan(m[2]), m[1])
    raise ValueError("bukan tanggal; tulis misalnya 13/03/2025 atau 13 Maret 2025")
