"""The shop's health, estimated from the orders TokoDesk holds.

    tokodesk health [--channel NAME] [--json]

Prints each channel's late dispatch rate and seller-fault cancellation rate over the platform's 7-day window with
the platform's thresholds, the orders that were late, and how the figures were computed (their limits).
Exit codes: 0 printed; 2 an unknown channel or no channel set up.
"""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("health", help="late dispatch and seller-fault cancellation rates (estimated locally)")
    parser.add_argument("--channel", metavar="NAME", help="only this channel")
    parser.add_argument("--json", action="store_true", help="print a JSON array, one object per channel")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tokodesk.config import wib
    from tokodesk.services import health
    from tokodesk.services.channels import get_channel
    from tokodesk.store import models as m
    from tokodesk.store.connection import open_database

    open_database()
    channels = [get_channel(args.channel)] if args.channel else list(m.Channel.select().order_by(m.Channel.name))
    if not channels:
        get_channel(None)  # raises the usual "no channel is set up yet: add one with …"
    reports = [health.shop_health(c) for c in channels]
    if args.json:
        print(json.dumps([r.as_json() for r in reports], ensure_ascii=False))
        return 0
    for r in reports:
        ldr, sfcr = r.late_dispatch, r.seller_cancel
        print(f"{r.channel}: {wib(r.window_from)} – {wib(r.window_to)}")
        print(f"  late dispatch        {health.percent(ldr.value):>8}  ({ldr.count} of {ldr.of} due)  "
              f"{_ldr_words(r.level)}")
        upper = f"; up to {health.percent(sfcr.upper)} with {sfcr.upper_count - sfcr.count} of unknown cause" \
            if sfcr.upper_count and sfcr.upper_count > sfcr.count else ""
        print(f"  seller cancellations {health.percent(sfcr.value):>8}  ({sfcr.count} of {sfcr.of} placed{upper})  "
              f"{'OVER the 2.5 % limit' if r.cancel_level == 'over' else 'under 2.5 %: ok'}")
        if r.not_judged:
            print(f"  {r.not_judged} shipped order(s) not judged: TokoDesk cannot tell when they were shipped")
        for j in r.late_orders:
            when = wib(j.at) if j.at else "not shipped"
            print(f"  late: {j.invoice or j.order_id:<22} ship by {wib(j.deadline)}  shipped {when}")
        print(f"  How: {r.method}")
    return 0


def _ldr_words(level: str) -> str:
    return {"ok": "under 4 %: ok", "warning": "WARNING (4 % or more)",
            "capped": "DAILY ORDERS CAPPED (10 % or more)"}[level]
