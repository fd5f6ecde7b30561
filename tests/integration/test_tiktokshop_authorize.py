"""The authorization code works once (issue 16.1), on a consent that covers two shops, through the real CLI.

"The auth_code expires in 30 minutes and can only be used once" (Authorization overview 202407): the sandbox spends
a code at its first exchange (36004004 after) and, here, offers two shops to one consent. TokoDesk exchanges the
code once, keeps the tokens while the seller picks the shop, and adds the other shop as a second channel on the
same authorization, without a new consent.
"""

from __future__ import annotations

import io
import json
import sys

from tests.integration.tiktokshop_setup import sb  # noqa: F401 - fixture
from tokodesk.cli import main
from tokodesk.services.channels import adapter_for, get_channel
from tokodesk.store import models as m
from tokodesk.store.connection import close_database


def _add(sb, monkeypatch, capsys, name: str) -> None:  # noqa: ANN001, F811
    cr = sb.credentials
    monkeypatch.setattr(sys, "stdin", io.StringIO(cr["app_secret"] + "\n"))
    assert main(["channel", "add", name, "--marketplace", "tiktokshop", "--app-key", cr["app_key"],
                 "--app-secret-stdin", "--service-id", cr["service_id"], "--api-base", sb.url,
                 "--auth-url", sb.url]) == 0
    capsys.readouterr()


def test_one_code_two_shops_two_channels_without_a_second_consent(sb, monkeypatch, capsys):  # noqa: F811
    second = sb.dialect.offer_second_shop("Toko Cabang")
    first_id = str(sb.shop.shop_id)
    _add(sb, monkeypatch, capsys, "Utama")
    code = sb.dialect.issue_auth_code()

    # The code is exchanged; the seller is asked which shop, and told the authorization is kept.
    assert main(["channel", "authorize", "Utama", "--code", code]) == 2
    err = capsys.readouterr().err
    assert "covers several shops" in err and first_id in err and second["id"] in err and "It is kept" in err
    assert sb.calls["token_get"] == 1
    assert get_channel("Utama").shop_cipher == ""  # not linked to a shop the seller did not pick

    # --shop alone uses the kept authorization: no code, no second exchange.
    assert main(["channel", "authorize", "Utama", "--shop", first_id]) == 0
    assert "Linked 'Utama'" in capsys.readouterr().out
    assert sb.calls["token_get"] == 1
    assert get_channel("Utama").shop_id == first_id

    # The marketplace spends a code once: a second exchange is refused, as the docs say.
    assert main(["channel", "authorize", "Utama", "--code", code, "--shop", first_id]) == 1
    assert "The authorization code is not valid any more" in capsys.readouterr().err
    assert sb.calls["token_get"] == 2  # that refused one

    # The other shop of the same consent becomes a channel of its own, on the same authorization.
    assert main(["channel", "add", "Cabang", "--from-channel", "Utama", "--api-base", sb.url]) == 0
    assert "--shop ID" in capsys.readouterr().out
    assert main(["channel", "authorize", "Cabang", "--shop", first_id]) == 2  # already Utama's shop
    assert "already the shop of channel 'Utama'" in capsys.readouterr().err
    assert main(["channel", "authorize", "Cabang", "--shop", "Toko Cabang"]) == 0
    capsys.readouterr()
    cabang = get_channel("Cabang")
    assert (cabang.shop_id, cabang.shop_cipher, cabang.token_channel) == (second["id"], second["cipher"], "Utama")
    assert sb.calls["token_get"] == 2  # no consent for the second shop

    # One refresh token serves both: renewals by either channel never use up the other's.
    for name in ("Cabang", "Utama", "Cabang"):
        sb.dialect.expire_tokens()
        adapter = adapter_for(get_channel(name))
        assert adapter.shop_info().shop_id == get_channel(name).shop_id
        adapter.close()
    assert sb.calls["token_refresh"] == 3

    assert main(["channel", "show", "Cabang", "--json"]) == 0
    assert "token_expires_at" in json.loads(capsys.readouterr().out)  # the shared authorization's expiry

    # The first channel cannot be removed while the second uses its authorization.
    assert main(["channel", "remove", "Utama", "--yes"]) == 2
    assert "use the authorization of 'Utama'" in capsys.readouterr().err
    assert m.Channel.select().count() == 2
    close_database()


def test_shop_without_a_kept_authorization_asks_for_the_consent_first(sb, monkeypatch, capsys):  # noqa: F811
    _add(sb, monkeypatch, capsys, "Utama")
    assert main(["channel", "authorize", "Utama", "--shop", str(sb.shop.shop_id)]) == 2
    assert "not authorized yet" in capsys.readouterr().err
    assert sb.calls.get("token_get", 0) == 0
    close_database()
