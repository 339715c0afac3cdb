"""Rule checks of one claim against its evidence sentences: each finding has a readable reason.

Checks, one module per family: figures (normalised, approximate vs exact, simple derived
figures), dates (and temporal sanity against the article date), names (people, organisations,
places), negation and modality, attribution (and estimates: which source gives which figure),
relations (who did what to whom) and transfers (who pays or gives whom), lists, payers (who
pays for what), clauses that add an event, and content words absent from the original.
:mod:`.common` holds the result types and shared helpers, :mod:`.core` runs them all
(:func:`check_claim`).
"""

from newsfaq.audit.checks.common import (
    CERTAIN_MODALS,
    CERTAIN_WORDS,
    FUTURE_WORDS,
    HEDGE_MODALS,
    HEDGE_WORDS,
    LIGHT_VERBS,
    NAMED,
    SAY_VERBS,
    CheckResult,
    Finding,
    Severity,
)
from newsfaq.audit.checks.core import check_claim
from newsfaq.audit.checks.dates import DatePart, date_parts, reference_date
from newsfaq.audit.checks.negation_modality import hedge_of

__all__ = [
    "CERTAIN_MODALS",
    "CERTAIN_WORDS",
    "FUTURE_WORDS",
    "HEDGE_MODALS",
    "HEDGE_WORDS",
    "LIGHT_VERBS",
    "NAMED",
    "SAY_VERBS",
    "CheckResult",
    "DatePart",
    "Finding",
    "Severity",
    "check_claim",
    "date_parts",
    "hedge_of",
    "reference_date",
]
