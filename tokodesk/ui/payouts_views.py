"""The Payouts tab's pieces that only show: the order tables' model, an order's payout taken apart, the weekly
chart's figures (the chart itself is payouts_charts.py: QtCharts is loaded only when the tab is first opened).

Money is integer rupiah all the way; only the chart hands Qt doubles (a bar's height), and its axis is labelled in
rupiah from the integers. Platform field names stay visible next to their words, so a seller can find the same line
in Seller Center's statement.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.marketplace import finance as fin
from tokodesk.services import payouts as po
from tokodesk.ui.formatting import rupiah, wib_text
from tokodesk.ui.i18n import translate

RED = QColor("#b00020")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter  # money; made once (an enum OR costs µs)

# The platform's field names in words (Tokopedia & Shop's statement transaction fields); a name not here is shown as
# the platform writes it.
FEE_WORDS: dict[str, str] = {
    "platform_commission_amount": QT_TRANSLATE_NOOP("Payouts", "Platform commission"),
    "dynamic_commission_amount": QT_TRANSLATE_NOOP("Payouts", "Dynamic commission"),
    "transaction_fee_amount": QT_TRANSLATE_NOOP("Payouts", "Order processing fee"),
    "affiliate_commission_amount": QT_TRANSLATE_NOOP("Payouts", "Affiliate commission"),
    "affiliate_ads_commission_amount": QT_TRANSLATE_NOOP("Payouts", "Affiliate ads commission"),
    "affiliate_partner_commission_amount": QT_TRANSLATE_NOOP("Payouts", "Affiliate partner commission"),
    "sfp_service_fee_amount": QT_TRANSLATE_NOOP("Payouts", "Shipping programme fee"),
    "voucher_xtra_service_fee_amount": QT_TRANSLATE_NOOP("Payouts", "Voucher Xtra service fee"),
    "cofunded_promotion_service_fee_amount": QT_TRANSLATE_NOOP("Payouts", "Co-funded promotion fee"),
    "live_specials_fee_amount": QT_TRANSLATE_NOOP("Payouts", "LIVE Specials fee"),
    "payment_fee_amount": QT_TRANSLATE_NOOP("Payouts", "Payment fee"),
    "cod_service_fee_amount": QT_TRANSLATE_NOOP("Payouts", "COD fee"),
    "subtotal_before_discount_amount": QT_TRANSLATE_NOOP("Payouts", "Goods before discounts"),
    "seller_discount_amount": QT_TRANSLATE_NOOP("Payouts", "Seller discount"),
    "refund_subtotal_before_discount_amount": QT_TRANSLATE_NOOP("Payouts", "Goods refunded"),
    "seller_discount_refund_amount": QT_TRANSLATE_NOOP("Payouts", "Seller discount refunded"),
    "customer_paid_shipping_fee_amount": QT_TRANSLATE_NOOP("Payouts", "Shipping paid by the buyer"),
    "actual_shipping_fee_amount": QT_TRANSLATE_NOOP("Payouts", "Shipping charged by the courier"),
    "shipping_insurance_fee_amount": QT_TRANSLATE_NOOP("Payouts", "Shipping insurance"),
    "platform_shipping_fee_discount_amount": QT_TRANSLATE_NOOP("Payouts", "Shipping subsidy from the platform"),
    "promo_shipping_incentive_amount": QT_TRANSLATE_NOOP("Payouts", "Shipping promotion subsidy"),
    "return_shipping_fee_amount": QT_TRANSLATE_NOOP("Payouts", "Return shipping"),
    "customer_payment_amount": QT_TRANSLATE_NOOP("Payouts", "What the buyer paid"),
    "vat_amount": QT_TRANSLATE_NOOP("Payouts", "VAT"),
    "income_tax_amount": QT_TRANSLATE_NOOP("Payouts", "Income tax"),
}
# Adjustment types (Get Statement Transactions' `type`); another type is shown as the platform writes it.
ADJUSTMENT_WORDS = po.ADJUSTMENT_WORDS
GROUP_WORDS = {
    fin.REVENUE: QT_TRANSLATE_NOOP("Payouts", "Goods"),
    fin.SHIPPING: QT_TRANSLATE_NOOP("Payouts", "Shipping"),
    fin.FEE: QT_TRANSLATE_NOOP("Payouts", "Fees"),
    fin.TAX: QT_TRANSLATE_NOOP("Payouts", "Taxes"),
}
STATUS_WORDS = {
    "settled": QT_TRANSLATE_NOOP("Payouts", "Settled"),
    "estimated": QT_TRANSLATE_NOOP("Payouts", "Estimated"),
    "unsettled": QT_TRANSLATE_NOOP("Payouts", "Not settled"),
}
STATEMENT_STATUS_WORDS = {
    "PAID": QT_TRANSLATE_NOOP("Payouts", "Paid"),
    "PROCESSING": QT_TRANSLATE_NOOP("Payouts", "Processing"),
    "FAILED": QT_TRANSLATE_NOOP("Payouts", "Failed"),
}
WITHDRAWAL_KIND_WORDS = {
    "WITHDRAW": QT_TRANSLATE_NOOP("Payouts", "Withdrawn to the bank"),
    "SETTLE": QT_TRANSLATE_NOOP("Payouts", "Settled to the balance"),
    "TRANSFER": QT_TRANSLATE_NOOP("Payouts", "Transfer"),
    "REVERSE": QT_TRANSLATE_NOOP("Payouts", "Reversed"),
}
WITHDRAWAL_STATUS_WORDS = {
    "SUCCESS": QT_TRANSLATE_NOOP("Payouts", "Done"),
    "PROCESSING": QT_TRANSLATE_NOOP("Payouts", "Processing"),
    "FAILED": QT_TRANSLATE_NOOP("Payouts", "Failed"),
}


def words(text: str) -> str:
    """A fixed English text of the Payouts area in the window's language."""
    return translate("Payouts", text)


def fee_label(name: str) -> str:
    """'Platform commission (platform_commission_amount)': the words, and the platform's own name to find it by."""
    label = FEE_WORDS.get(name) or next((r.label for r in po.FEE_RULES if r.name == name), "")
    return f"{words(label)} ({name})" if label else name


def net_text(p: po.OrderPayout) -> str:
    if p.net is None:
        return "—"
    return rupiah(p.net) + (" " + translate("Payouts", "(estimated)") if p.estimated else "")


def cause_words(c: po.Cause) -> str:
    """A cause in the window's words: as Cause.words(), with a fee the rules do not cover named in words
    (the detail beside the list gives its platform name)."""
    if not c.template:
        return c.text
    # "Rp 2.000" kept on one line where the causes wrap (a no-break space).
    params = {k: words(v) if k == "label" else v.replace("Rp ", "Rp\u00a0") for k, v in c.params.items()}
    if "kind" in params:
        params["kind"] = po.adjustment_kind(c.params["kind"], words)
    if c.template in (po.FEE_NOT_IN_RULES, po.FEE_GIVEN_BACK) and "name" in params:
        name = params["name"]
        label = FEE_WORDS.get(name) or next((r.label for r in po.FEE_RULES if r.name == name), "")
        params["name"] = words(label) if label else name
    return words(c.template).format(**params)


def why_text(p: po.OrderPayout) -> str:
    return "; ".join(cause_words(c) for c in p.causes)


def short_date(moment: Any) -> str:
    return wib_text(moment)[:10] if moment else ""


# ---- the order tables (unexpected, not settled, every order) -----------------------------------------------------
COL_ORDER, COL_STATUS, COL_DELIVERED, COL_PAID, COL_NET, COL_EXPECTED, COL_DIFF, COL_WHY, COL_COST, COL_MARGIN = \
    range(10)
MONEY_COLUMNS = (COL_PAID, COL_NET, COL_EXPECTED, COL_DIFF, COL_COST, COL_MARGIN)


_ROLES = frozenset((Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
                    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole))


class PayoutOrdersModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[po.OrderPayout] = []

    def set_rows(self, rows: list[po.OrderPayout]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 10

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (translate("Payouts", "Order"), translate("Payouts", "Status"), translate("Payouts", "Delivered"),
                translate("Payouts", "Buyer paid"), translate("Payouts", "Net"), translate("Payouts", "Expected"),
                translate("Payouts", "Difference"), translate("Payouts", "Why"), translate("Payouts", "Cost"),
                translate("Payouts", "Margin"))[section]

    def text(self, p: po.OrderPayout, col: int) -> str:
        if col == COL_ORDER:
            return p.invoice or p.order_id
        if col == COL_STATUS:
            return words(STATUS_WORDS.get(p.status, p.status))
        if col == COL_DELIVERED:
            return short_date(p.delivered_at)
        if col == COL_PAID:
            return rupiah(p.buyer_paid) if p.known else translate("Payouts", "(order not pulled)")
        if col == COL_NET:
            return net_text(p)
        if col == COL_EXPECTED:
            return rupiah(p.expected_net) if p.known else ""
        if col == COL_DIFF:
            return "" if p.difference is None else rupiah(p.difference)
        if col == COL_WHY:
            return why_text(p)
        if col == COL_COST:
            return rupiah(p.cost) if p.cost is not None else ""
        return rupiah(p.margin) if p.margin is not None else ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or index.row() >= len(self.rows):
            return None  # sizing a column asks every role of every cell: the others are answered first
        p, col = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self.text(p, col)
            if role == Qt.ItemDataRole.ToolTipRole:
                if col == COL_MARGIN and p.margin is None and p.missing_costs:
                    return translate("Payouts", "No cost price for {0}").format(", ".join(p.missing_costs))
                return text if col in (COL_WHY, COL_ORDER) else None
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and col in MONEY_COLUMNS:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_DIFF and p.unexpected:
                return QBrush(RED)
            if col == COL_MARGIN and p.margin is not None and p.margin < 0:
                return QBrush(RED)
        if role == Qt.ItemDataRole.FontRole and col == COL_NET and p.estimated:
            font = QFont()
            font.setItalic(True)
            return font
        return None


def money_item(amount: int | None, *, red_below_zero: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if amount is None else rupiah(amount))
    item.setTextAlignment(RIGHT)
    if red_below_zero and amount is not None and amount < 0:
        item.setForeground(QBrush(RED))
    return item


def read_only_table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table


# ---- one order's payout taken apart ---------------------------------------------------------------------------------
def breakdown(records: Sequence[po.SettlementRecord]) -> list[tuple[str, str, int]]:
    """(group, platform name, amount) summed over the records, in the statement's order: goods, shipping, fees,
    taxes; then each adjustment by its type."""
    totals: dict[tuple[str, str], int] = {}
    for rec in records:
        for a in rec.amounts:
            if a.group in fin.SETTLED_GROUPS:
                totals[(a.group, a.name)] = totals.get((a.group, a.name), 0) + a.amount
    rank = {g: i for i, g in enumerate(fin.SETTLED_GROUPS)}
    out = [(g, n, v) for (g, n), v in sorted(totals.items(), key=lambda kv: (rank[kv[0][0]], kv[0][1])) if v]
    for rec in records:
        adjusted = rec.settlement_amount if rec.kind not in ("ORDER", "RESERVE") else rec.adjustment_amount
        if adjusted:
            out.append(("adjustment", rec.kind, adjusted))
    return out


class PayoutDetail(QWidget):
    """An order's payout: what the buyer paid, every amount under its platform name, net (settled or estimated),
    expected, difference and why, cost and margin."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        self.table = read_only_table([self.tr("Item"), self.tr("Amount")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        layout.addWidget(self.table, 1)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.why)
        self.show_payout(None, [])

    def show_payout(self, p: po.OrderPayout | None, records: Sequence[po.SettlementRecord]) -> None:
        self.table.setRowCount(0)
        if p is None:
            self.title.setText(self.tr("Choose an order to see where its money went."))
            self.why.setText("")
            return
        status = words(STATUS_WORDS.get(p.status, p.status))
        head = self.tr("Order {0}").format(p.invoice or p.order_id)
        if p.invoice and p.invoice != p.order_id:
            head += f" ({p.order_id})"
        self.title.setText(f"<b>{_escape(head)}</b> — {_escape(status)}"
                           + (" — " + _escape(self.tr("statement {0}").format(", ".join(p.statements)))
                              if p.statements else ""))
        rows: list[tuple[str, int | None, bool]] = []  # (words, amount, bold)
        if p.known:
            rows.append((self.tr("Buyer paid"), p.buyer_paid, True))
        for group, name, amount in breakdown(records):
            if group == "adjustment":
                kind = ADJUSTMENT_WORDS.get(name)
                rows.append((self.tr("Adjustment: {0}").format(f"{words(kind)} ({name})" if kind else name), amount,
                             False))
            else:
                rows.append((f"{words(GROUP_WORDS[group])}: {fee_label(name)}", amount, False))
        if p.net is None:
            rows.append((self.tr("Net: nothing settled or estimated yet"), None, True))
        elif p.estimated:
            rows.append((self.tr("Net (estimated by the marketplace, not settled yet)"), p.net, True))
        else:
            rows.append((self.tr("Net settled"), p.net, True))
        if p.known:
            for name, fee in p.expected_fees.items():
                rows.append((self.tr("Fee rules: {0}").format(fee_label(name)), -fee, False))
            rows.append((self.tr("Expected net (order total less pass-through shipping and the fee rules)"),
                         p.expected_net, True))
        if p.difference is not None:
            rows.append((self.tr("Difference"), p.difference, True))
        if p.cost is not None:
            rows.append((self.tr("Cost of the goods"), -p.cost, False))
        if p.margin is not None:
            rows.append((self.tr("Margin"), p.margin, True))
        elif p.missing_costs:
            rows.append((self.tr("Margin: no cost price for {0}").format(", ".join(p.missing_costs)), None, False))
        self.table.setRowCount(len(rows))
        for i, (text, amount, bold) in enumerate(rows):
            label = QTableWidgetItem(text)
            label.setToolTip(text)
            cell = money_item(amount, red_below_zero=bold)
            if bold:
                font = label.font()
                font.setBold(True)
                label.setFont(font)
                cell.setFont(font)
            self.table.setItem(i, 0, label)
            self.table.setItem(i, 1, cell)
        self.table.resizeRowsToContents()
        why = why_text(p)
        self.why.setText(self.tr("Why it differs: {0}").format(why) if why else
                         (self.tr("As the fee rules expect.") if p.difference is not None else ""))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---- totals by week, the fees stacked -----------------------------------------------------------------------------
TOP_FEES = 4  # fee kinds drawn on their own; the rest stack as "Other fees"


def nice_step(span: int, ticks: int = 5) -> int:
    """A round rupiah step (1, 2 or 5 × 10^n) giving about `ticks` intervals over `span`."""
    raw = max(1, span // ticks)
    power = 1
    while power * 10 <= raw:
        power *= 10
    for m in (1, 2, 5, 10):
        if m * power >= raw:
            return m * power
    return 10 * power


def chart_sets(weeks: Sequence[po.WeekTotal], fee_order: Sequence[str]) -> list[tuple[str, list[int]]]:
    """(English label or fee name, one integer per week): goods, shipping, the largest fee kinds, other fees,
    adjustments; sets that are zero every week are left out."""
    top = [n for n in fee_order if any(w.fees.get(n) for w in weeks)][:TOP_FEES]
    sets: list[tuple[str, list[int]]] = [
        (QT_TRANSLATE_NOOP("Payouts", "Goods"), [w.revenue for w in weeks]),
        (QT_TRANSLATE_NOOP("Payouts", "Shipping"), [w.shipping for w in weeks]),
        *[(name, [w.fees.get(name, 0) for w in weeks]) for name in top],
        (QT_TRANSLATE_NOOP("Payouts", "Other fees"),
         [sum(v for n, v in w.fees.items() if n not in top) for w in weeks]),
        (QT_TRANSLATE_NOOP("Payouts", "Adjustments"), [w.adjustments for w in weeks]),
    ]
    return [(label, values) for label, values in sets if any(values)]
