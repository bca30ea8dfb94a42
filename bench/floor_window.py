"""The bare window of bench/bare_window.py, showing what the app's first paint cannot do
without, one step at a time, for `bench/startup.py --floor`:

  library  the bundled library opened through the core, its titles in the list
  text     and the newest statement's whole text, plain, in the browser
  reader   and that statement typeset by the app's own reader view instead

No menus, toolbar, side panel, style, settings or single-instance check: the ratio of
`reader` to bare is the least any window showing the real statement in the real reader
can cost on this machine, whatever is built after its first paint."""

import datetime as dt
import sys
import time

T0 = time.perf_counter()  # before the Qt imports, as in bare_window.py

from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QListWidget,
    QMainWindow,
    QTextBrowser,
)

from bare_window import FirstPaint, framed  # noqa: E402

STEPS = ("library", "text", "reader")


def build_window(step: str) -> tuple[QMainWindow, QTextBrowser]:
    from reader.core.library.library import Library
    from reader.resource_access import resource_folder

    docs = sorted(
        Library.open(resource_folder()),
        key=lambda doc: doc.metadata.date_start or doc.metadata.date_end or dt.date.min,
        reverse=True,
    )
    documents = QListWidget()
    documents.addItems([doc.metadata.display_title for doc in docs])
    browser: QTextBrowser
    if step == "reader":
        from reader.ui.reading.view import ReaderView

        browser = ReaderView()
        browser.set_document(docs[0])
    else:
        browser = QTextBrowser()
        browser.setPlainText(docs[0].text if step == "text" else docs[0].metadata.title)
    return framed(documents, browser), browser


def main() -> int:
    step = sys.argv[1] if len(sys.argv) > 1 else ""
    if step not in STEPS:
        sys.stderr.write(f"usage: floor_window.py {{{','.join(STEPS)}}}\n")
        return 2
    app = QApplication(sys.argv[:1])
    window, browser = build_window(step)
    watch = FirstPaint(app, T0)
    browser.viewport().installEventFilter(watch)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
