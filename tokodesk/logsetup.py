"""Logging: a rotating file in the data folder and a filter that keeps secrets out of every record."""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
import threading
from pathlib import Path

REDACTED = "«redacted»"

_PATTERNS = [
    re.compile(r"(?i)\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}"),
    re.compile(
        r"(?i)((?<![\w])(?:access_token|refresh_token|client_secret|app_secret|x-tts-access-token|auth_code|code|sign|"
        r"password|secret)[\"']?\s*[:=]\s*[\"']?)([^\"'&\s,}]{4,})"
    ),
]
_known: set[str] = set()
_known_lock = threading.Lock()


def register_secret(value: str) -> None:
    """Remember a secret so any later log record that contains it is redacted."""
    if value and len(value) >= 4:
        with _known_lock:
            _known.add(value)


def redact(text: str) -> str:
    for secret in sorted(_known, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, REDACTED)
    text = _PATTERNS[0].sub(lambda m: f"{m.group(1)} {REDACTED}", text)
    text = _PATTERNS[1].sub(lambda m: f"{m.group(1)}{REDACTED}", text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must still be logged, not crash logging
            message = str(record.msg)
        cleaned = redact(message)
        if record.exc_info and record.exc_info[1] is not None:
            formatted = logging.Formatter().formatException(record.exc_info)
            record.exc_text = redact(formatted)
            record.exc_info = None
        record.msg, record.args = cleaned, None
        return True


_configured = False


def setup_logging(folder: Path | None = None, level: int = logging.INFO, console: bool = False) -> Path | None:
    """Install the redacting file log (and stderr when asked). Safe to call twice."""
    global _configured
    root = logging.getLogger()
    root.setLevel(level)
    redactor = RedactingFilter()
    path = None
    if not _configured:
        if folder is not None:
            logs = folder / "logs"
            logs.mkdir(parents=True, exist_ok=True)
            path = logs / "tokodesk.log"
            handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
            handler.addFilter(redactor)
            root.addHandler(handler)
        if console:
            stream = logging.StreamHandler(sys.stderr)
            stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
            stream.addFilter(redactor)
            root.addHandler(stream)
        _configured = True
    return path


def install_excepthook(show=None) -> None:  # noqa: ANN001 - show(text) is the GUI's dialog, optional
    """Log every uncaught exception (redacted); in the GUI also show it in a copyable dialog."""

    def hook(exc_type, exc, tb):  # noqa: ANN001, ANN202
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        logging.getLogger("tokodesk").error("uncaught exception", exc_info=(exc_type, exc, tb))
        if show is not None:
            import traceback

            show(redact("".join(traceback.format_exception(exc_type, exc, tb))))

    sys.excepthook = hook
    threading.excepthook = lambda args: hook(args.exc_type, args.exc_value, args.exc_traceback)
