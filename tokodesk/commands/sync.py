"""`tokodesk sync skus|orders|statuses|… [--channel NAME] [--json]`, and `tokodesk sync due` (the scheduler, once).

The kinds come from `tokodesk.services.scheduler.SYNC_KINDS`, so a new kind (inventory, recon) appears here as
soon as it is registered there. Ctrl-C asks the run to stop between pages: what was stored stays stored.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys

# Kinds this build offers; kept in step with SYNC_KINDS without importing the services at parser build time.
_KNOWN_KINDS = ("skus", "orders", "statuses", "inventory", "recon", "returns", "payouts")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "sync",
        help="pull products, orders or statuses now (or run whatever the schedule says is due)",
        description="Run one sync for a channel and print what it did. 'due' runs every sync the schedule says "
        "is due, for every channel, once.",
    )
    parser.add_argument("kind", metavar="KIND", help=f"one of {', '.join(_KNOWN_KINDS)}, or 'due'")
    parser.add_argument("--channel", metavar="NAME", help="the channel (needed when there are several)")
    parser.add_argument("--json", action="store_true", help="print the run summary as JSON on stdout")
    parser.add_argument(
        "--since", metavar="DATE",
        help="orders only: fetch again every order placed since DATE (YYYY-MM-DD or 'YYYY-MM-DD HH:MM', WIB), "
             "for orders an outage made the regular pulls miss; the regular schedule is not moved back",
    )
    parser.set_defaults(func=run)


class _Interrupt:
    """First Ctrl-C: stop cleanly after the current page. Second: stop now."""

    def __init__(self) -> None:
        self.requested = False
        self._previous = None

    def __enter__(self) -> _Interrupt:
        try:
            self._previous = signal.signal(signal.SIGINT, self._handle)
        except ValueError:  # not the main thread (tests driving run() from a worker)
            self._previous = None
        return self

    def _handle(self, signum: int, frame: object) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        print("tokodesk: stopping after the current page (Ctrl-C again to stop now)", file=sys.stderr)

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)

    def __call__(self) -> bool:
        return self.requested


def _progress(done: int, total: int | None, message: str) -> None:
    print(f"  {message}" if total is None else f"  [{done}/{total}] {message}", file=sys.stderr, flush=True)


def _print_summary(summary, as_json: bool) -> None:  # noqa: ANN001
    if as_json:
        return
    line = (
        f"{summary.kind} ({summary.channel}): {summary.status} — fetched {summary.fetched}, created {summary.created}, "
        f"updated {summary.updated}, failed {summary.failed}"
    )
    print(line)
    details = summary.details
    if summary.kind == "skus" and details:
        print(
            f"  mode {details.get('mode')}: {details.get('mapped', 0)} newly mapped, "
            f"{len(details.get('unmapped', []))} in the unmapped queue, {len(details.get('empty_sku', []))} without SKU"
        )
        if details.get("uncounted"):
            print(f"  {details['uncounted']} seller SKUs not counted yet: nothing is pushed for them until you count "
                  "them ('tokodesk stock set|import') or use the marketplace's stock ('tokodesk stock adopt')")
    if summary.kind == "statuses":
        for change in details.get("changes", []):
            flag = "  (changed outside TokoDesk)" if change["outside"] else ""
            print(f"  order {change['order_id']}: {change['from']} → {change['to']}{flag}")
    if summary.kind == "payouts" and details.get("read"):
        read = details["read"]
        print(f"  {read['statements']} statements, {read['transactions']} settlement lines, {read['unsettled']} "
              f"unsettled orders, {read['withdrawals']} withdrawals read; {read['not_stored']} not stored")
    for error in summary.errors:
        print(f"  ! {error}")


def _json_of(summary) -> dict:  # noqa: ANN001 - details stay in: the unmapped list is what a script acts on
    return summary.to_json()


def run(args: argparse.Namespace) -> int:
    from tokodesk.errors import UserError
    from tokodesk.services import scheduler
    from tokodesk.services.channels import get_channel
    from tokodesk.store.connection import open_database

    kind = args.kind
    if kind != "due" and kind not in scheduler.SYNC_KINDS:
        known = ", ".join([*scheduler.SYNC_KINDS, "due"])
        raise UserError(f"sync: unknown kind {kind!r}; use one of {known}")
    open_database()
    with _Interrupt() as interrupt:
        if kind == "due":
            if args.channel or args.since:
                raise UserError("sync due runs every channel's due syncs as scheduled: leave out --channel and --since")
            summaries = scheduler.run_due(progress=_progress, cancel=interrupt)
            if args.json:
                print(json.dumps([_json_of(s) for s in summaries], ensure_ascii=False))
            else:
                if not summaries:
                    print("nothing is due")
                for s in summaries:
                    _print_summary(s, False)
            return 0 if all(s.status in ("ok", "skipped") for s in summaries) else 1
        extra = {}
        if args.since:
            if kind != "orders":
                raise UserError(f"--since goes with 'sync orders' only (not {kind!r}): it re-pulls orders since a date")
            from tokodesk.commands import parse_wib

            extra["since"] = parse_wib(args.since, "--since")
        channel = get_channel(args.channel)
        summary = scheduler.runner(kind)(channel, None, _progress, interrupt, **extra)
    if args.json:
        print(json.dumps(_json_of(summary), ensure_ascii=False))
    else:
        _print_summary(summary, False)
    if summary.status == "cancelled":
        return 130
    return 0 if summary.status in ("ok", "skipped") else 1
