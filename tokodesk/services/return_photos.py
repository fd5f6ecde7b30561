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
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace.images import image_mime, image_pixels

MAX_BYTES = 10 * 1024 * 1024
MIN_SIDE, MAX_SIDE = 100, 20000
TYPES = "JPG, PNG, WEBP, HEIC or BMP"


class PhotoRefused(UserError):
    """A photo the marketplace would refuse: `fault` (missing | empty | too_big | type | unreadable | pixels) and its
    figures, for a window that says it in the seller's language; the text is the English message."""

    def __init__(self, message: str, path: str, fault: str, /, *figures: object, **params: object) -> None:
        super().__init__(message, **params)
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
    tiff = QT_TRANSLATE_NOOP("Refusals", "a TIFF image")
    for magic, kind in ((b"GIF8", QT_TRANSLATE_NOOP("Refusals", "a GIF image")),
                        (b"%PDF", QT_TRANSLATE_NOOP("Refusals", "a PDF document")),
                        (b"PK\x03\x04", QT_TRANSLATE_NOOP("Refusals", "a ZIP archive")),
                        (b"II*\x00", tiff), (b"MM\x00*", tiff)):
        if head.startswith(magic):
            return kind
    if head[4:8] == b"ftyp":
        return QT_TRANSLATE_NOOP("Refusals", "a video")
    return QT_TRANSLATE_NOOP("Refusals", "not an image")


def check_photo(path: str | Path) -> Photo:
    """The photo at `path`, checked against the upload's limits; UserError naming the file and what is wrong."""
    file = Path(path).expanduser()
    photo = str(path)
    if not file.is_file():
        raise PhotoRefused(QT_TRANSLATE_NOOP("Refusals", "photo {photo!r}: no such file (check the path)"),
                           photo, "missing", photo=photo)
    size = file.stat().st_size
    if size == 0:
        raise PhotoRefused(QT_TRANSLATE_NOOP("Refusals", "photo {photo!r}: the file is empty"), photo, "empty",
                           photo=photo)
    if size > MAX_BYTES:
        mb = f"{size / 1024 / 1024:.1f}"
        raise PhotoRefused(QT_TRANSLATE_NOOP("Refusals", "photo {photo!r}: {mb} MB; Tokopedia & Shop takes at most "
                                                         "10 MB a photo (save it smaller, e.g. as JPG)"),
                           photo, "too_big", mb, photo=photo, mb=mb)
    data = file.read_bytes()
    mime = image_mime(data[:16])
    if mime is None:
        raise PhotoRefused(QT_TRANSLATE_NOOP("Refusals", "photo {photo!r}: {kind}; Tokopedia & Shop takes {types} "
                                                         "photos"),
                           photo, "type", photo=photo, kind=_kind_of(data[:16]), types=TYPES)
    pixels = image_pixels(data, mime)
    if pixels is None:
        raise PhotoRefused(QT_TRANSLATE_NOOP("Refusals", "photo {photo!r}: the {kind} file cannot be read (damaged "
                                                         "or cut short)"),
                           photo, "unreadable", photo=photo, kind=mime.split('/')[1].upper())
    width, height = pixels
    if min(width, height) < MIN_SIDE or max(width, height) > MAX_SIDE:
        raise PhotoRefused(QT_TRANSLATE_NOOP("Refusals", "photo {photo!r}: {width}×{height} px; a photo must be from "
                                                         "{least}×{least} to {most}×{most} px"),
                           photo, "pixels", width, height, photo=photo, width=width, height=height, least=MIN_SIDE,
                           most=MAX_SIDE)
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
            problems.append(said(QT_TRANSLATE_NOOP("Refusals", "photo {photo!r}: the same picture is attached "
                                                               "twice"), photo=str(path)))
            continue
        seen.add(photo.sha256)
        photos.append(photo)
    if problems:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{problems}. Nothing was sent"), problems=_joined(problems))
    return photos


def _joined(problems: list) -> object:
    """Several refusals as one text, each still said in the window's language."""
    if len(problems) == 1:
        return problems[0]
    return said(QT_TRANSLATE_NOOP("Refusals", "{first}; {rest}"), first=problems[0], rest=_joined(problems[1:]))


def read_for_upload(photo: dict) -> bytes:
    """The bytes of a photo the outbox kept, provided the file is still the one the seller chose."""
    file = Path(photo["path"])
    try:
        data = file.read_bytes()
    except OSError:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "photo {photo!r} is no longer at {path}: reject again with "
                                                      "the photos where they are now"),
                        photo=photo['name'], path=photo['path']) from None
    if hashlib.sha256(data).hexdigest() != photo["sha256"]:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "photo {photo!r} changed since the rejection was written: "
                                                      "reject again with the photos as they are now"),
                        photo=photo['name'])
    return data
