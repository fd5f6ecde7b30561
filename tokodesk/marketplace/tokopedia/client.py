"""The Tokopedia FS Open API client: `Marketplace` for the seed's API (research file tokopedia-api.md).

Transport concerns (token, envelope, pacing, retries) live in `transport.py`; JSON shapes in `parsing.py`.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timezone
from typing import Any

import requests

from tokodesk import config
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace.base import (
    AuthError,
    CancelCheck,
    CancelReason,
    CancelRequest,
    Capabilities,
    CatalogRow,
    CatalogRowResult,
    HandoverChoice,
    InvalidOrder,
    Label,
    LabelFormat,
    MarketplaceError,
    NotReachable,
    Order,
    Product,
    Progress,
    ReturnInfo,
    ShipmentInfo,
    ShipMethod,
    Shop,
    StockLevel,
    StockResult,
    StockRow,
)
from tokodesk.marketplace.clean import clean_text
from tokodesk.marketplace.pacing import read_side_by_side
from tokodesk.marketplace.tokopedia import catalog, parsing
from tokodesk.marketplace.tokopedia import returns as tickets
from tokodesk.marketplace.tokopedia.reasons import nack_body, reasons_for
from tokodesk.marketplace.tokopedia.stock import push_stock
from tokodesk.marketplace.tokopedia.transport import Transport
from tokodesk.marketplace.tokopedia.windows import MAX_WINDOW, windows_for

log = logging.getLogger(__name__)

CAPABILITIES = Capabilities(
    marketplace="tokopedia",
    display_name="Tokopedia",
    has_acknowledge=True,
    label_format=LabelFormat.HTML,
    handover=HandoverChoice.PER_ORDER,
    cancel_by_reason_name=False,
    stock_per_product=False,
    stock_batch_max=100,
    order_window_max=MAX_WINDOW,
    has_booking_code=True,
    catalog_fields=frozenset({"price", "active"}),
    # research/tokopedia-api.md "Other product endpoints": only the asynchronous full product edit (v2/v3) changes
    # `other.sku`; it re-sends the whole product and is polled for its result. TokoDesk does not use it.
    seller_sku_refusal=("the Tokopedia (legacy) API changes a SKU code only through its full product edit, which "
                        "re-sends the whole product; TokoDesk does not do that. Change the code in Seller Center, "
                        "then pull the SKUs ('tokodesk sync skus')"),
    price_batch_max=100,
    listing_batch_max=25,
    returns_read=True,  # resolution tickets, read-only: they are answered in Seller Center
)

PAGE_READERS = 4  # order-list pages in flight at once, per channel (paced to the rate limit by the transport)
# Single-order reads in flight at once (get_orders: the API reads one order a call), paced by the transport's gate;
# as many as a batch's senders (services/fulfilment/pool.py).
ORDER_READERS = 16
ORDER_PAGE = 100  # the TokoCabang doc's maximum; some integrators use 50 (see _order_page)
PRODUCT_PAGE = 50  # per_page max of product info
# The fulfilment list documents no maximum page size; a larger page would still come back in pages (cursor).
BOOKING_PAGE = 500
READ_STOCK_CHUNK = 50
PICKUP_AFTER_ACK_S = 5.0  # the spec asks to wait ~5 s after ACK before requesting pick-up
MIN_SPLIT_S = 3600  # ORD_API_009 ("too big, reduce the interval"): halve windows down to an hour

# Rate-limit keys: Tokopedia limits per endpoint, so ids in the path do not make a new endpoint.
E_ORDERS = "GET /v2/order/list"
E_ORDER = "GET /v2/fs/{fs_id}/order"
E_ACK = "POST /v1/order/{order_id}/fs/{fs_id}/ack"
E_NACK = "POST /v1/order/{order_id}/fs/{fs_id}/nack"
E_STATUS = "POST /v1/order/{order_id}/fs/{fs_id}/status"
E_PICKUP = "POST /inventory/v1/fs/{fs_id}/pick-up"
E_LABEL = "GET /v1/order/{order_id}/fs/{fs_id}/shipping-label"
E_BOOKING = "GET /v1/fs/{fs_id}/fulfillment_order"
E_PRODUCTS = "GET /inventory/v1/fs/{fs_id}/product/info"
E_SHOP = "GET /v1/shop/fs/{fs_id}/shop-info"


def _repeated_page(start: int, end: int, page: int) -> InvalidOrder:
    first, last = (config.wib(datetime.fromtimestamp(t, timezone.utc)) for t in (start, end))
    reason = said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia sent page {page} of the orders created {first} – {last} "
                                    "with nothing new (a repeated page): the pull of that window stopped there and "
                                    "reads it again next time"), page=page, first=first, last=last)
    log.warning(reason)
    return InvalidOrder(order_id="", reason=reason)


def _drop(ahead: deque) -> None:
    """Forget the pages read ahead: not yet sent ones are never sent; answers in flight are ignored."""
    for _page, future in ahead:
        future.cancel()
    ahead.clear()


def _numeric_id(value: str, what: str) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise ValueError(said(QT_TRANSLATE_NOOP("Marketplace", "{what} must be a number, not {value!r}"), what=what,
                              value=value)) from None


# What each read is called in an error (an answer too large to read): words the window can say in its language.
_ORDER_ID = QT_TRANSLATE_NOOP("Marketplace", "Order ID")
_SHOP_ID = QT_TRANSLATE_NOOP("Marketplace", "Shop ID")
_READ_SHOP = said(QT_TRANSLATE_NOOP("Marketplace", "read shop info"))
_READ_PRODUCTS = said(QT_TRANSLATE_NOOP("Marketplace", "read products"))
_READ_ORDERS = said(QT_TRANSLATE_NOOP("Marketplace", "read orders"))
_READ_BOOKING_CODES = said(QT_TRANSLATE_NOOP("Marketplace", "read the booking codes of the shop's orders"))


class TokopediaClient:
    """One Tokopedia FS channel. Not thread-safe: use it from one worker lane at a time (DESIGN.md §2)."""

    capabilities = CAPABILITIES
    concurrent_reads = True  # list_orders may run for two windows at once (the transport is thread-safe)

    def __init__(
        self,
        channel_name: str,
        fs_id: str | int,
        client_id: str,
        shop_id: str | int,
        api_base: str,
        auth_url: str,
        *,
        client_secret: str | None = None,
        timeout: float = 20,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.channel_name = channel_name
        self.fs_id = parsing.ident(fs_id)
        self.shop_id = parsing.ident(shop_id)
        if not self.fs_id:
            raise ValueError("The FS ID (App ID) of the channel is empty: copy it from the Tokopedia Developer "
                             "Console.")
        self.http = Transport(
            channel_name,
            client_id,
            client_secret,
            api_base or config.TOKOPEDIA_API_BASE,
            auth_url or config.TOKOPEDIA_AUTH_URL,
            timeout=timeout,
            session=session,
            sleep=sleep,
            clock=clock,
        )
        self._order_page = ORDER_PAGE
        self._acked_at: dict[str, float] = {}

    @classmethod
    def from_channel(cls, channel: Any, **kwargs: Any) -> TokopediaClient:
        """From a store `Channel` row; the secret comes from the keyring unless given."""
        return cls(
            channel.name,
            channel.fs_id,
            channel.client_id,
            channel.shop_id,
            channel.api_base or config.TOKOPEDIA_API_BASE,
            channel.auth_url or config.TOKOPEDIA_AUTH_URL,
            **kwargs,
        )

    def _call(self, method: str, path: str, endpoint: str, action: str, **kwargs: Any) -> Any:
        return self.http.call(method, path, endpoint=endpoint, action=action, **kwargs)

    # -- shop and products -----------------------------------------------------------------------------------

    def shop_info(self) -> Shop:
        params = {"shop_id": self.shop_id} if self.shop_id else None
        data = self._call("GET", f"/v1/shop/fs/{self.fs_id}/shop-info", E_SHOP, _READ_SHOP, params=params)
        shops = [parsing.shop(s) for s in (data if isinstance(data, list) else [data] if data else [])]
        for shop in shops:
            if not self.shop_id or shop.shop_id == self.shop_id:
                return shop
        linked = ", ".join(s.shop_id for s in shops) or QT_TRANSLATE_NOOP("Marketplace", "none")
        raise AuthError(
            said(QT_TRANSLATE_NOOP("Marketplace", "Shop {shop} is not linked to your FS ID / app {fs_id}: check the "
                                   "shop ID of the channel (the linked shops are: {linked})."),
                 shop=self.shop_id, fs_id=self.fs_id, linked=linked),
            "",
            None,
        )

    def _product_page(self, params: dict) -> list:
        data = self._call("GET", f"/inventory/v1/fs/{self.fs_id}/product/info", E_PRODUCTS, _READ_PRODUCTS,
                          params=params)
        if data is None:
            return []
        if not isinstance(data, list):
            raise MarketplaceError(said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia sent the product list in an "
                                                          "unexpected form")), "", 200)
        return data

    def list_products(self, progress: Progress | None = None, cancel: CancelCheck | None = None) -> Iterator[Product]:
        parent_of: dict[str, str] = {}
        held: dict[str, Product] = {}  # variant children seen before their parent
        seen: set[str] = set()
        page = count = 0
        while True:
            if cancel is not None and cancel():
                return
            page += 1
            data = self._product_page({"shop_id": self.shop_id, "page": page, "per_page": PRODUCT_PAGE})
            if not data:
                break
            fresh = False
            for raw in data:
                try:
                    item = parsing.product(raw)
                except (parsing.BadData, TypeError, ValueError) as exc:
                    log.warning("skipping an unreadable Tokopedia product on page %d: %s", page, exc)
                    continue
                if item.product_id in seen:
                    continue
                seen.add(item.product_id)
                fresh = True
                count += 1
                if item.is_parent:
                    children = parsing.children_of(raw)
                    parent_of.update((c, item.product_id) for c in children)
                    yield item
                    for child_id in children:
                        if child_id in held:
                            child = held.pop(child_id)
                            child.parent_id = item.product_id
                            yield child
                elif item.product_id in parent_of:
                    item.parent_id = parent_of[item.product_id]
                    yield item
                elif parsing.is_variant_child(raw):
                    held[item.product_id] = item
                else:
                    yield item
            if progress is not None:
                progress(count, None, said(QT_TRANSLATE_NOOP("Progress", "Products: {count} read (page {page})"),
                                            count=count, page=page))
            if not fresh:  # a repeated page would keep the pull going forever
                log.warning("Tokopedia sent product page %d with nothing new; the product list stops there", page)
                break
        for orphan in held.values():
            log.warning("Tokopedia variant %s has no parent in the product list", orphan.product_id)
            yield orphan

    def read_stock(self, product_ids: Sequence[str]) -> list[StockLevel]:
        ids = list(dict.fromkeys(parsing.ident(p) for p in product_ids if parsing.ident(p)))
        levels: list[StockLevel] = []
        for i in range(0, len(ids), READ_STOCK_CHUNK):
            chunk = ids[i : i + READ_STOCK_CHUNK]
            for raw in self._product_page({"product_id": ",".join(chunk)}):
                try:
                    levels.append(parsing.stock_level(raw))
                except (parsing.BadData, TypeError, ValueError) as exc:
                    log.warning("skipping an unreadable Tokopedia stock record: %s", exc)
        return levels

    def update_prices(self, rows: Sequence[CatalogRow], cancel: CancelCheck | None = None) -> list[CatalogRowResult]:
        return catalog.update_prices(self.http, self.fs_id, self.shop_id, rows, cancel)

    def set_listings(self, rows: Sequence[CatalogRow], cancel: CancelCheck | None = None) -> list[CatalogRowResult]:
        return catalog.set_listings(self.http, self.fs_id, self.shop_id, rows, cancel)

    def read_catalog(self, rows: Sequence[CatalogRow]) -> list[Product]:
        ids = list(dict.fromkeys(parsing.ident(r.product_id) for r in rows if parsing.ident(r.product_id)))
        found: list[Product] = []
        for i in range(0, len(ids), READ_STOCK_CHUNK):
            for raw in self._product_page({"product_id": ",".join(ids[i : i + READ_STOCK_CHUNK])}):
                try:
                    found.append(parsing.product(raw))
                except (parsing.BadData, TypeError, ValueError) as exc:
                    log.warning("skipping an unreadable Tokopedia product record: %s", exc)
        return found

    def update_stock(self, rows: Sequence[StockRow], cancel: CancelCheck | None = None) -> StockResult:
        return push_stock(self.http, f"/inventory/v1/fs/{self.fs_id}/stock/update", self.shop_id, rows, cancel)

    # -- orders ----------------------------------------------------------------------------------------------

    def _orders_page(self, start: int, end: int, page: int) -> list:
        params = {"fs_id": self.fs_id, "from_date": start, "to_date": end, "page": page, "per_page": self._order_page}
        if self.shop_id:
            params["shop_id"] = self.shop_id
        try:
            data = self._call("GET", "/v2/order/list", E_ORDERS, _READ_ORDERS, params=params)
        except MarketplaceError as err:
            # per_page 100 comes from the TokoCabang doc only (UNCONFIRMED for other shops): fall back to 50 once.
            if err.error_code in {"ORD_DLV_016", "ORD_DLV_017"} and self._order_page > 50 and page == 1:
                log.info("Tokopedia refused per_page=%d; using 50", self._order_page)
                self._order_page = 50
                return self._orders_page(start, end, page)
            raise
        if data is None:
            return []
        if not isinstance(data, list):
            raise MarketplaceError(said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia sent the order list in an "
                                                          "unexpected form")), "", 200)
        return data

    def list_orders(
        self,
        start: datetime,
        end: datetime,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
    ) -> Iterator[list[Order | InvalidOrder]]:
        pending = windows_for(start, end)
        total = len(pending)
        done = fetched = 0
        seen: set[str] = set()  # to_date inclusive or not is UNCONFIRMED: windows touch, so drop a boundary repeat
        # Pages are read PAGE_READERS at a time (each waits on the network, not on this process), and handed on in
        # page order. Page 1 of a window goes alone: it may change the page size or split the window, and its
        # answer teaches the transport the rate limit the others are then paced to.
        with ThreadPoolExecutor(PAGE_READERS, thread_name_prefix="tokodesk-pages") as pool:
            ahead: deque[tuple[int, Future]] = deque()
            try:
                while pending:
                    window_start, window_end = pending.pop(0)
                    in_window: set[str] = set()
                    ahead.clear()
                    ahead.append((1, pool.submit(self._orders_page, window_start, window_end, 1)))
                    next_page = 2
                    while True:
                        if cancel is not None and cancel():
                            return
                        page, future = ahead.popleft()
                        try:
                            data = future.result()
                        except MarketplaceError as err:
                            if err.error_code == "ORD_API_009" and window_end - window_start > MIN_SPLIT_S:
                                middle = (window_start + window_end) // 2
                                pending[0:0] = [(window_start, middle), (middle, window_end)]
                                total += 1
                                log.info("Tokopedia says too many orders; splitting the window at %d", middle)
                                _drop(ahead)
                                break
                            raise
                        if not data:
                            done += 1
                            _drop(ahead)
                            break
                        # A full page: the next ones are likely full too, so keep readers busy; a short page is
                        # the last, and only the (empty) page after it is still asked for.
                        want = PAGE_READERS if len(data) >= self._order_page else 1
                        while len(ahead) < want:
                            ahead.append((next_page, pool.submit(self._orders_page, window_start, window_end,
                                                                 next_page)))
                            next_page += 1
                        batch: list[Order | InvalidOrder] = []
                        fresh = False
                        for raw in data:
                            item = parsing.parse_or_invalid(raw)
                            if item.order_id and item.order_id not in in_window:
                                fresh = True
                                in_window.add(item.order_id)
                            if item.order_id and item.order_id in seen:
                                continue
                            if item.order_id:
                                seen.add(item.order_id)
                            batch.append(item)
                        if not fresh:
                            # The pull pages until an empty page; a marketplace serving a page again would keep it
                            # going forever. The window counts as not fully read, so the next run reads it again.
                            done += 1
                            _drop(ahead)
                            yield [_repeated_page(window_start, window_end, page)]
                            break
                        fetched += len(batch)
                        if batch:
                            yield batch
                        if progress is not None:
                            progress(done, total, said(QT_TRANSLATE_NOOP(
                                "Progress", "Orders: {count} read (window {window} of {total}, page {page})"),
                                count=fetched, window=done + 1, total=total, page=page))
            finally:
                _drop(ahead)
        if progress is not None:
            progress(done, total, said(QT_TRANSLATE_NOOP("Progress", "Orders: {count} read"), count=fetched))

    def returns(self, updated_from: datetime | None = None, updated_to: datetime | None = None,
                return_ids: Sequence[str] = ()) -> Iterator[list[ReturnInfo]]:
        """The resolution tickets (base.Returns, read-only); `return_ids` filters what the date range lists."""
        for page in tickets.tickets(self._call, self.fs_id, self.shop_id, updated_from):
            yield [t for t in page if not return_ids or t.return_id in return_ids]

    def return_evidence(self, return_id: str) -> list[str]:
        return []  # the ticket list carries no buyer's photos

    def get_order(self, order_id: str | None = None, invoice: str | None = None) -> Order:
        if bool(order_id) == bool(invoice):
            raise ValueError("Give either an order ID or an invoice number, not both and not neither.")
        params = {"order_id": str(order_id)} if order_id else {"invoice_num": str(invoice)}
        action = said(QT_TRANSLATE_NOOP("Marketplace", "read order {order}"), order=order_id or invoice)
        data = self._call("GET", f"/v2/fs/{self.fs_id}/order", E_ORDER, action,
                          params=params)
        if isinstance(data, list):
            data = data[0] if data else None
        if not isinstance(data, dict):
            raise MarketplaceError(said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia has no order {order}"),
                                        order=order_id or invoice), "ORD_API_008", 200)
        item = parsing.parse_or_invalid(data, parsing.order_from_single)
        if isinstance(item, InvalidOrder):
            raise MarketplaceError(said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia sent order {order} in a form "
                                                          "TokoDesk cannot read: {reason}"),
                                        order=order_id or invoice, reason=item.reason), "", 200)
        return item

    def get_orders(self, order_ids: Sequence[str]) -> list[Order]:
        """One call per order (the API has no batch read), ORDER_READERS of them in flight at once, paced to the rate
        limit by the transport's gate. Until an answer has taught the gate the endpoint's quota, the first goes alone,
        so the others are paced instead of refused; once it knows (an earlier call of this client), they all go side
        by side: a round trip less per call, each status refresh or resume. An order Tokopedia no longer knows is
        left out (with a warning); any other error (auth, network, a refusal) is raised, and the reads not yet sent
        are then never sent."""
        ids = list(dict.fromkeys(str(i) for i in order_ids))
        found = read_side_by_side(self._known_order, ids, ORDER_READERS, first_alone=not self.http.gate.knows(E_ORDER),
                                  thread_name="tokodesk-orders")
        return [order for order in found if order is not None]

    def _known_order(self, order_id: str) -> Order | None:
        """The order, or None (logged) when Tokopedia no longer knows it."""
        try:
            return self.get_order(order_id=order_id)
        except MarketplaceError as err:
            if err.error_code != "ORD_API_008" or isinstance(err, (AuthError, NotReachable)):
                raise
            log.warning("Tokopedia has no order %s any more", order_id)
            return None

    def cancel_reasons(self, order: Order) -> list[CancelReason]:
        return reasons_for(order.state)

    # -- order actions (mutations: never retried on a lost answer) ---------------------------------------------

    def acknowledge(self, order_id: str) -> None:
        _numeric_id(order_id, _ORDER_ID)
        action = said(QT_TRANSLATE_NOOP("Marketplace", "accept order {order}"), order=order_id)
        self._call("POST", f"/v1/order/{order_id}/fs/{self.fs_id}/ack", E_ACK, action, idempotent=False)
        self._acked_at[str(order_id)] = self.http.clock()

    def reject(self, order: Order, request: CancelRequest) -> None:
        body = nack_body(request)  # raises InvalidCancelRequest before anything is sent
        self._call("POST", f"/v1/order/{order.order_id}/fs/{self.fs_id}/nack", E_NACK,
                   said(QT_TRANSLATE_NOOP("Marketplace", "reject order {order}"), order=order.order_id),
                   json_body=body, idempotent=False)

    def ship(self, order: Order, method: ShipMethod, awb: str | None = None) -> ShipmentInfo:
        method = ShipMethod(method)
        if method is ShipMethod.OWN_COURIER:
            number = (awb or "").strip()
            if not number:
                raise ValueError(said(QT_TRANSLATE_NOOP("Marketplace", "Type the AWB (resi number) of your own courier "
                                                        "before confirming the shipment.")))
            self._call("POST", f"/v1/order/{order.order_id}/fs/{self.fs_id}/status", E_STATUS,
                       said(QT_TRANSLATE_NOOP("Marketplace", "confirm shipping of order {order}"),
                            order=order.order_id),
                       json_body={"order_status": 500, "shipping_ref_num": number}, idempotent=False)
            return ShipmentInfo(order.order_id, booking_code=order.booking_code, awb=number, courier=order.courier,
                                marketplace_status="500")
        if method is ShipMethod.PICKUP:
            acked = self._acked_at.get(order.order_id)
            if acked is not None:
                wait = PICKUP_AFTER_ACK_S - (self.http.clock() - acked)
                if wait > 0:
                    self.http.sleep(wait)
            body = {"order_id": _numeric_id(order.order_id, _ORDER_ID),
                    "shop_id": _numeric_id(self.shop_id, _SHOP_ID)}
            self._call("POST", f"/inventory/v1/fs/{self.fs_id}/pick-up", E_PICKUP,
                       said(QT_TRANSLATE_NOOP("Marketplace", "request pick-up of order {order}"),
                            order=order.order_id), json_body=body, idempotent=False)
            return ShipmentInfo(order.order_id, booking_code=order.booking_code, awb=order.awb, courier=order.courier)
        # Drop-off: the courier's counter scans the booking code; Tokopedia needs no call for it.
        code = self.booking_code(order.order_id)
        if not code:
            raise MarketplaceError(
                said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia has not issued a booking code for order {order} yet, "
                                       "so the parcel cannot be dropped off. Try again in a few minutes, or request a "
                                       "pick-up."), order=order.order_id),
                "",
                None,
                retryable=True,
            )
        return ShipmentInfo(order.order_id, booking_code=code, awb=order.awb, courier=order.courier)

    def shipping_label(self, order: Order, mark_printed: bool = False) -> Label:
        # printed defaults to 1 on Tokopedia, which flags the order as printed in Seller Center: always say it.
        content = self._call("GET", f"/v1/order/{order.order_id}/fs/{self.fs_id}/shipping-label", E_LABEL,
                             said(QT_TRANSLATE_NOOP("Marketplace", "read the label of order {order}"),
                                  order=order.order_id),
                             params={"printed": 1 if mark_printed else 0}, html=True)
        if not isinstance(content, bytes) or not content.strip():
            raise MarketplaceError(said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia sent no label for order {order}"),
                                        order=order.order_id), "", 200)
        return Label(content=content, content_type="text/html", tracking_number=order.awb)

    def booking_code(self, order_id: str) -> str | None:
        data = self._call("GET", f"/v1/fs/{self.fs_id}/fulfillment_order", E_BOOKING,
                          said(QT_TRANSLATE_NOOP("Marketplace", "read the booking code of order {order}"),
                               order=order_id), params={"order_id": str(order_id)})
        entries = parsing.get(data, "order_data") or []
        for entry in entries:
            entry_id = parsing.ident(parsing.get(entry, "order", "order_id")) or parsing.ident(
                parsing.get(entry, "booking_data", "order_id"))
            if entry_id and entry_id != str(order_id):
                continue
            code = parsing.text(parsing.get(entry, "booking_data", "booking_code"))
            if code:
                return clean_text(code, what="a booking code")
        return None

    def booking_codes(self, order_ids: Sequence[str], *, after: str | None = None,
                      cancel: CancelCheck | None = None) -> dict[str, str | None]:
        """Booking codes of many orders from the shop's fulfilment list, a page of BOOKING_PAGE orders a call.

        The list runs by creation time with a cursor (`next_order_id`); `after` is the order created just before
        the oldest one wanted (None: from the start). The walk stops once every wanted order was seen. Returns the
        code (None: none issued yet) of every wanted order the list showed; an order it never showed is read on its
        own, so one missing from the list (another warehouse) still gets its code.
        """
        wanted = {str(i) for i in order_ids}
        found: dict[str, str | None] = {}
        if not wanted:
            return found
        if self.shop_id:
            cursor = after
            listed = wanted - {str(after)}  # the list starts after `after`: that order never shows in it
            while listed - found.keys():
                if cancel is not None and cancel():
                    return found
                params: dict[str, Any] = {"shop_id": self.shop_id, "per_page": BOOKING_PAGE}
                if cursor:
                    params["next_order_id"] = cursor
                data = self._call("GET", f"/v1/fs/{self.fs_id}/fulfillment_order", E_BOOKING,
                                  _READ_BOOKING_CODES, params=params)
                for entry in parsing.get(data, "order_data") or []:
                    entry_id = parsing.ident(parsing.get(entry, "order", "order_id")) or parsing.ident(
                        parsing.get(entry, "booking_data", "order_id"))
                    if entry_id in wanted:
                        found[entry_id] = parsing.text(parsing.get(entry, "booking_data", "booking_code")) or None
                following = parsing.ident(parsing.get(data, "next_order_id"))
                if not following or following == "0" or following == cursor:
                    break
                cursor = following
        unseen = sorted(wanted - found.keys())
        if not unseen or (cancel is not None and cancel()):
            return found

        def one(order_id: str) -> str | None:
            try:
                return self.booking_code(order_id)
            except MarketplaceError as exc:
                if exc.retryable or isinstance(exc, AuthError):
                    raise
                log.warning("booking code of order %s not available: %s", order_id, exc)
                return None

        # Orders the list did not show: one call each, PAGE_READERS at a time, paced by the transport's rate gate.
        with ThreadPoolExecutor(PAGE_READERS, thread_name_prefix="tokodesk-codes") as pool:
            for order_id, code in zip(unseen, pool.map(one, unseen), strict=True):
                found[order_id] = code
        return found

    def close(self) -> None:
        self.http.close()
