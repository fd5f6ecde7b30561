"""Token, envelope, error mapping, rate limits and retries of the Tokopedia client (research §1, §2)."""

from __future__ import annotations

import base64
import socket

import pytest
import requests
import responses
import urllib3.exceptions

from tokodesk import credentials
from tokodesk.marketplace.base import AuthError, MarketplaceError, NotReachable, OutcomeUnknown
from tokodesk.marketplace.tokopedia import transport

from .test_tokopedia_support import (  # noqa: F401 - fixtures
    API,
    AUTH,
    FS_ID,
    SHOP_ID,
    TOKEN,
    add_token,
    api_calls,
    envelope,
    error_envelope,
    fixture_client,
    fixture_clock,
    fixture_rsps,
    make_client,
)

SHOP_URL = f"{API}/v1/shop/fs/{FS_ID}/shop-info"
ACK_URL = f"{API}/v1/order/42/fs/{FS_ID}/ack"
SHOP_DATA = [{"shop_id": int(SHOP_ID), "shop_name": "Toko Budi", "shop_url": "https://tokopedia.com/budi",
              "is_open": 1, "warehouses": []}]


def _token_calls(rsps):
    return [c for c in rsps.calls if c.request.url.startswith(AUTH)]


def test_token_request_is_basic_auth_client_credentials(client, rsps):
    rsps.add(responses.GET, SHOP_URL, json=envelope(SHOP_DATA))
    client.shop_info()
    (call,) = _token_calls(rsps)
    assert call.request.method == "POST"
    assert call.request.url == f"{AUTH}/token?grant_type=client_credentials"
    expected = base64.b64encode(b"client-123:s3cret-value-xyz").decode()
    assert call.request.headers["Authorization"] == f"Basic {expected}"
    assert not call.request.body
    (api,) = api_calls(rsps)
    assert api.request.headers["Authorization"] == f"Bearer {TOKEN}"


def test_token_cached_in_keyring_and_not_fetched_again(clock, rsps, memory_keyring):
    add_token(rsps)
    rsps.add(responses.GET, SHOP_URL, json=envelope(SHOP_DATA))
    first = make_client(clock)
    first.shop_info()
    first.shop_info()
    assert len(_token_calls(rsps)) == 1
    cached = credentials.load_token("toko1")
    assert cached is not None and cached.access_token == TOKEN and cached.valid()
    # A new client (the app restarted) uses the keyring's token: Tokopedia gives no new one before expiry.
    second = make_client(clock)
    second.shop_info()
    assert len(_token_calls(rsps)) == 1
    assert TOKEN not in repr(memory_keyring.store.keys())


def test_secret_read_from_keyring_when_not_given(clock, rsps):
    credentials.set_client_secret("toko1", "from-keyring-secret")
    add_token(rsps)
    rsps.add(responses.GET, SHOP_URL, json=envelope(SHOP_DATA))
    make_client(clock, client_secret=None).shop_info()
    expected = base64.b64encode(b"client-123:from-keyring-secret").decode()
    assert _token_calls(rsps)[0].request.headers["Authorization"] == f"Basic {expected}"


def test_missing_secret_is_an_auth_error_naming_the_channel(clock, rsps):
    with pytest.raises(AuthError, match="No client secret is stored for channel 'toko1'"):
        make_client(clock, client_secret=None).shop_info()


@pytest.mark.parametrize("status", [400, 401])
def test_token_endpoint_refusal_says_wrong_client_id_or_secret(clock, rsps, status):
    rsps.add(responses.POST, f"{AUTH}/token", status=status,
             json={"error": "invalid_client", "error_description": "bad credentials"})
    with pytest.raises(AuthError) as info:
        make_client(clock).shop_info()
    assert "wrong client ID or secret" in str(info.value)
    assert "s3cret-value-xyz" not in str(info.value)


def test_401_refreshes_the_token_once_then_succeeds(clock, rsps):
    rsps.add(responses.POST, f"{AUTH}/token", json={"access_token": "old-token-1", "expires_in": 100000})
    rsps.add(responses.POST, f"{AUTH}/token", json={"access_token": "new-token-2", "expires_in": 100000})
    rsps.add(responses.GET, SHOP_URL, status=401, body="")
    rsps.add(responses.GET, SHOP_URL, json=envelope(SHOP_DATA))
    shop = make_client(clock).shop_info()
    assert shop.name == "Toko Budi"
    auths = [c.request.headers["Authorization"] for c in api_calls(rsps)]
    assert auths == ["Bearer old-token-1", "Bearer new-token-2"]
    assert credentials.load_token("toko1").access_token == "new-token-2"


def test_second_401_says_credentials_rejected(clock, rsps):
    add_token(rsps)
    rsps.add(responses.GET, SHOP_URL, status=401, body="")
    with pytest.raises(AuthError, match="credentials rejected.*client ID and client secret") as info:
        make_client(clock).shop_info()
    assert info.value.http_status == 401
    assert len(api_calls(rsps)) == 2 and len(_token_calls(rsps)) == 2


@pytest.mark.parametrize(
    ("status", "code", "words"),
    [(403, "RBAC_MDLW_001", "not linked to your FS ID / app"),
     (500, "ORD_USC_015", "not linked to your FS ID / app"),
     (403, "RBAC_MDLW_002", "has not granted this app permission"),
     (403, "RBAC_USC_012", "has not granted this app permission")],
)
def test_link_and_permission_errors_are_auth_errors(client, rsps, status, code, words):
    rsps.add(responses.GET, SHOP_URL, status=status, json=error_envelope("forbidden", code))
    with pytest.raises(AuthError, match=words) as info:
        client.shop_info()
    assert info.value.error_code == code
    assert len(api_calls(rsps)) == 1  # not retried: retrying cannot fix a missing link


def test_validation_error_carries_reason_code_and_status(client, rsps):
    rsps.add(responses.GET, SHOP_URL, status=400, json=error_envelope("Invalid FS ID", "ORD_DLV_002"))
    with pytest.raises(MarketplaceError) as info:
        client.shop_info()
    err = info.value
    assert (err.reason, err.error_code, err.http_status) == ("Invalid FS ID", "ORD_DLV_002", 400)
    assert err.reason == "Invalid FS ID" and err.error_code == "ORD_DLV_002"
    assert str(err) == "Tokopedia did not accept the app ID (fs_id). Check the channel's App ID in its settings."
    assert type(err) is MarketplaceError


@pytest.mark.parametrize(
    "body",
    [
        {"header": {"process_time": 0, "messages": "Successfully get retrieved shop info data", "reason": "",
                    "error_code": 0}, "data": SHOP_DATA},
        {"data": SHOP_DATA, "status": "200 Ok", "error_message": []},
        {"header": {"process_time": "35.50ms", "messages": None}, "status": "200", "data": SHOP_DATA},
    ],
)
def test_envelope_variants_that_succeed(client, rsps, body):
    rsps.add(responses.GET, SHOP_URL, json=body)
    assert client.shop_info().name == "Toko Budi"


def test_status_envelope_error_form(client, rsps):
    rsps.add(responses.GET, SHOP_URL, status=400,
             json={"data": None, "status": "400 Bad Request", "error_message": ["Invalid FS ID Format"]})
    with pytest.raises(MarketplaceError, match="Invalid FS ID Format") as info:
        client.shop_info()
    assert info.value.http_status == 400


def test_error_code_with_no_data_on_http_200_is_an_error(client, rsps):
    rsps.add(responses.GET, SHOP_URL, json={"header": {"messages": "fail", "reason": "Data Not Found",
                                                       "error_code": "ORD_API_008"}, "data": None})
    with pytest.raises(MarketplaceError, match="Tokopedia found no data") as info:
        client.shop_info()
    assert info.value.error_code == "ORD_API_008"


# -- rate limits and retries -----------------------------------------------------------------------------------

def _limit_headers(remaining: int, reset: str, full: str) -> dict:
    return {"X-Ratelimit-Limit": "5 req/s (burst 5)", "X-Ratelimit-Remaining": str(remaining),
            "X-Ratelimit-Reset-After": reset, "X-Ratelimit-Full-Reset-After": full}


def test_exhausted_quota_paces_the_next_call_on_that_endpoint(client, rsps, clock):
    rsps.add(responses.GET, SHOP_URL, json=envelope(SHOP_DATA), headers=_limit_headers(1, "-0.000000", "0.8"))
    rsps.add(responses.GET, SHOP_URL, json=envelope(SHOP_DATA), headers=_limit_headers(0, "0.250000", "1.0"))
    rsps.add(responses.GET, SHOP_URL, json=envelope(SHOP_DATA), headers=_limit_headers(4, "-0.000000", "0.2"))
    client.shop_info()
    client.shop_info()
    assert clock.waits == []  # requests were left: no waiting
    client.shop_info()
    assert clock.waits == [pytest.approx(0.25)]  # waited for one request to come back before the third call
    label_url = f"{API}/v1/order/1/fs/{FS_ID}/shipping-label"
    rsps.add(responses.GET, label_url, body=b"<html>label</html>", content_type="text/html")
    from datetime import datetime, timezone

    from tokodesk.marketplace.base import Order, OrderState
    order = Order("1", "INV/1", "400", OrderState.ACKNOWLEDGED, datetime.now(timezone.utc))
    client.shipping_label(order)
    assert len(clock.waits) == 1  # another endpoint has its own quota


def test_429_waits_the_reset_then_retries(client, rsps, clock):
    rsps.add(responses.GET, SHOP_URL, status=429, body="Too Many Requests",
             headers=_limit_headers(0, "0.400000", "1.000000"))
    rsps.add(responses.GET, SHOP_URL, json=envelope(SHOP_DATA), headers=_limit_headers(4, "-0.000000", "0.2"))
    assert client.shop_info().name == "Toko Budi"
    assert clock.waits == [pytest.approx(0.4)]


def test_429_without_headers_waits_a_second_and_gives_up_after_bounded_tries(client, rsps, clock):
    rsps.add(responses.GET, SHOP_URL, status=429, json=error_envelope("rate limited", ""))
    with pytest.raises(MarketplaceError) as info:
        client.shop_info()
    assert info.value.http_status == 429 and info.value.retryable
    assert clock.waits == [1.0] * transport.RATE_LIMIT_RETRIES
    assert len(api_calls(rsps)) == transport.RATE_LIMIT_RETRIES + 1


def test_429_on_a_mutation_is_retried_because_nothing_was_done(client, rsps, clock):
    rsps.add(responses.POST, ACK_URL, status=429, body="", headers=_limit_headers(0, "0.3", "1"))
    rsps.add(responses.POST, ACK_URL, json=envelope("success"))
    client.acknowledge("42")
    assert len(api_calls(rsps)) == 2 and clock.waits == [pytest.approx(0.3)]


def test_5xx_on_a_read_is_retried_with_jittered_backoff(client, rsps, clock):
    for _ in range(2):
        rsps.add(responses.GET, SHOP_URL, status=502, body="<html>Bad Gateway</html>")
    rsps.add(responses.GET, SHOP_URL, json=envelope(SHOP_DATA))
    assert client.shop_info().name == "Toko Budi"
    assert len(clock.waits) == 2
    assert 0.25 <= clock.waits[0] <= 0.5 and 0.5 <= clock.waits[1] <= 1.0


def test_5xx_on_a_read_gives_up_after_bounded_retries(client, rsps, clock):
    rsps.add(responses.GET, SHOP_URL, status=500,
             json={"header": {"messages": "Our server encounters an error, please try again later",
                              "reason": "upstream", "error_code": "ORD_API_006"}, "data": None})
    with pytest.raises(MarketplaceError) as info:
        client.shop_info()
    assert info.value.error_code == "ORD_API_006" and info.value.retryable
    assert len(api_calls(rsps)) == transport.READ_RETRIES + 1


def test_read_timeouts_are_retried_then_not_reachable(client, rsps, clock):
    rsps.add(responses.GET, SHOP_URL, body=requests.exceptions.ReadTimeout("read timed out"))
    with pytest.raises(NotReachable, match="Cannot reach Tokopedia at fs.test.invalid: no answer in time"):
        client.shop_info()
    assert len(api_calls(rsps)) == transport.READ_RETRIES + 1
    assert len(clock.waits) == transport.READ_RETRIES


def test_read_recovers_after_a_dropped_connection(client, rsps):
    rsps.add(responses.GET, SHOP_URL, body=requests.exceptions.ConnectionError("Connection aborted"))
    rsps.add(responses.GET, SHOP_URL, json=envelope(SHOP_DATA))
    assert client.shop_info().name == "Toko Budi"


@pytest.mark.parametrize(
    "answer",
    [requests.exceptions.ConnectionError("('Connection aborted.', RemoteDisconnected('closed'))"),
     requests.exceptions.ReadTimeout("read timed out")],
)
def test_lost_ack_answer_is_outcome_unknown_and_not_repeated(client, rsps, answer):
    rsps.add(responses.POST, ACK_URL, body=answer)
    rsps.add(responses.POST, ACK_URL, json=envelope("success"))
    with pytest.raises(OutcomeUnknown, match="accept order 42"):
        client.acknowledge("42")
    assert len(api_calls(rsps)) == 1


def test_5xx_on_ack_is_outcome_unknown(client, rsps):
    rsps.add(responses.POST, ACK_URL, status=500, json=error_envelope("upstream", "ORD_USC_007"))
    with pytest.raises(OutcomeUnknown) as info:
        client.acknowledge("42")
    assert info.value.error_code == "ORD_USC_007" and len(api_calls(rsps)) == 1


def test_ack_that_never_left_is_retried_safely(client, rsps):
    refused = requests.exceptions.ConnectionError(urllib3.exceptions.MaxRetryError(
        None, "/", urllib3.exceptions.NewConnectionError(None, "Connection refused")))
    rsps.add(responses.POST, ACK_URL, body=refused)
    rsps.add(responses.POST, ACK_URL, json=envelope("success"))
    client.acknowledge("42")
    assert len(api_calls(rsps)) == 2


def test_unreachable_host_is_not_reachable_in_plain_words(clock):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    from tokodesk.marketplace.tokopedia import TokopediaClient

    c = TokopediaClient("toko1", FS_ID, "client-123", SHOP_ID, base, base, client_secret="s3cret-value-xyz",
                        timeout=2, sleep=clock.sleep, clock=clock.clock)
    with pytest.raises(NotReachable) as info:
        c.shop_info()
    assert str(info.value).startswith(f"Cannot reach Tokopedia at 127.0.0.1:{port}: the connection was refused.")
    assert "s3cret" not in str(info.value)


def test_secrets_never_in_error_messages(client, rsps):
    rsps.add(responses.GET, SHOP_URL, status=401, body="")
    with pytest.raises(AuthError) as info:
        client.shop_info()
    text = str(info.value) + repr(info.value.args)
    assert TOKEN not in text and "s3cret-value-xyz" not in text


@pytest.mark.parametrize("action", ["nack", "pickup", "confirm"])
def test_every_order_mutation_with_a_lost_answer_is_outcome_unknown(client, rsps, action):
    from datetime import datetime, timezone

    from tokodesk.marketplace.base import CancelRequest, Order, OrderState, ShipMethod
    from tokodesk.marketplace.tokopedia import reasons

    order = Order("42", "INV/1", "400", OrderState.ACKNOWLEDGED, datetime.now(timezone.utc))
    urls = {"nack": f"{API}/v1/order/42/fs/{FS_ID}/nack", "pickup": f"{API}/inventory/v1/fs/{FS_ID}/pick-up",
            "confirm": f"{API}/v1/order/42/fs/{FS_ID}/status"}
    rsps.add(responses.POST, urls[action], body=requests.exceptions.ConnectionError("Connection aborted"))
    rsps.add(responses.POST, urls[action], json=envelope("success"))
    with pytest.raises(OutcomeUnknown):
        if action == "nack":
            client.reject(order, CancelRequest(reasons.BY_CODE["1"], "Stok habis"))
        elif action == "pickup":
            client.ship(order, ShipMethod.PICKUP)
        else:
            client.ship(order, ShipMethod.OWN_COURIER, awb="JP1")
    assert len(api_calls(rsps)) == 1


def test_no_secret_or_token_in_the_log(clock, rsps, caplog):
    import logging

    add_token(rsps)
    rsps.add(responses.GET, SHOP_URL, status=401, body="")
    rsps.add(responses.GET, SHOP_URL, json=envelope(SHOP_DATA))
    with caplog.at_level(logging.DEBUG):
        make_client(clock).shop_info()
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "fetched a new Tokopedia token" in text
    assert TOKEN not in text and "s3cret-value-xyz" not in text


def test_the_rate_gate_spaces_requests_and_never_waits_forever_on_a_clock_moved_by_its_own_sleep():
    """The stock push under a low limit hung for ever: the gate re-checked a bucket that only the sleep refilled."""
    from tokodesk.marketplace.tokopedia.transport import GATE_MARGIN, Limits, RateGate

    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    gate = RateGate(lambda: now[0], sleep)
    gate.learn("stock_update", Limits(limit="20 req/s (burst 20)", remaining=0))
    for _ in range(10):
        gate.take("stock_update")
    assert len(slept) == 10  # one wait each, no spinning
    assert now[0] == pytest.approx(10 / (20 * GATE_MARGIN))
    assert gate.take("other endpoint") == 0.0  # an endpoint with no announced limit is not paced
