"""Print dialogs (filled in below)."""
from __future__ import annotations


def open_print_dialog(parent, ctx, kind, pks, on_printed=None):  # noqa: ANN001, ANN201
    parent.banner.show_error("printing not ready")
