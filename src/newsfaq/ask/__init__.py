"""Ask: a reader's question answered from the article with its evidence, or "the article does
not say".

Modules: ``qanalysis`` (what the question asks: wh-word, focus, expected type), ``answertypes``
(which spans can answer a question at all), ``answer`` (retrieval, span scoring, abstention and the
:func:`ask` entry point).

Layer 3: may import the core modules, ``ingest``, ``text`` and ``audit``; never ``explain``,
``render``, ``corpus``, ``web`` or ``cli``.
"""

from newsfaq.ask.answer import answer_question, ask

__all__ = ["answer_question", "ask"]
