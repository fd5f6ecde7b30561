"""A rejection's photos are checked against Upload Product Image's limits before anything is written or sent:
the type from the file's bytes, at most 10 MB, 100 to 20000 px a side; each refusal names the file and the fault."""

from __future__ import annotations

import struct

import pytest
from PIL import Image

from tokodesk.errors import UserError
from tokodesk.services.return_photos import check_photo, check_photos


def _heic(width: int, height: int) -> bytes:
    ftyp = struct.pack(">I", 24) + b"ftypheic" + b"\0\0\0\0" + b"mif1heic"
    ispe = struct.pack(">I", 20) + b"ispe" + b"\0\0\0\0" + struct.pack(">II", width, height)
    return ftyp + b"\0\0\0\x08meta" + ispe


def test_each_type_the_marketplace_takes_is_read_with_its_size(tmp_path):
    for fmt, mime in (("JPEG", "image/jpeg"), ("PNG", "image/png"), ("WEBP", "image/webp"), ("BMP", "image/bmp")):
        path = tmp_path / f"p.{fmt.lower()}"
        Image.new("RGB", (300, 200), (10, 20, 30)).save(path, fmt)
        photo = check_photo(path)
        assert (photo.mime_type, photo.width, photo.height, photo.name) == (mime, 300, 200, path.name)
    heic = tmp_path / "iphone.HEIC"
    heic.write_bytes(_heic(4032, 3024))
    assert (check_photo(heic).mime_type, check_photo(heic).width) == ("image/heic", 4032)


def test_what_the_marketplace_would_refuse_is_refused_here_by_name(tmp_path):
    big = tmp_path / "besar.jpg"
    big.write_bytes(b"\xff\xd8\xff" + b"\0" * (10 * 1024 * 1024))
    with pytest.raises(UserError, match=r"besar.jpg': 10.0 MB; Tokopedia & Shop takes at most 10 MB"):
        check_photo(big)
    wide = tmp_path / "panjang.png"
    Image.new("L", (20001, 100)).save(wide, "PNG")
    with pytest.raises(UserError, match=r"panjang.png': 20001×100 px"):
        check_photo(wide)
    pdf = tmp_path / "nota.jpg"
    pdf.write_bytes(b"%PDF-1.4\n...")
    cut = tmp_path / "terpotong.png"
    Image.new("RGB", (300, 300), (1, 2, 3)).save(cut, "PNG")
    cut.write_bytes(cut.read_bytes()[:40])
    empty = tmp_path / "kosong.jpg"
    empty.write_bytes(b"")
    with pytest.raises(UserError) as refused:
        check_photos([str(pdf), str(cut), str(empty)])
    text = str(refused.value)
    assert "nota.jpg': a PDF document; Tokopedia & Shop takes JPG, PNG, WEBP, HEIC or BMP" in text
    assert "terpotong.png': the PNG file cannot be read" in text and "kosong.jpg': the file is empty" in text
    assert text.endswith("Nothing was sent")


def test_the_same_picture_twice_is_refused(tmp_path):
    one = tmp_path / "a.jpg"
    Image.new("RGB", (300, 300), (5, 5, 5)).save(one, "JPEG")
    (tmp_path / "b.jpg").write_bytes(one.read_bytes())
    with pytest.raises(UserError, match="b.jpg': the same picture is attached twice"):
        check_photos([str(one), str(tmp_path / "b.jpg")])
