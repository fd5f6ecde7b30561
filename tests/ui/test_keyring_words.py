"""The keyring's problems in the window's language.

Seen in the Indonesian window: the Channel tab's Token line said "No keyring is available to keep TokoDesk's
secrets. Install and unlock a Secret Service keyring …" in English (tokodesk/credentials.py wrote plain text); the
wizard's first page and the error banner said the same. The CLI keeps the English."""

from __future__ import annotations

import keyring
import keyring.backends.fail
import pytest


@pytest.fixture
def indonesian(qapp):
    from tokodesk.ui import i18n

    assert i18n.install("id")
    yield
    i18n.install("en")


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())  # a real backend that has no store: every call refused
    yield
    keyring.set_keyring(previous)


def test_the_channel_tab_says_a_missing_keyring_in_indonesian(qtbot, ctx, sandbox_channel, wait_idle, indonesian,
                                                               no_keyring):
    from tokodesk import credentials
    from tokodesk.store import models as m
    from tokodesk.ui.channel_tab import ChannelTab

    with pytest.raises(credentials.CredentialError) as caught:  # what the tab's worker meets, in the CLI's English
        credentials.load_token(sandbox_channel.name)
    assert str(caught.value).startswith("No keyring is available to keep TokoDesk's secrets. Install and unlock")

    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = sandbox_channel.id
    tab = ChannelTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    wait_idle(ctx)
    qtbot.waitUntil(lambda: tab.state is not None, timeout=10000)
    token = tab.values["token"].text()
    assert token.startswith("Tidak ada keyring untuk menyimpan rahasia TokoDesk. Pasang dan buka kunci"), token
    assert "Install" not in token
    shown = tab.values["keyring"].text()
    assert "Tidak ada backend keyring yang tersedia. Pasang dan buka kunci" in shown and "available" not in shown, \
        shown


def test_a_keyring_error_and_the_wizard_s_first_page_are_indonesian(qtbot, ctx, indonesian, no_keyring):
    from tokodesk import credentials
    from tokodesk.ui import wizard_logic
    from tokodesk.ui.messages import describe
    from tokodesk.ui.wizard import ChannelWizard

    with pytest.raises(credentials.CredentialError) as caught:
        credentials.set_client_secret("X", "value-1234")
    assert describe(caught.value).startswith(
        "Keyring tidak bisa dipakai: Tidak ada keyring untuk menyimpan rahasia TokoDesk."), describe(caught.value)
    explained = wizard_logic.explain(caught.value)
    assert "Tidak ada keyring untuk menyimpan rahasia TokoDesk" in explained and "Install" not in explained, explained

    wiz = ChannelWizard(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    page = wiz.marketplace_page
    qtbot.waitUntil(lambda: page.keyring_problem is not None, timeout=10000)
    text = page.keyring.text()
    assert "Tidak ada backend keyring yang tersedia. Pasang dan buka kunci" in text and "Install" not in text, text
