"""Authorization of a Tokopedia & Shop channel: consent link, pasted code, token get/refresh, error words."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import responses

from tests.unit.test_tiktokshop_support import (
    API,
    AUTH,
    CIPHER,
    NOW,
    SECRET,
    assert_signed,
    fail,
    make_client,
    mock_http,
    ok,
    query_of,
    store_token,
)
from tokodesk import credentials
from tokodesk.marketplace.base import AuthError, MarketplaceError, NotReachable
from tokodesk.marketplace.tiktokshop.auth import parse_auth_code

TOKEN_DATA = {
    "access_token": "TTP_new_access",
    "access_token_expire_in": int(NOW) + 7 * 86400,
    "refresh_token": "TTP_new_refresh",
    "refresh_token_expire_in": int(NOW) + 365 * 86400,
    "open_id": "7010736057180325637",
    "seller_name": "Toko Maju",
    "seller_base_region": "ID",
    "user_type": 0,
    "granted_scopes": ["seller.order.info"],
}
SHOPS = {"shops": [{"id": "7000714532876273420", "name": "Toko Maju", "region": "ID", "seller_type": "LOCAL",
                    "cipher": CIPHER, "code": "IDLCX"}]}


@pytest.fixture
def rsps():
    yield from mock_http()


class CountingKeyring:
    def __init__(self, backend):
        self.backend = backend
        self.writes: list[str] = []
        original = backend.set_password

        def counted(service, username, password):
            self.writes.append(username)
            original(service, username, password)

        backend.set_password = counted


def test_consent_link_carries_the_service_id_and_a_state():
    from tokodesk.marketplace.tiktokshop import TikTokShopClient

    client = TikTokShopClient("toko", "6abc123", "svc-77", "", app_secret=SECRET)  # production hosts
    url = client.consent_url(state="abc")
    parts = urlsplit(url)
    assert (parts.netloc, parts.path) == ("services.tiktokshop.com", "/open/authorize")
    assert parse_qs(parts.query) == {"service_id": ["svc-77"], "state": ["abc"]}
    assert parse_qs(urlsplit(client.consent_url()).query)["state"][0]  # a fresh random state when none is given
    # off the production auth host (sandbox, staging) the consent page is on that host
    local, _ = make_client(token=False)
    assert local.consent_url(state="s").startswith(f"{AUTH}/open/authorize?service_id=svc-77")


@pytest.mark.parametrize(
    "pasted",
    [
        "https://toko.example/callback?code=ROW_abcdef123&state=xyz",
        "  ROW_abcdef123  ",
        "?code=ROW_abcdef123&state=1",
        "code=ROW_abcdef123",
    ],
)
def test_the_code_is_read_from_a_redirect_url_or_a_bare_code(pasted):
    assert parse_auth_code(pasted) == "ROW_abcdef123"


@pytest.mark.parametrize(
    ("pasted", "words"),
    [
        ("https://toko.example/callback?code=null&error=auth_denied", "refused"),
        ("https://toko.example/callback?state=1", "no authorization code"),
        ("", "Paste"),
        ("not a code", "does not look like"),
    ],
)
def test_a_bad_paste_is_explained(pasted, words):
    with pytest.raises(AuthError, match=words):
        parse_auth_code(pasted)


def test_authorize_exchanges_the_code_stores_both_tokens_and_lists_shops(rsps, memory_keyring):
    client, _ = make_client(token=False)
    rsps.add(responses.GET, f"{AUTH}/api/v2/token/get", json=ok(TOKEN_DATA))
    rsps.add(responses.GET, f"{API}/authorization/202309/shops", json=ok(SHOPS))
    shops = client.authorize("https://toko.example/cb?code=ROW_abcdef123&state=s")

    assert [(s.shop_id, s.name, s.cipher, s.region) for s in shops] == [
        ("7000714532876273420", "Toko Maju", CIPHER, "ID")
    ]
    get = query_of(rsps.calls[0])
    assert get == {"app_key": "6abc123", "app_secret": SECRET, "auth_code": "ROW_abcdef123",
                   "grant_type": "authorized_code"}
    assert_signed(rsps.calls[1], shop=False)  # get shops: signed, without shop_cipher
    assert rsps.calls[1].request.headers["x-tts-access-token"] == "TTP_new_access"

    token = credentials.load_token("toko")
    assert token.access_token == "TTP_new_access"
    assert token.refresh_token == "TTP_new_refresh"
    assert token.expires_at.timestamp() == NOW + 7 * 86400  # absolute expiry, not "seconds from now"
    assert token.refresh_expires_at.timestamp() == NOW + 365 * 86400
    assert token.extra["open_id"] == "7010736057180325637" and token.extra["seller_name"] == "Toko Maju"
    # nothing about the token in the database-facing channel settings; only the keyring holds it
    assert "TTP_new_access" in json.dumps(memory_keyring.store[("tokodesk", "toko:token")])


def test_a_token_close_to_expiry_is_refreshed_first_and_the_new_refresh_token_kept_in_one_write(
    rsps, memory_keyring
):
    client, _ = make_client(token=False)
    store_token(access="TTP_old", refresh="TTP_old_refresh", expires_in=120)  # two minutes left
    counter = CountingKeyring(memory_keyring)
    rsps.add(responses.GET, f"{AUTH}/api/v2/token/refresh", json=ok(TOKEN_DATA))
    rsps.add(responses.GET, f"{API}/authorization/202309/shops", json=ok(SHOPS))

    client.authorized_shops()

    refresh = query_of(rsps.calls[0])
    assert refresh["grant_type"] == "refresh_token" and refresh["refresh_token"] == "TTP_old_refresh"
    assert rsps.calls[1].request.headers["x-tts-access-token"] == "TTP_new_access"
    assert counter.writes == ["toko:token"]  # access + refresh token in ONE keyring write
    stored = credentials.load_token("toko")
    assert (stored.access_token, stored.refresh_token) == ("TTP_new_access", "TTP_new_refresh")
    assert stored.extra["open_id"] == "7010736057180325637"


def test_105002_refreshes_once_and_repeats_the_call(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, f"{API}/authorization/202309/shops", json=fail(105002, "Access token is expired"))
    rsps.add(responses.GET, f"{AUTH}/api/v2/token/refresh", json=ok(TOKEN_DATA))
    rsps.add(responses.GET, f"{API}/authorization/202309/shops", json=ok(SHOPS))
    assert client.authorized_shops()[0].cipher == CIPHER
    assert [c.request.headers.get("x-tts-access-token") for c in rsps.calls] == [
        "TTP_access_1", None, "TTP_new_access"
    ]


def test_105002_twice_asks_to_authorize_again(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, f"{API}/authorization/202309/shops", json=fail(105002, "Access token is expired"))
    rsps.add(responses.GET, f"{AUTH}/api/v2/token/refresh", json=ok(TOKEN_DATA))
    with pytest.raises(AuthError, match="Authorize the shop again"):
        client.authorized_shops()
    assert len([c for c in rsps.calls if "/token/refresh" in c.request.url]) == 1


def test_a_refused_refresh_asks_to_authorize_again(rsps):
    client, _ = make_client(token=False)
    store_token(expires_in=30)
    rsps.add(responses.GET, f"{AUTH}/api/v2/token/refresh", json=fail(36004004, "refresh token invalid"))
    with pytest.raises(AuthError, match="Open the consent"):
        client.authorized_shops()


def test_not_authorized_yet_says_how():
    client, _ = make_client(token=False)
    with pytest.raises(AuthError, match="tokodesk channel authorize toko"):
        client.authorized_shops()


@pytest.mark.parametrize(
    ("code", "message", "words"),
    [
        (36004004, "Invalid auth code", "works once and for 30 minutes"),
        (105005, "Access denied", "permission \\(scope\\)"),
        (36009033, "IP not allowed", "IP allow list"),
        (106001, "Invalid sign", "App secret"),
        (101000, "shop cipher mismatch", "does not cover this shop"),
        (36009004, "Invalid credentials. Invalid `app_key` query parameter.", "App key"),
        (36009004, "Missing credentials. The request does not include a required signature in the query.",
         "signature"),
    ],
)
def test_auth_failures_have_clear_words(rsps, code, message, words):
    client, _ = make_client()
    rsps.add(responses.GET, f"{API}/authorization/202309/shops", json=fail(code, message), status=200)
    with pytest.raises(AuthError, match=words) as info:
        client.authorized_shops()
    assert info.value.error_code == str(code)
    assert SECRET not in str(info.value) and "TTP_access_1" not in str(info.value)


def test_a_bad_auth_code_is_explained(rsps):
    client, _ = make_client(token=False)
    rsps.add(responses.GET, f"{AUTH}/api/v2/token/get", json=fail(36004004, "invalid auth code"))
    with pytest.raises(AuthError, match="30 minutes"):
        client.authorize("ROW_abcdef123")
    assert credentials.load_token("toko") is None


def test_a_network_failure_on_the_token_call_never_shows_the_secret(rsps):
    client, _ = make_client(token=False)
    rsps.add(responses.GET, f"{AUTH}/api/v2/token/get",
             body=requests.ConnectionError(f"HTTPSConnectionPool: url=/api/v2/token/get?app_secret={SECRET}"))
    with pytest.raises(NotReachable) as info:
        client.authorize("ROW_abcdef123")
    assert SECRET not in str(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_stale_timestamp_corrects_the_clock_from_the_server_date(rsps):
    client, _ = make_client()
    message = "Invalid timestamp. The value of the `timestamp` query parameter must not be earlier than 5 minutes"
    server_now = "Tue, 14 Oct 2025 09:00:00 GMT"  # well after NOW
    rsps.add(responses.GET, f"{API}/authorization/202309/shops", json=fail(36009004, message),
             headers={"Date": server_now})
    rsps.add(responses.GET, f"{API}/authorization/202309/shops", json=ok(SHOPS))
    client.authorized_shops()
    from email.utils import parsedate_to_datetime

    assert query_of(rsps.calls[1])["timestamp"] == str(int(parsedate_to_datetime(server_now).timestamp()))


def test_stale_timestamp_without_a_server_date_asks_to_fix_the_clock(rsps):
    client, _ = make_client()
    message = "Invalid timestamp. The value of the `timestamp` query parameter must not be earlier than 5 minutes"
    rsps.add(responses.GET, f"{API}/authorization/202309/shops", json=fail(36009004, message))
    with pytest.raises(MarketplaceError, match="clock"):
        client.authorized_shops()


def test_shop_info_picks_the_channel_shop_and_its_warehouses(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, f"{API}/authorization/202309/shops", json=ok(SHOPS))
    rsps.add(responses.GET, f"{API}/logistics/202309/warehouses", json=ok({"warehouses": [
        {"id": "wh-1", "name": "Gudang Bandung", "effect_status": "ENABLED", "type": "SALES_WAREHOUSE",
         "is_default": True},
        {"id": "wh-r", "name": "Retur", "effect_status": "ENABLED", "type": "RETURN_WAREHOUSE"},
        {"id": "wh-x", "name": "Tutup", "effect_status": "DISABLED", "type": "SALES_WAREHOUSE"},
    ]}))
    shop = client.shop_info()
    assert (shop.shop_id, shop.name, shop.region) == ("7000714532876273420", "Toko Maju", "ID")
    assert [(w.warehouse_id, w.is_default) for w in shop.warehouses] == [("wh-1", True)]
    assert_signed(rsps.calls[1], shop=True)


def test_shop_info_refuses_a_shop_the_authorization_does_not_cover(rsps):
    client, _ = make_client(cipher="GCP_other")
    rsps.add(responses.GET, f"{API}/authorization/202309/shops", json=ok(SHOPS))
    with pytest.raises(AuthError, match="no longer covers"):
        client.shop_info()


def test_app_secret_comes_from_the_keyring_when_not_given(rsps):
    from tokodesk.marketplace.tiktokshop import TikTokShopClient

    store_token()
    credentials.set_secret("toko", "app_secret", SECRET)
    client = TikTokShopClient("toko", "6abc123", "svc", CIPHER, API, AUTH, clock=lambda: NOW)
    rsps.add(responses.GET, f"{API}/authorization/202309/shops", json=ok(SHOPS))
    client.authorized_shops()
    assert_signed(rsps.calls[0], shop=False)

    credentials.delete_secret("toko", "app_secret")
    bare = TikTokShopClient("toko", "6abc123", "svc", CIPHER, API, AUTH, clock=lambda: NOW)
    with pytest.raises(AuthError, match="--app-secret-stdin"):
        bare.authorized_shops()
