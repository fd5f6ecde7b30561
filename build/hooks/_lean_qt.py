"""What the lean bundle leaves out of PySide6, shared by the two hook overrides beside this file.

A plugin dropped here is never scanned for its link-time dependencies, which is the point: the GTK platform theme
drags in GTK, GDK, Pango, Cairo and ATK (~15 MB) and the virtual-keyboard input context drags in QtQuick, QtQml and
the keyboard itself (~17 MB). A seller's desk needs neither: Qt's own Fusion style draws the widgets, and a hardware
keyboard types.
"""

from __future__ import annotations

import os

# (plugin folder, file name fragment); an empty fragment drops the whole folder
DROPPED_PLUGINS = (
    ("platformthemes", "gtk3"),
    ("platforminputcontexts", "virtualkeyboard"),
    ("egldeviceintegrations", ""),  # embedded full-screen EGL, not a desktop
    ("generic", ""),  # evdev/tslib/tuio touch input for kiosks
    ("platforms", "eglfs"),
    ("platforms", "linuxfb"),
    ("platforms", "vnc"),
    ("platforms", "minimalegl"),
    ("platforms", "vkkhrdisplay"),
    ("imageformats", "tiff"),
    ("imageformats", "webp"),
    ("imageformats", "tga"),
    ("imageformats", "wbmp"),
)


def keep_binary(entry: tuple[str, str]) -> bool:
    src, dest = entry
    parts = dest.replace("\\", "/").split("/")
    name = os.path.basename(src).lower()
    for folder, fragment in DROPPED_PLUGINS:
        if "plugins" in parts and parts[-1] == folder and fragment in name:
            return False
    return True


def keep_data(entry: tuple[str, str]) -> bool:
    # Qt's own catalogues: Qt ships none for Indonesian, and English needs none (TokoDesk's .qm has the Qt strings
    # it shows), so the 7 MB of qt_*.qm / qtbase_*.qm for other languages are dead weight.
    src, dest = entry
    return not (dest.replace("\\", "/").endswith("translations") and src.endswith(".qm"))
