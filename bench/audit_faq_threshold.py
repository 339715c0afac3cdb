"""Choose the FAQ answers' verdict threshold on tune data only (issue 14).

The verdict model (``src/newsfaq/data/audit_verdict.json``) flags a claim no rule decides when its
probability of an error reaches a threshold; FAQ answers have their own (``answer_threshold``).
This script re-audits the FAQ answers of every set that may be tuned on, at each threshold given,
and prints recall and false alarms:

- all of ``bench/data/rewrites-more``, ``-more2``, ``-more3``, ``-more4`` and ``-more5``;
- the TUNE part of ``../shared/data/rewrites`` and of ``bench/data/rewrites`` (the fixed split of
  ``bench/audit_rewrites.py``).

Never read: the held-out parts of those two sets, ``bench/data/rewrites-fresh``, ``-fresh2`` and
``-fresh3``; measure on them with ``bench/audit_rewrites.py``.

    .venv/bin/python bench/audit_faq_threshold.py 0.24 0.3 0.35 0.4
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from audit_rewrites import DATA, ROOT, Unit, load_set, run, split

verdict = sys.modules["newsfaq.audit.verdict"]  # "as" would resolve bench/audit.py

SETS = (
    ("more", ROOT / "bench/data/rewrites-more", None),
    ("more2", ROOT / "bench/data/rewrites-more2", None),
    ("more3", ROOT / "bench/data/rewrites-more3", None),
    ("more4", ROOT / "bench/data/rewrites-more4", None),
    ("more5", ROOT / "bench/data/rewrites-more5", None),
    ("own", DATA["own"], "tune"),
    ("shared", DATA["shared"], "tune"),
)


def _load() -> list[tuple[list[tuple[dict[str, Any], str | Path]], dict[str, str]]]:
    """Each tune set's files (only the tune part where a set is split) and its parts."""
    out = []
    for _, path, part in SETS:
        docs = load_set(path)
        parts = split(sorted(str(d.get("id")) for d, _ in docs))
        if part is not None:
            docs = [(d, p) for d, p in docs if parts[str(d.get("id"))] == part]
        out.append((docs, parts))
    return out


def _faq_units(
    loaded: list[tuple[list[tuple[dict[str, Any], str | Path]], dict[str, str]]],
) -> list[Unit]:
    units: list[Unit] = []
    for docs, parts in loaded:
        units += [u for u in run(docs, parts).units if u.counted and u.kind == "faq"]
    return units


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("thresholds", nargs="+", type=float, help="FAQ answer thresholds to try")
    args = ap.parse_args(argv)
    loaded = _load()
    shipped = verdict.load_model()
    print("| FAQ threshold | recall | false alarms |\n|---:|---:|---:|")
    for t in args.thresholds:
        model = verdict.VerdictModel(shipped.weights, shipped.threshold, t)
        verdict.load_model = lambda model=model: model  # type: ignore[assignment]
        units = _faq_units(loaded)
        errors = [u for u in units if u.label == "error"]
        faithful = [u for u in units if u.label != "error"]
        tp = sum(u.flagged for u in errors)
        fa = sum(u.flagged for u in faithful)
        print(
            f"| {t:.2f} | {tp}/{len(errors)} = {tp / len(errors):.2f} "
            f"| {fa}/{len(faithful)} = {100 * fa / len(faithful):.1f}% |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
