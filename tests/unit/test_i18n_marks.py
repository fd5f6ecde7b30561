"""One full stop where a value that ends its own sentence meets the template's.

"Waiting for the marketplace: {reason}. TokoDesk checks again …" read "… connection dropped.. TokoDesk …" in the
queue, the CLI and the log: the marketplace's messages and the adapters' words mostly end with a full stop. The
templates keep their English (the Indonesian catalogue translates by it, stored rows keep it); the stop is dropped
where the words are filled in, in English (`str(Said)`: the CLI, what new rows store) and in the window's language
(`Said.say`: also for rows stored before)."""

from __future__ import annotations

import pytest

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, filled, said, stored_words, words_from_store

WAITING = QT_TRANSLATE_NOOP("Refusals", "Waiting for the marketplace: {reason}. TokoDesk checks again on the next "
                                        "start or sync.")
WAITING_ID = "Menunggu marketplace: {reason}. TokoDesk memeriksa lagi saat dibuka berikutnya atau saat sinkronisasi."
TAIL = " TokoDesk checks again on the next start or sync."


def indonesian(table: dict[str, str]):  # noqa: ANN201
    return lambda _context, text: table.get(text, text)


@pytest.mark.parametrize(("reason", "shown"), [
    ("no answer after 30 s.", "no answer after 30 s."),
    ("Is the shop open?", "Is the shop open?"),
    ("Stop!", "Stop!"),
    ("still checking...", "still checking..."),  # an ellipsis of three stops stays three
    ("still checking…", "still checking…"),
    ("店铺已关闭。", "店铺已关闭。"),
    ("no answer after 30 s", "no answer after 30 s."),  # a reason without a stop gets the template's
    ('the note said "closed."', 'the note said "closed.".'),  # the quote ends the value, not a stop
    ("", "."),
])
def test_one_full_stop_in_english(reason, shown):
    words = said(WAITING, reason=reason)
    assert str(words) == f"Waiting for the marketplace: {shown}{TAIL}"


def test_a_number_and_a_stop_that_is_not_a_sentence_s_end_are_left_alone():
    assert str(said(QT_TRANSLATE_NOOP("Refusals", "Take {n}."), n=3)) == "Take 3."
    assert str(said(QT_TRANSLATE_NOOP("Refusals", "Pay {amount:,}."), amount=1500.5)) == "Pay 1,500.5."
    assert str(said(QT_TRANSLATE_NOOP("Refusals", "Saved as {name}.csv"), name="orders.")) == "Saved as orders..csv"
    assert str(said(QT_TRANSLATE_NOOP("Refusals", "{a}.{b}"), a="x.", b="y.")) == "x..y."
    assert str(said(QT_TRANSLATE_NOOP("Refusals", "{a}.\nNext."), a="Done.")) == "Done.\nNext."
    assert str(said(QT_TRANSLATE_NOOP("Refusals", "{a}. {b}."), a="One.", b="Two?")) == "One. Two?"
    assert str(said(QT_TRANSLATE_NOOP("Refusals", "{{a}}. {a}!"), a="x.")) == "{a}. x.!"  # only after a place


def test_one_full_stop_in_indonesian_when_the_value_is_words_said_in_indonesian():
    inner = said(QT_TRANSLATE_NOOP("Refusals", "the answer was lost"))  # no stop in English, one in Indonesian
    words = said(WAITING, reason=inner)
    assert str(words) == f"Waiting for the marketplace: the answer was lost.{TAIL}"
    shown = words.say(indonesian({str(WAITING): WAITING_ID, "the answer was lost": "jawabannya hilang."}))
    assert shown == ("Menunggu marketplace: jawabannya hilang. TokoDesk memeriksa lagi saat dibuka berikutnya atau "
                     "saat sinkronisasi.")
    plain = said(WAITING, reason="Koneksi terputus.").say(indonesian({str(WAITING): WAITING_ID}))
    assert plain.startswith("Menunggu marketplace: Koneksi terputus. TokoDesk"), plain


def test_a_row_stored_before_with_two_stops_is_shown_with_one():
    english = "Waiting for the marketplace: connection dropped.." + TAIL  # as an older TokoDesk stored it
    kept = {"s": english, "t": str(WAITING), "c": "Refusals", "p": {"reason": "connection dropped."}}
    words = words_from_store(english, kept)
    assert words is not None and str(words) == english  # the stored English is what it is
    assert words.say(indonesian({str(WAITING): WAITING_ID})).startswith(
        "Menunggu marketplace: connection dropped. TokoDesk memeriksa"), words.say(indonesian({}))
    assert words.say(indonesian({})) == "Waiting for the marketplace: connection dropped." + TAIL
    fresh = said(WAITING, reason="connection dropped.")
    assert stored_words(fresh)["s"] == "Waiting for the marketplace: connection dropped." + TAIL


def test_the_windows_own_texts_with_numbered_places_get_one_full_stop_too():
    """The wizard's "The starting stock is not set: {0}. …" and the recorder's "Recording stopped: {0}. …" put a
    sentence of their own (an error's explanation) where the template has its stop."""
    template = "Recording stopped: {0}. Packing goes on; check the video folder in Settings → Packing video."
    assert filled(template, "The disk is full.") == ("Recording stopped: The disk is full. Packing goes on; check the "
                                                     "video folder in Settings → Packing video.")
    assert filled(template, "disk full") == template.replace("{0}", "disk full")
    assert filled("{0} of {1}.", 3, "10.") == "3 of 10."
    assert filled("Saved as {0}.csv", "orders.") == "Saved as orders..csv"
    with pytest.raises(IndexError):
        filled("{0} and {1}", "only one")
