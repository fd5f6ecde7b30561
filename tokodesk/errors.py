"""Errors the CLI and the GUI show to a user as they are (their text names what is wrong and how to fix it)."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or a refused request. CLI exit code 2 unless `exit_code` says otherwise."""

    exit_code = 2
