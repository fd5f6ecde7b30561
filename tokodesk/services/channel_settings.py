"""The channel maintenance settings and their one validation, shared by the window's settings form
(ui/channel_form.py) and `tokodesk channel set` (commands/channel_set.py), so both accept exactly the same values.

`parse(key, text)` turns what a seller typed into a typed value; `validate(values)` checks typed values (from the
form or from `parse`) and returns them normalised, or raises `SettingError` naming the key and what it accepts.
Nothing is written until every value passed: `apply()` writes them all in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from tokodesk import config
from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said

if TYPE_CHECKING:  # the store only to write (`apply`): `tokodesk --help` lists SPECS' keys, and opens no store
    from tokodesk.store import models as m

_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")
_NONE = ("", "none", "off")


@dataclass(frozen=True)
class Spec:
    key: str
    kind: str  # choice | bool | int | text | time
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    nullable: bool = False  # "none" clears it (an int that may be unset)
    fixed: str = ""  # why it cannot be changed after the channel was added ("" when it can)
    means: str = ""  # what the value does, said with a refusal so the seller knows what to type

    def accepts(self) -> str:
        """What the setting accepts, in words (the CLI's error and help, the form's checks)."""
        if self.fixed:
            return self.fixed
        if self.kind == "choice":
            return " | ".join(self.choices)
        if self.kind == "bool":
            return "true | false"
        if self.kind == "int":
            if self.nullable:
                return said(QT_TRANSLATE_NOOP("Refusals", "a whole number from {minimum} to {maximum}, or none"),
                            minimum=self.minimum, maximum=self.maximum)
            return said(QT_TRANSLATE_NOOP("Refusals", "a whole number from {minimum} to {maximum}"),
                        minimum=self.minimum, maximum=self.maximum)
        if self.kind == "time":
            return said(QT_TRANSLATE_NOOP("Refusals", "a date YYYY-MM-DD or 'YYYY-MM-DD HH:MM' (WIB), not in the "
                                                      "future"))
        return said(QT_TRANSLATE_NOOP("Refusals", "text (may be empty)"))


SPECS: dict[str, Spec] = {
    s.key: s
    for s in (
        Spec("name", "text", fixed=QT_TRANSLATE_NOOP("Refusals", "fixed: the channel's secrets in the OS keyring "
                                                                 "are filed under its name; add a channel under the "
                                                                 "new name instead")),
        Spec("warehouse_id", "text"),
        Spec("order_sync_from", "time", fixed=QT_TRANSLATE_NOOP("Refusals", "fixed: order sync continues from the "
                                                                            "last pull; the start date is set once, "
                                                                            "when the channel is added")),
        Spec("return_sync_from", "time"),
        Spec("business_model", "choice", ("pickup", "dropoff", "own_courier")),
        Spec("ready_to_ship_at", "choice", ("pack", "manifest")),
        Spec("use_marketplace_label", "bool"),
        Spec("orders_on_invoice", "bool"),
        Spec("inventory_sync", "bool"),
        Spec("inventory_method", "choice", ("delta", "full")),
        Spec("push_zero_below", "int", minimum=0, maximum=100_000, nullable=True),
        Spec("recon_enabled", "bool"),
        Spec("recon_hour", "int", minimum=0, maximum=23),
        Spec("recon_autofix", "bool"),
        Spec("sku_pull_mode", "choice", ("create", "map_only")),
        Spec("map_strip_prefix", "text"),
        Spec("map_strip_suffix", "text"),
        Spec("orders_every_min", "int", minimum=1, maximum=1440),
        # Catalogue push guard rails (issue 23).
        Spec("price_change_confirm_pct", "int", minimum=1, maximum=1000,
             means=QT_TRANSLATE_NOOP("Refusals", "a price change of more than this many percent, up or down, waits "
                                                 "for a second confirmation; 0 would ask for every change and a "
                                                 "negative percentage means nothing")),
        Spec("price_floor", "int", minimum=0, maximum=500_000_000,
             means=QT_TRANSLATE_NOOP("Refusals", "a new price below this many rupiah waits for a second "
                                                 "confirmation; 0 sets no floor, and a price is never negative")),
        Spec("statuses_every_min", "int", minimum=1, maximum=1440),
        Spec("inventory_every_min", "int", minimum=1, maximum=1440),
    )
}
TEXT_MAX = 100


class SettingError(UserError):
    """A setting's key or value is not accepted; the text names the key and what it accepts."""

    def __init__(self, key: str, message: str, /, **params: object) -> None:
        super().__init__(message, **params)
        self.key = key


def _spec(key: str) -> Spec:
    spec = SPECS.get(key)
    if spec is None:
        raise SettingError(key, QT_TRANSLATE_NOOP("Refusals", "{key!r} is not a channel setting; the settings are: "
                                                              "{settings}"), key=key, settings=", ".join(SPECS))
    return spec


def _bad(spec: Spec, shown: object) -> SettingError:
    if spec.means:
        return SettingError(spec.key, QT_TRANSLATE_NOOP("Refusals", "{key}={shown!r} is not accepted; {key} takes "
                                                                    "{accepts} ({means})"),
                            key=spec.key, shown=shown, accepts=spec.accepts(), means=spec.means)
    return SettingError(spec.key, QT_TRANSLATE_NOOP("Refusals", "{key}={shown!r} is not accepted; {key} takes "
                                                                "{accepts}"),
                        key=spec.key, shown=shown, accepts=spec.accepts())


def parse(key: str, text: str) -> Any:
    """What a seller typed (`KEY=VALUE` on the command line) as the setting's type; SettingError if it is not."""
    spec = _spec(key)
    raw = text.strip()
    if spec.kind == "bool":
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        raise _bad(spec, text)
    if spec.kind == "int":
        if spec.nullable and raw.lower() in _NONE:
            return None
        try:
            return int(raw)
        except ValueError:
            raise _bad(spec, text) from None
    if spec.kind == "time":
        try:
            when = datetime.fromisoformat(raw)
        except ValueError:
            raise _bad(spec, text) from None
        return when if when.tzinfo else when.replace(tzinfo=config.WIB)
    return raw if spec.kind == "text" else raw.lower()


def validate(values: Mapping[str, Any], *, now: datetime | None = None) -> dict[str, Any]:
    """Every value checked against its setting; the values as they are stored (times naive UTC). Raises
    SettingError for the first key that is unknown, fixed or out of range, before anything is written."""
    now = now or datetime.now(timezone.utc)
    out: dict[str, Any] = {}
    for key, value in values.items():
        spec = _spec(key)
        if spec.fixed:
            raise SettingError(key, QT_TRANSLATE_NOOP("Refusals", "{key} cannot be set: {fixed}"), key=key,
                               fixed=spec.fixed)
        if spec.kind == "choice":
            if value not in spec.choices:
                raise _bad(spec, value)
        elif spec.kind == "bool":
            if not isinstance(value, bool):
                raise _bad(spec, value)
        elif spec.kind == "int":
            if value is None and spec.nullable:
                pass
            elif isinstance(value, bool) or not isinstance(value, int) or not (
                    spec.minimum <= value <= spec.maximum):  # type: ignore[operator]
                raise _bad(spec, value)
        elif spec.kind == "time":
            if not isinstance(value, datetime):
                raise _bad(spec, value)
            aware = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
            if aware > now:
                raise _bad(spec, config.wib(aware))
            value = aware.astimezone(timezone.utc).replace(tzinfo=None)
        else:
            value = "" if value is None else str(value).strip()
            if len(value) > TEXT_MAX or any(ch in value for ch in "\r\n\t"):
                raise SettingError(key, QT_TRANSLATE_NOOP("Refusals", "{key} takes one line of at most {most} "
                                                                      "characters"), key=key, most=TEXT_MAX)
        out[key] = value
    return out


def apply(channel: m.Channel, values: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Validate, then write every value in one transaction; {key: (before, after)} of what changed."""
    from tokodesk.store import models as m

    checked = validate(values)
    changed = {k: (getattr(channel, k), v) for k, v in checked.items() if getattr(channel, k) != v}
    if changed:
        with m.db.atomic():
            m.Channel.update(**{k: after for k, (_before, after) in changed.items()}).where(
                m.Channel.id == channel.id).execute()
    return changed
