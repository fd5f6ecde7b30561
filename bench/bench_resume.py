"""Resuming 1,000 actions a killed batch left open, against the sandbox at a real network's latency (issue 19).

    .venv/bin/python bench/bench_resume.py [--marketplace tokopedia|tiktokshop] [--orders 1000] [--latency-ms 40]
                                           [--kind answers] [--serial] [--db postgresql://…/postgres]

What is left open, written in this process as the killed process left it (not timed):
- tokopedia: a batch accept of `--orders` new orders, every action claimed by the batch's process (`sent`), half of
  the requests out and applied by the shop, when the process was killed;
- tiktokshop: a batch ship of `--orders` packed orders, every order's ship action written (`pending`), the first half
  claimed and shipped on the shop through the batch call (50 a call), when the process was killed;
- `--kind answers` (Tokopedia & Shop): `--orders` buyer cancellation requests, the seller's approval of each claimed
  (`sent`) by a process killed when half of them had reached the shop;
- `--kind returns` (Tokopedia & Shop): `--orders` return requests of delivered orders, the seller's approval of each
  claimed by a process killed when half of them had reached the shop.

Measured: the seller runs the command again (`tokodesk orders ack|ship ID`, or `tokodesk orders cancel-request
approve ID`, or `tokodesk returns approve ID`; ID one of those orders or returns): the real CLI in its own process,
which first resumes every open action of the channel (reading the orders, then sending what is still needed), timed
from outside. `--serial` resumes as TokoDesk
did before: one action after another, each order (or request) read on its own (`Settles.resume`). The sandbox runs
in this process on loopback, its answers `--latency-ms` late.

Prints seconds, actions/s, the process's CPU seconds and the requests by endpoint, with the load average; then checks
that every order was acted on exactly once on the marketplace and every action is settled. Asserts no timing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHANNEL = "bench"
KEYS_ENV = "TOKODESK_BENCH_KEYRING"


def serial_resume(self, channel):  # noqa: ANN001, ANN201 - Fulfilment.resume_pending as it was before issue 19's
    from tokodesk.services import outbox
    from tokodesk.services.fulfilment import combine
    from tokodesk.services.fulfilment import execute as ex

    results = []
    actions = outbox.resumable(channel.id, ex.KINDS)
    if actions:
        executor = self.executor(channel)
        for action in actions:
            if self.cancel is not None and self.cancel():
                break
            results.append(executor.resume(action))
    if outbox.resumable(channel.id, combine.KINDS):
        results += combine.resume_pending(channel, self.adapter(channel), self.who)
    return results


def serial_answers(self, progress=None, cancel=None):  # noqa: ANN001, ANN201, ARG001 - as before the bulk resume
    from tokodesk.services import cancellations, outbox

    return [self.resume(a) for a in outbox.resumable(self.channel.id, cancellations.KINDS)]


def serial_returns(self, cancel=None):  # noqa: ANN001, ANN201, ARG001 - as before the bulk resume
    from tokodesk.services import outbox, return_desk

    return [self.resume(a) for a in outbox.resumable(self.channel.id, return_desk.KINDS)]


def child_main(argv: list[str]) -> int:
    """The `tokodesk` process: the real CLI, the sandbox's secrets in an in-memory keyring."""
    from tests.doubles import use_memory_keyring

    use_memory_keyring()
    from tokodesk import credentials

    for kind, value in json.loads(os.environ.pop(KEYS_ENV)).items():
        credentials.set_secret(CHANNEL, kind, value)
    if argv[:1] == ["--serial"]:
        argv = argv[1:]
        from tokodesk.services.cancellations import BuyerRequests
        from tokodesk.services.fulfilment.actions import Fulfilment
        from tokodesk.services.return_desk import ReturnDesk

        Fulfilment.resume_pending = serial_resume
        BuyerRequests.resume_pending = serial_answers
        ReturnDesk.resume_pending = serial_returns
    from tokodesk.cli import main

    if os.environ.get("BENCH_PROFILE"):  # where the process's CPU goes: cProfile's stats to that file
        import cProfile

        profile = cProfile.Profile()
        code = profile.runcall(main, argv)
        profile.dump_stats(os.environ["BENCH_PROFILE"])
    else:
        code = main(argv)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"BENCH_CPU_S={usage.ru_utime + usage.ru_stime:.3f}", file=sys.stderr)
    return code


def fresh_postgres(url: str, name: str = "tokodesk_bench_resume") -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    return f"{url.rsplit('/', 1)[0]}/{name}"


def _as_if_killed(action_ids: list[int]) -> None:
    """Their holder is a process that ended, as a SIGKILL leaves them."""
    from tokodesk.services import outbox
    from tokodesk.store import models as m

    proc = subprocess.Popen(["true"])
    proc.wait()
    for action in m.Action.select().where(m.Action.id.in_(action_ids)):
        payload = dict(action.payload)
        payload[outbox.CLAIM_KEY] = {**payload[outbox.CLAIM_KEY], "pid": proc.pid}
        m.Action.update(payload=payload).where(m.Action.id == action.id).execute()


def leave_tokopedia(sb, count: int) -> tuple[dict[str, str], list[str]]:  # noqa: ANN001
    from tokodesk.marketplace.tokopedia import TokopediaClient
    from tokodesk.services import outbox
    from tokodesk.services.fulfilment import find_orders
    from tokodesk.services.orders import pull_orders
    from tokodesk.store import models as m

    cr = sb.credentials
    channel = m.Channel.create(
        name=CHANNEL, marketplace="tokopedia", fs_id=str(cr["fs_id"]), client_id=str(cr["client_id"]),
        shop_id=str(cr["shop_id"]), api_base=sb.url, auth_url=sb.url, business_model="pickup", ready_to_ship_at="pack",
    )
    client = TokopediaClient.from_channel(channel, client_secret=cr["client_secret"], timeout=30)
    pull_orders(channel, client, now=datetime.fromtimestamp(sb.clock.now(), timezone.utc).replace(tzinfo=None))
    client.close()
    m.OrderLine.update(seller_sku=m.OrderLine.sku).where(m.OrderLine.sku != "").execute()
    m.OrderLine.update(seller_sku=m.OrderLine.product_id).where(m.OrderLine.sku == "").execute()
    ids = [str(o.order_id) for o in sb.orders_in_status(220) if not o.courier.own][:count]
    if len(ids) < count:
        raise SystemExit(f"only {len(ids)} new pick-up orders in the sandbox; raise --pool")
    orders = sorted(find_orders(ids), key=lambda o: ids.index(o.order_id))
    with m.db.atomic():
        m.Order.update(version=m.Order.version + 1).where(m.Order.order_id.in_(ids)).execute()
        actions = outbox.enqueue_claimed(orders, "ack", [{}] * len(orders), "bench@desk1")
    for oid in ids[: count // 2]:
        sb.shop.ack(int(oid))
    _as_if_killed([a.id for a in actions])
    return {"client_secret": cr["client_secret"]}, ids


def _tiktokshop_channel(sb):  # noqa: ANN001, ANN202
    """A Tokopedia & Shop channel on the sandbox, its products mapped and 3 days of orders pulled."""
    from bench.bench_tiktokshop_pull import add_channel
    from tokodesk.marketplace.tiktokshop import TikTokShopClient
    from tokodesk.services import catalog, mapping
    from tokodesk.services.orders import pull_orders
    from tokodesk.store import models as m
    from tokodesk.store.connection import open_database

    keys = add_channel(sb)
    open_database()
    channel = m.Channel.get(m.Channel.name == CHANNEL)
    now = datetime.fromtimestamp(sb.clock.now(), timezone.utc).replace(tzinfo=None)
    m.Channel.update(order_sync_from=now - timedelta(days=3)).where(m.Channel.id == channel.id).execute()
    channel = m.Channel.get_by_id(channel.id)
    client = TikTokShopClient.from_channel(channel, timeout=30)
    catalog.pull_skus(channel, client)
    for mp in m.SkuMapping.select().where(m.SkuMapping.seller_sku.is_null()):
        mapping.set_mapping(channel, mp.product_id, f"OWN-{mp.product_id[-4:]}", create_seller_sku=True)
    pull_orders(channel, client, now=now)
    return keys, channel, client


def leave_tiktokshop(sb, count: int) -> tuple[dict[str, str], list[str]]:  # noqa: ANN001
    from tests.integration.tiktokshop_setup import to_ship
    from tokodesk.marketplace import base
    from tokodesk.services import outbox
    from tokodesk.services.fulfilment import Fulfilment, find_orders
    from tokodesk.services.fulfilment.common import to_marketplace_order
    from tokodesk.store import models as m

    keys, channel, client = _tiktokshop_channel(sb)
    orders = to_ship(sb, count)
    service = Fulfilment(adapters=lambda c: client)
    if not all(r.ok for r in service.pack(orders)):
        raise SystemExit("packing the orders failed")
    ids = [o.order_id for o in orders]
    orders = sorted(find_orders(ids), key=lambda o: ids.index(o.order_id))
    with m.db.atomic():  # what the batch ship writes before its first batch call
        actions = [service._claim_intent(o, "ship", service._ship_check(o, channel, None, {}), action_failed=False,
                                         problem="") for o in orders]
    sent = actions[: count // 2]
    for action in sent:
        assert outbox.claim(action, "bench@desk1", from_statuses=(outbox.PENDING,))
    method = base.ShipMethod(sent[0].payload["method"])
    for start in range(0, len(sent), 50):
        client.ship_many([to_marketplace_order(o) for o in orders[start:start + 50]], method)
    client.close()
    _as_if_killed([a.id for a in sent])
    return keys, ids


def leave_answers(sb, count: int) -> tuple[dict[str, str], list[str]]:  # noqa: ANN001
    """`count` buyer cancellation requests, each one's approval claimed by a process killed when half had reached
    the shop (their answers never stored)."""
    from tests.integration.tiktokshop_setup import shop_order, to_ship
    from tokodesk.sandbox import tiktokshop_json as tj
    from tokodesk.services import cancellations, outbox
    from tokodesk.services.fulfilment import find_orders
    from tokodesk.store import models as m

    keys, channel, client = _tiktokshop_channel(sb)
    client.close()
    orders = to_ship(sb, count)
    with sb.shop.lock:
        for order in orders:
            shop_order(sb, order).cancel_request = {"reason": "Berubah pikiran", "time": sb.clock.now()}
    ids = [o.order_id for o in orders]
    orders = sorted(find_orders(ids), key=lambda o: ids.index(o.order_id))
    payloads = [{"cancel_id": tj.cancel_id(shop_order(sb, o)), "idempotency_key": f"bench-{o.order_id}"}
                for o in orders]
    with m.db.atomic():
        m.Order.update(version=m.Order.version + 1).where(m.Order.order_id.in_(ids)).execute()
        actions = outbox.enqueue_claimed(orders, cancellations.APPROVE, payloads, "bench@desk1")
    with sb.shop.lock:
        for order in orders[: count // 2]:
            sb.shop.nack(shop_order(sb, order).order_id, 8, "Berubah pikiran", buyer_request=True)
    _as_if_killed([a.id for a in actions])
    return keys, ids


def leave_returns(sb, count: int) -> tuple[dict[str, str], list[str]]:  # noqa: ANN001
    """`count` return requests of delivered orders, each one's approval claimed by a process killed when half had
    reached the shop (their answers never stored). The ids are the returns'."""
    from tokodesk.sandbox import Status
    from tokodesk.sandbox import tiktokshop_returns as sr
    from tokodesk.services import outbox
    from tokodesk.services import returns as rs
    from tokodesk.store import models as m

    keys, channel, client = _tiktokshop_channel(sb)
    book = sb.dialect.returns_book
    book.rate = 0.0  # only the returns asked for here
    with sb.shop.lock:
        orders = [o for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED)
                  if not o.courier.own and o.cancel_request is None and o.order_id not in book.by_order][:count]
    if len(orders) < count:
        raise SystemExit(f"only {len(orders)} orders to return in the sandbox; raise --pool")
    for o in orders:
        sb.force_status(o.order_id, Status.DELIVERED)
    with sb.shop.lock:
        for o in orders:
            o.delivered_time = sb.clock.now()
        asked = [book.request(o, sr.RETURN_AND_REFUND) for o in orders]
    rs.sync_returns(channel, client)
    client.close()
    rows = {r.return_id: r for r in m.Return.select().where(m.Return.return_id.in_([a.return_id for a in asked]))}
    actions = []
    with m.db.atomic():
        for a in asked:
            ret = rows[a.return_id]
            actions.append(m.Action.create(channel=channel.id, kind="return_approve", status=outbox.PENDING,
                                           station="bench@desk1",
                                           payload={"return_id": ret.return_id, "ret": ret.id,
                                                    "from_status": ret.status, "decision": "APPROVE_RETURN",
                                                    "idempotency_key": f"bench-{ret.return_id}"}))
        for action in actions:
            assert outbox.claim(action, "bench@desk1", from_statuses=(outbox.PENDING,))
    with sb.shop.lock:
        for a in asked[: count // 2]:
            book.approve(a.return_id, "APPROVE_RETURN")
    _as_if_killed([a.id for a in actions])
    return keys, [a.return_id for a in asked]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--marketplace", choices=("tokopedia", "tiktokshop"), default="tokopedia")
    parser.add_argument("--kind", choices=("orders", "answers", "returns"), default="orders",
                        help="answers: buyer-request approvals, returns: return approvals (both Tokopedia & Shop) "
                             "instead of accepts or ships")
    parser.add_argument("--orders", type=int, default=1000, help="actions left open")
    parser.add_argument("--pool", type=int, default=0, help="orders the sandbox generates (default: enough)")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--latency-ms", type=float, default=40.0, help="the sandbox answers this late")
    parser.add_argument("--serial", action="store_true", help="resume as before issue 19: one action, one read")
    parser.add_argument("--db", metavar="URL", help="measure on PostgreSQL: a server URL (a fresh database is made)")
    args = parser.parse_args(argv)

    from tests.doubles import use_memory_keyring
    from tokodesk.sandbox import Sandbox
    from tokodesk.store import models as m
    from tokodesk.store.connection import close_database, open_database

    use_memory_keyring()  # the setup's tokens: never in the desktop's keyring
    home = Path(tempfile.mkdtemp(prefix="tokodesk-bench-resume-"))
    db_url = fresh_postgres(args.db) if args.db else f"sqlite:///{home / 'tokodesk.db'}"
    os.environ["TOKODESK_HOME"], os.environ["TOKODESK_DB"] = str(home), db_url
    answers, returns = args.kind == "answers", args.kind == "returns"
    if answers or returns:
        args.marketplace = "tiktokshop"
    tts = args.marketplace == "tiktokshop"
    pool = args.pool or (int(args.orders * 3.6) if tts else int(args.orders * 2.6))
    shape = dict(dialect="tiktokshop", days=2.5, rate_limit=50) if tts else dict(days=1.0, freeze_clock=True)
    with Sandbox(seed=args.seed, orders=pool, products=60, **shape) as sb:
        t0 = time.perf_counter()
        open_database(db_url)
        try:
            leave = leave_answers if answers else leave_returns if returns else leave_tiktokshop if tts else \
                leave_tokopedia
            keys, ids = leave(sb, args.orders)
            left = Counter(a.status for a in m.Action.select())
        finally:
            close_database()
        print(f"setup: {pool} sandbox orders, {len(ids)} actions left open ({dict(left)}) in "
              f"{time.perf_counter() - t0:.1f} s (not timed below)")
        sb.set_latency(args.latency_ms)
        load_before = os.getloadavg()[0]
        before = Counter(sb.calls)
        env = dict(os.environ, TOKODESK_STATION="bench@desk1", **{KEYS_ENV: json.dumps(keys)})
        verb = "cancel-request approve" if answers else "approve" if returns else "ship" if tts else "ack"
        command = [sys.executable, __file__, "--child", *(["--serial"] if args.serial else []),
                   "returns" if returns else "orders", *verb.split(), ids[-1], "--json"]
        started = time.perf_counter()
        proc = subprocess.run(command, env=env, capture_output=True, text=True, cwd=str(ROOT), check=False)
        elapsed = time.perf_counter() - started
        calls = Counter(sb.calls) - before
        refused = sum(1 for r in sb.request_log if r.status == 429)
        if returns:
            book = sb.dialect.returns_book
            once = all(book.decisions[i] == 1 and book.decision_requests[i] == 1 for i in ids)
        elif tts:
            from tests.integration.tiktokshop_setup import shop_order

            open_database(db_url)
            try:
                done = m.Order.select().where(m.Order.order_id.in_(ids))
                once = all(shop_order(sb, o).nacks == 1 if answers else shop_order(sb, o).pickups == 1 for o in done)
            finally:
                close_database()
        else:
            once = all(sb.order(int(i)).acks == 1 and sb.order(int(i)).status == 400 for i in ids)
    if proc.returncode not in (0, 1, 2) or not proc.stdout.strip():
        print(proc.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"tokodesk {verb} exited with {proc.returncode}")
    cpu = next((float(x.split("=")[1]) for x in proc.stderr.splitlines() if x.startswith("BENCH_CPU_S=")), 0.0)
    open_database(db_url)
    try:
        settled = Counter(a.status for a in m.Action.select())
    finally:
        close_database()
    how = "serial (before: one action after another, each order or return read alone)" if args.serial else \
        "in bulk (orders, requests or returns read in as few requests as the API allows, the rest sent side by side)"
    noun = "returns" if returns else "orders"
    print(f"measured: `tokodesk {noun} {verb} ID` resuming {len(ids)} open actions of a {args.marketplace} channel on "
          f"{'PostgreSQL' if args.db else 'SQLite'}, {how}; sandbox latency {args.latency_ms:g} ms; load average "
          f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores")
    print(f"  {elapsed:.2f} s = {len(ids) / elapsed:,.0f} actions/s (whole process); CPU of the process {cpu:.2f} s")
    print(f"  requests: {', '.join(f'{k} {v}' for k, v in sorted(calls.items()))}; refused for the rate limit: "
          f"{refused}")
    print(f"  actions after: {dict(settled)}")
    if not once or set(settled) != {"done"}:
        print("NOT every order was acted on exactly once, or an action is still open", file=sys.stderr)
        return 1
    print("every order acted on exactly once on the marketplace; every action settled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
