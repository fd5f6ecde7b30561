"""A faithful simulated marketplace (Tokopedia FS Open API first) served over loopback.

`Sandbox` (app.py) is the in-process entry point; `shop.py`/`generator.py` hold the dialect-free shop;
`server.py` documents how to add an API dialect.
"""

from tokodesk.sandbox.app import Sandbox
from tokodesk.sandbox.shop import Shop, ShopError, Status, Timing

__all__ = ["Sandbox", "Shop", "ShopError", "Status", "Timing"]
