"""The seal that keeps shared tokens unreadable without the channel's app secret (services/token_share.py)."""

from __future__ import annotations

import base64

import pytest

from tokodesk.services.token_share import SealError, seal, unseal


def test_only_the_same_app_secret_opens_the_seal_and_a_changed_byte_is_refused():
    plain = b'{"access_token": "TTP_abc", "refresh_token": "TTP_def"}'
    sealed = seal("app-secret-1", plain)
    assert b"TTP_abc" not in base64.b64decode(sealed) and "TTP" not in sealed
    assert unseal("app-secret-1", sealed) == plain
    assert seal("app-secret-1", plain) != sealed  # a fresh nonce each time
    with pytest.raises(SealError):
        unseal("app-secret-2", sealed)
    raw = bytearray(base64.b64decode(sealed))
    raw[25] ^= 1
    with pytest.raises(SealError):
        unseal("app-secret-1", base64.b64encode(bytes(raw)).decode())
    with pytest.raises(SealError):
        unseal("app-secret-1", "not sealed at all")


def test_the_shared_tokens_and_their_lock_on_both_databases(any_database):
    import threading
    from datetime import datetime, timedelta, timezone

    from tokodesk.credentials import Token
    from tokodesk.services.token_share import DatabaseTokenShare
    from tokodesk.store import models as m

    m.Channel.create(name="Toko", marketplace="tiktokshop")
    share = DatabaseTokenShare("Toko", lambda: "app-secret", wait_s=30)
    assert share.load() is None
    token = Token("TTP_a", datetime.now(timezone.utc) + timedelta(days=7), "TTP_r",
                  datetime.now(timezone.utc) + timedelta(days=300), {"open_id": "1"})
    share.save(token)
    assert share.load() == token
    assert "TTP_" not in str(m.AppSetting.get(m.AppSetting.key == "token-share:Toko").value)
    assert DatabaseTokenShare("Toko", lambda: "another app").load() is None  # not readable without the secret

    order: list[str] = []
    inside = threading.Event()

    def other() -> None:
        inside.wait(10)
        with DatabaseTokenShare("Toko", lambda: "app-secret", wait_s=30).lock():
            order.append("other")
        m.db.close()

    thread = threading.Thread(target=other)
    thread.start()
    with share.lock():
        inside.set()
        thread.join(0.5)  # the other refresh waits for this one
        order.append("first")
    thread.join(30)
    assert order == ["first", "other"]
