"""Status table (DESIGN.md §5) and reject reasons (research §6) of the Tokopedia client."""

from __future__ import annotations

import logging
from datetime import date, datetime, timezone

import pytest

from tokodesk.marketplace.base import CancelReason, CancelRequest, OrderState
from tokodesk.marketplace.tokopedia import reasons, statuses
from tokodesk.marketplace.tokopedia.reasons import InvalidCancelRequest, nack_body, reasons_for

S = OrderState
DESIGN = {
    S.AWAITING_PAYMENT: [100, 103, 200],
    S.NEW: [220, 221],
    S.ACKNOWLEDGED: [400],
    S.AWAITING_PICKUP: [450],
    S.SHIPPED: [500, 501, 520, 530, 540],
    S.DELIVERED: [600, 601],
    S.COMPLETED: [700, 701],
    S.RETURNED: [550],
    S.ON_HOLD: [690, 691, 695, 698],
    S.CANCELLED: [0, 2, 3, 4, 5, 6, 10, 11, 15, 699],
}
EXPECTED = [(code, state) for state, codes in DESIGN.items() for code in codes]


@pytest.mark.parametrize(("code", "state"), EXPECTED)
def test_every_research_code_maps_as_design_says(code, state):
    assert statuses.state_for(code) is state
    assert statuses.state_for(str(code)) is state  # the Order keeps the code as text


def test_table_holds_exactly_the_research_codes():
    assert set(statuses.STATUS_TABLE) == {code for code, _ in EXPECTED}


@pytest.mark.parametrize("code", [401, 630, 999, "abc", None])
def test_unknown_code_goes_on_hold_with_a_warning(code, caplog):
    statuses._warned.clear()
    with caplog.at_level(logging.WARNING, logger="tokodesk.marketplace.tokopedia.statuses"):
        assert statuses.state_for(code) is S.ON_HOLD
        statuses.state_for(code)
    warnings = [r for r in caplog.records if "unknown Tokopedia order status" in r.getMessage()]
    assert len(warnings) == 1  # once per code, not once per order


def test_describe_gives_tokopedias_meaning():
    assert "accept or reject" in statuses.describe(220)
    assert statuses.describe(12345) == "Unknown Tokopedia status 12345"


# -- reject reasons ------------------------------------------------------------------------------------------

TODAY = date(2024, 5, 10)


def _req(code: str, text: str = "Stok habis", **kw) -> CancelRequest:
    return CancelRequest(reason=reasons.BY_CODE[code], text=text, **kw)


def test_reason_codes_and_limits_follow_the_nack_table():
    assert [r.code for r in reasons.REASONS] == ["1", "2", "3", "4", "5", "7", "8", "0"]
    assert reasons.BY_CODE["4"].needs_close_date
    assert reasons.BY_CODE["7"].max_text == 490 and reasons.BY_CODE["8"].max_text == 490
    assert reasons.BY_CODE["1"].max_text == 512


def test_reasons_depend_on_order_state():
    new_codes = [r.code for r in reasons_for(S.NEW)]
    assert "0" not in new_codes and "1" in new_codes and "8" in new_codes
    assert "0" in [r.code for r in reasons_for(S.ACKNOWLEDGED)]
    assert reasons_for(S.SHIPPED) == [] and reasons_for(S.CANCELLED) == []


def test_plain_reason_body():
    assert nack_body(_req("1", "  Stok habis  ")) == {"reason_code": 1, "reason": "Stok habis"}


def test_reason_text_required_and_limited():
    with pytest.raises(InvalidCancelRequest, match="explanation"):
        nack_body(_req("5", "   "))
    assert nack_body(_req("7", "x" * 490))["reason"] == "x" * 490
    with pytest.raises(InvalidCancelRequest, match="491 characters.*at most 490"):
        nack_body(_req("7", "x" * 491))
    with pytest.raises(InvalidCancelRequest, match="at most 512"):
        nack_body(_req("1", "x" * 513))


def test_unknown_reason_code_is_refused_locally():
    with pytest.raises(InvalidCancelRequest, match="'6' is not one Tokopedia accepts"):
        nack_body(CancelRequest(reason=CancelReason("6", "made up"), text="x"))


def test_shop_closed_needs_date_and_short_note():
    with pytest.raises(InvalidCancelRequest, match="date the shop opens again"):
        nack_body(_req("4", "Tutup", shop_close_note="Libur"), today=TODAY)
    end = datetime(2024, 5, 20, 3, 0, tzinfo=timezone.utc)
    with pytest.raises(InvalidCancelRequest, match="note for buyers"):
        nack_body(_req("4", "Tutup", shop_close_end=end), today=TODAY)
    with pytest.raises(InvalidCancelRequest, match="101 characters.*at most 100"):
        nack_body(_req("4", "Tutup", shop_close_end=end, shop_close_note="n" * 101), today=TODAY)
    with pytest.raises(InvalidCancelRequest, match="in the past"):
        nack_body(_req("4", "Tutup", shop_close_end=datetime(2024, 5, 9, tzinfo=timezone.utc),
                       shop_close_note="Libur"), today=TODAY)
    body = nack_body(_req("4", "Tutup", shop_close_end=end, shop_close_note="n" * 100), today=TODAY)
    assert body == {"reason_code": 4, "reason": "Tutup", "shop_close_end_date": "20/05/2024",
                    "shop_close_note": "n" * 100}


def test_close_date_is_the_wib_calendar_day():
    # 18:00 UTC on the 19th is already the 20th in Jakarta.
    end = datetime(2024, 5, 19, 18, 0, tzinfo=timezone.utc)
    body = nack_body(_req("4", "Tutup", shop_close_end=end, shop_close_note="Libur"), today=TODAY)
    assert body["shop_close_end_date"] == "20/05/2024"
