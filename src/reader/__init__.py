"""Statement Reader: an offline reader for policy statements."""

__version__ = "0.1.0"
APP_NAME = "Statement Reader"
APP_ID = "io.github.statementreader.reader"  # the desktop file's and the icon's name
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)  # the PNG icons in resources/
