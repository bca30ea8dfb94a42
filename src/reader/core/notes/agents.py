"""Who made a note and with what: the creator (a person) and the generator (this app).

The creator's name is the one set in the window's settings or on the command line, else
the system user's full name (the GECOS field), else the login name. No e-mail address is
written unless the user gives one: an export is often shared.
"""

from __future__ import annotations

import getpass
import os
import uuid
from dataclasses import dataclass
from typing import Any

from reader import APP_NAME, __version__

GENERATOR_ID = "urn:statement-reader:software"
_AGENT_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:statement-reader:agent")


@dataclass(frozen=True)
class Creator:
    name: str
    nickname: str = ""  # the login name, when the name came from the system account
    email: str = ""

    @property
    def agent_id(self) -> str:
        """A stable IRI for this person, the same in every export of theirs."""
        return f"urn:uuid:{uuid.uuid5(_AGENT_NAMESPACE, self.email or self.name)}"

    def as_agent(self) -> dict[str, Any]:
        agent: dict[str, Any] = {"id": self.agent_id, "type": "Person", "name": self.name}
        if self.nickname:
            agent["nickname"] = self.nickname
        if self.email:
            agent["email"] = f"mailto:{self.email}"
        return agent


def creator_named(name: str = "", email: str = "") -> Creator:
    """The given name, or the system user's (their full name, else the login name)."""
    login = _login_name()
    if name.strip():
        return Creator(" ".join(name.split()), email=email.strip())
    full = _full_name()
    return Creator(full or login or "Statement Reader user", login, email.strip())


def generator_agent() -> dict[str, Any]:
    return {"id": GENERATOR_ID, "type": "Software", "name": f"{APP_NAME} {__version__}",
            "nickname": "statement-reader"}  # fmt: skip


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no such user in a container, or no pwd
        return ""


def _full_name() -> str:
    try:
        import pwd
    except ImportError:  # Windows: no GECOS; the login name stands in
        return ""
    try:
        gecos = pwd.getpwuid(os.getuid()).pw_gecos
    except (KeyError, OSError):
        return ""
    return gecos.split(",")[0].strip()  # "Full Name,Room,Phone,...": the name only
