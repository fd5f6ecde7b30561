"""The detail pane's recipient block: an address that already names its district, city and postal code (as
marketplaces often send it) is not followed by the same words again; one that does not gets them."""

from __future__ import annotations

from tokodesk.store import models as m
from tokodesk.ui.orders_model import TO_DO


def _shown(qtbot, ctx, wait_idle, tab, order) -> str:  # noqa: ANN001
    tab.select_pks([order.id])
    wait_idle(ctx)
    qtbot.waitUntil(lambda: tab.detail.shown_pk == order.id, timeout=10000)
    return tab.detail.toPlainText()


def test_the_recipient_block_says_each_part_of_the_address_once(qtbot, ctx, sandbox_channel, open_orders_tab,
                                                                 wait_idle):
    # Two orders still to ship, where the packer reads the address (the queue opens on the work to do).
    full, short = m.Order.select().where((m.Order.channel == sandbox_channel) & m.Order.state.in_(sorted(TO_DO))
                                         ).limit(2)
    area = {"recipient_district": "Mergangsan", "recipient_city": "Yogyakarta", "recipient_province": "DI Yogyakarta",
            "recipient_postal_code": "55120"}
    m.Order.update(recipient_address="Gg. Mawar No. 15, Mergangsan, Yogyakarta, DI Yogyakarta 55120", **area).where(
        m.Order.id == full.id).execute()
    m.Order.update(recipient_address="Gg. Mawar No. 15", **area).where(m.Order.id == short.id).execute()
    tab = open_orders_tab(sandbox_channel)
    text = _shown(qtbot, ctx, wait_idle, tab, full)
    assert text.count("Mergangsan") == 1 and text.count("55120") == 1
    text = _shown(qtbot, ctx, wait_idle, tab, short)
    assert "Mergangsan, Yogyakarta, DI Yogyakarta" in text and text.count("55120") == 1
