"""The marketplace clients' session settles proxies and the CA bundle exactly as requests does from the environment
(it only reads the environment once per host): compared, setting for setting, with a stock requests.Session."""

from __future__ import annotations

import pytest
import requests

from tokodesk.marketplace import http

PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY",
                   "NO_PROXY", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")

ENVIRONMENTS = [
    {},
    {"HTTPS_PROXY": "http://proxy.kantor:3128"},
    {"HTTP_PROXY": "http://proxy.kantor:3128", "HTTPS_PROXY": "http://user:pw@proxy.kantor:3129"},
    {"https_proxy": "http://lower:8080", "HTTPS_PROXY": "http://upper:8080"},
    {"ALL_PROXY": "socks5://proxy.kantor:1080"},
    {"HTTPS_PROXY": "http://proxy.kantor:3128", "NO_PROXY": "tokopedia.net"},
    {"HTTPS_PROXY": "http://proxy.kantor:3128", "NO_PROXY": ".tiktokglobalshop.com, localhost"},
    {"HTTPS_PROXY": "http://proxy.kantor:3128", "NO_PROXY": "fs.tokopedia.net:443"},
    {"HTTP_PROXY": "http://proxy.kantor:3128", "NO_PROXY": "127.0.0.0/8"},
    {"HTTP_PROXY": "http://proxy.kantor:3128", "no_proxy": "*"},
    {"REQUESTS_CA_BUNDLE": "/etc/kantor/ca.pem"},
    {"CURL_CA_BUNDLE": "/etc/kantor/curl-ca.pem", "HTTPS_PROXY": "http://proxy.kantor:3128"},
]

URLS = [
    "https://fs.tokopedia.net/v2/order/list?fs_id=1",
    "https://accounts.tokopedia.com/token",
    "https://open-api.tiktokglobalshop.com/order/202309/orders/search",
    "https://open-api.tiktokglobalshop.com:8443/x",
    "http://127.0.0.1:8123/v1/order/1/fs/2/ack",
]


@pytest.fixture
def environment(monkeypatch):
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)

    def apply(values: dict[str, str]) -> None:
        for name, value in values.items():
            monkeypatch.setenv(name, value)

    return apply


@pytest.mark.parametrize("values", ENVIRONMENTS, ids=lambda v: ",".join(f"{k}={w}" for k, w in v.items()) or "none")
def test_proxies_and_ca_bundle_are_those_requests_would_use(environment, values):
    environment(values)
    for url in URLS:
        mine = http.Session()
        stock = requests.Session()
        for _call in range(2):  # the second call is answered from what the first one read
            ours = mine.merge_environment_settings(url, {}, None, None, None)
            theirs = stock.merge_environment_settings(url, {}, None, None, None)
            assert ours == theirs, url
            assert requests.utils.select_proxy(url, ours["proxies"]) == requests.utils.select_proxy(
                url, theirs["proxies"])


def test_a_call_naming_its_own_settings_keeps_them(environment):
    environment({"HTTPS_PROXY": "http://proxy.kantor:3128", "REQUESTS_CA_BUNDLE": "/etc/kantor/ca.pem"})
    url = URLS[0]
    for verify in (False, "/tmp/mine.pem"):
        ours = http.Session().merge_environment_settings(url, {"https": "http://mine:1"}, None, verify, None)
        theirs = requests.Session().merge_environment_settings(url, {"https": "http://mine:1"}, None, verify, None)
        assert ours == theirs
        assert ours["proxies"]["https"] == "http://mine:1" and ours["verify"] == verify


def test_a_redirect_takes_the_new_hosts_proxy_settings(environment):
    environment({"HTTPS_PROXY": "http://proxy.kantor:3128", "NO_PROXY": "cdn.kantor"})
    for target in ("https://cdn.kantor/label.pdf", "https://p16-oec.tiktokcdn.com/label.pdf"):
        request = requests.Request("GET", target).prepare()
        ours = http.Session().rebuild_proxies(request, {})
        theirs = requests.Session().rebuild_proxies(requests.Request("GET", target).prepare(), {})
        assert requests.utils.select_proxy(target, ours) == requests.utils.select_proxy(target, theirs)


def test_a_batch_of_requests_side_by_side_keeps_its_connections_open(caplog):
    """16 senders at once (a batch's pool) reuse their connections: no 'Connection pool is full' and, in a second
    round, no new connection to the marketplace (each would be a new TCP and TLS handshake on a real network)."""
    import http.server as http_server
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from tokodesk.services.fulfilment.pool import SENDERS

    connections: list[int] = []
    gate = threading.Barrier(SENDERS)
    # The answers wait until all 16 requests are in: no sender can finish and hand its connection to another within
    # a round, so the first round opens 16 and the second needs 16 at once again (on a loaded machine a quick first
    # answer let two senders share one connection, and the second round then had to open one more).
    answering = threading.Barrier(SENDERS)

    class Handler(http_server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self):
            super().setup()
            connections.append(1)

        def do_GET(self):  # noqa: N802 - the name http.server calls
            answering.wait(timeout=10)
            body = b"{}"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http_server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/order"
    session = http.Session()

    def call(_i):
        gate.wait(timeout=10)  # all of them in flight together, as a batch's senders are
        assert session.get(url, timeout=10).status_code == 200

    try:
        with caplog.at_level("WARNING", logger="urllib3"), ThreadPoolExecutor(SENDERS) as pool:
            list(pool.map(call, range(SENDERS)))
            first_round = len(connections)
            list(pool.map(call, range(SENDERS)))
    finally:
        session.close()
        server.shutdown()
        server.server_close()

    assert not [r for r in caplog.records if "pool is full" in r.getMessage()]
    assert first_round == SENDERS and len(connections) == first_round  # the second round opened none


# ---- what goes on the wire: the session's lean path (a plain call) against a stock requests.Session ----------
@pytest.fixture
def echo_server():
    """A loopback server that answers each request with what it received (method, path, headers, body); /cookie
    sets a cookie, /moved redirects to /echo, /moved-post answers 307 (the method and body are kept)."""
    import http.server as http_server
    import json
    import threading

    class Handler(http_server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _answer(self):
            size = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(size) if size else b""
            if self.path.startswith("/moved"):
                self.send_response(307 if self.path.startswith("/moved-post") else 302)
                self.send_header("Location", "/echo?after=redirect")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            seen = {"method": self.command, "path": self.path, "body": body.decode("latin-1"),
                    "headers": sorted((k.lower(), v) for k, v in self.headers.items()
                                      if k.lower() not in ("host", "user-agent"))}
            answer = json.dumps(seen).encode()
            self.send_response(200)
            if self.path.startswith("/cookie"):
                self.send_header("Set-Cookie", "lb=node-7; Path=/")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        do_GET = do_POST = do_PUT = do_DELETE = _answer  # noqa: N815 - the names http.server calls

        def log_message(self, *args):
            pass

    server = http_server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


CALLS = [
    ("GET", "/echo", {"params": {"fs_id": 1, "page": 2, "none": None}, "headers": {"Authorization": "Bearer x"}}),
    ("GET", "/echo?shop_id=9", {"params": {"per_page": 50}, "headers": {"Accept": "application/json"}}),
    ("POST", "/echo", {"json": {"order_id": 123, "note": "kirim besok \u2713"},
                       "headers": {"Authorization": "Bearer x", "Accept": "application/json"}}),
    ("POST", "/echo", {"headers": {"Authorization": "Bearer x"}}),  # an accept: no body at all
    ("POST", "/echo", {"data": {"a": "1", "b": "dua"}, "headers": {"X-Tts-Access-Token": "t"}}),
    ("POST", "/echo", {"data": b"raw bytes", "headers": {"Content-Type": "application/octet-stream"}}),
    ("PUT", "/echo/202309/x", {"params": {"app_key": "k", "sign": "s"}, "json": [1, 2],
                               "headers": {"Content-Type": "application/json", "Accept": None}}),
    ("DELETE", "/echo", {"headers": {"accept": "text/plain", "ACCEPT": "application/json"}}),
    ("GET", "/echo/%7Bid%7D/a b", {"params": {"q": "kota bandung/jabar"}}),
]


@pytest.mark.parametrize(("method", "path", "kwargs"), CALLS, ids=[f"{m} {p}" for m, p, _k in CALLS])
def test_a_plain_call_sends_what_a_stock_session_sends(echo_server, method, path, kwargs):
    mine, stock = http.Session(), requests.Session()
    ours = mine.request(method, echo_server + path, timeout=10, stream=True, **kwargs)
    theirs = stock.request(method, echo_server + path, timeout=10, stream=True, **kwargs)
    assert ours.json() == theirs.json()
    assert (ours.status_code, ours.url, ours.history, ours.encoding) == (
        theirs.status_code, theirs.url, theirs.history, theirs.encoding)
    assert ours.request.headers == theirs.request.headers and ours.request.body == theirs.request.body
    assert ours.elapsed.total_seconds() > 0


def test_a_plain_call_skips_requests_cookie_merging(echo_server, monkeypatch):
    """The point of the lean path (issue 19: 2,000 calls per batch): a call without cookies does not merge jars."""
    def refuse(*_args, **_kwargs):
        raise AssertionError("merged cookie jars for a call that has none")

    monkeypatch.setattr(requests.sessions, "merge_cookies", refuse)
    assert http.Session().request("GET", echo_server + "/echo", timeout=10).status_code == 200


def test_a_cookie_the_marketplace_sets_is_sent_back_as_by_a_stock_session(echo_server):
    for session in (http.Session(), requests.Session()):
        first = session.get(echo_server + "/cookie", timeout=10)
        assert first.cookies.get("lb") == "node-7"
        echoed = session.post(echo_server + "/echo", json={"x": 1}, timeout=10).json()
        assert ("cookie", "lb=node-7") in [tuple(h) for h in echoed["headers"]], type(session)


@pytest.mark.parametrize("follow", [True, False])
def test_a_redirect_is_followed_or_not_as_by_a_stock_session(echo_server, follow):
    for path, method in (("/moved", "GET"), ("/moved-post", "POST")):
        ours = http.Session().request(method, echo_server + path, json={"k": 1}, allow_redirects=follow, timeout=10)
        theirs = requests.Session().request(method, echo_server + path, json={"k": 1}, allow_redirects=follow,
                                            timeout=10)
        assert (ours.status_code, ours.url, [r.status_code for r in ours.history]) == (
            theirs.status_code, theirs.url, [r.status_code for r in theirs.history])
        assert ours.content == theirs.content
        assert (ours.next.url if ours.next else None) == (theirs.next.url if theirs.next else None)
