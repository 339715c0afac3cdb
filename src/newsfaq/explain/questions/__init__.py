"""Rule-based question generation over an existing spaCy parse (Heilman & Smith style).

One transformation engine serves both the FAQ (overgenerate candidates from every sentence) and
the answer-aware mode (ask about a given answer span). Nothing here re-parses text: every
transformation is done on tokens of the parse the caller already has.

Modules, in the order of the steps (each imports only the ones before it):
``syntax`` (shared helpers and the pronoun resolver), ``realization`` (a question plan to a
question string), ``whchoice`` (the question word for an answer), ``transforms`` (the question
for one answer span), ``candidates`` (overgenerate per sentence), ``answer_aware`` (ask about a
given span, with fallbacks), then the FAQ steps: ``filters`` (what is never asked, each
rejection named), ``ranking`` (features, hand-set score, learned ranker) and ``selection``
(the gist first, distinct items, fewer rather than weak ones).
"""

from newsfaq.explain.questions.answer_aware import ask_in_doc
from newsfaq.explain.questions.candidates import Candidate, sentence_candidates
from newsfaq.explain.questions.realization import _finish
from newsfaq.explain.questions.syntax import Resolver, clause_head, noun_phrase
from newsfaq.explain.questions.transforms import question_for_span

__all__ = [
    "Candidate",
    "Resolver",
    "_finish",
    "ask_in_doc",
    "clause_head",
    "noun_phrase",
    "question_for_span",
    "sentence_candidates",
]
