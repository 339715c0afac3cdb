"""Run every check of one claim against its evidence sentences."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsfaq.audit.align import Aligner
from newsfaq.text.nlp import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
from newsfaq.audit.checks.attribution import _check_attribution, _check_attribution_removed
from newsfaq.audit.checks.causal import check_added_reason, check_causal, check_stated_reasons
from newsfaq.audit.checks.clauses import (
    check_added_clauses,
    check_added_comparison,
    check_added_phrases,
    check_added_superlatives,
)
from newsfaq.audit.checks.common import CheckResult
from newsfaq.audit.checks.content import _check_content, _trigram_coverage
from newsfaq.audit.checks.dates import (
    _check_dates,
    _check_temporal,
    _check_time_of_day,
    reference_date,
)
from newsfaq.audit.checks.estimates import check_estimate_sources
from newsfaq.audit.checks.figures import _check_numbers, check_ranked_superlatives
from newsfaq.audit.checks.lists import check_lists
from newsfaq.audit.checks.names import (
    _check_affiliation,
    _check_entities,
    _check_kin,
    _check_pronouns,
    _check_slot_swap,
    check_exchanged_names,
    check_opposite_way,
    check_renamed,
    check_titled_affiliation,
)
from newsfaq.audit.checks.negation_modality import _check_polarity_modality
from newsfaq.audit.checks.payers import check_payers
from newsfaq.audit.checks.relations import (
    _check_described_doer,
    _check_direction,
    _check_modifiers,
    _check_objects,
    _check_pronoun_doer,
    _check_roles,
    _check_swapped_participants,
    _check_voice_turned,
    _check_who_is_who,
    _relation_coverage,
    check_figure_party,
    check_owner,
    check_party_acts,
)
from newsfaq.audit.checks.transfers import check_transfer

_QUESTION_HEDGES = frozenset({"would", "could", "might", "may", "expected", "likely"})


def _hedged_question(question: SpacySpan) -> bool:
    """A question asked with a hedge ("When would ...?", "What is expected to ...?"; not the
    month of "What happens in May?")."""
    return any(
        t.lower_ in _QUESTION_HEDGES and (t.tag_ == "MD" or t.pos_ != "PROPN") for t in question
    )


def check_claim(
    claim: SpacySpan,
    evidence: Sequence[Sentence],
    aligner: Aligner,
    *,
    question: SpacySpan | None = None,
    reference: tuple[dt.date | None, str] | None = None,
) -> CheckResult:
    """Run every check on ``claim`` against its ``evidence`` sentences of the original.

    >>> from newsfaq.ingest.loader import from_text
    >>> from newsfaq.text.nlp import analyze, parse
    >>> al = Aligner(analyze(from_text("The council approved the plan on Monday.")))
    >>> c = parse("The council did not approve the plan.")[:]
    >>> [f.check for f in check_claim(c, al.align(c).sentences, al).findings]
    ['negation']
    """
    out = CheckResult()
    ev_index = aligner.index_for(evidence)
    _check_content(claim, question, evidence, ev_index, aligner, out)
    _check_numbers(claim, evidence, aligner, out, question)
    check_ranked_superlatives(claim, evidence, out)
    _check_dates(claim, evidence, aligner, out, question)
    _check_time_of_day(claim, aligner, out, evidence)
    _check_entities(claim, ev_index, aligner, out)
    check_opposite_way(claim, evidence, out)
    _check_roles(claim, evidence, out)
    _check_swapped_participants(claim, evidence, out)
    _check_voice_turned(claim, evidence, out)
    _check_direction(claim, evidence, out)
    check_transfer(claim, evidence, out)
    _check_pronoun_doer(claim, evidence, out)
    _check_described_doer(claim, evidence, out)
    check_party_acts(claim, aligner, out)
    _check_objects(claim, evidence, aligner, out)
    _check_who_is_who(claim, aligner, out)
    _check_modifiers(claim, evidence, aligner, out)
    _check_slot_swap(claim, evidence, aligner, out)
    check_exchanged_names(claim, evidence, aligner, out)
    check_renamed(claim, aligner, out)
    _check_affiliation(claim, evidence, out)
    check_titled_affiliation(claim, aligner, out)
    _check_kin(claim, evidence, aligner, out)
    check_figure_party(claim, aligner, out)
    check_owner(claim, aligner, out)
    check_lists(claim, evidence, aligner, out)
    check_payers(claim, aligner, out)
    check_added_clauses(claim, aligner, out)
    check_added_phrases(claim, aligner, out)
    check_added_superlatives(claim, evidence, aligner, out)
    check_added_comparison(claim, evidence, aligner, out)
    check_causal(claim, evidence, out)
    check_added_reason(claim, evidence, aligner, out)
    check_stated_reasons(claim, aligner, out)
    _check_polarity_modality(claim, evidence, out)
    if (
        question is not None
        and _hedged_question(question)
        and not any(t.tag_ == "MD" for t in claim)
    ):
        # "When would the school open?" "From September 2027, run from ...": an answer with no
        # modal of its own keeps the hedge its question asks with ("will" in it would not)
        out.findings = [f for f in out.findings if not f.reason.startswith("certainty:")]
    _check_attribution(claim, evidence, aligner, out)
    check_estimate_sources(claim, evidence, out)
    _check_attribution_removed(claim, question, evidence, aligner, out)
    _check_temporal(
        claim, evidence, reference if reference is not None else reference_date(aligner), out
    )
    if question is None:  # an answer's pronoun stands for whom its question names
        _check_pronouns(claim, evidence, out)
    out.relations = _relation_coverage(claim, evidence)
    out.trigrams = _trigram_coverage(claim, evidence)
    return out
