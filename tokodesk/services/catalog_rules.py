"""The rules and words of catalogue edits (issue 23): whole rupiah, yes/no for a listing, the guard rails that make a
large price change wait for a second confirmation, an edit's statuses and fields, and which fields a channel's
marketplace lets TokoDesk edit. Plain functions and constants: the drafts (catalog_drafts.py), the push
(catalog_push.py), the CLI, the CSV import and the window share them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, Said, said
from tokodesk.marketplace import base
from tokodesk.store import models as m

DEFAULT_MAX_CHANGE_PCT = 50
DEFAULT_PRICE_FLOOR = 1_000
PRICE_MAX = 500_000_000
MESSAGE_MAX = 500
# Statuses in which a listing is on, as each adapter reports them (Tokopedia "active", Tokopedia & Shop "ACTIVATE").
LISTED = {"active", "ACTIVATE", "LIVE"}

# An edit's status (its life is drawn in catalog_push.py); OPEN: pushed and not settled yet.
DRAFT = "draft"
PENDING = "pending"
SENT = "sent"
UNKNOWN = "unknown"
ACCEPTED = "accepted"
FAILED = "failed"
OPEN = (PENDING, SENT, UNKNOWN)

# The fields an edit changes (`capabilities_of(channel).catalog_fields` says which a channel offers).
PRICE = "price"
ACTIVE = "active"
SELLER_SKU = "seller_sku"


class NeedsConfirmation(UserError):
    """Large price changes wait for a second, explicit confirmation."""

    exit_code = 3


@dataclass(frozen=True)
class GuardRails:
    max_change_pct: int = DEFAULT_MAX_CHANGE_PCT
    price_floor: int = DEFAULT_PRICE_FLOOR

    @classmethod
    def load(cls, channel: m.Channel) -> GuardRails:
        """The channel's guard rails (channel settings price_change_confirm_pct, price_floor), read afresh."""
        fresh = m.Channel.get_by_id(channel.id)
        return cls(int(fresh.price_change_confirm_pct), int(fresh.price_floor))

    def why_large(self, old: int | None, new: int) -> str:
        """Why this price change needs a second confirmation ("" when it does not), in marked words."""
        if new < self.price_floor:
            return said(QT_TRANSLATE_NOOP("Refusals", "below the floor of {floor}"), floor=rupiah(self.price_floor))
        if old and abs(new - old) * 100 > self.max_change_pct * old:
            return said(QT_TRANSLATE_NOOP("Refusals", "{change:+.0f}% (beyond ±{limit}%)"),
                        change=change_pct(old, new), limit=self.max_change_pct)
        return ""


def rupiah(value: int | None) -> str:
    """Rupiah as the app writes them in every language, the CLI too: Rp 1.234.567 (a marked "unknown" for None)."""
    if value is None:
        return QT_TRANSLATE_NOOP("Refusals", "unknown")
    return f"Rp {value:,}".replace(",", ".")


def large_line(label: str, old: int | None, new: int, why: str) -> Said:
    """One large price change as the push's summary and the refusal list it: "<SKU>: Rp 10.000 → Rp 500: <why>"."""
    return said(QT_TRANSLATE_NOOP("Refusals", "{label}: {old} → {new}: {why}"), label=label, old=rupiah(old),
                new=rupiah(new), why=why)


def change_pct(old: int | None, new: int) -> float:
    return (new - old) * 100.0 / old if old else 0.0


_RUPIAH = re.compile(r"^(?:rp\.?\s*)?(\d{1,3}(?:\.\d{3})+|\d+)$", re.I)


def parse_price(text: str | int, what: str = QT_TRANSLATE_NOOP("Refusals", "price")) -> int:
    """Whole rupiah: 15000, 15.000 or Rp15.000 (the dot groups thousands, as in Indonesia); nothing else."""
    if isinstance(text, bool):
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{what}: give a whole number of rupiah, e.g. 15000"), what=what)
    if isinstance(text, int):
        value = text
    else:
        raw = str(text).strip().replace(" ", "")
        match = _RUPIAH.match(raw)
        if not match:
            if re.match(r"^(rp\.?)?\d+[.,]\d{1,2}$", raw, re.I):
                raise UserError(QT_TRANSLATE_NOOP("Refusals", "{what} {text!r}: rupiah are whole numbers (no sen); "
                                                              "e.g. 15000 or 15.000"), what=what, text=text)
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "{what} {text!r} is not a price: give whole rupiah, e.g. "
                                                          "15000 or 15.000"), what=what, text=text)
        value = int(match.group(1).replace(".", ""))
    if value <= 0:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{what} must be more than 0"), what=what)
    if value > PRICE_MAX:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{what} {value} is above the marketplaces' highest price "
                                                      "({price_max})"), what=what, value=rupiah(value),
                        price_max=rupiah(PRICE_MAX))
    return value


_YES = {"yes", "y", "on", "1", "true", "aktif", "ya"}
_NO = {"no", "n", "off", "0", "false", "nonaktif", "tidak"}


def parse_active(text: str) -> bool:
    word = str(text).strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise UserError(QT_TRANSLATE_NOOP("Refusals", "listing on/off {text!r}: say yes or no"), text=text)


def capabilities_of(channel: m.Channel) -> base.Capabilities:
    from tokodesk.services.channels import adapter_factory

    owner = getattr(adapter_factory(channel.marketplace), "__self__", None)
    caps = getattr(owner, "capabilities", None) or getattr(owner, "CAPABILITIES", None)
    if not isinstance(caps, base.Capabilities):
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "channel {name!r}: its marketplace adapter says nothing about "
                                                      "catalogue edits"), name=channel.name)
    return caps


def listing_of(status: str) -> int | None:
    """A listing status as an edit's value: 1 on, 0 off, None when the marketplace said nothing."""
    if not status:
        return None
    return 1 if status in LISTED else 0


def describe_value(name: str, value: int | str | None) -> str:
    """A field's value in (marked) words: the CLI prints the English, the window says them in its language."""
    if value is None:
        return QT_TRANSLATE_NOOP("Refusals", "unknown")
    if name == SELLER_SKU:
        return said(QT_TRANSLATE_NOOP("Refusals", "code {code}"), code=value) if value else \
            QT_TRANSLATE_NOOP("Refusals", "no code")
    if name == ACTIVE:
        return QT_TRANSLATE_NOOP("Refusals", "on") if value else QT_TRANSLATE_NOOP("Refusals", "off")
    return rupiah(int(value))


# An edit's field as its words say it (the English keeps the field's code, as the CLI always printed it).
FIELD_WORDS = {PRICE: QT_TRANSLATE_NOOP("Refusals", "price"), ACTIVE: QT_TRANSLATE_NOOP("Refusals", "active"),
               SELLER_SKU: QT_TRANSLATE_NOOP("Refusals", "seller_sku")}
