"""Benchmark the audit on content-farm rewrites with labelled injected errors (issue 14).

Each rewrite file holds an original article and two rewrites of it in the style content farms
publish (every sentence paraphrased, a new headline, an appended FAQ, a credit line): a
``faithful`` one (every sentence entailed by the original) and an ``errors`` one (the same
sentences except 6-8 with exactly one injected error each, labelled with an ``error_type``).
The format is in ``../shared/data/rewrites/README.md``. ``--set shared`` (default) reads those
files in place (never copied); ``--set own`` reads ``bench/data/rewrites/*.json``, rewrites of
the project's own test articles written for the project, whose ``original_path`` names the
article (relative to the repository root) instead of giving its text.

Every rewrite is laid out as a page and audited with ``newsfaq.audit(original, page)`` exactly
as a user would (public API only):

- the headline: the first rewrite sentence if it is a heading (it does not end in ``. ! ? :``,
  closing quotes and brackets aside), then a blank line; otherwise no headline;
- the body sentences in paragraphs of at most 3 sentences; a later sentence that is a heading
  (a subhead) or a list item (``1.``, ``2)``, ``-``) stands on its own line;
- ``Frequently Asked Questions``, then each question on its own line followed by its answer on
  the next, items separated by a blank line;
- the credit line.

A unit is a rewrite sentence (kind ``body``; the headline and subheads are kind ``heading`` and
are reported on their own row, outside the body figures) or an FAQ answer (kind ``faq``). A
unit is flagged when any claim of the report overlapping its characters has a verdict other
than ``supported``. The faithful and the errors page carry the
same FAQ; FAQ answers are counted once, from the errors page. Figures, per kind of unit:

- precision: flagged errors / flagged units, over both pages (``P``) and over the errors page
  only (``P err-page``);
- recall: flagged errors / errors, and per ``error_type``;
- false alarms: flagged faithful units / faithful units (the faithful page's sentences and the
  faithful sentences of the errors page);
- CPU ms per claim: ``time.process_time`` of the ``newsfaq.audit`` calls (after one warm-up
  call that loads the spaCy pipeline) over the number of claims in their reports;
- flags outside units: non-supported claims that overlap no unit (the FAQ heading, a question,
  the credit line), which a reader of the report sees too.

The fixed split: the files are sorted by name and shuffled with ``random.Random(14)``; the first
half (7 of the 14 shared files, 5 of the 10 own files; ``len // 2`` of any set) is the TUNE
part, on which rules may be fitted; the rest is HELD-OUT. Figures are printed for tune, held-out
and all; the examples of false alarms, missed errors and flagged headings (``--examples``) come
from the TUNE part only. ``--json PATH`` writes every unit (text, label, error type, flagged,
the overlapping claims with verdict, score and first reason) and the flags outside units.

    .venv/bin/python bench/audit_rewrites.py [--set shared|own] [--data DIR] [--json PATH]
                                             [--examples 10]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import newsfaq

ROOT = Path(__file__).resolve().parents[1]
DATA = {
    "shared": ROOT.parent / "shared/data/rewrites",
    "own": ROOT / "bench/data/rewrites",
}
SEED = 14
PARAGRAPH = 3
FAQ_HEADING = "Frequently Asked Questions"
KINDS = ("body", "faq", "heading")
ERROR_TYPES = (
    "number",
    "entity",
    "name_corruption",
    "date_time",
    "negation",
    "modality",
    "attribution",
    "relation",
    "invented",
    "garbled",
)
# Issue 14, "Must show": body precision, recall, false alarms; FAQ recall, false alarms.
TARGETS = "body P >= 0.80, R >= 0.75, FA <= 5%, R >= 0.6 per type except garbled; " + (
    "FAQ R >= 0.75, FA <= 10%; < 20 ms CPU per claim"
)
_CLOSERS = "\"'”’)]»"
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[-•*])\s")


def is_heading(text: str) -> bool:
    """A headline or subhead: no sentence-final punctuation (closing quotes aside)."""
    stripped = text.strip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] not in ".!?:;…"


@dataclass
class Unit:
    """A rewrite sentence or FAQ answer, with its place in the page and what the audit said."""

    file: str
    part: str
    page: str  # "faithful" or "errors"
    kind: str  # "body", "heading" or "faq"
    index: int  # sentence index in the rewrite, or FAQ item index
    text: str
    label: str
    error_type: str | None = None
    explanation: str | None = None
    question: str | None = None
    start: int = 0
    end: int = 0
    counted: bool = True
    flagged: bool = False
    claims: list[dict[str, Any]] = field(default_factory=list)

    @property
    def first_reason(self) -> str:
        """The first reason of the first non-supported claim overlapping the unit."""
        for claim in self.claims:
            if claim["verdict"] != "supported":
                return f"{claim['verdict']}: {claim['first_reason'] or '(no reason given)'}"
        return ""


def layout(doc: dict[str, Any], page: str, part: str) -> tuple[str, list[Unit]]:
    """The page for one rewrite (``page`` is ``faithful`` or ``errors``) and its units."""
    name = doc["id"]
    chunks: list[str] = []
    units: list[Unit] = []
    pos = 0

    def put(text: str) -> tuple[int, int]:
        nonlocal pos
        chunks.append(text)
        start = pos
        pos += len(text)
        return start, start + len(text)

    sentences = doc[page]["sentences"]
    paragraph = 0  # sentences in the current paragraph
    for i, s in enumerate(sentences):
        text = s["text"].strip()
        heading = is_heading(text)
        kind = "heading" if heading else "body"
        own_line = heading or bool(_LIST_ITEM.match(text))
        if i == 0 and heading:
            start, end = put(text)
            put("\n\n")
        else:
            if own_line or paragraph >= PARAGRAPH:
                if paragraph:
                    put("\n\n")
                paragraph = 0
            elif paragraph:
                put(" ")
            start, end = put(text)
            paragraph += 1
            if own_line:
                put("\n\n")
                paragraph = 0
        units.append(
            Unit(
                name,
                part,
                page,
                kind,
                i,
                text,
                s["label"],
                s.get("error_type"),
                s.get("explanation"),
                start=start,
                end=end,
            )
        )
    if paragraph:
        put("\n\n")
    put(FAQ_HEADING + "\n\n")
    for j, item in enumerate(doc["faq"]):
        put(item["q"].strip() + "\n")
        start, end = put(item["a"].strip())
        put("\n\n")
        units.append(
            Unit(
                name,
                part,
                page,
                "faq",
                j,
                item["a"].strip(),
                item["label"],
                item.get("error_type"),
                item.get("explanation"),
                question=item["q"].strip(),
                start=start,
                end=end,
                counted=page == "errors",
            )
        )
    put(doc["credit"].strip() + "\n")
    return "".join(chunks), units


def split(names: list[str]) -> dict[str, str]:
    """The fixed rule: sorted, ``random.Random(14).shuffle``, first half tune, rest held-out."""
    order = sorted(names)
    random.Random(SEED).shuffle(order)
    half = len(order) // 2
    return {n: ("tune" if i < half else "held-out") for i, n in enumerate(order)}


def load_set(data: Path) -> list[tuple[dict[str, Any], str | Path]]:
    """The rewrite files of ``data`` (sorted by name) with the original to audit against."""
    out: list[tuple[dict[str, Any], str | Path]] = []
    for path in sorted(data.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc.setdefault("id", path.stem)
        original: str | Path = doc.get("original") or ROOT / doc["original_path"]
        out.append((doc, original))
    return out


@dataclass
class Run:
    """All units of a set and the audit's cost and out-of-unit flags per part."""

    units: list[Unit] = field(default_factory=list)
    cpu: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    claims: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    outside: list[dict[str, Any]] = field(default_factory=list)


def claim_record(claim: newsfaq.Claim) -> dict[str, Any]:
    return {
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "verdict": claim.verdict,
        "score": round(claim.score, 4),
        "first_reason": claim.reasons[0] if claim.reasons else None,
    }


def run(docs: list[tuple[dict[str, Any], str | Path]], parts: dict[str, str]) -> Run:
    """Audit both pages of every file and map the claims back to the units by offsets."""
    result = Run()
    newsfaq.audit("The council met on Monday, the mayor said.", "The council met on Monday.")
    for doc, original in docs:
        part = parts[doc["id"]]
        for page in ("faithful", "errors"):
            text, units = layout(doc, page, part)
            t0 = time.process_time()
            report = newsfaq.audit(original, text)
            result.cpu[part] += time.process_time() - t0
            result.claims[part] += len(report.claims)
            if report.derived_text != text:
                sys.exit(f"{doc['id']}: the report's derived text differs from the page given")
            used = [False] * len(report.claims)
            for unit in units:
                for k, claim in enumerate(report.claims):
                    if claim.start < unit.end and claim.end > unit.start:
                        used[k] = True
                        unit.claims.append(claim_record(claim))
                unit.flagged = any(c["verdict"] != "supported" for c in unit.claims)
            result.units.extend(units)
            for k, claim in enumerate(report.claims):
                if not used[k] and claim.verdict != "supported":
                    rec = claim_record(claim)
                    rec.update(file=doc["id"], part=part, page=page)
                    result.outside.append(rec)
    return result


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "-"


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "-"


def metrics(units: list[Unit]) -> dict[str, Any]:
    """Counts, precision (both pages, errors page), recall and false alarms of some units."""
    errors = [u for u in units if u.label == "error"]
    faithful = [u for u in units if u.label != "error"]
    tp = sum(u.flagged for u in errors)
    fp = sum(u.flagged for u in faithful)
    fp_err = sum(u.flagged for u in faithful if u.page == "errors")
    return {
        "faithful": len(faithful),
        "errors": len(errors),
        "tp": tp,
        "fp": fp,
        "fp_errors_page": fp_err,
        "precision": tp / (tp + fp) if tp + fp else None,
        "precision_errors_page": tp / (tp + fp_err) if tp + fp_err else None,
        "recall": tp / len(errors) if errors else None,
        "false_alarm_rate": fp / len(faithful) if faithful else None,
        "unaudited": sum(not u.claims for u in units),
    }


def by_type(units: list[Unit]) -> dict[str, tuple[int, int]]:
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for u in units:
        if u.label == "error":
            out[u.error_type or "?"][0] += u.flagged
            out[u.error_type or "?"][1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def report(res: Run, parts: dict[str, str], title: str) -> dict[str, Any]:
    """Print the Markdown tables; return the figures for the JSON."""
    groups = {"tune": ["tune"], "held-out": ["held-out"], "all": ["tune", "held-out"]}
    counted = [u for u in res.units if u.counted]
    summary: dict[str, Any] = {}
    print(f"## {title}\n")
    for name in ("tune", "held-out"):
        files = sorted(f for f, p in parts.items() if p == name)
        print(f"- {name} ({len(files)}): {', '.join(files)}")
    print(f"\nTargets (issue 14): {TARGETS}\n")
    print(
        "| part | kind | faithful | errors | flagged err | flagged faithful | P | P err-page "
        "| R | false alarms | no claim |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for g, members in groups.items():
        summary[g] = {}
        for kind in KINDS:
            units = [u for u in counted if u.part in members and u.kind == kind]
            if not units:
                continue
            m = metrics(units)
            m["by_type"] = by_type(units)
            summary[g][kind] = m
            print(
                f"| {g} | {kind} | {m['faithful']} | {m['errors']} | {m['tp']} | {m['fp']} "
                f"| {ratio(m['tp'], m['tp'] + m['fp'])} "
                f"| {ratio(m['tp'], m['tp'] + m['fp_errors_page'])} "
                f"| {ratio(m['tp'], m['errors'])} | {pct(m['fp'], m['faithful'])} "
                f"| {m['unaudited']} |"
            )
        cpu = sum(res.cpu[p] for p in members)
        n_claims = sum(res.claims[p] for p in members)
        outside = [o for o in res.outside if o["part"] in members]
        summary[g]["cpu_ms_per_claim"] = 1000 * cpu / n_claims if n_claims else None
        summary[g]["claims"] = n_claims
        summary[g]["flags_outside_units"] = len(outside)
    print(
        "\n| part | claims | CPU ms per claim "
        "| flags outside units (FAQ heading, questions, credit) |"
    )
    print("|---|---:|---:|---:|")
    for g in groups:
        s = summary[g]
        ms = f"{s['cpu_ms_per_claim']:.1f}" if s["cpu_ms_per_claim"] is not None else "-"
        print(f"| {g} | {s['claims']} | {ms} | {s['flags_outside_units']} |")
    for kind in ("body", "faq"):
        types = [
            t
            for t in ERROR_TYPES
            if any(t in summary[g].get(kind, {}).get("by_type", {}) for g in groups)
        ]
        if not types:
            continue
        print(f"\nRecall per error type, {kind} {'sentences' if kind == 'body' else 'answers'}:\n")
        print("| error type | tune | held-out | all |")
        print("|---|---:|---:|---:|")
        for t in types:
            cells = []
            for g in groups:
                k, n = summary[g].get(kind, {}).get("by_type", {}).get(t, (0, 0))
                cells.append(f"{k}/{n} ({ratio(k, n)})" if n else "-")
            print(f"| {t} | {' | '.join(cells)} |")
    return summary


def interleave(units: list[Unit]) -> list[Unit]:
    """Units taken one per file in turn (file order, then text order), duplicates dropped."""
    per_file: dict[str, list[Unit]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()
    for u in units:
        if (u.file, u.text) not in seen:
            seen.add((u.file, u.text))
            per_file[u.file].append(u)
    queues = [per_file[f] for f in sorted(per_file)]
    out: list[Unit] = []
    while any(queues):
        for q in queues:
            if q:
                out.append(q.pop(0))
    return out


def examples(res: Run, n: int) -> None:
    """False alarms on faithful units, missed errors and flagged headings, TUNE part only."""
    tune = [u for u in res.units if u.part == "tune" and u.counted]
    text = [u for u in tune if u.kind != "heading"]
    alarms = interleave([u for u in text if u.label != "error" and u.flagged])
    misses = interleave([u for u in text if u.label == "error" and not u.flagged])
    headings = interleave([u for u in tune if u.kind == "heading" and u.flagged])
    k = min(n, len(alarms))
    print(
        f"\n### TUNE part: false alarms on faithful sentences and answers ({k} of {len(alarms)})\n"
    )
    for u in alarms[:n]:
        print(f"- [{u.file} {u.kind} {u.index}] {u.text}\n  -> {u.first_reason}")
    print(f"\n### TUNE part: missed errors ({min(n, len(misses))} of {len(misses)})\n")
    for u in misses[:n]:
        print(f"- [{u.file} {u.kind} {u.index}] ({u.error_type}) {u.text}\n  ({u.explanation})")
    k = min(n // 2, len(headings))
    print(f"\n### TUNE part: flagged headlines and subheads ({k} of {len(headings)})\n")
    for u in headings[:k]:
        print(f"- [{u.file} {u.index}] {u.text}\n  -> {u.first_reason}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Audit labelled content-farm rewrites and report precision, recall and "
        "false alarms for body sentences and FAQ answers (tune / held-out / all).",
    )
    ap.add_argument(
        "--set",
        choices=sorted(DATA),
        default="shared",
        help="shared: ../shared/data/rewrites (default); own: bench/data/rewrites",
    )
    ap.add_argument("--data", type=Path, help="a folder of rewrite files (overrides --set)")
    ap.add_argument("--json", type=Path, metavar="PATH", help="write every unit's result here")
    ap.add_argument(
        "--examples",
        type=int,
        default=10,
        metavar="N",
        help="false alarms and missed errors to print from the TUNE part (default 10)",
    )
    args = ap.parse_args(argv)
    data: Path = args.data or DATA[args.set]
    docs = load_set(data)
    if not docs:
        print(f"no rewrite files (*.json) in {data}", file=sys.stderr)
        return 1
    parts = split([d["id"] for d, _ in docs])
    wall = time.perf_counter()
    res = run(docs, parts)
    wall = time.perf_counter() - wall
    summary = report(res, parts, f"Audit of labelled rewrites: {data} ({len(docs)} files)")
    if args.examples:
        examples(res, args.examples)
    print(f"\n{len(docs)} files, {2 * len(docs)} audits in {wall:.1f} s wall time.")
    if args.json:
        payload = {
            "data": str(data),
            "split_rule": f"sorted, random.Random({SEED}).shuffle, first len // 2 tune",
            "parts": parts,
            "summary": summary,
            "units": [asdict(u) | {"first_reason": u.first_reason} for u in res.units],
            "flags_outside_units": res.outside,
        }
        args.json.write_text(json.dumps(payload, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
