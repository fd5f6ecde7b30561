"""Photos attached to a rejection (Tokopedia & Shop: Upload Product Image first, then Reject Return names each
upload's uri): checked on this PC before anything is sent, uploaded once even when the rejection's answer is lost,
and the rejection decided once. The sandbox keeps what it was sent; every request is held to the OAS too."""

from __future__ import annotations

import json

from PIL import Image

from tests.integration.test_returns_sandbox import PACKAGE_OR_REQUEST, ask, row, setup  # noqa: F401 - fixture
from tests.integration.tiktokshop_setup import channel, client, sb  # noqa: F401 - fixtures
from tokodesk.cli import main
from tokodesk.sandbox import tiktokshop_returns as sr
from tokodesk.services import return_photos
from tokodesk.services import returns as rs
from tokodesk.services.return_desk import ReturnDesk
from tokodesk.store import models as m


def photo(tmp_path, name: str, size=(640, 480), fmt="JPEG", color=(200, 30, 30)) -> str:  # noqa: ANN001
    path = tmp_path / name
    Image.new("RGB", size, color).save(path, fmt)
    return str(path)


def test_reject_with_photos_from_the_cli(sb, setup, client, capsys, tmp_path):  # noqa: F811
    ch, orders = setup
    [ret] = ask(sb, orders[:1])
    rs.sync_returns(ch, client)
    book = sb.dialect.returns_book
    good = [photo(tmp_path, "rusak1.jpg"), photo(tmp_path, "rusak2.png", fmt="PNG", color=(0, 90, 0))]
    gif = photo(tmp_path, "kardus.jpg", fmt="GIF")  # named .jpg, but a GIF inside
    tiny = photo(tmp_path, "kecil.png", size=(60, 60), fmt="PNG", color=(1, 2, 3))

    # A bad file is refused by name and what is wrong with it, before anything reaches the marketplace.
    assert main(["returns", "reject", ret.return_id, "--reason", PACKAGE_OR_REQUEST, "--image", *good, gif,
                 tiny, str(tmp_path / "hilang.jpg")]) == 2
    err = capsys.readouterr().err
    assert "kardus.jpg': a GIF image; Tokopedia & Shop takes JPG, PNG, WEBP, HEIC or BMP" in err
    assert "kecil.png': 60×60 px; a photo must be from 100×100" in err and "hilang.jpg': no such file" in err
    assert (book.image_uploads, book.decision_requests[ret.return_id], ret.status) == (0, 0, sr.PENDING)
    assert not m.Action.select().exists()

    assert main(["returns", "reject", ret.return_id, "--reason", PACKAGE_OR_REQUEST, "--comment", "Lihat foto",
                 "--image", *good, "--json"]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert result["ok"] and ret.status == sr.REJECTED and book.image_uploads == 2
    seller = ret.records[-1]
    assert seller["role"] == "SELLER" and seller["note"] == "Lihat foto"
    assert [(i["width"], i["height"]) for i in seller["images"]] == [(640, 480), (640, 480)]
    assert {i["url"] for i in seller["images"]} == {book.images[u]["url"] for u in book.images}


def test_a_lost_answer_sends_the_rejection_once_and_uploads_each_photo_once(sb, setup, client, tmp_path):  # noqa: F811
    ch, orders = setup
    lost, crashed = ask(sb, orders[:2])
    rs.sync_returns(ch, client)
    book = sb.dialect.returns_book
    photos = return_photos.check_photos([photo(tmp_path, "a.jpg"), photo(tmp_path, "b.jpg", color=(9, 9, 9))])

    sb.faults.force("return_reject", "lost", 1)  # the rejection arrives, its answer does not
    outcome = ReturnDesk(ch, client).reject(row(lost), PACKAGE_OR_REQUEST, "", photos)
    assert outcome.ok, outcome.error
    assert (book.image_uploads, book.decision_requests[lost.return_id], book.decisions[lost.return_id]) == (2, 1, 1)
    assert len(lost.records[-1]["images"]) == 2

    # A rejection that did not arrive (HTTP 500: unknown whether it did) and whose reading failed as well: the
    # decision is left unknown with the uploads' ids kept. The next sync reads the return (still waiting), sends the
    # rejection again naming the same uploads, and uploads nothing again.
    book.image_uploads = 0
    sb.faults.force("return_reject", "error", 1)
    sb.faults.force("return_search", "lost", 3)
    outcome = ReturnDesk(ch, client).reject(row(crashed), PACKAGE_OR_REQUEST, "", photos)
    assert not outcome.ok and outcome.pending
    [action] = m.Action.select().where(m.Action.status == "unknown")
    assert all(i["image_id"] for i in action.payload["images"]) and book.image_uploads == 2
    assert crashed.status == sr.PENDING  # it did not arrive
    rs.sync_returns(ch, client)
    assert m.Action.get_by_id(action.id).status == "done" and book.image_uploads == 2
    assert book.decisions[crashed.return_id] == 1 and crashed.status == sr.REJECTED
    assert row(crashed).decision == "reject" and len(crashed.records[-1]["images"]) == 2


def test_a_photo_changed_after_the_rejection_was_written_fails_it_in_words(sb, setup, client, tmp_path):  # noqa: F811
    ch, orders = setup
    [ret] = ask(sb, orders[:1])
    rs.sync_returns(ch, client)
    path = photo(tmp_path, "bukti.jpg")
    photos = return_photos.check_photos([path])
    photo(tmp_path, "bukti.jpg", color=(1, 1, 1))  # replaced on disk before it was sent
    outcome = ReturnDesk(ch, client).reject(row(ret), PACKAGE_OR_REQUEST, "", photos)
    assert not outcome.ok and "bukti.jpg' changed since the rejection was written" in outcome.error
    assert sb.dialect.returns_book.image_uploads == 0 and ret.status == sr.PENDING
