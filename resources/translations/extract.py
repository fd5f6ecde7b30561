"""Collect every translatable string of tokodesk/ui into (context, source) pairs.

pyside6-lupdate sees only literal `self.tr("…")`; the window also translates table headers, state names and setting
labels held in tables (`self.tr(LABELS[key])`). This walks the sources with `ast` and adds those tables, so the .ts
is complete. Run `python resources/translations/build.py` to refresh the .ts and compile the .qm.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "tokodesk" / "ui"


class _Visitor(ast.NodeVisitor):
    def __init__(self, found: dict[tuple[str, str], str]) -> None:
        self.found = found
        self.classes: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        func = node.func
        args = node.args
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        literal = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in args]
        if name == "t" and isinstance(func, ast.Name) and len(args) == 1 and literal[0] is not None:
            self.found[(self.classes[-1] if self.classes else "", literal[0])] = ""  # t = self.tr
        elif name == "tr" and isinstance(func, ast.Attribute) and len(args) >= 1 and literal[0] is not None:
            context = self.classes[-1] if self.classes else ""
            if isinstance(func.value, ast.Name) and func.value.id not in ("self",) and func.value.id[0].isupper():
                context = func.value.id  # QPainter.tr("…")
            self.found[(context, literal[0])] = ""
        elif name in ("tr", "translate") and len(args) >= 2 and literal[0] is not None and literal[1] is not None:
            self.found[(literal[0], literal[1])] = ""
        self.generic_visit(node)


def _tables() -> list[tuple[str, str]]:
    from tokodesk import config
    from tokodesk.ui import channel_tab, inventory_tab, mapping_tab, order_detail, orders_model, printing, sync

    pairs: list[tuple[str, str]] = []
    for ctx in ("ChannelTab", "ChannelSettingsForm", "CredentialsPage"):
        pairs += [(ctx, label) for label in config.CHANNEL_SETTING_LABELS.values()]
    pairs += [("OrderState", label) for label in orders_model.STATE_LABELS.values()]
    pairs += [("OrdersTab", label) for _k, label, _p in orders_model.CHIPS]
    pairs += [("OrdersTab", s.value) for s in orders_model.S]
    pairs += [("OrdersModel", h) for h in (*orders_model.OrdersModel.HEADERS, "Order ID") if h]
    pairs += [("MappingModel", h) for h in mapping_tab.MappingModel.HEADERS]
    pairs += [("MappingModel", s) for s in mapping_tab.PRODUCT_STATUS_WORDS.values()]
    pairs += [("InventoryModel", h) for h in inventory_tab.InventoryModel.HEADERS]
    pairs += [("InventoryModel", s) for s in inventory_tab.PUSH_STATUS_WORDS.values()]
    pairs += [("InventoryTab", s) for s in inventory_tab.CAUSES.values()]
    pairs += [("ChannelTab", s) for s in channel_tab.STATUS_WORDS.values()]
    pairs += [("ChannelTab", s) for s in ("Pick-up by the courier", "Drop-off at the courier",
                                          "Own courier (enter the AWB)", "At pack", "At manifest", "Only changes",
                                          "Everything", "Create seller SKUs", "Map to existing seller SKUs only",
                                          "on demand", "never run", "every 5 min", "every 15 min", "every 1 min",
                                          "every 3 min", "periodic", "stock changed", "inventory sync is off",
                                          "reconciliation is off", "run on demand")]
    pairs += [("Sync", s) for s in sync.KIND_LABELS.values()]
    pairs += [("PrintDialog", s) for s in printing.KIND_TITLES.values()]
    pairs += [("OrderDetailPane", s) for s in (*order_detail.EVENT_WORDS.values(),
                                               *order_detail.REQUEST_WORDS.values(),
                                               *order_detail.PACKAGE_WORDS.values())]
    pairs += [("CredentialsPage", s) for s in ("Channel name", "FS ID (App ID)", "Client ID", "Client secret",
                                               "Shop ID", "App key", "App secret", "Service ID")]
    from tokodesk.marketplace.tokopedia import reasons

    pairs += [("CancelReason", r.label) for r in reasons.REASONS]
    from tokodesk.ui import status_words

    pairs += [("MarketplaceStatus", s) for s in (*status_words.LEGACY_WORDS.values(), *status_words.TTS_WORDS.values())]
    from tokodesk.services import payouts
    from tokodesk.ui import payouts_views as pv

    pairs += [("Payouts", s) for s in (*payouts.CAUSE_TEMPLATES, *(r.label for r in payouts.FEE_RULES),
                                        *pv.FEE_WORDS.values(), *pv.ADJUSTMENT_WORDS.values(), *pv.GROUP_WORDS.values(),
                                        *pv.STATUS_WORDS.values(), *pv.STATEMENT_STATUS_WORDS.values(),
                                        *pv.WITHDRAWAL_KIND_WORDS.values(),
                                        *pv.WITHDRAWAL_STATUS_WORDS.values(), "Other fees", "Adjustments")]
    # Qt's own buttons (Qt ships no Indonesian catalogue)
    pairs += [("QPlatformTheme", s) for s in ("OK", "Cancel", "&Yes", "&No", "Close", "Save", "Apply", "Open")]
    pairs += [("QDialogButtonBox", s) for s in ("OK", "Cancel", "&Yes", "&No", "Close", "Save")]
    pairs += [("QMessageBox", s) for s in ("Show Details...", "Hide Details...", "OK")]
    pairs += [("QLineEdit", s) for s in ("&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All")]
    return pairs


def extract() -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for path in sorted(UI.glob("*.py")):
        if path.name == "selftest.py":
            continue
        _Visitor(found).visit(ast.parse(path.read_text(encoding="utf-8")))
    for pair in _tables():
        found.setdefault(pair, "")
    return found


if __name__ == "__main__":
    strings = extract()
    print(len(strings), "strings in", len({c for c, _ in strings}), "contexts")
