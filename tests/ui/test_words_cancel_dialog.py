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
