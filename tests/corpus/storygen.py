"""Generated copies of an article, the way content farms make them (for tests and bench/stories.py).

Every function is deterministic given its ``seed``. Kinds: ``near`` (near-verbatim: a few words
and the punctuation touched), ``reworded`` (every sentence reworded: synonyms, clause order,
reporting verbs), ``shortened`` (the first half of the paragraphs, or of the sentences of a
short article), ``faq`` (reworded, with an
appended FAQ and a credit line naming the original's site), ``changed`` (reworded with figures,
a name and a year changed).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

__all__ = ["KINDS", "ORIGINALS", "OTHERS", "labelled_corpus", "make_copy", "split_header"]

ORIGINALS = ["politics", "business", "science", "sports", "court"]
"""Project articles (tests/articles) that get one copy of every kind."""
OTHERS = [
    "obituary",
    "feature",
    "brief",
    "stories/unrelated_tram",
    "stories/unrelated_earnings",
    "stories/unrelated_glacier",
    "stories/recruitment_original",
]
"""Project articles without copies; three on the topics of the originals."""

KINDS = ("near", "reworded", "shortened", "faq", "changed")

_SYNONYMS = {
    "said": "stated",
    "says": "states",
    "told": "informed",
    "approved": "passed",
    "announced": "revealed",
    "increase": "rise",
    "increased": "rose",
    "decrease": "fall",
    "people": "individuals",
    "government": "administration",
    "officials": "authorities",
    "company": "firm",
    "because": "since",
    "however": "nevertheless",
    "about": "around",
    "more than": "over",
    "big": "large",
    "large": "sizeable",
    "important": "significant",
    "plan": "proposal",
    "show": "indicate",
    "shows": "indicates",
    "showed": "indicated",
    "began": "started",
    "begin": "start",
    "help": "assist",
    "need": "require",
    "needs": "requires",
    "expected": "anticipated",
    "found": "discovered",
    "added": "continued",
    "also": "additionally",
    "warned": "cautioned",
    "argued": "contended",
    "while": "whereas",
    "after": "following",
    "before": "prior to",
    "buy": "purchase",
    "use": "utilize",
    "many": "numerous",
    "rapid": "swift",
    "quickly": "rapidly",
    "the first": "the initial",
    "result": "outcome",
    "results": "outcomes",
    "decision": "ruling",
    "home": "residence",
    "city": "town",
    "money": "funds",
    "cost": "expense",
    "costs": "expenses",
    "team": "squad",
    "match": "game",
    "won": "secured",
    "lost": "dropped",
    "study": "research",
    "scientists": "researchers",
    "reported": "noted",
}
_FILLERS = [
    "This development highlights the growing pressure on everyone involved.",
    "Observers say the situation remains uncertain.",
    "The news has drawn wide attention online.",
]


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Header lines (Title:, Date:, ...) and the body of an article file."""
    head: dict[str, str] = {}
    lines = text.split("\n")
    i = 0
    while i < len(lines) and re.match(r"^(Title|Author|Date|Site|URL):\s", lines[i]):
        key, _, value = lines[i].partition(":")
        head[key] = value.strip()
        i += 1
    return head, "\n".join(lines[i:]).strip()


def _sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])", paragraph.strip()) if s]


def _swap_words(sentence: str, rng: random.Random, rate: float) -> str:
    def repl(m: re.Match[str]) -> str:
        word = m.group(0)
        new = _SYNONYMS.get(word.lower())
        if new is None or rng.random() > rate:
            return word
        return new[0].upper() + new[1:] if word[0].isupper() else new

    pattern = r"\b(?:" + "|".join(sorted(map(re.escape, _SYNONYMS), key=len, reverse=True)) + r")\b"
    return re.sub(pattern, repl, sentence, flags=re.IGNORECASE)


def _reword(sentence: str, rng: random.Random) -> str:
    """One sentence reworded: synonyms, a fronted clause moved back, a reporting frame."""
    s = _swap_words(sentence, rng, 0.9)
    m = re.match(
        r"^((?:After|When|In|Despite|While|Although|Since|As|If|By|For|During|With|Under|Following)"
        r" [^,\"“]{3,60}), ([a-z].+?)([.!?])$",
        s,
    )
    if m and rng.random() < 0.6:
        s = (
            m.group(2)[0].upper()
            + m.group(2)[1:]
            + " "
            + m.group(1)[0].lower()
            + m.group(1)[1:]
            + m.group(3)
        )
    m = re.match(
        r"^(.+?) (on|last|this|by) "
        r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|year|month)\b(.*)$",
        s,
    )
    if m and rng.random() < 0.7:
        s = (
            f"On {m.group(3)}, "
            if m.group(2) == "on"
            else f"{m.group(2).capitalize()} {m.group(3)}, "
        )
        s += m.group(1)[0].lower() + m.group(1)[1:] + m.group(4)
    if '"' not in s and "“" not in s and rng.random() < 0.4:
        s = "Reports indicate that " + s[0].lower() + s[1:]
    return s


def _reworded_body(body: str, rng: random.Random) -> str:
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    out = []
    for p in paragraphs:
        out.append(" ".join(_reword(s, rng) for s in _sentences(p)))
    if rng.random() < 0.5:
        out.insert(len(out) // 2, rng.choice(_FILLERS))
    return "\n\n".join(out)


def _change_facts(body: str, rng: random.Random) -> str:
    """Change two figures, a year and shorten a name."""
    figures = list(re.finditer(r"\b\d[\d,.]*\b", body))
    rng.shuffle(figures)
    out = body
    for m in figures[:2]:
        value = m.group(0)
        digits = value.replace(",", "")
        if digits.isdigit() and not (1900 <= int(digits) <= 2100):
            out = out.replace(value, f"{int(digits) * 2 + 1:,}", 1)
    years = re.findall(r"\b(19[5-9]\d|20[0-4]\d)\b", out)
    if years:
        out = out.replace(years[0], str(int(years[0]) - 1), 1)
    names = re.findall(r"\b([A-Z][a-z]+) ([A-Z][a-z]{3,})\b", out)
    if names:
        first, last = names[0]
        out = out.replace(f"{first} {last}", f"{first[0]}. {last[:-1]}", 1)
    return out


def _faq(body: str) -> str:
    first = _sentences(body.split("\n\n")[0])[0]
    return (
        "What happened?\n" + first + "\n"
        "Why does it matter?\nThe decision could affect thousands of residents and change "
        "the outlook for the whole region."
    )


def make_copy(text: str, kind: str, *, seed: int = 0, site: str = "Copy Farm") -> str:
    """A copy of an article file's text (header lines kept or replaced as a farm would).

    ``near`` keeps the header with a later date and the copy's own site; the other kinds drop
    the date. ``faq`` ends with "Original article: <the original's site>".
    """
    rng = random.Random(seed)
    head, body = split_header(text)
    title = head.get("Title", "")
    if kind == "near":
        new_body = _swap_words(body, rng, 0.08).replace(" -- ", ", ")
        header = f"Title: {title}\nSite: {site}\n" if title else f"Site: {site}\n"
        if re.match(r"^\d{4}-\d{2}-\d{2}$", head.get("Date", "")):
            day = int(head["Date"][8:]) % 28 + 1
            header += f"Date: {head['Date'][:8]}{day:02d}\n"
        return header + "\n" + new_body + "\n"
    if kind == "shortened":
        paragraphs = [p for p in body.split("\n\n") if p.strip()]
        if len(paragraphs) >= 4:
            keep = "\n\n".join(paragraphs[: (len(paragraphs) + 1) // 2])
        else:  # one or few paragraphs: keep the first half of the sentences
            sentences = _sentences(" ".join(paragraphs))
            keep = " ".join(sentences[: max(1, (len(sentences) + 1) // 2)])
        return f"Site: {site}\n\n" + keep + "\n"
    reworded = _reworded_body(body, rng)
    if kind == "reworded":
        return f"Site: {site}\n\n" + reworded + "\n"
    if kind == "changed":
        return f"Site: {site}\n\n" + _change_facts(reworded, rng) + "\n"
    if kind == "faq":
        credit = head.get("Site")
        tail = f"\n\nOriginal article: {credit}" if credit else ""
        return reworded + "\n\n" + _faq(reworded) + tail + "\n"
    raise ValueError(f"unknown copy kind {kind!r}")


def labelled_corpus(articles: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The labelled corpus of our own: texts by id and the story label of each id.

    Each of ``ORIGINALS`` with one copy of every kind (seeded), plus ``OTHERS`` alone.
    """
    texts: dict[str, str] = {}
    label: dict[str, str] = {}
    for name in ORIGINALS:
        original = (articles / f"{name}.txt").read_text()
        texts[name], label[name] = original, name
        for i, kind in enumerate(KINDS):
            cid = f"{name}-{kind}"
            texts[cid] = make_copy(original, kind, seed=i, site=f"Farm {i}")
            label[cid] = name
    for name in OTHERS:
        texts[name], label[name] = (articles / f"{name}.txt").read_text(), name
    return texts, label
