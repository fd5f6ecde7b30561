"""The README's first command, `./scripts/demo`, as a newcomer sees it: one line per step, no installer noise, and
the installers' output in a log file that is named when something fails.

The script runs from a copy of scripts/ and pyproject.toml with a stand-in Python whose venv and pip print what
the real ones print (setuptools and pip noise) and whose `tokodesk` echoes its arguments, so the test takes a second
and needs no network; the script itself is the real one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOISE = "Requirement already satisfied: setuptools>=61 in ./.venv/lib (80.9.0)"

# A python3 that knows `-m venv DIR`: it makes DIR/bin/python (pip: noisy; fails when PIP_FAILS is set) and
# DIR/bin/tokodesk (prints its arguments).
FAKE_PYTHON = """#!/usr/bin/env bash
if [ "$1 $2" = "-m venv" ]; then
  mkdir -p "$3/bin"
  cat > "$3/bin/python" <<'PY'
#!/usr/bin/env bash
echo "NOISE_LINE"
echo "WARNING: Running pip as the 'root' user can result in broken permissions" >&2
if [ -n "${PIP_FAILS:-}" ]; then echo "ERROR: No matching distribution found for PySide6" >&2; exit 1; fi
exit 0
PY
  printf '#!/usr/bin/env bash\\necho "TOKODESK $*"\\n' > "$3/bin/tokodesk"
  chmod +x "$3/bin/python" "$3/bin/tokodesk"
  exit 0
fi
exit 1
"""


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    if sys.platform == "win32" or shutil.which("bash") is None:
        pytest.skip("the scripts are bash")
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "scripts", copy / "scripts")
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    fake = tmp_path / "python3"
    fake.write_text(FAKE_PYTHON.replace("NOISE_LINE", NOISE))
    fake.chmod(0o755)
    return copy


def _demo(checkout: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if k != "PIP_FAILS"}
    full.update(PYTHON=str(checkout.parent / "python3"), **env)
    return subprocess.run(["bash", str(checkout / "scripts" / "demo"), *args], cwd=checkout, env=full,
                          capture_output=True, text=True, timeout=60)


def test_demo_says_each_step_in_one_line_and_keeps_the_installers_quiet(checkout):
    result = _demo(checkout, "--dialect", "tokopedia")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "TOKODESK --demo --dialect tokopedia"  # --dialect reaches tokodesk unchanged
    lines = result.stderr.splitlines()
    assert lines == ["scripts/demo: creating a virtual environment in .venv",
                     "scripts/demo: installing TokoDesk and its libraries into .venv (a few minutes the first time)"]
    log = checkout / ".cache" / "logs" / "demo-install.log"
    assert NOISE in log.read_text() and "Running pip as the 'root' user" in log.read_text()
    again = _demo(checkout)
    assert again.stderr.splitlines() == ["scripts/demo: TokoDesk is already installed in .venv"]
    assert again.stdout.strip() == "TOKODESK --demo"


def test_a_failed_install_names_the_log_and_shows_its_last_lines(checkout):
    result = _demo(checkout, PIP_FAILS="1")
    assert result.returncode != 0
    log = checkout / ".cache" / "logs" / "demo-install.log"
    assert f"the full output is in {log.relative_to(checkout)}" in result.stderr
    assert "No matching distribution found for PySide6" in result.stderr
    assert "TOKODESK" not in result.stdout, "the window is not opened on a failed install"
