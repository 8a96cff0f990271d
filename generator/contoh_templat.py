"""The sample a customised template is checked with: a small workbook that fills every part of
every document, and each document's context of it (charts included)."""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal
from typing import Any

CONTOH_TRIWULAN = 2  # the quarter the quarterly report's template is tried with


def sample_data() -> Any:
    """A small DataLaporan with every optional part filled (quarters, activities, programs, a
    revised PK), so each list in every context has an item whose shape the check can follow."""
    from generator.model import KUMULATIF, BarisAnggaran, DataLaporan, Identitas, Indikator, Sasaran, Triwulan
    from generator.reading.schema import BAGIAN_NARASI, JENIS_RENSTRA, KELOMPOK_DAFTAR

    d = Decimal
    identitas = Identitas(
        instansi="Komisi Pemilihan Umum Kabupaten Contoh", nama_singkat="KPU Kabupaten Contoh",
        tahun=2024, periode_renstra="2020-2024", tempat="Contoh", tanggal=date(2025, 3, 13),
        jabatan_penandatangan="Sekretaris", nama_penandatangan="Nama", nip_penandatangan="1" * 18,
        tanggal_pk=date(2024, 1, 8), jabatan_atasan="Ketua", nama_atasan="Nama Ketua",
        alamat="Jalan Contoh", tanggal_pk_perubahan=date(2024, 7, 1),
    )
    indikator = Indikator(
        "Indikator", "%", d(75), d(80), realisasi_lalu=((2023, d(70)),),
        target_renstra=d(90), standar_nasional=d(78), penjelasan="Penjelasan",
        program_pendukung="Program", ref="'Kinerja'!B2", target_awal=d(70),
        triwulan=Triwulan((d(60), d(65), d(70), d(75)), (d(58), d(66), d(72), d(80)), KUMULATIF),
        rencana_aksi=("Kegiatan",),
    )
    return DataLaporan(
        identitas=identitas,
        sasaran=(Sasaran("Sasaran", (indikator,)),),
        anggaran=(BarisAnggaran("Rupiah Murni", d(100), d(90), "Uraian", "Sasaran",
                                program="Program", pagu_awal=d(90),
                                realisasi_triwulan=(d(20), d(20), d(25), d(25))),),
        renstra={jenis: ("Butir",) for jenis in JENIS_RENSTRA},
        sdm=(("S1", 1),),
        narasi={bagian: ("Teks",) for bagian in BAGIAN_NARASI},
        daftar={kelompok: ("Butir",) for kelompok in KELOMPOK_DAFTAR},
    )


def sample_context(dokumen: str = "lkj") -> dict[str, Any]:
    """The context lkj gives the template of document `dokumen` (generator.report.jenis), for
    a workbook that fills every part, charts included."""
    from generator.figures.capaian import hitung
    from generator.writing.charts import draw_charts
    from generator.report.jenis import JENIS

    jenis = JENIS[dokumen]
    ke = CONTOH_TRIWULAN if jenis.triwulan else None
    data = sample_data()
    hasil = hitung(data)
    return jenis.build(data, hasil, draw_charts(data, hasil, dokumen, ke), ke).context


@functools.cache
def kunci_contoh() -> frozenset[str]:
    """The keys of contexts that fill every part of every document (a workbook may leave parts
    out)."""
    from generator.guard.kebijakan import kunci
    from generator.report.jenis import JENIS

    return frozenset(k for kode in JENIS for k in kunci(sample_context(kode)))
