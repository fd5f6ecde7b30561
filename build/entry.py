"""PyInstaller entry point for both executables (the GUI one and the console one)."""

import multiprocessing
import sys

from tokodesk.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
