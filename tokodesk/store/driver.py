"""peewee without psycopg until a PostgreSQL database is made.

peewee imports psycopg when it is itself imported, about 0.1 s of CPU: a third of the start of a short command, for
every process, though only PostgreSQL needs it and most shops run on SQLite. `tokodesk/__init__.py` imports peewee
through `import_peewee` before any other module of the package can, with psycopg hidden from it; `use_psycopg` then
gives peewee what its own import would have set, the first time a PostgreSQL database is made
(tests/unit/test_store_driver.py compares the two, so a peewee upgrade that needs more fails there, not at a shop).
"""

from __future__ import annotations

import sys


def import_peewee() -> None:
    """Import peewee with psycopg hidden, unless either is already imported (then peewee has what it found)."""
    if "peewee" in sys.modules or "psycopg" in sys.modules:
        return
    sys.modules["psycopg"] = None  # type: ignore[assignment]  # `import psycopg` raises ImportError meanwhile
    try:
        import peewee  # noqa: F401
    finally:
        del sys.modules["psycopg"]


def use_psycopg() -> None:
    """Give peewee psycopg (3), as its own import does when psycopg is there."""
    import peewee as pw

    if pw.psycopg is not None:
        return
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    pw.TransactionStatus, pw.Json_pg3, pw.Jsonb_pg3 = TransactionStatus, Json, Jsonb
    adapter = pw.Psycopg3Adapter
    adapter.txn_idle, adapter.txn_inerror, adapter.txn_unknown = (
        TransactionStatus.IDLE, TransactionStatus.INERROR, TransactionStatus.UNKNOWN)
    pw.psycopg = psycopg  # last: peewee takes a PostgreSQL database for psycopg 3 once this is set
