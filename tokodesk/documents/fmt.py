"""Indonesian-friendly formats for documents: Rp 1.250.000, 26/11/2026 14:05 WIB."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from tokodesk.config import WIB

Translate = Callable[[str], str]


def identity(text: str) -> str:
    return text


def rupiah(amount: int) -> str:
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {abs(int(amount)):,}".replace(",", ".")


def wib(moment: datetime | None, with_time: bool = True) -> str:
    """A moment shown in Jakarta time. Naive datetimes are taken as UTC (the store keeps UTC)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    local = moment.astimezone(WIB)
    return local.strftime("%d/%m/%Y %H:%M WIB") if with_time else local.strftime("%d/%m/%Y")


def grams(weight: int | None) -> str:
    if not weight:
        return ""
    if weight >= 1000:
        kg = f"{weight / 1000:.2f}".rstrip("0").rstrip(".").replace(".", ",")
        return f"{kg} kg"
    return f"{weight} g"


# The documents' fixed words in Indonesian, for callers without Qt's translator (the CLI, the services).
INDONESIAN: dict[str, str] = {
    "+{n} more": "+{n} lainnya",
    "AWB": "NO. RESI",
    "BOOKING CODE": "KODE BOOKING",
    "Booking code / AWB": "Kode booking / No. resi",
    "Buyer": "Pembeli",
    "City": "Kota",
    "COD": "COD",
    "Courier": "Kurir",
    "Created": "Dibuat",
    "Discount": "Diskon",
    "HANDOVER": "SERAH TERIMA",
    "Handover": "Serah terima",
    "INVOICE": "INVOICE",
    "Invoice": "Invoice",
    "MANIFEST": "MANIFEST",
    "Manifest": "Manifest",
    "Manifest no.": "No. manifest",
    "NON-COD": "NON-COD",
    "NOT SCANNED": "BELUM DIPINDAI",
    "Name, signature, date": "Nama, tanda tangan, tanggal",
    "No barcode: the code has a character a barcode cannot hold":
        "Tanpa barcode: kode berisi karakter yang tidak bisa dijadikan barcode",
    "No booking code or AWB yet": "Belum ada kode booking atau no. resi",
    "Note": "Catatan",
    "Order": "Pesanan",
    "Parcel": "Paket",
    "Orders": "Pesanan",
    "orders": "pesanan",
    "PACKING LIST": "DAFTAR ISI PAKET",
    "Packing list": "Daftar isi paket",
    # a split order's packing list: a block per package (documents/sheets.py _package_blocks)
    "This order ships in {n} packages: pack each one on its own and scan its barcode.":
        "Pesanan ini dikirim dalam {n} paket: kemas masing-masing secara terpisah dan pindai barcode-nya.",
    "Also holds order {orders}": "Juga berisi pesanan {orders}",
    "Which items travel in this package is not known yet: the order's items are listed once below.":
        "Isi paket ini belum diketahui: barang pesanan dicantumkan sekali di bawah.",
    "Items of the order": "Barang dalam pesanan",
    # Seller Center's own term for the list a picker walks the shelves with ("Daftar Pengambilan Barang").
    "PICKLIST": "DAFTAR PENGAMBILAN BARANG",
    "Picklist": "Daftar pengambilan barang",
    "Parcels": "Koli",
    "Payment": "Pembayaran",
    "Price": "Harga",
    "Printed": "Dicetak",
    "Product": "Produk",
    "Qty": "Jml",
    "RECIPIENT": "PENERIMA",
    "Re-typeset by TokoDesk from the marketplace label": "Disusun ulang oleh TokoDesk dari label marketplace",
    "Recipient": "Penerima",
    "SENDER": "PENGIRIM",
    "Scanned": "Dipindai",
    "Scanned at": "Dipindai pada",
    "Seller": "Penjual",
    "Ship before": "Kirim sebelum",
    "Shipping": "Ongkos kirim",
    "SKU": "SKU",
    "Subtotal": "Subtotal",
    "Total": "Total",
    "Total {n} pcs": "Total {n} pcs",
    "Weight": "Berat",
    # the stock reconciliation report (services/recon_export.py)
    "Stock reconciliation": "Pencocokan stok",
    "channel": "channel",
    "Checked {checked} products · {mismatches} mismatches · {fixed} fixed · status: {status}.":
        "{checked} produk diperiksa · {mismatches} selisih · {fixed} diperbaiki · status: {status}.",
    "Difference = marketplace − expected (above 0: the marketplace offers more than TokoDesk has).":
        "Selisih = marketplace − seharusnya (di atas 0: marketplace menawarkan lebih dari yang ada di TokoDesk).",
    "Problems: {error}": "Masalah: {error}",
    "No mismatches: the marketplace shows what TokoDesk expects.":
        "Tidak ada selisih: marketplace menampilkan stok yang seharusnya.",
    "Marketplace SKU": "SKU marketplace",
    "Seller SKU": "SKU penjual",
    "Marketplace": "Marketplace",
    "Expected": "Seharusnya",
    "Diff.": "Selisih",
    "Likely cause": "Kemungkinan penyebab",
    "Fixed": "Diperbaiki",
    "yes": "ya",
    "last push failed": "perbarui stok terakhir gagal",
    "sale not pulled yet": "penjualan belum ditarik",
    "changed on the marketplace": "diubah di marketplace",
    "not pushed yet": "stok belum diperbarui",
    "not found on the marketplace": "tidak ada di marketplace",
    "no seller SKU (unmapped)": "tanpa SKU penjual (belum dipetakan)",
    "not counted yet": "belum dihitung",
    "price differs (figures in Rp)": "harga berbeda (angka dalam Rp)",
    # the sheet with a packing video exported for a dispute (documents/dispute.py)
    "PACKING VIDEO": "VIDEO PENGEMASAN",
    "Packing video": "Video pengemasan",
    "Order ID": "ID pesanan",
    "Package": "Paket",
    "Packed": "Dikemas",
    "Recording started": "Mulai direkam",
    "Recording ended": "Selesai direkam",
    "Length": "Durasi",
    "Station": "Stasiun",
    "Video file": "Berkas video",
    "Size": "Ukuran",
    "Item check": "Cek barang",
    "Every frame of the video shows the invoice, the order ID, the time (WIB) and the station, and a QR code with "
    "the order ID and the time. The SHA-256 above is the file's as it was recorded.":
        "Setiap bingkai video menampilkan invoice, ID pesanan, waktu (WIB) dan stasiun, serta kode QR berisi ID "
        "pesanan dan waktu. SHA-256 di atas adalah milik berkas sebagaimana direkam.",
    # the payouts report (services/payout_export.py); Seller Center calls a settled payout "penghasilan"
    "Payouts": "Penghasilan",
    "{settled} orders settled, {net} net; {unexpected} differ from the fee rules; {late} delivered more than "
    "{days} days ago are not settled yet.":
        "{settled} pesanan sudah dicairkan, bersih {net}; {unexpected} berbeda dari aturan biaya; {late} pesanan "
        "terkirim lebih dari {days} hari lalu belum dicairkan.",
    "Totals by week": "Total per minggu",
    "Week (Monday)": "Minggu (Senin)",
    "Settled": "Dicairkan",
    "Revenue": "Pendapatan",
    "Fees": "Biaya",
    "Adjustments": "Penyesuaian",
    "Nothing settled yet.": "Belum ada yang dicairkan.",
    "Fees by kind": "Biaya per jenis",
    "Fee (platform name)": "Biaya (nama platform)",
    "Amount": "Jumlah",
    "Orders whose payout differs from the fee rules": "Pesanan yang penghasilannya berbeda dari aturan biaya",
    "Status": "Status",
    "Buyer paid": "Dibayar pembeli",
    "Net": "Bersih",
    "Difference": "Selisih",
    "Why": "Penyebab",
    "settled": "dicairkan",
    "estimated": "perkiraan",
    "unsettled": "belum dicairkan",
    "None: every settled order matches the fee rules.": "Tidak ada: semua pesanan yang dicairkan sesuai aturan biaya.",
    "Delivered more than {days} days ago, not settled": "Terkirim lebih dari {days} hari lalu, belum dicairkan",
    "Delivered": "Terkirim",
    "Estimate": "Perkiraan",
    "None.": "Tidak ada.",
    # why a payout differs (services/payouts.py CAUSE_TEMPLATES, FEE_RULES labels)
    "a return or refund took {amount} back": "pengembalian atau refund menarik kembali {amount}",
    "a refund gave {amount} back": "refund mengembalikan {amount}",
    "the order itself is not in a statement yet (its lines, {amount})":
        "pesanannya sendiri belum masuk laporan penghasilan (barangnya, {amount})",
    "revenue differs from the order lines by {amount} (seller discounts, a changed price)":
        "pendapatan berbeda {amount} dari isi pesanan (diskon penjual, harga berubah)",
    "shipping cost the seller {amount} more than the buyer paid":
        "ongkos kirim membebani penjual {amount} lebih dari yang dibayar pembeli",
    "shipping subsidies added {amount}": "subsidi ongkos kirim menambah {amount}",
    "{name} {amount} (not in TokoDesk's fee rules)": "{name} {amount} (tidak ada di aturan biaya TokoDesk)",
    "{name}: {amount} given back with the refund": "{name}: {amount} dikembalikan bersama refund",
    "{label} ({name}) was {charged}, the fee rules give {expected}: a fee change or another rate for this category":
        "{label} ({name}) sebesar {charged}, menurut aturan biaya {expected}: biaya berubah atau tarif lain untuk "
        "kategori ini",
    "taxes {amount}": "pajak {amount}",
    "{kind}: {amount}": "{kind}: {amount}",
    "{kind} (estimated): {amount}": "{kind} (perkiraan): {amount}",
    "an adjustment {code}": "penyesuaian {code}",
    "Shipping fee adjustment": "Penyesuaian ongkos kirim",
    "Shipping fee compensation": "Kompensasi ongkos kirim",
    "Shipping fee rebate": "Potongan balik ongkos kirim",
    "Platform penalty": "Denda platform",
    "Platform compensation": "Kompensasi platform",
    "Platform reimbursement": "Penggantian dari platform",
    "Logistics reimbursement": "Penggantian logistik",
    "Deduction charged to the seller": "Potongan yang dibebankan ke penjual",
    "Chargeback": "Chargeback",
    "Promotion adjustment": "Penyesuaian promosi",
    "Refund": "Refund",
    "Reserve": "Dana ditahan",
    "{amount} that TokoDesk cannot explain from the marketplace's breakdown":
        "{amount} yang tidak dapat dijelaskan TokoDesk dari rincian marketplace",
    "Platform commission": "Komisi platform",
    "Dynamic commission": "Komisi dinamis",
    "Order processing fee": "Biaya pemrosesan pesanan",
    # the report's status (services/reconciliation.py)
    "ok": "OK",
    "mismatches": "ada selisih",
    "partial": "sebagian tidak terbaca",
    "cancelled": "dibatalkan",
}


def indonesian(text: str) -> str:
    return INDONESIAN.get(text, text)


def translator(language: str) -> Translate:
    """The documents' words in `language` ("id" or "en"); anything else prints English."""
    return indonesian if language == "id" else identity
