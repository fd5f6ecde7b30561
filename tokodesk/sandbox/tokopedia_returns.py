"""Resolution tickets in the sandbox's legacy Tokopedia dialect: `GET /resolution/v1/fs/{fs_id}/ticket?shop_id&
from_date&to_date`, read-only (the seller answers a ticket in Seller Center; the API has no decision call).

The buyers' complaints are the same `ReturnBook` the TikTok Shop dialect serves (tiktokshop_returns.py): asked over
time for delivered orders, approved by the platform when the seller's deadline runs out. The answer's shape follows
the only public description found (a Java SDK's `ResolutionTicket`: `shops[]{shop_id, shop_name, ticket[]{id,
problem_type, status, open_date, sla_date, close_date, invoice_number, solution, complaint_product[]{id, Name, qty,
price, final_price, image}, fault, shipping_amt, total_issued_funds}}`); UNCONFIRMED: the status and solution words,
and dates as "YYYY-MM-DD" (query) and "YYYY-MM-DD HH:MM:SS" WIB (answer).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from tokodesk.sandbox import tiktokshop_returns as sr

WIB = timezone(timedelta(hours=7))
STATUS = {sr.PENDING: "open", sr.AWAITING_SHIP: "on_process", sr.SHIPPED: "on_process"}


def _wib(ts: float | None) -> str:
    return datetime.fromtimestamp(ts, WIB).strftime("%Y-%m-%d %H:%M:%S") if ts else ""


class TicketRoutes:
    ctx: Any
    returns_book: sr.ReturnBook

    def _resolution_tickets(self, params: dict, query: dict, body: bytes) -> dict:
        from tokodesk.sandbox.tokopedia_orders import Reject

        self._fs(params["fs"], "ORD")  # type: ignore[attr-defined] - the dialect's own checks
        self._shop(query.get("shop_id"), "ORD_DLV_006")  # type: ignore[attr-defined]
        try:
            start = datetime.strptime(query.get("from_date") or "", "%Y-%m-%d").replace(tzinfo=WIB)
            end = datetime.strptime(query.get("to_date") or "", "%Y-%m-%d").replace(tzinfo=WIB) + timedelta(days=1)
        except ValueError:
            raise Reject(400, "RSL_DLV_001", "from_date and to_date are required (YYYY-MM-DD)") from None
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            self.returns_book.tick()
            found = [r for r in self.returns_book.returns.values()
                     if start.timestamp() <= r.create_time < end.timestamp()]
            tickets = [{
                "id": r.number, "problem_type": r.reason[1], "status": STATUS.get(r.status, "closed"),
                "open_date": _wib(r.create_time), "sla_date": _wib(r.deadline) if r.status == sr.PENDING else "",
                "close_date": "" if r.status in STATUS else _wib(r.update_time), "invoice_number": r.order.invoice,
                "solution": "return_and_refund" if r.return_type == sr.RETURN_AND_REFUND else "refund",
                "complaint_product": [{"id": line.product_id, "Name": line.name, "qty": line.quantity,
                                       "price": float(line.price), "final_price": float(line.price),
                                       "image": ""} for line in r.lines],
                "fault": "", "shipping_amt": 0, "total_issued_funds": sum(x.price * x.quantity for x in r.lines),
            } for r in sorted(found, key=lambda x: x.number)]
        return {"is_success": True, "startdate": query["from_date"], "enddate": query["to_date"],
                "shops": [{"shop_id": shop.shop_id, "shop_name": shop.shop_name, "ticket": tickets}]}
