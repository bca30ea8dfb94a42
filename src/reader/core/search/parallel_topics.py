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
from collections.abc import Iterator, Sequence
from contextlib import suppress
from typing import IO, Any

from reader.core.documents.document import Document
from reader.core.search.passage_topics import PassageTopics

log = logging.getLogger(__name__)

PARALLEL_FROM_BLOCKS = 5_000  # below, starting a process (a second) costs more than it saves
CHUNK = 16  # statements sent at a time

BlockTopics = dict[int, tuple[str, ...]]


def topics_in_order(documents: Sequence[Document], topics: PassageTopics) -> Iterator[BlockTopics]:
    """`topics.of(doc)` for each of `documents`, in their order."""
    done = 0
    if _worth_a_process(documents):
        worker: subprocess.Popen[bytes] | None = None
        try:
            worker = _started()
            feeder = threading.Thread(target=_feed, args=(worker, topics, documents), daemon=True)
            feeder.start()
            assert worker.stdout is not None
            while done < len(documents):
                for found in pickle.load(worker.stdout):
                    yield found
                    done += 1
        except Exception:  # a worker that cannot start or fails: the rest are worked out here
            log.warning("The passages' topics are worked out in this process", exc_info=True)
        finally:
            if worker is not None:
                _stop(worker)
    yield from map(topics.of, documents[done:])


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


def _feed(worker: subprocess.Popen[bytes], topics: PassageTopics, docs: Sequence[Any]) -> None:
    """Send the rules, then the statements a chunk at a time (a thread: the worker's answers
    are read meanwhile, so that neither side waits on a full pipe)."""
    stdin = worker.stdin
    assert stdin is not None
    with suppress(OSError, ValueError):  # the worker stopped: its reader says so
        pickle.dump(topics, stdin)
        for start in range(0, len(docs), CHUNK):
            pickle.dump(list(docs[start : start + CHUNK]), stdin)
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
    serve(sys.stdin.buffer, sys.stdout.buffer)
