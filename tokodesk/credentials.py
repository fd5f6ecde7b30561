"""Secrets in the OS keyring, behind a small interface with visible state.

Service name `tokodesk`; one entry per channel and kind (`<channel>:client_secret`, `<channel>:token`, ...).
There is deliberately no plain-text fallback: with no usable keyring the user is told what to install or unlock.
Keyring calls can block (a Secret Service unlock prompt, a slow D-Bus): never call them on the GUI thread, and
never while holding a lock another thread waits on.

`keyring` is imported by the call that uses it, not with this module: its import alone (jaraco, importlib_metadata,
urllib.request, email) is about a fifth of a short command's start, and `tokodesk orders pack` or `tokodesk --help`
read no secret. The backend is chosen when keyring's first call needs one, as before (keyring.get_keyring), so a
backend a test or the demo set with `keyring.set_keyring` is the one used.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from tokodesk.config import KEYRING_SERVICE
from tokodesk.errors import BadValue, SaidError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.logsetup import register_secret

if TYPE_CHECKING:
    import keyring.backend

log = logging.getLogger(__name__)

# Backends that keep secrets in an OS store (by class module); anything else is a test double or a fallback.
_REAL_BACKENDS = ("keyring.backends.SecretService", "keyring.backends.Windows", "keyring.backends.macOS",
                  "keyring.backends.kwallet", "keyring.backends.libsecret")

# Marked words (the window shows them in its language, the CLI in English): tokodesk/i18n_marks.py.
FIX_LINUX = QT_TRANSLATE_NOOP(
    "Refusals",
    "Install and unlock a Secret Service keyring (GNOME Keyring or KWallet) and start TokoDesk from your desktop "
    "session; on a server, run it inside `dbus-run-session` with `gnome-keyring-daemon --unlock`."
)


class CredentialError(SaidError):
    """No usable keyring, or it refused: the message names the cause and the fix. Never contains a secret.

    Its message is marked words (`SaidError`): the window says it in its own language, the CLI prints the English."""


@dataclass(frozen=True)
class BackendInfo:
    name: str
    is_real: bool  # an OS store (Secret Service, Windows Credential Locker, macOS Keychain)
    usable: bool
    problem: str = ""  # marked words (a `Said`): the window shows it with in_words()
    label: str = ""  # the backend as a person knows it ("Windows Credential Locker"), not its class name


# What sellers call the OS stores; every backend class of them is called "Keyring", which told nobody anything.
_LABELS = (
    ("keyring.backends.SecretService", "Secret Service (GNOME Keyring / KWallet)"),
    ("keyring.backends.libsecret", "Secret Service (libsecret)"),
    ("keyring.backends.kwallet", "KWallet"),
    ("keyring.backends.Windows", "Windows Credential Locker"),
    ("keyring.backends.macOS", "macOS Keychain"),
)


def _describe(backend: keyring.backend.KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__name__}"


def _label(backend: keyring.backend.KeyringBackend) -> str:
    described = _describe(backend)
    for prefix, label in _LABELS:
        if described.startswith(prefix):
            return label
    return str(getattr(backend, "name", "") or type(backend).__name__)


def backend_info() -> BackendInfo:
    """Which backend keyring chose, and whether it can store a secret. May block briefly (D-Bus)."""
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception as exc:  # a broken backend module must not take the app down; report it
        return BackendInfo("none", False, False, said(QT_TRANSLATE_NOOP(
            "Refusals", "The keyring could not be loaded: {error}. {fix}"), error=str(exc), fix=FIX_LINUX))
    name = _describe(backend)
    label = _label(backend)
    inner = getattr(backend, "backends", None)
    if inner is not None:  # ChainerBackend: usable if any inner one is
        if not inner:
            return BackendInfo(name, False, False, _no_backend(), label)
        name = " + ".join(_describe(b) for b in inner)
        label = " + ".join(_label(b) for b in inner)
        is_real = any(_describe(b).startswith(_REAL_BACKENDS) for b in inner)
    else:
        is_real = name.startswith(_REAL_BACKENDS)
    if name.startswith("keyring.backends.fail") or getattr(backend, "priority", 1) <= 0 and inner is None:
        return BackendInfo(name, False, False, _no_backend(), label)
    return BackendInfo(name, is_real, True, "", label)


def _no_backend() -> str:
    return said(QT_TRANSLATE_NOOP("Refusals", "No keyring backend is available. {fix}"), fix=FIX_LINUX)


def _entry(channel: str, kind: str) -> str:
    return f"{channel}:{kind}"


def _call(name: str, *args):  # noqa: ANN002, ANN202 - internal wrapper
    """`keyring.<name>(*args)`, its failures as a CredentialError. The function is looked up at each call, so a
    test that replaces `keyring.get_password` is heard."""
    import keyring
    import keyring.errors

    try:
        return getattr(keyring, name)(*args)
    except keyring.errors.NoKeyringError as exc:
        raise CredentialError(QT_TRANSLATE_NOOP(
            "Refusals", "No keyring is available to keep TokoDesk's secrets. {fix}"), fix=FIX_LINUX) from exc
    except keyring.errors.KeyringLocked as exc:
        raise CredentialError(QT_TRANSLATE_NOOP(
            "Refusals",
            "The keyring is locked. Unlock it (log in to the desktop, or open 'Passwords and Keys') and try again.")
        ) from exc
    except keyring.errors.InitError as exc:
        raise CredentialError(QT_TRANSLATE_NOOP("Refusals", "The keyring could not start: {error}. {fix}"),
                              error=str(exc), fix=FIX_LINUX) from exc
    except keyring.errors.KeyringError as exc:
        raise CredentialError(QT_TRANSLATE_NOOP("Refusals", "The keyring refused the request: {error}. {fix}"),
                              error=type(exc).__name__, fix=FIX_LINUX) from exc
    except RuntimeError as exc:  # secretstorage/jeepney raise these when D-Bus is missing
        raise CredentialError(QT_TRANSLATE_NOOP("Refusals", "The keyring could not be reached ({error}). {fix}"),
                              error=str(exc), fix=FIX_LINUX) from exc


def set_secret(channel: str, kind: str, value: str) -> None:
    if not value:
        raise BadValue(QT_TRANSLATE_NOOP("Refusals", "{kind} must not be empty"), kind=kind)
    register_secret(value)
    _call("set_password", KEYRING_SERVICE, _entry(channel, kind), value)


def get_secret(channel: str, kind: str) -> str | None:
    value = _call("get_password", KEYRING_SERVICE, _entry(channel, kind))
    if value:
        register_secret(value)
    return value


def delete_secret(channel: str, kind: str) -> None:
    import keyring.errors

    try:
        _call("delete_password", KEYRING_SERVICE, _entry(channel, kind))
    except CredentialError as exc:
        if isinstance(exc.__cause__, keyring.errors.PasswordDeleteError):
            return
        raise
    except keyring.errors.PasswordDeleteError:
        return


def set_client_secret(channel: str, secret: str) -> None:
    set_secret(channel, "client_secret", secret)


def get_client_secret(channel: str) -> str | None:
    return get_secret(channel, "client_secret")


@dataclass
class Token:
    access_token: str
    expires_at: datetime  # aware UTC
    refresh_token: str = ""
    refresh_expires_at: datetime | None = None
    extra: dict | None = None

    def valid(self, margin_s: float = 60) -> bool:
        return (self.expires_at - datetime.now(timezone.utc)).total_seconds() > margin_s


def save_token(channel: str, token: Token) -> None:
    """Access and refresh token in one keyring write, so a crash never keeps one without the other."""
    payload = {
        "access_token": token.access_token,
        "expires_at": token.expires_at.isoformat(),
        "refresh_token": token.refresh_token,
        "refresh_expires_at": token.refresh_expires_at.isoformat() if token.refresh_expires_at else None,
        "extra": token.extra or {},
    }
    register_secret(token.access_token)
    if token.refresh_token:
        register_secret(token.refresh_token)
    _call("set_password", KEYRING_SERVICE, _entry(channel, "token"), json.dumps(payload))


def load_token(channel: str) -> Token | None:
    raw = _call("get_password", KEYRING_SERVICE, _entry(channel, "token"))
    if not raw:
        return None
    try:
        data = json.loads(raw)
        token = Token(
            access_token=data["access_token"],
            expires_at=datetime.fromisoformat(data["expires_at"]),
            refresh_token=data.get("refresh_token") or "",
            refresh_expires_at=datetime.fromisoformat(data["refresh_expires_at"])
            if data.get("refresh_expires_at")
            else None,
            extra=data.get("extra") or {},
        )
    except (ValueError, KeyError, TypeError):
        log.warning("ignoring an unreadable cached token for channel %s", channel)
        return None
    register_secret(token.access_token)
    if token.refresh_token:
        register_secret(token.refresh_token)
    return token


def forget_channel(channel: str) -> None:
    for kind in ("client_secret", "app_secret", "token"):
        delete_secret(channel, kind)
