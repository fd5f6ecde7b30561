"""Stock push: ≤100 rows a request, per-row failures, throttled rows sent again after the reset (research §2, §7)."""

from __future__ import annotations

import pytest
import responses

from tokodesk.marketplace.base import AuthError, StockRow
from tokodesk.marketplace.tokopedia import stock

from .test_tokopedia_support import (  # noqa: F401 - fixtures
    API,
    FS_ID,
    SHOP_ID,
    api_calls,
    body_of,
    envelope,
    error_envelope,
    fixture_client,
    fixture_clock,
    fixture_rsps,
)

STOCK_URL = f"{API}/inventory/v1/fs/{FS_ID}/stock/update"


def _result(failed: list, total: int) -> dict:
    return envelope({"failed_rows": len(failed), "failed_rows_data": failed or None,
                     "succeed_rows": total - len(failed)})


def _rows(n: int, start: int = 1) -> list[StockRow]:
    return [StockRow(product_id=str(i), sku=f"SKU-{i}", quantity=i % 7) for i in range(start, start + n)]


def test_rows_are_sent_in_batches_of_100(client, rsps):
    rsps.add(responses.POST, STOCK_URL, json=_result([], 100))
    result = client.update_stock(_rows(250))
    calls = api_calls(rsps)
    assert [len(body_of(c)) for c in calls] == [100, 100, 50]
    assert result.requests == 3 and len(result.rows) == 250 and all(r.ok for r in result.rows)
    first = body_of(calls[0])[0]
    assert first == {"product_id": 1, "new_stock": 1}
    assert calls[0].request.url == f"{STOCK_URL}?shop_id={SHOP_ID}"


def test_failed_rows_are_reported_per_sku_with_the_message(client, rsps):
    failed = [{"product_id": 2, "sku": "", "product_url": "", "new_stock": 2, "message": "Invalid Product ID."},
              {"sku": "SKU-X", "new_stock": 5, "message": "Invalid SKU."}]
    rsps.add(responses.POST, STOCK_URL, json=_result(failed, 3))
    rows = [StockRow("1", "SKU-1", 1), StockRow("2", "SKU-2", 2), StockRow("", "SKU-X", 5)]
    result = client.update_stock(rows)
    # Tokopedia's bare row messages become what happened and what to do (issue 20: never raw to the window).
    unknown_product = ("Tokopedia does not know this product (deleted, or the parent of variants). Pull the products "
                       "(Channel tab → Products → Sync now) and check the SKU mapping.")
    unknown_sku = ("Tokopedia does not know this SKU (changed or deleted in Seller Center?). Pull the products "
                   "(Channel tab → Products → Sync now) and check the SKU mapping.")
    assert [(r.sku, r.ok, r.message) for r in result.rows] == [
        ("SKU-1", True, ""), ("SKU-2", False, unknown_product), ("SKU-X", False, unknown_sku)]
    assert body_of(api_calls(rsps)[0])[2] == {"sku": "SKU-X", "new_stock": 5}
    assert not any(r.retryable for r in result.failed)


def test_throttled_rows_are_sent_again_after_the_full_reset(client, rsps, clock):
    headers = {"X-Ratelimit-Limit": "5 req/s (burst 5)", "X-Ratelimit-Remaining": "0",
               "X-Ratelimit-Reset-After": "0.2", "X-Ratelimit-Full-Reset-After": "1.0"}
    throttled = [{"product_id": i, "sku": f"SKU-{i}", "new_stock": 0, "message": "ERR_TOO_MANY_REQUEST"}
                 for i in range(6, 13)]
    rsps.add(responses.POST, STOCK_URL, json=_result(throttled, 12), headers=headers)
    rsps.add(responses.POST, STOCK_URL, json=_result([], 5), headers=headers)
    rsps.add(responses.POST, STOCK_URL, json=_result([], 2), headers=headers)
    result = client.update_stock(_rows(12))
    assert all(r.ok for r in result.rows) and len(result.rows) == 12
    sent = [[item["product_id"] for item in body_of(c)] for c in api_calls(rsps)]
    assert sent == [list(range(1, 13)), [6, 7, 8, 9, 10], [11, 12]]  # the next batch is sized to what got through
    # the full reset before resending; then, with the quota empty at 5 req/s, 0.4 s until it covers both last rows
    assert clock.waits == [pytest.approx(1.0), pytest.approx(0.4)]
    assert result.requests == 3


def test_rows_still_throttled_after_bounded_rounds_come_back_retryable(client, rsps, clock):
    throttled = [{"product_id": 1, "sku": "SKU-1", "message": "ERR_TOO_MANY_REQUEST"}]
    rsps.add(responses.POST, STOCK_URL, json=_result(throttled, 1))
    (row,) = client.update_stock(_rows(1)).rows
    assert not row.ok and row.retryable and "rate limit" in row.message
    assert len(api_calls(rsps)) == stock.STALL_ROUNDS
    assert len(clock.waits) == stock.STALL_ROUNDS - 1


def test_rows_that_cannot_be_sent_are_refused_locally(client, rsps):
    rsps.add(responses.POST, STOCK_URL, json=_result([], 2))
    rows = [StockRow("", "", 3), StockRow("", "S" * 51, 3), StockRow("7", "OK", -4)]
    result = client.update_stock(rows)
    assert [r.ok for r in result.rows] == [False, False, True]
    assert "no Tokopedia product ID or SKU" in result.rows[0].message
    assert "at most 50" in result.rows[1].message
    assert body_of(api_calls(rsps)[0]) == [{"product_id": 7, "new_stock": 0}]  # below zero is pushed as 0


def test_same_product_twice_goes_in_separate_requests(client, rsps):
    rsps.add(responses.POST, STOCK_URL, json=_result([], 1))
    result = client.update_stock([StockRow("5", "A", 1), StockRow("5", "A", 2)])
    assert [body_of(c) for c in api_calls(rsps)] == [[{"product_id": 5, "new_stock": 1}],
                                                     [{"product_id": 5, "new_stock": 2}]]
    assert all(r.ok for r in result.rows)


def test_unnamed_failures_mark_rows_uncertain(client, rsps):
    rsps.add(responses.POST, STOCK_URL, json=_result([{"message": "Failed To Scan DB Data"}], 2))
    result = client.update_stock(_rows(2))
    assert not any(r.ok for r in result.rows) and all(r.retryable for r in result.rows)
    assert "read the stock back" in result.rows[0].message


def test_whole_request_error_fails_that_batch_only(client, rsps):
    rsps.add(responses.POST, STOCK_URL, status=400,
             json=error_envelope("Max allowed products per-update are 100 products", "PRD_DLV_018"))
    rsps.add(responses.POST, STOCK_URL, json=_result([], 50))
    result = client.update_stock(_rows(150))
    assert [r.ok for r in result.rows].count(False) == 100
    assert "Too many products in one stock update" in result.rows[0].message and result.rows[149].ok


def test_auth_error_is_raised(client, rsps):
    rsps.add(responses.POST, STOCK_URL, status=403, json=error_envelope("forbidden", "RBAC_MDLW_001"))
    with pytest.raises(AuthError):
        client.update_stock(_rows(3))


def test_cancel_between_requests(client, rsps):
    rsps.add(responses.POST, STOCK_URL, json=_result([], 100))
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 1

    result = client.update_stock(_rows(250), cancel=cancel)
    assert len(api_calls(rsps)) == 1
    assert sum(r.ok for r in result.rows) == 100
    assert all(r.retryable and "cancelled" in r.message for r in result.rows[100:])


def test_stock_update_is_retried_on_5xx_since_it_overwrites(client, rsps):
    rsps.add(responses.POST, STOCK_URL, status=503, body="")
    rsps.add(responses.POST, STOCK_URL, json=_result([], 3))
    result = client.update_stock(_rows(3))
    assert all(r.ok for r in result.rows) and result.requests == 2


def test_a_batch_waits_until_the_quota_covers_all_its_rows(client, rsps, clock):
    """200 rows at 100 rows/s: the second batch waits for room instead of being half refused."""
    headers = {"X-Ratelimit-Limit": "100 req/s (burst 100)", "X-Ratelimit-Remaining": "0",
               "X-Ratelimit-Reset-After": "0.01", "X-Ratelimit-Full-Reset-After": "1.0"}
    rsps.add(responses.POST, STOCK_URL, json=_result([], 100), headers=headers)
    rsps.add(responses.POST, STOCK_URL, json=_result([], 100), headers=headers)
    result = client.update_stock(_rows(200))
    assert all(r.ok for r in result.rows) and result.requests == 2
    assert clock.waits == [pytest.approx(1.0)]
