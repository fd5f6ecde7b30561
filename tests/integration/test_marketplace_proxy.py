"""Sellers behind an office proxy: both clients send through the proxy the environment names (HTTP_PROXY,
HTTPS_PROXY), go direct to a host NO_PROXY names, and keep their own Authorization header when ~/.netrc has an
entry for the marketplace's host. The proxy is a real one on loopback, in a thread, forwarding to the sandbox."""

from __future__ import annotations

import http.client
import http.server
import threading
from urllib.parse import urlsplit

import pytest
import requests

from tokodesk.marketplace.base import NotReachable
from tokodesk.marketplace.tiktokshop import TikTokShopClient
from tokodesk.marketplace.tokopedia import TokopediaClient
from tokodesk.sandbox import Sandbox

PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY",
                   "NO_PROXY", "NETRC")


class _Proxy(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Forward)
        self.seen: list[str] = []  # request lines, as the proxy received them
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Forward(http.server.BaseHTTPRequestHandler):
    """A forwarding proxy for plain HTTP; a CONNECT (HTTPS) is recorded and refused: no tunnel is needed to tell
    that the client asked the proxy for it."""

    server: _Proxy

    def log_message(self, *args) -> None:  # noqa: ANN002 - quiet
        pass

    def _record(self) -> None:
        with self.server.lock:
            self.server.seen.append(self.requestline)

    def do_CONNECT(self) -> None:  # noqa: N802
        self._record()
        self.send_error(403, "no tunnels here")

    def _forward(self) -> None:
        self._record()
        target = urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("proxy-connection", "connection")}
        upstream = http.client.HTTPConnection(target.hostname, target.port, timeout=10)
        try:
            path = target.path + (f"?{target.query}" if target.query else "")
            upstream.request(self.command, path, body=body or None, headers=headers)
            answer = upstream.getresponse()
            data = answer.read()
        finally:
            upstream.close()
        self.send_response(answer.status)
        for key, value in answer.getheaders():
            if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = _forward  # noqa: N815


@pytest.fixture
def proxy(monkeypatch):
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    server = _Proxy()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _tokopedia(sb: Sandbox, **kwargs) -> TokopediaClient:
    cr = sb.credentials
    return TokopediaClient("sandbox", cr["fs_id"], cr["client_id"], cr["shop_id"], kwargs.pop("api", sb.url),
                           kwargs.pop("auth", sb.url), client_secret=cr["client_secret"], timeout=10,
                           sleep=lambda s: None)


def _accept_three(sb: Sandbox, client: TokopediaClient) -> list[int]:
    ids = [o.order_id for o in sb.orders_in_status(220)][:3]
    for order_id in ids:
        client.acknowledge(str(order_id))
    client.close()
    return ids


def _tiktokshop_read(sb: Sandbox) -> list[str]:
    c = sb.credentials
    client = TikTokShopClient("toko", c["app_key"], c["service_id"], "", sb.url, sb.url, timeout=10,
                              app_secret=c["app_secret"], sleep=lambda s: None)
    with requests.Session() as browser:  # the seller's browser on the consent page: not the client
        browser.trust_env = False
        consent = browser.get(client.consent_url(state="s1"), allow_redirects=False, timeout=10)
    shops = client.authorize(consent.headers["Location"])
    client.use_shop(shops[0].cipher)
    names = [w.name for w in client.warehouses()]
    client.close()
    return names


def test_http_proxy_carries_every_tokopedia_call(proxy, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    with Sandbox(seed=11, orders=40, products=20, freeze_clock=True) as sb:
        ids = _accept_three(sb, _tokopedia(sb))
        assert all(sb.order(i).status == 400 for i in ids)
    port = urlsplit(sb.url).port
    acks = [line for line in proxy.seen if line.startswith("POST ") and "/ack " in line]
    assert len(acks) == 3 and all(f"http://127.0.0.1:{port}/" in line for line in acks)
    assert any("/token" in line for line in proxy.seen)


def test_http_proxy_carries_every_tiktokshop_call(proxy, monkeypatch):
    monkeypatch.setenv("http_proxy", proxy.url)
    with Sandbox(seed=5, products=16, orders=20, dialect="tiktokshop", freeze_clock=True) as sb:
        assert _tiktokshop_read(sb)
    assert any("/authorization/" in line for line in proxy.seen)  # the token exchange
    assert any("/logistics/" in line and "/warehouses" in line for line in proxy.seen)


def test_no_proxy_naming_the_host_goes_direct(proxy, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")
    with Sandbox(seed=11, orders=40, products=20, freeze_clock=True) as sb:
        ids = _accept_three(sb, _tokopedia(sb))
        assert all(sb.order(i).status == 400 for i in ids)
    with Sandbox(seed=5, products=16, orders=20, dialect="tiktokshop", freeze_clock=True) as sb:
        assert _tiktokshop_read(sb)
    assert proxy.seen == []


def test_https_goes_through_the_https_proxy_unless_no_proxy_names_the_host(proxy, monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    with Sandbox(seed=11, orders=10, products=5, freeze_clock=True) as sb:
        client = _tokopedia(sb, api="https://fs.tokopedia.invalid", auth="https://accounts.tokopedia.invalid")
        with pytest.raises(NotReachable):
            client.acknowledge("123")
        assert proxy.seen and all(line.startswith("CONNECT accounts.tokopedia.invalid:443 ") for line in proxy.seen)
        before = len(proxy.seen)
        monkeypatch.setenv("NO_PROXY", ".tokopedia.invalid")
        client = _tokopedia(sb, api="https://fs.tokopedia.invalid", auth="https://accounts.tokopedia.invalid")
        with pytest.raises(NotReachable):  # straight to a host that does not exist
            client.acknowledge("123")
        assert len(proxy.seen) == before


def test_a_netrc_entry_for_the_marketplace_does_not_replace_the_clients_authorization(proxy, monkeypatch, tmp_path):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login kantor password rahasia\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    with Sandbox(seed=11, orders=40, products=20, freeze_clock=True) as sb:
        ids = _accept_three(sb, _tokopedia(sb))
        assert all(sb.order(i).status == 400 for i in ids)
