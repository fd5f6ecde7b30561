"""The Tokopedia FS Open API adapter (legacy seed API; see DESIGN.md §3)."""

from tokodesk.marketplace.tokopedia.client import CAPABILITIES, TokopediaClient

__all__ = ["CAPABILITIES", "TokopediaClient"]
