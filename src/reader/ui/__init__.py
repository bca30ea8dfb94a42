"""The Qt layer: windows, panels, item models and background work over the core."""
