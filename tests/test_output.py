"""Nothing lost: fingerprints of lkj's own output, reports beside edited ones, atomic writes."""

from __future__ import annotations

import docx
import pytest

from generator.errors import LkjError
from generator.files.output import atomic_target, choose_target, is_untouched, stamp, stored_fingerprint


def _report(path, text="Laporan"):
    document = docx.Document()
    document.add_paragraph(text)
    document.save(path)
    return path


def _edit(path, text="ditambah tangan"):
    document = docx.Document(path)
    document.add_paragraph(text)
    document.save(path)


def test_stamped_report_is_recognised_and_reopens(tmp_path):
    path = _report(tmp_path / "a.docx")
    stamp(path)
    assert is_untouched(path)
    assert len(stored_fingerprint(path)) == 64
    assert docx.Document(path).paragraphs[0].text == "Laporan"


def test_edited_report_is_not_untouched(tmp_path):
    path = _report(tmp_path / "a.docx")
    stamp(path)
    _edit(path)
    assert not is_untouched(path)


def test_foreign_docx_is_not_untouched(tmp_path):
    assert not is_untouched(_report(tmp_path / "a.docx"))


def test_choose_target_replaces_untouched_output(tmp_path):
    path = _report(tmp_path / "a.docx")
    stamp(path)
    assert choose_target(path, overwrite=False) == (path, False)


def test_choose_target_goes_beside_an_edited_report(tmp_path):
    path = _report(tmp_path / "a.docx")
    stamp(path)
    _edit(path)
    assert choose_target(path, overwrite=False) == (tmp_path / "a-2.docx", True)
    (tmp_path / "a-2.docx").write_bytes(b"also edited")
    assert choose_target(path, overwrite=False) == (tmp_path / "a-3.docx", True)
    assert choose_target(path, overwrite=True) == (path, False)


def test_atomic_target_moves_into_place_only_on_success(tmp_path):
    target = tmp_path / "laporan.docx"
    target.write_bytes(b"earlier report")
    with pytest.raises(RuntimeError), atomic_target(target) as temp:
        temp.write_bytes(b"half a rep")
        raise RuntimeError("failure injected in the middle of writing")
    assert target.read_bytes() == b"earlier report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laporan.docx"]
    with atomic_target(target) as temp:
        temp.write_bytes(b"new report")
    assert target.read_bytes() == b"new report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laporan.docx"]


def test_atomic_target_in_missing_folder(tmp_path):
    with pytest.raises(LkjError) as caught, atomic_target(tmp_path / "tidak-ada" / "a.docx"):
        pass
    assert "folder keluaran" in str(caught.value)


def test_a_sigterm_a_library_swallowed_still_stops_before_the_report_is_replaced(tmp_path):
    """An exception raised inside a weakref or gc callback is only printed; the stop holds."""
    import contextlib
    import os
    import signal

    from generator.files.output import Interrupted, atomic_target, interruptible

    target = tmp_path / "laporan.docx"
    target.write_bytes(b"laporan lama")
    with pytest.raises(Interrupted), interruptible():
        with contextlib.suppress(KeyboardInterrupt):  # a library swallowing the signal's exception
            os.kill(os.getpid(), signal.SIGTERM)
        with atomic_target(target) as temp:
            temp.write_bytes(b"laporan baru")
    assert target.read_bytes() == b"laporan lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laporan.docx"]


def test_a_stop_inside_a_section_waits_for_its_end():
    """A file being made or removed is never cut in two: the stop is raised after it."""
    import os
    import signal

    from generator.files.henti import tanpa_sela
    from generator.files.output import Interrupted, interruptible

    done = []
    with pytest.raises(Interrupted), interruptible():
        with tanpa_sela():
            os.kill(os.getpid(), signal.SIGTERM)
            done.append("the section ran to its end")
        done.append("after the section")
    assert done == ["the section ran to its end"]


def test_a_stop_while_the_lock_is_made_leaves_no_lock(tmp_path):
    import os
    import signal

    from generator.files.berkas_terbuka import KunciLkj, berkas_kunci_lkj
    from generator.files.output import Interrupted, interruptible

    class Kunci(KunciLkj):
        @property
        def isi(self) -> str:  # read while the lock file is written: the stop comes then
            os.kill(os.getpid(), signal.SIGTERM)
            return "1\nkomputer\n0\n"

        @isi.setter
        def isi(self, _: str) -> None:
            pass

    target = tmp_path / "laporan.docx"
    with pytest.raises(Interrupted), interruptible(), Kunci(target):
        pytest.fail("the stop must end the run before the locked work starts")
    assert not berkas_kunci_lkj(target).exists()
    assert list(tmp_path.iterdir()) == []
