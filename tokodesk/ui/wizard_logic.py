"""What the setup wizard does, without Qt: check the fields, test the connection, save the channel.

`test_connection` and `save_channel` touch the network and the keyring: the wizard runs them in a worker.
Secrets pass through here only on their way to the keyring; nothing here logs them or writes them elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tokodesk import config, credentials
from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.marketplace.base import AuthError, MarketplaceError, NotReachable, Warehouse
from tokodesk.store import models as m
from tokodesk.ui.i18n import translate
from tokodesk.ui.messages import marketplace_text, refusal_text


@dataclass
class Credentials:
    marketplace: str
    name: str
    fs_id: str = ""
    client_id: str = ""
    client_secret: str = ""
    shop_id: str = ""
    app_key: str = ""
    app_secret: str = ""
    service_id: str = ""
    auth_code: str = ""
    api_base: str = ""
    auth_url: str = ""

    def __repr__(self) -> str:  # a traceback or log line must never show the secrets
        return f"Credentials(marketplace={self.marketplace!r}, name={self.name!r})"

    @property
    def secret_kind(self) -> str:
        return "client_secret" if self.marketplace == "tokopedia" else "app_secret"

    @property
    def secret(self) -> str:
        return self.client_secret if self.marketplace == "tokopedia" else self.app_secret


@dataclass
class TestResult:
    name: str
    shop_name: str
    shop_id: str = ""
    shop_cipher: str = ""
    warehouses: list[Warehouse] = field(default_factory=list)
    # Tokopedia & Shop: every shop the one code exchange covers (a consent may cover several), each as its own
    # result; this result is the one chosen (the first until the seller picks another).
    shops: list[TestResult] = field(default_factory=list)

    def choose(self, shop_id: str) -> TestResult:
        """The result for another shop of the same authorization (no new exchange: the code worked once)."""
        chosen = next(s for s in self.shops if s.shop_id == shop_id)
        return TestResult(self.name, chosen.shop_name, chosen.shop_id, chosen.shop_cipher, chosen.warehouses,
                          self.shops)


def default_urls(marketplace: str) -> tuple[str, str]:
    if marketplace == "tokopedia":
        return config.TOKOPEDIA_API_BASE, config.TOKOPEDIA_AUTH_URL
    return config.TIKTOKSHOP_API_BASE, config.TIKTOKSHOP_AUTH_URL


def consent_link(service_id: str) -> str:
    if not service_id:
        return ""
    try:
        from tokodesk.marketplace.tiktokshop.auth import consent_url

        return consent_url(service_id)
    except Exception:  # the adapter is missing or refuses the id: the field stays empty
        return ""


def history_days(marketplace: str) -> int | None:
    from tokodesk.services.channels import ORDER_HISTORY_LIMIT

    limit = ORDER_HISTORY_LIMIT.get(marketplace)
    return limit.days if limit is not None else None


def missing_fields(c: Credentials) -> list[str]:
    """Names (as labelled in the wizard) of required fields left empty or malformed."""
    missing = []
    if not c.name or ":" in c.name:
        missing.append(QT_TRANSLATE_NOOP("CredentialsPage", "Channel name"))
    if c.marketplace == "tokopedia":
        pairs = ((QT_TRANSLATE_NOOP("CredentialsPage", "FS ID (App ID)"), c.fs_id),
                 (QT_TRANSLATE_NOOP("CredentialsPage", "Client ID"), c.client_id),
                 (QT_TRANSLATE_NOOP("CredentialsPage", "Client secret"), c.client_secret),
                 (QT_TRANSLATE_NOOP("CredentialsPage", "Shop ID"), c.shop_id))
        missing += [label for label, value in pairs if not value]
        if c.fs_id and not c.fs_id.isdigit():
            missing.append(QT_TRANSLATE_NOOP("CredentialsPage", "FS ID (App ID)"))
        if c.shop_id and not c.shop_id.isdigit():
            missing.append(QT_TRANSLATE_NOOP("CredentialsPage", "Shop ID"))
    else:
        pairs = ((QT_TRANSLATE_NOOP("CredentialsPage", "App key"), c.app_key),
                 (QT_TRANSLATE_NOOP("CredentialsPage", "App secret"), c.app_secret),
                 (QT_TRANSLATE_NOOP("CredentialsPage", "Service ID"), c.service_id))
        missing += [label for label, value in pairs if not value]
    return list(dict.fromkeys(missing))


def url_problem(c: Credentials) -> str | None:
    """What is wrong with the server addresses under Advanced, or None: https, or http to this PC only."""
    from tokodesk.marketplace.endpoints import NOT_WEB, endpoint_kind

    for label, url in ((translate("Wizard",
                                  "API base URL"), c.api_base), (translate("Wizard", "Auth base URL"), c.auth_url)):
        kind = endpoint_kind(url)
        if kind is None:
            continue
        if kind[0] == NOT_WEB:
            return translate("Wizard", "{0} “{1}” is not a web address: give one like https://api.example.com").format(
                label, url)
        return translate("Wizard",
                         "{0} “{1}” uses plain http to another computer: the channel's secret and tokens would "
                            "travel unencrypted. Use https://, or http only to this PC (127.0.0.1, ::1, "
                            "localhost).").format(label, url)
    return None


def _check_urls(c: Credentials) -> None:
    problem = url_problem(c)
    if problem:
        raise UserError(problem)


def _check_name_free(name: str) -> None:
    if m.Channel.select().where(m.Channel.name == name).exists():
        raise UserError(translate("Wizard", "A channel called “{0}” exists already: choose another name.").format(name))


def test_connection(c: Credentials, adapter_factory: Any = None, exchanged_as: str | None = None) -> TestResult:
    """Token + shop info (Tokopedia) or code exchange + authorized shops (Tokopedia & Shop); then the keyring.

    The code works once: `exchanged_as` names the channel whose keyring entry already holds the tokens this same
    code gave at an earlier Test, so testing again (after a changed name, another click) does not spend it twice.
    """
    _check_name_free(c.name)
    _check_urls(c)  # before anything is sent: a secret never goes out over plain http to another machine
    info = credentials.backend_info()
    if not info.usable:
        raise credentials.CredentialError(info.problem)
    api_base, auth_url = c.api_base or default_urls(c.marketplace)[0], c.auth_url or default_urls(c.marketplace)[1]
    if c.marketplace == "tokopedia":
        from tokodesk.marketplace.tokopedia import TokopediaClient

        client = TokopediaClient(c.name, c.fs_id, c.client_id, c.shop_id, api_base, auth_url,
                                 client_secret=c.client_secret)
        try:
            shop = client.shop_info()
        finally:
            client.close()
        result = TestResult(c.name, shop.name, shop.shop_id, "", list(shop.warehouses))
    else:
        from tokodesk.marketplace.tiktokshop.client import TikTokShopClient

        if not c.auth_code:
            raise UserError(translate("Wizard", "Open the consent link, accept, and paste the redirect URL or the code "
                                         "first."))
        kept = credentials.load_token(exchanged_as) if exchanged_as else None
        if kept is not None and exchanged_as != c.name:
            credentials.save_token(c.name, kept)  # the name changed since: the tokens follow it
            credentials.delete_secret(exchanged_as, "token")
        client = TikTokShopClient(c.name, c.app_key, c.service_id, "", api_base, auth_url, app_secret=c.app_secret)
        try:
            shops = client.authorized_shops() if kept is not None else client.authorize(c.auth_code)
            if not shops:
                raise AuthError(translate("Wizard",
                                          "The authorization worked but covers no shop: authorize again with the "
                                             "shop owner's account."))
            choices = []
            for shop in shops:
                client.use_shop(shop.cipher)
                choices.append(TestResult(c.name, shop.name, shop.shop_id, shop.cipher, client.warehouses()))
        finally:
            client.close()
        first = choices[0]
        result = TestResult(c.name, first.shop_name, first.shop_id, first.shop_cipher, first.warehouses, choices)
    # Last: the secret into the keyring, so a locked keyring is found now and not at the first sync.
    credentials.set_secret(c.name, c.secret_kind, c.secret)
    return result


def explain(exc: BaseException) -> str:
    """The test's failure in words: wrong secret, shop not linked, no network, keyring locked."""
    if isinstance(exc, NotReachable):
        return translate("Wizard",
                         "No network: the marketplace could not be reached. Check the internet connection (and "
                            "the server addresses under Advanced). Detail: {0}").format(marketplace_text(exc))
    if isinstance(exc, AuthError):
        return translate("Wizard", "The marketplace refused: {0}").format(marketplace_text(exc))
    if isinstance(exc, credentials.CredentialError):
        return translate("Wizard", "The keyring is locked or missing, so the secret cannot be kept: {0}").format(
            refusal_text(exc))
    if isinstance(exc, (MarketplaceError, UserError, ValueError)):
        return refusal_text(exc)
    return translate("Wizard", "Unexpected error ({0}): {1}").format(type(exc).__name__, exc)


def _capabilities(marketplace: str) -> Any:
    from tokodesk.services.channels import adapter_factory

    owner = getattr(adapter_factory(marketplace), "__self__", None)
    return getattr(owner, "capabilities", None)


def check_settings(marketplace: str, values: dict) -> str | None:
    """None when the settings can be saved; else what is wrong and how to fix it."""
    from tokodesk.services.channel_settings import SettingError, validate
    from tokodesk.services.channels import validate_order_sync_from

    try:  # the rest as `tokodesk channel set` and the settings dialog check them; the start date below
        validate({k: v for k, v in values.items() if k != "order_sync_from"})
    except SettingError as exc:
        return refusal_text(exc)
    try:
        caps = _capabilities(marketplace)
    except UserError as exc:
        return refusal_text(exc)
    if caps is None:
        return None
    try:
        validate_order_sync_from(values["order_sync_from"], caps)
    except UserError as exc:
        return refusal_text(exc)
    return None


def save_channel(c: Credentials, settings: dict, tested: TestResult | None) -> int:
    """Keyring first, then the row: a failure never leaves a channel without its secret."""
    _check_name_free(c.name)
    _check_urls(c)
    problem = check_settings(c.marketplace, settings)
    if problem:
        raise UserError(problem)
    credentials.set_secret(c.name, c.secret_kind, c.secret)
    fields: dict[str, Any] = {"name": c.name, "marketplace": c.marketplace, "api_base": c.api_base,
                              "auth_url": c.auth_url, **settings}
    if c.marketplace == "tokopedia":
        fields.update(fs_id=c.fs_id, client_id=c.client_id, shop_id=c.shop_id)
    else:
        fields.update(app_key=c.app_key, service_id=c.service_id)
    if tested is not None:
        fields.update(shop_name=tested.shop_name, shop_cipher=tested.shop_cipher)
        if tested.shop_id and not fields.get("shop_id"):
            fields["shop_id"] = tested.shop_id
    if isinstance(fields.get("order_sync_from"), datetime):
        fields["order_sync_from"] = fields["order_sync_from"].replace(microsecond=0)
    try:
        with m.db.atomic():
            channel = m.Channel.create(**fields)
    except Exception:
        credentials.delete_secret(c.name, c.secret_kind)
        raise
    token = credentials.load_token(c.name) if c.marketplace != "tokopedia" else None
    if token is not None:  # the tokens of the Test's exchange, for the other stations on this database
        from tokodesk.services.token_share import DatabaseTokenShare

        DatabaseTokenShare(c.name, lambda: c.app_secret).save(token)
    return channel.id


def forget_untaken(name: str) -> None:
    """The wizard was cancelled after a test: remove the secret and token it left in the keyring."""
    if not m.Channel.select().where(m.Channel.name == name).exists():
        credentials.forget_channel(name)
