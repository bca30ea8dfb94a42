"""What the index holds for each passage, and how a generation of it is opened and checked."""

from __future__ import annotations

import gc
import warnings
from pathlib import Path
from typing import Any

from whoosh.analysis import StandardAnalyzer
from whoosh.columns import RefBytesColumn
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from reader.core.search.analysis import IndexTerms
from reader.core.search.passages import Passage
from reader.core.search.phrases import pair_terms, pairs_analyzer
from reader.core.search.scoring import ListedLengthsBM25F
from reader.core.search.segment_files import SegmentStorage

SCHEMA_VERSION = 10  # 4: words given as terms, positions from 0; 5: possessives, ’ as '
# 6: doc_id a RefBytesColumn (passage_documents.py); blocks uncompressed (writing.py)
# 7: the text without positions (near_phrases.py)
# 8: fingerprints of the text's digest (passages.py): rebuilt by the bulk writer, not updated
# 9: stems by Snowball English, PyStemmer (analysis.py)
# 10: each block's front of (weight, length) pairs beside a new segment (block_fronts.py)
DOC_ANALYZER = StandardAnalyzer(stoplist=None)
TOPIC = "topic"  # the field that a new index's writer is given last (bulk_build.py)


def make_schema(analyzer: Any) -> Schema:
    return Schema(
        doc_id=ID(stored=True, sortable=RefBytesColumn()),
        doc=TEXT(analyzer=DOC_ANALYZER),
        title=STORED,
        section=TEXT(analyzer=analyzer, stored=True),
        topic=KEYWORD(stored=True, commas=True, lowercase=True),  # TOPIC
        block=STORED,
        start=STORED,
        end=STORED,
        text=TEXT(analyzer=analyzer, stored=True, phrase=False),  # near_phrases.py
        pairs=TEXT(analyzer=pairs_analyzer(analyzer), phrase=False),
    )


class Records:
    """Each passage's fields for the index, its words given as their terms (Whoosh indexes a
    list of strings as it is): so the text is analysed once for `text` and `pairs`, and
    each word once (see IndexTerms)."""

    def __init__(self, analyzer: Any) -> None:
        self._terms, self._doc_terms = IndexTerms(analyzer), IndexTerms(DOC_ANALYZER)

    def __call__(self, passage: Passage) -> dict[str, Any]:
        return {**self.all_but_topics(passage), TOPIC: self.topic(passage.topics)}

    @staticmethod
    def topic(topics: tuple[str, ...]) -> str:
        """The topic field of a passage filed under these topic ids."""
        return ",".join(topics)

    def all_but_topics(self, passage: Passage) -> dict[str, Any]:
        """The fields but the topic: for a writer that is given the topics later (see
        bulk_build.py)."""
        words = self._terms(passage.text)
        return {
            "doc_id": passage.doc_id,
            "doc": self._doc_terms(f"{passage.doc_id.replace('-', ' ')} {passage.doc_title}"),
            "title": passage.doc_title,
            "section": self._terms(passage.section),
            "_stored_section": passage.section,
            "block": passage.block,
            "start": passage.start,
            "end": passage.end,
            "text": words,
            "_stored_text": passage.text,
            "pairs": pair_terms(words),
        }


def open_generation(generation: Path) -> tuple[Any, Any, int] | str:
    """The index, a searcher and its passage count; or why it cannot be read."""
    # WORKAROUND: Whoosh leaves files open when it fails on a damaged index; they are
    # closed here, when the failure's traceback goes, not whenever the collector runs.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            ix = SegmentStorage(str(generation)).open_index()  # segment_files.py
            searcher = ix.searcher(weighting=ListedLengthsBM25F())
            return ix, searcher, touch(searcher)
        except Exception as error:  # damaged files raise struct, zlib, pickle, EOF ... errors
            reason = f"it was damaged ({type(error).__name__})"
        gc.collect()
    return reason


def touch(searcher: Any) -> int:
    """Read a little of everything, so damaged files show now rather than in a query."""
    count = int(searcher.doc_count())
    if count:
        searcher.stored_fields(0)
        searcher.stored_fields(count - 1)
        for _ in zip(range(3), searcher.lexicon("text"), strict=False):
            pass
    return count
