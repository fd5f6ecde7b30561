"""The queue's column widths: what a packer needs fits a 1366 px laptop without scrolling sideways.

Seen (issue 14 §5): Courier, AWB and Total sat behind a horizontal scroll even at 1440 px. Widths now come from
the font and the window's language (never fixed pixels), long text is elided, and Items takes what is left: when
the view is too narrow for every column, Items keeps at least `ITEMS_MIN` and only Total and Created (also in the
detail pane) go past the edge; ID, state, deadline, buyer, items, courier and AWB stay in view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from tokodesk.ui import queries as q
from tokodesk.ui.i18n import translate
from tokodesk.ui.orders_model import (
    COL_BUYER,
    COL_CODE,
    COL_COURIER,
    COL_CREATED,
    COL_DEADLINE,
    COL_FLAG,
    COL_INVOICE,
    COL_ITEMS,
    COL_STATE,
    COL_TOTAL,
    PRINTED_MARK_STATES,
    STATE_LABELS,
    OrdersModel,
)

ITEMS_MIN = 150
# Columns allowed past the right edge on a narrow screen (both are in the detail pane too).
MAY_SCROLL = (COL_TOTAL, COL_CREATED)


class QueueColumns(QObject):
    """Sizes the queue's columns once from the font, then keeps Items filling the view as it resizes."""

    def __init__(self, view: QTableView, model: OrdersModel) -> None:
        super().__init__(view)
        self.view = view
        self.model = model
        self._fitting = False
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        metrics = view.fontMetrics()

        def text(sample: str) -> int:
            return metrics.horizontalAdvance(sample) + 18

        def header_text(col: int) -> int:
            return text(str(model.headerData(col, Qt.Orientation.Horizontal) or "")) + 12  # the sort arrow

        widths = {
            COL_FLAG: 26,
            COL_INVOICE: self.key_width([]),
            COL_STATE: self.state_width(),
            COL_DEADLINE: max(text("28/11 23:59 WIB"), header_text(COL_DEADLINE)),
            COL_BUYER: max(text("Kartika Harahap"), header_text(COL_BUYER)),
            COL_COURIER: max(text("AnterAja Reguler"), header_text(COL_COURIER)),
            # A 15-character AWB; a longer one elides, its tooltip has it all.
            COL_CODE: max(text("JP1234567890123"), header_text(COL_CODE)),
            COL_TOTAL: max(text("Rp 12.500.000"), header_text(COL_TOTAL)),
            COL_CREATED: max(text("28/11 23:59 WIB"), header_text(COL_CREATED)),
            COL_ITEMS: ITEMS_MIN,
        }
        self.preferred = dict(widths)  # what each column asks for (or what the seller dragged it to)
        # How far a column may give way on a narrow screen, eliding its text ("…", the tooltip has it all).
        self.minimum = {
            COL_BUYER: text("Kartika H"),
            COL_COURIER: text("AnterAja R"),
            COL_CODE: text("JP1234567890123"),
        }
        for col, width in widths.items():
            view.setColumnWidth(col, width)
        # The deadline decides what to do first: next to the state, not past the horizontal scroll.
        header.moveSection(header.visualIndex(COL_DEADLINE), header.visualIndex(COL_STATE) + 1)
        header.sectionResized.connect(self._user_resized)
        view.viewport().installEventFilter(self)

    def key_width(self, rows: list[tuple]) -> int:
        """Wide enough for the longest invoice / order ID: Tokopedia & Shop IDs have 18 digits, and a packer
        reading them off a parcel must see every digit."""
        key = q.R_ORDER_ID if self.model.show_order_id else q.R_INVOICE
        longest = max((str(r[key] or r[q.R_ORDER_ID] or "") for r in rows[:2000]), key=len, default="")
        sample = longest or ("INV/20260101/MPL/12345678" if not self.model.show_order_id else "123456789012345678")
        return min(260, max(110, self.view.fontMetrics().horizontalAdvance(sample) + 18))

    def set_key_width(self, rows: list[tuple]) -> None:
        self.preferred[COL_INVOICE] = self.key_width(rows)
        self.fit()

    def state_width(self) -> int:
        """The longest state name in the window's language, with one mark ("printed", "Instant", "Same-day") where
        marks are shown, fits without "…"."""
        metrics = self.view.fontMetrics()
        marks = (translate("OrdersModel",
                           "printed"), translate("OrdersModel", "Instant"), translate("OrdersModel", "Same-day"))
        suffix = " · " + max(marks, key=metrics.horizontalAdvance)
        widths = [metrics.horizontalAdvance(translate("OrderState",
                                                      label) + (suffix if state in PRINTED_MARK_STATES else ""))
                  for state, label in STATE_LABELS.items()]
        return max(widths) + 16

    def fit(self) -> None:
        """Items takes the room the other columns leave. When there is too little, Total and Created go past the
        edge first, then Buyer, Courier and the code give way down to their minimum; Items keeps ITEMS_MIN."""
        if self._fitting:
            return
        self._fitting = True
        try:
            room = self.view.viewport().width()
            widths = dict(self.preferred)
            others = sum(w for c, w in widths.items() if c != COL_ITEMS)
            if room - others < ITEMS_MIN:
                short = sum(w for c, w in widths.items() if c not in (COL_ITEMS, *MAY_SCROLL)) + ITEMS_MIN - room
                for col, least in self.minimum.items():
                    give = max(0, min(short, widths[col] - least))
                    widths[col] -= give
                    short -= give
                others = sum(w for c, w in widths.items() if c not in (COL_ITEMS, *MAY_SCROLL))
            widths[COL_ITEMS] = max(ITEMS_MIN, room - others)
            for col, width in widths.items():
                if self.view.columnWidth(col) != width:
                    self.view.setColumnWidth(col, width)
        finally:
            self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _user_resized(self, col: int, _old: int, new: int) -> None:
        if self._fitting or col == COL_ITEMS:
            return
        self.preferred[col] = new  # the seller dragged it: that is the width it asks for from now on
        self.fit()
