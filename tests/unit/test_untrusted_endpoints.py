"""A channel's API and sign-in addresses: https, or plain http only to this PC (issue 15 §6).

`channel add --api-base http://<another host>` used to be accepted, and every request then carried the client secret
or an access token readable by anyone on the way.
"""

from __future__ import annotations

import io
import sys

import pytest

from tokodesk.cli import main
from tokodesk.marketplace.base import MarketplaceError
from tokodesk.marketplace.endpoints import InsecureEndpoint, endpoint_problem
from tokodesk.marketplace.tiktokshop import TikTokShopClient
from tokodesk.marketplace.tokopedia import TokopediaClient
from tokodesk.services.channels import validate_endpoint
from tokodesk.store import models as m

ALLOWED = ["", "https://fs.tokopedia.net", "https://10.0.0.5:8443/api", "http://127.0.0.1:8765", "http://127.9.9.9",
           "http://[::1]:8080/", "http://localhost:9000", "HTTP://LOCALHOST"]
REFUSED = ["http://fs.tokopedia.net", "http://10.0.0.5:8080", "http://192.168.1.20", "http://[2001:db8::1]/",
           "http://127.0.0.1.evil.example", "http://localhost.evil.example", "ftp://127.0.0.1", "fs.tokopedia.net",
           "http://"]


@pytest.mark.parametrize("url", ALLOWED)
def test_https_and_loopback_http_are_accepted(url):
    assert endpoint_problem(url) is None
    assert validate_endpoint(url + " ", "--api-base") == url.strip().rstrip("/")


@pytest.mark.parametrize("url", REFUSED)
def test_plain_http_elsewhere_and_non_web_addresses_are_refused(url):
    problem = endpoint_problem(url, "--api-base")
    assert problem and problem.startswith(f"--api-base {url!r}")


def test_the_message_says_why():
    problem = endpoint_problem("http://fs.example.com/v1", "--api-base")
    assert "plain http to fs.example.com" in problem and "unencrypted" in problem and "https://" in problem


def add(monkeypatch, *extra: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO("s3cret-value\n"))
    return main(["channel", "add", "Toko", "--fs-id", "13004", "--client-id", "cid", "--shop-id", "479573",
                 "--client-secret-stdin", *extra])


@pytest.mark.parametrize("option", ["--api-base", "--auth-url"])
def test_channel_add_refuses_plain_http_to_another_host(database, monkeypatch, capsys, memory_keyring, option):
    assert add(monkeypatch, option, "http://fs.example.com") == 2
    err = capsys.readouterr().err
    assert f"{option} 'http://fs.example.com' uses plain http" in err and "unencrypted" in err
    assert m.Channel.select().count() == 0 and not memory_keyring.store  # nothing written, no secret kept


def test_channel_add_takes_loopback_http_and_https(database, monkeypatch, memory_keyring):
    assert add(monkeypatch, "--api-base", "http://127.0.0.1:8765/", "--auth-url", "https://accounts.example") == 0
    row = m.Channel.get()
    assert (row.api_base, row.auth_url) == ("http://127.0.0.1:8765", "https://accounts.example")


def test_the_clients_refuse_an_insecure_address_stored_earlier():
    """A channel saved before this check (or edited in the database) still never sends a secret in clear."""
    with pytest.raises(InsecureEndpoint, match="plain http"):
        TokopediaClient("t", "13004", "cid", "479573", "http://fs.example.com", "https://a.example",
                        client_secret="x")
    with pytest.raises(MarketplaceError, match="sign-in .auth. address 'http://auth.example' uses plain http"):
        TikTokShopClient("t", "key", "svc", "cipher", "https://api.example", "http://auth.example", app_secret="x")
