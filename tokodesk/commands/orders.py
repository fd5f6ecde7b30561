"""`tokodesk orders list [--state STATE] [--channel NAME] [--json]`, and the `orders` parser others add to.

The queue actions (ack, pack, ship, cancel) register themselves on the same `orders` sub-parsers: a module named in
`ACTION_MODULES` that defines `register_orders(orders_sub)` is loaded when it exists, so the fulfilment commands
live in their own file.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys

from tokodesk.commands.args import MAX_LIST, int_in

ACTION_MODULES = ("tokodesk.commands.fulfil", "tokodesk.commands.cancel_requests", "tokodesk.commands.packages")

STATES = (
    "awaiting_payment", "new", "acknowledged", "packed", "ready_to_ship", "awaiting_pickup", "partly_shipped",
    "shipped", "delivered", "completed", "returned", "on_hold", "cancelled",
)  # fmt: skip


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("orders", help="list the orders, or act on them (ack, pack, ship, cancel)")
    osub = parser.add_subparsers(dest="orders_command", metavar="ACTION", required=True)

    lst = osub.add_parser("list", help="list orders (newest first)")
    lst.add_argument("--state", metavar="STATE", help=f"only this state: {', '.join(STATES)}")
    lst.add_argument("--channel", metavar="NAME", help="only this channel")
    lst.add_argument("--limit", type=int_in(1, MAX_LIST), default=None, metavar="N",
                     help=f"at most this many orders (1 to {MAX_LIST:,})")
    lst.add_argument("--json", action="store_true", help="print a JSON array on stdout")
    lst.set_defaults(func=run_list)

    for name in ACTION_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        hook = getattr(module, "register_orders", None)
        if hook is not None:
            hook(osub)


def _number(text: str | None, marketplace: str = "tokopedia") -> int | str | None:
    """Tokopedia's ids and status codes as numbers (DESIGN.md §6); TikTok Shop's always as text: its ids are digits
    too, but 18-19 of them, which a JSON number loses in most readers (JavaScript, spreadsheets)."""
    if text is None or text == "" or marketplace != "tokopedia":
        return text
    return int(text) if text.isdigit() else text


def orders_as_json(state: str | None = None, channel=None, limit: int | None = None) -> list[dict]:  # noqa: ANN001
    """The `orders list --json` array of DESIGN.md §6, in two queries whatever the number of orders."""
    from collections import defaultdict

    from tokodesk.services.orders import display_key
    from tokodesk.services.packages import packages_of_orders
    from tokodesk.store import models as m

    query = m.Order.select(m.Order, m.Channel).join(m.Channel)
    if state:
        query = query.where(m.Order.state == state)
    if channel is not None:
        query = query.where(m.Order.channel == channel.id)
    query = query.order_by(m.Order.created_at.desc(), m.Order.id.desc())
    if limit:
        query = query.limit(limit)
    orders = list(query)
    lines: dict[int, list[dict]] = defaultdict(list)
    ids = [o.id for o in orders]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for order_pk, sku, seller_sku, quantity, product_id, name in (
            m.OrderLine.select(m.OrderLine.order, m.OrderLine.sku, m.OrderLine.seller_sku, m.OrderLine.quantity,
                               m.OrderLine.product_id, m.OrderLine.name)
            .where(m.OrderLine.order.in_(chunk))
            .order_by(m.OrderLine.order, m.OrderLine.line_no)
            .tuples()
        ):
            # product_id and name too: a line without a SKU (unmapped) is otherwise anonymous.
            lines[order_pk].append({"sku": sku, "seller_sku": seller_sku, "quantity": quantity,
                                    "product_id": product_id, "name": name})
    packages = packages_of_orders(ids)
    return [
        {
            "order_id": _number(o.order_id, o.channel.marketplace),
            "invoice": o.invoice,
            "key": display_key(o, o.channel),
            "channel": o.channel.name,
            "state": o.state,
            "marketplace_status": _number(o.marketplace_status, o.channel.marketplace),
            "courier": o.courier,
            "booking_code": o.booking_code,
            "awb": o.awb,
            "created_at": o.created_at.isoformat() + "Z",
            # The deadline the marketplace judges lateness by (Tokopedia & Shop: tts_sla_time), and its priority.
            "ship_by": _when(o.ship_deadline),
            "priority_level": o.priority_level,
            "buyer_window_until": _when(o.hold_until),
            "changed_outside": o.changed_outside,
            "has_unmapped": o.has_unmapped,
            "lines": lines.get(o.id, []),
            # Tokopedia & Shop: each package with its own status and tracking number (a combined package lists
            # every order it serves); empty on Tokopedia, where the order is its one parcel.
            # `packed`: the parcel is packed (the order packed as a whole, or that parcel on its own).
            "packages": [{"package_id": p.package_id, "status": p.status, "tracking_number": p.tracking_number,
                          "order_ids": p.order_ids, "packed": p.packed_at is not None}
                         for p in packages.get(o.id, [])],
        }
        for o in orders
    ]


def _when(moment) -> str | None:  # noqa: ANN001
    return moment.isoformat() + "Z" if moment else None


def _line_label(line: dict) -> str:
    if line["seller_sku"] or line["sku"]:
        return line["seller_sku"] or line["sku"]
    return f"{line['name'] or 'product'} ({line['product_id']}, no SKU)"


def run_list(args: argparse.Namespace) -> int:
    from tokodesk.errors import UserError
    from tokodesk.marketplace.base import BEFORE_PACKING_STATES
    from tokodesk.services.channels import get_channel
    from tokodesk.store.connection import open_database

    if args.state and args.state not in STATES:
        raise UserError(f"orders list: --state {args.state!r} is not a state; use one of {', '.join(STATES)}")
    if args.limit is not None and args.limit < 1:
        raise UserError("orders list: --limit must be 1 or more")
    open_database()
    channel = get_channel(args.channel) if args.channel else None
    data = orders_as_json(args.state, channel, args.limit)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    # An unmapped SKU is a problem while the order is still to be packed (the queue's rule): a delivered or
    # cancelled order is not flagged for it. The JSON keeps has_unmapped as it is (published output).
    before_packing = {state.value for state in BEFORE_PACKING_STATES}
    for o in data:
        unmapped = o["has_unmapped"] and o["state"] in before_packing
        flags = ("  changed outside" if o["changed_outside"] else "") + ("  UNMAPPED" if unmapped else "")
        waiting = [p for p in o["packages"] if p["status"] in ("", "TO_FULFILL")]
        if o["state"] == "acknowledged" and len(waiting) > 1 and any(p["packed"] for p in waiting):
            flags += f"  {sum(p['packed'] for p in waiting)} of {len(waiting)} parcels packed"  # a split order
        items = ", ".join(f"{ln['quantity']}× {_line_label(ln)}" for ln in o["lines"])
        print(f"{o['key']:<28} {o['state']:<16} {o['courier']:<10} {items}{flags}")
    print(f"{len(data)} orders", file=sys.stderr)
    return 0
