"""Combining one buyer's packages and undoing it: Search Combinable Packages, Combine Package, Uncombine Packages.

Both moves give the packages new ids (the old ones stop existing), so whoever ships next must read the order again.
Combine and uncombine are mutations: sent once (`idempotent=False`); a lost answer is settled by reading the orders.
"""

from __future__ import annotations

from collections.abc import Sequence

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace.base import CombinableGroup, MarketplaceError, PackageRef
from tokodesk.marketplace.tiktokshop.transport import Transport

COMBINABLE = "/fulfillment/202309/combinable_packages/search"
COMBINE = "/fulfillment/202309/packages/combine"
UNCOMBINE = "/fulfillment/202309/packages/{package_id}/uncombine"
PAGE_SIZE = 50  # documented range 1-50
MAX_PAGES = 100


# What each call is named in its errors (an answer lost or too large): words the window says in its language.
_W_COMBINABLE_PACKAGES = said(QT_TRANSLATE_NOOP("Marketplace", "combinable packages"))
_W_COMBINE_PACKAGES = said(QT_TRANSLATE_NOOP("Marketplace", "combine packages"))
_W_UNCOMBINE_PACKAGE = said(QT_TRANSLATE_NOOP("Marketplace", "uncombine package"))


def combinable_packages(api: Transport) -> list[CombinableGroup]:
    groups: list[CombinableGroup] = []
    token: str | None = None
    for _ in range(MAX_PAGES):
        data = api.call("GET", COMBINABLE, query={"page_size": PAGE_SIZE, "page_token": token},
                        what=_W_COMBINABLE_PACKAGES)
        for entry in data.get("combinable_packages") or []:
            if isinstance(entry, dict) and entry.get("id") and len(entry.get("order_ids") or []) > 1:
                groups.append(CombinableGroup(str(entry["id"]), [str(i) for i in entry["order_ids"]]))
        token = data.get("next_page_token") or None
        if not token:
            break
    return groups


def _refs(data: dict) -> list[PackageRef]:
    return [PackageRef(str(p["id"]), order_ids=[str(i) for i in p.get("order_ids") or []])
            for p in data.get("packages") or [] if isinstance(p, dict) and p.get("id")]


def _first_error(data: dict) -> MarketplaceError | None:
    for err in data.get("errors") or []:
        code = str(err.get("code") or "")
        return MarketplaceError(str(err.get("message") or ""), code)
    return None


def combine(api: Transport, group: CombinableGroup) -> list[PackageRef]:
    body = {"combinable_packages": [{"id": group.package_id, "order_ids": list(group.order_ids)}]}
    data = api.call("POST", COMBINE, body=body, idempotent=False, what=_W_COMBINE_PACKAGES)
    made = _refs(data)
    if not made:
        raise _first_error(data) or MarketplaceError(said(QT_TRANSLATE_NOOP(
            "Marketplace", "Tokopedia & Shop did not combine the packages. Refresh the orders and try again.")))
    return made


def uncombine(api: Transport, package_id: str, order_ids: Sequence[str] = ()) -> list[PackageRef]:
    body = {"order_ids": [str(i) for i in order_ids]} if order_ids else {}
    data = api.call("POST", UNCOMBINE.format(package_id=package_id), body=body, idempotent=False,
                    what=_W_UNCOMBINE_PACKAGE)
    return _refs(data)
