"""Finance reads (Finance reference: Get Statements 202309, Get Transactions by Statement 202501, Get Transactions by
Order 202501, Get Unsettled Transactions 202507, Get Withdrawals 202309). The 202309 transaction reads were sunset on
31 Dec 2025; these are their successors.

Every amount arrives as a decimal string and becomes integer rupiah through `marketplace.finance.rupiah`, which
refuses a fraction instead of rounding it: the record carrying one comes back as an `InvalidRecord` naming the field,
and the rest of the page is kept. A currency other than IDR is refused the same way (an Indonesian shop settles in
rupiah; anything else would be added up wrongly). Every breakdown field keeps the platform's own name.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace import finance as fin
from tokodesk.marketplace.clean import scrub, short
from tokodesk.marketplace.tiktokshop.orders import utc_time
from tokodesk.marketplace.tiktokshop.transport import Transport

log = logging.getLogger(__name__)

STATEMENTS = "/finance/202309/statements"
STATEMENT_TRANSACTIONS = "/finance/202501/statements/{statement_id}/statement_transactions"
ORDER_TRANSACTIONS = "/finance/202501/orders/{order_id}/statement_transactions"
UNSETTLED = "/finance/202507/orders/unsettled"
WITHDRAWALS = "/finance/202309/withdrawals"
PAGE = 100  # every finance list: page_size 1..100
WITHDRAWAL_TYPES = ("WITHDRAW", "SETTLE", "TRANSFER", "REVERSE")


# What each call is named in its errors (an answer lost or too large): words the window says in its language.
_W_STATEMENTS = said(QT_TRANSLATE_NOOP("Marketplace", "statements"))
_W_UNSETTLED_ORDERS = said(QT_TRANSLATE_NOOP("Marketplace", "unsettled orders"))
_W_WITHDRAWALS = said(QT_TRANSLATE_NOOP("Marketplace", "withdrawals"))


def _text(raw: dict, key: str) -> str:
    value = raw.get(key)
    return "" if value is None else str(value)


def _currency(raw: dict, what: str) -> str:
    currency = _text(raw, "currency") or "IDR"
    if currency != "IDR":
        raise fin.NotWholeRupiah(f"{what} is in {currency[:8]!r}, not rupiah (IDR); it was not stored")
    return currency


def _money(raw: dict, key: str, what: str) -> int:
    return fin.rupiah(raw.get(key), f"{what}: {key}")


def _leaves(group: str, raw: Any, what: str, skip: tuple[str, ...] = ()) -> list[fin.Amount]:
    """The amounts of one breakdown object, under their own names (nested objects are read by the caller)."""
    if not isinstance(raw, dict):
        return []
    out = []
    for name in sorted(raw):
        value = raw[name]
        if name in skip or isinstance(value, (dict, list)) or value in (None, ""):
            continue
        out.append(fin.Amount(group, str(name), fin.rupiah(value, f"{what}: {name}")))
    return out


def breakdown(raw: dict, what: str) -> list[fin.Amount]:
    """Every amount of a transaction's breakdowns (an estimate's breakdowns have the same names)."""
    shipping = raw.get("shipping_cost_breakdown") or {}
    fee_tax = raw.get("fee_tax_breakdown") or {}
    return (
        _leaves(fin.REVENUE, raw.get("revenue_breakdown"), what)
        + _leaves(fin.SHIPPING, shipping, what, skip=("supplementary_component",))
        + _leaves(fin.SHIPPING_INFO, shipping.get("supplementary_component") if isinstance(shipping, dict) else None,
                  what)
        + _leaves(fin.FEE, fee_tax.get("fee") if isinstance(fee_tax, dict) else None, what)
        + _leaves(fin.TAX, fee_tax.get("tax") if isinstance(fee_tax, dict) else None, what)
        + _leaves(fin.INFO, raw.get("supplementary_component"), what)
    )


def parse_statement(raw: dict) -> fin.StatementInfo:
    sid = _text(raw, "id")
    what = f"statement {sid}"
    return scrub(fin.StatementInfo(
        statement_id=sid, statement_time=utc_time(raw.get("statement_time")), currency=_currency(raw, what),
        settlement_amount=_money(raw, "settlement_amount", what), revenue_amount=_money(raw, "revenue_amount", what),
        fee_amount=_money(raw, "fee_amount", what), adjustment_amount=_money(raw, "adjustment_amount", what),
        shipping_cost_amount=_money(raw, "shipping_cost_amount", what),
        payment_status=_text(raw, "payment_status"), payment_id=_text(raw, "payment_id"),
        payment_time=utc_time(raw.get("payment_time")),
    ))


def _concerns(raw: dict) -> str:
    # An order's settlement names it in order_id; an adjustment in adjustment_order_id; a reserve in
    # associated_order_id. One column serves all three: the order the money belongs to.
    return _text(raw, "order_id") or _text(raw, "adjustment_order_id") or _text(raw, "associated_order_id")


def parse_transaction(raw: dict, statement_id: str, statement_time: datetime | None) -> fin.SettlementInfo:
    order_id = _concerns(raw)
    what = f"transaction {_text(raw, 'id')}" + (f" of order {order_id}" if order_id else "")
    return scrub(fin.SettlementInfo(
        transaction_id=_text(raw, "id"), statement_id=statement_id, kind=_text(raw, "type") or "ORDER",
        order_id=order_id, adjustment_id=_text(raw, "adjustment_id"),
        order_created_at=utc_time(raw.get("order_create_time")),
        settlement_amount=_money(raw, "settlement_amount", what), revenue_amount=_money(raw, "revenue_amount", what),
        shipping_cost_amount=_money(raw, "shipping_cost_amount", what),
        fee_tax_amount=_money(raw, "fee_tax_amount", what), adjustment_amount=_money(raw, "adjustment_amount", what),
        reserve_amount=_money(raw, "reserve_amount", what), amounts=breakdown(raw, what),
        statement_time=statement_time,
    ))


def _estimated(value: Any) -> tuple[str, datetime | None]:
    text = "" if value is None else str(value)
    if text.isdigit():
        return text, utc_time(text)
    return text, None


def parse_unsettled(raw: dict) -> fin.UnsettledInfo:
    order_id = _text(raw, "order_id") or _text(raw, "adjustment_order_id")
    what = f"unsettled transaction {_text(raw, 'id')}" + (f" of order {order_id}" if order_id else "")
    _currency(raw, what)
    text, when = _estimated(raw.get("estimated_settlement"))
    return scrub(fin.UnsettledInfo(
        transaction_id=_text(raw, "id"), kind=_text(raw, "type") or "ORDER", order_id=order_id,
        adjustment_id=_text(raw, "adjustment_id"), order_created_at=utc_time(raw.get("order_create_time")),
        delivered_at=utc_time(raw.get("order_delivery_time")),
        est_settlement_amount=_money(raw, "est_settlement_amount", what),
        est_revenue_amount=_money(raw, "est_revenue_amount", what),
        est_shipping_cost_amount=_money(raw, "est_shipping_cost_amount", what),
        est_fee_tax_amount=_money(raw, "est_fee_tax_amount", what),
        est_adjustment_amount=_money(raw, "est_adjustment_amount", what),
        estimated_settlement=text, estimated_at=when, unsettled_reason=_text(raw, "unsettled_reason"),
        amounts=breakdown(raw, what),
    ))


def parse_withdrawal(raw: dict) -> fin.WithdrawalInfo:
    wid = _text(raw, "id")
    what = f"withdrawal {wid}"
    return scrub(fin.WithdrawalInfo(
        withdrawal_id=wid, kind=_text(raw, "type"), amount=_money(raw, "amount", what), status=_text(raw, "status"),
        currency=_currency(raw, what), created_at=utc_time(raw.get("create_time")),
    ))


def _read(items: Any, parse: Any, key_of: Any) -> list:
    page: list = []
    for raw in items or []:
        if not isinstance(raw, dict):
            continue
        try:
            page.append(parse(raw))
        except (TypeError, ValueError, OverflowError) as exc:  # NotWholeRupiah and UnsafeId too: one record
            log.warning("unreadable finance record %s: %s", short(key_of(raw)), exc)
            page.append(fin.InvalidRecord(key=key_of(raw), reason=str(exc)))
    return page


def _window(query: dict, ge: str, lt: str, since: datetime | None, until: datetime | None) -> dict:
    if since is not None:
        query[ge] = int(since.timestamp())
    if until is not None:
        query[lt] = int(until.timestamp())
    return query


def statements(api: Transport, since: datetime | None = None, until: datetime | None = None
               ) -> Iterator[list[fin.StatementInfo | fin.InvalidRecord]]:
    token = None
    while True:
        query = _window({"page_size": PAGE, "page_token": token, "sort_field": "statement_time", "sort_order": "ASC"},
                        "statement_time_ge", "statement_time_lt", since, until)
        data = api.call("GET", STATEMENTS, query=query, what=_W_STATEMENTS)
        yield _read(data.get("statements"), parse_statement, lambda r: f"statement {short(r.get('id'))}")
        token = data.get("next_page_token")
        if not token:
            return


def statement_transactions(api: Transport, statement_id: str
                           ) -> Iterator[list[fin.SettlementInfo | fin.InvalidRecord]]:
    token = None
    path = STATEMENT_TRANSACTIONS.format(statement_id=statement_id)
    while True:
        query = {"page_size": PAGE, "page_token": token, "sort_field": "order_create_time", "sort_order": "ASC"}
        what = said(QT_TRANSLATE_NOOP("Marketplace", "transactions of statement {statement}"), statement=statement_id)
        data = api.call("GET", path, query=query, what=what)
        when = utc_time(data.get("create_time"))
        try:
            _currency(data, f"statement {statement_id}")
        except fin.NotWholeRupiah as exc:
            yield [fin.InvalidRecord(key=f"statement {statement_id}", reason=str(exc))]
            return
        yield _read(data.get("transactions"), lambda r, when=when: parse_transaction(r, statement_id, when),
                    lambda r: f"transaction {short(r.get('id'))} of statement {statement_id}")
        token = data.get("next_page_token")
        if not token:
            return


def order_settlement(api: Transport, order_id: str) -> fin.OrderSettlement:
    """One order's settlement per SKU; raises NotWholeRupiah (a ValueError) for an amount with a fraction."""
    what = said(QT_TRANSLATE_NOOP("Marketplace", "settlement of order {order}"), order=order_id)
    data = api.call("GET", ORDER_TRANSACTIONS.format(order_id=order_id), what=what)
    what = f"order {order_id}"
    _currency(data, what)
    skus = []
    for raw in data.get("sku_transactions") or []:
        if not isinstance(raw, dict):
            continue
        sku_what = f"{what}, SKU {_text(raw, 'sku_id')}"
        skus.append(fin.SkuSettlement(
            sku_id=_text(raw, "sku_id"), statement_id=_text(raw, "statement_id"),
            quantity=int(fin.rupiah(raw.get("quantity"), f"{sku_what}: quantity")),
            name=_text(raw, "sku_name") or _text(raw, "product_name"),
            settlement_amount=_money(raw, "settlement_amount", sku_what),
            revenue_amount=_money(raw, "revenue_amount", sku_what),
            shipping_cost_amount=_money(raw, "shipping_cost_amount", sku_what),
            fee_tax_amount=_money(raw, "fee_tax_amount", sku_what), amounts=breakdown(raw, sku_what),
        ))
    return scrub(fin.OrderSettlement(
        order_id=_text(data, "order_id") or order_id, settlement_amount=_money(data, "settlement_amount", what),
        revenue_amount=_money(data, "revenue_amount", what),
        shipping_cost_amount=_money(data, "shipping_cost_amount", what),
        fee_tax_amount=_money(data, "fee_and_tax_amount", what), skus=skus,
    ))


def unsettled(api: Transport, since: datetime | None = None, until: datetime | None = None
              ) -> Iterator[list[fin.UnsettledInfo | fin.InvalidRecord]]:
    token = None
    while True:
        query = _window({"page_size": PAGE, "page_token": token, "sort_field": "order_create_time",
                         "sort_order": "ASC"}, "search_time_ge", "search_time_lt", since, until)
        data = api.call("GET", UNSETTLED, query=query, what=_W_UNSETTLED_ORDERS)
        yield _read(data.get("transactions"), parse_unsettled,
                    lambda r: f"unsettled transaction {short(r.get('id'))}")
        token = data.get("next_page_token")
        if not token:
            return


def withdrawals(api: Transport, since: datetime | None = None, until: datetime | None = None
                ) -> Iterator[list[fin.WithdrawalInfo | fin.InvalidRecord]]:
    token = None
    while True:
        query = _window({"page_size": PAGE, "page_token": token, "types": list(WITHDRAWAL_TYPES)},
                        "create_time_ge", "create_time_lt", since, until)
        data = api.call("GET", WITHDRAWALS, query=query, what=_W_WITHDRAWALS)
        yield _read(data.get("withdrawals"), parse_withdrawal, lambda r: f"withdrawal {short(r.get('id'))}")
        token = data.get("next_page_token")
        if not token:
            return
