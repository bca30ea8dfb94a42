"""The domain's aliases (US = U.S. = United States): one group of equivalent forms per line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import ResourceError
from reader.core.translation import _

_ACRONYM = re.compile(r"^(?:[A-Z0-9]{2,}s?|(?:[A-Za-z]\.){2,})$")


@dataclass(frozen=True)
class AliasGroup:
    id: str
    acronyms: tuple[str, ...]  # matched exactly as written: "US", "U.S."
    phrases: tuple[str, ...]  # matched as words, after stemming: "United States"

    @property
    def token(self) -> str:
        """The one index term every acronym of the group is written as."""
        return f"zzalias{self.id}"


def is_acronym(form: str) -> bool:
    return bool(_ACRONYM.match(form))


def parse_aliases(text: str) -> list[AliasGroup]:
    groups = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        group_id, *forms = [part.strip() for part in line.split("\t") if part.strip()]
        acronyms = tuple(f for f in forms if is_acronym(f))
        phrases = tuple(f for f in forms if not is_acronym(f))
        groups.append(AliasGroup(group_id, acronyms, phrases))
    return groups


def load_aliases(path: Path) -> list[AliasGroup]:
    try:
        return parse_aliases(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        message = _("The alias list {name} cannot be read ({error}).")
        raise ResourceError(message.format(name=path.name, error=error)) from error
