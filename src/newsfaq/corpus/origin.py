"""Which member of a story is the original, with reasons, and the story's family tree.

Evidence, each with a readable reason:

- a credit line of one member ("Original article: Northgate Ledger", "Source: ...",
  "Originally published by ...") or an attribution in its text ("as first reported by X",
  "according to a report by X", "X reported") that names the site of another member
  (its ``Site:`` or the host of its URL): that member is upstream (+3); the crediting member is
  a copy (-2), and so is a member that credits an outlet outside the story;
- an appended FAQ block: the page is derived (-1);
- the publication dates: the one member published strictly before all the others that carry a
  date (+2);
- containment: a member that holds at least 80% of another's content while the other holds at
  least 15 points less of it (a shortened copy) (+1 per member it contains; when several hold
  it, only one clearly ahead on its wording, 5-word shingles, else nobody).

The best score wins only when it is positive and strictly ahead of the next; a member that is
the only one not marked as a copy, without a site of its own that contradicts the credit, wins
by elimination. Otherwise the original is ``unknown`` (or ``external`` when the copies credit an
outlet that is not in the corpus): never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from newsfaq.corpus.fingerprint import content_terms, shingles

__all__ = [
    "MemberDoc",
    "Origin",
    "cited_outlets",
    "containment",
    "credited_outlet",
    "find_original",
    "outlet_key",
]

_NAME = r"((?:The |the )?[A-Z][\w&'’.-]*(?: (?:[A-Z][\w&'’.-]*|of|on|for|and|de)){0,5})"
_CITES = [
    re.compile(
        r"according to (?:a |an |the )?(?:\w+ )?(?:report|translation|article|story|analysis|"
        r"interview|investigation)s? (?:by|in|from|of|published by) " + _NAME
    ),
    re.compile(r"(?:first |originally |initially )?reported by " + _NAME),
    re.compile(r"(?:first |originally )?published (?:by|in) " + _NAME),
    re.compile(r"\bper (?:a report (?:by|in) )?" + _NAME),
    re.compile(r"\b(?:told|in an interview with|speaking to) " + _NAME),
    re.compile(_NAME + r" (?:first |previously |earlier )?reported\b"),
]
_CREDIT = re.compile(
    r"^\s*(?:original(?:ly)?(?: article| story| report)?(?: published)?(?: by| in| on| at)?|"
    r"source|via|credit|first published (?:by|in|on))\s*[:\-–—]?\s*(.+?)\s*\.?\s*$",
    re.IGNORECASE,
)
_NOT_OUTLETS = {"the", "a", "an", "it", "he", "she", "they", "this", "that"}


@dataclass(frozen=True)
class MemberDoc:
    """One story member as origin-finding reads it."""

    id: str
    text: str
    title: str | None = None
    site: str | None = None
    url: str | None = None
    date: str | None = None
    credit_line: str | None = None
    has_faq: bool = False


@dataclass
class Origin:
    """The verdict for one story."""

    status: str  # "found" | "unknown" | "external"
    original: str | None
    external: str | None
    reasons: list[str]
    scores: dict[str, int]
    parents: dict[str, str | None] = field(default_factory=dict)
    cites: list[str] = field(default_factory=list)
    credits: dict[str, list[str]] = field(default_factory=dict)

    def tree(self, labels: dict[str, str]) -> dict[str, Any]:
        """The family tree: original (or the external outlet / 'unknown') -> copies, with the
        outlets the original cites."""
        root_id = self.original
        label = labels.get(root_id, root_id) if root_id else (self.external or "unknown original")
        children: dict[str | None, list[str]] = {}
        for member, parent in self.parents.items():
            if member != root_id:
                children.setdefault(parent, []).append(member)

        def node(mid: str) -> dict[str, Any]:
            kids = sorted(children.get(mid, []))
            return {"id": mid, "label": labels.get(mid, mid), "children": [node(k) for k in kids]}

        top = sorted(children.get(root_id, []) + ([] if root_id else children.get(None, [])))
        return {
            "id": root_id,
            "label": label,
            "status": self.status,
            "cites": list(self.cites),
            "children": [node(k) for k in top],
        }


def outlet_key(name: str) -> str:
    """An outlet name or host reduced for matching: lower-case letters and digits only.

    >>> outlet_key("The Business Insider"), outlet_key("https://www.businessinsider.com/x")
    ('businessinsider', 'businessinsider')
    """
    text = name.strip()
    if "://" in text:
        host = urlsplit(text).hostname or ""
        parts = [p for p in host.split(".") if p not in {"www", "m", "amp", "edition"}]
        text = parts[-2] if len(parts) >= 2 else (parts[0] if parts else "")
    text = re.sub(r"^(?:the)\s+", "", text.lower())
    return re.sub(r"[^0-9a-z]", "", text)


def _member_keys(doc: MemberDoc) -> set[str]:
    """The outlet keys a member answers to: its site name and its URL's host.

    A site that ingest read from the member's own credit line is the outlet it credits, not its
    own.
    """
    credited = outlet_key(credited_outlet(doc.credit_line) or "")
    site = doc.site if doc.site and outlet_key(doc.site) != credited else None
    keys = {outlet_key(x) for x in (site, doc.url) if x}
    return {k for k in keys if len(k) >= 3}


def _matches(outlet: str, keys: set[str]) -> bool:
    """True when an outlet name matches one of a member's keys."""
    key = outlet_key(outlet)
    if len(key) < 3:
        return False
    return any(key == k or (len(k) >= 5 and (k in key or key in k)) for k in keys)


def credited_outlet(credit_line: str | None) -> str | None:
    """The outlet a credit line names.

    >>> credited_outlet("Original Article: Business Insider")
    'Business Insider'
    >>> credited_outlet("Originally published by The Harbor Times")
    'The Harbor Times'
    """
    if not credit_line:
        return None
    m = _CREDIT.match(credit_line.strip())
    if not m:
        return None
    name = re.split(r"\s*[,(|]\s*|\s+-\s+", m.group(1))[0].strip(" \"'“”")
    return name or None


def cited_outlets(text: str) -> list[str]:
    """Outlets and sources an article cites ('according to a translation by The Moscow Times').

    >>> cited_outlets("The video was first reported by Kolyma Daily, according to a report by "
    ...               "The River Post.")
    ['Kolyma Daily', 'The River Post']
    """
    found: list[tuple[int, str]] = []
    for pattern in _CITES:
        for m in pattern.finditer(text):
            name = m.group(1).strip(" .'’")
            name = re.sub(r"(?: (?:of|on|for|and|de|the))+$", "", name)
            if name.lower() in _NOT_OUTLETS or len(name) < 3:
                continue
            found.append((m.start(1), name))
    out: list[str] = []
    for _, name in sorted(found):
        if name not in out:
            out.append(name)
    return out


def containment(part: Mapping[str, float], whole: Mapping[str, float]) -> float:
    """Share of ``part``'s term weight that ``whole`` also has.

    >>> containment({"a": 1.0, "b": 1.0}, {"a": 2.0})
    0.5
    """
    total = sum(part.values())
    if not total:
        return 0.0
    return sum(w for t, w in part.items() if t in whole) / total


def _credit_evidence(
    docs: Sequence[MemberDoc], score: dict[str, int], reasons: list[str], origin: Origin
) -> list[str]:
    """Credit lines and attributions between members; returns outlets credited from outside."""
    keys = {d.id: _member_keys(d) for d in docs}
    external: list[str] = []
    for d in docs:
        named = [("credit line", o) for o in [credited_outlet(d.credit_line)] if o]
        named += [("attribution", o) for o in cited_outlets(d.text)]
        origin.credits[d.id] = [o for _, o in named]
        for kind, outlet in named:
            if _matches(outlet, keys[d.id]):
                continue  # an article naming its own outlet
            hits = [o.id for o in docs if o.id != d.id and _matches(outlet, keys[o.id])]
            for h in hits:
                score[h] += 3
                score[d.id] -= 2
                origin.parents[d.id] = h
                reasons.append(f"{d.id} credits {outlet!r} ({kind}), the site of {h}")
            if not hits and kind == "credit line":
                score[d.id] -= 2
                external.append(outlet)
                reasons.append(f"{d.id} credits {outlet!r} (credit line): a copy")
    return external


def _date_evidence(docs: Sequence[MemberDoc], score: dict[str, int], reasons: list[str]) -> None:
    """The one member published strictly before every other dated member."""
    dated = sorted((d.date[:10], d.id) for d in docs if d.date)
    if len(dated) < 2 or dated[0][0] == dated[1][0]:
        return
    first_date, first = dated[0]
    score[first] += 2
    reasons.append(f"{first} was published first ({first_date}; next {dated[1][0]})")


def _containment_evidence(
    docs: Sequence[MemberDoc], score: dict[str, int], reasons: list[str]
) -> None:
    """A member that holds most of another's content while the other holds little of it."""
    terms = {d.id: dict(content_terms(d.text)[0]) for d in docs}
    for b in docs:
        holders: list[tuple[float, float, str]] = []
        for a in docs:
            if a.id == b.id:
                continue
            b_in_a = containment(terms[b.id], terms[a.id])
            a_in_b = containment(terms[a.id], terms[b.id])
            if b_in_a >= 0.8:
                holders.append((b_in_a, a_in_b, a.id))
        leader = _fullest_holder(b, holders, docs)
        if leader is not None and leader[0] - leader[1] >= 0.15:
            b_in_a, a_in_b, aid = leader
            score[aid] += 1
            reasons.append(
                f"{aid} holds {b_in_a:.0%} of the content of {b.id}, which holds "
                f"{a_in_b:.0%} of it (a shortened copy)"
            )


def _fullest_holder(
    part: MemberDoc, holders: list[tuple[float, float, str]], docs: Sequence[MemberDoc]
) -> tuple[float, float, str] | None:
    """The one member that holds a shortened copy best: alone, or clearly ahead of the others
    on its wording (5-word shingles: a reworded full copy holds the terms, not the wording)."""
    if len(holders) <= 1:
        return holders[0] if holders else None
    text = {d.id: d.text for d in docs}
    own = shingles(part.text)
    if not own:
        return None
    ranked = sorted(
        ((len(own & shingles(text[h[2]])) / len(own), h) for h in holders),
        key=lambda x: -x[0],
    )
    if ranked[0][0] >= 0.5 and ranked[0][0] - ranked[1][0] >= 0.1:
        return ranked[0][1]
    return None


def find_original(docs: Sequence[MemberDoc]) -> Origin:
    """Decide which member of a story is the original (or that nothing says)."""
    score = {d.id: 0 for d in docs}
    reasons: list[str] = []
    origin = Origin(status="unknown", original=None, external=None, reasons=reasons, scores=score)
    if len(docs) < 2:
        origin.reasons.append("a single article: no copies in the corpus")
        return origin
    external = _credit_evidence(docs, score, reasons, origin)
    for d in docs:
        if d.has_faq:
            score[d.id] -= 1
            reasons.append(f"{d.id} has an appended FAQ: a derived page")
    _date_evidence(docs, score, reasons)
    _containment_evidence(docs, score, reasons)
    _decide(docs, origin, external)
    return origin


def _decide(docs: Sequence[MemberDoc], origin: Origin, external: list[str]) -> None:
    """Pick the original from the scores, by elimination, or say unknown / external."""
    score = origin.scores
    ranked = sorted(docs, key=lambda d: (-score[d.id], d.id))
    best, second = ranked[0], ranked[1]
    winner: MemberDoc | None = None
    if score[best.id] > 0 and score[best.id] > score[second.id]:
        winner = best
    else:
        clean = [d for d in docs if score[d.id] >= 0]
        if len(clean) == 1 and external and not _member_keys(clean[0]):
            winner = clean[0]
            origin.reasons.append(
                f"{winner.id} is the only member not marked as a copy and has no site of its own "
                f"(the copies credit {external[0]!r})"
            )
    if winner is not None:
        origin.status, origin.original = "found", winner.id
        origin.cites = [
            o for o in cited_outlets(winner.text) if not _matches(o, _member_keys(winner))
        ]
    elif external:
        origin.status, origin.external = "external", external[0]
        origin.reasons.append(f"the original ({external[0]!r}) is not in the corpus")
    else:
        origin.reasons.append("nothing points to an original (no credit line, date or containment)")
    root = origin.original
    for d in docs:
        if d.id != root and (origin.parents.get(d.id) is None or origin.parents[d.id] == d.id):
            origin.parents[d.id] = root
