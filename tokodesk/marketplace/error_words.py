"""Every documented marketplace error code in words a seller can act on, in English and Indonesian.

A code alone tells a seller nothing: each entry says what happened and what to do, in Seller Center's words. The
codes come from the legacy Tokopedia FS API (research tokopedia-api.md §2: `*_DLV_*` = bad input, `*_USC_*` =
not allowed now, `*_API_*` = upstream) and Tokopedia & Shop's numeric codes (tiktokshop-api.md §2, §4–§7 and the
official common-errors page). The two sets never collide (letters vs digits), so one table serves both dialects.

Plain Python: services and the CLI use English (`str()` of the error), the window asks for the app's language.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from tokodesk.marketplace.base import MarketplaceError

LANGUAGES = ("en", "id")


class Words(NamedTuple):
    what_en: str
    do_en: str
    what_id: str
    do_id: str

    def sentence(self, language: str = "en") -> str:
        if language == "id":
            return f"{self.what_id} {self.do_id}".strip()
        return f"{self.what_en} {self.do_en}".strip()


_RETRY_EN, _RETRY_ID = "Try again in a few minutes.", "Coba lagi beberapa menit lagi."
_UPDATE_EN, _UPDATE_ID = "Update TokoDesk.", "Perbarui TokoDesk."
_REFRESH_EN = "Sync the orders and try again."
_REFRESH_ID = "Sinkronkan pesanan lalu coba lagi."
_BUG_EN = "This is TokoDesk's mistake: update TokoDesk or tell its support."
_BUG_ID = "Ini kesalahan TokoDesk: perbarui TokoDesk atau hubungi dukungannya."
_NOT_LINKED_EN = "This shop is not linked to your FS ID / app."
_NOT_LINKED_ID = "Toko ini tidak tertaut ke FS ID / aplikasi Anda."
_LINK_EN = "Check the shop ID and FS ID of the channel, or ask Tokopedia to link the shop to your app."
_LINK_ID = "Periksa Shop ID dan FS ID channel, atau minta Tokopedia menautkan toko ke aplikasi Anda."
_NOT_GRANTED_EN = "The shop owner has not granted this app permission."
_NOT_GRANTED_ID = "Pemilik toko belum memberi izin kepada aplikasi ini."
_GRANT_EN = "Ask the owner to approve the app in Tokopedia Seller, then try again."
_GRANT_ID = "Minta pemilik toko menyetujui aplikasi ini di Tokopedia Seller, lalu coba lagi."


def _bug(what_en: str, what_id: str) -> Words:
    return Words(what_en, _BUG_EN, what_id, _BUG_ID)


# The legacy Tokopedia FS API (research tokopedia-api.md §2 "Selected error codes", §4, §5).
TOKOPEDIA: dict[str, Words] = {
    "ORD_DLV_001": Words("The request carried no app (fs_id).", "Check the channel's App ID in its settings.",
                         "Permintaan tidak membawa ID aplikasi (fs_id).", "Periksa App ID di pengaturan channel."),
    "ORD_DLV_002": Words("Tokopedia did not accept the app ID (fs_id).", "Check the channel's App ID in its settings.",
                         "Tokopedia tidak menerima ID aplikasi (fs_id).", "Periksa App ID di pengaturan channel."),
    "ORD_DLV_003": _bug("The request named no order.", "Permintaan tidak menyebut pesanan."),
    "ORD_DLV_004": _bug("The request named an order twice (order ID and invoice).",
                        "Permintaan menyebut pesanan dua kali (ID pesanan dan invoice)."),
    "ORD_DLV_005": Words("Tokopedia did not accept the order number.", _REFRESH_EN,
                         "Tokopedia tidak menerima nomor pesanan.", _REFRESH_ID),
    "ORD_DLV_006": Words("Tokopedia did not accept the shop ID.", "Check the channel's Shop ID in its settings.",
                         "Tokopedia tidak menerima ID toko.", "Periksa Shop ID di pengaturan channel."),
    "ORD_DLV_007": Words("Tokopedia did not accept the warehouse ID.", "Check the channel's warehouse in its settings.",
                         "Tokopedia tidak menerima ID gudang.", "Periksa gudang di pengaturan channel."),
    "ORD_DLV_008": _bug("The request named both a shop and a warehouse.",
                        "Permintaan menyebut toko dan gudang sekaligus."),
    "ORD_DLV_009": _bug("The request had no start date.", "Permintaan tidak punya tanggal mulai."),
    "ORD_DLV_010": _bug("Tokopedia did not accept the start date.", "Tokopedia tidak menerima tanggal mulai."),
    "ORD_DLV_011": _bug("The request had no end date.", "Permintaan tidak punya tanggal akhir."),
    "ORD_DLV_012": _bug("Tokopedia did not accept the end date.", "Tokopedia tidak menerima tanggal akhir."),
    "ORD_DLV_013": Words("Tokopedia gives orders for less than 3 days per request.", "Sync a shorter period.",
                         "Tokopedia hanya memberi pesanan kurang dari 3 hari per permintaan.",
                         "Sinkronkan periode yang lebih pendek."),
    "ORD_DLV_014": _bug("Tokopedia did not accept the page number.", "Tokopedia tidak menerima nomor halaman."),
    "ORD_DLV_015": _bug("Tokopedia did not accept the page number.", "Tokopedia tidak menerima nomor halaman."),
    "ORD_DLV_016": _bug("Tokopedia did not accept the page size.", "Tokopedia tidak menerima ukuran halaman."),
    "ORD_DLV_017": _bug("Tokopedia did not accept the page size.", "Tokopedia tidak menerima ukuran halaman."),
    "ORD_DLV_018": _bug("Tokopedia did not accept the order status asked for.",
                        "Tokopedia tidak menerima status pesanan yang diminta."),
    "ORD_DLV_019": _bug("Tokopedia could not read the request.", "Tokopedia tidak bisa membaca permintaan."),
    "ORD_DLV_020": _bug("Tokopedia could not read the request.", "Tokopedia tidak bisa membaca permintaan."),
    "ORD_DLV_021": Words("The tracking number (resi) is empty.", "Type or scan the resi, then ship again.",
                         "Nomor resi kosong.", "Ketik atau pindai resi, lalu kirim lagi."),
    "ORD_DLV_022": _bug("Tokopedia needs the shop ID to mark an order delivered.",
                        "Tokopedia butuh ID toko untuk menandai pesanan sampai."),
    "ORD_DLV_023": Words("Tokopedia does not allow this status change for the order.", _REFRESH_EN,
                         "Tokopedia tidak mengizinkan perubahan status ini untuk pesanan.", _REFRESH_ID),
    "ORD_USC_001": Words("The order can no longer be accepted: its status has changed "
                         "(cancelled or already accepted?).",
                         _REFRESH_EN,
                         "Pesanan tidak bisa diterima lagi: statusnya sudah berubah (dibatalkan atau sudah diterima?).",
                         _REFRESH_ID),
    "ORD_USC_005": Words("The order does not belong to this shop.",
                         "Check that the channel is linked to the right shop.",
                         "Pesanan ini bukan milik toko ini.", "Periksa apakah channel tertaut ke toko yang benar."),
    "ORD_USC_007": Words("Tokopedia could not accept the order just now (its own service failed).", _RETRY_EN,
                         "Tokopedia tidak bisa menerima pesanan saat ini (layanannya sedang gangguan).", _RETRY_ID),
    "ORD_USC_008": Words("The order can no longer be cancelled: its status has changed.", _REFRESH_EN,
                         "Pesanan tidak bisa dibatalkan lagi: statusnya sudah berubah.", _REFRESH_ID),
    "ORD_USC_009": Words("Tokopedia needs a cancellation reason.", "Choose a reason and try again.",
                         "Tokopedia butuh alasan pembatalan.", "Pilih alasan lalu coba lagi."),
    "ORD_USC_012": Words("Closing the shop for an out-of-stock cancellation needs an end date and a note.",
                         "Fill in both and try again.",
                         "Menutup toko karena stok habis butuh tanggal buka kembali dan catatan.",
                         "Isi keduanya lalu coba lagi."),
    "ORD_USC_013": Words("Tokopedia did not accept the shop's closing date.", "Choose a date in the future.",
                         "Tokopedia tidak menerima tanggal tutup toko.", "Pilih tanggal yang akan datang."),
    "ORD_USC_014": Words("Tokopedia could not cancel the order just now (its own service failed).", _RETRY_EN,
                         "Tokopedia tidak bisa membatalkan pesanan saat ini (layanannya sedang gangguan).", _RETRY_ID),
    "ORD_USC_015": Words(_NOT_LINKED_EN, _LINK_EN, _NOT_LINKED_ID, _LINK_ID),
    "ORD_USC_016": Words("Only an order in delivery can be marked delivered.", _REFRESH_EN,
                         "Hanya pesanan dalam pengiriman yang bisa ditandai sampai.", _REFRESH_ID),
    "ORD_USC_019": Words("This reason needs the buyer's cancellation request first.", "Choose another reason.",
                         "Alasan ini butuh permintaan pembatalan dari pembeli lebih dulu.", "Pilih alasan lain."),
    "ORD_USC_020": Words("Tokopedia does not allow cancelling this order.", _REFRESH_EN,
                         "Tokopedia tidak mengizinkan pesanan ini dibatalkan.", _REFRESH_ID),
    "ORD_USC_024": Words(_NOT_LINKED_EN, _LINK_EN, _NOT_LINKED_ID, _LINK_ID),
    "ORD_API_006": Words("Tokopedia's own service had an error.", _RETRY_EN,
                         "Layanan Tokopedia sedang gangguan.", _RETRY_ID),
    "ORD_API_008": Words("Tokopedia found no data for this request (the order does not exist, or is not ready yet).",
                         "Wait a few seconds after accepting, sync the orders and try again.",
                         "Tokopedia tidak menemukan data untuk permintaan ini (pesanan tidak ada, atau belum siap).",
                         "Tunggu beberapa detik setelah menerima pesanan, sinkronkan lalu coba lagi."),
    "ORD_API_009": Words("Too many orders in one request.", "Sync a shorter period.",
                         "Terlalu banyak pesanan dalam satu permintaan.", "Sinkronkan periode yang lebih pendek."),
    "ORD_API_016": Words("Tokopedia did not accept the change to this order.", _REFRESH_EN,
                         "Tokopedia tidak menerima perubahan pesanan ini.", _REFRESH_ID),
    "LGS_USC_006": Words("Tokopedia could not pass the shipment to the courier just now.", _RETRY_EN,
                         "Tokopedia belum bisa meneruskan pengiriman ke kurir.", _RETRY_ID),
    "LGS_USC_012": Words("You have no permission to access this feature: the app may not arrange shipping for "
                         "this shop.",
                         _GRANT_EN, "Anda tidak punya izin untuk fitur ini: aplikasi tidak boleh mengatur pengiriman "
                         "toko ini.", _GRANT_ID),
    "RBAC_MDLW_001": Words(_NOT_LINKED_EN, _LINK_EN, _NOT_LINKED_ID, _LINK_ID),
    "RBAC_MDLW_002": Words(_NOT_GRANTED_EN, _GRANT_EN, _NOT_GRANTED_ID, _GRANT_ID),
    "RBAC_USC_012": Words(_NOT_GRANTED_EN, _GRANT_EN, _NOT_GRANTED_ID, _GRANT_ID),
    "PRD_DLV_005": _bug("Tokopedia needs a page number for this product list.",
                        "Tokopedia butuh nomor halaman untuk daftar produk ini."),
    "PRD_DLV_016": Words("The request carried no shop ID.", "Check the channel's Shop ID in its settings.",
                         "Permintaan tidak membawa ID toko.", "Periksa Shop ID di pengaturan channel."),
    "PRD_DLV_018": Words("Too many products in one stock update.", "Update fewer products at a time.",
                         "Terlalu banyak produk dalam satu perbarui stok.", "Perbarui lebih sedikit produk sekaligus."),
    "PRD_DLV_019": Words("Tokopedia did not accept the warehouse ID.", "Check the channel's warehouse in its settings.",
                         "Tokopedia tidak menerima ID gudang.", "Periksa gudang di pengaturan channel."),
    "PRD_USC_001": Words(_NOT_LINKED_EN, _LINK_EN, _NOT_LINKED_ID, _LINK_ID),
    "PRD_USC_024": Words("Tokopedia could not read the products just now.", _RETRY_EN,
                         "Tokopedia belum bisa membaca produk.", _RETRY_ID),
    "OPENAPI_DB_002": Words("Tokopedia's database had an error.", _RETRY_EN,
                            "Basis data Tokopedia sedang gangguan.", _RETRY_ID),
    "ERR_TOO_MANY_REQUEST": Words("Tokopedia is limiting requests.", _RETRY_EN,
                                  "Tokopedia sedang membatasi permintaan.", _RETRY_ID),
}

_REAUTH_EN, _REAUTH_ID = "Authorize the shop again.", "Otorisasi ulang toko."
_PC_EN = "on the app's page in Partner Center"
_PC_ID = "di halaman aplikasi di Partner Center"
_SHIPPED = Words("This package has already been shipped.", "Nothing more to do.",
                 "Paket ini sudah dikirim.", "Tidak perlu tindakan lagi.")
_WAREHOUSES = Words("Every warehouse of the SKU must be sent, and no other.", _REFRESH_EN.replace("orders", "products"),
                    "Stok setiap gudang SKU harus dikirim, tidak lebih.", "Sinkronkan produk lalu coba lagi.")
_TOKEN = Words("The Tokopedia & Shop access token is not valid.", _REAUTH_EN,
               "Akses Tokopedia & Shop tidak berlaku.", _REAUTH_ID)

# Tokopedia & Shop (TikTok Shop Partner API) codes: tiktokshop-api.md §2 and §4–§7, official common-errors page.
TIKTOKSHOP: dict[str, Words] = {
    "36009002": Words("Tokopedia & Shop is limiting requests.", "Wait a minute and try again.",
                      "Tokopedia & Shop sedang membatasi permintaan.", "Tunggu satu menit lalu coba lagi."),
    "36009003": Words("Tokopedia & Shop had an internal error.", _RETRY_EN,
                      "Tokopedia & Shop sedang gangguan.", _RETRY_ID),
    "36009007": Words("Tokopedia & Shop did not answer in time.", _RETRY_EN,
                      "Tokopedia & Shop tidak menjawab tepat waktu.", _RETRY_ID),
    "36009009": Words("Tokopedia & Shop does not know this API path.", _UPDATE_EN,
                      "Tokopedia & Shop tidak mengenal permintaan ini.", _UPDATE_ID),
    "36009010": Words("Tokopedia & Shop does not accept this request method.", _UPDATE_EN,
                      "Tokopedia & Shop tidak menerima cara permintaan ini.", _UPDATE_ID),
    "36009014": Words("Tokopedia & Shop no longer accepts the API version this TokoDesk uses.", _UPDATE_EN,
                      "Tokopedia & Shop tidak lagi menerima versi API TokoDesk ini.", _UPDATE_ID),
    "36009022": _bug("Tokopedia & Shop could not read the request.", "Tokopedia & Shop tidak bisa membaca permintaan."),
    "36009023": _bug("Tokopedia & Shop could not read the request.", "Tokopedia & Shop tidak bisa membaca permintaan."),
    "36009033": Words("This computer's internet address is not on the app's IP allow list.",
                      f"Add it {_PC_EN} (or clear the list), then try again.",
                      "Alamat internet komputer ini tidak ada di daftar IP yang diizinkan aplikasi.",
                      f"Tambahkan {_PC_ID} (atau kosongkan daftarnya), lalu coba lagi."),
    "36004003": Words("Tokopedia & Shop did not accept this channel's app key or app secret (wrong app key or secret).",
                      "Copy both again from the app's page in Partner Center.",
                      "Tokopedia & Shop tidak menerima app key atau app secret channel ini.",
                      f"Salin keduanya lagi {_PC_ID}."),
    "36004004": Words("The authorization code is not valid any more: a code works once and for 30 minutes.",
                      "Open the consent link again, accept, and paste the new redirect address (or code).",
                      "Kode otorisasi sudah tidak berlaku: kode hanya berlaku sekali dan selama 30 menit.",
                      "Buka tautan persetujuan lagi, setujui, lalu tempel alamat (atau kode) yang baru."),
    "105001": _TOKEN,
    "105003": _TOKEN,
    "105002": Words("The Tokopedia & Shop access has expired and could not be renewed.", _REAUTH_EN,
                    "Akses Tokopedia & Shop sudah kedaluwarsa dan tidak bisa diperpanjang.", _REAUTH_ID),
    "105005": Words("The app is missing a permission (scope) Tokopedia & Shop needs for this.",
                    f"Enable the scope {_PC_EN}, then authorize the shop again.",
                    "Aplikasi tidak punya izin (scope) yang dibutuhkan Tokopedia & Shop untuk ini.",
                    f"Aktifkan scope itu {_PC_ID}, lalu otorisasi ulang toko."),
    "106001": Words("Tokopedia & Shop rejected the request signature: the app secret stored for this channel "
                    "is probably wrong.",
                    "Enter the App secret from the app's page in Partner Center again.",
                    "Tokopedia & Shop menolak tanda tangan permintaan: app secret yang tersimpan mungkin salah.",
                    f"Masukkan lagi App secret {_PC_ID}."),
    "106013": Words("No shop is chosen for this channel.", "Authorize the channel and pick a shop.",
                    "Belum ada toko yang dipilih untuk channel ini.", "Otorisasi channel lalu pilih toko."),
    "101000": Words("The authorization does not cover this shop.", "Authorize again and pick this shop.",
                    "Otorisasi tidak mencakup toko ini.", "Otorisasi ulang lalu pilih toko ini."),
    # 36009004 carries a dozen failures told apart by the message (tiktokshop-api.md §2): one entry per kind,
    # keyed "36009004/<kind>"; the adapter words its error with the kind's English sentence.
    "36009004/app_key": Words("The app key is not valid.", f"Check the App key {_PC_EN}.",
                              "App key tidak valid.", f"Periksa App key {_PC_ID}."),
    "36009004/timestamp": Words(
        "Tokopedia & Shop refused the request time: this computer's clock is off by more than a few minutes.",
        "Set the clock to automatic (internet) time and try again.",
        "Tokopedia & Shop menolak waktu permintaan: jam komputer ini selisih lebih dari beberapa menit.",
        "Atur jam ke waktu otomatis (internet) lalu coba lagi."),
    "36009004/signature": Words("Tokopedia & Shop rejected the request signature.",
                                "Enter the App secret from Partner Center again.",
                                "Tokopedia & Shop menolak tanda tangan permintaan.",
                                "Masukkan lagi App secret dari Partner Center."),
    "36009004/access_token": Words("The Tokopedia & Shop access token was refused.", _REAUTH_EN,
                                   "Token akses Tokopedia & Shop ditolak.", _REAUTH_ID),
    "36009004/shop_cipher": Words("The shop identifier was not accepted for this request.",
                                  "Authorize the channel and pick the shop again.",
                                  "ID toko tidak diterima untuk permintaan ini.",
                                  "Otorisasi channel lalu pilih tokonya lagi."),
    "36009004/version": Words("Tokopedia & Shop no longer accepts the API version this TokoDesk uses.", _UPDATE_EN,
                              "Tokopedia & Shop tidak lagi menerima versi API TokoDesk ini.", _UPDATE_ID),
    # fulfilment
    "11021035": Words("The parcel can be handed over only within the collection time.", "Try again then.",
                      "Paket hanya bisa diserahkan pada waktu penjemputan.", "Coba lagi pada waktu itu."),
    "11021036": Words("There is no collection time for this parcel yet.", "Try again later.",
                      "Belum ada waktu penjemputan untuk paket ini.", "Coba lagi nanti."),
    "21011053": Words("The chosen pick-up time slot is not valid any more.", "Choose another slot.",
                      "Slot waktu penjemputan yang dipilih sudah tidak berlaku.", "Pilih slot lain."),
    "21011054": Words("No pick-up time slot is available.", "Try again later or drop the parcel off.",
                      "Tidak ada slot waktu penjemputan.", "Coba lagi nanti atau antar paket ke kurir."),
    "11006021": _SHIPPED,
    "21008099": _SHIPPED,
    "21011040": _SHIPPED,
    "21001003": Words("This package does not exist any more: it was combined or split in Seller Center.",
                      "Refresh the order and ship its current packages.",
                      "Paket ini sudah tidak ada: digabung atau dipisah di Seller Center.",
                      "Muat ulang pesanan lalu kirim paket yang sekarang."),
    "21011028": Words("The package does not belong to this shop (combined or split meanwhile?).", _REFRESH_EN,
                      "Paket ini bukan milik toko ini (sudah digabung atau dipisah?).", _REFRESH_ID),
    "21011031": Words("These orders can no longer be combined into that package.", _REFRESH_EN,
                      "Pesanan ini tidak bisa lagi digabung ke paket itu.", _REFRESH_ID),
    "21011029": Words("The order is not in that package any more.", _REFRESH_EN,
                      "Pesanan sudah tidak ada di paket itu.", _REFRESH_ID),
    "21008044": Words("An item of this order has an after-sales request.", "Resolve it first.",
                      "Ada barang di pesanan ini yang sedang diajukan pengembalian.", "Selesaikan dulu."),
    "21011041": Words("This order has been cancelled.", "Do not ship it.",
                      "Pesanan ini sudah dibatalkan.", "Jangan dikirim."),
    "21008025": Words("This order is fulfilled by the platform's warehouse.", "The seller does not ship it.",
                      "Pesanan ini dipenuhi oleh gudang platform.", "Penjual tidak perlu mengirimnya."),
    "21023035": Words("The shipping label exists only after the package has been arranged (shipped).",
                      "Arrange the shipment first.", "Label pengiriman baru ada setelah atur pengiriman.",
                      "Atur pengiriman dulu."),
    "11034002": Words("The seller ships this package with its own courier: there is no platform label.",
                      "Print TokoDesk's own label.",
                      "Paket ini dikirim dengan kurir sendiri: tidak ada label dari platform.",
                      "Cetak label dari TokoDesk."),
    "21042102": Words("The label cannot be printed after the courier has picked the parcel up.",
                      "Use the label printed earlier.",
                      "Label tidak bisa dicetak setelah kurir menjemput paket.", "Pakai label yang sudah dicetak."),
    "11034037": Words("The shipping label is still being generated.", "Try again in a minute.",
                      "Label pengiriman masih dibuat.", "Coba lagi satu menit lagi."),
    # cancellation
    "25001021": Words("This cancellation reason is not allowed for the order's current status.",
                      "Choose another reason.", "Alasan pembatalan ini tidak diizinkan untuk status pesanan saat ini.",
                      "Pilih alasan lain."),
    # stock
    "12019024": Words("The stock quantity is not valid.", "Check the stock and try again.",
                      "Jumlah stok tidak valid.", "Periksa stok lalu coba lagi."),
    "12052055": Words("The stock quantity is out of the allowed range (1 to 99,999).", "Check the stock.",
                      "Jumlah stok di luar batas (1 sampai 99.999).", "Periksa stok."),
    "12052097": Words("The warehouse is not a warehouse of this shop.", "Sync the warehouses and try again.",
                      "Gudang ini bukan gudang toko ini.", "Sinkronkan gudang lalu coba lagi."),
    "12019028": _WAREHOUSES,
    "12052037": _WAREHOUSES,
    "12052533": _WAREHOUSES,
    "12052393": Words("The stock is locked by a running promotion.", "Change it after the promotion ends.",
                      "Stok dikunci oleh promosi yang sedang berjalan.", "Ubah setelah promosi selesai."),
    "12052921": Words("The stock is shared with a source shop and is changed there.", "Change it in the source shop.",
                      "Stok dibagi dengan toko sumber.", "Ubah di toko itu."),
    "12052901": Words("The product's status does not allow a stock change (it must be live).",
                      "Activate the product in Seller Center first.",
                      "Status produk tidak mengizinkan perubahan stok (produk harus aktif).",
                      "Aktifkan produk di Seller Center dulu."),
    "12052556": Words("The SKU is not known to the marketplace (deleted or re-created?).",
                      "Sync the products and check the mapping.",
                      "SKU tidak dikenal marketplace (dihapus atau dibuat ulang?).",
                      "Sinkronkan produk lalu periksa pemetaan."),
    "12052050": Words("Too many SKUs in one stock update (at most 100).", "Update fewer SKUs at a time.",
                      "Terlalu banyak SKU dalam satu perbarui stok (paling banyak 100).",
                      "Perbarui lebih sedikit SKU sekaligus."),
    "12052994": Words("The shop is not a Tokopedia seller shop.", "Check the shop chosen for this channel.",
                      "Toko ini bukan toko penjual Tokopedia.", "Periksa toko yang dipilih untuk channel ini."),
}

TABLE: dict[str, Words] = {**TOKOPEDIA, **TIKTOKSHOP}

# The legacy stock/price updates answer 200 and name each refused row with a bare message instead of a code
# (research tokopedia-api.md "Overwrite stock": "Invalid Product ID.", "Invalid SKU.", "ERR_TOO_MANY_REQUEST").
_SYNC_PRODUCTS_EN = "Pull the products (Channel tab → Products → Sync now) and check the SKU mapping."
_SYNC_PRODUCTS_ID = "Tarik produk (tab Channel → Produk → Sinkronkan) lalu periksa pemetaan SKU."
LEGACY_ROWS: dict[str, Words] = {
    "invalid product id": Words("Tokopedia does not know this product (deleted, or the parent of variants).",
                                _SYNC_PRODUCTS_EN,
                                "Tokopedia tidak mengenal produk ini (sudah dihapus, atau induk dari varian).",
                                _SYNC_PRODUCTS_ID),
    "invalid sku": Words("Tokopedia does not know this SKU (changed or deleted in Seller Center?).", _SYNC_PRODUCTS_EN,
                         "Tokopedia tidak mengenal SKU ini (diubah atau dihapus di Seller Center?).",
                         _SYNC_PRODUCTS_ID),
    "invalid stock": Words("Tokopedia did not accept this stock number.", "Check the count in the On hand column.",
                           "Tokopedia tidak menerima jumlah stok ini.", "Periksa jumlah di kolom Stok fisik."),
    "invalid price": Words("Tokopedia did not accept this price.", "Check the price and try again.",
                           "Tokopedia tidak menerima harga ini.", "Periksa harga lalu coba lagi."),
    "err_too_many_request": Words("Tokopedia's rate limit refused this row.", "It is sent again at the next sync.",
                                  "Batas permintaan Tokopedia menolak baris ini.",
                                  "Baris ini dikirim lagi pada sinkronisasi berikutnya."),
    "": Words("Tokopedia refused this row without saying why.", "Check the product in Seller Center.",
              "Tokopedia menolak baris ini tanpa alasan.", "Periksa produknya di Seller Center."),
}

# When the code is unknown: a plain sentence, then the marketplace's own text with the code under it.
_UNKNOWN = {
    "en": ("The marketplace refused the request. Its own words:", "code {0}"),
    "id": ("Marketplace menolak permintaan ini. Kata marketplace:", "kode {0}"),
}
_REQUEST = re.compile(r"\s*(\[request [^\]]+\])\s*$")


OVERLOADED = "36009004"


def lookup(code: object, said: str = "") -> Words | None:
    """The words of `code`; for the overloaded 36009004, the kind whose English sentence the adapter wrote."""
    if code in (None, ""):
        return None
    code = str(code).strip()
    if code == OVERLOADED:
        return next((w for k, w in TIKTOKSHOP.items() if k.startswith(OVERLOADED + "/")
                     and (said or "").startswith(w.sentence("en"))), None)
    return TABLE.get(code)


def explain(code: object, said: str = "", language: str = "en", *, multiline: bool = True) -> str:
    """What happened and what to do for `code`; an unknown code keeps the marketplace's `said` and "(code X)"."""
    language = language if language in LANGUAGES else "en"
    code_text = "" if code in (None, "") else str(code).strip()
    said = (said or "").strip()
    request = ""
    match = _REQUEST.search(said)
    if match:
        request, said = " " + match.group(1), said[: match.start()]
    words = lookup(code_text, said)
    if words is not None:
        return words.sentence(language) + request
    if not code_text:
        return said + request
    lead, tail = _UNKNOWN[language]
    own = f"{said} ({tail.format(code_text)})" if said else f"({tail.format(code_text)})"
    return f"{lead}{chr(10) if multiline else ' '}{own}{request}"


def row_message(said: str) -> str:
    """A legacy bulk update's message for one refused row, as an English sentence the window can translate: what
    happened and what to do; a message not in LEGACY_ROWS keeps Tokopedia's words under a plain sentence."""
    said = (said or "").strip()
    words = LEGACY_ROWS.get(said.rstrip(".").strip().lower())
    if words is not None:
        return words.sentence("en")
    return f"{_UNKNOWN['en'][0]} {said}"


@functools.cache
def _pairs() -> list[tuple[str, str]]:
    words = [*TABLE.values(), *LEGACY_ROWS.values()]
    pairs = {w.sentence("en"): w.sentence("id") for w in words}
    pairs.update({w.what_en: w.what_id for w in words})
    pairs[_UNKNOWN["en"][0]] = _UNKNOWN["id"][0]
    return sorted(pairs.items(), key=lambda p: -len(p[0]))  # a whole sentence before its first half


_CODE = re.compile(r"\(code ([^()\s]+)\)")
# The adapters' network sentences (tokopedia/transport.py, tiktokshop/transport.py and auth.py), which carry a
# host, an action or an exception name: translated whole, their variable parts kept.
_CAUSES_ID = {"no answer in time": "tidak ada jawaban tepat waktu",
              "the host name could not be found": "nama host tidak ditemukan",
              "the connection was refused": "koneksi ditolak", "the connection was dropped": "koneksi terputus"}
_NETWORK: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Cannot reach Tokopedia at (\S+): (.+?)\. Check the internet connection \(or the channel's API "
                r"address\) and try again\."),
     "Tokopedia di {0} tidak bisa dihubungi: {1}. Periksa koneksi internet (atau alamat API channel) lalu coba lagi."),
    (re.compile(r"(.+?) could not be reached for '(.+?)' \((\w+)\)\. Check the internet connection and try again\."),
     "{0} tidak bisa dihubungi untuk '{1}' ({2}). Periksa koneksi internet lalu coba lagi."),
    (re.compile(r"The (.+?) authorization server could not be reached \((\w+)\)\. Check the internet connection and "
                r"try again\."),
     "Server otorisasi {0} tidak bisa dihubungi ({1}). Periksa koneksi internet lalu coba lagi."),
]


def _network_id(text: str) -> str:
    for pattern, words in _NETWORK:
        text = pattern.sub(lambda m, w=words: w.format(*(_CAUSES_ID.get(g, g) for g in m.groups())), text)
    return text


def in_language(text: str, language: str) -> str:
    """A stored English message (an order's problem, a run's error) with every table sentence in `language`.

    Services store English (the log a support engineer reads); the window shows the seller's language.
    """
    if language != "id" or not text:
        return text
    text = _network_id(text)
    for en, idn in _pairs():
        if en in text:
            text = text.replace(en, idn)
    return _CODE.sub(lambda m: f"(kode {m.group(1)})", text)


def describe(exc: MarketplaceError, language: str = "en") -> str:
    """The seller-facing text of a marketplace error in `language` ("en" or "id")."""
    return explain(exc.error_code, exc.reason, language)
