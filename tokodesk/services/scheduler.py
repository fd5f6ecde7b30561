"""The scheduler policy: which sync is due when, for each channel. Plain Python.

The GUI asks `due_runs()` from a QTimer (and `next_due_at()` to know when to wake); `tokodesk sync due` runs
`run_due()` once. The policy, from the channel's settings and the last `SyncRun` of each kind:

- orders every `orders_every_min` (5), statuses every `statuses_every_min` (15);
- inventory when a stock change waits (`inventory_dirty_at` after the last inventory run started) and every
  `inventory_every_min` (30), only with inventory sync on;
- reconciliation once a day at `recon_hour` WIB, only with reconciliation on;
- never a kind that is running for that channel (its lease is held); the lease also guards the run itself.

`SYNC_KINDS` maps a kind to its runner, "module:function", imported only when run. Every runner has the signature
`(channel, adapter=None, progress=None, cancel=None) -> RunSummary`. Another kind is one line here.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone

from tokodesk import config
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.marketplace import base
from tokodesk.services import runs
from tokodesk.store import models as m

log = logging.getLogger(__name__)

SYNC_KINDS: dict[str, str] = {
    "skus": "tokodesk.services.catalog:pull_skus",
    "orders": "tokodesk.services.orders:pull_orders",
    "statuses": "tokodesk.services.statuses:refresh_statuses",
    "inventory": "tokodesk.services.stock_push:sync_inventory",
    "recon": "tokodesk.services.reconciliation:sync_recon",
    "returns": "tokodesk.services.returns:sync_returns",
    "payouts": "tokodesk.services.payout_sync:sync_payouts",
}
# Kinds the scheduler starts by itself, in the order it starts them (orders before statuses: fresh orders first).
SCHEDULED = ("orders", "statuses", "inventory", "recon", "returns", "payouts")

Runner = Callable[..., runs.RunSummary]


def runner(kind: str) -> Runner:
    try:
        target = SYNC_KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown sync kind {kind!r} (known: {', '.join(SYNC_KINDS)})") from None
    module_name, _, func = target.partition(":")
    return _with_side_effects(kind, getattr(importlib.import_module(module_name), func))


def _with_side_effects(kind: str, func: Runner) -> Runner:
    """What every order-facing run does around its work, whoever starts it (CLI, window, scheduler):

    before: resume outbox actions a crash or a lost answer left open, so the pull sees their outcome;
    after: take shipped orders off on hand and schedule a stock push when orders moved.
    """
    if kind not in ("orders", "statuses"):
        return func

    def run(channel: m.Channel, adapter: base.Marketplace | None = None, progress: base.Progress | None = None,
            cancel: base.CancelCheck | None = None, **kwargs: object) -> runs.RunSummary:
        from tokodesk.services import fulfilment, inventory
        from tokodesk.services.channels import channel_adapter

        with channel_adapter(channel, adapter) as live:
            try:
                resumed = fulfilment.resume_pending(channel, live)
            except base.MarketplaceError as exc:  # the run itself will report the marketplace being unreachable
                log.warning("could not resume open actions of %s: %s", channel.name, exc)
                resumed = []
            summary = func(channel, live, progress, cancel, **kwargs)
        taken = inventory.take_stock_for_shipped_orders(channel)
        if summary.created or summary.updated or taken or resumed:
            inventory.mark_inventory_dirty(channel)
        return summary

    return run


@dataclass(frozen=True)
class Due:
    channel_id: int
    channel: str
    kind: str
    reason: str


def _last_start(channel: m.Channel, kind: str) -> datetime | None:
    run = runs.last_run(channel, kind)
    return run.started_at if run else None


def _recon_slot(now: datetime, hour: int) -> datetime:
    """The latest daily reconciliation time (recon_hour WIB) at or before `now`, as naive UTC."""
    local = now.replace(tzinfo=timezone.utc).astimezone(config.WIB)
    slot = datetime.combine(local.date(), time(hour=max(0, min(23, hour))), tzinfo=config.WIB)
    if slot > local:
        slot -= timedelta(days=1)
    return slot.astimezone(timezone.utc).replace(tzinfo=None)


def next_due(channel: m.Channel, kind: str, now: datetime | None = None) -> tuple[datetime | None, str]:
    """(when `kind` is next due for `channel` — possibly in the past —, why); (None, why not) when never."""
    now = now or m.utcnow()
    last = _last_start(channel, kind)
    if kind in ("orders", "statuses"):
        every = timedelta(minutes=max(1, getattr(channel, f"{kind}_every_min")))
        if last is None:
            return now, QT_TRANSLATE_NOOP("ChannelTab", "never run")
        return last + every, f"every {every.seconds // 60} min"
    if kind == "inventory":
        if not channel.inventory_sync:
            return None, QT_TRANSLATE_NOOP("ChannelTab", "inventory sync is off")
        if kind not in SYNC_KINDS:
            return None, QT_TRANSLATE_NOOP("ChannelTab", "inventory sync is not available in this build")
        if last is None:
            return now, QT_TRANSLATE_NOOP("ChannelTab", "never run")
        if channel.inventory_dirty_at and channel.inventory_dirty_at > last:
            return channel.inventory_dirty_at, QT_TRANSLATE_NOOP("ChannelTab", "stock changed")
        return (last + timedelta(minutes=max(1, channel.inventory_every_min)),
                QT_TRANSLATE_NOOP("ChannelTab", "periodic"))
    if kind == "recon":
        if not channel.recon_enabled:
            return None, QT_TRANSLATE_NOOP("ChannelTab", "reconciliation is off")
        if kind not in SYNC_KINDS:
            return None, QT_TRANSLATE_NOOP("ChannelTab", "reconciliation is not available in this build")
        slot = _recon_slot(now, channel.recon_hour)
        if last is None or last < slot:
            return slot, f"daily at {channel.recon_hour:02d}:00 WIB"
        return slot + timedelta(days=1), f"daily at {channel.recon_hour:02d}:00 WIB"
    if kind == "returns":
        from tokodesk.services import returns

        return returns.next_due(channel, now)
    if kind == "payouts":
        from tokodesk.services import payout_sync

        return payout_sync.next_due(channel, now)
    return None, QT_TRANSLATE_NOOP("ChannelTab", "run on demand")


def due_runs(now: datetime | None = None, channels: list[m.Channel] | None = None) -> list[Due]:
    """Everything due now, skipping kinds whose run is in progress."""
    now = now or m.utcnow()
    channels = channels if channels is not None else list(m.Channel.select().order_by(m.Channel.name))
    due = []
    for channel in channels:
        for kind in SCHEDULED:
            when, reason = next_due(channel, kind, now)
            if when is None or when > now:
                continue
            if runs.lease_holder(channel, kind) is not None:
                continue
            due.append(Due(channel.id, channel.name, kind, reason))
    return due


def next_wakeup(now: datetime | None = None, channels: list[m.Channel] | None = None) -> datetime | None:
    """When the GUI's timer should look again: the earliest time anything becomes due."""
    now = now or m.utcnow()
    channels = channels if channels is not None else list(m.Channel.select())
    times = [w for c in channels for k in SCHEDULED if (w := next_due(c, k, now)[0]) is not None]
    return max(min(times), now) if times else None


def run_due(
    now: datetime | None = None,
    progress: base.Progress | None = None,
    cancel: base.CancelCheck | None = None,
    *,
    adapters: dict[int, base.Marketplace] | None = None,
) -> list[runs.RunSummary]:
    """Run, one after another, everything due now. A run refused by a lease or failed does not stop the others."""
    summaries = []
    for item in due_runs(now):
        if cancel and cancel():
            break
        channel = m.Channel.get_by_id(item.channel_id)
        adapter = (adapters or {}).get(channel.id)
        try:
            summaries.append(runner(item.kind)(channel, adapter, progress, cancel))
        except runs.LeaseHeld as exc:
            log.info("%s", exc)
            summaries.append(runs.RunSummary(kind=item.kind, channel=channel.name, status="skipped", errors=[str(exc)]))
        except base.MarketplaceError as exc:
            # The run's own summary when it got as far as its log row: the row's id, what it read before failing.
            summaries.append(getattr(exc, "run_summary", None) or runs.RunSummary(
                kind=item.kind, channel=channel.name, status="failed", errors=[str(exc)]))
    return summaries
