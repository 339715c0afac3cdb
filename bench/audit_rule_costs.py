"""What each kind of audit finding costs and catches on labelled rewrites, in aggregate.

For every flagged unit (a body sentence or FAQ answer with a claim that is not ``supported``,
as ``bench/audit_rewrites.py`` counts them), the first reason of its first flagged claim is put
in a family by its opening words ("attribution", "negation", "who gives the figure", "not in the
original", ...). Per family and per set the script prints how many error units it flags (catches)
and how many faithful units (false alarms), and nothing else: no unit text, so that it may be
run on sets that are held out (their aggregate figures only) to see which checks misfire on a
new writer's paraphrases.

    .venv/bin/python bench/audit_rule_costs.py bench/data/rewrites-fresh7 bench/data/rewrites-fresh8
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit_rewrites import load_set, run, split

_FAMILIES = (
    ("attribution", r"attribution"),
    ("negation / opposite", r"negation|opposite meaning"),
    ("certainty / hedge", r"certainty|hedge|obligation|permission"),
    ("figure", r"the claim gives|the original never gives|the original gives|derived"),
    ("figure's party", r"who gives the figure"),
    (
        "date / time",
        r"time:|date|weekday|the claim has .* where the original has|^the claim says “[\w ,]*"
        r"(?:\d{4}|january|february|march|april|may|june|july|august|september|october|"
        r"november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    ),
    ("name", r"the claim names|name:|the claim places|the claim makes"),
    ("who did what", r"who did what|roles|owner:|the claim says .*; the original's sentence"),
    ("cause and effect", r"cause and effect"),
    ("added event or detail", r"added|invented|superlative|new content|a record|an event"),
    ("who did it", r"who did it|what it was done"),
    ("list", r"list"),
    ("what happened", r"what happened"),
    ("content words", r"not in the original"),
    ("weak evidence (verdict model)", r"weak evidence|no evidence|evidence"),
)


def family(reason: str) -> str:
    """The family of a unit's first reason ("unsupported: attribution: ..." -> "attribution")."""
    text = reason.split(":", 1)[1].strip() if ":" in reason else reason
    for name, pattern in _FAMILIES:
        if re.search(pattern, text, re.IGNORECASE):
            return name
    return "other"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("sets", nargs="+", type=Path, help="folders of labelled rewrites")
    args = ap.parse_args(argv)
    for folder in args.sets:
        docs = load_set(folder)
        if not docs:
            print(f"no rewrite files (*.json) in {folder}", file=sys.stderr)
            return 1
        res = run(docs, split([d["id"] for d, _ in docs]))
        catches: Counter[str] = Counter()
        alarms: Counter[str] = Counter()
        for u in res.units:
            if not u.counted or not u.flagged or u.kind == "heading":
                continue
            (catches if u.label == "error" else alarms)[family(u.first_reason)] += 1
        print(f"\n## {folder}\n")
        print("| first reason's family | error units flagged | faithful units flagged |")
        print("|---|---:|---:|")
        for name in sorted(set(catches) | set(alarms), key=lambda n: -alarms[n] - catches[n]):
            print(f"| {name} | {catches[name]} | {alarms[name]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
