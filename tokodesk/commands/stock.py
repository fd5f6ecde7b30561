"""`tokodesk stock set|import|adopt|list|push|return|barcode`: the seller's own stock counts.

On hand is what is on the shelf. `set` and `import` overwrite it with a count; a seller SKU TokoDesk does not know
yet is created (and the output says so, and whether any marketplace SKU is mapped to it). Every change schedules
a stock push for the channels listing those SKUs. A SKU nobody counted is never pushed: `adopt` takes the
marketplace's current stock (plus what open orders hold) as the first count, so the next push changes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys

from tokodesk.commands.args import input_file
from tokodesk.errors import UserError

SET_HELP = "set on-hand stock: SELLER_SKU QTY pairs (whole numbers from 0); unknown SKUs are created"
IMPORT_HELP = (
    "set on-hand stock from a CSV file: seller_sku,on_hand per row (header optional; comma, semicolon or tab). "
    "Bad rows are reported by line; the good rows are applied in one transaction (exit 2 if any row was bad)"
)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("stock", help="set, import, list and push the seller's own stock")
    ssub = parser.add_subparsers(dest="stock_command", metavar="ACTION", required=True)

    sset = ssub.add_parser("set", help=SET_HELP, description=SET_HELP)
    sset.add_argument("pairs", nargs="+", metavar="SELLER_SKU QTY")
    sset.add_argument("--json", action="store_true", help="print the result as JSON on stdout")
    sset.set_defaults(func=run_set)

    imp = ssub.add_parser("import", help=IMPORT_HELP, description=IMPORT_HELP)
    imp.add_argument("file", metavar="FILE.csv", type=input_file)
    imp.add_argument("--strict", action="store_true", help="apply nothing when any row is bad")
    imp.add_argument("--json", action="store_true", help="print the result as JSON on stdout")
    imp.set_defaults(func=run_import)

    adopt = ssub.add_parser(
        "adopt",
        help="use the marketplace's current stock as the count of the SKUs nobody counted yet",
        description="Read the channel's listings and store, for each seller SKU nobody counted yet, what the "
        "marketplace shows plus the units open orders hold, so the next stock push changes nothing on the "
        "marketplace. SKUs already counted are kept unless --all. Run it after 'sync skus' and 'sync orders'.",
    )
    adopt.add_argument("--channel", metavar="NAME")
    adopt.add_argument("--all", action="store_true",
                       help="adopt the marketplace's stock for SKUs already counted too (overwrites their count)")
    adopt.add_argument("--json", action="store_true", help="print the result as JSON on stdout")
    adopt.set_defaults(func=run_adopt)

    lst = ssub.add_parser("list", help="on hand, reserved (open orders not yet shipped) and available per seller SKU")
    lst.add_argument("skus", nargs="*", metavar="SELLER_SKU", help="only these SKUs")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_list)

    push = ssub.add_parser(
        "push",
        help="push available stock to a channel now (like 'sync inventory'; --full sends every mapped SKU)",
        description="Push available = on hand − reserved − buffer for each mapped SKU. Default: the channel's "
        "method (delta: only what differs from the last value the marketplace accepted).",
    )
    push.add_argument("--channel", metavar="NAME")
    push.add_argument("--full", action="store_true", help="send every mapped SKU, changed or not")
    push.add_argument("--json", action="store_true")
    push.set_defaults(func=run_push)

    ret = ssub.add_parser(
        "return",
        help="a returned parcel was received: put its goods back on hand",
        description="A cancel after shipping is a return: on hand comes back only when the parcel is received. "
        "Give the marketplace order ids or invoice numbers of cancelled or returned orders.",
    )
    ret.add_argument("orders", nargs="+", metavar="ORDER_ID_OR_INVOICE")
    ret.add_argument("--channel", metavar="NAME")
    ret.set_defaults(func=run_return)

    code = ssub.add_parser(
        "barcode",
        help="the barcode printed on an item, when it is not its seller SKU (the pack check accepts either)",
        description="Store the barcode on an item's own label (a maker's EAN) with its seller SKU, so the pack "
        "station's item check knows the item by it. One code names one item: a code already used by another SKU "
        "is refused. --clear removes it.",
    )
    code.add_argument("sku", metavar="SELLER_SKU")
    code.add_argument("code", metavar="BARCODE", nargs="?")
    code.add_argument("--clear", action="store_true", help="remove the SKU's barcode")
    code.set_defaults(func=run_barcode)

    parser.set_defaults(func=lambda args: parser.print_help() or 2)


def _open_db() -> None:
    from tokodesk.store.connection import open_database

    open_database()


def _describe(result, out) -> None:  # noqa: ANN001
    parts = [f"{len(result.updated)} updated", f"{len(result.created)} created", f"{len(result.unchanged)} unchanged"]
    print(f"stock: {', '.join(parts)}", file=out)
    if result.created:
        print(f"  new seller SKUs: {', '.join(result.created[:20])}{' …' if len(result.created) > 20 else ''}",
              file=out)
    if result.unmapped:
        print(
            f"  not mapped to any marketplace SKU yet (nothing is pushed for them; see 'tokodesk mapping'): "
            f"{', '.join(result.unmapped[:20])}{' …' if len(result.unmapped) > 20 else ''}",
            file=out,
        )
    if result.settled_orders:
        print(f"  {result.settled_orders} shipped orders were taken off the old count first", file=out)


def _set_json(result) -> dict:  # noqa: ANN001
    return {"created": result.created, "updated": result.updated, "unchanged": result.unchanged,
            "unmapped": result.unmapped, "settled_orders": result.settled_orders}


def run_set(args: argparse.Namespace) -> int:
    from tokodesk.services import inventory

    pairs = args.pairs
    if len(pairs) % 2:
        raise UserError(
            f"stock set takes SELLER_SKU QTY pairs; {pairs[-1]!r} has no quantity (e.g. tokodesk stock set KAOS-M 12)"
        )
    counts = [(pairs[i], pairs[i + 1]) for i in range(0, len(pairs), 2)]
    for sku, qty in counts:  # refuse before opening anything: nothing is written when one count is bad
        inventory.parse_quantity(qty, what=f"quantity of {sku}")
    _open_db()
    result = inventory.set_stock(counts)
    if args.json:
        print(json.dumps(_set_json(result), ensure_ascii=False))
    else:
        _describe(result, sys.stdout)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from tokodesk.services import stock_csv

    _open_db()
    result = stock_csv.import_stock(args.file, strict=args.strict)
    bad = result.parsed.bad
    out = sys.stderr if args.json else sys.stdout
    for text in stock_csv.bad_row_lines(args.file, result.parsed):
        print(text, file=sys.stderr)
    if args.json:
        doc = _set_json(result.applied) if result.applied else {"created": [], "updated": [], "unchanged": [],
                                                                 "unmapped": [], "settled_orders": 0}
        doc["rows"] = len(result.parsed.rows)
        doc["bad_rows"] = [{"line": b.line, "reason": b.reason} for b in bad]
        doc["applied"] = result.applied is not None
        print(json.dumps(doc, ensure_ascii=False))
    elif result.applied:
        _describe(result.applied, out)
    if bad:
        if args.strict:
            print(f"tokodesk: {len(bad)} bad rows: nothing was applied (--strict); fix them and import again",
                  file=sys.stderr)
        else:
            print(
                f"tokodesk: {len(bad)} bad rows were skipped; the {len(result.parsed.rows)} good rows were applied. "
                "Fix the lines above and import them again.",
                file=sys.stderr,
            )
        return 2
    if not result.parsed.rows:
        raise UserError(f"{args.file} has no stock rows: write seller_sku,on_hand on each line")
    return 0


def run_adopt(args: argparse.Namespace) -> int:
    from tokodesk.services import stock_adopt
    from tokodesk.services.channels import get_channel

    _open_db()
    channel = get_channel(args.channel)
    result = stock_adopt.adopt_marketplace_stock(
        channel, include_counted=args.all, progress=lambda d, t, msg: print(f"  {msg}", file=sys.stderr)
    )
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        for line in stock_adopt.describe(result):
            print(line)
    return 0 if result.ok else 1


def run_list(args: argparse.Namespace) -> int:
    from tokodesk.services import inventory

    _open_db()
    lines = inventory.stock_overview(args.skus or None)
    if args.json:
        print(json.dumps([{"seller_sku": x.seller_sku, "name": x.name, "on_hand": x.on_hand, "counted": x.counted,
                           "reserved": x.reserved, "available": x.available, "listings": x.listings}
                          for x in lines], ensure_ascii=False))
        return 0
    if not lines:
        print("no stock yet: set it with 'tokodesk stock set SKU QTY' or 'tokodesk stock import FILE.csv'")
        return 0
    width = max(10, *(len(x.seller_sku) for x in lines))
    print(f"{'seller SKU':<{width}}  {'on hand':>8}  {'reserved':>8}  {'available':>9}  listings")
    uncounted = 0
    for x in lines:
        on_hand = "-" if x.on_hand is None else x.on_hand
        available = "-" if x.available is None else x.available
        print(f"{x.seller_sku:<{width}}  {on_hand:>8}  {x.reserved:>8}  {available:>9}  {x.listings:>8}"
              + ("  not counted" if x.on_hand is None else ""))
        uncounted += x.on_hand is None
    if uncounted:
        print(f"{uncounted} SKUs not counted yet: nothing is pushed for them until you count them ('tokodesk stock "
              "set', 'stock import') or use the marketplace's stock as the count ('tokodesk stock adopt')")
    return 0


def run_push(args: argparse.Namespace) -> int:
    from tokodesk.services import stock_push
    from tokodesk.services.channels import get_channel

    _open_db()
    channel = get_channel(args.channel)
    summary = stock_push.sync_inventory(
        channel, None, lambda d, t, msg: print(f"  {msg}", file=sys.stderr), None, method="full" if args.full else None
    )
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False))
    else:
        d = summary.details
        if summary.status == "skipped":
            print(d.get("message", "skipped"))
        else:
            print(f"stock push ({channel.name}, {d.get('method')}): {d.get('sent', 0)} sent in {d.get('requests', 0)} "
                  f"requests, {d.get('accepted', 0)} accepted, {d.get('failed', 0)} failed, "
                  f"{d.get('unchanged', 0)} unchanged, {d.get('uncounted', 0)} left out (never counted)")
            for error in summary.errors:
                print(f"  ! {error}")
    return 0 if summary.status in ("ok", "skipped") else 1


def run_return(args: argparse.Namespace) -> int:
    from tokodesk.services import inventory
    from tokodesk.services.channels import get_channel
    from tokodesk.store import models as m

    _open_db()
    query = m.Order.select()
    if args.channel:
        query = query.where(m.Order.channel == get_channel(args.channel).id)
    failed = 0
    for ref in args.orders:
        order = query.where((m.Order.order_id == ref) | (m.Order.invoice == ref)).first()
        if order is None:
            print(f"tokodesk: no order {ref!r} (give the marketplace order id or the invoice number)", file=sys.stderr)
            failed += 1
            continue
        try:
            back = inventory.receive_return(order)
        except UserError as exc:
            print(f"tokodesk: {exc}", file=sys.stderr)
            failed += 1
            continue
        detail = ", ".join(f"{sku} +{qty}" for sku, qty in sorted(back.items())) or "no stocked lines"
        print(f"{order.invoice or order.order_id}: back on hand: {detail}")
    return 2 if failed else 0


def run_barcode(args: argparse.Namespace) -> int:
    from tokodesk.services.pack_check import set_barcode

    if args.clear == bool(args.code):
        raise UserError("stock barcode takes SELLER_SKU BARCODE, or SELLER_SKU --clear "
                        "(e.g. tokodesk stock barcode KAOS-M 8991234567890)")
    _open_db()
    item = set_barcode(args.sku, None if args.clear else args.code)
    print(f"{item.seller_sku}: barcode {item.barcode}" if item.barcode else f"{item.seller_sku}: no barcode")
    return 0
