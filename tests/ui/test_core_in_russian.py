"""The core's sentences in the Russian window and the Russian command line: a damaged notes
file, an export that cannot be written and a data folder that cannot be made are told in
Russian, as is an unknown document id on the command line with LANG=ru_RU.UTF-8."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication, QMessageBox

from reader.core import translation
from reader.core.library.library import Library
from tests.cli.running import fresh_python
from tests.ui.notes.test_controller import open_window, select

from reader.ui import language
from reader.ui import settings as S
from reader.ui.actions import Act
from reader.ui.main_window import MainWindow
from reader.ui.notes import dialogs as note_dialogs

# Words that stay as they are in a Russian sentence: formats, and what the system says
# (strerror follows the C library's locale, not ours).
KEPT = {"web", "annotation", "json", "md", "not", "a", "directory"}


@pytest.fixture
def russian(qapp: QApplication) -> Iterator[None]:
    language.install(qapp, "ru")
    yield
    language.install(qapp, "en")


@pytest.fixture
def window_ru(
    russian: None, qtbot: QtBot, library: Library, settings: S.Settings, tmp_path: Path
) -> MainWindow:
    """The window in Russian, its notes loaded, the Elbe Group's statement open."""
    return open_window(qtbot, library, settings, tmp_path / "data")


def _english_words(sentence: str, *names: str) -> list[str]:
    """The English words of `sentence`, the file and folder names it quotes left out."""
    for name in names:
        sentence = sentence.replace(name, "")
    words = re.findall(r"[A-Za-z]+", sentence)
    return [w for w in words if w.casefold() not in KEPT]


def test_a_damaged_notes_file_is_refused_in_russian(
    window_ru: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert translation.current_language() == "ru"  # the window's install chose it for the core
    win = window_ru
    bad = tmp_path / "damaged.json"
    bad.write_text('{"type": "AnnotationCollection", "first": ', encoding="utf-8")
    monkeypatch.setattr(note_dialogs, "ask_notes_import", lambda parent: bad)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    win.actions_by_id[Act.IMPORT_NOTES].trigger()
    assert warned, "the refusal is shown in a dialog"
    sentence = warned[0]
    assert sentence.startswith("damaged.json не импортирован: Файл не в формате Web Annotation")
    assert "это вообще не JSON" in sentence
    assert _english_words(sentence, "damaged.json") == [], sentence


def test_an_export_that_cannot_be_written_is_told_in_russian(
    window_ru: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = window_ru
    select(win, "Elbe Group")
    win.actions_by_id[Act.HIGHLIGHT].trigger()
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the export's folder should be", encoding="utf-8")
    target = blocker / "notes.md"  # as root, a read-only folder would not stop the write
    monkeypatch.setattr(
        note_dialogs, "ask_notes_export", lambda parent: (target, note_dialogs.MARKDOWN)
    )
    win.actions_by_id[Act.EXPORT_NOTES].trigger()
    qtbot.waitUntil(lambda: "Не удаётся записать файл" in win.statusBar().currentMessage())
    sentence = win.statusBar().currentMessage()
    assert sentence.startswith(f"Не удаётся записать файл {target}: ")
    assert _english_words(sentence, str(target)) == [], sentence
    assert not target.exists()


@pytest.mark.usefixtures("russian")
def test_a_data_folder_that_cannot_be_made_is_told_in_russian(
    qtbot: QtBot, library: Library, settings: S.Settings, tmp_path: Path
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder", encoding="utf-8")
    data = blocker / "data"
    win = open_window(qtbot, library, settings, data)
    select(win, "Elbe Group")
    win.actions_by_id[Act.HIGHLIGHT].trigger()
    sentence = win.statusBar().currentMessage()
    assert sentence.startswith(f"Не удаётся сохранить заметки: не удаётся создать папку {data}")
    assert _english_words(sentence, str(data)) == [], sentence


def test_the_command_line_speaks_russian_with_a_russian_lang(tmp_path: Path) -> None:
    environment = {
        k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")
    }
    environment["LANG"] = "ru_RU.UTF-8"
    result = fresh_python("-m", "reader", "show", "nosuch", cwd=tmp_path, env=environment)
    assert result.returncode == 2
    assert result.stderr.startswith(
        "statement-reader: Документа с идентификатором «nosuch» нет (известные идентификаторы: "
    ), result.stderr
    environment["LANG"] = "C.UTF-8"
    english = fresh_python("-m", "reader", "show", "nosuch", cwd=tmp_path, env=environment)
    assert "There is no document with the id 'nosuch'" in english.stderr
