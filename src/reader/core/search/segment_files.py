"""The files inside a segment, each read from a memory map of its own: nothing copied when
the index opens, and Whoosh's reads (seek, read, unpickle) done by the map in C.

WORKAROUND: over a memory map of the whole segment Whoosh copies each file it opens into a
BytesIO (the 150 MB of postings at 50,000 passages: 130 ms, most of an opening); without
the map it reads through Python sub-file objects, and unpickling a posting block's header
called their read() some twenty times (a third of a common word's time). Here each file of
the segment is mapped from its own page, and the map is the file Whoosh reads.
"""

from __future__ import annotations

import mmap
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import BufferFile, StructFile


class SegmentStorage(FileStorage):
    """An index folder whose segments' files are memory maps (MappedFile)."""

    def __init__(self, path: str) -> None:
        # Whoosh's own map (supports_mmap) copies; its sub-files come from subset() instead.
        super().__init__(path, supports_mmap=False)

    def open_file(self, name: str, **kwargs: Any) -> Any:
        return _Mappable(open(self._fpath(name), "rb"), name=name, **kwargs)  # noqa: SIM115


class _Mappable(StructFile):
    """A file whose parts (the files of a compound segment) are opened as memory maps."""

    def subset(self, offset: int, length: int, name: str | None = None) -> Any:
        if length == 0:
            return BufferFile(memoryview(b""), name=name)
        start = offset - offset % mmap.ALLOCATIONGRANULARITY
        mapped = mmap.mmap(
            self.file.fileno(), offset - start + length, offset=start, access=mmap.ACCESS_READ
        )
        return MappedFile(mapped, offset - start, length, name)


class MappedFile(BufferFile):
    """A BufferFile over `length` bytes at `base` of a memory map, which is its file."""

    def __init__(self, mapped: mmap.mmap, base: int, length: int, name: str | None) -> None:
        self._buf = memoryview(mapped)[base : base + length]
        self._name = name
        self._base, self._length = base, length
        self.file = mapped
        self.onclose = None
        self.is_real = False
        self.is_closed = False
        mapped.seek(base)

    def seek(self, position: int, whence: int = 0) -> Any:
        if whence == 0:
            return self.file.seek(self._base + position)
        if whence == 2:
            return self.file.seek(self._base + self._length + position)
        return self.file.seek(position, 1)  # from here

    def tell(self) -> int:
        return int(self.file.tell()) - self._base

    def close(self) -> None:
        if self.is_closed:
            return
        self.is_closed = True
        self._buf.release()
        try:
            self.file.close()
        except BufferError:  # a view of it is still held: the map goes when that does
            pass
