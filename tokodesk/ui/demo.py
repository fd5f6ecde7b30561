"""`tokodesk --demo`: a throwaway data folder, an in-process sandbox shop with orders flowing in, a channel on it.

The demo's secrets go to an in-memory keyring that dies with the process: trying the app must not leave sandbox
credentials in the seller's real keyring.
"""

from __future__ import annotations

import logging
from typing import Any

import keyring
import keyring.backend
import keyring.errors
from PySide6.QtCore import QObject, Signal

from tokodesk.ui.context import AppContext

log = logging.getLogger(__name__)

DEMO_SETTLE_AFTER_S = 12 * 3600



class DemoKeyring(keyring.backend.KeyringBackend):
    """Process memory only; used by the demo, never by a real channel."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self._store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._store.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


class DemoShop(QObject):
    ready = Signal()
    failed = Signal(str)

    def __init__(self, ctx: AppContext, dialect: str = "tiktokshop") -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.dialect = dialect
        self.sandbox: Any = None

    def start(self) -> None:
        keyring.set_keyring(DemoKeyring())
        self.ctx.jobs.submit(self._setup, title=self.tr("Starting the demo shop"),
                             on_result=self._started, on_error=lambda exc, _d: self.failed.emit(str(exc)))

    def _setup(self, _jc: Any) -> dict:
        from tokodesk import credentials
        from tokodesk.sandbox import Sandbox
        from tokodesk.store import models as m

        sandbox = Sandbox(seed=7, products=40, orders=120, days=3, dialect=self.dialect,
                          new_orders_per_hour=60, buyer_cancels_per_hour=2).start()
        self.sandbox = sandbox
        creds = dict(sandbox.credentials)
        name = "Demo shop"
        fields: dict[str, Any] = {"name": name, "marketplace": self.dialect, "api_base": sandbox.url,
                                  "auth_url": sandbox.url, "orders_every_min": 1, "statuses_every_min": 3,
                                  "inventory_every_min": 5, "shop_name": "Toko Demo"}
        if self.dialect == "tokopedia":
            fields.update(fs_id=str(creds["fs_id"]), client_id=creds["client_id"], shop_id=str(creds["shop_id"]),
                          warehouse_id=str(creds.get("warehouse_id", "")))
            credentials.set_secret(name, "client_secret", creds["client_secret"])
        else:
            fields.update(app_key=creds["app_key"], service_id=str(creds["service_id"]),
                          shop_cipher=creds.get("shop_cipher", ""), shop_id=str(creds.get("shop_id", "")),
                          warehouse_id=str(creds.get("warehouse_id", "")))
            credentials.set_secret(name, "app_secret", creds["app_secret"])
        from tokodesk.services.channels import default_order_sync_from, new_channel_settings

        # The settings a channel added in the wizard starts with: on Tokopedia & Shop the marketplace's own shipping
        # document, as a seller's new channel would print (TokoDesk's label would carry the masked recipient).
        fields.update(new_channel_settings(self.dialect))
        caps = self.ctx.capabilities_for(self.dialect)
        if caps is not None:
            fields["order_sync_from"] = default_order_sync_from(caps)
        channel = m.Channel.create(**fields)
        if self.dialect == "tiktokshop":
            # What the seller does once in the wizard: open the consent link, paste the code back.
            from tokodesk.services.channels import adapter_for

            client = adapter_for(channel)
            try:
                client.authorize(sandbox.dialect.issue_auth_code())
            finally:
                client.close()
            # A split order and one buyer's two orders, as a real shop has them (packages, partly shipped, combine).
            sandbox.dialect.seed_package_examples()
            # Payouts: a real shop's order is settled about 3 days after delivery, so the demo's three days of orders
            # would have no statement yet; its shop settles half a day after delivery instead (Payouts tab).
            sandbox.dialect.finance.settle_after = DEMO_SETTLE_AFTER_S
        return {"url": sandbox.url, "channel_id": channel.id, "dialect": self.dialect}

    def _started(self, info: dict) -> None:
        self.ctx.demo_info = info
        self.ctx.channel_id = None
        self.ready.emit()

    def first_sync(self, window: Any) -> None:
        """Pull the demo shop's products and orders so the queue is not empty, then take the shop's stock as the
        starting count — the wizard's default choice, through the same service (`stock_adopt`), never a count
        written behind the seller's back."""
        from tokodesk.ui.sync import start_sync

        window.channel_tab.sync_now("skus")
        window.channel_tab.sync_now("orders")
        orders = start_sync(self.ctx, "orders")  # the job just queued: a kind is never queued twice
        if orders is not None:
            orders.result.connect(self._adopt_stock)

    def _adopt_stock(self, summary: Any) -> None:
        channel_id = (self.ctx.demo_info or {}).get("channel_id")
        if channel_id is None or getattr(summary, "status", "") != "ok":
            return  # without the open orders the count would come out low: the SKUs stay "not counted"

        def work(jc: Any) -> Any:
            from tokodesk.services import stock_adopt
            from tokodesk.store import models as m

            channel = m.Channel.get_by_id(channel_id)
            adapter = self.ctx.adapter(channel) if self.ctx.adapter_factory is not None else None
            return stock_adopt.adopt_marketplace_stock(channel, adapter, progress=jc.progress, cancel=jc.cancelled)

        self.ctx.jobs.submit(work, title=self.tr("Using the demo shop's stock as the starting count"),
                             lane=self.ctx.lane(channel_id), on_result=lambda _r: self.ctx.announce("stock"))

    def stop(self) -> None:
        if self.sandbox is not None:
            self.sandbox.stop()
            self.sandbox = None
