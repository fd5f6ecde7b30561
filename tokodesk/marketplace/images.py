"""What kind of image a file is and its size in pixels, from its bytes (not its name): the photo checks of a
rejection (services/return_photos.py) and the sandbox's Upload Product Image use the same reading. Pillow reads
JPEG, PNG, WEBP and BMP headers; HEIC's size comes from its `ispe` box, which Pillow cannot open."""

from __future__ import annotations

import io
import struct


def image_mime(head: bytes) -> str | None:
    """The MIME type of an image Tokopedia & Shop takes, from a file's first 16 bytes; None for anything else."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:2] == b"BM":
        return "image/bmp"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"):
        return "image/heic"
    return None


def _heic_size(data: bytes) -> tuple[int, int] | None:
    # The image spatial extents property: 'ispe', 4 bytes version and flags, then width and height (big-endian).
    at = data.find(b"ispe")
    if at < 0 or at + 16 > len(data):
        return None
    return struct.unpack(">II", data[at + 8:at + 16])


def image_pixels(data: bytes, mime: str) -> tuple[int, int] | None:
    """(width, height), or None when the file cannot be read (damaged or cut short)."""
    if mime == "image/heic":
        return _heic_size(data)
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()  # a truncated or corrupt file is refused here, not by the marketplace
            return image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
