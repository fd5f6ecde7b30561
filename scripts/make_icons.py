"""Draw TokoDesk's app icon into resources/icons/: PNGs (16-1024 px), a multi-size .ico and an .icns.

    .venv/bin/python scripts/make_icons.py

The icon is a parcel with a tick on a deep green tile: TokoDesk's own mark, deliberately not a marketplace's logo
or its green. It is drawn with QPainter (vector, anti-aliased) at each size rather than scaled from one bitmap, so
the 16 and 32 px versions stay crisp; Pillow (a dependency of reportlab) packs the .ico and the .icns, which needs
no macOS tool.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt  # noqa: E402, TID251 - a build-time tool
from PySide6.QtGui import (  # noqa: E402, TID251
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)

TILE_TOP, TILE_BOTTOM = QColor("#1d8a66"), QColor("#0f5a43")  # deep emerald: not Tokopedia's #42b549/#03ac0e
BOX_FRONT, BOX_SIDE, BOX_TOP = QColor("#ffffff"), QColor("#dfe9e4"), QColor("#f3f7f5")
TAPE = QColor("#f4b740")
INK = QColor("#0f5a43")


def _poly(*points: tuple[float, float]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


def draw(size: int) -> QImage:
    """The icon at `size` px, drawn on a 100-unit canvas; small sizes drop the detail that would only blur."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 100, size / 100)
    small = size <= 24

    tile = QPainterPath()
    margin = 2 if small else 4
    tile.addRoundedRect(QRectF(margin, margin, 100 - 2 * margin, 100 - 2 * margin), 20, 20)
    gradient = QLinearGradient(0, 0, 0, 100)
    gradient.setColorAt(0, TILE_TOP)
    gradient.setColorAt(1, TILE_BOTTOM)
    p.fillPath(tile, QBrush(gradient))

    # the parcel, a simple 2.5D box: front face, right side, lid
    p.setPen(Qt.PenStyle.NoPen)
    front = _poly((18, 42), (58, 42), (58, 82), (18, 82))
    side = _poly((58, 42), (80, 30), (80, 70), (58, 82))
    top = _poly((18, 42), (40, 30), (80, 30), (58, 42))
    p.setBrush(BOX_FRONT)
    p.drawPolygon(front)
    p.setBrush(BOX_SIDE)
    p.drawPolygon(side)
    p.setBrush(BOX_TOP)
    p.drawPolygon(top)
    # packing tape across the lid and down the front
    p.setBrush(TAPE)
    p.drawPolygon(_poly((31, 42), (53, 30), (63, 30), (41, 42)))
    p.drawRect(QRectF(31, 42, 10, 14 if not small else 40))
    if not small:  # edges: at 16-24 px they would be a grey smear
        edge = QPen(QColor(15, 90, 67, 70), 1.2)
        p.setPen(edge)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPolyline(_poly((18, 42), (58, 42), (80, 30)))
        p.drawLine(QPointF(58, 42), QPointF(58, 82))

    # the tick badge: this parcel is done
    p.setPen(QPen(TILE_BOTTOM, 3 if not small else 0))
    p.setBrush(TAPE)
    centre, radius = QPointF(70, 70), 19 if not small else 22
    p.drawEllipse(centre, radius, radius)
    tick = QPainterPath(QPointF(centre.x() - 9, centre.y() + 0.5))
    tick.lineTo(centre.x() - 2.5, centre.y() + 7)
    tick.lineTo(centre.x() + 10, centre.y() - 7)
    pen = QPen(INK, 5.5 if not small else 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(tick)
    p.end()
    return image


def _pil(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    drawn = {size: draw(size) for size in PNG_SIZES}
    for size, image in drawn.items():
        name = "tokodesk.png" if size == 256 else f"tokodesk-{size}.png"
        if not image.save(str(OUT / name), "PNG"):
            raise SystemExit(f"could not write {OUT / name}")
    images = {size: _pil(image) for size, image in drawn.items()}
    # Pillow's ICO writer takes the largest image and the sizes to embed; it would rescale it, so hand it each
    # hand-drawn size through append_images instead.
    images[256].save(OUT / "tokodesk.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                     append_images=[images[s] for s in ICO_SIZES if s != 256])
    images[1024].save(OUT / "tokodesk.icns", format="ICNS",
                      append_images=[images[s] for s in ICNS_SIZES if s != 1024])
    print(f"wrote {len(drawn)} PNGs, tokodesk.ico ({', '.join(map(str, ICO_SIZES))}) and tokodesk.icns to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
