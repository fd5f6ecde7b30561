"""TokoDesk: Tokopedia & Shop fulfilment from one PC."""

from tokodesk.store.driver import import_peewee

__version__ = "0.1.0"
APP_NAME = "TokoDesk"

import_peewee()  # before any module of the package imports it: psycopg only for PostgreSQL (store/driver.py)
