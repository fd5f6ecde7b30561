"""`tokodesk channel set NAME KEY=VALUE…` (issue 16.6): every maintenance setting from the command line, with the
window's validation; `channel show` lists them with their keys."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from tokodesk.cli import main
from tokodesk.services import channel_settings
from tokodesk.store import models as m


@pytest.fixture
def channel():
    from tokodesk.store.connection import close_database, open_database

    open_database()  # the data folder's database, the one the CLI opens
    yield m.Channel.create(name="Toko", marketplace="tiktokshop", business_model="pickup")
    close_database()


def stored(name: str = "Toko") -> m.Channel:
    return m.Channel.get(m.Channel.name == name)


def test_set_changes_several_settings_in_one_go(channel, capsys):
    code = main(["channel", "set", "Toko", "use_marketplace_label=true", "business_model=dropoff", "recon_hour=7",
                 "push_zero_below=3", "return_sync_from=2026-11-01", "warehouse_id= 7001 ", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["channel"] == "Toko"
    row = stored()
    assert row.use_marketplace_label is True and row.business_model == "dropoff" and row.recon_hour == 7
    assert row.push_zero_below == 3 and row.warehouse_id == "7001"
    assert row.return_sync_from == datetime(2026, 10, 31, 17, 0)  # midnight WIB, stored as UTC
    assert out["changed"]["business_model"] == ["pickup", "dropoff"]
    assert main(["channel", "set", "Toko", "push_zero_below=none"]) == 0
    assert stored().push_zero_below is None
    assert "push_zero_below: 3 → None" in capsys.readouterr().out


@pytest.mark.parametrize(("pair", "words"), [
    ("business_model=courier", "business_model takes pickup | dropoff | own_courier"),
    ("recon_hour=24", "recon_hour takes a whole number from 0 to 23"),
    ("use_marketplace_label=maybe", "use_marketplace_label takes true | false"),
    ("inventory_method=sometimes", "inventory_method takes delta | full"),
    ("colour=blue", "'colour' is not a channel setting; the settings are: name, warehouse_id"),
    ("order_sync_from=2026-11-01", "order_sync_from cannot be set"),
    ("name=Toko Baru", "name cannot be set"),
    ("return_sync_from=kemarin", "return_sync_from takes a date"),
    ("recon_hour", "write each setting as KEY=VALUE"),
])
def test_a_bad_key_or_value_exits_2_naming_it_and_changes_nothing(channel, capsys, pair, words):
    before = m.Channel.select().dicts().get()
    assert main(["channel", "set", "Toko", "recon_autofix=true", pair]) == 2
    assert words in capsys.readouterr().err
    assert m.Channel.select().dicts().get() == before, "not even the good pair was written"


def test_a_future_return_sync_date_is_refused_like_in_the_window(channel, capsys):
    later = (datetime.now(timezone.utc) + timedelta(days=3)).strftime("%Y-%m-%d")
    assert main(["channel", "set", "Toko", f"return_sync_from={later}"]) == 2
    assert "not in the future" in capsys.readouterr().err


def test_show_lists_every_setting_with_its_key(channel, capsys):
    assert main(["channel", "show", "Toko"]) == 0
    out = capsys.readouterr().out
    for key, spec in channel_settings.SPECS.items():
        if not spec.fixed:
            assert f"[{key}]:" in out, key
    assert "Use marketplace shipping label [use_marketplace_label]: False" in out
    assert "tokodesk channel set Toko KEY=VALUE" in out


def test_unknown_channel_is_named(channel, capsys):
    assert main(["channel", "set", "Lain", "recon_hour=3"]) == 2
    assert "Lain" in capsys.readouterr().err


@pytest.mark.parametrize(("pair", "words"), [
    ("price_floor=-500", "a price is never negative"),
    ("price_change_confirm_pct=0", "0 would ask for every change"),
    ("price_change_confirm_pct=-10", "a negative percentage means nothing"),
    ("price_change_confirm_pct=lima", "price_change_confirm_pct takes a whole number from 1 to 1000"),
])
def test_catalogue_guard_rails_refused_in_words(channel, capsys, pair, words):
    before = m.Channel.select().dicts().get()
    assert main(["channel", "set", "Toko", pair]) == 2
    assert words in capsys.readouterr().err
    assert m.Channel.select().dicts().get() == before


def test_catalogue_guard_rails_are_set_shown_and_used(channel, capsys):
    from tokodesk.services.catalog_rules import GuardRails

    assert GuardRails.load(channel).why_large(10_000, 16_000)  # +60 % beyond the default ±50 %
    assert main(["channel", "set", "Toko", "price_change_confirm_pct=75", "price_floor=2.000".replace(".", "")]) == 0
    assert "price_change_confirm_pct: 50 → 75" in capsys.readouterr().out
    rails = GuardRails.load(channel)
    assert (rails.max_change_pct, rails.price_floor) == (75, 2000)
    assert not rails.why_large(10_000, 16_000) and "floor" in rails.why_large(10_000, 1_500)
    assert main(["channel", "show", "Toko"]) == 0
    out = capsys.readouterr().out
    assert "Confirm price changes beyond (%) [price_change_confirm_pct]: 75" in out
    assert "Confirm prices below (Rp) [price_floor]: 2000" in out


def test_an_app_wide_guard_rail_set_before_carries_over_to_every_channel(channel):
    from tokodesk.store import migrations

    database = m.Channel._meta.database
    m.AppSetting.write("price_floor", 2500)
    m.Channel.update(price_floor=1000).execute()
    migrations._m20_channel_price_rails(database)
    assert stored().price_floor == 2500 and m.AppSetting.get_or_none(m.AppSetting.key == "price_floor") is None
    migrations._m20_channel_price_rails(database)  # again: nothing to do
    assert stored().price_floor == 2500
