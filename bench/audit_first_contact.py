"""The audit as it first met each tune set: unseen text that may still be tuned on (issue 14).

A tune set's *first contact* is the code of the session that wrote it, before any reading was
fitted to it: how the audit meets text it has never seen, which is what the held-out sets
measure, on sets whose units may be read. For every tune set in :data:`FIRST_CONTACT` this
script takes that commit's ``src`` (``git archive``), audits the set with it exactly as
``bench/audit_rewrites.py`` lays it out, and records for every claim how its verdict was
reached: a contradiction, a rule (a rule check, a counterpart, new content, the claim keeping
the original's wording) or the fitted model, with the model's P(error) and its line. Pooled over
the sets it prints the units' precision, recall and false alarms

- as the verdict of the time gave them;
- with today's rule for kept wording: a finding that may be the rewriter's wording is left to
  the model (``Finding.wording``: a figure the original gives in another phrase, a sentence the
  original credits to no one, a speaker named on one side and described on the other, read
  here from the reasons of the time: "the …" against a name);
- with that rule, for each FAQ answer threshold given (``--faq-thresholds``) and for each line
  of the model on body claims the original mostly states given (``--body-lines``;
  ``newsfaq.audit.verdict.COVERED``: a claim most of whose words the original lacks keeps the
  line of the time).

Only tune sets are listed; nothing held out is read.

    .venv/bin/python bench/audit_first_contact.py --faq-thresholds 0.2 0.25 0.3
    .venv/bin/python bench/audit_first_contact.py --body-lines 0.65 0.75 0.85 0.95
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

FIRST_CONTACT = {
    "more17": "03a258d",
    "more18": "ff7ee2d",
    "more19": "ff7ee2d",
    "more20": "acf28a1",
    "more21": "acf28a1",
    "more22": "acf28a1",
    "more23": "7fdc4ff",
    "more24": "7fdc4ff",
    "more25": "7fdc4ff",
    "more26": "256dfc1",
    "more27": "707d5f5",
    "more28": "c4bfb57",
    "more29": "2a05779",
    "more30": "b01d9e5",
    "more31": "6630754",
    "more32": "39e9526",
    "more33": "0d37d1b",
    "more34": "820784f",
    "more35": "b91750a",
    "more36": "1476e50",
}
"""Tune sets and the commit each was first audited at (the session that wrote it began there;
``more24`` and ``more25`` were written later in session 27, at code that had not read them
either; ``more30`` at session 31's first audit commit, made before the set was written;
``more31`` at session 31's last commit, where session 32 began; ``more32`` at session 32's last
commit, where session 33 began; ``more33`` at session 33's last commit, where session 34
began; ``more34`` at session 34's last commit, where session 35 began; ``more35`` at session
35's last commit, where session 36 began; ``more36`` at session 36's last commit, where
session 37 began)."""

_MARK = re.compile(r"^\[\[fc:(?P<json>\{.*?\})\]\] ")


_CREDITS = re.compile(
    r"the claim credits “(?P<mine>[^”]*)”.*the original credits “(?P<theirs>[^”]*)”"
)


_ONLY_IN = re.compile(r"the figure only in “(?P<phrase>[^”]*)”")


def _may_be_wording(reason: str, claim: str) -> bool:
    """Today's ``Finding.wording``, read from a reason of the time (and the claim's text): a
    figure the original gives in another phrase that counts nothing else, a sentence credited
    to no one, a speaker described ("the …") on one side and named on the other."""
    if "does not credit this to" in reason:
        return True
    only = _ONLY_IN.search(reason)
    if only is not None:
        from newsfaq.audit.checks.figures import _counts_nothing_else, _figures
        from newsfaq.text.nlp import parse

        given = _figures(parse(only["phrase"])[:])
        return bool(given) and all(_counts_nothing_else(g, claim) for g in given)
    m = _CREDITS.search(reason)
    if m is None:
        return False

    def described(speaker: str) -> bool:
        return speaker.lower().startswith(("the ", "a ", "an ", "its ", "their "))

    return described(m["mine"]) != described(m["theirs"])


def _worker(name: str, out: Path) -> None:
    """Audit one set with the ``newsfaq`` on ``PYTHONPATH`` and write its units' claims."""
    import importlib

    sys.path.insert(0, str(ROOT / "bench"))
    from audit_rewrites import load_set, run, split

    pipeline = importlib.import_module("newsfaq.audit.pipeline")
    verdict = importlib.import_module("newsfaq.audit.verdict")
    judge = pipeline.judge

    def tags_of(result: Any, faq: bool) -> list[str]:
        tags = []
        for f in result.findings:
            if f.severity == "contradicted":
                tags.append("contradicted")
            elif f.check in verdict.RULE_CHECKS:
                tags.append("rule check")
            elif getattr(f, "counterpart", False):
                tags.append("counterpart")
            elif getattr(f, "new_content", False):
                tags.append("new content")
            elif result.trigrams >= verdict.REWORDED_TRIGRAMS and (faq or f.check != "content"):
                tags.append(f"kept: {f.reason}")
        return tags

    claims_of: dict[int, str] = {}
    checked_claims = pipeline.checked_claims

    def recording_checked(*args: Any, **kw: Any) -> Any:
        found = checked_claims(*args, **kw)
        claims_of.update((id(c.result), c.claim.text) for c in found)
        return found

    pipeline.checked_claims = recording_checked

    def recording(result: Any, ordered: Any, *, answer: bool, **kw: Any) -> Any:
        j = judge(result, ordered, answer=answer, **kw)
        faq = answer if kw.get("in_faq") is None else bool(kw["in_faq"])
        model = verdict.load_model()
        note = {
            "p": model.p_error(verdict.claim_features(result, answer=answer)),
            "line": model.line(answer=faq),
            "faq": faq,
            "tags": tags_of(result, faq),
            "checks": [f"{f.severity}:{f.check}" for f in result.findings],
            "trigrams": result.trigrams,
            "coverage": result.coverage,
            "doc_coverage": result.doc_coverage,
            "claim": claims_of.get(id(result), ""),
        }
        reasons = list(j.reasons) or [""]
        reasons[0] = f"[[fc:{json.dumps(note)}]] {reasons[0]}"
        return verdict.Judgement(j.verdict, j.score, reasons)

    pipeline.judge = recording
    docs = load_set(ROOT / "bench" / "data" / f"rewrites-{name}")
    res = run(docs, split([d["id"] for d, _ in docs]))
    units = []
    for u in res.units:
        if u.kind == "heading" or not u.counted:
            continue
        claims = []
        for c in u.claims:
            m = _MARK.match(c["first_reason"] or "")
            if m is not None:
                claims.append({"verdict": c["verdict"], **json.loads(m["json"])})
        units.append({"kind": u.kind, "error": u.label == "error", "claims": claims})
    out.write_text(json.dumps(units), encoding="utf-8")


def _audit_at(
    name: str, commit: str, cache: Path, *, src_only: bool = False
) -> list[dict[str, Any]]:
    """The set's units as the code at ``commit`` audits it (kept in ``cache``); with
    ``src_only``, only that code checked out."""
    src = cache / commit
    if not src.exists():
        src.mkdir(parents=True)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "src"], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(src)], input=archive, check=True)
    if src_only:
        return []
    out = cache / f"{name}-{commit}.json"
    if not out.exists():
        env = os.environ | {"PYTHONPATH": str(src / "src")}
        subprocess.run(
            [sys.executable, __file__, "--worker", name, str(out)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    units: list[dict[str, Any]] = json.loads(out.read_text(encoding="utf-8"))
    return units


@dataclass
class Tally:
    caught: int = 0
    errors: int = 0
    false_alarms: int = 0
    faithful: int = 0

    def row(self, label: str) -> str:
        p = self.caught / max(1, self.caught + self.false_alarms)
        r = self.caught / max(1, self.errors)
        fa = 100 * self.false_alarms / max(1, self.faithful)
        return (
            f"| {label} | {p:.3f} | {r:.3f} ({self.caught} of {self.errors}) "
            f"| {fa:.2f}% ({self.false_alarms} of {self.faithful}) |"
        )


def _ruled_now(claim: dict[str, Any]) -> bool:
    """Whether a rule of today's verdict decides the claim: any rule of the time but a
    kept-wording finding that may be wording."""
    return any(
        not (t.startswith("kept: ") and _may_be_wording(t[6:], claim["claim"]))
        for t in claim["tags"]
    )


def _covered() -> float:
    """Today's ``newsfaq.audit.verdict.COVERED``, imported here (in the tally, which runs today's
    code) and not at the top: the worker imports this file under another commit's code."""
    from newsfaq.audit.verdict import COVERED

    return COVERED


def _flagged(
    claim: dict[str, Any], policy: str, faq_line: float | None, body_line: float | None = None
) -> bool:
    if policy == "then":
        return bool(claim["verdict"] != "supported")
    if claim["ruled_now"]:
        return True
    line = claim["line"]
    if claim["faq"] and faq_line is not None:
        line = faq_line
    elif not claim["faq"] and body_line is not None and claim["doc_coverage"] >= _covered():
        line = body_line  # a claim the original mostly lacks keeps the line of the time
    return bool(claim["p"] >= line)


def _tally(
    units: list[dict[str, Any]],
    kind: str,
    policy: str,
    faq_line: float | None,
    body_line: float | None = None,
) -> Tally:
    t = Tally()
    for u in units:
        if u["kind"] != kind:
            continue
        hit = any(_flagged(c, policy, faq_line, body_line) for c in u["claims"])
        if u["error"]:
            t.errors += 1
            t.caught += hit
        else:
            t.faithful += 1
            t.false_alarms += hit
    return t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--faq-thresholds", nargs="*", type=float, default=[])
    ap.add_argument(
        "--body-lines",
        nargs="*",
        type=float,
        default=[],
        help="P(error) lines of the model for covered body claims to tally",
    )
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "first-contact")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--worker", nargs=2, metavar=("SET", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        _worker(args.worker[0], Path(args.worker[1]))
        return 0
    args.cache.mkdir(parents=True, exist_ok=True)
    for commit in dict.fromkeys(FIRST_CONTACT.values()):
        _audit_at("", commit, args.cache, src_only=True)
    print(f"auditing {len(FIRST_CONTACT)} sets, {args.jobs} at a time ...", file=sys.stderr)
    with ThreadPoolExecutor(args.jobs) as pool:
        found = pool.map(lambda item: _audit_at(*item, args.cache), FIRST_CONTACT.items())
    units = [u for set_units in found for u in set_units]
    for u in units:  # read once: the policies and thresholds below only count
        for c in u["claims"]:
            c["ruled_now"] = _ruled_now(c)
    print(f"First contact, pooled over {len(FIRST_CONTACT)} tune sets: {', '.join(FIRST_CONTACT)}")
    print()
    print("| verdict | precision | recall | false alarms |")
    print("|---|---:|---:|---:|")
    for kind in ("body", "faq"):
        print(_tally(units, kind, "then", None).row(f"{kind}, as then"))
        print(_tally(units, kind, "now", None).row(f"{kind}, kept wording weighed"))
    for line in args.faq_thresholds:
        print(_tally(units, "faq", "now", line).row(f"faq, kept wording weighed, line {line}"))
    for line in args.body_lines:
        label = f"body, kept wording weighed, line {line} for covered claims"
        print(_tally(units, "body", "now", None, line).row(label))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
