"""The Qt binding itself: a day at the packing desk emits hundreds of thousands of signals from Python.

PySide6 6.12.0 (with CPython 3.11) dropped one reference to `True` on every `signal.emit()` from Python; after a
few hundred emits beyond the references the process held, CPython aborted ("bool_dealloc: deallocating True or
False") — the window died mid-shift, or the test run at exit. pyproject.toml pins a release without the defect;
this test keeps a future bump honest.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    flag = Signal(bool)
    progress = Signal(int, object, str)


def test_emitting_signals_from_python_keeps_the_bool_singletons_alive(qapp):
    emitter = _Emitter()
    seen = []
    emitter.plain.connect(lambda: seen.append(1))
    emitter.flag.connect(lambda value: seen.append(value))
    emitter.progress.connect(lambda done, total, text: seen.append(done))
    before = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(500):
        emitter.plain.emit()
        emitter.flag.emit(i % 2 == 0)
        emitter.progress.emit(i, None, "page")
    seen.clear()
    after = sys.getrefcount(True), sys.getrefcount(False)
    # Each emit is a no-op for the singletons' counts; a leak of one reference per emit would show as -1,500.
    assert after[0] >= before[0] - 50, f"True lost {before[0] - after[0]} references over 1,500 emits"
    assert after[1] >= before[1] - 50, f"False lost {before[1] - after[1]} references over 1,500 emits"
