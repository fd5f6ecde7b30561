"""A seeded, deterministic Indonesian shop: catalogue with variants, buyers, couriers and a few days of orders.

The same seed and the same clock start give the same shop, field for field. Orders already in the past get the
status their age makes likely (recent ones still waiting for the seller, older ones shipped or done), with the
history entries and timers that status implies.
"""

from __future__ import annotations

import hashlib
import random
from datetime import datetime, timedelta, timezone

from tokodesk.sandbox.clock import Clock
from tokodesk.sandbox.shop import (
    Address,
    Courier,
    HistoryEntry,
    Order,
    OrderLine,
    Person,
    Product,
    Shop,
    Status,
    Timing,
)

WIB = timezone(timedelta(hours=7))

COURIERS = [
    Courier("JNE", "Reguler", 1, 1, awb_prefix="JP"),
    Courier("JNE", "YES", 6, 6, awb_prefix="JY"),
    Courier("SiCepat", "REG", 11, 45, awb_prefix="0040"),
    Courier("SiCepat", "BEST", 12, 46, awb_prefix="0041"),
    Courier("J&T", "EZ", 13, 24, awb_prefix="JD"),
    Courier("AnterAja", "Reguler", 23, 71, awb_prefix="10"),
    Courier("Ninja Xpress", "Standard", 24, 72, awb_prefix="NLIDAP"),
    Courier("Custom Logistik", "Kurir Toko", 999, 999, own=True),
]
COURIER_WEIGHTS = [24, 6, 18, 4, 18, 12, 8, 10]

FIRST_NAMES = [
    "Budi", "Siti", "Agus", "Dewi", "Rina", "Andi", "Putri", "Wahyu", "Sri", "Eko", "Fitri", "Rizky", "Nur",
    "Dian", "Hendra", "Indah", "Yusuf", "Ayu", "Fajar", "Lestari", "Bayu", "Ratna", "Joko", "Maya", "Teguh",
    "Wulan", "Arif", "Nanda", "Gilang", "Citra", "Imam", "Kartika", "Made", "Ketut", "Ucok", "Butet",
]
LAST_NAMES = [
    "Santoso", "Wijaya", "Saputra", "Pratama", "Hidayat", "Lestari", "Kusuma", "Setiawan", "Nugroho", "Rahmawati",
    "Siregar", "Nasution", "Harahap", "Sembiring", "Simanjuntak", "Pangaribuan", "Wibowo", "Susanto", "Gunawan",
    "Purnomo", "Halim", "Tanjung", "Permana", "Firmansyah", "Syahputra", "Anggraini", "Utami", "Suryadi",
]
# (city, province, province_id, city_id, postal prefix, districts, lat, lng)
CITIES = [
    ("Jakarta Selatan", "DKI Jakarta", 13, 175, "12", ["Kebayoran Baru", "Tebet", "Pancoran", "Cilandak"],
     -6.26, 106.81),
    ("Jakarta Barat", "DKI Jakarta", 13, 174, "11", ["Kebon Jeruk", "Grogol Petamburan", "Cengkareng"], -6.17, 106.76),
    ("Bandung", "Jawa Barat", 12, 23, "40", ["Coblong", "Sukajadi", "Buahbatu", "Cicendo"], -6.91, 107.61),
    ("Bekasi", "Jawa Barat", 12, 55, "17", ["Bekasi Selatan", "Rawalumbu", "Bekasi Timur"], -6.24, 106.99),
    ("Depok", "Jawa Barat", 12, 115, "16", ["Beji", "Pancoran Mas", "Sukmajaya"], -6.40, 106.82),
    ("Tangerang Selatan", "Banten", 11, 457, "15", ["Serpong", "Pamulang", "Ciputat"], -6.29, 106.72),
    ("Surabaya", "Jawa Timur", 15, 444, "60", ["Gubeng", "Wonokromo", "Tegalsari", "Rungkut"], -7.26, 112.75),
    ("Malang", "Jawa Timur", 15, 256, "65", ["Lowokwaru", "Klojen", "Blimbing"], -7.98, 112.63),
    ("Semarang", "Jawa Tengah", 14, 399, "50", ["Banyumanik", "Tembalang", "Semarang Tengah"], -6.97, 110.42),
    ("Yogyakarta", "DI Yogyakarta", 10, 501, "55", ["Gondokusuman", "Umbulharjo", "Mergangsan"], -7.80, 110.36),
    ("Medan", "Sumatera Utara", 34, 278, "20", ["Medan Baru", "Medan Petisah", "Medan Sunggal"], 3.59, 98.67),
    ("Palembang", "Sumatera Selatan", 33, 327, "30", ["Ilir Barat I", "Kemuning", "Sukarami"], -2.98, 104.76),
    ("Padang", "Sumatera Barat", 32, 318, "25", ["Padang Utara", "Kuranji", "Lubuk Begalung"], -0.95, 100.35),
    ("Pekanbaru", "Riau", 26, 350, "28", ["Sukajadi", "Tampan", "Marpoyan Damai"], 0.51, 101.45),
    ("Denpasar", "Bali", 1, 114, "80", ["Denpasar Selatan", "Denpasar Barat", "Denpasar Utara"], -8.65, 115.22),
    ("Makassar", "Sulawesi Selatan", 28, 254, "90", ["Panakkukang", "Tamalate", "Rappocini"], -5.15, 119.43),
    ("Manado", "Sulawesi Utara", 31, 267, "95", ["Wenang", "Malalayang", "Tikala"], 1.47, 124.84),
    ("Balikpapan", "Kalimantan Timur", 15, 19, "76", ["Balikpapan Kota", "Balikpapan Selatan"], -1.27, 116.83),
    ("Pontianak", "Kalimantan Barat", 20, 364, "78", ["Pontianak Kota", "Pontianak Selatan"], -0.03, 109.33),
]
STREETS = [
    "Jl. Merdeka", "Jl. Sudirman", "Jl. Diponegoro", "Jl. Gajah Mada", "Jl. Ahmad Yani", "Jl. Pahlawan",
    "Jl. Kenanga", "Jl. Melati", "Gg. Mawar", "Jl. Cempaka Putih", "Jl. Raya Bogor", "Jl. Veteran",
    "Perum Griya Asri Blok C", "Komplek Taman Indah Blok B", "Jl. Hayam Wuruk", "Jl. Teuku Umar",
]
# (name, category id, category, etalase, base price, weight g, variant axis, variant values)
CATALOGUE = [
    ("Kaos Polos Cotton Combed 30s", 1759, "Kaos Pria", "Pakaian", 45000, 180, "Ukuran", ["S", "M", "L", "XL"]),
    ("Kopi Arabika Gayo 250gr", 2563, "Kopi", "Makanan & Minuman", 85000, 260, "Gilingan", ["Biji", "Bubuk"]),
    ("Sambal Bawang Pedas 150ml", 2580, "Sambal", "Makanan & Minuman", 28000, 220, "", []),
    ("Hijab Segi Empat Voal Premium", 1794, "Kerudung", "Fashion Muslim", 39000, 120, "Warna",
     ["Hitam", "Navy", "Dusty Pink", "Mocca"]),
    ("Casing HP Silikon Samsung A54", 65, "Casing HP", "Aksesoris HP", 25000, 60, "Warna", ["Bening", "Hitam"]),
    ("Tumbler Stainless 500ml", 984, "Botol Minum", "Rumah Tangga", 65000, 350, "Warna", ["Putih", "Hijau", "Abu"]),
    ("Masker Duckbill 4 Ply isi 50", 2264, "Masker", "Kesehatan", 35000, 300, "", []),
    ("Sepatu Sneakers Pria Kanvas", 1820, "Sneakers Pria", "Sepatu", 189000, 900, "Ukuran",
     ["39", "40", "41", "42", "43"]),
    ("Tas Selempang Wanita Kulit Sintetis", 1846, "Tas Selempang", "Tas", 129000, 450, "", []),
    ("Madu Hutan Murni 500gr", 2570, "Madu", "Makanan & Minuman", 98000, 650, "", []),
    ("Kabel Data USB-C Fast Charging 1m", 3421, "Kabel Data", "Aksesoris HP", 19000, 50, "Panjang", ["1m", "2m"]),
    ("Sabun Cuci Piring Jeruk Nipis 800ml", 2899, "Sabun Cuci Piring", "Rumah Tangga", 16500, 850, "", []),
    ("Celana Chino Slim Fit", 1766, "Celana Pria", "Pakaian", 149000, 450, "Ukuran", ["28", "30", "32", "34"]),
    ("Keripik Singkong Balado 200gr", 2589, "Keripik", "Makanan & Minuman", 18000, 220, "Level", ["Sedang", "Pedas"]),
    ("Gamis Rayon Motif Bunga", 1799, "Gamis", "Fashion Muslim", 159000, 400, "Ukuran", ["M", "L", "XL"]),
    ("Lampu LED Bulb 12 Watt", 1132, "Lampu", "Rumah Tangga", 22000, 90, "", []),
]
SERIES = ["", " Edisi 2", " Seri Hemat", " Premium", " Original", " Paket 2 pcs"]


def _stable_int(seed: int, label: str, lo: int, hi: int) -> int:
    digest = hashlib.sha256(f"{seed}:{label}".encode()).digest()
    return lo + int.from_bytes(digest[:8], "big") % (hi - lo)


def _person(rng: random.Random, person_id: int, email_domain: str = "gmail.com") -> Person:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    city, province, province_id, city_id, postal, districts, lat, lng = rng.choice(CITIES)
    district_index = rng.randrange(len(districts))
    street = f"{rng.choice(STREETS)} No. {rng.randint(1, 120)}, RT {rng.randint(1, 12):02d}/RW {rng.randint(1, 9):02d}"
    address = Address(
        street=street,
        district=districts[district_index],
        city=city,
        province=province,
        postal_code=f"{postal}{rng.randint(100, 999)}",
        district_id=city_id * 100 + district_index + 1,
        city_id=city_id,
        province_id=province_id,
        geo=f"{lat + rng.uniform(-0.05, 0.05):.6f},{lng + rng.uniform(-0.05, 0.05):.6f}",
    )
    phone = f"628{rng.randint(11, 59)}{rng.randint(10_000_000, 99_999_999)}"
    email = f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@{email_domain}"
    return Person(person_id, f"{first} {last}", phone, email, address)


def build_shop(
    *,
    seed: int = 1,
    products: int = 30,
    orders: int = 200,
    days: float = 7.0,
    clock: Clock | None = None,
    timing: Timing | None = None,
    new_orders_per_hour: float = 0.0,
    buyer_cancels_per_hour: float = 0.0,
) -> Shop:
    """Build a shop of `products` listings (variants add children) and `orders` orders spread over `days`."""
    clock = clock or Clock()
    timing = timing or Timing()
    rng = random.Random(seed)
    shop_id = _stable_int(seed, "shop", 400_000, 9_000_000)
    warehouse_id = _stable_int(seed, "warehouse", 100_000, 999_999)
    seller = _person(random.Random(seed * 31 + 5), shop_id)
    shop = Shop(
        seed=seed,
        shop_id=shop_id,
        warehouse_id=warehouse_id,
        shop_name=f"Toko {seller.name.split()[0]} Jaya",
        shop_domain=f"toko{seller.name.split()[0].lower()}jaya",
        address=seller.address,
        clock=clock,
        timing=timing,
        new_orders_per_hour=new_orders_per_hour,
        buyer_cancels_per_hour=buyer_cancels_per_hour,
    )
    shop.couriers = list(COURIERS)
    now = clock.now()
    _build_catalogue(shop, rng, products, now)
    _build_orders(shop, rng, orders, days, now)
    shop.make_order = _arriving_order
    shop.start_running()
    return shop


def _build_catalogue(shop: Shop, rng: random.Random, count: int, now: float) -> None:
    next_id = 2_147_483_600 + _stable_int(shop.seed, "pid", 0, 40)  # ids cross 2**31: int64 all the way
    for index in range(count):
        name, cat_id, cat, menu, base_price, weight, _axis, values = CATALOGUE[index % len(CATALOGUE)]
        name = name + SERIES[(index // len(CATALOGUE)) % len(SERIES)]
        if index >= len(CATALOGUE) * len(SERIES):
            name = f"{name} #{index}"
        code = "".join(w[0] for w in name.replace("#", "").split() if w[0].isalnum()).upper()[:6]
        price = int(round(base_price * rng.uniform(0.9, 1.2), -2))
        menu_id = 1000 + CATALOGUE.index(next(c for c in CATALOGUE if c[3] == menu))
        created = now - rng.uniform(30, 400) * 86400
        # every seventh plain product has no SKU: sellers do that, and the mapping must cope
        no_sku = not values and index % 7 == 2
        parent = Product(
            product_id=next_id, name=name, sku="" if (values or no_sku) else f"{code}-{index:03d}", price=price,
            stock=rng.randint(0, 150), weight_g=weight, category_id=cat_id, category_name=cat, menu_id=menu_id,
            menu_name=menu, created=created, updated=created, sold=rng.randint(0, 500),
        )
        next_id += rng.randint(1, 9)
        if values:
            parent.stock = 0
            shop.add_product(parent)
            for value in values:
                child = Product(
                    product_id=next_id, name=f"{name} - {value}", sku=f"{code}-{index:03d}-{value.upper()[:4]}",
                    price=price + (5000 if value in ("XL", "43", "2m", "34") else 0),
                    stock=rng.choice([0, rng.randint(1, 12), rng.randint(10, 120)]), weight_g=weight,
                    category_id=cat_id, category_name=cat, menu_id=menu_id, menu_name=menu, parent_id=parent.product_id,
                    created=created, updated=created, sold=rng.randint(0, 200),
                )
                parent.children.append(child.product_id)
                shop.add_product(child)
                next_id += rng.randint(1, 9)
        else:
            shop.add_product(parent)


def _sellable(shop: Shop) -> list[Product]:
    return [p for p in shop.products.values() if not p.is_parent and p.status == 1]


def _new_order(shop: Shop, rng: random.Random, at: float, products: list[Product]) -> Order:
    shop.counters["order_seq"] += 1
    seq = shop.counters["order_seq"]
    order_id = 1_200_000_000 + _stable_int(shop.seed, "oid", 0, 10_000_000) + seq * 37
    lines = []
    for n, product in enumerate(rng.sample(products, k=min(len(products), rng.choices([1, 2, 3], [70, 22, 8])[0]))):
        quantity = rng.choices([1, 2, 3, 5], [75, 15, 7, 3])[0]
        notes = rng.choice(["", "", "", "Tolong dibungkus rapi ya kak", "Bubble wrap tebal", "Warna jangan salah"])
        lines.append(OrderLine(order_id * 10 + n, product.product_id, product.name, product.sku, quantity,
                               product.price, product.weight_g, notes))
    courier = rng.choices(shop.couriers, COURIER_WEIGHTS[: len(shop.couriers)])[0]
    buyer = _person(rng, 9_000_000 + seq * 13)
    recipient = buyer if rng.random() < 0.8 else _person(rng, buyer.person_id)
    weight_kg = max(1, -(-sum(line.weight_g * line.quantity for line in lines) // 1000))
    date = datetime.fromtimestamp(at, WIB).strftime("%Y%m%d")
    invoice = f"INV/{date}/MPL/{30_000_000 + _stable_int(shop.seed, 'inv', 0, 9_000_000) + seq * 11}"
    order = Order(
        order_id=order_id, invoice=invoice, payment_id=order_id // 3 + 17, create_time=at, status=Status.PAID,
        lines=lines, buyer=buyer, recipient=recipient, courier=courier,
        shipping_cost=(9000 if courier.own else rng.choice([9000, 10000, 12000, 15000, 18000])) * weight_kg,
        insurance_cost=rng.choice([0, 0, 0, 1000, 2500]), accept_deadline=at + shop.timing.accept_window,
        update_time=at,
    )
    order.history.append(HistoryEntry(220, at, "system", "Payment verified"))
    return order


def _arriving_order(shop: Shop, at: float, rng: random.Random) -> Order | None:
    products = [p for p in _sellable(shop) if p.stock > 0]
    if not products:
        return None
    order = _new_order(shop, rng, at, products)
    for line in order.lines:  # buyers cannot buy more than the shop shows
        line.quantity = min(line.quantity, shop.products[line.product_id].stock)
    return order


def _build_orders(shop: Shop, rng: random.Random, count: int, days: float, now: float) -> None:
    products = _sellable(shop)
    if not products or count <= 0:
        return
    times = sorted(now - rng.uniform(60, days * 86400) for _ in range(count))
    t = shop.timing
    for at in times:
        order = _new_order(shop, rng, at, products)
        age = now - at
        if age < t.accept_window:
            path = rng.choices(["new", "ack", "pickup", "ship", "reject", "buyer"], [58, 20, 6, 10, 3, 3])[0]
        else:
            path = rng.choices(["expire", "reject", "ack", "pickup", "ship", "deliver", "complete"],
                               [4, 4, 3, 3, 24, 22, 40])[0]
        _age_order(shop, order, path, at, now, rng)
        shop.add_order(order)


def _age_order(shop: Shop, order: Order, path: str, at: float, now: float, rng: random.Random) -> None:
    """Walk a past order down `path`, stamping history times between its creation and now."""
    t = shop.timing
    span = now - at

    def step(fraction: float) -> float:
        return at + span * fraction

    if path == "new":
        return
    if path == "expire":
        order.set_status(Status.CANCELLED, order.accept_deadline, "system", "Seller exceeded processing deadline")
        return
    if path == "buyer":
        order.set_status(Status.BUYER_CANCELLED, step(rng.uniform(0.1, 0.5)), "buyer", "Buyer cancelled the order")
        return
    if path == "reject":
        order.reject_reason = {"reason_code": 1, "reason": "Stok habis"}
        order.nacks = 0  # rejected from Seller Center, not through the API
        order.set_status(Status.REJECTED, step(rng.uniform(0.05, 0.3)), "seller", "Stok habis")
        return
    acked = step(rng.uniform(0.02, 0.2))
    if not order.courier.own:
        order.booking_code = shop._booking_code(order)
    order.confirm_deadline = acked + t.confirm_window
    order.set_status(Status.ACCEPTED, acked, "seller", "Seller accepted the order")
    if path == "ack":
        return
    if path == "pickup" and not order.courier.own:
        order.set_status(Status.AWAITING_PICKUP, step(rng.uniform(0.25, 0.4)), "seller", "Pick-up requested")
        # The courier has not come yet: the timer restarts from now so old pickups do not all land at once.
        order.update_time = now - rng.uniform(0, t.scaled(t.pickup_to_shipped))
        return
    shipped = step(rng.uniform(0.25, 0.45))
    order.awb = shop._auto_awb(order) if not order.courier.own else f"KT{order.order_id % 10**8:08d}"
    order.shipped_time = shipped
    order.set_status(Status.SHIPPED, shipped, "courier" if not order.courier.own else "seller", "Shipped")
    if path in ("ship", "pickup"):
        order.update_time = now - rng.uniform(0, t.scaled(t.shipped_to_delivered))
        return
    delivered = step(rng.uniform(0.5, 0.7))
    order.delivered_time = delivered
    order.set_status(Status.DELIVERED, delivered, "courier", "Order delivered")
    if path == "deliver":
        order.update_time = now - rng.uniform(0, t.scaled(t.delivered_to_completed))
        return
    order.set_status(Status.COMPLETED, step(rng.uniform(0.75, 0.95)), "system", "Order finished")
