"""The cancel dialog speaks Indonesian throughout: its Close button and Tokopedia's reject reasons."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox


@pytest.fixture
def indonesian(qapp):
    from tokodesk.ui import i18n

    assert i18n.install("id")
    yield
    i18n.install("en")


def test_cancel_dialog_close_and_reasons_in_indonesian(qtbot, indonesian):
    from tokodesk.marketplace.base import OrderState
    from tokodesk.marketplace.tokopedia import reasons
    from tokodesk.ui.order_dialogs import CancelDialog

    dialog = CancelDialog(reasons.reasons_for(OrderState.NEW), ["INV/1"])
    qtbot.addWidget(dialog)
    shown = [dialog.reason.itemText(i) for i in range(dialog.reason.count())]
    assert shown[0] == "Stok produk kosong" and "Permintaan pembeli" in shown
    assert not {r.label for r in reasons.REASONS} & set(shown)
    assert [dialog.reason.itemData(i) for i in range(dialog.reason.count())] == \
        [r.code for r in reasons.reasons_for(OrderState.NEW)]  # the code sent is still the one chosen
    buttons = [b.text() for b in dialog.findChild(QDialogButtonBox).buttons()]
    assert "Tutup" in buttons and "Close" not in buttons


def test_results_dialog_gives_the_marketplace_refusal_in_indonesian(qtbot, indonesian):
    from tokodesk.marketplace.base import MarketplaceError
    from tokodesk.services.fulfilment.common import ActionOutcome
    from tokodesk.ui.order_dialogs import ResultsDialog

    refused = MarketplaceError("Order status is not eligible to reject", "ORD_USC_008", 400)
    outcome = ActionOutcome(order_id="1", invoice="INV/1", ok=False, state="new", error=str(refused))
    dialog = ResultsDialog("Batalkan", [outcome])
    qtbot.addWidget(dialog)
    reason = dialog.table.item(0, 3).text()
    assert reason == "Pesanan tidak bisa dibatalkan lagi: statusnya sudah berubah. Sinkronkan pesanan lalu coba lagi."
