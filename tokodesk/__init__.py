"""TokoDesk: Tokopedia & Shop fulfilment from one PC."""

__version__ = "0.1.0"
APP_NAME = "TokoDesk"
