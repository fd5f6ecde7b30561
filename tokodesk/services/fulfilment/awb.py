"""The AWB (resi) a seller types or scans for an order their own courier delivers, checked before anything is sent.

An AWB ends up as a Code 128 barcode on the label and in the marketplace's tracking: a character Code 128 cannot
hold (an en dash a word processor put in, a letter with an accent) was once accepted, sent, and then broke the
whole label batch. So an AWB is accepted only when:

- every character is printable ASCII without spaces (what Code 128 encodes, and all any Indonesian courier uses:
  JNE, J&T, SiCepat, AnterAja, Ninja, Pos, Lion Parcel, SAP write letters, digits and at most a hyphen);
- it is 8 to 30 characters long. The shortest resi in use is 10 characters (AnterAja, J&T "JP" + 10 digits is
  12, SiCepat 12, Pos 13, JNE 15-16, Ninja up to ~20); 8 leaves room for a local courier's shorter numbers and
  still catches an order id typed into the wrong field half-way, 30 is what TikTok Shop's tracking number field
  shows and more than any courier prints;
- no two orders of one batch have the same AWB, and no other order in the store already carries it (one parcel,
  one AWB: a repeated scan is the most common mistake at a packing desk).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.store import models as m

AWB_MIN = 8
AWB_MAX = 30


def delivered_by_seller(order: m.Order, channel: m.Channel | None = None) -> bool:
    """The seller's own courier delivers this order: the marketplace marked it so, or (where the marketplace marks
    no order) the channel ships that way."""
    if order.seller_ships:
        return True
    channel = channel or m.Channel.get_by_id(order.channel_id)
    if marks_each_order(channel):
        return False
    return channel.business_model == "own_courier"


def marks_each_order(channel: m.Channel) -> bool:
    from tokodesk.services.fulfilment.label_rules import class_capabilities

    caps = class_capabilities(channel.marketplace)
    return bool(caps is not None and caps.seller_ships_per_order)


def _char_name(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        name = "a control character"
    return f"'{ch}' (U+{ord(ch):04X} {name})" if ch.isprintable() else f"U+{ord(ch):04X} ({name})"


def _hint(ch: str) -> str:
    if unicodedata.category(ch) == "Pd" or ch in "\u2212":
        return said(QT_TRANSLATE_NOOP("Refusals", " Type a plain hyphen '-' instead."))
    if ch.isspace():
        return said(QT_TRANSLATE_NOOP("Refusals", " Remove the space."))
    return ""


def awb_problem(awb: str) -> str | None:
    """Why this AWB cannot be used, in words naming the character or the length; None when it can."""
    if not awb:
        return said(QT_TRANSLATE_NOOP("Refusals", "The AWB is empty: type or scan the resi number."))
    for ch in awb:
        if not (33 <= ord(ch) <= 126):
            return said(QT_TRANSLATE_NOOP("Refusals", "The AWB {awb!r} has {char}, which a barcode (Code 128) cannot "
                                                      "hold: use letters, digits and plain symbols only.{hint}"),
                        awb=awb, char=_char_name(ch), hint=_hint(ch))
    if len(awb) < AWB_MIN:
        return said(QT_TRANSLATE_NOOP("Refusals", "The AWB {awb!r} has {length} characters; a courier's resi has at "
                                                  "least {least}. Check that the whole number was typed or scanned."),
                    awb=awb, length=len(awb), least=AWB_MIN)
    if len(awb) > AWB_MAX:
        return said(QT_TRANSLATE_NOOP("Refusals", "The AWB {awb!r} has {length} characters; a courier's resi has at "
                                                  "most {most}. Check that only one number was scanned."),
                    awb=awb, length=len(awb), most=AWB_MAX)
    return None


def clean(awb: str | None) -> str:
    """What a scanner or a paste adds around the number (spaces, a trailing newline) is not part of it."""
    return (awb or "").strip()


_TWICE = QT_TRANSLATE_NOOP("Refusals", "The AWB {awb} is also given for {other}: each parcel has its own AWB.")


def batch_problems(awbs: Mapping[str, str], orders: Sequence[m.Order] = ()) -> dict[str, str]:
    """key -> why its AWB cannot be used, for every AWB of the batch (keys are order ids or invoices).

    Checks each AWB, then duplicates inside the batch, then (when `orders` are given) an AWB another stored order
    already carries.
    """
    problems: dict[str, str] = {}
    first_of: dict[str, str] = {}
    for key, raw in awbs.items():
        awb = clean(raw)
        problem = awb_problem(awb)
        if problem:
            problems[key] = problem
            continue
        folded = awb.casefold()
        if folded in first_of:
            other = first_of[folded]
            problems[key] = said(_TWICE, awb=awb, other=other)
            problems.setdefault(other, said(_TWICE, awb=awb, other=key))
            continue
        first_of[folded] = key
    if orders:
        by_key = {}
        for order in orders:
            by_key[order.order_id] = order
            by_key.setdefault(order.invoice, order)
        for key, raw in awbs.items():
            if key in problems or key not in by_key:
                continue
            owner = used_elsewhere(clean(raw), by_key[key])
            if owner:
                problems[key] = said(QT_TRANSLATE_NOOP("Refusals", "The AWB {awb} is already the AWB of order "
                                                                   "{owner}: check the number."),
                                     awb=clean(raw), owner=owner)
    return problems


def used_elsewhere(awb: str, order: m.Order) -> str | None:
    """The invoice (or id) of another order of the channel that already carries this AWB, if any."""
    other = (m.Order.select(m.Order.invoice, m.Order.order_id)
             .where((m.Order.channel == order.channel_id) & (m.Order.awb == awb) & (m.Order.id != order.id))
             .first())
    return (other.invoice or other.order_id) if other is not None else None
