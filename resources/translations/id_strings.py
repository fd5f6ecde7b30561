"""English -> Indonesian for every string the window shows (the source of tokodesk_id.ts).

Terms follow what Indonesian sellers see in Seller Center: pesanan, resi (AWB), kode booking, kurir, stok, gudang.
"""

ID = {
    "More was shipped than was counted on the shelf: count this SKU and enter the number (double-click or F2).":
        "Lebih banyak yang dikirim daripada yang dihitung di rak: hitung SKU ini dan masukkan jumlahnya "
        "(klik dua kali atau F2).",
    "Accepted": "Diterima",
    "Waiting to push": "Menunggu diperbarui",
    "Sent": "Terkirim",
    "Not mapped": "Belum dipetakan",
    "Counting the demo shop's shelves": "Menghitung stok rak toko demo",
    ", code {0}": ", kode {0}",
    "; changed outside TokoDesk": "; diubah di luar TokoDesk",
    "accepted on the marketplace": "diterima di marketplace",
    "already done on the marketplace": "sudah dilakukan di marketplace",
    "buyer's cancellation request approved; the order is cancelled":
        "permintaan pembatalan pembeli disetujui; pesanan dibatalkan",
    "buyer's cancellation request rejected ({0})": "permintaan pembatalan pembeli ditolak ({0})",
    "cancelled with reason {0}": "dibatalkan dengan alasan {0}",
    "changed: {0}": "diubah: {0}",
    "confirmed by reading the order": "dipastikan dengan membaca pesanan",
    "confirmed by reading the marketplace": "dipastikan dengan membaca marketplace",
    "handed over at the courier's counter": "diserahkan di konter kurir",
    "label printed ({0}) on {1}": "label dicetak ({0}) di {1}",
    "marketplace label kept on {0}": "label marketplace disimpan di {0}",
    "on the {0} manifest; ready to ship": "masuk manifest {0}; siap kirim",
    "packed; now {0}": "dikemas; sekarang {0}",
    "pick-up requested": "pickup diminta",
    "shipped with own courier": "dikirim dengan kurir sendiri",
    "status {0} ({1})": "status {1}",  # the word, not the marketplace's number
    "status {0} → {1}": "status {0} → {1}",
    "status {0} → {1} ({2} → {3})": "status {0} → {1} ({2} → {3})",
    " (+{0} waiting)": " (+{0} menunggu)",
    " — demo shop": " — toko demo",
    "&Copy": "&Salin",
    "&File": "&Berkas",
    "&Finish": "&Selesai",
    "&Help": "&Bantuan",
    "&Next >": "&Lanjut >",
    "&No": "&Tidak",
    "&Paste": "&Tempel",
    "&Redo": "&Ulangi",
    "&Settings": "&Pengaturan",
    "&Undo": "&Batalkan",
    "&Yes": "&Ya",
    "(cancelling…)": "(membatalkan…)",
    "(not an OS keyring: secrets last only while TokoDesk runs)":
        "(bukan keyring sistem: rahasia hanya tersimpan selama TokoDesk berjalan)",
    "(temporary)": "(sementara)",
    "(not read yet: test the connection)": "(belum dibaca: uji koneksi)",
    "(not set)": "(belum diatur)",
    "< &Back": "< &Kembali",
    "A channel called “{0}” exists already: choose another name.":
        "Channel bernama “{0}” sudah ada: pilih nama lain.",
    "A line's SKU is not mapped to a seller SKU": "SKU salah satu baris belum dipetakan ke SKU penjual",
    "A line's SKU is not mapped: map it in the SKU mapping tab before packing":
        "SKU salah satu baris belum dipetakan: petakan di tab Pemetaan SKU sebelum dikemas",
    "A sale not pulled yet": "Penjualan belum ditarik",
    "A short explanation for the buyer": "Penjelasan singkat untuk pembeli",
    "A stock push failed": "Perbarui stok gagal",
    "A4, 4 labels a page": "A4, 4 label per halaman",
    "API base URL": "URL dasar API",
    "AWB (resi)": "Nomor resi (AWB)",
    "AWB (resi) numbers": "Nomor resi (AWB)",
    "About TokoDesk": "Tentang TokoDesk",
    "Accept by": "Terima sebelum",
    "Acknowledge": "Terima pesanan",
    "Add a channel": "Tambah channel",
    "Add channel…": "Tambah channel…",
    "Advanced: server addresses": "Lanjutan: alamat server",
    "All": "Semua",
    "App key": "App key",
    "App secret": "App secret",
    "Apply": "Terapkan",
    "At manifest": "Saat manifest",
    "At pack": "Saat dikemas",
    "Auth base URL": "URL dasar otorisasi",
    "Auto-map": "Petakan otomatis",
    "Auto-map: {0} SKUs mapped": "Petakan otomatis: {0} SKU dipetakan",
    "Auto-mapping SKUs": "Memetakan SKU otomatis",
    "Available": "Tersedia",
    "Available = on hand − reserved − buffer; double-click On hand to change the count. {0} rows.":
        "Tersedia = stok fisik − dipesan − cadangan; klik dua kali Stok fisik untuk mengubah jumlahnya. {0} baris.",
    "Awaiting payment": "Menunggu pembayaran",
    "Awaiting pickup": "Menunggu pickup",
    "Booking code": "Kode booking",
    "Booking code / AWB": "Kode booking / resi",
    "Buffer": "Cadangan",
    "Business model": "Opsi pengiriman",
    "Buyer": "Pembeli",
    "Buyer note": "Catatan pembeli",
    "COD": "COD",
    "CSV files (*.csv)": "Berkas CSV (*.csv)",
    "Cancel": "Batal",
    "Cancel order": "Batalkan pesanan",
    "Cancel orders": "Batalkan pesanan",
    "Cancel {0} order(s) on the marketplace. The buyer is refunded; this cannot be undone.":
        "Batalkan {0} pesanan di marketplace. Dana pembeli dikembalikan; tindakan ini tidak bisa dibatalkan.",
    "Cancelled": "Dibatalkan",
    "Cancelled.": "Dibatalkan.",
    "Changed on the marketplace outside TokoDesk": "Diubah di marketplace di luar TokoDesk",
    "Changed since the last test: test again.": "Berubah sejak uji terakhir: uji lagi.",
    "Channel": "Channel",
    "Channel name": "Nama channel",
    "Channel settings": "Pengaturan channel",
    "Checking the schedule": "Memeriksa jadwal",
    "Choose a reason.": "Pilih alasan.",
    "Choose how TokoDesk talks to your shop.": "Pilih cara TokoDesk terhubung ke toko Anda.",
    "Cleaning up": "Membersihkan",
    "Click ▸ on a run to see its errors.": "Klik ▸ pada sebuah sinkronisasi untuk melihat kesalahannya.",
    "Client ID": "Client ID",
    "Client secret": "Client secret",
    "Close": "Tutup",
    "Closing note": "Catatan tutup toko",
    "Compare the marketplace stock once a day at": "Bandingkan stok marketplace sekali sehari pukul",
    "Completed": "Selesai",
    "Connected to “{0}”": "Terhubung ke “{0}”",
    "Connected to “{0}”.": "Terhubung ke “{0}”.",
    "Connection": "Koneksi",
    "Connection and settings": "Koneksi dan pengaturan",
    "Consent link": "Tautan persetujuan",
    "Copy": "Salin",
    "Courier": "Kurir",
    "Create a seller SKU for each marketplace SKU": "Buat SKU penjual untuk setiap SKU marketplace",
    "Create seller SKUs": "Buat SKU penjual",
    "Create seller SKUs that do not exist yet": "Buat SKU penjual yang belum ada",
    "Created": "Dibuat",
    "Credentials": "Kredensial",
    "Cu&t": "Po&tong",
    "Daily reconciliation": "Rekonsiliasi harian",
    "Deadline": "Batas waktu",
    "Delete": "Hapus",
    "Delivered": "Terkirim",
    "Details": "Rincian",
    "Details…": "Rincian…",
    "Dismiss": "Tutup",
    "Documents": "Dokumen",
    "Done": "Berhasil",
    "Double-click to edit": "Klik dua kali untuk mengubah",
    "Drop-off at the courier": "Antar ke kurir (drop-off)",
    "Drop-off: you take the parcels to the courier": "Drop-off: Anda mengantar paket ke kurir",
    "Edit settings…": "Ubah pengaturan…",
    "Every order needs its AWB.": "Setiap pesanan perlu nomor resinya.",
    "Everything": "Semuanya",
    "Everything, every time": "Semuanya, setiap kali",
    "Expected": "Seharusnya",
    "Export CSV…": "Ekspor CSV…",
    "Export mappings": "Ekspor pemetaan",
    "Exporting mappings": "Mengekspor pemetaan",
    "FS ID (App ID)": "FS ID (App ID)",
    "Failed": "Gagal",
    "Fetched": "Diambil",
    "Fill in the service ID to get the link": "Isi service ID untuk mendapatkan tautannya",
    "Fill in: {0}": "Lengkapi: {0}",
    "Finding the order": "Mencari pesanan",
    "Finished with {0} problem(s).": "Selesai dengan {0} masalah.",
    "Fix mismatches": "Perbaiki selisih",
    "Fix mismatches automatically": "Perbaiki selisih otomatis",
    "Fixed": "Diperbaiki",
    "Follow the system": "Ikuti sistem",
    "For every Tokopedia shop today: orders from the Tokopedia and the Shop apps come through the Tokopedia & "
    "Shop Partner Center. You need an app key, app secret and service ID from Partner Center.":
        "Untuk semua toko Tokopedia saat ini: pesanan dari aplikasi Tokopedia dan Shop masuk lewat Partner Center "
        "Tokopedia & Shop. Anda memerlukan app key, app secret, dan service ID dari Partner Center.",
    "Hide Details...": "Sembunyikan rincian...",
    "History": "Riwayat",
    "How this shop works. Every setting can be changed later in the Channel tab.":
        "Cara kerja toko ini. Semua pengaturan bisa diubah nanti di tab Channel.",
    "Idle": "Tidak ada proses",
    "Import CSV…": "Impor CSV…",
    "Import mappings": "Impor pemetaan",
    "Imported {0} rows: {1} mapped, {2} unmapped, {3} unchanged.":
        "{0} baris diimpor: {1} dipetakan, {2} tanpa pemetaan, {3} tidak berubah.",
    "Importing mappings": "Mengimpor pemetaan",
    "Inventory": "Stok",
    "Inventory sync": "Sinkronisasi stok",
    "Inventory sync method": "Metode sinkronisasi stok",
    "Invoice": "Invoice",
    "Items": "Barang",
    "Keyring": "Keyring",
    "Label printed": "Label dicetak",
    "Landscape": "Lanskap",
    "Language": "Bahasa",
    "Last pushed": "Stok diperbarui",
    "Last run": "Terakhir jalan",
    "Latest reconciliation": "Rekonsiliasi terakhir",
    "Likely cause": "Kemungkinan penyebab",
    "Lines": "Produk dipesan",
    "Loading orders": "Memuat pesanan",
    "Loading stock": "Memuat stok",
    "Loading the mappings": "Memuat pemetaan",
    "Loading the order": "Memuat pesanan",
    "Map to existing seller SKUs only": "Hanya petakan ke SKU penjual yang ada",
    "Map to existing seller SKUs only (the rest waits in a queue)":
        "Hanya petakan ke SKU penjual yang ada (sisanya menunggu di antrean)",
    "Mark as printed": "Tandai sudah dicetak",
    "Marketplace": "Marketplace",
    "Marketplace SKU": "SKU marketplace",
    "Marketplace requests": "Permintaan ke marketplace",
    "Marketplace status: {0}": "Status marketplace: {0}",
    "Marketplace stock": "Stok marketplace",
    "Marking labels printed": "Menandai label sudah dicetak",
    "Message": "Catatan",
    "New": "Baru",
    "New orders": "Pesanan baru",
    "Next run": "Jadwal berikutnya",
    "No channel yet": "Belum ada channel",
    "No channel yet. Click “Add channel…” to connect your Tokopedia & Shop store; its settings, connection, "
    "schedule and sync log then appear here.":
        "Belum ada channel. Klik “Tambah channel…” untuk menghubungkan toko Tokopedia & Shop Anda; pengaturan, "
        "koneksi, jadwal, dan log sinkronisasinya akan tampil di sini.",
    "No channel yet: add one with “Add channel…” and its orders appear here.":
        "Belum ada channel: tambahkan dengan “Tambah channel…”, lalu pesanannya tampil di sini.",
    "No channel yet: add one, then its products appear here after the SKU pull.":
        "Belum ada channel: tambahkan satu, lalu produknya tampil di sini setelah tarik SKU.",
    "No events yet": "Belum ada kejadian",
    "No label for:": "Tidak ada label untuk:",
    "No network: the marketplace could not be reached. Check the internet connection (and the server addresses "
    "under Advanced). Detail: {0}":
        "Tidak ada jaringan: marketplace tidak bisa dihubungi. Periksa koneksi internet (dan alamat server di "
        "Lanjutan). Rincian: {0}",
    "No order with invoice, order ID, booking code or AWB “{0}”.":
        "Tidak ada pesanan dengan invoice, ID pesanan, kode booking, atau resi “{0}”.",
    "No orders pulled yet. They arrive with the next order sync (Channel tab → Sync now).":
        "Belum ada pesanan yang ditarik. Pesanan masuk pada sinkronisasi berikutnya (tab Channel → Sinkronkan).",
    "No products pulled yet: Channel tab → Products (SKU pull) → Sync now.":
        "Belum ada produk yang ditarik: tab Channel → Produk (tarik SKU) → Sinkronkan.",
    "No reconciliation yet.": "Belum ada rekonsiliasi.",
    "No stock yet: map SKUs in the SKU mapping tab (or pull products), then type the counts in the On hand column.":
        "Belum ada stok: petakan SKU di tab Pemetaan SKU (atau tarik produk), lalu ketik jumlahnya di kolom "
        "Stok fisik.",
    "No token yet (fetched on the first call)": "Belum ada token (diambil pada panggilan pertama)",
    "Not done": "Tidak berhasil",
    "Not found on the marketplace": "Tidak ditemukan di marketplace",
    "Not saved: {0}": "Tidak tersimpan: {0}",
    "Not tested in this session": "Belum diuji di sesi ini",
    "OK": "OK",
    "Off": "Nonaktif",
    "On": "Aktif",
    "On hand": "Stok fisik",
    "On hold": "Ditahan",
    "On hold on the marketplace: do not ship": "Ditahan di marketplace: jangan dikirim",
    "Only changes": "Hanya perubahan",
    "Open": "Buka",
    "Open data folder": "Buka folder data",
    "Open link": "Buka tautan",
    "Open the consent link, accept, and paste the redirect URL or the code first.":
        "Buka tautan persetujuan, setujui, lalu tempel URL pengalihan atau kodenya terlebih dahulu.",
    "Open the consent link, log in as the shop owner and accept; the browser then shows an address with ?code=…. "
    "Paste it here within 30 minutes.":
        "Buka tautan persetujuan, masuk sebagai pemilik toko, lalu setujui; peramban akan menampilkan alamat "
        "dengan ?code=…. Tempel di sini dalam 30 menit.",
    "Opening the database": "Membuka database",
    "Order ID": "ID pesanan",
    "Order statuses": "Status pesanan",
    "Order sync continues from the last pull; the start date is set once, when the channel is added.":
        "Sinkronisasi pesanan berlanjut dari penarikan terakhir; tanggal mulai diatur sekali, saat channel "
        "ditambahkan.",
    "Order sync from": "Sinkronisasi pesanan sejak",
    "Orders": "Pesanan",
    "Orders on invoice number": "Tampilkan nomor invoice",
    "Orientation": "Orientasi",
    "Own courier (enter the AWB)": "Kurir sendiri (isi nomor resi)",
    "Own courier: you type the AWB (resi)": "Kurir sendiri: Anda mengetik nomor resi",
    "Pack": "Kemas",
    "Packed": "Dikemas",
    "Partly failed": "Sebagian gagal",
    "Paste the address the browser shows after you accept, or the code":
        "Tempel alamat yang ditampilkan peramban setelah Anda setuju, atau kodenya",
    "Pick-up by the courier": "Dijemput kurir (pickup)",
    "Pick-up: the courier collects the parcels": "Pickup: kurir menjemput paket",
    "Portrait": "Potret",
    "Preparing the documents": "Menyiapkan dokumen",
    "Preparing the preview…": "Menyiapkan pratinjau…",
    "Price": "Harga",
    "Print": "Cetak",
    "Print label": "Cetak label",
    "Print labels": "Cetak label",
    "Print manifest": "Cetak manifest",
    "Print packing list": "Cetak daftar isi paket",
    "Print packing lists": "Cetak daftar isi paket",
    "Print picklist": "Cetak daftar pengambilan barang",
    "Print the marketplace's own label instead of TokoDesk's": "Cetak label dari marketplace, bukan label TokoDesk",
    "Printed.": "Tercetak.",
    "Printer": "Printer",
    "Printing": "Mencetak",
    "Problems": "Bermasalah",
    "Product": "Produk",
    "Product ID": "ID produk",
    "Products (SKU pull)": "Produk (tarik SKU)",
    "Push 0 when available is below": "Jadikan stok 0 bila tersedia di bawah",
    "Push status": "Status pembaruan",
    "Push stock now": "Perbarui stok sekarang",
    "Push stock to the marketplace": "Perbarui stok di marketplace",
    "Push the expected stock for every mismatch that can be fixed":
        "Perbarui stok ke angka seharusnya untuk setiap selisih yang bisa diperbaiki",
    "Pushed at": "Diperbarui pada",
    "Qty": "Jml",
    "Quit": "Keluar",
    "Reading the cancel reasons": "Membaca alasan pembatalan",
    "Reading the channel": "Membaca channel",
    "Ready to ship": "Siap kirim",
    "Ready to ship at": "Siap kirim saat",
    "Reason": "Alasan",
    "Recipient": "Penerima",
    "Reconcile now": "Rekonsiliasi sekarang",
    "Reconciliation": "Rekonsiliasi",
    "Reconciliation hour (WIB)": "Jam rekonsiliasi (WIB)",
    "Redirect URL or code": "URL pengalihan atau kode",
    "Refresh": "Muat ulang",
    "Refreshing orders": "Memperbarui pesanan",
    "Reserved": "Dipesan",
    "Result": "Hasil",
    "Return sync from": "Sinkronisasi retur sejak",
    "Returned": "Dikembalikan",
    "Running": "Berjalan",
    "Running…": "Berjalan…",
    "SKU": "SKU",
    "SKU mapping": "Pemetaan SKU",
    "SKU not mapped": "SKU belum dipetakan",
    "SKU pull mode": "Mode tarik SKU",
    "Save": "Simpan",
    "Save as PDF": "Simpan sebagai PDF",
    "Save as PDF file…": "Simpan sebagai berkas PDF…",
    "Save without a successful test (I will test it later)": "Simpan tanpa uji yang berhasil (saya uji nanti)",
    "Saving the channel": "Menyimpan channel",
    "Saving the channel settings": "Menyimpan pengaturan channel",
    "Saving the language": "Menyimpan bahasa",
    "Saving the mapping": "Menyimpan pemetaan",
    "Saving the printer profile": "Menyimpan profil printer",
    "Saving the stock count": "Menyimpan jumlah stok",
    "Saving…": "Menyimpan…",
    "Scan invoice / order ID / booking code / AWB and press Enter (F6)":
        "Pindai invoice / ID pesanan / kode booking / resi lalu tekan Enter (F6)",
    "Scan to pack:": "Pindai untuk kemas:",
    "Schedule": "Jadwal",
    "Search SKU": "Cari SKU",
    "Search invoice, order ID, buyer, SKU, booking code… (Ctrl+F)":
        "Cari invoice, ID pesanan, pembeli, SKU, kode booking… (Ctrl+F)",
    "Search product ID, SKU, name or seller SKU": "Cari ID produk, SKU, nama, atau SKU penjual",
    "Secrets go to the OS keyring, never into TokoDesk's database.":
        "Rahasia disimpan di keyring sistem, tidak pernah di database TokoDesk.",
    "Select All": "Pilih semua",
    "Select an order to see its details.": "Pilih pesanan untuk melihat rinciannya.",
    "Seller SKU": "SKU penjual",
    "Sending to {0}…": "Mengirim ke {0}…",
    "Service ID": "Service ID",
    "Settings of {0}": "Pengaturan {0}",
    "Ship": "Kirim",
    "Ship by": "Kirim sebelum",
    "Shipped": "Dikirim",
    "Shipping fee": "Ongkos kirim",
    "Shop": "Toko",
    "Shop ID": "Shop ID",
    "Shop closed until": "Toko tutup sampai",
    "Shop:": "Toko:",
    "Show Details...": "Tampilkan rincian...",
    "Show and search orders by invoice number (INV/…)": "Tampilkan dan cari pesanan dengan nomor invoice (INV/…)",
    "Size": "Ukuran",
    "Skipped": "Dilewati",
    "Something went wrong ({0}): {1}": "Terjadi kesalahan ({0}): {1}",
    "Something went wrong. Your data is safe; the details below are also in the log file. Copy them when you ask "
    "for help.":
        "Terjadi kesalahan. Data Anda aman; rincian di bawah juga ada di berkas log. Salin rincian ini saat Anda "
        "meminta bantuan.",
    "Source warehouse": "Gudang asal",
    "Started": "Mulai",
    "Starting the demo shop": "Menyalakan toko demo",
    "Starting the demo shop…": "Menyalakan toko demo…",
    "State": "Status",
    "Station": "Stasiun",
    "Status": "Status",
    "Stock edited in Seller Center": "Stok diubah di Seller Center",
    "Stock push": "Perbarui stok",
    "Stop the running sync after the current request": "Hentikan sinkronisasi setelah permintaan yang sedang berjalan",
    "Strip prefix when mapping": "Buang awalan saat memetakan",
    "Strip suffix when mapping": "Buang akhiran saat memetakan",
    "Sync": "Sinkronisasi",
    "Sync log": "Log sinkronisasi",
    "Sync now": "Sinkronkan",
    "Sync {0} — {1}": "Sinkronisasi {0} — {1}",
    "Test connection": "Uji koneksi",
    "Testing the connection": "Menguji koneksi",
    "Testing…": "Menguji…",
    "The answer was lost on the way back; TokoDesk will check the order on the marketplace: {0}":
        "Jawaban hilang di jalan; TokoDesk akan memeriksa pesanan di marketplace: {0}",
    "The authorization worked but covers no shop: authorize again with the shop owner's account.":
        "Otorisasi berhasil tetapi tidak mencakup toko: otorisasi lagi dengan akun pemilik toko.",
    "The channel is saved. When you click Finish, TokoDesk pulls your products and orders in the background; the "
    "status bar shows the progress.":
        "Channel tersimpan. Setelah Anda klik Selesai, TokoDesk menarik produk dan pesanan Anda di latar belakang; "
        "bilah status menampilkan kemajuannya.",
    "The database could not be used: {0}": "Database tidak bisa dipakai: {0}",
    "The first order pull starts here; later pulls continue from where the last one ended.":
        "Penarikan pesanan pertama dimulai dari sini; penarikan berikutnya melanjutkan dari akhir penarikan "
        "terakhir.",
    "The keyring could not be used: {0}": "Keyring tidak bisa dipakai: {0}",
    "The keyring is locked or missing, so the secret cannot be kept: {0}":
        "Keyring terkunci atau tidak ada, sehingga rahasia tidak bisa disimpan: {0}",
    "The last action failed": "Tindakan terakhir gagal",
    "The marketplace could not be reached. Check the internet connection and try again.":
        "Marketplace tidak bisa dihubungi. Periksa koneksi internet lalu coba lagi.",
    "The marketplace does not allow cancelling this order now.":
        "Marketplace tidak mengizinkan pembatalan pesanan ini sekarang.",
    "The marketplace refused the credentials: {0}": "Marketplace menolak kredensial: {0}",
    "The marketplace refused: {0}": "Marketplace menolak: {0}",
    "The marketplace serves orders of the last {0} days only, so the first pull can start at most {0} days back. "
    "Older orders stay in Seller Center.":
        "Marketplace hanya menyediakan pesanan {0} hari terakhir, jadi penarikan pertama paling jauh dimulai {0} "
        "hari ke belakang. Pesanan yang lebih lama tetap di Seller Center.",
    "The message is too long (at most {0} characters).": "Pesan terlalu panjang (paling banyak {0} karakter).",
    "The new language is used the next time TokoDesk starts.":
        "Bahasa baru dipakai saat TokoDesk dibuka berikutnya.",
    "The old Tokopedia Open API (FS ID, client ID and secret) was switched off on 30 September 2025 and no longer "
    "answers. Choose it only for TokoDesk's sandbox shop or an old test setup.":
        "Tokopedia Open API lama (FS ID, client ID, dan secret) dimatikan pada 30 September 2025 dan tidak lagi "
        "menjawab. Pilih hanya untuk toko sandbox TokoDesk atau pengujian lama.",
    "The printer could not be opened.": "Printer tidak bisa dibuka.",
    "The shop ID is the number in your seller panel's address, e.g. seller.tokopedia.com/…?shop_id=<b>1234567</b>.":
        "Shop ID adalah angka di alamat panel penjual Anda, mis. seller.tokopedia.com/…?shop_id=<b>1234567</b>.",
    "The warehouse whose stock is pushed and whose orders are shipped":
        "Gudang yang stoknya diperbarui di marketplace dan pesanannya dikirim dari sana",
    "These orders go with your own courier: enter the AWB (resi) of each.":
        "Pesanan ini dikirim dengan kurir sendiri: isi nomor resi masing-masing.",
    "To pack": "Perlu dikemas",
    "To print": "Perlu dicetak",
    "Token expires": "Token berakhir",
    "TokoDesk": "TokoDesk",
    "TokoDesk cannot start without its database.": "TokoDesk tidak bisa berjalan tanpa database-nya.",
    "TokoDesk demo": "Demo TokoDesk",
    "TokoDesk hit an error": "TokoDesk mengalami kesalahan",
    "TokoDesk is opening the database…": "TokoDesk sedang membuka database…",
    "TokoDesk {0}\nOrders, labels and stock for Tokopedia & Shop sellers, on your own PC.\nData folder: {1}":
        "TokoDesk {0}\nPesanan, label, dan stok untuk penjual Tokopedia & Shop, di PC Anda sendiri.\nFolder data: {1}",
    "Tokopedia & Shop": "Tokopedia & Shop",
    "Tokopedia & Shop (current)": "Tokopedia & Shop (saat ini)",
    "Tokopedia Open API (legacy)": "Tokopedia Open API (lama)",
    "Tokopedia Open API (legacy, shut down Sep 2025)": "Tokopedia Open API (lama, dimatikan Sep 2025)",
    "Total": "Total",
    "Unexpected error ({0}): {1}": "Kesalahan tak terduga ({0}): {1}",
    "Unmapped only": "Hanya yang belum dipetakan",
    "Updated": "Diperbarui",
    "Use marketplace shipping label": "Pakai label pengiriman marketplace",
    "Waiting for the marketplace": "Menunggu marketplace",
    "When on a manifest": "Saat masuk manifest",
    "When packed": "Saat dikemas",
    "Which marketplace should the demo shop speak?": "Marketplace mana yang dipakai toko demo?",
    "Which marketplace?": "Marketplace mana?",
    "Write a short message for the buyer.": "Tulis pesan singkat untuk pembeli.",
    "Yes": "Ya",
    "accepted": "diterima",
    "acknowledged": "diterima",
    "awaiting_payment": "menunggu pembayaran",
    "awaiting_pickup": "menunggu pickup",
    "cancelled": "dibatalkan",
    "completed": "selesai",
    "delivered": "terkirim",
    "e.g. Toko Utama": "mis. Toko Utama",
    "every 1 min": "setiap 1 menit",
    "every 15 min": "setiap 15 menit",
    "every 3 min": "setiap 3 menit",
    "every 5 min": "setiap 5 menit",
    "failed": "gagal",
    "inventory sync is off": "sinkronisasi stok mati",
    "marketplace": "marketplace",
    "never": "belum pernah",
    "never run": "belum pernah jalan",
    "new": "baru",
    "not mapped": "belum dipetakan",
    "on demand": "sesuai permintaan",
    "on_hold": "ditahan",
    "packed": "dikemas",
    "pending": "menunggu",
    "periodic": "berkala",
    "ready_to_ship": "siap kirim",
    "reconciliation is off": "rekonsiliasi mati",
    "returned": "dikembalikan",
    "run on demand": "jalan sesuai permintaan",
    "sent": "terkirim",
    "shipped": "dikirim",
    "stock changed": "stok berubah",
    "unmapped": "belum dipetakan",
    "{0} cannot be packed: it is {1}.": "{0} tidak bisa dikemas: statusnya {1}.",
    "{0} is already packed.": "{0} sudah dikemas.",
    "{0} mappings written to {1}": "{0} pemetaan ditulis ke {1}",
    "{0} marketplace SKUs, {1} unmapped": "{0} SKU marketplace, {1} belum dipetakan",
    "{0} new order(s) arrived.": "{0} pesanan baru masuk.",
    "{0} of {1} done.": "{0} dari {1} berhasil.",
    "{0} of {1} orders shown": "{0} dari {1} pesanan ditampilkan",
    "{0} orders selected": "{0} pesanan dipilih",
    "{0} page(s) ready.": "{0} halaman siap.",
    "{0} rows skipped.": "{0} baris dilewati.",
    "{0} selected": "{0} dipilih",
    "{0}: on hand set to {1}": "{0}: stok fisik diatur ke {1}",
    "{0}: {1} SKUs checked, {2} mismatches, {3} fixed.": "{0}: {1} SKU diperiksa, {2} selisih, {3} diperbaiki.",
    "{0}: {1} of {2} orders not done — {3}": "{0}: {1} dari {2} pesanan tidak berhasil — {3}",
    "{0}: {1} orders done": "{0}: {1} pesanan berhasil",
    "— unmapped —": "— belum dipetakan —",
    "⚑ needs attention: changed outside TokoDesk, unmapped SKU or a failed action":
        "⚑ perlu perhatian: diubah di luar TokoDesk, SKU belum dipetakan, atau tindakan gagal",
    # the print worker, mark as printed, the live queue
    "Looking for changes": "Memeriksa perubahan",
    "Marked printed in TokoDesk": "Ditandai sudah dicetak di TokoDesk",
    "Marked printed in TokoDesk ({0} keeps no printed flag)":
        "Ditandai sudah dicetak di TokoDesk ({0} tidak menyimpan tanda cetak)",
    "Marked printed on {0}": "Ditandai sudah dicetak di {0}",
    "Marketplace status at the last read: {0}": "Status marketplace saat terakhir dibaca: {0}",
    "Page %v of %m": "Halaman %v dari %m",
    "Printed and marked printed.": "Tercetak dan ditandai sudah dicetak.",
    "Printed, but marking them printed failed: {0}": "Tercetak, tetapi gagal menandai sudah dicetak: {0}",
    "Printed, but the marketplace could not be reached: {0}": "Tercetak, tetapi marketplace tidak bisa dihubungi: {0}",
    "Printed, but {0} was not told: {1}": "Tercetak, tetapi {0} belum diberi tahu: {1}",
    "Printed. Marking them printed…": "Tercetak. Menandai sudah dicetak…",
    "Printed. {0} of {1} orders could not be marked printed on the marketplace:":
        "Tercetak. {0} dari {1} pesanan tidak bisa ditandai sudah dicetak di marketplace:",
    "Printing stopped. Nothing was marked printed.": "Pencetakan dihentikan. Tidak ada yang ditandai sudah dicetak.",
    "Printing…": "Mencetak…",
    "Stop printing": "Hentikan cetak",
    "Stopping…": "Menghentikan…",
    "The document to print could not be read.": "Dokumen yang akan dicetak tidak bisa dibaca.",
    "page {0} of {1}": "halaman {0} dari {1}",
    # the order detail pane's history and marketplace requests
    "Accept": "Terima",
    "Manifest": "Manifest",
    "Pulled": "Diambil dari marketplace",
    "Status changed": "Status berubah",
    "done": "selesai",
    "no answer yet": "belum ada jawaban",
    "waiting": "menunggu",
    # the database page (station setting)
    "A change takes effect when TokoDesk starts again.": "Perubahan berlaku saat TokoDesk dijalankan lagi.",
    "Advanced: choose the database (several packing PCs share one)":
        "Lanjutan: pilih database (beberapa PC packing memakai satu database)",
    "Advanced: the database": "Lanjutan: database",
    "Database": "Database",
    "Database: {0}. Change it in the setup wizard's advanced Database page; a change takes effect when TokoDesk "
    "starts again.":
        "Database: {0}. Ubah di halaman Database (lanjutan) pada wizard pengaturan; perubahan berlaku saat TokoDesk "
        "dijalankan lagi.",
    "Host": "Host",
    "In use now: {0}": "Yang dipakai sekarang: {0}",
    "Kept in the OS keyring; leave empty to keep it": "Tersimpan di keyring sistem; kosongkan untuk tetap memakainya",
    "No such database": "Database tidak ada",
    "One packing PC keeps its data on this PC. Several PCs on one order queue share a PostgreSQL server.":
        "Satu PC packing menyimpan datanya di PC ini. Beberapa PC pada satu antrean pesanan memakai bersama satu "
        "server PostgreSQL.",
    "Password": "Kata sandi",
    "Port": "Port",
    "PostgreSQL server": "Server PostgreSQL",
    "Saved. Close TokoDesk and start it again to use this database; add the channel then, unless another station "
    "already has.":
        "Tersimpan. Tutup TokoDesk lalu jalankan lagi untuk memakai database ini; tambahkan channel setelah itu, "
        "kecuali stasiun lain sudah menambahkannya.",
    "Saving the database setting": "Menyimpan pengaturan database",
    "Shared PostgreSQL server": "Server PostgreSQL bersama",
    "Stored in the OS keyring, never in a file": "Disimpan di keyring sistem, tidak pernah di file",
    "TOKODESK_DB is set on this PC and wins over this setting.":
        "TOKODESK_DB diatur di PC ini dan mengalahkan pengaturan ini.",
    "Test": "Uji",
    "Testing the database": "Menguji database",
    "The database is newer than this TokoDesk": "Database lebih baru daripada TokoDesk ini",
    "The database setting is incomplete": "Pengaturan database belum lengkap",
    "The server cannot be reached": "Server tidak dapat dihubungi",
    "The server needs a password": "Server meminta kata sandi",
    "The server refused": "Server menolak",
    "The user lacks rights": "Pengguna tidak punya hak akses",
    "This PC only (SQLite)": "Hanya PC ini (SQLite)",
    "Unknown user": "Pengguna tidak dikenal",
    "Use this database": "Pakai database ini",
    "User": "Pengguna",
    "Wrong password": "Kata sandi salah",
    "e.g. 192.168.1.10 or gudang-pc": "mis. 192.168.1.10 atau gudang-pc",
    # product states on the SKU mapping tab, the daily reconciliation slot
    "active": "aktif",
    "banned": "diblokir",
    "deleted": "dihapus",
    "draft": "draf",
    "inactive": "nonaktif",
    "pending review": "menunggu peninjauan",
    "daily at {0} WIB": "setiap hari pukul {0} WIB",
    # buyer cancellation requests (Tokopedia & Shop) and the history words of newer event kinds
    "Answer by": "Jawab sebelum",
    "Answer the selected request": "Jawab permintaan yang dipilih",
    "Approve the buyer's request for {0}? The marketplace cancels the order and refunds the buyer; this cannot be "
    "undone.": "Setujui permintaan pembeli untuk {0}? Marketplace membatalkan pesanan dan mengembalikan dana pembeli; "
    "ini tidak dapat diurungkan.",
    "Approve the cancellation": "Setujui pembatalan",
    "Approve: cancel the order": "Setujui: batalkan pesanan",
    "Approved: the order is cancelled": "Disetujui: pesanan dibatalkan",
    "Approving a buyer's cancellation": "Menyetujui pembatalan dari pembeli",
    "Buyer cancellation requests": "Permintaan pembatalan dari pembeli",
    "Buyer's cancellation approved": "Pembatalan pembeli disetujui",
    "Buyer's cancellation rejected": "Pembatalan pembeli ditolak",
    "Buyer's reason": "Alasan pembeli",
    "Buyers asked to cancel these orders. Approve: the marketplace cancels the order and refunds the buyer. "
    "Reject: the order stays to be shipped. Answer before the deadline, or the marketplace decides for you.":
        "Pembeli meminta pesanan ini dibatalkan. Setujui: marketplace membatalkan pesanan dan mengembalikan dana "
        "pembeli. Tolak: pesanan tetap harus dikirim. Jawab sebelum batas waktu, atau marketplace yang memutuskan.",
    "Buyers asking to cancel an order, read from the marketplace: approve or reject each one. The queue itself does "
    "not mark these orders.":
        "Pembeli yang meminta pembatalan pesanan, dibaca dari marketplace: setujui atau tolak satu per satu. Antrean "
        "pesanan sendiri tidak menandai pesanan ini.",
    "Cancellation requests": "Permintaan pembatalan",
    "Cancellation requests ({0})": "Permintaan pembatalan ({0})",
    "Comment": "Komentar",
    "Choose a reason…": "Pilih alasan…",
    "Counting buyer cancellation requests": "Menghitung permintaan pembatalan dari pembeli",
    "Marketplace label kept": "Label marketplace disimpan",
    "No buyer is waiting for an answer.": "Tidak ada pembeli yang menunggu jawaban.",
    "Not in TokoDesk yet: pull the orders first (Channel tab → Sync now)":
        "Belum ada di TokoDesk: tarik pesanan dulu (tab Channel → Sinkronkan sekarang)",
    "Not sent: {0}": "Tidak dikirim: {0}",
    "Optional: a note for the buyer, e.g. the parcel is already packed":
        "Opsional: catatan untuk pembeli, mis. paket sudah dikemas",
    "Reading buyer cancellation requests": "Membaca permintaan pembatalan dari pembeli",
    "Reading the buyers' requests from the marketplace…": "Membaca permintaan pembeli dari marketplace…",
    "Reading the reasons the marketplace offers…": "Membaca alasan yang ditawarkan marketplace…",
    "Reading the reasons to reject": "Membaca alasan penolakan",
    "Reason to reject": "Alasan menolak",
    "Reject the request": "Tolak permintaan",
    "Rejected ({0}): the order stays to be shipped": "Ditolak ({0}): pesanan tetap harus dikirim",
    "Rejecting a buyer's cancellation": "Menolak pembatalan dari pembeli",
    "Return received": "Retur diterima",
    "Sending the approval…": "Mengirim persetujuan…",
    "Sending the rejection…": "Mengirim penolakan…",
    "The buyers' requests could not be read: {0}": "Permintaan pembeli tidak dapat dibaca: {0}",
    "The marketplace offers no reason to reject this request":
        "Marketplace tidak menawarkan alasan untuk menolak permintaan ini",
    "The reasons to reject could not be read: {0}": "Alasan penolakan tidak dapat dibaca: {0}",
    "The requests could not be read: {0}": "Permintaan tidak dapat dibaca: {0}",
    "This channel's marketplace API has no buyer cancellation requests to answer: answer them in Seller Center.":
        "API marketplace channel ini tidak punya permintaan pembatalan dari pembeli untuk dijawab: jawab di Seller "
        "Center.",
    "Waiting for the marketplace's answer: {0}": "Menunggu jawaban marketplace: {0}",
    "{0} request(s) waiting for your answer.": "{0} permintaan menunggu jawaban Anda.",
    # Queue QA: why a button is disabled, the printed mark, the print dialog's hints.
    "Enabled once the preview is ready.": "Aktif setelah pratinjau siap.",
    "Labels print for orders that are acknowledged, packed, ready to ship, awaiting pickup or shipped.":
        "Label dicetak untuk pesanan yang sudah diterima, dikemas, siap kirim, menunggu pickup, atau dikirim.",
    "Only new, to-pack or packed orders can be cancelled.":
        "Hanya pesanan baru, perlu dikemas, atau sudah dikemas yang bisa dibatalkan.",
    "Picklist, packing list and manifest for the selected orders":
        "Daftar pengambilan barang, daftar isi paket, dan manifest untuk pesanan yang dipilih",
    "Picklists, packing lists and manifests print on A4.":
        "Daftar pengambilan barang, daftar isi paket, dan manifest dicetak di A4.",
    "Select new orders to acknowledge them.": "Pilih pesanan baru untuk menerimanya.",
    "Select one or more orders first (click a row; Ctrl or Shift adds more).":
        "Pilih satu pesanan atau lebih dulu (klik baris; Ctrl atau Shift untuk menambah).",
    "Select orders that are To pack (acknowledged) to pack them.":
        "Pilih pesanan Perlu dikemas (sudah diterima) untuk mengemasnya.",
    "Select packed or ready-to-ship orders to ship them.":
        "Pilih pesanan yang dikemas atau siap kirim untuk mengirimnya.",
    "The label has been printed.": "Label sudah dicetak.",
    "The marketplace's label exists once the package is arranged: ship the order first, then print its label.":
        "Label marketplace baru ada setelah pengiriman diatur: kirim pesanan dulu, lalu cetak labelnya.",
    "This marketplace accepts orders by itself: there is nothing to acknowledge.":
        "Marketplace ini menerima pesanan sendiri: tidak ada yang perlu diterima.",
    "printed": "dicetak",
    "{0} of the selected orders cannot do this. {1}": "{0} pesanan yang dipilih tidak bisa melakukan ini. {1}",
    "An order has a product without a seller SKU: map it in the SKU mapping tab first.":
        "Ada pesanan dengan produk tanpa SKU penjual: petakan dulu di tab Pemetaan SKU.",
    # Inventory QA: reconciliation lines a stock push cannot fix.
    "(not mapped)": "(belum dipetakan)",
    "Map it first": "Petakan dulu",
    "Not on the marketplace": "Tidak ada di marketplace",
    "Nothing to fix: every mismatch of this report is fixed.":
        "Tidak ada yang perlu diperbaiki: semua selisih di laporan ini sudah diperbaiki.",
    "Run “Reconcile now” first; its mismatches can then be fixed here.":
        "Jalankan “Rekonsiliasi sekarang” dulu; selisihnya bisa diperbaiki di sini.",
    "The mismatches left are products without a seller SKU (map them in the SKU mapping tab) or not found on the "
    "marketplace: a stock push cannot fix them.":
        "Selisih yang tersisa adalah produk tanpa SKU penjual (petakan di tab Pemetaan SKU) atau tidak ada di "
        "marketplace: perbarui stok tidak bisa memperbaikinya.",
    "product {0}": "produk {0}",
    "Read the queue again from the database (F5)": "Baca ulang antrean dari database (F5)",
    "{0}: 1 order done": "{0}: 1 pesanan berhasil",
    # ttsorders (issue 16.3/16.4/16.6): cancel states, the platform's order of work, the buyer's window.
    "{0} lets a seller cancel orders that are: {1}.": "{0} mengizinkan penjual membatalkan pesanan yang: {1}.",
    "Instant": "Instan",
    "Same-day": "Same Day",
    "Waiting": "Menunggu",
    "Waiting for the buyer's payment; it moves to To pack by itself once paid.":
        "Menunggu pembayaran pembeli; pesanan pindah ke Perlu dikemas sendiri setelah dibayar.",
    "The buyer may still cancel (the platform's waiting time after payment); do not ship yet.":
        "Pembeli masih bisa membatalkan (masa tunggu platform setelah pembayaran); jangan dikirim dulu.",
    "The buyer may still cancel until {0}; then it is yours to pack.":
        "Pembeli masih bisa membatalkan sampai {0}; setelah itu pesanan siap Anda kemas.",
    # Queue (issue 14: selection by order identity, detail pane, staleness, filters, window size).
    "Cancel {0} order(s) on the marketplace: {1}. The buyer is refunded; this cannot be undone.":
        "Batalkan {0} pesanan di marketplace: {1}. Dana pembeli dikembalikan; tindakan ini tidak bisa dibatalkan.",
    "Loading…": "Memuat…",
    "No order with invoice, order ID, booking code or AWB “{0}”. Nothing is selected.":
        "Tidak ada pesanan dengan invoice, ID pesanan, kode booking, atau resi “{0}”. Tidak ada yang dipilih.",
    "This order is no longer in the database.": "Pesanan ini sudah tidak ada di database.",
    "and {0} more": "dan {0} lainnya",
    "Packages changed": "Paket berubah",
    "All couriers": "Semua kurir",
    "All shops": "Semua toko",
    "Matches the invoice, order ID, buyer, booking code, AWB and every line's SKU and seller SKU":
        "Mencocokkan invoice, ID pesanan, pembeli, kode booking, resi, serta SKU dan SKU penjual setiap produk",
    "Not printed": "Belum dicetak",
    "Printed": "Sudah dicetak",
    "Printed or not": "Dicetak atau belum",
    "Show the orders of the shop chosen above, or of every shop at once":
        "Tampilkan pesanan toko yang dipilih di atas, atau semua toko sekaligus",
    "The selection holds orders of several shops: select the orders of one shop.":
        "Pilihan berisi pesanan dari beberapa toko: pilih pesanan dari satu toko saja.",
    "This shop": "Toko ini",
    "Scan a code, press Enter (F6)": "Pindai kode, tekan Enter (F6)",
    "Scanned at handover": "Dipindai saat serah terima",
    "Checking the order sync": "Memeriksa sinkron pesanan",
    "Offline since {0}": "Offline sejak {0}",
    "Order sync failing since {0}": "Sinkron pesanan gagal sejak {0}",
    "Orders last pulled {0}.": "Pesanan terakhir diambil {0}.",
    "Orders never pulled yet.": "Pesanan belum pernah diambil.",
    "Orders not pulled since {0} (due every {1} min)": "Pesanan tidak diambil sejak {0} (jadwal tiap {1} menit)",
    "Orders not pulled yet": "Pesanan belum diambil",
    "Orders not pulled yet (due every {0} min)": "Pesanan belum diambil (jadwal tiap {0} menit)",
    "Orders pulled {0} ({1})": "Pesanan diambil {0} ({1})",
    "Pull the orders again now": "Ambil pesanan lagi sekarang",
    "Pulling orders…": "Mengambil pesanan…",
    "Retry": "Coba lagi",
    "just now": "baru saja",
    "{0} min ago": "{0} menit lalu",
    # stock (issue 14 items 1 and 7): never counted, adopting the marketplace's stock, CSV import in the window.
    "A CSV file with seller_sku,on_hand on each line. A file with a bad line is not imported at all; every bad line "
    "is listed.":
        "File CSV berisi seller_sku,on_hand di setiap baris. File dengan baris yang salah tidak diimpor sama sekali; "
        "setiap baris yang salah disebutkan.",
    "CSV files (*.csv *.txt);;All files (*)": "File CSV (*.csv *.txt);;Semua file (*)",
    "Count it first": "Hitung dulu",
    "Import counts…": "Impor jumlah stok…",
    "Import stock counts": "Impor jumlah stok",
    "Importing stock counts": "Mengimpor jumlah stok",
    "Nobody counted this SKU yet, so TokoDesk pushes nothing for it. Type the count (double-click), import a CSV of "
    "counts, or use the marketplace's current stock as the count.":
        "SKU ini belum pernah dihitung, jadi TokoDesk tidak memperbarui stoknya. Ketik jumlahnya (klik dua kali), "
        "impor CSV jumlah stok, atau pakai stok marketplace saat ini sebagai jumlahnya.",
    "Not counted yet": "Belum dihitung",
    "Not counted: nothing is pushed": "Belum dihitung: stok tidak diperbarui",
    "Not pushed yet": "Belum diperbarui",
    "Reading the marketplace's stock": "Membaca stok marketplace",
    "Search SKU or product name": "Cari SKU atau nama produk",
    "Take what the marketplace shows now (plus what open orders hold) as the count of every SKU nobody counted yet; "
    "the next push then changes nothing on the marketplace.":
        "Pakai stok yang tampil di marketplace sekarang (ditambah yang ditahan pesanan terbuka) sebagai jumlah setiap "
        "SKU yang belum dihitung; perbarui stok berikutnya tidak mengubah apa pun di marketplace.",
    "Taken from the marketplace": "Dari stok marketplace",
    "Use marketplace stock": "Pakai stok marketplace",
    "Use marketplace stock ({0} not counted)": "Pakai stok marketplace ({0} belum dihitung)",
    "not counted": "belum dihitung",
    "{0} SKUs are not counted yet: nothing is pushed for them.":
        "{0} SKU belum dihitung: stoknya tidak diperbarui di marketplace.",
    "{0} SKUs taken from the marketplace; {1} could not be and stay not counted.":
        "{0} SKU diambil dari marketplace; {1} tidak bisa dan tetap belum dihitung.",
    "{0} bad lines in the file: nothing was imported. Fix them and import again.":
        "{0} baris salah di file: tidak ada yang diimpor. Perbaiki lalu impor lagi.",
    "{0} counts imported: {1} updated, {2} new SKUs, {3} unchanged.":
        "{0} jumlah stok diimpor: {1} diperbarui, {2} SKU baru, {3} tidak berubah.",
    "{0} not counted yet.": "{0} belum dihitung.",
    "Using the demo shop's stock as the starting count": "Memakai stok toko demo sebagai jumlah awal",
    "A file with seller_sku,on_hand on each line (your SKU as in Seller Center).":
        "File berisi seller_sku,on_hand di setiap baris (SKU Anda seperti di Seller Center).",
    "Checking the keyring": "Memeriksa keyring",
    "Checking the keyring…": "Memeriksa keyring…",
    "Choose file…": "Pilih file…",
    "I will count later": "Saya hitung nanti",
    "Import a CSV of my counts": "Impor CSV jumlah stok saya",
    "No file chosen": "Belum ada file",
    "No usable keyring, so TokoDesk cannot keep your secrets: {0}":
        "Tidak ada keyring yang bisa dipakai, jadi TokoDesk tidak bisa menyimpan rahasia Anda: {0}",
    "Nothing is pushed until a SKU is counted. Count in the Inventory tab: type a number, import a file, or use the "
    "marketplace's stock there.":
        "Stok tidak diperbarui di marketplace sampai SKU dihitung. Hitung di tab Stok: ketik angka, impor file, atau "
        "pakai stok "
        "marketplace di sana.",
    "Reading the stock file": "Membaca file stok",
    "Reading your shop's products, open orders and stock…": "Membaca produk, pesanan terbuka, dan stok toko Anda…",
    "Reading…": "Membaca…",
    "Recommended when your listings show the right stock today. TokoDesk reads each listing's stock, adds back what "
    "open orders hold, and keeps that as your count: the first push changes nothing on the marketplace.":
        "Disarankan bila stok di produk Anda hari ini sudah benar. TokoDesk membaca stok setiap produk, menambahkan "
        "yang ditahan pesanan terbuka, dan menyimpannya sebagai jumlah Anda: perbarui stok pertama tidak mengubah apa "
        "pun di marketplace.",
    "Saving your counts…": "Menyimpan jumlah stok Anda…",
    "Secrets will be kept in: {0}": "Rahasia akan disimpan di: {0}",
    "Setting the starting stock": "Mengatur stok awal",
    "Starting stock": "Stok awal",
    "The channel is not saved": "Channel tidak disimpan",
    "The channel is saved": "Channel sudah disimpan",
    "The channel is saved.": "Channel sudah disimpan.",
    "The channel is saved. When you click Finish, TokoDesk keeps pulling your products and orders in the background; "
    "the status bar shows the progress.":
        "Channel sudah disimpan. Setelah Anda klik Selesai, TokoDesk terus menarik produk dan pesanan di latar "
        "belakang; bilah status menampilkan prosesnya.",
    "The file has no stock lines: write seller_sku,on_hand on each line.":
        "File tidak berisi baris stok: tulis seller_sku,on_hand di setiap baris.",
    "The starting stock is not set: {0}. Your SKUs stay not counted and nothing is pushed; count them in the "
    "Inventory tab.":
        "Stok awal belum diatur: {0}. SKU Anda tetap belum dihitung dan stoknya tidak diperbarui; hitung di tab Stok.",
    "TokoDesk pushes your stock to the marketplace. Until it knows your counts it pushes nothing, so connecting never "
    "changes your shop.":
        "TokoDesk memperbarui stok Anda di marketplace. Selama jumlahnya belum diketahui, tidak ada yang diperbarui, "
        "jadi "
        "menghubungkan toko tidak pernah mengubah stok toko Anda.",
    "Use the marketplace's current stock as my count": "Pakai stok marketplace saat ini sebagai jumlah saya",
    "due now": "sekarang",
    "{0} bad lines: fix them and choose the file again.": "{0} baris salah: perbaiki lalu pilih file lagi.",
    "{0} counts ready; they are saved with the channel.": "{0} jumlah stok siap; disimpan bersama channel.",
    "Nothing is pushed until you count your SKUs (Inventory tab: type a count, import a file, or use the "
    "marketplace's stock).":
        "Stok tidak diperbarui di marketplace sampai SKU Anda dihitung (tab Stok: ketik jumlah, impor file, atau "
        "pakai stok "
        "marketplace).",
    "{0} SKUs already counted were kept as they are.": "{0} SKU yang sudah dihitung tetap seperti semula.",
    "{0} SKUs could not be taken and stay not counted (nothing is pushed for them):":
        "{0} SKU tidak bisa diambil dan tetap belum dihitung (stoknya tidak diperbarui):",
    "{0} SKUs counted from the marketplace's stock: {1} units on the marketplace + {2} held by open orders.":
        "{0} SKU dihitung dari stok marketplace: {1} unit di marketplace + {2} ditahan pesanan terbuka.",
    "{0} SKUs left out: never counted, so nothing is pushed for them. Count them, or use the marketplace's stock.":
        "{0} SKU dilewati: belum pernah dihitung, jadi stoknya tidak diperbarui. Hitung, atau pakai stok marketplace.",
    "{0} counts imported.": "{0} jumlah stok diimpor.",
    # Packages (issue 16): split orders, combined packages, partly shipped orders.
    "Partly shipped": "Sebagian dikirim",
    "partly_shipped": "sebagian dikirim",
    # Authorization (tokens): one consent, several shops.
    "The authorization covers several shops: pick this channel's shop. Add another later with `tokodesk channel "
    "add NAME --from-channel` (no new consent).":
        "Otorisasi ini mencakup beberapa toko: pilih toko untuk channel ini. Tambahkan toko lain nanti dengan "
        "`tokodesk channel add NAMA --from-channel` (tanpa persetujuan baru).",
    # Ship flow (shipflow): no label without a code to scan, arrange shipment and print, own-courier AWBs.
    "Printed without a barcode:": "Dicetak tanpa barcode:",
    "A product has no seller SKU: map it in the SKU mapping tab first.":
        "Ada produk tanpa SKU penjual: petakan dulu di tab Pemetaan SKU.",
    "An AWB has {0} to {1} letters, digits or plain symbols (no spaces), as the courier printed it.":
        "Nomor resi terdiri dari {0} sampai {1} huruf, angka, atau simbol biasa (tanpa spasi), sesuai cetakan kurir.",
    "Arrange shipment and print": "Atur pengiriman dan cetak",
    "Arranging the shipment failed: {0}": "Gagal mengatur pengiriman: {0}",
    "Arranging the shipment of {0} order(s)…": "Mengatur pengiriman {0} pesanan…",
    "Orders: {0}": "Pesanan: {0}",
    "It is {0}.": "Statusnya {0}.",
    "Labels print for orders that are acknowledged, packed, ready to ship, awaiting pickup or shipped, once they "
    "have a booking code or AWB.":
        "Label bisa dicetak untuk pesanan yang sudah diterima, dikemas, siap kirim, menunggu pickup, atau dikirim, "
        "setelah ada kode booking atau nomor resi.",
    "No booking code or AWB yet: its label would have nothing for the courier to scan.":
        "Belum ada kode booking atau nomor resi: labelnya tidak punya kode untuk dipindai kurir.",
    "No tracking number yet: {0} gives it when the order is shipped. Use Arrange shipment and print.":
        "Belum ada nomor resi: {0} memberikannya saat pesanan dikirim. Pakai Atur pengiriman dan cetak.",
    "None of the selected orders can do this. {0}": "Tidak ada pesanan terpilih yang bisa melakukan ini. {0}",
    "Not shipped": "Tidak dikirim",
    "Pack it first.": "Kemas dulu.",
    "Reading the orders": "Membaca pesanan",
    "Remove the space.": "Hapus spasinya.",
    "Select packed or ready-to-ship orders: they are shipped and their labels print.":
        "Pilih pesanan yang dikemas atau siap kirim: pesanan diatur pengirimannya lalu labelnya dicetak.",
    "Shipped, no label yet": "Sudah dikirim, label belum ada",
    "Skips {0} of the {1} selected: {2} — {3}": "Melewati {0} dari {1} pesanan terpilih: {2} — {3}",
    "Stop": "Hentikan",
    "Stop after the order being sent; what shipped stays shipped and its labels still print.":
        "Berhenti setelah pesanan yang sedang dikirim; yang sudah dikirim tetap dikirim dan labelnya tetap dicetak.",
    "Stopped.": "Dihentikan.",
    "Stopped before anything was sent.": "Dihentikan sebelum ada yang dikirim.",
    "Stopping after the order being sent…": "Berhenti setelah pesanan yang sedang dikirim…",
    "The same AWB as {0}: each parcel has its own.": "Nomor resi sama dengan {0}: setiap paket punya resi sendiri.",
    "These orders go with your own courier: type or scan the AWB (resi) of each. A scanner's Enter moves to the "
    "next order.":
        "Pesanan ini dikirim dengan kurir toko sendiri: ketik atau pindai nomor resi masing-masing. Enter dari "
        "pemindai pindah ke pesanan berikutnya.",
    "This marketplace gives the tracking number before shipping: print the label, then ship.":
        "Marketplace ini memberi nomor resi sebelum pengiriman: cetak label, lalu kirim.",
    "Type a plain hyphen '-' instead.": "Ketik tanda hubung biasa '-' sebagai gantinya.",
    "Type or scan the AWB": "Ketik atau pindai nomor resi",
    "a control character": "karakter kontrol",
    "{0} characters: an AWB has at least {1}.": "{0} karakter: nomor resi minimal {1} karakter.",
    "{0} characters: an AWB has at most {1}.": "{0} karakter: nomor resi maksimal {1} karakter.",
    "{0} of {1} order(s) shipped; {2} label(s) to print.":
        "{0} dari {1} pesanan dikirim; {2} label siap dicetak.",
    "{0} skipped: see the reason on each.": "{0} dilewati: lihat alasannya di masing-masing.",
    "{0}(U+{1:04X} {2}) cannot be in a barcode: use letters, digits and plain symbols.":
        "{0}(U+{1:04X} {2}) tidak bisa masuk barcode: pakai huruf, angka, dan simbol biasa.",
    "Can be combined with order {0} of the same buyer: select them together and press Combine to ship one parcel.":
        "Bisa digabung dengan pesanan {0} dari pembeli yang sama: pilih bersama lalu tekan Gabungkan agar dikirim "
        "dalam satu paket.",
    "Combine": "Gabungkan",
    "On this marketplace every order is its own parcel: there is nothing to combine.":
        "Di marketplace ini setiap pesanan adalah satu paket: tidak ada yang bisa digabung.",
    "Only orders not shipped yet can be combined.": "Hanya pesanan yang belum dikirim yang bisa digabung.",
    "Packages": "Paket",
    "Select two or more orders of one buyer (not shipped yet) to ship them as one parcel.":
        "Pilih dua pesanan atau lebih dari satu pembeli (belum dikirim) agar dikirim dalam satu paket.",
    "one parcel with order {0}": "satu paket dengan pesanan {0}",
    "resi {0}": "resi {0}",
    "to ship": "perlu dikirim",
    "awaiting pickup": "menunggu pickup",
    "in transit": "dalam perjalanan",
    "Combined into one package": "Digabung menjadi satu paket",
    "Package uncombined": "Paket dipisah lagi",
    # --- untrusted input (issue 15): server addresses under Advanced ---
    "{0} “{1}” is not a web address: give one like https://api.example.com":
        "{0} “{1}” bukan alamat web: isi seperti https://api.example.com",
    "{0} “{1}” uses plain http to another computer: the channel's secret and tokens would travel unencrypted. Use "
    "https://, or http only to this PC (127.0.0.1, ::1, localhost).":
        "{0} “{1}” memakai http biasa ke komputer lain: rahasia dan token channel akan terkirim tanpa enkripsi. "
        "Pakai https://, atau http hanya ke PC ini (127.0.0.1, ::1, localhost).",
    # --- catalogue push (issue 23): prices and listings ---
    "Price differs (figures in Rp)": "Harga berbeda (angka dalam Rp)",
    "Also push the {0} large price changes listed above": "Perbarui juga {0} perubahan harga besar di atas",
    "Change price or listing": "Ubah harga atau status produk",
    "Change price or listing…": "Ubah harga atau status produk…",
    "Keeping the change": "Menyimpan perubahan",
    "Listing": "Status produk",
    "No catalogue changes to push": "Tidak ada perubahan katalog untuk diperbarui",
    "Nothing changed: type a new price or choose On or Off.":
        "Tidak ada yang berubah: ketik harga baru atau pilih Aktif atau Nonaktif.",
    "Price (Rp)": "Harga (Rp)",
    "Push": "Perbarui",
    "Push changes": "Perbarui di marketplace",
    "Push changes…": "Perbarui di marketplace…",
    "Pushed: {0} accepted, {1} failed": "Diperbarui: {0} diterima, {1} gagal",
    "Pushing catalogue changes": "Memperbarui katalog di marketplace",
    "Select a mapped SKU first: prices and listings are changed per seller SKU.":
        "Pilih SKU yang sudah dipetakan dulu: harga dan status produk diubah per SKU penjual.",
    "Seller SKU {0}": "SKU penjual {0}",
    "Send the values the last push replaced back to the marketplace? A value changed on the marketplace since is "
    "left alone.":
        "Kembalikan di marketplace nilai yang diganti oleh pembaruan terakhir? Nilai yang sudah diubah di "
        "marketplace sejak itu dibiarkan.",
    "Unchanged": "Tidak berubah",
    "Undo last push": "Urungkan pembaruan terakhir",
    "Undoing the last push": "Mengurungkan pembaruan terakhir",
    "Whole rupiah, e.g. 15000": "Rupiah bulat, mis. 15000",
    "{0} large price changes need a second confirmation:": "{0} perubahan harga besar perlu konfirmasi kedua:",
    "{0} listings off, {1} listings on": "{0} produk dinonaktifkan, {1} produk diaktifkan",
    "{0} prices (change from {1:+.0f}% to {2:+.0f}%)": "{0} harga (perubahan dari {1:+.0f}% sampai {2:+.0f}%)",
    "{0}: {1} change(s) kept; press Push changes to send them":
        "{0}: {1} perubahan disimpan; tekan Perbarui di marketplace untuk menerapkannya",
    # --- returns and refunds (issue 17) ---
    "Add a channel first.": "Tambahkan channel dulu.",
    "All returns": "Semua pengembalian",
    "Answer before the deadline, or the marketplace approves for you. Goods go back into stock only when the parcel "
    "is received here.":
        "Jawab sebelum batas waktu, atau marketplace menyetujui atas nama Anda. Barang masuk stok lagi hanya setelah "
        "paketnya diterima di sini.",
    "Answering return {0}": "Menjawab pengembalian {0}",
    "Approve": "Setujui",
    "Choose a reason to reject…": "Pilih alasan penolakan…",
    "Closed": "Selesai",
    "Comment for the buyer (optional)": "Catatan untuk pembeli (opsional)",
    "Loading returns": "Memuat pengembalian",
    "Needs my answer": "Perlu jawaban saya",
    "On its way back": "Dalam perjalanan kembali",
    "Order": "Pesanan",
    "Overdue": "Lewat batas waktu",
    "Partial refund": "Pengembalian dana sebagian",
    "Photo {0}": "Foto {0}",
    "Received: damaged": "Diterima: rusak",
    "Received: resaleable": "Diterima: layak jual",
    "Refund only": "Pengembalian dana saja",
    "Reject": "Tolak",
    "Reject reasons": "Alasan penolakan",
    "Replacement": "Penukaran",
    "Return": "Pengembalian",
    "Return AWB": "Resi pengembalian",
    "Return and refund": "Pengembalian barang dan dana",
    "Returns": "Pengembalian",
    "Returns: {0} read, {1} new": "Pengembalian: {0} dibaca, {1} baru",
    "Sync returns": "Sinkronkan pengembalian",
    "Syncing returns": "Menyinkronkan pengembalian",
    "This marketplace's API lists returns but cannot answer them: answer them in Seller Center before the deadline.":
        "API marketplace ini menampilkan pengembalian tetapi tidak bisa menjawabnya: jawab di Seller Center sebelum "
        "batas waktu.",
    "This marketplace's API has no returns: handle them in Seller Center.":
        "API marketplace ini tidak punya pengembalian: tangani di Seller Center.",
    "Time left": "Sisa waktu",
    "To inspect": "Perlu diperiksa",
    "Type": "Jenis",
    "{0} h {1} min (by {2})": "{0} j {1} mnt (sebelum {2})",
    "Return approved": "Pengembalian disetujui",
    "Return rejected": "Pengembalian ditolak",
    "Partial refund offered": "Pengembalian dana sebagian ditawarkan",
    "Returned parcel approved": "Paket retur disetujui",
    # ---- dispatch (issue 18): handover scan, dispatch plan, shop health, alerts ----
    "&Dispatch": "&Pengiriman",
    "(no code yet)": "(belum ada kode)",
    "Choose or type the courier.": "Pilih atau ketik kurir.",
    "Choose the courier first, then scan again.": "Pilih kurir dulu, lalu pindai lagi.",
    "Choose the courier first.": "Pilih kurir dulu.",
    "Choose the courier, then scan each parcel's AWB or booking code as the courier takes it. Every scan is kept "
    "with its time. Nothing is sent to the marketplace.":
        "Pilih kurir, lalu pindai resi atau kode booking setiap paket saat kurir mengambilnya. Setiap pindaian "
        "disimpan dengan waktunya. Tidak ada yang dikirim ke marketplace.",
    "Every parcel expected for {0} is scanned.": "Semua paket untuk {0} sudah dipindai.",
    "Handover manifest PDF…": "PDF manifest serah terima…",
    "Handover manifest saved: {0} of {1} parcel(s) scanned.":
        "Manifest serah terima disimpan: {0} dari {1} paket dipindai.",
    "Handover scan…": "Pindai serah terima…",
    "Handover to the courier": "Serah terima ke kurir",
    "Not scanned yet for {0}: {1} parcel(s) — find them before the courier leaves":
        "Belum dipindai untuk {0}: {1} paket — temukan sebelum kurir pergi",
    "OK — {0}": "OK — {0}",
    "PDF files (*.pdf)": "Berkas PDF (*.pdf)",
    "Reading the couriers": "Membaca daftar kurir",
    "Reading the parcels to hand over": "Membaca paket yang akan diserahkan",
    "Recording the scan": "Menyimpan pindaian",
    "STOP — {0} goes with {1}": "STOP — {0} dikirim dengan {1}",
    "STOP — {0} is cancelled: keep the parcel": "STOP — {0} dibatalkan: jangan serahkan paketnya",
    "STOP — {0} is not shipped yet: arrange the shipment first":
        "STOP — {0} belum dikirim: atur pengiriman dulu",
    "STOP — {0} was already handed over {1}": "STOP — {0} sudah diserahkan {1}",
    "Save the handover manifest": "Simpan manifest serah terima",
    "Scan": "Pindai",
    "Scan the AWB or booking code": "Pindai resi atau kode booking",
    "Scans in this session": "Pindaian sesi ini",
    "UNKNOWN CODE {0}: no order here has it. Sync the orders or check the label.":
        "KODE TIDAK DIKENAL {0}: tidak ada pesanan dengan kode ini. Sinkronkan pesanan atau periksa label.",
    "Writing the handover manifest": "Menulis manifest serah terima",
    "another courier": "kurir lain",
    "(no courier)": "(tanpa kurir)",
    "Courier / invoice": "Kurir / invoice",
    "Cut-off / ship by": "Batas pickup / kirim sebelum",
    "LATE": "TERLAMBAT",
    "Mark": "Tanda",
    "Nothing left to ship today.": "Tidak ada lagi yang harus dikirim hari ini.",
    "Reading the dispatch plan": "Membaca rencana pengiriman",
    "Reading today's orders…": "Membaca pesanan hari ini…",
    "The plan could not be read: {0}": "Rencana tidak dapat dibaca: {0}",
    "Today's dispatch plan": "Rencana pengiriman hari ini",
    "Today's dispatch plan…": "Rencana pengiriman hari ini…",
    "Today's plan": "Rencana hari ini",
    "What must leave today (WIB), by courier and pick-up cut-off, in the platform's order of work. The time left "
    "counts down to the cut-off, or to the earliest ship-by where there is none.":
        "Yang harus dikirim hari ini (WIB), per kurir dan batas pickup, dalam urutan kerja platform. Sisa waktu "
        "dihitung mundur ke batas pickup, atau ke batas kirim paling awal bila tidak ada.",
    "What must leave today, by courier and cut-off, with the time left":
        "Yang harus dikirim hari ini, per kurir dan batas pickup, dengan sisa waktunya",
    "cut-off {0}": "batas pickup {0}",
    "due within 2 h": "jatuh tempo dalam 2 jam",
    "ship by {0}": "kirim sebelum {0}",
    "{0} h {1} min": "{0} j {1} mnt",
    "{0} h {1} min ago": "{0} j {1} mnt yang lalu",
    "{0} order(s) to ship today: {1} late, {2} due within 2 h":
        "{0} pesanan harus dikirim hari ini: {1} terlambat, {2} jatuh tempo dalam 2 jam",
    "{0} — {1} order(s)": "{0} — {1} pesanan",
    "A buyer asks to cancel": "Pembeli mengajukan pembatalan",
    "A sync that keeps failing": "Sinkronisasi yang terus gagal",
    "Alerts": "Peringatan",
    "Alerts…": "Peringatan…",
    "At most one alert of a kind every": "Paling banyak satu peringatan sejenis setiap",
    "Checking alerts": "Memeriksa peringatan",
    "Checking buyers' cancellation requests": "Memeriksa permintaan pembatalan pembeli",
    "New Instant / Same-day orders": "Pesanan Instan / Same Day baru",
    "Open TokoDesk": "Buka TokoDesk",
    "Orders close to their ship-by": "Pesanan yang mendekati batas kirim",
    "Orders keep syncing and alerts keep coming. Quit from the tray icon's menu.":
        "Pesanan tetap disinkronkan dan peringatan tetap muncul. Keluar lewat menu ikon di baki sistem.",
    "Quit TokoDesk": "Keluar dari TokoDesk",
    "Reading the alert settings": "Membaca pengaturan peringatan",
    "Saving the alert settings": "Menyimpan pengaturan peringatan",
    "Sync keeps failing": "Sinkronisasi terus gagal",
    "TokoDesk is still running": "TokoDesk masih berjalan",
    "Warn this long before the ship-by": "Ingatkan sebelum batas kirim",
    "Warn when a sync has failed for": "Ingatkan bila sinkronisasi gagal selama",
    "min": "mnt",
    "{0} buyer cancellation request(s)": "{0} permintaan pembatalan pembeli",
    "{0} new Instant / Same-day order(s)": "{0} pesanan Instan / Same Day baru",
    "{0} order(s) close to their ship-by": "{0} pesanan mendekati batas kirim",
    "(up to {0} with {1} of unknown cause)": "(hingga {0} dengan {1} yang penyebabnya tidak diketahui)",
    "10 % or more: daily orders are capped": "10 % atau lebih: pesanan harian dibatasi",
    "2.5 % or more: too many": "2,5 % atau lebih: terlalu banyak",
    "4 % or more: a warning": "4 % atau lebih: peringatan",
    "4 % warning": "batas peringatan 4 %",
    "Computing the shop's health": "Menghitung kesehatan toko",
    "Computing…": "Menghitung…",
    "Late dispatch rate over 7 days, day by day (line: the 4 % warning)":
        "Tingkat keterlambatan pengiriman 7 hari, per hari (garis: batas peringatan 4 %)",
    "Late dispatch {0} ({1} of {2} due) — {3}": "Keterlambatan pengiriman {0} ({1} dari {2} jatuh tempo) — {3}",
    "Late dispatch, 7 days": "Keterlambatan pengiriman, 7 hari",
    "Late dispatch: no order was due in the last 7 days":
        "Keterlambatan pengiriman: tidak ada pesanan jatuh tempo dalam 7 hari terakhir",
    "Late orders in the last 7 days": "Pesanan terlambat dalam 7 hari terakhir",
    "No channel yet.": "Belum ada channel.",
    "Seller-fault cancellations {0} ({1} of {2}) — {3}": "Pembatalan karena kesalahan penjual {0} ({1} dari {2}) — {3}",
    "Seller-fault cancellations: no order placed in the last 7 days":
        "Pembatalan karena kesalahan penjual: tidak ada pesanan masuk dalam 7 hari terakhir",
    "Shop health (estimated by TokoDesk)": "Kesehatan toko (perkiraan TokoDesk)",
    "Shop health…": "Kesehatan toko…",
    "not shipped": "belum dikirim",
    "under 2.5 %: good": "di bawah 2,5 %: baik",
    "under 4 %: good": "di bawah 4 %: baik",
    "A SKU is low below (available)": "SKU dianggap menipis di bawah (stok tersedia)",
    "A SKU runs low": "Stok SKU menipis",
    "{0} SKU(s) running low": "{0} SKU stoknya menipis",
    # Pack station: item check by scan (issue 21.6)
    "After an order's scan, scan each of its items before it is packed":
        "Setelah pesanan dipindai, pindai setiap barangnya sebelum dikemas",
    "Check items": "Cek barang",
    "Check the items: {0}": "Cek barang: {0}",
    "Item": "Barang",
    "Items checked by scan": "Barang dicek dengan pindai",
    "ONE TOO MANY: {0}. Take one out.": "KELEBIHAN SATU: {0}. Keluarkan satu.",
    "Pack anyway": "Tetap kemas",
    "Pack anyway…": "Tetap kemas…",
    "Packed without a complete item check": "Dikemas tanpa cek barang lengkap",
    "Reading the order's items": "Membaca barang pesanan",
    "Saving the setting": "Menyimpan pengaturan",
    "Scan each item's barcode and press Enter": "Pindai barcode setiap barang lalu tekan Enter",
    "Scan every item into the parcel of {0}.": "Pindai setiap barang yang masuk ke paket {0}.",
    "Scanned": "Terpindai",
    "Still missing: {0}. Click “Pack anyway” again to pack without them; it is recorded.":
        "Masih kurang: {0}. Klik “Tetap kemas” sekali lagi untuk mengemas tanpa barang itu; ini dicatat.",
    "This order ships in {0} packages ({1}); the whole order is checked here.":
        "Pesanan ini dikirim dalam {0} paket ({1}); seluruh pesanan dicek di sini.",
    "To put in": "Harus masuk",
    "UNKNOWN CODE “{0}”: no item has it. Take it out.":
        "KODE TIDAK DIKENAL “{0}”: tidak ada barang dengan kode ini. Keluarkan.",
    "WRONG ITEM: {0} is not in this order. Take it out.": "BARANG SALAH: {0} tidak ada di pesanan ini. Keluarkan.",
    "{0} of {1} items in the parcel": "{0} dari {1} barang sudah di paket",
    "{0} ✓": "{0} ✓",
    "{0} ✓ All items are in: press Enter to pack.": "{0} ✓ Semua barang sudah masuk: tekan Enter untuk mengemas.",
    "Barcode": "Barcode",
    "Saving the barcode": "Menyimpan barcode",
    "{0}: barcode removed": "{0}: barcode dihapus",
    "{0}: barcode {1}": "{0}: barcode {1}",
    # words (issue 20): Tokopedia's reject reasons as Seller Center names them
    "Product out of stock": "Stok produk kosong",
    "Product variant unavailable": "Varian produk tidak tersedia",
    "Wrong price or weight": "Harga atau berat salah",
    "Shop closed": "Toko tutup",
    "Other reason": "Alasan lainnya",
    "Courier problem": "Kendala kurir",
    "Buyer's request": "Permintaan pembeli",
    "Problem with the shipment": "Kendala pengiriman",
    # lead: uncombine from the detail pane
    "Uncombine": "Pisahkan paket",
    "Ship the orders of package {0} (order {1} and the others in its parcel) as separate parcels again?":
        "Kirim lagi pesanan di paket {0} (pesanan {1} dan pesanan lain di paketnya) sebagai paket terpisah?",
    # video: packing videos at the pack station (issue 21)
    "No camera is chosen: packing is not filmed. Choose one in Settings → Packing video.":
        "Belum ada kamera yang dipilih: pengemasan tidak direkam. Pilih kamera di Pengaturan → Video pengemasan.",
    "Recording stopped: {0} Packing goes on; free some space or choose another folder in Settings → Packing video.":
        "Perekaman berhenti: {0} Pengemasan tetap berjalan; kosongkan ruang disk atau pilih folder lain di "
        "Pengaturan → Video pengemasan.",
    "Recording stopped: {0}. Packing goes on; check the video folder in Settings → Packing video.":
        "Perekaman berhenti: {0}. Pengemasan tetap berjalan; periksa folder video di Pengaturan → Video pengemasan.",
    "Saving the packing video": "Menyimpan video pengemasan",
    "The camera cannot be used ({0}): it may be busy in another program. Packing is not filmed.":
        "Kamera tidak bisa dipakai ({0}): mungkin sedang dipakai program lain. Pengemasan tidak direkam.",
    "The chosen camera is not connected: packing is not filmed until it is plugged in (then reopen Settings → "
    "Packing video).":
        "Kamera yang dipilih tidak terhubung: pengemasan tidak direkam sampai kamera dipasang (lalu buka lagi "
        "Pengaturan → Video pengemasan).",
    "The packing video of {0} could not be stored: {1}": "Video pengemasan {0} tidak bisa disimpan: {1}",
    "The video folder {0} is almost full ({1} MB free).": "Folder video {0} hampir penuh (sisa {1} MB).",
    "The video folder {0} is gone ({1}).": "Folder video {0} tidak ditemukan ({1}).",
    "An external disk is fine; empty keeps the videos in the data folder":
        "Disk eksternal boleh; kosong berarti video disimpan di folder data",
    "Camera": "Kamera",
    "Choose…": "Pilih…",
    "Export for dispute": "Ekspor untuk komplain",
    "Export the packing video for a dispute: choose a folder": "Ekspor video pengemasan untuk komplain: pilih folder",
    "Exported {0} and {1} to {2} (SHA-256 {3}…).": "{0} dan {1} diekspor ke {2} (SHA-256 {3}…).",
    "Exporting the packing video": "Mengekspor video pengemasan",
    "Keep videos (days)": "Simpan video (hari)",
    "Keep videos up to (GB)": "Simpan video hingga (GB)",
    "Longest clip (minutes)": "Klip terpanjang (menit)",
    "No camera is connected to this PC.": "Tidak ada kamera yang terhubung ke PC ini.",
    "None: do not film": "Tidak ada: jangan rekam",
    "Opening the packing video": "Membuka video pengemasan",
    "Packing camera: the next order scanned is filmed": "Kamera pengemasan: pesanan berikutnya yang dipindai direkam",
    "Packing video": "Video pengemasan",
    "Packing video: {0}": "Video pengemasan: {0}",
    "Packing video…": "Video pengemasan…",
    "Pause": "Jeda",
    "Play": "Putar",
    "Qt Multimedia cannot be loaded on this PC ({0}): packing is not filmed. On Debian or Ubuntu, install the "
    "package libpulse0.":
        "Qt Multimedia tidak bisa dimuat di PC ini ({0}): pengemasan tidak direkam. Di Debian atau Ubuntu, pasang "
        "paket libpulse0.",
    "Reading the packing video settings": "Membaca pengaturan video pengemasan",
    "Recording the packing of {0}": "Merekam pengemasan {0}",
    "The camera is ready: each order scanned at the pack station is filmed until the next scan, Pack, or the "
    "longest clip.":
        "Kamera siap: setiap pesanan yang dipindai di meja kemas direkam sampai pindaian berikutnya, Kemas, atau "
        "klip terpanjang.",
    "The oldest videos are deleted first; a video of an order with an open return is never deleted.":
        "Video terlama dihapus lebih dulu; video pesanan yang sedang dalam pengembalian tidak pernah dihapus.",
    "The packing video settings are being read.": "Pengaturan video pengemasan sedang dibaca.",
    "The video file is not on this PC: it was removed by the retention setting, or recorded at another station "
    "({0}).":
        "Berkas video tidak ada di PC ini: sudah dihapus sesuai pengaturan penyimpanan, atau direkam di stasiun lain "
        "({0}).",
    "Video folder": "Folder video",
    "file removed on {0} (kept as long as set)": "berkas dihapus pada {0} (disimpan selama yang diatur)",
    "no limit": "tanpa batas",
    "package {0}": "paket {0}",
    "stopped early": "berhenti lebih awal",
    "unboxing of the return": "unboxing paket retur",
    "{0} (not connected)": "{0} (tidak terhubung)",
    "{0} min {1} s": "{0} mnt {1} dtk",
    "{0} s": "{0} dtk",
    "Opening the packing camera": "Membuka kamera pengemasan",
    "⚠ NO VIDEO": "⚠ TANPA VIDEO",
    # neverlate (issue 18): who cancelled, the queue's "To do" view, notifications and the session's end
    "How: estimated from TokoDesk's own records over the last 7 calendar days (WIB); Seller Center's figure is the "
    "one that counts. Late dispatch: orders whose ship-by fell in those days, late when TokoDesk first saw them "
    "shipped after it, or not shipped at all; an order shipped in Seller Center counts from the next sync, so it may "
    "look later than it was. Seller-fault cancellations: orders TokoDesk cancelled for you, and those the marketplace "
    "gives to you; cancellations of unknown cause give the upper figure. Weekends and holidays, which the platform "
    "leaves out, are counted here.":
        "Cara hitung: perkiraan dari catatan TokoDesk sendiri selama 7 hari kalender terakhir (WIB); angka di Seller "
        "Center yang berlaku. Keterlambatan pengiriman: pesanan yang batas kirimnya jatuh pada hari-hari itu, "
        "terlambat bila TokoDesk pertama kali melihatnya dikirim setelah batas itu, atau belum dikirim sama sekali; "
        "pesanan yang dikirim lewat Seller Center dihitung sejak sinkronisasi berikutnya, jadi bisa tampak lebih "
        "lambat dari sebenarnya. Pembatalan karena kesalahan penjual: pesanan yang dibatalkan TokoDesk untuk Anda, "
        "dan yang "
        "oleh marketplace dibebankan kepada Anda; pembatalan yang penyebabnya tidak diketahui masuk ke angka atas. "
        "Akhir pekan dan hari libur, yang tidak dihitung platform, dihitung di sini.",
    "Who cancelled comes from the cancel status code (the legacy API names no initiator): rejections (2, 3, 4, 6, 10) "
    "are yours, 15 the buyer's, 5 and 699 the platform's; code 0 counts when an order ran out unaccepted after its "
    "accept deadline or unshipped after its ship deadline.":
        "Siapa yang membatalkan dibaca dari kode status pembatalan (API lama tidak menyebut pemrakarsanya): penolakan "
        "(2, 3, 4, 6, 10) dihitung milik Anda, 15 milik pembeli, 5 dan 699 milik platform; kode 0 dihitung bila "
        "pesanan habis waktunya belum diterima setelah batas terima atau belum dikirim setelah batas kirim.",
    "Who cancelled comes from Tokopedia & Shop (cancellation_initiator): SELLER counts, BUYER does not, and SYSTEM "
    "counts only when the platform cancelled an order unshipped after its ship-by.":
        "Siapa yang membatalkan dibaca dari Tokopedia & Shop (cancellation_initiator): SELLER dihitung, BUYER tidak, "
        "dan SYSTEM hanya dihitung bila platform membatalkan pesanan yang belum dikirim setelah batas kirimnya.",
    "New orders arrive": "Pesanan baru masuk",
    "To do": "Diproses",
    "— {0} more match the search under “All”": "— {0} lainnya cocok dengan pencarian di “Semua”",
    "Click a bar: the late orders of the 7 days ending that day":
        "Klik sebuah batang: pesanan terlambat dalam 7 hari yang berakhir pada hari itu",
    "Late orders in the 7 days to {0} (click another bar, or Refresh for the last 7 days)":
        "Pesanan terlambat dalam 7 hari sampai {0} (klik batang lain, atau Muat ulang untuk 7 hari terakhir)",
    # words (issue 20): statuses in words — the marketplace's own status (legacy meanings, Tokopedia & Shop's names)
    "Cancelled by the seller or automatically (processing deadline passed)":
        "Dibatalkan penjual atau otomatis (batas waktu proses terlewati)",
    "Order rejected, replaced": "Pesanan ditolak, diganti",
    "Order rejected, out of stock": "Pesanan ditolak, stok habis",
    "Order rejected, approval": "Pesanan ditolak, persetujuan",
    "Order cancelled: fraud": "Pesanan dibatalkan: penipuan",
    "Order rejected automatically: out of stock": "Pesanan ditolak otomatis: stok habis",
    "Order rejected by the seller": "Pesanan ditolak penjual",
    "Order pending replacement": "Pesanan menunggu penggantian",
    "Cancelled instantly by the buyer": "Dibatalkan langsung oleh pembeli",
    "Order created, waiting for payment": "Pesanan dibuat, menunggu pembayaran",
    "Waiting for payment confirmation from a third party": "Menunggu konfirmasi pembayaran dari pihak ketiga",
    "Payment confirmation": "Konfirmasi pembayaran",
    "Payment verified: accept or reject": "Pesanan baru: pembayaran terverifikasi, terima atau tolak",
    "Waiting for partner approval": "Menunggu persetujuan mitra",
    "Accepted by the seller": "Diterima penjual, perlu dikirim",
    "Waiting for pick-up": "Menunggu pickup kurir",
    "Shipped, waiting for the AWB (resi) to be entered": "Dikirim, menunggu nomor resi diinput",
    "Shipped, AWB (resi) invalid": "Dikirim, nomor resi tidak valid",
    "Shipped, buyer asked to correct the AWB (resi)": "Dikirim, pembeli meminta nomor resi diperbaiki",
    "Delivered to a pick-up point": "Sampai di titik pengambilan",
    "Returned to the seller": "Dikembalikan ke penjual",
    "Buyer opened a case to finish the order": "Pembeli mengajukan komplain sebelum pesanan selesai",
    "Fraud review": "Peninjauan penipuan",
    "Suspected fraud": "Dicurigai penipuan",
    "Post fraud review": "Setelah peninjauan penipuan",
    "Fraud review finished": "Peninjauan penipuan selesai",
    "Order invalid (shipping over 25 days or payment over 5 days)":
        "Pesanan tidak valid (pengiriman lebih dari 25 hari atau pembayaran lebih dari 5 hari)",
    "Order finished": "Pesanan selesai",
    "Assumed finished, product not yet arrived at the buyer": "Dianggap selesai, produk belum sampai ke pembeli",
    "Unpaid": "Belum dibayar",
    "On hold: the buyer may still cancel": "Ditahan: pembeli masih bisa membatalkan",
    "To ship": "Perlu dikirim",
    "Waiting for the courier's pick-up": "Menunggu pickup kurir",
    "In transit": "Dalam pengiriman",
    "a status TokoDesk does not know yet (marketplace code {0})":
        "status yang belum dikenal TokoDesk (kode marketplace {0})",
    "status {0} → {1} (marketplace code {2} → {3})": "status {0} → {1} (kode marketplace {2} → {3})",
    "on the marketplace: {0} → {1} (marketplace code {2} → {3})":
        "di marketplace: {0} → {1} (kode marketplace {2} → {3})",
    "status {0} (marketplace code {1})": "status {0} (kode marketplace {1})",
    "On the marketplace": "Di marketplace",
    "Marketplace code": "Kode marketplace",
    # ---- Catalogue: seller SKU codes, whole-product listings, changes waiting (issue 23, skupush) ----
    "1-50 characters, no spaces": "1-50 karakter, tanpa spasi",
    "A new code is sent with the next push; TokoDesk's seller SKU follows once the marketplace accepted it.":
        "Kode baru diperbarui di marketplace saat pembaruan berikutnya; SKU penjual di TokoDesk ikut berubah "
        "setelah marketplace menerimanya.",
    "Changes waiting to be pushed": "Perubahan yang menunggu diperbarui di marketplace",
    "Changes waiting…": "Perubahan tertunda…",
    "Discard all": "Buang semua",
    "Discard selected": "Buang yang dipilih",
    "No changes are waiting to be pushed.": "Tidak ada perubahan yang menunggu diperbarui di marketplace.",
    "Nothing changed: type a new price or code, or choose On or Off.":
        "Tidak ada yang berubah: ketik harga atau kode baru, atau pilih Aktif atau Nonaktif.",
    "On this marketplace a listing is switched off for the whole product. These {0} other SKU(s) of the product "
    "of {1} go off with it:":
        "Di marketplace ini produk dinonaktifkan untuk seluruh produk. {0} SKU lain dari produk {1} ini ikut "
        "nonaktif:",
    "On this marketplace a listing is switched on for the whole product. These {0} other SKU(s) of the product "
    "of {1} go on with it:":
        "Di marketplace ini produk diaktifkan untuk seluruh produk. {0} SKU lain dari produk {1} ini ikut aktif:",
    "Seller SKU code": "Kode SKU penjual",
    "Seller SKU codes cannot be changed from TokoDesk on this marketplace: change them in Seller Center, then pull "
    "the SKUs.":
        "Kode SKU penjual tidak bisa diubah dari TokoDesk di marketplace ini: ubah di Seller Center, lalu tarik "
        "ulang SKU.",
    "Switch the whole product": "Ubah seluruh produk",
    "Switch the whole product?": "Ubah seluruh produk?",
    "The seller SKU code {0!r} cannot be used: 1-50 characters, no spaces, not starting with = + - or @.":
        "Kode SKU penjual {0!r} tidak bisa dipakai: 1-50 karakter, tanpa spasi, tidak diawali = + - atau @.",
    "The whole product switches: {0} other SKUs of those products switch with them":
        "Seluruh produk ikut berubah: {0} SKU lain dari produk tersebut ikut berubah",
    "{0} changes are kept and not sent yet. Push changes… shows their summary and sends them.":
        "{0} perubahan disimpan dan belum diperbarui. Perbarui di marketplace… menampilkan ringkasannya lalu "
        "memperbaruinya.",
    "{0} seller SKU code(s): each product is read first and sent back unchanged except the code":
        "{0} kode SKU penjual: setiap produk dibaca dulu lalu disimpan kembali tanpa perubahan selain kodenya",
    "{0}: below the floor of {1}": "{0}: di bawah batas harga terendah {1}",
    "{0}: listing {1} → {2}": "{0}: status produk {1} → {2}",
    "{0}: price {1} → {2}": "{0}: harga {1} → {2}",
    "{0}: seller SKU code {1} → {2}": "{0}: kode SKU penjual {1} → {2}",
    "{0}: {1:+.0f}% (beyond ±{2}%)": "{0}: {1:+.0f}% (melebihi ±{2}%)",
    "Confirm price changes beyond (%)": "Konfirmasi perubahan harga di atas (%)",
    "Confirm prices below (Rp)": "Konfirmasi harga di bawah (Rp)",
    "A catalogue push asks a second time before it sends a price that changes by more than this percentage, up or "
    "down, or that is below the floor (0: no floor).":
        "Pembaruan katalog meminta konfirmasi kedua sebelum memperbarui harga yang naik atau turun lebih dari "
        "persentase ini, atau di bawah batas harga terendah (0: tanpa batas).",
    "Keep TokoDesk's price for the selected SKU: it is kept as a change and sent with the next catalogue push (SKU "
    "mapping tab)":
        "Pertahankan harga TokoDesk untuk SKU yang dipilih: disimpan sebagai perubahan dan diperbarui di "
        "marketplace pada pembaruan katalog berikutnya (tab pemetaan SKU)",
    "Push mine": "Perbarui dengan harga saya",
    "Settling a price difference": "Menyelesaikan selisih harga",
    "Take the marketplace's price": "Pakai harga marketplace",
    "The selected SKU's price in TokoDesk becomes the marketplace's; nothing is sent":
        "Harga SKU yang dipilih di TokoDesk diganti dengan harga marketplace; marketplace tidak diubah",
    "{0}: TokoDesk's price is kept; Push changes… in the SKU mapping tab sends it":
        "{0}: harga TokoDesk dipertahankan; Perbarui di marketplace… di tab pemetaan SKU akan memperbaruinya",
    "{0}: TokoDesk's price is now the marketplace's; nothing was sent":
        "{0}: harga TokoDesk sekarang sama dengan harga marketplace; marketplace tidak diubah",
    # returns2 (issue 17): reject with photos, received and inspected per SKU, the order one click away, the desk scan
    "A parcel the buyer never took (COD refused, delivery failed): scan its AWB and its goods go back on hand":
        "Paket yang tidak diterima pembeli (COD ditolak, gagal kirim): pindai resinya dan barangnya kembali ke stok",
    "Add photos…": "Tambah foto…",
    "Buyer's photos": "Foto dari pembeli",
    "Came back": "Kembali",
    "Check in": "Terima masuk",
    "Checking in parcel {0}": "Menerima paket {0}",
    "Comment for the buyer and the platform (optional)": "Catatan untuk pembeli dan platform (opsional)",
    "Comment:": "Catatan:",
    "Count what came back. Units not fit to sell go to the damaged count; the rest go back on hand. The marketplace "
    "is told the parcel was received.":
        "Hitung barang yang kembali. Unit yang tidak layak jual masuk ke hitungan rusak; sisanya kembali ke stok. "
        "Marketplace diberi tahu bahwa paket sudah diterima.",
    "Damaged": "Rusak",
    "Images (*.jpg *.jpeg *.png *.webp *.heic *.bmp);;All files (*)":
        "Gambar (*.jpg *.jpeg *.png *.webp *.heic *.bmp);;Semua file (*)",
    "Label…": "Label…",
    "Open or reprint the order's shipping label": "Buka atau cetak ulang label pengiriman pesanan",
    "Open order": "Buka pesanan",
    "Order {0} is back: {1}": "Pesanan {0} sudah kembali: {1}",
    "Parcel back from the courier": "Paket kembali dari kurir",
    "Parcel back from the courier…": "Paket kembali dari kurir…",
    "Photos for the rejection": "Foto untuk penolakan",
    "Photos: JPG, PNG, WEBP, HEIC or BMP, at most 10 MB, 100 to 20000 px a side.":
        "Foto: JPG, PNG, WEBP, HEIC atau BMP, maksimal 10 MB, 100 sampai 20000 px per sisi.",
    "Reason:": "Alasan:",
    "Received": "Diterima",
    "Received and inspected: return {0}": "Diterima dan diperiksa: retur {0}",
    "Received and inspected…": "Diterima dan diperiksa…",
    "Reject return {0}": "Tolak retur {0}",
    "Reject…": "Tolak…",
    "Remove photo": "Hapus foto",
    "Scan or type the AWB": "Pindai atau ketik nomor resi",
    "Scan the AWB of a parcel the buyer never took (COD refused, delivery failed): its goods go back on hand, once. "
    "A buyer's return parcel is checked in with “Received and inspected…”.":
        "Pindai resi paket yang tidak diterima pembeli (COD ditolak, gagal kirim): barangnya kembali ke stok, satu "
        "kali. Paket retur dari pembeli diterima lewat “Diterima dan diperiksa…”.",
    "The order in the Orders tab, with its detail and packing record":
        "Pesanan di tab Pesanan, dengan rinciannya dan catatan pengemasannya",
    "This marketplace takes no photos with a rejection.": "Marketplace ini tidak menerima foto pada penolakan.",
    "no counted SKU": "tidak ada SKU yang sudah dihitung",
    "{0} back on hand, {1} to the damaged count": "{0} kembali ke stok, {1} ke hitungan rusak",
    "{0} is the parcel of return {1}: inspect it with “Received and inspected…”.":
        "{0} adalah paket retur {1}: periksa lewat “Diterima dan diperiksa…”.",
    "{0}: this picture is attached already": "{0}: foto ini sudah dilampirkan",
    "A partial refund must be below the full refund.": "Pengembalian dana sebagian harus di bawah pengembalian penuh.",
    "Ask the marketplace": "Tanya marketplace",
    "Calculating the refund": "Menghitung pengembalian dana",
    "If the buyer accepts, they keep the goods and get this amount instead of the full refund ({0}).":
        "Bila pembeli setuju, barang tetap pada pembeli dan ia menerima jumlah ini, bukan pengembalian penuh ({0}).",
    "Instead of the full refund: the buyer keeps the goods if they accept":
        "Sebagai ganti pengembalian penuh: barang tetap pada pembeli bila ia setuju",
    "Offer": "Tawarkan",
    "Offer (Rp):": "Tawaran (Rp):",
    "Offer a partial refund: return {0}": "Tawarkan pengembalian dana sebagian: retur {0}",
    "Offer partial refund…": "Tawarkan pengembalian sebagian…",
    "Refund for": "Dana kembali untuk",
    "Tokopedia & Shop proposes {0}": "Tokopedia & Shop mengusulkan {0}",
    "What Tokopedia & Shop would refund for the units chosen":
        "Jumlah yang akan dikembalikan Tokopedia & Shop untuk unit yang dipilih",
    "the offer": "tawaran",
    "whole rupiah, e.g. 15.000": "rupiah bulat, mis. 15.000",
    "{0}: no such file": "{0}: file tidak ditemukan",
    "{0}: the file is empty": "{0}: file kosong",
    "{0}: {1} MB; a photo may be at most 10 MB": "{0}: {1} MB; ukuran foto maksimal 10 MB",
    "{0}: not a photo Tokopedia & Shop takes (JPG, PNG, WEBP, HEIC or BMP)":
        "{0}: bukan foto yang diterima Tokopedia & Shop (JPG, PNG, WEBP, HEIC atau BMP)",
    "{0}: the file cannot be read (damaged or cut short)": "{0}: file tidak bisa dibaca (rusak atau terpotong)",
    "{0}: {1}×{2} px; a photo must be from 100×100 to 20000×20000 px":
        "{0}: {1}×{2} px; ukuran foto harus antara 100×100 dan 20000×20000 px",
    # words (issue 20): the database line of the channel settings
    "the default": "bawaan",
    "the TOKODESK_DB environment variable": "variabel lingkungan TOKODESK_DB",
    # payouts (issue 22): the Payouts tab, its order detail, the weekly chart, cost prices; Seller Center calls the
    # settled money "penghasilan", a statement "laporan", a withdrawal "penarikan"; the causes as documents/fmt.py
    "Payouts": "Penghasilan",
    "(estimated)": "(perkiraan)",
    "(order not pulled)": "(pesanan belum ditarik)",
    "No cost price for {0}": "Belum ada harga modal untuk {0}",
    "Name": "Nama",
    "Date": "Tanggal",
    "Amount": "Jumlah",
    "A CSV file with seller_sku,cost_price on each line": "File CSV berisi seller_sku,cost_price di setiap baris",
    "Adjustment: {0}": "Penyesuaian: {0}",
    "(no seller SKU)": "(tanpa SKU penjual)",
    "Chargeback": "Chargeback",
    "Deduction charged to the seller": "Potongan yang dibebankan ke penjual",
    "Logistics reimbursement": "Penggantian logistik",
    "Platform compensation": "Kompensasi platform",
    "Platform penalty": "Denda platform",
    "Platform reimbursement": "Penggantian dari platform",
    "Promotion adjustment": "Penyesuaian promosi",
    "Refund": "Refund",
    "Reserve": "Dana ditahan",
    "Shipping fee adjustment": "Penyesuaian ongkos kirim",
    "Shipping fee compensation": "Kompensasi ongkos kirim",
    "Shipping fee rebate": "Potongan balik ongkos kirim",
    "Adjustments": "Penyesuaian",
    "Affiliate ads commission": "Komisi iklan afiliasi",
    "Affiliate commission": "Komisi afiliasi",
    "Affiliate partner commission": "Komisi mitra afiliasi",
    "As the fee rules expect.": "Sesuai aturan biaya.",
    "Buyer paid": "Dibayar pembeli",
    "COD fee": "Biaya COD",
    "Choose an order to see where its money went.": "Pilih pesanan untuk melihat ke mana uangnya pergi.",
    "Co-funded promotion fee": "Biaya promosi bersama",
    "Cost": "Modal",
    "Cost of the goods": "Modal barang",
    "Cost price (per unit)": "Harga modal (per unit)",
    "Cost price of one unit, in whole rupiah: double-click a cell to type it (empty clears it). Kept on this PC "
    "only; the margins use it.":
        "Harga modal satu unit, dalam rupiah bulat: klik dua kali sel untuk mengetiknya (kosong menghapusnya). "
        "Hanya disimpan di PC ini; dipakai untuk menghitung margin.",
    "Cost prices and margins": "Harga modal dan margin",
    "Delivered more than": "Terkirim lebih dari",
    "Difference": "Selisih",
    "Differs from expected": "Berbeda dari seharusnya",
    "Dynamic commission": "Komisi dinamis",
    "Estimated": "Perkiraan",
    "Every order": "Semua pesanan",
    "Every order's payout to a CSV or Excel file, or a PDF report":
        "Penghasilan setiap pesanan ke file CSV atau Excel, atau laporan PDF",
    "Expected net (order total less pass-through shipping and the fee rules)":
        "Bersih seharusnya (total pesanan dikurangi ongkos kirim yang diteruskan dan aturan biaya)",
    "Export payouts": "Ekspor penghasilan",
    "Exporting payouts": "Mengekspor penghasilan",
    "Export…": "Ekspor…",
    "Fee": "Biaya",
    "Fee rules: {0}": "Aturan biaya: {0}",
    "Fees": "Biaya",
    "Goods": "Barang",
    "Goods before discounts": "Barang sebelum diskon",
    "Goods refunded": "Barang yang di-refund",
    "Import cost prices": "Impor harga modal",
    "Import cost prices…": "Impor harga modal…",
    "Importing cost prices": "Mengimpor harga modal",
    "Income tax": "Pajak penghasilan",
    "LIVE Specials fee": "Biaya LIVE Specials",
    "Loading payouts": "Memuat penghasilan",
    "Margin": "Margin",
    "Margin: no cost price for {0}": "Margin: belum ada harga modal untuk {0}",
    "Net": "Bersih",
    "Net (estimated by the marketplace, not settled yet)": "Bersih (perkiraan marketplace, belum dicairkan)",
    "Net settled": "Bersih dicairkan",
    "Net: nothing settled or estimated yet": "Bersih: belum ada yang dicairkan atau diperkirakan",
    "No payouts yet: “Sync payouts now” reads them from the marketplace.":
        "Belum ada penghasilan: “Sinkronkan penghasilan sekarang” membacanya dari marketplace.",
    "Not every settlement line of it is read yet: the next sync reads the rest":
        "Belum semua baris pencairannya terbaca: sinkronisasi berikutnya membaca sisanya",
    "Not settled": "Belum dicairkan",
    "Nothing settled yet: sync payouts to see the weeks.":
        "Belum ada yang dicairkan: sinkronkan penghasilan untuk melihat per minggu.",
    "Order processing fee": "Biaya pemrosesan pesanan",
    "Order {0}": "Pesanan {0}",
    "Other fees": "Biaya lain",
    "Paid": "Dibayar",
    "Paid on": "Dibayar pada",
    "Payment": "Pembayaran",
    "Payment fee": "Biaya pembayaran",
    "Payouts written to {0}": "Penghasilan ditulis ke {0}",
    "Payouts: {0} statements, {1} settlement lines read": "Penghasilan: {0} laporan, {1} baris pencairan dibaca",
    "Platform commission": "Komisi platform",
    "Processing": "Diproses",
    "Read the statements, settlements, estimates and withdrawals from the marketplace (the schedule does it every "
    "6 hours)":
        "Baca laporan, pencairan, perkiraan dan penarikan dari marketplace (jadwal melakukannya setiap 6 jam)",
    "Return shipping": "Ongkos kirim retur",
    "Reversed": "Dibatalkan",
    "Saving the cost price": "Menyimpan harga modal",
    "Seller discount": "Diskon penjual",
    "Seller discount refunded": "Diskon penjual dikembalikan",
    "Settled": "Dicairkan",
    "Settled per week (Monday, WIB): goods and shipping above zero, fees below":
        "Dicairkan per minggu (Senin, WIB): barang dan ongkos kirim di atas nol, biaya di bawahnya",
    "Settled to the balance": "Masuk ke saldo",
    "Shipping": "Ongkos kirim",
    "Shipping charged by the courier": "Ongkos kirim dari kurir",
    "Shipping insurance": "Asuransi pengiriman",
    "Shipping paid by the buyer": "Ongkos kirim dibayar pembeli",
    "Shipping programme fee": "Biaya program pengiriman",
    "Shipping promotion subsidy": "Subsidi promo ongkos kirim",
    "Shipping subsidy from the platform": "Subsidi ongkos kirim dari platform",
    "Statement": "Laporan",
    "Statement date": "Tanggal laporan",
    "Statements": "Laporan",
    "Sync payouts now": "Sinkronkan penghasilan sekarang",
    "Taxes": "Pajak",
    "The export was not written: {0}": "Ekspor tidak ditulis: {0}",
    "This marketplace's API has no payouts (no finance reads): check the money of this shop in Seller Center.":
        "API marketplace ini tidak menyediakan penghasilan (tidak ada data keuangan): periksa uang toko ini di "
        "Seller Center.",
    "Transfer": "Transfer",
    "Units sold": "Unit terjual",
    "VAT": "PPN",
    "Voucher Xtra service fee": "Biaya layanan Voucher Xtra",
    "Week (Monday)": "Minggu (Senin)",
    "Weeks and fees": "Per minggu dan biaya",
    "What": "Jenis",
    "What each order really earned: the buyer's payment less every fee, as the marketplace settled it (or "
    "estimates it), compared with what the fee rules give.":
        "Penghasilan sebenarnya tiap pesanan: pembayaran pembeli dikurangi setiap biaya, sebagaimana dicairkan "
        "(atau diperkirakan) marketplace, dibandingkan dengan aturan biaya.",
    "What the buyer paid": "Yang dibayar pembeli",
    "Why": "Penyebab",
    "Why it differs: {0}": "Penyebab selisih: {0}",
    "Withdrawal": "Penarikan",
    "Withdrawals": "Penarikan",
    "Withdrawn to the bank": "Ditarik ke rekening bank",
    "Written to {0}": "Ditulis ke {0}",
    "a refund gave {amount} back": "refund mengembalikan {amount}",
    "a return or refund took {amount} back": "pengembalian atau refund menarik kembali {amount}",
    "an adjustment {kind} {amount}": "penyesuaian {kind} {amount}",
    "an estimated adjustment {kind} {amount}": "perkiraan penyesuaian {kind} {amount}",
    "days ago and still not settled": "hari lalu dan belum dicairkan",
    "line {0}: {1}": "baris {0}: {1}",
    "revenue differs from the order lines by {amount} (seller discounts, a changed price)":
        "pendapatan berbeda {amount} dari isi pesanan (diskon penjual, harga berubah)",
    "shipping cost the seller {amount} more than the buyer paid":
        "ongkos kirim membebani penjual {amount} lebih dari yang dibayar pembeli",
    "shipping subsidies added {amount}": "subsidi ongkos kirim menambah {amount}",
    "statement {0}": "laporan {0}",
    "taxes {amount}": "pajak {amount}",
    "the order itself is not in a statement yet (its lines, {amount})":
        "pesanannya sendiri belum masuk laporan penghasilan (barangnya, {amount})",
    "{0} cost prices set": "{0} harga modal disimpan",
    "{0} lines skipped:": "{0} baris dilewati:",
    "{0} orders settled, {1} net; {2} differ from expected": "{0} pesanan dicairkan, bersih {1}; {2} berbeda dari "
                                                            "seharusnya",
    "{0}: a cost price cannot be negative. Type whole rupiah, e.g. 15.000, or leave it empty.":
        "{0}: harga modal tidak boleh negatif. Ketik rupiah bulat, mis. 15.000, atau kosongkan.",
    "{0}: a cost price must be more than Rp 0. Leave it empty if you do not know it.":
        "{0}: harga modal harus lebih dari Rp 0. Kosongkan bila belum tahu.",
    "{0}: cost price cleared": "{0}: harga modal dihapus",
    "{0}: cost price {1}": "{0}: harga modal {1}",
    "{0}: rupiah are whole numbers (no sen). Type e.g. 15.000.": "{0}: rupiah adalah bilangan bulat (tanpa sen). "
                                                                 "Ketik mis. 15.000.",
    "{0}: {1} is more than any price a marketplace takes.": "{0}: {1} melebihi harga tertinggi di marketplace.",
    "{0}: “{1}” is not a cost price. Type whole rupiah, e.g. 15000 or 15.000, or leave it empty.":
        "{0}: “{1}” bukan harga modal. Ketik rupiah bulat, mis. 15000 atau 15.000, atau kosongkan.",
    "{amount} that TokoDesk cannot explain from the marketplace's breakdown":
        "{amount} yang tidak dapat dijelaskan TokoDesk dari rincian marketplace",
    "{label} ({name}) was {charged}, the fee rules give {expected}: a fee change or another rate for this category":
        "{label} ({name}) sebesar {charged}, menurut aturan biaya {expected}: biaya berubah atau tarif lain untuk "
        "kategori ini",
    "{name} {amount} (not in TokoDesk's fee rules)": "{name} {amount} (tidak ada di aturan biaya TokoDesk)",
    "{name}: {amount} given back with the refund": "{name}: {amount} dikembalikan bersama refund",
    # Pack station scan per package (issue 21: the parcel scanned of a split order).
    "No order with invoice, order ID, booking code, AWB or package “{0}”. Nothing is selected.":
        "Tidak ada pesanan dengan invoice, ID pesanan, kode booking, resi, atau paket “{0}”. Tidak ada yang dipilih.",
    "{0} ships in {1} packages still to pack: {2}. Scan the label of the parcel you are packing, type its package "
    "ID, or press “Pack this parcel” beside it in the order's details. Nothing was packed.":
        "{0} dikirim dalam {1} paket yang belum dikemas: {2}. Pindai label paket yang sedang Anda kemas, ketik ID "
        "paketnya, atau tekan “Kemas paket ini” di sampingnya pada rincian pesanan. Belum ada yang dikemas.",
    "Pack this parcel": "Kemas paket ini",
    "Package {0} is no longer one of this order's: refresh the orders and look again. Nothing was packed.":
        "Paket {0} bukan lagi milik pesanan ini: muat ulang pesanan dan periksa lagi. Belum ada yang dikemas.",
    "package {0} of {1}": "paket {0} dari pesanan {1}",
    "{0} (tracking number {1})": "{0} (resi {1})",
    "This is package {0}, one of the {1} packages of this order ({2}). Which items travel in it is not known here: "
    "the whole order's items are listed. Only this package is packed.":
        "Ini paket {0}, salah satu dari {1} paket pesanan ini ({2}). Barang apa saja yang ada di paket ini tidak "
        "diketahui di sini: semua barang pesanan ditampilkan. Hanya paket ini yang dikemas.",
    "This is package {0}, one of the {1} packages of this order ({2}): only its items are listed. Only this package "
    "is packed.":
        "Ini paket {0}, salah satu dari {1} paket pesanan ini ({2}): hanya barang di paket ini yang ditampilkan. "
        "Hanya paket ini yang dikemas.",
}
