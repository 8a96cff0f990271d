"""Writing a report that may be open, shared, private, linked, or interrupted (issue 18 item 4,
one lkj at a time, a run that changes nothing; issue 17 item 6).

The report is replaced in place only after its earlier version is copied beside it; whatever
moment an interruption lands, the files and what lkj prints agree.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from books import many_indicators
from doctools import ROOT
from generator.merge import ganti
from generator.files import output
from generator.files.berkas_terbuka import berkas_kunci, berkas_kunci_lkj
from generator.commands.cli import app
from generator.pipeline import build
from kasus_perbarui import SAMPLE
from test_perbarui import new_workbook

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and signals")
TIDAK_DITULIS = ("Galat: dihentikan sebelum selesai; tidak ada berkas yang ditulis dan laporan "
                 "lama utuh\n")


@pytest.fixture(scope="module")
def bahan(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tulis")
    asli = build(SAMPLE, folder / "asli.docx").path
    d = docx.Document(str(asli))
    d.add_paragraph("Catatan staf di akhir laporan.")
    d.save(str(folder / "sunting.docx"))
    return {"asli": asli, "sunting": folder / "sunting.docx",
            "buku": new_workbook(folder / "baru.xlsx")}


def _laporan(bahan, folder: Path, name: str = "LKj.docx", sumber: str = "sunting") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    shutil.copy2(bahan[sumber], path)
    return path


def _perbarui(*args):
    return CliRunner().invoke(app, ["perbarui", *map(str, args)])


def _isi(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- an interruption at each step of replacing the report in place ---------------------------

def _kill_self():
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(1)  # the handler runs at the next instruction


def _sela(monkeypatch, langkah: str, laporan: Path) -> None:
    """Make the run stop at `langkah` (Ctrl-C, or SIGTERM where named so)."""
    real_replace, real_keep = os.replace, ganti.keep_copy

    def replace(src, dst):
        if Path(dst) != laporan:
            return real_replace(src, dst)
        if langkah == "saat mengganti":
            raise KeyboardInterrupt
        real_replace(src, dst)
        if langkah == "setelah mengganti":
            raise KeyboardInterrupt
        _kill_self()  # "setelah mengganti (SIGTERM)"

    def keep(path, claimed=None):
        if langkah == "sebelum salinan":
            raise KeyboardInterrupt
        salinan = real_keep(path, claimed)
        if langkah == "setelah salinan":
            raise KeyboardInterrupt
        return salinan

    def copyfileobj(src, dst, *a):
        dst.write(src.read(100))
        raise KeyboardInterrupt

    def save(self, path):
        Path(path).write_bytes(b"setengah")
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(ganti, "keep_copy", keep)
    if langkah == "saat menyalin":
        monkeypatch.setattr(shutil, "copyfileobj", copyfileobj)
    if langkah == "saat menyimpan":
        monkeypatch.setattr(docx.document.Document, "save", save)


@posix_only
@pytest.mark.parametrize("langkah", ["saat menyimpan", "sebelum salinan", "saat menyalin",
                                     "setelah salinan", "saat mengganti"])
def test_an_interruption_before_the_report_is_replaced_leaves_all_as_it_was(
        bahan, tmp_path, monkeypatch, langkah):
    laporan = _laporan(bahan, tmp_path / "laporan")
    before = laporan.read_bytes()
    _sela(monkeypatch, langkah, laporan)
    result = _perbarui(bahan["buku"], laporan)
    assert result.exit_code == 1
    assert result.output == TIDAK_DITULIS
    assert laporan.read_bytes() == before
    assert _isi(laporan.parent) == ["LKj.docx"]


@posix_only
@pytest.mark.parametrize("langkah", ["setelah mengganti", "setelah mengganti (SIGTERM)"])
def test_an_interruption_after_the_report_is_replaced_keeps_the_copy_and_says_so(
        bahan, tmp_path, monkeypatch, langkah):
    """Before the fix, the copy was deleted here and lkj said the old report was intact."""
    laporan = _laporan(bahan, tmp_path / "laporan")
    before = laporan.read_bytes()
    _sela(monkeypatch, langkah, laporan)
    result = _perbarui(bahan["buku"], laporan)
    assert result.exit_code == 1
    assert result.output == ("Galat: dihentikan setelah laporan diganti: LKj.docx sudah memuat "
                             "angka baru, dan versi sebelumnya tersimpan sebagai "
                             "LKj-sebelum-1.docx\n")
    assert (laporan.parent / "LKj-sebelum-1.docx").read_bytes() == before
    assert "99,22" in "\n".join(p.text for p in docx.Document(str(laporan)).paragraphs)
    assert _isi(laporan.parent) == ["LKj-sebelum-1.docx", "LKj.docx"]


def test_a_report_saved_by_another_program_meanwhile_is_not_overwritten(bahan, tmp_path,
                                                                         monkeypatch):
    laporan = _laporan(bahan, tmp_path / "laporan")
    real = ganti.sidik_berkas

    def disimpan_lagi(path):
        if path == laporan:
            laporan.write_bytes(laporan.read_bytes() + b" ")  # Word saved it again
        return real(path)

    monkeypatch.setattr(ganti, "sidik_berkas", disimpan_lagi)
    result = _perbarui(bahan["buku"], laporan)
    assert result.exit_code == 1
    assert "LKj.docx berubah sejak lkj membacanya" in result.output
    assert _isi(laporan.parent) == ["LKj.docx"]


# --- permissions and links -------------------------------------------------------------------

@posix_only
def test_a_private_report_stays_private(bahan, tmp_path):
    laporan = _laporan(bahan, tmp_path / "laporan")
    laporan.chmod(0o600)
    assert _perbarui(bahan["buku"], laporan).exit_code == 0
    assert stat.S_IMODE(laporan.stat().st_mode) == 0o600
    assert stat.S_IMODE((laporan.parent / "LKj-sebelum-1.docx").stat().st_mode) == 0o600
    # lkj buat replacing its own untouched report keeps it private too
    untouched = _laporan(bahan, tmp_path / "buat", sumber="asli")
    untouched.chmod(0o600)
    result = CliRunner().invoke(app, ["buat", str(SAMPLE), "-o", str(untouched)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(untouched.stat().st_mode) == 0o600


@posix_only
@pytest.mark.parametrize("perintah", ["perbarui", "buat --timpa"])
def test_a_read_only_report_is_refused(bahan, tmp_path, perintah):
    laporan = _laporan(bahan, tmp_path / "laporan")
    laporan.chmod(0o444)
    before = laporan.read_bytes()
    args = ["perbarui", bahan["buku"], laporan] if perintah == "perbarui" else \
        ["buat", SAMPLE, "-o", laporan, "--timpa"]
    result = CliRunner().invoke(app, list(map(str, args)))
    assert result.exit_code == 1
    assert result.output == ("Galat: LKj.docx bertanda hanya-baca (read-only), jadi tidak "
                             "ditimpa; hilangkan tanda itu dulu (Properties > Read-only) bila "
                             "memang ingin memperbaruinya. Tidak ada berkas yang ditulis\n")
    assert laporan.read_bytes() == before and stat.S_IMODE(laporan.stat().st_mode) == 0o444
    assert _isi(laporan.parent) == ["LKj.docx"]


@posix_only
def test_a_linked_report_is_updated_where_it_really_is(bahan, tmp_path):
    """The link stays a link; the real report takes the new figures and its copy sits beside
    it (before the fix, the link was replaced by a plain file and the real report stayed old)."""
    laporan = _laporan(bahan, tmp_path / "asli")
    before = laporan.read_bytes()
    (tmp_path / "pintasan").mkdir()
    link = tmp_path / "pintasan" / "LKj.docx"
    link.symlink_to(laporan)
    result = _perbarui(bahan["buku"], link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == laporan.resolve()
    assert "99,22" in "\n".join(p.text for p in docx.Document(str(laporan)).paragraphs)
    assert (laporan.parent / "LKj-sebelum-1.docx").read_bytes() == before
    assert _isi(link.parent) == ["LKj.docx"]


# --- open in Word or LibreOffice ----------------------------------------------------------------

def _kunci_word(path: Path, siapa: str = "Staf Perencanaan") -> Path:
    """Word's owner file: the user's name after a byte giving its length, padded."""
    owner = path.with_name("~$" + path.name[2:])
    nama = siapa.encode("cp1252")
    owner.write_bytes(bytes([len(nama)]) + nama + b"\x00" * (53 - len(nama)) + b"\x20" * 109)
    return owner


def _kunci_lo(path: Path) -> Path:
    lock = path.with_name(f".~lock.{path.name}#")
    lock.write_text("Staf Keuangan,staf,PC-KEU,05.12.2025 09:12,file:///home/staf/.config;\n")
    return lock


@pytest.mark.parametrize("program", ["Word", "LibreOffice"])
@pytest.mark.parametrize("perintah", ["perbarui", "perbarui -o", "buat --timpa", "buat"])
def test_a_report_open_in_word_or_libreoffice_is_not_replaced(bahan, tmp_path, program,
                                                               perintah):
    # plain buat and -o replace only lkj's own untouched report (an edited one goes beside)
    sumber = "asli" if perintah in ("buat", "perbarui -o") else "sunting"
    laporan = _laporan(bahan, tmp_path / "laporan", "laporan.docx", sumber)
    lock = _kunci_word(laporan) if program == "Word" else _kunci_lo(laporan)
    assert lock.name in ("~$poran.docx", ".~lock.laporan.docx#")
    before = laporan.read_bytes()
    args = {"perbarui": ["perbarui", bahan["buku"], laporan],
            "perbarui -o": ["perbarui", bahan["buku"], bahan["asli"], "-o", laporan],
            "buat --timpa": ["buat", SAMPLE, "-o", laporan, "--timpa"],
            "buat": ["buat", SAMPLE, "-o", laporan]}[perintah]
    result = CliRunner().invoke(app, list(map(str, args)))
    oleh = "Staf Perencanaan" if program == "Word" else "Staf Keuangan"
    assert result.exit_code == 1, result.output
    assert result.output == (
        f"Galat: laporan.docx sedang dibuka di {program} oleh {oleh}: tutup dulu berkasnya lalu "
        "ulangi. Bila berkas itu sudah tertutup (programnya berhenti tidak wajar), hapus berkas "
        f"kunci {lock} lalu ulangi. Tidak ada berkas yang ditulis\n")
    assert laporan.read_bytes() == before
    assert _isi(laporan.parent) == sorted(["laporan.docx", lock.name])


def test_word_owner_file_names_for_short_and_long_names():
    names = [p.name for p in berkas_kunci(Path("laporan.docx"))]
    assert {"~$poran.docx", "~$aporan.docx", "~$laporan.docx", ".~lock.laporan.docx#"} == \
        set(names)
    long = Path("LKj-2024-KPU Kabupaten Maluku Tenggara.docx")
    assert "~$j-2024-KPU Kabupaten Maluku Tenggara.docx" in [p.name for p in berkas_kunci(long)]


def test_a_report_opened_while_lkj_works_is_not_replaced(bahan, tmp_path, monkeypatch):
    laporan = _laporan(bahan, tmp_path / "laporan")
    before = laporan.read_bytes()
    real = ganti.keep_copy

    def dibuka(path, claimed=None):
        _kunci_lo(laporan)  # LibreOffice opened it during the merge
        return real(path, claimed)

    monkeypatch.setattr(ganti, "keep_copy", dibuka)
    result = _perbarui(bahan["buku"], laporan)
    assert result.exit_code == 1 and "sedang dibuka di LibreOffice" in result.output
    assert laporan.read_bytes() == before
    assert _isi(laporan.parent) == [".~lock.LKj.docx#", "LKj.docx"]


# --- one lkj at a time ------------------------------------------------------------------------

def test_a_second_lkj_on_the_same_report_is_refused(bahan, tmp_path):
    laporan = _laporan(bahan, tmp_path / "laporan")
    kunci = berkas_kunci_lkj(laporan)
    kunci.write_text(f"{os.getpid()}\n{socket.gethostname()}\n{int(time.time())}\n",
                     encoding="utf-8")
    before = laporan.read_bytes()
    result = _perbarui(bahan["buku"], laporan)
    assert result.exit_code == 1
    jam = time.strftime("%H:%M")
    assert result.output == (
        f"Galat: LKj.docx sedang diolah lkj lain (proses {os.getpid()} di "
        f"{socket.gethostname()}, sejak {jam}); tunggu sampai selesai lalu ulangi. Bila tidak "
        f"ada lkj lain yang berjalan, hapus berkas {kunci} lalu ulangi. Tidak ada berkas yang "
        "ditulis\n")
    assert laporan.read_bytes() == before and kunci.exists()


def test_a_lock_left_by_a_crashed_lkj_is_taken_over(bahan, tmp_path):
    laporan = _laporan(bahan, tmp_path / "laporan")
    selesai = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                             capture_output=True, text=True, check=True)
    kunci = berkas_kunci_lkj(laporan)
    kunci.write_text(f"{selesai.stdout.strip()}\n{socket.gethostname()}\n{int(time.time())}\n",
                     encoding="utf-8")
    result = _perbarui(bahan["buku"], laporan)
    assert result.exit_code == 0, result.output
    assert _isi(laporan.parent) == ["LKj-sebelum-1.docx", "LKj.docx"]


@posix_only
def test_two_lkj_at_once_on_one_report(tmp_path):
    """Two real processes: while the first holds the report, the second is refused plainly;
    the first finishes, and no lock is left behind."""
    buku = many_indicators(tmp_path / "banyak.xlsx", sasaran=10, indikator=300)
    (tmp_path / "laporan").mkdir()
    laporan = build(buku, tmp_path / "laporan" / "LKj.docx").path
    cmd = [sys.executable, "-m", "generator", "perbarui", str(buku), str(laporan)]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    pertama = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    kunci = berkas_kunci_lkj(laporan)
    batas = time.monotonic() + 60
    while not kunci.exists() and pertama.poll() is None and time.monotonic() < batas:
        time.sleep(0.01)
    assert kunci.exists(), "the first run never held the report"
    kedua = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    out1, err1 = pertama.communicate(timeout=120)
    assert kedua.returncode == 1
    assert kedua.stderr.startswith("Galat: LKj.docx sedang diolah lkj lain (proses "
                                   f"{pertama.pid} di ")
    assert pertama.returncode == 0, err1
    assert not kunci.exists()


# --- a run that changes nothing --------------------------------------------------------------

def test_a_run_that_changes_nothing_writes_nothing_and_says_so(bahan, tmp_path):
    laporan = _laporan(bahan, tmp_path / "laporan")
    assert _perbarui(bahan["buku"], laporan).exit_code == 0
    merged = laporan.read_bytes()
    for args in ([bahan["buku"], laporan], [bahan["buku"], laporan, "-o",
                                            tmp_path / "laporan" / "hasil.docx"]):
        result = _perbarui(*args)
        assert result.exit_code == 0, result.output
        assert result.output.startswith("Tidak ada yang berubah: LKj.docx sudah memuat angka "
                                         "dari baru.xlsx. Tidak ada berkas yang ditulis")
        assert laporan.read_bytes() == merged
        assert _isi(laporan.parent) == ["LKj-sebelum-1.docx", "LKj.docx"]


def test_an_untouched_report_keeps_its_fingerprint_when_nothing_changes(bahan, tmp_path):
    laporan = _laporan(bahan, tmp_path / "laporan", sumber="asli")
    before = laporan.read_bytes()
    result = _perbarui(SAMPLE, laporan)
    assert result.exit_code == 0 and result.output.startswith("Tidak ada yang berubah")
    assert laporan.read_bytes() == before and output.is_untouched(laporan)
