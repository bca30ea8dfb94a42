"""Documents: the model every feature reads, one canonical plain text with its blocks,
sentences and sections as ranges into it, and how such a document is built, cited and
searched for a phrase.

Nothing is imported here: the window's first paint needs document.py alone, not the
builder's sentence rules. The modules:
`Document`, `Metadata`, `Block`, `BlockKind`, `Section` and the document helpers
`heading_chain`, `section_title` (document.py); `BlockSpec`, `build_document`,
`normalise_space` (builder.py); `split_sentences` (sentences.py); `cite` (citation.py);
`find_all` (text_find.py).
"""
