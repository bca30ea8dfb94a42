"""Errors a user can act on, each carrying a sentence that can be shown as it is."""


class ReaderError(Exception):
    """Something the user can fix or must know; str(error) is a readable sentence."""


class UnknownDocumentError(ReaderError):
    def __init__(self, doc_id: str, known: list[str]) -> None:
        listing = ", ".join(known) if known else "none"
        super().__init__(f"There is no document with the id '{doc_id}' (known ids: {listing}).")
        self.doc_id = doc_id


class DataFolderError(ReaderError):
    """The data or cache folder cannot be created or written."""


class ResourceError(ReaderError):
    """A file shipped with the application is missing or damaged: the install is broken."""
