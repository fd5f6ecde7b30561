"""The .ts is the single source of translations (issue 20, item 4): pyside6-lupdate run over the code finds no string
without a finished translation and none the code no longer has; a missing one, a tr() hidden in an f-string and a
bare tr(context, text) are each caught; set.py sets a translation from the command line."""

from __future__ import annotations

import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
sys.path.insert(0, str(TRANSLATIONS))

import set as set_tool  # noqa: E402
import update  # noqa: E402


def test_every_shown_string_has_a_finished_translation():
    problems = update.check()
    assert not problems, "\n".join(problems)


@pytest.fixture
def copy(tmp_path, monkeypatch):
    """update.py and set.py on a copy of the catalogue (the repository's files stay as they are)."""
    ts, qm = tmp_path / "tokodesk_id.ts", tmp_path / "tokodesk_id.qm"
    shutil.copy(update.TS, ts)
    shutil.copy(update.QM, qm)
    monkeypatch.setattr(update, "TS", ts)
    monkeypatch.setattr(update, "QM", qm)
    return ts


def _blank(ts: Path, source: str) -> None:
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        if message.findtext("source") == source:
            message.find("translation").text = ""
            message.find("translation").set("type", "unfinished")
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def test_a_string_without_its_translation_fails_the_check(copy):
    _blank(copy, "Acknowledge")
    update.lrelease(copy, update.QM)
    assert "no finished translation: [QueueActions] 'Acknowledge'" in update.check()


def test_a_string_gone_from_the_code_fails_the_check(copy):
    text = copy.read_text(encoding="utf-8").replace(
        "<context>", "<context>\n    <name>Gone</name>\n    <message>\n        <source>Old words</source>\n"
        "        <translation>Kata lama</translation>\n    </message>\n</context>\n<context>", 1)
    copy.write_text(text, encoding="utf-8")
    update.lrelease(copy, update.QM)
    assert "in the .ts but no longer in the code: [Gone] 'Old words'" in update.check()


def test_a_stale_compiled_catalogue_fails_the_check(copy):
    update.QM.write_bytes(b"not a catalogue")
    assert f"{update.QM.name} is not compiled from the current {update.TS.name}" in update.check()


def test_calls_lupdate_cannot_read_are_named(tmp_path, monkeypatch):
    ui = tmp_path / "ui"
    ui.mkdir()
    (ui / "x.py").write_text('def f(self, n):\n    a = f"<b>{self.tr(\'Hidden\')}</b>"\n'
                             '    return tr("Ctx", "Misread")\n', encoding="utf-8")
    monkeypatch.setattr(update, "PACKAGE", tmp_path)
    monkeypatch.setattr(update, "ROOT", tmp_path)
    found = update.hidden_from_lupdate()
    assert any("x.py:2" in p and "f-string" in p for p in found)
    assert any("x.py:3" in p and "translate(context, text)" in p for p in found)


def test_set_py_sets_a_translation_and_compiles_it(copy):
    _blank(copy, "Acknowledge")
    assert set_tool.main(["Acknowledge", "Terima pesanan", "--context", "QueueActions"]) == 0
    entry = next(e for e in update.entries(copy) if (e.context, e.source) == ("QueueActions", "Acknowledge"))
    assert (entry.state, entry.translation) == ("", "Terima pesanan")
    assert not update.check()  # the .qm was compiled too


def test_set_py_names_near_texts_when_the_english_is_not_found(copy, capsys):
    assert set_tool.main(["Acknowledg", "Terima"]) == 2
    assert "did you mean 'Acknowledge'" in capsys.readouterr().err
