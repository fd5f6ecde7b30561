"""The payouts exports without a database: the XLSX export says which package it needs when openpyxl is missing, and
nothing is left half-written when writing fails."""

from __future__ import annotations

import sys

import pytest

from tokodesk.errors import UserError
from tokodesk.services import payout_export
from tokodesk.services.payout_book import PayoutBook


def test_without_openpyxl_the_xlsx_export_names_the_package_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(UserError, match=r"openpyxl==3\.1\.5.*--csv"):
        payout_export.export_xlsx(PayoutBook(), tmp_path / "p.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path, monkeypatch):
    target = tmp_path / "p.csv"
    target.write_text("old", encoding="utf-8")

    def broken(*_a, **_k):  # noqa: ANN002, ANN003, ANN202
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(payout_export.os, "replace", broken)
    with pytest.raises(OSError):
        payout_export.export_csv(PayoutBook(), target)
    assert target.read_text(encoding="utf-8") == "old" and [p.name for p in tmp_path.iterdir()] == ["p.csv"]
