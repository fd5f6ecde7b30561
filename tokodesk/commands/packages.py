"""Packages from the command line (Tokopedia & Shop): combine one buyer's orders, undo a combined package.

    tokodesk orders combinable [--channel NAME] [--json]       what the marketplace offers to combine now
    tokodesk orders combine ORDER_ID... [--channel NAME] [--json]
    tokodesk orders uncombine PACKAGE_ID [--channel NAME] [--json]

Both moves go through the outbox like every marketplace change; exit codes as `orders ship`: 0 done, 1 the
marketplace refused or did not answer, 2 TokoDesk refused (nothing was changed).
"""

from __future__ import annotations

import argparse
import json
import sys


def register_orders(osub: argparse._SubParsersAction) -> None:
    """Added to `tokodesk orders` (see tokodesk/commands/orders.py)."""
    offered = osub.add_parser("combinable", help="orders the marketplace offers to ship as one package")
    offered.add_argument("--channel", metavar="NAME", help="only this channel")
    offered.add_argument("--json", action="store_true", help="print a JSON array on stdout")
    offered.set_defaults(func=run_combinable)

    combine = osub.add_parser("combine", help="ship orders of one buyer as one package (Tokopedia & Shop)")
    combine.add_argument("order_ids", nargs="+", metavar="ORDER_ID", help="order id or invoice number")
    combine.add_argument("--channel", metavar="NAME", help="only orders of this channel")
    combine.add_argument("--json", action="store_true", help="print a JSON array of per-order results")
    combine.set_defaults(func=run_combine)

    uncombine = osub.add_parser("uncombine", help="give each order of a combined package its own package again")
    uncombine.add_argument("package_id", metavar="PACKAGE_ID", help="the combined package's id")
    uncombine.add_argument("--channel", metavar="NAME", help="the package's channel")
    uncombine.add_argument("--json", action="store_true", help="print a JSON array of per-order results")
    uncombine.set_defaults(func=run_uncombine)


def _channel(args: argparse.Namespace, orders=None):  # noqa: ANN001, ANN202 - a store Channel
    from tokodesk.errors import UserError
    from tokodesk.services.channels import get_channel
    from tokodesk.store import models as m
    from tokodesk.store.connection import open_database

    open_database()
    if args.channel:
        return get_channel(args.channel)
    if orders:
        ids = {o.channel_id for o in orders}
        if len(ids) > 1:
            raise UserError("These orders belong to several channels; combine orders of one channel (--channel NAME).")
        return m.Channel.get_by_id(ids.pop())
    channels = list(m.Channel.select().where(m.Channel.marketplace == "tiktokshop"))
    if len(channels) != 1:
        raise UserError("Choose the channel with --channel NAME.")
    return channels[0]


def _report(results, args: argparse.Namespace, what: str) -> int:  # noqa: ANN001
    from tokodesk.commands.fulfil import _exit_code

    if args.json:
        print(json.dumps([{"order_id": r.order_id, "invoice": r.invoice, "ok": r.ok, "state": r.state,
                           "error": r.error, "refused": r.refused, "pending": r.pending} for r in results],
                         ensure_ascii=False))
    else:
        for r in results:
            key = r.invoice or r.order_id
            print(f"ok      {key}  {r.state}" if r.ok else f"FAILED  {key}  {r.state}: {r.error}")
    print(f"tokodesk: {what}: {sum(r.ok for r in results)} of {len(results)} done", file=sys.stderr)
    return _exit_code(results)


def _refused(keys: list[str], error: str, args: argparse.Namespace) -> int:
    if args.json:
        print(json.dumps([{"order_id": k, "invoice": k, "ok": False, "state": None, "error": error, "refused": True,
                           "pending": False} for k in keys], ensure_ascii=False))
    print(f"tokodesk: {error}", file=sys.stderr)
    return 2


def run_combinable(args: argparse.Namespace) -> int:
    from tokodesk.services.fulfilment import Fulfilment, Refused

    channel = _channel(args)
    with Fulfilment() as service:
        try:
            groups = service.combinable(channel)
        except Refused as exc:
            print(f"tokodesk: {exc}", file=sys.stderr)
            return 2
    data = [{"package_id": g.package_id, "order_ids": [o.order_id for o in g.orders]} for g in groups]
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        for g in data:
            print(f"{' + '.join(g['order_ids'])}   (tokodesk orders combine {' '.join(g['order_ids'])})")
        print(f"{len(data)} group(s) can be combined", file=sys.stderr)
    return 0


def run_combine(args: argparse.Namespace) -> int:
    from tokodesk.services.fulfilment import Fulfilment, find_orders
    from tokodesk.store.connection import open_database

    open_database()
    orders = find_orders(args.order_ids, _channel(args) if args.channel else None)
    _channel(args, orders)
    with Fulfilment() as service:
        results = service.combine(orders)
    return _report(results, args, "combine")


def run_uncombine(args: argparse.Namespace) -> int:
    from tokodesk.services.fulfilment import Fulfilment, Refused

    channel = _channel(args)
    with Fulfilment() as service:
        try:
            results = service.uncombine(channel, args.package_id.strip())
        except Refused as exc:
            return _refused([args.package_id], str(exc), args)
    return _report(results, args, "uncombine")
