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
