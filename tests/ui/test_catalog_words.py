"""Catalogue edits in the window's language, rupiah written as the rest of the app writes them.

Seen in the Indonesian window: the push's summary listed a large change as "… Rp12000 → Rp500: below the floor of
Rp1.000" (English from catalog_rules.why_large, ungrouped rupiah from catalog_push.summarize), the refusal of a
large change said "(SKU: Rp12000 → Rp36000: +200% (beyond ±50%) …)" inside its Indonesian sentence, and a price
above the highest said "Rp600000000 … (Rp500000000)". The CLI keeps the English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.test_catalog_edits import select, tab  # noqa: F401 - fixture


@pytest.fixture
def indonesian(qapp):
    from tokodesk.ui import i18n

    assert i18n.install("id")
    yield
    i18n.install("en")


def _type_price(qtbot, tab, ctx, wait_idle, nth: int, price: str):  # noqa: ANN001, ANN202, F811
    seller_sku, _pid, old = select(tab, nth)
    qtbot.mouseClick(tab.catalog.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.catalog.dialog
    dialog.price.setText(price)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    return seller_sku, old, dialog


def _rp(value: int) -> str:
    return f"Rp {value:,}".replace(",", ".")


def test_large_price_changes_are_listed_in_indonesian_with_rupiah_grouped(qtbot, tab, ctx, wait_idle,  # noqa: F811
                                                                          indonesian):
    from tokodesk.services import catalog_push
    from tokodesk.store import models as m
    from tokodesk.ui.messages import describe

    _sku, low_old, _ = _type_price(qtbot, tab, ctx, wait_idle, 0, "500")
    _sku, _pid, big_old = select(tab, 1)
    _type_price(qtbot, tab, ctx, wait_idle, 1, str(big_old * 3))

    # A price above the highest is refused in the dialog, which stays open.
    _sku, _old, dialog = _type_price(qtbot, tab, ctx, wait_idle, 2, "600000000")
    error = dialog.error.text()
    assert error.endswith("Rp 600.000.000 melebihi harga tertinggi marketplace (Rp 500.000.000)"), error
    assert dialog.isVisible()
    dialog.reject()

    qtbot.mouseClick(tab.catalog.push_button, Qt.MouseButton.LeftButton)
    text = tab.catalog.dialog.text.text()
    assert f": {_rp(low_old)} → Rp 500: di bawah batas harga terendah Rp 1.000" in text, text
    assert f": {_rp(big_old)} → {_rp(big_old * 3)}: +200% (melebihi ±50%)" in text, text
    assert "below" not in text and "beyond" not in text, text
    tab.catalog.dialog.reject()

    with pytest.raises(catalog_push.NeedsConfirmation) as caught:  # a push not confirmed: nothing is sent
        catalog_push.push(m.Channel.get_by_id(ctx.channel_id))
    english = str(caught.value)
    assert english.startswith("2 price changes are large (") and ("below the floor of Rp 1.000" in english
                                                                  or "beyond ±50%" in english), english
    shown = describe(caught.value)
    assert shown.startswith("2 perubahan harga besar (") and ("di bawah batas harga terendah Rp 1.000" in shown
                                                             or "(melebihi ±50%)" in shown), shown
    assert "below" not in shown and "beyond" not in shown, shown
