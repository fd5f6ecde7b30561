"""`tokodesk --demo`: an in-process sandbox shop and a channel on it, secrets only in process memory."""

from __future__ import annotations


def test_demo_shop_starts_with_a_channel_on_the_sandbox(qtbot, ctx, wait_idle, memory_keyring):
    import keyring

    from tokodesk.store import models as m
    from tokodesk.ui.demo import DemoKeyring, DemoShop

    demo = DemoShop(ctx, "tokopedia")
    ready = []
    demo.ready.connect(lambda: ready.append(True))
    try:
        demo.start()
        qtbot.waitUntil(lambda: bool(ready), timeout=15000)
        assert isinstance(keyring.get_keyring(), DemoKeyring), "demo secrets never reach the real keyring"
        channel = m.Channel.get_by_id(ctx.demo_info["channel_id"])
        assert channel.api_base == ctx.demo_info["url"] and channel.api_base.startswith("http://127.0.0.1:")
        from tokodesk.services import orders

        summary = orders.pull_orders(channel)
        assert summary.created > 0, "the demo shop has orders to try the buttons on"
    finally:
        demo.stop()
        keyring.set_keyring(memory_keyring)
