"""SIGKILL in the middle of a batch of return decisions with lost answers: each return decided exactly once.

The sandbox (TikTok Shop dialect) runs in this test process with slow answers and lost answers on Approve Return;
`tokodesk returns approve ID...` runs as a real subprocess on the same data folder (and a keyring file both processes
share, as the processes of one PC share the OS keyring) and is killed with SIGKILL once part of the batch was
decided. Running the same command again resolves what the first left open by reading each return first, then
decides the rest. The sandbox counts every decision request per return: each must be exactly 1.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone

import keyring
import pytest

from tests.doubles import FileKeyring
from tests.system.test_kill_outbox import ROOT, _kill_when
from tokodesk import credentials
from tokodesk.sandbox import Sandbox, Status
from tokodesk.sandbox import tiktokshop_returns as sr
from tokodesk.services import returns as rs
from tokodesk.services.channels import adapter_for
from tokodesk.store import models as m
from tokodesk.store.connection import close_database, open_database

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]
BATCH = 30

CHILD = """
import os, sys, keyring
from tests.doubles import FileKeyring
keyring.set_keyring(FileKeyring(os.environ["KEYRING_FILE"]))
from tokodesk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _child(args: list[str], keyring_file: str) -> subprocess.Popen:
    env = {**os.environ, "KEYRING_FILE": keyring_file, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", CHILD, *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def setup(tokodesk_home, tmp_path):
    yield from _prepared(tmp_path, ["return_approve"])


@pytest.fixture
def reject_setup(tokodesk_home, tmp_path):
    yield from _prepared(tmp_path, ["return_reject", "image_upload"])


def _prepared(tmp_path, targets: list[str]):  # noqa: ANN202
    keyring_file = str(tmp_path / "keyring.json")
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring(keyring_file))
    with Sandbox(seed=21, orders=200, products=15, dialect="tiktokshop", freeze_clock=True,
                 lost_response_rate=0.3, slow_rate=1.0, slow_seconds=0.15, fault_targets=targets) as sb:
        open_database()
        cr = sb.credentials
        channel = m.Channel.create(
            name="Toko", marketplace="tiktokshop", app_key=cr["app_key"], service_id=str(cr["service_id"]),
            shop_cipher=cr["shop_cipher"], shop_id=str(cr["shop_id"]), warehouse_id=str(cr["warehouse_id"]),
            api_base=sb.url, auth_url=sb.url,
            return_sync_from=datetime.fromtimestamp(sb.clock.now() - 86400, timezone.utc).replace(tzinfo=None))
        credentials.set_secret(channel.name, "app_secret", cr["app_secret"])
        client = adapter_for(channel)
        client.authorize(sb.dialect.issue_auth_code())
        book = sb.dialect.returns_book
        book.rate = 0.0
        with sb.shop.lock:
            picked = [o for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED, Status.AWAITING_PICKUP,
                                                     Status.SHIPPED) if o.order_id not in book.by_order][:BATCH]
            for o in picked:
                o.set_status(Status.DELIVERED, sb.clock.now(), "courier", "Order delivered")
                o.delivered_time = sb.clock.now()
            asked = [book.request(o, sr.RETURN_AND_REFUND) for o in picked]
        assert len(asked) == BATCH, len(asked)
        assert rs.sync_returns(channel, client).created == BATCH
        client.close()
        close_database()  # the child owns the database while it runs
        yield sb, [r.return_id for r in asked], keyring_file
        close_database()
    keyring.set_keyring(previous)


def test_sigkill_in_a_batch_of_approvals_then_the_same_command_decides_each_once(setup):
    sb, ids, keyring_file = setup
    book = sb.dialect.returns_book

    def decided() -> int:
        return sum(book.decisions[i] for i in ids)

    first = _child(["returns", "approve", *ids, "--json"], keyring_file)
    killed = _kill_when(first, lambda: decided() >= 8)
    assert killed, f"the batch finished before the kill: {first.communicate()[1][-800:]}"
    at_kill = decided()
    assert 8 <= at_kill < BATCH

    second = _child(["returns", "approve", *ids, "--json"], keyring_file)
    out, err = second.communicate(timeout=180)
    assert second.returncode in (0, 2), err[-1500:]  # 2: the ones the first run finished are refused, by name
    results = json.loads(out)
    assert all(r["ok"] or "cannot be approved or rejected now" in (r["error"] or "") for r in results), results

    # Each return decided exactly once, and each decision request sent exactly once: a lost answer or a killed
    # sender was resolved by reading the return, never by sending the decision again.
    assert {i: book.decisions[i] for i in ids} == dict.fromkeys(ids, 1)
    assert {i: book.decision_requests[i] for i in ids} == dict.fromkeys(ids, 1)
    assert {book.find(i).status for i in ids} == {sr.AWAITING_SHIP}
    open_database()
    assert not m.Action.select().where(m.Action.status != "done").exists()
    assert {r.state for r in m.Return.select()} == {"on_its_way"}
    lost = sum(1 for _endpoint, fault in sb.faults.log if fault == "lost")
    resolved = m.Action.select().where(m.Action.error.contains("reading")).count()
    print(f"decided at kill {at_kill}/{BATCH}; lost answers {lost}; settled by reading {resolved}")


def test_sigkill_in_a_batch_of_rejections_with_photos_rejects_each_once_and_uploads_no_photo_twice(reject_setup,
                                                                                                  tmp_path):
    """The same with `returns reject ... --image A B`, lost answers on Reject Return and on the uploads: each return
    rejected once with both photos; a photo is uploaded again only when its own upload's answer was lost (the
    upload repeated by the transport) or the kill fell between an upload and the keeping of its id."""
    from PIL import Image

    sb, ids, keyring_file = reject_setup
    book = sb.dialect.returns_book
    photos = []
    for name, color in (("a.jpg", (200, 10, 10)), ("b.png", (10, 200, 10))):
        Image.new("RGB", (320, 240), color).save(tmp_path / name)
        photos.append(str(tmp_path / name))
    command = ["returns", "reject", *ids, "--reason", "reverse_reject_request_reason_no_evidence",
               "--image", *photos, "--json"]

    def decided() -> int:
        return sum(book.decisions[i] for i in ids)

    first = _child(command, keyring_file)
    killed = _kill_when(first, lambda: decided() >= 6)
    assert killed, f"the batch finished before the kill: {first.communicate()[1][-800:]}"
    at_kill = decided()
    second = _child(command, keyring_file)
    out, err = second.communicate(timeout=240)
    assert second.returncode in (0, 2), err[-1500:]
    results = json.loads(out)
    assert all(r["ok"] or "cannot be approved or rejected now" in (r["error"] or "") for r in results), results

    assert {i: book.decisions[i] for i in ids} == dict.fromkeys(ids, 1)
    assert {i: book.decision_requests[i] for i in ids} == dict.fromkeys(ids, 1)
    assert {book.find(i).status for i in ids} == {sr.REJECTED}
    assert all(len(book.find(i).records[-1]["images"]) == 2 for i in ids)
    lost_uploads = sum(1 for endpoint, fault in sb.faults.log if fault == "lost" and endpoint == "image_upload")
    assert 2 * BATCH <= book.image_uploads <= 2 * BATCH + lost_uploads + 1
    open_database()
    assert not m.Action.select().where(m.Action.status != "done").exists()
    lost = sum(1 for _endpoint, fault in sb.faults.log if fault == "lost")
    print(f"rejected at kill {at_kill}/{BATCH}; lost answers {lost} ({lost_uploads} of uploads); "
          f"uploads {book.image_uploads} for {2 * BATCH} photos")
