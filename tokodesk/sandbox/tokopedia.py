"""The Tokopedia FS Open API dialect of the sandbox (research/tokopedia-api.md is the reference, not the client).

Served on one base URL: `POST /token?grant_type=client_credentials` (the accounts host) and the FS API paths.
Error codes and their wording follow Tokopedia's published error-code table. Choices the research leaves open:
- validation and business errors answer 400; "Data Not Found" (ORD_API_008) also answers 400, with the
  server-error wording as Tokopedia sends it; injected faults answer 500 (envelope) or 502 (HTML from the gateway);
- 401 and 429 bodies use the standard envelope without an error_code;
- the token endpoint answers OAuth-style `{error, error_description}` on failure, and asking again while a token
  is still valid returns that same token with its remaining lifetime (Tokopedia issues a new one only after expiry);
- an empty page is `data: null` (Go's nil slice), as the research says clients must accept;
- a path fs_id or a shop_id the app is not linked to answers 403 RBAC_MDLW_001;
- NACK with reason_code 8 (buyer's request) needs a pending buyer cancellation request (ORD_USC_019);
- the product list by shop_id shows parents and their variant children (each a product of its own).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import secrets
import threading
import time
from datetime import datetime
from typing import Any

from tokodesk.sandbox import tokopedia_json as tj
from tokodesk.sandbox.faults import Quota
from tokodesk.sandbox.server import Dialect, DialectContext, Endpoint, Response
from tokodesk.sandbox.shop import ShopError
from tokodesk.sandbox.tiktokshop_returns import ReturnBook
from tokodesk.sandbox.tokopedia_catalog import CatalogRoutes
from tokodesk.sandbox.tokopedia_orders import MALFORMED, OK, PRODUCTS_PER_PAGE, SERVER, OrderRoutes, Reject
from tokodesk.sandbox.tokopedia_returns import TicketRoutes

FS = r"(?P<fs>[^/]+)"
OID = r"(?P<oid>[^/]+)"
ROUTES: list[tuple[str, re.Pattern[str], str, bool]] = [
    (m, re.compile(p + r"/?$"), name, mut)
    for m, p, name, mut in [
        ("POST", r"/token", "token", False),
        ("GET", rf"/v1/shop/fs/{FS}/shop-info", "shop_info", False),
        ("GET", rf"/inventory/v1/fs/{FS}/product/info", "product_info", False),
        ("GET", r"/v2/order/list", "order_list", False),
        ("GET", rf"/v2/fs/{FS}/order", "order_detail", False),
        ("POST", rf"/v1/order/{OID}/fs/{FS}/ack", "ack", True),
        ("POST", rf"/v1/order/{OID}/fs/{FS}/nack", "nack", True),
        ("POST", rf"/v1/order/{OID}/fs/{FS}/status", "confirm_shipping", True),
        ("POST", rf"/v1/order/{OID}/fs/{FS}/reject-cancel", "reject_cancel", True),
        ("GET", rf"/v1/order/{OID}/fs/{FS}/shipping-label", "shipping_label", False),
        ("POST", rf"/inventory/v1/fs/{FS}/pick-up", "pickup", True),
        ("GET", rf"/v1/fs/{FS}/fulfillment_order", "fulfillment_order", False),
        ("POST", rf"/inventory/v1/fs/{FS}/stock/update", "stock_update", True),
        ("POST", rf"/inventory/v1/fs/{FS}/price/update", "price_update", True),
        ("POST", rf"/v1/products/fs/{FS}/active", "set_active", True),
        ("POST", rf"/v1/products/fs/{FS}/inactive", "set_inactive", True),
        ("GET", rf"/resolution/v1/fs/{FS}/ticket", "resolution_tickets", False),
    ]
]

BULK = {"stock_update", "price_update", "set_active", "set_inactive"}


def _seeded_hex(seed: int, label: str, length: int) -> str:
    return hashlib.sha256(f"tokodesk-sandbox:{seed}:{label}".encode()).hexdigest()[:length]


class TokopediaDialect(TicketRoutes, OrderRoutes, CatalogRoutes, Dialect):
    name = "tokopedia"

    def __init__(self, context: DialectContext) -> None:
        super().__init__(context)
        self.fs_id = 10_000 + int(_seeded_hex(context.seed, "fs_id", 8), 16) % 90_000
        self.client_id = _seeded_hex(context.seed, "client_id", 32)
        self.client_secret = _seeded_hex(context.seed, "client_secret", 32)
        self._tokens: dict[str, float] = {}  # access token -> expiry (shop clock)
        self._token_lock = threading.Lock()
        self._errors_served = 0
        self.returns_book = ReturnBook(context.shop, context.seed)

    # ---- contract --------------------------------------------------------------------------------------
    def credentials(self) -> dict[str, Any]:
        shop = self.ctx.shop
        return {"fs_id": self.fs_id, "client_id": self.client_id, "client_secret": self.client_secret,
                "shop_id": shop.shop_id, "warehouse_id": shop.warehouse_id}

    def expire_tokens(self) -> None:
        with self._token_lock:
            now = self.ctx.clock.now()
            for token in self._tokens:
                self._tokens[token] = min(self._tokens[token], now - 1)

    def endpoint(self, method: str, path: str) -> Endpoint | None:
        match = self._route(method, path)
        return Endpoint(match[0], match[1]) if match else None

    def server_error(self, endpoint: Endpoint) -> Response:
        # Every third injected failure comes from the gateway as HTML: clients must not assume a JSON body.
        with self._token_lock:
            self._errors_served += 1
            from_gateway = self._errors_served % 3 == 0 or endpoint.name == "token"
        if from_gateway:
            page = b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"
            return Response(502, page, "text/html", self.ctx.limiter.headers(self._peek(endpoint.name)))
        prefix = {"product_info": "PRD", "stock_update": "PRD", "price_update": "PRD", "set_active": "PRD",
                  "set_inactive": "PRD", "pickup": "LGS", "confirm_shipping": "LGS"}
        code = f"{prefix.get(endpoint.name, 'ORD')}_API_006"
        reject = Reject(500, code, "There Are Error From Ext Service", server=True)
        return self._envelope_error(reject, self._peek(endpoint.name))

    def handle(self, method: str, path: str, query: dict[str, str], headers: Any, body: bytes) -> Response:
        started = time.perf_counter()
        route = self._route(method, path)
        if route is None:
            return Response.json(404, {"header": {"process_time": 0, "messages": "Not Found",
                                                  "reason": f"no route for {method} {path}"}, "data": None},
                                 self.ctx.limiter.headers(self._peek("unknown")))
        name, _mutation, params = route
        if name == "token":
            return self._token(query, headers, body)
        quota: Quota | None = None
        try:
            self._authorize(headers)
            if name not in BULK:  # bulk rows are weighed one by one inside the handler
                quota = self._take(name, 1)
            handler = getattr(self, f"_{name}")
            result = handler(params, query, body)
            if isinstance(result, tuple):  # (data, quota) from a bulk endpoint
                data, quota = result
            else:
                data = result
        except Reject as reject:
            return self._envelope_error(reject, quota or self._peek(name), started)
        if isinstance(data, Response):
            data.headers.update(self.ctx.limiter.headers(quota))
            return data
        header = {"process_time": round(time.perf_counter() - started, 6), "messages": OK}
        return Response.json(200, {"header": header, "data": data}, self.ctx.limiter.headers(quota))

    # ---- plumbing --------------------------------------------------------------------------------------
    @staticmethod
    def _route(method: str, path: str) -> tuple[str, bool, dict[str, str]] | None:
        for m, pattern, name, mutation in ROUTES:
            match = pattern.match(path)
            if match and m == method:
                return name, mutation, match.groupdict()
        return None

    def _peek(self, name: str) -> Quota:
        return self.ctx.limiter.take(name, 0)  # the headers of an answer that spent nothing

    def _take(self, name: str, n: int) -> Quota:
        quota = self.ctx.limiter.take(name, n)
        if quota.granted == 0 and n > 0:
            raise Reject(429, None, "Too Many Requests")
        return quota

    def _envelope_error(self, reject: Reject, quota: Quota | None, started: float | None = None) -> Response:
        messages = {401: "Unauthorized", 429: "Too Many Requests"}.get(
            reject.status, SERVER if reject.server else MALFORMED)
        header: dict[str, Any] = {
            "process_time": round(time.perf_counter() - started, 6) if started else 0,
            "messages": messages, "reason": reject.reason,
        }
        if reject.code:
            header["error_code"] = reject.code
        headers = self.ctx.limiter.headers(quota) if quota else {}
        return Response.json(reject.status, {"header": header, "data": None}, headers)

    def _token(self, query: dict[str, str], headers: Any, body: bytes) -> Response:
        quota = self.ctx.limiter.take("token", 1)
        rl = self.ctx.limiter.headers(quota)
        if quota.granted == 0:
            return Response.json(429, {"error": "too_many_requests", "error_description": "rate limited"}, rl)
        grant = query.get("grant_type")
        if grant is None and body:
            form = dict(p.split("=", 1) for p in body.decode(errors="replace").split("&") if "=" in p)
            grant = form.get("grant_type")
        if grant != "client_credentials":
            return Response.json(400, {"error": "unsupported_grant_type",
                                       "error_description": "grant_type must be client_credentials"}, rl)
        auth = headers.get("Authorization") or ""
        client_id = secret = None
        if auth[:6].lower() == "basic ":
            try:
                client_id, _, secret = base64.b64decode(auth[6:].strip(), validate=True).decode().partition(":")
            except (binascii.Error, UnicodeDecodeError):
                client_id = None
        if not (client_id and secrets.compare_digest(client_id, self.client_id)
                and secrets.compare_digest(secret or "", self.client_secret)):
            return Response.json(401, {"error": "invalid_client",
                                       "error_description": "client authentication failed"}, rl)
        now = self.ctx.clock.now()
        with self._token_lock:
            live = [(exp, tok) for tok, exp in self._tokens.items() if exp > now]
            if live:
                expiry, token = max(live)
            else:
                token = secrets.token_urlsafe(32)
                expiry = now + self.ctx.token_lifetime
                self._tokens[token] = expiry
        return Response.json(200, {"access_token": token, "expires_in": int(expiry - now), "token_type": "Bearer"},
                             rl)

    def _authorize(self, headers: Any) -> None:
        auth = headers.get("Authorization") or ""
        token = auth[7:].strip() if auth[:7].lower() == "bearer " else ""
        with self._token_lock:
            expiry = self._tokens.get(token)
        if expiry is None or expiry <= self.ctx.clock.now():
            raise Reject(401, None, "invalid or expired access token")

    def _fs(self, raw: str | None, prefix: str) -> None:
        if not raw:
            raise Reject(400, f"{prefix}_DLV_001", "fs_id cannot be empty")
        if not raw.isdigit():
            raise Reject(400, f"{prefix}_DLV_002", "invalid fs_id format")
        if int(raw) != self.fs_id:
            raise Reject(403, "RBAC_MDLW_001", "fs_id is not linked to this app")

    def _shop(self, raw: str | None, code_bad: str) -> None:
        if raw is None or raw == "":
            return
        if not raw.isdigit():
            raise Reject(400, code_bad, "invalid shop_id format")
        if int(raw) != self.ctx.shop.shop_id:
            raise Reject(403, "RBAC_MDLW_001", "shop is not linked to this fs_id")

    def _warehouse(self, raw: str | None, code_bad: str) -> None:
        if raw is None or raw == "":
            return
        if not raw.isdigit():
            raise Reject(400, code_bad, "invalid warehouse_id format")
        if int(raw) != self.ctx.shop.warehouse_id:
            raise Reject(403, "RBAC_MDLW_001", "warehouse is not linked to this fs_id")

    @staticmethod
    def _int(raw: str | None, empty: tuple[str, str] | None, bad: tuple[str, str], minimum: int | None = None,
             maximum: int | None = None) -> int | None:
        if raw is None or raw == "":
            if empty:
                raise Reject(400, *empty)
            return None
        try:
            value = int(raw)
        except ValueError:
            raise Reject(400, *bad) from None
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            raise Reject(400, *bad)
        return value

    @staticmethod
    def _json(body: bytes, code: str) -> Any:
        try:
            return json.loads(body or b"null")
        except (ValueError, UnicodeDecodeError):
            raise Reject(400, code, "wrong json format") from None

    def _order_id(self, raw: str, code: str = "ORD_DLV_005") -> int:
        if not raw.isdigit():
            raise Reject(400, code, "invalid order_id format.")
        return int(raw)

    def _order(self, order_id: int):
        try:
            return self.ctx.shop.get_order(order_id)
        except ShopError:
            raise Reject(400, "ORD_API_008", "Data Not Found", server=True) from None

    # ---- shop and products -----------------------------------------------------------------------------
    def _shop_info(self, params: dict, query: dict, body: bytes) -> list:
        self._fs(params["fs"], "ORD")
        self._shop(query.get("shop_id"), "ORD_DLV_006")
        shop = self.ctx.shop
        a = shop.address
        return [{
            "shop_id": shop.shop_id, "user_id": shop.shop_id + 1, "shop_name": shop.shop_name,
            "logo": f"https://images.tokopedia.net/img/seller/{shop.shop_id}.png",
            "shop_url": f"https://www.tokopedia.com/{shop.shop_domain}", "is_open": 1, "status": 1,
            "date_shop_created": datetime.fromtimestamp(shop.created - 400 * 86400).strftime("%Y-%m-%d"),
            "domain": shop.shop_domain, "admin_id": [shop.shop_id + 1], "reason": "", "district_id": a.district_id,
            "province_name": a.province,
            "warehouses": [{
                "warehouse_id": shop.warehouse_id, "partner_id": {"Int64": 0, "Valid": False},
                "shop_id": {"Int64": shop.shop_id, "Valid": True}, "warehouse_name": "Gudang Utama",
                "district_id": a.district_id, "district_name": a.district, "city_id": a.city_id,
                "city_name": a.city, "province_id": a.province_id, "province_name": a.province, "status": 1,
                "postal_code": a.postal_code, "is_default": 1, "latlon": a.geo, "latitude": a.geo.split(",")[0],
                "longitude": a.geo.split(",")[1], "email": "", "address_detail": a.street, "phone": "",
                "warehose_type": 1,
            }],
            "subscribe_tokocabang": False, "is_mitra": False,
        }]

    def _product_info(self, params: dict, query: dict, body: bytes) -> list | None:
        self._fs(params["fs"], "PRD")
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            if query.get("product_id"):
                ids = []
                for part in query["product_id"].split(","):
                    if not part.strip().isdigit():
                        raise Reject(400, "PRD_DLV_021", "invalid product_id format")
                    ids.append(int(part))
                found = [shop.products[i] for i in ids if i in shop.products]
            elif query.get("sku"):
                pid = shop.sku_index.get(query["sku"])
                found = [shop.products[pid]] if pid is not None else []
            elif query.get("product_url"):
                found = [p for p in shop.products.values() if tj.product_url(shop, p) == query["product_url"]]
            elif query.get("shop_id"):
                self._shop(query["shop_id"], "PRD_DLV_003")
                page = self._int(query.get("page"), ("PRD_DLV_005", "page cannot be empty when shop_id is filled"),
                                 ("PRD_DLV_006", "invalid page format"), minimum=1)
                per_page = self._int(query.get("per_page"),
                                     ("PRD_DLV_009", "per_page cannot be empty when shop_id is filled"),
                                     ("PRD_DLV_010", "invalid per_page format"))
                if not 1 <= per_page <= PRODUCTS_PER_PAGE:
                    raise Reject(400, "PRD_DLV_012",
                                 f"products to show must between 1-{PRODUCTS_PER_PAGE} items per page")
                sort = self._int(query.get("sort"), None, ("PRD_DLV_007", "invalid sort format")) or 1
                if not 1 <= sort <= 10:
                    raise Reject(400, "PRD_DLV_008", "sort must between 1 to 10")
                ordered = self._sorted_products(sort)
                found = ordered[(page - 1) * per_page: page * per_page]
            else:
                raise Reject(400, "PRD_DLV_004", "parameter cannot be empty")
            if not found:
                return None
            return [tj.product(shop, p, shop.warehouse_id) for p in found]

    def _sorted_products(self, sort: int) -> list:
        shop = self.ctx.shop
        products = [shop.products[i] for i in shop.product_ids]
        keys = {
            2: (lambda p: p.updated, True), 3: (lambda p: p.sold, True), 4: (lambda p: p.sold, False),
            5: (lambda p: p.price, True), 6: (lambda p: p.price, False), 7: (lambda p: p.name.lower(), False),
            8: (lambda p: p.name.lower(), True), 9: (lambda p: shop.product_stock(p.product_id), False),
            10: (lambda p: shop.product_stock(p.product_id), True),
        }
        if sort in keys:
            key, reverse = keys[sort]
            products.sort(key=key, reverse=reverse)  # stable: ties keep the listing order
        return products
