"""Charts of the report as PNG files; matplotlib is imported only when a chart is drawn.

`lkj periksa` imports this module without drawing, so matplotlib (slow to import) is imported
inside the functions. No pyplot: each chart is a bare Figure on the Agg canvas, so no global
backend is switched and nothing is left open. Output is 15 cm wide at 200 dpi, greyscale-safe
(grey tones plus hatching), with Indonesian labels and numbers, and PNG metadata without the
matplotlib version so the same data gives the same bytes.

Public API (each returns None when there is nothing to plot):
- `grafik_capaian(hasil, pengaturan, folder, tahun=None) -> Grafik | None`: horizontal bars of
  capaian per indicator labelled `IK 1.1`...; `Grafik.keterangan` maps each label to the
  indicator's name for a legend under the picture. None when no indicator has a capaian.
- `grafik_anggaran(hasil_anggaran, folder, tahun=None) -> Grafik | None`: pagu and realisasi per
  sumber dana (plus the total when there are several), with the serapan percent. None when there
  is no budget line or every amount is 0.
- `grafik_tren(indikator, tahun, folder, kode="") -> Grafik | None`: realisasi per year with the
  current target as a dashed line. None when the indicator has no earlier realisasi.
`Grafik(path, judul, alt, keterangan)`: judul is the caption text (without "Grafik n."), alt the
alternative text describing the data for Word's Alt Text.
"""

from __future__ import annotations

import hashlib
import re
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.capaian import Hasil, HasilAnggaran, Realisasi
from generator.format import angka, nilai_satuan, persen, rupiah
from generator.model import NEGATIF, Indikator, Pengaturan

LEBAR_CM = 15.0
DPI = 200
HURUF = ("Arial", "Liberation Sans", "DejaVu Sans")  # Arial's metrics first, as in the report

GELAP, SEDANG, TERANG = "0.30", "0.55", "0.85"
ARSIR = "////"
# Value labels get a white box so a dashed target line running behind them stays readable.
KOTAK = {"facecolor": "white", "edgecolor": "none", "pad": 1.0}

# Rupiah axis scales: (divisor, axis label), largest first.
_SKALA_RUPIAH = (
    (Decimal(10) ** 12, "triliun rupiah"),
    (Decimal(10) ** 9, "miliar rupiah"),
    (Decimal(10) ** 6, "juta rupiah"),
    (Decimal(1), "rupiah"),
)


@dataclass(frozen=True)
class Grafik:
    """A chart written to `path`, its caption text and its alternative text.

    keterangan maps each short label on the chart to its full text (`IK 1.1` -> indicator name);
    empty when the chart needs no legend table.
    """

    path: Path
    judul: str
    alt: str
    keterangan: tuple[tuple[str, str], ...] = ()


# --- drawing machinery -----------------------------------------------------------------------


def _huruf() -> str:
    """The first installed family of HURUF; DejaVu Sans ships with matplotlib."""
    from matplotlib import font_manager

    ada = {f.name for f in font_manager.fontManager.ttflist}
    return next((nama for nama in HURUF if nama in ada), "DejaVu Sans")


@contextmanager
def _gaya() -> Iterator[None]:
    """Fonts and lines for every chart, restored afterwards."""
    import matplotlib

    rc = {
        "font.family": "sans-serif", "font.sans-serif": [_huruf()], "font.size": 9,
        "axes.spines.top": False, "axes.spines.right": False, "axes.linewidth": 0.8,
        "hatch.linewidth": 0.8, "hatch.color": "black", "legend.frameon": False,
        "axes.unicode_minus": False,
    }
    with matplotlib.rc_context(rc):
        yield


def _kanvas(tinggi_cm: float) -> Any:
    """A Figure LEBAR_CM wide on the Agg canvas, laid out by constrained layout."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(LEBAR_CM / 2.54, tinggi_cm / 2.54), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _simpan(fig: Any, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="png", dpi=DPI, metadata={"Software": None})
    return path


def _format_sumbu(ax: Any, sumbu: str) -> None:
    """Tick labels the Indonesian way (`12,5`, `1.000`)."""
    from matplotlib.ticker import FuncFormatter

    def teks(nilai: float, _pos: int) -> str:
        return angka(Decimal(repr(round(float(nilai), 4))))

    (ax.xaxis if sumbu == "x" else ax.yaxis).set_major_formatter(FuncFormatter(teks))


def _slug(teks: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", teks.lower()).strip("-")


# --- capaian per indicator -------------------------------------------------------------------


@dataclass(frozen=True)
class _Batang:
    kode: str
    nama: str
    capaian: Decimal | None
    tercapai: bool | None
    diisi: bool  # realisasi given


def _batang_capaian(hasil: Hasil) -> list[_Batang]:
    return [_Batang(kode, hi.indikator.nama, hi.capaian, hi.tercapai,
                    hi.indikator.realisasi is not None)
            for kode, hi in hasil.berkode()]


def _gambar_capaian(ax: Any, batang: list[_Batang], desimal: int) -> None:
    nilai = [float(b.capaian or 0) for b in batang]
    bars = ax.barh(range(len(batang)), nilai, height=0.6, edgecolor="black", linewidth=0.6)
    for bar, b in zip(bars, batang, strict=True):
        bar.set_facecolor(GELAP if b.tercapai else "white")
        bar.set_hatch("" if b.tercapai else ARSIR)
    ada = [v for b, v in zip(batang, nilai, strict=True) if b.capaian is not None]
    kanan = max(110.0, max(ada) * 1.15)
    geser = kanan * 0.01
    for y, (b, v) in enumerate(zip(batang, nilai, strict=True)):
        label = angka(b.capaian, desimal) if b.capaian is not None else _tanpa_capaian(b)
        ax.text(max(v, 0) + geser, y, label, va="center", fontsize=8, bbox=KOTAK,
                fontstyle="normal" if b.capaian is not None else "italic")
    ax.axvline(100, color="black", linestyle="--", linewidth=1)
    ax.set_xlim(min(0.0, min(ada) * 1.15), kanan)
    ax.set_yticks(range(len(batang)), [b.kode for b in batang])
    ax.invert_yaxis()
    ax.set_xlabel("Capaian (%)")
    _format_sumbu(ax, "x")


def _tanpa_capaian(b: _Batang) -> str:
    return "tidak dapat dihitung" if b.diisi else "belum diisi"


def _legenda_capaian(fig: Any, batang: list[_Batang]) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=GELAP, edgecolor="black", label="Mencapai target")]
    if any(b.tercapai is False for b in batang):
        handles.append(Patch(facecolor="white", edgecolor="black", hatch=ARSIR,
                             label="Belum mencapai target"))
    handles.append(Line2D([], [], color="black", linestyle="--", label="Capaian 100"))
    fig.legend(handles=handles, loc="outside lower center", ncol=len(handles))


def _alt_capaian(batang: list[_Batang], desimal: int, tahun: str) -> str:
    nilai = "; ".join(
        f"{b.kode} {angka(b.capaian, desimal) if b.capaian is not None else _tanpa_capaian(b)}"
        + ("" if b.tercapai is not False else " (belum mencapai target)")
        for b in batang
    )
    return f"Grafik batang mendatar capaian {len(batang)} indikator kinerja{tahun}; garis " \
           f"putus-putus menandai capaian 100. {nilai}."


def grafik_capaian(hasil: Hasil, pengaturan: Pengaturan, folder: Path,
                   tahun: int | None = None) -> Grafik | None:
    """Capaian per indicator as `capaian.png` in folder; None when no indicator has a capaian."""
    batang = _batang_capaian(hasil)
    if not any(b.capaian is not None for b in batang):
        return None
    with _gaya():
        fig = _kanvas(min(22.0, 3.5 + 0.75 * len(batang)))
        _gambar_capaian(fig.add_subplot(), batang, pengaturan.desimal)
        _legenda_capaian(fig, batang)
        path = _simpan(fig, Path(folder) / "capaian.png")
    pada = f" Tahun {tahun}" if tahun else ""
    return Grafik(path, f"Capaian Indikator Kinerja{pada}",
                  _alt_capaian(batang, pengaturan.desimal, pada.lower()),
                  tuple((b.kode, b.nama) for b in batang))


# --- budget ----------------------------------------------------------------------------------


def _skala_rupiah(terbesar: Decimal) -> tuple[Decimal, str]:
    return next((s for s in _SKALA_RUPIAH if terbesar >= s[0]), _SKALA_RUPIAH[-1])


def _kelompok_anggaran(hasil_anggaran: HasilAnggaran) -> list[tuple[str, Realisasi]]:
    kelompok = [(s.nama, s.jumlah) for s in hasil_anggaran.sumber]
    if len(kelompok) > 1:
        kelompok.append(("Jumlah", hasil_anggaran.total))
    return kelompok


def _gambar_anggaran(ax: Any, kelompok: list[tuple[str, Realisasi]]) -> None:
    terbesar = max(max(r.pagu, r.realisasi) for _, r in kelompok)
    pembagi, satuan = _skala_rupiah(terbesar)
    x = range(len(kelompok))
    pagu = [float(r.pagu / pembagi) for _, r in kelompok]
    real = [float(r.realisasi / pembagi) for _, r in kelompok]
    lebar = 0.38
    ax.bar([i - lebar / 2 for i in x], pagu, lebar, color=TERANG, edgecolor="black",
           linewidth=0.6, label="Pagu")
    ax.bar([i + lebar / 2 for i in x], real, lebar, color=GELAP, edgecolor="black",
           linewidth=0.6, label="Realisasi")
    puncak = max(pagu + real)
    for i, (_, r) in enumerate(kelompok):
        ax.text(i, max(pagu[i], real[i]) + puncak * 0.02, persen(r.persen), ha="center",
                va="bottom", fontsize=8)
    ax.set_ylim(0, puncak * 1.15 if puncak > 0 else 1)
    # At least three slots wide, so one or two sources do not give bars half a page wide.
    tepi = max(0.0, (3 - len(kelompok)) / 2)
    ax.set_xlim(-0.5 - tepi, len(kelompok) - 0.5 + tepi)
    ax.set_xticks(list(x), [textwrap.fill(nama, 20) for nama, _ in kelompok])
    ax.set_ylabel(f"Anggaran ({satuan})")
    _format_sumbu(ax, "y")


def _alt_anggaran(kelompok: list[tuple[str, Realisasi]], tahun: str) -> str:
    isi = "; ".join(f"{nama}: pagu {rupiah(r.pagu)}, realisasi {rupiah(r.realisasi)} "
                    f"({persen(r.persen)})" for nama, r in kelompok)
    return f"Grafik batang pagu dan realisasi anggaran{tahun} per sumber dana; angka di atas " \
           f"batang adalah persentase realisasi terhadap pagu. {isi}."


def grafik_anggaran(hasil_anggaran: HasilAnggaran, folder: Path,
                    tahun: int | None = None) -> Grafik | None:
    """Pagu and realisasi per sumber dana as `anggaran.png`; None without any amount."""
    kelompok = _kelompok_anggaran(hasil_anggaran)
    if not any(r.pagu or r.realisasi for _, r in kelompok):
        return None
    with _gaya():
        fig = _kanvas(8.0)
        _gambar_anggaran(fig.add_subplot(), kelompok)
        fig.legend(loc="outside lower center", ncol=2)
        path = _simpan(fig, Path(folder) / "anggaran.png")
    pada = f" Tahun {tahun}" if tahun else ""
    return Grafik(path, f"Pagu dan Realisasi Anggaran per Sumber Dana{pada}",
                  _alt_anggaran(kelompok, pada.lower()))


# --- trend of one indicator ------------------------------------------------------------------


def _titik_tren(indikator: Indikator, tahun: int) -> list[tuple[int, Decimal | None]]:
    return [*indikator.realisasi_lalu, (tahun, indikator.realisasi)]


def _label_sumbu(satuan: str) -> str:
    satuan = satuan.strip()
    return f"Realisasi ({satuan})" if satuan else "Realisasi"


def _gambar_tren(ax: Any, indikator: Indikator, tahun: int) -> None:
    titik = _titik_tren(indikator, tahun)
    nilai = [float(v) if v is not None else 0.0 for _, v in titik]
    warna = [SEDANG] * (len(titik) - 1) + [GELAP]
    ax.bar(range(len(titik)), nilai, 0.55, color=warna, edgecolor="black", linewidth=0.6)
    target = float(indikator.target)
    atas = max([*nilai, target]) or 1.0
    for i, (_, v) in enumerate(titik):
        label = nilai_satuan(v, indikator.satuan) if v is not None else "belum diisi"
        ax.text(i, max(nilai[i], 0) + atas * 0.02, label, ha="center", va="bottom", fontsize=8,
                bbox=KOTAK, fontstyle="normal" if v is not None else "italic")
    ax.axhline(target, color="black", linestyle="--", linewidth=1,
               label=f"Target {tahun}: {nilai_satuan(indikator.target, indikator.satuan)}")
    ax.set_ylim(min(0.0, min(nilai) * 1.15), atas * 1.18)
    ax.set_xticks(range(len(titik)), [str(t) for t, _ in titik])
    ax.set_xlabel("Tahun")
    ax.set_ylabel(_label_sumbu(indikator.satuan))
    _format_sumbu(ax, "y")
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), borderaxespad=0.2)


def _nama_berkas_tren(indikator: Indikator, kode: str) -> str:
    if _slug(kode):
        return f"tren-{_slug(kode)}.png"
    return f"tren-{hashlib.sha1(indikator.nama.encode('utf-8')).hexdigest()[:10]}.png"


def _alt_tren(indikator: Indikator, tahun: int, nama: str) -> str:
    isi = "; ".join(f"{t}: {nilai_satuan(v, indikator.satuan) if v is not None else 'belum diisi'}"
                    for t, v in _titik_tren(indikator, tahun))
    arah = " Indikator negatif: makin kecil realisasi makin baik." \
        if indikator.polaritas == NEGATIF else ""
    return f"Grafik batang realisasi {nama} per tahun, dengan garis putus-putus target tahun " \
           f"{tahun} sebesar {nilai_satuan(indikator.target, indikator.satuan)}. {isi}.{arah}"


def grafik_tren(indikator: Indikator, tahun: int, folder: Path, kode: str = "") -> Grafik | None:
    """Realisasi per year with the year's target; None without earlier realisasi.

    kode (`IK 1.2`) names the file and the caption; without it a hash of the name is used.
    """
    if not indikator.realisasi_lalu:
        return None
    with _gaya():
        fig = _kanvas(7.5)
        _gambar_tren(fig.add_subplot(), indikator, tahun)
        path = _simpan(fig, Path(folder) / _nama_berkas_tren(indikator, kode))
    nama = kode or indikator.nama
    awal = indikator.realisasi_lalu[0][0]
    return Grafik(path, f"Perkembangan Realisasi {nama} Tahun {awal}–{tahun}",
                  _alt_tren(indikator, tahun, nama), ((kode, indikator.nama),) if kode else ())
