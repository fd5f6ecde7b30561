# Overrides PyInstaller's hook for PySide6.QtMultimedia (hooks in build/hooks take priority): the packing
# camera (issue 21) needs it, but not Qt's catalogues of other languages (_lean_qt.py).
import sys
from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _lean_qt import keep_binary, keep_data  # noqa: E402

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
hiddenimports += ["PySide6.QtMultimediaWidgets"]  # as PyInstaller's own hook: true_properties needs it
binaries = [entry for entry in binaries if keep_binary(entry)]
datas = [entry for entry in datas if keep_data(entry)]
