"""The window's channel settings dialog and `tokodesk channel set` share one validation (issue 16.6)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tokodesk.store import models as m


def open_dialog(qtbot, ctx):  # noqa: ANN001, ANN201
    from tokodesk.ui.channel_form import SettingsDialog, _qdt

    channel = m.Channel.create(name="Toko", marketplace="tiktokshop", recon_hour=6)
    dialog = SettingsDialog(ctx, m.Channel.select().where(m.Channel.id == channel.id).dicts().get())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, channel, _qdt


def test_the_dialog_refuses_what_the_cli_refuses(qtbot, ctx, wait_idle):
    dialog, channel, qdt = open_dialog(qtbot, ctx)
    dialog.form.return_sync_from.setDateTime(qdt(datetime.now(timezone.utc) + timedelta(days=3)))
    dialog.save()
    wait_idle(ctx)
    assert "return_sync_from" in dialog.error.text() and "not in the future" in dialog.error.text()
    assert dialog.isVisible() and m.Channel.get_by_id(channel.id).return_sync_from is None


def test_the_dialog_saves_what_passes(qtbot, ctx, wait_idle):
    dialog, channel, qdt = open_dialog(qtbot, ctx)
    dialog.form.recon_hour.setValue(9)
    dialog.form.use_marketplace_label.setChecked(True)
    dialog.save()
    wait_idle(ctx)
    row = m.Channel.get_by_id(channel.id)
    assert row.recon_hour == 9 and row.use_marketplace_label is True and not dialog.error.text()


def test_the_catalogue_guard_rails_are_edited_in_the_dialog(qtbot, ctx, wait_idle):
    dialog, channel, _qdt = open_dialog(qtbot, ctx)
    form = dialog.form
    assert (form.price_change_confirm_pct.value(), form.price_floor.value()) == (50, 1000)
    form.price_change_confirm_pct.setValue(0)  # the box holds only what `channel set` accepts
    form.price_floor.setValue(-100)
    assert (form.price_change_confirm_pct.value(), form.price_floor.value()) == (1, 0)
    form.price_change_confirm_pct.setValue(30)
    form.price_floor.setValue(5000)
    dialog.save()
    wait_idle(ctx)
    row = m.Channel.get_by_id(channel.id)
    assert (row.price_change_confirm_pct, row.price_floor) == (30, 5000) and not dialog.error.text()


def test_every_line_of_the_price_hint_shows_at_the_dialogs_first_size(qtbot, ctx):
    """The last hint wraps: the dialog opens tall enough for all its lines (its end was cut off at 1366x768)."""
    dialog, _channel, _qdt = open_dialog(qtbot, ctx)
    qtbot.waitExposed(dialog)
    hint = dialog.form.rails_hint
    assert hint.height() >= hint.heightForWidth(hint.width())
    bottom = hint.mapTo(dialog, hint.rect().bottomLeft()).y()
    assert bottom <= dialog.height()
