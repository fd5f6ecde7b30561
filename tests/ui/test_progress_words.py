"""A pull's progress in the status bar in the window's language.

Seen in the Indonesian window during every order pull (every five minutes): "Menarik pesanan — 120 orders read, 4
new", the service's English words after the translated title; the wizard's saving page said "reading your open
orders" the same way."""

from __future__ import annotations

import ast
import threading
from pathlib import Path

import pytest

from tests.integration.tiktokshop_setup import channel, client, sb, shop_now  # noqa: F401 - fixtures
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said


@pytest.fixture
def indonesian(qapp):
    from tokodesk.ui import i18n

    assert i18n.install("id")
    yield
    i18n.install("en")


def test_the_order_pulls_progress_is_said_in_indonesian(qtbot, ctx, wait_idle, indonesian, database):
    from tokodesk.services import orders
    from tokodesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    wait_idle(ctx)
    gate = threading.Event()
    words = orders.pull_progress(120, 4)

    def work(jc):  # noqa: ANN001, ANN202
        jc.progress(120, None, words)
        assert gate.wait(10)

    ctx.jobs.submit(work, title="Menarik pesanan")
    try:
        qtbot.waitUntil(lambda: "120" in window.activity_label.text(), timeout=10000)
        text = window.activity_label.text()
        assert "120 pesanan dibaca, 4 baru" in text and "orders read" not in text, text
    finally:
        gate.set()
    wait_idle(ctx)


def test_every_progress_template_has_its_indonesian(indonesian):
    from tokodesk.marketplace.tiktokshop import order_search
    from tokodesk.services import orders, stock_adopt
    from tokodesk.ui.messages import in_words

    for message in (orders.pull_progress(3, 1), order_search.read_progress(3), stock_adopt.reading("skus"),
                    stock_adopt.reading("orders")):
        assert in_words(message) != str(message), message
    assert said(QT_TRANSLATE_NOOP("Progress", "{count} orders read"), count=3) == "3 orders read"


def _plain_words(node: ast.AST) -> bool:
    """A literal text, an f-string, text glued from them or formatted: English the window cannot translate."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _plain_words(node.left) or _plain_words(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return _plain_words(node.func.value) or any(_plain_words(arg) for arg in node.args)
    return False


def _progress_messages(tree: ast.AST):  # noqa: ANN202
    """The message given to every progress callback: progress(done, total, message), self.progress(...)."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name != "progress":
            continue
        if len(node.args) >= 3:
            yield node.args[2]
        yield from (keyword.value for keyword in node.keywords if keyword.arg == "message")


def test_no_progress_message_is_plain_english():
    """Every progress message of the services and the adapters is said(...) words: a plain f-string would show
    English in the Indonesian window's status bar, wizard and dialogs."""
    root = Path(__file__).resolve().parents[2] / "tokodesk"
    plain, seen = [], 0
    for path in sorted((root / "services").rglob("*.py")) + sorted((root / "marketplace").rglob("*.py")):
        for message in _progress_messages(ast.parse(path.read_text(encoding="utf-8"))):
            seen += 1
            if _plain_words(message):
                plain.append(f"{path.relative_to(root.parent)}:{message.lineno}: {ast.unparse(message)}")
    assert seen >= 25, seen  # the walk finds the callbacks (a renamed callback must not empty it)
    assert not plain, "progress messages in plain English (use said(QT_TRANSLATE_NOOP(\"Progress\", …), …)):\n" + \
        "\n".join(plain)


def test_the_services_progress_is_said_in_indonesian(indonesian):
    """The words the services give their callbacks, as the window shows them (the CLI prints the English)."""
    from tokodesk.i18n_marks import QT_TRANSLATE_NOOP as mark
    from tokodesk.ui.messages import in_words

    shipping = said(mark("Progress", "{label}: {done} of {total}"), label=mark("Progress", "Shipping"), done=3,
                    total=10)
    assert shipping == "Shipping: 3 of 10"
    assert in_words(shipping) == "Mengirim: 3 dari 10"
    payouts = said(mark("Progress", "{what}: {statements} statements, {transactions} settlement lines read"),
                   what=said(mark("Progress", "statement {statement}"), statement="S1"), statements=2,
                   transactions=7)
    assert payouts == "statement S1: 2 statements, 7 settlement lines read"
    assert in_words(payouts) == "laporan S1: 2 laporan, 7 baris pencairan dibaca"


def test_a_failed_starting_stock_is_said_in_indonesian(indonesian, sb, channel, client):  # noqa: F811
    """The wizard's starting-stock step when the product pull fails: the page said the service's English."""
    from tests.integration.tiktokshop_setup import fresh
    from tokodesk.services import stock_adopt
    from tokodesk.ui.wizard_stock import first_count_summary

    sb.faults.force("product_search", "error", 50)
    first = stock_adopt.first_count(fresh(channel), stock_adopt.ADOPT, adapter=client)
    assert not first.ok
    assert first.lines[0].startswith("Not adopted: the product pull did not finish"), first.lines  # the CLI's words
    shown = first_count_summary(first)
    assert shown.startswith("Stok marketplace tidak dipakai: penarikan produk belum selesai"), shown
    assert "Not adopted" not in shown and "pushed" not in shown, shown
