"""The adapters' network sentences (host, cause, action kept) reach an Indonesian window in Indonesian (issue 20)."""

from __future__ import annotations

from tokodesk.marketplace.error_words import in_language


def test_an_unreachable_marketplace_is_said_in_indonesian_with_its_host_and_cause():
    said = ("Cannot reach Tokopedia at 127.0.0.1:53041: the connection was refused. Check the internet connection "
            "(or the channel's API address) and try again.")
    assert in_language(said, "id") == ("Tokopedia di 127.0.0.1:53041 tidak bisa dihubungi: koneksi ditolak. Periksa "
                                       "koneksi internet (atau alamat API channel) lalu coba lagi.")
    assert in_language(said, "en") == said
    tts = ("Tokopedia & Shop could not be reached for 'search orders' (ConnectTimeout). Check the internet connection "
           "and try again.")
    assert in_language("the order pull stopped: " + tts, "id") == (
        "the order pull stopped: Tokopedia & Shop tidak bisa dihubungi untuk 'search orders' (ConnectTimeout). "
        "Periksa koneksi internet lalu coba lagi.")
    auth = ("The Tokopedia & Shop authorization server could not be reached (SSLError). Check the internet connection "
            "and try again.")
    assert in_language(auth, "id").startswith("Server otorisasi Tokopedia & Shop tidak bisa dihubungi (SSLError).")
