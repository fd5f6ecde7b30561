import json
import os
import subprocess
import sys

import pytest

from tokodesk import __version__
from tokodesk.cli import main


def run_cli(*args, stdin=None, env=None):
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "tokodesk", *args], input=stdin, capture_output=True, text=True,
                          env=full_env, timeout=120)


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"TokoDesk {__version__}"


def test_version_does_not_load_qt():
    code = "import sys; from tokodesk.cli import main\ntry: main(['--version'])\nexcept SystemExit: pass\n" \
           "assert 'PySide6' not in sys.modules, 'Qt loaded for --version'"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_bad_arguments_exit_2_with_usage():
    result = run_cli("no-such-command")
    assert result.returncode == 2
    assert "usage: tokodesk" in result.stderr and "--help" in result.stderr


def test_channel_add_without_required_options_is_bad_input(capsys):
    assert main(["channel", "add", "Toko", "--fs-id", "1"]) == 2
    err = capsys.readouterr().err
    assert "--client-id" in err and "--shop-id" in err


def test_channel_list_empty_and_json(capsys):
    assert main(["channel", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.real_keyring
def test_self_test_fails_without_a_keyring_and_says_why():
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    result = run_cli("self-test", env=env)
    assert result.returncode == 1
    assert "FAIL keyring" in result.stdout and "Secret Service" in result.stdout
    assert "ok   database" in result.stdout and "schema version" in result.stdout
