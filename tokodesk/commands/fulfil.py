"""Fulfilment from the command line.

    tokodesk orders ack|pack|ship|cancel ORDER_ID... [--awb AWB] [--reason-code N --reason TEXT]
                                         [--close-until DD/MM/YYYY --close-note TEXT] [--channel NAME] [--json]
    tokodesk labels ORDER_ID... (--pdf FILE | --printer NAME) [--size 100x150|100x100|a6|a4]
                                [--order courier|sku|deadline] [--mark-printed]
    tokodesk manifest COURIER (--pdf FILE | --printer NAME)
    tokodesk picklist ORDER_ID... (--pdf FILE | --printer NAME) [--packing-lists]

ORDER_ID is the marketplace's order id or the invoice number. Exit codes: 0 every order done; 1 the marketplace
refused or did not answer for some order (or a document could not be made); 2 bad input, or TokoDesk refused an
order (wrong state, unmapped line, missing AWB or reason) — nothing was changed for a refused order.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path

from tokodesk.commands.args import output_file

SIZES = ("100x150", "100x100", "a6", "a4")
LABEL_ORDERS = ("courier", "sku", "deadline")


# ---- registration ----------------------------------------------------------------------------------------
def register(sub: argparse._SubParsersAction) -> None:
    labels = sub.add_parser("labels", help="shipping labels of orders, as one PDF or one print job")
    labels.add_argument("order_ids", nargs="+", metavar="ORDER_ID", help="order id or invoice number")
    _output_args(labels)
    labels.add_argument("--size", choices=SIZES, default="100x150", help="label size (default 100x150 mm)")
    labels.add_argument("--order", choices=LABEL_ORDERS, default="courier", help="print order (default courier)")
    labels.add_argument("--mark-printed", action="store_true",
                        help="also mark the labels printed on the marketplace (printed=1)")
    labels.add_argument("--channel", metavar="NAME", help="only orders of this channel")
    labels.add_argument("--json", action="store_true", help="print a JSON summary on stdout")
    labels.set_defaults(func=run_labels)

    manifest = sub.add_parser("manifest", help="the hand-over list of one courier: every shipped parcel (package) "
                                               "not yet collected, with its tracking number")
    manifest.add_argument("courier", metavar="COURIER", help="courier name as on the orders, e.g. JNE")
    _output_args(manifest)
    manifest.add_argument("--channel", metavar="NAME", help="only orders of this channel")
    manifest.add_argument("--json", action="store_true", help="print a JSON summary on stdout")
    manifest.set_defaults(func=run_manifest)

    picklist = sub.add_parser("picklist", help="what to take from the shelves for these orders, summed by SKU")
    picklist.add_argument("order_ids", nargs="+", metavar="ORDER_ID", help="order id or invoice number")
    _output_args(picklist)
    picklist.add_argument("--packing-lists", action="store_true", help="add one packing list per order")
    picklist.add_argument("--channel", metavar="NAME", help="only orders of this channel")
    picklist.set_defaults(func=run_picklist)


def _output_args(parser: argparse.ArgumentParser) -> None:
    out = parser.add_mutually_exclusive_group(required=True)
    out.add_argument("--pdf", metavar="FILE", type=output_file, help="write a PDF file")
    out.add_argument("--printer", metavar="NAME", help="print on this CUPS printer (see 'lpstat -e')")


def register_orders(osub: argparse._SubParsersAction) -> None:
    """The queue actions, added to `tokodesk orders` (see tokodesk/commands/orders.py)."""
    helps = {
        "ack": "accept new orders (nearest accept deadline first)",
        "pack": "record that orders are packed (every line must be mapped)",
        "ship": "hand orders over: pick-up, drop-off, or own courier with --awb",
        "cancel": "reject orders with a reason the marketplace accepts",
    }
    for name, text in helps.items():
        parser = osub.add_parser(name, help=text)
        parser.add_argument("order_ids", nargs="+", metavar="ORDER_ID", help=(
            "order id or invoice number, or a package id or tracking number: that one parcel of a split order"
            if name == "pack" else "order id or invoice number"))
        parser.add_argument("--channel", metavar="NAME", help="only orders of this channel")
        parser.add_argument("--json", action="store_true", help="print a JSON array of per-order results")
        if name == "ship":
            parser.add_argument("--awb", metavar="AWB", help="own courier: the AWB (resi) number of ONE order")
        if name == "cancel":
            parser.add_argument("--reason-code", metavar="N", default="",
                                help="reason code (Tokopedia: 0-8) or reason name (Tokopedia & Shop)")
            parser.add_argument("--reason", metavar="TEXT", default="", help="explanation for the buyer")
            parser.add_argument("--close-until", metavar="DD/MM/YYYY", help="reason 4 (shop closed): reopening day")
            parser.add_argument("--close-note", metavar="TEXT", default="", help="reason 4: note for buyers")
        parser.set_defaults(func=run_order_action, action_name=name)


# ---- helpers ---------------------------------------------------------------------------------------------
def _open(args: argparse.Namespace):  # noqa: ANN202 - (channel or None)
    from tokodesk.services.channels import get_channel
    from tokodesk.store.connection import open_database

    open_database()
    return get_channel(args.channel) if getattr(args, "channel", None) else None


def _number(text: str | None, marketplace: str = "tokopedia") -> int | str | None:
    """Tokopedia ids as numbers, TikTok Shop's as text (the same convention as `orders list --json`)."""
    return int(text) if text and text.isdigit() and marketplace == "tokopedia" else text


def _order_id(order, marketplaces: dict[int, str] | None = None) -> int | str | None:  # noqa: ANN001 - a store Order
    if marketplaces is not None and order.channel_id in marketplaces:  # 1,000 labels: not 1,000 channel reads
        return _number(order.order_id, marketplaces[order.channel_id])
    return _number(order.order_id, order.channel.marketplace)


def _marketplaces() -> dict[int, str]:
    from tokodesk.store import models as m

    return dict(m.Channel.select(m.Channel.id, m.Channel.marketplace).tuples())


def _parse_day(text: str | None) -> date | None:
    from tokodesk.errors import UserError

    if not text:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise UserError(f"--close-until {text!r} is not a date: write it as DD/MM/YYYY, e.g. 31/12/2026")


def _progress(done: int, total: int | None, message: str) -> None:
    if sys.stderr.isatty():
        print(f"\r[{done}/{total}] {message}\033[K", end="" if done != total else "\n", file=sys.stderr)


def _exit_code(results) -> int:  # noqa: ANN001
    if any(not r.ok and not r.refused for r in results):
        return 1
    if any(r.refused for r in results):
        return 2
    return 0


# ---- orders ack|pack|ship|cancel -------------------------------------------------------------------------
def run_order_action(args: argparse.Namespace) -> int:
    from tokodesk.errors import UserError
    from tokodesk.services.fulfilment import CancelChoice, Fulfilment, find_orders

    name = args.action_name
    if name == "ship" and args.awb is not None:
        from tokodesk.services.fulfilment.awb import awb_problem, clean

        if len(args.order_ids) > 1:
            raise UserError("--awb is the AWB of one parcel: ship own-courier orders one at a time")
        # Checked before the database is opened: a bad AWB is never sent, nor stored.
        problem = awb_problem(clean(args.awb))
        if problem:
            raise UserError(f"--awb: {problem}")
    if name == "cancel":
        choice = CancelChoice(args.reason_code, args.reason, _parse_day(args.close_until), args.close_note)
    channel = _open(args)
    keys, parcels = (_package_keys(args.order_ids, channel) if name == "pack" else (args.order_ids, []))
    orders = find_orders(keys, channel) if keys else []
    served = [o for _c, _p, those in parcels for o in those]
    with Fulfilment(progress=_progress) as service:
        from tokodesk.store import models as m

        # 1,000 orders of one channel: one channel read, not 1,000 (the same below for the --json ids).
        channels = {c.id: c for c in m.Channel.select().where(
            m.Channel.id.in_({o.channel_id for o in orders + served}))}
        for ch in channels.values():
            for result in service.resume_pending(ch):
                word = "done" if result.ok else result.error
                print(f"tokodesk: earlier request for {result.invoice or result.order_id}: {word}", file=sys.stderr)
        if name == "ack":
            results = service.acknowledge(orders)
        elif name == "pack":
            results = service.pack(orders) if orders else []
            for channel_id, package_id, those in parcels:  # the one parcel named, as the pack station's scan does
                results += service.pack_package(channel_id, package_id, those)
        elif name == "ship":
            awbs = {orders[0].order_id: args.awb} if args.awb is not None else None
            results = service.ship(orders, awbs)
        else:
            results = service.cancel_orders(orders, choice)
    if args.json:
        marketplaces = {pk: c.marketplace for pk, c in channels.items()}
        ids = {o.order_id: _order_id(o, marketplaces) for o in orders + served}
        print(json.dumps([
            {"order_id": ids.get(r.order_id, _number(r.order_id)), "invoice": r.invoice, "ok": r.ok, "state": r.state,
             "error": r.error, "refused": r.refused, "pending": r.pending}
            for r in results
        ], ensure_ascii=False))
    else:
        for r in results:
            key = r.invoice or r.order_id
            print(f"ok      {key}  {r.state}" if r.ok else f"FAILED  {key}  {r.state}: {r.error}")
    done = sum(r.ok for r in results)
    print(f"tokodesk: {name}: {done} of {len(results)} done", file=sys.stderr)
    return _exit_code(results)


def _package_keys(keys: list[str], channel) -> tuple[list[str], list[tuple[int, str, list]]]:  # noqa: ANN001
    """Split `orders pack` keys into order keys and parcels: a key that is no order id or invoice but a package id or
    tracking number (services/pack_scan.py) names that package -> (channel id, package id, the orders it serves)."""
    from tokodesk.services.pack_scan import find_scan
    from tokodesk.store import models as m

    keys = [key.strip() for key in keys]
    known = _order_keys(m.Order.order_id, keys, channel) | _order_keys(m.Order.invoice, keys, channel)
    orders: list[str] = []
    parcels: list[tuple[int, str, list]] = []
    for key in keys:
        hit = None if key.strip() in known else find_scan(channel.id if channel is not None else None, key)
        if hit is None or not hit.by_package:
            orders.append(key)
            continue
        served = list(m.Order.select().where(m.Order.id.in_(hit.order_pks)).order_by(m.Order.created_at, m.Order.id))
        parcels.append((served[0].channel_id, hit.package_id, served))
    return orders, parcels


def _order_keys(field, keys: list[str], channel) -> set[str]:  # noqa: ANN001
    """Which of `keys` name an order by `field`: that column alone (find_orders reads the rows themselves once)."""
    from tokodesk.store import models as m

    unique = list(dict.fromkeys(keys))
    found: set[str] = set()
    for start in range(0, len(unique), 500):
        query = m.Order.select(field).where(field.in_(unique[start:start + 500]))
        if channel is not None:
            query = query.where(m.Order.channel == channel.id)
        found.update(value for (value,) in query.tuples())
    return found


# ---- documents -------------------------------------------------------------------------------------------
def _deliver(parts: list[bytes], args: argparse.Namespace, size: str, title: str) -> list[str]:
    """Write the PDF(s) or send them to the printer as one job; returns what was written or the job id."""
    from tokodesk.printing import PrinterError, print_pdfs
    from tokodesk.services.fulfilment.documents import merge_pdfs

    if args.printer:
        try:
            return [print_pdfs(parts, args.printer, size=size, title=title)]
        except PrinterError as exc:
            from tokodesk.errors import UserError

            error = UserError(str(exc))
            error.exit_code = 1
            raise error from None
    merged = merge_pdfs(parts)
    target = Path(args.pdf)
    target.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for n, pdf in enumerate(merged, 1):
        path = target if n == 1 else target.with_name(f"{target.stem}-{n}{target.suffix or '.pdf'}")
        path.write_bytes(pdf)
        written.append(str(path))
    return written


def run_labels(args: argparse.Namespace) -> int:
    from tokodesk.services.fulfilment import Fulfilment, find_orders
    from tokodesk.services.fulfilment.documents import DocumentError

    channel = _open(args)
    orders = find_orders(args.order_ids, channel)
    mk = _marketplaces()  # channel id -> marketplace, for the JSON ids
    with Fulfilment() as service:
        documents = service.documents()
        try:
            batch = documents.labels(orders, size=args.size, order_by=args.order, mark_printed=args.mark_printed)
        except DocumentError as exc:
            print(f"tokodesk: {exc}", file=sys.stderr)
            return 1
        # An order with no code for the courier to scan yet gets no label and no "printed" mark (Tokopedia & Shop
        # gives the tracking number only when the order is shipped); the others print.
        for order, why in batch.skipped:
            print(f"tokodesk: no label for {order.invoice or order.order_id}: {why}", file=sys.stderr)
        codeless = batch.without_code
        if not batch.orders:
            print("tokodesk: no label to print", file=sys.stderr)
            if args.json:
                print(json.dumps({"labels": 0, "orders": [],
                                  "skipped": [{"order_id": _order_id(o, mk), "error": why} for o, why in batch.skipped],
                                  "without_code": [_order_id(o, mk) for o in codeless], "warnings": [],
                                  "output": []}, ensure_ascii=False))
            return 1
        for order, text in batch.warnings:
            print(f"tokodesk: warning: label of {order.invoice or order.order_id}: {text}", file=sys.stderr)
        where = _deliver(batch.parts, args, args.size, f"TokoDesk labels ({batch.count})")
        if args.printer or args.mark_printed:
            documents.record_printed(batch.orders, f"label printed ({args.size}) on {args.printer or 'PDF'}")
    if args.json:
        print(json.dumps({"labels": batch.count, "orders": [_order_id(o, mk) for o in batch.orders],
                          "skipped": [{"order_id": _order_id(o, mk), "error": why} for o, why in batch.skipped],
                          "without_code": [_order_id(o, mk) for o in codeless],
                          "warnings": [{"order_id": _order_id(o, mk), "warning": text} for o, text in batch.warnings],
                          "output": where}, ensure_ascii=False))
    else:
        target = f"printer {args.printer} (job {where[0]})" if args.printer else ", ".join(where)
        print(f"{batch.count} label(s) -> {target}")
    return 1 if batch.skipped else 0


def run_manifest(args: argparse.Namespace) -> int:
    from tokodesk.services.fulfilment import Fulfilment
    from tokodesk.services.fulfilment.documents import DocumentError

    channel = _open(args)
    with Fulfilment() as service:
        documents = service.documents()
        try:
            pdf, orders = documents.manifest(args.courier, channel)
        except DocumentError as exc:
            print(f"tokodesk: {exc}", file=sys.stderr)
            return 1
    where = _deliver([pdf], args, "a4", f"TokoDesk manifest {args.courier}")
    # A parcel is a package: a split order is several, a combined package one for several orders.
    parcels = [{"package_id": e.package_id or None, "code": e.code or None,
                "orders": [_order_id(o) for o in e.orders]} for e in documents.last_manifest]
    if args.json:
        print(json.dumps({"courier": args.courier, "orders": [_order_id(o) for o in orders], "parcels": parcels,
                          "output": where}, ensure_ascii=False))
    else:
        print(f"manifest {args.courier}: {len(parcels)} parcel(s) of {len(orders)} order(s) -> {', '.join(where)}")
    return 0


def run_picklist(args: argparse.Namespace) -> int:
    from tokodesk.services.fulfilment import Fulfilment, find_orders

    channel = _open(args)
    orders = find_orders(args.order_ids, channel)
    with Fulfilment() as service:
        documents = service.documents()
        parts = [documents.picklist(orders)]
        if args.packing_lists:
            parts.append(documents.packing_lists(orders))
    where = _deliver(parts, args, "a4", "TokoDesk picklist")
    print(f"picklist of {len(orders)} order(s) -> {', '.join(where)}")
    return 0
