"""Marketplace label PDFs kept in the data folder the first time they are downloaded.

TikTok Shop serves a label only between "shipped/arranged" and the courier's collection, through a link that lives
24 hours: a reprint after the collection is refused. So every marketplace PDF label is written to
`<data dir>/labels/<channel id>/<order id>.pdf` (atomically: a temporary file, then a rename) and a `KeptLabel` row
says which station holds it. Reprints use the kept file and make no request.

Several stations on one PostgreSQL: the data folder is per PC, so the file is only on the station that downloaded
it. A second station downloads the label again while the marketplace still serves it (and keeps its own copy);
once the marketplace refuses, it tells the user which station holds a copy. Files are not copied between PCs.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from pathlib import Path

import peewee as pw

from tokodesk import config
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.store import models as m

log = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF"
NOT_KEPT = "Marketplace label not kept yet"  # the start of the order's problem text while a fetch is owed


def not_kept(error: str) -> str:
    """The order's problem while its label is owed: starts with NOT_KEPT (the next print looks for it)."""
    return said(QT_TRANSLATE_NOOP("Refusals", "Marketplace label not kept yet: {error}. Print the label soon: "
                                              "TokoDesk downloads it then."), error=error)


def label_path(order: m.Order) -> Path:
    # Order ids are digits on both marketplaces; anything else is replaced so the id can never leave the folder.
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", str(order.order_id)) or "order"
    return config.data_dir() / "labels" / str(order.channel_id) / f"{safe}.pdf"


def kept_copy(order: m.Order) -> bytes | None:
    """The label kept on this PC, or None (never kept here, or the file is gone or damaged)."""
    path = label_path(order)
    try:
        content = path.read_bytes()
    except OSError:
        return None
    if not content.startswith(PDF_MAGIC):
        log.warning("kept label %s is not a PDF; it is downloaded again", path)
        return None
    return content


def keep(order: m.Order, content: bytes, station: str) -> Path:
    """Write the label next to the others and record which station holds it. Raises OSError when the disk fails."""
    if not content.startswith(PDF_MAGIC):
        raise ValueError("only PDF labels are kept")
    path = label_path(order)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)  # a reader sees the old file or the whole new one, never half a PDF
    finally:
        if tmp.exists():
            tmp.unlink()
    fields = {"path": str(path), "size": len(content), "sha256": hashlib.sha256(content).hexdigest(),
              "kept_at": m.utcnow()}
    with m.db.atomic():
        updated = m.KeptLabel.update(**fields).where(
            (m.KeptLabel.order == order.id) & (m.KeptLabel.station == station)
        ).execute()
        if not updated:
            try:
                with m.db.atomic():
                    m.KeptLabel.create(order=order.id, station=station, **fields)
            except pw.IntegrityError:
                pass  # another process of this station recorded the same file a moment ago
        # The file holds one page per package awaiting collection (Tokopedia & Shop): their documents are kept.
        shipped = m.PackageOrder.select(m.PackageOrder.package).where(m.PackageOrder.order == order.id)
        m.Package.update(document_kept_at=fields["kept_at"]).where(
            m.Package.id.in_(shipped) & (m.Package.status == "PROCESSING") & m.Package.document_kept_at.is_null()
        ).execute()
    return path


def holders(order: m.Order, except_station: str | None = None) -> list[str]:
    """Stations that kept this order's label (to tell the user where a copy is)."""
    query = m.KeptLabel.select(m.KeptLabel.station).where(m.KeptLabel.order == order.id)
    if except_station:
        query = query.where(m.KeptLabel.station != except_station)
    return sorted({row.station for row in query})
