"""Tests of the Indonesian formatting and parsing in generator.format."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from babel.dates import format_date
from hypothesis import given
from hypothesis import strategies as st

from generator import format as fmt
from generator.format import (
    angka,
    huruf,
    jumlah_terbilang,
    nilai_satuan,
    parse_angka,
    parse_tanggal,
    persen,
    romawi,
    rupiah,
    tanggal,
    terbilang,
)

D = Decimal


@pytest.mark.parametrize(
    ("value", "desimal", "expected"),
    [
        (D("77.285"), 2, "77,29"),  # half-up, where Babel alone gives 77,28
        (D("77.275"), 2, "77,28"),
        (D("0.005"), 2, "0,01"),
        (60148772000, None, "60.148.772.000"),
        (D("103.0533333333"), 2, "103,05"),
        (D("100"), 2, "100,00"),
        (D("77.29"), None, "77,29"),
        (D("1.50000"), None, "1,5"),
        (D("0.4"), None, "0,4"),
        (D("0.123456"), None, "0,1235"),
        (D("0.00001"), None, "0"),
        (D("1E+3"), None, "1.000"),
        (-1234, None, "-1.234"),
        (D("-1234.565"), 2, "-1.234,57"),
        (D("-0.001"), 2, "0,00"),
        (0, None, "0"),
        (999, None, "999"),
        (1000, None, "1.000"),
        (D("2.5"), 0, "3"),
        (D("3.5"), 0, "4"),
        (None, 2, "-"),
    ],
)
def test_angka(value, desimal, expected):
    assert angka(value, desimal) == expected


@pytest.mark.parametrize("value", [1.5, True, "12", D("NaN"), D("Infinity")])
def test_angka_refuses_non_decimals(value):
    with pytest.raises((TypeError, ValueError)):
        angka(value)


@pytest.mark.parametrize(
    ("value", "desimal", "expected"),
    [
        (D("77.29"), 2, "77,29%"),
        (D("99.7449"), 2, "99,74%"),
        (D("100"), 2, "100,00%"),
        (D("0.4"), None, "0,4%"),
        (None, 2, "-"),
    ],
)
def test_persen(value, desimal, expected):
    assert persen(value, desimal) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (60148772000, "Rp60.148.772.000"),
        (D("20350023000"), "Rp20.350.023.000"),
        (D("1000.5"), "Rp1.001"),
        (D("1000.49"), "Rp1.000"),
        (-1000, "-Rp1.000"),
        (D("-0.4"), "Rp0"),
        (0, "Rp0"),
        (None, "-"),
    ],
)
def test_rupiah(value, expected):
    assert rupiah(value) == expected


@pytest.mark.parametrize(
    ("value", "satuan", "expected"),
    [
        (D("75"), "%", "75%"),
        (D("0.4"), "%", "0,4%"),
        (D("77.29"), " % ", "77,29%"),
        (D("2"), "Laporan", "2 Laporan"),
        (D("11"), "Laporan", "11 Laporan"),
        (D("1500"), "Orang", "1.500 Orang"),
        (D("3"), "", "3"),
        (None, "%", "-"),
    ],
)
def test_nilai_satuan(value, satuan, expected):
    assert nilai_satuan(value, satuan) == expected


def test_nilai_satuan_with_decimals():
    assert nilai_satuan(D("75"), "%", 2) == "75,00%"


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "nol"),
        (1, "satu"),
        (11, "sebelas"),
        (15, "lima belas"),
        (21, "dua puluh satu"),
        (100, "seratus"),
        (1000, "seribu"),
        (2024, "dua ribu dua puluh empat"),
        (D("3"), "tiga"),
    ],
)
def test_terbilang(n, expected):
    assert terbilang(n) == expected


def test_terbilang_refuses_fractions():
    with pytest.raises(ValueError):
        terbilang(D("1.5"))


@pytest.mark.parametrize(
    ("n", "satuan", "expected"),
    [
        (15, "orang", "15 (lima belas) orang"),
        (3, "sasaran strategis", "3 (tiga) sasaran strategis"),
        (1250, "pegawai", "1.250 (seribu dua ratus lima puluh) pegawai"),
        (4, "", "4 (empat)"),
    ],
)
def test_jumlah_terbilang(n, satuan, expected):
    assert jumlah_terbilang(n, satuan) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "I"), (3, "III"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (2024, "MMXXIV")],
)
def test_romawi(n, expected):
    assert romawi(n) == expected


@pytest.mark.parametrize(("n", "expected"), [(1, "a"), (2, "b"), (26, "z"), (27, "aa"), (28, "ab")])
def test_huruf(n, expected):
    assert huruf(n) == expected


@pytest.mark.parametrize(("func", "n"), [(romawi, 0), (romawi, 4000), (huruf, 0), (huruf, -1)])
def test_numerals_refuse_out_of_range(func, n):
    with pytest.raises(ValueError):
        func(n)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2025, 3, 13), "13 Maret 2025"),
        (date(2024, 1, 8), "8 Januari 2024"),
        (date(2024, 8, 17), "17 Agustus 2024"),
        (date(2024, 12, 31), "31 Desember 2024"),
    ],
)
def test_tanggal(d, expected):
    assert tanggal(d) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("77,29", D("77.29")),
        ("1.234", D("1234")),
        ("1.234.567", D("1234567")),
        ("1234567", D("1234567")),
        ("1.234,5", D("1234.5")),
        ("77,29%", D("77.29")),
        ("75 %", D("75")),
        ("0,4", D("0.4")),
        ("Rp 1.234.567", D("1234567")),
        ("Rp1.234.567", D("1234567")),
        ("Rp. 20.350.023.000,-", D("20350023000")),
        ("Rp60.148.772.000,-", D("60148772000")),
        ("rp 5.000,00", D("5000")),
        ("1.000,-", D("1000")),
        ("-1.234", D("-1234")),
        ("-Rp1.000", D("-1000")),
        ("Rp -1.000", D("-1000")),
        ("\u22125", D("-5")),
        ("  77,29\u00a0", D("77.29")),
        ("0", D("0")),
        ("-0", D("0")),
    ],
)
def test_parse_angka(text, expected):
    assert parse_angka(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("0.4", "gunakan koma untuk desimal, misalnya 0,4"),
        ("77.29", "misalnya 77,29"),
        ("0.400", "gunakan koma untuk desimal"),
        ("1,234.5", "misalnya 1.234,5"),
        ("80-90", "rentang"),
        ("80 s/d 90", "rentang"),
        ("sekitar 80", "misalnya 80"),
        ("tujuh puluh lima", "bukan angka"),
        ("1.23.456", "tepat 3 angka"),
        ("1,2,3", "lebih dari satu koma"),
        ("1 234", "spasi"),
        ("Rp 50%", "Rp dan %"),
        ("1,5,-", "bilangan bulat"),
        ("", "kosong"),
        ("   ", "kosong"),
        ("Rp", "bukan angka"),
        ("+5", "bukan angka"),
        ("--5", "bukan angka"),
    ],
)
def test_parse_angka_rejects(text, reason):
    with pytest.raises(ValueError, match=re.escape(reason)):
        parse_angka(text)


@pytest.mark.parametrize(
    "text",
    [
        "13/03/2025",
        "13-03-2025",
        "13.03.2025",
        "13 Maret 2025",
        "13 maret 2025",
        "13 MARET 2025",
        "13 Mar 2025",
        "13 Mar. 2025",
        "2025-03-13",
        " 13/3/2025 ",
    ],
)
def test_parse_tanggal(text):
    assert parse_tanggal(text) == date(2025, 3, 13)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17 Agu 2024", date(2024, 8, 17)),
        ("17 Agt 2024", date(2024, 8, 17)),
        ("1 Okt 2024", date(2024, 10, 1)),
        ("25 Des 2024", date(2024, 12, 25)),
        ("10 Nopember 2024", date(2024, 11, 10)),
        ("29/02/2024", date(2024, 2, 29)),
        ("Senin, 16 Februari 2026", date(2026, 2, 16)),
        ("senin 16 Februari 2026", date(2026, 2, 16)),
        ("Jum'at, 13 Maret 2026", date(2026, 3, 13)),
        ("16/02/26", date(2026, 2, 16)),
        ("16-02-26", date(2026, 2, 16)),
    ],
)
def test_parse_tanggal_month_names(text, expected):
    assert parse_tanggal(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31/02/2025", "31 Februari 2025 tidak ada"),
        ("29/02/2025", "29 Februari 2025 tidak ada"),
        ("2025-02-30", "30 Februari 2025 tidak ada"),
        ("13/13/2025", "bulan 13 tidak ada"),
        ("13/03/202", "tahun harus 4 angka"),
        ("13 March 2025", "nama bulan tidak dikenal"),
        ("13/03-2025", "bukan tanggal"),
        ("kemarin", "bukan tanggal"),
        ("", "bukan tanggal"),
    ],
)
def test_parse_tanggal_rejects(text, reason):
    with pytest.raises(ValueError, match=re.escape(reason)):
        parse_tanggal(text)


def test_month_names_agree_with_babel():
    for bulan, nama in enumerate(fmt._NAMA_BULAN, start=1):
        assert format_date(date(2025, bulan, 1), "MMMM", locale="id") == nama
        assert fmt._BULAN[nama.lower()] == bulan


# --- properties ------------------------------------------------------------------------------

_BESAR = 10**15


@given(st.integers(min_value=-_BESAR, max_value=_BESAR))
def test_angka_round_trips_integers(n):
    assert parse_angka(angka(n)) == n


@given(st.decimals(min_value=-_BESAR, max_value=_BESAR, places=2))
def test_angka_round_trips_two_places(value):
    assert parse_angka(angka(value, 2)) == value


@given(st.integers(min_value=-_BESAR, max_value=_BESAR))
def test_rupiah_round_trips(n):
    assert parse_angka(rupiah(n)) == n


@given(st.decimals(min_value=-_BESAR, max_value=_BESAR, places=4), st.integers(0, 3))
def test_angka_rounds_half_up(value, desimal):
    expected = fmt.bulatkan(value, desimal)
    assert parse_angka(angka(value, desimal)) == expected
    assert abs(expected - value) <= D("0.5") * D(10) ** -desimal


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31)))
def test_tanggal_round_trips(d):
    assert parse_tanggal(tanggal(d)) == d
    assert parse_tanggal(d.strftime("%d/%m/%Y")) == d


@given(st.integers(1, 3999))
def test_romawi_uses_only_roman_letters(n):
    assert set(romawi(n)) <= set("MDCLXVI")
