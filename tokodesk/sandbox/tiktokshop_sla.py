"""Payment, the buyer's window and the platform's order of work, as the sandbox's TikTok Shop dialect tells them.

The shop keeps one lifecycle for both dialects (an order is PAID when it arrives); the TikTok Shop view adds what the
Partner API says about an order before and around that (research/tiktokshop-api.md §3, Get Order Detail 202309):
- Some buyers pay later (bank transfer, virtual account): their orders are UNPAID for `unpaid_s` after they are
  placed, then ON_HOLD for the buyer's one-hour remorse window from `paid_time`, then AWAITING_SHIPMENT.
- The delivery option decides the platform's `fulfillment_priority_level` (100 Instant, 200 Same-day 8 h,
  300 Same-day, 400 Next day, 500 Express, 600 Standard, 700 Economy, 800 Cargo), and with it how soon the package
  must be ready (`rts_sla_time`) and collected (`tts_sla_time`, `pick_up_cut_off_time`). Since 30 Sep 2025 apps in
  Indonesia are asked to sort the orders to process by `tts_sla_time`, then by the priority level.
Which orders are which is derived from the order number, not drawn from the generator's random stream, so adding
this view left every generated shop as it was.
"""

from __future__ import annotations

from typing import Any

from tokodesk.sandbox.shop import Order

HOUR = 3600.0
DAY = 86400.0

# level -> (delivery option name, ready-to-ship within, collected within), both from payment.
LEVELS: dict[int, tuple[str, float, float]] = {
    100: ("Instant", 1 * HOUR, 3 * HOUR),
    200: ("Same Day 8 Jam", 3 * HOUR, 8 * HOUR),
    300: ("Same Day", 6 * HOUR, 12 * HOUR),
    400: ("Next Day", 1 * DAY, 1.5 * DAY),
    500: ("Express", 1 * DAY, 2 * DAY),
    600: ("Reguler", 2 * DAY, 3 * DAY),
    700: ("Ekonomi", 2 * DAY, 4 * DAY),
    800: ("Kargo", 2 * DAY, 5 * DAY),
}
# The shop's courier services, as delivery options.
_BY_SERVICE = {"YES": 400, "BEST": 500, "EZ": 700}


def pays_late(o: Order) -> bool:
    """Every fourth buyer pays by transfer: the order waits UNPAID first."""
    return o.order_id % 4 == 1 and not o.courier.own


def paid_time(o: Order, unpaid_s: float) -> float:
    return o.create_time + (unpaid_s if pays_late(o) else 0.0)


def priority_level(o: Order) -> int:
    """Platform couriers only (a seller-shipped order has no platform level): a ninth Instant, a ninth Same-day."""
    if o.courier.own:
        return 0
    if o.order_id % 9 == 0:
        return 100
    if o.order_id % 27 == 13:
        return 200
    if o.order_id % 9 == 4:
        return 300
    return _BY_SERVICE.get(o.courier.service, 600)


def delivery_option(o: Order) -> str:
    level = priority_level(o)
    return LEVELS[level][0] if level else o.courier.service


def pre_payment_status(o: Order, now: float, on_hold_s: float, unpaid_s: float) -> str | None:
    """UNPAID or ON_HOLD for a PAID shop order still inside those windows; None once it awaits shipment."""
    paid = paid_time(o, unpaid_s)
    if now < paid:
        return "UNPAID"
    if now < paid + on_hold_s:
        return "ON_HOLD"
    return None


def released_at(o: Order, on_hold_s: float, unpaid_s: float) -> float:
    """When the order became (or becomes) AWAITING_SHIPMENT: leaving a window counts as an update."""
    return paid_time(o, unpaid_s) + on_hold_s


def sla_fields(o: Order, status: str, unpaid_s: float) -> dict[str, Any]:
    """`paid_time`, the SLA times and the priority level of one order (absent where the API leaves them out)."""
    out: dict[str, Any] = {"is_on_hold_order": True}
    if status == "UNPAID":
        return out
    paid = paid_time(o, unpaid_s)
    out["paid_time"] = int(paid)
    level = priority_level(o)
    if not level:
        out["rts_sla_time"] = int(o.accept_deadline)  # seller shipping: the shop's own processing deadline
        return out
    _name, rts_after, tts_after = LEVELS[level]
    rts = min(paid + rts_after, o.accept_deadline)
    out["fulfillment_priority_level"] = level
    out["rts_sla_time"] = int(rts)
    out["tts_sla_time"] = int(max(rts, paid + tts_after))
    out["pick_up_cut_off_time"] = out["tts_sla_time"]
    return out
