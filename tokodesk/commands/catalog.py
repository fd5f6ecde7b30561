"""`tokodesk catalog set|import|drafts|discard|push|undo|resolve`: prices, listing on/off and seller SKU codes,
edited here and pushed on purpose (issue 23).

`set` and `import` keep drafts only; `drafts` lists them and `discard` forgets them.
`push` prints the summary (n prices with the lowest and highest change in %,
n listings off / on) and sends nothing until it is confirmed: at the prompt, or with --yes. A price change beyond
±50 % (channel setting price_change_confirm_pct) or below the floor (price_floor) needs a second, explicit
confirmation: --confirm-large (--yes alone is not enough), or typing "large" at the prompt.
"""

from __future__ import annotations

import argparse
import json
import sys

from tokodesk.commands.args import input_file
from tokodesk.errors import UserError

SET_HELP = ("keep a price, listing on/off and/or seller SKU code change for the marketplace SKUs mapped to SELLER_SKU "
            "(sent by push)")
DRAFTS_HELP = "list the catalogue changes kept and not pushed yet"
DISCARD_HELP = "forget kept changes that were not pushed yet: those of SELLER_SKU..., or all of them (--all)"
IMPORT_HELP = ("keep catalogue changes from a CSV file: seller_sku,price[,active] per row (header optional; comma, "
               "semicolon or tab). Bad rows are reported by line; the good rows are kept in one transaction "
               "(exit 2 if any row was bad)")
PUSH_HELP = ("show the summary of the kept changes and push them after confirmation (large price changes need "
             "--confirm-large as well)")
UNDO_HELP = "send the values the last push replaced back to the marketplace (a value changed since is left alone)"

RESOLVE_HELP = ("settle a price the last reconciliation found different on the marketplace: take the marketplace's "
                "(nothing is sent) or push mine (kept as a change for 'catalog push')")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("catalog", help="prices and listing on/off: edit here, push on purpose")
    csub = parser.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)

    cset = csub.add_parser("set", help=SET_HELP, description=SET_HELP)
    cset.add_argument("seller_sku", metavar="SELLER_SKU")
    cset.add_argument("--price", metavar="N", help="new price in whole rupiah (15000 or 15.000)")
    cset.add_argument("--active", metavar="yes|no", help="listing on (yes) or off (no)")
    cset.add_argument("--seller-sku", dest="new_seller_sku", metavar="NEW",
                      help="new seller SKU code: the listing's code becomes NEW and TokoDesk's seller SKU follows "
                           "once the marketplace accepted it (Tokopedia & Shop; the legacy Tokopedia API cannot)")
    cset.add_argument("--whole-product", action="store_true",
                      help="Tokopedia & Shop switches a listing on/off for the whole product: confirm that its other "
                           "SKUs (named when this is missing) switch too")
    cset.add_argument("--channel", metavar="NAME", help="only this channel's listings (default: every channel)")
    cset.add_argument("--json", action="store_true")
    cset.set_defaults(func=run_set)

    imp = csub.add_parser("import", help=IMPORT_HELP, description=IMPORT_HELP)
    imp.add_argument("file", metavar="FILE.csv", type=input_file)
    imp.add_argument("--strict", action="store_true", help="keep nothing when any row is bad")
    imp.add_argument("--whole-product", action="store_true",
                     help="keep listing on/off rows that switch a whole product with its other SKUs (Tokopedia & "
                          "Shop; without it such rows are reported, naming those SKUs)")
    imp.add_argument("--channel", metavar="NAME")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(func=run_import)

    drafts = csub.add_parser("drafts", help=DRAFTS_HELP, description=DRAFTS_HELP)
    drafts.add_argument("--channel", metavar="NAME", help="only this channel's (default: every channel)")
    drafts.add_argument("--json", action="store_true")
    drafts.set_defaults(func=run_drafts)

    discard = csub.add_parser("discard", help=DISCARD_HELP, description=DISCARD_HELP)
    which = discard.add_mutually_exclusive_group(required=True)
    which.add_argument("seller_skus", metavar="SELLER_SKU", nargs="*", default=[])
    which.add_argument("--all", action="store_true", help="every change not pushed yet")
    discard.add_argument("--channel", metavar="NAME", help="only this channel's (default: every channel)")
    discard.add_argument("--json", action="store_true")
    discard.set_defaults(func=run_discard)

    push = csub.add_parser("push", help=PUSH_HELP, description=PUSH_HELP)
    push.add_argument("--channel", metavar="NAME")
    push.add_argument("--yes", action="store_true", help="push without asking (large changes still need "
                                                         "--confirm-large)")
    push.add_argument("--confirm-large", action="store_true",
                      help="also push the price changes beyond the allowed % or below the floor")
    push.add_argument("--json", action="store_true")
    push.set_defaults(func=run_push)

    undo = csub.add_parser("undo", help=UNDO_HELP, description=UNDO_HELP)
    undo.add_argument("--channel", metavar="NAME")
    undo.add_argument("--yes", action="store_true", help="undo without asking")
    undo.add_argument("--json", action="store_true")
    undo.set_defaults(func=run_undo)

    res = csub.add_parser("resolve", help=RESOLVE_HELP, description=RESOLVE_HELP)
    res.add_argument("seller_sku", metavar="SELLER_SKU")
    how = res.add_mutually_exclusive_group(required=True)
    how.add_argument("--take-marketplace", action="store_true", help="the marketplace's price becomes TokoDesk's")
    how.add_argument("--push-mine", action="store_true", help="keep TokoDesk's price to send with the next push")
    res.add_argument("--channel", metavar="NAME")
    res.set_defaults(func=run_resolve)

    parser.set_defaults(func=lambda args: parser.print_help() or 2)


def _open_db() -> None:
    from tokodesk.store.connection import open_database

    open_database()


def _ask(question: str) -> str:
    if not sys.stdin.isatty():
        return ""
    print(question, end=" ", file=sys.stderr, flush=True)
    return sys.stdin.readline().strip().lower()


def run_set(args: argparse.Namespace) -> int:
    from tokodesk.services import catalog_drafts as cd
    from tokodesk.services import catalog_rules as cr
    from tokodesk.services.channels import get_channel

    price = cr.parse_price(args.price) if args.price is not None else None  # refuse before opening anything
    active = cr.parse_active(args.active) if args.active is not None else None
    _open_db()
    channel = get_channel(args.channel) if args.channel else None
    result = cd.set_edit(args.seller_sku, price=price, active=active, new_seller_sku=args.new_seller_sku,
                         channel=channel, whole_product=args.whole_product)
    if args.json:
        print(json.dumps({"kept": len(result.kept), "unchanged": result.unchanged, "large": result.large,
                          "with_product": result.with_product}, ensure_ascii=False))
        return 0
    for e in result.kept:
        print(f"kept: {cd.draft_words(e)}")
    for line in result.with_product:
        print(f"  switches with it (same product): {line}")
    for line in result.unchanged:
        print(f"unchanged: {line}")
    for line in result.large:
        print(f"  ! large change, the push will ask to confirm it: {line}")
    if result.kept:
        print("nothing is sent yet: 'tokodesk catalog push' shows the summary and asks")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from tokodesk.services import catalog_csv
    from tokodesk.services.channels import get_channel

    _open_db()
    channel = get_channel(args.channel) if args.channel else None
    result = catalog_csv.import_catalog(args.file, strict=args.strict, channel=channel,
                                        whole_product=args.whole_product)
    bad = result.parsed.bad
    for text in catalog_csv.bad_row_lines(args.file, result.parsed):
        print(text, file=sys.stderr)
    if args.json:
        print(json.dumps({"rows": len(result.parsed.rows), "kept": result.kept, "unchanged": result.unchanged,
                          "large": result.large, "applied": result.applied,
                          "bad_rows": [{"line": b.line, "reason": b.reason} for b in bad]}, ensure_ascii=False))
    elif result.applied:
        print(f"catalog: {result.kept} changes kept, {result.unchanged} unchanged; nothing is sent yet "
              "('tokodesk catalog push' shows the summary and asks)")
        for line in result.large:
            print(f"  ! large change, the push will ask to confirm it: {line}")
    if bad:
        if args.strict:
            print(f"tokodesk: {len(bad)} bad rows: nothing was kept (--strict); fix them and import again",
                  file=sys.stderr)
        else:
            print(f"tokodesk: {len(bad)} bad rows were skipped; the {len(result.parsed.rows)} good rows were kept. "
                  "Fix the lines above and import them again.", file=sys.stderr)
        return 2
    return 0


def run_drafts(args: argparse.Namespace) -> int:
    from tokodesk.services import catalog_drafts as cd
    from tokodesk.services import catalog_rules as cr
    from tokodesk.services.channels import get_channel

    _open_db()
    channel = get_channel(args.channel) if args.channel else None
    edits = cd.waiting(channel)
    if args.json:
        def value(e, old: bool):  # noqa: ANN001, ANN202
            if e.field == cr.SELLER_SKU:
                return e.old_text if old else e.new_text
            return e.old_value if old else e.new_value

        print(json.dumps([{"id": e.id, "channel": e.channel.name, "seller_sku": e.seller_sku,
                           "sku": e.marketplace_sku, "product_id": e.product_id, "field": e.field,
                           "old": value(e, True), "new": value(e, False),
                           "kept_at": e.created_at.isoformat() + "Z"} for e in edits], ensure_ascii=False))
        return 0
    if not edits:
        print("no catalogue changes waiting to be pushed")
        return 0
    for name in dict.fromkeys(e.channel.name for e in edits):
        mine = [e for e in edits if e.channel.name == name]
        print(f"{name}: {len(mine)} changes waiting ('tokodesk catalog push' shows the summary and asks)")
        for e in mine:
            print(f"  {cd.draft_words(e)}")
    return 0


def run_discard(args: argparse.Namespace) -> int:
    from tokodesk.services import catalog_drafts as cd
    from tokodesk.services.channels import get_channel

    _open_db()
    channel = get_channel(args.channel) if args.channel else None
    count = cd.discard(args.seller_skus, everything=args.all, channel=channel)
    if args.json:
        print(json.dumps({"discarded": count}))
    else:
        print(f"discarded {count} changes not pushed yet; nothing was sent")
    return 0


def _print_rows(outcome) -> None:  # noqa: ANN001
    from tokodesk.services import catalog_rules as cr

    print(f"pushed to {outcome.channel}: {outcome.count(cr.ACCEPTED)} accepted, {outcome.count(cr.FAILED)} failed"
          + (f", {outcome.count(cr.UNKNOWN)} unknown (read back at the next push)" if outcome.count(cr.UNKNOWN)
             else "") + (f"; {outcome.resolved} earlier rows settled by reading back" if outcome.resolved else ""))
    for row in outcome.rows:
        print(f"  {row.words}")
    if outcome.error:
        print(f"  ! {outcome.error}")


def run_push(args: argparse.Namespace) -> int:
    from tokodesk.services import catalog_push as cp
    from tokodesk.services import catalog_rules as cr
    from tokodesk.services.channels import get_channel

    _open_db()
    channel = get_channel(args.channel)
    summary = cp.summarize(channel)
    out = sys.stderr if args.json else sys.stdout
    for line in summary.lines():
        print(line, file=out)
    if summary.empty and not m_open_rows(channel):
        if args.json:
            print(json.dumps({"summary": summary.to_json(), "sent": 0}, ensure_ascii=False))
        return 0
    confirm_large = args.confirm_large
    if not args.yes and _ask("Push these changes? [y/N]") not in ("y", "yes", "ya"):
        raise UserError("nothing was sent: confirm at the prompt, or add --yes")
    if summary.large and not confirm_large and not args.yes:
        confirm_large = _ask(f'{len(summary.large)} large price changes: type "large" to push them too') == "large"
    outcome = cp.push(channel, edit_ids=summary.edit_ids, confirm_large=confirm_large)
    if args.json:
        print(json.dumps(outcome.to_json(), ensure_ascii=False))
    else:
        _print_rows(outcome)
    return 0 if not outcome.count(cr.FAILED) and not outcome.error else 1


def m_open_rows(channel) -> int:  # noqa: ANN001
    """Rows an earlier push left to send or to settle (a push with no drafts still finishes them)."""
    from tokodesk.services import catalog_rules as cr
    from tokodesk.store import models as m

    return m.CatalogEdit.select().where((m.CatalogEdit.channel == channel.id)
                                        & (m.CatalogEdit.status.in_(cr.OPEN))).count()


def run_undo(args: argparse.Namespace) -> int:
    from tokodesk.services import catalog_rules as cr
    from tokodesk.services import catalog_undo
    from tokodesk.services.channels import channel_adapter, get_channel

    _open_db()
    channel = get_channel(args.channel)
    out = sys.stderr if args.json else sys.stdout
    with channel_adapter(channel) as live:
        push_id, plan, skipped = catalog_undo.undo_plan(channel, live)
        print(f"undo of push {push_id} on {channel.name}: {len(plan)} values to send back", file=out)
        for e in plan[:50]:
            print(f"  {e.seller_sku} {e.field} {cr.describe_value(e.field, e.new_value)} → "
                  f"{cr.describe_value(e.field, e.old_value)}", file=out)
        for line in skipped:
            print(f"  left alone: {line}", file=out)
        if plan and not args.yes and _ask("Send these values back? [y/N]") not in ("y", "yes", "ya"):
            raise UserError("nothing was sent: confirm at the prompt, or add --yes")
        outcome, _ = catalog_undo.undo_last(channel, live)
    if args.json:
        doc = outcome.to_json()
        doc["left_alone"] = skipped
        print(json.dumps(doc, ensure_ascii=False))
    else:
        _print_rows(outcome)
    return 0 if not outcome.count(cr.FAILED) and not outcome.error else 1


def run_resolve(args: argparse.Namespace) -> int:
    from tokodesk.services import catalog_recon
    from tokodesk.services import catalog_rules as cr
    from tokodesk.services.channels import get_channel

    _open_db()
    channel = get_channel(args.channel)
    if args.take_marketplace:
        line = catalog_recon.take_marketplace(channel, args.seller_sku)
        print(f"{args.seller_sku}: TokoDesk's price is now the marketplace's, "
              f"{cr.describe_value(cr.PRICE, line.marketplace_qty)}; nothing was sent")
    else:
        edit = catalog_recon.push_mine(channel, args.seller_sku)
        print(f"{args.seller_sku}: kept {cr.describe_value(cr.PRICE, edit.old_value)} → "
              f"{cr.describe_value(cr.PRICE, edit.new_value)}; 'tokodesk catalog push' shows the summary and sends it")
    return 0
