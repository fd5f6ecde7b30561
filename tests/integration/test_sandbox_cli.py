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


def _start(tokodesk_home, *extra: str, preexec_fn=None) -> subprocess.Popen:
    env = dict(os.environ, TOKODESK_HOME=str(tokodesk_home))
    return subprocess.Popen(
        [sys.executable, "-m", "tokodesk", "sandbox", "--port", "0", "--json", "--orders", "30", "--products", "6",
         "--seed", "9", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, preexec_fn=preexec_fn,
    )


def _stop(proc: subprocess.Popen, signum: int) -> tuple[str, str]:
    """Send `signum` and collect the output; a sandbox that ignores it is killed (never left running) and fails."""
    proc.send_signal(signum)
    try:
        return proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail(f"the sandbox ignored signal {signal.Signals(signum).name} and had to be killed")


def _token(info: dict) -> str:
    c = info["credentials"]
    return requests.post(f"{info['auth_url']}/token", params={"grant_type": "client_credentials"},
                         auth=(c["client_id"], c["client_secret"]), timeout=10).json()["access_token"]


def test_sandbox_command_serves_the_printed_url_with_the_printed_credentials(tokodesk_home):
    proc = _start(tokodesk_home)
    try:
        info = json.loads(proc.stdout.readline())
        c = info["credentials"]
        assert info["url"].startswith("http://127.0.0.1:")
        assert {"fs_id", "client_id", "client_secret", "shop_id"} <= set(c)
        r = requests.get(f"{info['api_base']}/v1/shop/fs/{c['fs_id']}/shop-info",
                         headers={"Authorization": f"Bearer {_token(info)}"}, timeout=10)
        assert r.json()["data"][0]["shop_id"] == c["shop_id"]
    finally:
        out, err = _stop(proc, signal.SIGINT)
    assert proc.returncode == 0, err
    assert out == "", "stdout holds the one JSON document only"
    assert "stopped" in err


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # what a shell does to a background job (`tokodesk sandbox &`)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and background jobs")
@pytest.mark.parametrize(
    ("signum", "preexec_fn"),
    [(signal.SIGINT, _ignore_sigint), (signal.SIGTERM, None), (signal.SIGTERM, _ignore_sigint)],
    ids=["sigint-from-a-background-job", "sigterm", "sigterm-from-a-background-job"],
)
def test_sandbox_stops_cleanly_on_sigint_and_sigterm_however_it_was_started(tokodesk_home, signum, preexec_fn):
    proc = _start(tokodesk_home, preexec_fn=preexec_fn)
    url = json.loads(proc.stdout.readline())["url"]
    out, err = _stop(proc, signum)
    assert proc.returncode == 0, err
    assert "tokodesk sandbox: stopped" in err and "Traceback" not in err
    with pytest.raises(requests.ConnectionError):
        requests.get(url, timeout=5)  # nobody answers there any more


def test_sandbox_command_delays_every_answer_by_the_latency(tokodesk_home):
    import time

    proc = _start(tokodesk_home, "--latency-ms", "300", "--jitter-ms", "50")
    try:
        info = json.loads(proc.stdout.readline())
        assert (info["latency_ms"], info["jitter_ms"]) == (300, 50)
        began = time.monotonic()
        _token(info)
        waited = time.monotonic() - began
    finally:
        _stop(proc, signal.SIGINT)
    assert waited >= 0.25  # a lower bound only: a sleep never ends early


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--fault-rate", "1.5"], "--fault-rate"),
        (["--dialect", "shopee"], "unknown --dialect"),
        (["--orders", "-3"], "--orders"),
        (["--port", "70000"], "--port"),
        (["--latency-ms", "-5"], "--latency-ms"),
        (["--jitter-ms", "1e9"], "--jitter-ms"),
        (["--latency-ms", "nan"], "--latency-ms"),
    ],
)
def test_bad_options_exit_2_naming_the_option(capsys, argv, fragment):
    assert main(["sandbox", *argv]) == 2
    assert fragment in capsys.readouterr().err
