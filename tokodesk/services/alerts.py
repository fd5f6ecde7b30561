"""Alerts that reach the seller away from the window: the rules, in plain Python (the tray shows what they return).

Kinds, each switchable:
- urgent: a new Instant / Same-day order to process (the collection comes within hours);
- due: an order still to ship within the chosen minutes of its ship-by (`work_order.due`);
- sync: a sync kind of a channel failing for longer than the chosen minutes (since its last good run);
- cancel_request: a buyer asked to cancel (read from the marketplace by the caller; the store keeps no flag);
- low_stock: a counted seller SKU whose available stock (on hand − what open orders hold) fell below the threshold.
- new_orders: orders a sync pulled for the first time, counted (its switch is the app setting `tray_notifications`,
  "Notify when new orders arrive").
No storm: each thing alerts once while it stays true (a SKU restocked and low again alerts again); a kind fires at
most once per `gap_min` minutes, and what came up in between is grouped into that one notification. What stopped
mattering before it was shown (shipped, answered) is dropped.
What was shown, and when each kind last fired, is kept per station in the settings store (`run_check`): a restart
(or the PC waking up) does not notify again what the seller was already told.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

from tokodesk import config
from tokodesk.marketplace import base
from tokodesk.services import work_order
from tokodesk.store import models as m

S = base.OrderState
KINDS = ("urgent", "due", "sync", "cancel_request", "low_stock")
NEW_ORDERS = "new_orders"  # counted, not keyed: a sync says how many it pulled
SETTING_KEY = "alerts"
NEW_ORDERS_KEY = "tray_notifications"  # the older app setting that has always been this switch
MEMORY_KEY = "alerts_memory"
SHOWN_NAMES = 3  # a grouped alert names this many, then "+N"
IN_WORK = work_order.TO_PROCESS | {S.AWAITING_PICKUP.value}
_EPOCH = datetime(1970, 1, 1)


@dataclass
class AlertSettings:
    new_orders: bool = True
    urgent: bool = True
    due: bool = True
    sync: bool = True
    cancel_request: bool = True
    low_stock: bool = False  # off until the seller sets the threshold that matters to the shop
    due_within_min: int = 60
    low_stock_below: int = 5
    sync_failed_min: int = 15
    gap_min: int = 5

    def enabled(self, kind: str) -> bool:
        return bool(getattr(self, kind))

    @classmethod
    def load(cls) -> AlertSettings:
        stored = m.AppSetting.read(SETTING_KEY, {}) or {}
        known = {k: v for k, v in stored.items() if k in cls.__dataclass_fields__ and k != NEW_ORDERS}
        settings = cls(**known)
        settings.new_orders = bool(config.APP_SETTINGS[NEW_ORDERS_KEY].coerce(m.AppSetting.read(NEW_ORDERS_KEY)))
        settings.due_within_min = max(1, int(settings.due_within_min))
        settings.sync_failed_min = max(1, int(settings.sync_failed_min))
        settings.gap_min = max(1, int(settings.gap_min))
        settings.low_stock_below = max(1, int(settings.low_stock_below))
        return settings

    def save(self) -> None:
        values = asdict(self)
        m.AppSetting.write(NEW_ORDERS_KEY, bool(values.pop(NEW_ORDERS)))
        m.AppSetting.write(SETTING_KEY, values)


@dataclass
class Snapshot:
    """What is true now, each item under a key that stays the same while it stays true: key -> its name."""

    urgent: dict[Hashable, str] = field(default_factory=dict)
    due: dict[Hashable, str] = field(default_factory=dict)
    sync: dict[Hashable, str] = field(default_factory=dict)
    # None: not known yet (the buyers' requests are read from the marketplace now and then): neither new nor gone.
    cancel_request: dict[Hashable, str] | None = field(default_factory=dict)
    low_stock: dict[Hashable, str] = field(default_factory=dict)


@dataclass
class Alert:
    kind: str
    names: list[str]  # what it is about (invoices, "channel: kind"), grouped
    number: int = 0  # new_orders: how many (they have no names)

    @property
    def count(self) -> int:
        return self.number or len(self.names)

    def summary(self) -> str:
        shown = ", ".join(self.names[:SHOWN_NAMES])
        more = len(self.names) - SHOWN_NAMES
        return f"{shown} +{more}" if more > 0 else shown


def token(key: Hashable) -> str:
    """A key as text that survives a restart: (1, "orders", datetime) and its JSON round trip are the same item."""
    def plain(value: object) -> object:
        if isinstance(value, (tuple, list)):
            return [plain(v) for v in value]
        if isinstance(value, (datetime, date)):
            return value.isoformat()
        return value

    return json.dumps(plain(key), ensure_ascii=False, separators=(",", ":"), default=str)


class AlertEngine:
    def __init__(self, settings: AlertSettings | None = None, clock: Callable[[], datetime] = m.utcnow) -> None:
        self.settings = settings or AlertSettings()
        self.clock = clock
        self.shown: dict[str, set[str]] = {k: set() for k in KINDS}
        self.waiting: dict[str, dict[str, str]] = {k: {} for k in KINDS}
        self.last_fired: dict[str, datetime] = {}
        self.arrivals = 0  # new orders pulled and not yet told
        self.recalled = False
        self.saved: dict | None = None

    def check(self, snapshot: Snapshot, arrived: int = 0) -> list[Alert]:
        """The alerts to show now (at most one per kind); `arrived`: new orders pulled since the last check."""
        now = self.clock()
        gap = timedelta(minutes=self.settings.gap_min)
        alerts = []
        self.arrivals += max(0, int(arrived))
        if not self.settings.enabled(NEW_ORDERS):
            self.arrivals = 0  # switched off: never told, and no burst when switched on
        elif self.arrivals and self._may_fire(NEW_ORDERS, now, gap):
            alerts.append(Alert(NEW_ORDERS, [], self.arrivals))
            self.arrivals = 0
            self.last_fired[NEW_ORDERS] = now
        for kind in KINDS:
            raw: dict[Hashable, str] | None = getattr(snapshot, kind)
            if raw is None:
                continue  # not known now: what was shown stays shown, what waits keeps waiting
            current = {token(k): v for k, v in raw.items()}
            # Gone before it was shown (shipped, answered, synced again): not worth a notification any more.
            self.waiting[kind] = {k: v for k, v in self.waiting[kind].items() if k in current}
            fresh = {k: v for k, v in current.items() if k not in self.shown[kind] and k not in self.waiting[kind]}
            if not self.settings.enabled(kind):
                self.shown[kind] |= set(fresh)  # switched off: seen, never shown (no burst when switched on)
                self.waiting[kind].clear()
                continue
            self.shown[kind] &= set(current)  # no longer true: alerts again if it comes back
            self.waiting[kind].update(fresh)
            if not self.waiting[kind] or not self._may_fire(kind, now, gap):
                continue
            alerts.append(Alert(kind, sorted(self.waiting[kind].values())))
            self.shown[kind] |= set(self.waiting[kind])
            self.waiting[kind].clear()
            self.last_fired[kind] = now
        return alerts

    def _may_fire(self, kind: str, now: datetime, gap: timedelta) -> bool:
        last = self.last_fired.get(kind)
        # A clock set back (or a memory from a clock ahead) must not silence a kind for good: only a gap that has
        # not passed yet holds it.
        return last is None or not (timedelta(0) <= now - last < gap)

    def remember(self) -> dict:
        """What must outlive a restart: what was shown, and when each kind last fired."""
        return {"shown": {k: sorted(v) for k, v in self.shown.items() if v},
                "last_fired": {k: v.isoformat() for k, v in sorted(self.last_fired.items())}}

    def recall(self, saved: object) -> None:
        """Take back what `remember` gave (before the first check after a start). Anything unreadable is dropped:
        at worst an alert is shown once more."""
        self.recalled = True
        if not isinstance(saved, dict):
            return
        shown = saved.get("shown")
        if isinstance(shown, dict):
            for kind in KINDS:
                items = shown.get(kind)
                if isinstance(items, list):
                    self.shown[kind] |= {str(i) for i in items}
        fired = saved.get("last_fired")
        if isinstance(fired, dict):
            for kind, when in fired.items():
                try:
                    self.last_fired[str(kind)] = datetime.fromisoformat(str(when))
                except ValueError:
                    continue
        self.saved = self.remember()


def memory_key(station: str | None = None) -> str:
    """Each station tells its own seller: the memory is kept per station (several PCs may share one database)."""
    return f"{MEMORY_KEY}:{station or config.station_id()}"


def run_check(engine: AlertEngine, cancel_requests: dict[Hashable, str] | None = None, arrived: int = 0,
              now: datetime | None = None) -> tuple[AlertSettings, list[Alert]]:
    """One check as the tray runs it (in a job): the seller's settings, the store read, the memory kept."""
    settings = AlertSettings.load()
    engine.settings = settings
    if not engine.recalled:
        engine.recall(m.AppSetting.read(memory_key()))
    alerts = engine.check(gather(settings, now, cancel_requests), arrived)
    memory = engine.remember()
    if memory != engine.saved:
        m.AppSetting.write(memory_key(), memory)
        engine.saved = memory
    return settings, alerts


def _due_seconds(row: m.Order) -> int | None:
    return work_order.due(row.state, row.accept_deadline, row.ship_deadline, row.tts_sla_time)


def gather(settings: AlertSettings, now: datetime | None = None,
           cancel_requests: dict[Hashable, str] | None = None) -> Snapshot:
    """Read from the store what the enabled kinds watch (the buyers' requests come from the caller; None: not read
    yet)."""
    now = now or m.utcnow()
    snap = Snapshot(cancel_request=None if cancel_requests is None else dict(cancel_requests))
    if settings.urgent or settings.due:
        query = m.Order.select(m.Order.id, m.Order.invoice, m.Order.order_id, m.Order.state, m.Order.priority_level,
                               m.Order.accept_deadline, m.Order.ship_deadline, m.Order.tts_sla_time).where(
            m.Order.state.in_(sorted(IN_WORK)))
        limit = now + timedelta(minutes=settings.due_within_min)
        for row in query:
            name = row.invoice or row.order_id
            if settings.urgent and work_order.urgency(row.priority_level) and row.state in work_order.TO_PROCESS:
                snap.urgent[row.id] = name
            due = _due_seconds(row)
            if settings.due and due is not None and _EPOCH + timedelta(seconds=due) <= limit:
                snap.due[row.id] = name
    if settings.sync:
        snap.sync = failing_syncs(now, timedelta(minutes=settings.sync_failed_min))
    if settings.low_stock:
        from tokodesk.services.inventory import stock_overview

        for line in stock_overview():
            if line.available is not None and line.listings and line.available < settings.low_stock_below:
                snap.low_stock[line.seller_sku] = f"{line.seller_sku} ({line.available})"
    return snap


def failing_syncs(now: datetime, longer_than: timedelta) -> dict[Hashable, str]:
    """Channel syncs whose runs have all failed for longer than `longer_than`: (channel, kind, since) -> a name."""
    out: dict[Hashable, str] = {}
    since = now - timedelta(days=2)
    runs = (m.SyncRun.select(m.SyncRun.channel, m.SyncRun.kind, m.SyncRun.started_at, m.SyncRun.status, m.Channel.name)
            .join(m.Channel).where((m.SyncRun.started_at >= since) & (m.SyncRun.status != "running"))
            .order_by(m.SyncRun.started_at).tuples())
    streak: dict[tuple[int, str], tuple[datetime, str] | None] = {}
    for channel_id, kind, started, status, name in runs:
        key = (channel_id, kind)
        if status == "failed":
            if streak.get(key) is None:
                streak[key] = (_naive(started), name)
        elif status in ("ok", "partial"):
            streak[key] = None
    for (channel_id, kind), found in streak.items():
        if found is not None and now - found[0] >= longer_than:
            out[(channel_id, kind, found[0])] = f"{found[1]}: {kind}"
    return out


def _naive(value: object) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
