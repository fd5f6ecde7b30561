"""The "Tokopedia & Shop" marketplace through the TikTok Shop Partner API (202309+). See client.py."""

from tokodesk.marketplace.tiktokshop.client import CAPABILITIES, AuthorizedShop, TikTokShopClient

__all__ = ["CAPABILITIES", "AuthorizedShop", "TikTokShopClient"]
