"""Hostile and damaged .docx files for tests, made by rewriting zip entries of a good one."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

Change = bytes | Callable[[bytes], bytes] | None
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "[Content_Types].xml"
DOC_RELS = "word/_rels/document.xml.rels"


def rewrite(src: Path, dst: Path, changes: dict[str, Change]) -> Path:
    """`src` with parts replaced (bytes, or a function of the old bytes), dropped (None) or
    added; every other part copied as it is."""
    out = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        names = zin.namelist()
        for name in names:
            change = changes.get(name, zin.read(name))
            if callable(change):
                change = change(zin.read(name))
            if change is not None:
                zout.writestr(name, change)
        for name, change in changes.items():
            if name not in names and isinstance(change, bytes):
                zout.writestr(name, change)
    dst.write_bytes(out.getvalue())
    return dst


def flip_bytes(src: Path, dst: Path, part: str = "word/document.xml") -> Path:
    """`src` with bytes flipped inside the compressed data of `part` (zlib fails on it)."""
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as archive:
        info = archive.getinfo(part)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(5):
        data[start + 200 + k * 37] ^= 0x55
    dst.write_bytes(bytes(data))
    return dst


def inflating(src: Path, dst: Path, size: int, part: str = "word/document.xml") -> Path:
    """`src` whose `part` unpacks to `size` more bytes (a comment of spaces): a zip bomb."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED,
                                                      compresslevel=9) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename != part:
                zout.writestr(info.filename, data)
                continue
            close = data.rindex(b"</")
            with zout.open(part, "w", force_zip64=True) as stream:
                stream.write(data[:close] + b"<!--")
                block = b" " * (1 << 20)
                for _ in range(size >> 20):
                    stream.write(block)
                stream.write(b"-->" + data[close:])
    return dst


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "haha">'
          + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10)
                     for i in range(9))
          + b']><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
          b'custom-properties"><property name="x">&j;</property></Properties>')


def doctype(xml: bytes) -> bytes:
    """A document with an external entity in its DTD and a reference to it in the body."""
    root = xml.index(b"<w:document")
    body = xml[root:].replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>", 1)
    return (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM '
            b'"file:///etc/passwd">]>' + body)


def drop_rel(kind: str) -> Callable[[bytes], bytes]:
    """The relationships without those of type `kind` (styles, numbering, ...)."""
    return lambda xml: re.sub(rb'<Relationship [^>]*relationships/' + kind.encode()
                              + rb'"[^>]*/>', b"", xml)


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A one-colour PNG, written by hand."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                                0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _picture(rid: str, n: int) -> str:
    return (
        '<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp='
        '"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        f'<wp:extent cx="3600000" cy="2160000"/><wp:docPr id="{9000 + n}" name="Tautan {n}"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:nvPicPr><pic:cNvPr id="{9000 + n}" name="tautan.png"/><pic:cNvPicPr/>'
        f'</pic:nvPicPr><pic:blipFill><a:blip r:link="{rid}" xmlns:r="{R[:-1]}"/>'
        '<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" '
        'y="0"/><a:ext cx="3600000" cy="2160000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        '</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>'
        '</w:r></w:p>')


def _field(instr: str, shown: str) -> str:
    """A complex field whose instruction is split over two runs, as Word often writes it."""
    return ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
            f'xml:space="preserve"> {instr[:6]}</w:instrText></w:r><w:r><w:instrText '
            f'xml:space="preserve">{instr[6:]} </w:instrText></w:r><w:r><w:fldChar '
            f'w:fldCharType="separate"/></w:r><w:r><w:t>{shown}</w:t></w:r><w:r><w:fldChar '
            'w:fldCharType="end"/></w:r></w:p>')


def _at_start(body: str) -> Callable[[bytes], bytes]:
    def change(xml: bytes) -> bytes:
        at = xml.index(b"<w:body>") + len(b"<w:body>")
        return xml[:at] + body.encode() + xml[at:]
    return change


def _with_rels(rels: list[tuple[str, str, str]]) -> Callable[[bytes], bytes]:
    extra = "".join(f'<Relationship Id="{rid}" Type="{R}{kind}" Target="{target}" '
                    'TargetMode="External"/>' for rid, kind, target in rels)
    return lambda xml: xml.replace(b"</Relationships>", extra.encode() + b"</Relationships>")


def linked_pictures(src: Path, dst: Path, targets: list[str]) -> Path:
    """`src` with a picture linked (not embedded) to each target at the start of the body."""
    body = "".join(_picture(f"rIdLuar{n}", n) for n in range(len(targets)))
    rels = [(f"rIdLuar{n}", "image", t) for n, t in enumerate(targets)]
    return rewrite(src, dst, {"word/document.xml": _at_start(body), DOC_RELS: _with_rels(rels)})


FIELDS = [
    ('INCLUDEPICTURE "http://127.0.0.1:9/x.png" \\d', "hasil gambar sisipan"),
    ('DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc"', "hasil dde"),
    ('LINK Excel.Sheet.12 "\\\\\\\\server\\\\share\\\\data.xlsx" "Lembar1!R1C1"', "hasil tautan"),
]
SIMPLE = ('<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;file:///C:/rahasia.docx&quot; ">'
          '<w:r><w:t>teks sisipan</w:t></w:r></w:fldSimple></w:p>')
LINKS = ('<w:p><w:hyperlink r:id="rIdAman"><w:r><w:t>situs KPU</w:t></w:r></w:hyperlink></w:p>'
         '<w:p><w:hyperlink r:id="rIdBerkas"><w:r><w:t>berkas bersama</w:t></w:r></w:hyperlink>'
         '</w:p>')
OLE = ('<w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" '
       'Type="Link" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" r:id="rIdOle" '
       'UpdateMode="Always"/></w:object></w:r></w:p>')


def reaching_out(src: Path, dst: Path, http: str = "http://127.0.0.1:9/gambar.png") -> Path:
    """`src` with everything that reaches outside a package: a linked picture, an attached
    template on a share, fetching fields (complex and simple), an OLE link, a hyperlink to a
    file share; and one ordinary web hyperlink, which must stay."""
    body = _picture("rIdLuar0", 0) + "".join(_field(i, s) for i, s in FIELDS) + SIMPLE \
        + LINKS + OLE
    rels = [("rIdLuar0", "image", http), ("rIdAman", "hyperlink", "https://www.kpu.go.id/"),
            ("rIdBerkas", "hyperlink", "file://///server/share/data.xlsx"),
            ("rIdOle", "oleObject", "file:///C:/data/anggaran.xlsx")]
    settings_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
                     'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                     f'<Relationship Id="rIdT1" Type="{R}attachedTemplate" '
                     'Target="\\\\server\\share\\kop.dotm" TargetMode="External"/>'
                     '</Relationships>').encode()
    return rewrite(src, dst, {
        "word/document.xml": _at_start(body), DOC_RELS: _with_rels(rels),
        "word/settings.xml": lambda xml: re.sub(
            rb"(<w:settings[^>]*>)", rb'\1<w:attachedTemplate r:id="rIdT1"/>', xml, count=1),
        "word/_rels/settings.xml.rels": settings_rels})
