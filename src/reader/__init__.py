"""Statement Reader: an offline reader for policy statements."""

__version__ = "0.1.0"
APP_NAME = "Statement Reader"
