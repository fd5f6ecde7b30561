"""The command line (DESIGN.md §6). No sub-command opens the window; sub-commands run headless.

Sub-commands live in `tokodesk/commands/<name>.py`, each with `register(sub)` and `run(args) -> int`. Only the
command that runs imports what it needs, so `tokodesk --version` and `tokodesk orders list` start fast and never
load Qt.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from tokodesk import __version__

COMMAND_MODULES = [
    "channel",
    "sandbox",
    "sync",
    "orders",
    "fulfil",
    "mapping",
    "stock",
    "recon",
    "selftest",
]

log = logging.getLogger("tokodesk.cli")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's default is fine but add the fix: how to get help
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\nRun '{self.prog} --help' for the options.\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tokodesk",
        description="TokoDesk: Tokopedia & Shop fulfilment from one PC. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"TokoDesk {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the window on a throwaway shop (built-in sandbox)")
    parser.add_argument(
        "--dialect",
        choices=["tiktokshop", "tokopedia"],
        default=None,
        help="with --demo: which marketplace API the sandbox shop speaks (default tiktokshop: Tokopedia & Shop)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr too")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"tokodesk.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"tokodesk.commands.{name}":
                continue  # not built yet
            raise
        module.register(sub)
    return parser


def _run_command(args: argparse.Namespace) -> int:
    from tokodesk.credentials import CredentialError
    from tokodesk.errors import UserError
    from tokodesk.marketplace.base import MarketplaceError
    from tokodesk.store.connection import DatabaseError

    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"tokodesk: {exc}", file=sys.stderr)
        return exc.exit_code
    except (CredentialError, DatabaseError, MarketplaceError) as exc:
        print(f"tokodesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("tokodesk: interrupted", file=sys.stderr)
        return 130


def main(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from tokodesk import config
    from tokodesk.logsetup import setup_logging

    if args.command is None:
        from tokodesk.ui.app import run_gui

        return run_gui(argv, demo=args.demo, dialect=args.dialect or "tiktokshop")
    if args.demo:
        parser.error("--demo opens the window; it cannot be combined with a command")
    try:
        folder = config.ensure_data_dir()
    except OSError as exc:
        print(f"tokodesk: cannot create the data folder {config.data_dir()}: {exc}", file=sys.stderr)
        return 1
    setup_logging(folder, console=args.verbose)
    if not hasattr(args, "func"):
        parser.parse_args([args.command, "--help"])
        return 2
    return _run_command(args)
