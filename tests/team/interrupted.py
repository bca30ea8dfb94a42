"""A sync killed with SIGKILL at a chosen point (tests/team/test_interruptions.py):

    python -m tests.team.interrupted DATA_FOLDER POINT

POINT: `pushed` (the server committed the second batch, the outbox not yet told), `pushing`
(inside the second batch's server transaction), `pulling` (inside the second batch's local
transaction). Batches of 100 rows, so a few hundred notes make several.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.core.team import sync
from reader.core.user_db import UserDatabase


def killed_on_second_call(original: Callable[..., Any], before: bool) -> Callable[..., Any]:
    calls = 0

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 2 and before:
            os.kill(os.getpid(), signal.SIGKILL)
        result = original(*args, **kwargs)
        if calls == 2:
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    return wrapper


def main(folder: Path, point: str) -> None:
    sync.BATCH = 100
    if point == "pushed":
        sync.forget_pushed = killed_on_second_call(sync.forget_pushed, before=True)
    elif point == "pushing":
        sync._push_notes = killed_on_second_call(sync._push_notes, before=False)
    else:
        sync.save_in = killed_on_second_call(sync.save_in, before=False)
    sync.sync(UserDatabase.open(folder))


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
