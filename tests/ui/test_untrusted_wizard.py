"""The wizard's server addresses under Advanced: plain http to another computer is refused before anything is sent
(issue 15 §6)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_wizard import _fill_tokopedia


@pytest.fixture
def wizard(qtbot, ctx):
    from tokodesk.ui.wizard import ChannelWizard

    wiz = ChannelWizard(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    return wiz


def test_plain_http_to_another_computer_is_refused_in_words(qtbot, wizard, sandbox):
    wizard.marketplace_page.legacy.setChecked(True)
    wizard.next()
    page = wizard.credentials_page
    _fill_tokopedia(page, sandbox)
    requests_before = len(sandbox.requests) if hasattr(sandbox, "requests") else None
    page.auth_url.setText("http://accounts.example.com")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    text = page.test_result.text()
    assert "Auth base URL “http://accounts.example.com” uses plain http" in text and "unencrypted" in text
    assert page.test_button.isEnabled() and page.tested is None
    if requests_before is not None:
        assert len(sandbox.requests) == requests_before
    # Loopback, where the sandbox listens, is fine: the test goes through.
    page.auth_url.setText(sandbox.url)
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.tested is not None, timeout=30000)
