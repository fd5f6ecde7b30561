"""Take the screenshots in this folder: the wizard pages, each tab, the dialogs and the printed documents (as
PNG pages: LANG-doc-*.png), over a sandbox shop.

    for size in 1366x768 1920x1080; do for lang in en id; do
      xvfb-run -a -s "-screen 0 ${size}x24" env QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/take.py $lang
    done; done

`take.py LANG dispatch` takes only the dispatch pictures (shop health, today's plan, the tray's menu and alerts).
Each file is named language-screen-what (en-1366x768-orders.png); the window places itself as it does for a seller
(inside the screen's free area), so a shot at 1366×768 shows what a laptop shows.

On a laptop-sized screen: dialogs fit themselves to the screen, and the offscreen platform's 800×600 screen would
squeeze them (offscreen still works, for a quick look).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
LANG = sys.argv[1] if len(sys.argv) > 1 else "en"
os.environ["TOKODESK_HOME"] = tempfile.mkdtemp(prefix="tokodesk-shots-")
os.environ["TOKODESK_LANG"] = LANG
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402, TID251 - a UI script
from PySide6.QtWidgets import QApplication  # noqa: E402, TID251

from tokodesk.ui import i18n  # noqa: E402
from tokodesk.ui.demo import DemoKeyring  # noqa: E402


def settle(ctx, ms: int = 300) -> None:
    """Screenshot script only: let queued results arrive (the app itself never spins an event loop)."""
    loop = QEventLoop()
    for _ in range(200):
        QTimer.singleShot(ms // 10, loop.quit)
        loop.exec()
        if not ctx.jobs.busy():
            break
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shot(widget, name: str) -> None:
    screen = QApplication.primaryScreen().size()
    path = HERE / f"{LANG}-{screen.width()}x{screen.height()}-{name}.png"
    widget.grab().save(str(path))
    print("wrote", path)


def cancel_requests_shot(ctx, shop) -> None:
    """A Tokopedia & Shop channel on its own sandbox, three buyers asking to cancel, one already rejected."""
    from tokodesk import credentials
    from tokodesk.marketplace.tiktokshop import CAPABILITIES
    from tokodesk.sandbox import Status
    from tokodesk.services import catalog, orders
    from tokodesk.services.channels import adapter_for, default_order_sync_from
    from tokodesk.store import models as m
    from tokodesk.ui.cancel_requests import BuyerRequestsDialog

    creds = shop.credentials
    channel = m.Channel.create(
        name="Toko & Shop", marketplace="tiktokshop", app_key=creds["app_key"], service_id=str(creds["service_id"]),
        shop_cipher=creds.get("shop_cipher", ""), shop_id=str(creds.get("shop_id", "")),
        warehouse_id=str(creds.get("warehouse_id", "")), api_base=shop.url, auth_url=shop.url,
        order_sync_from=default_order_sync_from(CAPABILITIES),
    )
    credentials.set_secret(channel.name, "app_secret", creds["app_secret"])
    client = adapter_for(channel)
    try:
        client.authorize(shop.dialect.issue_auth_code())
        catalog.pull_skus(channel, client)
        orders.pull_orders(channel, client)
    finally:
        client.close()
    words = ("Berubah pikiran", "Ingin mengubah alamat pengiriman", "Menemukan harga lebih murah")
    with shop.shop.lock:
        waiting = [o for o in shop.orders_in_status(Status.ACCEPTED, Status.PAID)
                   if o.cancel_request is None and shop.dialect.order_status(o) == "AWAITING_SHIPMENT"]
        for order, reason in zip(waiting[:len(words)], words, strict=True):
            order.cancel_request = {"reason": reason, "time": shop.clock.now()}
    dialog = BuyerRequestsDialog(ctx, channel.id)
    dialog.show()
    dialog.load()
    settle(ctx, 600)
    settle(ctx)  # the first row's reasons to reject
    dialog.reason.setCurrentIndex(max(0, dialog.reason.findData("seller_reject_apply_product_has_been_packed")))
    dialog.comment.setText("Paket sudah dikemas dan siap dikirim hari ini")
    dialog.reject_selected()
    settle(ctx, 600)
    dialog.table.selectRow(1)
    settle(ctx)
    shot(dialog, "cancel-requests")
    dialog.close()
    return channel


def payouts_shots(ctx, window, shop, channel) -> None:
    """The Payouts tab on the Tokopedia & Shop channel a week on: the statements and withdrawals, an order whose
    payout differs from expected taken apart, the orders still waiting for their money, the weeks' chart, and cost
    prices with the margins (a few typed in, as a seller does)."""
    from datetime import datetime, timezone

    from tokodesk.services import cost_prices, orders, payout_sync
    from tokodesk.store import models as m

    shop.dialect.finance.late_rate = 0.3
    shop.advance(6 * 86400)  # the week's deliveries settled, a few late ones not yet
    real_utcnow = m.utcnow
    # The sandbox's clock now runs a week ahead of this PC's: "days ago" and the sync's window on the shop's clock.
    m.utcnow = lambda: datetime.fromtimestamp(shop.clock.now(), timezone.utc).replace(tzinfo=None)
    try:
        orders.pull_orders(channel)
        payout_sync.sync_payouts(m.Channel.get_by_id(channel.id))
        names = sorted(s for (s,) in m.StockItem.select(m.StockItem.seller_sku).tuples())
        prices = dict(m.OrderLine.select(m.OrderLine.seller_sku, m.OrderLine.price).tuples())
        cost_prices.set_costs([(sku, prices[sku] * 3 // 5 // 100 * 100) for sku in names if prices.get(sku)][:12])
        window.reload_channels()
        window.channel_combo.setCurrentIndex(window.channel_combo.findData(channel.id))
        tab = window.payouts_tab
        window.tabs.setCurrentWidget(tab)
        settle(ctx, 800)
        shot(window, "payouts")
        tab.views.setCurrentWidget(tab.unexpected)
        book = tab.data.book
        odd = next((p for p in book.unexpected() if len(p.causes) > 1), None) or next(iter(book.unexpected()), None)
        if odd is not None:
            tab.unexpected.select(odd.order_id)
        settle(ctx)
        shot(window, "payouts-differs")
        tab.views.setCurrentIndex(2)
        tab.days.setValue(2)
        settle(ctx)
        if tab.overdue.model.rows:
            tab.overdue.select(tab.overdue.model.rows[0].order_id)
        settle(ctx)
        shot(window, "payouts-not-settled")
        tab.views.setCurrentIndex(3)
        margin = next((p for p in tab.orders.model.rows if p.margin is not None), None)
        if margin is not None:
            tab.orders.select(margin.order_id)
        settle(ctx)
        shot(window, "payouts-orders")
        tab.views.setCurrentIndex(4)
        settle(ctx)
        shot(window, "payouts-weeks")
        tab.views.setCurrentIndex(5)
        settle(ctx)
        try:  # what a seller sees after typing a negative cost price
            tab.costs.parse(names[0], "-5000")
        except ValueError as refused:
            tab.costs.say(str(refused), error=True)
        shot(window, "payouts-costs")
    finally:
        m.utcnow = real_utcnow


def returns_shots(ctx, window, shop, channel) -> None:
    """The Returns tab on the Tokopedia & Shop channel: buyers' requests with their deadlines and photos, the reject
    dialog with two photos, a partial refund the marketplace proposes, a parcel back to inspect (damaged units per
    SKU), and the desk's scan of a parcel."""
    from PIL import Image

    from tokodesk.sandbox import Status
    from tokodesk.sandbox import tiktokshop_returns as sr
    from tokodesk.services import returns as rs

    picked, seen = [], set()
    with shop.shop.lock:
        for o in shop.orders_in_status(Status.PAID, Status.ACCEPTED):
            skus = {line.sku for line in o.lines}
            if not o.courier.own and not skus & seen and o.cancel_request is None and len(picked) < 4:
                picked.append(o)
                seen |= skus
    for o in picked:
        shop.force_status(o.order_id, Status.DELIVERED)
    book = shop.dialect.returns_book
    book.rate = 0.0
    with shop.shop.lock:
        asked = [book.request(o, kind, reason=n) for n, (o, kind) in enumerate(
            zip(picked, (sr.RETURN_AND_REFUND, sr.REFUND, sr.RETURN_AND_REFUND, sr.RETURN_AND_REFUND), strict=True))]
        book.approve(asked[2].return_id, "APPROVE_RETURN")
        book.approve(asked[3].return_id, "APPROVE_RETURN")
    shop.advance(20 * 3600)  # the buyers of the approved ones have sent their parcels back
    rs.sync_returns(channel)
    window.reload_channels()
    window.channel_combo.setCurrentIndex(window.channel_combo.findData(channel.id))
    tab = window.returns_tab
    window.tabs.setCurrentWidget(tab)
    settle(ctx, 600)
    tab.select_return(asked[0].return_id)
    settle(ctx, 800)
    shot(window, "returns")

    folder = Path(tempfile.mkdtemp(prefix="tokodesk-photos-"))
    photos = []
    for name, color in (("kardus-penyok.jpg", (150, 110, 70)), ("segel-utuh.jpg", (60, 120, 170))):
        Image.new("RGB", (640, 480), color).save(folder / name, "JPEG")
        photos.append(str(folder / name))
    photos.append(str(folder / "video-unboxing.mp4"))
    (folder / "video-unboxing.mp4").write_bytes(b"\0\0\0\x18ftypmp42" + b"\0" * 64)
    tab.ask_reject()
    dialog = tab.dialog
    dialog.reason.setCurrentIndex(max(0, dialog.reason.findData("reverse_reject_request_reason_no_evidence")))
    dialog.comment.setText("Segel masih utuh, kardus penyok karena kurir")
    dialog.add_photos(photos)
    settle(ctx)
    shot(dialog, "returns-reject")
    dialog.close()
    tab.ask_offer()
    offer = tab.dialog
    offer.spins[0].setValue(1)
    offer.calculate_button.click()
    settle(ctx, 600)
    shot(offer, "returns-offer")
    offer.close()

    tab.filter.setCurrentIndex(tab.filter.findData("to_inspect"))
    settle(ctx, 600)
    tab.select_return(asked[2].return_id)
    settle(ctx)
    tab.ask_receive()
    tab.dialog.spins[0].setValue(1)
    settle(ctx)
    shot(tab.dialog, "returns-received")
    tab.dialog.close()

    # A parcel of the first shop the buyer never took (COD refused, status 550), scanned at the desk.
    from tokodesk.store import models as m

    legacy = (m.Order.select().join(m.Channel).where((m.Channel.marketplace == "tokopedia")
                                                     & m.Order.awb.is_null(False)).first())
    if legacy is not None:
        m.Order.update(state="returned", marketplace_status="550", stock_taken=True).where(
            m.Order.id == legacy.id).execute()
    tab.scan_parcel()
    scan = tab.dialog
    scan.code.setText(legacy.awb if legacy is not None else "JX0000000000")
    scan.check_button.click()
    settle(ctx, 600)
    shot(scan, "returns-scan")
    scan.close()


def catalog_shots(ctx, window, channel) -> None:
    """The catalogue edit dialog (price and seller SKU code), the changes waiting, and the push summary with a large
    change to confirm, on the Tokopedia & Shop channel's SKU mapping tab."""
    from tokodesk.services import catalog_drafts, catalog_push, catalog_rules
    from tokodesk.store import models as m
    from tokodesk.ui.catalog_edits import CatalogEditDialog, DraftsDialog, PushDialog
    from tokodesk.ui.mapping_tab import MappingTab

    ctx.channel_id = channel.id
    tab = MappingTab(ctx)
    tab.resize(window.size())
    tab.show()
    settle(ctx, 600)
    listed = [(mp, p) for mp in m.SkuMapping.select().where((m.SkuMapping.channel == channel.id)
                                                              & m.SkuMapping.seller_sku.is_null(False))
              for p in m.Product.select().where((m.Product.channel == channel.id)
                                                & (m.Product.product_id == mp.product_id)
                                                & (m.Product.price > 0) & (m.Product.status == "ACTIVATE"))]
    (ma, pa), (mb, pb), (mc, pc) = listed[:3]
    catalog_drafts.set_edit(ma.seller_sku, price=pa.price * 11 // 10, channel=channel)
    catalog_drafts.set_edit(mb.seller_sku, price=pb.price * 2, channel=channel)
    catalog_drafts.set_edit(mc.seller_sku, new_seller_sku=f"{mc.seller_sku}-B", channel=channel)
    caps = catalog_rules.capabilities_of(channel)
    edit = CatalogEditDialog(pa.sku, pa.price, tab, code=pa.sku,
                             code_refusal="" if "seller_sku" in caps.catalog_fields else "-")
    edit.price.setText(str(pa.price * 11 // 10))
    edit.code.setText(f"{pa.sku}-2026")
    edit.show()
    settle(ctx)
    shot(edit, "catalog-edit")
    edit.close()
    drafts = DraftsDialog(channel.id, tab)
    drafts.show()
    settle(ctx)
    shot(drafts, "catalog-drafts")
    drafts.close()
    summary = catalog_push.summarize(channel)
    push = PushDialog(tab.catalog._summary_lines(summary), len(summary.large), tab)
    push.show()
    settle(ctx)
    shot(push, "catalog-push-summary")
    push.close()
    tab.close()


def dialog_shots(ctx, window, pks: list[int]) -> None:
    """The dialogs a seller meets on the Tokopedia channel: cancel, pack check, the Dispatch menu's three (handover,
    dispatch plan, shop health) and the channel settings."""
    from tokodesk.marketplace.tokopedia import reasons
    from tokodesk.services.pack_check import load_check
    from tokodesk.store import models as m
    from tokodesk.ui.dispatch_menu import open_handover, open_health, open_plan
    from tokodesk.ui.order_dialogs import CancelDialog
    from tokodesk.ui.pack_check import PackCheckDialog

    orders = [m.Order.get_by_id(pk) for pk in pks]
    cancel = CancelDialog(reasons.REASONS, [o.invoice or o.order_id for o in orders], window)
    cancel.show()
    settle(ctx)
    shot(cancel, "cancel-order")
    cancel.close()

    check = PackCheckDialog(load_check(pks[0]), window)
    check.show()
    line = check.check.lines[0]
    check.scan.setText(line.sku)
    check.on_scan()
    check.scan.setText("8990000000000")  # an item that is not in this parcel: refused, named in red
    check.on_scan()
    settle(ctx)
    shot(check, "pack-check")
    check.close()

    handover = open_handover(window)
    settle(ctx)
    courier = orders[0].courier or ""
    handover.courier.setCurrentText(courier)
    settle(ctx, 600)
    handover.code.setText(orders[0].booking_code or orders[0].awb or "TKP0000000000")
    handover.scan_entered()
    settle(ctx, 600)
    shot(handover, "handover")
    handover.close()
    for opener, name in ((open_plan, "dispatch-plan"), (open_health, "health")):
        dialog = opener(window)
        settle(ctx, 800)
        shot(dialog, name)
        dialog.close()

    window.tabs.setCurrentWidget(window.channel_tab)
    window.channel_tab.edit_settings()
    settle(ctx)
    shot(window.channel_tab.settings_dialog, "settings")
    window.channel_tab.settings_dialog.close()


def document_shots(ctx, channel, pks: list[int]) -> None:
    """Every printed document in LANG, rendered as the app renders it, then looked at as a picture (pdftoppm)."""
    import subprocess

    from tokodesk.documents import InvoiceData, render_invoices
    from tokodesk.documents.fmt import translator
    from tokodesk.services import handover, recon_export, reconciliation
    from tokodesk.services.fulfilment import documents as fd
    from tokodesk.store import models as m
    from tokodesk.ui.printing import build_documents

    out = Path(tempfile.mkdtemp(prefix="tokodesk-docs-"))
    pdfs: dict[str, bytes] = {}
    for kind in ("label", "picklist", "packing_list"):
        pdfs[kind] = build_documents(kind, pks, "100x150", ctx.adapter).parts[0]
    # A manifest lists the parcels shipped and waiting for one courier: the first courier that has some.
    finder = fd.Documents(ctx.adapter, "shots")
    couriers = sorted({c for (c,) in m.Order.select(m.Order.courier).where(m.Order.channel == channel).tuples() if c})
    listed = next((found for c in couriers if (found := finder.manifest_orders(c, channel))), [])
    pdfs["manifest"] = build_documents("manifest", [o.id for o in listed[:1]], "100x150", ctx.adapter).parts[0]
    order = m.Order.get_by_id(pks[0])
    pdfs["invoice"] = render_invoices([InvoiceData(
        marketplace="Tokopedia", invoice=order.invoice or order.order_id, order_id=order.order_id,
        shop=fd._sender(channel), buyer=fd._party_from_order(order), created_at=order.created_at,
        lines=fd._doc_lines(order, with_price=True), shipping_fee=order.shipping_fee or 0, discount=0,
        courier=order.courier or "", service=order.service or "", payment="COD" if order.cod_amount else "")],
        translator(LANG), printed_at=m.utcnow())
    client = ctx.adapter(channel)
    try:
        reconciliation.reconcile(channel, client, fix=False)
    finally:
        client.close()
    report = m.ReconReport.select().where(m.ReconReport.channel == channel).order_by(m.ReconReport.id.desc()).get()
    pdfs["reconciliation"] = recon_export.pdf_bytes(report, LANG)
    pdfs["handover"] = handover.manifest_pdf(order.courier or "", channel, tr=translator(LANG))[0]
    for name, pdf in pdfs.items():
        path = out / f"{name}.pdf"
        path.write_bytes(pdf)
        target = HERE / f"{LANG}-doc-{name}"
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(path), str(target)],
                       check=True)
        print("wrote", target.with_suffix(".png"))


def _dispatch_shop(m) -> object:  # noqa: ANN001
    """A Tokopedia & Shop channel with four weeks of dispatch history and today's work (made for the pictures: the
    health is computed from TokoDesk's own records, which a freshly pulled sandbox does not have yet)."""
    from datetime import timedelta

    channel = m.Channel.create(name="Toko & Shop", marketplace="tiktokshop")
    now = m.utcnow()
    couriers = ("J&T Express", "SiCepat REG", "JNE Reguler")
    for back in range(1, 35):
        for i in range(6):
            due = now.replace(hour=3, minute=0, second=0, microsecond=0) - timedelta(days=back, hours=-i)
            late = (back * 7 + i) % 17 == 0 or (9 <= back <= 12 and i < 2)
            order = m.Order.create(channel=channel, order_id=f"5760{back:03d}{i}", invoice=f"5760{back:03d}{i}",
                                   state="completed", courier=couriers[i % 3], created_at=due - timedelta(days=1),
                                   tts_sla_time=due, ship_deadline=due)
            m.OrderEvent.create(order=order, at=due + timedelta(hours=3 if late else -2), kind="ship",
                                detail="shipped", who="kasir@toko")
    cancelled = m.Order.create(channel=channel, order_id="57600099", invoice="57600099", state="cancelled",
                               created_at=now - timedelta(days=2), cancellation_initiator="SELLER",
                               tts_sla_time=now - timedelta(days=1))
    m.OrderEvent.create(order=cancelled, at=now - timedelta(days=2), kind="status_changed", who="sync",
                        detail="status AWAITING_SHIPMENT → CANCELLED (acknowledged → cancelled)")
    today = [("J&T Express", 1.5, 1.0, 600, "packed"), ("J&T Express", 1.5, 1.0, 100, "acknowledged"),
             ("J&T Express", 2.0, 1.0, 600, "ready_to_ship"), ("SiCepat REG", -0.5, None, 600, "acknowledged"),
             ("SiCepat REG", 3.0, None, 600, "packed"), ("GoSend Instant", 0.75, 0.5, 100, "acknowledged"),
             ("JNE Reguler", 4.5, 4.0, 600, "awaiting_pickup")]
    for n, (courier, due_h, cut_h, level, state) in enumerate(today):
        m.Order.create(channel=channel, order_id=f"57619{n:03d}", invoice=f"57619{n:03d}", state=state,
                       courier=courier, created_at=now - timedelta(hours=6), priority_level=level,
                       tts_sla_time=now + timedelta(hours=due_h), ship_deadline=now + timedelta(hours=due_h),
                       pick_up_cut_off_time=None if cut_h is None else now + timedelta(hours=cut_h))
    return channel


def dispatch_main() -> int:
    """`take.py LANG dispatch`: only the shop health, today's dispatch plan and the tray's menu and alerts."""
    app = QApplication(["tokodesk"])
    app.setStyle("Fusion")
    i18n.install(LANG)
    from tokodesk.store import models as m
    from tokodesk.store.connection import open_database
    from tokodesk.ui.context import AppContext
    from tokodesk.ui.dispatch_plan import open_plan
    from tokodesk.ui.health_dialog import open_health
    from tokodesk.ui.main_window import MainWindow
    from tokodesk.ui.tray import install_tray

    open_database()
    channel = _dispatch_shop(m)
    ctx = AppContext()
    window = MainWindow(ctx)
    window.show()
    settle(ctx, 600)
    ctx.channel_id = channel.id
    shot(window, "orders-to-do")
    plan = open_plan(window, ctx)
    settle(ctx, 600)
    shot(plan, "dispatch-plan-today")
    plan.close()
    health = open_health(window)
    settle(ctx, 800)
    shot(health, "health-four-weeks")
    health.close()
    tray = install_tray(window, available=False)
    tray.menu.popup(window.geometry().center())
    settle(ctx)
    shot(tray.menu, "tray-menu")
    tray.menu.close()
    tray.edit_settings()
    settle(ctx, 600)
    shot(tray.settings_dialog, "alerts")
    tray.settings_dialog.close()
    window.close()
    ctx.jobs.shutdown()
    return 0


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[2] == "dispatch":
        return dispatch_main()
    app = QApplication(["tokodesk"])
    app.setStyle("Fusion")
    i18n.install(LANG)
    keyring.set_keyring(DemoKeyring())
    from tokodesk import credentials
    from tokodesk.marketplace.tokopedia import CAPABILITIES
    from tokodesk.sandbox import Sandbox
    from tokodesk.services import catalog, orders
    from tokodesk.services.channels import default_order_sync_from
    from tokodesk.store import models as m
    from tokodesk.store.connection import open_database
    from tokodesk.ui.context import AppContext
    from tokodesk.ui.main_window import MainWindow
    from tokodesk.ui.wizard import ChannelWizard

    open_database()
    sandbox = Sandbox(seed=11, products=25, orders=80, days=3).start()
    ctx = AppContext()

    wizard = ChannelWizard(ctx)
    wizard.show()
    settle(ctx)
    shot(wizard, "wizard-1-marketplace")
    wizard.marketplace_page.legacy.setChecked(True)
    wizard.next()
    page = wizard.credentials_page
    creds = sandbox.credentials
    page.name.setText("Toko Utama")
    page.fs_id.setText(str(creds["fs_id"]))
    page.client_id.setText(creds["client_id"])
    page.client_secret.setText(creds["client_secret"])
    page.shop_id.setText(str(creds["shop_id"]))
    page.advanced.setChecked(True)
    page.api_base.setText(sandbox.url)
    page.auth_url.setText(sandbox.url)
    page.test_connection()
    settle(ctx)
    shot(wizard, "wizard-2-credentials")
    wizard.next()
    settle(ctx)
    shot(wizard, "wizard-3-settings")
    wizard.next()
    settle(ctx)
    shot(wizard, "wizard-4-starting-stock")
    wizard.next()
    settle(ctx, 800)
    shot(wizard, "wizard-5-saved")
    wizard.close()

    # The advanced path: the marketplace page's "choose the database" leads to the Database page.
    database_wizard = ChannelWizard(ctx)
    database_wizard.show()
    database_wizard.marketplace_page.choose_database.setChecked(True)
    database_wizard.next()
    settle(ctx)
    shot(database_wizard, "wizard-6-database")
    database_wizard.close()

    channel = m.Channel.get(m.Channel.name == "Toko Utama")
    channel.order_sync_from = default_order_sync_from(CAPABILITIES)
    channel.save()
    credentials.set_secret(channel.name, "client_secret", creds["client_secret"])
    catalog.pull_skus(channel)
    # The shelves counted once, as a seller does after the first SKU pull (one SKU left uncounted, to show it).
    from tokodesk.services import inventory

    skus = sorted({s for (s,) in m.SkuMapping.select(m.SkuMapping.seller_sku).tuples() if s})
    inventory.set_stock([(sku, 5 + len(sku) % 9) for sku in skus[1:]])
    orders.pull_orders(channel)

    window = MainWindow(ctx)  # placed and sized by the app itself, as on a seller's screen
    window.show()
    settle(ctx, 600)
    tab = window.orders_tab
    new = [r[0] for r in tab.model.all_rows() if r[3] == "new"][:3]
    tab.select_pks(new[:1])
    settle(ctx)
    shot(window, "orders")
    tab.select_pks(new)
    tab.acknowledge()
    settle(ctx, 600)
    tab.set_chip("to_pack")
    tab.select_pks(new[:1])
    settle(ctx)
    shot(window, "orders-to-pack")
    dialog_shots(ctx, window, new)
    document_shots(ctx, channel, new)
    window.tabs.setCurrentWidget(tab)
    for index, name in ((0, "channel"), (1, "mapping"), (3, "inventory")):
        window.tabs.setCurrentIndex(index)
        settle(ctx)
        shot(window, name)
    window.tabs.setCurrentIndex(2)
    tab.select_pks(new)
    tab.print_documents("label")
    settle(ctx, 800)
    shot(tab.print_dialog, "print-labels")
    tab.print_dialog.close()
    # The network goes down: the next order pull fails and the queue and the status bar say so, with Retry.
    import socket

    from tokodesk.ui.sync import start_sync

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}"
    m.Channel.update(api_base=closed, auth_url=closed).where(m.Channel.id == channel.id).execute()
    start_sync(ctx, "orders", channel.id)
    settle(ctx, 800)
    tab.health.refresh()
    settle(ctx, 600)
    shot(window, "orders-offline")
    m.Channel.update(api_base=sandbox.url, auth_url=sandbox.url).where(m.Channel.id == channel.id).execute()
    # Tokopedia & Shop: the buyers' cancellation requests dialog (before the window closes and stops the workers).
    shop = Sandbox(seed=11, products=25, orders=80, days=3, dialect="tiktokshop").start()
    try:
        shop_channel = cancel_requests_shot(ctx, shop)
        catalog_shots(ctx, window, shop_channel)
        returns_shots(ctx, window, shop, shop_channel)
        payouts_shots(ctx, window, shop, shop_channel)
    finally:
        shop.stop()
    window.close()
    sandbox.stop()
    ctx.jobs.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
