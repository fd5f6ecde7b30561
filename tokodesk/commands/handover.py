"""The handover scan from the command line: parcels scanned as the courier collects them.

    tokodesk handover scan CODE... --courier NAME [--channel NAME] [--json]
    tokodesk handover missing --courier NAME [--channel NAME] [--json]
    tokodesk handover manifest --courier NAME --pdf FILE [--channel NAME]

Each scan is recorded with its time and station; nothing is sent to the marketplace.
Exit codes: 0 every code was expected for that courier (scan), or printed; 1 some scan was not due or unknown
(each says why); 2 bad input (no courier, an empty code, an unwritable file).
"""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("handover", help="scan parcels as the courier collects them; the handover manifest")
    hsub = parser.add_subparsers(dest="handover_command", metavar="ACTION", required=True)
    scan = hsub.add_parser("scan", help="record scanned AWB / booking codes for a courier")
    scan.add_argument("codes", nargs="+", metavar="CODE")
    _common(scan)
    scan.add_argument("--json", action="store_true", help="print a JSON object: scans and parcels still missing")
    scan.set_defaults(func=run_scan)
    miss = hsub.add_parser("missing", help="parcels expected for the courier and not scanned yet")
    _common(miss)
    miss.add_argument("--json", action="store_true", help="print a JSON array")
    miss.set_defaults(func=run_missing)
    sheet = hsub.add_parser("manifest", help="the handover manifest PDF with scan times and signature lines")
    _common(sheet)
    sheet.add_argument("--pdf", metavar="FILE", required=True, help="write the PDF here")
    sheet.set_defaults(func=run_manifest)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--courier", metavar="NAME", required=True, help="the courier collecting, e.g. JNE")
    parser.add_argument("--channel", metavar="NAME", help="only this channel's parcels")


def _open(args: argparse.Namespace):  # noqa: ANN202
    from tokodesk.services.channels import get_channel
    from tokodesk.store.connection import open_database

    open_database()
    return get_channel(args.channel) if args.channel else None


def run_scan(args: argparse.Namespace) -> int:
    from tokodesk.errors import UserError
    from tokodesk.services import handover

    channel = _open(args)
    results = []
    for code in args.codes:
        try:
            results.append(handover.scan(code, args.courier, channel))
        except ValueError as exc:
            raise UserError(str(exc)) from None
    left = handover.missing(args.courier, channel)
    if args.json:
        print(json.dumps({"scans": [r.as_json() for r in results], "missing": [p.as_json() for p in left]},
                         ensure_ascii=False))
    else:
        for r in results:
            print(r.message())
        _print_missing(left, args.courier)
    bad = sum(1 for r in results if not r.ok)
    print(f"tokodesk: {len(results) - bad} ok, {bad} not ok, {len(left)} still to scan for {args.courier}",
          file=sys.stderr)
    return 1 if bad else 0


def _print_missing(left: list, courier: str) -> None:
    if not left:
        print(f"every parcel for {courier} is scanned")
        return
    print(f"not scanned yet for {courier}:")
    for parcel in left:
        print(f"  {parcel.code or '(no code yet)':<24} {', '.join(parcel.invoices)}")


def run_missing(args: argparse.Namespace) -> int:
    from tokodesk.services import handover

    channel = _open(args)
    left = handover.missing(args.courier, channel)
    if args.json:
        print(json.dumps([p.as_json() for p in left], ensure_ascii=False))
    else:
        _print_missing(left, args.courier)
    return 0


def run_manifest(args: argparse.Namespace) -> int:
    from pathlib import Path

    from tokodesk.errors import UserError
    from tokodesk.services import handover

    channel = _open(args)
    pdf, scanned, listed = handover.manifest_pdf(args.courier, channel)
    target = Path(args.pdf)
    try:
        target.write_bytes(pdf)
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror or exc}; choose another --pdf file") from None
    print(f"tokodesk: handover manifest for {args.courier}: {scanned} of {listed} parcel(s) scanned → {target}",
          file=sys.stderr)
    return 0
