"""Packing videos without Qt (issue 21.2–21.3): file names, the stored checksum, and retention — oldest first,
past N days or beyond N GB, never a clip of an order with an open return — with a fake clock and a small quota."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tokodesk.services import pack_video as pv
from tokodesk.store import models as m

NOW = datetime(2026, 12, 5, 10, 0, 0)  # naive UTC, as the store keeps it


def _order(n: int) -> m.Order:
    channel = m.Channel.get_or_none(m.Channel.name == "Toko") or m.Channel.create(name="Toko")
    return m.Order.create(channel=channel, order_id=f"57900000000000{n}", invoice=f"INV/2026/{n}",
                          state="packed", created_at=NOW)


def _clip(folder: Path, order: m.Order, age: timedelta, size: int, station: str = "desk1") -> m.Clip:
    started = NOW - age
    folder.mkdir(parents=True, exist_ok=True)
    path = pv.clip_path(folder, order.invoice, started)
    path.write_bytes(b"v" * size)
    row = pv.finish_clip(pv.ClipOrder(order.id, order.order_id, order.invoice), path, started,
                         started + timedelta(seconds=40), station, "next_scan")
    assert row is not None
    return row


def _settings(folder: Path, **kw) -> pv.VideoSettings:
    values = dict(camera="", folder=folder, keep_days=0, keep_bytes=0, max_seconds=600, station="desk1")
    values.update(kw)
    return pv.VideoSettings(**values)


def _alive(*clips: m.Clip) -> list[bool]:
    return [m.Clip.get_by_id(c.id).removed_at is None and Path(c.path).exists() for c in clips]


def test_the_file_name_carries_the_invoice_and_the_wib_time(any_database, tmp_path):
    path = pv.clip_path(tmp_path, "INV/20261205/MPL/77", datetime(2026, 12, 5, 17, 59, 58))
    assert path.name == "INV-20261205-MPL-77_20261206-005958WIB.mp4"
    path.write_bytes(b"x")
    second = pv.clip_path(tmp_path, "INV/20261205/MPL/77", datetime(2026, 12, 5, 17, 59, 58))
    assert second.name == "INV-20261205-MPL-77_20261206-005958WIB-2.mp4", "a name taken is never overwritten"
    package = pv.clip_path(tmp_path, "INV/1", datetime(2026, 12, 5, 1, 0), package_id="PKG 9", kind="unboxing")
    assert package.name == "INV-1_PKG-9_unboxing_20261205-080000WIB.mp4"


def test_a_finished_clip_is_stored_with_its_size_and_sha256(any_database, tmp_path):
    order = _order(1)
    clip = _clip(tmp_path, order, timedelta(0), 4096)
    data = Path(clip.path).read_bytes()
    assert clip.size_bytes == 4096 and clip.sha256 == hashlib.sha256(data).hexdigest()
    assert [c.id for c in pv.clips_of(order.id)] == [clip.id]
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    assert pv.finish_clip(pv.ClipOrder(order.id, order.order_id, order.invoice), empty, NOW, NOW, "desk1",
                          "error") is None, "a recorder that wrote nothing leaves no clip"


def test_clips_older_than_the_days_kept_go_oldest_first(any_database, tmp_path):
    a, b, c = _order(1), _order(2), _order(3)
    old = _clip(tmp_path, a, timedelta(days=10), 100)
    edge = _clip(tmp_path, b, timedelta(days=6, hours=23), 100)
    new = _clip(tmp_path, c, timedelta(hours=1), 100)
    result = pv.apply_retention(_settings(tmp_path, keep_days=7), now=NOW)
    assert [r.id for r in result.removed] == [old.id] and result.freed_bytes == 100
    assert _alive(old, edge, new) == [False, True, True]
    assert m.Clip.get_by_id(old.id).removed_at == NOW, "the row stays, saying when its file went"
    # A day later the clip at the edge is past it too.
    pv.apply_retention(_settings(tmp_path, keep_days=7), now=NOW + timedelta(days=1))
    assert _alive(edge, new) == [False, True]


def test_a_small_quota_removes_the_oldest_until_the_rest_fit(any_database, tmp_path):
    orders = [_order(n) for n in range(1, 5)]
    clips = [_clip(tmp_path, o, timedelta(hours=10 - n), 1000) for n, o in enumerate(orders)]
    result = pv.apply_retention(_settings(tmp_path, keep_bytes=2500), now=NOW)
    assert [r.id for r in result.removed] == [clips[0].id, clips[1].id]
    assert _alive(*clips) == [False, False, True, True]
    assert pv.apply_retention(_settings(tmp_path, keep_bytes=2500), now=NOW).removed == [], "twice changes nothing"


def test_never_a_clip_of_an_order_with_an_open_return(any_database, tmp_path):
    returned, closed, plain = _order(1), _order(2), _order(3)
    kept = _clip(tmp_path, returned, timedelta(days=30), 1000)
    by_id = _order(4)
    kept_by_id = _clip(tmp_path, by_id, timedelta(days=29), 1000)
    gone = _clip(tmp_path, closed, timedelta(days=20), 1000)
    also_gone = _clip(tmp_path, plain, timedelta(days=10), 1000)
    m.Return.create(channel=returned.channel, return_id="R1", order_id=returned.order_id, order=returned,
                    state="needs_answer")
    # A return synced before its order was linked names it by the marketplace's order id only.
    m.Return.create(channel=by_id.channel, return_id="R2", order_id=by_id.order_id, state="on_its_way")
    m.Return.create(channel=closed.channel, return_id="R3", order_id=closed.order_id, order=closed, state="closed")
    result = pv.apply_retention(_settings(tmp_path, keep_days=7, keep_bytes=500), now=NOW)
    assert sorted(r.id for r in result.removed) == sorted([gone.id, also_gone.id])
    assert result.kept_for_returns == 2
    assert _alive(kept, kept_by_id) == [True, True]
    # Once the return is closed, the clip goes like any other.
    m.Return.update(state="closed").execute()
    pv.apply_retention(_settings(tmp_path, keep_days=7), now=NOW)
    assert _alive(kept, kept_by_id) == [False, False]


def test_only_this_stations_clips_are_touched(any_database, tmp_path):
    mine = _clip(tmp_path, _order(1), timedelta(days=30), 100, station="desk1")
    theirs = _clip(tmp_path / "other", _order(2), timedelta(days=30), 100, station="desk2")
    pv.apply_retention(_settings(tmp_path, keep_days=7), now=NOW)
    assert _alive(mine, theirs) == [False, True]


def test_a_file_deleted_by_hand_is_recorded_as_gone(any_database, tmp_path):
    clip = _clip(tmp_path, _order(1), timedelta(days=30), 100)
    Path(clip.path).unlink()
    result = pv.apply_retention(_settings(tmp_path, keep_days=7), now=NOW)
    assert [r.id for r in result.removed] == [clip.id] and not result.failed


def test_an_unwritable_or_full_folder_is_refused_in_words(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(pv.VideoFolderError, match="cannot be written.*Packing goes on"):
        pv.check_folder(blocker / "videos")
    whole_disk = pv.shutil.disk_usage(tmp_path).total
    with pytest.raises(pv.VideoFolderError, match="MB free"):
        pv.check_folder(tmp_path / "videos", min_free=whole_disk + 1)
    assert pv.check_folder(tmp_path / "videos", min_free=1) > 0


def test_settings_are_checked_before_anything_is_written(any_database, tmp_path):
    with pytest.raises(pv.UserError, match="0 \\(no limit\\) or more"):
        pv.save_settings(camera="cam", folder=str(tmp_path), keep_days=-1, keep_gb=1, max_minutes=5)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(pv.VideoFolderError):
        pv.save_settings(camera="cam", folder=str(blocker / "v"), keep_days=1, keep_gb=1, max_minutes=5)
    assert m.AppSetting.read("video_camera") is None
    pv.save_settings(camera="cam", folder=str(tmp_path / "v"), keep_days=3, keep_gb=0.5, max_minutes=5)
    s = pv.read_settings()
    assert (s.camera, s.folder, s.keep_days, s.keep_bytes, s.max_seconds) == (
        "cam", tmp_path / "v", 3, pv.GB // 2, 300)


def test_export_copies_the_clip_with_a_one_page_sheet_in_the_app_language(any_database, tmp_path, monkeypatch):
    from pypdf import PdfReader

    monkeypatch.setenv("TOKODESK_LANG", "id")
    order = _order(1)
    m.OrderLine.create(order=order, sku="S1", name="Kaos polos hitam", quantity=3, seller_sku="KAOS-HITAM")
    clip = _clip(tmp_path / "videos", order, timedelta(minutes=5), 2048)
    done = pv.export_for_dispute(clip.id, tmp_path / "out", now=NOW)
    assert done.video.read_bytes() == Path(clip.path).read_bytes()
    assert hashlib.sha256(done.video.read_bytes()).hexdigest() == clip.sha256 == done.sha256
    reader = PdfReader(str(done.sheet))
    text = reader.pages[0].extract_text().replace("\n", " ")
    assert len(reader.pages) == 1
    for expected in ("VIDEO PENGEMASAN", "INV/2026/1", "579000000000001", "KAOS-HITAM", "Toko", "desk1",
                     clip.sha256, "Mulai direkam", "05/12/2026 16:55:00 WIB"):
        assert expected in text, expected


def test_a_clip_changed_since_it_was_recorded_is_not_exported(any_database, tmp_path):
    clip = _clip(tmp_path / "videos", _order(1), timedelta(minutes=5), 2048)
    Path(clip.path).write_bytes(b"edited" * 100)
    with pytest.raises(pv.UserError, match="has changed since it was recorded"):
        pv.export_for_dispute(clip.id, tmp_path / "out")
    assert not (tmp_path / "out").exists(), "nothing is written for a refused export"
    Path(clip.path).unlink()
    with pytest.raises(pv.UserError, match="not there"):
        pv.export_for_dispute(clip.id, tmp_path / "out")


def test_the_clip_names_the_package_the_scan_named(any_database):
    split, single = _order(1), _order(2)
    for n, order in ((1, split), (2, split), (3, single)):
        package = m.Package.create(channel=order.channel, package_id=f"PKG{n}", tracking_number=f"JX{n}")
        m.PackageOrder.create(package=package, order=order)
    assert pv.clip_order(split.id, "JX2").package_id == "PKG2"
    assert pv.clip_order(split.id, split.invoice).package_id is None, "the invoice does not say which parcel"
    assert pv.clip_order(single.id, single.invoice).package_id == "PKG3"
    assert pv.clip_order(single.id).invoice == "INV/2026/2"
