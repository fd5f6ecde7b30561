"""Issue 14 item 1 acceptance: the first connection never changes the shop's stock. The real wizard, its defaults
clicked through against a sandbox shop with stock on every listing, then every scheduled job run twice; the
marketplace's stock is read back from the sandbox. Also: "I will count later" pushes nothing; a bad counts file
cannot be half-imported; the wizard's item-7 fixes (keyring on the first page, "saved" only once it is)."""

from __future__ import annotations

import threading

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from tokodesk.sandbox import Sandbox
from tokodesk.services import reconciliation, scheduler, stock_push
from tokodesk.store import models as m

JOBS = ("skus", "orders", "statuses", "inventory", "recon")


@pytest.fixture(params=["tokopedia", "tiktokshop"])
def shop(request):
    with Sandbox(seed=11, products=12, orders=40, days=2, dialect=request.param, freeze_clock=True) as sb:
        listings = [p for p in sb.shop.products.values() if not p.is_parent]
        for product in listings:
            if product.stock <= 0:
                product.stock = 3 + product.product_id % 9  # stock on every listing
        if request.param == "tiktokshop":
            # Some SKUs are stocked in a second warehouse too: a push writes one warehouse and keeps the other.
            for product in listings[:3]:
                product.other_warehouses[str(sb.shop.warehouse_id + 1)] = 5
        sb.marketplace = request.param
        yield sb


@pytest.fixture
def wizard(qtbot, ctx):
    from tokodesk.ui.wizard import ChannelWizard

    wiz = ChannelWizard(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    return wiz


def listing_stock(sb: Sandbox) -> dict[int, tuple]:
    """Every listing's stock, per warehouse."""
    return {p.product_id: (p.stock, dict(p.other_warehouses)) for p in sb.shop.products.values() if not p.is_parent}


def stock_updates(sb: Sandbox) -> int:
    return sum(p.stock_updates for p in sb.shop.products.values())


def fill_credentials(qtbot, wizard, sb: Sandbox) -> None:  # noqa: ANN001
    page = wizard.credentials_page
    creds = sb.credentials
    page.name.setText("Toko Baru")
    if sb.marketplace == "tokopedia":
        page.fs_id.setText(str(creds["fs_id"]))
        page.client_id.setText(creds["client_id"])
        page.client_secret.setText(creds["client_secret"])
        page.shop_id.setText(str(creds["shop_id"]))
    else:
        page.app_key.setText(creds["app_key"])
        page.app_secret.setText(creds["app_secret"])
        page.service_id.setText(str(creds["service_id"]))
        page.auth_code.setText(sb.dialect.issue_auth_code())
    page.advanced.setChecked(True)
    page.api_base.setText(sb.url)
    page.auth_url.setText(sb.url)
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.tested is not None, timeout=15000)


def click_through(qtbot, wizard, sb: Sandbox, ctx, wait_idle, choose=None) -> m.Channel:  # noqa: ANN001
    """The wizard as a new seller clicks it: defaults everywhere (unless `choose` changes the starting stock)."""
    if wizard.marketplace_page.marketplace() != sb.marketplace:
        (wizard.marketplace_page.current if sb.marketplace == "tiktokshop" else wizard.marketplace_page.legacy
         ).setChecked(True)
    qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.NextButton).isEnabled(), timeout=10000)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    fill_credentials(qtbot, wizard, sb)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.settings_page
    assert wizard.settings_page.form.inventory_sync.isChecked(), "the default pushes stock"
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.stock_page
    assert wizard.stock_page.adopt.isChecked(), "the default is the marketplace's current stock"
    if choose is not None:
        choose(wizard.stock_page)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.save_page
    qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.FinishButton).isEnabled(), timeout=60000)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    wait_idle(ctx, 60000)
    return m.Channel.get(m.Channel.name == "Toko Baru")


def run_every_job_twice(channel: m.Channel) -> None:
    for _round in range(2):
        for kind in JOBS:
            summary = scheduler.runner(kind)(m.Channel.get_by_id(channel.id))
            assert summary.status in ("ok", "skipped"), (kind, summary.errors)
    # The reconciliation's fix and a full push (every SKU sent, changed or not): neither may change anything.
    reconciliation.sync_recon(m.Channel.get_by_id(channel.id), fix=True)
    stock_push.sync_inventory(m.Channel.get_by_id(channel.id), method="full")


def test_the_wizard_defaults_never_change_the_shops_stock(qtbot, wizard, ctx, wait_idle, shop):
    before = listing_stock(shop)
    assert before and all(q > 0 for q, _others in before.values())
    channel = click_through(qtbot, wizard, shop, ctx, wait_idle)
    assert "counted from the marketplace" in wizard.save_page.stock.text()
    mapped = m.SkuMapping.select().where(m.SkuMapping.seller_sku.is_null(False)).count()
    assert mapped > 0
    assert m.StockItem.select().where(m.StockItem.on_hand.is_null()).count() == 0, "every SKU adopted"

    run_every_job_twice(channel)
    assert listing_stock(shop) == before, "the first connection changed the shop's stock"
    report = reconciliation.latest_report(channel)
    lines = [(x.seller_sku, x.cause, x.marketplace_qty, x.expected_qty) for x in reconciliation.report_lines(report)]
    # Listings without a SKU are reported as unmapped (the seller must map them); nothing else may differ.
    assert [x for x in lines if x[1] != "unmapped"] == [] and report.fixed == 0, lines


def test_count_later_pushes_nothing(qtbot, wizard, ctx, wait_idle, shop):
    before = listing_stock(shop)
    channel = click_through(qtbot, wizard, shop, ctx, wait_idle, choose=lambda page: page.later.setChecked(True))
    assert "Nothing is pushed" in wizard.save_page.stock.text()
    run_every_job_twice(channel)
    assert listing_stock(shop) == before and stock_updates(shop) == 0, "nothing may be sent at all"
    assert m.StockItem.select().count() > 0
    assert m.StockItem.select().where(m.StockItem.on_hand.is_null(False)).count() == 0
    run = m.SyncRun.select().where(m.SyncRun.kind == "inventory").order_by(m.SyncRun.id.desc()).get()
    assert run.updated == 0


def test_a_counts_file_with_a_bad_line_blocks_the_page_and_a_good_one_is_saved(qtbot, wizard, ctx, wait_idle,
                                                                             tmp_path):
    page = wizard.stock_page
    page.import_csv.setChecked(True)
    assert not page.isComplete(), "no file yet"
    bad = tmp_path / "bad.csv"
    bad.write_text("seller_sku,on_hand\nKAOS-M,4\nKAOS-L,-1\n", encoding="utf-8")
    page.load_file(str(bad))
    wait_idle(ctx)
    assert not page.isComplete() and f"{bad}:3:" in page.file_report.text()
    good = tmp_path / "good.csv"
    good.write_text("KAOS-M;4\nKAOS-L;0\n", encoding="utf-8")
    page.load_file(str(good))
    wait_idle(ctx)
    assert page.isComplete() and page.counts() == [("KAOS-M", 4), ("KAOS-L", 0)]


def test_a_missing_keyring_is_said_on_the_first_page(qtbot, ctx):
    from tokodesk.ui.wizard import ChannelWizard

    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        wiz = ChannelWizard(ctx)
        qtbot.addWidget(wiz)
        wiz.show()
        page = wiz.marketplace_page
        qtbot.waitUntil(lambda: page.keyring_problem is not None, timeout=10000)
        assert "No usable keyring" in page.keyring.text() and "Secret Service" in page.keyring.text()
        assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled(), "not one credential typed in vain"
    finally:
        keyring.set_keyring(previous)


def test_the_first_page_names_the_keyring_in_use(qtbot, wizard):
    page = wizard.marketplace_page
    qtbot.waitUntil(lambda: page.keyring_problem is not None, timeout=10000)
    assert page.keyring_problem == "" and page.keyring.text().startswith("Secrets will be kept in:")
    assert not page.keyring.text().endswith(": Keyring")


def test_the_saving_page_says_saved_only_once_it_is(qtbot, wizard, ctx, wait_idle, monkeypatch):
    from tokodesk.ui import wizard_logic

    gate = threading.Event()
    real = wizard_logic.save_channel
    monkeypatch.setattr(wizard_logic, "save_channel", lambda *a: gate.wait(10) and real(*a))
    page = wizard.credentials_page
    wizard.marketplace_page.legacy.setChecked(True)
    wizard.next()
    page.name.setText("Toko Lambat")
    for field, value in ((page.fs_id, "1"), (page.client_id, "c"), (page.client_secret, "s"), (page.shop_id, "2")):
        field.setText(value)
    page.save_untested.setChecked(True)
    wizard.next()
    wizard.next()
    wizard.stock_page.later.setChecked(True)
    wizard.next()
    save = wizard.save_page
    assert save.title() == "Saving the channel"
    assert "saved" not in save.status.text().lower() and not save.isComplete()
    gate.set()
    qtbot.waitUntil(save.isComplete, timeout=10000)
    assert save.title() == "The channel is saved" and "The channel is saved" in save.status.text()
    assert m.Channel.get_or_none(m.Channel.name == "Toko Lambat") is not None


def test_a_counts_file_chosen_in_the_wizard_is_the_count_and_only_those_skus_are_pushed(qtbot, wizard, ctx, wait_idle,
                                                                                     shop, tmp_path):
    from tokodesk.services import inventory

    before = listing_stock(shop)
    counted = next(p for p in shop.shop.products.values() if not p.is_parent and p.sku and not p.other_warehouses)
    counts = tmp_path / "counts.csv"
    counts.write_text(f"seller_sku,on_hand\n{counted.sku},{counted.stock + 40}\n", encoding="utf-8")

    def choose(page):  # noqa: ANN001, ANN202
        page.import_csv.setChecked(True)
        page.load_file(str(counts))
        qtbot.waitUntil(page.isComplete, timeout=10000)

    channel = click_through(qtbot, wizard, shop, ctx, wait_idle, choose=choose)
    assert "1 counts imported" in wizard.save_page.stock.text()
    run_every_job_twice(channel)
    after = listing_stock(shop)
    level = next(a for a in inventory.compute_availability(channel) if a.seller_sku == counted.sku)
    assert after[counted.product_id][0] == level.available, "the seller's count is pushed"
    assert {k: v for k, v in after.items() if k != counted.product_id} == {
        k: v for k, v in before.items() if k != counted.product_id}, "nobody counted the others: untouched"


def test_while_a_counts_file_waits_for_the_orders_the_saving_page_says_so(qtbot, wizard, ctx, wait_idle, monkeypatch,
                                                                        tmp_path):
    """The counts are saved only after the shop's orders are read (those shipped before the count must not come off
    it again): the page says it is reading them, not only "Saving your counts…" for the length of a first pull."""
    from tokodesk.services import stock_adopt

    gate = threading.Event()
    real = stock_adopt.first_count
    monkeypatch.setattr(stock_adopt, "first_count", lambda *a, **k: gate.wait(10) and real(*a, **k))
    counts = tmp_path / "counts.csv"
    counts.write_text("seller_sku,on_hand\nKAOS-M,4\n", encoding="utf-8")
    page = wizard.credentials_page
    wizard.marketplace_page.legacy.setChecked(True)
    wizard.next()
    page.name.setText("Toko Hitung")
    for field, value in ((page.fs_id, "1"), (page.client_id, "c"), (page.client_secret, "s"), (page.shop_id, "2")):
        field.setText(value)
    page.save_untested.setChecked(True)
    wizard.next()
    wizard.next()
    wizard.stock_page.import_csv.setChecked(True)
    wizard.stock_page.load_file(str(counts))
    qtbot.waitUntil(wizard.stock_page.isComplete, timeout=10000)
    wizard.next()
    save = wizard.save_page
    qtbot.waitUntil(lambda: save.channel_id is not None, timeout=10000)
    assert "orders" in save.stock.text() and "counts" in save.stock.text(), save.stock.text()
    gate.set()
    qtbot.waitUntil(save.isComplete, timeout=20000)
