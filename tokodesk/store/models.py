"""The peewee models of DESIGN.md §4.

Times are naive UTC datetimes in the database (SQLite and PostgreSQL agree on those); the UI converts to WIB.
Money is integer rupiah. Marketplace ids are text so both marketplaces fit the same columns.
No secret is ever stored here in the clear: client secrets and tokens live in the OS keyring
(`tokodesk.credentials`); the tokens other stations need are kept sealed with the app secret (services/token_share.py).
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import peewee as pw

db = pw.DatabaseProxy()


def utcnow() -> datetime:
    """Naive UTC, the form every DateTimeField holds."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class JSONField(pw.TextField):
    """JSON in a text column: portable across SQLite and PostgreSQL."""

    def db_value(self, value):  # noqa: ANN001, ANN201 - peewee hook
        return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def python_value(self, value):  # noqa: ANN001, ANN201 - peewee hook
        return None if value is None else json.loads(value)


class BaseModel(pw.Model):
    class Meta:
        database = db
        legacy_table_names = False


class SchemaVersion(BaseModel):
    version = pw.IntegerField()
    applied_at = pw.DateTimeField(default=utcnow)


class AppSetting(BaseModel):
    """App-wide settings declared in `tokodesk.config.APP_SETTINGS`; the value is JSON."""

    key = pw.CharField(primary_key=True)
    value = JSONField(null=True)

    @classmethod
    def read(cls, key: str, default: Any = None) -> Any:
        row = cls.get_or_none(cls.key == key)
        return default if row is None or row.value is None else row.value

    @classmethod
    def write(cls, key: str, value: Any) -> None:
        """Insert or update in one statement both databases speak (peewee's replace() is SQLite-only)."""
        cls.insert(key=key, value=value).on_conflict(conflict_target=[cls.key], update={cls.value: value}).execute()


class Channel(BaseModel):
    """One marketplace shop and its settings (the seed's "Channel Maintenance"). No secrets here."""

    name = pw.CharField(unique=True)
    marketplace = pw.CharField(default="tiktokshop")  # tokopedia | tiktokshop
    shop_name = pw.CharField(default="")
    # Tokopedia FS
    fs_id = pw.CharField(default="")
    client_id = pw.CharField(default="")
    shop_id = pw.CharField(default="")
    # TikTok Shop
    app_key = pw.CharField(default="")
    service_id = pw.CharField(default="")
    shop_cipher = pw.CharField(default="")
    # endpoints (defaults are the production hosts; the sandbox and tests stand in)
    api_base = pw.CharField(default="")
    auth_url = pw.CharField(default="")
    # channel maintenance
    warehouse_id = pw.CharField(default="")
    order_sync_from = pw.DateTimeField(null=True)
    return_sync_from = pw.DateTimeField(null=True)
    business_model = pw.CharField(default="pickup")  # pickup | dropoff | own_courier
    ready_to_ship_at = pw.CharField(default="pack")  # pack | manifest
    use_marketplace_label = pw.BooleanField(default=False)
    orders_on_invoice = pw.BooleanField(default=False)
    inventory_sync = pw.BooleanField(default=True)
    inventory_method = pw.CharField(default="delta")  # delta | full
    push_zero_below = pw.IntegerField(null=True)  # push 0 when available is below this
    recon_enabled = pw.BooleanField(default=True)
    recon_hour = pw.IntegerField(default=6)  # WIB
    # Catalogue push guard rails (issue 23): a price change beyond ± this % or below the floor (rupiah) waits for a
    # second confirmation.
    price_change_confirm_pct = pw.IntegerField(default=50)
    price_floor = pw.BigIntegerField(default=1000)
    recon_autofix = pw.BooleanField(default=False)
    sku_pull_mode = pw.CharField(default="create")  # create | map_only
    map_strip_prefix = pw.CharField(default="")
    map_strip_suffix = pw.CharField(default="")
    orders_every_min = pw.IntegerField(default=5)
    statuses_every_min = pw.IntegerField(default=15)
    inventory_every_min = pw.IntegerField(default=30)
    last_order_pull_to = pw.DateTimeField(null=True)  # end of the last successful order window
    inventory_dirty_at = pw.DateTimeField(null=True)  # a stock change waits to be pushed
    # Tokopedia & Shop: the channel whose authorization (tokens) this one uses, when one consent covered both
    # shops; "" = its own. One refresh token serves them all, so they must share one copy of it.
    token_channel = pw.CharField(default="")
    created_at = pw.DateTimeField(default=utcnow)


class Product(BaseModel):
    """A marketplace product or variant as last pulled."""

    channel = pw.ForeignKeyField(Channel, backref="products", on_delete="CASCADE")
    product_id = pw.CharField()
    parent_id = pw.CharField(null=True)
    is_parent = pw.BooleanField(default=False)
    sku = pw.CharField(default="", index=True)
    sku_id = pw.CharField(default="")
    name = pw.CharField(default="")
    price = pw.BigIntegerField(default=0)
    stock = pw.IntegerField(null=True)
    status = pw.CharField(default="")
    warehouse_ids = JSONField(null=True)
    pulled_at = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("channel", "product_id"), True),)


class StockItem(BaseModel):
    """The seller's own stock, by the seller's SKU.

    `on_hand` is None until someone counts the SKU (`stock set|import`) or adopts the marketplace's figure
    (`stock adopt`): a SKU created by a SKU pull is not known to hold 0, and an uncounted SKU is never pushed.
    """

    seller_sku = pw.CharField(unique=True)
    name = pw.CharField(default="")
    on_hand = pw.IntegerField(null=True, default=None)
    damaged = pw.IntegerField(default=0)  # returned goods not fit to sell again (not part of on hand)
    # What the item's own label says when it is not the seller SKU (a maker's EAN): the pack check accepts either.
    barcode = pw.CharField(null=True, index=True)
    # What one unit cost the seller, in rupiah (`payouts cost|cost-import`); None: not entered (no margin shown).
    cost_price = pw.BigIntegerField(null=True, default=None)
    updated_at = pw.DateTimeField(default=utcnow)


class SkuMapping(BaseModel):
    """Marketplace SKU + product id <-> seller SKU (the seed's "channel mapping")."""

    channel = pw.ForeignKeyField(Channel, backref="mappings", on_delete="CASCADE")
    product_id = pw.CharField()
    marketplace_sku = pw.CharField(default="")
    sku_id = pw.CharField(default="")
    seller_sku = pw.CharField(null=True, index=True)  # None: in the unmapped queue
    buffer = pw.IntegerField(default=0)
    last_pushed_qty = pw.IntegerField(null=True)  # last value the marketplace accepted
    last_pushed_at = pw.DateTimeField(null=True)
    last_push_status = pw.CharField(default="")
    last_push_words = JSONField(null=True)  # a failed push's message: its words (i18n_marks.stored_words) or None
    marketplace_stock = pw.IntegerField(null=True)  # as last read back
    updated_at = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("channel", "product_id"), True),)


class Order(BaseModel):
    channel = pw.ForeignKeyField(Channel, backref="orders", on_delete="CASCADE")
    order_id = pw.CharField()
    invoice = pw.CharField(default="", index=True)
    marketplace_status = pw.CharField(default="")
    state = pw.CharField(index=True)
    buyer_name = pw.CharField(default="")
    recipient_name = pw.CharField(default="")
    recipient_phone = pw.CharField(default="")
    recipient_address = pw.TextField(default="")
    recipient_district = pw.CharField(default="")
    recipient_city = pw.CharField(default="")
    recipient_province = pw.CharField(default="")
    recipient_postal_code = pw.CharField(default="")
    courier = pw.CharField(default="")
    service = pw.CharField(default="")
    booking_code = pw.CharField(null=True)
    awb = pw.CharField(null=True)
    package_id = pw.CharField(null=True)
    warehouse_id = pw.CharField(null=True)
    total_amount = pw.BigIntegerField(default=0)
    shipping_fee = pw.BigIntegerField(default=0)
    cod_amount = pw.BigIntegerField(default=0)
    commerce_platform = pw.CharField(default="")
    buyer_note = pw.TextField(default="")
    seller_ships = pw.BooleanField(default=False)  # the seller's own courier delivers it: shipping needs its AWB
    created_at = pw.DateTimeField(index=True)  # on the marketplace
    updated_at = pw.DateTimeField(null=True)  # on the marketplace
    accept_deadline = pw.DateTimeField(null=True)
    ship_deadline = pw.DateTimeField(null=True)
    # TikTok Shop: the platform's own deadlines and priority (base.Order; the queue's default order uses them).
    tts_sla_time = pw.DateTimeField(null=True)
    rts_sla_time = pw.DateTimeField(null=True)
    pick_up_cut_off_time = pw.DateTimeField(null=True)
    priority_level = pw.IntegerField(null=True)
    hold_until = pw.DateTimeField(null=True)
    cancellation_initiator = pw.CharField(default="")  # BUYER | SELLER | SYSTEM, "" unknown (base.Order)
    packed_at = pw.DateTimeField(null=True)
    packed_by = pw.CharField(default="")
    label_printed_at = pw.DateTimeField(null=True)
    handed_over_at = pw.DateTimeField(null=True)
    stock_taken = pw.BooleanField(default=False)  # on-hand already reduced for this order's lines
    # flags a packer sees at a glance
    changed_outside = pw.BooleanField(default=False)
    has_unmapped = pw.BooleanField(default=False)
    action_failed = pw.BooleanField(default=False)
    problem = pw.TextField(default="")
    # The problem's words (i18n_marks.stored_words: its template and values), so the window says it in its language;
    # None: plain text (a row written before, the marketplace's own words).
    problem_words = JSONField(null=True)
    # several stations: an optimistic version and a cheap "what changed since" cursor
    version = pw.IntegerField(default=1)
    local_updated_at = pw.DateTimeField(default=utcnow, index=True)

    class Meta:
        indexes = ((("channel", "order_id"), True),)


class Package(BaseModel):
    """A marketplace package: what is shipped, labelled and tracked. An order has one or more (a split order); a
    combined package serves several orders of one buyer (`PackageOrder`). Orders of a marketplace without packages
    (Tokopedia FS) have no rows here: each is its own implicit package (its booking code / AWB on the order)."""

    channel = pw.ForeignKeyField(Channel, backref="packages", on_delete="CASCADE")
    package_id = pw.CharField()
    status = pw.CharField(default="")  # the marketplace's: TO_FULFILL | PROCESSING | FULFILLING | COMPLETED | CANCELLED
    tracking_number = pw.CharField(null=True)
    courier = pw.CharField(default="")
    handed_over_at = pw.DateTimeField(null=True)  # first seen shipped (arranged) by TokoDesk
    document_kept_at = pw.DateTimeField(null=True)  # its shipping document was downloaded and kept
    # The marketplace offers to combine it with other packages of the same group (Search Combinable Packages: the
    # group's pre-generated package id), as last read; None: not combinable.
    combine_group = pw.CharField(null=True)
    # Packed at the pack station by the scan of this parcel (a split order is packed a package at a time; the
    # order itself is packed with its last package). None: not packed on its own.
    packed_at = pw.DateTimeField(null=True)
    packed_by = pw.CharField(default="")
    updated_at = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("channel", "package_id"), True), (("channel", "tracking_number"), False))


class PackageOrder(BaseModel):
    """Which orders a package serves (many-to-many: split orders, combined packages)."""

    package = pw.ForeignKeyField(Package, backref="links", on_delete="CASCADE")
    order = pw.ForeignKeyField(Order, backref="package_links", on_delete="CASCADE")
    # This order's items in the package, [[sku_id, sku, units], ...] matching its lines (OrderLine.sku_id, .sku), as
    # the marketplace last reported them; None: not known (the pack check then lists the whole order).
    units = JSONField(null=True)

    class Meta:
        indexes = ((("package", "order"), True),)


class OrderLine(BaseModel):
    order = pw.ForeignKeyField(Order, backref="lines", on_delete="CASCADE")
    line_no = pw.IntegerField(default=0)
    product_id = pw.CharField(default="")
    sku = pw.CharField(default="", index=True)
    sku_id = pw.CharField(default="")
    name = pw.CharField(default="")
    quantity = pw.IntegerField(default=1)
    price = pw.BigIntegerField(default=0)
    seller_sku = pw.CharField(null=True, index=True)


class OrderEvent(BaseModel):
    """The audit trail: who did what to which order, when, and with what result."""

    order = pw.ForeignKeyField(Order, backref="events", on_delete="CASCADE")
    at = pw.DateTimeField(default=utcnow, index=True)
    who = pw.CharField(default="")  # user@station, or "marketplace" for changes seen on a pull
    kind = pw.CharField()  # pulled, status_changed, ack, nack, pack, ship, label_printed, ...
    detail = pw.TextField(default="")
    words = JSONField(null=True)  # the detail's words (i18n_marks.stored_words), None for plain text
    ok = pw.BooleanField(default=True)


class Action(BaseModel):
    """The outbox: a marketplace mutation, written in the same transaction as the local change."""

    channel = pw.ForeignKeyField(Channel, backref="actions", on_delete="CASCADE")
    order = pw.ForeignKeyField(Order, null=True, backref="actions", on_delete="CASCADE")
    kind = pw.CharField()  # ack | nack | ship | stock
    payload = JSONField(null=True)
    status = pw.CharField(default="pending", index=True)  # pending | sent | done | failed | unknown
    attempts = pw.IntegerField(default=0)
    error = pw.TextField(default="")
    error_words = JSONField(null=True)  # the error's words (i18n_marks.stored_words), None for plain text
    station = pw.CharField(default="")
    created_at = pw.DateTimeField(default=utcnow)
    updated_at = pw.DateTimeField(default=utcnow)
    version = pw.IntegerField(default=1)


class SyncRun(BaseModel):
    channel = pw.ForeignKeyField(Channel, backref="sync_runs", on_delete="CASCADE")
    kind = pw.CharField()  # skus | orders | statuses | inventory | recon
    started_at = pw.DateTimeField(default=utcnow, index=True)
    finished_at = pw.DateTimeField(null=True)
    status = pw.CharField(default="running")  # running | ok | partial | failed | cancelled
    window_from = pw.DateTimeField(null=True)
    window_to = pw.DateTimeField(null=True)
    fetched = pw.IntegerField(default=0)
    created = pw.IntegerField(default=0)
    updated = pw.IntegerField(default=0)
    failed = pw.IntegerField(default=0)
    errors = JSONField(null=True)
    error_words = JSONField(null=True)  # per error its words (i18n_marks.stored_words) or None; None: all plain
    station = pw.CharField(default="")


class SyncLease(BaseModel):
    """Who runs a sync kind for a channel right now (one run at a time, across processes and stations)."""

    channel = pw.ForeignKeyField(Channel, on_delete="CASCADE")
    kind = pw.CharField()
    holder = pw.CharField()
    expires_at = pw.DateTimeField()

    class Meta:
        indexes = ((("channel", "kind"), True),)


class StockPush(BaseModel):
    """One row of one stock push, kept 30 days."""

    channel = pw.ForeignKeyField(Channel, on_delete="CASCADE")
    product_id = pw.CharField()
    marketplace_sku = pw.CharField(default="")
    seller_sku = pw.CharField(default="")
    quantity = pw.IntegerField()
    status = pw.CharField(default="pending", index=True)  # pending | sent | accepted | failed
    message = pw.TextField(default="")
    message_words = JSONField(null=True)  # its words (i18n_marks.stored_words), None for plain text
    created_at = pw.DateTimeField(default=utcnow, index=True)
    updated_at = pw.DateTimeField(default=utcnow)


class ReconReport(BaseModel):
    channel = pw.ForeignKeyField(Channel, on_delete="CASCADE")
    created_at = pw.DateTimeField(default=utcnow, index=True)
    checked = pw.IntegerField(default=0)
    mismatches = pw.IntegerField(default=0)
    fixed = pw.IntegerField(default=0)
    status = pw.CharField(default="ok")
    error = pw.TextField(default="")
    error_words = JSONField(null=True)  # its words (i18n_marks.stored_words), None for plain text


class ReconLine(BaseModel):
    report = pw.ForeignKeyField(ReconReport, backref="lines", on_delete="CASCADE")
    product_id = pw.CharField()
    marketplace_sku = pw.CharField(default="")
    seller_sku = pw.CharField(default="")
    marketplace_qty = pw.IntegerField(null=True)
    expected_qty = pw.IntegerField(null=True)
    difference = pw.IntegerField(default=0)
    cause = pw.CharField(default="")  # push_failed | sale_not_pulled | edited_on_marketplace | unmapped
    fixed = pw.BooleanField(default=False)


class KeptLabel(BaseModel):
    """A marketplace label PDF kept in a station's data folder the first time it was downloaded.

    The marketplace may refuse the label later (TikTok Shop: after the courier collected the parcel), so reprints
    use the kept file. The file lives on one PC (`<data dir>/labels/<channel id>/<order id>.pdf`): with several
    stations, one row per station that holds a copy, so another station can say where the label is.
    """

    order = pw.ForeignKeyField(Order, backref="kept_labels", on_delete="CASCADE")
    station = pw.CharField()
    path = pw.TextField()  # where it is on that station's PC
    size = pw.IntegerField(default=0)
    sha256 = pw.CharField(default="")
    kept_at = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("order", "station"), True),)


class CatalogEdit(BaseModel):
    """One catalogue change of one mapped SKU (a price, the listing on/off): the seller's edit and its outbox row.

    draft (kept, not sent) → pending (the seller confirmed a push) → sent → accepted | failed, or unknown when the
    answer was lost (read back before anything is sent again). `old_value` is what the marketplace held before, so
    *undo* can send it back. Prices in whole rupiah; the listing as 1 (on) / 0 (off); a seller SKU code in
    `old_text` / `new_text`.
    """

    channel = pw.ForeignKeyField(Channel, on_delete="CASCADE")
    product_id = pw.CharField()
    parent_id = pw.CharField(default="")
    marketplace_sku = pw.CharField(default="")
    seller_sku = pw.CharField(default="", index=True)
    field = pw.CharField()  # price | active | seller_sku
    old_value = pw.BigIntegerField(null=True)
    new_value = pw.BigIntegerField()  # 0 for a seller SKU code (the text fields hold it)
    old_text = pw.CharField(default="")  # seller_sku: the listing's code before
    new_text = pw.CharField(default="")  # seller_sku: the new code
    status = pw.CharField(default="draft", index=True)
    message = pw.TextField(default="")
    message_words = JSONField(null=True)  # its words (i18n_marks.stored_words), None for plain text
    push_id = pw.CharField(default="", index=True)
    undo_of = pw.CharField(default="")  # the push this edit undoes
    created_at = pw.DateTimeField(default=utcnow)
    updated_at = pw.DateTimeField(default=utcnow)


class Return(BaseModel):
    """A buyer's after-sales request (return and refund, refund only, replacement) as last synced, with the seller's
    decision. `next_deadline` is the marketplace's deadline for the seller's next step: past it, the platform decides
    for the seller (it approves)."""

    channel = pw.ForeignKeyField(Channel, backref="returns", on_delete="CASCADE")
    return_id = pw.CharField()
    order_id = pw.CharField(default="", index=True)  # the marketplace's order id
    order = pw.ForeignKeyField(Order, null=True, backref="returns", on_delete="SET NULL", column_name="local_order_id")
    return_type = pw.CharField(default="")  # REFUND | RETURN_AND_REFUND | REPLACEMENT | PARTIAL_REFUND
    status = pw.CharField(default="")  # the marketplace's return_status
    state = pw.CharField(default="", index=True)  # needs_answer | on_its_way | to_inspect | closed
    next_action = pw.CharField(default="")  # SELLER_RESPOND_REFUND | _RETURN | _RECEIVE_PACKAGE | ...
    next_deadline = pw.DateTimeField(null=True, index=True)
    reason = pw.CharField(default="")
    reason_text = pw.TextField(default="")
    evidence = JSONField(null=True)  # the buyer's photo / video links
    refund_total = pw.BigIntegerField(default=0)  # rupiah
    return_tracking_number = pw.CharField(null=True)
    return_courier = pw.CharField(default="")
    return_method = pw.CharField(default="")
    created_at = pw.DateTimeField(null=True)  # on the marketplace
    updated_at = pw.DateTimeField(null=True)  # on the marketplace
    # The seller's decision as TokoDesk took it: approve | reject | received (with the reason / the inspection).
    decision = pw.CharField(default="")
    decision_detail = pw.TextField(default="")
    decision_words = JSONField(null=True)  # the detail's words (i18n_marks.stored_words), None for plain text
    decided_by = pw.CharField(default="")
    decided_at = pw.DateTimeField(null=True)
    stock_returned = pw.BooleanField(default=False)  # its goods were checked in (on hand or damaged), once
    problem = pw.TextField(default="")  # why the last decision did not go through (or is not known yet)
    problem_words = JSONField(null=True)  # the problem's words (i18n_marks.stored_words), None for plain text
    version = pw.IntegerField(default=1)
    local_updated_at = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("channel", "return_id"), True),)


class ReturnLine(BaseModel):
    ret = pw.ForeignKeyField(Return, backref="lines", on_delete="CASCADE", column_name="return_id")
    line_id = pw.CharField(default="")  # the marketplace's return line item id
    order_line_id = pw.CharField(default="")
    sku = pw.CharField(default="")  # the marketplace's seller_sku
    sku_id = pw.CharField(default="")
    name = pw.CharField(default="")
    quantity = pw.IntegerField(default=1)
    seller_sku = pw.CharField(null=True)


class StockMovement(BaseModel):
    """A recorded change of the seller's stock that is not a count: a return checked back in (to on hand or to the
    damaged count). `on_hand_after` is None when the SKU was never counted (it stays uncounted)."""

    seller_sku = pw.CharField(index=True)
    kind = pw.CharField()  # return_resaleable | return_damaged | failed_delivery | stock_return (services/stock_back)
    quantity = pw.IntegerField()
    on_hand_after = pw.IntegerField(null=True)
    damaged_after = pw.IntegerField(default=0)
    ret = pw.ForeignKeyField(Return, null=True, backref="movements", on_delete="SET NULL", column_name="return_id")
    # The order whose goods came back, by whichever path (services/stock_back.py): an order's goods come back once.
    order = pw.ForeignKeyField(Order, null=True, backref="stock_movements", on_delete="SET NULL")
    who = pw.CharField(default="")
    at = pw.DateTimeField(default=utcnow, index=True)
    note = pw.TextField(default="")


class HandoverScan(BaseModel):
    """One parcel scanned while a courier collects (or at the drop-off counter): the seller's dispatch record.

    `outcome`: ok (expected for this courier), not_due (`reason`: cancelled | another_courier | handed_over |
    not_ready) or unknown (no parcel TokoDesk holds has that code). Written locally only; nothing is sent.
    """

    channel = pw.ForeignKeyField(Channel, null=True, on_delete="CASCADE")
    order = pw.ForeignKeyField(Order, null=True, backref="handover_scans", on_delete="CASCADE")
    package = pw.ForeignKeyField(Package, null=True, on_delete="SET NULL")
    code = pw.CharField(index=True)  # as scanned (AWB, tracking number or booking code)
    courier = pw.CharField(default="")  # the courier collecting, as the seller named it
    outcome = pw.CharField()
    reason = pw.CharField(default="")
    detail = pw.TextField(default="")
    detail_words = JSONField(null=True)  # its words (i18n_marks.stored_words), None for plain text
    station = pw.CharField(default="")
    scanned_at = pw.DateTimeField(default=utcnow, index=True)


class Clip(BaseModel):
    """A packing video (issue 21): one clip of one order (one package of a split order when the scan named it),
    recorded at `station` into a file of that station's video folder. The row outlives the file: retention deletes
    the oldest files and sets `removed_at`, while the time, size and checksum stay for the order's record."""

    order = pw.ForeignKeyField(Order, backref="clips", on_delete="CASCADE")
    package_id = pw.CharField(null=True)
    kind = pw.CharField(default="packing")  # packing | unboxing
    path = pw.TextField()  # where the station wrote it (its own disk: another station cannot open it)
    started_at = pw.DateTimeField(index=True)
    ended_at = pw.DateTimeField()
    ended_why = pw.CharField(default="")  # next_scan | pack | max_length | stopped | disk_full | error | inspected
    size_bytes = pw.BigIntegerField(default=0)
    sha256 = pw.CharField(default="")
    station = pw.CharField(default="", index=True)
    removed_at = pw.DateTimeField(null=True)


class Statement(BaseModel):
    """A daily settlement statement (marketplace.finance.StatementInfo). Amounts are signed rupiah: what the seller
    receives is positive, fees and costs negative, as the marketplace sends them."""

    channel = pw.ForeignKeyField(Channel, backref="statements", on_delete="CASCADE")
    statement_id = pw.CharField()
    statement_time = pw.DateTimeField(null=True, index=True)
    currency = pw.CharField(default="IDR")
    settlement_amount = pw.BigIntegerField(default=0)
    revenue_amount = pw.BigIntegerField(default=0)
    fee_amount = pw.BigIntegerField(default=0)
    adjustment_amount = pw.BigIntegerField(default=0)
    shipping_cost_amount = pw.BigIntegerField(default=0)
    payment_status = pw.CharField(default="")
    payment_id = pw.CharField(default="")
    payment_time = pw.DateTimeField(null=True)
    # Every transaction of it was read (and when): a sync stopped half-way reads the rest next time.
    transactions_read_at = pw.DateTimeField(null=True)
    updated_at = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("channel", "statement_id"), True),)


class SettlementLine(BaseModel):
    """One transaction of a statement: an order's settlement (kind ORDER), an adjustment or a reserve, with every
    amount under the platform's own name (`amounts`: [[group, name, amount], …], marketplace.finance.Amount). An order
    settled across two statements, or adjusted later, has one row per transaction."""

    channel = pw.ForeignKeyField(Channel, backref="settlement_lines", on_delete="CASCADE")
    statement = pw.ForeignKeyField(Statement, backref="lines", on_delete="CASCADE")
    transaction_id = pw.CharField()
    kind = pw.CharField(default="ORDER")
    order_id = pw.CharField(default="", index=True)  # the marketplace's order id the money belongs to ("" : none)
    adjustment_id = pw.CharField(default="")
    order_created_at = pw.DateTimeField(null=True)
    statement_time = pw.DateTimeField(null=True, index=True)
    settlement_amount = pw.BigIntegerField(default=0)
    revenue_amount = pw.BigIntegerField(default=0)
    shipping_cost_amount = pw.BigIntegerField(default=0)
    fee_tax_amount = pw.BigIntegerField(default=0)
    adjustment_amount = pw.BigIntegerField(default=0)
    reserve_amount = pw.BigIntegerField(default=0)
    amounts = JSONField(default=list)
    updated_at = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("channel", "transaction_id"), True),)


class UnsettledEstimate(BaseModel):
    """An order not settled yet, with the marketplace's estimate, as last read. Rows the latest complete read no
    longer lists were settled (or dropped) and are deleted by that read."""

    channel = pw.ForeignKeyField(Channel, backref="unsettled", on_delete="CASCADE")
    transaction_id = pw.CharField()
    kind = pw.CharField(default="ORDER")
    order_id = pw.CharField(default="", index=True)
    adjustment_id = pw.CharField(default="")
    order_created_at = pw.DateTimeField(null=True)
    delivered_at = pw.DateTimeField(null=True)
    est_settlement_amount = pw.BigIntegerField(default=0)
    est_revenue_amount = pw.BigIntegerField(default=0)
    est_shipping_cost_amount = pw.BigIntegerField(default=0)
    est_fee_tax_amount = pw.BigIntegerField(default=0)
    est_adjustment_amount = pw.BigIntegerField(default=0)
    estimated_settlement = pw.CharField(default="")  # "x days after delivery" or a Unix time, as sent
    estimated_at = pw.DateTimeField(null=True)
    unsettled_reason = pw.TextField(default="")
    amounts = JSONField(default=list)
    seen_at = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("channel", "transaction_id"), True),)


class Withdrawal(BaseModel):
    """Money moved out of the seller's balance to the bank (or a settlement, transfer, reversal), as last read."""

    channel = pw.ForeignKeyField(Channel, backref="withdrawals", on_delete="CASCADE")
    withdrawal_id = pw.CharField()
    kind = pw.CharField(default="")  # WITHDRAW | SETTLE | TRANSFER | REVERSE
    amount = pw.BigIntegerField(default=0)
    status = pw.CharField(default="")  # PROCESSING | SUCCESS | FAILED
    currency = pw.CharField(default="IDR")
    created_at = pw.DateTimeField(null=True, index=True)
    updated_at = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("channel", "withdrawal_id"), True),)


ALL_MODELS: list[type[BaseModel]] = [
    SchemaVersion,
    AppSetting,
    Channel,
    Product,
    StockItem,
    SkuMapping,
    Order,
    OrderLine,
    OrderEvent,
    Action,
    Package,
    PackageOrder,
    SyncRun,
    SyncLease,
    StockPush,
    ReconReport,
    ReconLine,
    KeptLabel,
    CatalogEdit,
    Return,
    ReturnLine,
    StockMovement,
    HandoverScan,
    Clip,
    Statement,
    SettlementLine,
    UnsettledEstimate,
    Withdrawal,
]
