"""Packing videos (issue 21), the part without Qt: where a clip goes, what it is called, what it proves, how long
it is kept. The recorder itself is Qt (ui/pack_video.py); it asks here for a file name, writes the file, and hands
it back to `finish_clip`, which stores its size and SHA-256 with the order.

Retention (`apply_retention`) deletes the oldest clips first, past N days or beyond N GB, and never a clip of an
order with an open return: that is the footage a dispute is answered with. Only this station's clips are touched —
each station records to its own disk, and a row of another station's clip says nothing about this disk.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tokodesk import config
from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.store import models as m

log = logging.getLogger(__name__)

SUFFIX = ".mp4"
GB = 1024**3
# Below this much free space a clip is not started (and a running one is stopped): packing must never be the thing
# that fills the disk the database or the labels also live on.
MIN_FREE_BYTES = 300 * 1024**2
ENDED_WHY = ("next_scan", "pack", "max_length", "stopped", "disk_full", "error", "inspected")


class VideoFolderError(UserError):
    """The video folder cannot take a clip: the message says which folder, why, and what to do."""


@dataclass(frozen=True)
class VideoSettings:
    camera: str  # the camera's id as Qt names it; "" records nothing
    folder: Path
    keep_days: int  # 0: no age limit
    keep_bytes: int  # 0: no size limit
    max_seconds: int
    station: str


def _setting(key: str) -> object:
    return config.APP_SETTINGS[key].coerce(m.AppSetting.read(key))


def default_folder() -> Path:
    return config.data_dir() / "videos"


def read_settings() -> VideoSettings:
    folder = str(_setting("video_folder") or "").strip()
    return VideoSettings(
        camera=str(_setting("video_camera") or ""),
        folder=Path(folder).expanduser() if folder else default_folder(),
        keep_days=max(0, int(_setting("video_keep_days"))),  # type: ignore[arg-type]
        keep_bytes=max(0, int(float(_setting("video_keep_gb")) * GB)),  # type: ignore[arg-type]
        max_seconds=max(10, int(_setting("video_max_minutes")) * 60),  # type: ignore[arg-type]
        station=config.station_id(),
    )


def save_settings(*, camera: str, folder: str, keep_days: int, keep_gb: float, max_minutes: int) -> None:
    """Store the packing video settings, refusing values that make no sense (nothing is written then)."""
    if keep_days < 0 or keep_gb < 0:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "Keep videos: the days and the GB must be 0 (no limit) or more."))
    if max_minutes < 1:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "Longest clip: give at least 1 minute."))
    folder = folder.strip()
    if folder:
        check_folder(Path(folder).expanduser())
    with m.db.atomic():
        m.AppSetting.write("video_camera", camera)
        m.AppSetting.write("video_folder", folder)
        m.AppSetting.write("video_keep_days", int(keep_days))
        m.AppSetting.write("video_keep_gb", float(keep_gb))
        m.AppSetting.write("video_max_minutes", int(max_minutes))


def check_folder(folder: Path, min_free: int = MIN_FREE_BYTES) -> int:
    """Make sure a clip can be written into `folder` (creating it); returns the free bytes there.

    Raises VideoFolderError naming the folder, what is wrong and what to do: a folder that cannot be created or
    written (an external disk that is unplugged, read-only) or one with less than `min_free` bytes free."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".tokodesk-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise VideoFolderError(QT_TRANSLATE_NOOP("Refusals", "The video folder {folder} cannot be written "
                                                             "({strerror}): plug the disk in or choose another "
                                                             "folder in Settings → Packing video. Packing goes on "
                                                             "without video."),
                               folder=folder, strerror=exc.strerror or exc) from exc
    free = shutil.disk_usage(folder).free
    if free < min_free:
        raise VideoFolderError(QT_TRANSLATE_NOOP("Refusals", "The video folder {folder} has only {free} MB free (at "
                                                             "least {min_free} MB needed): free some space, keep "
                                                             "videos for fewer days, or choose another folder in "
                                                             "Settings → Packing video. Packing goes on without "
                                                             "video."),
                               folder=folder, free=free // 1024**2, min_free=min_free // 1024**2)
    return free


def _safe(text: str) -> str:
    # Invoices carry slashes (INV/20261205/MPL/123): a file name must not, on any system the folder may move to.
    cleaned = re.sub(r"[^0-9A-Za-z._-]+", "-", text).strip("-.")
    return cleaned[:80] or "order"


def clip_path(folder: Path, invoice: str, started: datetime, package_id: str | None = None,
              kind: str = "packing") -> Path:
    """The clip's file: the invoice and the WIB start time in the name, so the folder alone finds it.
    A name already taken (two clips of one order in the same second) gets a number."""
    local = (started if started.tzinfo else started.replace(tzinfo=timezone.utc)).astimezone(config.WIB)
    parts = [_safe(invoice)]
    if package_id:
        parts.append(_safe(package_id))
    if kind != "packing":
        parts.append(_safe(kind))
    parts.append(local.strftime("%Y%m%d-%H%M%S") + "WIB")
    base = "_".join(parts)
    path = folder / (base + SUFFIX)
    n = 2
    while path.exists():
        path = folder / f"{base}-{n}{SUFFIX}"
        n += 1
    return path


def stamp_lines(invoice: str, order_id: str, moment: datetime, station: str) -> tuple[str, str]:
    """The two lines written into every frame: what the parcel is, and when and where it was packed (WIB)."""
    local = (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(config.WIB)
    first = f"{invoice}  ·  {order_id}" if invoice and invoice != order_id else order_id
    return first, f"{local:%Y-%m-%d %H:%M:%S} WIB  ·  {station}"


def qr_text(order_id: str, moment: datetime) -> str:
    """What the frame's QR code holds: the order id and the time (WIB, to the second)."""
    local = (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(config.WIB)
    return f"TOKODESK|{order_id}|{local.isoformat(timespec='seconds')}"


def parse_qr(text: str) -> tuple[str, datetime] | None:
    """The order id and time a frame's QR code holds (None: not one of ours)."""
    parts = text.split("|")
    if len(parts) != 3 or parts[0] != "TOKODESK":
        return None
    try:
        return parts[1], datetime.fromisoformat(parts[2])
    except ValueError:
        return None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class ClipOrder:
    """What the recorder needs to know of the order it films (read once, at the scan)."""

    order_pk: int
    order_id: str
    invoice: str
    package_id: str | None = None


def clip_order(order_pk: int, code: str = "", package_id: str | None = None) -> ClipOrder:
    """The scanned order, and its package: the one the scan found (`package_id`, services/pack_scan.py), else the
    one whose tracking number was scanned, or the only one it has. A split order scanned by its invoice once it is
    packed is filmed as a whole (the scan does not say which parcel it is)."""
    from tokodesk.services.packages import packages_of

    order = m.Order.get_by_id(order_pk)
    if package_id:
        return ClipOrder(order.id, order.order_id, order.invoice or order.order_id, package_id)
    packages = packages_of(order)
    package = None
    code = code.strip()
    for p in packages:
        if code and code in (p.package_id, p.tracking_number):
            package = p.package_id
    if package is None and len(packages) == 1:
        package = packages[0].package_id
    return ClipOrder(order.id, order.order_id, order.invoice or order.order_id, package)


def finish_clip(order: ClipOrder, path: Path, started: datetime, ended: datetime, station: str, why: str,
                kind: str = "packing") -> m.Clip | None:
    """Store a finished clip with its size and SHA-256 (None when no file was written: nothing to keep)."""
    if why not in ENDED_WHY:
        raise ValueError(f"unknown reason a clip ended: {why!r}")
    try:
        size = path.stat().st_size
    except OSError:
        log.warning("clip %s of order %s was not written", path, order.order_id)
        return None
    if size == 0:
        return None
    digest = sha256_of(path)
    return m.Clip.create(order=order.order_pk, package_id=order.package_id, kind=kind, path=str(path),
                         started_at=_naive(started), ended_at=_naive(ended), ended_why=why, size_bytes=size,
                         sha256=digest, station=station)


def _naive(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


def clips_of(order_pk: int) -> list[m.Clip]:
    return list(m.Clip.select().where(m.Clip.order == order_pk).order_by(m.Clip.started_at))


def protected_orders(order_pks: Iterable[int]) -> set[int]:
    """The orders among these with a return or dispute not closed yet: their clips are never deleted."""
    pks = sorted(set(order_pks))
    if not pks:
        return set()
    out: set[int] = set()
    for i in range(0, len(pks), 500):
        chunk = pks[i:i + 500]
        by_link = (m.Return.select(m.Return.order).where(m.Return.order.in_(chunk), m.Return.state != "closed")
                   .tuples())
        out.update(pk for (pk,) in by_link if pk is not None)
        # A return synced before its order was pulled carries only the marketplace's order id.
        by_id = (m.Order.select(m.Order.id).join(m.Return, on=((m.Return.order_id == m.Order.order_id)
                                                              & (m.Return.channel == m.Order.channel)))
                 .where(m.Order.id.in_(chunk), m.Return.state != "closed").tuples())
        out.update(pk for (pk,) in by_id)
    return out


@dataclass
class RetentionResult:
    removed: list[m.Clip] = field(default_factory=list)
    freed_bytes: int = 0
    kept_for_returns: int = 0  # clips past a limit kept because their order has an open return
    failed: list[str] = field(default_factory=list)  # files that could not be deleted (and why)


def apply_retention(settings: VideoSettings, now: datetime | None = None) -> RetentionResult:
    """Delete this station's oldest clips beyond the age and size limits, oldest first; never one of an order with
    an open return. The row stays (removed_at set): the order still shows when it was filmed and the checksum."""
    now = _naive(now or m.utcnow())
    rows = list(m.Clip.select().where(m.Clip.station == settings.station, m.Clip.removed_at.is_null())
                .order_by(m.Clip.started_at, m.Clip.id))
    result = RetentionResult()
    if not rows:
        return result
    protected = protected_orders(r.order_id for r in rows)
    total = sum(r.size_bytes for r in rows)
    oldest_kept = now - timedelta(days=settings.keep_days) if settings.keep_days else None
    for row in rows:
        too_old = oldest_kept is not None and row.started_at < oldest_kept
        too_much = bool(settings.keep_bytes) and total > settings.keep_bytes
        if not (too_old or too_much):
            continue
        if row.order_id in protected:
            result.kept_for_returns += 1
            continue
        try:
            os.remove(row.path)
        except FileNotFoundError:
            pass  # deleted by hand: the row still records that it existed
        except OSError as exc:
            result.failed.append(f"{row.path}: {exc.strerror or exc}")
            continue
        row.removed_at = now
        row.save()
        total -= row.size_bytes
        result.removed.append(row)
        result.freed_bytes += row.size_bytes
    if result.removed:
        log.info("video retention removed %d clips (%d MB)", len(result.removed), result.freed_bytes // 1024**2)
    return result


@dataclass
class Export:
    video: Path
    sheet: Path
    sha256: str


def export_for_dispute(clip_id: int, folder: Path, tr: object = None, now: datetime | None = None) -> Export:
    """Copy a clip and a one-page PDF (order, lines, times, station, checksum) into `folder`, for a dispute.

    Refused, with nothing left behind, when the file is gone or no longer matches the checksum stored when it was
    recorded: evidence that cannot be vouched for must not be sent as if it could."""
    from tokodesk.documents.dispute import DisputeLine, DisputeSheet, render_dispute
    from tokodesk.services.doc_language import document_translator
    from tokodesk.services.pack_check import EVENT_CHECKED, EVENT_OVERRIDE

    clip = m.Clip.get_or_none(m.Clip.id == clip_id)
    if clip is None:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "That packing video is no longer in the database."))
    source = Path(clip.path)
    if clip.removed_at is not None or not source.exists():
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "The video file {source} is not there (removed by the "
                                                      "retention setting, or recorded at station {station}): export "
                                                      "it on the station that keeps it."),
                        source=source, station=clip.station)
    if sha256_of(source) != clip.sha256:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "The video file {source} has changed since it was recorded "
                                                      "(its SHA-256 differs): it cannot be exported as the recording."),
                        source=source)
    order = m.Order.get_by_id(clip.order_id)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "The folder {folder} cannot be written ({strerror}): choose "
                                                      "another."), folder=folder, strerror=exc.strerror or exc) from exc
    video = folder / source.name
    sheet_path = video.with_suffix(".pdf")
    if video.exists() or sheet_path.exists():
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{name} is already in {folder}: choose an empty folder "
                                                      "(nothing was overwritten)."), name=video.name, folder=folder)
    lines = [DisputeLine(ln.seller_sku or ln.sku, ln.name, ln.quantity)
             for ln in m.OrderLine.select().where(m.OrderLine.order == order.id).order_by(m.OrderLine.line_no)]
    checks = [e.detail for e in m.OrderEvent.select().where(m.OrderEvent.order == order.id,
                                                               m.OrderEvent.kind.in_([EVENT_CHECKED, EVENT_OVERRIDE]))
              .order_by(m.OrderEvent.at.desc())]
    sheet = DisputeSheet(
        invoice=order.invoice or order.order_id, order_id=order.order_id, shop=order.channel.name,
        buyer=order.buyer_name, courier=" ".join(p for p in (order.courier, order.service) if p),
        awb=order.awb or order.booking_code or "", package_id=clip.package_id or "", started_at=clip.started_at,
        ended_at=clip.ended_at, station=clip.station, file_name=source.name, size_bytes=clip.size_bytes,
        sha256=clip.sha256, packed_at=order.packed_at, packed_by=order.packed_by, checks=checks, lines=lines)
    pdf = render_dispute(sheet, tr or document_translator(), printed_at=now or m.utcnow())  # type: ignore[arg-type]
    try:
        shutil.copyfile(source, video)
        if sha256_of(video) != clip.sha256:
            raise OSError("the copy does not match the recording")
        sheet_path.write_bytes(pdf)
    except OSError as exc:
        for path in (video, sheet_path):
            path.unlink(missing_ok=True)
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "Exporting to {folder} failed ({strerror}); nothing was left "
                                                      "there."), folder=folder, strerror=exc.strerror or exc) from exc
    return Export(video, sheet_path, clip.sha256)
