"""The sandbox's network: every answer `latency_ms` ± `jitter_ms` late, concurrent clients delayed in parallel.

The benchmarks measure TokoDesk against a marketplace tens of milliseconds away; these tests hold the sandbox to
delaying every answer (tokens, reads, mutations, injected errors) and to doing it per connection, never one
client after another. No clock is read: the waits are observed through the sandbox's own request log and a
rendezvous that only completes when the answers wait at the same time.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tokodesk.sandbox import Sandbox

CLIENTS = 5


def _token(sb: Sandbox) -> str:
    c = sb.credentials
    r = requests.post(f"{sb.url}/token", params={"grant_type": "client_credentials"},
                      auth=(c["client_id"], c["client_secret"]), timeout=30)
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


def _shop_info(sb: Sandbox, token: str) -> requests.Response:
    return requests.get(f"{sb.url}/v1/shop/fs/{sb.credentials['fs_id']}/shop-info",
                        headers={"Authorization": f"Bearer {token}"}, timeout=60)


def test_every_answer_waits_the_latency_give_or_take_the_jitter():
    with Sandbox(seed=3, products=4, orders=10, freeze_clock=True, latency_ms=40, jitter_ms=10) as sb:
        sb.latency.sleep = lambda _seconds: None  # the draws are what is checked here, not the machine's clock
        token = _token(sb)
        for _ in range(40):
            assert _shop_info(sb, token).status_code == 200
        delays = [record.delay for record in sb.request_log]
    assert len(delays) == 41
    assert all(0.030 <= d <= 0.050 for d in delays), delays
    assert len(set(delays)) > 10, "the jitter varies each answer"


def test_injected_errors_wait_too():
    with Sandbox(seed=3, products=4, orders=10, freeze_clock=True, latency_ms=25) as sb:
        sb.latency.sleep = lambda _seconds: None
        token = _token(sb)
        sb.faults.force("shop_info", "error", 1)
        assert _shop_info(sb, token).status_code >= 500
        records = [r for r in sb.request_log if r.fault]
    assert [r.fault for r in records] == ["error"] and records[0].delay == pytest.approx(0.025)


def test_latency_can_change_while_serving_and_zero_turns_it_off():
    with Sandbox(seed=3, products=4, orders=10, freeze_clock=True) as sb:
        sb.latency.sleep = lambda _seconds: None
        token = _token(sb)
        sb.set_latency(120, 30)
        _shop_info(sb, token)
        sb.set_latency(0)
        _shop_info(sb, token)
        delays = [record.delay for record in sb.request_log]
    assert delays[0] == 0.0 and 0.090 <= delays[1] <= 0.150 and delays[2] == 0.0
    with pytest.raises(ValueError, match="latency_ms"):
        sb.set_latency(-1)


def test_concurrent_clients_wait_in_parallel_not_one_after_another():
    """Each answer's wait joins a rendezvous of CLIENTS parties: it completes only if all CLIENTS answers wait at
    the same moment. A server that delayed answers one after another would break the rendezvous (answering 5xx)."""
    rendezvous = threading.Barrier(CLIENTS, timeout=30)
    with Sandbox(seed=3, products=4, orders=10, freeze_clock=True) as sb:
        token = _token(sb)
        sb.set_latency(50)
        sb.latency.sleep = lambda _seconds: rendezvous.wait()
        start = threading.Barrier(CLIENTS)

        def call(_n: int) -> int:
            start.wait()
            return _shop_info(sb, token).status_code  # each on its own connection, as separate clients are

        with ThreadPoolExecutor(CLIENTS) as pool:
            statuses = list(pool.map(call, range(CLIENTS)))
    assert statuses == [200] * CLIENTS
    assert not rendezvous.broken
