"""A marketplace answer that is huge or absurdly nested fails that one call with words (issue 15 §1).

json.loads of a 100,000-level answer raised RecursionError out of the pull; a runaway answer was read whole into
memory. Answers are read as a stream up to a cap, and JSON nested deeper than a real answer ever is is refused.
"""

from __future__ import annotations

import io
import json
import re
from datetime import datetime, timedelta

import pytest
import requests
import responses
from hypothesis import given
from hypothesis import strategies as st

from tests.unit import test_tiktokshop_support as tts
from tests.unit import test_tokopedia_support as tkp
from tests.unit.test_tokopedia_support import fixture_clock, fixture_rsps  # noqa: F401 - fixtures
from tokodesk.marketplace import answers
from tokodesk.marketplace.base import MarketplaceError, OutcomeUnknown
from tokodesk.services import orders as order_service
from tokodesk.store import models as m

DEEP = "[" * 100_000 + "]" * 100_000


def nested(levels: int) -> str:
    return '{"a":' * levels + "1" + "}" * levels


@pytest.fixture
def channel(database):
    return m.Channel.create(name="toko", marketplace="tokopedia", order_sync_from=datetime(2024, 5, 1))


@pytest.mark.parametrize("data", [DEEP, nested(300)])
def test_a_deeply_nested_tokopedia_answer_fails_the_pull_with_words(channel, clock, rsps, data):
    tkp.add_token(rsps)
    rsps.add(responses.GET, f"{tkp.API}/v2/order/list", body='{"header": {}, "data": ' + data + "}",
             content_type="application/json")
    summary = order_service.pull_orders(channel, tkp.make_client(clock), now=datetime(2024, 5, 1, 12))
    assert summary.status == "failed"
    assert any("nested more than 64 levels" in e and "read orders" in e for e in summary.errors), summary.errors


def test_a_deeply_nested_tiktokshop_answer_fails_the_pull_with_words(channel):
    now = tts.utc(tts.NOW).replace(tzinfo=None)
    m.Channel.update(marketplace="tiktokshop", order_sync_from=now - timedelta(hours=1)).execute()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        rsps.add(responses.POST, f"{tts.API}/order/202309/orders/search",
                 body='{"code": 0, "message": "ok", "data": {"orders": ' + DEEP + "}}",
                 content_type="application/json")
        client, _ = tts.make_client()
        summary = order_service.pull_orders(m.Channel.get_by_id(channel.id), client, now=now)
    assert summary.status == "failed"
    assert any("nested more than 64 levels" in e for e in summary.errors), summary.errors


def test_an_answer_past_the_size_cap_is_not_read(channel, clock, rsps, monkeypatch):
    monkeypatch.setattr(answers, "MAX_ANSWER_BYTES", 50_000)
    tkp.add_token(rsps)
    page = json.dumps(tkp.envelope([tkp.list_order(i) for i in range(100)]))
    assert len(page) > 50_000
    rsps.add(responses.GET, f"{tkp.API}/v2/order/list", body=page, content_type="application/json")
    client = tkp.make_client(clock)
    with pytest.raises(MarketplaceError, match="larger than 49 KB; TokoDesk did not read it"):
        list(client.list_orders(datetime(2024, 5, 1), datetime(2024, 5, 1, 12)))


def test_a_chunked_answer_without_a_length_is_cut_off_too(monkeypatch):
    monkeypatch.setattr(answers, "MAX_ANSWER_BYTES", 50_000)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        body = json.dumps(tts.ok({"orders": [tts.raw_order(order_id=str(i)) for i in range(60)]}))
        rsps.add(responses.POST, f"{tts.API}/order/202309/orders/search",
                 body=io.BufferedReader(io.BytesIO(body.encode())), content_type="application/json")
        client, _ = tts.make_client()
        with pytest.raises(MarketplaceError, match="larger than 49 KB"):
            list(client.list_orders(tts.utc(tts.NOW - 3600), tts.utc(tts.NOW)))


def test_a_mutation_whose_answer_cannot_be_read_is_an_unknown_outcome(clock, rsps):
    tkp.add_token(rsps)
    rsps.add(responses.POST, f"{tkp.API}/v1/order/123/fs/{tkp.FS_ID}/ack", body='{"data": ' + DEEP + "}",
             content_type="application/json")
    with pytest.raises(OutcomeUnknown, match="nested more than 64 levels"):
        tkp.make_client(clock).acknowledge("123")


def test_depth_check_is_exact():
    assert answers.depth_within(json.loads(nested(64)), 64)
    assert not answers.depth_within(json.loads(nested(65)), 64)


@pytest.mark.parametrize(("text", "limit", "within"), [
    (b"[" * 64 + b"]" * 64, 64, True), (b"[" * 65 + b"]" * 65, 64, False),
    (b'{"a":' * 64 + b"1" + b"}" * 64, 64, True), (b'{"a":' * 65 + b"1" + b"}" * 65, 64, False),
    (b'{"note": "[[[[[[[[[[ {{{{{{{{{{ \\" [[[[[["}', 1, True),  # brackets inside a string are text
    (b"[" * 100_000, 64, False),  # unbalanced: a parser would still go 100,000 deep before it found out
    (b"[[", 64, True), (b"", 0, True), (b"[[]]", 1, False),
    (b"{[" * 40 + b"]}" * 40, 64, False), (b'[{"a":' * 32 + b"1" + b"}]" * 32, 64, True),  # kinds alternating
])
def test_nesting_is_judged_on_the_bytes(text, limit, within):
    assert answers.nesting_within(text, limit) is within


def test_a_deep_answer_never_reaches_the_json_parser(monkeypatch):
    """The parser going thousands of frames down let a garbage collection run finalizers at the recursion limit."""
    parsed: list[int] = []
    real = json.loads
    monkeypatch.setattr(answers.json, "loads", lambda raw: parsed.append(len(raw)) or real(raw))
    resp = requests.Response()
    resp._content = DEEP.encode()
    with pytest.raises(answers.BadAnswer, match="nested more than 64 levels"):
        answers.json_of(resp, "read orders")
    assert parsed == []
    resp._content = nested(3).encode()
    assert answers.json_of(resp, "read orders") == {"a": {"a": {"a": 1}}}
    assert parsed == [len(nested(3))]


_TRICKY = st.text(alphabet=st.sampled_from(list('"\\[]{}a \n/') + ["\u00e9", "\U0001f600"]), max_size=12)
_JSON = st.recursive(st.none() | st.integers() | _TRICKY,
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TRICKY, inner, max_size=4),
                     max_leaves=30)


@given(value=_JSON, ascii_only=st.booleans())
def test_the_brackets_outside_strings_are_the_ones_a_parser_reads(value, ascii_only):
    """Strings holding quotes, backslashes and brackets (escaped every way JSON escapes them) are cut out whole."""
    raw = json.dumps(value, ensure_ascii=ascii_only).encode()
    outside = re.sub(rb'"[^"\\]*(?:\\.[^"\\]*)*"', b"", raw)  # every string, escapes included, by the grammar
    assert answers._brackets(raw) == bytes(c for c in outside if c in b"[]{}")
    assert answers.nesting_within(raw, _depth(value))
    if _depth(value):
        assert not answers.nesting_within(raw, _depth(value) - 1)


def _depth(value) -> int:  # noqa: ANN001
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0
