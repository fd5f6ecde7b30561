"""Find bundled resources (fonts, icons, translations) from source and from the frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def asset(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
