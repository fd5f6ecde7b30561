"""UI fixtures: a main window over the test database, a sandbox-backed channel, helpers to wait for jobs."""

from __future__ import annotations

import pytest


@pytest.fixture
def ctx(qapp, database):
    from tokodesk.ui.context import AppContext

    context = AppContext()
    yield context
    context.jobs.shutdown()


@pytest.fixture
def wait_idle(qtbot):
    """Wait until every job of a context has finished (results delivered on the GUI thread)."""

    def wait(context, timeout: int = 15000) -> None:
        qtbot.waitUntil(lambda: not context.jobs.busy(), timeout=timeout)

    return wait


@pytest.fixture
def window(qtbot, ctx, wait_idle):
    from tokodesk.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    wait_idle(ctx)
    yield win
    win.close()


@pytest.fixture
def sandbox():
    from tokodesk.sandbox import Sandbox

    with Sandbox(seed=3, products=12, orders=40, days=2, freeze_clock=False) as sb:
        yield sb


@pytest.fixture
def sandbox_channel(database, sandbox):
    """A Tokopedia channel on the sandbox with its secret in the (memory) keyring, products and orders pulled."""
    from tokodesk import credentials
    from tokodesk.marketplace.tokopedia import CAPABILITIES
    from tokodesk.services import catalog, orders
    from tokodesk.services.channels import default_order_sync_from
    from tokodesk.store import models as m

    creds = sandbox.credentials
    channel = m.Channel.create(
        name="Toko Test", marketplace="tokopedia", fs_id=str(creds["fs_id"]), client_id=creds["client_id"],
        shop_id=str(creds["shop_id"]), warehouse_id=str(creds.get("warehouse_id", "")), api_base=sandbox.url,
        auth_url=sandbox.url, order_sync_from=default_order_sync_from(CAPABILITIES), orders_on_invoice=True,
    )
    credentials.set_secret(channel.name, "client_secret", creds["client_secret"])
    catalog.pull_skus(channel)
    orders.pull_orders(channel)
    return m.Channel.get_by_id(channel.id)


@pytest.fixture
def open_orders_tab(qtbot, ctx, wait_idle):
    """Open the Orders tab on a channel and wait until its queue has loaded."""

    def make(channel):  # noqa: ANN001, ANN202
        from tokodesk.store import models as m
        from tokodesk.ui.orders_tab import OrdersTab

        ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
        ctx.channel_id = channel.id
        widget = OrdersTab(ctx)
        qtbot.addWidget(widget)
        widget.show()
        wait_idle(ctx)
        assert widget.loaded
        return widget

    return make
