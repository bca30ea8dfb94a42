"""The core: documents, the library and everything else that never imports Qt."""
