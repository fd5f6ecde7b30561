"""Start a sync kind (skus, orders, statuses, inventory, recon) for a channel in its lane, and say what changed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.store import models as m
from tokodesk.ui.context import AppContext
from tokodesk.ui.services import has, optional
from tokodesk.ui.workers import Job, JobContext

# What each kind's result changes on screen.
_CHANGES = {
    "skus": ("catalog", "stock", "orders"),
    "orders": ("orders", "stock"),
    "statuses": ("orders", "stock"),
    "inventory": ("stock",),
    "recon": ("stock",),
    "returns": ("stock",),  # a decision resumed by the run may have put goods back
    "payouts": ("payouts",),
}
KIND_LABELS = {
    "skus": QT_TRANSLATE_NOOP("Sync", "Products (SKU pull)"),
    "orders": QT_TRANSLATE_NOOP("Sync", "Orders"),
    "statuses": QT_TRANSLATE_NOOP("Sync", "Order statuses"),
    "inventory": QT_TRANSLATE_NOOP("Sync", "Stock push"),
    "recon": QT_TRANSLATE_NOOP("Sync", "Reconciliation"),
    "returns": QT_TRANSLATE_NOOP("Sync", "Returns"),
    "payouts": QT_TRANSLATE_NOOP("Sync", "Payouts"),
}


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("Sync", KIND_LABELS.get(kind, kind))


# Runners the scheduler may not list yet (their services landed separately); same signature as its runners.
_FALLBACK_RUNNERS = {
    "inventory": ("services.stock_push", "sync_inventory"),
    "recon": ("services.reconciliation", "sync_recon"),
}


def runner(kind: str) -> Any:
    from tokodesk.services import scheduler

    if kind in scheduler.SYNC_KINDS:
        return scheduler.runner(kind)
    module, name = _FALLBACK_RUNNERS[kind]
    found = optional(module)
    if found is None or not hasattr(found, name):
        raise KeyError(kind)
    return getattr(found, name)


def available_kinds() -> list[str]:
    from tokodesk.services import scheduler

    kinds = []
    for kind in ("skus", "orders", "statuses", "inventory", "recon"):
        if kind in scheduler.SYNC_KINDS or (kind in _FALLBACK_RUNNERS and has(*_FALLBACK_RUNNERS[kind])):
            kinds.append(kind)
    return kinds


def running(ctx: AppContext, channel_id: int, kind: str) -> Job | None:
    for job in ctx.jobs.jobs():
        if getattr(job, "sync_key", None) == (channel_id, kind) and not job.is_finished:
            return job
    return None


def start_sync(ctx: AppContext, kind: str, channel_id: int | None = None, **kwargs: Any) -> Job | None:
    """Queue one run; a kind already queued or running for the channel is not queued twice."""
    channel_id = ctx.channel_id if channel_id is None else channel_id
    if channel_id is None:
        return None
    existing = running(ctx, channel_id, kind)
    if existing is not None:
        return existing

    def work(jc: JobContext) -> Any:
        channel = m.Channel.get_by_id(channel_id)
        adapter = ctx.adapter(channel) if ctx.adapter_factory is not None else None
        return runner(kind)(channel, adapter, jc.progress, jc.cancelled, **kwargs)

    def done(summary: Any) -> None:
        ctx.announce("sync_runs", *_CHANGES.get(kind, ()))
        if kind == "orders" and getattr(summary, "created", 0):
            ctx.new_orders.emit(int(summary.created))

    name = ctx.channels.get(channel_id, {}).get("name", "")
    title = QCoreApplication.translate("Sync", "Sync {0} — {1}").format(kind_label(kind), name)
    job = ctx.jobs.submit(work, title=title, lane=ctx.lane(channel_id), on_result=done,
                          on_error=lambda _e, _d: ctx.announce("sync_runs", *_CHANGES.get(kind, ())))
    job.sync_key = (channel_id, kind)  # type: ignore[attr-defined]
    return job
