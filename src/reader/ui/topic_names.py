"""The topics' names as the interface shows them: the bundled taxonomy's labels translated
(resources/topics.tsv stays the one list of topics, in English); a label of another
taxonomy shows as written."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.ui.noop import QT_TRANSLATE_NOOP

# For lupdate: the bundled labels (a test checks this list against topics.tsv).
BUNDLED_LABELS = (
    QT_TRANSLATE_NOOP("Topics", "Strategic stability & arms control"),
    QT_TRANSLATE_NOOP("Topics", "Missile defense"),
    QT_TRANSLATE_NOOP("Topics", "NATO, Russia & European security"),
    QT_TRANSLATE_NOOP("Topics", "Ukraine"),
    QT_TRANSLATE_NOOP("Topics", "U.S.–Russia relations"),
    QT_TRANSLATE_NOOP("Topics", "Middle East & Syria"),
    QT_TRANSLATE_NOOP("Topics", "Cybersecurity"),
    QT_TRANSLATE_NOOP("Topics", "Terrorism & WMD"),
    QT_TRANSLATE_NOOP("Topics", "Non-proliferation & nuclear security"),
    QT_TRANSLATE_NOOP("Topics", "Economy & energy"),
    QT_TRANSLATE_NOOP("Topics", "Expert dialogue & cooperation"),
    QT_TRANSLATE_NOOP("Topics", "Other"),
)


def topic_label(label: str) -> str:
    return QCoreApplication.translate("Topics", label)
