"""`tokodesk recon run|show|export`: the stock reconciliation on demand, its latest report, and its export.

`tokodesk sync recon` runs the same reconciliation (without --fix; the channel's auto-fix setting decides).
"""

from __future__ import annotations

import argparse
import json
import sys

from tokodesk.commands.args import MAX_ID, int_in, output_file
from tokodesk.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "recon",
        help="stock reconciliation: compare marketplace stock with TokoDesk's, show or export the report",
    )
    rsub = parser.add_subparsers(dest="recon_command", metavar="ACTION", required=True)

    run_p = rsub.add_parser(
        "run",
        help="read the marketplace stock of every mapped product and report each mismatch",
        description="Read the marketplace stock back and write a report with one line per mismatch and its likely "
        "cause (push_failed, sale_not_pulled, edited_on_marketplace, not_pushed_yet, not_found, unmapped); "
        "not_counted lines name the SKUs nobody counted yet. "
        "--fix pushes TokoDesk's value for the mapped mismatches (default: the channel's auto-fix setting).",
    )
    run_p.add_argument("--channel", metavar="NAME")
    fix = run_p.add_mutually_exclusive_group()
    fix.add_argument("--fix", dest="fix", action="store_true", default=None, help="push the expected values")
    fix.add_argument("--no-fix", dest="fix", action="store_false", help="only report, even with auto-fix on")
    run_p.add_argument("--csv", metavar="FILE", type=output_file, help="also write the report as CSV")
    run_p.add_argument("--pdf", metavar="FILE", type=output_file, help="also write the report as an A4 PDF")
    run_p.add_argument("--json", action="store_true")
    run_p.set_defaults(func=run_run)

    show = rsub.add_parser("show", help="show the latest report (or --report ID)")
    show.add_argument("--channel", metavar="NAME")
    show.add_argument("--report", type=int_in(1, MAX_ID), metavar="ID")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_show)

    export = rsub.add_parser("export", help="write the latest report (or --report ID) as CSV and/or PDF")
    export.add_argument("--channel", metavar="NAME")
    export.add_argument("--report", type=int_in(1, MAX_ID), metavar="ID")
    export.add_argument("--csv", metavar="FILE", type=output_file,
                        help="columns: product_id, marketplace_sku, seller_sku, marketplace_qty, expected_qty, "
                        "difference (marketplace − expected), cause, fixed")
    export.add_argument("--pdf", metavar="FILE", type=output_file, help="an A4 table")
    export.set_defaults(func=run_export)

    parser.set_defaults(func=lambda args: parser.print_help() or 2)


def _report(args: argparse.Namespace):  # noqa: ANN202
    from tokodesk.services import reconciliation
    from tokodesk.services.channels import get_channel
    from tokodesk.store import models as m
    from tokodesk.store.connection import open_database

    open_database()
    if args.report is not None:
        report = m.ReconReport.get_or_none(m.ReconReport.id == args.report)
        if report is None:
            raise UserError(f"no reconciliation report {args.report}; 'tokodesk recon show' shows the latest")
        return report
    channel = get_channel(args.channel) if args.channel or m.Channel.select().count() == 1 else None
    report = reconciliation.latest_report(channel)
    if report is None:
        raise UserError("no reconciliation has run yet: run 'tokodesk recon run' (or 'tokodesk sync recon')")
    return report


def _write(report, csv_path: str | None, pdf_path: str | None) -> None:  # noqa: ANN001
    from tokodesk.services import recon_export

    try:
        if csv_path:
            recon_export.export_csv(report, csv_path)
            print(f"wrote {csv_path}", file=sys.stderr)
        if pdf_path:
            recon_export.export_pdf(report, pdf_path)
            print(f"wrote {pdf_path}", file=sys.stderr)
    except OSError as exc:
        raise UserError(f"cannot write {exc.filename}: {exc.strerror}; pick a folder you can write to") from None


def _print_report(report, lines) -> None:  # noqa: ANN001
    from tokodesk.services.reconciliation import CAUSES

    print(
        f"report {report.id}: {report.status} — checked {report.checked}, {report.mismatches} mismatches, "
        f"{report.fixed} fixed"
    )
    if report.error:
        print(f"  ! {report.error}")
    for x in lines:
        mp = "—" if x.marketplace_qty is None else x.marketplace_qty
        exp = "—" if x.expected_qty is None else x.expected_qty
        fixed = "  fixed" if x.fixed else ""
        diff = "" if x.cause == "not_counted" else f" {x.difference:+d}"
        print(f"  {x.marketplace_sku or x.product_id} ({x.seller_sku or 'unmapped'}): marketplace {mp}, expected {exp},"
              f"{diff} — {CAUSES.get(x.cause, x.cause)}{fixed}")


def run_run(args: argparse.Namespace) -> int:
    from tokodesk.services import reconciliation
    from tokodesk.services.channels import get_channel
    from tokodesk.store import models as m
    from tokodesk.store.connection import open_database

    open_database()
    channel = get_channel(args.channel)
    summary = reconciliation.sync_recon(
        channel, None, lambda d, t, msg: print(f"  {msg}", file=sys.stderr), None, fix=args.fix
    )
    report = m.ReconReport.get_by_id(summary.details["report_id"])
    _write(report, args.csv, args.pdf)
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False))
    else:
        _print_report(report, reconciliation.report_lines(report))
    return 0 if summary.status == "ok" else 1


def run_show(args: argparse.Namespace) -> int:
    from tokodesk.services import reconciliation

    report = _report(args)
    lines = reconciliation.report_lines(report)
    if args.json:
        print(json.dumps({"report_id": report.id, "created_at": report.created_at.isoformat() + "Z",
                          "status": report.status, "checked": report.checked, "mismatches": report.mismatches,
                          "fixed": report.fixed, "error": report.error,
                          "lines": [reconciliation.line_json(x) for x in lines]}, ensure_ascii=False))
    else:
        _print_report(report, lines)
    return 0


def run_export(args: argparse.Namespace) -> int:
    if not args.csv and not args.pdf:
        raise UserError("recon export: say where to write it, --csv FILE and/or --pdf FILE")
    report = _report(args)
    _write(report, args.csv, args.pdf)
    return 0
