"""`lkj perbarui` as a library call: a workbook's figures into a report a person finished.

The report is checked first (a .docx with lkj's marks, not open in Word or LibreOffice, not
read-only, not being written by another lkj), then the workbook, then whose report it is
(generator.writing.identitas_laporan). A fresh rendering is merged into the report
(generator.merge.perbarui); a run that changes nothing writes nothing. Otherwise the report is
replaced in place after a copy is kept (generator.merge.ganti), or the result goes to `-o`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.errors import LkjError
from generator.pipeline import (
    Checked,
    _check_destination,
    _check_package,
    _check_report,
    _contents,
    _same,
    _without_marks,
    check,
    check_replaceable,
    require,
)


@dataclass(frozen=True)
class Updated:
    """A report that took new figures: where it is, the earlier version kept, what was listed,
    the `-o` file that was kept because a person had edited it (then path is beside it),
    whether anything changed (when not, nothing was written and `path` is the report), and
    notes for the person (identity, a report of an earlier lkj)."""

    checked: Checked
    path: Path
    cadangan: Path | None
    hasil: object  # perbarui.HasilGabung
    beside_edited: Path | None = None
    berubah: bool = True
    catatan: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()  # what was cut from the report and template, as lines


def update(workbook: Path, laporan: Path, out: Path | None = None, template: Path | None = None,
           grafik: bool = True, progress: Callable[[str], None] | None = None,
           ganti_identitas: bool = False) -> Updated:
    """Carry the workbook's figures into `laporan`, a report lkj made and a person finished.

    Without `out` the report is updated in place after a copy of it is kept beside it; with
    `out` the report is left as it is. A symbolic link is followed to the real report.
    Nothing is written when anything fails, or when nothing would change.
    `ganti_identitas` accepts a workbook of another satker or year.
    """
    from generator.files.berkas_terbuka import KunciLkj
    from generator.files.output import choose_target, interruptible, real_path

    step = progress or (lambda stage: None)
    with interruptible():
        in_place = out is None or _same(out, laporan)
        # A report made without charts stays without: charts are drawn only when it has some.
        grafik = _check_report(laporan) and grafik
        dari_laporan = _check_package(laporan, "laporan")
        removed = dari_laporan + _check_package(template, "templat")
        asli = real_path(laporan)
        moved = False
        if in_place:
            target = asli
            _check_destination(workbook, laporan, template)
        else:
            _check_destination(workbook, out, template)
            target, moved = choose_target(out, overwrite=False)
        check_replaceable(real_path(target))
        with KunciLkj(real_path(target)):
            step("memeriksa buku kerja")
            checked = require(check(workbook), "lkj", workbook.name)
            kerja = _Pembaruan(checked, workbook, asli, template, grafik, step, ganti_identitas)
            # what was cut from the report is a change, even when every figure stays
            done = kerja.jalankan(target, in_place, dibersihkan=bool(dari_laporan))
        return dataclasses.replace(done, beside_edited=out if moved and done.berubah else None,
                                   removed=removed)


class _Pembaruan:
    """One run: render, read, check whose report it is, merge, save."""

    def __init__(self, checked, workbook, laporan, template, grafik, step, ganti_identitas):
        self.checked, self.workbook, self.laporan = checked, workbook, laporan
        self.template, self.grafik, self.step = template, grafik, step
        self.ganti_identitas = ganti_identitas
        self.catatan: list[str] = []

    def jalankan(self, target: Path, in_place: bool, dibersihkan: bool = False) -> Updated:
        from generator.files.output import reason

        try:
            lama, hasil, berubah, sidik_awal = self._gabung()
            if not berubah and not dibersihkan:
                self.step("selesai")
                return Updated(self.checked, self.laporan, None, hasil, berubah=False,
                               catatan=tuple(self.catatan))
            cadangan = self._simpan(lama, target, in_place, sidik_awal)
        except OSError as exc:
            raise LkjError(f"laporan tidak dapat diperbarui ({reason(exc)}); tidak ada berkas "
                           "yang ditulis") from exc
        self.step("selesai")
        return Updated(self.checked, target, cadangan, hasil, catatan=tuple(self.catatan))

    def _render(self):
        """The fresh rendering (python-docx Document), and its marks' ids before version 2 of
        the marks (old id -> new id)."""
        import docx

        from generator.writing.identitas_laporan import dari_konteks
        from generator.marks.penamaan import PETA_V1
        from generator.writing.render import render_report

        laporan_baru = _contents(self.checked, self.template, self.grafik, self.step)
        self.identitas = dari_konteks(laporan_baru.context, self.workbook.name)
        peta: dict[str, str] = {}
        with tempfile.TemporaryDirectory(prefix="lkj-") as folder:
            token = PETA_V1.set(peta)
            try:
                path = render_report(laporan_baru.context, Path(folder) / "baru.docx",
                                     self.template)
            finally:
                PETA_V1.reset(token)
            return docx.Document(str(path)), peta

    def _gabung(self):
        import docx

        from generator.writing import identitas_laporan as ident
        from generator.marks.kunci import PROPERTI_VERSI, VERSI
        from generator.files.output import PROPERTY
        from generator.files.paket_docx import buka
        from generator.marks.penamaan import daftar_ulang_v1, namai_ulang_v1
        from generator.merge.perbarui import BukanLaporanLkj, Penggabung
        from generator.files.properti import baca_properti, buang_properti, tulis_properti
        from generator.files.sidik_paket import sidik_paket
        from generator.marks.tanda import baca_daftar, simpan_daftar

        baru, peta = self._render()
        self.step("menggabungkan")
        data = self.laporan.read_bytes()  # its hash tells a save by another program meanwhile
        lama = docx.Document(buka(self.laporan, "laporan"))
        props = baca_properti(lama)
        body = lama.element.body
        self._catat(ident.periksa(ident.dari_properti(props) or ident.dari_tanda(body),
                                  self.identitas, self.laporan.name, self.ganti_identitas))
        sebelum = sidik_paket(lama)
        daftar = baca_daftar(props)
        if props.get(PROPERTI_VERSI) != VERSI:  # marks of an lkj before keys: renamed once
            namai_ulang_v1(body, peta)
            daftar = daftar_ulang_v1(daftar, peta)
        try:
            hasil = Penggabung(lama, baru, daftar).gabung()
        except BukanLaporanLkj:  # "_lkj" in the text, but no mark lkj can read
            raise _without_marks(self.laporan) from None
        simpan_daftar(lama, hasil.daftar)
        tulis_properti(lama, self.identitas.properti())
        berubah = sidik_paket(lama) != sebelum
        # The result holds a person's work: no "untouched lkj output" fingerprint, so a later
        # `lkj buat` never replaces it silently.
        buang_properti(lama, PROPERTY)
        return lama, hasil, berubah, hashlib.sha256(data).hexdigest()

    def _catat(self, teks: str) -> None:
        if teks:
            self.catatan.append(teks)

    def _simpan(self, lama, target: Path, in_place: bool, sidik_awal: str) -> Path | None:
        from generator.merge.ganti import ganti_dengan_cadangan
        from generator.files.output import atomic_target

        self.step("menyimpan")
        if in_place:
            return ganti_dengan_cadangan(target, lambda temp: lama.save(str(temp)), sidik_awal)
        with atomic_target(target, check_open=True) as temp:
            lama.save(str(temp))
        return None
