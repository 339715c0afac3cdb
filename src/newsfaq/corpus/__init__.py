"""Corpus and batch: inputs (folders, globs, JSONL, WARC; ``inputs``), the per-article task
(``worker``), the local pool and Dask runner (``batch``), and the output files with the SQLite
FTS5 index (``store``).

Layer 5: may import every layer below (core, ``ingest``, ``text``, ``audit``, ``ask``,
``explain``, ``render``); never ``web`` or ``cli``.
"""
