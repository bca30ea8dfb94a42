"""The interface's language: our translation and Qt's own (standard buttons), installed before
any widget exists, the core's sentences (refusals, notices: reader/core/translation.py) in the
same language, and the matching locale for the dates and numbers the UI formats."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from reader.core.translation import use_language
from reader.resource_access import resource_folder

LANGUAGES = ("en", "ru")  # the values of settings.LANGUAGE besides "" (the system's)


def chosen(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the setting's, else the system's when we have it, else English."""
    if setting in LANGUAGES:
        return setting
    name = (system or QLocale.system()).name()  # "ru_RU"
    return name[:2] if name[:2] in LANGUAGES else "en"


def install(app: QCoreApplication, language: str) -> None:
    """Load `language`; English loads its file too, for its plural forms (%n)."""
    use_language(language)  # the core's sentences are made when an error is raised: first
    for translator in app.findChildren(QTranslator, "reader_translator"):
        app.removeTranslator(translator)
        translator.deleteLater()
    locale = (
        QLocale(QLocale.Language.Russian) if language == "ru" else QLocale(QLocale.Language.English)
    )
    QLocale.setDefault(locale)
    _add(app, "statement_reader_" + language, str(resource_folder()))
    if language != "en":
        # Imported here: the class and its enum cost the English start-up about 1 ms.
        from PySide6.QtCore import QLibraryInfo

        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        _add(app, "qtbase_" + language, qt_folder)


def _add(app: QCoreApplication, name: str, folder: str) -> bool:
    translator = QTranslator(app)  # the app keeps it alive
    translator.setObjectName("reader_translator")
    if translator.load(name, folder):
        return app.installTranslator(translator)
    translator.deleteLater()
    return False
