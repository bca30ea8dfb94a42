"""The passages' topics worked out by worker processes are those worked out here, in order,
and a worker that cannot start or dies leaves the build to work them out itself."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.core.library.library import Library
from reader.core.search import parallel_topics
from reader.core.search.parallel_topics import topics_in_order
from reader.core.search.passage_topics import PassageTopics, bundled_passage_topics


@pytest.fixture
def always(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel_topics, "PARALLEL_FROM_BLOCKS", 0)
    monkeypatch.setattr(parallel_topics, "CHUNK", 1)  # more than one answer to read


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_the_workers_topics_are_this_processs(
    library: Library, always: None, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    docs, topics = list(library), bundled_passage_topics()
    here = [topics.of(doc) for doc in docs]
    assert any(here), "the bundled statements have recommendations with topics"
    started, real = [], parallel_topics._started  # noqa: SLF001

    def counted() -> subprocess.Popen[bytes]:
        started.append(real())
        return started[-1]

    monkeypatch.setattr(parallel_topics, "_started", counted)
    monkeypatch.setattr(parallel_topics, "_worker_count", lambda: workers)
    here_too: list[object] = []
    real_of = PassageTopics.of
    monkeypatch.setattr(
        PassageTopics, "of", lambda self, doc: here_too.append(doc) or real_of(self, doc)
    )
    assert list(topics_in_order(docs * 2, topics)) == here * 2
    assert len(started) == workers
    assert all(worker.returncode is not None for worker in started)
    assert here_too == []  # the worker answered for every statement


@pytest.mark.parametrize("how", ["no python", "dies"])
def test_a_failing_worker_leaves_the_work_here(
    library: Library, always: None, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    docs, topics = list(library), bundled_passage_topics()
    if how == "no python":
        monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    else:  # a worker that exits at once, having answered nothing
        real = subprocess.Popen

        def dying(args: list[str], **kwargs: object) -> subprocess.Popen[bytes]:
            return real([args[0], "-c", "import sys; sys.exit(3)"], **kwargs)  # type: ignore[call-overload, no-any-return]

        monkeypatch.setattr(subprocess, "Popen", dying)
    assert list(topics_in_order(docs, topics)) == [topics.of(doc) for doc in docs]


def test_small_builds_start_no_process(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused() -> None:
        raise AssertionError("no worker for two statements")

    monkeypatch.setattr(parallel_topics, "_started", refused)
    topics = bundled_passage_topics()
    assert list(topics_in_order(list(library), topics)) == [topics.of(d) for d in library]
