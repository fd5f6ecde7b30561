"""The queue's actions: one place builds their buttons, and every action takes its orders from
`selected_order_ids()` at the moment of the click (never from an older list), runs as a `Fulfilment` batch in the
channel's lane, and shows per-order results.

A mixin of `OrdersTab` (it uses the tab's context, banner, model and selection); split out of orders_tab.py so a
new action is one entry in `_action_specs` plus its slot here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton

from tokodesk.marketplace.base import OrderState
from tokodesk.store import models as m
from tokodesk.ui import queries as q
from tokodesk.ui.dispatch_plan import plan_button
from tokodesk.ui.messages import in_words
from tokodesk.ui.order_dialogs import CancelDialog, ResultsDialog
from tokodesk.ui.orders_model import state_label

log = logging.getLogger(__name__)
S = OrderState


class QueueActions:
    """Acknowledge, pack, print, ship, cancel, scan to pack: the queue's buttons and what they do."""

    def _action_specs(self) -> list[tuple[str, str, str, Callable[[], None]]]:
        """The queue's action buttons, left to right: (key, text, shortcut, slot). The one place to add an action:
        its enabling rule goes in orders_rules.py under the same key, and its slot reads `selected_order_ids()`."""
        return [
            ("ack", self.tr("Acknowledge"), "Ctrl+Shift+A", self.acknowledge),
            ("pack", self.tr("Pack"), "Ctrl+Shift+P", self.pack),
            ("label", self.tr("Print label"), "Ctrl+P", lambda: self.print_documents("label")),
            ("arrange", self.tr("Arrange shipment and print"), "Ctrl+Shift+L", self.arrange_and_print),
            ("ship", self.tr("Ship"), "Ctrl+Shift+S", self.ship),
            ("cancel", self.tr("Cancel order"), "Ctrl+Shift+X", self.cancel_orders),
            ("combine", self.tr("Combine"), "Ctrl+Shift+G", self.combine),
        ]

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        specs = self._action_specs()
        for key, text, shortcut, slot in specs:
            button = QPushButton(text)
            button.setShortcut(QKeySequence(shortcut))
            keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            button.setProperty("plain_tip", f"{text} ({keys})")
            button.setToolTip(f"{text} ({keys})")
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        # A push button with a menu: its arrow has room of its own (a tool button's arrow sat on the text).
        self.more = QPushButton(self.tr("Documents"))
        menu = QMenu(self.more)
        self.doc_actions = {
            "picklist": menu.addAction(self.tr("Print picklist"), lambda: self.print_documents("picklist")),
            "packing_list": menu.addAction(self.tr("Print packing list"), lambda: self.print_documents("packing_list")),
            "manifest": menu.addAction(self.tr("Print manifest"), lambda: self.print_documents("manifest")),
        }
        self.more.setMenu(menu)
        row.addWidget(self.more)
        row.addSpacing(12)
        row.addWidget(self.requests_button)
        row.addWidget(plan_button(self))
        row.addStretch(1)
        self.selection_label = QLabel()
        row.addWidget(self.selection_label)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the queue again from the database (F5)"))
        self.refresh_button.clicked.connect(self.reload)
        row.addWidget(self.refresh_button)
        return row

    def _channels_of(self, pks: Sequence[int]) -> dict[int | None, list[int]]:
        """The orders grouped by their channel (the "All shops" view mixes them), in the order given."""
        groups: dict[int | None, list[int]] = {}
        for pk in pks:
            row = self.model.row_of_pk_any(pk)
            groups.setdefault(row[q.R_CHANNEL] if row is not None else self.ctx.channel_id, []).append(pk)
        return groups

    def _run_action(self, kind: str, pks: Sequence[int], call: Callable[[Any, list], list], title: str) -> None:
        """Run a Fulfilment batch per channel, each in its channel's lane (one after the other); then show the
        per-order results of all of them at once and refresh those rows."""
        from tokodesk.services.fulfilment import Fulfilment

        pks = list(pks)
        factory = self.ctx.adapter_factory
        shown = self._detail_pk if self._detail_pk in pks else None
        groups = list(self._channels_of(pks).items())
        gathered: list = []

        def work_for(group: list[int]) -> Callable[[Any], list]:
            def work(jc: Any) -> list:
                orders = list(m.Order.select().where(m.Order.id.in_(group)))
                with Fulfilment(adapters=factory, progress=jc.progress, cancel=jc.cancelled) as fulfilment:
                    outcomes = call(fulfilment, orders)
                    if shown is not None and shown in group:
                        _follow_marketplace(fulfilment, shown)
                    return outcomes
            return work

        def next_group(outcomes: list | None = None) -> None:
            gathered.extend(outcomes or [])
            if not groups:
                done(gathered)
                return
            channel_id, group = groups.pop(0)
            self.ctx.jobs.submit(work_for(group), title=title, lane=self.ctx.lane(channel_id), on_result=next_group,
                                 on_error=failed)

        def failed(exc: BaseException, detail: str) -> None:
            self._show_error(exc, detail)
            self.refresh_rows(pks)

        def done(outcomes: list) -> None:
            self.last_outcomes = outcomes
            failed = [o for o in outcomes if not o.ok]
            if failed:
                self.results_dialog = ResultsDialog(title, outcomes, self)
                self.results_dialog.open()
                self.banner.show_error(
                    self.tr("{0}: {1} of {2} orders not done — {3}").format(
                        title, len(failed), len(outcomes), in_words(failed[0].error or "")
                    )
                )
            else:
                self.banner.clear()
                self.ctx.status_message(self.tr("{0}: 1 order done").format(title) if len(outcomes) == 1
                                        else self.tr("{0}: {1} orders done").format(title, len(outcomes)))
            self.refresh_rows(pks)
            self.ctx.announce("stock")
            if kind == "ack" and len(failed) < len(outcomes):
                # The marketplace sets the ship-by deadline and the booking code when it accepts: one status refresh
                # (a list read, not a read per order) brings them in, so To pack shows its deadlines at once.
                from tokodesk.ui.sync import start_sync

                for channel_id in self._channels_of(pks):
                    start_sync(self.ctx, "statuses", channel_id)

        next_group()

    @Slot()
    def acknowledge(self) -> None:
        self._run_action("ack", self.selected_pks(), lambda f, orders: f.acknowledge(orders), self.tr("Acknowledge"))

    @Slot()
    def pack(self) -> None:
        pks = self.selected_pks()
        self.video.packed(pks)  # Pack ends the packing video of the order filmed (issue 21)
        self._run_action("pack", pks, lambda f, orders: f.pack(orders), self.tr("Pack"))

    @Slot()
    def ship(self) -> None:
        from tokodesk.ui.ship_dialogs import ship_selection

        ship_selection(self)  # own-courier orders first ask for their AWBs (ui/ship_dialogs.py)

    @Slot()
    def arrange_and_print(self) -> None:
        from tokodesk.ui.ship_dialogs import arrange_selection

        arrange_selection(self)  # ship, wait for the tracking numbers, print (ui/ship_dialogs.py)

    @Slot()
    def combine(self) -> None:
        """One buyer's orders as one package (Tokopedia & Shop), through the outbox; the marketplace must offer it."""
        self._run_action("combine", self.selected_pks(), lambda f, orders: f.combine(orders), self.tr("Combine"))

    @Slot(str)
    def uncombine(self, package_id: str) -> None:
        """The detail pane's Uncombine link: the shown order's combined package becomes one parcel per order again
        (through the outbox). It names the orders that change before anything is sent."""
        pk = self._detail_pk
        if pk is None:
            return
        row = self.model.row_of_pk_any(pk)
        shown = (row[q.R_INVOICE] or row[q.R_ORDER_ID]) if row else str(pk)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Uncombine"),
                          self.tr("Ship the orders of package {0} (order {1} and the others in its parcel) as "
                                  "separate parcels again?").format(package_id, shown),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def call(fulfilment: Any, orders: list) -> list:
            from tokodesk.services.fulfilment import Refused
            from tokodesk.services.fulfilment.common import outcome

            try:
                return fulfilment.uncombine(m.Channel.get_by_id(orders[0].channel_id), package_id)
            except Refused as exc:
                return [outcome(o, False, str(exc), refused=True) for o in orders]

        def answered(button: Any) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                self._run_action("uncombine", [pk], call, self.tr("Uncombine"))

        box.buttonClicked.connect(answered)
        self.uncombine_box = box
        box.open()

    @Slot()
    def cancel_orders(self) -> None:
        """Ask the marketplace which reasons it accepts (a worker), then ask the user, then cancel."""
        from tokodesk.services.fulfilment import CancelChoice, Fulfilment

        rows = self.selected_rows()
        pks = [r[q.R_PK] for r in rows]
        if not pks:
            return
        names = [r[q.R_INVOICE] or r[q.R_ORDER_ID] for r in rows]
        factory = self.ctx.adapter_factory

        def reasons(_jc: Any) -> list:
            orders = list(m.Order.select().where(m.Order.id.in_(pks)))
            with Fulfilment(adapters=factory) as fulfilment:
                return fulfilment.common_cancel_reasons(orders)  # a mixed selection: what all of them allow

        def ask(found: list) -> None:
            if not found:
                self.banner.show_error(self.tr("The marketplace does not allow cancelling this order now."))
                return
            self.cancel_dialog = CancelDialog(found, names, self)

            def go() -> None:
                choice = CancelChoice(**self.cancel_dialog.choice())
                self._run_action("cancel", pks, lambda f, orders: f.cancel_orders(orders, choice), self.tr("Cancel"))

            self.cancel_dialog.accepted.connect(go)
            self.cancel_dialog.open()

        self.ctx.jobs.submit(reasons, title=self.tr("Reading the cancel reasons"),
                             lane=self.ctx.lane(rows[0][q.R_CHANNEL]), on_result=ask, on_error=self._show_error)

    @Slot()
    def scan_to_pack(self) -> None:
        from tokodesk.services.pack_scan import find_scan

        code = self.scan.text().strip()
        self.scan.clear()
        if not code:
            return
        channel_id = self.view_channel_id()
        self.video.scanned()  # the next scan ends the clip of the parcel before
        prepare = self.video.preparer()  # the order to film and its folder, checked in the worker (issue 21)

        def find(_jc: Any) -> tuple[Any, Any]:
            hit = find_scan(channel_id, code)
            filmed = hit is not None and not hit.needs_package and prepare is not None
            return hit, (prepare(hit.order_pk, code, hit.package_id) if filmed else None)

        def found(result: tuple[Any, Any]) -> None:
            hit, clip = result
            if hit is None:
                # Nothing stays selected: the previous order must not look like the one just scanned.
                self.select_pks([])
                self.banner.show_error(self.tr("No order with invoice, order ID, booking code, AWB or package "
                                               "“{0}”. Nothing is selected.").format(code))
                return
            pk = hit.order_pk
            if self.model.row_of_pk(pk) is None:  # hidden by the chip or the search: show everything
                self.search.blockSignals(True)
                self.search.clear()
                self.search.blockSignals(False)
                self._search_timer.stop()  # a pause still pending from typing must not re-filter after the scan
                self.chips["all"].setChecked(True)
                self.model.set_filter(chip="all", search="")
            self.select_pks(hit.order_pks or [pk])
            row = self.model.row_at(self.model.row_of_pk(pk)) if self.model.row_of_pk(pk) is not None else None
            if row is None:
                return
            if hit.needs_package:
                # The scan named the order, not one of its parcels: packing it now would mark a parcel the packer
                # may not hold. Nothing is packed nor filmed until a parcel's own label is scanned.
                self.banner.show_warning(self.tr(
                    "{0} ships in {1} packages still to pack: {2}. Scan the label of the parcel you are packing, "
                    "type its package ID, or press “Pack this parcel” beside it in the order's details. Nothing was "
                    "packed.").format(hit.invoice, len(hit.choose_from), ", ".join(
                        _package_names(hit.choose_from, hit.contents))))
                return
            self.act_on_scan(hit, clip, code, row)

        self.ctx.jobs.submit(find, title=self.tr("Finding the order"), on_result=found, on_error=self._show_error)

    @Slot(str)
    def pack_parcel(self, package_id: str) -> None:
        """The detail pane's "Pack this parcel": the seller chose that package of the order shown, so it goes the way
        its label's scan would (filmed, item check, packed), looked up again in the order's own shop."""
        from tokodesk.services.pack_scan import find_scan

        pk = self._detail_pk
        row = self.model.row_of_pk_any(pk) if pk is not None else None
        if row is None:
            return
        channel_id = row[q.R_CHANNEL]
        self.video.scanned()
        prepare = self.video.preparer()

        def find(_jc: Any) -> tuple[Any, Any]:
            hit = find_scan(channel_id, package_id)
            if hit is None or pk not in hit.order_pks:  # split or combined again since the pane was drawn
                return None, None
            return hit, (prepare(hit.order_pk, package_id, hit.package_id) if prepare is not None else None)

        def found(result: tuple[Any, Any]) -> None:
            hit, clip = result
            if hit is None:
                self.banner.show_warning(self.tr("Package {0} is no longer one of this order's: refresh the orders "
                                                 "and look again. Nothing was packed.").format(package_id))
                return
            self.banner.clear()
            self.act_on_scan(hit, clip, package_id)

        self.ctx.jobs.submit(find, title=self.tr("Finding the order"), on_result=found, on_error=self._show_error)

    def act_on_scan(self, hit: Any, clip: Any, code: str, row: tuple | None = None) -> None:
        """The parcel a scan (or the packer's choice) named: film it, then check its items or pack it."""
        pk = hit.order_pk
        row = row or self.model.row_of_pk_any(pk)
        if row is None:
            return
        self.video.order_found(clip, row[q.R_STATE])
        name = (self.tr("package {0} of {1}").format(hit.package_id, hit.invoice) if hit.packs_package
                else row[q.R_INVOICE] or code)
        if hit.packs_package and row[q.R_STATE] == S.ACKNOWLEDGED.value and hit.package_packed:
            self.banner.show_info(self.tr("{0} is already packed.").format(name))
        elif row[q.R_STATE] == S.ACKNOWLEDGED.value and self.pack_check_box.isChecked():
            from tokodesk.ui.pack_check import start_pack_check

            # each item scanned into the parcel first (issue 21.6)
            start_pack_check(self, pk, hit, row[q.R_CHANNEL])
        elif row[q.R_STATE] == S.ACKNOWLEDGED.value:
            # The scanned parcel itself, not whatever the selection holds by the time this runs.
            self._run_action("pack", hit.order_pks or [pk], pack_call(row[q.R_CHANNEL], hit),
                             self.tr("Pack"))
        elif row[q.R_STATE] in (S.PACKED.value, S.READY_TO_SHIP.value):
            self.banner.show_info(self.tr("{0} is already packed.").format(name))
        else:
            self.banner.show_warning(self.tr("{0} cannot be packed: it is {1}.").format(
                name, state_label(row[q.R_STATE])))

    def print_documents(self, kind: str) -> None:
        from tokodesk.ui.printing import open_print_dialog

        open_print_dialog(self, self.ctx, kind, self.selected_pks(), on_printed=self.refresh_rows,
                          on_marked=lambda result: self.model.set_notes(result.notes))


def pack_call(channel_id: int, hit: Any) -> Callable[[Any, list], list]:
    """What packing a scan's hit does: the one package scanned (a parcel of a split order, or a combined parcel),
    else the order as always."""
    if hit is not None and hit.packs_package:
        package_id = hit.package_id
        return lambda f, orders: f.pack_package(channel_id, package_id, orders)
    return lambda f, orders: f.pack(orders)


def _package_names(packages: Sequence[Any], contents: dict[str, str]) -> list[str]:
    """Each package as the packer can tell it: its id, tracking number and, where known, what it holds."""
    names = []
    for p in packages:
        name = (QCoreApplication.translate("OrdersTab", "{0} (tracking number {1})").format(
            p.package_id, p.tracking_number) if p.tracking_number else p.package_id)
        names.append(f"{name}: {contents[p.package_id]}" if contents.get(p.package_id) else name)
    return names


def _follow_marketplace(fulfilment: Any, pk: int) -> None:
    """In the action's worker: read back the order the detail pane shows, so it says the marketplace's new status.

    The action itself only moves TokoDesk's state; the marketplace's status text would otherwise stay as the last
    sync read it. One read for the order on screen, not one per order of a 200-order batch (rate limits).
    """
    from tokodesk.marketplace.base import MarketplaceError
    from tokodesk.services.orders import MalformedOrder, apply_remote_order

    order = m.Order.get_or_none(m.Order.id == pk)
    if order is None:
        return
    channel = m.Channel.get_by_id(order.channel_id)
    try:
        remote = fulfilment.adapter(channel).get_order(order_id=order.order_id)
        apply_remote_order(channel, remote, who=fulfilment.who)  # our own action explains the change
    except (MarketplaceError, MalformedOrder) as exc:  # the action is done; the status catches up at the next sync
        log.info("reading back order %s after the action failed: %s", order.order_id, exc)
