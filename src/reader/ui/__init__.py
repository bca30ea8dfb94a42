"""The Qt layer: windows, panels, item models and background work over the core."""

from reader.ui import pyside_feature_check

pyside_feature_check.install()
