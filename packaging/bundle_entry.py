"""The bundle's entry point: PyInstaller freezes this script, which runs the app's main()."""

import sys

from reader.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
