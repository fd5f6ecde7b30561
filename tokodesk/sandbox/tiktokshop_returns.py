"""Returns and refunds in the sandbox's TikTok Shop dialect (Return & Refund reference: Search Returns, Approve
Return, Reject Return, Get Return Records, Get Reject Reasons).

Buyers ask for a return over time: a delivered order is picked (seeded, so a run is repeatable) and asks some hours
after delivery, either for a refund only or for a return and refund. The seller has `answer_window` (2 days, as
Tokopedia & Shop gives) to answer; past it the platform approves for the seller. An approved return and refund waits
for the buyer's parcel; once the buyer ships it (with a return tracking number), the seller has `inspect_window` to
approve or reject the received package, else the platform approves it too. `ReturnBook.request()` makes one at
once (tests, the demo).

`decision_requests` counts every approve / reject request that reached a return (refused ones too), `decisions`
only the ones that took effect: a client that repeats a decision after a lost answer shows up in the first.
Reject reasons for returns are the sandbox's own names (the real list comes from Get Reject Reasons per request;
clients must offer what that call answers, never a list of their own).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.sandbox.shop import Order, Status

RETURN_BASE = 4_200_000_000_000_000_000
DAY = 86400.0

PENDING = "RETURN_OR_REFUND_REQUEST_PENDING"
REJECTED = "REFUND_OR_RETURN_REQUEST_REJECT"
AWAITING_SHIP = "AWAITING_BUYER_SHIP"
SHIPPED = "BUYER_SHIPPED_ITEM"
PACKAGE_REJECTED = "REJECT_RECEIVE_PACKAGE"
SUCCESS = "RETURN_OR_REFUND_REQUEST_SUCCESS"
AWAITING_BUYER = "AWAITING_BUYER_RESPONSE"  # the seller offered a partial refund; the buyer answers
CANCELLED = "RETURN_OR_REFUND_REQUEST_CANCEL"

REFUND = "REFUND"
RETURN_AND_REFUND = "RETURN_AND_REFUND"

RETURN_REJECT_REASONS = [
    ("reverse_reject_request_reason_product_as_described", "Produk sesuai deskripsi"),
    ("reverse_reject_request_reason_no_evidence", "Bukti dari pembeli tidak cukup"),
    ("reverse_reject_request_reason_used_or_damaged_by_buyer", "Produk sudah dipakai atau dirusak pembeli"),
]
# Upload Product Image's use cases (its reference).
IMAGE_USE_CASES = ("MAIN_IMAGE", "ATTRIBUTE_IMAGE", "DESCRIPTION_IMAGE", "CERTIFICATION_IMAGE", "SIZE_CHART_IMAGE")
PACKAGE_REJECT_REASONS = [
    ("reverse_reject_package_reason_wrong_item_returned", "Barang yang dikembalikan bukan barang kami"),
    ("reverse_reject_package_reason_item_damaged_by_buyer", "Barang rusak oleh pembeli"),
    ("reverse_reject_package_reason_missing_parts", "Barang yang dikembalikan tidak lengkap"),
]
BUYER_REASONS = [
    ("ecom_order_delivered_refund_and_return_reason_damaged", "Produk rusak"),
    ("ecom_order_delivered_refund_and_return_reason_wrong_item", "Produk tidak sesuai pesanan"),
    ("ecom_order_delivered_refund_and_return_reason_missing_parts", "Produk tidak lengkap"),
]


class ReturnError(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


@dataclass
class ReturnLine:
    detail_id: int
    product_id: int
    sku: str
    name: str
    quantity: int
    price: int


@dataclass
class SandboxReturn:
    number: int
    order: Order
    return_type: str
    reason: tuple[str, str]
    lines: list[ReturnLine]
    create_time: float
    status: str = PENDING
    update_time: float = 0.0
    deadline: float | None = None
    next_action: str = ""
    ship_at: float | None = None  # when the buyer hands the parcel to the courier
    tracking_number: str = ""
    provider: str = ""
    images: list[str] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)
    partial_amount: int | None = None  # the seller's partial refund offer
    buyer_answers_at: float | None = None

    @property
    def return_id(self) -> str:
        return str(RETURN_BASE + self.number)


def _roll(seed: int, label: str) -> float:
    digest = hashlib.sha256(f"tokodesk-sandbox-returns:{seed}:{label}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


class ReturnBook:
    """The shop's returns. Every method runs under the shop's lock (the caller holds it)."""

    def __init__(self, shop: Any, seed: int, *, rate: float = 0.08) -> None:
        self.shop = shop
        self.seed = seed
        self.rate = rate  # share of delivered orders whose buyer asks for a return
        self.answer_window = 2 * DAY
        self.inspect_window = 2 * DAY
        self.buyer_ships_after = 0.5 * DAY
        self.transit = 2 * DAY
        self.returns: dict[int, SandboxReturn] = {}
        self.by_order: dict[int, int] = {}
        self.decision_requests: Counter[str] = Counter()
        self.decisions: Counter[str] = Counter()
        # Upload Product Image: uri -> {url, width, height, mime_type, sha256}; `image_uploads` counts every upload.
        self.images: dict[str, dict] = {}
        self.image_uploads = 0
        self._considered: set[int] = set()
        self._seq = 0

    # ---- making requests ---------------------------------------------------------------------------------
    def request(self, order: Order, return_type: str = RETURN_AND_REFUND, *, at: float | None = None,
                quantities: dict[str, int] | None = None, reason: int = 0) -> SandboxReturn:
        """A buyer's request for a delivered order: every line, or `quantities` {sku: qty}."""
        if order.status not in (Status.DELIVERED, Status.COMPLETED):
            raise ValueError(f"order {order.order_id} is not delivered; only a delivered order can be returned")
        if order.order_id in self.by_order:
            raise ValueError(f"order {order.order_id} already has a return")
        at = self.shop.clock.now() if at is None else at
        lines = [ReturnLine(line.detail_id, line.product_id, line.sku, line.name,
                            (quantities or {}).get(line.sku, line.quantity), line.price)
                 for line in order.lines if quantities is None or line.sku in quantities]
        self._seq += 1
        ret = SandboxReturn(self._seq, order, return_type, BUYER_REASONS[reason % len(BUYER_REASONS)], lines, at,
                            update_time=at)
        ret.images = [f"https://sandbox.invalid/returns/{ret.return_id}/photo{i}.jpg" for i in (1, 2)]
        ret.deadline = at + self.answer_window
        ret.next_action = "SELLER_RESPOND_REFUND" if return_type == REFUND else "SELLER_RESPOND_RETURN"
        ret.records.append({"event": "ORDER_RETURN", "role": "BUYER", "create_time": int(at),
                            "description": "Buyer requested a return", "reason_text": ret.reason[1],
                            "note": "Barang datang tidak sesuai", "images": [{"url": u, "width": 800, "height": 800}
                                                                              for u in ret.images]})
        self.returns[ret.number] = ret
        self.by_order[order.order_id] = ret.number
        return ret

    def _buyers_ask(self, now: float) -> None:
        for order in self.shop.orders.values():
            if order.delivered_time is None or order.order_id in self._considered:
                continue
            if order.order_id in self.by_order:
                self._considered.add(order.order_id)
                continue
            label = f"{order.order_id}"
            at = order.delivered_time + 3600 + _roll(self.seed, label + ":when") * DAY
            if at > now:
                continue
            self._considered.add(order.order_id)
            if _roll(self.seed, label) >= self.rate or order.status not in (Status.DELIVERED, Status.COMPLETED):
                continue
            kind = REFUND if _roll(self.seed, label + ":type") < 0.4 else RETURN_AND_REFUND
            self.request(order, kind, at=at, reason=int(_roll(self.seed, label + ":reason") * 3))

    # ---- time ----------------------------------------------------------------------------------------------
    def tick(self) -> None:
        now = self.shop.clock.now()
        self._buyers_ask(now)
        for ret in self.returns.values():
            self._catch_up(ret, now)

    def _catch_up(self, ret: SandboxReturn, now: float) -> None:
        while True:
            if ret.status == AWAITING_BUYER and ret.buyer_answers_at is not None and ret.buyer_answers_at <= now:
                ret.status, ret.update_time, ret.buyer_answers_at = SUCCESS, ret.buyer_answers_at, None
                self._record(ret, ret.update_time, "BUYER", "Buyer accepted the partial refund; keeps the goods")
                continue
            if ret.status == AWAITING_SHIP and ret.ship_at is not None and ret.ship_at <= now:
                at = ret.ship_at
                ret.status, ret.update_time = SHIPPED, at
                ret.tracking_number = f"RTN{ret.number:09d}"
                ret.provider = "J&T Express"
                ret.next_action = "SELLER_RESPOND_RECEIVE_PACKAGE"
                ret.deadline = at + self.transit + self.inspect_window
                ret.ship_at = None
                self._record(ret, at, "BUYER", "Buyer shipped the return parcel")
                continue
            if ret.deadline is not None and ret.deadline <= now and ret.status in (PENDING, SHIPPED):
                self._approve(ret, ret.deadline, "SYSTEM")
                continue
            return

    def _record(self, ret: SandboxReturn, at: float, role: str, text: str, note: str = "",
                images: list[dict] | None = None) -> None:
        ret.records.append({"event": "ORDER_RETURN", "role": role, "create_time": int(at), "description": text,
                            "note": note, "reason_text": ret.reason[1], "images": images or []})

    def _approve(self, ret: SandboxReturn, at: float, role: str) -> None:
        if ret.status == PENDING and ret.return_type == RETURN_AND_REFUND:
            ret.status, ret.next_action, ret.deadline = AWAITING_SHIP, "", None
            ret.ship_at = at + self.buyer_ships_after
            self._record(ret, at, role, "Return approved; waiting for the buyer's parcel")
        else:
            ret.status, ret.next_action, ret.deadline = SUCCESS, "", None
            self._record(ret, at, role, "Refund approved")
        ret.update_time = at

    # ---- seller decisions ---------------------------------------------------------------------------------
    def find(self, raw_id: str) -> SandboxReturn:
        number = tj.decode(str(raw_id), RETURN_BASE)
        ret = self.returns.get(number) if number is not None else None
        if ret is None:
            raise ReturnError(25002001, f"Return {raw_id} does not exist.")
        return ret

    def approve(self, raw_id: str, decision: str, partial: dict | None = None) -> None:
        self.decision_requests[str(raw_id)] += 1
        ret = self.find(raw_id)
        now = self.shop.clock.now()
        self._catch_up(ret, now)
        if decision == "OFFER_PARTIAL_REFUND":
            if ret.status != PENDING:
                raise ReturnError(25002010, f"The return is {ret.status}: a partial refund is offered to a request.")
            total = sum(line.price * line.quantity for line in ret.lines)
            try:
                amount = int(round(float(str((partial or {}).get("amount") or ""))))
            except ValueError:
                amount = 0
            if not 0 < amount < total or (partial or {}).get("currency") != "IDR":
                raise ReturnError(25002013, f"The partial refund must be above 0 and below the refund total {total} "
                                            "(currency IDR).")
            self.decisions[ret.return_id] += 1
            ret.status, ret.partial_amount, ret.update_time = AWAITING_BUYER, amount, now
            ret.next_action, ret.deadline, ret.buyer_answers_at = "", None, now + self.buyer_ships_after
            self._record(ret, now, "SELLER", f"Seller offered a partial refund of {amount}")
            return
        wanted = {(PENDING, REFUND): "APPROVE_REFUND", (PENDING, RETURN_AND_REFUND): "APPROVE_RETURN",
                  (SHIPPED, REFUND): "APPROVE_RECEIVED_PACKAGE",
                  (SHIPPED, RETURN_AND_REFUND): "APPROVE_RECEIVED_PACKAGE"}.get((ret.status, ret.return_type))
        if wanted is None:
            raise ReturnError(25002010, f"The return is {ret.status}: it is not waiting for the seller's decision.")
        if decision != wanted:
            raise ReturnError(25002011, f"Decision {decision or '(none)'} does not fit a return in {ret.status}; "
                                        f"expected {wanted}.")
        self.decisions[ret.return_id] += 1
        self._approve(ret, now, "SELLER")

    def reject_reasons(self, raw_id: str) -> list[tuple[str, str]]:
        ret = self.find(raw_id)
        return PACKAGE_REJECT_REASONS if ret.status == SHIPPED else RETURN_REJECT_REASONS

    def upload_image(self, data: bytes, filename: str, use_case: str) -> dict:
        """Upload Product Image as the reference states it: JPG, JPEG, PNG, WEBP, HEIC or BMP, at most 10 MB, from
        100×100 to 20000×20000 px; a use case from its list."""
        from tokodesk.marketplace.images import image_mime, image_pixels

        if use_case not in IMAGE_USE_CASES:
            raise ReturnError(12052700, f"Invalid use_case {use_case or '(none)'}.")
        if not data:
            raise ReturnError(12052701, "The image file is empty.")
        if len(data) > 10 * 1024 * 1024:
            raise ReturnError(12052702, "The image size exceeds 10MB.")
        mime = image_mime(data[:16])
        pixels = image_pixels(data, mime) if mime else None
        if pixels is None:
            raise ReturnError(12052703, "Unsupported image format. Use JPG, JPEG, PNG, WEBP, HEIC or BMP.")
        if min(pixels) < 100 or max(pixels) > 20000:
            raise ReturnError(12052704, "The image dimensions must be between 100x100 and 20000x20000 px.")
        self.image_uploads += 1
        digest = hashlib.sha256(data).hexdigest()
        uri = f"tos-sandbox-i-returns/{digest[:24]}{self.image_uploads:04d}"
        self.images[uri] = {"url": f"https://sandbox.invalid/images/{uri.rsplit('/', 1)[1]}.jpg", "width": pixels[0],
                            "height": pixels[1], "mime_type": mime, "sha256": digest, "name": filename}
        return {"uri": uri, "url": self.images[uri]["url"], "width": pixels[0], "height": pixels[1],
                "use_case": use_case}

    def reject(self, raw_id: str, decision: str, reason: str, comment: str, images: list | None = None) -> None:
        self.decision_requests[str(raw_id)] += 1
        ret = self.find(raw_id)
        now = self.shop.clock.now()
        self._catch_up(ret, now)
        if ret.status == PENDING:
            wanted = "REJECT_REFUND" if ret.return_type == REFUND else "REJECT_RETURN"
        elif ret.status == SHIPPED:
            wanted = "REJECT_RECEIVED_PACKAGE"
        else:
            raise ReturnError(25002010, f"The return is {ret.status}: it is not waiting for the seller's decision.")
        if decision != wanted:
            raise ReturnError(25002011, f"Decision {decision or '(none)'} does not fit a return in {ret.status}; "
                                        f"expected {wanted}.")
        if reason not in {name for name, _ in self.reject_reasons(raw_id)}:
            raise ReturnError(25002012, "The reject reason is not valid for this return.")
        shown = []
        for image in images or []:
            uploaded = self.images.get(str((image or {}).get("image_id") or "")) if isinstance(image, dict) else None
            if uploaded is None:
                raise ReturnError(25002013, "The image is invalid: upload it with Upload Product Image first.")
            shown.append({"url": uploaded["url"], "width": uploaded["width"], "height": uploaded["height"]})
        self.decisions[ret.return_id] += 1
        ret.status = REJECTED if ret.status == PENDING else PACKAGE_REJECTED
        ret.next_action, ret.deadline, ret.update_time = "", None, now
        self._record(ret, now, "SELLER", f"Seller rejected ({reason})", comment, shown)

    # ---- the API's shape ----------------------------------------------------------------------------------
    def as_json(self, ret: SandboxReturn) -> dict:
        o = ret.order
        total = sum(line.price * line.quantity for line in ret.lines)
        out: dict = {
            "return_id": ret.return_id, "order_id": tj.order_id(o), "role": "BUYER",
            "return_type": ret.return_type, "return_status": ret.status,
            "return_reason": ret.reason[0], "return_reason_text": ret.reason[1],
            "return_method": "PLATFORM_SHIPPED" if ret.return_type == RETURN_AND_REFUND else "",
            "create_time": int(ret.create_time), "update_time": int(ret.update_time),
            "refund_amount": {"currency": "IDR", "refund_total": str(total), "refund_subtotal": str(total),
                              "refund_shipping_fee": "0", "refund_tax": "0", "buyer_service_fee": "0"},
            "return_line_items": [
                {"return_line_item_id": f"{ret.return_id}{n:02d}", "order_line_item_id":
                 f"{tj.ORDER_BASE + line.detail_id}000", "sku_id": str(tj.SKU_BASE + line.product_id),
                 "seller_sku": line.sku, "sku_name": line.name, "product_name": line.name,
                 "refund_amount": {"currency": "IDR", "refund_total": str(line.price * line.quantity)}}
                # The API has one return line item per unit; the sandbox repeats a line for each unit likewise.
                for n, line in enumerate(unit for unit in ret.lines for _ in range(unit.quantity))
            ],
            "return_warehouse_address": {"full_address": self.shop.address.street},
        }
        if ret.next_action and ret.deadline is not None:
            out["seller_next_action_response"] = [{"action": ret.next_action, "deadline": int(ret.deadline)}]
        if ret.partial_amount is not None:
            out["seller_proposed_return_type"] = "PARTIAL_REFUND"
            out["partial_refund"] = {"amount": str(ret.partial_amount), "currency": "IDR"}
        if ret.tracking_number:
            out["return_tracking_number"] = ret.tracking_number
            out["return_provider_name"] = ret.provider
            out["return_provider_id"] = "6822712145300000001"
        return out


class ReturnRoutes:
    """Handlers mixed into the TikTok Shop dialect (see tiktokshop.py's ROUTES)."""

    ctx: Any
    returns_book: ReturnBook

    def _return_search(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        from tokodesk.sandbox.tiktokshop_routes import _page

        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            self.returns_book.tick()
            found = list(self.returns_book.returns.values())
            for key, attr in (("create_time_ge", "create_time"), ("update_time_ge", "update_time")):
                if body.get(key) is not None:
                    found = [r for r in found if getattr(r, attr) >= int(body[key])]
            for key, attr in (("create_time_lt", "create_time"), ("update_time_lt", "update_time")):
                if body.get(key) is not None:
                    found = [r for r in found if getattr(r, attr) < int(body[key])]
            if body.get("return_ids"):
                found = [r for r in found if r.return_id in {str(i) for i in body["return_ids"]}]
            if body.get("order_ids"):
                found = [r for r in found if tj.order_id(r.order) in {str(i) for i in body["order_ids"]}]
            if body.get("return_status"):
                found = [r for r in found if r.status in set(body["return_status"])]
            if body.get("return_types"):
                found = [r for r in found if r.return_type in set(body["return_types"])]
            by = query.get("sort_field") or "create_time"
            found.sort(key=lambda r: (getattr(r, by if by in ("create_time", "update_time") else "create_time"),
                                      r.number), reverse=query.get("sort_order") == "DESC")
            chunk, token = _page(found, query, 50)
            return {"return_orders": [self.returns_book.as_json(r) for r in chunk], "next_page_token": token,
                    "total_count": len(found)}

    def _return_records(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        shop = self.ctx.shop
        with shop.lock:
            self.returns_book.tick()
            ret = self._return(params["id"])
            records = [dict(r) for r in ret.records]
        # The photo links point at the sandbox itself, so a client can download them like the platform's CDN links.
        here = f"http://{headers.get('Host') or '127.0.0.1'}/sandbox/photos/"
        for record in records:
            record["images"] = [dict(i, url=str(i.get("url", "")).replace("https://sandbox.invalid/", here))
                                for i in record.get("images") or []]
        return {"records": records}

    def _return(self, raw_id: str) -> SandboxReturn:
        from tokodesk.sandbox.tiktokshop_routes import ApiError

        try:
            return self.returns_book.find(raw_id)
        except ReturnError as err:
            raise ApiError(err.code, err.message) from None

    def _decide(self, name: str, params: dict, query: dict, act: Any) -> dict:
        from tokodesk.sandbox.tiktokshop_routes import ApiError

        key = f"{name}:{query.get('idempotency_key') or ''}"
        if query.get("idempotency_key") and key in self.idempotent_answers:  # type: ignore[attr-defined]
            self.returns_book.decision_requests[str(params["id"])] += 1
            return self.idempotent_answers[key]  # type: ignore[attr-defined]
        shop = self.ctx.shop
        with shop.lock:
            try:
                act()
            except ReturnError as err:
                raise ApiError(err.code, err.message) from None
            if query.get("idempotency_key"):
                self.idempotent_answers[key] = {}  # type: ignore[attr-defined]
            return {}

    def _return_approve(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        return self._decide(f"return-approve:{params['id']}", params, query,
                            lambda: self.returns_book.approve(params["id"], str(body.get("decision") or ""),
                                                              body.get("partial_refund")))

    def _return_reject(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        return self._decide(f"return-reject:{params['id']}", params, query, lambda: self.returns_book.reject(
            params["id"], str(body.get("decision") or ""), str(body.get("reject_reason") or ""),
            str(body.get("comment") or ""), body.get("images") if isinstance(body.get("images"), list) else []))

    def _refund_calculate(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        """Calculate Refund: the lines' price × the units asked for (the sandbox refunds no shipping for a refund)."""
        from tokodesk.sandbox.tiktokshop_routes import ApiError

        if body.get("request_type") not in ("CANCEL", "REFUND", "RETURN_AND_REFUND"):
            raise ApiError(12019001, "request_type must be one of CANCEL, REFUND, RETURN_AND_REFUND.")
        number = tj.decode(str(body.get("order_id") or ""), tj.ORDER_BASE)
        shop = self.ctx.shop
        with shop.lock:
            order = shop.orders.get(number) if number is not None else None
            if order is None:
                raise ApiError(12019002, "The order does not exist.")
            by_sku = {str(tj.SKU_BASE + line.product_id): line for line in order.lines}
            total = 0
            for item in body.get("skus") or []:
                line = by_sku.get(str((item or {}).get("sku_id") or "")) if isinstance(item, dict) else None
                quantity = int((item or {}).get("quantity") or 0) if isinstance(item, dict) else 0
                if line is None or not 0 < quantity <= line.quantity:
                    raise ApiError(12019003, "A sku_id is not in the order, or its quantity is more than was "
                                             "ordered.")
                total += line.price * quantity
        return {"order_refund_amount": {"currency": "IDR", "refund_total": str(total), "refund_subtotal": str(total),
                                        "refund_shipping_fee": "0", "refund_tax": "0"}}

    def _image_upload(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        from tokodesk.sandbox.tiktokshop_routes import ApiError

        data = body.get("data")
        with self.ctx.shop.lock:
            try:
                return self.returns_book.upload_image(data if isinstance(data, bytes) else b"",
                                                      str(body.get("data_filename") or ""),
                                                      str(body.get("use_case") or ""))
            except ReturnError as err:
                raise ApiError(err.code, err.message) from None

    def return_reject_reasons(self, raw_id: str) -> list[dict] | None:
        """The reasons for a return id, or None when the id is not a return's (a cancellation's)."""
        number = tj.decode(str(raw_id), RETURN_BASE)
        if number is None or number not in self.returns_book.returns:
            return None
        with self.ctx.shop.lock:
            self.returns_book.tick()
            return [{"name": name, "text": text} for name, text in self.returns_book.reject_reasons(raw_id)]
