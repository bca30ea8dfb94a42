"""The topic taxonomy: topic ids, labels, and the words that point to each topic."""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import ReaderError, ResourceError
from reader.core.recommendations.topic_cues import CueMatcher, Targets
from reader.core.translation import _

OTHER = "other"  # the last resort, when nothing in or around a sentence names a topic
STRONG, WEAK = 1.0, 0.4
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class UnknownTopicError(ReaderError):
    def __init__(self, topic_id: str, known: Sequence[str]) -> None:
        super().__init__(
            _("There is no topic with the id '{topic_id}' (known ids: {listing}).").format(
                topic_id=topic_id, listing=", ".join(known)
            )
        )
        self.topic_id = topic_id


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    cues: tuple[str, ...] = ()
    weak_cues: tuple[str, ...] = ()


class Taxonomy:
    """The topics in their file's order, and a matcher that weighs a text's cue words.

    `signature` changes whenever the file does, so anything derived from the topics (the
    search index's topic field) knows when to be remade.
    """

    def __init__(self, topics: Sequence[Topic], signature: str = "") -> None:
        self.topics = tuple(topics)
        self.signature = signature
        self._by_id = {topic.id: topic for topic in self.topics}
        self._order = {topic.id: n for n, topic in enumerate(self.topics)}
        self._cues = CueMatcher(_cue_targets(self.topics))

    def __iter__(self) -> Iterator[Topic]:
        return iter(self.topics)

    def __len__(self) -> int:
        return len(self.topics)

    def __contains__(self, topic_id: object) -> bool:
        return topic_id in self._by_id

    def ids(self) -> list[str]:
        return list(self._by_id)

    def get(self, topic_id: str) -> Topic:
        try:
            return self._by_id[topic_id]
        except KeyError:
            raise UnknownTopicError(topic_id, self.ids()) from None

    def label(self, topic_id: str) -> str:
        """The topic's label; an unknown id (a topic since removed) stands for itself."""
        topic = self._by_id.get(topic_id)
        return topic.label if topic is not None else topic_id

    def order(self, topic_id: str) -> int:
        """The topic's place in the file, for sorting; unknown ids go last."""
        return self._order.get(topic_id, len(self._order))

    @property
    def fallback(self) -> str:
        return OTHER if OTHER in self._by_id else ""

    def score(self, text: str) -> dict[str, float]:
        """Each topic's weight in `text`: 1 per cue found, 0.4 per weak cue."""
        scores: dict[str, float] = {}
        for targets in self._cues.find(text):
            for topic_id, weight in targets:
                scores[topic_id] = scores.get(topic_id, 0.0) + weight
        return scores


def _cue_targets(topics: Sequence[Topic]) -> dict[str, Targets]:
    targets: dict[str, list[tuple[str, float]]] = {}
    for topic in topics:
        for cues, weight in ((topic.cues, STRONG), (topic.weak_cues, WEAK)):
            for cue in cues:
                targets.setdefault(cue, []).append((topic.id, weight))
    return {cue: tuple(found) for cue, found in targets.items()}


TOPICS_FILE = "topics.tsv"


@functools.cache
def bundled_taxonomy() -> Taxonomy:
    """The taxonomy shipped in resources/, read once per process (it never changes)."""
    from reader.resource_access import resource_path

    return load_taxonomy(resource_path(TOPICS_FILE))


def load_taxonomy(path: Path) -> Taxonomy:
    """Read a taxonomy file (see resources/topics.tsv); a damaged one is a ResourceError."""
    try:
        raw = path.read_bytes()
        topics = parse_taxonomy(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise ResourceError(
            _("The topic list {name} cannot be read ({reason}); reinstall the application.").format(
                name=path.name, reason=reason
            )
        ) from error
    return Taxonomy(topics, f"{zlib.crc32(raw):08x}-{len(raw)}")


def parse_taxonomy(text: str) -> list[Topic]:
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    if not rows or rows[0][:2] != ["id", "label"]:
        raise ValueError("its header line 'id, label, cues, weak cues' is missing")
    topics = [_topic(row) for row in rows[1:]]
    ids = [topic.id for topic in topics]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"the topic {duplicates[0]} is listed twice")
    return topics


def _topic(row: list[str]) -> Topic:
    if len(row) < 2 or not _ID.fullmatch(row[0]) or not row[1].strip():
        raise ValueError(f"the line {chr(9).join(row)!r} needs an id and a label")
    cells = [*row[2:4], "", ""]
    return Topic(row[0], row[1].strip(), _cues(cells[0]), _cues(cells[1]))


def _cues(cell: str) -> tuple[str, ...]:
    return tuple(cue.strip() for cue in cell.split(",") if cue.strip())
