from datetime import datetime, timedelta, timezone

import keyring
import keyring.backends.fail
import pytest

from tokodesk import credentials


def test_secret_round_trip_uses_the_tokodesk_service(memory_keyring):
    credentials.set_client_secret("Toko A", "s3cr3t-value")
    assert credentials.get_client_secret("Toko A") == "s3cr3t-value"
    assert ("tokodesk", "Toko A:client_secret") in memory_keyring.store
    credentials.delete_secret("Toko A", "client_secret")
    assert credentials.get_client_secret("Toko A") is None
    credentials.delete_secret("Toko A", "client_secret")  # deleting twice is not an error


def test_token_and_refresh_token_are_one_entry(memory_keyring):
    expires = datetime.now(timezone.utc) + timedelta(hours=1)
    credentials.save_token("T", credentials.Token("acc-123456", expires, "ref-654321", expires + timedelta(days=30)))
    assert len(memory_keyring.store) == 1
    token = credentials.load_token("T")
    assert token.access_token == "acc-123456" and token.refresh_token == "ref-654321"
    assert token.valid() and token.expires_at == expires


def test_unreadable_cached_token_is_ignored(memory_keyring):
    memory_keyring.store[("tokodesk", "T:token")] = "{not json"
    assert credentials.load_token("T") is None


def test_no_backend_names_the_fix():
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        with pytest.raises(credentials.CredentialError) as err:
            credentials.set_client_secret("X", "value-1234")
        assert "gnome-keyring" in str(err.value).lower() or "GNOME Keyring" in str(err.value)
        assert "value-1234" not in str(err.value)
        info = credentials.backend_info()
        assert not info.usable and "Secret Service" in info.problem
    finally:
        keyring.set_keyring(previous)


def test_locked_keyring_says_unlock(monkeypatch):
    def locked(*_a):
        raise keyring.errors.KeyringLocked("locked")

    monkeypatch.setattr(keyring, "get_password", locked)
    with pytest.raises(credentials.CredentialError, match="locked"):
        credentials.get_client_secret("X")


def test_memory_double_is_not_a_real_store(memory_keyring):
    info = credentials.backend_info()
    assert info.usable and not info.is_real
