"""Which channel, which adapter, and what a channel's settings may say."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone

from tokodesk import config
from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.marketplace import base
from tokodesk.store import models as m

# marketplace -> (module, class). Imported only when a channel of that marketplace is used, so the CLI and the
# tests never load an HTTP client they do not need.
ADAPTERS: dict[str, tuple[str, str]] = {
    "tokopedia": ("tokodesk.marketplace.tokopedia", "TokopediaClient"),
    "tiktokshop": ("tokodesk.marketplace.tiktokshop", "TikTokShopClient"),
}

# How far back each marketplace's order list serves (Tokopedia: "the last 3 days max", research/vinculum §Notes).
# None: no limit the API documents.
ORDER_HISTORY_LIMIT: dict[str, timedelta | None] = {
    "tokopedia": timedelta(days=3),
    "tiktokshop": None,
}


def new_channel_settings(marketplace: str) -> dict[str, object]:
    """The settings a channel starts with when it is added (the wizard's form, `tokodesk channel add`), where they
    differ from the model's defaults. Existing channels keep what they have: this is never applied to a saved row.

    Tokopedia & Shop prints the marketplace's own shipping document: with platform logistics the API "desensitizes"
    the recipient's name and phone (Get Order Detail, `recipient_address.name`: "if this order uses platform
    logistics, recipient name will be desensitized"; official OAS paths/order.json), so TokoDesk's own label would
    carry "Agu*********ti" / "6283*******89" and the courier could not call the buyer; the platform's label
    (Get Package Shipping Document, GET /fulfillment/202309/packages/{package_id}/shipping_documents) carries what
    the courier needs."""
    return {"use_marketplace_label": marketplace == "tiktokshop"}


def get_channel(name: str | None = None) -> m.Channel:
    """The channel called `name`; with None, the only channel there is."""
    if name is not None:
        channel = m.Channel.get_or_none(m.Channel.name == name)
        if channel is None:
            known = ", ".join(c.name for c in m.Channel.select(m.Channel.name).order_by(m.Channel.name))
            if not known:
                raise UserError(QT_TRANSLATE_NOOP("Refusals", "no channel called {name!r}: no channel is set up yet; "
                                                              "add one with 'tokodesk channel add {name} …' (or open "
                                                              "the window)"), name=name)
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "no channel called {name!r} (channels: {known}); see "
                                                          "'tokodesk channel list'"), name=name, known=known)
        return channel
    channels = list(m.Channel.select().order_by(m.Channel.name).limit(2))
    if not channels:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "no channel is set up yet: add one with 'tokodesk channel add "
                                                      "NAME …' (or open the window)"))
    if len(channels) > 1:
        names = ", ".join(c.name for c in m.Channel.select(m.Channel.name).order_by(m.Channel.name))
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "there are several channels ({names}): say which one with "
                                                      "--channel NAME"), names=names)
    return channels[0]


def adapter_factory(marketplace: str) -> Callable[[m.Channel], base.Marketplace]:
    try:
        module_name, class_name = ADAPTERS[marketplace]
    except KeyError:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "channel marketplace {marketplace!r} is not one TokoDesk knows "
                                                      "({adapters})"),
                        marketplace=marketplace, adapters=', '.join(ADAPTERS)) from None
    module = importlib.import_module(module_name)
    cls = getattr(module, class_name, None)
    if cls is None:  # the class may live in a sub-module the package does not re-export
        for sub in ("client", "adapter"):
            try:
                cls = getattr(importlib.import_module(f"{module_name}.{sub}"), class_name, None)
            except ModuleNotFoundError:
                continue
            if cls is not None:
                break
    if cls is None:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "the {marketplace} adapter is not installed in this build of "
                                                      "TokoDesk"), marketplace=marketplace)
    return cls.from_channel


def adapter_for(channel: m.Channel) -> base.Marketplace:
    """The marketplace client for this channel, built from its settings and the keyring."""
    from tokodesk.services.token_share import share_tokens

    adapter = adapter_factory(channel.marketplace)(channel)
    share_tokens(adapter)  # one refresh at a time, and its tokens for every station
    return adapter



@contextmanager
def channel_adapter(channel: m.Channel, adapter: base.Marketplace | None = None) -> Iterator[base.Marketplace]:
    """The adapter a caller handed in, or one made from the channel's settings and closed when done."""
    if adapter is not None:
        yield adapter
        return
    made = adapter_for(channel)
    try:
        yield made
    finally:
        made.close()

def validate_endpoint(url: str, what: str) -> str:
    """A channel's API or auth base URL as stored (no trailing slash), or UserError: https, or http to this PC only.

    `what` names the setting as the user typed it (`--api-base`, "API base URL")."""
    from tokodesk.marketplace.endpoints import endpoint_problem

    url = (url or "").strip()
    problem = endpoint_problem(url, what)
    if problem:
        raise UserError(problem)
    return url.rstrip("/")


def _naive_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def history_limit(capabilities: base.Capabilities) -> timedelta | None:
    return ORDER_HISTORY_LIMIT.get(capabilities.marketplace)


def validate_order_sync_from(
    when: datetime, capabilities: base.Capabilities, *, now: datetime | None = None
) -> datetime:
    """Check an "order sync from" date at setup; return it as naive UTC or raise UserError saying why not.

    A naive `when` is UTC (the database form); the message shows WIB, what a seller reads.
    """
    now = _naive_utc(now) if now else m.utcnow()
    when = _naive_utc(when)
    if when > now + timedelta(minutes=5):
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "Order sync from: {wib} is in the future; pick today or an "
                                                      "earlier date so new orders are pulled"), wib=config.wib(when))
    limit = history_limit(capabilities)
    # A minute of grace: a date computed as "3 days ago" in the wizard is still valid when it is saved.
    if limit is not None and when < now - limit - timedelta(minutes=1):
        days = limit.days or 1
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "Order sync from: {wib} is older than {display_name} can "
                                                      "serve. Its order API returns only the last {days} days, so "
                                                      "orders before {floor} would never be pulled. Pick {floor} or "
                                                      "later; older orders have to be handled in Seller Center."),
                        wib=config.wib(when), display_name=capabilities.display_name, days=days,
                        floor=config.wib(now - limit))
    return when


def default_order_sync_from(capabilities: base.Capabilities, *, now: datetime | None = None) -> datetime:
    """The earliest date the API serves (3 days back on Tokopedia), or 3 days back when it has no limit."""
    now = _naive_utc(now) if now else m.utcnow()
    return now - (history_limit(capabilities) or timedelta(days=3))
