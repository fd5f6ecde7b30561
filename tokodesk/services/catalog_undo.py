"""*Undo last push* of catalogue edits (issue 23): the values the last push replaced, sent back on purpose.

The products are read first: a value changed on the marketplace since (in Seller Center) is left alone. A seller
SKU code is not undone (setting the old code again is an edit of its own, with its checks).
"""

from __future__ import annotations

from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.marketplace import base
from tokodesk.services.catalog_push import PushOutcome, _held, _row, push
from tokodesk.services.catalog_rules import ACCEPTED, DRAFT, SELLER_SKU, describe_value
from tokodesk.store import models as m


def last_push_id(channel: m.Channel) -> str:
    row = (m.CatalogEdit.select(m.CatalogEdit.push_id)
           .where((m.CatalogEdit.channel == channel.id) & (m.CatalogEdit.status == ACCEPTED)
                  & (m.CatalogEdit.push_id != ""))
           .order_by(m.CatalogEdit.push_id.desc()).first())
    return row.push_id if row else ""


def undo_plan(channel: m.Channel, adapter: base.Marketplace) -> tuple[str, list[m.CatalogEdit], list[str]]:
    """The accepted edits of the last push whose value the marketplace still holds, and why others are left alone.

    Reads the products first: a value changed since (in Seller Center) is not overwritten by an undo.
    """
    push_id = last_push_id(channel)
    if not push_id:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{name}: no catalogue push to undo"), name=channel.name)
    accepted = list(m.CatalogEdit.select().where((m.CatalogEdit.channel == channel.id)
                                                 & (m.CatalogEdit.push_id == push_id)
                                                 & (m.CatalogEdit.status == ACCEPTED)))
    undoable = [e for e in accepted if e.old_value is not None and e.field != SELLER_SKU]
    skipped = [f"{e.seller_sku} {e.field}: the value before the push is not known" for e in accepted
               if e.old_value is None and e.field != SELLER_SKU]
    skipped += [f"{e.seller_sku}: a seller SKU code is not undone; set the old one again on purpose "
                f"('tokodesk catalog set {e.seller_sku} --seller-sku {e.old_text}')" for e in accepted
                if e.field == SELLER_SKU]
    held = {p.product_id: p for p in adapter.read_catalog([_row(e) for e in undoable])}  # type: ignore[attr-defined]
    plan = []
    for e in undoable:
        product = held.get(e.product_id)
        now = _held(product, e.field) if product else None
        if now != e.new_value:
            skipped.append(f"{e.seller_sku} {e.field}: the marketplace now holds {describe_value(e.field, now)}, "
                           f"not the pushed {describe_value(e.field, e.new_value)}; left as it is")
            continue
        plan.append(e)
    return push_id, plan, skipped


def undo_last(channel: m.Channel, adapter: base.Marketplace | None = None) -> tuple[PushOutcome, list[str]]:
    """Send the old values of the last push back (they are what the marketplace held: no guard rail applies)."""
    from tokodesk.services.channels import channel_adapter

    with channel_adapter(channel, adapter) as live:
        push_id, plan, skipped = undo_plan(channel, live)
        database = m.CatalogEdit._meta.database
        with database.atomic():
            undo_ids = [
                m.CatalogEdit.create(channel=channel.id, product_id=e.product_id, parent_id=e.parent_id,
                                     marketplace_sku=e.marketplace_sku, seller_sku=e.seller_sku, field=e.field,
                                     old_value=e.new_value, new_value=e.old_value, status=DRAFT, undo_of=push_id).id
                for e in plan
            ]
        if not undo_ids:
            return PushOutcome(channel=channel.name), skipped
        outcome = push(channel, live, edit_ids=undo_ids, confirm_large=True)
    return outcome, skipped
