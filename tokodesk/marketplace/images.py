"""What kind of image a file is and its size in pixels, from its bytes (not its name): the photo checks of a
rejection (services/return_photos.py) and the sandbox's Upload Product Image use the same reading. Pillow reads
JPEG, PNG, WEBP and BMP headers; HEIC's size comes from its `ispe` box, which Pillow cannot open."""

from __future__ import annotations

import io
import struct

import requests

MAX_DOWNLOAD = 10 * 1024 * 1024


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


def download(url: str, *, timeout: float = 15.0, max_bytes: int = MAX_DOWNLOAD) -> bytes | None:
    """A photo the marketplace links to (the buyer's evidence: a signed CDN link, no API signing), or None when it
    cannot be had (gone, too big, not an image): a thumbnail is a help, never a reason to stop."""
    if not url.lower().startswith(("https://", "http://")):
        return None
    try:
        with requests.get(url, timeout=timeout, stream=True) as resp:
            if resp.status_code != 200:
                return None
            data = b""
            for chunk in resp.iter_content(64 * 1024):
                data += chunk
                if len(data) > max_bytes:
                    return None
    except requests.RequestException:
        return None
    return data if image_mime(data[:16]) else None
