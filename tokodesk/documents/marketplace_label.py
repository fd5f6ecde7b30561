"""The marketplace's own shipping label, printed on the desk printer at the label size.

Tokopedia returns its label as an HTML page. Rendering HTML faithfully needs a browser engine (QtWebEngine), which
the documents layer must not use (no Qt here; the CLI and the services print headless) and which would add ~100 MB
to the bundle. What the courier needs from that page is the booking-code barcode and the words around it, so this
module extracts the label's visible text and the booking code with the standard library's html.parser and lays
them out with reportlab: the barcode is regenerated from the booking code (Code 128), the text follows in reading
order, shrunk to fit one page. The page says it was re-typeset, so nobody mistakes it for a pixel copy.

TikTok Shop ("Tokopedia & Shop") returns a ready A6 PDF: it is passed through byte for byte (its terms say print it
as generated). Merging several marketplace PDFs into one file needs a PDF reader (pypdf), which is not a
dependency; each PDF label is its own print job until it is.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from reportlab.pdfgen.canvas import Canvas

from tokodesk.documents.codes import QUIET_MODULES, code128_bar_width, code128_width_modules, draw_code128
from tokodesk.documents.draw import ellipsize, fit_size, new_canvas, wrap
from tokodesk.documents.fmt import Translate, identity
from tokodesk.documents.fonts import BOLD, REGULAR
from tokodesk.documents.labels import SIZES, draw_label, normalise_size, profile_for
from tokodesk.documents.model import LabelData

_SKIP = {"script", "style", "head", "noscript", "template", "button"}
_BLOCK = {
    "address", "article", "br", "caption", "dd", "div", "dl", "dt", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "ol", "p", "section", "table", "tbody", "thead", "tfoot", "tr", "ul", "body", "html",
}
_STRONG = {"b", "strong", "th", "h1", "h2", "h3", "h4", "h5", "h6"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "col", "area", "base", "source", "wbr"}
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-]{5,39}$")
_CODE_LABEL = re.compile(
    r"(kode\s*booking|booking\s*code|no\.?\s*resi|nomor\s*resi|no\.?\s*awb|awb)\s*[:#]?\s*([A-Za-z0-9][A-Za-z0-9\-]{5,39})",
    re.IGNORECASE,
)
_CODE_ATTRS = ("data-barcode", "data-booking-code", "data-code", "data-value", "jsbarcode-value", "data-awb")
_CODE_QUERY = ("code", "data", "text", "value", "barcode", "booking_code")


# Bounds on what a label page can make TokoDesk do: a page is one label, and the label shows ~60 lines at most.
MAX_OPEN = 256  # open elements tracked; deeper (unclosed) markup is read as flat text
MAX_LINES = 400
MAX_LINE_CHARS = 1000
MAX_HTML_CHARS = 4_000_000  # a real label page is well under 1 MB; reading this much takes a few seconds


class MarketplaceLabelError(ValueError):
    pass


@dataclass
class HtmlLabel:
    lines: list[str] = field(default_factory=list)
    booking_code: str | None = None
    title: str = ""
    bold: set[int] = field(default_factory=set)  # indexes of lines that were headings or bold throughout


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.current_bold: list[bool] = []
        self.bold_lines: set[int] = set()
        self.stack: list[tuple[str, bool, bool]] = []  # open elements: (tag, skipped, marked as a barcode)
        # How many open elements skip / are bold / are marked: asked at every piece of text, so they are kept as
        # counts. Walking the stack each time made a page of 20,000 unclosed tags take 22 s.
        self.skip_depth = self.bold_depth = self.marked_depth = 0
        self.in_title = False
        self.title = ""
        self.attr_codes: list[str] = []  # from barcode markup, most explicit first
        self.marked_text: list[str] = []  # text inside elements whose class/id says barcode or booking

    @property
    def skipping(self) -> bool:
        return self.skip_depth > 0

    @property
    def bold(self) -> bool:
        return self.bold_depth > 0

    @property
    def marked(self) -> bool:
        return self.marked_depth > 0

    def _push(self, tag: str, skipped: bool, marked: bool) -> None:
        if len(self.stack) >= MAX_OPEN:
            return
        self.stack.append((tag, skipped, marked))
        self.skip_depth += skipped
        self.bold_depth += tag in _STRONG
        self.marked_depth += marked

    def _pop_to(self, index: int) -> None:
        for tag, skipped, marked in self.stack[index:]:
            self.skip_depth -= skipped
            self.bold_depth -= tag in _STRONG
            self.marked_depth -= marked
        del self.stack[index:]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        hint = f"{a.get('class', '')} {a.get('id', '')}".lower()
        if tag == "title":
            self.in_title = True
        if tag not in _VOID:
            self._push(tag, tag in _SKIP, "barcode" in hint or "booking" in hint)
        if self.skipping:
            return
        for name in _CODE_ATTRS:
            value = a.get(name)
            if value and _CODE.match(value.strip()):
                self.attr_codes.append(value.strip())
        if tag == "img":
            self._image(a, hint)
        elif tag in _BLOCK:
            self._break()

    def _image(self, a: dict[str, str], hint: str) -> None:
        src = a.get("src", "")
        alt = a.get("alt", "").strip()
        if "barcode" in src.lower() or "barcode" in hint or "barcode" in alt.lower():
            query = parse_qs(urlsplit(src).query)
            for key in _CODE_QUERY:
                for value in query.get(key, []):
                    if _CODE.match(value.strip()):
                        self.attr_codes.append(value.strip())
            if _CODE.match(alt):
                self.attr_codes.append(alt)
            return
        if alt and not src.startswith("data:"):
            self.current.append(alt)  # courier and marketplace logos carry their name in alt

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _BLOCK and not self.skipping:
            self._break()
        # close the element and anything left open inside it (html.parser does not balance tags)
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                self._pop_to(index)
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data.strip()
        if self.skipping:
            return
        text = " ".join(data.split())
        if not text:
            return
        if self.marked:
            self.marked_text.append(text)
        self.current.append(text)
        self.current_bold.append(self.bold)

    def _break(self) -> None:
        line = " ".join(self.current).strip()[:MAX_LINE_CHARS]
        if line and len(self.lines) < MAX_LINES:
            if self.current_bold and all(self.current_bold):
                self.bold_lines.add(len(self.lines))
            self.lines.append(line)
        self.current = []
        self.current_bold = []

    def close(self) -> None:
        super().close()
        self._break()


_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def html_text(content: bytes | str) -> str:
    """The label page as text: the API hands bytes; the page's own meta charset decides, UTF-8 otherwise."""
    if isinstance(content, str):
        return content
    match = _CHARSET.search(content[:4096])
    encoding = match.group(1).decode("ascii") if match else "utf-8"
    try:
        return content.decode(encoding, errors="replace")
    except LookupError:  # an unknown charset name in the page
        return content.decode("utf-8", errors="replace")


def extract_html_label(html: bytes | str) -> HtmlLabel:
    """The visible text (in reading order) and the booking code of a marketplace HTML label."""
    text = html_text(html)
    if len(text) > MAX_HTML_CHARS:
        raise MarketplaceLabelError(
            f"the marketplace's label page is {len(text) // 1000:,} thousand characters, far more than a label; "
            "print TokoDesk's own label for this order"
        )
    parser = _Extractor()
    parser.feed(text)
    parser.close()
    code = None
    candidates = parser.attr_codes + [t for t in parser.marked_text if _CODE.match(t)]
    if candidates:
        code = candidates[0]
    else:
        match = _CODE_LABEL.search("\n".join(parser.lines))
        if match:
            code = match.group(2)
    return HtmlLabel(lines=parser.lines, booking_code=code, title=parser.title, bold=parser.bold_lines)


def render_html_label(
    content: bytes | str, size: str = "100x150", booking_code: str | None = None, tr: Translate = identity
) -> bytes:
    """One marketplace HTML label (the API's bytes) as a one-page PDF at the label size."""
    return render_html_labels([(content, booking_code)], size=size, tr=tr)


def render_html_labels(
    labels: Sequence[bytes | str | tuple[bytes | str, str | None]],
    size: str = "100x150",
    tr: Translate = identity,
) -> bytes:
    """Re-typeset marketplace HTML labels into one PDF, a page per label at the label size ("a4" not supported:
    marketplace labels are one per sheet). Each item is the HTML, or (HTML, booking code known from the API);
    the known code wins over what the page shows, and a page with no code at all is refused."""
    key = normalise_size(size)
    if key == "a4":
        raise ValueError("marketplace labels print one per page: choose 100x150, 100x100 or a6")
    if not labels:
        raise ValueError("no labels to render")
    width, height = SIZES[key]
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, (width, height), f"Marketplace labels ({len(labels)})")
    for index, item in enumerate(labels, start=1):
        _draw_html_item(canvas, item, index, width, height, tr)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_mixed_labels(
    items: Sequence[LabelData | bytes | str | tuple[bytes | str, str | None]],
    size: str = "100x150",
    tr: Translate = identity,
) -> bytes:
    """One print job for a batch that spans channels: TokoDesk's own labels (LabelData) and marketplace HTML labels
    (HTML, or (HTML, booking code)) in the given order, a page each at the label size."""
    key = normalise_size(size)
    if key == "a4":
        raise ValueError("a batch with marketplace labels prints one per page: choose 100x150, 100x100 or a6")
    if not items:
        raise ValueError("no labels to render")
    width, height = SIZES[key]
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, (width, height), f"Labels ({len(items)})")
    for index, item in enumerate(items, start=1):
        if isinstance(item, LabelData):
            draw_label(canvas, item, 0, 0, width, height, profile_for(key), tr)
        else:
            _draw_html_item(canvas, item, index, width, height, tr)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_html_item(
    canvas: Canvas,
    item: bytes | str | tuple[bytes | str, str | None],
    index: int,
    width: float,
    height: float,
    tr: Translate,
) -> None:
    html, known = (item, None) if isinstance(item, (str, bytes)) else item
    parsed = extract_html_label(html)
    code = (known or parsed.booking_code or "").strip()
    if not code:
        raise MarketplaceLabelError(
            f"label {index}: no booking code found in the marketplace's HTML label; "
            "fetch the order's booking code first or print TokoDesk's own label"
        )
    _draw_html_label(canvas, parsed, code, width, height, tr)


def _draw_html_label(canvas: Canvas, parsed: HtmlLabel, code: str, width: float, height: float, tr: Translate) -> None:
    margin = 4 * 2.8346
    inner_w = width - 2 * margin
    top = height - margin
    caption = tr("BOOKING CODE")
    canvas.setFont(BOLD, 7)
    canvas.drawString(margin, top - 7, caption)
    bar_h = min(16 * 2.8346, height * 0.12)
    bar_w = code128_bar_width(code, inner_w)
    symbol_w = (code128_width_modules(code) + 2 * QUIET_MODULES) * bar_w
    bar_y = top - 10 - bar_h
    draw_code128(canvas, code, margin + max(0.0, (inner_w - symbol_w) / 2), bar_y, bar_h, bar_w)
    code_pt = fit_size(code, BOLD, 13, inner_w, 7)
    canvas.setFont(BOLD, code_pt)
    canvas.drawCentredString(width / 2, bar_y - code_pt * 1.1, code)
    text_top = bar_y - code_pt * 1.6 - 2
    canvas.setLineWidth(0.8)
    canvas.line(margin, text_top, width - margin, text_top)

    foot_pt = 5.5
    note = tr("Re-typeset by TokoDesk from the marketplace label")
    canvas.setFont(REGULAR, foot_pt)
    canvas.drawString(margin, margin - foot_pt * 0.3, ellipsize(note, REGULAR, foot_pt, inner_w))
    room = text_top - 3 - (margin + foot_pt * 1.5)

    lines = [(line, i in parsed.bold) for i, line in enumerate(parsed.lines) if line.strip() != code]
    size = 9.0
    while True:
        wrapped = [
            (seg, bold)
            for line, bold in lines
            for seg in (wrap(line, BOLD if bold else REGULAR, size, inner_w) or [""])
        ]
        if len(wrapped) * size * 1.2 <= room or size <= 5:
            break
        size -= 0.5
    lead = size * 1.2
    fit = int(room / lead)
    if len(wrapped) > fit:
        rest = " ".join(seg for seg, _ in wrapped[fit - 1 :])
        wrapped = wrapped[: max(0, fit - 1)] + [(ellipsize(rest, REGULAR, size, inner_w), False)]
    y = text_top - 3
    for text, bold in wrapped:
        y -= lead
        canvas.setFont(BOLD if bold else REGULAR, size)
        canvas.drawString(margin, y + 0.2 * size, text)


def is_pdf(content: bytes) -> bool:
    return content.lstrip()[:5] == b"%PDF-"


def pdf_label(content: bytes) -> bytes:
    """A marketplace PDF label, unchanged (TikTok Shop's A6 label is printed as generated). Refuses non-PDF bytes
    so an error page saved as a label never reaches the printer."""
    if not is_pdf(content):
        head = content[:60].decode("utf-8", "replace").strip()
        raise MarketplaceLabelError(f"the marketplace label is not a PDF (starts with {head!r})")
    if b"%%EOF" not in content[-1024:]:
        raise MarketplaceLabelError("the marketplace PDF label is truncated (no end-of-file marker); download it again")
    return content
