"""Errors a user can act on, each carrying a sentence that can be shown as it is, and the one
place where any other exception becomes what the user is told."""

from __future__ import annotations

import logging

from reader.core.translation import _


class ReaderError(Exception):
    """Something the user can fix or must know; str(error) is a readable sentence."""


class UnknownDocumentError(ReaderError):
    def __init__(self, doc_id: str, known: list[str]) -> None:
        listing = ", ".join(known) if known else _("none")
        super().__init__(
            _("There is no document with the id '{doc_id}' (known ids: {listing}).").format(
                doc_id=doc_id, listing=listing
            )
        )
        self.doc_id = doc_id


class DataFolderError(ReaderError):
    """The data or cache folder cannot be created or written."""


class ResourceError(ReaderError):
    """A file shipped with the application is missing or damaged: the install is broken."""


def describe_failure(error: BaseException, what: str, log_file: object = None) -> str:
    """What the user is told of a failure: a ReaderError's own sentence; anything else is a
    bug, logged here with its traceback, and the sentence says where its details are."""
    if isinstance(error, ReaderError):
        return str(error)
    logging.getLogger("reader").error("Unexpected error in %s", what, exc_info=error)
    return unexpected_error(what, log_file)


def unexpected_error(what: str, log_file: object = None) -> str:
    """The one sentence for a bug: `what` failed, and where the traceback went."""
    where = log_file if log_file else _("the log file")
    return _("An unexpected error occurred in {what}; the details are in {where}.").format(
        what=what, where=where
    )
