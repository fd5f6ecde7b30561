"""`tokodesk sandbox`: serves until Ctrl-C, prints where and who, refuses bad options with exit 2."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest
import requests

from tokodesk.cli import main


def test_sandbox_command_serves_the_printed_url_with_the_printed_credentials(tokodesk_home):
    env = dict(os.environ, TOKODESK_HOME=str(tokodesk_home))
    proc = subprocess.Popen(
        [sys.executable, "-m", "tokodesk", "sandbox", "--port", "0", "--json", "--orders", "30", "--products", "6",
         "--seed", "9"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        info = json.loads(proc.stdout.readline())
        c = info["credentials"]
        assert info["url"].startswith("http://127.0.0.1:")
        assert {"fs_id", "client_id", "client_secret", "shop_id"} <= set(c)
        token = requests.post(f"{info['auth_url']}/token", params={"grant_type": "client_credentials"},
                              auth=(c["client_id"], c["client_secret"]), timeout=10).json()["access_token"]
        r = requests.get(f"{info['api_base']}/v1/shop/fs/{c['fs_id']}/shop-info",
                         headers={"Authorization": f"Bearer {token}"}, timeout=10)
        assert r.json()["data"][0]["shop_id"] == c["shop_id"]
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert out == "", "stdout holds the one JSON document only"
    assert "stopped" in err


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--fault-rate", "1.5"], "--fault-rate"),
        (["--dialect", "shopee"], "unknown --dialect"),
        (["--orders", "-3"], "--orders"),
        (["--port", "70000"], "--port"),
    ],
)
def test_bad_options_exit_2_naming_the_option(capsys, argv, fragment):
    assert main(["sandbox", *argv]) == 2
    assert fragment in capsys.readouterr().err
