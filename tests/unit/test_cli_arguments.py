"""Odd arguments and a closed stdout: a message naming the argument and what it accepts (exit 2), never a raw
traceback. Seen: `orders list --limit 99999999999999999999`, `mapping set … --buffer 1e20` (overflowed
PostgreSQL's integer), `labels --pdf /proc/x.pdf` (failed after the labels were made) and `orders list | head`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tokodesk.cli import build_parser, command_module, main
from tokodesk.store import models as m
from tokodesk.store.connection import close_database, open_database

ROOT = Path(__file__).resolve().parents[2]


def _refused(capsys, argv: list[str], *fragments: str) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, err
    return err


def test_a_huge_limit_is_refused_naming_the_option_and_the_range(capsys):
    _refused(capsys, ["orders", "list", "--limit", "99999999999999999999"], "argument --limit", "1 to 1,000,000")
    _refused(capsys, ["orders", "list", "--limit", "0"], "argument --limit")
    _refused(capsys, ["orders", "list", "--limit", "ten"], "argument --limit", "'ten' is not a whole number")


@pytest.mark.parametrize("buffer", ["1e20", "100000000000000000000", "-1"])
def test_a_buffer_out_of_range_is_refused_before_the_database_is_touched(capsys, buffer):
    _refused(capsys, ["mapping", "set", "123", "SKU-1", "--buffer", buffer], "argument --buffer", "0 to 999,999,999")


def test_a_mapping_file_with_a_huge_buffer_is_refused_in_words(capsys, tmp_path):
    """The same bound for a buffer that comes in a mapping CSV: the row is named, nothing of it is applied."""
    open_database()
    channel = m.Channel.create(name="Toko")
    m.StockItem.create(seller_sku="SKU-1", on_hand=5)
    m.SkuMapping.create(channel=channel, product_id="123", seller_sku="SKU-1", buffer=2)
    close_database()
    csv = tmp_path / "map.csv"
    csv.write_text("product_id,seller_sku,buffer\n123,SKU-1,100000000000000000000\n")
    main(["mapping", "import", str(csv)])
    err = capsys.readouterr().err
    assert "too large" in err and "Traceback" not in err
    open_database()
    assert m.SkuMapping.get().buffer == 2
    close_database()


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
@pytest.mark.parametrize(
    "argv",
    [["labels", "1", "--pdf", "/proc/x.pdf"], ["picklist", "1", "--pdf", "/proc/x.pdf"],
     ["manifest", "JNE", "--pdf", "/proc/x.pdf"], ["recon", "export", "--pdf", "/proc/x.pdf"],
     ["recon", "export", "--csv", "/proc/x.csv"], ["mapping", "export", "/proc/x.csv"]],
    ids=lambda argv: " ".join(argv[:2]),
)
def test_an_unwritable_output_file_is_refused_before_any_work(capsys, argv):
    _refused(capsys, argv, "cannot write /proc/x.", "pick a folder you can write to")


def test_a_folder_given_as_the_output_file_is_refused(capsys, tmp_path):
    _refused(capsys, ["labels", "1", "--pdf", str(tmp_path)], "argument --pdf", "is a folder")


def test_a_missing_input_file_is_refused(capsys, tmp_path):
    _refused(capsys, ["stock", "import", str(tmp_path / "nope.csv")], "no such file")
    _refused(capsys, ["mapping", "import", str(tmp_path / "nope.csv")], "no such file")


def test_a_writable_output_file_is_accepted_and_not_left_behind(tmp_path):
    from tokodesk.commands.args import output_file

    target = tmp_path / "new" / "labels.pdf"
    assert output_file(str(target)) == str(target)
    assert output_file(str(tmp_path / "labels.pdf")) == str(tmp_path / "labels.pdf")
    assert not (tmp_path / "labels.pdf").exists(), "the probe leaves no empty file behind"


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [(["sandbox", "--orders", "99999999999"], "argument --orders"),
     (["sandbox", "--days", "inf"], "argument --days"),
     (["sandbox", "--rate-limit", "nan"], "argument --rate-limit"),
     (["sandbox", "--port", "99999999999999999999"], "argument --port")],
)
def test_sandbox_numbers_are_bounded_too(capsys, argv, fragment):
    _refused(capsys, argv, fragment)


def _actions(parser: argparse.ArgumentParser, path: str = "tokodesk"):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _actions(child, f"{path} {name}")
        else:
            yield path, action


def test_no_command_takes_an_unbounded_number():
    """Every number a command takes goes through the shared bounded types (tokodesk/commands/args.py)."""
    unbounded = [f"{path} {'/'.join(a.option_strings) or a.dest}" for path, a in _actions(build_parser())
                 if a.type in (int, float)]
    assert unbounded == []


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices


def test_a_command_line_builds_only_its_command_s_parser_the_same_as_the_whole_one():
    """`tokodesk orders pack …` loads and builds the `orders` parser only (a tenth of a short command's start); every
    command the whole parser knows is found that way (cli.COMMANDS_OF_MODULE), with the very same parser."""
    whole = _commands(build_parser())
    for name, parser in whole.items():
        assert command_module([name]) is not None, f"`tokodesk {name}`: name its module in cli.COMMANDS_OF_MODULE"
        assert command_module(["-v", name]) == command_module(["--verbose", name, "--help"]) == command_module([name])
        alone = _commands(build_parser([name, "--help"]))
        assert name in alone and len(alone) < len(whole), name
        assert alone[name].format_help() == parser.format_help(), name
    # No command, or global options it cannot read past: the whole parser (the usage, the window, --dialect's value).
    for argv in ([], ["--help"], ["--version"], ["--demo"], ["--dialect", "orders"], ["--verb"], ["no-such-command"]):
        assert command_module(argv) is None, argv
        assert _commands(build_parser(argv)).keys() == whole.keys()


def test_an_unexpected_error_says_where_the_details_are_not_a_traceback(capsys, monkeypatch):
    from tokodesk.commands import orders

    def broken(_args):
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(orders, "run_list", broken)
    assert main(["orders", "list"]) == 1
    err = capsys.readouterr().err
    assert "something nobody foresaw" in err and "tokodesk.log" in err and "Traceback" not in err


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX pipe into head")
@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_stdout_closed_by_head_stops_quietly(tokodesk_home, extra):
    open_database()
    channel = m.Channel.create(name="Toko")
    rows = [{"channel": channel.id, "order_id": str(8_000_000 + n), "state": "new",
             "invoice": f"INV/20261205/MPL/{n}", "created_at": datetime(2026, 12, 5)} for n in range(4000)]
    with m.db.atomic():
        for start in range(0, len(rows), 500):
            m.Order.insert_many(rows[start:start + 500]).execute()
    close_database()
    env = {**os.environ, "TOKODESK_HOME": str(tokodesk_home), "PYTHONPATH": str(ROOT)}
    command = f"'{sys.executable}' -m tokodesk orders list {' '.join(extra)} 2>err.txt | head -c 100 >/dev/null; " \
              "echo ${PIPESTATUS[0]}"
    done = subprocess.run(["bash", "-c", command], cwd=tokodesk_home, env=env, capture_output=True, text=True,
                          timeout=120)
    err = (tokodesk_home / "err.txt").read_text()
    assert "Traceback" not in err and "Exception ignored" not in err and "BrokenPipe" not in err, err
    assert done.stdout.strip() == "141"


def test_a_log_folder_that_cannot_be_made_does_not_stop_the_command(tokodesk_home):
    """On a full disk (or where `logs` is not a folder) the log is what gives way, not the command."""
    tokodesk_home.mkdir(parents=True, exist_ok=True)
    (tokodesk_home / "logs").write_text("not a folder")
    env = {**os.environ, "TOKODESK_HOME": str(tokodesk_home), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "tokodesk", "orders", "list"], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "cannot write the log file" in done.stderr and "Traceback" not in done.stderr
