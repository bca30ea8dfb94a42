"""A new index written while its passages' topics are still being found.

Finding the topics (the recommendations of each statement) costs more than the rest of a
passage's indexing: at 50,000 passages on two cores the writer waited for the worker
processes a third of the build, then wrote the postings alone while the other core idled.
Here the writer indexes every passage but its topic at once, writes the postings of the
fields before the topic (all but it) while the topics come, and gives each passage its
topic, in order, as soon as its statement's are known (BulkWriter's late fields).
"""

from __future__ import annotations

import gc
import queue
import threading
from collections import deque
from collections.abc import Callable, Sequence

from reader.core.documents.document import Document
from reader.core.search.bulk_writing import BulkWriter
from reader.core.search.parallel_topics import BlockTopics, topics_in_order
from reader.core.search.passage_topics import PassageTopics
from reader.core.search.passages import passages
from reader.core.search.schema import TOPIC, Records

Progress = Callable[[int, int], None]
_Answer = BlockTopics | BaseException


def write_topics_last(
    writer: BulkWriter,
    documents: Sequence[Document],
    topics: PassageTopics,
    records: Records,
    progress: Progress | None = None,
) -> None:
    """Add every passage of `documents` to `writer` (made with `late=(TOPIC,)`), topics last;
    `progress(n, total)` as each statement is complete. The caller commits."""
    answers: queue.SimpleQueue[_Answer] = queue.SimpleQueue()
    stop = threading.Event()
    finder = threading.Thread(
        target=_find, args=(documents, topics, answers, stop), name="topics", daemon=True
    )
    finder.start()
    completion = _Completion(writer, answers, len(documents), progress)
    collecting = gc.isenabled()
    # The writer holds millions of postings and makes no cycles: the collector's passes
    # over them were a fifteenth of its time at 50,000 passages.
    gc.disable()
    try:
        for doc in documents:
            blocks = []
            for passage in passages(doc):
                writer.add_document(**records.all_but_topics(passage))
                blocks.append(passage.block)
            completion.added(blocks)
        writer.write_ahead()
        completion.wait_for_the_rest()
    finally:
        stop.set()
        if collecting:
            gc.enable()
    finder.join()


class _Completion:
    """Gives the oldest added statements their topics, as the finder answers."""

    def __init__(
        self,
        writer: BulkWriter,
        answers: queue.SimpleQueue[_Answer],
        total: int,
        progress: Progress | None,
    ) -> None:
        self._writer, self._answers = writer, answers
        self._total, self._progress, self._done = total, progress, 0
        self._waiting: deque[list[int]] = deque()  # each added statement's passages' blocks

    def added(self, blocks: list[int]) -> None:
        """A statement's passages (their blocks) are added: complete every statement whose
        topics are known by now (none waited for)."""
        self._waiting.append(blocks)
        while self._waiting:
            try:
                answer = self._answers.get_nowait()
            except queue.Empty:
                return
            self._complete(answer)

    def wait_for_the_rest(self) -> None:
        while self._waiting:
            self._complete(self._answers.get())

    def _complete(self, answer: _Answer) -> None:
        if isinstance(answer, BaseException):
            raise answer
        for block in self._waiting.popleft():
            self._writer.complete(**{TOPIC: Records.topic(answer.get(block, ()))})
        self._done += 1
        if self._progress is not None:
            self._progress(self._done, self._total)


def _find(
    documents: Sequence[Document],
    topics: PassageTopics,
    answers: queue.SimpleQueue[_Answer],
    stop: threading.Event,
) -> None:
    """The finder's thread: each statement's topics, in order, until done or told to stop
    (the writer failed: the worker processes are stopped as the generator closes)."""
    found = topics_in_order(documents, topics)
    try:
        for answer in found:
            if stop.is_set():
                return
            answers.put(answer)
    except BaseException as error:  # handed to the writer, which raises it
        answers.put(error)
    finally:
        found.close()
