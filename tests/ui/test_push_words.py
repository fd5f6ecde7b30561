"""Stock pushes, reconciliations, catalogue pushes and handover scans: their stored messages in the window's language.

Seen in the Indonesian window: the Inventory tab's push status "Gagal: not sent: …", the reconciliation line
"… could not read products …", the catalogue push's banner "SKU (…) price Rp…: Failed: …" in English: the services
stored English text only. They now keep the words beside it (migration 26); a row stored before shows as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_catalog_edits import select
from tests.ui.test_catalog_edits import tab as mapping_tab  # noqa: F401 - fixture
from tests.ui.test_inventory_stock import tab as inventory_tab  # noqa: F401 - fixture
from tokodesk.store import models as m


@pytest.fixture
def indonesian(qapp):
    from tokodesk.ui import i18n

    assert i18n.install("id")
    yield
    i18n.install("en")


def _status(tab, seller_sku: str) -> str:  # noqa: ANN001
    from tokodesk.ui.inventory_tab import COL_SELLER_SKU, COL_STATUS

    for r, row in enumerate(tab.model.rows):
        if row[COL_SELLER_SKU] == seller_sku and row[COL_STATUS]:
            return tab.model.data(tab.model.index(r, COL_STATUS), Qt.ItemDataRole.DisplayRole)
    raise AssertionError(f"{seller_sku} has no push status")


def test_a_failed_stock_push_and_a_reconciliation_s_error_are_indonesian(qtbot, inventory_tab, ctx,  # noqa: F811
                                                                         wait_idle, sandbox, indonesian):
    from tokodesk import credentials
    from tokodesk.services import inventory

    tab = inventory_tab
    mapping = m.SkuMapping.select().where(m.SkuMapping.seller_sku != "").order_by(m.SkuMapping.id).first()
    inventory.set_stock([(mapping.seller_sku, 37)])
    # A wrong secret: the marketplace refuses the sign-in, so the push is not sent at all.
    channel = m.Channel.get_by_id(ctx.channel_id)
    good = credentials.get_client_secret(channel.token_channel or channel.name)
    credentials.set_client_secret(channel.token_channel or channel.name, "wrong-secret-123")
    credentials.delete_secret(channel.token_channel or channel.name, "token")
    qtbot.mouseClick(tab.push_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx, 30000)
    credentials.set_client_secret(channel.token_channel or channel.name, good)
    details = tab.banner._details  # the run's problems, each in the window's language
    assert "tidak dikirim: " in details and "not sent" not in details and "seller SKU" not in details, details
    stored = m.SkuMapping.get_by_id(mapping.id).last_push_status
    assert stored.startswith("failed: not sent: "), stored  # the CLI's English
    assert m.StockPush.select().where((m.StockPush.status == "failed")
                                      & m.StockPush.message_words.is_null(False)).exists()
    tab.reload()
    wait_idle(ctx)
    shown = _status(tab, mapping.seller_sku)
    assert shown.startswith("Gagal: tidak dikirim: ") and "not sent" not in shown, shown

    sandbox.faults.force("product_info", "error", 50)  # the reconciliation cannot read the products
    qtbot.mouseClick(tab.recon_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx, 30000)
    sandbox.faults.clear()
    report = m.ReconReport.select().order_by(m.ReconReport.id.desc()).first()
    assert report is not None and report.error.startswith("could not read products"), report and report.error
    tab.reload()
    wait_idle(ctx)
    label = tab.recon_label.text()
    assert "tidak bisa dibaca" in label and "could not read" not in label, label

    # A report stored before the words were kept (no words) shows its text as it was.
    m.ReconReport.create(channel=report.channel_id, created_at=m.utcnow(), error="an old wording", status="partial")
    tab.reload()
    wait_idle(ctx)
    assert tab.recon_label.text().endswith(" an old wording"), tab.recon_label.text()


def test_a_catalogue_push_s_failed_row_is_indonesian(qtbot, mapping_tab, ctx, wait_idle, sandbox,  # noqa: F811
                                                     indonesian):
    from PySide6.QtWidgets import QDialogButtonBox

    tab = mapping_tab
    seller_sku, _pid, price = select(tab, 0)
    qtbot.mouseClick(tab.catalog.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.catalog.dialog
    dialog.price.setText(str(int(price * 1.1)))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    sandbox.faults.force("price_update", "lost", 1)  # the answer is lost, then the read-back fails: not known
    sandbox.faults.force("product_info", "error", 50)
    qtbot.mouseClick(tab.catalog.push_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.catalog.dialog.push_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx, 30000)
    sandbox.faults.clear()
    edit = m.CatalogEdit.select().order_by(m.CatalogEdit.id.desc()).first()
    assert edit.message == "the answer was lost" and edit.message_words, (edit.status, edit.message)
    details = tab.banner._details
    assert f"{seller_sku} (" in details and "harga" in details and "jawabannya hilang" in details, details
    assert "answer was lost" not in details and " price " not in details, details


def test_a_handover_scan_keeps_its_words(sandbox_channel, indonesian):
    from tokodesk.services import handover
    from tokodesk.ui.messages import stored_text

    result = handover.scan("NOSUCHCODE123", "JNE", sandbox_channel)
    assert result.outcome == handover.UNKNOWN
    row = m.HandoverScan.get(m.HandoverScan.code == "NOSUCHCODE123")
    assert row.detail.startswith("UNKNOWN code NOSUCHCODE123: no parcel")  # the CLI's English
    shown = stored_text(row.detail, row.detail_words)
    assert shown.startswith("KODE TIDAK DIKENAL NOSUCHCODE123: tidak ada paket"), shown
