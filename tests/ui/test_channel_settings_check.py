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
