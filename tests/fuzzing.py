"""Test helper for the fuzzers: what a refusal sentence must look like, and a guard on time.

The fuzzers all assert one contract: hostile input gives a result or the project's error in
one sentence, never another exception, and never a hang.
"""

from __future__ import annotations

import os
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType


# How many examples each fuzzer tries: a few dozen in `make test`; FUZZ_EXAMPLES=5000 for a
# long hunt.
def examples(usual: int) -> int:
    return int(os.environ.get("FUZZ_EXAMPLES", usual))


# ../shared beside the checkout: seeds and public test files (CI clones it there too).
SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# What a sentence must not hold: a traceback, an exception's repr or class name, a line
# break, a file position of the code.
_NOT_A_SENTENCE = re.compile(
    r"Traceback|File \"|line \d+, in|\b\w+(Error|Exception)\b|\w+\(['\"]|\n|\\x[0-9a-f]{2}"
)


def assert_one_sentence(message: str, names: str | None = None) -> None:
    """`message` is one sentence a user can read: no traceback, no repr, a full stop at the
    end; and, with `names`, it names that (a file)."""
    assert message and message == message.strip(), repr(message)
    assert message.endswith("."), repr(message)
    assert message[0].isupper() or (names is not None and message.startswith(names)), message
    found = _NOT_A_SENTENCE.search(message)
    assert found is None, f"{message!r} holds {found.group()!r}"
    assert not any("\ud800" <= c <= "\udfff" for c in message), repr(message)
    if names is not None:
        assert names in message, f"{message!r} does not name {names!r}"


class Hang(BaseException):
    """Raised by `time_limit` in the code under test: a BaseException, so that no
    `except Exception` in that code can swallow it and call it a refusal."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Fail if the block runs longer than `seconds` (in Python code; the main thread only,
    where pytest runs tests). Hypothesis's deadline reports a slow example only after it
    ends; this ends one that would not: by Hang in the code under test, an AssertionError
    (which Hypothesis shrinks and reports) out of the block."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signal: int, _frame: FrameType | None) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except Hang as hang:
        raise AssertionError(f"a hang: {hang}") from hang
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
