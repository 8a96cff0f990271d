"""The sample workbook: up to date with its source, read back exactly, the reference's figures."""

from __future__ import annotations

import dataclasses
import importlib.util

from sample_data import contoh_data
from doctools import ROOT

from generator import format as fmt
from generator.pipeline import check

SAMPLE = ROOT / "input" / "contoh.xlsx"


def _builder():
    spec = importlib.util.spec_from_file_location("build_sample", ROOT / "tools" / "build_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sample_workbook_is_rebuilt_identically(tmp_path):
    assert _builder().build(tmp_path / "contoh.xlsx").read_bytes() == SAMPLE.read_bytes(), (
        "input/contoh.xlsx is stale: run python tools/build_sample.py")


def _plain(data):
    """The data without the places it was read from."""
    sasaran = tuple(dataclasses.replace(s, indikator=tuple(dataclasses.replace(i, ref="")
                                                            for i in s.indikator))
                    for s in data.sasaran)
    anggaran = tuple(dataclasses.replace(b, ref="") for b in data.anggaran)
    pengaturan = dataclasses.replace(data.pengaturan, rumus_dinyatakan=False)
    return dataclasses.replace(data, sasaran=sasaran, anggaran=anggaran, pengaturan=pengaturan,
                               sumber=None)


def test_workbook_reads_back_as_the_data_it_was_written_from():
    assert _plain(check(SAMPLE).loaded.data) == _plain(contoh_data())


def test_reference_figures():
    checked = check(SAMPLE)
    hasil = checked.hasil
    assert fmt.angka(hasil.sasaran[0].indikator[2].capaian, 2) == "103,05"
    assert fmt.angka(hasil.sasaran[1].indikator[1].capaian, 2) == "100,00"
    assert fmt.angka(hasil.sasaran[0].capaian, 2) == "101,02"
    assert fmt.angka(hasil.capaian, 2) == "100,51"
    total = hasil.anggaran.total
    assert fmt.rupiah(total.pagu) == "Rp60.148.772.000"
    assert fmt.persen(total.persen, 2) == "99,74%"
    assert [fmt.rupiah(s.jumlah.pagu) for s in hasil.anggaran.sumber] == [
        "Rp20.350.023.000", "Rp39.798.749.000"]
    assert checked.warnings == ()
