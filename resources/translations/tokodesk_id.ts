<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AlertSettingsDialog</name>
    <message>
        <source>Alerts</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>New orders arrive</source>
        <translation>Pesanan baru masuk</translation>
    </message>
    <message>
        <source>New Instant / Same-day orders</source>
        <translation>Pesanan Instan / Same Day baru</translation>
    </message>
    <message>
        <source>Orders close to their ship-by</source>
        <translation>Pesanan yang mendekati batas kirim</translation>
    </message>
    <message>
        <source>A sync that keeps failing</source>
        <translation>Sinkronisasi yang terus gagal</translation>
    </message>
    <message>
        <source>A buyer asks to cancel</source>
        <translation>Pembeli mengajukan pembatalan</translation>
    </message>
    <message>
        <source>A SKU runs low</source>
        <translation>Stok SKU menipis</translation>
    </message>
    <message>
        <source>Warn this long before the ship-by</source>
        <translation>Ingatkan sebelum batas kirim</translation>
    </message>
    <message>
        <source>Warn when a sync has failed for</source>
        <translation>Ingatkan bila sinkronisasi gagal selama</translation>
    </message>
    <message>
        <source>A SKU is low below (available)</source>
        <translation>SKU dianggap menipis di bawah (stok tersedia)</translation>
    </message>
    <message>
        <source>At most one alert of a kind every</source>
        <translation>Paling banyak satu peringatan sejenis setiap</translation>
    </message>
    <message>
        <source>min</source>
        <translation>mnt</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>TokoDesk hit an error</source>
        <translation>TokoDesk mengalami kesalahan</translation>
    </message>
    <message>
        <source>Something went wrong. Your data is safe; the details below are also in the log file. Copy them when you ask for help.</source>
        <translation>Terjadi kesalahan. Data Anda aman; rincian di bawah juga ada di berkas log. Salin rincian ini saat Anda meminta bantuan.</translation>
    </message>
    <message>
        <source>TokoDesk is opening the database…</source>
        <translation>TokoDesk sedang membuka database…</translation>
    </message>
    <message>
        <source>Opening the database</source>
        <translation>Membuka database</translation>
    </message>
    <message>
        <source>Starting the demo shop…</source>
        <translation>Menyalakan toko demo…</translation>
    </message>
    <message>
        <source>TokoDesk cannot start without its database.</source>
        <translation>TokoDesk tidak bisa berjalan tanpa database-nya.</translation>
    </message>
</context>
<context>
    <name>ArrangeDialog</name>
    <message>
        <source>Arrange shipment and print</source>
        <translation>Atur pengiriman dan cetak</translation>
    </message>
    <message>
        <source>and {0} more</source>
        <translation>dan {0} lainnya</translation>
    </message>
    <message>
        <source>Orders: {0}</source>
        <translation>Pesanan: {0}</translation>
    </message>
    <message>
        <source>Arranging the shipment of {0} order(s)…</source>
        <translation>Mengatur pengiriman {0} pesanan…</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Hentikan</translation>
    </message>
    <message>
        <source>Stop after the order being sent; what shipped stays shipped and its labels still print.</source>
        <translation>Berhenti setelah pesanan yang sedang dikirim; yang sudah dikirim tetap dikirim dan labelnya tetap dicetak.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Stopping after the order being sent…</source>
        <translation>Berhenti setelah pesanan yang sedang dikirim…</translation>
    </message>
    <message>
        <source>{0} of {1} order(s) shipped; {2} label(s) to print.</source>
        <translation>{0} dari {1} pesanan dikirim; {2} label siap dicetak.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Dihentikan.</translation>
    </message>
    <message>
        <source>Shipped, no label yet</source>
        <translation>Sudah dikirim, label belum ada</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Dilewati</translation>
    </message>
    <message>
        <source>Not shipped</source>
        <translation>Tidak dikirim</translation>
    </message>
    <message>
        <source>Arranging the shipment failed: {0}</source>
        <translation>Gagal mengatur pengiriman: {0}</translation>
    </message>
</context>
<context>
    <name>AwbDialog</name>
    <message>
        <source>AWB (resi) numbers</source>
        <translation>Nomor resi (AWB)</translation>
    </message>
    <message>
        <source>These orders go with your own courier: type or scan the AWB (resi) of each. A scanner&apos;s Enter moves to the next order.</source>
        <translation>Pesanan ini dikirim dengan kurir toko sendiri: ketik atau pindai nomor resi masing-masing. Enter dari pemindai pindah ke pesanan berikutnya.</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>Kurir</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>AWB (resi)</source>
        <translation>Nomor resi (AWB)</translation>
    </message>
    <message>
        <source>Type or scan the AWB</source>
        <translation>Ketik atau pindai nomor resi</translation>
    </message>
    <message>
        <source>An AWB has {0} to {1} letters, digits or plain symbols (no spaces), as the courier printed it.</source>
        <translation>Nomor resi terdiri dari {0} sampai {1} huruf, angka, atau simbol biasa (tanpa spasi), sesuai cetakan kurir.</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>a control character</source>
        <translation>karakter kontrol</translation>
    </message>
    <message>
        <source>Type a plain hyphen &apos;-&apos; instead.</source>
        <translation>Ketik tanda hubung biasa &apos;-&apos; sebagai gantinya.</translation>
    </message>
    <message>
        <source>Remove the space.</source>
        <translation>Hapus spasinya.</translation>
    </message>
    <message>
        <source>{0}(U+{1:04X} {2}) cannot be in a barcode: use letters, digits and plain symbols.</source>
        <translation>{0}(U+{1:04X} {2}) tidak bisa masuk barcode: pakai huruf, angka, dan simbol biasa.</translation>
    </message>
    <message>
        <source>{0} characters: an AWB has at least {1}.</source>
        <translation>{0} karakter: nomor resi minimal {1} karakter.</translation>
    </message>
    <message>
        <source>{0} characters: an AWB has at most {1}.</source>
        <translation>{0} karakter: nomor resi maksimal {1} karakter.</translation>
    </message>
    <message>
        <source>The same AWB as {0}: each parcel has its own.</source>
        <translation>Nomor resi sama dengan {0}: setiap paket punya resi sendiri.</translation>
    </message>
</context>
<context>
    <name>BuyerRequestsButton</name>
    <message>
        <source>Cancellation requests</source>
        <translation>Permintaan pembatalan</translation>
    </message>
    <message>
        <source>This channel&apos;s marketplace API has no buyer cancellation requests to answer: answer them in Seller Center.</source>
        <translation>API marketplace channel ini tidak punya permintaan pembatalan dari pembeli untuk dijawab: jawab di Seller Center.</translation>
    </message>
    <message>
        <source>Cancellation requests ({0})</source>
        <translation>Permintaan pembatalan ({0})</translation>
    </message>
    <message>
        <source>Buyers asking to cancel an order, read from the marketplace: approve or reject each one. The queue itself does not mark these orders.</source>
        <translation>Pembeli yang meminta pembatalan pesanan, dibaca dari marketplace: setujui atau tolak satu per satu. Antrean pesanan sendiri tidak menandai pesanan ini.</translation>
    </message>
    <message>
        <source>The buyers&apos; requests could not be read: {0}</source>
        <translation>Permintaan pembeli tidak dapat dibaca: {0}</translation>
    </message>
    <message>
        <source>Counting buyer cancellation requests</source>
        <translation>Menghitung permintaan pembatalan dari pembeli</translation>
    </message>
</context>
<context>
    <name>BuyerRequestsDialog</name>
    <message>
        <source>Buyer cancellation requests</source>
        <translation>Permintaan pembatalan dari pembeli</translation>
    </message>
    <message>
        <source>Buyers asked to cancel these orders. Approve: the marketplace cancels the order and refunds the buyer. Reject: the order stays to be shipped. Answer before the deadline, or the marketplace decides for you.</source>
        <translation>Pembeli meminta pesanan ini dibatalkan. Setujui: marketplace membatalkan pesanan dan mengembalikan dana pembeli. Tolak: pesanan tetap harus dikirim. Jawab sebelum batas waktu, atau marketplace yang memutuskan.</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Pembeli</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Barang</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>ID pesanan</translation>
    </message>
    <message>
        <source>Buyer&apos;s reason</source>
        <translation>Alasan pembeli</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>Jawab sebelum</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Answer the selected request</source>
        <translation>Jawab permintaan yang dipilih</translation>
    </message>
    <message>
        <source>Approve: cancel the order</source>
        <translation>Setujui: batalkan pesanan</translation>
    </message>
    <message>
        <source>Reason to reject</source>
        <translation>Alasan menolak</translation>
    </message>
    <message>
        <source>Optional: a note for the buyer, e.g. the parcel is already packed</source>
        <translation>Opsional: catatan untuk pembeli, mis. paket sudah dikemas</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <source>Reject the request</source>
        <translation>Tolak permintaan</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Reading the buyers&apos; requests from the marketplace…</source>
        <translation>Membaca permintaan pembeli dari marketplace…</translation>
    </message>
    <message>
        <source>Reading buyer cancellation requests</source>
        <translation>Membaca permintaan pembatalan dari pembeli</translation>
    </message>
    <message>
        <source>Not in TokoDesk yet: pull the orders first (Channel tab → Sync now)</source>
        <translation>Belum ada di TokoDesk: tarik pesanan dulu (tab Channel → Sinkronkan sekarang)</translation>
    </message>
    <message>
        <source>{0} request(s) waiting for your answer.</source>
        <translation>{0} permintaan menunggu jawaban Anda.</translation>
    </message>
    <message>
        <source>No buyer is waiting for an answer.</source>
        <translation>Tidak ada pembeli yang menunggu jawaban.</translation>
    </message>
    <message>
        <source>The requests could not be read: {0}</source>
        <translation>Permintaan tidak dapat dibaca: {0}</translation>
    </message>
    <message>
        <source>Reading the reasons the marketplace offers…</source>
        <translation>Membaca alasan yang ditawarkan marketplace…</translation>
    </message>
    <message>
        <source>The reasons to reject could not be read: {0}</source>
        <translation>Alasan penolakan tidak dapat dibaca: {0}</translation>
    </message>
    <message>
        <source>Reading the reasons to reject</source>
        <translation>Membaca alasan penolakan</translation>
    </message>
    <message>
        <source>The marketplace offers no reason to reject this request</source>
        <translation>Marketplace tidak menawarkan alasan untuk menolak permintaan ini</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Pilih alasan…</translation>
    </message>
    <message>
        <source>Approve the cancellation</source>
        <translation>Setujui pembatalan</translation>
    </message>
    <message>
        <source>Approve the buyer&apos;s request for {0}? The marketplace cancels the order and refunds the buyer; this cannot be undone.</source>
        <translation>Setujui permintaan pembeli untuk {0}? Marketplace membatalkan pesanan dan mengembalikan dana pembeli; ini tidak dapat diurungkan.</translation>
    </message>
    <message>
        <source>Sending the approval…</source>
        <translation>Mengirim persetujuan…</translation>
    </message>
    <message>
        <source>Sending the rejection…</source>
        <translation>Mengirim penolakan…</translation>
    </message>
    <message>
        <source>Approving a buyer&apos;s cancellation</source>
        <translation>Menyetujui pembatalan dari pembeli</translation>
    </message>
    <message>
        <source>Rejecting a buyer&apos;s cancellation</source>
        <translation>Menolak pembatalan dari pembeli</translation>
    </message>
    <message>
        <source>Approved: the order is cancelled</source>
        <translation>Disetujui: pesanan dibatalkan</translation>
    </message>
    <message>
        <source>Rejected ({0}): the order stays to be shipped</source>
        <translation>Ditolak ({0}): pesanan tetap harus dikirim</translation>
    </message>
    <message>
        <source>Not sent: {0}</source>
        <translation>Tidak dikirim: {0}</translation>
    </message>
    <message>
        <source>Waiting for the marketplace&apos;s answer: {0}</source>
        <translation>Menunggu jawaban marketplace: {0}</translation>
    </message>
    <message>
        <source>The marketplace refused: {0}</source>
        <translation>Marketplace menolak: {0}</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel orders</source>
        <translation>Batalkan pesanan</translation>
    </message>
    <message>
        <source>Cancel {0} order(s) on the marketplace: {1}. The buyer is refunded; this cannot be undone.</source>
        <translation>Batalkan {0} pesanan di marketplace: {1}. Dana pembeli dikembalikan; tindakan ini tidak bisa dibatalkan.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>A short explanation for the buyer</source>
        <translation>Penjelasan singkat untuk pembeli</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Shop closed until</source>
        <translation>Toko tutup sampai</translation>
    </message>
    <message>
        <source>Closing note</source>
        <translation>Catatan tutup toko</translation>
    </message>
    <message>
        <source>Choose a reason.</source>
        <translation>Pilih alasan.</translation>
    </message>
    <message>
        <source>Write a short message for the buyer.</source>
        <translation>Tulis pesan singkat untuk pembeli.</translation>
    </message>
    <message>
        <source>The message is too long (at most {0} characters).</source>
        <translation>Pesan terlalu panjang (paling banyak {0} karakter).</translation>
    </message>
</context>
<context>
    <name>CancelReason</name>
    <message>
        <source>Product out of stock</source>
        <translation>Stok produk kosong</translation>
    </message>
    <message>
        <source>Product variant unavailable</source>
        <translation>Varian produk tidak tersedia</translation>
    </message>
    <message>
        <source>Wrong price or weight</source>
        <translation>Harga atau berat salah</translation>
    </message>
    <message>
        <source>Shop closed</source>
        <translation>Toko tutup</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Alasan lainnya</translation>
    </message>
    <message>
        <source>Courier problem</source>
        <translation>Kendala kurir</translation>
    </message>
    <message>
        <source>Buyer&apos;s request</source>
        <translation>Permintaan pembeli</translation>
    </message>
    <message>
        <source>Problem with the shipment</source>
        <translation>Kendala pengiriman</translation>
    </message>
</context>
<context>
    <name>CatalogActions</name>
    <message>
        <source>Change price or listing…</source>
        <translation>Ubah harga atau status produk…</translation>
    </message>
    <message>
        <source>Push changes…</source>
        <translation>Perbarui di marketplace…</translation>
    </message>
    <message>
        <source>Undo last push</source>
        <translation>Urungkan pembaruan terakhir</translation>
    </message>
    <message>
        <source>Changes waiting…</source>
        <translation>Perubahan tertunda…</translation>
    </message>
    <message>
        <source>Select a mapped SKU first: prices and listings are changed per seller SKU.</source>
        <translation>Pilih SKU yang sudah dipetakan dulu: harga dan status produk diubah per SKU penjual.</translation>
    </message>
    <message>
        <source>{0}: {1} change(s) kept; press Push changes to send them</source>
        <translation>{0}: {1} perubahan disimpan; tekan Perbarui di marketplace untuk menerapkannya</translation>
    </message>
    <message>
        <source>Keeping the change</source>
        <translation>Menyimpan perubahan</translation>
    </message>
    <message>
        <source>No catalogue changes to push</source>
        <translation>Tidak ada perubahan katalog untuk diperbarui</translation>
    </message>
    <message>
        <source>{0} prices (change from {1:+.0f}% to {2:+.0f}%)</source>
        <translation>{0} harga (perubahan dari {1:+.0f}% sampai {2:+.0f}%)</translation>
    </message>
    <message>
        <source>{0} listings off, {1} listings on</source>
        <translation>{0} produk dinonaktifkan, {1} produk diaktifkan</translation>
    </message>
    <message>
        <source>The whole product switches: {0} other SKUs of those products switch with them</source>
        <translation>Seluruh produk ikut berubah: {0} SKU lain dari produk tersebut ikut berubah</translation>
    </message>
    <message>
        <source>{0} seller SKU code(s): each product is read first and sent back unchanged except the code</source>
        <translation>{0} kode SKU penjual: setiap produk dibaca dulu lalu disimpan kembali tanpa perubahan selain kodenya</translation>
    </message>
    <message>
        <source>{0} large price changes need a second confirmation:</source>
        <translation>{0} perubahan harga besar perlu konfirmasi kedua:</translation>
    </message>
    <message>
        <source>Pushing catalogue changes</source>
        <translation>Memperbarui katalog di marketplace</translation>
    </message>
    <message>
        <source>Pushed: {0} accepted, {1} failed</source>
        <translation>Diperbarui: {0} diterima, {1} gagal</translation>
    </message>
    <message>
        <source>Send the values the last push replaced back to the marketplace? A value changed on the marketplace since is left alone.</source>
        <translation>Kembalikan di marketplace nilai yang diganti oleh pembaruan terakhir? Nilai yang sudah diubah di marketplace sejak itu dibiarkan.</translation>
    </message>
    <message>
        <source>Undoing the last push</source>
        <translation>Mengurungkan pembaruan terakhir</translation>
    </message>
</context>
<context>
    <name>CatalogEditDialog</name>
    <message>
        <source>Change price or listing</source>
        <translation>Ubah harga atau status produk</translation>
    </message>
    <message>
        <source>Seller SKU {0}</source>
        <translation>SKU penjual {0}</translation>
    </message>
    <message>
        <source>Whole rupiah, e.g. 15000</source>
        <translation>Rupiah bulat, mis. 15000</translation>
    </message>
    <message>
        <source>Price (Rp)</source>
        <translation>Harga (Rp)</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Tidak berubah</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>Status produk</translation>
    </message>
    <message>
        <source>1-50 characters, no spaces</source>
        <translation>1-50 karakter, tanpa spasi</translation>
    </message>
    <message>
        <source>Seller SKU codes cannot be changed from TokoDesk on this marketplace: change them in Seller Center, then pull the SKUs.</source>
        <translation>Kode SKU penjual tidak bisa diubah dari TokoDesk di marketplace ini: ubah di Seller Center, lalu tarik ulang SKU.</translation>
    </message>
    <message>
        <source>A new code is sent with the next push; TokoDesk&apos;s seller SKU follows once the marketplace accepted it.</source>
        <translation>Kode baru diperbarui di marketplace saat pembaruan berikutnya; SKU penjual di TokoDesk ikut berubah setelah marketplace menerimanya.</translation>
    </message>
    <message>
        <source>Seller SKU code</source>
        <translation>Kode SKU penjual</translation>
    </message>
    <message>
        <source>The seller SKU code {0!r} cannot be used: 1-50 characters, no spaces, not starting with = + - or @.</source>
        <translation>Kode SKU penjual {0!r} tidak bisa dipakai: 1-50 karakter, tanpa spasi, tidak diawali = + - atau @.</translation>
    </message>
    <message>
        <source>Nothing changed: type a new price or code, or choose On or Off.</source>
        <translation>Tidak ada yang berubah: ketik harga atau kode baru, atau pilih Aktif atau Nonaktif.</translation>
    </message>
</context>
<context>
    <name>ChannelSetting</name>
    <message>
        <source>Channel name</source>
        <translation>Nama channel</translation>
    </message>
    <message>
        <source>Source warehouse</source>
        <translation>Gudang asal</translation>
    </message>
    <message>
        <source>Order sync from</source>
        <translation>Sinkronisasi pesanan sejak</translation>
    </message>
    <message>
        <source>Return sync from</source>
        <translation>Sinkronisasi retur sejak</translation>
    </message>
    <message>
        <source>Business model</source>
        <translation>Opsi pengiriman</translation>
    </message>
    <message>
        <source>Ready to ship at</source>
        <translation>Siap kirim saat</translation>
    </message>
    <message>
        <source>Use marketplace shipping label</source>
        <translation>Pakai label pengiriman marketplace</translation>
    </message>
    <message>
        <source>Orders on invoice number</source>
        <translation>Tampilkan nomor invoice</translation>
    </message>
    <message>
        <source>Confirm price changes beyond (%)</source>
        <translation>Konfirmasi perubahan harga di atas (%)</translation>
    </message>
    <message>
        <source>Confirm prices below (Rp)</source>
        <translation>Konfirmasi harga di bawah (Rp)</translation>
    </message>
    <message>
        <source>Inventory sync</source>
        <translation>Sinkronisasi stok</translation>
    </message>
    <message>
        <source>Inventory sync method</source>
        <translation>Metode sinkronisasi stok</translation>
    </message>
    <message>
        <source>Push 0 when available is below</source>
        <translation>Jadikan stok 0 bila tersedia di bawah</translation>
    </message>
    <message>
        <source>Daily reconciliation</source>
        <translation>Rekonsiliasi harian</translation>
    </message>
    <message>
        <source>Reconciliation hour (WIB)</source>
        <translation>Jam rekonsiliasi (WIB)</translation>
    </message>
    <message>
        <source>Fix mismatches automatically</source>
        <translation>Perbaiki selisih otomatis</translation>
    </message>
    <message>
        <source>SKU pull mode</source>
        <translation>Mode tarik SKU</translation>
    </message>
    <message>
        <source>Strip prefix when mapping</source>
        <translation>Buang awalan saat memetakan</translation>
    </message>
    <message>
        <source>Strip suffix when mapping</source>
        <translation>Buang akhiran saat memetakan</translation>
    </message>
</context>
<context>
    <name>ChannelSettingsForm</name>
    <message>
        <source>The warehouse whose stock is pushed and whose orders are shipped</source>
        <translation>Gudang yang stoknya diperbarui di marketplace dan pesanannya dikirim dari sana</translation>
    </message>
    <message>
        <source>Pick-up: the courier collects the parcels</source>
        <translation>Pickup: kurir menjemput paket</translation>
    </message>
    <message>
        <source>Drop-off: you take the parcels to the courier</source>
        <translation>Drop-off: Anda mengantar paket ke kurir</translation>
    </message>
    <message>
        <source>Own courier: you type the AWB (resi)</source>
        <translation>Kurir sendiri: Anda mengetik nomor resi</translation>
    </message>
    <message>
        <source>When packed</source>
        <translation>Saat dikemas</translation>
    </message>
    <message>
        <source>When on a manifest</source>
        <translation>Saat masuk manifest</translation>
    </message>
    <message>
        <source>Print the marketplace&apos;s own label instead of TokoDesk&apos;s</source>
        <translation>Cetak label dari marketplace, bukan label TokoDesk</translation>
    </message>
    <message>
        <source>Show and search orders by invoice number (INV/…)</source>
        <translation>Tampilkan dan cari pesanan dengan nomor invoice (INV/…)</translation>
    </message>
    <message>
        <source>Push stock to the marketplace</source>
        <translation>Perbarui stok di marketplace</translation>
    </message>
    <message>
        <source>Only changes</source>
        <translation>Hanya perubahan</translation>
    </message>
    <message>
        <source>Everything, every time</source>
        <translation>Semuanya, setiap kali</translation>
    </message>
    <message>
        <source>Compare the marketplace stock once a day at</source>
        <translation>Bandingkan stok marketplace sekali sehari pukul</translation>
    </message>
    <message>
        <source>Create a seller SKU for each marketplace SKU</source>
        <translation>Buat SKU penjual untuk setiap SKU marketplace</translation>
    </message>
    <message>
        <source>Map to existing seller SKUs only (the rest waits in a queue)</source>
        <translation>Hanya petakan ke SKU penjual yang ada (sisanya menunggu di antrean)</translation>
    </message>
    <message>
        <source>A catalogue push asks a second time before it sends a price that changes by more than this percentage, up or down, or that is below the floor (0: no floor).</source>
        <translation>Pembaruan katalog meminta konfirmasi kedua sebelum memperbarui harga yang naik atau turun lebih dari persentase ini, atau di bawah batas harga terendah (0: tanpa batas).</translation>
    </message>
    <message>
        <source>The marketplace serves orders of the last {0} days only, so the first pull can start at most {0} days back. Older orders stay in Seller Center.</source>
        <translation>Marketplace hanya menyediakan pesanan {0} hari terakhir, jadi penarikan pertama paling jauh dimulai {0} hari ke belakang. Pesanan yang lebih lama tetap di Seller Center.</translation>
    </message>
    <message>
        <source>The first order pull starts here; later pulls continue from where the last one ended.</source>
        <translation>Penarikan pesanan pertama dimulai dari sini; penarikan berikutnya melanjutkan dari akhir penarikan terakhir.</translation>
    </message>
</context>
<context>
    <name>ChannelTab</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Partly failed</source>
        <translation>Sebagian gagal</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Berjalan</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Dilewati</translation>
    </message>
    <message>
        <source>on demand</source>
        <translation>sesuai permintaan</translation>
    </message>
    <message>
        <source>No channel yet. Click “Add channel…” to connect your Tokopedia &amp; Shop store; its settings, connection, schedule and sync log then appear here.</source>
        <translation>Belum ada channel. Klik “Tambah channel…” untuk menghubungkan toko Tokopedia &amp; Shop Anda; pengaturan, koneksi, jadwal, dan log sinkronisasinya akan tampil di sini.</translation>
    </message>
    <message>
        <source>Connection and settings</source>
        <translation>Koneksi dan pengaturan</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marketplace</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Toko</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Koneksi</translation>
    </message>
    <message>
        <source>Token expires</source>
        <translation>Token berakhir</translation>
    </message>
    <message>
        <source>Keyring</source>
        <translation>Keyring</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Uji koneksi</translation>
    </message>
    <message>
        <source>Edit settings…</source>
        <translation>Ubah pengaturan…</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Jadwal</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Terakhir jalan</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Jadwal berikutnya</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sinkronkan</translation>
    </message>
    <message>
        <source>Sync log</source>
        <translation>Log sinkronisasi</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>Diambil</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Stasiun</translation>
    </message>
    <message>
        <source>Click ▸ on a run to see its errors.</source>
        <translation>Klik ▸ pada sebuah sinkronisasi untuk melihat kesalahannya.</translation>
    </message>
    <message>
        <source>Reading the channel</source>
        <translation>Membaca channel</translation>
    </message>
    <message>
        <source>(not read yet: test the connection)</source>
        <translation>(belum dibaca: uji koneksi)</translation>
    </message>
    <message>
        <source>Not tested in this session</source>
        <translation>Belum diuji di sesi ini</translation>
    </message>
    <message>
        <source>No token yet (fetched on the first call)</source>
        <translation>Belum ada token (diambil pada panggilan pertama)</translation>
    </message>
    <message>
        <source>(temporary)</source>
        <translation>(sementara)</translation>
    </message>
    <message>
        <source>(not an OS keyring: secrets last only while TokoDesk runs)</source>
        <translation>(bukan keyring sistem: rahasia hanya tersimpan selama TokoDesk berjalan)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>sekarang</translation>
    </message>
    <message>
        <source>daily at {0} WIB</source>
        <translation>setiap hari pukul {0} WIB</translation>
    </message>
    <message>
        <source>every {0} min</source>
        <translation>setiap {0} menit</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(belum diatur)</translation>
    </message>
    <message>
        <source>Pick-up by the courier</source>
        <translation>Dijemput kurir (pickup)</translation>
    </message>
    <message>
        <source>Drop-off at the courier</source>
        <translation>Antar ke kurir (drop-off)</translation>
    </message>
    <message>
        <source>Own courier (enter the AWB)</source>
        <translation>Kurir sendiri (isi nomor resi)</translation>
    </message>
    <message>
        <source>At pack</source>
        <translation>Saat dikemas</translation>
    </message>
    <message>
        <source>At manifest</source>
        <translation>Saat manifest</translation>
    </message>
    <message>
        <source>Only changes</source>
        <translation>Hanya perubahan</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Semuanya</translation>
    </message>
    <message>
        <source>Create seller SKUs</source>
        <translation>Buat SKU penjual</translation>
    </message>
    <message>
        <source>Map to existing seller SKUs only</source>
        <translation>Hanya petakan ke SKU penjual yang ada</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Berjalan…</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Menguji…</translation>
    </message>
    <message>
        <source>Connected to “{0}”</source>
        <translation>Terhubung ke “{0}”</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>Menguji koneksi</translation>
    </message>
    <message>
        <source>never run</source>
        <translation>belum pernah jalan</translation>
    </message>
    <message>
        <source>every 6 hours</source>
        <translation>setiap 6 jam</translation>
    </message>
    <message>
        <source>inventory sync is off</source>
        <translation>sinkronisasi stok mati</translation>
    </message>
    <message>
        <source>inventory sync is not available in this build</source>
        <translation>sinkronisasi stok tidak tersedia di versi ini</translation>
    </message>
    <message>
        <source>stock changed</source>
        <translation>stok berubah</translation>
    </message>
    <message>
        <source>periodic</source>
        <translation>berkala</translation>
    </message>
    <message>
        <source>reconciliation is off</source>
        <translation>rekonsiliasi mati</translation>
    </message>
    <message>
        <source>reconciliation is not available in this build</source>
        <translation>rekonsiliasi tidak tersedia di versi ini</translation>
    </message>
    <message>
        <source>run on demand</source>
        <translation>jalan sesuai permintaan</translation>
    </message>
</context>
<context>
    <name>ChannelWizard</name>
    <message>
        <source>Add a channel</source>
        <translation>Tambah channel</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Lanjut &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Kembali</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Selesai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Cleaning up</source>
        <translation>Membersihkan</translation>
    </message>
</context>
<context>
    <name>ClipPlayer</name>
    <message>
        <source>Packing video: {0}</source>
        <translation>Video pengemasan: {0}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Jeda</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Putar</translation>
    </message>
</context>
<context>
    <name>CostView</name>
    <message>
        <source>Cost price of one unit, in whole rupiah: double-click a cell to type it (empty clears it). Kept on this PC only; the margins use it.</source>
        <translation>Harga modal satu unit, dalam rupiah bulat: klik dua kali sel untuk mengetiknya (kosong menghapusnya). Hanya disimpan di PC ini; dipakai untuk menghitung margin.</translation>
    </message>
    <message>
        <source>Import cost prices…</source>
        <translation>Impor harga modal…</translation>
    </message>
    <message>
        <source>A CSV file with seller_sku,cost_price on each line</source>
        <translation>File CSV berisi seller_sku,cost_price di setiap baris</translation>
    </message>
    <message>
        <source>Seller SKU</source>
        <translation>SKU penjual</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Cost price (per unit)</source>
        <translation>Harga modal (per unit)</translation>
    </message>
    <message>
        <source>Units sold</source>
        <translation>Unit terjual</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Bersih</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Modal</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Margin</translation>
    </message>
    <message>
        <source>(no seller SKU)</source>
        <translation>(tanpa SKU penjual)</translation>
    </message>
    <message>
        <source>{0}: cost price cleared</source>
        <translation>{0}: harga modal dihapus</translation>
    </message>
    <message>
        <source>{0}: cost price {1}</source>
        <translation>{0}: harga modal {1}</translation>
    </message>
    <message>
        <source>{0}: a cost price cannot be negative. Type whole rupiah, e.g. 15.000, or leave it empty.</source>
        <translation>{0}: harga modal tidak boleh negatif. Ketik rupiah bulat, mis. 15.000, atau kosongkan.</translation>
    </message>
    <message>
        <source>{0}: rupiah are whole numbers (no sen). Type e.g. 15.000.</source>
        <translation>{0}: rupiah adalah bilangan bulat (tanpa sen). Ketik mis. 15.000.</translation>
    </message>
    <message>
        <source>{0}: a cost price must be more than Rp 0. Leave it empty if you do not know it.</source>
        <translation>{0}: harga modal harus lebih dari Rp 0. Kosongkan bila belum tahu.</translation>
    </message>
    <message>
        <source>{0}: {1} is more than any price a marketplace takes.</source>
        <translation>{0}: {1} melebihi harga tertinggi di marketplace.</translation>
    </message>
    <message>
        <source>{0}: “{1}” is not a cost price. Type whole rupiah, e.g. 15000 or 15.000, or leave it empty.</source>
        <translation>{0}: “{1}” bukan harga modal. Ketik rupiah bulat, mis. 15000 atau 15.000, atau kosongkan.</translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <source>Credentials</source>
        <translation>Kredensial</translation>
    </message>
    <message>
        <source>Secrets go to the OS keyring, never into TokoDesk&apos;s database.</source>
        <translation>Rahasia disimpan di keyring sistem, tidak pernah di database TokoDesk.</translation>
    </message>
    <message>
        <source>e.g. Toko Utama</source>
        <translation>mis. Toko Utama</translation>
    </message>
    <message>
        <source>FS ID (App ID)</source>
        <translation>FS ID (App ID)</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client secret</translation>
    </message>
    <message>
        <source>Shop ID</source>
        <translation>Shop ID</translation>
    </message>
    <message>
        <source>The shop ID is the number in your seller panel&apos;s address, e.g. seller.tokopedia.com/…?shop_id=&lt;b&gt;1234567&lt;/b&gt;.</source>
        <translation>Shop ID adalah angka di alamat panel penjual Anda, mis. seller.tokopedia.com/…?shop_id=&lt;b&gt;1234567&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>App key</source>
        <translation>App key</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>App secret</translation>
    </message>
    <message>
        <source>Service ID</source>
        <translation>Service ID</translation>
    </message>
    <message>
        <source>Fill in the service ID to get the link</source>
        <translation>Isi service ID untuk mendapatkan tautannya</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Buka tautan</translation>
    </message>
    <message>
        <source>Consent link</source>
        <translation>Tautan persetujuan</translation>
    </message>
    <message>
        <source>Paste the address the browser shows after you accept, or the code</source>
        <translation>Tempel alamat yang ditampilkan peramban setelah Anda setuju, atau kodenya</translation>
    </message>
    <message>
        <source>Redirect URL or code</source>
        <translation>URL pengalihan atau kode</translation>
    </message>
    <message>
        <source>Open the consent link, log in as the shop owner and accept; the browser then shows an address with ?code=…. Paste it here within 30 minutes.</source>
        <translation>Buka tautan persetujuan, masuk sebagai pemilik toko, lalu setujui; peramban akan menampilkan alamat dengan ?code=…. Tempel di sini dalam 30 menit.</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Toko</translation>
    </message>
    <message>
        <source>The authorization covers several shops: pick this channel&apos;s shop. Add another later with `tokodesk channel add NAME --from-channel` (no new consent).</source>
        <translation>Otorisasi ini mencakup beberapa toko: pilih toko untuk channel ini. Tambahkan toko lain nanti dengan `tokodesk channel add NAMA --from-channel` (tanpa persetujuan baru).</translation>
    </message>
    <message>
        <source>Advanced: server addresses</source>
        <translation>Lanjutan: alamat server</translation>
    </message>
    <message>
        <source>API base URL</source>
        <translation>URL dasar API</translation>
    </message>
    <message>
        <source>Auth base URL</source>
        <translation>URL dasar otorisasi</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Uji koneksi</translation>
    </message>
    <message>
        <source>Save without a successful test (I will test it later)</source>
        <translation>Simpan tanpa uji yang berhasil (saya uji nanti)</translation>
    </message>
    <message>
        <source>Changed since the last test: test again.</source>
        <translation>Berubah sejak uji terakhir: uji lagi.</translation>
    </message>
    <message>
        <source>Fill in: {0}</source>
        <translation>Lengkapi: {0}</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Menguji…</translation>
    </message>
    <message>
        <source>Connected to “{0}”.</source>
        <translation>Terhubung ke “{0}”.</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>Menguji koneksi</translation>
    </message>
    <message>
        <source>Channel name</source>
        <translation>Nama channel</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>Advanced: the database</source>
        <translation>Lanjutan: database</translation>
    </message>
    <message>
        <source>One packing PC keeps its data on this PC. Several PCs on one order queue share a PostgreSQL server.</source>
        <translation>Satu PC packing menyimpan datanya di PC ini. Beberapa PC pada satu antrean pesanan memakai bersama satu server PostgreSQL.</translation>
    </message>
    <message>
        <source>This PC only (SQLite)</source>
        <translation>Hanya PC ini (SQLite)</translation>
    </message>
    <message>
        <source>Shared PostgreSQL server</source>
        <translation>Server PostgreSQL bersama</translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation>Server PostgreSQL</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.10 or gudang-pc</source>
        <translation>mis. 192.168.1.10 atau gudang-pc</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Uji</translation>
    </message>
    <message>
        <source>Use this database</source>
        <translation>Pakai database ini</translation>
    </message>
    <message>
        <source>Kept in the OS keyring; leave empty to keep it</source>
        <translation>Tersimpan di keyring sistem; kosongkan untuk tetap memakainya</translation>
    </message>
    <message>
        <source>Stored in the OS keyring, never in a file</source>
        <translation>Disimpan di keyring sistem, tidak pernah di file</translation>
    </message>
    <message>
        <source>In use now: {0}</source>
        <translation>Yang dipakai sekarang: {0}</translation>
    </message>
    <message>
        <source>TOKODESK_DB is set on this PC and wins over this setting.</source>
        <translation>TOKODESK_DB diatur di PC ini dan mengalahkan pengaturan ini.</translation>
    </message>
    <message>
        <source>A change takes effect when TokoDesk starts again.</source>
        <translation>Perubahan berlaku saat TokoDesk dijalankan lagi.</translation>
    </message>
    <message>
        <source>Changed since the last test: test again.</source>
        <translation>Berubah sejak uji terakhir: uji lagi.</translation>
    </message>
    <message>
        <source>Fill in: {0}</source>
        <translation>Lengkapi: {0}</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Menguji…</translation>
    </message>
    <message>
        <source>Testing the database</source>
        <translation>Menguji database</translation>
    </message>
    <message>
        <source>Saved. Close TokoDesk and start it again to use this database; add the channel then, unless another station already has.</source>
        <translation>Tersimpan. Tutup TokoDesk lalu jalankan lagi untuk memakai database ini; tambahkan channel setelah itu, kecuali stasiun lain sudah menambahkannya.</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>Tidak tersimpan: {0}</translation>
    </message>
    <message>
        <source>Saving the database setting</source>
        <translation>Menyimpan pengaturan database</translation>
    </message>
    <message>
        <source>The database setting is incomplete</source>
        <translation>Pengaturan database belum lengkap</translation>
    </message>
    <message>
        <source>The server cannot be reached</source>
        <translation>Server tidak dapat dihubungi</translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation>Kata sandi salah</translation>
    </message>
    <message>
        <source>The server needs a password</source>
        <translation>Server meminta kata sandi</translation>
    </message>
    <message>
        <source>Unknown user</source>
        <translation>Pengguna tidak dikenal</translation>
    </message>
    <message>
        <source>No such database</source>
        <translation>Database tidak ada</translation>
    </message>
    <message>
        <source>The user lacks rights</source>
        <translation>Pengguna tidak punya hak akses</translation>
    </message>
    <message>
        <source>The database is newer than this TokoDesk</source>
        <translation>Database lebih baru daripada TokoDesk ini</translation>
    </message>
    <message>
        <source>The server refused</source>
        <translation>Server menolak</translation>
    </message>
</context>
<context>
    <name>DemoShop</name>
    <message>
        <source>Starting the demo shop</source>
        <translation>Menyalakan toko demo</translation>
    </message>
    <message>
        <source>Using the demo shop&apos;s stock as the starting count</source>
        <translation>Memakai stok toko demo sebagai jumlah awal</translation>
    </message>
</context>
<context>
    <name>DeskVideo</name>
    <message>
        <source>Qt Multimedia cannot be loaded on this PC ({0}): packing is not filmed. On Debian or Ubuntu, install the package libpulse0.</source>
        <translation>Qt Multimedia tidak bisa dimuat di PC ini ({0}): pengemasan tidak direkam. Di Debian atau Ubuntu, pasang paket libpulse0.</translation>
    </message>
    <message>
        <source>Reading the packing video settings</source>
        <translation>Membaca pengaturan video pengemasan</translation>
    </message>
    <message>
        <source>The packing video settings are being read.</source>
        <translation>Pengaturan video pengemasan sedang dibaca.</translation>
    </message>
    <message>
        <source>Opening the packing camera</source>
        <translation>Membuka kamera pengemasan</translation>
    </message>
    <message>
        <source>The video file is not on this PC: it was removed by the retention setting, or recorded at another station ({0}).</source>
        <translation>Berkas video tidak ada di PC ini: sudah dihapus sesuai pengaturan penyimpanan, atau direkam di stasiun lain ({0}).</translation>
    </message>
    <message>
        <source>Opening the packing video</source>
        <translation>Membuka video pengemasan</translation>
    </message>
    <message>
        <source>Export the packing video for a dispute: choose a folder</source>
        <translation>Ekspor video pengemasan untuk komplain: pilih folder</translation>
    </message>
    <message>
        <source>Exported {0} and {1} to {2} (SHA-256 {3}…).</source>
        <translation>{0} dan {1} diekspor ke {2} (SHA-256 {3}…).</translation>
    </message>
    <message>
        <source>Exporting the packing video</source>
        <translation>Mengekspor video pengemasan</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>DispatchMenu</name>
    <message>
        <source>&amp;Dispatch</source>
        <translation>&amp;Pengiriman</translation>
    </message>
    <message>
        <source>Handover scan…</source>
        <translation>Pindai serah terima…</translation>
    </message>
    <message>
        <source>Today&apos;s dispatch plan…</source>
        <translation>Rencana pengiriman hari ini…</translation>
    </message>
    <message>
        <source>Shop health…</source>
        <translation>Kesehatan toko…</translation>
    </message>
</context>
<context>
    <name>DispatchPlan</name>
    <message>
        <source>Today&apos;s plan</source>
        <translation>Rencana hari ini</translation>
    </message>
    <message>
        <source>What must leave today, by courier and cut-off, with the time left</source>
        <translation>Yang harus dikirim hari ini, per kurir dan batas pickup, dengan sisa waktunya</translation>
    </message>
</context>
<context>
    <name>DispatchPlanDialog</name>
    <message>
        <source>Today&apos;s dispatch plan</source>
        <translation>Rencana pengiriman hari ini</translation>
    </message>
    <message>
        <source>What must leave today (WIB), by courier and pick-up cut-off, in the platform&apos;s order of work. The time left counts down to the cut-off, or to the earliest ship-by where there is none.</source>
        <translation>Yang harus dikirim hari ini (WIB), per kurir dan batas pickup, dalam urutan kerja platform. Sisa waktu dihitung mundur ke batas pickup, atau ke batas kirim paling awal bila tidak ada.</translation>
    </message>
    <message>
        <source>Courier / invoice</source>
        <translation>Kurir / invoice</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cut-off / ship by</source>
        <translation>Batas pickup / kirim sebelum</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Sisa waktu</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Tanda</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Reading today&apos;s orders…</source>
        <translation>Membaca pesanan hari ini…</translation>
    </message>
    <message>
        <source>Reading the dispatch plan</source>
        <translation>Membaca rencana pengiriman</translation>
    </message>
    <message>
        <source>The plan could not be read: {0}</source>
        <translation>Rencana tidak dapat dibaca: {0}</translation>
    </message>
    <message>
        <source>LATE</source>
        <translation>TERLAMBAT</translation>
    </message>
    <message>
        <source>due within 2 h</source>
        <translation>jatuh tempo dalam 2 jam</translation>
    </message>
    <message>
        <source>{0} h {1} min ago</source>
        <translation>{0} j {1} mnt yang lalu</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} j {1} mnt</translation>
    </message>
    <message>
        <source>(no courier)</source>
        <translation>(tanpa kurir)</translation>
    </message>
    <message>
        <source>cut-off {0}</source>
        <translation>batas pickup {0}</translation>
    </message>
    <message>
        <source>ship by {0}</source>
        <translation>kirim sebelum {0}</translation>
    </message>
    <message>
        <source>{0} — {1} order(s)</source>
        <translation>{0} — {1} pesanan</translation>
    </message>
    <message>
        <source>Nothing left to ship today.</source>
        <translation>Tidak ada lagi yang harus dikirim hari ini.</translation>
    </message>
    <message>
        <source>{0} order(s) to ship today: {1} late, {2} due within 2 h</source>
        <translation>{0} pesanan harus dikirim hari ini: {1} terlambat, {2} jatuh tempo dalam 2 jam</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <source>Changes waiting to be pushed</source>
        <translation>Perubahan yang menunggu diperbarui di marketplace</translation>
    </message>
    <message>
        <source>Discard selected</source>
        <translation>Buang yang dipilih</translation>
    </message>
    <message>
        <source>Discard all</source>
        <translation>Buang semua</translation>
    </message>
    <message>
        <source>{0} changes are kept and not sent yet. Push changes… shows their summary and sends them.</source>
        <translation>{0} perubahan disimpan dan belum diperbarui. Perbarui di marketplace… menampilkan ringkasannya lalu memperbaruinya.</translation>
    </message>
    <message>
        <source>No changes are waiting to be pushed.</source>
        <translation>Tidak ada perubahan yang menunggu diperbarui di marketplace.</translation>
    </message>
    <message>
        <source>{0}: seller SKU code {1} → {2}</source>
        <translation>{0}: kode SKU penjual {1} → {2}</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>{0}: listing {1} → {2}</source>
        <translation>{0}: status produk {1} → {2}</translation>
    </message>
    <message>
        <source>{0}: price {1} → {2}</source>
        <translation>{0}: harga {1} → {2}</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Details…</source>
        <translation>Rincian…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <source>status {0} → {1} (marketplace code {2} → {3})</source>
        <translation>status {0} → {1} (kode marketplace {2} → {3})</translation>
    </message>
    <message>
        <source>; changed outside TokoDesk</source>
        <translation>; diubah di luar TokoDesk</translation>
    </message>
    <message>
        <source>on the marketplace: {0} → {1} (marketplace code {2} → {3})</source>
        <translation>di marketplace: {0} → {1} (kode marketplace {2} → {3})</translation>
    </message>
    <message>
        <source>, code {0}</source>
        <translation>, kode {0}</translation>
    </message>
    <message>
        <source>buyer&apos;s cancellation request rejected ({0})</source>
        <translation>permintaan pembatalan pembeli ditolak ({0})</translation>
    </message>
    <message>
        <source>status {0} (marketplace code {1})</source>
        <translation>status {0} (kode marketplace {1})</translation>
    </message>
    <message>
        <source>changed: {0}</source>
        <translation>diubah: {0}</translation>
    </message>
    <message>
        <source>packed; now {0}</source>
        <translation>dikemas; sekarang {0}</translation>
    </message>
    <message>
        <source>accepted on the marketplace</source>
        <translation>diterima di marketplace</translation>
    </message>
    <message>
        <source>pick-up requested</source>
        <translation>pickup diminta</translation>
    </message>
    <message>
        <source>handed over at the courier&apos;s counter</source>
        <translation>diserahkan di konter kurir</translation>
    </message>
    <message>
        <source>shipped with own courier</source>
        <translation>dikirim dengan kurir sendiri</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>dikirim</translation>
    </message>
    <message>
        <source>cancelled with reason {0}</source>
        <translation>dibatalkan dengan alasan {0}</translation>
    </message>
    <message>
        <source>label printed ({0}) on {1}</source>
        <translation>label dicetak ({0}) di {1}</translation>
    </message>
    <message>
        <source>on the {0} manifest; ready to ship</source>
        <translation>masuk manifest {0}; siap kirim</translation>
    </message>
    <message>
        <source>marketplace label kept on {0}</source>
        <translation>label marketplace disimpan di {0}</translation>
    </message>
    <message>
        <source>buyer&apos;s cancellation request approved; the order is cancelled</source>
        <translation>permintaan pembatalan pembeli disetujui; pesanan dibatalkan</translation>
    </message>
    <message>
        <source>already done on the marketplace</source>
        <translation>sudah dilakukan di marketplace</translation>
    </message>
    <message>
        <source>confirmed by reading the order</source>
        <translation>dipastikan dengan membaca pesanan</translation>
    </message>
    <message>
        <source>confirmed by reading the marketplace</source>
        <translation>dipastikan dengan membaca marketplace</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Handover to the courier</source>
        <translation>Serah terima ke kurir</translation>
    </message>
    <message>
        <source>Choose the courier, then scan each parcel&apos;s AWB or booking code as the courier takes it. Every scan is kept with its time. Nothing is sent to the marketplace.</source>
        <translation>Pilih kurir, lalu pindai resi atau kode booking setiap paket saat kurir mengambilnya. Setiap pindaian disimpan dengan waktunya. Tidak ada yang dikirim ke marketplace.</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>Kurir</translation>
    </message>
    <message>
        <source>Scan the AWB or booking code</source>
        <translation>Pindai resi atau kode booking</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Pindai</translation>
    </message>
    <message>
        <source>Scans in this session</source>
        <translation>Pindaian sesi ini</translation>
    </message>
    <message>
        <source>Handover manifest PDF…</source>
        <translation>PDF manifest serah terima…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Reading the couriers</source>
        <translation>Membaca daftar kurir</translation>
    </message>
    <message>
        <source>Reading the parcels to hand over</source>
        <translation>Membaca paket yang akan diserahkan</translation>
    </message>
    <message>
        <source>Choose or type the courier.</source>
        <translation>Pilih atau ketik kurir.</translation>
    </message>
    <message>
        <source>Every parcel expected for {0} is scanned.</source>
        <translation>Semua paket untuk {0} sudah dipindai.</translation>
    </message>
    <message>
        <source>Not scanned yet for {0}: {1} parcel(s) — find them before the courier leaves</source>
        <translation>Belum dipindai untuk {0}: {1} paket — temukan sebelum kurir pergi</translation>
    </message>
    <message>
        <source>(no code yet)</source>
        <translation>(belum ada kode)</translation>
    </message>
    <message>
        <source>Choose the courier first, then scan again.</source>
        <translation>Pilih kurir dulu, lalu pindai lagi.</translation>
    </message>
    <message>
        <source>Recording the scan</source>
        <translation>Menyimpan pindaian</translation>
    </message>
    <message>
        <source>OK — {0}</source>
        <translation>OK — {0}</translation>
    </message>
    <message>
        <source>UNKNOWN CODE {0}: no order here has it. Sync the orders or check the label.</source>
        <translation>KODE TIDAK DIKENAL {0}: tidak ada pesanan dengan kode ini. Sinkronkan pesanan atau periksa label.</translation>
    </message>
    <message>
        <source>STOP — {0} is cancelled: keep the parcel</source>
        <translation>STOP — {0} dibatalkan: jangan serahkan paketnya</translation>
    </message>
    <message>
        <source>STOP — {0} goes with {1}</source>
        <translation>STOP — {0} dikirim dengan {1}</translation>
    </message>
    <message>
        <source>another courier</source>
        <translation>kurir lain</translation>
    </message>
    <message>
        <source>STOP — {0} was already handed over {1}</source>
        <translation>STOP — {0} sudah diserahkan {1}</translation>
    </message>
    <message>
        <source>STOP — {0} is not shipped yet: arrange the shipment first</source>
        <translation>STOP — {0} belum dikirim: atur pengiriman dulu</translation>
    </message>
    <message>
        <source>Choose the courier first.</source>
        <translation>Pilih kurir dulu.</translation>
    </message>
    <message>
        <source>Save the handover manifest</source>
        <translation>Simpan manifest serah terima</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the handover manifest</source>
        <translation>Menulis manifest serah terima</translation>
    </message>
    <message>
        <source>Handover manifest saved: {0} of {1} parcel(s) scanned.</source>
        <translation>Manifest serah terima disimpan: {0} dari {1} paket dipindai.</translation>
    </message>
</context>
<context>
    <name>HealthDialog</name>
    <message>
        <source>Shop health (estimated by TokoDesk)</source>
        <translation>Kesehatan toko (perkiraan TokoDesk)</translation>
    </message>
    <message>
        <source>Shop:</source>
        <translation>Toko:</translation>
    </message>
    <message>
        <source>Click a bar: the late orders of the 7 days ending that day</source>
        <translation>Klik sebuah batang: pesanan terlambat dalam 7 hari yang berakhir pada hari itu</translation>
    </message>
    <message>
        <source>Late orders in the last 7 days</source>
        <translation>Pesanan terlambat dalam 7 hari terakhir</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation>Kirim sebelum</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Dikirim</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>How: estimated from TokoDesk&apos;s own records over the last 7 calendar days (WIB); Seller Center&apos;s figure is the one that counts. Late dispatch: orders whose ship-by fell in those days, late when TokoDesk first saw them shipped after it, or not shipped at all; an order shipped in Seller Center counts from the next sync, so it may look later than it was. Seller-fault cancellations: orders TokoDesk cancelled for you, and those the marketplace gives to you; cancellations of unknown cause give the upper figure. Weekends and holidays, which the platform leaves out, are counted here.</source>
        <translation>Cara hitung: perkiraan dari catatan TokoDesk sendiri selama 7 hari kalender terakhir (WIB); angka di Seller Center yang berlaku. Keterlambatan pengiriman: pesanan yang batas kirimnya jatuh pada hari-hari itu, terlambat bila TokoDesk pertama kali melihatnya dikirim setelah batas itu, atau belum dikirim sama sekali; pesanan yang dikirim lewat Seller Center dihitung sejak sinkronisasi berikutnya, jadi bisa tampak lebih lambat dari sebenarnya. Pembatalan karena kesalahan penjual: pesanan yang dibatalkan TokoDesk untuk Anda, dan yang oleh marketplace dibebankan kepada Anda; pembatalan yang penyebabnya tidak diketahui masuk ke angka atas. Akhir pekan dan hari libur, yang tidak dihitung platform, dihitung di sini.</translation>
    </message>
    <message>
        <source>Who cancelled comes from the cancel status code (the legacy API names no initiator): rejections (2, 3, 4, 6, 10) are yours, 15 the buyer&apos;s, 5 and 699 the platform&apos;s; code 0 counts when an order ran out unaccepted after its accept deadline or unshipped after its ship deadline.</source>
        <translation>Siapa yang membatalkan dibaca dari kode status pembatalan (API lama tidak menyebut pemrakarsanya): penolakan (2, 3, 4, 6, 10) dihitung milik Anda, 15 milik pembeli, 5 dan 699 milik platform; kode 0 dihitung bila pesanan habis waktunya belum diterima setelah batas terima atau belum dikirim setelah batas kirim.</translation>
    </message>
    <message>
        <source>Who cancelled comes from Tokopedia &amp; Shop (cancellation_initiator): SELLER counts, BUYER does not, and SYSTEM counts only when the platform cancelled an order unshipped after its ship-by.</source>
        <translation>Siapa yang membatalkan dibaca dari Tokopedia &amp; Shop (cancellation_initiator): SELLER dihitung, BUYER tidak, dan SYSTEM hanya dihitung bila platform membatalkan pesanan yang belum dikirim setelah batas kirimnya.</translation>
    </message>
    <message>
        <source>No channel yet.</source>
        <translation>Belum ada channel.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Menghitung…</translation>
    </message>
    <message>
        <source>Computing the shop&apos;s health</source>
        <translation>Menghitung kesehatan toko</translation>
    </message>
    <message>
        <source>Late dispatch: no order was due in the last 7 days</source>
        <translation>Keterlambatan pengiriman: tidak ada pesanan jatuh tempo dalam 7 hari terakhir</translation>
    </message>
    <message>
        <source>under 4 %: good</source>
        <translation>di bawah 4 %: baik</translation>
    </message>
    <message>
        <source>4 % or more: a warning</source>
        <translation>4 % atau lebih: peringatan</translation>
    </message>
    <message>
        <source>10 % or more: daily orders are capped</source>
        <translation>10 % atau lebih: pesanan harian dibatasi</translation>
    </message>
    <message>
        <source>Late dispatch {0} ({1} of {2} due) — {3}</source>
        <translation>Keterlambatan pengiriman {0} ({1} dari {2} jatuh tempo) — {3}</translation>
    </message>
    <message>
        <source>Seller-fault cancellations: no order placed in the last 7 days</source>
        <translation>Pembatalan karena kesalahan penjual: tidak ada pesanan masuk dalam 7 hari terakhir</translation>
    </message>
    <message>
        <source>Seller-fault cancellations {0} ({1} of {2}) — {3}</source>
        <translation>Pembatalan karena kesalahan penjual {0} ({1} dari {2}) — {3}</translation>
    </message>
    <message>
        <source>2.5 % or more: too many</source>
        <translation>2,5 % atau lebih: terlalu banyak</translation>
    </message>
    <message>
        <source>under 2.5 %: good</source>
        <translation>di bawah 2,5 %: baik</translation>
    </message>
    <message>
        <source>(up to {0} with {1} of unknown cause)</source>
        <translation>(hingga {0} dengan {1} yang penyebabnya tidak diketahui)</translation>
    </message>
    <message>
        <source>not shipped</source>
        <translation>belum dikirim</translation>
    </message>
    <message>
        <source>Late orders in the 7 days to {0} (click another bar, or Refresh for the last 7 days)</source>
        <translation>Pesanan terlambat dalam 7 hari sampai {0} (klik batang lain, atau Muat ulang untuk 7 hari terakhir)</translation>
    </message>
    <message>
        <source>Late dispatch, 7 days</source>
        <translation>Keterlambatan pengiriman, 7 hari</translation>
    </message>
    <message>
        <source>4 % warning</source>
        <translation>batas peringatan 4 %</translation>
    </message>
    <message>
        <source>Late dispatch rate over 7 days, day by day (line: the 4 % warning)</source>
        <translation>Tingkat keterlambatan pengiriman 7 hari, per hari (garis: batas peringatan 4 %)</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>buyer&apos;s cancellation request approved; the order is cancelled</source>
        <translation>permintaan pembatalan pembeli disetujui; pesanan dibatalkan</translation>
    </message>
    <message>
        <source>buyer&apos;s cancellation request rejected ({reason}): {comment}</source>
        <translation>permintaan pembatalan pembeli ditolak ({reason}): {comment}</translation>
    </message>
    <message>
        <source>buyer&apos;s cancellation request rejected ({reason})</source>
        <translation>permintaan pembatalan pembeli ditolak ({reason})</translation>
    </message>
    <message>
        <source>combined with {orders}</source>
        <translation>digabung dengan {orders}</translation>
    </message>
    <message>
        <source>package {package_id} uncombined</source>
        <translation>paket {package_id} dipisahkan</translation>
    </message>
    <message>
        <source>{what}; package now {ids}</source>
        <translation>{what}; paket sekarang {ids}</translation>
    </message>
    <message>
        <source>packed; now {state}</source>
        <translation>dikemas; sekarang {state}</translation>
    </message>
    <message>
        <source>marketplace label kept on {station}</source>
        <translation>label marketplace disimpan di {station}</translation>
    </message>
    <message>
        <source>on the {courier} manifest; ready to ship</source>
        <translation>masuk manifest {courier}; siap kirim</translation>
    </message>
    <message>
        <source>confirmed by reading the order</source>
        <translation>dipastikan dengan membaca pesanan</translation>
    </message>
    <message>
        <source>already done on the marketplace</source>
        <translation>sudah dilakukan di marketplace</translation>
    </message>
    <message>
        <source>confirmed by reading the orders</source>
        <translation>dipastikan dengan membaca pesanan-pesanannya</translation>
    </message>
    <message>
        <source>confirmed by reading the marketplace</source>
        <translation>dipastikan dengan membaca marketplace</translation>
    </message>
    <message>
        <source>{detail} ({note})</source>
        <translation>{detail} ({note})</translation>
    </message>
    <message>
        <source>accepted on the marketplace</source>
        <translation>diterima di marketplace</translation>
    </message>
    <message>
        <source>cancelled with reason {reason}: {text}</source>
        <translation>dibatalkan dengan alasan {reason}: {text}</translation>
    </message>
    <message>
        <source>cancelled with reason {reason}</source>
        <translation>dibatalkan dengan alasan {reason}</translation>
    </message>
    <message>
        <source>pick-up requested</source>
        <translation>pickup diminta</translation>
    </message>
    <message>
        <source>handed over at the courier&apos;s counter</source>
        <translation>diserahkan di konter kurir</translation>
    </message>
    <message>
        <source>shipped with own courier</source>
        <translation>dikirim dengan kurir sendiri</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>dikirim</translation>
    </message>
    <message>
        <source>{what}, code {code}</source>
        <translation>{what}, kode {code}</translation>
    </message>
    <message>
        <source>package {package_id} packed; still to pack: {left}</source>
        <translation>paket {package_id} dikemas; masih perlu dikemas: {left}</translation>
    </message>
    <message>
        <source>package {package_id} packed, the order&apos;s last; now {state}</source>
        <translation>paket {package_id} dikemas, paket terakhir pesanan ini; sekarang {state}</translation>
    </message>
    <message>
        <source>{code} handed over to {courier}</source>
        <translation>{code} diserahkan ke {courier}</translation>
    </message>
    <message>
        <source>{sku} +{quantity}</source>
        <translation>{sku} +{quantity}</translation>
    </message>
    <message>
        <source>no stocked lines</source>
        <translation>tidak ada baris yang distok</translation>
    </message>
    <message>
        <source>packages now {ids} (split or combined on the marketplace)</source>
        <translation>paket sekarang {ids} (dipecah atau digabung di marketplace)</translation>
    </message>
    <message>
        <source>{detail}; it was packed into other parcels: back to pack, pack each parcel again</source>
        <translation>{detail}; pesanan ini dikemas ke paket lain: kembali ke Perlu dikemas, kemas setiap paket lagi</translation>
    </message>
    <message>
        <source>status {code} ({state})</source>
        <translation>status {state} (kode marketplace {code})</translation>
    </message>
    <message>
        <source>status {code_from} → {code_to} ({state_from} → {state_to})</source>
        <translation>status {state_from} → {state_to} (kode marketplace {code_from} → {code_to})</translation>
    </message>
    <message>
        <source>status {code_from} → {code_to}</source>
        <translation>di marketplace: {code_from} → {code_to}</translation>
    </message>
    <message>
        <source>{detail}; changed outside TokoDesk</source>
        <translation>{detail}; diubah di luar TokoDesk</translation>
    </message>
    <message>
        <source>changed: {fields}</source>
        <translation>diubah: {fields}</translation>
    </message>
    <message>
        <source>{scanned} of {expected} items scanned</source>
        <translation>{scanned} dari {expected} barang dipindai</translation>
    </message>
    <message>
        <source>its own items</source>
        <translation>barangnya sendiri</translation>
    </message>
    <message>
        <source>the whole order&apos;s items</source>
        <translation>barang seluruh pesanan</translation>
    </message>
    <message>
        <source>package {package_id}: {scanned} ({whose})</source>
        <translation>paket {package_id}: {scanned} ({whose})</translation>
    </message>
    <message>
        <source>missing: {items}</source>
        <translation>kurang: {items}</translation>
    </message>
    <message>
        <source>refused scans: {scans}</source>
        <translation>pindaian ditolak: {scans}</translation>
    </message>
    <message>
        <source>packed anyway — {summary}</source>
        <translation>tetap dikemas — {summary}</translation>
    </message>
    <message>
        <source>return {return_id}: {detail}</source>
        <translation>pengembalian {return_id}: {detail}</translation>
    </message>
    <message>
        <source>{sku} damaged +{quantity}</source>
        <translation>{sku} rusak +{quantity}</translation>
    </message>
    <message>
        <source>rejected ({reason}): {comment}</source>
        <translation>ditolak ({reason}): {comment}</translation>
    </message>
    <message>
        <source>rejected ({reason})</source>
        <translation>ditolak ({reason})</translation>
    </message>
    <message>
        <source>approved ({decision})</source>
        <translation>disetujui ({decision})</translation>
    </message>
    <message>
        <source>partial refund of Rp{amount} offered</source>
        <translation>pengembalian dana sebagian Rp{amount} ditawarkan</translation>
    </message>
    <message>
        <source>received package approved; {detail}</source>
        <translation>paket yang diterima disetujui; {detail}</translation>
    </message>
</context>
<context>
    <name>InventoryModel</name>
    <message>
        <source>Accepted</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Waiting to push</source>
        <translation>Menunggu diperbarui</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Not mapped</source>
        <translation>Belum dipetakan</translation>
    </message>
    <message>
        <source>Not counted: nothing is pushed</source>
        <translation>Belum dihitung: stok tidak diperbarui</translation>
    </message>
    <message>
        <source>Taken from the marketplace</source>
        <translation>Dari stok marketplace</translation>
    </message>
    <message>
        <source>Seller SKU</source>
        <translation>SKU penjual</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Marketplace SKU</source>
        <translation>SKU marketplace</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Stok fisik</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Dipesan</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Tersedia</translation>
    </message>
    <message>
        <source>Last pushed</source>
        <translation>Stok diperbarui</translation>
    </message>
    <message>
        <source>Pushed at</source>
        <translation>Diperbarui pada</translation>
    </message>
    <message>
        <source>Marketplace stock</source>
        <translation>Stok marketplace</translation>
    </message>
    <message>
        <source>Push status</source>
        <translation>Status pembaruan</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>belum dihitung</translation>
    </message>
    <message>
        <source>Nobody counted this SKU yet, so TokoDesk pushes nothing for it. Type the count (double-click), import a CSV of counts, or use the marketplace&apos;s current stock as the count.</source>
        <translation>SKU ini belum pernah dihitung, jadi TokoDesk tidak memperbarui stoknya. Ketik jumlahnya (klik dua kali), impor CSV jumlah stok, atau pakai stok marketplace saat ini sebagai jumlahnya.</translation>
    </message>
    <message>
        <source>More was shipped than was counted on the shelf: count this SKU and enter the number (double-click or F2).</source>
        <translation>Lebih banyak yang dikirim daripada yang dihitung di rak: hitung SKU ini dan masukkan jumlahnya (klik dua kali atau F2).</translation>
    </message>
</context>
<context>
    <name>InventoryTab</name>
    <message>
        <source>A stock push failed</source>
        <translation>Perbarui stok gagal</translation>
    </message>
    <message>
        <source>A sale not pulled yet</source>
        <translation>Penjualan belum ditarik</translation>
    </message>
    <message>
        <source>Stock edited in Seller Center</source>
        <translation>Stok diubah di Seller Center</translation>
    </message>
    <message>
        <source>SKU not mapped</source>
        <translation>SKU belum dipetakan</translation>
    </message>
    <message>
        <source>Not found on the marketplace</source>
        <translation>Tidak ditemukan di marketplace</translation>
    </message>
    <message>
        <source>Not pushed yet</source>
        <translation>Belum diperbarui</translation>
    </message>
    <message>
        <source>Not counted yet</source>
        <translation>Belum dihitung</translation>
    </message>
    <message>
        <source>Price differs (figures in Rp)</source>
        <translation>Harga berbeda (angka dalam Rp)</translation>
    </message>
    <message>
        <source>Search SKU or product name</source>
        <translation>Cari SKU atau nama produk</translation>
    </message>
    <message>
        <source>Use marketplace stock</source>
        <translation>Pakai stok marketplace</translation>
    </message>
    <message>
        <source>Take what the marketplace shows now (plus what open orders hold) as the count of every SKU nobody counted yet; the next push then changes nothing on the marketplace.</source>
        <translation>Pakai stok yang tampil di marketplace sekarang (ditambah yang ditahan pesanan terbuka) sebagai jumlah setiap SKU yang belum dihitung; perbarui stok berikutnya tidak mengubah apa pun di marketplace.</translation>
    </message>
    <message>
        <source>Import counts…</source>
        <translation>Impor jumlah stok…</translation>
    </message>
    <message>
        <source>A CSV file with seller_sku,on_hand on each line. A file with a bad line is not imported at all; every bad line is listed.</source>
        <translation>File CSV berisi seller_sku,on_hand di setiap baris. File dengan baris yang salah tidak diimpor sama sekali; setiap baris yang salah disebutkan.</translation>
    </message>
    <message>
        <source>Push stock now</source>
        <translation>Perbarui stok sekarang</translation>
    </message>
    <message>
        <source>Reconcile now</source>
        <translation>Rekonsiliasi sekarang</translation>
    </message>
    <message>
        <source>Latest reconciliation</source>
        <translation>Rekonsiliasi terakhir</translation>
    </message>
    <message>
        <source>No reconciliation yet.</source>
        <translation>Belum ada rekonsiliasi.</translation>
    </message>
    <message>
        <source>Fix mismatches</source>
        <translation>Perbaiki selisih</translation>
    </message>
    <message>
        <source>Push the expected stock for every mismatch that can be fixed</source>
        <translation>Perbarui stok ke angka seharusnya untuk setiap selisih yang bisa diperbaiki</translation>
    </message>
    <message>
        <source>Marketplace SKU</source>
        <translation>SKU marketplace</translation>
    </message>
    <message>
        <source>Seller SKU</source>
        <translation>SKU penjual</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marketplace</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Seharusnya</translation>
    </message>
    <message>
        <source>Likely cause</source>
        <translation>Kemungkinan penyebab</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Diperbaiki</translation>
    </message>
    <message>
        <source>Take the marketplace&apos;s price</source>
        <translation>Pakai harga marketplace</translation>
    </message>
    <message>
        <source>The selected SKU&apos;s price in TokoDesk becomes the marketplace&apos;s; nothing is sent</source>
        <translation>Harga SKU yang dipilih di TokoDesk diganti dengan harga marketplace; marketplace tidak diubah</translation>
    </message>
    <message>
        <source>Push mine</source>
        <translation>Perbarui dengan harga saya</translation>
    </message>
    <message>
        <source>Keep TokoDesk&apos;s price for the selected SKU: it is kept as a change and sent with the next catalogue push (SKU mapping tab)</source>
        <translation>Pertahankan harga TokoDesk untuk SKU yang dipilih: disimpan sebagai perubahan dan diperbarui di marketplace pada pembaruan katalog berikutnya (tab pemetaan SKU)</translation>
    </message>
    <message>
        <source>{0}: TokoDesk&apos;s price is now the marketplace&apos;s; nothing was sent</source>
        <translation>{0}: harga TokoDesk sekarang sama dengan harga marketplace; marketplace tidak diubah</translation>
    </message>
    <message>
        <source>{0}: TokoDesk&apos;s price is kept; Push changes… in the SKU mapping tab sends it</source>
        <translation>{0}: harga TokoDesk dipertahankan; Perbarui di marketplace… di tab pemetaan SKU akan memperbaruinya</translation>
    </message>
    <message>
        <source>Settling a price difference</source>
        <translation>Menyelesaikan selisih harga</translation>
    </message>
    <message>
        <source>Use marketplace stock ({0} not counted)</source>
        <translation>Pakai stok marketplace ({0} belum dihitung)</translation>
    </message>
    <message>
        <source>No stock yet: map SKUs in the SKU mapping tab (or pull products), then type the counts in the On hand column.</source>
        <translation>Belum ada stok: petakan SKU di tab Pemetaan SKU (atau tarik produk), lalu ketik jumlahnya di kolom Stok fisik.</translation>
    </message>
    <message>
        <source>Available = on hand − reserved − buffer; double-click On hand to change the count. {0} rows.</source>
        <translation>Tersedia = stok fisik − dipesan − cadangan; klik dua kali Stok fisik untuk mengubah jumlahnya. {0} baris.</translation>
    </message>
    <message>
        <source>{0} SKUs are not counted yet: nothing is pushed for them.</source>
        <translation>{0} SKU belum dihitung: stoknya tidak diperbarui di marketplace.</translation>
    </message>
    <message>
        <source>Loading stock</source>
        <translation>Memuat stok</translation>
    </message>
    <message>
        <source>Run “Reconcile now” first; its mismatches can then be fixed here.</source>
        <translation>Jalankan “Rekonsiliasi sekarang” dulu; selisihnya bisa diperbaiki di sini.</translation>
    </message>
    <message>
        <source>{0}: {1} SKUs checked, {2} mismatches, {3} fixed.</source>
        <translation>{0}: {1} SKU diperiksa, {2} selisih, {3} diperbaiki.</translation>
    </message>
    <message>
        <source>{0} not counted yet.</source>
        <translation>{0} belum dihitung.</translation>
    </message>
    <message>
        <source>product {0}</source>
        <translation>produk {0}</translation>
    </message>
    <message>
        <source>(not mapped)</source>
        <translation>(belum dipetakan)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>Map it first</source>
        <translation>Petakan dulu</translation>
    </message>
    <message>
        <source>Not on the marketplace</source>
        <translation>Tidak ada di marketplace</translation>
    </message>
    <message>
        <source>Count it first</source>
        <translation>Hitung dulu</translation>
    </message>
    <message>
        <source>The mismatches left are products without a seller SKU (map them in the SKU mapping tab) or not found on the marketplace: a stock push cannot fix them.</source>
        <translation>Selisih yang tersisa adalah produk tanpa SKU penjual (petakan di tab Pemetaan SKU) atau tidak ada di marketplace: perbarui stok tidak bisa memperbaikinya.</translation>
    </message>
    <message>
        <source>Nothing to fix: every mismatch of this report is fixed.</source>
        <translation>Tidak ada yang perlu diperbaiki: semua selisih di laporan ini sudah diperbaiki.</translation>
    </message>
    <message>
        <source>{0}: on hand set to {1}</source>
        <translation>{0}: stok fisik diatur ke {1}</translation>
    </message>
    <message>
        <source>Saving the stock count</source>
        <translation>Menyimpan jumlah stok</translation>
    </message>
    <message>
        <source>{0}: barcode {1}</source>
        <translation>{0}: barcode {1}</translation>
    </message>
    <message>
        <source>{0}: barcode removed</source>
        <translation>{0}: barcode dihapus</translation>
    </message>
    <message>
        <source>Saving the barcode</source>
        <translation>Menyimpan barcode</translation>
    </message>
    <message>
        <source>{0} SKUs taken from the marketplace; {1} could not be and stay not counted.</source>
        <translation>{0} SKU diambil dari marketplace; {1} tidak bisa dan tetap belum dihitung.</translation>
    </message>
    <message>
        <source>Reading the marketplace&apos;s stock</source>
        <translation>Membaca stok marketplace</translation>
    </message>
    <message>
        <source>Import stock counts</source>
        <translation>Impor jumlah stok</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>File CSV (*.csv *.txt);;Semua file (*)</translation>
    </message>
    <message>
        <source>{0} bad lines in the file: nothing was imported. Fix them and import again.</source>
        <translation>{0} baris salah di file: tidak ada yang diimpor. Perbaiki lalu impor lagi.</translation>
    </message>
    <message>
        <source>{0} counts imported: {1} updated, {2} new SKUs, {3} unchanged.</source>
        <translation>{0} jumlah stok diimpor: {1} diperbarui, {2} SKU baru, {3} tidak berubah.</translation>
    </message>
    <message>
        <source>Importing stock counts</source>
        <translation>Mengimpor jumlah stok</translation>
    </message>
    <message>
        <source>{0} SKUs left out: never counted, so nothing is pushed for them. Count them, or use the marketplace&apos;s stock.</source>
        <translation>{0} SKU dilewati: belum pernah dihitung, jadi stoknya tidak diperbarui. Hitung, atau pakai stok marketplace.</translation>
    </message>
    <message>
        <source>Finished with {0} problem(s).</source>
        <translation>Selesai dengan {0} masalah.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>SKU mapping</source>
        <translation>Pemetaan SKU</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Stok</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Pengembalian</translation>
    </message>
    <message>
        <source>Shop:</source>
        <translation>Toko:</translation>
    </message>
    <message>
        <source>Add channel…</source>
        <translation>Tambah channel…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>Buka folder data</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Pengaturan</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Ikuti sistem</translation>
    </message>
    <message>
        <source>Packing video…</source>
        <translation>Video pengemasan…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
    <message>
        <source>About TokoDesk</source>
        <translation>Tentang TokoDesk</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Tidak ada proses</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Stop the running sync after the current request</source>
        <translation>Hentikan sinkronisasi setelah permintaan yang sedang berjalan</translation>
    </message>
    <message>
        <source> (+{0} waiting)</source>
        <translation> (+{0} menunggu)</translation>
    </message>
    <message>
        <source>(cancelling…)</source>
        <translation>(membatalkan…)</translation>
    </message>
    <message>
        <source>No channel yet</source>
        <translation>Belum ada channel</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>Penghasilan</translation>
    </message>
    <message>
        <source>Saving the language</source>
        <translation>Menyimpan bahasa</translation>
    </message>
    <message>
        <source>TokoDesk</source>
        <translation>TokoDesk</translation>
    </message>
    <message>
        <source> — demo shop</source>
        <translation> — toko demo</translation>
    </message>
    <message>
        <source>TokoDesk {0}
Orders, labels and stock for Tokopedia &amp; Shop sellers, on your own PC.
Data folder: {1}</source>
        <translation>TokoDesk {0}
Pesanan, label, dan stok untuk penjual Tokopedia &amp; Shop, di PC Anda sendiri.
Folder data: {1}</translation>
    </message>
</context>
<context>
    <name>MappingModel</name>
    <message>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <source>pending review</source>
        <translation>menunggu peninjauan</translation>
    </message>
    <message>
        <source>banned</source>
        <translation>diblokir</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>dihapus</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draf</translation>
    </message>
    <message>
        <source>Product ID</source>
        <translation>ID produk</translation>
    </message>
    <message>
        <source>Marketplace SKU</source>
        <translation>SKU marketplace</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Seller SKU</source>
        <translation>SKU penjual</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <source>Marketplace stock</source>
        <translation>Stok marketplace</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>— unmapped —</source>
        <translation>— belum dipetakan —</translation>
    </message>
    <message>
        <source>Double-click to edit</source>
        <translation>Klik dua kali untuk mengubah</translation>
    </message>
</context>
<context>
    <name>MappingTab</name>
    <message>
        <source>Search product ID, SKU, name or seller SKU</source>
        <translation>Cari ID produk, SKU, nama, atau SKU penjual</translation>
    </message>
    <message>
        <source>Unmapped only</source>
        <translation>Hanya yang belum dipetakan</translation>
    </message>
    <message>
        <source>Create seller SKUs that do not exist yet</source>
        <translation>Buat SKU penjual yang belum ada</translation>
    </message>
    <message>
        <source>Auto-map</source>
        <translation>Petakan otomatis</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Impor CSV…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <source>No channel yet: add one, then its products appear here after the SKU pull.</source>
        <translation>Belum ada channel: tambahkan satu, lalu produknya tampil di sini setelah tarik SKU.</translation>
    </message>
    <message>
        <source>{0} marketplace SKUs, {1} unmapped</source>
        <translation>{0} SKU marketplace, {1} belum dipetakan</translation>
    </message>
    <message>
        <source>No products pulled yet: Channel tab → Products (SKU pull) → Sync now.</source>
        <translation>Belum ada produk yang ditarik: tab Channel → Produk (tarik SKU) → Sinkronkan.</translation>
    </message>
    <message>
        <source>Loading the mappings</source>
        <translation>Memuat pemetaan</translation>
    </message>
    <message>
        <source>Saving the mapping</source>
        <translation>Menyimpan pemetaan</translation>
    </message>
    <message>
        <source>Auto-map: {0} SKUs mapped</source>
        <translation>Petakan otomatis: {0} SKU dipetakan</translation>
    </message>
    <message>
        <source>Auto-mapping SKUs</source>
        <translation>Memetakan SKU otomatis</translation>
    </message>
    <message>
        <source>Import mappings</source>
        <translation>Impor pemetaan</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Imported {0} rows: {1} mapped, {2} unmapped, {3} unchanged.</source>
        <translation>{0} baris diimpor: {1} dipetakan, {2} tanpa pemetaan, {3} tidak berubah.</translation>
    </message>
    <message>
        <source>{0} rows skipped.</source>
        <translation>{0} baris dilewati.</translation>
    </message>
    <message>
        <source>Importing mappings</source>
        <translation>Mengimpor pemetaan</translation>
    </message>
    <message>
        <source>Export mappings</source>
        <translation>Ekspor pemetaan</translation>
    </message>
    <message>
        <source>Exporting mappings</source>
        <translation>Mengekspor pemetaan</translation>
    </message>
    <message>
        <source>{0} mappings written to {1}</source>
        <translation>{0} pemetaan ditulis ke {1}</translation>
    </message>
</context>
<context>
    <name>Marketplace</name>
    <message>
        <source>The marketplace&apos;s answer to &apos;{what}&apos; is larger than {size}; TokoDesk did not read it. Try again later; if it keeps happening, the channel&apos;s API address may point at the wrong server.</source>
        <translation>Jawaban marketplace untuk &apos;{what}&apos; lebih besar dari {size}; TokoDesk tidak membacanya. Coba lagi nanti; jika terus terjadi, alamat API channel mungkin mengarah ke server yang salah.</translation>
    </message>
    <message>
        <source>The marketplace&apos;s answer to &apos;{what}&apos; is nested more than {depth} levels deep, which no real answer is; TokoDesk did not read it. Try again later.</source>
        <translation>Jawaban marketplace untuk &apos;{what}&apos; bersarang lebih dari {depth} tingkat, padahal tidak ada jawaban asli yang begitu; TokoDesk tidak membacanya. Coba lagi nanti.</translation>
    </message>
    <message>
        <source>{reason} (code {code})</source>
        <translation>{reason} (kode {code})</translation>
    </message>
    <message>
        <source>Tokopedia sent page {page} of the orders created {first} – {last} with nothing new (a repeated page): the pull of that window stopped there and reads it again next time</source>
        <translation>Tokopedia mengirim halaman {page} dari pesanan yang dibuat {first} – {last} tanpa isi baru (halaman berulang): penarikan rentang waktu itu berhenti di sana dan membacanya lagi lain kali</translation>
    </message>
    <message>
        <source>{what} must be a number, not {value!r}</source>
        <translation>{what} harus berupa angka, bukan {value!r}</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>ID pesanan</translation>
    </message>
    <message>
        <source>Shop ID</source>
        <translation>Shop ID</translation>
    </message>
    <message>
        <source>read shop info</source>
        <translation>membaca info toko</translation>
    </message>
    <message>
        <source>read products</source>
        <translation>membaca produk</translation>
    </message>
    <message>
        <source>read orders</source>
        <translation>membaca pesanan</translation>
    </message>
    <message>
        <source>read the booking codes of the shop&apos;s orders</source>
        <translation>membaca kode booking pesanan toko</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>Shop {shop} is not linked to your FS ID / app {fs_id}: check the shop ID of the channel (the linked shops are: {linked}).</source>
        <translation>Toko {shop} tidak tertaut ke FS ID / aplikasi Anda {fs_id}: periksa Shop ID channel (toko yang tertaut: {linked}).</translation>
    </message>
    <message>
        <source>Tokopedia sent the product list in an unexpected form</source>
        <translation>Tokopedia mengirim daftar produk dalam bentuk yang tidak terduga</translation>
    </message>
    <message>
        <source>Tokopedia sent the order list in an unexpected form</source>
        <translation>Tokopedia mengirim daftar pesanan dalam bentuk yang tidak terduga</translation>
    </message>
    <message>
        <source>read order {order}</source>
        <translation>membaca pesanan {order}</translation>
    </message>
    <message>
        <source>Tokopedia has no order {order}</source>
        <translation>Tokopedia tidak punya pesanan {order}</translation>
    </message>
    <message>
        <source>Tokopedia sent order {order} in a form TokoDesk cannot read: {reason}</source>
        <translation>Tokopedia mengirim pesanan {order} dalam bentuk yang tidak bisa dibaca TokoDesk: {reason}</translation>
    </message>
    <message>
        <source>accept order {order}</source>
        <translation>menerima pesanan {order}</translation>
    </message>
    <message>
        <source>reject order {order}</source>
        <translation>menolak pesanan {order}</translation>
    </message>
    <message>
        <source>Type the AWB (resi number) of your own courier before confirming the shipment.</source>
        <translation>Ketik nomor resi kurir sendiri sebelum mengonfirmasi pengiriman.</translation>
    </message>
    <message>
        <source>confirm shipping of order {order}</source>
        <translation>mengonfirmasi pengiriman pesanan {order}</translation>
    </message>
    <message>
        <source>request pick-up of order {order}</source>
        <translation>meminta pickup pesanan {order}</translation>
    </message>
    <message>
        <source>Tokopedia has not issued a booking code for order {order} yet, so the parcel cannot be dropped off. Try again in a few minutes, or request a pick-up.</source>
        <translation>Tokopedia belum menerbitkan kode booking untuk pesanan {order}, jadi paket belum bisa di-drop-off. Coba lagi beberapa menit lagi, atau minta pickup.</translation>
    </message>
    <message>
        <source>read the label of order {order}</source>
        <translation>membaca label pesanan {order}</translation>
    </message>
    <message>
        <source>Tokopedia sent no label for order {order}</source>
        <translation>Tokopedia tidak mengirim label untuk pesanan {order}</translation>
    </message>
    <message>
        <source>read the booking code of order {order}</source>
        <translation>membaca kode booking pesanan {order}</translation>
    </message>
    <message>
        <source>Tokopedia refused the request as malformed</source>
        <translation>Tokopedia menolak permintaan karena formatnya salah</translation>
    </message>
    <message>
        <source>Tokopedia refused access</source>
        <translation>Tokopedia menolak akses</translation>
    </message>
    <message>
        <source>Tokopedia does not know this address (check the channel&apos;s API address)</source>
        <translation>Tokopedia tidak mengenal alamat ini (periksa alamat API channel)</translation>
    </message>
    <message>
        <source>Tokopedia is limiting requests; try again in a minute</source>
        <translation>Tokopedia sedang membatasi permintaan; coba lagi satu menit lagi</translation>
    </message>
    <message>
        <source>Tokopedia&apos;s server had an error; try again later</source>
        <translation>Server Tokopedia sedang gangguan; coba lagi nanti</translation>
    </message>
    <message>
        <source>Tokopedia&apos;s server had an error (HTTP {status}); try again later</source>
        <translation>Server Tokopedia sedang gangguan (HTTP {status}); coba lagi nanti</translation>
    </message>
    <message>
        <source>Tokopedia answered HTTP {status}</source>
        <translation>Tokopedia menjawab HTTP {status}</translation>
    </message>
    <message>
        <source>Tokopedia answered with something that is not JSON</source>
        <translation>Tokopedia menjawab dengan sesuatu yang bukan JSON</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>tidak ada jawaban tepat waktu</translation>
    </message>
    <message>
        <source>the host name could not be found</source>
        <translation>nama host tidak ditemukan</translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation>koneksi ditolak</translation>
    </message>
    <message>
        <source>the connection was dropped</source>
        <translation>koneksi terputus</translation>
    </message>
    <message>
        <source>{error} Whether &apos;{action}&apos; was done is unknown: the order is read again before anything is repeated.</source>
        <translation>{error} Belum diketahui apakah &apos;{action}&apos; sudah terlaksana: pesanan dibaca ulang sebelum apa pun diulang.</translation>
    </message>
    <message>
        <source>No client secret is stored for channel &apos;{channel}&apos;. Enter it again in the channel settings (Tokopedia Developer Console, App: client secret).</source>
        <translation>Tidak ada client secret yang tersimpan untuk channel &apos;{channel}&apos;. Masukkan lagi di pengaturan channel (Tokopedia Developer Console, App: client secret).</translation>
    </message>
    <message>
        <source>The sign-in address &apos;{address}&apos; is not a valid URL: fix the channel&apos;s auth URL.</source>
        <translation>Alamat masuk &apos;{address}&apos; bukan URL yang valid: perbaiki auth URL channel.</translation>
    </message>
    <message>
        <source>Tokopedia did not accept the client ID or client secret (wrong client ID or secret). Copy both again from the Tokopedia Developer Console.</source>
        <translation>Tokopedia tidak menerima client ID atau client secret (client ID atau secret salah). Salin keduanya lagi dari Tokopedia Developer Console.</translation>
    </message>
    <message>
        <source>Tokopedia&apos;s sign-in service is unavailable; try again later</source>
        <translation>Layanan masuk Tokopedia sedang tidak tersedia; coba lagi nanti</translation>
    </message>
    <message>
        <source>Tokopedia&apos;s sign-in service gave no access token</source>
        <translation>Layanan masuk Tokopedia tidak memberi token akses</translation>
    </message>
    <message>
        <source>Cannot reach Tokopedia at {host}: {cause}. Check the internet connection (or the channel&apos;s API address) and try again.</source>
        <translation>Tokopedia di {host} tidak bisa dihubungi: {cause}. Periksa koneksi internet (atau alamat API channel) lalu coba lagi.</translation>
    </message>
    <message>
        <source>The API address &apos;{address}&apos; is not a valid URL: fix the channel&apos;s API address.</source>
        <translation>Alamat API &apos;{address}&apos; bukan URL yang valid: perbaiki alamat API channel.</translation>
    </message>
    <message>
        <source>The answer to &apos;{action}&apos; was lost ({cause}). Tokopedia may or may not have done it: the order is read again before anything is repeated.</source>
        <translation>Jawaban untuk &apos;{action}&apos; hilang ({cause}). Tokopedia mungkin sudah atau belum melakukannya: pesanan dibaca ulang sebelum apa pun diulang.</translation>
    </message>
    <message>
        <source>Tokopedia: credentials rejected, even with a fresh token. Check the client ID and client secret of this channel.</source>
        <translation>Tokopedia: kredensial ditolak, bahkan dengan token baru. Periksa client ID dan client secret channel ini.</translation>
    </message>
    <message>
        <source>This shop is not linked to your FS ID / app: check the shop ID and FS ID of the channel, or ask Tokopedia to link the shop to your app.</source>
        <translation>Toko ini tidak tertaut ke FS ID / aplikasi Anda: periksa Shop ID dan FS ID channel, atau minta Tokopedia menautkan toko ke aplikasi Anda.</translation>
    </message>
    <message>
        <source>The shop owner has not granted this app permission: ask the owner to approve the app in Tokopedia Seller, then try again.</source>
        <translation>Pemilik toko belum memberi izin kepada aplikasi ini: minta pemilik menyetujui aplikasi di Tokopedia Seller, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Tokopedia refused access: {reason}</source>
        <translation>Tokopedia menolak akses: {reason}</translation>
    </message>
    <message>
        <source>Tokopedia failed while doing &apos;{action}&apos; ({reason}). It may or may not have been done: the order is read again before anything is repeated.</source>
        <translation>Tokopedia gagal saat &apos;{action}&apos; ({reason}). Mungkin sudah atau belum terlaksana: pesanan dibaca ulang sebelum apa pun diulang.</translation>
    </message>
    <message>
        <source>The channel has no service id. Copy the Service ID from the app&apos;s page in Partner Center.</source>
        <translation>Channel ini belum punya Service ID. Salin Service ID dari halaman aplikasi di Partner Center.</translation>
    </message>
    <message>
        <source>Paste the address the browser showed after you accepted, or the code from it.</source>
        <translation>Tempel alamat yang ditampilkan browser setelah Anda menyetujui, atau kode dari alamat itu.</translation>
    </message>
    <message>
        <source>The authorization was refused on the Tokopedia &amp; Shop page ({error}). Open the link again and accept to link the shop.</source>
        <translation>Otorisasi ditolak di halaman Tokopedia &amp; Shop ({error}). Buka tautannya lagi dan setujui untuk menautkan toko.</translation>
    </message>
    <message>
        <source>The pasted address has no authorization code. Paste the whole address the browser showed after you accepted (it contains &apos;code=&apos;).</source>
        <translation>Alamat yang ditempel tidak berisi kode otorisasi. Tempel seluruh alamat yang ditampilkan browser setelah Anda menyetujui (berisi &apos;code=&apos;).</translation>
    </message>
    <message>
        <source>That does not look like an authorization code. Paste the whole redirect address instead.</source>
        <translation>Itu tidak tampak seperti kode otorisasi. Tempel seluruh alamat pengalihan sebagai gantinya.</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop answered the token request without a usable access token. Authorize again.</source>
        <translation>Tokopedia &amp; Shop menjawab permintaan token tanpa token akses yang bisa dipakai. Otorisasi lagi.</translation>
    </message>
    <message>
        <source>The Tokopedia &amp; Shop authorization server could not be reached ({cause}). Check the internet connection and try again.</source>
        <translation>Server otorisasi Tokopedia &amp; Shop tidak bisa dihubungi ({cause}). Periksa koneksi internet lalu coba lagi.</translation>
    </message>
    <message>
        <source>The Tokopedia &amp; Shop authorization server answered HTTP {status} without a readable body. Try again later.</source>
        <translation>Server otorisasi Tokopedia &amp; Shop menjawab HTTP {status} tanpa isi yang bisa dibaca. Coba lagi nanti.</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop refused to renew the access ({message}). Authorize the shop again.</source>
        <translation>Tokopedia &amp; Shop menolak memperpanjang akses ({message}). Otorisasi toko lagi.</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop answered the token request without data. Authorize again.</source>
        <translation>Tokopedia &amp; Shop menjawab permintaan token tanpa data. Otorisasi lagi.</translation>
    </message>
    <message>
        <source>The channel &apos;{channel}&apos; is not authorized yet. Authorize the shop first.</source>
        <translation>Channel &apos;{channel}&apos; belum diotorisasi. Otorisasi toko terlebih dahulu.</translation>
    </message>
    <message>
        <source>The shop&apos;s authorization for &apos;{channel}&apos; has ended. Authorize the shop again.</source>
        <translation>Otorisasi toko untuk &apos;{channel}&apos; sudah berakhir. Otorisasi toko lagi.</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop did not answer when TokoDesk renewed the access of &apos;{channel}&apos;, and now refuses the refresh token it had (it was used up by that unanswered request). Authorize the shop again.</source>
        <translation>Tokopedia &amp; Shop tidak menjawab saat TokoDesk memperpanjang akses &apos;{channel}&apos;, dan kini menolak refresh token yang dimilikinya (sudah terpakai oleh permintaan yang tidak terjawab itu). Otorisasi toko lagi.</translation>
    </message>
    <message>
        <source>The channel &apos;{channel}&apos; is not authorized yet. Run `tokodesk channel authorize {channel}` and follow the link.</source>
        <translation>Channel &apos;{channel}&apos; belum diotorisasi. Jalankan `tokodesk channel authorize {channel}` lalu ikuti tautannya.</translation>
    </message>
    <message>
        <source>The Tokopedia &amp; Shop access has expired. Authorize the shop again.</source>
        <translation>Akses Tokopedia &amp; Shop sudah kedaluwarsa. Otorisasi toko lagi.</translation>
    </message>
    <message>
        <source>cancellation requests</source>
        <translation>permintaan pembatalan</translation>
    </message>
    <message>
        <source>reject reasons</source>
        <translation>alasan penolakan</translation>
    </message>
    <message>
        <source>approve cancellation</source>
        <translation>menyetujui pembatalan</translation>
    </message>
    <message>
        <source>reject cancellation</source>
        <translation>menolak pembatalan</translation>
    </message>
    <message>
        <source>Order {order} cannot be cancelled by the seller in status {status}. If the buyer asked to cancel, answer the buyer&apos;s request instead.</source>
        <translation>Pesanan {order} tidak bisa dibatalkan oleh penjual dalam status {status}. Jika pembeli meminta pembatalan, jawab permintaan pembeli itu.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <source>The reason &apos;{reason}&apos; is not allowed for an order in status {status}; choose one of: {allowed}.</source>
        <translation>Alasan &apos;{reason}&apos; tidak diizinkan untuk pesanan dalam status {status}; pilih salah satu: {allowed}.</translation>
    </message>
    <message>
        <source>cancel order {order}</source>
        <translation>membatalkan pesanan {order}</translation>
    </message>
    <message>
        <source>The reason &apos;{reason}&apos; is not offered for this cancellation request; choose one of: {allowed}.</source>
        <translation>Alasan &apos;{reason}&apos; tidak tersedia untuk permintaan pembatalan ini; pilih salah satu: {allowed}.</translation>
    </message>
    <message>
        <source>the product of this SKU is not known: pull the products again</source>
        <translation>produk dari SKU ini tidak dikenal: tarik produk lagi</translation>
    </message>
    <message>
        <source>not sent: the push was cancelled</source>
        <translation>tidak dikirim: pembaruan dibatalkan</translation>
    </message>
    <message>
        <source>price update</source>
        <translation>perbarui harga</translation>
    </message>
    <message>
        <source>activate products</source>
        <translation>mengaktifkan produk</translation>
    </message>
    <message>
        <source>deactivate products</source>
        <translation>menonaktifkan produk</translation>
    </message>
    <message>
        <source>neither on nor off was asked</source>
        <translation>tidak diminta aktif maupun nonaktif</translation>
    </message>
    <message>
        <source>authorized shops</source>
        <translation>toko yang diotorisasi</translation>
    </message>
    <message>
        <source>warehouses</source>
        <translation>gudang</translation>
    </message>
    <message>
        <source>order search</source>
        <translation>pencarian pesanan</translation>
    </message>
    <message>
        <source>order detail</source>
        <translation>rincian pesanan</translation>
    </message>
    <message>
        <source>Order {order} was not found on Tokopedia &amp; Shop.</source>
        <translation>Pesanan {order} tidak ditemukan di Tokopedia &amp; Shop.</translation>
    </message>
    <message>
        <source>The channel has no app key. Copy the App key from the app&apos;s page in Partner Center.</source>
        <translation>Channel ini belum punya App key. Salin App key dari halaman aplikasi di Partner Center.</translation>
    </message>
    <message>
        <source>No app secret is stored for channel &apos;{channel}&apos;. Add it again with `tokodesk channel add {channel} --marketplace tiktokshop ... --app-secret-stdin`.</source>
        <translation>Tidak ada app secret yang tersimpan untuk channel &apos;{channel}&apos;. Tambahkan lagi dengan `tokodesk channel add {channel} --marketplace tiktokshop ... --app-secret-stdin`.</translation>
    </message>
    <message>
        <source>The authorization covers {shops} shops; pick one for channel &apos;{channel}&apos;.</source>
        <translation>Otorisasi ini mencakup {shops} toko; pilih satu untuk channel &apos;{channel}&apos;.</translation>
    </message>
    <message>
        <source>The authorization no longer covers the shop chosen for channel &apos;{channel}&apos;. Authorize again and pick the shop.</source>
        <translation>Otorisasi tidak lagi mencakup toko yang dipilih untuk channel &apos;{channel}&apos;. Otorisasi lagi lalu pilih tokonya.</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop has no acknowledge step: paid orders are shipped straight from &apos;Awaiting shipment&apos; (order {order}).</source>
        <translation>Tokopedia &amp; Shop tidak punya langkah terima pesanan: pesanan yang sudah dibayar langsung dikirim dari &apos;Perlu dikirim&apos; (pesanan {order}).</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop refused the request: {message}{request}</source>
        <translation>Tokopedia &amp; Shop menolak permintaan: {message}{request}</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>tanpa alasan</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop is limiting requests. Wait a minute and try again.{request}</source>
        <translation>Tokopedia &amp; Shop sedang membatasi permintaan. Tunggu satu menit lalu coba lagi.{request}</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop had an internal error or timed out. Try again.{request}</source>
        <translation>Tokopedia &amp; Shop mengalami gangguan internal atau waktu habis. Coba lagi.{request}</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop: {message}{request}</source>
        <translation>Tokopedia &amp; Shop: {message}{request}</translation>
    </message>
    <message>
        <source>the request failed</source>
        <translation>permintaan gagal</translation>
    </message>
    <message>
        <source>statements</source>
        <translation>laporan penghasilan</translation>
    </message>
    <message>
        <source>unsettled orders</source>
        <translation>pesanan yang belum dicairkan</translation>
    </message>
    <message>
        <source>withdrawals</source>
        <translation>penarikan dana</translation>
    </message>
    <message>
        <source>transactions of statement {statement}</source>
        <translation>transaksi laporan {statement}</translation>
    </message>
    <message>
        <source>settlement of order {order}</source>
        <translation>pencairan pesanan {order}</translation>
    </message>
    <message>
        <source>hand-over time slots</source>
        <translation>jadwal serah terima</translation>
    </message>
    <message>
        <source>package status</source>
        <translation>status paket</translation>
    </message>
    <message>
        <source>tracking</source>
        <translation>pelacakan</translation>
    </message>
    <message>
        <source>ship packages</source>
        <translation>mengirim paket</translation>
    </message>
    <message>
        <source>shipping label</source>
        <translation>label pengiriman</translation>
    </message>
    <message>
        <source>ship order {order}</source>
        <translation>mengirim pesanan {order}</translation>
    </message>
    <message>
        <source>Order {order} is on hold: the buyer may still cancel it (about an hour after payment). Do not ship it yet; it becomes shippable when its status turns to Awaiting shipment.</source>
        <translation>Pesanan {order} ditahan: pembeli masih bisa membatalkannya (sekitar satu jam setelah pembayaran). Jangan kirim dulu; pesanan bisa dikirim setelah statusnya menjadi Perlu dikirim.</translation>
    </message>
    <message>
        <source>Order {order} is not paid yet; it cannot be shipped.</source>
        <translation>Pesanan {order} belum dibayar; pesanan belum bisa dikirim.</translation>
    </message>
    <message>
        <source>Order {order} has been cancelled; do not ship it.</source>
        <translation>Pesanan {order} sudah dibatalkan; jangan dikirim.</translation>
    </message>
    <message>
        <source>Order {order} is fulfilled by the platform&apos;s warehouse; the seller does not ship it.</source>
        <translation>Pesanan {order} dipenuhi oleh gudang platform; penjual tidak mengirimnya.</translation>
    </message>
    <message>
        <source>Order {order} ships with the marketplace&apos;s courier; an own-courier AWB is not accepted. Ship it without an AWB.</source>
        <translation>Pesanan {order} dikirim dengan kurir marketplace; resi kurir sendiri tidak diterima. Kirim tanpa resi.</translation>
    </message>
    <message>
        <source>Order {order} is shipped by the seller&apos;s own courier: enter its AWB.</source>
        <translation>Pesanan {order} dikirim dengan kurir sendiri milik penjual: masukkan nomor resinya.</translation>
    </message>
    <message>
        <source>Order {order} has no package yet. Refresh the order in a minute and try again.</source>
        <translation>Pesanan {order} belum punya paket. Muat ulang pesanan satu menit lagi lalu coba lagi.</translation>
    </message>
    <message>
        <source>The marketplace gave no label link for this package. Try again in a minute.</source>
        <translation>Marketplace tidak memberi tautan label untuk paket ini. Coba lagi satu menit lagi.</translation>
    </message>
    <message>
        <source>The label the marketplace returned is not a PDF. Try again in a minute.</source>
        <translation>Label dari marketplace bukan PDF. Coba lagi satu menit lagi.</translation>
    </message>
    <message>
        <source>combinable packages</source>
        <translation>paket yang bisa digabungkan</translation>
    </message>
    <message>
        <source>combine packages</source>
        <translation>menggabungkan paket</translation>
    </message>
    <message>
        <source>uncombine package</source>
        <translation>memisahkan paket</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop did not combine the packages. Refresh the orders and try again.</source>
        <translation>Tokopedia &amp; Shop tidak menggabungkan paket. Muat ulang pesanan lalu coba lagi.</translation>
    </message>
    <message>
        <source>products</source>
        <translation>produk</translation>
    </message>
    <message>
        <source>inventory</source>
        <translation>stok</translation>
    </message>
    <message>
        <source>stock update</source>
        <translation>perbarui stok</translation>
    </message>
    <message>
        <source>A stock quantity cannot be negative.</source>
        <translation>Jumlah stok tidak boleh negatif.</translation>
    </message>
    <message>
        <source>SKU {sku} is not known to the marketplace any more. Pull the products again.</source>
        <translation>SKU {sku} tidak lagi dikenal marketplace. Tarik produk lagi.</translation>
    </message>
    <message>
        <source>Cancelled before it was sent.</source>
        <translation>Dibatalkan sebelum dikirim.</translation>
    </message>
    <message>
        <source>returns</source>
        <translation>pengembalian</translation>
    </message>
    <message>
        <source>return records</source>
        <translation>riwayat pengembalian</translation>
    </message>
    <message>
        <source>return reject reasons</source>
        <translation>alasan penolakan pengembalian</translation>
    </message>
    <message>
        <source>approve return {return_id}</source>
        <translation>menyetujui pengembalian {return_id}</translation>
    </message>
    <message>
        <source>upload photo {name}</source>
        <translation>mengunggah foto {name}</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop accepted the photo {name} but named no uri for it; try again</source>
        <translation>Tokopedia &amp; Shop menerima foto {name} tetapi tidak memberi uri untuknya; coba lagi</translation>
    </message>
    <message>
        <source>reject return {return_id}</source>
        <translation>menolak pengembalian {return_id}</translation>
    </message>
    <message>
        <source>calculate the refund of order {order}</source>
        <translation>menghitung pengembalian dana pesanan {order}</translation>
    </message>
    <message>
        <source>product</source>
        <translation>produk</translation>
    </message>
    <message>
        <source>seller SKU edit</source>
        <translation>ubah SKU penjual</translation>
    </message>
    <message>
        <source>a seller SKU code has 1 to {most} characters</source>
        <translation>kode SKU penjual terdiri dari 1 sampai {most} karakter</translation>
    </message>
    <message>
        <source>a seller SKU code has no spaces</source>
        <translation>kode SKU penjual tidak boleh berisi spasi</translation>
    </message>
    <message>
        <source>a seller SKU code has only printable characters</source>
        <translation>kode SKU penjual hanya boleh berisi karakter yang bisa dicetak</translation>
    </message>
    <message>
        <source>SKU {sku} has fields TokoDesk cannot send back unchanged ({fields})</source>
        <translation>SKU {sku} punya kolom yang tidak bisa dikirim balik TokoDesk tanpa berubah ({fields})</translation>
    </message>
    <message>
        <source>SKU {sku} is a virtual bundle</source>
        <translation>SKU {sku} adalah paket bundel virtual</translation>
    </message>
    <message>
        <source>SKU {sku}: the marketplace did not say its price</source>
        <translation>SKU {sku}: marketplace tidak menyebut harganya</translation>
    </message>
    <message>
        <source>SKU {sku} has backorder stock</source>
        <translation>SKU {sku} punya stok pre-order (backorder)</translation>
    </message>
    <message>
        <source>the product is {status} on the marketplace</source>
        <translation>produk berstatus {status} di marketplace</translation>
    </message>
    <message>
        <source>the product has an unfinished draft in Seller Center (an edit would merge with it): finish or delete the draft there first</source>
        <translation>produk punya draf yang belum selesai di Seller Center (perubahan akan tergabung dengannya): selesaikan atau hapus draf itu di sana dulu</translation>
    </message>
    <message>
        <source>the product is being reviewed by the marketplace: try again once the review is done</source>
        <translation>produk sedang ditinjau marketplace: coba lagi setelah peninjauan selesai</translation>
    </message>
    <message>
        <source>the marketplace returned a SKU without its id</source>
        <translation>marketplace mengembalikan SKU tanpa ID-nya</translation>
    </message>
    <message>
        <source>SKU {sku} is no longer part of this product: pull the SKUs again</source>
        <translation>SKU {sku} tidak lagi termasuk produk ini: tarik SKU lagi</translation>
    </message>
    <message>
        <source>the marketplace did not return {count} SKU(s) TokoDesk knows of this product ({skus}); an edit without them would delete them. Pull the SKUs again</source>
        <translation>marketplace tidak mengembalikan {count} SKU produk ini yang dikenal TokoDesk ({skus}); perubahan tanpa SKU itu akan menghapusnya. Tarik SKU lagi</translation>
    </message>
    <message>
        <source>the product has {count} SKUs, more than one edit takes ({most})</source>
        <translation>produk punya {count} SKU, lebih dari yang bisa diubah sekaligus ({most})</translation>
    </message>
    <message>
        <source>its code on the marketplace is now {now!r}, not {before!r}: pull the SKUs, then set the code again</source>
        <translation>kodenya di marketplace sekarang {now!r}, bukan {before!r}: tarik SKU, lalu atur kodenya lagi</translation>
    </message>
    <message>
        <source>SKU {sku} of this product already has the code {code!r}</source>
        <translation>SKU {sku} dari produk ini sudah memakai kode {code!r}</translation>
    </message>
    <message>
        <source>SKU {sku} of product {product} ({title})</source>
        <translation>SKU {sku} dari produk {product} ({title})</translation>
    </message>
    <message>
        <source>{code!r}: {why}</source>
        <translation>{code!r}: {why}</translation>
    </message>
    <message>
        <source>the code {code!r} is already used on the marketplace by {taken}: nothing was sent</source>
        <translation>kode {code!r} sudah dipakai di marketplace oleh {taken}: tidak ada yang dikirim</translation>
    </message>
    <message>
        <source>{why}; nothing was sent</source>
        <translation>{why}; tidak ada yang dikirim</translation>
    </message>
    <message>
        <source>the product changed on the marketplace while TokoDesk read it (stock, price or SKUs); nothing was sent: push again</source>
        <translation>produk berubah di marketplace saat TokoDesk membacanya (stok, harga, atau SKU); tidak ada yang dikirim: perbarui di marketplace lagi</translation>
    </message>
    <message>
        <source>accepted; the marketplace reviews the product before the new code shows to everyone</source>
        <translation>diterima; marketplace meninjau produk sebelum kode baru tampil untuk semua orang</translation>
    </message>
    <message>
        <source>file</source>
        <translation>berkas</translation>
    </message>
    <message>
        <source>No shop is chosen for this channel yet. Authorize the channel and pick the shop.</source>
        <translation>Belum ada toko yang dipilih untuk channel ini. Otorisasi channel lalu pilih tokonya.</translation>
    </message>
    <message>
        <source>{error} Whether &apos;{action}&apos; took effect is unknown: the order is re-read before anything is repeated.</source>
        <translation>{error} Belum diketahui apakah &apos;{action}&apos; sudah berlaku: pesanan dibaca ulang sebelum apa pun diulang.</translation>
    </message>
    <message>
        <source>The answer of Tokopedia &amp; Shop to &apos;{action}&apos; was lost ({cause}). Whether it took effect is unknown: the order is re-read before anything is repeated.</source>
        <translation>Jawaban Tokopedia &amp; Shop untuk &apos;{action}&apos; hilang ({cause}). Belum diketahui apakah sudah berlaku: pesanan dibaca ulang sebelum apa pun diulang.</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop could not be reached for &apos;{action}&apos; ({cause}). Check the internet connection and try again.</source>
        <translation>Tokopedia &amp; Shop tidak bisa dihubungi untuk &apos;{action}&apos; ({cause}). Periksa koneksi internet lalu coba lagi.</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop refused &apos;{action}&apos; with HTTP {status} and no readable answer.</source>
        <translation>Tokopedia &amp; Shop menolak &apos;{action}&apos; dengan HTTP {status} tanpa jawaban yang bisa dibaca.</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop answered &apos;{action}&apos; with HTTP {status} (internal error); whether it took effect is unknown: the order is re-read before anything is repeated.</source>
        <translation>Tokopedia &amp; Shop menjawab &apos;{action}&apos; dengan HTTP {status} (gangguan internal); belum diketahui apakah sudah berlaku: pesanan dibaca ulang sebelum apa pun diulang.</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop answered &apos;{action}&apos; with HTTP {status} without a readable answer; whether it took effect is unknown: the order is re-read before anything is repeated.</source>
        <translation>Tokopedia &amp; Shop menjawab &apos;{action}&apos; dengan HTTP {status} tanpa jawaban yang bisa dibaca; belum diketahui apakah sudah berlaku: pesanan dibaca ulang sebelum apa pun diulang.</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop answered &apos;{action}&apos; with HTTP {status} and no readable answer. Try again later.</source>
        <translation>Tokopedia &amp; Shop menjawab &apos;{action}&apos; dengan HTTP {status} tanpa jawaban yang bisa dibaca. Coba lagi nanti.</translation>
    </message>
    <message>
        <source>The {what} could not be downloaded ({cause}). Try again.</source>
        <translation>Gagal mengunduh {what} ({cause}). Coba lagi.</translation>
    </message>
    <message>
        <source>The {what} could not be downloaded (HTTP {status}). Try again.</source>
        <translation>Gagal mengunduh {what} (HTTP {status}). Coba lagi.</translation>
    </message>
    <message>
        <source>The {what} link was refused (HTTP {status}); it may have expired. Fetch it again.</source>
        <translation>Tautan {what} ditolak (HTTP {status}); mungkin sudah kedaluwarsa. Ambil lagi.</translation>
    </message>
    <message>
        <source>Reject reason code {code!r} is not one Tokopedia accepts ({codes}).</source>
        <translation>Kode alasan penolakan {code!r} tidak diterima Tokopedia ({codes}).</translation>
    </message>
    <message>
        <source>Write a short explanation for the buyer (reason: {reason}).</source>
        <translation>Tulis penjelasan singkat untuk pembeli (alasan: {reason}).</translation>
    </message>
    <message>
        <source>The explanation is {length} characters; Tokopedia accepts at most {most} for &apos;{reason}&apos;. Shorten it.</source>
        <translation>Penjelasannya {length} karakter; Tokopedia menerima paling banyak {most} untuk &apos;{reason}&apos;. Persingkat.</translation>
    </message>
    <message>
        <source>&apos;Shop closed&apos; needs the date the shop opens again (shop closed until).</source>
        <translation>&apos;Toko tutup&apos; butuh tanggal toko buka kembali (toko tutup sampai).</translation>
    </message>
    <message>
        <source>The shop-closed-until date {day} is in the past; pick a later day.</source>
        <translation>Tanggal toko tutup sampai {day} sudah lewat; pilih hari yang lebih akhir.</translation>
    </message>
    <message>
        <source>&apos;Shop closed&apos; needs a note for buyers (why the shop is closed).</source>
        <translation>&apos;Toko tutup&apos; butuh catatan untuk pembeli (mengapa toko tutup).</translation>
    </message>
    <message>
        <source>The shop-closed note is {length} characters; Tokopedia accepts at most {most}. Shorten it.</source>
        <translation>Catatan toko tutup {length} karakter; Tokopedia menerima paling banyak {most}. Persingkat.</translation>
    </message>
    <message>
        <source>no Tokopedia product id: pull the products again</source>
        <translation>tidak ada ID produk Tokopedia: tarik produk lagi</translation>
    </message>
    <message>
        <source>Tokopedia reported {rows} failed row(s) without naming them</source>
        <translation>Tokopedia melaporkan {rows} baris gagal tanpa menyebutkannya</translation>
    </message>
    <message>
        <source>Tokopedia&apos;s rate limit kept refusing this row; push again later</source>
        <translation>Batas permintaan Tokopedia terus menolak baris ini; perbarui di marketplace lagi nanti</translation>
    </message>
    <message>
        <source>update prices</source>
        <translation>perbarui harga</translation>
    </message>
    <message>
        <source>set products active</source>
        <translation>mengaktifkan produk</translation>
    </message>
    <message>
        <source>set products inactive</source>
        <translation>menonaktifkan produk</translation>
    </message>
    <message>
        <source>no Tokopedia product ID or SKU to address this row</source>
        <translation>tidak ada ID produk atau SKU Tokopedia untuk baris ini</translation>
    </message>
    <message>
        <source>the SKU holds characters that arrived garbled from Tokopedia; fix it in Seller Center and pull again</source>
        <translation>SKU berisi karakter yang rusak dari Tokopedia; perbaiki di Seller Center lalu tarik lagi</translation>
    </message>
    <message>
        <source>the SKU is {length} characters; Tokopedia accepts at most {most}</source>
        <translation>SKU-nya {length} karakter; Tokopedia menerima paling banyak {most}</translation>
    </message>
    <message>
        <source>update stock</source>
        <translation>perbarui stok</translation>
    </message>
    <message>
        <source>cancelled before it was sent</source>
        <translation>dibatalkan sebelum dikirim</translation>
    </message>
    <message>
        <source>Tokopedia reported {rows} failed row(s) without naming them; read the stock back to check this one</source>
        <translation>Tokopedia melaporkan {rows} baris gagal tanpa menyebutkannya; baca ulang stok untuk memeriksa baris ini</translation>
    </message>
    <message>
        <source>Tokopedia&apos;s rate limit kept refusing this row; it is sent again at the next sync</source>
        <translation>Batas permintaan Tokopedia terus menolak baris ini; baris ini dikirim lagi pada sinkronisasi berikutnya</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop handed out the same next page again for orders updated {first} – {last}: the pull of that window stopped there and reads it again next time</source>
        <translation>Tokopedia &amp; Shop memberi halaman berikutnya yang sama lagi untuk pesanan yang diperbarui {first} – {last}: penarikan rentang waktu itu berhenti di sana dan membacanya lagi lain kali</translation>
    </message>
</context>
<context>
    <name>MarketplacePage</name>
    <message>
        <source>Which marketplace?</source>
        <translation>Marketplace mana?</translation>
    </message>
    <message>
        <source>Choose how TokoDesk talks to your shop.</source>
        <translation>Pilih cara TokoDesk terhubung ke toko Anda.</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop (current)</source>
        <translation>Tokopedia &amp; Shop (saat ini)</translation>
    </message>
    <message>
        <source>For every Tokopedia shop today: orders from the Tokopedia and the Shop apps come through the Tokopedia &amp; Shop Partner Center. You need an app key, app secret and service ID from Partner Center.</source>
        <translation>Untuk semua toko Tokopedia saat ini: pesanan dari aplikasi Tokopedia dan Shop masuk lewat Partner Center Tokopedia &amp; Shop. Anda memerlukan app key, app secret, dan service ID dari Partner Center.</translation>
    </message>
    <message>
        <source>Tokopedia Open API (legacy, shut down Sep 2025)</source>
        <translation>Tokopedia Open API (lama, dimatikan Sep 2025)</translation>
    </message>
    <message>
        <source>The old Tokopedia Open API (FS ID, client ID and secret) was switched off on 30 September 2025 and no longer answers. Choose it only for TokoDesk&apos;s sandbox shop or an old test setup.</source>
        <translation>Tokopedia Open API lama (FS ID, client ID, dan secret) dimatikan pada 30 September 2025 dan tidak lagi menjawab. Pilih hanya untuk toko sandbox TokoDesk atau pengujian lama.</translation>
    </message>
    <message>
        <source>Advanced: choose the database (several packing PCs share one)</source>
        <translation>Lanjutan: pilih database (beberapa PC packing memakai satu database)</translation>
    </message>
    <message>
        <source>Checking the keyring…</source>
        <translation>Memeriksa keyring…</translation>
    </message>
    <message>
        <source>Secrets will be kept in: {0}</source>
        <translation>Rahasia akan disimpan di: {0}</translation>
    </message>
    <message>
        <source>No usable keyring, so TokoDesk cannot keep your secrets: {0}</source>
        <translation>Tidak ada keyring yang bisa dipakai, jadi TokoDesk tidak bisa menyimpan rahasia Anda: {0}</translation>
    </message>
    <message>
        <source>Checking the keyring</source>
        <translation>Memeriksa keyring</translation>
    </message>
</context>
<context>
    <name>MarketplaceStatus</name>
    <message>
        <source>Unpaid</source>
        <translation>Belum dibayar</translation>
    </message>
    <message>
        <source>On hold: the buyer may still cancel</source>
        <translation>Ditahan: pembeli masih bisa membatalkan</translation>
    </message>
    <message>
        <source>To ship</source>
        <translation>Perlu dikirim</translation>
    </message>
    <message>
        <source>Partly shipped</source>
        <translation>Sebagian dikirim</translation>
    </message>
    <message>
        <source>Waiting for the courier&apos;s pick-up</source>
        <translation>Menunggu pickup kurir</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>Dalam pengiriman</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>a status TokoDesk does not know yet (marketplace code {0})</source>
        <translation>status yang belum dikenal TokoDesk (kode marketplace {0})</translation>
    </message>
    <message>
        <source>Cancelled by the seller or automatically (processing deadline passed)</source>
        <translation>Dibatalkan penjual atau otomatis (batas waktu proses terlewati)</translation>
    </message>
    <message>
        <source>Order rejected, replaced</source>
        <translation>Pesanan ditolak, diganti</translation>
    </message>
    <message>
        <source>Order rejected, out of stock</source>
        <translation>Pesanan ditolak, stok habis</translation>
    </message>
    <message>
        <source>Order rejected, approval</source>
        <translation>Pesanan ditolak, persetujuan</translation>
    </message>
    <message>
        <source>Order cancelled: fraud</source>
        <translation>Pesanan dibatalkan: penipuan</translation>
    </message>
    <message>
        <source>Order rejected automatically: out of stock</source>
        <translation>Pesanan ditolak otomatis: stok habis</translation>
    </message>
    <message>
        <source>Order rejected by the seller</source>
        <translation>Pesanan ditolak penjual</translation>
    </message>
    <message>
        <source>Order pending replacement</source>
        <translation>Pesanan menunggu penggantian</translation>
    </message>
    <message>
        <source>Cancelled instantly by the buyer</source>
        <translation>Dibatalkan langsung oleh pembeli</translation>
    </message>
    <message>
        <source>Order created, waiting for payment</source>
        <translation>Pesanan dibuat, menunggu pembayaran</translation>
    </message>
    <message>
        <source>Waiting for payment confirmation from a third party</source>
        <translation>Menunggu konfirmasi pembayaran dari pihak ketiga</translation>
    </message>
    <message>
        <source>Payment confirmation</source>
        <translation>Konfirmasi pembayaran</translation>
    </message>
    <message>
        <source>Payment verified: accept or reject</source>
        <translation>Pesanan baru: pembayaran terverifikasi, terima atau tolak</translation>
    </message>
    <message>
        <source>Waiting for partner approval</source>
        <translation>Menunggu persetujuan mitra</translation>
    </message>
    <message>
        <source>Accepted by the seller</source>
        <translation>Diterima penjual, perlu dikirim</translation>
    </message>
    <message>
        <source>Waiting for pick-up</source>
        <translation>Menunggu pickup kurir</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Dikirim</translation>
    </message>
    <message>
        <source>Shipped, waiting for the AWB (resi) to be entered</source>
        <translation>Dikirim, menunggu nomor resi diinput</translation>
    </message>
    <message>
        <source>Shipped, AWB (resi) invalid</source>
        <translation>Dikirim, nomor resi tidak valid</translation>
    </message>
    <message>
        <source>Shipped, buyer asked to correct the AWB (resi)</source>
        <translation>Dikirim, pembeli meminta nomor resi diperbaiki</translation>
    </message>
    <message>
        <source>Delivered to a pick-up point</source>
        <translation>Sampai di titik pengambilan</translation>
    </message>
    <message>
        <source>Returned to the seller</source>
        <translation>Dikembalikan ke penjual</translation>
    </message>
    <message>
        <source>Buyer opened a case to finish the order</source>
        <translation>Pembeli mengajukan komplain sebelum pesanan selesai</translation>
    </message>
    <message>
        <source>Fraud review</source>
        <translation>Peninjauan penipuan</translation>
    </message>
    <message>
        <source>Suspected fraud</source>
        <translation>Dicurigai penipuan</translation>
    </message>
    <message>
        <source>Post fraud review</source>
        <translation>Setelah peninjauan penipuan</translation>
    </message>
    <message>
        <source>Fraud review finished</source>
        <translation>Peninjauan penipuan selesai</translation>
    </message>
    <message>
        <source>Order invalid (shipping over 25 days or payment over 5 days)</source>
        <translation>Pesanan tidak valid (pengiriman lebih dari 25 hari atau pembayaran lebih dari 5 hari)</translation>
    </message>
    <message>
        <source>Order finished</source>
        <translation>Pesanan selesai</translation>
    </message>
    <message>
        <source>Assumed finished, product not yet arrived at the buyer</source>
        <translation>Dianggap selesai, produk belum sampai ke pembeli</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Cancelled.</source>
        <translation>Dibatalkan.</translation>
    </message>
    <message>
        <source>The marketplace could not be reached. Check the internet connection and try again.</source>
        <translation>Marketplace tidak bisa dihubungi. Periksa koneksi internet lalu coba lagi.</translation>
    </message>
    <message>
        <source>The marketplace refused the credentials: {0}</source>
        <translation>Marketplace menolak kredensial: {0}</translation>
    </message>
    <message>
        <source>The answer was lost on the way back; TokoDesk will check the order on the marketplace: {0}</source>
        <translation>Jawaban hilang di jalan; TokoDesk akan memeriksa pesanan di marketplace: {0}</translation>
    </message>
    <message>
        <source>The keyring could not be used: {0}</source>
        <translation>Keyring tidak bisa dipakai: {0}</translation>
    </message>
    <message>
        <source>The database could not be used: {0}</source>
        <translation>Database tidak bisa dipakai: {0}</translation>
    </message>
    <message>
        <source>Something went wrong ({0}): {1}</source>
        <translation>Terjadi kesalahan ({0}): {1}</translation>
    </message>
</context>
<context>
    <name>OfferDialog</name>
    <message>
        <source>Offer a partial refund: return {0}</source>
        <translation>Tawarkan pengembalian dana sebagian: retur {0}</translation>
    </message>
    <message>
        <source>If the buyer accepts, they keep the goods and get this amount instead of the full refund ({0}).</source>
        <translation>Bila pembeli setuju, barang tetap pada pembeli dan ia menerima jumlah ini, bukan pengembalian penuh ({0}).</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Barang</translation>
    </message>
    <message>
        <source>Refund for</source>
        <translation>Dana kembali untuk</translation>
    </message>
    <message>
        <source>Ask the marketplace</source>
        <translation>Tanya marketplace</translation>
    </message>
    <message>
        <source>What Tokopedia &amp; Shop would refund for the units chosen</source>
        <translation>Jumlah yang akan dikembalikan Tokopedia &amp; Shop untuk unit yang dipilih</translation>
    </message>
    <message>
        <source>whole rupiah, e.g. 15.000</source>
        <translation>rupiah bulat, mis. 15.000</translation>
    </message>
    <message>
        <source>Offer (Rp):</source>
        <translation>Tawaran (Rp):</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Tawarkan</translation>
    </message>
    <message>
        <source>Tokopedia &amp; Shop proposes {0}</source>
        <translation>Tokopedia &amp; Shop mengusulkan {0}</translation>
    </message>
    <message>
        <source>the offer</source>
        <translation>tawaran</translation>
    </message>
    <message>
        <source>A partial refund must be below the full refund.</source>
        <translation>Pengembalian dana sebagian harus di bawah pengembalian penuh.</translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <source>Pulled</source>
        <translation>Diambil dari marketplace</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Status berubah</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Terima</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Dikemas</translation>
    </message>
    <message>
        <source>Label printed</source>
        <translation>Label dicetak</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>Marketplace label kept</source>
        <translation>Label marketplace disimpan</translation>
    </message>
    <message>
        <source>Return received</source>
        <translation>Retur diterima</translation>
    </message>
    <message>
        <source>Buyer&apos;s cancellation approved</source>
        <translation>Pembatalan pembeli disetujui</translation>
    </message>
    <message>
        <source>Buyer&apos;s cancellation rejected</source>
        <translation>Pembatalan pembeli ditolak</translation>
    </message>
    <message>
        <source>Packages changed</source>
        <translation>Paket berubah</translation>
    </message>
    <message>
        <source>Combined into one package</source>
        <translation>Digabung menjadi satu paket</translation>
    </message>
    <message>
        <source>Package uncombined</source>
        <translation>Paket dipisah lagi</translation>
    </message>
    <message>
        <source>Scanned at handover</source>
        <translation>Dipindai saat serah terima</translation>
    </message>
    <message>
        <source>Return approved</source>
        <translation>Pengembalian disetujui</translation>
    </message>
    <message>
        <source>Return rejected</source>
        <translation>Pengembalian ditolak</translation>
    </message>
    <message>
        <source>Partial refund offered</source>
        <translation>Pengembalian dana sebagian ditawarkan</translation>
    </message>
    <message>
        <source>Returned parcel approved</source>
        <translation>Paket retur disetujui</translation>
    </message>
    <message>
        <source>Items checked by scan</source>
        <translation>Barang dicek dengan pindai</translation>
    </message>
    <message>
        <source>Packed without a complete item check</source>
        <translation>Dikemas tanpa cek barang lengkap</translation>
    </message>
    <message>
        <source>to ship</source>
        <translation>perlu dikirim</translation>
    </message>
    <message>
        <source>awaiting pickup</source>
        <translation>menunggu pickup</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>dalam perjalanan</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>terkirim</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>menunggu</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>terkirim</translation>
    </message>
    <message>
        <source>done</source>
        <translation>selesai</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>gagal</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>belum ada jawaban</translation>
    </message>
    <message>
        <source>{0} orders selected</source>
        <translation>{0} pesanan dipilih</translation>
    </message>
    <message>
        <source>Select an order to see its details.</source>
        <translation>Pilih pesanan untuk melihat rinciannya.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>This order is no longer in the database.</source>
        <translation>Pesanan ini sudah tidak ada di database.</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>ID pesanan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>On the marketplace</source>
        <translation>Di marketplace</translation>
    </message>
    <message>
        <source>Marketplace code</source>
        <translation>Kode marketplace</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Accept by</source>
        <translation>Terima sebelum</translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation>Kirim sebelum</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Pembeli</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>Kurir</translation>
    </message>
    <message>
        <source>Booking code</source>
        <translation>Kode booking</translation>
    </message>
    <message>
        <source>AWB (resi)</source>
        <translation>Nomor resi (AWB)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Shipping fee</source>
        <translation>Ongkos kirim</translation>
    </message>
    <message>
        <source>COD</source>
        <translation>COD</translation>
    </message>
    <message>
        <source>Changed on the marketplace outside TokoDesk</source>
        <translation>Diubah di marketplace di luar TokoDesk</translation>
    </message>
    <message>
        <source>A line&apos;s SKU is not mapped: map it in the SKU mapping tab before packing</source>
        <translation>SKU salah satu baris belum dipetakan: petakan di tab Pemetaan SKU sebelum dikemas</translation>
    </message>
    <message>
        <source>The last action failed</source>
        <translation>Tindakan terakhir gagal</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Penerima</translation>
    </message>
    <message>
        <source>Buyer note</source>
        <translation>Catatan pembeli</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Produk dipesan</translation>
    </message>
    <message>
        <source>unmapped</source>
        <translation>belum dipetakan</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Seller SKU</source>
        <translation>SKU penjual</translation>
    </message>
    <message>
        <source>Marketplace requests</source>
        <translation>Permintaan ke marketplace</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>Belum ada kejadian</translation>
    </message>
    <message>
        <source>Packing video</source>
        <translation>Video pengemasan</translation>
    </message>
    <message>
        <source>{0} min {1} s</source>
        <translation>{0} mnt {1} dtk</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} dtk</translation>
    </message>
    <message>
        <source>package {0}</source>
        <translation>paket {0}</translation>
    </message>
    <message>
        <source>unboxing of the return</source>
        <translation>unboxing paket retur</translation>
    </message>
    <message>
        <source>file removed on {0} (kept as long as set)</source>
        <translation>berkas dihapus pada {0} (disimpan selama yang diatur)</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>berhenti lebih awal</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Putar</translation>
    </message>
    <message>
        <source>Export for dispute</source>
        <translation>Ekspor untuk komplain</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>packed</source>
        <translation>dikemas</translation>
    </message>
    <message>
        <source>Pack this parcel</source>
        <translation>Kemas paket ini</translation>
    </message>
    <message>
        <source>resi {0}</source>
        <translation>resi {0}</translation>
    </message>
    <message>
        <source>one parcel with order {0}</source>
        <translation>satu paket dengan pesanan {0}</translation>
    </message>
    <message>
        <source>Uncombine</source>
        <translation>Pisahkan paket</translation>
    </message>
    <message>
        <source>Can be combined with order {0} of the same buyer: select them together and press Combine to ship one parcel.</source>
        <translation>Bisa digabung dengan pesanan {0} dari pembeli yang sama: pilih bersama lalu tekan Gabungkan agar dikirim dalam satu paket.</translation>
    </message>
</context>
<context>
    <name>OrderDialogs</name>
    <message>
        <source>and {0} more</source>
        <translation>dan {0} lainnya</translation>
    </message>
</context>
<context>
    <name>OrderState</name>
    <message>
        <source>Awaiting payment</source>
        <translation>Menunggu pembayaran</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>To pack</source>
        <translation>Perlu dikemas</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Dikemas</translation>
    </message>
    <message>
        <source>Ready to ship</source>
        <translation>Siap kirim</translation>
    </message>
    <message>
        <source>Awaiting pickup</source>
        <translation>Menunggu pickup</translation>
    </message>
    <message>
        <source>Partly shipped</source>
        <translation>Sebagian dikirim</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Dikirim</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Dikembalikan</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Ditahan</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>printed</source>
        <translation>dicetak</translation>
    </message>
    <message>
        <source>Instant</source>
        <translation>Instan</translation>
    </message>
    <message>
        <source>Same-day</source>
        <translation>Same Day</translation>
    </message>
    <message>
        <source>{0} of {1} parcels packed</source>
        <translation>{0} dari {1} paket sudah dikemas</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Pembeli</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Barang</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>Kurir</translation>
    </message>
    <message>
        <source>Booking code / AWB</source>
        <translation>Kode booking / resi</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Batas waktu</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>ID pesanan</translation>
    </message>
    <message>
        <source>⚑ needs attention: changed outside TokoDesk, unmapped SKU or a failed action</source>
        <translation>⚑ perlu perhatian: diubah di luar TokoDesk, SKU belum dipetakan, atau tindakan gagal</translation>
    </message>
    <message>
        <source>Marketplace status at the last read: {0}</source>
        <translation>Status marketplace saat terakhir dibaca: {0}</translation>
    </message>
    <message>
        <source>The label has been printed.</source>
        <translation>Label sudah dicetak.</translation>
    </message>
    <message>
        <source>Changed on the marketplace outside TokoDesk</source>
        <translation>Diubah di marketplace di luar TokoDesk</translation>
    </message>
    <message>
        <source>A line&apos;s SKU is not mapped to a seller SKU</source>
        <translation>SKU salah satu baris belum dipetakan ke SKU penjual</translation>
    </message>
    <message>
        <source>The last action failed</source>
        <translation>Tindakan terakhir gagal</translation>
    </message>
    <message>
        <source>On hold on the marketplace: do not ship</source>
        <translation>Ditahan di marketplace: jangan dikirim</translation>
    </message>
    <message>
        <source>Waiting for the buyer&apos;s payment; it moves to To pack by itself once paid.</source>
        <translation>Menunggu pembayaran pembeli; pesanan pindah ke Perlu dikemas sendiri setelah dibayar.</translation>
    </message>
    <message>
        <source>The buyer may still cancel (the platform&apos;s waiting time after payment); do not ship yet.</source>
        <translation>Pembeli masih bisa membatalkan (masa tunggu platform setelah pembayaran); jangan dikirim dulu.</translation>
    </message>
    <message>
        <source>The buyer may still cancel until {0}; then it is yours to pack.</source>
        <translation>Pembeli masih bisa membatalkan sampai {0}; setelah itu pesanan siap Anda kemas.</translation>
    </message>
</context>
<context>
    <name>OrdersRules</name>
    <message>
        <source>This marketplace accepts orders by itself: there is nothing to acknowledge.</source>
        <translation>Marketplace ini menerima pesanan sendiri: tidak ada yang perlu diterima.</translation>
    </message>
    <message>
        <source>On this marketplace every order is its own parcel: there is nothing to combine.</source>
        <translation>Di marketplace ini setiap pesanan adalah satu paket: tidak ada yang bisa digabung.</translation>
    </message>
    <message>
        <source>This marketplace gives the tracking number before shipping: print the label, then ship.</source>
        <translation>Marketplace ini memberi nomor resi sebelum pengiriman: cetak label, lalu kirim.</translation>
    </message>
    <message>
        <source>The marketplace&apos;s label exists once the package is arranged: ship the order first, then print its label.</source>
        <translation>Label marketplace baru ada setelah pengiriman diatur: kirim pesanan dulu, lalu cetak labelnya.</translation>
    </message>
    <message>
        <source>Pack it first.</source>
        <translation>Kemas dulu.</translation>
    </message>
    <message>
        <source>It is {0}.</source>
        <translation>Statusnya {0}.</translation>
    </message>
    <message>
        <source>A product has no seller SKU: map it in the SKU mapping tab first.</source>
        <translation>Ada produk tanpa SKU penjual: petakan dulu di tab Pemetaan SKU.</translation>
    </message>
    <message>
        <source>No tracking number yet: {0} gives it when the order is shipped. Use Arrange shipment and print.</source>
        <translation>Belum ada nomor resi: {0} memberikannya saat pesanan dikirim. Pakai Atur pengiriman dan cetak.</translation>
    </message>
    <message>
        <source>No booking code or AWB yet: its label would have nothing for the courier to scan.</source>
        <translation>Belum ada kode booking atau nomor resi: labelnya tidak punya kode untuk dipindai kurir.</translation>
    </message>
    <message>
        <source>Select one or more orders first (click a row; Ctrl or Shift adds more).</source>
        <translation>Pilih satu pesanan atau lebih dulu (klik baris; Ctrl atau Shift untuk menambah).</translation>
    </message>
    <message>
        <source>Select two or more orders of one buyer (not shipped yet) to ship them as one parcel.</source>
        <translation>Pilih dua pesanan atau lebih dari satu pembeli (belum dikirim) agar dikirim dalam satu paket.</translation>
    </message>
    <message>
        <source>None of the selected orders can do this. {0}</source>
        <translation>Tidak ada pesanan terpilih yang bisa melakukan ini. {0}</translation>
    </message>
    <message>
        <source>and {0} more</source>
        <translation>dan {0} lainnya</translation>
    </message>
    <message>
        <source>Skips {0} of the {1} selected: {2} — {3}</source>
        <translation>Melewati {0} dari {1} pesanan terpilih: {2} — {3}</translation>
    </message>
    <message>
        <source>Select new orders to acknowledge them.</source>
        <translation>Pilih pesanan baru untuk menerimanya.</translation>
    </message>
    <message>
        <source>Select orders that are To pack (acknowledged) to pack them.</source>
        <translation>Pilih pesanan Perlu dikemas (sudah diterima) untuk mengemasnya.</translation>
    </message>
    <message>
        <source>Labels print for orders that are acknowledged, packed, ready to ship, awaiting pickup or shipped, once they have a booking code or AWB.</source>
        <translation>Label bisa dicetak untuk pesanan yang sudah diterima, dikemas, siap kirim, menunggu pickup, atau dikirim, setelah ada kode booking atau nomor resi.</translation>
    </message>
    <message>
        <source>Select packed or ready-to-ship orders: they are shipped and their labels print.</source>
        <translation>Pilih pesanan yang dikemas atau siap kirim: pesanan diatur pengirimannya lalu labelnya dicetak.</translation>
    </message>
    <message>
        <source>Select packed or ready-to-ship orders to ship them.</source>
        <translation>Pilih pesanan yang dikemas atau siap kirim untuk mengirimnya.</translation>
    </message>
    <message>
        <source>Only orders not shipped yet can be combined.</source>
        <translation>Hanya pesanan yang belum dikirim yang bisa digabung.</translation>
    </message>
    <message>
        <source>Only new, to-pack or packed orders can be cancelled.</source>
        <translation>Hanya pesanan baru, perlu dikemas, atau sudah dikemas yang bisa dibatalkan.</translation>
    </message>
    <message>
        <source>{0} lets a seller cancel orders that are: {1}.</source>
        <translation>{0} mengizinkan penjual membatalkan pesanan yang: {1}.</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>{0} (tracking number {1})</source>
        <translation>{0} (resi {1})</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Diproses</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>To pack</source>
        <translation>Perlu dikemas</translation>
    </message>
    <message>
        <source>To print</source>
        <translation>Perlu dicetak</translation>
    </message>
    <message>
        <source>Ready to ship</source>
        <translation>Siap kirim</translation>
    </message>
    <message>
        <source>Awaiting pickup</source>
        <translation>Menunggu pickup</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Dikirim</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Bermasalah</translation>
    </message>
    <message>
        <source>Search invoice, order ID, buyer, SKU, booking code… (Ctrl+F)</source>
        <translation>Cari invoice, ID pesanan, pembeli, SKU, kode booking… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Matches the invoice, order ID, buyer, booking code, AWB and every line&apos;s SKU and seller SKU</source>
        <translation>Mencocokkan invoice, ID pesanan, pembeli, kode booking, resi, serta SKU dan SKU penjual setiap produk</translation>
    </message>
    <message>
        <source>All couriers</source>
        <translation>Semua kurir</translation>
    </message>
    <message>
        <source>Printed or not</source>
        <translation>Dicetak atau belum</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Belum dicetak</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Sudah dicetak</translation>
    </message>
    <message>
        <source>This shop</source>
        <translation>Toko ini</translation>
    </message>
    <message>
        <source>All shops</source>
        <translation>Semua toko</translation>
    </message>
    <message>
        <source>Show the orders of the shop chosen above, or of every shop at once</source>
        <translation>Tampilkan pesanan toko yang dipilih di atas, atau semua toko sekaligus</translation>
    </message>
    <message>
        <source>Scan to pack:</source>
        <translation>Pindai untuk kemas:</translation>
    </message>
    <message>
        <source>Scan a code, press Enter (F6)</source>
        <translation>Pindai kode, tekan Enter (F6)</translation>
    </message>
    <message>
        <source>Scan invoice / order ID / booking code / AWB and press Enter (F6)</source>
        <translation>Pindai invoice / ID pesanan / kode booking / resi lalu tekan Enter (F6)</translation>
    </message>
    <message>
        <source>No channel yet: add one with “Add channel…” and its orders appear here.</source>
        <translation>Belum ada channel: tambahkan dengan “Tambah channel…”, lalu pesanannya tampil di sini.</translation>
    </message>
    <message>
        <source>No orders pulled yet. They arrive with the next order sync (Channel tab → Sync now).</source>
        <translation>Belum ada pesanan yang ditarik. Pesanan masuk pada sinkronisasi berikutnya (tab Channel → Sinkronkan).</translation>
    </message>
    <message>
        <source>These orders could not be read (the message above says why). Press F5 to read them again.</source>
        <translation>Pesanan ini tidak dapat dibaca (pesan di atas menjelaskan sebabnya). Tekan F5 untuk membacanya lagi.</translation>
    </message>
    <message>
        <source>Loading these orders… They appear here as soon as every order is read (the “To do” orders are ready).</source>
        <translation>Memuat pesanan ini… Pesanan muncul di sini begitu semua pesanan selesai dibaca (pesanan “Diproses” sudah siap).</translation>
    </message>
    <message>
        <source>{0} of {1} orders shown</source>
        <translation>{0} dari {1} pesanan ditampilkan</translation>
    </message>
    <message>
        <source>— the other orders are still loading; more may match the search under “All”</source>
        <translation>— pesanan lainnya masih dimuat; mungkin ada yang cocok dengan pencarian di “Semua”</translation>
    </message>
    <message>
        <source>— the other orders are still loading</source>
        <translation>— pesanan lainnya masih dimuat</translation>
    </message>
    <message>
        <source>— {0} more match the search under “All”</source>
        <translation>— {0} lainnya cocok dengan pencarian di “Semua”</translation>
    </message>
    <message>
        <source>The selection holds orders of several shops: select the orders of one shop.</source>
        <translation>Pilihan berisi pesanan dari beberapa toko: pilih pesanan dari satu toko saja.</translation>
    </message>
    <message>
        <source>Picklist, packing list and manifest for the selected orders</source>
        <translation>Daftar pengambilan barang, daftar isi paket, dan manifest untuk pesanan yang dipilih</translation>
    </message>
    <message>
        <source>{0} selected</source>
        <translation>{0} dipilih</translation>
    </message>
    <message>
        <source>Loading the order</source>
        <translation>Memuat pesanan</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Kemas</translation>
    </message>
    <message>
        <source>Reading the order&apos;s items</source>
        <translation>Membaca barang pesanan</translation>
    </message>
    <message>
        <source>Check items</source>
        <translation>Cek barang</translation>
    </message>
    <message>
        <source>After an order&apos;s scan, scan each of its items before it is packed</source>
        <translation>Setelah pesanan dipindai, pindai setiap barangnya sebelum dikemas</translation>
    </message>
    <message>
        <source>Saving the setting</source>
        <translation>Menyimpan pengaturan</translation>
    </message>
</context>
<context>
    <name>PackCheckDialog</name>
    <message>
        <source>Check the items: {0}</source>
        <translation>Cek barang: {0}</translation>
    </message>
    <message>
        <source>Scan every item into the parcel of {0}.</source>
        <translation>Pindai setiap barang yang masuk ke paket {0}.</translation>
    </message>
    <message>
        <source>This is package {0}, one of the {1} packages of this order ({2}): only its items are listed. Only this package is packed.</source>
        <translation>Ini paket {0}, salah satu dari {1} paket pesanan ini ({2}): hanya barang di paket ini yang ditampilkan. Hanya paket ini yang dikemas.</translation>
    </message>
    <message>
        <source>This is package {0}, one of the {1} packages of this order ({2}). Which items travel in it is not known here: the whole order&apos;s items are listed. Only this package is packed.</source>
        <translation>Ini paket {0}, salah satu dari {1} paket pesanan ini ({2}). Barang apa saja yang ada di paket ini tidak diketahui di sini: semua barang pesanan ditampilkan. Hanya paket ini yang dikemas.</translation>
    </message>
    <message>
        <source>This order ships in {0} packages ({1}); the whole order is checked here.</source>
        <translation>Pesanan ini dikirim dalam {0} paket ({1}); seluruh pesanan dicek di sini.</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Barang</translation>
    </message>
    <message>
        <source>To put in</source>
        <translation>Harus masuk</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>Terpindai</translation>
    </message>
    <message>
        <source>Scan each item&apos;s barcode and press Enter</source>
        <translation>Pindai barcode setiap barang lalu tekan Enter</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Kemas</translation>
    </message>
    <message>
        <source>Pack anyway…</source>
        <translation>Tetap kemas…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>{0} of {1} items in the parcel</source>
        <translation>{0} dari {1} barang sudah di paket</translation>
    </message>
    <message>
        <source>WRONG ITEM: {0} is not in this order. Take it out.</source>
        <translation>BARANG SALAH: {0} tidak ada di pesanan ini. Keluarkan.</translation>
    </message>
    <message>
        <source>ONE TOO MANY: {0}. Take one out.</source>
        <translation>KELEBIHAN SATU: {0}. Keluarkan satu.</translation>
    </message>
    <message>
        <source>UNKNOWN CODE “{0}”: no item has it. Take it out.</source>
        <translation>KODE TIDAK DIKENAL “{0}”: tidak ada barang dengan kode ini. Keluarkan.</translation>
    </message>
    <message>
        <source>{0} ✓ All items are in: press Enter to pack.</source>
        <translation>{0} ✓ Semua barang sudah masuk: tekan Enter untuk mengemas.</translation>
    </message>
    <message>
        <source>{0} ✓</source>
        <translation>{0} ✓</translation>
    </message>
    <message>
        <source>Still missing: {0}. Click “Pack anyway” again to pack without them; it is recorded.</source>
        <translation>Masih kurang: {0}. Klik “Tetap kemas” sekali lagi untuk mengemas tanpa barang itu; ini dicatat.</translation>
    </message>
    <message>
        <source>Pack anyway</source>
        <translation>Tetap kemas</translation>
    </message>
</context>
<context>
    <name>PackRecorder</name>
    <message>
        <source>No camera is chosen: packing is not filmed. Choose one in Settings → Packing video.</source>
        <translation>Belum ada kamera yang dipilih: pengemasan tidak direkam. Pilih kamera di Pengaturan → Video pengemasan.</translation>
    </message>
    <message>
        <source>The chosen camera is not connected: packing is not filmed until it is plugged in (then reopen Settings → Packing video).</source>
        <translation>Kamera yang dipilih tidak terhubung: pengemasan tidak direkam sampai kamera dipasang (lalu buka lagi Pengaturan → Video pengemasan).</translation>
    </message>
    <message>
        <source>The camera cannot be used ({0}): it may be busy in another program. Packing is not filmed.</source>
        <translation>Kamera tidak bisa dipakai ({0}): mungkin sedang dipakai program lain. Pengemasan tidak direkam.</translation>
    </message>
    <message>
        <source>The video folder {0} is gone ({1}).</source>
        <translation>Folder video {0} tidak ditemukan ({1}).</translation>
    </message>
    <message>
        <source>The video folder {0} is almost full ({1} MB free).</source>
        <translation>Folder video {0} hampir penuh (sisa {1} MB).</translation>
    </message>
    <message>
        <source>Recording stopped: {0} Packing goes on; free some space or choose another folder in Settings → Packing video.</source>
        <translation>Perekaman berhenti: {0} Pengemasan tetap berjalan; kosongkan ruang disk atau pilih folder lain di Pengaturan → Video pengemasan.</translation>
    </message>
    <message>
        <source>Recording stopped: {0}. Packing goes on; check the video folder in Settings → Packing video.</source>
        <translation>Perekaman berhenti: {0}. Pengemasan tetap berjalan; periksa folder video di Pengaturan → Video pengemasan.</translation>
    </message>
    <message>
        <source>The packing video of {0} could not be stored: {1}</source>
        <translation>Video pengemasan {0} tidak bisa disimpan: {1}</translation>
    </message>
    <message>
        <source>Saving the packing video</source>
        <translation>Menyimpan video pengemasan</translation>
    </message>
</context>
<context>
    <name>PackVideoSettings</name>
    <message>
        <source>Reading the packing video settings</source>
        <translation>Membaca pengaturan video pengemasan</translation>
    </message>
</context>
<context>
    <name>PayoutDetail</name>
    <message>
        <source>Item</source>
        <translation>Barang</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Choose an order to see where its money went.</source>
        <translation>Pilih pesanan untuk melihat ke mana uangnya pergi.</translation>
    </message>
    <message>
        <source>Order {0}</source>
        <translation>Pesanan {0}</translation>
    </message>
    <message>
        <source>statement {0}</source>
        <translation>laporan {0}</translation>
    </message>
    <message>
        <source>Buyer paid</source>
        <translation>Dibayar pembeli</translation>
    </message>
    <message>
        <source>Adjustment: {0}</source>
        <translation>Penyesuaian: {0}</translation>
    </message>
    <message>
        <source>Net: nothing settled or estimated yet</source>
        <translation>Bersih: belum ada yang dicairkan atau diperkirakan</translation>
    </message>
    <message>
        <source>Net (estimated by the marketplace, not settled yet)</source>
        <translation>Bersih (perkiraan marketplace, belum dicairkan)</translation>
    </message>
    <message>
        <source>Net settled</source>
        <translation>Bersih dicairkan</translation>
    </message>
    <message>
        <source>Fee rules: {0}</source>
        <translation>Aturan biaya: {0}</translation>
    </message>
    <message>
        <source>Expected net (order total less pass-through shipping and the fee rules)</source>
        <translation>Bersih seharusnya (total pesanan dikurangi ongkos kirim yang diteruskan dan aturan biaya)</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Selisih</translation>
    </message>
    <message>
        <source>Cost of the goods</source>
        <translation>Modal barang</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Margin</translation>
    </message>
    <message>
        <source>Margin: no cost price for {0}</source>
        <translation>Margin: belum ada harga modal untuk {0}</translation>
    </message>
    <message>
        <source>Why it differs: {0}</source>
        <translation>Penyebab selisih: {0}</translation>
    </message>
    <message>
        <source>As the fee rules expect.</source>
        <translation>Sesuai aturan biaya.</translation>
    </message>
</context>
<context>
    <name>Payouts</name>
    <message>
        <source>Platform commission</source>
        <translation>Komisi platform</translation>
    </message>
    <message>
        <source>Dynamic commission</source>
        <translation>Komisi dinamis</translation>
    </message>
    <message>
        <source>Order processing fee</source>
        <translation>Biaya pemrosesan pesanan</translation>
    </message>
    <message>
        <source>Affiliate commission</source>
        <translation>Komisi afiliasi</translation>
    </message>
    <message>
        <source>Affiliate ads commission</source>
        <translation>Komisi iklan afiliasi</translation>
    </message>
    <message>
        <source>Affiliate partner commission</source>
        <translation>Komisi mitra afiliasi</translation>
    </message>
    <message>
        <source>Shipping programme fee</source>
        <translation>Biaya program pengiriman</translation>
    </message>
    <message>
        <source>Voucher Xtra service fee</source>
        <translation>Biaya layanan Voucher Xtra</translation>
    </message>
    <message>
        <source>Co-funded promotion fee</source>
        <translation>Biaya promosi bersama</translation>
    </message>
    <message>
        <source>LIVE Specials fee</source>
        <translation>Biaya LIVE Specials</translation>
    </message>
    <message>
        <source>Payment fee</source>
        <translation>Biaya pembayaran</translation>
    </message>
    <message>
        <source>COD fee</source>
        <translation>Biaya COD</translation>
    </message>
    <message>
        <source>Goods before discounts</source>
        <translation>Barang sebelum diskon</translation>
    </message>
    <message>
        <source>Seller discount</source>
        <translation>Diskon penjual</translation>
    </message>
    <message>
        <source>Goods refunded</source>
        <translation>Barang yang di-refund</translation>
    </message>
    <message>
        <source>Seller discount refunded</source>
        <translation>Diskon penjual dikembalikan</translation>
    </message>
    <message>
        <source>Shipping paid by the buyer</source>
        <translation>Ongkos kirim dibayar pembeli</translation>
    </message>
    <message>
        <source>Shipping charged by the courier</source>
        <translation>Ongkos kirim dari kurir</translation>
    </message>
    <message>
        <source>Shipping insurance</source>
        <translation>Asuransi pengiriman</translation>
    </message>
    <message>
        <source>Shipping subsidy from the platform</source>
        <translation>Subsidi ongkos kirim dari platform</translation>
    </message>
    <message>
        <source>Shipping promotion subsidy</source>
        <translation>Subsidi promo ongkos kirim</translation>
    </message>
    <message>
        <source>Return shipping</source>
        <translation>Ongkos kirim retur</translation>
    </message>
    <message>
        <source>What the buyer paid</source>
        <translation>Yang dibayar pembeli</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>PPN</translation>
    </message>
    <message>
        <source>Income tax</source>
        <translation>Pajak penghasilan</translation>
    </message>
    <message>
        <source>{kind}: {amount}</source>
        <translation>{kind}: {amount}</translation>
    </message>
    <message>
        <source>{kind} (estimated): {amount}</source>
        <translation>{kind} (perkiraan): {amount}</translation>
    </message>
    <message>
        <source>an adjustment {code}</source>
        <translation>penyesuaian {code}</translation>
    </message>
    <message>
        <source>Shipping fee adjustment</source>
        <translation>Penyesuaian ongkos kirim</translation>
    </message>
    <message>
        <source>Shipping fee compensation</source>
        <translation>Kompensasi ongkos kirim</translation>
    </message>
    <message>
        <source>Shipping fee rebate</source>
        <translation>Potongan balik ongkos kirim</translation>
    </message>
    <message>
        <source>Platform penalty</source>
        <translation>Denda platform</translation>
    </message>
    <message>
        <source>Platform compensation</source>
        <translation>Kompensasi platform</translation>
    </message>
    <message>
        <source>Platform reimbursement</source>
        <translation>Penggantian dari platform</translation>
    </message>
    <message>
        <source>Logistics reimbursement</source>
        <translation>Penggantian logistik</translation>
    </message>
    <message>
        <source>Deduction charged to the seller</source>
        <translation>Potongan yang dibebankan ke penjual</translation>
    </message>
    <message>
        <source>Chargeback</source>
        <translation>Chargeback</translation>
    </message>
    <message>
        <source>Promotion adjustment</source>
        <translation>Penyesuaian promosi</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>Dana ditahan</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>Barang</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Ongkos kirim</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Biaya</translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation>Pajak</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Dicairkan</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>Perkiraan</translation>
    </message>
    <message>
        <source>Not settled</source>
        <translation>Belum dicairkan</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Dibayar</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Diproses</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Withdrawn to the bank</source>
        <translation>Ditarik ke rekening bank</translation>
    </message>
    <message>
        <source>Settled to the balance</source>
        <translation>Masuk ke saldo</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Berhasil</translation>
    </message>
    <message>
        <source>(estimated)</source>
        <translation>(perkiraan)</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Buyer paid</source>
        <translation>Dibayar pembeli</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Bersih</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Seharusnya</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Selisih</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Penyebab</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Modal</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Margin</translation>
    </message>
    <message>
        <source>(order not pulled)</source>
        <translation>(pesanan belum ditarik)</translation>
    </message>
    <message>
        <source>No cost price for {0}</source>
        <translation>Belum ada harga modal untuk {0}</translation>
    </message>
    <message>
        <source>Other fees</source>
        <translation>Biaya lain</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>Penyesuaian</translation>
    </message>
    <message>
        <source>a return or refund took {amount} back</source>
        <translation>pengembalian atau refund menarik kembali {amount}</translation>
    </message>
    <message>
        <source>a refund gave {amount} back</source>
        <translation>refund mengembalikan {amount}</translation>
    </message>
    <message>
        <source>the order itself is not in a statement yet (its lines, {amount})</source>
        <translation>pesanannya sendiri belum masuk laporan penghasilan (barangnya, {amount})</translation>
    </message>
    <message>
        <source>revenue differs from the order lines by {amount} (seller discounts, a changed price)</source>
        <translation>pendapatan berbeda {amount} dari isi pesanan (diskon penjual, harga berubah)</translation>
    </message>
    <message>
        <source>shipping cost the seller {amount} more than the buyer paid</source>
        <translation>ongkos kirim membebani penjual {amount} lebih dari yang dibayar pembeli</translation>
    </message>
    <message>
        <source>shipping subsidies added {amount}</source>
        <translation>subsidi ongkos kirim menambah {amount}</translation>
    </message>
    <message>
        <source>{name} {amount} (not in TokoDesk&apos;s fee rules)</source>
        <translation>{name} {amount} (tidak ada di aturan biaya TokoDesk)</translation>
    </message>
    <message>
        <source>{name}: {amount} given back with the refund</source>
        <translation>{name}: {amount} dikembalikan bersama refund</translation>
    </message>
    <message>
        <source>{label} ({name}) was {charged}, the fee rules give {expected}: a fee change or another rate for this category</source>
        <translation>{label} ({name}) sebesar {charged}, menurut aturan biaya {expected}: biaya berubah atau tarif lain untuk kategori ini</translation>
    </message>
    <message>
        <source>taxes {amount}</source>
        <translation>pajak {amount}</translation>
    </message>
    <message>
        <source>{amount} that TokoDesk cannot explain from the marketplace&apos;s breakdown</source>
        <translation>{amount} yang tidak dapat dijelaskan TokoDesk dari rincian marketplace</translation>
    </message>
</context>
<context>
    <name>PayoutsTab</name>
    <message>
        <source>Sync payouts now</source>
        <translation>Sinkronkan penghasilan sekarang</translation>
    </message>
    <message>
        <source>Read the statements, settlements, estimates and withdrawals from the marketplace (the schedule does it every 6 hours)</source>
        <translation>Baca laporan, pencairan, perkiraan dan penarikan dari marketplace (jadwal melakukannya setiap 6 jam)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <source>Every order&apos;s payout to a CSV or Excel file, or a PDF report</source>
        <translation>Penghasilan setiap pesanan ke file CSV atau Excel, atau laporan PDF</translation>
    </message>
    <message>
        <source>Statement date</source>
        <translation>Tanggal laporan</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>Barang</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Biaya</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>Penyesuaian</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Dicairkan</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pembayaran</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Dibayar pada</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>Penarikan</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Withdrawals</source>
        <translation>Penarikan</translation>
    </message>
    <message>
        <source>Differs from expected</source>
        <translation>Berbeda dari seharusnya</translation>
    </message>
    <message>
        <source>Delivered more than</source>
        <translation>Terkirim lebih dari</translation>
    </message>
    <message>
        <source>days ago and still not settled</source>
        <translation>hari lalu dan belum dicairkan</translation>
    </message>
    <message>
        <source>Not settled</source>
        <translation>Belum dicairkan</translation>
    </message>
    <message>
        <source>Every order</source>
        <translation>Semua pesanan</translation>
    </message>
    <message>
        <source>Week (Monday)</source>
        <translation>Minggu (Senin)</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Ongkos kirim</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Biaya</translation>
    </message>
    <message>
        <source>Weeks and fees</source>
        <translation>Per minggu dan biaya</translation>
    </message>
    <message>
        <source>Cost prices and margins</source>
        <translation>Harga modal dan margin</translation>
    </message>
    <message>
        <source>Add a channel first.</source>
        <translation>Tambahkan channel dulu.</translation>
    </message>
    <message>
        <source>This marketplace&apos;s API has no payouts (no finance reads): check the money of this shop in Seller Center.</source>
        <translation>API marketplace ini tidak menyediakan penghasilan (tidak ada data keuangan): periksa uang toko ini di Seller Center.</translation>
    </message>
    <message>
        <source>What each order really earned: the buyer&apos;s payment less every fee, as the marketplace settled it (or estimates it), compared with what the fee rules give.</source>
        <translation>Penghasilan sebenarnya tiap pesanan: pembayaran pembeli dikurangi setiap biaya, sebagaimana dicairkan (atau diperkirakan) marketplace, dibandingkan dengan aturan biaya.</translation>
    </message>
    <message>
        <source>Loading payouts</source>
        <translation>Memuat penghasilan</translation>
    </message>
    <message>
        <source>{0} orders settled, {1} net; {2} differ from expected</source>
        <translation>{0} pesanan dicairkan, bersih {1}; {2} berbeda dari seharusnya</translation>
    </message>
    <message>
        <source>No payouts yet: “Sync payouts now” reads them from the marketplace.</source>
        <translation>Belum ada penghasilan: “Sinkronkan penghasilan sekarang” membacanya dari marketplace.</translation>
    </message>
    <message>
        <source>Not every settlement line of it is read yet: the next sync reads the rest</source>
        <translation>Belum semua baris pencairannya terbaca: sinkronisasi berikutnya membaca sisanya</translation>
    </message>
    <message>
        <source>Payouts: {0} statements, {1} settlement lines read</source>
        <translation>Penghasilan: {0} laporan, {1} baris pencairan dibaca</translation>
    </message>
    <message>
        <source>Export payouts</source>
        <translation>Ekspor penghasilan</translation>
    </message>
    <message>
        <source>Written to {0}</source>
        <translation>Ditulis ke {0}</translation>
    </message>
    <message>
        <source>Payouts written to {0}</source>
        <translation>Penghasilan ditulis ke {0}</translation>
    </message>
    <message>
        <source>The export was not written: {0}</source>
        <translation>Ekspor tidak ditulis: {0}</translation>
    </message>
    <message>
        <source>Exporting payouts</source>
        <translation>Mengekspor penghasilan</translation>
    </message>
    <message>
        <source>Saving the cost price</source>
        <translation>Menyimpan harga modal</translation>
    </message>
    <message>
        <source>Import cost prices</source>
        <translation>Impor harga modal</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>File CSV (*.csv *.txt);;Semua file (*)</translation>
    </message>
    <message>
        <source>{0} cost prices set</source>
        <translation>{0} harga modal disimpan</translation>
    </message>
    <message>
        <source>{0} lines skipped:</source>
        <translation>{0} baris dilewati:</translation>
    </message>
    <message>
        <source>line {0}: {1}</source>
        <translation>baris {0}: {1}</translation>
    </message>
    <message>
        <source>Importing cost prices</source>
        <translation>Mengimpor harga modal</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Print labels</source>
        <translation>Cetak label</translation>
    </message>
    <message>
        <source>Print picklist</source>
        <translation>Cetak daftar pengambilan barang</translation>
    </message>
    <message>
        <source>Print packing lists</source>
        <translation>Cetak daftar isi paket</translation>
    </message>
    <message>
        <source>Print manifest</source>
        <translation>Cetak manifest</translation>
    </message>
    <message>
        <source>A4, 4 labels a page</source>
        <translation>A4, 4 label per halaman</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Potret</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Lanskap</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Orientasi</translation>
    </message>
    <message>
        <source>Mark as printed</source>
        <translation>Tandai sudah dicetak</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Menyiapkan pratinjau…</translation>
    </message>
    <message>
        <source>Stop printing</source>
        <translation>Hentikan cetak</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Cetak</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Picklists, packing lists and manifests print on A4.</source>
        <translation>Daftar pengambilan barang, daftar isi paket, dan manifest dicetak di A4.</translation>
    </message>
    <message>
        <source>Enabled once the preview is ready.</source>
        <translation>Aktif setelah pratinjau siap.</translation>
    </message>
    <message>
        <source>Preparing the documents</source>
        <translation>Menyiapkan dokumen</translation>
    </message>
    <message>
        <source>{0} page(s) ready.</source>
        <translation>{0} halaman siap.</translation>
    </message>
    <message>
        <source>No label for:</source>
        <translation>Tidak ada label untuk:</translation>
    </message>
    <message>
        <source>Printed, but check:</source>
        <translation>Dicetak, tetapi periksa:</translation>
    </message>
    <message>
        <source>Save as PDF file…</source>
        <translation>Simpan sebagai berkas PDF…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Simpan sebagai PDF</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Mencetak…</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Mencetak</translation>
    </message>
    <message>
        <source>Sending to {0}…</source>
        <translation>Mengirim ke {0}…</translation>
    </message>
    <message>
        <source>Page %v of %m</source>
        <translation>Halaman %v dari %m</translation>
    </message>
    <message>
        <source>Printing stopped. Nothing was marked printed.</source>
        <translation>Pencetakan dihentikan. Tidak ada yang ditandai sudah dicetak.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Menghentikan…</translation>
    </message>
    <message>
        <source>Printed.</source>
        <translation>Tercetak.</translation>
    </message>
    <message>
        <source>Printed. {0} of {1} orders could not be marked printed on the marketplace:</source>
        <translation>Tercetak. {0} dari {1} pesanan tidak bisa ditandai sudah dicetak di marketplace:</translation>
    </message>
    <message>
        <source>Printed and marked printed.</source>
        <translation>Tercetak dan ditandai sudah dicetak.</translation>
    </message>
    <message>
        <source>Printed, but marking them printed failed: {0}</source>
        <translation>Tercetak, tetapi gagal menandai sudah dicetak: {0}</translation>
    </message>
    <message>
        <source>Printed. Marking them printed…</source>
        <translation>Tercetak. Menandai sudah dicetak…</translation>
    </message>
    <message>
        <source>Marking labels printed</source>
        <translation>Menandai label sudah dicetak</translation>
    </message>
    <message>
        <source>Saving the printer profile</source>
        <translation>Menyimpan profil printer</translation>
    </message>
</context>
<context>
    <name>PrintWorker</name>
    <message>
        <source>The document to print could not be read.</source>
        <translation>Dokumen yang akan dicetak tidak bisa dibaca.</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>Printer tidak bisa dibuka.</translation>
    </message>
    <message>
        <source>Printed, but the marketplace could not be reached: {0}</source>
        <translation>Tercetak, tetapi marketplace tidak bisa dihubungi: {0}</translation>
    </message>
    <message>
        <source>Printed, but {0} was not told: {1}</source>
        <translation>Tercetak, tetapi {0} belum diberi tahu: {1}</translation>
    </message>
    <message>
        <source>Marked printed on {0}</source>
        <translation>Ditandai sudah dicetak di {0}</translation>
    </message>
    <message>
        <source>Marked printed in TokoDesk ({0} keeps no printed flag)</source>
        <translation>Ditandai sudah dicetak di TokoDesk ({0} tidak menyimpan tanda cetak)</translation>
    </message>
    <message>
        <source>Marked printed in TokoDesk</source>
        <translation>Ditandai sudah dicetak di TokoDesk</translation>
    </message>
    <message>
        <source>page {0} of {1}</source>
        <translation>halaman {0} dari {1}</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>{count} orders read</source>
        <translation>{count} pesanan dibaca</translation>
    </message>
    <message>
        <source>{fetched} orders read, {created} new</source>
        <translation>{fetched} pesanan dibaca, {created} baru</translation>
    </message>
    <message>
        <source>read {count} listings</source>
        <translation>{count} produk dibaca</translation>
    </message>
    <message>
        <source>Reading your products</source>
        <translation>Membaca produk Anda</translation>
    </message>
    <message>
        <source>Reading your open orders</source>
        <translation>Membaca pesanan terbuka Anda</translation>
    </message>
    <message>
        <source>{count} products read</source>
        <translation>{count} produk dibaca</translation>
    </message>
    <message>
        <source>Products: {count} read (page {page})</source>
        <translation>Produk: {count} dibaca (halaman {page})</translation>
    </message>
    <message>
        <source>Orders: {count} read (window {window} of {total}, page {page})</source>
        <translation>Pesanan: {count} dibaca (rentang {window} dari {total}, halaman {page})</translation>
    </message>
    <message>
        <source>Orders: {count} read</source>
        <translation>Pesanan: {count} dibaca</translation>
    </message>
    <message>
        <source>{label} {order}</source>
        <translation>{label} {order}</translation>
    </message>
    <message>
        <source>{label}: done</source>
        <translation>{label}: selesai</translation>
    </message>
    <message>
        <source>Accepting</source>
        <translation>Menerima pesanan</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>Mengemas</translation>
    </message>
    <message>
        <source>Packing: done</source>
        <translation>Mengemas: selesai</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Mengirim</translation>
    </message>
    <message>
        <source>Keeping the marketplace labels</source>
        <translation>Menyimpan label dari marketplace</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Membatalkan pesanan</translation>
    </message>
    <message>
        <source>Waiting for the tracking number of {count} order(s)</source>
        <translation>Menunggu nomor resi untuk {count} pesanan</translation>
    </message>
    <message>
        <source>Shipped; preparing the labels</source>
        <translation>Sudah dikirim; menyiapkan label</translation>
    </message>
    <message>
        <source>Sending {count} parcels to the marketplace</source>
        <translation>Mengirim {count} paket ke marketplace</translation>
    </message>
    <message>
        <source>Shipping: done</source>
        <translation>Mengirim: selesai</translation>
    </message>
    <message>
        <source>{label}: {done} of {total}</source>
        <translation>{label}: {done} dari {total}</translation>
    </message>
    <message>
        <source>Checking earlier requests: {done} of {total}</source>
        <translation>Memeriksa permintaan sebelumnya: {done} dari {total}</translation>
    </message>
    <message>
        <source>Checking earlier requests: done</source>
        <translation>Memeriksa permintaan sebelumnya: selesai</translation>
    </message>
    <message>
        <source>Checking earlier requests</source>
        <translation>Memeriksa permintaan sebelumnya</translation>
    </message>
    <message>
        <source>{what}: {statements} statements, {transactions} settlement lines read</source>
        <translation>{what}: {statements} laporan, {transactions} baris pencairan dibaca</translation>
    </message>
    <message>
        <source>statements</source>
        <translation>laporan</translation>
    </message>
    <message>
        <source>statement {statement}</source>
        <translation>laporan {statement}</translation>
    </message>
    <message>
        <source>unsettled orders</source>
        <translation>pesanan belum dicairkan</translation>
    </message>
    <message>
        <source>withdrawals</source>
        <translation>penarikan</translation>
    </message>
    <message>
        <source>reading marketplace stock {first}–{last}</source>
        <translation>membaca stok marketplace {first}–{last}</translation>
    </message>
    <message>
        <source>read {count} products</source>
        <translation>{count} produk dibaca</translation>
    </message>
    <message>
        <source>{fetched} returns read, {created} new</source>
        <translation>{fetched} pengembalian dibaca, {created} baru</translation>
    </message>
    <message>
        <source>{count} open orders re-read</source>
        <translation>{count} pesanan aktif dibaca ulang</translation>
    </message>
    <message>
        <source>pushing {count} stock rows ({method})</source>
        <translation>memperbarui {count} baris stok ({method})</translation>
    </message>
    <message>
        <source>{accepted} accepted, {failed} failed</source>
        <translation>{accepted} diterima, {failed} gagal</translation>
    </message>
</context>
<context>
    <name>PushDialog</name>
    <message>
        <source>Push changes</source>
        <translation>Perbarui di marketplace</translation>
    </message>
    <message>
        <source>Also push the {0} large price changes listed above</source>
        <translation>Perbarui juga {0} perubahan harga besar di atas</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Perbarui</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Batalkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ulangi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih semua</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Tampilkan rincian...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Sembunyikan rincian...</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
</context>
<context>
    <name>QueueActions</name>
    <message>
        <source>Acknowledge</source>
        <translation>Terima pesanan</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Kemas</translation>
    </message>
    <message>
        <source>Print label</source>
        <translation>Cetak label</translation>
    </message>
    <message>
        <source>Arrange shipment and print</source>
        <translation>Atur pengiriman dan cetak</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Batalkan pesanan</translation>
    </message>
    <message>
        <source>Combine</source>
        <translation>Gabungkan</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Print picklist</source>
        <translation>Cetak daftar pengambilan barang</translation>
    </message>
    <message>
        <source>Print packing list</source>
        <translation>Cetak daftar isi paket</translation>
    </message>
    <message>
        <source>Print manifest</source>
        <translation>Cetak manifest</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Read the queue again from the database (F5)</source>
        <translation>Baca ulang antrean dari database (F5)</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} orders not done — {3}</source>
        <translation>{0}: {1} dari {2} pesanan tidak berhasil — {3}</translation>
    </message>
    <message>
        <source>{0}: 1 order done</source>
        <translation>{0}: 1 pesanan berhasil</translation>
    </message>
    <message>
        <source>{0}: {1} orders done</source>
        <translation>{0}: {1} pesanan berhasil</translation>
    </message>
    <message>
        <source>Uncombine</source>
        <translation>Pisahkan paket</translation>
    </message>
    <message>
        <source>Ship the orders of package {0} (order {1} and the others in its parcel) as separate parcels again?</source>
        <translation>Kirim lagi pesanan di paket {0} (pesanan {1} dan pesanan lain di paketnya) sebagai paket terpisah?</translation>
    </message>
    <message>
        <source>The marketplace does not allow cancelling this order now.</source>
        <translation>Marketplace tidak mengizinkan pembatalan pesanan ini sekarang.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Reading the cancel reasons</source>
        <translation>Membaca alasan pembatalan</translation>
    </message>
    <message>
        <source>No order with invoice, order ID, booking code, AWB or package “{0}”. Nothing is selected.</source>
        <translation>Tidak ada pesanan dengan invoice, ID pesanan, kode booking, resi, atau paket “{0}”. Tidak ada yang dipilih.</translation>
    </message>
    <message>
        <source>{0} ships in {1} packages still to pack: {2}. Scan the label of the parcel you are packing, type its package ID, or press “Pack this parcel” beside it in the order&apos;s details. Nothing was packed.</source>
        <translation>{0} dikirim dalam {1} paket yang belum dikemas: {2}. Pindai label paket yang sedang Anda kemas, ketik ID paketnya, atau tekan “Kemas paket ini” di sampingnya pada rincian pesanan. Belum ada yang dikemas.</translation>
    </message>
    <message>
        <source>Finding the order</source>
        <translation>Mencari pesanan</translation>
    </message>
    <message>
        <source>Package {0} is no longer one of this order&apos;s: refresh the orders and look again. Nothing was packed.</source>
        <translation>Paket {0} bukan lagi milik pesanan ini: muat ulang pesanan dan periksa lagi. Belum ada yang dikemas.</translation>
    </message>
    <message>
        <source>package {0} of {1}</source>
        <translation>paket {0} dari pesanan {1}</translation>
    </message>
    <message>
        <source>{0} is already packed.</source>
        <translation>{0} sudah dikemas.</translation>
    </message>
    <message>
        <source>{0} cannot be packed: it is {1}.</source>
        <translation>{0} tidak bisa dikemas: statusnya {1}.</translation>
    </message>
</context>
<context>
    <name>QueueLoading</name>
    <message>
        <source>Loading orders</source>
        <translation>Memuat pesanan</translation>
    </message>
    <message>
        <source>Loading the other orders</source>
        <translation>Memuat pesanan lainnya</translation>
    </message>
    <message>
        <source>Sorting the orders</source>
        <translation>Mengurutkan pesanan</translation>
    </message>
    <message>
        <source>Refreshing orders</source>
        <translation>Memperbarui pesanan</translation>
    </message>
    <message>
        <source>Looking for changes</source>
        <translation>Memeriksa perubahan</translation>
    </message>
</context>
<context>
    <name>QueueNotice</name>
    <message>
        <source>Details…</source>
        <translation>Rincian…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Received and inspected: return {0}</source>
        <translation>Diterima dan diperiksa: retur {0}</translation>
    </message>
    <message>
        <source>Count what came back. Units not fit to sell go to the damaged count; the rest go back on hand. The marketplace is told the parcel was received.</source>
        <translation>Hitung barang yang kembali. Unit yang tidak layak jual masuk ke hitungan rusak; sisanya kembali ke stok. Marketplace diberi tahu bahwa paket sudah diterima.</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Barang</translation>
    </message>
    <message>
        <source>Came back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Rusak</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>{0} back on hand, {1} to the damaged count</source>
        <translation>{0} kembali ke stok, {1} ke hitungan rusak</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>Channel {name} uses {display_name} ({marketplace}), whose API has no buyer cancellation requests to answer: answer them in Seller Center. A cancellation the buyer gets shows up on the next status sync (tokodesk sync statuses).</source>
        <translation>Channel {name} memakai {display_name} ({marketplace}), yang API-nya tidak punya permintaan pembatalan pembeli untuk dijawab: jawab di Seller Center. Pembatalan yang diajukan pembeli muncul pada sinkronisasi status berikutnya (tokodesk sync statuses).</translation>
    </message>
    <message>
        <source>Order {invoice} has no buyer cancellation request waiting for an answer (see them with: tokodesk orders cancel-requests).</source>
        <translation>Pesanan {invoice} tidak punya permintaan pembatalan pembeli yang menunggu jawaban (lihat dengan: tokodesk orders cancel-requests).</translation>
    </message>
    <message>
        <source>Order {order_id} belongs to another channel.</source>
        <translation>Pesanan {order_id} milik channel lain.</translation>
    </message>
    <message>
        <source>An earlier request for this order ({kind}, {status}) is still waiting for the marketplace&apos;s answer; try again after the next sync.</source>
        <translation>Permintaan sebelumnya untuk pesanan ini ({kind}, {status}) masih menunggu jawaban marketplace; coba lagi setelah sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>The order was changed by another station or a sync just now; refresh and try again.</source>
        <translation>Pesanan baru saja diubah oleh stasiun lain atau sinkronisasi; muat ulang lalu coba lagi.</translation>
    </message>
    <message>
        <source>{why}; reading failed: {error}</source>
        <translation>{why}; membacanya juga gagal: {error}</translation>
    </message>
    <message>
        <source>it could not be checked</source>
        <translation>tidak bisa diperiksa</translation>
    </message>
    <message>
        <source>no answer after {sends} tries ({lost})</source>
        <translation>tidak ada jawaban setelah {sends} kali mencoba ({lost})</translation>
    </message>
    <message>
        <source>the answer was lost ({error})</source>
        <translation>jawabannya hilang ({error})</translation>
    </message>
    <message>
        <source>it could not be checked; reading failed: {error}</source>
        <translation>tidak bisa diperiksa; pembacaan gagal: {error}</translation>
    </message>
    <message>
        <source>Choose a reason to reject the buyer&apos;s request (--reason NAME): {listed}.</source>
        <translation>Pilih alasan untuk menolak permintaan pembeli (--reason NAMA): {listed}.</translation>
    </message>
    <message>
        <source>Reason {wanted!r} is not offered for this request; choose one of: {listed}.</source>
        <translation>Alasan {wanted!r} tidak tersedia untuk permintaan ini; pilih salah satu: {listed}.</translation>
    </message>
    <message>
        <source>{station} is sending the request to {what} for this order now.</source>
        <translation>{station} sedang mengirim permintaan untuk {what} pesanan ini.</translation>
    </message>
    <message>
        <source>An earlier request to {what} for this order is still waiting for the marketplace&apos;s answer; it is checked on the next sync (tokodesk sync statuses).</source>
        <translation>Permintaan sebelumnya untuk {what} pesanan ini masih menunggu jawaban marketplace; akan diperiksa pada sinkronisasi berikutnya (tokodesk sync statuses).</translation>
    </message>
    <message>
        <source>{display_name} has no accept step: its orders arrive ready to pack. Pack and ship them instead.</source>
        <translation>{display_name} tidak punya langkah terima pesanan: pesanannya datang siap dikemas. Langsung kemas dan kirim.</translation>
    </message>
    <message>
        <source>Only new orders can be accepted; this one is {state}.</source>
        <translation>Hanya pesanan baru yang bisa diterima; status pesanan ini {state}.</translation>
    </message>
    <message>
        <source>Already packed (by {packed_by}); print its label or ship it.</source>
        <translation>Sudah dikemas (oleh {packed_by}); cetak labelnya atau kirim.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>seseorang</translation>
    </message>
    <message>
        <source>Accept the order before packing it.</source>
        <translation>Terima pesanan sebelum mengemasnya.</translation>
    </message>
    <message>
        <source>Only accepted orders can be packed; this one is {state}.</source>
        <translation>Hanya pesanan yang sudah diterima yang bisa dikemas; status pesanan ini {state}.</translation>
    </message>
    <message>
        <source>Map every line to your own SKU before packing (unmapped: {skus}); see the Mapping tab or &apos;tokodesk mapping import&apos;.</source>
        <translation>Petakan setiap baris ke SKU penjual Anda sebelum mengemas (belum dipetakan: {skus}); lihat tab Pemetaan SKU atau &apos;tokodesk mapping import&apos;.</translation>
    </message>
    <message>
        <source>Channel {name} has business model {business_model!r}; set pickup, dropoff or own_courier in the channel settings.</source>
        <translation>Channel {name} memakai model bisnis {business_model!r}; pilih pickup, dropoff atau own_courier di pengaturan channel.</translation>
    </message>
    <message>
        <source>The order is on hold on the marketplace and must not be shipped yet.</source>
        <translation>Pesanan ini ditahan di marketplace dan belum boleh dikirim.</translation>
    </message>
    <message>
        <source>{packed} of {parcels} parcels are packed: pack {left} too before shipping (its parcels ship together).</source>
        <translation>{packed} dari {parcels} paket sudah dikemas: kemas juga {left} sebelum dikirim (paket-paketnya dikirim bersama).</translation>
    </message>
    <message>
        <source>Pack the order before shipping it.</source>
        <translation>Kemas pesanan sebelum mengirimnya.</translation>
    </message>
    <message>
        <source>This order&apos;s parcel also holds order {orders}, which is not packed yet: pack it before shipping (they travel as one parcel).</source>
        <translation>Paket pesanan ini juga berisi pesanan {orders}, yang belum dikemas: kemas pesanan itu sebelum dikirim (keduanya dikirim dalam satu paket).</translation>
    </message>
    <message>
        <source>Only packed orders can be shipped; this one is {state}.</source>
        <translation>Hanya pesanan yang sudah dikemas yang bisa dikirim; status pesanan ini {state}.</translation>
    </message>
    <message>
        <source>This order goes with the marketplace&apos;s courier, which gives the tracking number itself: ship it without an AWB.</source>
        <translation>Pesanan ini dikirim dengan kurir marketplace, yang memberi nomor resi sendiri: kirim tanpa resi.</translation>
    </message>
    <message>
        <source>This order goes with your own courier: shipping it needs the AWB (resi) number. Enter it (the window&apos;s Ship asks for it; on the command line --awb AWB).</source>
        <translation>Pesanan ini dikirim dengan kurir sendiri: pengirimannya butuh nomor resi (AWB). Isi nomornya (tombol Kirim di jendela memintanya; di baris perintah --awb AWB).</translation>
    </message>
    <message>
        <source>An order that is {state} cannot be cancelled from TokoDesk; {display_name} lets a seller cancel orders that are: {states}.</source>
        <translation>Pesanan berstatus {state} tidak bisa dibatalkan dari TokoDesk; {display_name} mengizinkan penjual membatalkan pesanan berstatus: {states}.</translation>
    </message>
    <message>
        <source>The marketplace does not allow cancelling this order now; use Seller Center if needed.</source>
        <translation>Marketplace tidak mengizinkan pesanan ini dibatalkan sekarang; gunakan Seller Center bila perlu.</translation>
    </message>
    <message>
        <source>Choose a cancel reason: {reason_list}.</source>
        <translation>Pilih alasan pembatalan: {reason_list}.</translation>
    </message>
    <message>
        <source>Reason {wanted!r} is not allowed for this order; choose one of: {reason_list}.</source>
        <translation>Alasan {wanted!r} tidak diizinkan untuk pesanan ini; pilih salah satu: {reason_list}.</translation>
    </message>
    <message>
        <source>Write a short explanation for the buyer (--reason TEXT) for &apos;{label}&apos;.</source>
        <translation>Tulis penjelasan singkat untuk pembeli (--reason TEKS) untuk &apos;{label}&apos;.</translation>
    </message>
    <message>
        <source>The explanation is {n_text} characters; the marketplace accepts at most {max_text}. Shorten it.</source>
        <translation>Penjelasan berisi {n_text} karakter; marketplace menerima paling banyak {max_text}. Persingkat.</translation>
    </message>
    <message>
        <source>&apos;{label}&apos; needs the date the shop opens again (--close-until DD/MM/YYYY).</source>
        <translation>&apos;{label}&apos; butuh tanggal toko buka kembali (--close-until DD/MM/YYYY).</translation>
    </message>
    <message>
        <source>The shop-closed-until date {close_until:%d/%m/%Y} is in the past; pick a later day.</source>
        <translation>Tanggal toko tutup sampai {close_until:%d/%m/%Y} sudah lewat; pilih hari yang lebih lambat.</translation>
    </message>
    <message>
        <source>&apos;{label}&apos; needs a note for buyers (--close-note TEXT).</source>
        <translation>&apos;{label}&apos; butuh catatan untuk pembeli (--close-note TEKS).</translation>
    </message>
    <message>
        <source>The shop-closed note is {n_note} characters; at most {close_note_max}. Shorten it.</source>
        <translation>Catatan toko tutup berisi {n_note} karakter; paling banyak {close_note_max}. Persingkat.</translation>
    </message>
    <message>
        <source> Type a plain hyphen &apos;-&apos; instead.</source>
        <translation> Ketik tanda hubung biasa &apos;-&apos; sebagai gantinya.</translation>
    </message>
    <message>
        <source> Remove the space.</source>
        <translation> Hapus spasinya.</translation>
    </message>
    <message>
        <source>The AWB is empty: type or scan the resi number.</source>
        <translation>Resi kosong: ketik atau pindai nomor resi.</translation>
    </message>
    <message>
        <source>The AWB {awb!r} has {char}, which a barcode (Code 128) cannot hold: use letters, digits and plain symbols only.{hint}</source>
        <translation>Resi {awb!r} berisi {char}, yang tidak bisa dimuat barcode (Code 128): pakai huruf, angka dan simbol biasa saja.{hint}</translation>
    </message>
    <message>
        <source>The AWB {awb!r} has {length} characters; a courier&apos;s resi has at least {least}. Check that the whole number was typed or scanned.</source>
        <translation>Resi {awb!r} berisi {length} karakter; resi kurir paling sedikit {least} karakter. Periksa apakah seluruh nomor sudah diketik atau dipindai.</translation>
    </message>
    <message>
        <source>The AWB {awb!r} has {length} characters; a courier&apos;s resi has at most {most}. Check that only one number was scanned.</source>
        <translation>Resi {awb!r} berisi {length} karakter; resi kurir paling banyak {most} karakter. Periksa apakah hanya satu nomor yang dipindai.</translation>
    </message>
    <message>
        <source>The AWB {awb} is also given for {other}: each parcel has its own AWB.</source>
        <translation>Resi {awb} juga diberikan untuk {other}: setiap paket punya resi sendiri.</translation>
    </message>
    <message>
        <source>The AWB {awb} is already the AWB of order {owner}: check the number.</source>
        <translation>Resi {awb} sudah menjadi resi pesanan {owner}: periksa nomornya.</translation>
    </message>
    <message>
        <source>{display_name} has no packages to combine: each order is one parcel.</source>
        <translation>{display_name} tidak punya paket untuk digabungkan: setiap pesanan satu paket.</translation>
    </message>
    <message>
        <source>Choose at least two orders of one buyer to combine into one package.</source>
        <translation>Pilih paling sedikit dua pesanan dari satu pembeli untuk digabungkan menjadi satu paket.</translation>
    </message>
    <message>
        <source>Only orders of one channel can be combined.</source>
        <translation>Hanya pesanan dari satu channel yang bisa digabungkan.</translation>
    </message>
    <message>
        <source>Order {order_id} is {state}: only orders not shipped yet can be combined.</source>
        <translation>Pesanan {order_id} berstatus {state}: hanya pesanan yang belum dikirim yang bisa digabungkan.</translation>
    </message>
    <message>
        <source>{display_name} does not offer to combine orders {chosen}: only waiting orders of one buyer to one address can travel as one package. Refresh the orders and check them.</source>
        <translation>{display_name} tidak menawarkan penggabungan pesanan {chosen}: hanya pesanan yang menunggu dari satu pembeli ke satu alamat yang bisa dikirim sebagai satu paket. Muat ulang pesanan lalu periksa.</translation>
    </message>
    <message>
        <source>No package {package_id} in the local store: pull the orders first (tokodesk sync orders).</source>
        <translation>Paket {package_id} tidak ada di data lokal: tarik pesanan dulu (tokodesk sync orders).</translation>
    </message>
    <message>
        <source>Package {package_id} serves one order only: there is nothing to uncombine.</source>
        <translation>Paket {package_id} hanya berisi satu pesanan: tidak ada yang bisa dipisahkan.</translation>
    </message>
    <message>
        <source>Package {package_id} is shipped already; it cannot be uncombined.</source>
        <translation>Paket {package_id} sudah dikirim; tidak bisa dipisahkan lagi.</translation>
    </message>
    <message>
        <source>Order {order_id} still waits for the marketplace&apos;s answer to {what}; try again after the next sync.</source>
        <translation>Pesanan {order_id} masih menunggu jawaban marketplace untuk {what}; coba lagi setelah sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>An order was changed by another station or a sync just now; refresh and try again.</source>
        <translation>Sebuah pesanan baru saja diubah oleh stasiun lain atau sinkronisasi; muat ulang lalu coba lagi.</translation>
    </message>
    <message>
        <source>the orders could not be read</source>
        <translation>pesanan-pesanannya tidak bisa dibaca</translation>
    </message>
    <message>
        <source>it did not happen on the marketplace (its answer was lost); do it again if it is still wanted</source>
        <translation>tidak terjadi di marketplace (jawabannya hilang); lakukan lagi bila masih diinginkan</translation>
    </message>
    <message>
        <source>the marketplace&apos;s answer was lost ({lost})</source>
        <translation>jawaban marketplace hilang ({lost})</translation>
    </message>
    <message>
        <source>Order {key} exists in several channels ({names}); choose one with --channel NAME.</source>
        <translation>Pesanan {key} ada di beberapa channel ({names}); pilih satu dengan --channel NAMA.</translation>
    </message>
    <message>
        <source>No order {missing} in the local store. Check the order id or invoice number, or pull orders first (tokodesk sync orders).</source>
        <translation>Pesanan {missing} tidak ada di data lokal. Periksa ID pesanan atau nomor invoice, atau tarik pesanan dulu (tokodesk sync orders).</translation>
    </message>
    <message>
        <source>its code {code!r} is printed as text only, without a barcode ({problem}) on TokoDesk&apos;s own label: the courier has to type it in</source>
        <translation>kodenya {code!r} dicetak sebagai teks saja, tanpa barcode ({problem}), di label TokoDesk sendiri: kurir harus mengetiknya</translation>
    </message>
    <message>
        <source>its code {code!r} is printed as text only, without a barcode ({problem}): the courier has to type it in</source>
        <translation>kodenya {code!r} dicetak sebagai teks saja, tanpa barcode ({problem}): kurir harus mengetiknya</translation>
    </message>
    <message>
        <source>its marketplace label could not be drawn: {error}</source>
        <translation>label marketplace-nya tidak bisa digambar: {error}</translation>
    </message>
    <message>
        <source>package {packages} has no tracking number yet: ship it first, then print its label</source>
        <translation>paket {packages} belum punya nomor resi: kirim dulu, lalu cetak labelnya</translation>
    </message>
    <message>
        <source>The marketplace label needs the channel&apos;s connection.</source>
        <translation>Label marketplace butuh koneksi channel.</translation>
    </message>
    <message>
        <source>the marketplace no longer serves it ({error}); a copy is kept on {stations}: print it from there</source>
        <translation>marketplace sudah tidak menyediakannya ({error}); salinannya disimpan di {stations}: cetak dari sana</translation>
    </message>
    <message>
        <source>the marketplace sent no label: {error}</source>
        <translation>marketplace tidak mengirim label: {error}</translation>
    </message>
    <message>
        <source>it could not be written to the data folder</source>
        <translation>tidak bisa ditulis ke folder data</translation>
    </message>
    <message>
        <source>This TokoDesk cannot draw the marketplace&apos;s HTML label; switch the channel setting &apos;Use marketplace shipping label&apos; off to print TokoDesk&apos;s own label.</source>
        <translation>TokoDesk ini tidak bisa menggambar label HTML marketplace; matikan pengaturan channel &apos;Use marketplace shipping label&apos; untuk mencetak label TokoDesk sendiri.</translation>
    </message>
    <message>
        <source>couriers with parcels waiting: {couriers}</source>
        <translation>kurir dengan paket yang menunggu: {couriers}</translation>
    </message>
    <message>
        <source>no shipped parcels are waiting for a courier</source>
        <translation>tidak ada paket terkirim yang menunggu kurir</translation>
    </message>
    <message>
        <source>No parcels to hand over to courier {courier!r}: a parcel is on the manifest once it is shipped and has its tracking number ({hint}).</source>
        <translation>Tidak ada paket untuk diserahkan ke kurir {courier!r}: paket masuk manifest setelah dikirim dan punya nomor resi ({hint}).</translation>
    </message>
    <message>
        <source>Label order {order_by!r} is not one of {keys}.</source>
        <translation>Urutan label {order_by!r} bukan salah satu dari {keys}.</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>menerima</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>membatalkan</translation>
    </message>
    <message>
        <source>ship</source>
        <translation>mengirim</translation>
    </message>
    <message>
        <source>approve the buyer&apos;s cancellation request</source>
        <translation>menyetujui permintaan pembatalan pembeli</translation>
    </message>
    <message>
        <source>reject the buyer&apos;s cancellation request</source>
        <translation>menolak permintaan pembatalan pembeli</translation>
    </message>
    <message>
        <source>combine the packages</source>
        <translation>menggabungkan paket</translation>
    </message>
    <message>
        <source>uncombine the package</source>
        <translation>memisahkan paket</translation>
    </message>
    <message>
        <source>another station is already resolving this</source>
        <translation>stasiun lain sedang menuntaskannya</translation>
    </message>
    <message>
        <source>Could not {what}: {reason}</source>
        <translation>Tidak bisa {what}: {reason}</translation>
    </message>
    <message>
        <source>Waiting for the marketplace: {reason}. TokoDesk checks again on the next start or sync.</source>
        <translation>Menunggu marketplace: {reason}. TokoDesk memeriksa lagi saat dibuka berikutnya atau saat sinkronisasi.</translation>
    </message>
    <message>
        <source>{why}; reading the order failed too: {error}</source>
        <translation>{why}; membaca pesanan juga gagal: {error}</translation>
    </message>
    <message>
        <source>Package {package_id} is no longer on the marketplace (split or combined again in Seller Center?): refresh the orders and scan the parcel&apos;s label again.</source>
        <translation>Paket {package_id} sudah tidak ada di marketplace (dipisah atau digabung lagi di Seller Center?): muat ulang pesanan lalu pindai label paket lagi.</translation>
    </message>
    <message>
        <source>Package {package_id} is cancelled: do not pack it.</source>
        <translation>Paket {package_id} dibatalkan: jangan dikemas.</translation>
    </message>
    <message>
        <source>Package {package_id} is shipped already ({status}).</source>
        <translation>Paket {package_id} sudah dikirim ({status}).</translation>
    </message>
    <message>
        <source>Package {package_id} is already packed (by {packed_by}).</source>
        <translation>Paket {package_id} sudah dikemas (oleh {packed_by}).</translation>
    </message>
    <message>
        <source>Package {package_id} serves no order here: refresh the orders.</source>
        <translation>Paket {package_id} tidak berisi pesanan di sini: muat ulang pesanan.</translation>
    </message>
    <message>
        <source>Package {package_id} was packed at another station just now.</source>
        <translation>Paket {package_id} baru saja dikemas di stasiun lain.</translation>
    </message>
    <message>
        <source>a seller SKU code has 1 to {most} characters</source>
        <translation>kode SKU penjual berisi 1 sampai {most} karakter</translation>
    </message>
    <message>
        <source>a seller SKU code has no spaces</source>
        <translation>kode SKU penjual tidak boleh berisi spasi</translation>
    </message>
    <message>
        <source>a seller SKU code has only printable characters</source>
        <translation>kode SKU penjual hanya berisi karakter yang bisa dicetak</translation>
    </message>
    <message>
        <source>a seller SKU code does not start with = + - or @ (a spreadsheet would run it as a formula)</source>
        <translation>kode SKU penjual tidak boleh diawali = + - atau @ (spreadsheet akan menjalankannya sebagai rumus)</translation>
    </message>
    <message>
        <source>{code!r} is already a seller SKU in TokoDesk</source>
        <translation>{code!r} sudah menjadi SKU penjual di TokoDesk</translation>
    </message>
    <message>
        <source>{code!r} is already a seller SKU mapped in TokoDesk</source>
        <translation>{code!r} sudah menjadi SKU penjual yang dipetakan di TokoDesk</translation>
    </message>
    <message>
        <source>{code!r} is already the code of another listing ({product_id} {name})</source>
        <translation>{code!r} sudah menjadi kode produk lain ({product_id} {name})</translation>
    </message>
    <message>
        <source>{seller_sku}: the new seller SKU code is the same as the old one</source>
        <translation>{seller_sku}: kode SKU penjual yang baru sama dengan yang lama</translation>
    </message>
    <message>
        <source>new seller SKU {code!r}: {problem}</source>
        <translation>SKU penjual baru {code!r}: {problem}</translation>
    </message>
    <message>
        <source>new seller SKU {used}: choose another code (nothing was kept)</source>
        <translation>SKU penjual baru {used}: pilih kode lain (tidak ada yang disimpan)</translation>
    </message>
    <message>
        <source>nothing to change for {sku}: give a price (second column) and/or yes/no (third)</source>
        <translation>tidak ada yang diubah untuk {sku}: isi harga (kolom kedua) dan/atau yes/no (kolom ketiga)</translation>
    </message>
    <message>
        <source>price of {sku}</source>
        <translation>harga {sku}</translation>
    </message>
    <message>
        <source>{path} has no rows: write seller_sku,price[,active] on each line</source>
        <translation>{path} tidak berisi baris: tulis seller_sku,price[,active] di setiap baris</translation>
    </message>
    <message>
        <source>channel {name!r}: its marketplace adapter says nothing about catalogue edits</source>
        <translation>channel {name!r}: adapter marketplace-nya tidak menyebut apa pun tentang perubahan katalog</translation>
    </message>
    <message>
        <source>nothing to change: give --price, --active or --seller-sku</source>
        <translation>tidak ada yang diubah: isi --price, --active atau --seller-sku</translation>
    </message>
    <message>
        <source>no marketplace SKU is mapped to seller SKU {seller_sku!r}{where}: map it first (&apos;tokodesk mapping&apos;, or the SKU mapping tab), then pull the SKUs (&apos;tokodesk sync skus&apos;)</source>
        <translation>tidak ada SKU marketplace yang dipetakan ke SKU penjual {seller_sku!r}{where}: petakan dulu (&apos;tokodesk mapping&apos;, atau tab Pemetaan SKU), lalu tarik SKU (&apos;tokodesk sync skus&apos;)</translation>
    </message>
    <message>
        <source>{seller_sku} on channel {name!r}: seller SKU codes cannot be changed from TokoDesk: {seller_sku_refusal}{others}</source>
        <translation>{seller_sku} di channel {name!r}: kode SKU penjual tidak bisa diubah dari TokoDesk: {seller_sku_refusal}{others}</translation>
    </message>
    <message>
        <source>{seller_sku}: marketplace SKU {product_id} of channel {name!r} was not pulled yet, so its current price is unknown: run &apos;tokodesk sync skus&apos; first</source>
        <translation>{seller_sku}: SKU marketplace {product_id} di channel {name!r} belum ditarik, jadi harganya sekarang belum diketahui: jalankan &apos;tokodesk sync skus&apos; dulu</translation>
    </message>
    <message>
        <source>{display_name} does not let TokoDesk change the {name} of a SKU</source>
        <translation>{display_name} tidak mengizinkan TokoDesk mengubah {name} sebuah SKU</translation>
    </message>
    <message>
        <source>{seller_sku}: the last push of its {name} is not settled yet (its answer was lost or it waits to be sent): run &apos;tokodesk catalog push&apos; to settle it first</source>
        <translation>{seller_sku}: pembaruan {name} terakhirnya belum tuntas (jawabannya hilang atau masih menunggu dikirim): jalankan &apos;tokodesk catalog push&apos; untuk menuntaskannya dulu</translation>
    </message>
    <message>
        <source>{seller_sku}: on {marketplace} a listing is switched on for the whole product, so these {n} other SKU(s) of it go on with it: {others}. To switch the whole product, confirm it (--whole-product); otherwise set their stock to 0 instead. Nothing was kept</source>
        <translation>{seller_sku}: di {marketplace} produk diaktifkan untuk seluruh produk, jadi {n} SKU lain dari produk ini ikut aktif: {others}. Untuk mengaktifkan seluruh produk, konfirmasi (--whole-product); kalau tidak, atur stoknya ke 0 saja. Tidak ada yang disimpan</translation>
    </message>
    <message>
        <source>{seller_sku}: on {marketplace} a listing is switched off for the whole product, so these {n} other SKU(s) of it go off with it: {others}. To switch the whole product, confirm it (--whole-product); otherwise set their stock to 0 instead. Nothing was kept</source>
        <translation>{seller_sku}: di {marketplace} produk dinonaktifkan untuk seluruh produk, jadi {n} SKU lain dari produk ini ikut nonaktif: {others}. Untuk menonaktifkan seluruh produk, konfirmasi (--whole-product); kalau tidak, atur stoknya ke 0 saja. Tidak ada yang disimpan</translation>
    </message>
    <message>
        <source>say which drafts to discard: seller SKUs, or --all</source>
        <translation>sebutkan draf mana yang dibuang: SKU penjual, atau --all</translation>
    </message>
    <message>
        <source>no draft to discard for seller SKU {unknown}: &apos;tokodesk catalog drafts&apos; lists what is waiting; nothing was discarded</source>
        <translation>tidak ada draf untuk dibuang bagi SKU penjual {unknown}: &apos;tokodesk catalog drafts&apos; menampilkan yang menunggu; tidak ada yang dibuang</translation>
    </message>
    <message>
        <source>{seller_sku} ({sku}) {field} {value}</source>
        <translation>{seller_sku} ({sku}) {field} {value}</translation>
    </message>
    <message>
        <source>{row}: Accepted</source>
        <translation>{row}: Diterima</translation>
    </message>
    <message>
        <source>{row}: Failed: {message}</source>
        <translation>{row}: Gagal: {message}</translation>
    </message>
    <message>
        <source>{row}: {message}</source>
        <translation>{row}: {message}</translation>
    </message>
    <message>
        <source>{n_large} price changes are large ({large}{more}): nothing was sent. Check them, then confirm them on purpose (--confirm-large)</source>
        <translation>{n_large} perubahan harga besar ({large}{more}): tidak ada yang dikirim. Periksa, lalu konfirmasi dengan sengaja (--confirm-large)</translation>
    </message>
    <message>
        <source>confirmed by reading the product back</source>
        <translation>dipastikan dengan membaca ulang produk</translation>
    </message>
    <message>
        <source>not sent: {reason}</source>
        <translation>tidak dikirim: {reason}</translation>
    </message>
    <message>
        <source>refused by the marketplace</source>
        <translation>ditolak marketplace</translation>
    </message>
    <message>
        <source>the answer was lost</source>
        <translation>jawabannya hilang</translation>
    </message>
    <message>
        <source>answer lost; confirmed by reading the product back</source>
        <translation>jawaban hilang; dipastikan dengan membaca ulang produk</translation>
    </message>
    <message>
        <source>answer lost and not applied: sent again at the next push</source>
        <translation>jawaban hilang dan tidak diterapkan: dikirim lagi pada pembaruan berikutnya</translation>
    </message>
    <message>
        <source>could not read the prices of {count} SKUs: {error}</source>
        <translation>harga {count} SKU tidak bisa dibaca: {error}</translation>
    </message>
    <message>
        <source>the last reconciliation of {name!r} lists no price difference for {seller_sku!r}: run &apos;tokodesk recon run&apos; to compare again</source>
        <translation>rekonsiliasi terakhir {name!r} tidak mencatat selisih harga untuk {seller_sku!r}: jalankan &apos;tokodesk recon run&apos; untuk membandingkan lagi</translation>
    </message>
    <message>
        <source>taken from the marketplace (reconciliation)</source>
        <translation>diambil dari marketplace (rekonsiliasi)</translation>
    </message>
    <message>
        <source>below the floor of {floor}</source>
        <translation>di bawah batas harga terendah {floor}</translation>
    </message>
    <message>
        <source>{change:+.0f}% (beyond ±{limit}%)</source>
        <translation>{change:+.0f}% (melebihi ±{limit}%)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <source>{label}: {old} → {new}: {why}</source>
        <translation>{label}: {old} → {new}: {why}</translation>
    </message>
    <message>
        <source>price</source>
        <translation>harga</translation>
    </message>
    <message>
        <source>{what}: give a whole number of rupiah, e.g. 15000</source>
        <translation>{what}: isi rupiah dalam angka bulat, misalnya 15000</translation>
    </message>
    <message>
        <source>{what} {text!r}: rupiah are whole numbers (no sen); e.g. 15000 or 15.000</source>
        <translation>{what} {text!r}: rupiah adalah angka bulat (tanpa sen); misalnya 15000 atau 15.000</translation>
    </message>
    <message>
        <source>{what} {text!r} is not a price: give whole rupiah, e.g. 15000 or 15.000</source>
        <translation>{what} {text!r} bukan harga: isi rupiah bulat, misalnya 15000 atau 15.000</translation>
    </message>
    <message>
        <source>{what} must be more than 0</source>
        <translation>{what} harus lebih dari 0</translation>
    </message>
    <message>
        <source>{what} {value} is above the marketplaces&apos; highest price ({price_max})</source>
        <translation>{what} {value} melebihi harga tertinggi marketplace ({price_max})</translation>
    </message>
    <message>
        <source>listing on/off {text!r}: say yes or no</source>
        <translation>produk aktif/nonaktif {text!r}: isi yes atau no</translation>
    </message>
    <message>
        <source>code {code}</source>
        <translation>kode {code}</translation>
    </message>
    <message>
        <source>no code</source>
        <translation>tanpa kode</translation>
    </message>
    <message>
        <source>on</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>off</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <source>active</source>
        <translation>status produk</translation>
    </message>
    <message>
        <source>seller_sku</source>
        <translation>kode SKU penjual</translation>
    </message>
    <message>
        <source>{name}: no catalogue push to undo</source>
        <translation>{name}: tidak ada pembaruan katalog yang bisa dibatalkan</translation>
    </message>
    <message>
        <source>no channel called {name!r}: no channel is set up yet; add one with &apos;tokodesk channel add {name} …&apos; (or open the window)</source>
        <translation>tidak ada channel bernama {name!r}: belum ada channel yang diatur; tambahkan dengan &apos;tokodesk channel add {name} …&apos; (atau buka jendela aplikasi)</translation>
    </message>
    <message>
        <source>no channel called {name!r} (channels: {known}); see &apos;tokodesk channel list&apos;</source>
        <translation>tidak ada channel bernama {name!r} (channel: {known}); lihat &apos;tokodesk channel list&apos;</translation>
    </message>
    <message>
        <source>no channel is set up yet: add one with &apos;tokodesk channel add NAME …&apos; (or open the window)</source>
        <translation>belum ada channel yang diatur: tambahkan dengan &apos;tokodesk channel add NAMA …&apos; (atau buka jendela aplikasi)</translation>
    </message>
    <message>
        <source>there are several channels ({names}): say which one with --channel NAME</source>
        <translation>ada beberapa channel ({names}): sebutkan yang mana dengan --channel NAMA</translation>
    </message>
    <message>
        <source>channel marketplace {marketplace!r} is not one TokoDesk knows ({adapters})</source>
        <translation>marketplace channel {marketplace!r} tidak dikenal TokoDesk ({adapters})</translation>
    </message>
    <message>
        <source>the {marketplace} adapter is not installed in this build of TokoDesk</source>
        <translation>adapter {marketplace} tidak terpasang di versi TokoDesk ini</translation>
    </message>
    <message>
        <source>Order sync from: {wib} is in the future; pick today or an earlier date so new orders are pulled</source>
        <translation>Sinkronkan pesanan sejak: {wib} masih di masa depan; pilih hari ini atau tanggal sebelumnya agar pesanan baru ditarik</translation>
    </message>
    <message>
        <source>Order sync from: {wib} is older than {display_name} can serve. Its order API returns only the last {days} days, so orders before {floor} would never be pulled. Pick {floor} or later; older orders have to be handled in Seller Center.</source>
        <translation>Sinkronkan pesanan sejak: {wib} lebih lama dari yang bisa dilayani {display_name}. API pesanannya hanya memberi {days} hari terakhir, jadi pesanan sebelum {floor} tidak akan pernah ditarik. Pilih {floor} atau sesudahnya; pesanan yang lebih lama harus diurus di Seller Center.</translation>
    </message>
    <message>
        <source>cost price</source>
        <translation>harga modal</translation>
    </message>
    <message>
        <source>seller SKU {unknown} is not known to TokoDesk: pull the SKUs (&apos;tokodesk sync skus&apos;) or count its stock first; nothing was changed</source>
        <translation>SKU penjual {unknown} tidak dikenal TokoDesk: tarik SKU (&apos;tokodesk sync skus&apos;) atau hitung stoknya dulu; tidak ada yang diubah</translation>
    </message>
    <message>
        <source>{sku}: {problem}</source>
        <translation>{sku}: {problem}</translation>
    </message>
    <message>
        <source>{path} has no cost rows: write seller_sku,cost_price on each line</source>
        <translation>{path} tidak berisi baris harga modal: tulis seller_sku,cost_price di setiap baris</translation>
    </message>
    <message>
        <source>{sku} is not a seller SKU TokoDesk knows (pull the SKUs or count its stock first)</source>
        <translation>{sku} bukan SKU penjual yang dikenal TokoDesk (tarik SKU atau hitung stoknya dulu)</translation>
    </message>
    <message>
        <source>a tab</source>
        <translation>karakter tab</translation>
    </message>
    <message>
        <source>a line break</source>
        <translation>pindah baris</translation>
    </message>
    <message>
        <source>{column} {shown!r} starts with {first}, which spreadsheets run as a formula; TokoDesk does not import it. Fix the cell (a value exported by TokoDesk starts with &apos; and is fine)</source>
        <translation>{column} {shown!r} diawali {first}, yang dijalankan spreadsheet sebagai rumus; TokoDesk tidak mengimpornya. Perbaiki selnya (nilai hasil ekspor TokoDesk diawali &apos; dan aman)</translation>
    </message>
    <message>
        <source>the seller SKU is empty</source>
        <translation>SKU penjual kosong</translation>
    </message>
    <message>
        <source>seller SKU</source>
        <translation>SKU penjual</translation>
    </message>
    <message>
        <source>{sku} is already given on line {line}</source>
        <translation>{sku} sudah ada di baris {line}</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}: file tidak ada</translation>
    </message>
    <message>
        <source>{path}: cannot read it ({strerror})</source>
        <translation>{path}: tidak bisa dibaca ({strerror})</translation>
    </message>
    <message>
        <source>{path}: not UTF-8 text (byte {start}); save it from your spreadsheet as &apos;CSV UTF-8&apos; and try again</source>
        <translation>{path}: bukan teks UTF-8 (byte {start}); simpan dari spreadsheet sebagai &apos;CSV UTF-8&apos; lalu coba lagi</translation>
    </message>
    <message>
        <source>OK {what}</source>
        <translation>OK {what}</translation>
    </message>
    <message>
        <source>UNKNOWN code {code}: no parcel TokoDesk holds has it (sync orders, or check the label)</source>
        <translation>KODE TIDAK DIKENAL {code}: tidak ada paket di TokoDesk dengan kode ini (sinkronkan pesanan, atau periksa label)</translation>
    </message>
    <message>
        <source>NOT DUE {what}: the order is cancelled — keep the parcel</source>
        <translation>BUKAN UNTUK DISERAHKAN {what}: pesanan dibatalkan — simpan paketnya</translation>
    </message>
    <message>
        <source>NOT DUE {what}: it goes with {courier}</source>
        <translation>BUKAN UNTUK DISERAHKAN {what}: paket ini untuk {courier}</translation>
    </message>
    <message>
        <source>another courier</source>
        <translation>kurir lain</translation>
    </message>
    <message>
        <source>NOT DUE {what}: already handed over at {when}</source>
        <translation>BUKAN UNTUK DISERAHKAN {what}: sudah diserahkan pada {when}</translation>
    </message>
    <message>
        <source>NOT DUE {what}: already handed over</source>
        <translation>BUKAN UNTUK DISERAHKAN {what}: sudah diserahkan</translation>
    </message>
    <message>
        <source>NOT DUE {what}: not ready to hand over yet ({state}); ship it first</source>
        <translation>BUKAN UNTUK DISERAHKAN {what}: belum siap diserahkan ({state}); atur pengiriman dulu</translation>
    </message>
    <message>
        <source>the scanned code is empty: scan the parcel&apos;s AWB or booking code</source>
        <translation>kode yang dipindai kosong: pindai resi atau kode booking paket</translation>
    </message>
    <message>
        <source>the scanned code is {n_wanted} characters long: that is no AWB or booking code</source>
        <translation>kode yang dipindai panjangnya {n_wanted} karakter: itu bukan resi atau kode booking</translation>
    </message>
    <message>
        <source>name the courier collecting the parcels (for example JNE)</source>
        <translation>sebutkan kurir yang mengambil paket (misalnya JNE)</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>jumlah</translation>
    </message>
    <message>
        <source>{what}: {text!r} is not a number of units</source>
        <translation>{what}: {text!r} bukan jumlah unit</translation>
    </message>
    <message>
        <source>{what} is empty: write a whole number of units, e.g. 12</source>
        <translation>{what} kosong: tulis jumlah unit dalam angka bulat, misalnya 12</translation>
    </message>
    <message>
        <source>{what}: {raw!r} is not a number; write a whole number of units, e.g. 12</source>
        <translation>{what}: {raw!r} bukan angka; tulis jumlah unit dalam angka bulat, misalnya 12</translation>
    </message>
    <message>
        <source>{what}: {raw} is negative; stock cannot be below 0</source>
        <translation>{what}: {raw} negatif; stok tidak bisa di bawah 0</translation>
    </message>
    <message>
        <source>{what}: {raw!r} is not a whole number; stock is counted in whole units (write it without decimals or thousands separators, e.g. 1250)</source>
        <translation>{what}: {raw!r} bukan angka bulat; stok dihitung dalam unit utuh (tulis tanpa desimal atau pemisah ribuan, misalnya 1250)</translation>
    </message>
    <message>
        <source>{what}: {value} is negative; stock cannot be below 0 (use 0 for sold out)</source>
        <translation>{what}: {value} negatif; stok tidak bisa di bawah 0 (isi 0 untuk stok habis)</translation>
    </message>
    <message>
        <source>{what}: {value} is too large (at most {max_quantity:,})</source>
        <translation>{what}: {value} terlalu besar (paling banyak {max_quantity:,})</translation>
    </message>
    <message>
        <source>a seller SKU is empty</source>
        <translation>ada SKU penjual yang kosong</translation>
    </message>
    <message>
        <source>seller SKU {sku!r}… is longer than 255 characters</source>
        <translation>SKU penjual {sku!r}… lebih dari 255 karakter</translation>
    </message>
    <message>
        <source>quantity of {sku}</source>
        <translation>jumlah {sku}</translation>
    </message>
    <message>
        <source>seller SKU {sku} is given twice ({seen} and {qty}); give each SKU once</source>
        <translation>SKU penjual {sku} diisi dua kali ({seen} dan {qty}); isi setiap SKU sekali saja</translation>
    </message>
    <message>
        <source>no such order</source>
        <translation>pesanan tidak ada</translation>
    </message>
    <message>
        <source>order {invoice} is {state}: only a cancelled or returned order&apos;s goods can be received back</source>
        <translation>pesanan {invoice} berstatus {state}: hanya barang dari pesanan yang dibatalkan atau dikembalikan yang bisa diterima kembali</translation>
    </message>
    <message>
        <source>order {invoice}: its stock was never taken off on hand (it was cancelled before it shipped, so the reservation was released); nothing to put back</source>
        <translation>pesanan {invoice}: stoknya tidak pernah dikurangi dari stok fisik (dibatalkan sebelum dikirim, jadi stok yang dipesan sudah dilepas); tidak ada yang dikembalikan ke rak</translation>
    </message>
    <message>
        <source>product {product_id} of channel {name!r} is not known: run &apos;tokodesk sync skus&apos;</source>
        <translation>produk {product_id} di channel {name!r} tidak dikenal: jalankan &apos;tokodesk sync skus&apos;</translation>
    </message>
    <message>
        <source>buffer {buffer} is out of range: use 0 to {max_buffer:,}</source>
        <translation>cadangan {buffer} di luar batas: pakai 0 sampai {max_buffer:,}</translation>
    </message>
    <message>
        <source>seller SKU {seller_sku!r} is not in your stock list: add it first (&apos;tokodesk stock set {seller_sku} QTY&apos;) or let TokoDesk create it</source>
        <translation>SKU penjual {seller_sku!r} tidak ada di daftar stok Anda: tambahkan dulu (&apos;tokodesk stock set {seller_sku} JUMLAH&apos;) atau biarkan TokoDesk membuatnya</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>baris {line}: {reason}</translation>
    </message>
    <message>
        <source>cannot read {path}: {strerror}</source>
        <translation>tidak bisa membaca {path}: {strerror}</translation>
    </message>
    <message>
        <source>{path} is empty: it needs a header row ({csv_columns})</source>
        <translation>{path} kosong: butuh baris judul ({csv_columns})</translation>
    </message>
    <message>
        <source>{path}, line 1: the header must name seller_sku and product_id or marketplace_sku (found: {columns}); export a file with &apos;tokodesk mapping export&apos; to see the layout</source>
        <translation>{path}, baris 1: baris judul harus memuat seller_sku dan product_id atau marketplace_sku (ditemukan: {columns}); ekspor file dengan &apos;tokodesk mapping export&apos; untuk melihat susunannya</translation>
    </message>
    <message>
        <source>product {product_id} is already mapped on line {first_line} of this file</source>
        <translation>produk {product_id} sudah dipetakan di baris {first_line} file ini</translation>
    </message>
    <message>
        <source>seller SKU {seller_sku!r} is not in your stock list (add it first, or import with --create-skus)</source>
        <translation>SKU penjual {seller_sku!r} tidak ada di daftar stok Anda (tambahkan dulu, atau impor dengan --create-skus)</translation>
    </message>
    <message>
        <source>product_id {product_id} is not a product of channel {name!r} (run &apos;tokodesk sync skus&apos;)</source>
        <translation>product_id {product_id} bukan produk channel {name!r} (jalankan &apos;tokodesk sync skus&apos;)</translation>
    </message>
    <message>
        <source>neither product_id nor marketplace_sku is filled in</source>
        <translation>product_id maupun marketplace_sku tidak diisi</translation>
    </message>
    <message>
        <source>marketplace SKU {sku!r} is not a product of channel {name!r}</source>
        <translation>SKU marketplace {sku!r} bukan produk channel {name!r}</translation>
    </message>
    <message>
        <source>marketplace SKU {sku!r} is on several products ({ids}): give the product_id</source>
        <translation>SKU marketplace {sku!r} ada di beberapa produk ({ids}): isi product_id</translation>
    </message>
    <message>
        <source>channel {name!r} does not exist (channels: {channels})</source>
        <translation>channel {name!r} tidak ada (channel: {channels})</translation>
    </message>
    <message>
        <source>channel {name!r} is not {this_channel!r}, the channel this import is for</source>
        <translation>channel {name!r} bukan {this_channel!r}, channel tujuan impor ini</translation>
    </message>
    <message>
        <source>the channel column is empty and there are several channels: fill it in or use --channel</source>
        <translation>kolom channel kosong dan ada beberapa channel: isi kolomnya atau pakai --channel</translation>
    </message>
    <message>
        <source>buffer {text!r} is not a whole number</source>
        <translation>cadangan {text!r} bukan angka bulat</translation>
    </message>
    <message>
        <source>buffer {value} is negative: use 0 or more</source>
        <translation>cadangan {value} negatif: pakai 0 atau lebih</translation>
    </message>
    <message>
        <source>buffer {value} is too large: at most {max_buffer:,}</source>
        <translation>cadangan {value} terlalu besar: paling banyak {max_buffer:,}</translation>
    </message>
    <message>
        <source>--since: {wib} is in the future; give the date the missed orders were placed, today or earlier</source>
        <translation>--since: {wib} masih di masa depan; isi tanggal pesanan yang terlewat dibuat, hari ini atau sebelumnya</translation>
    </message>
    <message>
        <source>orders created before {when} are older than {marketplace} serves and were not pulled</source>
        <translation>pesanan yang dibuat sebelum {when} lebih lama dari yang disediakan {marketplace} dan tidak ditarik</translation>
    </message>
    <message>
        <source>the order pull stopped at {when}: {error}</source>
        <translation>penarikan pesanan berhenti di {when}: {error}</translation>
    </message>
    <message>
        <source>order {order_id}: {reason}</source>
        <translation>pesanan {order_id}: {reason}</translation>
    </message>
    <message>
        <source>No stock item with seller SKU {seller_sku!r}: pull the SKUs or add it first.</source>
        <translation>Tidak ada stok dengan SKU penjual {seller_sku!r}: tarik SKU atau tambahkan dulu.</translation>
    </message>
    <message>
        <source>Barcode {code!r} has spaces or invisible characters: scan it again.</source>
        <translation>Barcode {code!r} berisi spasi atau karakter tak terlihat: pindai lagi.</translation>
    </message>
    <message>
        <source>Barcode {code!r} already names {other_sku}: one code must name one item.</source>
        <translation>Barcode {code!r} sudah dipakai untuk {other_sku}: satu kode hanya untuk satu barang.</translation>
    </message>
    <message>
        <source>Keep videos: the days and the GB must be 0 (no limit) or more.</source>
        <translation>Simpan video: jumlah hari dan GB harus 0 (tanpa batas) atau lebih.</translation>
    </message>
    <message>
        <source>Longest clip: give at least 1 minute.</source>
        <translation>Klip terpanjang: isi paling sedikit 1 menit.</translation>
    </message>
    <message>
        <source>The video folder {folder} cannot be written ({strerror}): plug the disk in or choose another folder in Settings → Packing video. Packing goes on without video.</source>
        <translation>Folder video {folder} tidak bisa ditulisi ({strerror}): pasang disknya atau pilih folder lain di Pengaturan → Video pengemasan. Pengemasan tetap berjalan tanpa video.</translation>
    </message>
    <message>
        <source>The video folder {folder} has only {free} MB free (at least {min_free} MB needed): free some space, keep videos for fewer days, or choose another folder in Settings → Packing video. Packing goes on without video.</source>
        <translation>Folder video {folder} hanya punya {free} MB kosong (butuh paling sedikit {min_free} MB): kosongkan sebagian ruang, simpan video lebih sedikit hari, atau pilih folder lain di Pengaturan → Video pengemasan. Pengemasan tetap berjalan tanpa video.</translation>
    </message>
    <message>
        <source>That packing video is no longer in the database.</source>
        <translation>Video pengemasan itu sudah tidak ada di database.</translation>
    </message>
    <message>
        <source>The video file {source} is not there (removed by the retention setting, or recorded at station {station}): export it on the station that keeps it.</source>
        <translation>File video {source} tidak ada (dihapus oleh pengaturan masa simpan, atau direkam di stasiun {station}): ekspor dari stasiun yang menyimpannya.</translation>
    </message>
    <message>
        <source>The video file {source} has changed since it was recorded (its SHA-256 differs): it cannot be exported as the recording.</source>
        <translation>File video {source} sudah berubah sejak direkam (SHA-256-nya berbeda): tidak bisa diekspor sebagai rekaman asli.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written ({strerror}): choose another.</source>
        <translation>Folder {folder} tidak bisa ditulisi ({strerror}): pilih folder lain.</translation>
    </message>
    <message>
        <source>{name} is already in {folder}: choose an empty folder (nothing was overwritten).</source>
        <translation>{name} sudah ada di {folder}: pilih folder kosong (tidak ada yang ditimpa).</translation>
    </message>
    <message>
        <source>Exporting to {folder} failed ({strerror}); nothing was left there.</source>
        <translation>Ekspor ke {folder} gagal ({strerror}); tidak ada yang tertinggal di sana.</translation>
    </message>
    <message>
        <source>XLSX export needs the openpyxl package ({openpyxl_pin}), which this TokoDesk does not have; export --csv instead (Excel opens it too)</source>
        <translation>Ekspor XLSX butuh paket openpyxl ({openpyxl_pin}), yang tidak ada di TokoDesk ini; ekspor dengan --csv saja (Excel juga bisa membukanya)</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>menyetujui</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>menolak</translation>
    </message>
    <message>
        <source>receive</source>
        <translation>menerima</translation>
    </message>
    <message>
        <source>offer</source>
        <translation>menawarkan</translation>
    </message>
    <message>
        <source>another station is already doing this</source>
        <translation>stasiun lain sedang mengerjakannya</translation>
    </message>
    <message>
        <source>another station finished this meanwhile</source>
        <translation>stasiun lain sudah menyelesaikannya sementara itu</translation>
    </message>
    <message>
        <source>decisions on returns</source>
        <translation>keputusan atas pengembalian</translation>
    </message>
    <message>
        <source>choose the units the partial refund is for (SKU=QTY), at least one</source>
        <translation>pilih unit untuk pengembalian dana sebagian (SKU=JUMLAH), paling sedikit satu</translation>
    </message>
    <message>
        <source>{seller_sku}={qty}: the buyer asked about {quantity}</source>
        <translation>{seller_sku}={qty}: pembeli mengajukan {quantity}</translation>
    </message>
    <message>
        <source>{seller_sku}: the marketplace named no sku id for this line (sync returns again)</source>
        <translation>{seller_sku}: marketplace tidak menyebut sku id untuk baris ini (sinkronkan pengembalian lagi)</translation>
    </message>
    <message>
        <source>{wanted}: return {return_id} has no such SKU (it has {have})</source>
        <translation>{wanted}: pengembalian {return_id} tidak punya SKU itu (yang ada: {have})</translation>
    </message>
    <message>
        <source>return {return_id} belongs to another channel</source>
        <translation>pengembalian {return_id} milik channel lain</translation>
    </message>
    <message>
        <source>{display_name} takes no photos with a rejection: reject without them, or in Seller Center</source>
        <translation>{display_name} tidak menerima foto saat menolak: tolak tanpa foto, atau di Seller Center</translation>
    </message>
    <message>
        <source>an earlier decision on this return ({kind}) is still waiting for the marketplace&apos;s answer; try again after the next sync</source>
        <translation>keputusan sebelumnya untuk pengembalian ini ({kind}) masih menunggu jawaban marketplace; coba lagi setelah sinkronisasi berikutnya</translation>
    </message>
    <message>
        <source>return {return_id} was already received ({decision_detail})</source>
        <translation>pengembalian {return_id} sudah diterima ({decision_detail})</translation>
    </message>
    <message>
        <source>return {return_id}: its goods were already checked in ({decision_detail}); only the marketplace&apos;s approval is still to send</source>
        <translation>pengembalian {return_id}: barangnya sudah diterima di gudang ({decision_detail}); tinggal persetujuan ke marketplace yang belum dikirim</translation>
    </message>
    <message>
        <source>received yet: its parcel has not been sent back</source>
        <translation>diterima sekarang: paket returnya belum dikirim balik</translation>
    </message>
    <message>
        <source>offered a partial refund now</source>
        <translation>ditawari pengembalian dana sebagian sekarang</translation>
    </message>
    <message>
        <source>a partial refund must be above Rp0 and below the full refund (Rp{full})</source>
        <translation>pengembalian dana sebagian harus di atas Rp0 dan di bawah pengembalian dana penuh (Rp{full})</translation>
    </message>
    <message>
        <source>return {return_id}: the parcel came back; check it in with &apos;tokodesk returns receive {return_id}&apos; (that approves it), or reject it</source>
        <translation>pengembalian {return_id}: paket retur sudah kembali; terima dengan &apos;tokodesk returns receive {return_id}&apos; (itu sekaligus menyetujuinya), atau tolak</translation>
    </message>
    <message>
        <source>approved or rejected now</source>
        <translation>disetujui atau ditolak sekarang</translation>
    </message>
    <message>
        <source>the return was changed by another station or a sync just now; refresh and try again</source>
        <translation>pengembalian baru saja diubah oleh stasiun lain atau sinkronisasi; muat ulang lalu coba lagi</translation>
    </message>
    <message>
        <source>Could not {what} the return: {reason}</source>
        <translation>Tidak bisa {what} pengembalian: {reason}</translation>
    </message>
    <message>
        <source>Waiting for the marketplace: {reason}. TokoDesk checks again on the next sync.</source>
        <translation>Menunggu marketplace: {reason}. TokoDesk memeriksa lagi saat sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>it waits for the buyer to send the goods back</source>
        <translation>masih menunggu pembeli mengirim barangnya kembali</translation>
    </message>
    <message>
        <source>it is closed ({status})</source>
        <translation>sudah ditutup ({status})</translation>
    </message>
    <message>
        <source>its parcel was sent back: receive it (tokodesk returns receive) or reject it</source>
        <translation>paket returnya sudah dikirim balik: terima (tokodesk returns receive) atau tolak</translation>
    </message>
    <message>
        <source>it waits for your answer: approve or reject it</source>
        <translation>menunggu jawaban Anda: setujui atau tolak</translation>
    </message>
    <message>
        <source>return {return_id} cannot be {what}: {why}</source>
        <translation>pengembalian {return_id} tidak bisa {what}: {why}</translation>
    </message>
    <message>
        <source>(the marketplace offers none now)</source>
        <translation>(marketplace tidak menawarkan alasan apa pun sekarang)</translation>
    </message>
    <message>
        <source>choose a reason to reject the return (--reason NAME): {listed}</source>
        <translation>pilih alasan menolak pengembalian (--reason NAMA): {listed}</translation>
    </message>
    <message>
        <source>reason {wanted!r} is not offered for this return; choose one of: {listed}</source>
        <translation>alasan {wanted!r} tidak tersedia untuk pengembalian ini; pilih salah satu: {listed}</translation>
    </message>
    <message>
        <source>a TIFF image</source>
        <translation>gambar TIFF</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>gambar GIF</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>dokumen PDF</translation>
    </message>
    <message>
        <source>a ZIP archive</source>
        <translation>arsip ZIP</translation>
    </message>
    <message>
        <source>a video</source>
        <translation>video</translation>
    </message>
    <message>
        <source>not an image</source>
        <translation>bukan gambar</translation>
    </message>
    <message>
        <source>photo {photo!r}: no such file (check the path)</source>
        <translation>foto {photo!r}: file tidak ada (periksa lokasinya)</translation>
    </message>
    <message>
        <source>photo {photo!r}: the file is empty</source>
        <translation>foto {photo!r}: file kosong</translation>
    </message>
    <message>
        <source>photo {photo!r}: {mb} MB; Tokopedia &amp; Shop takes at most 10 MB a photo (save it smaller, e.g. as JPG)</source>
        <translation>foto {photo!r}: {mb} MB; Tokopedia &amp; Shop menerima paling besar 10 MB per foto (simpan lebih kecil, misalnya sebagai JPG)</translation>
    </message>
    <message>
        <source>photo {photo!r}: {kind}; Tokopedia &amp; Shop takes {types} photos</source>
        <translation>foto {photo!r}: {kind}; Tokopedia &amp; Shop menerima foto {types}</translation>
    </message>
    <message>
        <source>photo {photo!r}: the {kind} file cannot be read (damaged or cut short)</source>
        <translation>foto {photo!r}: file {kind} tidak bisa dibaca (rusak atau terpotong)</translation>
    </message>
    <message>
        <source>photo {photo!r}: {width}×{height} px; a photo must be from {least}×{least} to {most}×{most} px</source>
        <translation>foto {photo!r}: {width}×{height} px; ukuran foto harus dari {least}×{least} sampai {most}×{most} px</translation>
    </message>
    <message>
        <source>photo {photo!r}: the same picture is attached twice</source>
        <translation>foto {photo!r}: gambar yang sama dilampirkan dua kali</translation>
    </message>
    <message>
        <source>{problems}. Nothing was sent</source>
        <translation>{problems}. Tidak ada yang dikirim</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}; {rest}</translation>
    </message>
    <message>
        <source>photo {photo!r} is no longer at {path}: reject again with the photos where they are now</source>
        <translation>foto {photo!r} sudah tidak ada di {path}: tolak lagi dengan foto di lokasinya sekarang</translation>
    </message>
    <message>
        <source>photo {photo!r} changed since the rejection was written: reject again with the photos as they are now</source>
        <translation>foto {photo!r} berubah sejak penolakan ditulis: tolak lagi dengan foto yang sekarang</translation>
    </message>
    <message>
        <source>returns</source>
        <translation>pengembalian</translation>
    </message>
    <message>
        <source>Channel {name} uses {display_name} ({marketplace}), whose API offers no {what}: handle returns in Seller Center.</source>
        <translation>Channel {name} memakai {display_name} ({marketplace}), yang API-nya tidak menyediakan {what}: urus pengembalian di Seller Center.</translation>
    </message>
    <message>
        <source>return {return_id}: {error}</source>
        <translation>pengembalian {return_id}: {error}</translation>
    </message>
    <message>
        <source>the return sync stopped: {error}</source>
        <translation>sinkronisasi pengembalian berhenti: {error}</translation>
    </message>
    <message>
        <source>return {return_id}: the buyer&apos;s photos were not read ({error})</source>
        <translation>pengembalian {return_id}: foto dari pembeli tidak terbaca ({error})</translation>
    </message>
    <message>
        <source>--state {state!r}: use one of {states}</source>
        <translation>--state {state!r}: pakai salah satu dari {states}</translation>
    </message>
    <message>
        <source>no return {key!r}: give a return id (or its order&apos;s id or invoice) from &apos;tokodesk returns list&apos;; run &apos;tokodesk sync returns&apos; to fetch new ones</source>
        <translation>tidak ada pengembalian {key!r}: isi ID pengembalian (atau ID pesanan atau invoice-nya) dari &apos;tokodesk returns list&apos;; jalankan &apos;tokodesk sync returns&apos; untuk mengambil yang baru</translation>
    </message>
    <message>
        <source>{key!r} matches {n_found} returns ({return_ids}): give the return id</source>
        <translation>{key!r} cocok dengan {n_found} pengembalian ({return_ids}): isi ID pengembalian</translation>
    </message>
    <message>
        <source>{option} {item!r}: write SKU=QTY with a whole number above 0, e.g. {option} KAOS-M=1</source>
        <translation>{option} {item!r}: tulis SKU=JUMLAH dengan angka bulat di atas 0, misalnya {option} KAOS-M=1</translation>
    </message>
    <message>
        <source>return {return_id} is a {return_type} without goods coming back: there is nothing to receive, and no stock moves</source>
        <translation>pengembalian {return_id} adalah {return_type} tanpa barang yang kembali: tidak ada yang diterima, dan stok tidak berubah</translation>
    </message>
    <message>
        <source>return {return_id}: the line {sku} ({name}) is not mapped to one of your SKUs; map it first (tokodesk mapping import), then receive the parcel</source>
        <translation>pengembalian {return_id}: baris {sku} ({name}) belum dipetakan ke SKU penjual Anda; petakan dulu (tokodesk mapping import), lalu terima paketnya</translation>
    </message>
    <message>
        <source>--damaged {sku}: return {return_id} has no such SKU (it has {totals})</source>
        <translation>--damaged {sku}: pengembalian {return_id} tidak punya SKU itu (yang ada: {totals})</translation>
    </message>
    <message>
        <source>--damaged {sku}={bad}: only {totals} came back in return {return_id}</source>
        <translation>--damaged {sku}={bad}: hanya {totals} yang kembali di pengembalian {return_id}</translation>
    </message>
    <message>
        <source>were never pulled</source>
        <translation>belum pernah ditarik</translation>
    </message>
    <message>
        <source>were not pulled in the last 30 minutes</source>
        <translation>tidak ditarik dalam 30 menit terakhir</translation>
    </message>
    <message>
        <source>the orders of channel {name!r} {when}: pull them first (&apos;tokodesk sync orders&apos; or Sync now), so the count includes what open orders hold; nothing was changed</source>
        <translation>pesanan channel {name!r} {when}: tarik dulu (&apos;tokodesk sync orders&apos; atau Sinkronkan), agar hitungan mencakup stok yang dipesan pesanan terbuka; tidak ada yang diubah</translation>
    </message>
    <message>
        <source>also listed on channel {other!r}: count it yourself (stock set), one channel&apos;s figure does not give the other&apos;s share</source>
        <translation>juga dijual di channel {other!r}: hitung sendiri (stock set), angka satu channel tidak menunjukkan bagian channel lain</translation>
    </message>
    <message>
        <source>could not be read ({error})</source>
        <translation>tidak bisa dibaca ({error})</translation>
    </message>
    <message>
        <source>could not read listings {first}…{last}: {error}</source>
        <translation>produk {first}…{last} tidak bisa dibaca: {error}</translation>
    </message>
    <message>
        <source>listing {listing} {why}</source>
        <translation>produk {listing} {why}</translation>
    </message>
    <message>
        <source>listing {listing} was not found on the marketplace (deleted or deactivated?): pull the products again, or count it yourself</source>
        <translation>produk {listing} tidak ditemukan di marketplace (dihapus atau dinonaktifkan?): tarik produk lagi, atau hitung sendiri</translation>
    </message>
    <message>
        <source>listed {times} times ({figures}): the push shares one count evenly ({shares}), which would move their stock; count it yourself (stock set)</source>
        <translation>dijual {times} kali ({figures}): perbarui stok membagi satu hitungan sama rata ({shares}), yang akan mengubah stoknya; hitung sendiri (stock set)</translation>
    </message>
    <message>
        <source>counted meanwhile: that count is kept</source>
        <translation>sudah dihitung sementara itu: hitungan itu dipakai</translation>
    </message>
    <message>
        <source>product pull did not finish ({why})</source>
        <translation>penarikan produk belum selesai ({why})</translation>
    </message>
    <message>
        <source>order pull did not finish ({why})</source>
        <translation>penarikan pesanan belum selesai ({why})</translation>
    </message>
    <message>
        <source>Not imported: the {failed}. Your SKUs stay not counted and nothing is pushed; import the file again in the Inventory tab.</source>
        <translation>Tidak diimpor: {failed}. SKU Anda tetap belum dihitung dan stok tidak diperbarui di marketplace; impor file lagi di tab Stok.</translation>
    </message>
    <message>
        <source>Not adopted: the {failed}. Your SKUs stay not counted and nothing is pushed; use the marketplace&apos;s stock later in the Inventory tab.</source>
        <translation>Stok marketplace tidak dipakai: {failed}. SKU Anda tetap belum dihitung dan stok tidak diperbarui di marketplace; pakai stok marketplace nanti di tab Stok.</translation>
    </message>
    <message>
        <source>Not adopted: {reason}. Your SKUs stay not counted and nothing is pushed; use the marketplace&apos;s stock later in the Inventory tab.</source>
        <translation>Stok marketplace tidak dipakai: {reason}. SKU Anda tetap belum dihitung dan stok tidak diperbarui di marketplace; pakai stok marketplace nanti di tab Stok.</translation>
    </message>
    <message>
        <source>order {invoice}: {sku} came back already ({earlier}); it had {ordered}, so {good} more cannot come back. Nothing was changed: a parcel goes back on the shelf once, whichever way it is checked in</source>
        <translation>pesanan {invoice}: {sku} sudah kembali sebelumnya ({earlier}); pesanannya {ordered}, jadi {good} lagi tidak bisa kembali. Tidak ada yang diubah: paket retur masuk rak sekali saja, lewat jalan mana pun diterimanya</translation>
    </message>
    <message>
        <source>no on-hand count for {sku}: add it in the second column</source>
        <translation>tidak ada stok fisik untuk {sku}: isi di kolom kedua</translation>
    </message>
    <message>
        <source>on-hand count of {sku}</source>
        <translation>stok fisik {sku}</translation>
    </message>
    <message>
        <source>{path}:{line}: {reason}</source>
        <translation>{path}:{line}: {reason}</translation>
    </message>
    <message>
        <source>{path} has no stock rows: write seller_sku,on_hand on each line</source>
        <translation>{path} tidak berisi baris stok: tulis seller_sku,on_hand di setiap baris</translation>
    </message>
    <message>
        <source>no label for an order that is {state}</source>
        <translation>tidak ada label untuk pesanan berstatus {state}</translation>
    </message>
    <message>
        <source>its recipient&apos;s name or phone came masked from the marketplace ({name}, {phone}), so the courier cannot call the buyer from TokoDesk&apos;s own label: turn on &quot;Use marketplace shipping label&quot; for channel {channel} (Channel tab) and print the marketplace&apos;s label</source>
        <translation>nama atau nomor HP penerimanya disamarkan oleh marketplace ({name}, {phone}), jadi kurir tidak bisa menelepon pembeli dari label TokoDesk sendiri: aktifkan &quot;Pakai label pengiriman marketplace&quot; untuk channel {channel} (tab Channel) lalu cetak label dari marketplace</translation>
    </message>
    <message>
        <source>{display_name} makes its label only after the package has been arranged (shipped): use Arrange shipment and print in the window, or ship it first (tokodesk orders ship)</source>
        <translation>{display_name} membuat labelnya hanya setelah pengiriman paket diatur (dikirim): pakai Atur pengiriman dan cetak di jendela, atau kirim dulu (tokodesk orders ship)</translation>
    </message>
    <message>
        <source>it goes with your own courier and has no AWB yet: ship it with its AWB, then print its label (a label without a code cannot be scanned)</source>
        <translation>pesanan ini dikirim dengan kurir sendiri dan belum punya resi: kirim dengan resinya, lalu cetak labelnya (label tanpa kode tidak bisa dipindai)</translation>
    </message>
    <message>
        <source>{display_name} gives the tracking number only when the order is shipped: use Arrange shipment and print in the window, or ship it first (tokodesk orders ship), so the label has a barcode for the courier</source>
        <translation>{display_name} memberi nomor resi hanya saat pesanan dikirim: pakai Atur pengiriman dan cetak di jendela, atau kirim dulu (tokodesk orders ship), agar label punya barcode untuk kurir</translation>
    </message>
    <message>
        <source>the marketplace has not issued its booking code yet, so the label would have nothing for the courier to scan: sync the orders in a minute and print again</source>
        <translation>marketplace belum mengeluarkan kode booking, jadi label tidak punya kode untuk dipindai kurir: sinkronkan pesanan sebentar lagi lalu cetak ulang</translation>
    </message>
    <message>
        <source>a whole number from {minimum} to {maximum}, or none</source>
        <translation>angka bulat dari {minimum} sampai {maximum}, atau none</translation>
    </message>
    <message>
        <source>a whole number from {minimum} to {maximum}</source>
        <translation>angka bulat dari {minimum} sampai {maximum}</translation>
    </message>
    <message>
        <source>a date YYYY-MM-DD or &apos;YYYY-MM-DD HH:MM&apos; (WIB), not in the future</source>
        <translation>tanggal YYYY-MM-DD atau &apos;YYYY-MM-DD HH:MM&apos; (WIB), bukan di masa depan</translation>
    </message>
    <message>
        <source>text (may be empty)</source>
        <translation>teks (boleh kosong)</translation>
    </message>
    <message>
        <source>fixed: the channel&apos;s secrets in the OS keyring are filed under its name; add a channel under the new name instead</source>
        <translation>tetap: rahasia channel di keyring sistem disimpan dengan namanya; tambahkan channel dengan nama baru saja</translation>
    </message>
    <message>
        <source>fixed: order sync continues from the last pull; the start date is set once, when the channel is added</source>
        <translation>tetap: sinkronisasi pesanan berlanjut dari penarikan terakhir; tanggal mulai diatur sekali, saat channel ditambahkan</translation>
    </message>
    <message>
        <source>a price change of more than this many percent, up or down, waits for a second confirmation; 0 would ask for every change and a negative percentage means nothing</source>
        <translation>perubahan harga lebih dari persentase ini, naik atau turun, menunggu konfirmasi kedua; 0 akan meminta konfirmasi untuk setiap perubahan dan persentase negatif tidak berarti apa-apa</translation>
    </message>
    <message>
        <source>a new price below this many rupiah waits for a second confirmation; 0 sets no floor, and a price is never negative</source>
        <translation>harga baru di bawah rupiah ini menunggu konfirmasi kedua; 0 berarti tanpa batas bawah, dan harga tidak pernah negatif</translation>
    </message>
    <message>
        <source>{key!r} is not a channel setting; the settings are: {settings}</source>
        <translation>{key!r} bukan pengaturan channel; pengaturannya: {settings}</translation>
    </message>
    <message>
        <source>{key}={shown!r} is not accepted; {key} takes {accepts} ({means})</source>
        <translation>{key}={shown!r} tidak diterima; {key} menerima {accepts} ({means})</translation>
    </message>
    <message>
        <source>{key}={shown!r} is not accepted; {key} takes {accepts}</source>
        <translation>{key}={shown!r} tidak diterima; {key} menerima {accepts}</translation>
    </message>
    <message>
        <source>{key} cannot be set: {fixed}</source>
        <translation>{key} tidak bisa diubah: {fixed}</translation>
    </message>
    <message>
        <source>{key} takes one line of at most {most} characters</source>
        <translation>{key} menerima satu baris paling banyak {most} karakter</translation>
    </message>
    <message>
        <source>Channel {name} uses {display_name} ({marketplace}), whose API has no finance reads (statements, settlements, withdrawals): payouts are not available for it. Check payouts in Seller Center.</source>
        <translation>Channel {name} memakai {display_name} ({marketplace}), yang API-nya tidak bisa membaca keuangan (laporan, penyelesaian dana, penarikan): penghasilan tidak tersedia untuknya. Periksa penghasilan di Seller Center.</translation>
    </message>
    <message>
        <source>Channel {name}: no finance reads.</source>
        <translation>Channel {name}: tidak bisa membaca data keuangan.</translation>
    </message>
    <message>
        <source>the payouts sync stopped: {error}</source>
        <translation>sinkronisasi penghasilan berhenti: {error}</translation>
    </message>
    <message>
        <source>{record}: {reason}</source>
        <translation>{record}: {reason}</translation>
    </message>
    <message>
        <source>transaction {transaction_id}: {error}</source>
        <translation>transaksi {transaction_id}: {error}</translation>
    </message>
    <message>
        <source> since {since}</source>
        <translation> sejak {since}</translation>
    </message>
    <message>
        <source>a &apos;{kind}&apos; sync of channel &apos;{channel}&apos; is already running: held by {holder}{since}. Wait for it to finish; if that process is gone, the lock frees itself at {expires}.</source>
        <translation>sinkronisasi &apos;{kind}&apos; channel &apos;{channel}&apos; sedang berjalan: dipegang oleh {holder}{since}. Tunggu sampai selesai; kalau proses itu sudah tidak ada, kuncinya lepas sendiri pada {expires}.</translation>
    </message>
    <message>
        <source>… more errors left out; the counts above are complete</source>
        <translation>… kesalahan lainnya tidak dicantumkan; jumlah di atas tetap lengkap</translation>
    </message>
    <message>
        <source>{holder} (another task of this TokoDesk)</source>
        <translation>{holder} (tugas lain dari TokoDesk ini)</translation>
    </message>
    <message>
        <source>interrupted: the process ended mid-run</source>
        <translation>terputus: prosesnya berhenti di tengah jalan</translation>
    </message>
    <message>
        <source>no parcel {code!r}: neither an order that came back undelivered (status 550, or cancelled after it shipped) nor a buyer&apos;s return has this AWB</source>
        <translation>tidak ada paket {code!r}: tidak ada pesanan yang kembali karena gagal kirim (status 550, atau dibatalkan setelah dikirim) maupun pengembalian pembeli dengan resi ini</translation>
    </message>
    <message>
        <source>{char!r} (U+{codepoint}) cannot be held by a Code 128 barcode</source>
        <translation>{char!r} (U+{codepoint}) tidak bisa dimuat barcode Code 128</translation>
    </message>
    <message>
        <source>the code cannot be drawn as a barcode: {error}</source>
        <translation>kode ini tidak bisa digambar sebagai barcode: {error}</translation>
    </message>
    <message>
        <source>the code cannot be drawn as a barcode</source>
        <translation>kode ini tidak bisa digambar sebagai barcode</translation>
    </message>
    <message>
        <source>product {product_id}: unreadable ({error})</source>
        <translation>produk {product_id}: tidak terbaca ({error})</translation>
    </message>
    <message>
        <source>product {product_id} {name!r} has no SKU: give it one in Seller Center, or map it by hand</source>
        <translation>produk {product_id} {name!r} tidak punya SKU: beri SKU di Seller Center, atau petakan sendiri</translation>
    </message>
    <message>
        <source>the SKU pull stopped: {error}</source>
        <translation>penarikan SKU berhenti: {error}</translation>
    </message>
    <message>
        <source>Marketplace label not kept yet: {error}. Print the label soon: TokoDesk downloads it then.</source>
        <translation>Label marketplace belum disimpan: {error}. Segera cetak labelnya: TokoDesk mengunduhnya saat itu.</translation>
    </message>
    <message>
        <source>could not read products {first}…{last}: {error}</source>
        <translation>produk {first}…{last} tidak bisa dibaca: {error}</translation>
    </message>
    <message>
        <source>fix of {sku} failed: {error}</source>
        <translation>perbaikan {sku} gagal: {error}</translation>
    </message>
    <message>
        <source>the status refresh stopped: {error}</source>
        <translation>pembaruan status berhenti: {error}</translation>
    </message>
    <message>
        <source>booking codes not read: {error}</source>
        <translation>kode booking tidak terbaca: {error}</translation>
    </message>
    <message>
        <source>order {order_id}: the marketplace did not return it</source>
        <translation>pesanan {order_id}: marketplace tidak mengembalikannya</translation>
    </message>
    <message>
        <source>marketplace confirmed {confirmed}, not {quantity}</source>
        <translation>marketplace mengonfirmasi {confirmed}, bukan {quantity}</translation>
    </message>
    <message>
        <source>not sent: {error}</source>
        <translation>tidak dikirim: {error}</translation>
    </message>
    <message>
        <source>not sent: the push was cancelled</source>
        <translation>tidak dikirim: pembaruan dibatalkan</translation>
    </message>
    <message>
        <source>no answer from the marketplace for this row</source>
        <translation>tidak ada jawaban dari marketplace untuk baris ini</translation>
    </message>
    <message>
        <source>inventory sync is off for channel &apos;{name}&apos;: nothing was pushed (turn it on in the channel settings to keep the marketplace stock in line)</source>
        <translation>sinkronisasi stok mati untuk channel &apos;{name}&apos;: tidak ada yang diperbarui (nyalakan di pengaturan channel agar stok marketplace tetap sesuai)</translation>
    </message>
    <message>
        <source>{sku} (seller SKU {seller_sku}) → {quantity}: {message}</source>
        <translation>{sku} (SKU penjual {seller_sku}) → {quantity}: {message}</translation>
    </message>
    <message>
        <source>The API address</source>
        <translation>Alamat API</translation>
    </message>
    <message>
        <source>The sign-in (auth) address</source>
        <translation>Alamat masuk (auth)</translation>
    </message>
    <message>
        <source>{what} {url!r} is not a web address: give one like https://api.example.com</source>
        <translation>{what} {url!r} bukan alamat web: isi seperti https://api.example.com</translation>
    </message>
    <message>
        <source>{what} {url!r} uses plain http to {host}: the channel&apos;s secret and access tokens would travel unencrypted. Use https://, or plain http only to this PC (127.0.0.1, ::1, localhost), such as the built-in sandbox</source>
        <translation>{what} {url!r} memakai http biasa ke {host}: secret dan token akses channel akan terkirim tanpa enkripsi. Pakai https://, atau http biasa hanya ke PC ini (127.0.0.1, ::1, localhost), seperti sandbox bawaan</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}.</translation>
    </message>
    <message>
        <source>{file} is not a valid station setting ({error}). Choose the database again in the setup wizard&apos;s Database page, or delete the file to use this PC only.</source>
        <translation>{file} bukan pengaturan stasiun yang sah ({error}). Pilih database lagi di halaman Database pada wizard pengaturan, atau hapus file itu untuk memakai PC ini saja.</translation>
    </message>
    <message>
        <source>{file}: unknown database kind {kind!r}; use {sqlite!r} or {postgresql!r}.</source>
        <translation>{file}: jenis database {kind!r} tidak dikenal; pakai {sqlite!r} atau {postgresql!r}.</translation>
    </message>
    <message>
        <source>Fill in: {fields}</source>
        <translation>Lengkapi: {fields}</translation>
    </message>
    <message>
        <source>{file} lacks {fields}: choose the database again in the setup wizard.</source>
        <translation>{file} tidak berisi {fields}: pilih database lagi di wizard pengaturan.</translation>
    </message>
    <message>
        <source>The server refused the password for user {user}. Check the password (and the user name).</source>
        <translation>Server menolak kata sandi untuk pengguna {user}. Periksa kata sandi (dan nama pengguna).</translation>
    </message>
    <message>
        <source>The server asks for a password for user {user}: type it in the Password field.</source>
        <translation>Server meminta kata sandi untuk pengguna {user}: ketik di kolom Kata sandi.</translation>
    </message>
    <message>
        <source>The server has no user {user}. Check the name, or ask who set the server up.</source>
        <translation>Server tidak punya pengguna {user}. Periksa namanya, atau tanyakan orang yang memasang server.</translation>
    </message>
    <message>
        <source>The server has no database {database}. Create it first (createdb {database}) or fix its name.</source>
        <translation>Server tidak punya database {database}. Buat dulu (createdb {database}) atau perbaiki namanya.</translation>
    </message>
    <message>
        <source>User {user} may not connect to {database} from this PC. Ask the server&apos;s owner to grant CONNECT (and allow this PC in pg_hba.conf).</source>
        <translation>Pengguna {user} tidak boleh terhubung ke {database} dari PC ini. Minta pemilik server memberi hak CONNECT (dan mengizinkan PC ini di pg_hba.conf).</translation>
    </message>
    <message>
        <source>Cannot reach a PostgreSQL server at {host}:{port}. Is the server running, is the address right, and does the firewall let this PC in?</source>
        <translation>Server PostgreSQL di {host}:{port} tidak dapat dihubungi. Apakah server berjalan, alamatnya benar, dan firewall mengizinkan PC ini?</translation>
    </message>
    <message>
        <source>PostgreSQL at {host}:{port} answered: {text}</source>
        <translation>PostgreSQL di {host}:{port} menjawab: {text}</translation>
    </message>
    <message>
        <source>This PC only: {file}</source>
        <translation>Hanya PC ini: {file}</translation>
    </message>
    <message>
        <source>The database {database} has TokoDesk schema {version}, newer than this TokoDesk knows ({latest}): another station runs a newer TokoDesk. Update TokoDesk on this PC first.</source>
        <translation>Database {database} memakai skema TokoDesk {version}, lebih baru daripada yang dikenal TokoDesk ini ({latest}): stasiun lain menjalankan TokoDesk yang lebih baru. Perbarui TokoDesk di PC ini dulu.</translation>
    </message>
    <message>
        <source>User {user} may not create tables in {database} (schema public), and TokoDesk needs to create its tables there. Ask the server&apos;s owner: GRANT CREATE ON SCHEMA public TO {user}; or use the database owner.</source>
        <translation>Pengguna {user} tidak boleh membuat tabel di {database} (skema public), padahal TokoDesk perlu membuat tabelnya di sana. Minta pemilik server: GRANT CREATE ON SCHEMA public TO {user}; atau pakai pemilik database.</translation>
    </message>
    <message>
        <source>User {user} may not create tables in {database} (schema public), and TokoDesk needs to update its tables there. Ask the server&apos;s owner: GRANT CREATE ON SCHEMA public TO {user}; or use the database owner.</source>
        <translation>Pengguna {user} tidak boleh membuat tabel di {database} (skema public), padahal TokoDesk perlu memperbarui tabelnya di sana. Minta pemilik server: GRANT CREATE ON SCHEMA public TO {user}; atau pakai pemilik database.</translation>
    </message>
    <message>
        <source>User {user} may not {privilege} the table {table} in {database}. Ask the server&apos;s owner: GRANT ALL ON ALL TABLES IN SCHEMA public TO {user};</source>
        <translation>Pengguna {user} tidak boleh {privilege} tabel {table} di {database}. Minta pemilik server: GRANT ALL ON ALL TABLES IN SCHEMA public TO {user};</translation>
    </message>
    <message>
        <source>empty: TokoDesk creates its tables at the next start</source>
        <translation>kosong: TokoDesk membuat tabelnya saat dijalankan berikutnya</translation>
    </message>
    <message>
        <source>TokoDesk schema {version} (updated at the next start)</source>
        <translation>skema TokoDesk {version} (diperbarui saat dijalankan berikutnya)</translation>
    </message>
    <message>
        <source>TokoDesk schema {version}</source>
        <translation>skema TokoDesk {version}</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL {server} as {user}; database {database} is {state}.</source>
        <translation>Terhubung ke PostgreSQL {server} sebagai {user}; database {database}: {state}.</translation>
    </message>
    <message>
        <source>{file} cannot be read or written: check that the data folder is writable.</source>
        <translation>{file} tidak bisa dibaca atau ditulis: periksa bahwa folder data bisa ditulisi.</translation>
    </message>
    <message>
        <source>Install and unlock a Secret Service keyring (GNOME Keyring or KWallet) and start TokoDesk from your desktop session; on a server, run it inside `dbus-run-session` with `gnome-keyring-daemon --unlock`.</source>
        <translation>Pasang dan buka kunci keyring Secret Service (GNOME Keyring atau KWallet), lalu jalankan TokoDesk dari sesi desktop Anda; di server, jalankan di dalam `dbus-run-session` dengan `gnome-keyring-daemon --unlock`.</translation>
    </message>
    <message>
        <source>The keyring could not be loaded: {error}. {fix}</source>
        <translation>Keyring tidak bisa dimuat: {error}. {fix}</translation>
    </message>
    <message>
        <source>No keyring backend is available. {fix}</source>
        <translation>Tidak ada backend keyring yang tersedia. {fix}</translation>
    </message>
    <message>
        <source>No keyring is available to keep TokoDesk&apos;s secrets. {fix}</source>
        <translation>Tidak ada keyring untuk menyimpan rahasia TokoDesk. {fix}</translation>
    </message>
    <message>
        <source>The keyring is locked. Unlock it (log in to the desktop, or open &apos;Passwords and Keys&apos;) and try again.</source>
        <translation>Keyring terkunci. Buka kuncinya (masuk ke desktop, atau buka &apos;Passwords and Keys&apos;) lalu coba lagi.</translation>
    </message>
    <message>
        <source>The keyring could not start: {error}. {fix}</source>
        <translation>Keyring tidak bisa dijalankan: {error}. {fix}</translation>
    </message>
    <message>
        <source>The keyring refused the request: {error}. {fix}</source>
        <translation>Keyring menolak permintaan: {error}. {fix}</translation>
    </message>
    <message>
        <source>The keyring could not be reached ({error}). {fix}</source>
        <translation>Keyring tidak bisa dihubungi ({error}). {fix}</translation>
    </message>
    <message>
        <source>{kind} must not be empty</source>
        <translation>{kind} tidak boleh kosong</translation>
    </message>
    <message>
        <source>it could not be checked; reading the order failed too: {error}</source>
        <translation>tidak bisa diperiksa; membaca pesanan juga gagal: {error}</translation>
    </message>
    <message>
        <source>the request may or may not have reached the marketplace ({error})</source>
        <translation>permintaan mungkin sudah atau belum sampai ke marketplace ({error})</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Reject return {0}</source>
        <translation>Tolak retur {0}</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Pilih alasan…</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Alasan:</translation>
    </message>
    <message>
        <source>Comment for the buyer and the platform (optional)</source>
        <translation>Catatan untuk pembeli dan platform (opsional)</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Catatan:</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>Tambah foto…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Hapus foto</translation>
    </message>
    <message>
        <source>Photos: JPG, PNG, WEBP, HEIC or BMP, at most 10 MB, 100 to 20000 px a side.</source>
        <translation>Foto: JPG, PNG, WEBP, HEIC atau BMP, maksimal 10 MB, 100 sampai 20000 px per sisi.</translation>
    </message>
    <message>
        <source>This marketplace takes no photos with a rejection.</source>
        <translation>Marketplace ini tidak menerima foto pada penolakan.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Tolak</translation>
    </message>
    <message>
        <source>Photos for the rejection</source>
        <translation>Foto untuk penolakan</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.heic *.bmp);;All files (*)</source>
        <translation>Gambar (*.jpg *.jpeg *.png *.webp *.heic *.bmp);;Semua file (*)</translation>
    </message>
    <message>
        <source>{0}: this picture is attached already</source>
        <translation>{0}: foto ini sudah dilampirkan</translation>
    </message>
    <message>
        <source>{0}: no such file</source>
        <translation>{0}: file tidak ditemukan</translation>
    </message>
    <message>
        <source>{0}: the file is empty</source>
        <translation>{0}: file kosong</translation>
    </message>
    <message>
        <source>{0}: {1} MB; a photo may be at most 10 MB</source>
        <translation>{0}: {1} MB; ukuran foto maksimal 10 MB</translation>
    </message>
    <message>
        <source>{0}: not a photo Tokopedia &amp; Shop takes (JPG, PNG, WEBP, HEIC or BMP)</source>
        <translation>{0}: bukan foto yang diterima Tokopedia &amp; Shop (JPG, PNG, WEBP, HEIC atau BMP)</translation>
    </message>
    <message>
        <source>{0}: the file cannot be read (damaged or cut short)</source>
        <translation>{0}: file tidak bisa dibaca (rusak atau terpotong)</translation>
    </message>
    <message>
        <source>{0}: {1}×{2} px; a photo must be from 100×100 to 20000×20000 px</source>
        <translation>{0}: {1}×{2} px; ukuran foto harus antara 100×100 dan 20000×20000 px</translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <source>{0} of {1} done.</source>
        <translation>{0} dari {1} berhasil.</translation>
    </message>
    <message>
        <source>{0} skipped: see the reason on each.</source>
        <translation>{0} dilewati: lihat alasannya di masing-masing.</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>ID pesanan</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Berhasil</translation>
    </message>
    <message>
        <source>Waiting for the marketplace</source>
        <translation>Menunggu marketplace</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Dilewati</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Tidak berhasil</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>ReturnsTab</name>
    <message>
        <source>All returns</source>
        <translation>Semua pengembalian</translation>
    </message>
    <message>
        <source>Needs my answer</source>
        <translation>Perlu jawaban saya</translation>
    </message>
    <message>
        <source>On its way back</source>
        <translation>Dalam perjalanan kembali</translation>
    </message>
    <message>
        <source>To inspect</source>
        <translation>Perlu diperiksa</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Sync returns</source>
        <translation>Sinkronkan pengembalian</translation>
    </message>
    <message>
        <source>Parcel back from the courier…</source>
        <translation>Paket kembali dari kurir…</translation>
    </message>
    <message>
        <source>A parcel the buyer never took (COD refused, delivery failed): scan its AWB and its goods go back on hand</source>
        <translation>Paket yang tidak diterima pembeli (COD ditolak, gagal kirim): pindai resinya dan barangnya kembali ke stok</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Pengembalian</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Sisa waktu</translation>
    </message>
    <message>
        <source>Buyer&apos;s reason</source>
        <translation>Alasan pembeli</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Barang</translation>
    </message>
    <message>
        <source>Return AWB</source>
        <translation>Resi pengembalian</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Setujui</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Tolak…</translation>
    </message>
    <message>
        <source>Offer partial refund…</source>
        <translation>Tawarkan pengembalian sebagian…</translation>
    </message>
    <message>
        <source>Instead of the full refund: the buyer keeps the goods if they accept</source>
        <translation>Sebagai ganti pengembalian penuh: barang tetap pada pembeli bila ia setuju</translation>
    </message>
    <message>
        <source>Received and inspected…</source>
        <translation>Diterima dan diperiksa…</translation>
    </message>
    <message>
        <source>Open order</source>
        <translation>Buka pesanan</translation>
    </message>
    <message>
        <source>The order in the Orders tab, with its detail and packing record</source>
        <translation>Pesanan di tab Pesanan, dengan rinciannya dan catatan pengemasannya</translation>
    </message>
    <message>
        <source>Label…</source>
        <translation>Label…</translation>
    </message>
    <message>
        <source>Open or reprint the order&apos;s shipping label</source>
        <translation>Buka atau cetak ulang label pengiriman pesanan</translation>
    </message>
    <message>
        <source>This marketplace&apos;s API has no returns: handle them in Seller Center.</source>
        <translation>API marketplace ini tidak punya pengembalian: tangani di Seller Center.</translation>
    </message>
    <message>
        <source>Add a channel first.</source>
        <translation>Tambahkan channel dulu.</translation>
    </message>
    <message>
        <source>Answer before the deadline, or the marketplace approves for you. Goods go back into stock only when the parcel is received here.</source>
        <translation>Jawab sebelum batas waktu, atau marketplace menyetujui atas nama Anda. Barang masuk stok lagi hanya setelah paketnya diterima di sini.</translation>
    </message>
    <message>
        <source>This marketplace&apos;s API lists returns but cannot answer them: answer them in Seller Center before the deadline.</source>
        <translation>API marketplace ini menampilkan pengembalian tetapi tidak bisa menjawabnya: jawab di Seller Center sebelum batas waktu.</translation>
    </message>
    <message>
        <source>Loading returns</source>
        <translation>Memuat pengembalian</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Lewat batas waktu</translation>
    </message>
    <message>
        <source>{0} h {1} min (by {2})</source>
        <translation>{0} j {1} mnt (sebelum {2})</translation>
    </message>
    <message>
        <source>Refund only</source>
        <translation>Pengembalian dana saja</translation>
    </message>
    <message>
        <source>Return and refund</source>
        <translation>Pengembalian barang dan dana</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>Penukaran</translation>
    </message>
    <message>
        <source>Partial refund</source>
        <translation>Pengembalian dana sebagian</translation>
    </message>
    <message>
        <source>Photo {0}</source>
        <translation>Foto {0}</translation>
    </message>
    <message>
        <source>Buyer&apos;s photos</source>
        <translation>Foto dari pembeli</translation>
    </message>
    <message>
        <source>Reject reasons</source>
        <translation>Alasan penolakan</translation>
    </message>
    <message>
        <source>Calculating the refund</source>
        <translation>Menghitung pengembalian dana</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Berhasil</translation>
    </message>
    <message>
        <source>Answering return {0}</source>
        <translation>Menjawab pengembalian {0}</translation>
    </message>
    <message>
        <source>{0} is the parcel of return {1}: inspect it with “Received and inspected…”.</source>
        <translation>{0} adalah paket retur {1}: periksa lewat “Diterima dan diperiksa…”.</translation>
    </message>
    <message>
        <source>no counted SKU</source>
        <translation>tidak ada SKU yang sudah dihitung</translation>
    </message>
    <message>
        <source>Order {0} is back: {1}</source>
        <translation>Pesanan {0} sudah kembali: {1}</translation>
    </message>
    <message>
        <source>Checking in parcel {0}</source>
        <translation>Menerima paket {0}</translation>
    </message>
    <message>
        <source>Returns: {0} read, {1} new</source>
        <translation>Pengembalian: {0} dibaca, {1} baru</translation>
    </message>
</context>
<context>
    <name>SavePage</name>
    <message>
        <source>Saving the channel</source>
        <translation>Menyimpan channel</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>The channel is saved</source>
        <translation>Channel sudah disimpan</translation>
    </message>
    <message>
        <source>The channel is saved.</source>
        <translation>Channel sudah disimpan.</translation>
    </message>
    <message>
        <source>The channel is not saved</source>
        <translation>Channel tidak disimpan</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>Tidak tersimpan: {0}</translation>
    </message>
    <message>
        <source>Reading your shop&apos;s products, open orders and stock…</source>
        <translation>Membaca produk, pesanan terbuka, dan stok toko Anda…</translation>
    </message>
    <message>
        <source>Reading your shop&apos;s products and orders, then saving your counts…</source>
        <translation>Membaca produk dan pesanan toko Anda, lalu menyimpan jumlah stok Anda…</translation>
    </message>
    <message>
        <source>The starting stock is not set: {0}. Your SKUs stay not counted and nothing is pushed; count them in the Inventory tab.</source>
        <translation>Stok awal belum diatur: {0}. SKU Anda tetap belum dihitung dan stoknya tidak diperbarui; hitung di tab Stok.</translation>
    </message>
    <message>
        <source>Setting the starting stock</source>
        <translation>Mengatur stok awal</translation>
    </message>
    <message>
        <source>The channel is saved. When you click Finish, TokoDesk keeps pulling your products and orders in the background; the status bar shows the progress.</source>
        <translation>Channel sudah disimpan. Setelah Anda klik Selesai, TokoDesk terus menarik produk dan pesanan di latar belakang; bilah status menampilkan prosesnya.</translation>
    </message>
</context>
<context>
    <name>ScanParcelDialog</name>
    <message>
        <source>Parcel back from the courier</source>
        <translation>Paket kembali dari kurir</translation>
    </message>
    <message>
        <source>Scan the AWB of a parcel the buyer never took (COD refused, delivery failed): its goods go back on hand, once. A buyer&apos;s return parcel is checked in with “Received and inspected…”.</source>
        <translation>Pindai resi paket yang tidak diterima pembeli (COD ditolak, gagal kirim): barangnya kembali ke stok, satu kali. Paket retur dari pembeli diterima lewat “Diterima dan diperiksa…”.</translation>
    </message>
    <message>
        <source>Scan or type the AWB</source>
        <translation>Pindai atau ketik nomor resi</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Terima masuk</translation>
    </message>
</context>
<context>
    <name>SchedulerDriver</name>
    <message>
        <source>Checking the schedule</source>
        <translation>Memeriksa jadwal</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>This PC only (SQLite)</source>
        <translation>Hanya PC ini (SQLite)</translation>
    </message>
    <message>
        <source>Shared PostgreSQL server</source>
        <translation>Server PostgreSQL bersama</translation>
    </message>
    <message>
        <source>the default</source>
        <translation>bawaan</translation>
    </message>
    <message>
        <source>the TOKODESK_DB environment variable</source>
        <translation>variabel lingkungan TOKODESK_DB</translation>
    </message>
    <message>
        <source>Settings of {0}</source>
        <translation>Pengaturan {0}</translation>
    </message>
    <message>
        <source>Order sync continues from the last pull; the start date is set once, when the channel is added.</source>
        <translation>Sinkronisasi pesanan berlanjut dari penarikan terakhir; tanggal mulai diatur sekali, saat channel ditambahkan.</translation>
    </message>
    <message>
        <source>Database: {0}. Change it in the setup wizard&apos;s advanced Database page; a change takes effect when TokoDesk starts again.</source>
        <translation>Database: {0}. Ubah di halaman Database (lanjutan) pada wizard pengaturan; perubahan berlaku saat TokoDesk dijalankan lagi.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Saving the channel settings</source>
        <translation>Menyimpan pengaturan channel</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Channel settings</source>
        <translation>Pengaturan channel</translation>
    </message>
    <message>
        <source>How this shop works. Every setting can be changed later in the Channel tab.</source>
        <translation>Cara kerja toko ini. Semua pengaturan bisa diubah nanti di tab Channel.</translation>
    </message>
</context>
<context>
    <name>ShipFlow</name>
    <message>
        <source>Reading the orders</source>
        <translation>Membaca pesanan</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Stopped before anything was sent.</source>
        <translation>Dihentikan sebelum ada yang dikirim.</translation>
    </message>
    <message>
        <source>Arrange shipment and print</source>
        <translation>Atur pengiriman dan cetak</translation>
    </message>
</context>
<context>
    <name>StartingStock</name>
    <message>
        <source>{0} SKUs counted from the marketplace&apos;s stock: {1} units on the marketplace + {2} held by open orders.</source>
        <translation>{0} SKU dihitung dari stok marketplace: {1} unit di marketplace + {2} ditahan pesanan terbuka.</translation>
    </message>
    <message>
        <source>{0} SKUs already counted were kept as they are.</source>
        <translation>{0} SKU yang sudah dihitung tetap seperti semula.</translation>
    </message>
    <message>
        <source>{0} SKUs could not be taken and stay not counted (nothing is pushed for them):</source>
        <translation>{0} SKU tidak bisa diambil dan tetap belum dihitung (stoknya tidak diperbarui):</translation>
    </message>
    <message>
        <source>Nothing is pushed until you count your SKUs (Inventory tab: type a count, import a file, or use the marketplace&apos;s stock).</source>
        <translation>Stok tidak diperbarui di marketplace sampai SKU Anda dihitung (tab Stok: ketik jumlah, impor file, atau pakai stok marketplace).</translation>
    </message>
    <message>
        <source>{0} counts imported.</source>
        <translation>{0} jumlah stok diimpor.</translation>
    </message>
</context>
<context>
    <name>StartingStockPage</name>
    <message>
        <source>Starting stock</source>
        <translation>Stok awal</translation>
    </message>
    <message>
        <source>TokoDesk pushes your stock to the marketplace. Until it knows your counts it pushes nothing, so connecting never changes your shop.</source>
        <translation>TokoDesk memperbarui stok Anda di marketplace. Selama jumlahnya belum diketahui, tidak ada yang diperbarui, jadi menghubungkan toko tidak pernah mengubah stok toko Anda.</translation>
    </message>
    <message>
        <source>Use the marketplace&apos;s current stock as my count</source>
        <translation>Pakai stok marketplace saat ini sebagai jumlah saya</translation>
    </message>
    <message>
        <source>Recommended when your listings show the right stock today. TokoDesk reads each listing&apos;s stock, adds back what open orders hold, and keeps that as your count: the first push changes nothing on the marketplace.</source>
        <translation>Disarankan bila stok di produk Anda hari ini sudah benar. TokoDesk membaca stok setiap produk, menambahkan yang ditahan pesanan terbuka, dan menyimpannya sebagai jumlah Anda: perbarui stok pertama tidak mengubah apa pun di marketplace.</translation>
    </message>
    <message>
        <source>Import a CSV of my counts</source>
        <translation>Impor CSV jumlah stok saya</translation>
    </message>
    <message>
        <source>A file with seller_sku,on_hand on each line (your SKU as in Seller Center).</source>
        <translation>File berisi seller_sku,on_hand di setiap baris (SKU Anda seperti di Seller Center).</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Belum ada file</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Pilih file…</translation>
    </message>
    <message>
        <source>I will count later</source>
        <translation>Saya hitung nanti</translation>
    </message>
    <message>
        <source>Nothing is pushed until a SKU is counted. Count in the Inventory tab: type a number, import a file, or use the marketplace&apos;s stock there.</source>
        <translation>Stok tidak diperbarui di marketplace sampai SKU dihitung. Hitung di tab Stok: ketik angka, impor file, atau pakai stok marketplace di sana.</translation>
    </message>
    <message>
        <source>Import stock counts</source>
        <translation>Impor jumlah stok</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>File CSV (*.csv *.txt);;Semua file (*)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Membaca…</translation>
    </message>
    <message>
        <source>{0} bad lines: fix them and choose the file again.</source>
        <translation>{0} baris salah: perbaiki lalu pilih file lagi.</translation>
    </message>
    <message>
        <source>The file has no stock lines: write seller_sku,on_hand on each line.</source>
        <translation>File tidak berisi baris stok: tulis seller_sku,on_hand di setiap baris.</translation>
    </message>
    <message>
        <source>{0} counts ready; they are saved with the channel.</source>
        <translation>{0} jumlah stok siap; disimpan bersama channel.</translation>
    </message>
    <message>
        <source>Reading the stock file</source>
        <translation>Membaca file stok</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Products (SKU pull)</source>
        <translation>Produk (tarik SKU)</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>Order statuses</source>
        <translation>Status pesanan</translation>
    </message>
    <message>
        <source>Stock push</source>
        <translation>Perbarui stok</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Rekonsiliasi</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Pengembalian</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>Penghasilan</translation>
    </message>
    <message>
        <source>Sync {0} — {1}</source>
        <translation>Sinkronisasi {0} — {1}</translation>
    </message>
</context>
<context>
    <name>SyncHealth</name>
    <message>
        <source>Offline since {0}</source>
        <translation>Offline sejak {0}</translation>
    </message>
    <message>
        <source>Order sync failing since {0}</source>
        <translation>Sinkron pesanan gagal sejak {0}</translation>
    </message>
    <message>
        <source>Orders last pulled {0}.</source>
        <translation>Pesanan terakhir diambil {0}.</translation>
    </message>
    <message>
        <source>Orders never pulled yet.</source>
        <translation>Pesanan belum pernah diambil.</translation>
    </message>
    <message>
        <source>Orders not pulled yet (due every {0} min)</source>
        <translation>Pesanan belum diambil (jadwal tiap {0} menit)</translation>
    </message>
    <message>
        <source>Orders not pulled since {0} (due every {1} min)</source>
        <translation>Pesanan tidak diambil sejak {0} (jadwal tiap {1} menit)</translation>
    </message>
    <message>
        <source>Pulling orders…</source>
        <translation>Mengambil pesanan…</translation>
    </message>
    <message>
        <source>Orders not pulled yet</source>
        <translation>Pesanan belum diambil</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>baru saja</translation>
    </message>
    <message>
        <source>{0} min ago</source>
        <translation>{0} menit lalu</translation>
    </message>
    <message>
        <source>Orders pulled {0} ({1})</source>
        <translation>Pesanan diambil {0} ({1})</translation>
    </message>
</context>
<context>
    <name>SyncHealthLine</name>
    <message>
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Pull the orders again now</source>
        <translation>Ambil pesanan lagi sekarang</translation>
    </message>
</context>
<context>
    <name>SyncHealthWatcher</name>
    <message>
        <source>Checking the order sync</source>
        <translation>Memeriksa sinkron pesanan</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Open TokoDesk</source>
        <translation>Buka TokoDesk</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sinkronkan</translation>
    </message>
    <message>
        <source>Alerts…</source>
        <translation>Peringatan…</translation>
    </message>
    <message>
        <source>Quit TokoDesk</source>
        <translation>Keluar dari TokoDesk</translation>
    </message>
    <message>
        <source>TokoDesk is still running</source>
        <translation>TokoDesk masih berjalan</translation>
    </message>
    <message>
        <source>Orders keep syncing and alerts keep coming. Quit from the tray icon&apos;s menu.</source>
        <translation>Pesanan tetap disinkronkan dan peringatan tetap muncul. Keluar lewat menu ikon di baki sistem.</translation>
    </message>
    <message>
        <source>Reading the alert settings</source>
        <translation>Membaca pengaturan peringatan</translation>
    </message>
    <message>
        <source>Saving the alert settings</source>
        <translation>Menyimpan pengaturan peringatan</translation>
    </message>
    <message>
        <source>Checking alerts</source>
        <translation>Memeriksa peringatan</translation>
    </message>
    <message>
        <source>Checking buyers&apos; cancellation requests</source>
        <translation>Memeriksa permintaan pembatalan pembeli</translation>
    </message>
    <message>
        <source>New orders</source>
        <translation>Pesanan baru</translation>
    </message>
    <message>
        <source>{0} new order(s) arrived.</source>
        <translation>{0} pesanan baru masuk.</translation>
    </message>
    <message>
        <source>{0} new Instant / Same-day order(s)</source>
        <translation>{0} pesanan Instan / Same Day baru</translation>
    </message>
    <message>
        <source>{0} order(s) close to their ship-by</source>
        <translation>{0} pesanan mendekati batas kirim</translation>
    </message>
    <message>
        <source>Sync keeps failing</source>
        <translation>Sinkronisasi terus gagal</translation>
    </message>
    <message>
        <source>{0} SKU(s) running low</source>
        <translation>{0} SKU stoknya menipis</translation>
    </message>
    <message>
        <source>{0} buyer cancellation request(s)</source>
        <translation>{0} permintaan pembatalan pembeli</translation>
    </message>
</context>
<context>
    <name>VideoPreview</name>
    <message>
        <source>Recording the packing of {0}</source>
        <translation>Merekam pengemasan {0}</translation>
    </message>
    <message>
        <source>Packing camera: the next order scanned is filmed</source>
        <translation>Kamera pengemasan: pesanan berikutnya yang dipindai direkam</translation>
    </message>
    <message>
        <source>⚠ NO VIDEO</source>
        <translation>⚠ TANPA VIDEO</translation>
    </message>
</context>
<context>
    <name>VideoSettingsDialog</name>
    <message>
        <source>Packing video</source>
        <translation>Video pengemasan</translation>
    </message>
    <message>
        <source>The camera is ready: each order scanned at the pack station is filmed until the next scan, Pack, or the longest clip.</source>
        <translation>Kamera siap: setiap pesanan yang dipindai di meja kemas direkam sampai pindaian berikutnya, Kemas, atau klip terpanjang.</translation>
    </message>
    <message>
        <source>None: do not film</source>
        <translation>Tidak ada: jangan rekam</translation>
    </message>
    <message>
        <source>{0} (not connected)</source>
        <translation>{0} (tidak terhubung)</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>No camera is connected to this PC.</source>
        <translation>Tidak ada kamera yang terhubung ke PC ini.</translation>
    </message>
    <message>
        <source>An external disk is fine; empty keeps the videos in the data folder</source>
        <translation>Disk eksternal boleh; kosong berarti video disimpan di folder data</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Video folder</source>
        <translation>Folder video</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>tanpa batas</translation>
    </message>
    <message>
        <source>Keep videos (days)</source>
        <translation>Simpan video (hari)</translation>
    </message>
    <message>
        <source>Keep videos up to (GB)</source>
        <translation>Simpan video hingga (GB)</translation>
    </message>
    <message>
        <source>Longest clip (minutes)</source>
        <translation>Klip terpanjang (menit)</translation>
    </message>
    <message>
        <source>The oldest videos are deleted first; a video of an order with an open return is never deleted.</source>
        <translation>Video terlama dihapus lebih dulu; video pesanan yang sedang dalam pengembalian tidak pernah dihapus.</translation>
    </message>
    <message>
        <source>Saving the setting</source>
        <translation>Menyimpan pengaturan</translation>
    </message>
</context>
<context>
    <name>WeeklyChart</name>
    <message>
        <source>Settled per week (Monday, WIB): goods and shipping above zero, fees below</source>
        <translation>Dicairkan per minggu (Senin, WIB): barang dan ongkos kirim di atas nol, biaya di bawahnya</translation>
    </message>
    <message>
        <source>Nothing settled yet: sync payouts to see the weeks.</source>
        <translation>Belum ada yang dicairkan: sinkronkan penghasilan untuk melihat per minggu.</translation>
    </message>
</context>
<context>
    <name>WholeProductDialog</name>
    <message>
        <source>Switch the whole product?</source>
        <translation>Ubah seluruh produk?</translation>
    </message>
    <message>
        <source>On this marketplace a listing is switched on for the whole product. These {0} other SKU(s) of the product of {1} go on with it:</source>
        <translation>Di marketplace ini produk diaktifkan untuk seluruh produk. {0} SKU lain dari produk {1} ini ikut aktif:</translation>
    </message>
    <message>
        <source>On this marketplace a listing is switched off for the whole product. These {0} other SKU(s) of the product of {1} go off with it:</source>
        <translation>Di marketplace ini produk dinonaktifkan untuk seluruh produk. {0} SKU lain dari produk {1} ini ikut nonaktif:</translation>
    </message>
    <message>
        <source>Switch the whole product</source>
        <translation>Ubah seluruh produk</translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <source>API base URL</source>
        <translation>URL dasar API</translation>
    </message>
    <message>
        <source>Auth base URL</source>
        <translation>URL dasar otorisasi</translation>
    </message>
    <message>
        <source>{0} “{1}” is not a web address: give one like https://api.example.com</source>
        <translation>{0} “{1}” bukan alamat web: isi seperti https://api.example.com</translation>
    </message>
    <message>
        <source>{0} “{1}” uses plain http to another computer: the channel&apos;s secret and tokens would travel unencrypted. Use https://, or http only to this PC (127.0.0.1, ::1, localhost).</source>
        <translation>{0} “{1}” memakai http biasa ke komputer lain: rahasia dan token channel akan terkirim tanpa enkripsi. Pakai https://, atau http hanya ke PC ini (127.0.0.1, ::1, localhost).</translation>
    </message>
    <message>
        <source>A channel called “{0}” exists already: choose another name.</source>
        <translation>Channel bernama “{0}” sudah ada: pilih nama lain.</translation>
    </message>
    <message>
        <source>Open the consent link, accept, and paste the redirect URL or the code first.</source>
        <translation>Buka tautan persetujuan, setujui, lalu tempel URL pengalihan atau kodenya terlebih dahulu.</translation>
    </message>
    <message>
        <source>The authorization worked but covers no shop: authorize again with the shop owner&apos;s account.</source>
        <translation>Otorisasi berhasil tetapi tidak mencakup toko: otorisasi lagi dengan akun pemilik toko.</translation>
    </message>
    <message>
        <source>No network: the marketplace could not be reached. Check the internet connection (and the server addresses under Advanced). Detail: {0}</source>
        <translation>Tidak ada jaringan: marketplace tidak bisa dihubungi. Periksa koneksi internet (dan alamat server di Lanjutan). Rincian: {0}</translation>
    </message>
    <message>
        <source>The marketplace refused: {0}</source>
        <translation>Marketplace menolak: {0}</translation>
    </message>
    <message>
        <source>The keyring is locked or missing, so the secret cannot be kept: {0}</source>
        <translation>Keyring terkunci atau tidak ada, sehingga rahasia tidak bisa disimpan: {0}</translation>
    </message>
    <message>
        <source>Unexpected error ({0}): {1}</source>
        <translation>Kesalahan tak terduga ({0}): {1}</translation>
    </message>
</context>
</TS>
