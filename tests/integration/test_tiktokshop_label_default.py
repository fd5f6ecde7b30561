"""A new Tokopedia & Shop channel prints the marketplace's shipping label: the API masks the recipient's name and
phone under platform logistics (and the sandbox does too), so TokoDesk's own label would give the courier
"Agu*********ti" to call. An own-label run of such an order says so; legacy Tokopedia channels keep own labels."""

from __future__ import annotations

import io
import json
import sys

from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.tiktokshop_setup import (  # noqa: F401 - fixtures
    channel,
    client,
    fresh,
    sb,
    to_ship,
)
from tokodesk.cli import main
from tokodesk.services.fulfilment import Fulfilment
from tokodesk.store import models as m


def _add(monkeypatch, *args: str) -> m.Channel:  # noqa: ANN001
    monkeypatch.setattr(sys, "stdin", io.StringIO("secret-of-the-app\n"))
    assert main(["channel", "add", *args]) == 0
    return m.Channel.get(m.Channel.name == args[0])


def test_a_new_tiktokshop_channel_prints_the_marketplace_label_and_a_legacy_one_its_own(sb, monkeypatch, capsys):  # noqa: F811
    tts = _add(monkeypatch, "Toko TTS", "--marketplace", "tiktokshop", "--app-key", "k", "--app-secret-stdin",
               "--service-id", "s", "--api-base", sb.url, "--auth-url", sb.url)
    assert tts.use_marketplace_label
    legacy = _add(monkeypatch, "Toko Lama", "--marketplace", "tokopedia", "--fs-id", "1", "--client-id", "c",
                  "--shop-id", "2", "--client-secret-stdin")
    assert not legacy.use_marketplace_label
    capsys.readouterr()
    # The seller can still choose TokoDesk's own label.
    assert main(["channel", "set", "Toko TTS", "use_marketplace_label=false"]) == 0
    assert not fresh(tts).use_marketplace_label


def test_an_own_label_of_a_masked_recipient_prints_with_a_warning(sb, channel, client, capsys, tmp_path):  # noqa: F811
    pulled(sb, channel, client)
    orders = to_ship(sb, 2)
    service = Fulfilment(adapters=lambda c: client)
    service.pack(orders)
    assert all(r.ok for r in service.ship(orders))
    stored = [fresh(o) for o in orders]
    # Platform logistics: the sandbox sends the name and phone as the API does, desensitized.
    assert all("**" in o.recipient_name and "**" in o.recipient_phone for o in stored)
    out = tmp_path / "labels.pdf"
    assert main(["labels", *[o.order_id for o in stored], "--pdf", str(out), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert sorted(summary["orders"]) == sorted(o.order_id for o in stored) and out.exists()
    warned = {w["order_id"]: w["warning"] for w in summary["warnings"]}
    assert set(warned) == {o.order_id for o in stored}
    for order in stored:
        assert order.recipient_phone in warned[order.order_id]
        assert '"Use marketplace shipping label"' in warned[order.order_id] and channel.name in warned[order.order_id]
