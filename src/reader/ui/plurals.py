"""Phrases with a count, in one QObject so lupdate sees them as plurals (%n): Russian has three
forms and English two, both from the translation files (see language.install)."""

from __future__ import annotations

from PySide6.QtCore import QObject


class Plurals(QObject):
    def sentences(self, n: int) -> str:
        return self.tr("%n sentence(s)", "", n)

    def words(self, n: int) -> str:
        return self.tr("%n word(s)", "", n)

    def notes(self, n: int) -> str:
        return self.tr("%n note(s)", "", n)

    def recs(self, n: int) -> str:
        return self.tr("%n rec(s)", "short for recommendations", n)

    def recommendations(self, n: int) -> str:
        return self.tr("%n recommendation(s)", "", n)

    def recommendations_on_topic(self, n: int) -> str:
        return self.tr("%n recommendation(s) on this topic", "", n)

    def passages(self, n: int) -> str:
        return self.tr("%n passage(s)", "", n)

    def at_least_passages(self, n: int) -> str:
        return self.tr("At least %n passage(s)", "the server stopped counting there", n)

    def in_documents(self, n: int) -> str:
        return self.tr("in %n document(s)", "", n)

    def matches(self, n: int) -> str:
        return self.tr("%n match(es)", "", n)

    def documents_imported(self, n: int) -> str:
        return self.tr("%n document(s) imported", "", n)

    def imported_of_files(self, imported: int, n: int) -> str:
        return self.tr("Imported {imported} of %n file(s).", "", n).format(imported=imported)

    def exported_notes(self, n: int, path: object) -> str:
        return self.tr("Exported %n note(s) to {path}.", "", n).format(path=path)

    def exported_recommendations(self, n: int, path: object) -> str:
        return self.tr("Exported %n recommendation(s) to {path}.", "", n).format(path=path)

    def document_has_notes(self, title: str, n: int) -> str:
        return self.tr("“{title}” has %n note(s). What should become of them?", "", n).format(
            title=title
        )


_plurals: Plurals | None = None


def plurals() -> Plurals:
    """One instance for the process: it holds no state, only the context of its phrases."""
    global _plurals
    if _plurals is None:
        _plurals = Plurals()
    return _plurals
