"""Reach the service modules that may not have landed yet, without pretending they exist.

A tab whose service is missing says what it will hold; nothing is faked.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def optional(module: str) -> ModuleType | None:
    """`optional("services.orders")` -> the module, or None if that exact module is not there."""
    name = f"tokodesk.{module}"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and (exc.name == name or name.startswith(exc.name + ".")):
            return None
        raise


def has(module: str, *attributes: str) -> bool:
    mod = optional(module)
    return mod is not None and all(hasattr(mod, a) for a in attributes)
