"""`TikTokShopClient`: the "Tokopedia & Shop" marketplace through the TikTok Shop Partner API (202309+).

Implements `base.Marketplace`; see the sibling modules for the parts (signing, auth, transport, orders, fulfilment,
cancellation, products). What differs from the Tokopedia FS adapter is declared in `CAPABILITIES`: no acknowledge
step, PDF labels, hand-over decided per warehouse, cancellation by reason name, stock per product.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import requests

from tokodesk import config, credentials
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace import http
from tokodesk.marketplace.base import (
    AuthError,
    CancelCheck,
    CancelReason,
    CancelRequest,
    Capabilities,
    CatalogRow,
    CatalogRowResult,
    CombinableGroup,
    HandoverChoice,
    InvalidOrder,
    Label,
    LabelFormat,
    MarketplaceError,
    Order,
    OrderState,
    OutcomeUnknown,
    PackageRef,
    Product,
    Progress,
    ReturnInfo,
    ShipmentInfo,
    ShipMethod,
    Shop,
    StockLevel,
    StockResult,
    StockRow,
    Warehouse,
)
from tokodesk.marketplace.clean import scrub
from tokodesk.marketplace.endpoints import check_endpoint
from tokodesk.marketplace.pacing import read_side_by_side
from tokodesk.marketplace.tiktokshop import (
    cancellation,
    catalog,
    fulfilment,
    order_search,
    packages,
    products,
    seller_skus,
)
from tokodesk.marketplace.tiktokshop import finance as finance_api
from tokodesk.marketplace.tiktokshop import returns as return_api
from tokodesk.marketplace.tiktokshop.auth import TokenKeeper, consent_url
from tokodesk.marketplace.tiktokshop.errors import NAME
from tokodesk.marketplace.tiktokshop.orders import parse_or_invalid, parse_order
from tokodesk.marketplace.tiktokshop.transport import Transport

log = logging.getLogger(__name__)

CAPABILITIES = Capabilities(
    marketplace="tiktokshop",
    display_name=NAME,
    has_acknowledge=False,
    label_format=LabelFormat.PDF,
    handover=HandoverChoice.PER_WAREHOUSE,
    cancel_by_reason_name=True,
    stock_per_product=True,
    stock_batch_max=products.UPDATE_SKUS_MAX,
    order_window_max=None,
    has_booking_code=False,
    label_after_ship=True,
    ship_batch_max=fulfilment.SHIP_BATCH_MAX,
    buyer_cancel_requests=True,
    open_orders_by_status=True,
    on_hold_is_buyer_window=True,
    # The documented seller reasons (cancellation.SELLER_REASONS) cover UNPAID, ON_HOLD and AWAITING_SHIPMENT; the
    # local packed / ready-to-ship states are still AWAITING_SHIPMENT on the marketplace.
    seller_cancel_states=frozenset({OrderState.AWAITING_PAYMENT, OrderState.ON_HOLD, OrderState.ACKNOWLEDGED,
                                    OrderState.PACKED, OrderState.READY_TO_SHIP}),
    tracking_at_ship=True,
    seller_ships_per_order=True,
    packages=True,
    catalog_fields=frozenset({"price", "active", "seller_sku"}),
    listing_per_product=True,
    price_batch_max=catalog.PRICE_SKUS_MAX,
    listing_batch_max=catalog.LISTING_MAX,
    returns_read=True,
    returns_decide=True,
    return_reject_photos=True,
    finance_read=True,
)

SHOPS = "/authorization/202309/shops"
WAREHOUSES = "/logistics/202309/warehouses"
ORDER_SEARCH = "/order/202309/orders/search"
ORDER_DETAIL = "/order/202309/orders"

LABEL_READERS = 8  # orders whose labels are fetched at once after a ship (the transport paces them)
DETAIL_BATCH = 50  # Get Order Detail: `ids` "Max count: 50" (OAS 202309; the 202507 reference says the same)
DETAIL_READERS = 4  # detail calls in flight at once: within the gate's burst of 5, so none waits for its slot
ORDER_PAGE_SIZE = 100  # Search Orders: page_size valid range [1-100] (OAS)
# Update times can drift outside a search window (research §3): each window reaches back this far, and the pull
# de-duplicates by order id.
WINDOW_OVERLAP = timedelta(minutes=10)
WINDOW_SPAN = timedelta(days=7)


# What each call is named in its errors (an answer lost or too large): words the window says in its language.
_W_AUTHORIZED_SHOPS = said(QT_TRANSLATE_NOOP("Marketplace", "authorized shops"))
_W_WAREHOUSES = said(QT_TRANSLATE_NOOP("Marketplace", "warehouses"))
_W_ORDER_SEARCH = said(QT_TRANSLATE_NOOP("Marketplace", "order search"))
_W_ORDER_DETAIL = said(QT_TRANSLATE_NOOP("Marketplace", "order detail"))


@dataclass
class AuthorizedShop:
    shop_id: str
    name: str
    region: str
    seller_type: str
    cipher: str
    code: str = ""


def _not_found(order_id: str) -> str:
    return said(QT_TRANSLATE_NOOP("Marketplace", "Order {order} was not found on Tokopedia & Shop."), order=order_id)


def _aware(dt: datetime) -> datetime:
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


class TikTokShopClient:
    capabilities = CAPABILITIES
    concurrent_reads = True  # list_orders may run for two windows at once (the transport paces every thread)

    def __init__(
        self,
        channel_name: str,
        app_key: str,
        service_id: str,
        shop_cipher: str,
        api_base: str = config.TIKTOKSHOP_API_BASE,
        auth_url: str = config.TIKTOKSHOP_AUTH_URL,
        *,
        app_secret: str | None = None,
        timeout: float = 30,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        preferred_warehouse: str = "",
        token_owner: str = "",
    ) -> None:
        if not app_key:
            raise AuthError(said(QT_TRANSLATE_NOOP("Marketplace", "The channel has no app key. Copy the App key from "
                                                   "the app's page in Partner Center.")))
        # Nothing is sent (no code exchange, no signed call) to an address that would carry a token in clear.
        check_endpoint(api_base, "the API address")
        check_endpoint(auth_url, "the sign-in (auth) address")
        self.channel_name = channel_name
        self.app_key = app_key
        self.service_id = service_id
        self.preferred_warehouse = preferred_warehouse
        self.sleep = sleep
        self._secret = app_secret
        self.session = session or http.Session()
        self._own_session = session is None
        # Channels of one consent share one set of tokens, kept under the first channel's name.
        self.tokens = TokenKeeper(
            token_owner or channel_name, app_key, self._app_secret, auth_url or config.TIKTOKSHOP_AUTH_URL,
            self.session, timeout=timeout, clock=clock,
        )
        self.api = Transport(
            app_key=app_key, app_secret=self._app_secret, api_base=api_base or config.TIKTOKSHOP_API_BASE,
            shop_cipher=shop_cipher, tokens=self.tokens, session=self.session, timeout=timeout, sleep=sleep,
            clock=clock,
        )
        self._sku_products: dict[str, str] = {}  # sku id -> TikTok product id, learnt from list_products

    @classmethod
    def from_channel(cls, channel: Any, **kwargs: Any) -> TikTokShopClient:
        """From a `store.models.Channel` row (no secrets there: the app secret comes from the keyring)."""
        return cls(
            channel.name,
            channel.app_key,
            channel.service_id,
            channel.shop_cipher,
            channel.api_base or config.TIKTOKSHOP_API_BASE,
            channel.auth_url or config.TIKTOKSHOP_AUTH_URL,
            preferred_warehouse=kwargs.pop("preferred_warehouse", getattr(channel, "warehouse_id", "") or ""),
            token_owner=kwargs.pop("token_owner", getattr(channel, "token_channel", "") or ""),
            **kwargs,
        )

    def _app_secret(self) -> str:
        if not self._secret:
            self._secret = credentials.get_secret(self.channel_name, "app_secret")
        if not self._secret:
            raise AuthError(said(QT_TRANSLATE_NOOP(
                "Marketplace", "No app secret is stored for channel '{channel}'. Add it again with `tokodesk channel "
                "add {channel} --marketplace tiktokshop ... --app-secret-stdin`."), channel=self.channel_name))
        return self._secret

    @property
    def shop_cipher(self) -> str:
        return self.api.shop_cipher

    def use_shop(self, cipher: str) -> None:
        self.api.shop_cipher = cipher

    # -- authorization ------------------------------------------------------------------------------------------
    def consent_url(self, state: str | None = None) -> str:
        # Off the production auth host (the sandbox, a staging host) the consent page lives on that host too.
        if self.tokens.auth_url.rstrip("/") == config.TIKTOKSHOP_AUTH_URL:
            return consent_url(self.service_id, state)
        return consent_url(self.service_id, state, f"{self.tokens.auth_url}/open/authorize")

    def authorize(self, code_or_url: str) -> list[AuthorizedShop]:
        """Exchange the pasted code / redirect URL for tokens (stored in the keyring); return the shops it covers."""
        self.tokens.exchange_code(code_or_url)
        return self.authorized_shops()

    def authorized_shops(self) -> list[AuthorizedShop]:
        data = self.api.call("GET", SHOPS, shop=False, what=_W_AUTHORIZED_SHOPS)
        return [
            AuthorizedShop(
                shop_id=str(s.get("id") or ""),
                name=str(s.get("name") or ""),
                region=str(s.get("region") or ""),
                seller_type=str(s.get("seller_type") or ""),
                cipher=str(s.get("cipher") or ""),
                code=str(s.get("code") or ""),
            )
            for s in data.get("shops") or []
            if isinstance(s, dict)
        ]

    # -- shop ---------------------------------------------------------------------------------------------------
    def warehouses(self) -> list[Warehouse]:
        data = self.api.call("GET", WAREHOUSES, what=_W_WAREHOUSES)
        out = []
        for w in data.get("warehouses") or []:
            if not isinstance(w, dict) or str(w.get("type") or "SALES_WAREHOUSE") != "SALES_WAREHOUSE":
                continue
            if str(w.get("effect_status") or "ENABLED") == "DISABLED":
                continue
            out.append(
                Warehouse(
                    warehouse_id=str(w.get("id") or ""),
                    name=str(w.get("name") or ""),
                    is_default=bool(w.get("is_default")),
                    collection_method=str(w.get("collection_method") or w.get("handover_method") or ""),
                )
            )
        return out

    def shop_info(self) -> Shop:
        shops = self.authorized_shops()
        if not self.shop_cipher:
            if len(shops) != 1:
                raise AuthError(said(QT_TRANSLATE_NOOP(
                    "Marketplace", "The authorization covers {shops} shops; pick one for channel '{channel}'."),
                    shops=len(shops), channel=self.channel_name))
            self.use_shop(shops[0].cipher)
        match = next((s for s in shops if s.cipher == self.shop_cipher), None)
        if match is None:
            raise AuthError(said(QT_TRANSLATE_NOOP(
                "Marketplace", "The authorization no longer covers the shop chosen for channel '{channel}'. Authorize "
                "again and pick the shop."), channel=self.channel_name))
        return scrub(Shop(shop_id=match.shop_id, name=match.name, region=match.region or "ID",
                          warehouses=self.warehouses()))

    # -- orders -------------------------------------------------------------------------------------------------
    def _search_page(self, body: dict, page_token: str | None) -> dict:
        query = {"page_size": ORDER_PAGE_SIZE, "page_token": page_token, "sort_field": "update_time",
                 "sort_order": "ASC"}
        return self.api.call("POST", ORDER_SEARCH, query=query, body=body, what=_W_ORDER_SEARCH)

    def list_orders(
        self,
        start: datetime,
        end: datetime,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
    ) -> Iterator[list[Order | InvalidOrder]]:
        """Orders updated in [start, end), by update-time windows that overlap, each order once; each window read as
        a few slices side by side (`order_search`), handed on in time order."""
        return order_search.search_orders(self._search_page, _aware(start), _aware(end), span=WINDOW_SPAN,
                                          overlap=WINDOW_OVERLAP, progress=progress, cancel=cancel)

    def list_open_orders(
        self, before: datetime, cancel: CancelCheck | None = None
    ) -> Iterator[list[Order | InvalidOrder]]:
        """Orders still open and last updated before `before`, one status at a time (`order_search.open_orders`)."""
        return order_search.open_orders(self._search_page, _aware(before), cancel=cancel)

    def order_details(self, order_ids: Sequence[str]) -> list[dict]:
        """Raw order details in the order asked, DETAIL_BATCH ids a call, DETAIL_READERS calls side by side (each
        paced by the transport's gate, which also waits out and repeats one refused for the rate limit). A call
        refused otherwise ends the whole read with its error, nothing returned, as one after another did: the calls
        still waiting their turn then are never sent."""
        ids = [str(i) for i in dict.fromkeys(order_ids)]
        chunks = [ids[i : i + DETAIL_BATCH] for i in range(0, len(ids), DETAIL_BATCH)]
        pages = read_side_by_side(self._detail_page, chunks, DETAIL_READERS, thread_name="tokodesk-details")
        return [raw for page in pages for raw in page]

    def _detail_page(self, ids: list[str]) -> list[dict]:
        data = self.api.call("GET", ORDER_DETAIL, query={"ids": ids}, what=_W_ORDER_DETAIL)
        return [o for o in data.get("orders") or [] if isinstance(o, dict)]

    def _raw_order(self, order_id: str) -> dict:
        for raw in self.order_details([order_id]):
            if str(raw.get("id")) == str(order_id):
                return raw
        raise MarketplaceError(_not_found(order_id))

    def get_order(self, order_id: str | None = None, invoice: str | None = None) -> Order:
        wanted = order_id or invoice  # the order id is the invoice number here
        if not wanted:
            raise ValueError("give an order id or an invoice number")
        return parse_order(self._raw_order(str(wanted)))

    def get_orders(self, order_ids: Sequence[str]) -> list[Order]:
        out = []
        for raw in self.order_details(order_ids):
            parsed = parse_or_invalid(raw)
            if isinstance(parsed, InvalidOrder):
                log.warning("order %s could not be read: %s", parsed.order_id, parsed.reason)
                continue
            out.append(parsed)
        return out

    # -- acknowledge / cancel -----------------------------------------------------------------------------------
    def acknowledge(self, order_id: str) -> None:
        raise MarketplaceError(said(QT_TRANSLATE_NOOP(
            "Marketplace", "Tokopedia & Shop has no acknowledge step: paid orders are shipped straight from "
            "'Awaiting shipment' (order {order})."), order=order_id))

    def cancel_reasons(self, order: Order) -> list[CancelReason]:
        return cancellation.seller_reasons(order.marketplace_status)

    def reject(self, order: Order, request: CancelRequest) -> None:
        raw = self._raw_order(order.order_id)
        status = str(raw.get("status") or "")
        if status in ("CANCELLED", "CANCEL"):
            return  # already cancelled (by the buyer, Seller Center, or a lost answer): the intent holds
        try:
            cancellation.seller_cancel(self.api, order.order_id, status, request.reason.code)
        except OutcomeUnknown:
            if self._status_now(order.order_id) in ("CANCELLED", "CANCEL"):
                return
            raise

    def cancellation_requests(self, order_ids: Sequence[str] = (), pending_only: bool = True):  # noqa: ANN201
        statuses = (cancellation.PENDING,) if pending_only else ()
        return cancellation.search_requests(self.api, order_ids=order_ids, statuses=statuses)

    def cancellation_reject_reasons(self, cancel_id: str) -> list[CancelReason]:
        return cancellation.reject_reasons(self.api, cancel_id)

    def approve_cancellation(self, cancel_id: str, idempotency_key: str | None = None) -> None:
        cancellation.approve_request(self.api, cancel_id, idempotency_key)

    def reject_cancellation(self, cancel_id: str, reason_name: str, comment: str = "",
                            idempotency_key: str | None = None) -> None:
        cancellation.reject_request(self.api, cancel_id, reason_name, comment, idempotency_key)

    # -- returns and refunds (base.Returns) -----------------------------------------------------------------------
    def returns(self, updated_from: datetime | None = None, updated_to: datetime | None = None,
                return_ids: Sequence[str] = ()) -> Iterator[list[ReturnInfo]]:
        return return_api.search(self.api, updated_from, updated_to, return_ids)

    def return_evidence(self, return_id: str) -> list[str]:
        return return_api.evidence(self.api, return_id)

    def return_reject_reasons(self, return_id: str) -> list[CancelReason]:
        return return_api.reject_reasons(self.api, return_id)

    def approve_return(self, return_id: str, decision: str, idempotency_key: str,
                       partial_amount: int | None = None) -> None:
        return_api.approve(self.api, return_id, decision, idempotency_key, partial_amount)

    def reject_return(self, return_id: str, decision: str, reason_name: str, comment: str,
                      idempotency_key: str, images: Sequence[dict] = ()) -> None:
        return_api.reject(self.api, return_id, decision, reason_name, comment, idempotency_key, images)

    def upload_return_photo(self, data: bytes, name: str, mime_type: str) -> str:
        return return_api.upload_image(self.api, data, name, mime_type)

    def calculate_refund(self, order_id: str, skus: Sequence[tuple[str, int]]) -> int:
        return return_api.calculate_refund(self.api, order_id, skus)

    # -- finance (marketplace.finance.Finance) -------------------------------------------------------------------
    def statements(self, since: datetime | None = None, until: datetime | None = None) -> Iterator[list]:
        return finance_api.statements(self.api, since, until)

    def statement_transactions(self, statement_id: str) -> Iterator[list]:
        return finance_api.statement_transactions(self.api, statement_id)

    def order_settlement(self, order_id: str) -> Any:
        return finance_api.order_settlement(self.api, order_id)

    def unsettled(self, since: datetime | None = None, until: datetime | None = None) -> Iterator[list]:
        return finance_api.unsettled(self.api, since, until)

    def withdrawals(self, since: datetime | None = None, until: datetime | None = None) -> Iterator[list]:
        return finance_api.withdrawals(self.api, since, until)

    # -- shipping -----------------------------------------------------------------------------------------------
    def _status_now(self, order_id: str) -> str | None:
        try:
            return str(self._raw_order(order_id).get("status") or "")
        except MarketplaceError:
            return None

    def ship(self, order: Order, method: ShipMethod, awb: str | None = None) -> ShipmentInfo:
        """Ship the order's packages still waiting, by the ids the marketplace gives now (not the stored ones: a
        package combined or split in Seller Center since has new ids). The order read back afterwards comes with
        the answer."""
        if order.marketplace_status == "ON_HOLD":
            fulfilment.check_shippable({"id": order.order_id, "status": "ON_HOLD"})
        raw = self._raw_order(order.order_id)
        reread = lambda: self._raw_order(order.order_id)  # noqa: E731
        try:
            return fulfilment.ship_package(self.api, raw, method, awb, reread)
        except OutcomeUnknown:
            again = self._raw_order(order.order_id)
            if str(again.get("status") or "") in fulfilment.ALREADY_HANDED_OVER:
                return fulfilment.read_back(again)  # reports, does not ship again
            raise

    def ship_many(
        self, orders: Sequence[Order], method: ShipMethod, awbs: dict[str, str] | None = None
    ) -> dict[str, ShipmentInfo | MarketplaceError]:
        """Batch Ship Package; one result per order id (a ShipmentInfo, or the error for that order).

        Every waiting package of each order is sent once, even when a combined package serves several of the
        orders. Requests: one detail read per 50 orders before, one batch call per 50 packages, one detail read per
        50 after (tracking numbers, the status to store, and what settles a lost batch answer). A split order's
        packages are not batched: they go one after the other, and a refusal stops the rest (never half of it).
        """
        awbs = awbs or {}
        results: dict[str, ShipmentInfo | MarketplaceError] = {}
        raws = {str(r.get("id")): r for r in self.order_details([o.order_id for o in orders])}
        entries: list[tuple[str, str, dict]] = []
        mine: dict[str, list[str]] = {}  # order id -> its packages this batch ships
        split: list[str] = []  # orders with several packages waiting: each shipped in turn, stopping at a refusal
        bodies: dict[str, dict] = {}
        for order in orders:
            raw = raws.get(order.order_id)
            if raw is None:
                results[order.order_id] = MarketplaceError(_not_found(order.order_id))
                continue
            if str(raw.get("status") or "") in fulfilment.ALREADY_HANDED_OVER:
                results[order.order_id] = fulfilment.read_back(raw)  # Seller Center or a lost answer: never again
                continue
            try:
                fulfilment.check_shippable(raw)
                body = fulfilment.ship_body(raw, method, awbs.get(order.order_id))
                waiting = fulfilment.packages_to_ship(self.api, raw)
            except MarketplaceError as exc:
                results[order.order_id] = exc
                continue
            mine[order.order_id], bodies[order.order_id] = waiting, body
            if len(waiting) > 1:
                split.append(order.order_id)  # sent in turn below: never half of it in one batch
                continue
            sent = {package_id for _, package_id, _ in entries}
            entries.extend((order.order_id, package_id, body) for package_id in waiting if package_id not in sent)
        outcome = fulfilment.ship_packages(self.api, entries)
        for order_id in split:
            batched = {package_id for _, package_id, _ in entries}
            todo = [p for p in mine[order_id] if p not in batched and p not in outcome]
            outcome.update(fulfilment.send_in_turn(self.api, todo, bodies[order_id], method, order_id))
        for order_id, package_id, body in entries:
            err = outcome.get(package_id)
            if isinstance(err, MarketplaceError) and not isinstance(err, OutcomeUnknown) and not body \
                    and err.error_code in fulfilment.SLOT_CODES:
                # This warehouse wants a hand-over slot: the single call reads the slots and sends one.
                try:
                    fulfilment._send_ship(self.api, package_id, body, method, order_id)
                    outcome[package_id] = None
                except MarketplaceError as exc:
                    outcome[package_id] = exc
        after: dict[str, dict] = {}
        if mine:
            try:
                after = {str(r.get("id")): r for r in self.order_details(list(mine))}
            except MarketplaceError as exc:
                log.warning("reading %d orders after a batch ship failed: %s", len(mine), exc)
        for order_id, waiting in mine.items():
            errs = [outcome.get(p) for p in waiting]
            raw = after.get(order_id)
            handed = raw is not None and str(raw.get("status") or "") in fulfilment.ALREADY_HANDED_OVER
            refused = [e for e in errs if _refused(e) and e.error_code not in fulfilment.ALREADY_SHIPPED]
            lost = [e for e in errs if isinstance(e, OutcomeUnknown)]
            if refused:
                results[order_id] = refused[0]
            elif lost and not handed:
                results[order_id] = lost[0]
            elif raw is not None:
                results[order_id] = fulfilment.read_back(raw, bodies[order_id])
            else:
                info = fulfilment.read_back(raws[order_id], bodies[order_id])
                info.marketplace_status, info.order = "AWAITING_COLLECTION", None
                results[order_id] = info
        return results

    # -- packages: combine and uncombine ----------------------------------------------------------------------
    def combinable_packages(self) -> list[CombinableGroup]:
        return packages.combinable_packages(self.api)

    def combine_packages(self, group: CombinableGroup) -> list[PackageRef]:
        return packages.combine(self.api, group)

    def uncombine_package(self, package_id: str, order_ids: Sequence[str] = ()) -> list[PackageRef]:
        return packages.uncombine(self.api, package_id, order_ids)

    def handover_slots(self, package_id: str) -> fulfilment.HandoverSlots:
        return fulfilment.handover_slots(self.api, package_id)

    def package_info(self, package_id: str) -> fulfilment.PackageInfo:
        return fulfilment.package_info(self.api, package_id)

    def tracking(self, order_id: str) -> list[fulfilment.TrackingEvent]:
        return fulfilment.tracking(self.api, order_id)

    def shipping_label(self, order: Order, mark_printed: bool = False) -> Label:
        # `mark_printed` has no counterpart here: the API keeps no printed flag. The packages are read now: one
        # combined or split in Seller Center has new ids, and each package has its own label.
        return fulfilment.order_label(self.api, self._raw_order(order.order_id), self.sleep)

    def shipping_labels(self, orders: Sequence[Order]) -> dict[str, Label | MarketplaceError]:
        """The labels of many orders right after they were shipped (base.KeptLabels): their details read 50 ids a
        request, then each order's label documents fetched and downloaded LABEL_READERS at a time (paced by the
        transport to the rate limit)."""
        ids = list(dict.fromkeys(str(o.order_id) for o in orders))
        try:
            raws = {str(r.get("id")): r for r in self.order_details(ids)}
        except MarketplaceError as exc:
            return {order_id: exc for order_id in ids}

        def one(order_id: str) -> Label | MarketplaceError:
            raw = raws.get(order_id)
            if raw is None:
                return MarketplaceError(_not_found(order_id))
            try:
                return fulfilment.order_label(self.api, raw, self.sleep)
            except MarketplaceError as exc:
                return exc

        with ThreadPoolExecutor(LABEL_READERS, thread_name_prefix="tokodesk-labels") as pool:
            return dict(zip(ids, pool.map(one, ids), strict=True))

    def booking_code(self, order_id: str) -> str | None:
        return None  # no booking codes: the label's tracking number is what the courier scans

    # -- products and stock -------------------------------------------------------------------------------------
    def list_products(self, progress: Progress | None = None, cancel: CancelCheck | None = None) -> Iterator[Product]:
        for product in products.search_products(self.api, progress, cancel):
            if product.parent_id:
                self._sku_products[product.sku_id] = product.parent_id
            yield product

    def update_stock(self, rows: Sequence[StockRow], cancel: CancelCheck | None = None) -> StockResult:
        return products.update_stock(
            self.api, rows, preferred_warehouse=self.preferred_warehouse, known_products=self._sku_products.get,
            cancel=cancel,
        )

    def update_prices(self, rows: Sequence[CatalogRow], cancel: CancelCheck | None = None) -> list[CatalogRowResult]:
        return catalog.update_prices(self.api, rows, cancel)

    def set_listings(self, rows: Sequence[CatalogRow], cancel: CancelCheck | None = None) -> list[CatalogRowResult]:
        return catalog.set_listings(self.api, rows, cancel)

    def read_catalog(self, rows: Sequence[CatalogRow]) -> list[Product]:
        return catalog.read_catalog(self.api, rows)

    def set_seller_skus(self, rows: Sequence[CatalogRow], cancel: CancelCheck | None = None
                        ) -> list[CatalogRowResult]:
        return seller_skus.set_seller_skus(self.api, rows, cancel)

    def read_stock(self, product_ids: Sequence[str]) -> list[StockLevel]:
        return products.read_stock(self.api, product_ids, self.preferred_warehouse)

    def close(self) -> None:
        self.tokens.flush()  # renewed tokens the keyring refused earlier: one more try before they are dropped
        if self._own_session:
            self.session.close()


def _refused(err: MarketplaceError | None) -> bool:
    return err is not None and not isinstance(err, OutcomeUnknown)
