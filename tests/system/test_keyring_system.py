"""The real OS keyring: Secret Service (gnome-keyring) in the D-Bus session that ./scripts/test starts."""

import os
import subprocess
import sys
import uuid

import pytest

from tests.conftest import need_real_part
from tokodesk import credentials

pytestmark = pytest.mark.system


def _real_backend() -> bool:
    return bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS")) and credentials.backend_info().is_real


def test_secret_round_trips_through_the_os_keyring(tokodesk_home):
    need_real_part(_real_backend(), "a Secret Service keyring in a D-Bus session")
    channel = f"sys-{uuid.uuid4().hex[:8]}"
    secret = f"sys-secret-{uuid.uuid4().hex}"
    credentials.set_client_secret(channel, secret)
    try:
        assert credentials.get_client_secret(channel) == secret
        # Another process sees it: it is in the OS store, not in this process.
        code = f"from tokodesk import credentials; print(credentials.get_client_secret({channel!r}))"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        assert out.stdout.strip() == secret
        # ...and nowhere in the data folder.
        for path in tokodesk_home.rglob("*") if tokodesk_home.exists() else []:
            if path.is_file():
                assert secret.encode() not in path.read_bytes(), path
    finally:
        credentials.forget_channel(channel)
    assert credentials.get_client_secret(channel) is None


def test_self_test_passes_with_the_real_keyring():
    need_real_part(_real_backend(), "a Secret Service keyring in a D-Bus session")
    result = subprocess.run([sys.executable, "-m", "tokodesk", "self-test"], capture_output=True, text=True,
                            timeout=120)
    assert "ok   keyring: keyring.backends.SecretService" in result.stdout, result.stdout + result.stderr
