"""The payouts sync (`tokodesk sync payouts`, `tokodesk payouts sync`, on the scheduler every 6 hours).

What it reads, each into its own table (store/models.py), all of it idempotent (a second run changes nothing):
- statements generated since the last good run's end less an overlap (a statement can be listed late), from
  `FIRST_SYNC_BACK` before now on the first run; keyed by (channel, statement id);
- the transactions of every statement not read completely yet (a run stopped half-way reads the rest next time),
  or whose amounts changed since they were read; keyed by (channel, transaction id). An order settled across two
  statements, or adjusted after it was settled, simply has several rows;
- the unsettled estimates of orders created in the last `UNSETTLED_BACK`: the set is replaced by each complete read
  (an order that got settled leaves it);
- withdrawals in the same window as the statements.

A record the marketplace sent that cannot be read (an amount with a fraction of a rupiah, a currency that is not
IDR) is reported in words in the run's errors and not stored; the rest goes on.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import peewee as pw

from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace import base
from tokodesk.marketplace import finance as fin
from tokodesk.services.runs import RunHandle, RunSummary, last_run, sync_run
from tokodesk.store import models as m

log = logging.getLogger(__name__)

KIND = "payouts"
OVERLAP = timedelta(days=2)
FIRST_SYNC_BACK = timedelta(days=60)
UNSETTLED_BACK = timedelta(days=90)
EVERY = timedelta(hours=6)


def capabilities_of(channel: m.Channel) -> base.Capabilities | None:
    from tokodesk.services.returns import capabilities_of as caps

    return caps(channel)


def not_supported(channel: m.Channel, caps: base.Capabilities) -> UserError:
    return UserError(QT_TRANSLATE_NOOP("Refusals", "Channel {name} uses {display_name} ({marketplace}), whose API "
                                                   "has no finance reads (statements, settlements, withdrawals): "
                                                   "payouts are not available for it. Check payouts in Seller "
                                                   "Center."),
                     name=channel.name, display_name=caps.display_name, marketplace=channel.marketplace)


def supported(channel: m.Channel) -> bool:
    caps = capabilities_of(channel)
    return bool(caps and caps.finance_read)


def next_due(channel: m.Channel, now: datetime) -> tuple[datetime | None, str]:
    """Statements are made once a day (00:00 UTC); every 6 hours picks each one up within a working day."""
    if not supported(channel):
        return None, "the marketplace has no finance reads"
    last = last_run(channel, KIND)
    if last is None:
        return now, QT_TRANSLATE_NOOP("ChannelTab", "never run")
    return last.started_at + EVERY, QT_TRANSLATE_NOOP("ChannelTab", "every 6 hours")


def sync_start(channel: m.Channel, now: datetime, overlap: timedelta = OVERLAP) -> datetime:
    """The end of the last good run less the overlap, however long ago (a PC off for a season still gets every
    statement since); `FIRST_SYNC_BACK` before now on the first run."""
    last = last_run(channel, KIND, statuses=("ok",))
    if last is None or last.window_to is None:
        return now - FIRST_SYNC_BACK
    return min(last.window_to - overlap, now - overlap)


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc)


def _naive(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.astimezone(timezone.utc).replace(tzinfo=None)


def amounts_json(amounts: list[fin.Amount]) -> list[list]:
    return [[a.group, a.name, a.amount] for a in amounts]


def store_statement(channel: m.Channel, info: fin.StatementInfo) -> tuple[m.Statement, bool, bool]:
    """Insert or update one statement; returns (row, created, its transactions must be (re)read)."""
    values = dict(
        statement_time=_naive(info.statement_time), currency=info.currency,
        settlement_amount=info.settlement_amount, revenue_amount=info.revenue_amount, fee_amount=info.fee_amount,
        adjustment_amount=info.adjustment_amount, shipping_cost_amount=info.shipping_cost_amount,
        payment_status=info.payment_status, payment_id=info.payment_id, payment_time=_naive(info.payment_time),
        updated_at=m.utcnow(),
    )
    row = m.Statement.get_or_none((m.Statement.channel == channel.id) & (m.Statement.statement_id == info.statement_id))
    if row is None:
        row = m.Statement.create(channel=channel.id, statement_id=info.statement_id, **values)
        return row, True, True
    money_changed = (row.settlement_amount, row.revenue_amount, row.fee_amount, row.adjustment_amount) != (
        info.settlement_amount, info.revenue_amount, info.fee_amount, info.adjustment_amount)
    if money_changed:
        values["transactions_read_at"] = None
    m.Statement.update(**values).where(m.Statement.id == row.id).execute()
    return m.Statement.get_by_id(row.id), False, money_changed or row.transactions_read_at is None


def store_line(channel: m.Channel, statement: m.Statement, info: fin.SettlementInfo) -> bool:
    """Insert or update one transaction (keyed by its id); True when it was new."""
    key = info.transaction_id or f"{statement.statement_id}:{info.kind}:{info.order_id or info.adjustment_id}"
    values = dict(
        statement=statement.id, kind=info.kind, order_id=info.order_id, adjustment_id=info.adjustment_id,
        order_created_at=_naive(info.order_created_at),
        statement_time=_naive(info.statement_time) or statement.statement_time,
        settlement_amount=info.settlement_amount, revenue_amount=info.revenue_amount,
        shipping_cost_amount=info.shipping_cost_amount, fee_tax_amount=info.fee_tax_amount,
        adjustment_amount=info.adjustment_amount, reserve_amount=info.reserve_amount,
        amounts=amounts_json(info.amounts), updated_at=m.utcnow(),
    )
    query = (m.SettlementLine.channel == channel.id) & (m.SettlementLine.transaction_id == key)
    if m.SettlementLine.select().where(query).exists():
        m.SettlementLine.update(**values).where(query).execute()
        return False
    m.SettlementLine.create(channel=channel.id, transaction_id=key, **values)
    return True


def store_unsettled(channel: m.Channel, info: fin.UnsettledInfo, seen_at: datetime) -> bool:
    key = info.transaction_id or f"unsettled:{info.kind}:{info.order_id or info.adjustment_id}"
    values = dict(
        kind=info.kind, order_id=info.order_id, adjustment_id=info.adjustment_id,
        order_created_at=_naive(info.order_created_at), delivered_at=_naive(info.delivered_at),
        est_settlement_amount=info.est_settlement_amount, est_revenue_amount=info.est_revenue_amount,
        est_shipping_cost_amount=info.est_shipping_cost_amount, est_fee_tax_amount=info.est_fee_tax_amount,
        est_adjustment_amount=info.est_adjustment_amount, estimated_settlement=info.estimated_settlement[:255],
        estimated_at=_naive(info.estimated_at), unsettled_reason=info.unsettled_reason,
        amounts=amounts_json(info.amounts), seen_at=seen_at,
    )
    query = (m.UnsettledEstimate.channel == channel.id) & (m.UnsettledEstimate.transaction_id == key)
    if m.UnsettledEstimate.select().where(query).exists():
        m.UnsettledEstimate.update(**values).where(query).execute()
        return False
    m.UnsettledEstimate.create(channel=channel.id, transaction_id=key, **values)
    return True


def store_withdrawal(channel: m.Channel, info: fin.WithdrawalInfo) -> bool:
    values = dict(kind=info.kind, amount=info.amount, status=info.status, currency=info.currency,
                  created_at=_naive(info.created_at), updated_at=m.utcnow())
    query = (m.Withdrawal.channel == channel.id) & (m.Withdrawal.withdrawal_id == info.withdrawal_id)
    if m.Withdrawal.select().where(query).exists():
        m.Withdrawal.update(**values).where(query).execute()
        return False
    m.Withdrawal.create(channel=channel.id, withdrawal_id=info.withdrawal_id, **values)
    return True


class _Stopped(Exception):
    """The user cancelled between two pages."""


def sync_payouts(
    channel: m.Channel,
    adapter: base.Marketplace | None = None,
    progress: base.Progress | None = None,
    cancel: base.CancelCheck | None = None,
    *,
    now: datetime | None = None,
) -> RunSummary:
    """`tokodesk sync payouts`: statements, their transactions, unsettled estimates and withdrawals (module doc)."""
    from tokodesk.services.channels import channel_adapter

    caps = capabilities_of(channel) if adapter is None else adapter.capabilities
    if caps is None or not caps.finance_read:
        words = str(not_supported(channel, caps)) if caps else \
            said(QT_TRANSLATE_NOOP("Refusals", "Channel {name}: no finance reads."), name=channel.name)
        return RunSummary(kind=KIND, channel=channel.name, status="skipped", errors=[words])
    now = now or m.utcnow()
    start = sync_start(channel, now)
    with channel_adapter(channel, adapter) as live, sync_run(channel, KIND, window_from=start, window_to=now) as run:
        counts = {"statements": 0, "transactions": 0, "unsettled": 0, "withdrawals": 0, "not_stored": 0}
        run.summary.details["read"] = counts
        try:
            _statements(channel, live, run, start, counts, progress, cancel)
            _transactions(channel, live, run, counts, progress, cancel)
            _unsettled(channel, live, run, now, counts, progress, cancel)
            _withdrawals(channel, live, run, start, counts, progress, cancel)
        except _Stopped:
            run.summary.status = "cancelled"
        except base.MarketplaceError as exc:
            run.summary.status = "failed"
            run.summary.errors.append(said(QT_TRANSLATE_NOOP(
                    "Refusals", "the payouts sync stopped: {error}"), error=str(exc)))
    return run.summary


def _step(run: RunHandle, counts: dict, progress: base.Progress | None, cancel: base.CancelCheck | None,
          what: str) -> None:
    run.heartbeat()
    if progress:
        progress(run.summary.fetched, None, said(QT_TRANSLATE_NOOP("Progress", "{what}: {statements} statements, "
                                                                   "{transactions} settlement lines read"),
                                                 what=what, statements=counts["statements"],
                                                 transactions=counts["transactions"]))
    if cancel and cancel():
        raise _Stopped


def _refused(run: RunHandle, counts: dict, record: fin.InvalidRecord) -> None:
    counts["not_stored"] += 1
    # The adapter's reason usually names the record already ("transaction 1 of order 2: fee is '1.5': …").
    named = record.reason.startswith(record.key.split(" of ")[0])
    run.summary.add_error(record.reason if named else said(QT_TRANSLATE_NOOP(
            "Refusals", "{record}: {reason}"), record=record.key,
                                                           reason=record.reason))


def _statements(channel: m.Channel, live: base.Marketplace, run: RunHandle, start: datetime, counts: dict,
                progress: base.Progress | None, cancel: base.CancelCheck | None) -> None:
    # No upper bound: a statement made while the run reads is read now and again next time (overlap).
    for page in live.statements(_aware(start)):  # type: ignore[attr-defined]
        for info in page:
            if isinstance(info, fin.InvalidRecord):
                _refused(run, counts, info)
                continue
            with m.db.atomic():
                _row, created, _again = store_statement(channel, info)
            counts["statements"] += 1
            run.summary.fetched += 1
            run.summary.created += created
            run.summary.updated += not created
        _step(run, counts, progress, cancel, QT_TRANSLATE_NOOP("Progress", "statements"))


def _transactions(channel: m.Channel, live: base.Marketplace, run: RunHandle, counts: dict,
                  progress: base.Progress | None, cancel: base.CancelCheck | None) -> None:
    waiting = list(m.Statement.select().where((m.Statement.channel == channel.id)
                                              & m.Statement.transactions_read_at.is_null(True))
                   .order_by(m.Statement.statement_time, m.Statement.id))
    for statement in waiting:
        complete = True
        for page in live.statement_transactions(statement.statement_id):  # type: ignore[attr-defined]
            with m.db.atomic():
                for info in page:
                    if isinstance(info, fin.InvalidRecord):
                        _refused(run, counts, info)
                        complete = False  # read again next time: it may be corrected
                        continue
                    try:
                        created = store_line(channel, statement, info)
                    except (ValueError, pw.IntegrityError) as exc:
                        run.summary.add_error(said(QT_TRANSLATE_NOOP(
                                "Refusals", "transaction {transaction_id}: {error}"),
                                                   transaction_id=info.transaction_id, error=str(exc)))
                        complete = False
                        continue
                    counts["transactions"] += 1
                    run.summary.fetched += 1
                    run.summary.created += created
                    run.summary.updated += not created
            _step(run, counts, progress, cancel,
              said(QT_TRANSLATE_NOOP("Progress", "statement {statement}"), statement=statement.statement_id))
        if complete:
            m.Statement.update(transactions_read_at=m.utcnow()).where(m.Statement.id == statement.id).execute()


def _unsettled(channel: m.Channel, live: base.Marketplace, run: RunHandle, now: datetime, counts: dict,
               progress: base.Progress | None, cancel: base.CancelCheck | None) -> None:
    seen_at = m.utcnow()
    complete = True
    for page in live.unsettled(_aware(now - UNSETTLED_BACK)):  # type: ignore[attr-defined]
        with m.db.atomic():
            for info in page:
                if isinstance(info, fin.InvalidRecord):
                    _refused(run, counts, info)
                    complete = False
                    continue
                created = store_unsettled(channel, info, seen_at)
                counts["unsettled"] += 1
                run.summary.fetched += 1
                run.summary.created += created
                run.summary.updated += not created
        _step(run, counts, progress, cancel, QT_TRANSLATE_NOOP("Progress", "unsettled orders"))
    if complete:
        # Only a complete read may say what is no longer unsettled (settled since, or dropped by the platform).
        gone = m.UnsettledEstimate.delete().where((m.UnsettledEstimate.channel == channel.id)
                                                  & (m.UnsettledEstimate.seen_at < seen_at))
        gone.execute()


def _withdrawals(channel: m.Channel, live: base.Marketplace, run: RunHandle, start: datetime, counts: dict,
                 progress: base.Progress | None, cancel: base.CancelCheck | None) -> None:
    for page in live.withdrawals(_aware(start)):  # type: ignore[attr-defined]
        with m.db.atomic():
            for info in page:
                if isinstance(info, fin.InvalidRecord):
                    _refused(run, counts, info)
                    continue
                created = store_withdrawal(channel, info)
                counts["withdrawals"] += 1
                run.summary.fetched += 1
                run.summary.created += created
                run.summary.updated += not created
        _step(run, counts, progress, cancel, QT_TRANSLATE_NOOP("Progress", "withdrawals"))
