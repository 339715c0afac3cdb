"""Benchmark the audit on statements made from SQuAD 2.0 questions: who did what, read closely.

Reads ``../shared/data/squad-v2.0-half/dev-v2.0-half.json.zip`` in place (never copied). Each
question and an answer make the statement they imply (:func:`newsfaq.text.statement.statement`,
the one ``ask`` verifies): an answerable question with its first gold answer makes a statement
its paragraph supports ("Rollo swore fealty to King Charles III."); an unanswerable question
with the answer its writer made it look for (SQuAD's ``plausible_answers``) makes one its
paragraph does not support, since the crowd wrote those questions to be unanswerable from the
paragraph: another person or place put in the act, a negation or an antonym, a changed figure
or date, a condition the paragraph does not meet. Each statement is audited against its
paragraph as a user's derived text is (:func:`newsfaq.audit.audit_analysis`); a statement is
flagged when any of its claims is not ``supported``.

Reported per part: false alarms (flagged statements of answerable questions) and recall
(flagged statements of unanswerable ones). SQuAD's unanswerable questions are not all
unsupported statements (some are answerable after all, some ask about what the paragraph says
in other words), so recall here has a ceiling below 100%. Split as ``bench/ask_squad2.py``
(articles at even index: TUNE, odd: HELD-OUT); read unit-level output of the TUNE part only.

    .venv/bin/python bench/audit_statements.py                    # HELD-OUT figures
    .venv/bin/python bench/audit_statements.py --part tune --misses 30 --alarms 30
"""

# ruff: noqa: E402  (thread limits must be set before numpy and spaCy are imported)
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ask_squad import read_squad
from ask_squad2 import DATA, in_part
from newsfaq.ask.verify import answer_lead
from newsfaq.audit import audit_analysis
from newsfaq.models import Article
from newsfaq.text.nlp import Analysis, analyze, parse
from newsfaq.text.statement import statement


@dataclass(frozen=True)
class Case:
    """A statement to audit against its paragraph, and whether the paragraph supports it."""

    article: int
    paragraph: int
    question: str
    answer: str
    start: int
    supported: bool


def load(path: Path) -> tuple[list[str], list[Case]]:
    """Paragraph texts and one case per question that has a gold or plausible answer."""
    data = read_squad(path)
    contexts: list[str] = []
    cases: list[Case] = []
    for a, art in enumerate(data["data"]):
        for para in art["paragraphs"]:
            pi = len(contexts)
            contexts.append(para["context"])
            for qa in para["qas"]:
                impossible = bool(qa.get("is_impossible"))
                answers = qa.get("plausible_answers" if impossible else "answers") or []
                answers = [x for x in answers if x["text"].strip()]
                if answers:
                    first = answers[0]
                    cases.append(
                        Case(
                            a,
                            pi,
                            qa["question"],
                            first["text"],
                            first["answer_start"],
                            not impossible,
                        )
                    )
    return contexts, cases


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--part", choices=("tune", "heldout"), default="heldout")
    ap.add_argument("--limit", type=int, default=0, help="only the first N cases of the part")
    ap.add_argument("--misses", type=int, default=0, help="TUNE only: print N missed statements")
    ap.add_argument("--alarms", type=int, default=0, help="TUNE only: print N false alarms")
    args = ap.parse_args()
    if (args.misses or args.alarms) and args.part != "tune":
        sys.exit("unit-level output is for the TUNE part only")
    contexts, cases = load(args.data)
    sel = [c for c in cases if in_part(c.article, args.part)]
    if args.limit:
        sel = sel[: args.limit]
    analyses: dict[int, Analysis] = {}
    flagged: list[tuple[Case, str, str]] = []
    kept: list[tuple[Case, str]] = []
    t0 = time.process_time()
    for c in sel:
        if c.paragraph not in analyses:
            text = contexts[c.paragraph]
            analyses[c.paragraph] = analyze(Article(text=text, paragraphs=[(0, len(text))]))
        analysis = analyses[c.paragraph]
        lead = answer_lead(analysis, c.answer, analysis.sentence_at(c.start).id)
        said = statement(c.question, c.answer, parse(c.question), lead=lead)
        report = audit_analysis(analysis, said)
        bad = [x for x in report.claims if x.verdict != "supported"]
        if bad:
            flagged.append((c, said, bad[0].reasons[0] if bad[0].reasons else bad[0].verdict))
        else:
            kept.append((c, said))
    cpu = time.process_time() - t0
    n_sup = sum(c.supported for c in sel)
    n_uns = len(sel) - n_sup
    fa = sum(c.supported for c, _, _ in flagged)
    caught = sum(not c.supported for c, _, _ in flagged)
    out = {
        "part": args.part,
        "statements": len(sel),
        "supported_by_paragraph": n_sup,
        "false_alarms": fa,
        "false_alarm_percent": round(100 * fa / max(n_sup, 1), 1),
        "from_unanswerable": n_uns,
        "flagged": caught,
        "recall_percent": round(100 * caught / max(n_uns, 1), 1),
        "cpu_ms_per_statement": round(1000 * cpu / max(len(sel), 1), 1),
    }
    print(json.dumps(out, indent=1))
    for c, said in [(c, s) for c, s in kept if not c.supported][: args.misses]:
        print("MISS |", c.question, "|", said, file=sys.stderr)
    for said, why in [(s, w) for c, s, w in flagged if c.supported][: args.alarms]:
        print("ALARM |", said, "|", why[:200], file=sys.stderr)


if __name__ == "__main__":
    main()
