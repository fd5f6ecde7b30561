"""`tokodesk channel add|list|show|test|set|remove`: the channel (one shop) and its credentials."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone

from tokodesk.commands import parse_wib
from tokodesk.errors import UserError

MODELS = ("pickup", "dropoff", "own_courier")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("channel", help="add, list, show, test or remove a channel (a marketplace shop)")
    csub = parser.add_subparsers(dest="channel_command", metavar="ACTION", required=True)

    add = csub.add_parser("add", help="add a channel; the secret is read from standard input into the OS keyring")
    add.add_argument("name")
    add.add_argument("--marketplace", choices=["tokopedia", "tiktokshop"], default="tokopedia")
    add.add_argument("--fs-id", help="Tokopedia: the FS ID (App ID) of your app")
    add.add_argument("--client-id", help="Tokopedia: the client ID")
    add.add_argument("--shop-id", help="Tokopedia: the shop ID (from the seller panel URL)")
    add.add_argument("--client-secret-stdin", action="store_true", help="Tokopedia: read the client secret from stdin")
    add.add_argument("--app-key", help="Tokopedia & Shop: the app key from Partner Center")
    add.add_argument("--app-secret-stdin", action="store_true", help="Tokopedia & Shop: read the app secret from stdin")
    add.add_argument("--service-id", help="Tokopedia & Shop: the service ID (for the consent link)")
    add.add_argument("--from-channel", metavar="OTHER",
                     help="Tokopedia & Shop: another shop of the consent OTHER was authorized with: same app, same "
                          "authorization (no new consent); then `channel authorize NAME --shop ID`")
    add.add_argument("--model", choices=MODELS, default="pickup", help="business model (default: pickup)")
    add.add_argument("--api-base", default="", help="API base URL (default: the production host)")
    add.add_argument("--auth-url", default="", help="auth base URL (default: the production host)")
    add.add_argument("--warehouse-id", default="", help="source warehouse id")
    add.add_argument(
        "--order-sync-from",
        default=None,
        help="first date to pull orders from, YYYY-MM-DD or ISO time (default: 3 days ago, the most the API serves)",
    )
    add.set_defaults(func=run_add)

    lst = csub.add_parser("list", help="list the channels")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_list)

    show = csub.add_parser("show", help="show a channel's settings (never its secrets)")
    show.add_argument("name")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_show)

    test = csub.add_parser("test", help="fetch a token and the shop info; say what is wrong if it fails")
    test.add_argument("name")
    test.set_defaults(func=run_test)

    auth = csub.add_parser(
        "authorize",
        help="Tokopedia & Shop: link the shop; prints the consent link when given neither --code nor --redirect-url",
    )
    auth.add_argument("name")
    how = auth.add_mutually_exclusive_group()
    how.add_argument("--code", help="the authorization code from the consent page (valid 30 minutes, once)")
    how.add_argument("--redirect-url", help="the whole URL the browser landed on after you agreed")
    auth.add_argument("--shop", help="which authorized shop to use when the consent covers several (id or name); "
                                     "without --code it uses the authorization already kept")
    auth.set_defaults(func=run_authorize)

    from tokodesk.commands import channel_set  # its own module: `channel set` and its validation

    channel_set.register(csub)

    rm = csub.add_parser("remove", help="remove a channel, its data and its secrets")
    rm.add_argument("name")
    rm.add_argument("--yes", action="store_true", help="do not ask")
    rm.set_defaults(func=run_remove)

    parser.set_defaults(func=lambda args: parser.print_help() or 2)


def _open_db() -> None:
    from tokodesk.store.connection import open_database

    open_database()


def _read_secret(what: str) -> str:
    if sys.stdin is None or sys.stdin.isatty():
        import getpass

        secret = getpass.getpass(f"{what}: ")
    else:
        secret = sys.stdin.readline()
    secret = secret.strip()
    if not secret:
        raise UserError(f"the {what} is empty: pipe it on standard input, e.g. `printf %s \"$SECRET\" | tokodesk ...`")
    return secret


def run_add(args: argparse.Namespace) -> int:
    from tokodesk import credentials
    from tokodesk.store.models import Channel, db

    name = args.name.strip()
    if not name or ":" in name:
        raise UserError("the channel name must not be empty or contain ':'")
    from tokodesk.services.channels import validate_endpoint

    fields: dict = {"name": name, "marketplace": args.marketplace, "business_model": args.model,
                    "api_base": validate_endpoint(args.api_base, "--api-base"),
                    "auth_url": validate_endpoint(args.auth_url, "--auth-url"),
                    "warehouse_id": args.warehouse_id}
    if args.from_channel:
        return _add_from_channel(args, name, fields)
    if args.marketplace == "tokopedia":
        missing = [opt for opt, val in (("--fs-id", args.fs_id), ("--client-id", args.client_id),
                                        ("--shop-id", args.shop_id)) if not val]
        if missing:
            raise UserError(f"a Tokopedia channel needs {', '.join(missing)}")
        if not args.client_secret_stdin:
            raise UserError("give --client-secret-stdin and pipe the client secret on standard input")
        if not str(args.fs_id).strip().isdigit() or not str(args.shop_id).strip().isdigit():
            raise UserError("--fs-id and --shop-id are numbers (the shop ID is in your seller panel's URL)")
        fields.update(fs_id=args.fs_id.strip(), client_id=args.client_id.strip(), shop_id=args.shop_id.strip())
        secret_kind, secret_label = "client_secret", "client secret"
    else:
        missing = [opt for opt, val in (("--app-key", args.app_key), ("--service-id", args.service_id)) if not val]
        if missing:
            raise UserError(f"a Tokopedia & Shop channel needs {', '.join(missing)}")
        if not args.app_secret_stdin:
            raise UserError("give --app-secret-stdin and pipe the app secret on standard input")
        fields.update(app_key=args.app_key.strip(), service_id=args.service_id.strip())
        secret_kind, secret_label = "app_secret", "app secret"

    from tokodesk.services.channels import default_order_sync_from, new_channel_settings, validate_order_sync_from

    fields.update(new_channel_settings(args.marketplace))
    marketplace = _capabilities(args.marketplace)
    now = datetime.now(timezone.utc)
    if args.order_sync_from:
        when = parse_wib(args.order_sync_from, "--order-sync-from")
        fields["order_sync_from"] = validate_order_sync_from(when, marketplace, now=now)
    else:
        fields["order_sync_from"] = default_order_sync_from(marketplace, now=now)

    _open_db()
    if Channel.select().where(Channel.name == name).exists():
        raise UserError(
            f"a channel named {name!r} exists already; pick another name or `tokodesk channel remove {name}`"
        )
    secret = _read_secret(secret_label)
    credentials.set_secret(name, secret_kind, secret)  # keyring first: a failure leaves no channel without a secret
    try:
        with db.atomic():
            Channel.create(**fields)
    except Exception:
        credentials.delete_secret(name, secret_kind)
        raise
    print(f"Channel {name!r} added ({marketplace.display_name}). The {secret_label} is in the OS keyring.")
    if args.marketplace == "tiktokshop":
        print(f"Next: `tokodesk channel authorize {name}` to link your shop.")
    else:
        print(f"Next: `tokodesk channel test {name}`.")
    return 0


def _add_from_channel(args: argparse.Namespace, name: str, fields: dict) -> int:
    """Another shop of the consent an existing channel was authorized with, as a channel of its own: the same app
    (its secret copied keyring to keyring) and the same tokens, kept once under the first channel (one refresh
    token serves both, so two copies would use each other up)."""
    from tokodesk import credentials
    from tokodesk.services.channels import default_order_sync_from, get_channel, new_channel_settings
    from tokodesk.store.models import Channel, db

    if args.app_key or args.app_secret_stdin or args.service_id or args.fs_id or args.client_id:
        raise UserError("--from-channel takes the app and its secret from that channel: leave out --app-key, "
                        "--app-secret-stdin and --service-id")
    _open_db()
    other = get_channel(args.from_channel)
    if other.marketplace != "tiktokshop":
        raise UserError(f"{other.name!r} is a legacy Tokopedia channel: --from-channel is for Tokopedia & Shop")
    if Channel.select().where(Channel.name == name).exists():
        raise UserError(f"a channel named {name!r} exists already; pick another name")
    owner = other.token_channel or other.name
    if credentials.load_token(owner) is None:
        raise UserError(f"{other.name!r} is not authorized yet: run `tokodesk channel authorize {other.name}` first")
    secret = credentials.get_secret(other.name, "app_secret")
    if not secret:
        raise UserError(f"no app secret is stored for {other.name!r} on this PC; add the channel with "
                        "--app-key, --service-id and --app-secret-stdin instead")
    marketplace = _capabilities("tiktokshop")
    fields.update(new_channel_settings("tiktokshop"))
    fields.update(marketplace="tiktokshop", app_key=other.app_key, service_id=other.service_id,
                  api_base=fields["api_base"] or other.api_base, auth_url=fields["auth_url"] or other.auth_url,
                  token_channel=owner)
    if args.order_sync_from:
        from tokodesk.services.channels import validate_order_sync_from

        fields["order_sync_from"] = validate_order_sync_from(parse_wib(args.order_sync_from, "--order-sync-from"),
                                                             marketplace, now=datetime.now(timezone.utc))
    else:
        fields["order_sync_from"] = default_order_sync_from(marketplace, now=datetime.now(timezone.utc))
    credentials.set_secret(name, "app_secret", secret)
    try:
        with db.atomic():
            Channel.create(**fields)
    except Exception:
        credentials.delete_secret(name, "app_secret")
        raise
    print(f"Channel {name!r} added ({marketplace.display_name}), using the authorization of {owner!r}.")
    print(f"Next: `tokodesk channel authorize {name} --shop ID` to pick its shop (no new consent needed).")
    return 0


def _capabilities(marketplace: str):  # noqa: ANN202 - returns base.Capabilities
    if marketplace == "tokopedia":
        from tokodesk.marketplace.tokopedia import CAPABILITIES
    else:
        from tokodesk.marketplace.tiktokshop import CAPABILITIES
    return CAPABILITIES


def _channel_dict(channel) -> dict:  # noqa: ANN001
    from tokodesk.store.models import Channel

    out = {}
    for name in Channel._meta.fields:
        value = getattr(channel, name)
        if isinstance(value, datetime):
            value = value.replace(tzinfo=timezone.utc).isoformat()
        out[name] = value
    return out


def run_list(args: argparse.Namespace) -> int:
    from tokodesk.store.models import Channel

    _open_db()
    rows = [_channel_dict(c) for c in Channel.select().order_by(Channel.name)]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    if not rows:
        print("No channels yet. Add one with `tokodesk channel add` or open the window to run the setup wizard.")
        return 0
    for row in rows:
        shop = row["shop_name"] or row["shop_id"] or row["shop_cipher"] or "-"
        print(f"{row['name']}\t{row['marketplace']}\tshop {shop}\t{row['business_model']}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from tokodesk.config import CHANNEL_SETTING_LABELS
    from tokodesk.services.channels import get_channel

    _open_db()
    channel = get_channel(args.name)
    data = _channel_dict(channel)
    data.update(_token_state(channel.token_channel or channel.name))  # a shop sharing another's consent
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    from tokodesk.services.channel_settings import SPECS

    labels = {**_FIELD_LABELS, **CHANNEL_SETTING_LABELS}
    for key, value in data.items():
        if isinstance(value, str) and key.endswith(("_at", "_to", "_from")) and value[:4].isdigit():
            from tokodesk.config import wib

            value = wib(datetime.fromisoformat(value))
        # A setting `channel set` changes shows its key too: what to type there.
        settable = key in SPECS and not SPECS[key].fixed
        print(f"{labels.get(key, key)}{f' [{key}]' if settable else ''}: {'' if value is None else value}")
    print(f"\nChange a [setting] with: tokodesk channel set {channel.name} KEY=VALUE …")
    return 0


# Labels for the channel fields that are not settings of the wizard (those have CHANNEL_SETTING_LABELS).
_FIELD_LABELS = {
    "id": "Channel number", "marketplace": "Marketplace", "shop_name": "Shop name", "fs_id": "FS ID",
    "client_id": "Client ID", "shop_id": "Shop ID", "app_key": "App key", "service_id": "Service ID",
    "shop_cipher": "Shop cipher", "api_base": "API base URL", "auth_url": "Auth URL",
    "orders_every_min": "Order pull every (min)", "statuses_every_min": "Status refresh every (min)",
    "inventory_every_min": "Stock push every (min)", "last_order_pull_to": "Orders pulled up to",
    "inventory_dirty_at": "Stock changed, push pending since", "created_at": "Added",
    "token_expires_at": "Access token expires", "refresh_token_expires_at": "Refresh token expires",
    "token": "Access token",
}


def _token_state(name: str) -> dict:
    """When the stored tokens expire (the anchors' "token expired" complaint): never the tokens themselves."""
    from tokodesk import credentials

    try:
        token = credentials.load_token(name)
    except credentials.CredentialError as exc:
        return {"token": f"cannot read the keyring: {exc}"}
    if token is None:
        return {"token": "none yet (fetched on the first call)"}
    out = {"token_expires_at": token.expires_at.astimezone(timezone.utc).isoformat()}
    if token.refresh_expires_at is not None:
        out["refresh_token_expires_at"] = token.refresh_expires_at.astimezone(timezone.utc).isoformat()
    return out


def run_test(args: argparse.Namespace) -> int:
    from tokodesk.marketplace.base import AuthError, MarketplaceError, NotReachable
    from tokodesk.services.channels import adapter_for, get_channel
    from tokodesk.store.models import db

    _open_db()
    channel = get_channel(args.name)
    adapter = adapter_for(channel)
    try:
        shop = adapter.shop_info()
    except AuthError as exc:
        print(f"Credentials problem: {exc}{_reenter_hint(channel.name, exc)}", file=sys.stderr)
        return 1
    except NotReachable as exc:
        print(f"Cannot reach the marketplace: {exc}", file=sys.stderr)
        return 1
    except MarketplaceError as exc:
        print(str(exc), file=sys.stderr)  # the code in words (error_words)
        return 1
    finally:
        adapter.close()
    with db.atomic():
        channel.shop_name = shop.name
        channel.save()
    print(f"OK: connected to {shop.name!r} (shop {shop.shop_id}), {len(shop.warehouses)} warehouse(s).")
    return 0


def _reenter_hint(name: str, exc: Exception) -> str:
    """How to put a corrected secret in from here: a secret is only ever read by `channel add`."""
    if "secret" not in str(exc):
        return ""
    return (f" To enter them again here: `tokodesk channel remove {name} --yes`, then `tokodesk channel add {name} …`"
            " with the secret piped on standard input.")


def run_authorize(args: argparse.Namespace) -> int:
    from tokodesk.marketplace.base import AuthError
    from tokodesk.services.channels import adapter_for, get_channel
    from tokodesk.store import models as m
    from tokodesk.store.models import db

    _open_db()
    channel = get_channel(args.name)
    if channel.marketplace != "tiktokshop":
        raise UserError(f"{channel.name!r} is a legacy Tokopedia channel: it has no authorization step (use `test`)")
    if args.code or args.redirect_url:
        from tokodesk.marketplace.tiktokshop.auth import parse_auth_code

        try:  # judged here, before any request: a mistyped paste is bad input (exit 2), not a failure
            parse_auth_code(args.code or args.redirect_url)
        except AuthError as exc:
            raise UserError(f"{'--code' if args.code else '--redirect-url'}: {exc}") from None
    adapter = adapter_for(channel)
    try:
        if args.code or args.redirect_url:
            # The code works once: exchanged here, its tokens kept in the keyring while the seller picks the shop.
            shops = adapter.authorize(args.code or args.redirect_url)
        elif args.shop:
            if adapter.tokens.token() is None:
                raise UserError(f"{channel.name!r} is not authorized yet: run `tokodesk channel authorize "
                                f"{channel.name}` for the consent link, then again with --redirect-url and --shop")
            shops = adapter.authorized_shops()  # from the authorization already kept: no new code needed
        else:
            print("Open this link, log in as the shop owner and agree; then run this command again with")
            print(f"--redirect-url 'URL you landed on' (or --code CODE):\n\n  {adapter.consent_url()}\n")
            return 0
    except AuthError as exc:
        print(f"tokodesk: {exc}{_reenter_hint(channel.name, exc)}", file=sys.stderr)
        return 1
    finally:
        adapter.close()
    if not shops:
        print("The authorization worked but covers no shop: authorize again and pick the shop.", file=sys.stderr)
        return 1
    listed = ", ".join(f"{s.name} ({s.shop_id})" for s in shops)
    if args.shop:
        shops = [s for s in shops if args.shop in (s.shop_id, s.name, s.code)]
        if not shops:
            raise UserError(f"--shop {args.shop!r} is not among the shops this authorization covers: {listed}")
    if len(shops) > 1:
        raise UserError(
            f"the authorization covers several shops: {listed}. It is kept: choose this channel's shop with "
            f"`tokodesk channel authorize {channel.name} --shop ID` (no new code needed). To sell another of them "
            f"too: `tokodesk channel add NAME --from-channel {channel.name}`, then `tokodesk channel authorize NAME "
            "--shop ID`."
        )
    shop = shops[0]
    taken = m.Channel.get_or_none((m.Channel.shop_id == shop.shop_id) & (m.Channel.id != channel.id)
                                  & (m.Channel.marketplace == "tiktokshop"))
    if taken is not None:
        raise UserError(f"shop {shop.name!r} ({shop.shop_id}) is already the shop of channel {taken.name!r}; "
                        "pick another with --shop")
    with db.atomic():
        channel.shop_cipher, channel.shop_id, channel.shop_name = shop.cipher, shop.shop_id, shop.name
        channel.save()
    print(f"Linked {channel.name!r} to {shop.name!r} (shop {shop.shop_id}, region {shop.region}).")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from tokodesk import credentials
    from tokodesk.services.channels import get_channel
    from tokodesk.store.models import db

    _open_db()
    channel = get_channel(args.name)
    if not args.yes:
        raise UserError(f"removing {channel.name!r} deletes its orders and mappings here; add --yes to confirm")
    from tokodesk.services.token_share import DatabaseTokenShare
    from tokodesk.store.models import Channel

    users = [c.name for c in Channel.select(Channel.name).where(Channel.token_channel == channel.name)]
    if users:
        raise UserError(f"channel(s) {', '.join(users)} use the authorization of {channel.name!r}: remove them first")
    with db.atomic():
        channel.delete_instance(recursive=True)
        DatabaseTokenShare(channel.name, str).forget()
    credentials.forget_channel(channel.name)
    print(f"Channel {channel.name!r} removed.")
    return 0
