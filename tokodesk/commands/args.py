"""Argument types every command shares: numbers within a range, files that can be written or read.

argparse turns the ArgumentTypeError raised here into "argument --limit: must be a whole number from 1 to …",
exit code 2, before anything is opened or sent: `orders list --limit 99999999999999999999` once reached the
database (and PostgreSQL's integer) and `labels --pdf /proc/x.pdf` failed only after the labels were made.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
from collections.abc import Callable
from pathlib import Path

# PostgreSQL's `integer` (peewee IntegerField, AutoField ids): anything above cannot be stored or compared.
PG_INT_MAX = 2_147_483_647

# Ceilings for the numbers a seller types; each is far above any real shop and far below what breaks something.
MAX_LIST = 1_000_000  # orders list --limit
MAX_UNITS = 999_999_999  # a stock count, a buffer (services.inventory.MAX_QUANTITY: every marketplace's field)
MAX_ID = PG_INT_MAX  # a row id (report, run)


def int_in(low: int, high: int, what: str = "a whole number") -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`, or a message naming the range."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip().replace("_", ""), 10)
        except (ValueError, AttributeError):
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}: give one from {low:,} to {high:,}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be {what} from {low:,} to {high:,}, not {text.strip()}")
        return value

    parse.__name__ = "whole number"  # argparse names the type in some messages
    return parse


def float_in(low: float, high: float, what: str = "a number") -> Callable[[str], float]:
    """An argparse type: a finite number from `low` to `high` (nan and inf are refused)."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}: give one from {low:g} to {high:g}") from None
        if not math.isfinite(value) or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be {what} from {low:g} to {high:g}, not {text.strip()}")
        return value

    parse.__name__ = "number"
    return parse


def output_file(text: str) -> str:
    """An argparse type: a file this user can create or overwrite (its folder is made if missing). Probed by
    opening it for appending, so a path under /proc, a read-only folder or a folder in place of the file is
    refused before any work is done; a file that did not exist is removed again."""
    if not text.strip():
        raise argparse.ArgumentTypeError("is empty: give the file to write, e.g. labels.pdf")
    path = Path(text).expanduser()
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder: give a file name in it, e.g. {path / 'out.pdf'}")
    folder = path.parent
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise argparse.ArgumentTypeError(f"cannot write {text}: {existing} is not a folder")
    if existing != folder:  # the folder will be made: what exists above it must be writable
        if not os.access(existing, os.W_OK):
            raise argparse.ArgumentTypeError(f"cannot write {text}: the folder {existing} is not writable")
        return text
    existed = path.exists()
    try:
        with open(path, "ab"):
            pass
    except OSError as exc:
        raise argparse.ArgumentTypeError(
            f"cannot write {text}: {exc.strerror or exc}; pick a folder you can write to") from None
    if not existed:
        with contextlib.suppress(OSError):
            path.unlink()
    return text


def input_file(text: str) -> str:
    """An argparse type: a file that exists and can be read."""
    path = Path(text).expanduser()
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder, not a file")
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"{text}: no such file")
    if not os.access(path, os.R_OK):
        raise argparse.ArgumentTypeError(f"{text} cannot be read (permission denied)")
    return text
