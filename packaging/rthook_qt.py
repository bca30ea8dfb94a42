# The bundle's one runtime hook: Qt's plugins (platforms, image formats, the SVG icon engine)
# are in the bundle, not where Qt was built to look. PyInstaller's own hook for PySide6 does
# the same after importing its helpers (ctypes among them), and its hooks for inspect, pkgutil
# and multiprocessing patch modules the app does not use at start: together about a tenth of
# a second of every launch before the first paint (statement-reader.spec drops them).
import os
import sys

os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, "PySide6", "Qt", "plugins")
