"""The Russian interface: a complete translation, and no English left in the window's menus,
toolbar and tabs once it is installed."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMenu, QToolBar, QToolButton

from reader.core.documents.document import DatePrecision, Metadata
from reader.core.library.library import Library
from reader.resource_access import resource_folder

from reader.ui import language
from reader.ui import settings as S
from reader.ui.dates import date_text
from reader.ui.main_window import MainWindow

# Names that stay as they are in a Russian interface: the product, formats, standards, keys.
KEPT = {
    "statement", "reader", "web", "annotation", "hypothesis", "markdown", "html", "csv",
    "json", "jsonld", "docx", "pdf", "txt", "md", "htm", "ctrl", "shift", "alt", "esc", "f",
}  # fmt: skip
PLACEHOLDER = re.compile(r"\{\w+\}|%n")


def _messages(name: str) -> list[ET.Element]:
    return ET.parse(resource_folder() / name).getroot().findall("context/message")


@pytest.mark.parametrize(
    ("name", "forms"), [("statement_reader_ru.ts", 3), ("statement_reader_en.ts", 2)]
)
def test_every_message_is_translated(name: str, forms: int) -> None:
    messages = _messages(name)
    assert messages
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and "type" not in translation.attrib, source  # unfinished
        texts = [f.text or "" for f in translation.findall("numerusform")]
        if message.get("numerus") == "yes":
            assert len(texts) == forms and all(texts), source
        else:
            texts = [translation.text or ""]
            assert texts[0].strip(), source
        for text in texts:  # the same {names} to format; %n in every plural form
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), text


@pytest.fixture
def russian(qapp: QApplication) -> Iterator[None]:
    language.install(qapp, "ru")
    yield
    language.install(qapp, "en")


def _english_words(text: str) -> list[str]:
    words = re.findall(r"[A-Za-z]+", text.replace("&", ""))
    return [w for w in words if w.casefold() not in KEPT]


def _menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        if action.menu() is not None:
            yield from _menu_texts(action.menu())
        elif not action.isSeparator():
            yield action.text()


@pytest.mark.usefixtures("russian")
def test_russian_window_has_no_english_in_menus_toolbar_and_tabs(
    qtbot: QtBot, library: Library, settings: S.Settings
) -> None:
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    texts = [t for a in window.menuBar().actions() for t in _menu_texts(a.menu())]
    toolbar = window.findChild(QToolBar, "main_toolbar")
    assert toolbar is not None
    texts += [a.text() for a in toolbar.actions() if not a.isSeparator()]
    texts += [
        b.defaultAction().text() for b in toolbar.findChildren(QToolButton) if b.defaultAction()
    ]
    side = window.side_panel
    texts += [side.tabText(i) for i in range(side.count())]
    assert len(texts) > 60
    assert "&Файл" in texts and "Поиск" in texts
    left = {t: _english_words(t) for t in texts if _english_words(t)}
    assert left == {}


def test_the_language_follows_the_setting_then_the_system() -> None:
    assert language.chosen("ru", QLocale("en_US")) == "ru"
    assert language.chosen("en", QLocale("ru_RU")) == "en"
    assert language.chosen("", QLocale("ru_RU")) == "ru"
    assert language.chosen("", QLocale("de_DE")) == "en"


@pytest.mark.usefixtures("russian")
def test_russian_sets_the_locale_of_numbers_and_plurals() -> None:
    from reader.ui.plurals import plurals

    assert QLocale().language() == QLocale.Language.Russian
    assert [plurals().notes(n) for n in (1, 3, 5, 21)] == [
        "1 заметка", "3 заметки", "5 заметок", "21 заметка"
    ]  # fmt: skip


def _mnemonic(text: str) -> str:
    found = re.search(r"&(\w)", text)
    return found.group(1).casefold() if found else ""


@pytest.mark.usefixtures("russian")
def test_russian_mnemonics_differ_within_each_menu(
    qtbot: QtBot, library: Library, settings: S.Settings
) -> None:
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    menus = [window.menuBar(), *window.menuBar().findChildren(QMenu)]
    for menu in menus:
        keys = [_mnemonic(a.text()) for a in menu.actions() if _mnemonic(a.text())]
        assert len(keys) == len(set(keys)), [a.text() for a in menu.actions()]


@pytest.mark.parametrize(
    ("start", "end"),
    [((2018, 3, 15), (2018, 3, 16)), ((2013, 4, 8), None), ((2013, 4, 30), (2013, 5, 2)),
     ((2012, 12, 30), (2013, 1, 2))],
)  # fmt: skip
def test_dates_follow_the_locale(
    qapp: QApplication, start: tuple[int, int, int], end: tuple[int, int, int] | None
) -> None:
    meta = Metadata(title="t", date_start=dt.date(*start), date_end=dt.date(*end) if end else None)
    assert date_text(meta) == meta.date_label  # English: as the core writes it
    language.install(qapp, "ru")
    try:
        assert (
            "марта" in date_text(meta)
            or "апреля" in date_text(meta)
            or "декабря" in date_text(meta)
        )
    finally:
        language.install(qapp, "en")


MONTH = DatePrecision.MONTH


@pytest.mark.parametrize(
    ("precision", "start", "end", "english", "russian"),
    [
        (MONTH, (2017, 3, 1), None, "March 2017", "март 2017"),
        (MONTH, (2017, 3, 1), (2017, 4, 1), "March - April 2017", "март - апрель 2017"),
        (DatePrecision.YEAR, (2017, 1, 1), None, "2017", "2017"),
    ],
)  # fmt: skip
def test_a_month_or_a_year_follows_the_locale(
    qapp: QApplication,
    precision: DatePrecision,
    start: tuple[int, int, int],
    end: tuple[int, int, int] | None,
    english: str,
    russian: str,
) -> None:
    meta = Metadata(
        title="t",
        date_start=dt.date(*start),
        date_end=dt.date(*end) if end else None,
        date_precision=precision,
    )
    assert date_text(meta) == meta.date_label == english
    language.install(qapp, "ru")
    try:
        assert date_text(meta) == russian  # the month as it stands alone, not "марта"
    finally:
        language.install(qapp, "en")


@pytest.mark.usefixtures("russian")
def test_russian_import_dialog_offers_russian_file_kinds(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QWidget

    from reader.ui.library import import_dialogs

    asked: list[tuple[str, str]] = []

    def record(_parent: QWidget, title: str, _folder: str, kinds: str) -> tuple[list[str], str]:
        asked.append((title, kinds))
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(record))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert import_dialogs.ask_import_paths(parent) == []
    [(title, kinds)] = asked
    assert kinds.startswith("Заявления (*.txt")
    assert {t: _english_words(t) for t in (title, kinds) if _english_words(t)} == {}
