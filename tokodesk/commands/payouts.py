"""Payouts from the command line: what each order really earned, and where the money went.

    tokodesk payouts sync [--channel NAME] [--json]
    tokodesk payouts list [--unexpected] [--unsettled [--days N]] [--channel NAME] [--json]
    tokodesk payouts export (--csv | --xlsx | --pdf) FILE [--unexpected] [--unsettled [--days N]] [--channel NAME]
    tokodesk payouts cost SELLER_SKU PRICE        (PRICE: whole rupiah, or "none" to clear it)
    tokodesk payouts cost-import FILE.csv [--strict] [--json]
    tokodesk payouts rates [--commission PCT] [--dynamic PCT] [--reset]   (the fee rules, and your own rates)

Only channels whose marketplace has finance reads (Tokopedia & Shop) have payouts; for a legacy Tokopedia channel
the command says so and exits 2. Exit codes: 0 done; 1 the marketplace refused or did not answer; 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import sys

from tokodesk.commands.args import input_file, int_in, output_file
from tokodesk.errors import UserError

DAYS = 14


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("payouts", help="what each order earned: fees, net, differences, margins",
                            description="Settlements synced from the marketplace (tokodesk payouts sync), compared "
                                        "with what the fee rules give, per order.")
    psub = parser.add_subparsers(dest="payouts_command", metavar="ACTION", required=True)
    sync = psub.add_parser("sync", help="read statements, settlements, estimates and withdrawals now")
    sync.add_argument("--channel", metavar="NAME", help="the channel (needed when there are several)")
    sync.add_argument("--json", action="store_true", help="print the run summary as JSON on stdout")
    sync.set_defaults(func=run_sync)

    def filters(p: argparse.ArgumentParser) -> None:
        p.add_argument("--unexpected", action="store_true",
                       help="only orders whose payout differs from what the fee rules give")
        p.add_argument("--unsettled", action="store_true",
                       help="only orders delivered more than --days days ago and not settled yet")
        p.add_argument("--days", type=int_in(0, 3650, "a number of days"), default=DAYS, metavar="N",
                       help=f"with --unsettled: days since delivery (default {DAYS})")
        p.add_argument("--channel", metavar="NAME", help="only this channel")

    listing = psub.add_parser("list", help="one line per order: buyer paid, net, expected, difference, why")
    filters(listing)
    listing.add_argument("--json", action="store_true", help="print a JSON array on stdout")
    listing.set_defaults(func=run_list)
    export = psub.add_parser("export", help="write the payouts to a CSV, XLSX or PDF file")
    kind = export.add_mutually_exclusive_group(required=True)
    kind.add_argument("--csv", metavar="FILE", type=output_file, help="one row per order, every fee a column")
    kind.add_argument("--xlsx", metavar="FILE", type=output_file,
                      help="orders, weekly totals, fees, SKU margins, statements and withdrawals, a sheet each")
    kind.add_argument("--pdf", metavar="FILE", type=output_file, help="a printable report (A4, landscape)")
    filters(export)
    export.set_defaults(func=run_export)
    cost = psub.add_parser("cost", help="set (or clear) the cost price of one seller SKU")
    cost.add_argument("seller_sku", metavar="SELLER_SKU")
    cost.add_argument("price", metavar="PRICE", help='whole rupiah (15000 or 15.000), or "none" to clear it')
    cost.set_defaults(func=run_cost)
    imp = psub.add_parser("cost-import", help="cost prices from a CSV file (seller_sku,cost_price per row)")
    imp.add_argument("file", metavar="FILE.csv", type=input_file)
    imp.add_argument("--strict", action="store_true", help="apply nothing when a row is bad")
    imp.add_argument("--json", action="store_true", help="print the result as JSON on stdout")
    imp.set_defaults(func=run_cost_import)
    rates = psub.add_parser("rates", help="show the fee rules, or set your category's rates (from Seller Center)")
    rates.add_argument("--commission", metavar="PCT", type=percent,
                       help="platform commission of your category in percent, e.g. 8 or 6,97")
    rates.add_argument("--dynamic", metavar="PCT", type=percent, help="dynamic commission in percent, e.g. 4,5")
    rates.add_argument("--reset", action="store_true", help="back to the published rules")
    rates.set_defaults(func=run_rates)


def percent(text: str) -> int:
    """An argparse type: a percentage typed as 8, 8.5 or 6,97 (0 to 100), as hundredths of a percent."""
    from decimal import Decimal, InvalidOperation

    raw = text.strip().rstrip("%").strip().replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a percentage: give one like 8 or 6,97") from None
    hundredths = value * 100
    if not value.is_finite() or hundredths != hundredths.to_integral_value() or not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"{text!r}: give a percentage from 0 to 100 with at most two decimals")
    return int(hundredths)


def _open() -> None:
    from tokodesk.store.connection import open_database

    open_database()


def _channel(name: str | None):  # noqa: ANN202
    """The named channel (checked for finance reads), or None for all of them."""
    from tokodesk.services.channels import get_channel
    from tokodesk.services.payout_sync import capabilities_of, not_supported, supported
    from tokodesk.store import models as m

    if name is None:
        if not any(supported(c) for c in m.Channel.select()):
            raise UserError("no channel has payouts: only Tokopedia & Shop channels (tiktokshop) offer finance reads; "
                            "add one with 'tokodesk channel add NAME --marketplace tiktokshop …'")
        return None
    channel = get_channel(name)
    caps = capabilities_of(channel)
    if caps is not None and not caps.finance_read:
        raise not_supported(channel, caps)
    return channel


def run_sync(args: argparse.Namespace) -> int:
    from tokodesk.commands.sync import _Interrupt, _json_of, _print_summary, _progress
    from tokodesk.services import scheduler
    from tokodesk.services.channels import get_channel
    from tokodesk.services.payout_sync import capabilities_of, not_supported

    _open()
    channel = get_channel(args.channel)
    caps = capabilities_of(channel)
    if caps is not None and not caps.finance_read:
        raise not_supported(channel, caps)
    with _Interrupt() as interrupt:
        summary = scheduler.runner("payouts")(channel, None, _progress, interrupt)
    if args.json:
        print(json.dumps(_json_of(summary), ensure_ascii=False))
    else:
        _print_summary(summary, False)
    if summary.status == "cancelled":
        return 130
    return 0 if summary.status == "ok" else 1


def _chosen(book, args: argparse.Namespace) -> list:  # noqa: ANN001
    orders = book.orders
    if args.unsettled:
        late = {p.order_id for p in book.overdue(args.days)}
        orders = [p for p in orders if p.order_id in late]
    if args.unexpected:
        orders = [p for p in orders if p.unexpected]
    return orders


def payout_json(p) -> dict:  # noqa: ANN001
    return {
        "order_id": p.order_id, "invoice": p.invoice, "channel": p.channel, "status": p.status, "known": p.known,
        "buyer_paid": p.buyer_paid, "pass_through": p.pass_through, "expected_fees": p.expected_fees,
        "expected_net": p.expected_net, "net": p.net, "estimated": p.estimated, "difference": p.difference,
        "unexpected": p.unexpected,
        "causes": [{"kind": c.kind, "amount": c.amount, "text": c.text} for c in p.causes],
        "fees": [{"name": f.name, "group": f.group, "charged": f.charged, "expected": f.expected} for f in p.fees],
        "statements": p.statements,
        "settled_at": p.settled_at.isoformat() + "Z" if p.settled_at else None,
        "delivered_at": p.delivered_at.isoformat() + "Z" if p.delivered_at else None,
        "cost": p.cost, "margin": p.margin, "missing_costs": p.missing_costs,
    }


def run_list(args: argparse.Namespace) -> int:
    from tokodesk.documents.fmt import rupiah
    from tokodesk.services import payout_book

    _open()
    book = payout_book.load(_channel(args.channel))
    orders = _chosen(book, args)
    if args.json:
        print(json.dumps([payout_json(p) for p in orders], ensure_ascii=False))
        return 0
    if not orders:
        print("no orders to show" + ("" if book.orders else ": run 'tokodesk payouts sync' first"))
        return 0
    print(f"{'order':<20} {'status':<10} {'buyer paid':>13} {'net':>13} {'expected':>13} {'difference':>12}  why")
    for p in orders:
        net = "—" if p.net is None else rupiah(p.net) + ("*" if p.estimated else "")
        diff = "" if p.difference is None else rupiah(p.difference)
        paid = rupiah(p.buyer_paid) if p.known else "(not pulled)"
        expected = rupiah(p.expected_net) if p.known else ""
        print(f"{p.order_id:<20} {p.status:<10} {paid:>13} {net:>13} {expected:>13} {diff:>12}  {p.why()}")
    if any(p.estimated for p in orders):
        print("* the marketplace's estimate: not settled yet")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from tokodesk.services import payout_book, payout_export

    _open()
    book = payout_book.load(_channel(args.channel))
    orders = _chosen(book, args)
    if args.csv:
        path = payout_export.export_csv(book, args.csv, orders)
    elif args.xlsx:
        path = payout_export.export_xlsx(book, args.xlsx, orders)
    else:
        book.orders = orders  # the PDF's tables follow the same choice
        path = payout_export.export_pdf(book, args.pdf, overdue_days=args.days)
    print(f"{len(orders)} orders written to {path}")
    return 0


def run_cost(args: argparse.Namespace) -> int:
    from tokodesk.documents.fmt import rupiah
    from tokodesk.services import cost_prices, inventory

    sku = inventory.normalise_sku(args.seller_sku)
    price = cost_prices.parse_cost(args.price)
    _open()
    cost_prices.set_costs([(sku, price)])
    print(f"{sku}: cost price {'cleared' if price is None else rupiah(price)}")
    return 0


def run_cost_import(args: argparse.Namespace) -> int:
    from tokodesk.services import cost_prices
    from tokodesk.services.stock_csv import bad_row_lines

    _open()
    result = cost_prices.import_costs(args.file, strict=args.strict)
    bad = result.parsed.bad
    for text in bad_row_lines(args.file, result.parsed):  # type: ignore[arg-type]
        print(text, file=sys.stderr)
    if args.json:
        print(json.dumps({"applied": result.applied, "bad": [{"line": b.line, "reason": b.reason} for b in bad]},
                         ensure_ascii=False))
    elif result.applied:
        print(f"cost prices: {len(result.applied)} seller SKUs set")
    if bad:
        if args.strict:
            print(f"tokodesk: {len(bad)} bad rows: nothing was applied (--strict); fix them and import again",
                  file=sys.stderr)
        else:
            print(f"tokodesk: {len(bad)} bad rows were skipped; the {len(result.applied)} good rows were applied. "
                  "Fix the lines above and import them again.", file=sys.stderr)
        return 2
    return 0


def run_rates(args: argparse.Namespace) -> int:
    from tokodesk.services import payout_book

    _open()
    if args.reset and (args.commission is not None or args.dynamic is not None):
        raise UserError("--reset goes back to the published rules: leave out --commission and --dynamic")
    if args.reset:
        rules = payout_book.set_rates({"platform_commission_amount": None, "dynamic_commission_amount": None})
    elif args.commission is not None or args.dynamic is not None:
        change: dict[str, int | None] = {}
        if args.commission is not None:
            change["platform_commission_amount"] = args.commission
        if args.dynamic is not None:
            change["dynamic_commission_amount"] = args.dynamic
        rules = payout_book.set_rates(change)
    else:
        rules = payout_book.current_rules()
    for rule in rules:
        if rule.per == "order":
            what = f"Rp {rule.fixed:,} per order".replace(",", ".")
        else:
            what = f"{rule.rate / 100:.2f}%".replace(".", ",") + (" per line" if rule.per == "line" else " per item")
            if rule.cap_per_item:
                what += f", at most Rp {rule.cap_per_item:,} per item".replace(",", ".")
        mark = " (assumed: set yours)" if rule.assumed else ""
        print(f"{rule.name:<28} {what}{mark}\n{'':<28} {rule.source}")
    return 0
