"""The topics of many statements' passages worked out in a second process while this one
writes the index.

Finding the recommendations in a statement (passage_topics.py) was a third of a build's time
at 50,000 passages, and it needs nothing the writer makes: a worker process does it, in
order, while this process analyses the passages and writes them. The worker is this Python
started on this module (`python -m`), not a multiprocessing fork (the window syncs from a
thread; a fork of a process with threads may inherit a lock that is held) nor spawn (which
re-imports the caller's main script). Small builds, one core, a frozen application (its
executable is not a Python) and any failure of the worker fall back to working them out
here, as before.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Generator, Sequence
from contextlib import suppress
from typing import IO, Any

from reader.core.documents.document import Document
from reader.core.search.passage_topics import PassageTopics

log = logging.getLogger(__name__)

PARALLEL_FROM_BLOCKS = 5_000  # below, starting a process (a second) costs more than it saves
CHUNK = 16  # statements sent at a time
MAX_WORKERS = 3
WORKER_NICENESS = 10

BlockTopics = dict[int, tuple[str, ...]]


def topics_in_order(
    documents: Sequence[Document], topics: PassageTopics
) -> Generator[BlockTopics, None, None]:
    """`topics.of(doc)` for each of `documents`, in their order."""
    done = 0
    if _worth_a_process(documents):
        workers: list[subprocess.Popen[bytes]] = []
        try:
            workers = [_started() for _ in range(_worker_count())]
            chunks = [documents[start : start + CHUNK] for start in range(0, len(documents), CHUNK)]
            # The chunks are dealt round, so each worker runs ahead on its own while the
            # answers are read in order; a feeder per worker, as a full pipe of one must not
            # hold back the others.
            for number, worker in enumerate(workers):
                dealt = chunks[number :: len(workers)]
                feeder = threading.Thread(target=_feed, args=(worker, topics, dealt), daemon=True)
                feeder.start()
            for number in range(len(chunks)):
                answers = workers[number % len(workers)].stdout
                assert answers is not None
                for found in pickle.load(answers):
                    yield found
                    done += 1
        except Exception:  # a worker that cannot start or fails: the rest are worked out here
            log.warning("The passages' topics are worked out in this process", exc_info=True)
        finally:
            for worker in workers:
                _stop(worker)
    yield from map(topics.of, documents[done:])


def _worker_count() -> int:
    """One worker kept the writer waiting for a third of a 50,000-passage build on two
    cores (finding the topics costs more than the rest of a passage's writing): two
    there, and at most three, so that the writer keeps a core of its own on larger machines."""
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def _worth_a_process(documents: Sequence[Document]) -> bool:
    if getattr(sys, "frozen", False) or (os.cpu_count() or 1) < 2:
        return False
    return sum(len(doc.blocks) for doc in documents) >= PARALLEL_FROM_BLOCKS


def _started() -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    return subprocess.Popen(  # noqa: S603 (this Python on this module)
        [sys.executable, "-m", __name__],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
    )


def _feed(
    worker: subprocess.Popen[bytes], topics: PassageTopics, chunks: Sequence[Sequence[Any]]
) -> None:
    """Send the rules, then the statements a chunk at a time (a thread: the worker's answers
    are read meanwhile, so that neither side waits on a full pipe)."""
    stdin = worker.stdin
    assert stdin is not None
    with suppress(OSError, ValueError):  # the worker stopped: its reader says so
        pickle.dump(topics, stdin)
        for chunk in chunks:
            pickle.dump(list(chunk), stdin)
        stdin.close()


def _stop(worker: subprocess.Popen[bytes]) -> None:
    if worker.poll() is None:
        worker.kill()
    worker.wait()
    for pipe in (worker.stdin, worker.stdout):
        if pipe is not None:
            with suppress(OSError):
                pipe.close()


def serve(source: IO[bytes], sink: IO[bytes]) -> None:
    """The worker: rules, then chunks of statements in; each chunk's topics out."""
    topics: PassageTopics = pickle.load(source)
    while True:
        try:
            chunk = pickle.load(source)
        except EOFError:
            return
        pickle.dump([topics.of(doc) for doc in chunk], sink)
        sink.flush()


if __name__ == "__main__":
    # Below the writer: it must keep a core, and the workers share what is left.
    with suppress(AttributeError, OSError):  # no os.nice on Windows
        os.nice(WORKER_NICENESS)
    serve(sys.stdin.buffer, sys.stdout.buffer)
