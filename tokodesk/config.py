"""Paths and declared settings. Plain Python: imported by the CLI, the services and the UI alike."""

from __future__ import annotations

import getpass
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP

WIB = ZoneInfo("Asia/Jakarta")
KEYRING_SERVICE = "tokodesk"


def wib(moment: datetime, *, seconds: bool = False) -> str:
    """A stored time (naive UTC; an aware one is converted) as the seller reads it in messages and logs: WIB."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return aware.astimezone(WIB).strftime("%Y-%m-%d %H:%M:%S WIB" if seconds else "%Y-%m-%d %H:%M WIB")


def data_dir() -> Path:
    """The data folder: `TOKODESK_HOME`, else the platform's per-user app-data folder."""
    env = os.environ.get("TOKODESK_HOME")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / "TokoDesk"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "TokoDesk"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "tokodesk"


def ensure_data_dir() -> Path:
    """Create the data folder private to the user (0700): it holds the database and the logs."""
    path = data_dir()
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, 0o700)
    return path


def database_url() -> str:
    """TOKODESK_DB, else the station setting (station.json; may read the keyring), else SQLite in the data folder."""
    env = os.environ.get("TOKODESK_DB")
    if env:
        return env
    from tokodesk.station import configured_url  # lazily: station needs credentials, which imports this module

    return configured_url() or f"sqlite:///{data_dir() / 'tokodesk.db'}"


def station_id() -> str:
    """Who acts, for the audit trail: user@host, or TOKODESK_STATION when several stations share a login."""
    station = os.environ.get("TOKODESK_STATION")
    if station:
        return station
    try:
        user = getpass.getuser()
    except Exception:  # getpass raises on some service accounts; the host still identifies the desk
        user = "user"
    return f"{user}@{socket.gethostname()}"


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    label: str
    help: str = ""
    choices: tuple[str, ...] = ()

    def coerce(self, value: Any) -> Any:
        if value is None:
            return self.default
        if self.type is bool:
            if isinstance(value, str):
                return value.strip().lower() in {"1", "true", "yes", "on", "ya"}
            return bool(value)
        value = self.type(value)
        if self.choices and value not in self.choices:
            raise ValueError(f"{self.label}: {value!r} is not one of {', '.join(self.choices)}")
        return value


# App-wide settings (stored in the AppSetting table). Channel settings are columns of the Channel row;
# their labels live in CHANNEL_SETTING_LABELS so the wizard, the Channel tab and the CLI say the same thing.
APP_SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("language", str, "system", "Language", "system, en or id", ("system", "en", "id")),
        Setting("label_printer", str, "", "Label printer", "Printer name; empty uses the system default"),
        Setting("label_size", str, "100x150", "Label size", "", ("100x150", "100x100", "a6", "a4")),
        Setting("label_orientation", str, "portrait", "Orientation", "", ("portrait", "landscape")),
        Setting("label_margin_mm", float, 0.0, "Label margin (mm)"),
        Setting("document_printer", str, "", "Document printer", "For invoices, manifests and picklists"),
        Setting("label_order", str, "courier", "Print labels in order of", "", ("courier", "sku", "deadline")),
        Setting("tray_notifications", bool, True, "Notify when new orders arrive"),
        # The pack station (issue 21.6): scanning an order asks for each of its items before Pack; off = pack at once.
        Setting("pack_check", bool, False, "Check items by scan before packing"),
        # Packing videos (issue 21): no camera chosen = no recording; the folder defaults to the data folder's.
        Setting("video_camera", str, "", "Packing camera", "The camera's id; empty records nothing"),
        Setting("video_folder", str, "", "Video folder", "Empty: the videos folder in the data folder"),
        Setting("video_keep_days", int, 60, "Keep videos (days)", "0 keeps them whatever their age"),
        Setting("video_keep_gb", float, 20.0, "Keep videos up to (GB)", "0 keeps them whatever their size"),
        Setting("video_max_minutes", int, 10, "Longest clip (minutes)"),
    )
}

CHANNEL_SETTING_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("ChannelSetting", "Channel name"),
    "warehouse_id": QT_TRANSLATE_NOOP("ChannelSetting", "Source warehouse"),
    "order_sync_from": QT_TRANSLATE_NOOP("ChannelSetting", "Order sync from"),
    "return_sync_from": QT_TRANSLATE_NOOP("ChannelSetting", "Return sync from"),
    "business_model": QT_TRANSLATE_NOOP("ChannelSetting", "Business model"),
    "ready_to_ship_at": QT_TRANSLATE_NOOP("ChannelSetting", "Ready to ship at"),
    "use_marketplace_label": QT_TRANSLATE_NOOP("ChannelSetting", "Use marketplace shipping label"),
    "orders_on_invoice": QT_TRANSLATE_NOOP("ChannelSetting", "Orders on invoice number"),
    "price_change_confirm_pct": QT_TRANSLATE_NOOP("ChannelSetting", "Confirm price changes beyond (%)"),
    "price_floor": QT_TRANSLATE_NOOP("ChannelSetting", "Confirm prices below (Rp)"),
    "inventory_sync": QT_TRANSLATE_NOOP("ChannelSetting", "Inventory sync"),
    "inventory_method": QT_TRANSLATE_NOOP("ChannelSetting", "Inventory sync method"),
    "push_zero_below": QT_TRANSLATE_NOOP("ChannelSetting", "Push 0 when available is below"),
    "recon_enabled": QT_TRANSLATE_NOOP("ChannelSetting", "Daily reconciliation"),
    "recon_hour": QT_TRANSLATE_NOOP("ChannelSetting", "Reconciliation hour (WIB)"),
    "recon_autofix": QT_TRANSLATE_NOOP("ChannelSetting", "Fix mismatches automatically"),
    "sku_pull_mode": QT_TRANSLATE_NOOP("ChannelSetting", "SKU pull mode"),
    "map_strip_prefix": QT_TRANSLATE_NOOP("ChannelSetting", "Strip prefix when mapping"),
    "map_strip_suffix": QT_TRANSLATE_NOOP("ChannelSetting", "Strip suffix when mapping"),
}

# Production hosts; a channel may point elsewhere (the sandbox, staging).
TOKOPEDIA_API_BASE = "https://fs.tokopedia.net"
TOKOPEDIA_AUTH_URL = "https://accounts.tokopedia.com"
TIKTOKSHOP_API_BASE = "https://open-api.tiktokglobalshop.com"
TIKTOKSHOP_AUTH_URL = "https://auth.tiktok-shops.com"
