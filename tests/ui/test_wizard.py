"""The setup wizard end to end against the sandbox: good credentials save a channel; bad ones say why."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def wizard(qtbot, ctx):
    from tokodesk.ui.wizard import ChannelWizard

    wiz = ChannelWizard(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    return wiz


def _fill_tokopedia(page, sandbox, secret=None):
    creds = sandbox.credentials
    page.name.setText("Toko Wizard")
    page.fs_id.setText(str(creds["fs_id"]))
    page.client_id.setText(creds["client_id"])
    page.client_secret.setText(secret or creds["client_secret"])
    page.shop_id.setText(str(creds["shop_id"]))
    page.advanced.setChecked(True)
    page.api_base.setText(sandbox.url)
    page.auth_url.setText(sandbox.url)


def test_marketplace_choice_puts_the_current_api_first_and_says_the_legacy_one_is_off(wizard):
    page = wizard.marketplace_page
    assert page.current.isChecked() and page.marketplace() == "tiktokshop"
    # Shown as "Tokopedia & Shop": a lone "&" is a mnemonic and showed as "Tokopedia _Shop".
    assert page.current.text().startswith("Tokopedia && Shop") and "& " not in page.current.text().replace("&&", "")
    assert "shut down" in page.legacy.text()
    from PySide6.QtWidgets import QLabel

    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "no longer answers" in texts


def test_good_credentials_test_then_save_and_first_pulls(qtbot, wizard, ctx, sandbox, wait_idle, memory_keyring):
    from tokodesk.store import models as m

    wizard.marketplace_page.legacy.setChecked(True)
    wizard.next()
    page = wizard.credentials_page
    assert page.client_secret.echoMode() == page.client_secret.EchoMode.Password
    _fill_tokopedia(page, sandbox)
    assert not page.isComplete(), "an untested page must not finish"
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.tested is not None, timeout=10000)
    assert page.tested.shop_name and page.tested.shop_name in page.test_result.text()
    assert page.isComplete()
    wizard.next()
    assert wizard.currentPage() is wizard.settings_page
    assert not wizard.settings_page.form.use_marketplace_label.isChecked()  # legacy Tokopedia: own labels
    wizard.settings_page.form.business_model.setCurrentIndex(1)  # drop-off
    wizard.next()
    assert wizard.currentPage() is wizard.stock_page and wizard.stock_page.choice() == "adopt"
    wizard.next()
    qtbot.waitUntil(lambda: wizard.save_page.isComplete(), timeout=30000)
    wizard.accept()
    wait_idle(ctx, 30000)
    channel = m.Channel.get(m.Channel.name == "Toko Wizard")
    assert channel.business_model == "dropoff"
    assert channel.shop_name == page.tested.shop_name
    assert m.Order.select().where(m.Order.channel == channel.id).count() > 0, "finish starts the order pull"
    assert m.Product.select().where(m.Product.channel == channel.id).count() > 0, "finish starts the SKU pull"
    assert memory_keyring.store[("tokodesk", "Toko Wizard:client_secret")] == sandbox.credentials["client_secret"]


def test_wrong_secret_is_explained_and_blocks_finish_until_save_untested(qtbot, wizard, sandbox):
    wizard.marketplace_page.legacy.setChecked(True)
    wizard.next()
    page = wizard.credentials_page
    _fill_tokopedia(page, sandbox, secret="not-the-secret")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.test_button.isEnabled() and page.test_result.text() != "Testing…", timeout=10000)
    assert page.tested is None
    assert "refused" in page.test_result.text()
    assert "not-the-secret" not in page.test_result.text()
    assert not page.isComplete()
    page.save_untested.setChecked(True)
    assert page.isComplete()


def test_no_network_is_said_in_words(qtbot, wizard, sandbox):
    wizard.marketplace_page.legacy.setChecked(True)
    wizard.next()
    page = wizard.credentials_page
    _fill_tokopedia(page, sandbox)
    page.api_base.setText("http://127.0.0.1:9")
    page.auth_url.setText("http://127.0.0.1:9")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.test_button.isEnabled() and page.test_result.text() != "Testing…", timeout=30000)
    assert "No network" in page.test_result.text()


def test_order_sync_from_older_than_three_days_is_refused(qtbot, wizard, sandbox):
    from datetime import datetime, timedelta, timezone

    wizard.marketplace_page.legacy.setChecked(True)
    wizard.next()
    page = wizard.credentials_page
    _fill_tokopedia(page, sandbox)
    page.save_untested.setChecked(True)
    wizard.next()
    form = wizard.settings_page.form
    assert "3 days" in form.sync_from_hint.text()
    form.order_sync_from.clearMinimumDateTime()
    from tokodesk.ui.channel_form import _qdt

    form.order_sync_from.setDateTime(_qdt(datetime.now(timezone.utc) - timedelta(days=5)))
    wizard.next()
    assert wizard.currentPage() is wizard.settings_page
    assert "older than" in wizard.settings_page.error.text()


def test_a_consent_for_two_shops_is_exchanged_once_and_the_seller_picks_the_shop(qtbot, wizard, ctx, wait_idle,
                                                                                 memory_keyring):
    """The code works once: Test exchanges it and lists both shops; testing again (after renaming) reuses the
    tokens; the channel is saved with the shop the seller picked (issue 16.1)."""
    from tokodesk.sandbox import Sandbox
    from tokodesk.store import models as m

    with Sandbox(seed=4, products=6, orders=10, dialect="tiktokshop", freeze_clock=True) as sb:
        second = sb.dialect.offer_second_shop("Toko Cabang")
        cr = sb.credentials
        assert wizard.marketplace_page.marketplace() == "tiktokshop"
        wizard.next()
        page = wizard.credentials_page
        page.name.setText("Toko Dua")
        page.app_key.setText(cr["app_key"])
        page.app_secret.setText(cr["app_secret"])
        page.service_id.setText(cr["service_id"])
        page.auth_code.setText(sb.dialect.issue_auth_code())
        page.advanced.setChecked(True)
        page.api_base.setText(sb.url)
        page.auth_url.setText(sb.url)
        assert not page.shop_choice.isVisible()
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.tested is not None, timeout=15000)
        assert page.shop_choice.isVisible() and page.shop_choice.count() == 2
        assert page.shop_hint.isVisible()
        assert page.tested.shop_id == str(sb.shop.shop_id)

        # Renamed after the test: testing again must not spend the code a second time.
        page.name.setText("Toko Cabang")
        assert page.tested is None
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.tested is not None, timeout=15000)
        assert "refused" not in page.test_result.text()
        assert sb.calls["token_get"] == 1

        page.shop_choice.setCurrentIndex(1)
        assert page.tested.shop_id == second["id"] and "Toko Cabang" in page.test_result.text()
        wizard.next()
        assert wizard.currentPage() is wizard.settings_page
        # Tokopedia & Shop masks the recipient under platform logistics: a new channel prints its label.
        assert wizard.settings_page.form.use_marketplace_label.isChecked()
        wizard.next()
        wizard.stock_page.later.setChecked(True)
        wizard.next()
        qtbot.waitUntil(lambda: wizard.save_page.isComplete(), timeout=30000)
        channel = m.Channel.get(m.Channel.name == "Toko Cabang")
        assert (channel.shop_id, channel.shop_cipher) == (second["id"], second["cipher"])
        assert channel.use_marketplace_label
        assert ("tokodesk", "Toko Cabang:token") in memory_keyring.store
        assert ("tokodesk", "Toko Dua:token") not in memory_keyring.store  # the tokens followed the name
        assert m.AppSetting.get_or_none(m.AppSetting.key == "token-share:Toko Cabang")  # and reach other stations
        wizard.accept()
        wait_idle(ctx, 30000)


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("dialect", ["legacy", "current"])
def test_the_channel_name_starts_in_the_column_of_the_fields_below_it(qtbot, ctx, wait_idle, language, dialect):
    """"Nama channel" sits in the same label column as the credentials: every field starts where its box does."""
    from PySide6.QtWidgets import QLineEdit

    from tokodesk.ui import i18n
    from tokodesk.ui.wizard import ChannelWizard

    assert i18n.install(language)
    try:
        wiz = ChannelWizard(ctx)
        qtbot.addWidget(wiz)
        wiz.resize(720, 640)
        wiz.show()
        getattr(wiz.marketplace_page, dialect).setChecked(True)
        wiz.next()
        page = wiz.credentials_page
        qtbot.waitExposed(wiz)
        wait_idle(ctx)  # the keyring check the first page started
        fields = [f for f in page.findChildren(QLineEdit)
                  if f.isVisible() and not page.advanced.isAncestorOf(f)]
        assert page.name in fields and len(fields) >= 4
        starts = {f.mapTo(page, f.rect().topLeft()).x() for f in fields}
        assert len(starts) == 1, f"the fields start in {sorted(starts)}"
        # And no label is cut to fit: each ends before the fields begin.
        start = starts.pop()
        for field in fields:
            label = page.form.labelForField(field)
            if label is not None:
                assert label.mapTo(page, label.rect().topLeft()).x() + label.sizeHint().width() <= start
    finally:
        i18n.install("en")
