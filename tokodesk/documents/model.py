"""Plain data the documents are drawn from. The services fill these from an order; nothing here reads the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Line:
    sku: str  # the seller SKU where the line is mapped, else the marketplace SKU
    name: str
    quantity: int
    price: int = 0  # rupiah per unit; only the invoice shows it


@dataclass
class Party:
    name: str = ""
    phone: str = ""
    address_lines: list[str] = field(default_factory=list)
    district: str = ""
    city: str = ""
    province: str = ""
    postal_code: str = ""

    def area(self) -> str:
        """'Kec. X, Kota Y, Province 12345' without empty parts."""
        head = ", ".join(p for p in (self.district, self.city, self.province) if p)
        return f"{head} {self.postal_code}".strip()


@dataclass
class LabelData:
    marketplace: str  # display name: "Tokopedia & Shop", "Tokopedia" (never "TikTok" in Indonesia)
    courier: str
    service: str
    invoice: str
    order_id: str
    recipient: Party
    sender: Party
    booking_code: str | None = None  # drop-off / platform couriers: the 3PL scans it and assigns the AWB
    awb: str | None = None
    lines: list[Line] = field(default_factory=list)
    cod_amount: int = 0  # rupiah the courier collects; 0 = not COD
    weight_grams: int | None = None
    created_at: datetime | None = None
    ship_deadline: datetime | None = None
    buyer_note: str = ""
    qr_text: str = ""  # what the QR code holds; empty = the invoice number (the desk scans it to find the order)
    parcel: str = ""  # "2/3" when the order ships as several packages, each with its own label and tracking number

    def scan_code(self) -> str:
        """The code the courier scans: the AWB once there is one, else the booking code."""
        return (self.awb or self.booking_code or "").strip()

    def qr_payload(self) -> str:
        return self.qr_text or self.invoice or self.order_id


@dataclass
class ManifestRow:
    invoice: str
    code: str  # AWB, else booking code
    recipient_city: str
    parcels: int = 1
    recipient_name: str = ""
    cod_amount: int = 0


@dataclass
class ManifestData:
    courier: str
    shop: str
    created_at: datetime
    rows: list[ManifestRow] = field(default_factory=list)
    marketplace: str = ""
    shop_phone: str = ""
    manifest_no: str = ""

    @property
    def total_parcels(self) -> int:
        return sum(r.parcels for r in self.rows)

    @property
    def total_cod(self) -> int:
        return sum(r.cod_amount for r in self.rows)


@dataclass
class PicklistOrder:
    invoice: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class PickRow:
    sku: str
    name: str
    quantity: int
    orders: int  # how many orders want this SKU


@dataclass
class PicklistData:
    shop: str
    created_at: datetime
    orders: list[PicklistOrder] = field(default_factory=list)

    def totals(self) -> list[PickRow]:
        """Lines summed by SKU across the orders, in SKU order (how a picker walks a shelf sorted by code)."""
        rows: dict[str, PickRow] = {}
        for order in self.orders:
            for line in order.lines:
                row = rows.get(line.sku)
                if row is None:
                    row = rows[line.sku] = PickRow(line.sku, line.name, 0, 0)
                row.quantity += line.quantity
                row.orders += 1
        return [rows[k] for k in sorted(rows, key=lambda s: (s.casefold(), s))]


@dataclass
class InvoiceData:
    marketplace: str
    invoice: str
    order_id: str
    shop: Party
    buyer: Party
    created_at: datetime
    lines: list[Line] = field(default_factory=list)
    shipping_fee: int = 0
    discount: int = 0
    total: int | None = None  # the marketplace's total when it knows better (vouchers, fees); else computed
    courier: str = ""
    service: str = ""
    payment: str = ""  # "COD", "Transfer Bank", ...

    @property
    def subtotal(self) -> int:
        return sum(line.price * line.quantity for line in self.lines)

    @property
    def grand_total(self) -> int:
        if self.total is not None:
            return self.total
        return self.subtotal + self.shipping_fee - self.discount


@dataclass
class PackageBlock:
    """One parcel of an order the marketplace ships as several packages: its id (the packer scans it) and its items."""

    package_id: str
    lines: list[Line] | None = None  # this order's items in it; None: the marketplace has not said which
    other_orders: list[str] = field(default_factory=list)  # invoices of other orders a combined package also serves


@dataclass
class PackingListData:
    marketplace: str
    invoice: str
    order_id: str
    recipient: Party
    courier: str = ""
    service: str = ""
    code: str = ""  # AWB or booking code
    created_at: datetime | None = None
    lines: list[Line] = field(default_factory=list)
    buyer_note: str = ""
    # Two or more: the order travels as these parcels and the list has a block for each; fewer: the order is one parcel.
    packages: list[PackageBlock] = field(default_factory=list)
