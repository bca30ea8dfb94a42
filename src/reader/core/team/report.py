"""What a sync did, in numbers and in a sentence."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.translation import _, ngettext


@dataclass
class SyncReport:
    pushed: dict[str, int] = field(default_factory=lambda: {"note": 0, "document": 0, "choice": 0})
    pulled: dict[str, int] = field(default_factory=lambda: {"note": 0, "document": 0, "choice": 0})
    kept_private: int = 0
    skipped_documents: list[str] = field(default_factory=list)  # ids taken here by another

    def __str__(self) -> str:
        text = _(
            "Sent {notes} notes, {documents} documents, {choices} choices; received {in_notes} "
            "notes, {in_documents} documents, {in_choices} choices."
        ).format(
            notes=self.pushed["note"],
            documents=self.pushed["document"],
            choices=self.pushed["choice"],
            in_notes=self.pulled["note"],
            in_documents=self.pulled["document"],
            in_choices=self.pulled["choice"],
        )
        if self.kept_private:
            text += " " + ngettext(
                "{n} private note stayed on this computer.",
                "{n} private notes stayed on this computer.",
                self.kept_private,
            ).format(n=self.kept_private)
        if self.skipped_documents:
            text += " " + _(
                "Documents not received, their ids being taken here by others: {ids}."
            ).format(ids=", ".join(self.skipped_documents))
        return text
