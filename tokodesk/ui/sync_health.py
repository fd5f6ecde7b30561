"""How fresh the queue is: when orders were last pulled, per channel, and a warning with Retry when pulls fail.

Seen (issue 14 §4): with the network down the Orders tab still said "Idle"; the failed pull showed only in the
Channel tab's log, so a packer worked from a queue hours old. One watcher reads every channel's order-pull health in
the background (after each sync, on a timer for "overdue", when the channel changes); the Orders tab shows a line
above the queue and the main window a compact one in the status bar, both turning into a warning (offline or
failed, since when, the reason in words, Retry) when the pulls stop working.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from tokodesk.ui import queries as q
from tokodesk.ui.context import AppContext
from tokodesk.ui.formatting import to_wib
from tokodesk.ui.i18n import is_language_change, translate
from tokodesk.ui.messages import in_words, stored_said
from tokodesk.ui.queue_notice import ElidedLabel

log = logging.getLogger(__name__)
REFRESH_MS = 30_000
# Words the adapters use when nothing answered (NotReachable); the run log keeps only the text, not the type.
_OFFLINE_WORDS = ("reach", "connect", "timed out", "timeout", "offline", "network", "dns")


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def when_text(value: datetime | None, now: datetime | None = None) -> str:
    """'08:42 WIB' today, '04/12 08:42 WIB' another day: short enough for the status bar."""
    local = to_wib(value)
    if local is None:
        return ""
    today = to_wib(now or _now())
    return local.strftime("%H:%M WIB" if today and local.date() == today.date() else "%d/%m %H:%M WIB")


def looks_offline(reason: str) -> bool:
    low = reason.lower()
    return any(word in low for word in _OFFLINE_WORDS)


def _reason(text: str, words: object = None) -> str:
    """The adapter's words, without the pull's own preamble ("the order pull stopped at …: "): since when is
    already said. TokoDesk's own words (kept beside the run's error) come back as words, to be said again."""
    from tokodesk.services.orders import PULL_STOPPED

    said_ = stored_said(text, words)
    if said_ is not None:
        return said_.params.get("error", said_) if said_.template == PULL_STOPPED else said_
    return re.sub(r"^the order pull stopped at .*? WIB: ", "", text.strip())


def describe_health(health: q.SyncHealth, now: datetime | None = None, *, short: bool = False) -> str:
    """One channel's freshness in words (`short`: for the status bar, without the reason)."""
    now = now or _now()
    last = when_text(health.last_ok, now)
    if health.failing_since is not None:
        since = when_text(health.failing_since, now)
        head = (translate("SyncHealth", "Offline since {0}") if looks_offline(health.reason)
                else translate("SyncHealth", "Order sync failing since {0}")).format(since)
        if short:
            return head
        tail = (translate("SyncHealth", "Orders last pulled {0}.").format(last) if last
                else translate("SyncHealth", "Orders never pulled yet."))
        reason = in_words(_reason(health.reason, health.reason_words))  # in the window's language
        # Since when and the last good pull first: the reason (the adapter's words) may be long and end in "…".
        return f"{head}. {tail} {reason}".strip()
    if health.overdue:
        if not last:
            return translate("SyncHealth", "Orders not pulled yet (due every {0} min)").format(health.every_min)
        return translate("SyncHealth", "Orders not pulled since {0} (due every {1} min)").format(last, health.every_min)
    if not last:
        return translate("SyncHealth",
                         "Pulling orders…") if health.running else translate("SyncHealth", "Orders not pulled yet")
    minutes = max(0, int((now - health.last_ok).total_seconds() // 60)) if health.last_ok else 0
    ago = translate("SyncHealth", "just now") if minutes < 1 else translate("SyncHealth", "{0} min ago").format(minutes)
    return translate("SyncHealth", "Orders pulled {0} ({1})").format(last, ago)


class SyncHealthWatcher(QObject):
    """Reads `queries.sync_health` off the GUI thread and hands the result to the widgets showing it."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None, interval_ms: int = REFRESH_MS) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.health: list[q.SyncHealth] = []
        self._reading = False
        self._again = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)  # "overdue" comes with the clock, not with an event
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        ctx.sync_runs_changed.connect(self.refresh)
        ctx.channels_changed.connect(self.refresh)
        ctx.channel_selected.connect(lambda _cid: self.refresh())
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        if self.ctx.jobs.closed:
            return
        if self._reading:
            self._again = True  # a sync ended while reading: read once more afterwards
            return
        self._reading = True

        def done(found: list[q.SyncHealth]) -> None:
            self._reading = False
            self.health = found
            self.changed.emit()
            if self._again:
                self._again = False
                self.refresh()

        def failed(exc: BaseException, _detail: str) -> None:
            self._reading = False
            log.warning("reading the sync health failed: %s", exc)

        try:
            self.ctx.jobs.submit(lambda _jc: q.sync_health(), title=self.tr("Checking the order sync"),
                                 background=True, on_result=done, on_error=failed)
        except RuntimeError:  # the window is closing
            self._reading = False

    def for_channels(self, channel_ids: Sequence[int] | None) -> list[q.SyncHealth]:
        """The channels in view (None: all of them), warnings first."""
        shown = [h for h in self.health if channel_ids is None or h.channel_id in channel_ids]
        return sorted(shown, key=lambda h: (not h.warning, h.channel))

    def retry(self, channel_ids: Sequence[int] | None) -> None:
        """Pull again now, for each channel in view whose pulls are failing or overdue."""
        from tokodesk.ui.sync import start_sync

        for health in self.for_channels(channel_ids):
            if health.warning:
                start_sync(self.ctx, "orders", health.channel_id)
                if health.failing_kind == "statuses":
                    start_sync(self.ctx, "statuses", health.channel_id)


class SyncHealthLine(QFrame):
    """A line above the queue: grey "Orders pulled 08:42 WIB" while all is well, amber with Retry when not.

    Always two lines high (one in the status bar), the Retry button keeping its place when hidden: the queue never
    jumps when a pull fails.
    """

    changed = Signal()  # its words changed

    def __init__(self, watcher: SyncHealthWatcher, channels: Any, *, short: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.watcher = watcher
        self.channels = channels  # () -> the channel ids in view, or None for all
        self.short = short
        self.setObjectName("syncHealth")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 1, 6, 1)
        # Above the queue, two lines: the warning's advice (what to do: check the internet connection, or the API
        # address) is read on a 1366 px screen, not cut into the tooltip. Always two lines high: the queue below
        # never moves when a warning comes. The status bar's short line stays one line.
        lines = 1 if short else 2
        self.label = ElidedLabel(lines=lines)
        self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Never what widens the window (a longer reason still ends in "…", whole in the tooltip), yet room for
        # "Offline since …".
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setMinimumWidth(self.fontMetrics().horizontalAdvance("⚠ Orders pulled 04/12 08:42 WIB (59 min ago)"))
        self.label.setMinimumHeight(lines * self.fontMetrics().lineSpacing())
        layout.addWidget(self.label, 1)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setToolTip(self.tr("Pull the orders again now"))
        self.retry_button.clicked.connect(lambda: self.watcher.retry(self.channels()))
        policy = self.retry_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.retry_button.setSizePolicy(policy)
        layout.addWidget(self.retry_button)
        self.warning = False
        watcher.changed.connect(self.update_text)
        self.update_text()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if is_language_change(event, self) and hasattr(self, 'retry_button'):
            self.update_text()  # "Orders pulled 08:42 WIB" in words

    @Slot()
    def update_text(self) -> None:
        found = self.watcher.for_channels(self.channels())
        now = _now()
        several = len(found) > 1
        shown = found
        if self.short and several:  # the status bar: the shops in trouble, or else the least fresh one
            shown = [h for h in found if h.warning] or [min(found, key=lambda h: h.last_ok or datetime.min)]
        parts = [(f"{h.channel}: " if several else "") + describe_health(h, now, short=self.short) for h in shown]
        self.warning = any(h.warning for h in found)
        text = "  ·  ".join(parts)
        self.label.set_full_text(("⚠ " if self.warning else "") + text)
        full = "\n".join((f"{h.channel}: " if several else "") + describe_health(h, now) for h in found)
        self.label.setToolTip(full)
        self.setToolTip(full)
        self.retry_button.setVisible(self.warning)
        # A warning reads from the left like a message; the quiet "pulled at" sits at the right edge.
        side = Qt.AlignmentFlag.AlignLeft if self.warning and not self.short else Qt.AlignmentFlag.AlignRight
        self.label.setAlignment(side | Qt.AlignmentFlag.AlignVCenter)
        self.setStyleSheet(
            "#syncHealth { background: #fff3cd; border: 1px solid #e0b252; border-radius: 4px; }"
            "#syncHealth QLabel { color: #664d03; font-weight: bold; }" if self.warning
            else "#syncHealth QLabel { color: #555; }"
        )
        self.changed.emit()  # the row beside a message shares its width by these words (NoticeRow)

    def text(self) -> str:
        return self.label.full_text()
