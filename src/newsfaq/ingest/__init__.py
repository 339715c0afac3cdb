"""Ingest: sources (files, stdin, HTML, URLs) in, :class:`~newsfaq.models.Article` out.

Modules: ``loader`` (reading, decoding, binary and language checks, HTML extraction, header, credit
line and appended-FAQ split), ``files`` (regular files only, read under a size cap), ``fetch``
(SSRF-safe HTTP with size and time limits), ``credit`` (the original's credit line).

Layer 1: may import only the core modules (``newsfaq.models``, ``errors``, ``settings``,
``atomic``); never ``text`` or any higher layer.
"""
