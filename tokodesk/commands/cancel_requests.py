"""The buyer's cancellation requests from the command line (Tokopedia & Shop).

    tokodesk orders cancel-requests [--channel NAME] [--json]
    tokodesk orders cancel-request approve ORDER_ID [--channel NAME] [--json]
    tokodesk orders cancel-request reject ORDER_ID --reason NAME [--comment TEXT] [--channel NAME] [--json]

Exit codes: 0 done; 1 the marketplace refused or did not answer; 2 bad input, a reason the marketplace does not
offer for that request (the valid ones are listed), no pending request, or a channel whose API has no buyer
requests (the legacy Tokopedia Open API).
"""

from __future__ import annotations

import argparse
import json
import sys


def register_orders(osub: argparse._SubParsersAction) -> None:
    listing = osub.add_parser("cancel-requests", help="list the buyers' cancellation requests waiting for an answer")
    listing.add_argument("--channel", metavar="NAME", help="only this channel")
    listing.add_argument("--json", action="store_true", help="print a JSON array on stdout")
    listing.set_defaults(func=run_list)

    answer = osub.add_parser("cancel-request", help="approve or reject a buyer's cancellation request")
    answer.add_argument("decision", choices=("approve", "reject"))
    answer.add_argument("order_id", metavar="ORDER_ID", help="order id or invoice number")
    answer.add_argument("--reason", metavar="NAME", default="",
                        help="reject: a reason the marketplace offers for this request (run without it to list them)")
    answer.add_argument("--comment", metavar="TEXT", default="", help="reject: a note for the buyer")
    answer.add_argument("--channel", metavar="NAME", help="the order's channel, when the id is ambiguous")
    answer.add_argument("--json", action="store_true", help="print a JSON array with the order's result")
    answer.set_defaults(func=run_answer)


def _open() -> None:
    from tokodesk.store.connection import open_database

    open_database()


def run_list(args: argparse.Namespace) -> int:
    from tokodesk.errors import UserError
    from tokodesk.services.cancellations import BuyerRequests
    from tokodesk.services.channels import get_channel
    from tokodesk.store import models as m

    _open()
    channels = [get_channel(args.channel)] if args.channel else list(m.Channel.select().order_by(m.Channel.name))
    if not channels:
        get_channel(None)  # raises the "no channel is set up yet: add one with …" every command gives
    rows: list[dict] = []
    skipped = 0
    for channel in channels:
        with BuyerRequests(channel) as service:
            try:
                found = service.pending()
            except UserError as exc:
                if args.channel:
                    raise
                skipped += 1
                print(f"tokodesk: {channel.name}: skipped; {exc}", file=sys.stderr)
                continue
        rows.extend({"channel": channel.name, **r.as_json()} for r in found)
    if args.channel is None and channels and skipped == len(channels):
        raise UserError("No channel here has buyer cancellation requests to answer (only Tokopedia & Shop has them).")
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        for r in rows:
            key = r["invoice"] or r["order_id"]
            where = r["state"] or "not pulled yet"
            print(f"{key:<22} {where:<14} respond by {r['respond_by'] or '?':<26} {r['reason']}")
    print(f"tokodesk: {len(rows)} buyer cancellation request(s) waiting", file=sys.stderr)
    return 0


def run_answer(args: argparse.Namespace) -> int:
    from tokodesk.commands.fulfil import _exit_code, _order_id
    from tokodesk.services.cancellations import BuyerRequests
    from tokodesk.services.channels import get_channel
    from tokodesk.services.fulfilment import find_orders

    _open()
    channel = get_channel(args.channel) if args.channel else None
    [order] = find_orders([args.order_id], channel)
    with BuyerRequests(order.channel) as service:
        for earlier in service.resume_pending():
            word = "done" if earlier.ok else earlier.error
            print(f"tokodesk: earlier answer for {earlier.invoice or earlier.order_id}: {word}", file=sys.stderr)
        if args.decision == "approve":
            result = service.approve(order)
        else:
            result = service.reject(order, args.reason, args.comment)
    if args.json:
        print(json.dumps([{**result.as_json(), "order_id": _order_id(order)}], ensure_ascii=False))
    else:
        key = result.invoice or result.order_id
        print(f"ok      {key}  {result.state}" if result.ok else f"FAILED  {key}  {result.state}: {result.error}")
    if not result.ok and not args.json:
        print(f"tokodesk: {result.error}", file=sys.stderr)
    return _exit_code([result])
