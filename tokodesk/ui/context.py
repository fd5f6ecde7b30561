"""What every tab shares: the job manager, the current channel, and "something changed" signals.

Tabs get this injected (Vorta's `profile_provider` idea) instead of reaching for globals; a service result that
changes orders or stock is announced here once and every tab that shows it reloads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from tokodesk.marketplace.base import Capabilities
from tokodesk.ui.workers import LOCAL_LANE, JobManager, channel_lane

log = logging.getLogger(__name__)


class AppContext(QObject):
    channels_changed = Signal()
    channel_selected = Signal(object)  # channel id or None
    orders_changed = Signal()
    catalog_changed = Signal()
    stock_changed = Signal()
    sync_runs_changed = Signal()
    payouts_changed = Signal()  # a payouts sync finished (the Payouts tab reads the store again)
    new_orders = Signal(int)  # how many arrived in a pull (tray notification)
    message = Signal(str)  # a short note for the status bar

    def __init__(self, jobs: JobManager | None = None, *, demo: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs or JobManager()
        self.demo = demo
        self.channel_id: int | None = None
        self.channels: dict[int, dict] = {}  # id -> the Channel row as a dict (settings only; no secrets exist there)
        self.demo_info: dict | None = None
        # How a worker gets the marketplace client of a channel; tests and the demo hand in their own.
        self.adapter_factory: Callable[[Any], Any] | None = None
        self._caps: dict[str, Capabilities | None] = {}

    def select_channel(self, channel_id: int | None) -> None:
        if channel_id != self.channel_id:
            self.channel_id = channel_id
            self.channel_selected.emit(channel_id)

    def lane(self, channel_id: int | None = None) -> str:
        cid = self.channel_id if channel_id is None else channel_id
        return LOCAL_LANE if cid is None else channel_lane(cid)

    def channel_settings(self, channel_id: int | None = None) -> dict:
        cid = self.channel_id if channel_id is None else channel_id
        return self.channels.get(cid, {}) if cid is not None else {}

    def capabilities(self, channel_id: int | None = None) -> Capabilities | None:
        """The adapter class's declared capabilities: no network, no keyring."""
        return self.capabilities_for(self.channel_settings(channel_id).get("marketplace"))

    def capabilities_for(self, marketplace: str | None) -> Capabilities | None:
        if not marketplace:
            return None
        if marketplace not in self._caps:
            self._caps[marketplace] = _class_capabilities(marketplace)
        return self._caps[marketplace]

    def adapter(self, channel: Any) -> Any:
        """In a worker: the marketplace client for `channel` (may read the keyring)."""
        if self.adapter_factory is not None:
            return self.adapter_factory(channel)
        from tokodesk.services.channels import adapter_for

        return adapter_for(channel)

    def announce(self, *kinds: str) -> None:
        """Tell the tabs what a finished job changed: orders, catalog, stock, sync_runs, channels."""
        for kind in kinds:
            getattr(self, f"{kind}_changed").emit()

    def status_message(self, text: str) -> None:
        self.message.emit(text)


def _class_capabilities(marketplace: str) -> Capabilities | None:
    try:
        from tokodesk.services.channels import adapter_factory

        factory = adapter_factory(marketplace)
    except Exception:  # the adapter is not there yet: the UI then asks nothing of it
        log.debug("no adapter class for %s yet", marketplace, exc_info=True)
        return None
    owner = getattr(factory, "__self__", None)
    caps = getattr(owner, "capabilities", None) or getattr(owner, "CAPABILITIES", None)
    return caps if isinstance(caps, Capabilities) else None
