"""The label's fast text writer (issue 19: the reprint at ≥ 400 labels/s) writes what reportlab writes.

`put_text` replaces `setFont` + `drawString` / `drawRightString` / `drawCentredString` on the labels: the page
operators, the numbers and the font subsets must come out the same, so a reprint is the label it always was, to
the byte. Checked here against reportlab itself, over texts that need escapes, characters outside the first font
subset (reportlab's slow path), nbsp, characters the font lacks, and the empty string.
"""

from __future__ import annotations

import io
import random

import pytest
from reportlab.lib.rl_accel import escapePDF

from tests.unit.test_documents_support import label
from tokodesk.documents import fonts
from tokodesk.documents.draw import CENTRE, LEFT, RIGHT, _escape, new_canvas, put_text, text_width
from tokodesk.documents.labels import render_labels

TEXTS = [
    "AnterAja Reguler", "INV/20261204/MPL/35541401", "(kurung) \\ garis", "", " ", "Jl. Raya Bogor No. 87, RT 09/RW 03",
    "Harga Rp 1.250.000 · 2 × kaos — ukuran L", "non\xa0breaking", "Ünïcödé ÇAĞLA Öztürk ŞİŞLİ", "中文 ☃ emoji 🙂",
]


def _texts(rng: random.Random) -> list[str]:
    alphabet = [chr(c) for c in range(32, 127)] + list("·×—…éÉñÑçÇğĞşŞıİöÖüÜ€£¥\xa0") + [chr(c) for c in
                                                                                        range(0x400, 0x500)]
    return TEXTS + ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40))) for _ in range(400)]


@pytest.mark.parametrize("anchor", [LEFT, RIGHT, CENTRE])
def test_put_text_writes_what_reportlab_writes(anchor):
    rng = random.Random(19)
    regular, bold = fonts.register_fonts()
    theirs, ours = new_canvas(io.BytesIO(), (283, 425), "t"), new_canvas(io.BytesIO(), (283, 425), "t")
    draw = {LEFT: theirs.drawString, RIGHT: theirs.drawRightString, CENTRE: theirs.drawCentredString}[anchor]
    for text in _texts(rng):
        font = rng.choice((regular, bold))
        size = rng.choice((6, 6.75, 7.5, 8.25, 9.92, 11.5, 15, 16.5))
        x, y = rng.uniform(0, 283), rng.uniform(0, 425)
        theirs.setFont(font, size)
        draw(x, y, text)
        put_text(ours, font, size, x, y, text, anchor)
    assert ours._code == theirs._code
    # The same characters went into the same font subsets, so the embedded fonts are the same too.
    assert ours.getpdfdata() == theirs.getpdfdata()


def test_escapes_and_widths_are_reportlabs():
    every_byte = bytes(range(256))
    assert _escape(every_byte) == escapePDF(every_byte)
    regular, _bold = fonts.register_fonts()
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for text in TEXTS:
        assert text_width(text, regular, 9) == pytest.approx(stringWidth(text, regular, 9), abs=1e-9)


def test_a_reprint_is_the_same_pdf():
    batch = [label(i) for i in range(12)]
    for size in ("100x150", "a4"):
        assert render_labels(batch, size=size) == render_labels(batch, size=size)
