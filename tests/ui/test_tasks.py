"""run_task: the callable runs off the GUI thread; its answer or error comes back on it."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

import shiboken6
from PySide6.QtCore import QObject, QThreadPool

from reader.ui.tasks import Generations, run_task, serial_pool


def test_the_answer_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    ran_on: list[threading.Thread] = []
    answered_on: list[threading.Thread] = []
    answers: list[object] = []

    def work() -> int:
        ran_on.append(threading.current_thread())
        return 42

    def done(result: object) -> None:
        answered_on.append(threading.current_thread())
        answers.append(result)

    run_task(work, done, lambda error: None)
    qtbot.waitUntil(lambda: answers == [42], timeout=5000)
    assert ran_on[0] is not threading.main_thread()
    assert answered_on[0] is threading.main_thread()


def test_an_error_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        raise ValueError("no")

    run_task(work, lambda result: None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], ValueError)


def test_no_answer_once_the_asker_is_gone(qtbot: QtBot) -> None:
    owner = QObject()
    pool = QThreadPool()
    answers: list[object] = []
    run_task(lambda: 1, answers.append, answers.append, pool, context=owner)
    pool.waitForDone(5000)  # the answer is queued for the GUI thread, not yet delivered
    shiboken6.delete(owner)
    qtbot.wait(20)
    assert answers == []


def test_a_serial_pool_runs_one_task_at_a_time(qtbot: QtBot) -> None:
    owner = QObject()
    pool = serial_pool(owner)
    assert pool.maxThreadCount() == 1
    order: list[int] = []
    for number in range(5):
        run_task(lambda n=number: n, order.append, lambda error: None, pool)
    qtbot.waitUntil(lambda: len(order) == 5, timeout=5000)
    assert order == [0, 1, 2, 3, 4]


def test_generations_keep_only_the_newest() -> None:
    generations = Generations()
    first, second = generations.next(), generations.next()
    assert not generations.is_newest(first)
    assert generations.is_newest(second)
