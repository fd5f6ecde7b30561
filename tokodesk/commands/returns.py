"""Returns and refunds from the command line.

    tokodesk returns list [--state needs_answer|on_its_way|to_inspect|closed] [--channel NAME] [--json]
    tokodesk returns approve RETURN_ID... [--json]
    tokodesk returns reject RETURN_ID... --reason NAME [--comment TEXT] [--image FILE...] [--json]
    tokodesk returns offer RETURN_ID (--amount RUPIAH | --units SKU=QTY...) [--json]
    tokodesk returns receive RETURN_ID [--damaged SKU=QTY ...] [--json]
    tokodesk returns receive AWB        (a parcel the buyer never took, status 550: its goods back on hand)

RETURN_ID may also be the order's id or invoice number. `list` shows what `tokodesk sync returns` stored, the
deadline that costs money first. Exit codes: 0 done; 1 the marketplace refused or did not answer; 2 bad input (a
reason the marketplace does not offer — the offered ones are listed —, a return not waiting for that step, a
channel whose API has no returns).
"""

from __future__ import annotations

import argparse
import json
import sys

from tokodesk.marketplace.base import ReturnState


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("returns", help="the returns and refunds queue: list, approve, reject, receive",
                            description="Returns and refunds synced from the marketplace (tokodesk sync returns).")
    rsub = parser.add_subparsers(dest="returns_command", metavar="ACTION", required=True)
    listing = rsub.add_parser("list", help="list returns, the deadline that costs money first")
    listing.add_argument("--state", choices=[state.value for state in ReturnState], help="only returns in this state")
    listing.add_argument("--channel", metavar="NAME", help="only this channel")
    listing.add_argument("--json", action="store_true", help="print a JSON array on stdout")
    listing.set_defaults(func=run_list)
    for name, text in (("approve", "approve the buyer's request (refund, or return and refund)"),
                       ("reject", "reject the request, or the parcel sent back, with a reason the marketplace offers"),
                       ("offer", "offer the buyer a partial refund instead (if they accept, they keep the goods)"),
                       ("receive", "the parcel is here and inspected: stock back in, the received package approved")):
        p = rsub.add_parser(name, help=text)
        if name in ("receive", "offer"):
            p.add_argument("return_id", metavar="RETURN_ID", help="return id (or its order's id or invoice)")
        else:
            p.add_argument("return_id", metavar="RETURN_ID", nargs="+",
                           help="return ids (or their orders' ids or invoices); each is decided on its own")
        p.add_argument("--channel", metavar="NAME", help="the return's channel, when the id is ambiguous")
        p.add_argument("--json", action="store_true", help="print a JSON array with the return's result")
        if name == "reject":
            p.add_argument("--reason", metavar="NAME", default="",
                           help="a reason the marketplace offers for this return (run without it to list them)")
            p.add_argument("--comment", metavar="TEXT", default="", help="a note for the buyer and the platform")
            p.add_argument("--image", metavar="FILE", nargs="+", default=[],
                           help="photos for the platform (JPG, PNG, WEBP, HEIC or BMP, at most 10 MB, 100 to "
                                "20000 px a side); checked here before anything is sent")
        if name == "offer":
            how = p.add_mutually_exclusive_group(required=True)
            how.add_argument("--amount", metavar="RUPIAH",
                             help="whole rupiah (15000 or 15.000), above 0 and below the full refund")
            how.add_argument("--units", metavar="SKU=QTY", nargs="+",
                             help="print what the marketplace proposes to refund for these units (Calculate "
                                  "Refund); nothing is offered: offer it with --amount")
        if name == "receive":
            p.add_argument("--damaged", metavar="SKU=QTY", nargs="+", default=[],
                           help="units that came back not fit to sell: to the damaged count, not on hand")
        p.set_defaults(func=run_decision, decision=name)


def run_list(args: argparse.Namespace) -> int:
    from tokodesk import config
    from tokodesk.services import returns
    from tokodesk.services.channels import get_channel
    from tokodesk.store.connection import open_database

    open_database()
    channel = get_channel(args.channel) if args.channel else None
    rows = returns.list_returns(args.state, channel)
    if args.json:
        print(json.dumps([r.as_json() for r in rows], ensure_ascii=False))
    else:
        for r in rows:
            ret = r.ret
            left = r.seconds_left()
            due = ("" if left is None else "OVERDUE" if left <= 0 else
                   f"{left // 3600}h{left % 3600 // 60:02d}m left (by {config.wib(ret.next_deadline)})")
            lines = ", ".join(f"{ln.seller_sku or ln.sku} x{ln.quantity}" for ln in ret.lines)
            print(f"{ret.return_id:<22} {r.invoice or ret.order_id:<22} {ret.state:<12} {ret.return_type:<18} "
                  f"{due:<40} {ret.reason_text or ret.reason}  [{lines}]")
    print(f"tokodesk: {len(rows)} return(s)", file=sys.stderr)
    return 0


def run_decision(args: argparse.Namespace) -> int:
    from tokodesk import config
    from tokodesk.commands.fulfil import _exit_code
    from tokodesk.errors import UserError
    from tokodesk.services import returns
    from tokodesk.services.channels import get_channel
    from tokodesk.services.return_desk import ReturnDesk
    from tokodesk.store.connection import open_database

    open_database()
    channel = get_channel(args.channel) if args.channel else None
    keys = args.return_id if isinstance(args.return_id, list) else [args.return_id]
    damaged = returns.parse_damaged(args.damaged) if args.decision == "receive" else {}
    photos = []
    if args.decision == "reject" and args.image:
        from tokodesk.services.return_photos import check_photos

        photos = check_photos(args.image)  # every file, before any return is looked at or sent
    amount = None
    if args.decision == "offer" and args.units:
        units = returns.parse_damaged(args.units, option="--units")
        ret = returns.find_return(keys[0], channel)
        with ReturnDesk(ret.channel) as desk:
            proposed = desk.proposed_refund(ret, units)
        what = ", ".join(f"{sku} ×{qty}" for sku, qty in sorted(units.items()))
        if args.json:
            print(json.dumps({"return_id": ret.return_id, "units": units, "proposed": proposed,
                              "refund_total": ret.refund_total}, ensure_ascii=False))
        else:
            print(f"{ret.return_id}: the marketplace proposes Rp{proposed:,} for {what} (the full refund is "
                  f"Rp{ret.refund_total:,}); offer it with: tokodesk returns offer {ret.return_id} --amount "
                  f"{proposed}".replace(",", "."))
        return 0
    if args.decision == "offer":
        from tokodesk.services.catalog_rules import parse_price

        amount = parse_price(args.amount, "--amount")
    if args.decision == "receive" and not damaged:
        try:
            returns.find_return(keys[0], channel)
        except UserError:
            # Not a return request: a parcel the buyer never took (status 550), scanned by its AWB at the desk.
            came_back = returns.receive_failed_delivery(keys[0], config.station_id())
            if came_back is None:
                raise
            order, back = came_back
            moved = ", ".join(f"{sku} +{qty}" for sku, qty in sorted(back.items())) or "no counted SKU"
            if args.json:
                print(json.dumps([{"return_id": None, "order_id": order.order_id, "ok": True, "state": order.state,
                                   "error": None, "pending": False, "stock": back}], ensure_ascii=False))
            else:
                print(f"ok      {order.invoice or order.order_id}  returned parcel received: {moved}")
            return 0
    found = [returns.find_return(key, channel) for key in keys]  # every key checked before anything is sent
    results = []
    by_channel: dict[int, list] = {}
    for ret in found:
        by_channel.setdefault(ret.channel_id, []).append(ret)
    for rets in by_channel.values():
        with ReturnDesk(rets[0].channel) as desk:
            for earlier in desk.resume_pending():
                print(f"tokodesk: earlier decision on return {earlier.return_id}: "
                      f"{'done' if earlier.ok else earlier.error}", file=sys.stderr)
            for ret in rets:
                if args.decision == "approve":
                    results.append(desk.approve(ret))
                elif args.decision == "reject":
                    results.append(desk.reject(ret, args.reason, args.comment, photos))
                elif args.decision == "offer":
                    results.append(desk.offer_partial_refund(ret, amount))
                else:
                    results.append(desk.receive(ret, damaged))
    if args.json:
        print(json.dumps([r.as_json() for r in results], ensure_ascii=False))
    for result in results:
        if not args.json:
            print(f"ok      {result.return_id}  {result.state}" if result.ok
                  else f"FAILED  {result.return_id}  {result.state}: {result.error}")
        if not result.ok:
            print(f"tokodesk: {result.return_id}: {result.error}", file=sys.stderr)
    return _exit_code(results)
