"""Hostile templates through the commands: `lkj buat --templat` and `lkj templat periksa` refuse
each escape and each unbounded piece of work with one Indonesian line, exit 1, and nothing
written; a SIGTERM during a long rendering leaves no temporary file."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import pytest
from books import book
from doctools import ROOT
from hostile import DALAM_GRAFIK, templat
from typer.testing import CliRunner

from generator.guard import batas
from generator.commands.cli import app

RINGKASAN = "Galat: 1 masalah ditemukan di templat.docx; tidak ada berkas yang ditulis"
INGGRIS = re.compile(r"Traceback|Error\b|\b(access|attribute|unsafe|undefined|object|not|has|"
                     r"is|expected|unexpected|too|range object|maximum)\b")


@pytest.fixture(scope="module")
def buku(tmp_path_factory):
    return book(tmp_path_factory.mktemp("buku"))


def _tolak(args: list[str], folder) -> str:
    """Run lkj; it must refuse with one Indonesian line and the summary, writing nothing in
    `folder`. Returns the line."""
    sebelum = sorted(p.name for p in folder.iterdir())
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output
    baris = result.output.splitlines()
    assert len(baris) == 2 and baris[1] == RINGKASAN, result.output
    assert not INGGRIS.search(baris[0]), baris[0]
    assert sorted(p.name for p in folder.iterdir()) == sebelum
    return baris[0]


def _keduanya(buku, path, folder) -> tuple[str, str]:
    """The refusal of `lkj buat --templat` and that of `lkj templat periksa`."""
    buat = _tolak(["buat", str(buku), "-o", str(folder / "laporan.docx"), "--templat",
                   str(path)], folder)
    periksa = _tolak(["templat", "periksa", str(path)], folder)
    return buat, periksa


ESCAPES = [
    # (paragraph, inside the charts loop, the reason given)
    ("X{{ g.gambar.tpl.template_file.joinpath('/etc/passwd').read_text() }}", True,
     'atribut "tpl" tidak dikenal lkj atau tidak boleh dibaca templat; templat hanya membaca '
     "data"),
    ("{{ g.gambar.tpl.template_file.with_name('lkj-uji.pth').write_text('import os') }}", True,
     'atribut "tpl" tidak dikenal lkj atau tidak boleh dibaca templat; templat hanya membaca '
     "data"),
    ("{% set k = 'tp' ~ 'l' %}{{ g.gambar[k] }}", True,
     'atribut "tpl" pada grafik tidak boleh dibaca templat; templat hanya membaca data'),
    ("{% set k = 'ja' ~ 'lur' %}{{ tahun[k] }}", False,
     'atribut "jalur" pada teks tidak boleh dibaca templat; templat hanya membaca data'),
    ("{% set k = '__cla' ~ 'ss__' %}{{ sampul[k].__mro__ }}", False,
     'atribut "__mro__" tidak dikenal lkj atau tidak boleh dibaca templat; templat hanya '
     "membaca data"),
    ("{% set k = 'po' ~ 'p' %}{{ capaian.sasaran[k]() }}", False,
     'atribut "pop" pada daftar tidak boleh dibaca templat; templat hanya membaca data'),
    ("{% for x in [1] %}{% set k = '_' ~ '_class__' %}{{ loop[k] }}{% endfor %}", False,
     'atribut "__class__" pada loop tidak boleh dibaca templat; templat hanya membaca data'),
    ("{% macro m() %}{% endmacro %}{% set k = '_fu' ~ 'nc' %}{{ m[k] }}", False,
     'atribut "_func" pada makro tidak boleh dibaca templat; templat hanya membaca data'),
    ("{{ cycler.__init__.__globals__.os }}", False,
     'atribut "__init__" tidak dikenal lkj atau tidak boleh dibaca templat; templat hanya '
     "membaca data"),
    ("{{ '{0.__class__}'.format(tahun) }}", False,
     'atribut "format" tidak dikenal lkj atau tidak boleh dibaca templat; templat hanya '
     "membaca data"),
]


@pytest.mark.parametrize(("teks", "dalam_grafik", "sebab"), ESCAPES,
                         ids=[f"escape-{n}" for n in range(len(ESCAPES))])
def test_escapes_are_refused_by_buat_and_periksa(buku, tmp_path, teks, dalam_grafik, sebab):
    path = templat(tmp_path, teks, sesudah=DALAM_GRAFIK if dalam_grafik else None)
    buat, periksa = _keduanya(buku, path, tmp_path)
    assert buat.endswith(f": {sebab}") and periksa.endswith(f": {sebab}")
    assert buat.startswith("templat.docx, paragraf ")
    assert not (ROOT / "templates" / "lkj-uji.pth").exists()


def test_the_escape_of_the_issue_is_named_with_its_paragraph(buku, tmp_path):
    path = templat(tmp_path, ESCAPES[0][0], sesudah=DALAM_GRAFIK)
    assert _keduanya(buku, path, tmp_path)[1] == (
        'templat.docx, paragraf 269 ("X{{ g.gambar.tpl.template_file.joinpath(\'/etc/passwd\')'
        ".read…\"), tag {{ g.gambar.tpl.template_file.joinpath('/etc/passwd').read_text() }}: "
        + ESCAPES[0][2])


BERSARANG = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
REKURSI = "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"
# 2^40 calls, no loop turn and no output: only the clock stops it.
LEBAR = "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}"
KELUARAN = "{% for a in range(100000) %}{% for b in range(1000) %}{{ 'x' * 99 }}{% endfor %}{% endfor %}"

SUMBER_DAYA = [
    # (id, paragraph, the reason given; limits lowered so the test stays quick)
    ("loop-bersarang", BERSARANG, "perulangan melebihi 300.000 putaran"),
    ("range", "{{ range(10**9) }}", "range() melebihi 100.000 angka"),
    ("range-dihitung", "{% set n = 10**9 %}{% for i in range(n) %}{% endfor %}",
     "range() melebihi 100.000 angka"),
    ("pangkat", "{{ 9**(9**9) }}", "hasil hitungan melebihi 1.000 digit"),
    ("pangkat-dihitung", "{% set n = 9 %}{{ n ** (n ** n) }}", "hasil hitungan melebihi 1.000 digit"),
    ("ulang-teks", "{{ 'x' * 10**10 }}", "pengulangan teks melebihi 1.000.000 karakter"),
    ("ulang-daftar", "{% set n = 10**9 %}{{ [1] * n }}",
     "pengulangan daftar melebihi 100.000 butir"),
    ("ulang-gabung", "{% set s = 'x' * 999999 %}{{ s ~ s }}",
     "penggabungan ~ melebihi 1.000.000 karakter"),
    ("lipsum", "{{ lipsum(10**6) }}",
     "lipsum() paling banyak 100 paragraf dan 1000 kata per paragraf"),
    ("rekursi", REKURSI, "makro atau perulangan memanggil dirinya lebih dari 50 tingkat"),
    ("rekursi-loop", "{% for x in [1] recursive %}{{ loop([x]) }}{% endfor %}",
     "makro atau perulangan memanggil dirinya lebih dari 50 tingkat"),
    ("bersarang", "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}",
     "tag terlalu dalam bersarang (kurung di dalam kurung)"),
    ("keluaran", KELUARAN, re.compile(r"hasil templat melebihi \d+ MB")),
    ("waktu", LEBAR, "pengisian templat melebihi 1 detik"),
]


@pytest.mark.parametrize(("teks", "sebab"), [c[1:] for c in SUMBER_DAYA],
                         ids=[c[0] for c in SUMBER_DAYA])
def test_unbounded_work_is_refused_by_buat_and_periksa(buku, tmp_path, monkeypatch, teks, sebab):
    monkeypatch.setattr(batas, "MAKS_PUTARAN", 300_000)
    monkeypatch.setattr(batas, "KELUARAN_DASAR", 1_000_000)
    monkeypatch.setattr(batas, "MAKS_DETIK", 1.0)
    path = templat(tmp_path, teks)
    for baris in _keduanya(buku, path, tmp_path):
        assert baris.startswith("templat.docx, paragraf 2 (")
        alasan = baris.rsplit(": ", 1)[1]
        assert alasan == sebab if isinstance(sebab, str) else sebab.fullmatch(alasan), baris


@pytest.mark.skipif(os.name != "posix", reason="POSIX signal")
def test_sigterm_during_a_long_rendering_leaves_nothing_behind(tmp_path):
    """A real process, real limits: the template runs until its clock would stop it (60 s);
    SIGTERM ends it within moments, the temporary report removed."""
    keluar = tmp_path / "keluar"
    keluar.mkdir()
    path = templat(tmp_path, LEBAR)
    child = subprocess.Popen(
        [sys.executable, "-m", "generator", "buat", str(book(tmp_path)), "-o",
         str(keluar / "laporan.docx"), "--templat", str(path)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(keluar.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.02)  # until the temporary report exists: rendering has begun
    time.sleep(2)  # well inside the template's 60 s of work
    child.send_signal(signal.SIGTERM)
    stdout, stderr = child.communicate(timeout=20)
    assert child.returncode == 1, stderr
    assert stderr == ("Galat: dihentikan sebelum selesai; tidak ada berkas yang ditulis dan "
                      "laporan lama utuh\n")
    assert list(keluar.iterdir()) == []


def test_a_chart_printed_over_and_over_is_refused(buku, tmp_path):
    path = templat(tmp_path, "{% for i in range(20) %}{{ g.gambar }}{% endfor %}",
                   sesudah=DALAM_GRAFIK)
    for baris in _keduanya(buku, path, tmp_path):
        assert baris.endswith(": grafik yang sama dicetak lebih dari 10 kali"), baris
