"""Tokens survive several processes and stations (issue 15 item 3), against the sandbox (tiktokshop dialect).

The sandbox rotates refresh tokens as the API does: a refresh token is used up by the refresh it served. Processes
that each keep the tokens they read at start (the window, a `sync`, a `channel test`) and stations that each have
their own keyring renew the access while the marketplace keeps ending it; none of them may end up sent to authorize
the shop again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import keyring
import pytest

from tests.doubles import FileKeyring
from tests.integration.tiktokshop_setup import NAME, add_and_authorize, sb  # noqa: F401 - fixture
from tokodesk import credentials
from tokodesk.config import KEYRING_SERVICE
from tokodesk.marketplace.base import AuthError, NotReachable
from tokodesk.services.channels import adapter_for, get_channel
from tokodesk.services.token_share import KEY_PREFIX
from tokodesk.store import models as m

ROOT = Path(__file__).resolve().parents[2]
SECONDS = 6.0

# A long-lived process of one station: it reads the tokens once, then works while the marketplace ends its access.
WORKER = r"""
import json, os, sys, time, keyring
if os.environ.get("CLOCK_AHEAD_S"):  # this station's clock is set wrong: ahead of the marketplace and the others
    _real_time, _ahead = time.time, float(os.environ["CLOCK_AHEAD_S"])
    time.time = lambda: _real_time() + _ahead
from tests.doubles import FileKeyring
keyring.set_keyring(FileKeyring(os.environ["KEYRING_FILE"]))
from tokodesk.store.connection import open_database
from tokodesk.services.channels import adapter_for, get_channel
open_database()
adapter = adapter_for(get_channel(os.environ["CHANNEL"]))
ok, errors = 0, []
print("ready", flush=True, file=sys.stderr)
deadline = time.monotonic() + float(os.environ["SECONDS"])
while time.monotonic() < deadline:
    try:
        adapter.authorized_shops()
        ok += 1
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    time.sleep(0.05)
print(json.dumps({"ok": ok, "failed": len(errors), "errors": errors[:3]}))
"""


def _keyring_file(path: Path, *, with_token: bool) -> Path:
    """This station's keyring as a file its processes share: the app secret, and the tokens when it has them."""
    backend = FileKeyring(str(path))
    backend.set_password(KEYRING_SERVICE, f"{NAME}:app_secret", credentials.get_secret(NAME, "app_secret"))
    if with_token:
        backend.set_password(KEYRING_SERVICE, f"{NAME}:token", keyring.get_password(KEYRING_SERVICE, f"{NAME}:token"))
    return path


def _run_workers(sb, envs: list[dict]) -> list[dict]:  # noqa: ANN001, F811
    procs = [subprocess.Popen([sys.executable, "-c", WORKER], cwd=ROOT, text=True, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT), "CHANNEL": NAME,
                                                           "SECONDS": str(SECONDS), **env}) for env in envs]
    for p in procs:
        assert p.stderr.readline().strip() == "ready"  # each has read its tokens and keeps them
    deadline = time.monotonic() + SECONDS
    while time.monotonic() < deadline:
        sb.dialect.expire_tokens()  # the marketplace ends the access: every process must renew it
        time.sleep(0.4)
    results = []
    for p in procs:
        out, err = p.communicate(timeout=60)
        assert p.returncode == 0, err[-2000:]
        assert "Traceback" not in err, err[-2000:]
        results.append(json.loads(out))
    return results


def test_two_processes_of_one_station_renew_the_access_without_using_up_each_others_token(
        sb, monkeypatch, capsys, tmp_path, tokodesk_home):  # noqa: F811
    add_and_authorize(sb, monkeypatch, capsys)
    shared_keyring = _keyring_file(tmp_path / "desk1-keyring.json", with_token=True)
    env = {"KEYRING_FILE": str(shared_keyring), "TOKODESK_HOME": str(tokodesk_home)}
    results = _run_workers(sb, [env, env])
    print(results, sb.calls.get("token_refresh"))
    assert [r["failed"] for r in results] == [0, 0], results
    assert all(r["ok"] > 10 for r in results)
    assert sb.calls["token_refresh"] >= 2  # the access really was renewed, several times
    # The keyring holds a working refresh token: the seller is never sent to authorize again.
    keyring.set_keyring(FileKeyring(str(shared_keyring)))
    adapter = adapter_for(get_channel(NAME))
    sb.dialect.expire_tokens()
    assert adapter.authorized_shops()


@pytest.mark.parametrize("ahead", [0, 120], ids=["same clocks", "desk1 two minutes ahead"])
def test_two_stations_with_their_own_keyrings_share_the_renewed_tokens(sb, monkeypatch, capsys, tmp_path,  # noqa: F811
                                                                      ahead):
    """Two renewals within one second carry the same expiry, and here the marketplace ends the access every 0.4 s, so
    the stations renew one right after the other again and again. Which came last must not be told by the stations'
    own clocks, which may disagree by minutes: desk1 then took its own used-up token for the newest and was refused
    ("Invalid refresh token. Authorize the shop again.")."""
    add_and_authorize(sb, monkeypatch, capsys)
    db_url = f"sqlite:///{Path(os.environ['TOKODESK_HOME']) / 'tokodesk.db'}"
    assert m.AppSetting.get_or_none(m.AppSetting.key == KEY_PREFIX + NAME) is not None  # shared at authorization
    desk1 = _keyring_file(tmp_path / "desk1-keyring.json", with_token=True)
    desk2 = _keyring_file(tmp_path / "desk2-keyring.json", with_token=False)  # only the app secret
    results = _run_workers(sb, [
        {"KEYRING_FILE": str(desk1), "TOKODESK_HOME": str(tmp_path / "desk1"), "TOKODESK_DB": db_url,
         "CLOCK_AHEAD_S": str(ahead or "")},
        {"KEYRING_FILE": str(desk2), "TOKODESK_HOME": str(tmp_path / "desk2"), "TOKODESK_DB": db_url},
    ])
    print(results, sb.calls.get("token_refresh"))
    assert [r["failed"] for r in results] == [0, 0], results
    assert sb.calls["token_refresh"] >= 2
    # Each station's keyring ends with the tokens in use, so either can go on alone.
    tokens = [json.loads(FileKeyring(str(k)).get_password(KEYRING_SERVICE, f"{NAME}:token"))
              for k in (desk1, desk2)]
    assert all(t["refresh_token"] for t in tokens)
    # The database never holds a token in the clear.
    raw = json.dumps(m.AppSetting.get(m.AppSetting.key == KEY_PREFIX + NAME).value)
    assert all(t["refresh_token"] not in raw and t["access_token"] not in raw for t in tokens)


def test_a_lost_refresh_answer_is_retried_and_a_still_valid_access_keeps_working(sb, monkeypatch, capsys):  # noqa: F811
    add_and_authorize(sb, monkeypatch, capsys)
    adapter = adapter_for(get_channel(NAME))
    # The request never reached the marketplace (a server error before it was handled): tried again, renewed.
    sb.faults.force("token_refresh", "error", 1)
    sb.dialect.expire_tokens()
    assert adapter.authorized_shops()
    assert sb.calls["token_refresh"] == 2
    # The marketplace renewed but its answer was lost: the used-up refresh token cannot be tried again. While the
    # access is still valid (renewal is done ahead of time) the work goes on; when it ends the seller is told why.
    before = adapter.tokens.token()
    sb.faults.force("token_refresh", "lost", 1)
    with monkeypatch.context() as mp:
        mp.setattr(adapter.tokens, "clock", lambda: before.expires_at.timestamp() - 300)  # 5 minutes left
        assert adapter.tokens.access_token() == before.access_token
    sb.dialect.expire_tokens()
    with pytest.raises(AuthError) as refused:
        adapter.authorized_shops()
    assert "did not answer" in str(refused.value) and "Authorize the shop again" in str(refused.value)
    assert not isinstance(refused.value, NotReachable)


def test_tokens_renewed_while_the_keyring_refuses_are_kept_and_written_later(
        sb, monkeypatch, capsys, memory_keyring):  # noqa: F811
    add_and_authorize(sb, monkeypatch, capsys)
    adapter = adapter_for(get_channel(NAME))
    old = adapter.tokens.token()
    real_set = memory_keyring.set_password

    def refusing(service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")

    memory_keyring.set_password = refusing
    sb.dialect.expire_tokens()
    assert adapter.authorized_shops()  # renewed; the keyring refused the new tokens
    renewed = adapter.tokens.token()
    assert renewed.refresh_token != old.refresh_token
    assert "could not be written to the keyring" in adapter.tokens.unsaved
    assert json.loads(memory_keyring.get_password(KEYRING_SERVICE, f"{NAME}:token"))["refresh_token"] == \
        old.refresh_token  # used up: only the copy in memory (and the shared database) works now
    # Another process of this station finds them in the shared database.
    memory_keyring.set_password = real_set
    other = adapter_for(get_channel(NAME))
    assert other.tokens.token().refresh_token == renewed.refresh_token
    # The next call writes them to the keyring.
    assert adapter.authorized_shops()
    assert adapter.tokens.unsaved == ""
    assert json.loads(memory_keyring.get_password(KEYRING_SERVICE, f"{NAME}:token"))["refresh_token"] == \
        renewed.refresh_token
