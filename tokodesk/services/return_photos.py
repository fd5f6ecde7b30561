"""Photos the seller attaches to a rejection, checked on this PC before anything is written or sent.

Tokopedia & Shop takes a rejection's photos as images uploaded first (Upload Product Image, `POST
/product/202309/images/upload`), each named in Reject Return's `images[]` by the `uri` the upload returned
(`image_id`) with its `mime_type`, `width` and `height`. The upload's limits, from the same reference: JPG, JPEG, PNG,
WEBP, HEIC or BMP; at most 10 MB; from 100×100 to 20000×20000 px. A file outside them is refused here, by name and
with what is wrong, so a rejection is never half-sent because its third photo was a PDF.

The type is read from the file's first bytes, not its name (a renamed .gif is still a GIF); the size in pixels from
its header (Pillow; HEIC from its `ispe` box, which Pillow cannot open).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path

from tokodesk.errors import UserError
from tokodesk.marketplace.images import image_mime, image_pixels

MAX_BYTES = 10 * 1024 * 1024
MIN_SIDE, MAX_SIDE = 100, 20000
TYPES = "JPG, PNG, WEBP, HEIC or BMP"


class PhotoRefused(UserError):
    """A photo the marketplace would refuse: `fault` (missing | empty | too_big | type | unreadable | pixels) and its
    figures, for a window that says it in the seller's language; the text is the English message."""

    def __init__(self, message: str, path: str, fault: str, *figures: object) -> None:
        super().__init__(message)
        self.path, self.fault, self.figures = path, fault, figures


@dataclass
class Photo:
    """One checked photo, as the outbox keeps it until the rejection is sent (`image_id` once uploaded)."""

    path: str
    name: str
    sha256: str
    mime_type: str
    width: int
    height: int
    size: int
    image_id: str | None = None

    def as_payload(self) -> dict:
        return asdict(self)


def _kind_of(head: bytes) -> str:
    """What an unsupported file looks like, for the message."""
    for magic, kind in ((b"GIF8", "a GIF image"), (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive"),
                        (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image")):
        if head.startswith(magic):
            return kind
    if head[4:8] == b"ftyp":
        return "a video"
    return "not an image"


def check_photo(path: str | Path) -> Photo:
    """The photo at `path`, checked against the upload's limits; UserError naming the file and what is wrong."""
    file = Path(path).expanduser()
    label = f"photo {str(path)!r}"
    if not file.is_file():
        raise PhotoRefused(f"{label}: no such file (check the path)", str(path), "missing")
    size = file.stat().st_size
    if size == 0:
        raise PhotoRefused(f"{label}: the file is empty", str(path), "empty")
    if size > MAX_BYTES:
        raise PhotoRefused(f"{label}: {size / 1024 / 1024:.1f} MB; Tokopedia & Shop takes at most 10 MB a photo "
                           "(save it smaller, e.g. as JPG)", str(path), "too_big", f"{size / 1024 / 1024:.1f}")
    data = file.read_bytes()
    mime = image_mime(data[:16])
    if mime is None:
        raise PhotoRefused(f"{label}: {_kind_of(data[:16])}; Tokopedia & Shop takes {TYPES} photos", str(path),
                           "type")
    pixels = image_pixels(data, mime)
    if pixels is None:
        raise PhotoRefused(f"{label}: the {mime.split('/')[1].upper()} file cannot be read (damaged or cut short)",
                           str(path), "unreadable")
    width, height = pixels
    if min(width, height) < MIN_SIDE or max(width, height) > MAX_SIDE:
        raise PhotoRefused(f"{label}: {width}×{height} px; a photo must be from {MIN_SIDE}×{MIN_SIDE} to "
                           f"{MAX_SIDE}×{MAX_SIDE} px", str(path), "pixels", width, height)
    return Photo(path=str(file.resolve()), name=file.name, sha256=hashlib.sha256(data).hexdigest(), mime_type=mime,
                 width=width, height=height, size=size)


def check_photos(paths: list[str] | tuple[str, ...]) -> list[Photo]:
    """Every photo checked; one message listing each refused file (nothing is written when any is refused)."""
    photos, problems, seen = [], [], set()
    for path in paths:
        try:
            photo = check_photo(path)
        except UserError as exc:
            problems.append(str(exc))
            continue
        if photo.sha256 in seen:
            problems.append(f"photo {str(path)!r}: the same picture is attached twice")
            continue
        seen.add(photo.sha256)
        photos.append(photo)
    if problems:
        raise UserError("; ".join(problems) + ". Nothing was sent")
    return photos


def read_for_upload(photo: dict) -> bytes:
    """The bytes of a photo the outbox kept, provided the file is still the one the seller chose."""
    file = Path(photo["path"])
    try:
        data = file.read_bytes()
    except OSError:
        raise UserError(f"photo {photo['name']!r} is no longer at {photo['path']}: reject again with the photos "
                        "where they are now") from None
    if hashlib.sha256(data).hexdigest() != photo["sha256"]:
        raise UserError(f"photo {photo['name']!r} changed since the rejection was written: reject again with "
                        "the photos as they are now")
    return data
