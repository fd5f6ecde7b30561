"""A benchmark's `tokodesk` processes start as an installed TokoDesk does: from compiled bytecode.

A seller's TokoDesk (the installer, or pip) runs from .pyc files. A source tree run with PYTHONDONTWRITEBYTECODE set
(as the shells of the machine these figures come from are) compiles every module of the package again in every
process: about a tenth of a second of CPU at each start, which no shop pays. `compiled_env` compiles the package
once into a cache beside the benchmark's data (never into the tree) and points the children at it;
`--compile-each-start` on a benchmark keeps the old condition, to compare with figures measured before.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def compiled_env(env: dict[str, str], cache: Path, warm: str = "") -> dict[str, str]:
    """`env` for children that read (and write) their bytecode under `cache`, the package compiled there first.

    The cache holds only the package then: the first child would compile into it everything else it imports (the
    standard library, requests, peewee, psycopg: about half a second). `warm`, Python code importing what the
    measured children import, runs once first with this `env` so that none of them pays it."""
    env = dict(env, PYTHONPYCACHEPREFIX=str(cache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "tokodesk"), str(ROOT / "tests"),
                    str(ROOT / "bench")], env=env, check=True, stdout=subprocess.DEVNULL)
    if warm:
        subprocess.run([sys.executable, "-c", warm], env=env, cwd=str(ROOT), check=True)
    return env


def describe(env: dict[str, str]) -> str:
    if "PYTHONPYCACHEPREFIX" in env:
        return "from compiled bytecode"
    if env.get("PYTHONDONTWRITEBYTECODE"):
        return "compiling the package at each start"
    return "bytecode as the tree has it"

