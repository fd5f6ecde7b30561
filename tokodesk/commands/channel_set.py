"""`tokodesk channel set NAME KEY=VALUE…`: change channel maintenance settings from the command line.

The values go through the same validation as the window's settings form (services/channel_settings.py); a bad key
or value exits 2 naming the key and what it accepts, and nothing is written unless every pair is accepted.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime

from tokodesk.errors import UserError


def register(csub: argparse._SubParsersAction) -> None:
    from tokodesk.services.channel_settings import SPECS

    keys = ", ".join(k for k, s in SPECS.items() if not s.fixed)
    cmd = csub.add_parser(
        "set", help="change channel settings: KEY=VALUE … (see `channel show NAME` for the current values)",
        description=f"Settings: {keys}. Booleans take true/false; times are WIB.",
    )
    cmd.add_argument("name")
    cmd.add_argument("pairs", nargs="+", metavar="KEY=VALUE")
    cmd.add_argument("--json", action="store_true", help="print {channel, changed: {key: [before, after]}}")
    cmd.set_defaults(func=run_set)


def parse_pairs(pairs: list[str]) -> dict:
    from tokodesk.services import channel_settings

    values: dict = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UserError(f"{pair!r}: write each setting as KEY=VALUE, e.g. use_marketplace_label=true")
        if key in values:
            raise UserError(f"{key} is given twice; give each setting once")
        values[key] = channel_settings.parse(key, text)
    return values


def _shown(value: object) -> object:
    if isinstance(value, datetime):
        from tokodesk.config import wib

        return wib(value)
    return value


def run_set(args: argparse.Namespace) -> int:
    from tokodesk.services import channel_settings
    from tokodesk.services.channels import get_channel
    from tokodesk.store.connection import open_database

    values = parse_pairs(args.pairs)
    channel_settings.validate(values)  # every pair judged before the database is even opened
    open_database()
    channel = get_channel(args.name)
    changed = channel_settings.apply(channel, values)
    if args.json:
        listed = {k: [_shown(before), _shown(after)] for k, (before, after) in changed.items()}
        print(json.dumps({"channel": channel.name, "changed": listed}, ensure_ascii=False))
        return 0
    if not changed:
        print(f"{channel.name}: nothing to change (the settings already have these values).")
    for key, (before, after) in changed.items():
        print(f"{channel.name}: {key}: {_shown(before)} → {_shown(after)}")
    return 0
