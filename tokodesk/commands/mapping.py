"""`tokodesk mapping import|export FILE.csv`, `mapping list [--unmapped]`, `mapping set|remove`."""

from __future__ import annotations

import argparse
import json
import sys

from tokodesk.commands.args import MAX_UNITS, input_file, int_in, output_file


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("mapping", help="channel mappings: marketplace SKU <-> your own SKU (CSV in and out)")
    msub = parser.add_subparsers(dest="mapping_command", metavar="ACTION", required=True)

    imp = msub.add_parser(
        "import",
        help="apply a mapping CSV (bad rows are listed with their line number; the good ones are applied)",
        description="Columns: channel, product_id or marketplace_sku, seller_sku (empty: unmap), buffer. "
        "Comma or semicolon separated, UTF-8. Export first to get the layout.",
    )
    imp.add_argument("file", metavar="FILE.csv", type=input_file)
    imp.add_argument("--channel", metavar="NAME", help="only this channel's rows (rows may name their channel)")
    imp.add_argument("--create-skus", action="store_true", help="add seller SKUs that are not in the stock list yet")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(func=run_import)

    exp = msub.add_parser("export", help="write every mapping (unmapped ones with an empty seller_sku) to a CSV")
    exp.add_argument("file", metavar="FILE.csv", type=output_file)
    exp.add_argument("--channel", metavar="NAME")
    exp.set_defaults(func=run_export)

    lst = msub.add_parser("list", help="list mappings, or with --unmapped the unmapped queue")
    lst.add_argument("--channel", metavar="NAME")
    lst.add_argument("--unmapped", action="store_true", help="only products without a seller SKU")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_list)

    st = msub.add_parser("set", help="map one marketplace product to a seller SKU")
    st.add_argument("product_id")
    st.add_argument("seller_sku")
    st.add_argument("--channel", metavar="NAME")
    st.add_argument("--buffer", type=int_in(0, MAX_UNITS), metavar="N",
                    help=f"units held back from the marketplace (0 to {MAX_UNITS:,})")
    st.add_argument("--create-sku", action="store_true", help="add the seller SKU to the stock list if missing")
    st.set_defaults(func=run_set)

    rm = msub.add_parser("remove", help="unmap one marketplace product (it goes back to the unmapped queue)")
    rm.add_argument("product_id")
    rm.add_argument("--channel", metavar="NAME")
    rm.set_defaults(func=run_remove)


def _channel_or_none(name: str | None):  # noqa: ANN202
    from tokodesk.services.channels import get_channel

    return get_channel(name) if name else None


def _open() -> None:
    from tokodesk.store.connection import open_database

    open_database()


def run_import(args: argparse.Namespace) -> int:
    from tokodesk.services import mapping

    _open()
    result = mapping.import_csv(args.file, _channel_or_none(args.channel), create_seller_skus=args.create_skus)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        print(
            f"{args.file}: {result.rows} rows — {result.mapped} mapped, {result.unmapped} unmapped, "
            f"{result.unchanged} unchanged, {len(result.errors)} with errors"
        )
    for error in result.errors:
        print(f"{args.file}, {error}", file=sys.stderr)
    return 2 if result.errors else 0


def run_export(args: argparse.Namespace) -> int:
    from tokodesk.errors import UserError
    from tokodesk.services import mapping

    _open()
    try:
        count = mapping.export_csv(args.file, _channel_or_none(args.channel))
    except OSError as exc:
        raise UserError(f"cannot write {args.file}: {exc.strerror or exc}") from exc
    print(f"{count} mappings written to {args.file}", file=sys.stderr)
    return 0


def run_list(args: argparse.Namespace) -> int:
    from tokodesk.services import mapping

    _open()
    rows = mapping.list_mappings(_channel_or_none(args.channel), unmapped_only=args.unmapped)
    data = [
        {
            "channel": r.channel.name,
            "product_id": r.product_id,
            "marketplace_sku": r.marketplace_sku,
            "seller_sku": r.seller_sku,
            "buffer": r.buffer,
        }
        for r in rows
    ]
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    for d in data:
        print(
            f"{d['channel']:<12} {d['product_id']:<20} {d['marketplace_sku']:<24} -> {d['seller_sku'] or '(unmapped)'}"
        )
    print(f"{len(data)} mappings", file=sys.stderr)
    return 0


def run_set(args: argparse.Namespace) -> int:
    from tokodesk.services import mapping
    from tokodesk.services.channels import get_channel

    _open()
    row = mapping.set_mapping(
        get_channel(args.channel),
        args.product_id,
        args.seller_sku,
        buffer=args.buffer,
        create_seller_sku=args.create_sku,
    )
    print(f"{row.product_id} ({row.marketplace_sku}) -> {row.seller_sku}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from tokodesk.services import mapping
    from tokodesk.services.channels import get_channel

    _open()
    row = mapping.remove_mapping(get_channel(args.channel), args.product_id)
    print(f"{row.product_id} ({row.marketplace_sku}) is unmapped")
    return 0
