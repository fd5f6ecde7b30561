"""Every marketplace error in words: the table, both dialects, both languages, unknown codes."""

from __future__ import annotations

import re

import pytest

from tokodesk.marketplace import error_words
from tokodesk.marketplace.base import MarketplaceError, OutcomeUnknown
from tokodesk.marketplace.tiktokshop import errors as tts_errors

CODE_ONLY = re.compile(r"^\W*[A-Z0-9_]+\W*$")


def test_legacy_code_in_both_languages():
    exc = MarketplaceError("You have no permission to access this feature", "LGS_USC_012", 400)
    en = error_words.describe(exc, "en")
    idn = error_words.describe(exc, "id")
    assert en.startswith("You have no permission to access this feature") and "approve the app" in en
    assert idn.startswith("Anda tidak punya izin") and "Minta pemilik toko menyetujui aplikasi" in idn
    assert "LGS_USC_012" not in en + idn
    assert str(exc) == en  # the CLI and the stored run errors read the same English words


def test_tiktokshop_code_in_both_languages():
    exc = tts_errors.error_for("12052393", "sku stock locked", 200, "req-7")
    assert str(exc) == "The stock is locked by a running promotion. Change it after the promotion ends. [request req-7]"
    assert error_words.describe(exc, "id") == (
        "Stok dikunci oleh promosi yang sedang berjalan. Ubah setelah promosi selesai. [request req-7]")


def test_per_item_error_uses_the_table():
    assert tts_errors.words_for("21011041", "order cancelled") == "This order has been cancelled. Do not ship it."
    assert tts_errors.words_for("99999999", "") == "The marketplace refused the request. Its own words: (code 99999999)"


@pytest.mark.parametrize("code,said", [("ORD_XYZ_042", "Something odd happened"), ("77001234", "weird failure")])
def test_unknown_code_keeps_the_marketplace_text_under_a_plain_sentence(code, said):
    exc = MarketplaceError(said, code, 400)
    en = error_words.describe(exc, "en").splitlines()
    idn = error_words.describe(exc, "id").splitlines()
    assert en == ["The marketplace refused the request. Its own words:", f"{said} (code {code})"]
    assert idn == ["Marketplace menolak permintaan ini. Kata marketplace:", f"{said} (kode {code})"]
    assert str(exc) == f"The marketplace refused the request. Its own words: {said} (code {code})"


def test_no_code_keeps_tokodesks_own_words():
    exc = MarketplaceError("Tokopedia answered HTTP 418", "", 418)
    assert error_words.describe(exc, "id") == str(exc) == "Tokopedia answered HTTP 418"


def test_outcome_unknown_keeps_what_tokodesk_does_next():
    exc = OutcomeUnknown("Tokopedia failed while doing 'ship'. The order is read again.", "LGS_USC_006", 500)
    assert str(exc).startswith("Tokopedia failed while doing 'ship'. The order is read again. Tokopedia could not")


def test_every_entry_says_what_and_what_to_do_in_both_languages():
    assert set(error_words.TOKOPEDIA).isdisjoint(error_words.TIKTOKSHOP)
    assert {"LGS_USC_012", "ORD_DLV_013", "ORD_API_008", "RBAC_MDLW_001", "PRD_DLV_018"} <= set(error_words.TOKOPEDIA)
    assert set(tts_errors._WORDS) <= set(error_words.TIKTOKSHOP)  # every code the adapter types has words
    for code, words in error_words.TABLE.items():
        for text in words:
            assert text.strip() and not CODE_ONLY.match(text), code
            assert code not in text, f"{code} repeats its own code"
        assert words.what_en != words.what_id, f"{code} has no Indonesian"


def test_a_stored_english_message_is_shown_in_indonesian():
    stored = "Could not accept: " + str(MarketplaceError("upstream failed", "ORD_USC_007", 500))
    assert error_words.in_language(stored, "id") == (
        "Could not accept: Tokopedia tidak bisa menerima pesanan saat ini (layanannya sedang gangguan). "
        "Coba lagi beberapa menit lagi.")
    unknown = str(MarketplaceError("Shop is under maintenance", "SHP_USC_777", 400))
    assert error_words.in_language(unknown, "id") == (
        "Marketplace menolak permintaan ini. Kata marketplace: Shop is under maintenance (kode SHP_USC_777)")
    assert error_words.in_language(stored, "en") == stored


def test_the_overloaded_code_is_told_apart_by_its_message_in_both_languages():
    exc = tts_errors.error_for("36009004", "Invalid timestamp, please check", 200, "req-9")
    assert str(exc).startswith("Tokopedia & Shop refused the request time: this computer's clock is off")
    assert "(code" not in str(exc) and "Its own words" not in str(exc)
    assert error_words.describe(exc, "id") == (
        "Tokopedia & Shop menolak waktu permintaan: jam komputer ini selisih lebih dari beberapa menit. "
        "Atur jam ke waktu otomatis (internet) lalu coba lagi. [request req-9]")
    other = tts_errors.error_for("36009004", "something new", 200)
    assert error_words.describe(other, "en").splitlines() == [
        "The marketplace refused the request. Its own words:", "Tokopedia & Shop refused the request: something new "
        "(code 36009004)"]
