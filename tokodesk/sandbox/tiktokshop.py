"""The TikTok Shop Partner API (202309+) dialect of the sandbox: "Tokopedia & Shop" served over loopback.

One base URL serves the auth host (`/api/v2/token/get|refresh`), a consent page (`/open/authorize`, which redirects
to `/sandbox/callback?code=...`), the signed API, and the label documents (`/sandbox/labels/...`).
Reference: research/tiktokshop-api.md. Choices where it leaves things open:
- business errors answer HTTP 200 with their code; a bad signature answers 401 (as captured in the wild);
  429 carries 36009002; injected faults answer 500 with 36009003;
- the request timestamp is checked against real time (the client's clock), not the shop clock, which tests move;
  token expiries are kept on the shop clock, so `Sandbox.advance()` or `expire_tokens()` ends a token mid-run,
  and are told to the client in real time (`*_expire_in` = real now + remaining lifetime);
- stock quantity 0 is accepted (the docs' 1..99,999 range is unconfirmed for 0);
- pick-up vs drop-off comes from the warehouse's collection method (PICKUP here); `handover_method` is ignored.

Options (attributes, set after construction): `on_hold_seconds` (buyer-remorse window, default 3600),
`unpaid_seconds` (how long the buyers who pay by transfer leave their order UNPAID, default 7200; tiktokshop_sla.py),
`label_generating_calls` (how many document requests per package answer 11034037 first, default 0),
`redirect_url` (where the consent page sends the code).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import threading
import time
from typing import Any
from urllib.parse import urlencode

from tokodesk.marketplace.tiktokshop.signing import sign_request
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.sandbox.server import Dialect, DialectContext, Endpoint, Response
from tokodesk.sandbox.shop import Status
from tokodesk.sandbox.tiktokshop_catalog import CatalogRoutes
from tokodesk.sandbox.tiktokshop_finance import FinanceBook, FinanceRoutes
from tokodesk.sandbox.tiktokshop_packages import PackageBook, order_number
from tokodesk.sandbox.tiktokshop_returns import ReturnBook, ReturnRoutes
from tokodesk.sandbox.tiktokshop_routes import ApiError, Routes

ID = r"(?P<id>[^/]+)"
ROUTES: list[tuple[str, re.Pattern[str], str, bool, str]] = [
    # method, path, endpoint name, mutation, kind: "open" (unsigned), "app" (signed, no shop), "shop"
    (m, re.compile(p + r"/?$"), name, mut, kind)
    for m, p, name, mut, kind in [
        ("GET", r"/api/v2/token/get", "token_get", False, "open"),
        ("GET", r"/api/v2/token/refresh", "token_refresh", False, "open"),
        ("GET", r"/open/authorize", "authorize_page", False, "open"),
        ("GET", r"/sandbox/callback", "callback", False, "open"),
        ("GET", rf"/sandbox/labels/{ID}\.pdf", "label_pdf", False, "open"),
        ("GET", r"/sandbox/photos/(?P<id>[A-Za-z0-9_./-]+)\.jpg", "photo", False, "open"),
        ("GET", r"/authorization/202309/shops", "shops", False, "app"),
        ("GET", r"/logistics/202309/warehouses", "warehouses", False, "shop"),
        ("POST", r"/order/202309/orders/search", "order_search", False, "shop"),
        ("GET", r"/order/202309/orders", "order_detail", False, "shop"),
        ("POST", r"/fulfillment/202309/packages/ship", "ship_batch", True, "shop"),
        ("GET", rf"/fulfillment/202309/packages/{ID}", "package", False, "shop"),
        ("POST", rf"/fulfillment/202309/packages/{ID}/ship", "ship", True, "shop"),
        ("GET", rf"/fulfillment/202309/packages/{ID}/handover_time_slots", "slots", False, "shop"),
        ("GET", rf"/fulfillment/202309/packages/{ID}/shipping_documents", "documents", False, "shop"),
        ("GET", rf"/fulfillment/202309/orders/{ID}/tracking", "tracking", False, "shop"),
        ("GET", r"/fulfillment/202309/combinable_packages/search", "combinable_search", False, "shop"),
        ("POST", r"/fulfillment/202309/packages/combine", "combine", True, "shop"),
        ("POST", rf"/fulfillment/202309/packages/{ID}/uncombine", "uncombine", True, "shop"),
        ("POST", r"/return_refund/202309/cancellations", "cancel", True, "shop"),
        ("POST", r"/return_refund/202309/cancellations/search", "cancel_search", False, "shop"),
        ("POST", rf"/return_refund/202309/cancellations/{ID}/approve", "cancel_approve", True, "shop"),
        ("POST", rf"/return_refund/202309/cancellations/{ID}/reject", "cancel_reject", True, "shop"),
        ("GET", r"/return_refund/202309/reject_reasons", "reject_reasons", False, "shop"),
        ("POST", r"/return_refund/202309/refunds/calculate", "refund_calculate", False, "shop"),
        ("POST", r"/return_refund/202309/returns/search", "return_search", False, "shop"),
        ("GET", rf"/return_refund/202309/returns/{ID}/records", "return_records", False, "shop"),
        ("POST", rf"/return_refund/202309/returns/{ID}/approve", "return_approve", True, "shop"),
        ("POST", rf"/return_refund/202309/returns/{ID}/reject", "return_reject", True, "shop"),
        ("POST", r"/product/202309/images/upload", "image_upload", True, "app"),
        ("POST", r"/product/202502/products/search", "product_search", False, "shop"),
        ("POST", r"/product/202309/inventory/search", "inventory_search", False, "shop"),
        ("POST", rf"/product/202309/products/{ID}/inventory/update", "inventory_update", True, "shop"),
        ("POST", rf"/product/202309/products/{ID}/prices/update", "prices_update", True, "shop"),
        ("POST", r"/product/202309/products/activate", "activate", True, "shop"),
        ("POST", r"/product/202309/products/deactivate", "deactivate", True, "shop"),
        ("GET", r"/finance/202309/statements", "finance_statements", False, "shop"),
        ("GET", rf"/finance/202501/statements/{ID}/statement_transactions", "finance_statement_transactions", False,
         "shop"),
        ("GET", rf"/finance/202501/orders/{ID}/statement_transactions", "finance_order_transactions", False, "shop"),
        ("GET", r"/finance/202507/orders/unsettled", "finance_unsettled", False, "shop"),
        ("GET", r"/finance/202309/withdrawals", "finance_withdrawals", False, "shop"),
        ("GET", rf"/product/202309/products/{ID}", "product_get", False, "shop"),
        ("POST", rf"/product/202309/products/{ID}/partial_edit", "partial_edit", True, "shop"),
    ]
]

AUTH_CODE_LIFETIME = 30 * 60
REFRESH_LIFETIME = 365 * 86400
TIMESTAMP_PAST = 300
TIMESTAMP_FUTURE = 30


def _form(content_type: str, body: bytes) -> dict:
    """A multipart/form-data body as {name: text}, a file part as {name: bytes, name_filename: its file name}."""
    from email.parser import BytesParser
    from email.policy import HTTP

    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    if not message.is_multipart():
        raise ValueError("not multipart")
    out: dict = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not name:
            continue
        content = part.get_payload(decode=True) or b""
        if part.get_filename() is not None:
            out[name], out[f"{name}_filename"] = content, part.get_filename()
        else:
            out[name] = content.decode("utf-8")
    return out


def _seeded_hex(seed: int, label: str, length: int) -> str:
    return hashlib.sha256(f"tokodesk-sandbox-tts:{seed}:{label}".encode()).hexdigest()[:length]


class TikTokShopDialect(ReturnRoutes, FinanceRoutes, Routes, CatalogRoutes, Dialect):
    name = "tiktokshop"
    # Called with (method, path, query, headers, body) for every API request (not the auth host, the consent page
    # or label downloads) before it is answered: the tests hold each request to the official OpenAPI description
    # this way (tests/oas_check.py, hooked in tests/conftest.py). Empty outside the tests.
    request_observers: list = []

    def __init__(self, context: DialectContext) -> None:
        super().__init__(context)
        seed = context.seed
        self.app_key = _seeded_hex(seed, "app_key", 13)
        self.app_secret = _seeded_hex(seed, "app_secret", 40)
        self.service_id = str(7_000_000_000_000_000_000 + int(_seeded_hex(seed, "service", 12), 16) % 10**15)
        self.shop_cipher = f"ROW_{_seeded_hex(seed, 'cipher', 24)}"
        # Shops besides the generated one that the seller picks on the consent page too (`offer_second_shop`).
        self.other_shops: list[dict[str, str]] = []
        self.open_id = str(7_010_000_000_000_000_000 + int(_seeded_hex(seed, "open_id", 12), 16) % 10**15)
        self.on_hold_seconds = 3600.0
        self.unpaid_seconds = 2 * 3600.0
        self.label_generating_calls = 0
        self.redirect_url = ""
        self._auth_codes: dict[str, float] = {}  # code -> expiry (single use)
        self._access: dict[str, float] = {}  # access token -> expiry
        self._refresh: dict[str, float] = {}  # refresh token -> expiry (rotated on use)
        self._tokens_lock = threading.RLock()
        self._request_seq = 0
        self._label_keys: dict[str, bytes] = {}
        self.document_calls: dict[str, int] = {}
        self.idempotent_answers: dict[str, dict] = {}
        self.seller_cancels: dict[str, dict] = {}
        self.book = PackageBook(context.shop)
        self.returns_book = ReturnBook(context.shop, seed)
        self.finance = FinanceBook(context.shop, seed, self.returns_book)
        self.combine_requests = 0

    # ---- contract --------------------------------------------------------------------------------------
    def credentials(self) -> dict[str, Any]:
        shop = self.ctx.shop
        return {"app_key": self.app_key, "app_secret": self.app_secret, "service_id": self.service_id,
                "shop_cipher": self.shop_cipher, "shop_id": str(shop.shop_id),
                "warehouse_id": str(shop.warehouse_id)}

    def issue_auth_code(self) -> str:
        """A fresh single-use authorization code, as the consent page hands out (tests)."""
        code = f"ROW_{secrets.token_urlsafe(24)}"
        with self._tokens_lock:
            self._auth_codes[code] = self.ctx.clock.now() + AUTH_CODE_LIFETIME
        return code

    def offer_second_shop(self, name: str = "Toko Cabang") -> dict[str, str]:
        """One consent covers two shops from now on, as when a seller ticks both on the consent page (the docs:
        one token may cover several shops, each with its own cipher). The second one is a sandbox stand-in: calls
        with its cipher are accepted and answered from the generated shop."""
        shop_id = str(self.ctx.shop.shop_id + 1)
        other = {"id": shop_id, "name": name, "region": "ID", "seller_type": "LOCAL",
                 "cipher": f"ROW_{_seeded_hex(self.ctx.seed, 'cipher-' + shop_id, 24)}", "code": f"IDLC{shop_id[-5:]}"}
        self.other_shops.append(other)
        return other

    def expire_tokens(self) -> None:
        now = self.ctx.clock.now()
        with self._tokens_lock:
            for token in self._access:
                self._access[token] = min(self._access[token], now - 1)

    def endpoint(self, method: str, path: str) -> Endpoint | None:
        route = self._route(method, path)
        return Endpoint(route[0], route[1]) if route else None

    def server_error(self, endpoint: Endpoint) -> Response:
        return self._error(500, 36009003, "Internal error. Please try again later.")

    # ---- dispatch --------------------------------------------------------------------------------------
    @staticmethod
    def _route(method: str, path: str) -> tuple[str, bool, str, dict[str, str]] | None:
        for m, pattern, name, mutation, kind in ROUTES:
            match = pattern.match(path)
            if match and m == method:
                return name, mutation, kind, match.groupdict()
        return None

    def _request_id(self) -> str:
        with self._tokens_lock:
            self._request_seq += 1
            return f"{time.strftime('%Y%m%d%H%M%S')}{self._request_seq:010d}SBX"

    def _ok(self, data: Any) -> Response:
        return Response.json(200, {"code": 0, "message": "Success", "request_id": self._request_id(),
                                   "data": data if data is not None else {}})

    def _error(self, status: int, code: int, message: str) -> Response:
        return Response.json(status, {"code": code, "message": message, "request_id": self._request_id(),
                                      "data": None})

    def handle(self, method: str, path: str, query: dict[str, str], headers: Any, body: bytes) -> Response:
        route = self._route(method, path)
        if route is None or route[2] != "open":
            for observe in self.request_observers:
                observe(method, path, query, headers, body)
        if route is None:
            return self._error(404, 36009009, f"Invalid path. No such API: {method} {path}")
        name, _mutation, kind, params = route
        if kind == "open":
            return getattr(self, f"_{name}")(params, query, headers)
        content_type = str(headers.get("content-type") or "")
        multipart = content_type.lower().startswith("multipart/form-data")
        try:  # a multipart body is not signed (the signing guide)
            self._check_request(path, query, headers, b"" if multipart else body, shop=kind == "shop")
        except ApiError as err:
            return self._error(err.status, err.code, err.message)
        if self.ctx.limiter.take(name, 1).granted == 0:
            return self._error(429, 36009002, "Too many requests. Please retry after a while.")
        try:
            payload = _form(content_type, body) if multipart else json.loads(body) if body else {}
            if not isinstance(payload, dict):
                raise ValueError
        except (ValueError, UnicodeDecodeError):
            return self._error(400, 36009022, "The request body must be a JSON object." if not multipart
                               else "The multipart/form-data body cannot be read.")
        try:
            data = getattr(self, f"_{name}")(params, query, payload, headers)
        except ApiError as err:
            return self._error(err.status, err.code, err.message)
        return self._ok(data)

    # ---- signature, timestamp, token, shop ---------------------------------------------------------------
    def _check_request(self, path: str, query: dict[str, str], headers: Any, body: bytes, *, shop: bool) -> None:
        if query.get("app_key") != self.app_key:
            raise ApiError(36009004, "Invalid credentials. Invalid `app_key` query parameter.", 401)
        if not query.get("sign"):
            raise ApiError(36009004, "Missing credentials. The request does not include a required signature "
                                     "in the query.", 401)
        try:
            ts = int(query.get("timestamp") or "")
        except ValueError:
            raise ApiError(36009004, "Invalid timestamp. The value of the `timestamp` query parameter must be "
                                     "a Unix time in seconds.", 401) from None
        now = time.time()  # the client's clock against real time (see the module docstring)
        if ts < now - TIMESTAMP_PAST:
            raise ApiError(36009004, "Invalid timestamp. The value of the `timestamp` query parameter must not "
                                     "be earlier than 5 minutes before the current time.", 401)
        if ts > now + TIMESTAMP_FUTURE:
            raise ApiError(36009004, "Invalid timestamp. The value of the `timestamp` query parameter must not "
                                     "be later than 30 seconds after the current time.", 401)
        expected = sign_request(self.app_secret, path, query, body)
        if not hmac.compare_digest(expected, query["sign"]):
            raise ApiError(106001, "Invalid sign. Please check the signature algorithm and the app secret.", 401)
        token = headers.get("x-tts-access-token") or ""
        with self._tokens_lock:
            expiry = self._access.get(token)
        if not token or expiry is None:
            raise ApiError(36009004, "Invalid credentials. The `x-tts-access-token` header is invalid.", 401)
        if expiry <= self.ctx.clock.now():
            raise ApiError(105002, "Access token is expired, please refresh it.", 401)
        cipher = query.get("shop_cipher")
        if not shop and cipher:
            raise ApiError(36009004, "Unexpected identifier. The `shop_cipher` query parameter is not required "
                                     "for this request.")
        if shop and not cipher:
            raise ApiError(106013, "The shop_cipher is required for this request.")
        if shop and cipher != self.shop_cipher and cipher not in {s["cipher"] for s in self.other_shops}:
            raise ApiError(101000, "The access token is not authorized for this shop_cipher.")

    # ---- the auth host and the consent page --------------------------------------------------------------
    def _token_answer(self, status: int, code: int, message: str, data: Any = None) -> Response:
        return Response.json(status, {"code": code, "message": message, "request_id": self._request_id(),
                                      "data": data})

    def _issue_tokens(self) -> dict[str, Any]:
        now = self.ctx.clock.now()
        real = time.time()  # expiries are told in the client's (real) time; the shop clock is a simulation
        access = f"TTP_{secrets.token_urlsafe(32)}"
        refresh = f"TTP_{secrets.token_urlsafe(32)}"
        self._access[access] = now + self.ctx.token_lifetime
        self._refresh[refresh] = now + REFRESH_LIFETIME
        return {
            "access_token": access, "access_token_expire_in": int(real + self.ctx.token_lifetime),
            "refresh_token": refresh, "refresh_token_expire_in": int(real + REFRESH_LIFETIME),
            "open_id": self.open_id, "seller_name": self.ctx.shop.shop_name, "seller_base_region": "ID",
            "user_type": 0,
            "granted_scopes": ["seller.authorization.info", "seller.order.info", "seller.fulfillment.basic",
                               "seller.product.basic", "seller.logistics", "seller.return_refund.basic",
                               "seller.finance.info"],
        }

    def _app_ok(self, query: dict[str, str]) -> Response | None:
        if query.get("app_key") != self.app_key or not hmac.compare_digest(
            query.get("app_secret") or "", self.app_secret
        ):
            return self._token_answer(200, 36004003, "Invalid app_key or app_secret.")
        if self.ctx.limiter.take("token", 1).granted == 0:
            return self._token_answer(429, 36009002, "Too many requests. Please retry after a while.")
        return None

    def _token_get(self, params: dict, query: dict[str, str], headers: Any) -> Response:
        refused = self._app_ok(query)
        if refused:
            return refused
        if query.get("grant_type") != "authorized_code":
            return self._token_answer(200, 36004002, "grant_type must be authorized_code.")
        code = query.get("auth_code") or ""
        with self._tokens_lock:
            expiry = self._auth_codes.pop(code, None)  # single use, even when it turns out expired
            if expiry is None or expiry <= self.ctx.clock.now():
                return self._token_answer(200, 36004004, "Invalid auth code. The code is expired or used.")
            return self._token_answer(200, 0, "success", self._issue_tokens())

    def _token_refresh(self, params: dict, query: dict[str, str], headers: Any) -> Response:
        refused = self._app_ok(query)
        if refused:
            return refused
        if query.get("grant_type") != "refresh_token":
            return self._token_answer(200, 36004002, "grant_type must be refresh_token.")
        token = query.get("refresh_token") or ""
        with self._tokens_lock:
            expiry = self._refresh.pop(token, None)  # rotated: the old refresh token is used up
            if expiry is None or expiry <= self.ctx.clock.now():
                return self._token_answer(200, 36004005, "Invalid refresh token. Authorize the shop again.")
            return self._token_answer(200, 0, "success", self._issue_tokens())

    def _authorize_page(self, params: dict, query: dict[str, str], headers: Any) -> Response:
        if query.get("service_id") != self.service_id:
            return Response(400, b"<html><body><h1>Unknown service id</h1></body></html>", "text/html")
        target = self.redirect_url or f"http://{headers.get('Host') or '127.0.0.1'}/sandbox/callback"
        location = f"{target}?{urlencode({'code': self.issue_auth_code(), 'state': query.get('state') or ''})}"
        return Response(302, b"", "text/html", {"Location": location})

    def _callback(self, params: dict, query: dict[str, str], headers: Any) -> Response:
        code = query.get("code") or ""
        page = (
            "<html><head><title>Tokopedia &amp; Shop sandbox</title></head><body>"
            "<h1>Shop authorized (sandbox)</h1><p>Copy this address, or the code below, into TokoDesk.</p>"
            f"<p><code>{code}</code></p></body></html>"
        )
        return Response(200, page.encode(), "text/html; charset=utf-8")

    # ---- label documents (the doc_url) -------------------------------------------------------------------
    def label_url(self, headers: Any, package: str) -> str:
        key = self._label_keys.setdefault("k", secrets.token_bytes(16))
        expires = int(self.ctx.clock.now() + 86400)  # a doc_url lives 24 hours
        sig = hmac.new(key, f"{package}:{expires}".encode(), hashlib.sha256).hexdigest()[:32]
        host = headers.get("Host") or "127.0.0.1"
        return f"http://{host}/sandbox/labels/{package}.pdf?{urlencode({'expires': expires, 'sig': sig})}"

    def _label_pdf(self, params: dict, query: dict[str, str], headers: Any) -> Response:
        key = self._label_keys.get("k")
        package = params["id"]
        try:
            expires = int(query.get("expires") or "0")
        except ValueError:
            expires = 0
        expected = hmac.new(key or b"", f"{package}:{expires}".encode(), hashlib.sha256).hexdigest()[:32]
        if not key or not hmac.compare_digest(expected, query.get("sig") or "") or expires < self.ctx.clock.now():
            return Response(403, b"<html><body>AccessDenied: the link has expired</body></html>", "text/html")
        shop = self.ctx.shop
        with shop.lock:
            found = self.book.get(package)
            if found is None:
                return Response(404, b"<html><body>NoSuchKey</body></html>", "text/html")
            orders = [shop.orders[n] for n in found.orders]
            pdf = tj.label_pdf(shop, orders[0], self.book.tracking(found), found.id, orders)
        return Response(200, pdf, "application/pdf")

    # ---- photos: the buyer's evidence and the seller's uploads, as links the records hand out ---------------------
    def _photo(self, params: dict, query: dict[str, str], headers: Any) -> Response:
        import io

        from PIL import Image, ImageDraw

        digest = hashlib.sha256(params["id"].encode()).digest()
        image = Image.new("RGB", (320, 320), (digest[0], digest[1], digest[2]))
        ImageDraw.Draw(image).text((12, 150), params["id"].rsplit("/", 1)[-1][:40], fill=(255, 255, 255))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=80)
        return Response(200, out.getvalue(), "image/jpeg")

    def order_status(self, order: Any) -> str:
        return tj.status_of(order, self.ctx.clock.now(), self.on_hold_seconds, self.unpaid_seconds, book=self.book)

    # ---- Seller Center's package moves (control hooks for tests and the demo) ----------------------------
    def split_order(self, order_id: str | int, groups: list[list[str]] | None = None) -> list[str]:
        """Split an order into packages as a seller would in Seller Center (default: one package per line)."""
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            return self.book.split(self._number(order_id), groups, self.ctx.clock.now())

    def refuse_shipping(self, package_id: str, code: int = 11021015) -> None:
        """From now on Ship Package refuses this package with a documented per-package error (default: overweight),
        as the marketplace does for a parcel it will not carry; its other packages still ship."""
        from tokodesk.sandbox.tiktokshop_packages import SHIP_REFUSALS

        if code not in SHIP_REFUSALS:
            raise ValueError(f"not a per-package Ship Package refusal the sandbox knows: {code}")
        self.book.refusals[str(package_id)] = code

    def combine_orders(self, order_ids: list[str | int]) -> str:
        """Combine one buyer's orders into one package, as in Seller Center; returns the new package id."""
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            return self.book.combine([self._number(i) for i in order_ids], self.ctx.clock.now())

    def uncombine_package(self, package_id: str, order_ids: list[str | int] | None = None) -> list[str]:
        """Undo a combined package in Seller Center; returns the new package ids."""
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            numbers = [self._number(i) for i in order_ids] if order_ids else None
            return [pid for pid, _ in self.book.uncombine(package_id, numbers, self.ctx.clock.now())]

    def seed_package_examples(self) -> dict[str, list[str]]:
        """For the demo: one waiting order split into packages, and two waiting orders of one buyer (combinable),
        as a shop meets them. Returns {"split": [order id], "combinable": [order ids]} (empty when none fit)."""
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            waiting = [shop.orders[n] for n in shop.order_ids
                       if shop.orders[n].status in (Status.PAID, Status.ACCEPTED) and not shop.orders[n].courier.own
                       and shop.orders[n].cancel_request is None and self.order_status(shop.orders[n]) in (
                           "AWAITING_SHIPMENT", "ON_HOLD")]
            out: dict[str, list[str]] = {"split": [], "combinable": []}
            multi = next((o for o in waiting if len(o.lines) >= 2), None)
            if multi is not None:
                self.book.split(multi.order_id, None, self.ctx.clock.now())
                out["split"] = [tj.order_id(multi)]
            rest = [o for o in waiting if o is not multi]
            pair = next(((a, b) for i, a in enumerate(rest) for b in rest[i + 1:] if a.courier == b.courier), None)
            if pair is not None:
                a, b = pair
                b.buyer, b.recipient = a.buyer, a.recipient
                b.update_time = self.ctx.clock.now()
                out["combinable"] = [tj.order_id(a), tj.order_id(b)]
            return out

    def packages_of(self, order_id: str | int) -> list[str]:
        shop = self.ctx.shop
        with shop.lock:
            return [p.id for p in self.book.packages_of(shop.orders[self._number(order_id)])]

    def _number(self, order_id: str | int) -> int:
        return order_id if isinstance(order_id, int) else order_number(self.book, order_id)

    def is_on_hold(self, order: Any) -> bool:
        return order.status == Status.PAID and self.order_status(order) == "ON_HOLD"
