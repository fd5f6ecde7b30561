"""Stored messages keep their words: an order's problem, its history and a run's errors.

The services store English text (the CLI, the exports, a support engineer read it) and, beside it, the template and
values it was made from (`i18n_marks.stored_words`), so the window can say it in its own language. These tests walk
the code: a problem, an event or a run error written as plain English (a literal, an f-string, text glued together)
would reach the Indonesian window in English, so it fails here. A row stored before the words were kept (an older
database, migrated on both backends) shows as it was.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, listed, said, stored_words, term, words_from_store

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "tokodesk"
# (call name, position of the message among its arguments, its keyword): what writes an event's detail
EVENT_WRITERS = {"record_event": (3, "detail"), "_event": (3, "detail"), "with_note": (0, "detail")}
# ... a run's error
ERROR_WRITERS = {"add_error": (0, "text")}
# ... a stock push's, a catalogue edit's, a handover scan's message (stored, shown later)
MESSAGE_WRITERS = {"_set": (2, "message"), "_set_status": (2, "message"), "PushRow": (5, "message"),
                   "RowResult": (6, "message")}
# (model, its text column, its words column): every create/update naming the text names the words too
WORDS_BESIDE = (("StockPush", "message", "message_words"), ("CatalogEdit", "message", "message_words"),
                ("HandoverScan", "detail", "detail_words"), ("SkuMapping", "last_push_status", "last_push_words"),
                ("ReconReport", "error", "error_words"))


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _plain(node: ast.AST | None) -> bool:
    """English text the window cannot translate: a literal (not ""), an f-string, text glued, formatted or joined."""
    if node is None:
        return False
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value != ""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _plain(node.left) or _plain(node.right) or isinstance(node.left, ast.Call) and \
            _name(node.left.func) == "join"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return isinstance(node.func.value, ast.Constant)  # "…".format(…), ", ".join(…): plain text made here
    if isinstance(node, ast.IfExp):
        return _plain(node.body) or _plain(node.orelse)
    if isinstance(node, ast.BoolOp):
        return any(_plain(v) for v in node.values)
    return False


def _assigned(function: ast.AST, name: str) -> list[ast.AST]:
    """What `name` is assigned in `function` (x = …, x += …, ok, x = …, …)."""
    found = []
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            found.append(node.value)
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple):
            for target in node.targets:
                if isinstance(target, ast.Tuple) and len(target.elts) == len(node.value.elts):
                    found += [v for t, v in zip(target.elts, node.value.elts, strict=True)
                              if isinstance(t, ast.Name) and t.id == name]
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
            found.append(ast.BinOp(node.target, node.op, node.value))
    return found


def _plain_value(function: ast.AST, node: ast.AST | None, seen: frozenset = frozenset()) -> bool:
    if isinstance(node, ast.Name) and node.id not in seen:
        return any(_plain_value(function, v, seen | {node.id}) for v in _assigned(function, node.id))
    if isinstance(node, ast.Subscript):  # text[:MAX]: the text cut to fit
        return _plain_value(function, node.value, seen)
    if isinstance(node, ast.BinOp):  # x + "…" where x holds words glued later
        return _plain(node) or _plain_value(function, node.left, seen) or _plain_value(function, node.right, seen)
    return _plain(node)


def _argument(call: ast.Call, position: int, keyword: str) -> ast.AST | None:
    for k in call.keywords:
        if k.arg == keyword:
            return k.value
    return call.args[position] if len(call.args) > position else None


def _functions(tree: ast.AST):  # noqa: ANN202
    """Each call with the function (or module) it is in."""
    scopes = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    inner = {}
    for scope in scopes:  # the innermost function wins: walked outer first
        for node in ast.walk(scope):
            inner[id(node)] = scope
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield inner.get(id(node), tree), node


def _stored_plain(kinds: dict[str, tuple[int, str]], *, problems: bool = False, events: bool = False,
                  errors: bool = False, messages: bool = False) -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "sandbox" in path.parts or "ui" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function, call in _functions(tree):
            name = _name(call.func)
            values = []
            if name in kinds:
                values.append(_argument(call, *kinds[name]))
            if problems and name == "update" and _name(getattr(call.func, "value", None)) in ("Order", "Return"):
                values += [k.value for k in call.keywords if k.arg in ("problem", "decision_detail")]
            if events and name in ("create", "insert_many") and \
                    _name(getattr(call.func, "value", None)) == "OrderEvent":
                values += [k.value for k in call.keywords if k.arg == "detail"]
                values += [v for d in ast.walk(call) if isinstance(d, ast.Dict)
                           for k, v in zip(d.keys, d.values, strict=True)
                           if isinstance(k, ast.Constant) and k.value == "detail"]
            if messages and name in ("create", "update") and \
                    _name(getattr(call.func, "value", None)) in {w[0] for w in WORDS_BESIDE}:
                values += [k.value for k in call.keywords if k.arg in {w[1] for w in WORDS_BESIDE}
                           and k.arg != "last_push_status"]
            if errors and name == "append" and _name(getattr(call.func, "value", None)) == "errors":
                values.append(call.args[0] if call.args else None)
            if errors and (name in ("RunSummary", "update") and any(k.arg == "errors" for k in call.keywords)):
                lists = [k.value for k in call.keywords if k.arg == "errors"]
                values += [e for lst in lists if isinstance(lst, ast.List) for e in lst.elts]
            for value in values:
                if _plain_value(function, value):
                    found.append(f"{path.relative_to(ROOT)}:{call.lineno}: {ast.unparse(value)[:100]}")
    return found


HOW = ("write it as said(QT_TRANSLATE_NOOP(\"History\" or \"Refusals\", \"… {name} …\"), name=value) "
       "(tokodesk/i18n_marks.py) and translate it (resources/translations/README.md):\n")


def test_every_event_the_services_write_keeps_its_words():
    found = _stored_plain(EVENT_WRITERS, events=True)
    assert not found, HOW + "\n".join(found)


def test_every_problem_the_services_write_keeps_its_words():
    found = _stored_plain({}, problems=True)
    assert not found, HOW + "\n".join(found)


def test_every_run_error_the_services_write_keeps_its_words():
    found = _stored_plain(ERROR_WRITERS, errors=True)
    assert not found, HOW + "\n".join(found)


def test_every_push_scan_and_reconciliation_message_keeps_its_words():
    """A stock push's and a catalogue edit's message, a handover scan's detail, a reconciliation's errors."""
    found = _stored_plain(MESSAGE_WRITERS, messages=True)
    for path in sorted(PACKAGE.rglob("*.py")):
        if "sandbox" in path.parts or "ui" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function, node in _functions_and_assignments(tree):  # report.error = "…" (a ReconReport's errors)
            for target in node.targets:
                if isinstance(target, ast.Attribute) and target.attr == "error" and \
                        "report" in ast.unparse(target.value) and _plain_value(function, node.value):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node.value)[:100]}")
    assert not found, HOW + "\n".join(found)


# The marketplace adapters' errors: a service stores their str() (an order's problem, a run's error, an action's)
ADAPTER_ERRORS = {"MarketplaceError", "AuthError", "NotReachable", "OutcomeUnknown", "BadAnswer",
                  "InvalidCancelRequest"}


def _adapter_errors_in_plain_english() -> list[str]:
    found = []
    for path in sorted((PACKAGE / "marketplace").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            # The reason as written at the call (a literal, an f-string, text glued): a variable holding the
            # marketplace's own text, or a code's words from error_words, is not TokoDesk's sentence.
            if isinstance(node, ast.Call) and _name(node.func) in ADAPTER_ERRORS and node.args and \
                    _plain(node.args[0]):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:100]}")
    return found


def test_every_error_an_adapter_raises_keeps_its_words():
    """Seen: the wizard's connection test, the sync warning and a batch's results said the adapters' errors in
    English in the Indonesian window (the adapters raised English f-strings, and the services store their str())."""
    found = _adapter_errors_in_plain_english()
    assert not found, ("raise these with said(QT_TRANSLATE_NOOP(\"Marketplace\", \"… {name} …\"), name=value), the "
                       "marketplace's own text a value (tokodesk/i18n_marks.py):\n") + "\n".join(found)


def _functions_and_assignments(tree: ast.AST):  # noqa: ANN202
    for scope in [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]:
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign):
                yield scope, node


def test_words_are_stored_wherever_the_text_is():
    """An UPDATE of a problem or an INSERT of an event without its words would leave the window a stale one (or
    none): every writer names both columns."""
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "ui" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call):
                owner = _name(getattr(node.func, "value", None))
                given = {k.arg for k in node.keywords}
                problem = next((k.value for k in node.keywords if k.arg == "problem"), None)
                if owner in ("Order", "Return") and _name(node.func) == "update" and problem is not None and not (
                        isinstance(problem, ast.Constant) and problem.value == "") and "problem_words" not in given:
                    missing.append(f"{where}: {owner}.update(problem=…) without problem_words=stored_words(…)")
                if owner == "Return" and _name(node.func) == "update" and "decision_detail" in given and \
                        "decision_words" not in given:
                    missing.append(f"{where}: Return.update(decision_detail=…) without decision_words=…")
                if owner == "Action" and _name(node.func) == "update" and "error" in given and \
                        "error_words" not in given:
                    missing.append(f"{where}: Action.update(error=…) without error_words=stored_words(…)")
                for model, text, words in WORDS_BESIDE:
                    if owner == model and _name(node.func) in ("create", "update") and text in given and \
                            words not in given:
                        missing.append(f"{where}: {model}.{_name(node.func)}({text}=…) without {words}=…")
                if owner == "OrderEvent" and _name(node.func) == "create" and "words" not in given:
                    missing.append(f"{where}: OrderEvent.create(detail=…) without words=stored_words(…)")
                if owner == "OrderEvent" and _name(node.func) == "insert_many" and not any(
                        isinstance(k, ast.Constant) and k.value == "words" for d in ast.walk(node)
                        if isinstance(d, ast.Dict) for k in d.keys):
                    missing.append(f"{where}: OrderEvent.insert_many without the words of each row")
            if isinstance(node, (ast.Tuple, ast.List)):
                fields = {e.attr for e in node.elts if isinstance(e, ast.Attribute)
                          and _name(e.value) == "OrderEvent"}
                if "detail" in fields and "words" not in fields:
                    missing.append(f"{where}: the OrderEvent fields name detail without words")
    assert not missing, "\n".join(missing)


def test_the_walk_finds_plain_english():
    """The test above must see the ways plain English is written."""
    tree = ast.parse('def f(order, who, x):\n'
                     '    detail = f"packed {x}"\n'
                     '    record_event(order, "pack", who, detail)\n'
                     '    record_event(order, "pack", who, "done " + x)\n'
                     '    m.OrderEvent.create(order=1, detail=", ".join(x))\n'
                     '    m.Order.update(problem="Could not do it").execute()\n'
                     '    record_event(order, "pack", who, said(QT_TRANSLATE_NOOP("History", "fine")))\n')
    plain = []
    for function, call in _functions(tree):
        for value in [_argument(call, 3, "detail")] if _name(call.func) == "record_event" else \
                [k.value for k in call.keywords if k.arg in ("detail", "problem")]:
            plain.append(_plain_value(function, value))
    assert sorted(plain) == [False, True, True, True, True]  # the literal said(...) alone is words


def test_stored_words_come_back_and_are_said_in_the_window_s_language():
    state = term("OrderState", "packed")
    inner = said(QT_TRANSLATE_NOOP("History", "{sku} +{quantity}"), sku="KAOS-M", quantity=2)
    words = said(QT_TRANSLATE_NOOP("History", "return {return_id}: {detail}"), return_id="R1",
                 detail=listed([inner, said(QT_TRANSLATE_NOOP("History", "packed; now {state}"), state=state)]))
    kept = json.loads(json.dumps(stored_words(words)))  # through the database's JSON column
    back = words_from_store(str(words), kept)
    assert back == "return R1: KAOS-M +2, packed; now packed" == str(words)
    table = {"return {return_id}: {detail}": "pengembalian {return_id}: {detail}",
             "{sku} +{quantity}": "{sku} +{quantity}", "packed; now {state}": "dikemas; sekarang {state}"}
    assert back.say(lambda _c, text: table.get(text, text), {"OrderState": {"packed": "Dikemas"}.get}) == \
        "pengembalian R1: KAOS-M +2, dikemas; sekarang Dikemas"
    assert stored_words("plain text") is None and stored_words("") is None


@pytest.mark.parametrize("kept", [None, "text", {"s": "other text", "t": "x", "p": {}}, {"s": "same", "t": "{a}"}])
def test_words_that_are_missing_or_not_this_text_s_are_not_used(kept):
    """A row stored before (no words), or words left from an earlier text: the text is shown as stored."""
    assert words_from_store("same", kept) is None


def test_a_value_the_template_cannot_take_shows_the_english(qapp):
    kept = {"s": "3 of 4 items scanned", "t": "{scanned:d} of {expected} items scanned", "c": "History",
            "p": {"scanned": "three", "expected": 4}}
    words = words_from_store("3 of 4 items scanned", kept)
    assert words is None or words.say(lambda _c, text: text) == "3 of 4 items scanned"


def test_migrations_24_to_26_keep_old_rows_as_they_were_and_new_ones_keep_their_words(any_database):
    """An older database (no words columns) gets them, its rows untouched; fresh, the migrations do nothing."""
    import peewee as pw
    from playhouse.migrate import PostgresqlMigrator, SqliteMigrator, migrate

    from tokodesk.services.fulfilment.common import packed_now, record_event
    from tokodesk.store import migrations
    from tokodesk.store import models as m

    channel = m.Channel.create(name="toko", marketplace="tokopedia")
    order = m.Order.create(channel=channel, order_id="1", state="new", created_at=m.utcnow())
    migrator = (SqliteMigrator if isinstance(any_database, pw.SqliteDatabase) else PostgresqlMigrator)(any_database)
    migrate(migrator.drop_column("order", "problem_words"), migrator.drop_column("order_event", "words"),
            migrator.drop_column("sync_run", "error_words"), migrator.drop_column("action", "error_words"),
            migrator.drop_column("return", "problem_words"), migrator.drop_column("return", "decision_words"),
            migrator.drop_column("sku_mapping", "last_push_words"), migrator.drop_column("stock_push", "message_words"),
            migrator.drop_column("recon_report", "error_words"), migrator.drop_column("catalog_edit", "message_words"),
            migrator.drop_column("handover_scan", "detail_words"))
    any_database.execute_sql('UPDATE "order" SET "problem" = %s WHERE "id" = %s'.replace(
        "%s", any_database.param), ("Could not accept: an old wording", order.id))
    any_database.execute_sql('INSERT INTO "order_event" ("order_id", "at", "who", "kind", "detail", "ok") VALUES '
                             f"({', '.join([any_database.param] * 6)})",
                             (order.id, m.utcnow(), "old@desk", "ack", "accepted on the marketplace", True))
    m.SchemaVersion.delete().where(m.SchemaVersion.version >= 24).execute()

    assert migrations.migrate(any_database) == migrations.LATEST
    columns = {t: {c.name for c in any_database.get_columns(t)}
               for t in ("order", "order_event", "sync_run", "action", "return", "sku_mapping", "stock_push",
                         "recon_report", "catalog_edit", "handover_scan")}
    assert "problem_words" in columns["order"] and "words" in columns["order_event"] and \
        "error_words" in columns["sync_run"] and "error_words" in columns["action"] and \
        {"problem_words", "decision_words"} <= columns["return"] and "last_push_words" in columns["sku_mapping"] \
        and "message_words" in columns["stock_push"] and "error_words" in columns["recon_report"] and \
        "message_words" in columns["catalog_edit"] and "detail_words" in columns["handover_scan"]
    row = m.Order.get_by_id(order.id)
    assert row.problem == "Could not accept: an old wording" and row.problem_words is None
    old = m.OrderEvent.get(m.OrderEvent.who == "old@desk")
    assert old.detail == "accepted on the marketplace" and old.words is None
    assert words_from_store(old.detail, old.words) is None  # shown as it was (the window's old sentence rules)

    event = record_event(order, "pack", "kasir@desk1", packed_now("packed"))
    stored = m.OrderEvent.get_by_id(event.id)
    assert stored.detail == "packed; now packed"
    assert words_from_store(stored.detail, stored.words).template == "packed; now {state}"
    assert migrations.migrate(any_database) == migrations.LATEST  # once is enough
    migrations._m24_stored_words(any_database)  # and on an up-to-date database they change nothing
    migrations._m25_return_words(any_database)
    migrations._m26_more_stored_words(any_database)


def test_every_history_template_has_a_finished_translation_with_the_same_placeholders():
    """tests/unit/test_refusal_words.py checks the Refusals context; the history's own context here."""
    import string
    import xml.etree.ElementTree as ET

    def placeholders(text: str) -> list:
        return sorted((n, c or "", s or "") for _t, n, s, c in string.Formatter().parse(text) if n is not None)

    problems = []
    for context in ET.parse(ROOT / "resources" / "translations" / "tokodesk_id.ts").getroot().iter("context"):
        if context.findtext("name") != "History":
            continue
        for message in context.iter("message"):
            source, translation = message.findtext("source") or "", message.find("translation")
            if translation.get("type") or not translation.text:
                problems.append(f"no finished translation for {source!r}")
            elif placeholders(translation.text) != placeholders(source):
                problems.append(f"{source!r} -> {translation.text!r}: other placeholders")
    assert not problems, "\n".join(problems)
