"""The command line (DESIGN.md §6). No sub-command opens the window; sub-commands run headless.

Sub-commands live in `tokodesk/commands/<name>.py`, each with `register(sub)` and `run(args) -> int`. Only the
command that runs imports what it needs, so `tokodesk --version` and `tokodesk orders list` start fast and never
load Qt.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import io
import logging
import os
import sys
import traceback

from tokodesk import __version__

COMMAND_MODULES = [
    "channel",
    "sandbox",
    "sync",
    "orders",
    "fulfil",
    "mapping",
    "stock",
    "catalog",
    "recon",
    "returns",
    "selftest",
    "health",
    "handover",
    "payouts",
]

# The commands a module of COMMAND_MODULES registers under another name than its own. A command line that names a
# command builds only its module's parser: the other modules' imports and some 70 sub-parsers were a tenth of the
# start of a short command such as `tokodesk orders pack` (tests/unit/test_cli_arguments.py checks this table
# against the whole parser).
COMMANDS_OF_MODULE = {"fulfil": ("labels", "manifest", "picklist"), "selftest": ("self-test",)}

log = logging.getLogger("tokodesk.cli")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's default is fine but add the fix: how to get help
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\nRun '{self.prog} --help' for the options.\n")


def command_module(argv: list[str]) -> str | None:
    """The one module of COMMAND_MODULES whose parser `argv` needs, or None when it needs them all: no command,
    `--help`, a global option before the command other than -v, a command no module is known to register."""
    rest = list(argv)
    while rest and rest[0] in ("-v", "--verbose"):
        rest.pop(0)
    if not rest:
        return None
    for module in COMMAND_MODULES:
        if rest[0] in COMMANDS_OF_MODULE.get(module, (module,)):
            return module
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser; given the command line, with only the parser of the command it names (the whole
    parser when it names none), which parses it as the whole parser would."""
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
    only = command_module(argv) if argv is not None else None
    for name in COMMAND_MODULES if only is None else [only]:
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
    from tokodesk.marketplace.errors import MarketplaceError  # base.MarketplaceError, without the records' import
    from tokodesk.store.connection import DatabaseError

    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not at exit where Python can only print a traceback
        return code
    except UserError as exc:
        print(f"tokodesk: {exc}", file=sys.stderr)
        return exc.exit_code
    except (CredentialError, DatabaseError, MarketplaceError) as exc:
        print(f"tokodesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("tokodesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _stdout_closed()
    except Exception as exc:  # the last line of defence: words and the log file, never a raw traceback
        return _unexpected(args, exc)


def _stdout_closed() -> int:
    """stdout went away (`tokodesk orders list | head`): stop quietly. Later writes, and the interpreter's final
    flush, go to the null device instead of raising again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass  # not a real file (tests capture stdout): nothing will be flushed at exit
    return 141  # what a shell reports for a command stopped by SIGPIPE


def _unexpected(args: argparse.Namespace, exc: Exception) -> int:
    from tokodesk.store.connection import describe_error

    if isinstance(exc, BrokenPipeError) or (isinstance(exc, OSError) and exc.errno == errno.EPIPE):
        return _stdout_closed()
    words = describe_error(exc)  # the disk is full, the database file is damaged: things a user can fix
    if words:
        log.error("%s stopped: %s", args.command, words, exc_info=exc)
        print(f"tokodesk: {words}", file=sys.stderr)
        return 1
    if isinstance(exc, OSError) and exc.filename:
        log.error("%s stopped on %s", args.command, exc.filename, exc_info=exc)
        print(f"tokodesk: cannot use {exc.filename}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    log.error("%s stopped by an unexpected error", args.command, exc_info=exc)
    if getattr(args, "verbose", False):
        traceback.print_exception(exc, file=sys.stderr)
    where = _log_file()
    print(f"tokodesk: {args.command} stopped by an unexpected error ({type(exc).__name__}: {exc}). "
          f"The details are in {where}; run again with -v to see them here.", file=sys.stderr)
    return 1


def _log_file() -> str:
    from tokodesk import config

    return str(config.data_dir() / "logs" / "tokodesk.log")


def main(argv: list[str]) -> int:
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # bad usage (2), --help/--version (0): returned, so callers in-process get it too
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
    from tokodesk import config
    from tokodesk.logsetup import setup_logging

    if args.command is None:
        from tokodesk.ui.app import run_gui

        return run_gui(argv, demo=args.demo, dialect=args.dialect or "tiktokshop")
    if args.demo:
        try:
            parser.error("--demo opens the window; it cannot be combined with a command")
        except SystemExit as exc:
            return int(exc.code or 2)
    try:
        folder = config.ensure_data_dir()
    except OSError as exc:
        print(f"tokodesk: cannot create the data folder {config.data_dir()}: {exc}", file=sys.stderr)
        return 1
    try:
        setup_logging(folder, console=args.verbose)
    except OSError as exc:  # a full disk or a read-only folder: the command can still run and say what it can
        print(f"tokodesk: cannot write the log file in {folder / 'logs'} ({exc.strerror or exc}); "
              "going on without it", file=sys.stderr)
    # A full disk fails the log file's writes too; the command says so in one line, not a traceback per record.
    logging.raiseExceptions = False
    if not hasattr(args, "func"):
        with contextlib.suppress(SystemExit):
            parser.parse_args([args.command, "--help"])
        return 2
    return _run_command(args)
