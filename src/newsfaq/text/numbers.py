"""Numbers and quantities in news text: find, parse, normalize and compare them.

Handles digits with separators ("120,000"), decimals, suffixes ("120k", "$2.4bn"), scale words
("1.2 million"), number words ("fifteen", "twenty-one"), fractions ("one-third", "a third",
"two-thirds", "half", "1/3"), percentages ("33%", "5.3 percent"), money ("$2.4 billion",
"£5m") and simple ranges ("3 to 4 percent"). Shared by fact extraction and the audit checker.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

__all__ = [
    "GLUED_UNITS",
    "MULTIPLES",
    "QUALIFIERS",
    "SCALE_SUFFIXES",
    "SCALE_WORDS",
    "YEARS_IN",
    "NumberKind",
    "NumberMention",
    "QualifierClass",
    "as_ratio",
    "canonical",
    "find_numbers",
    "format_number",
    "numbers_agree",
    "parse_number",
    "parse_quantity",
    "qualifier_class",
    "same_value",
    "split_qualifier",
]

NumberKind = Literal["number", "percent", "fraction", "money"]
QualifierClass = Literal["approximate", "at_least", "at_most", "more_than", "less_than", "exact"]

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
SCALE_WORDS: Mapping[str, float] = MappingProxyType(_SCALES)
"""Scales written as words ("hundred", "thousand", ... "trillion") and their values."""
_SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
SCALE_SUFFIXES = frozenset(_SUFFIXES)
"""Scales written short onto a figure ("£5m", "120k", "2.1bn")."""
MULTIPLES = {
    "double": 2.0, "twofold": 2.0, "twice": 2.0,
    "triple": 3.0, "treble": 3.0, "threefold": 3.0, "thrice": 3.0,
    "quadruple": 4.0, "fourfold": 4.0,
}  # fmt: skip
"""Words that make one amount a multiple of another ("nearly double the first estimate")."""
_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
_ORDINAL_LIKE = frozenset(("fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"))
_CURRENCY_SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "C$": "CAD",
    "A$": "AUD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
}

YEARS_IN: dict[str, int] = {"decade": 10, "decades": 10, "century": 100, "centuries": 100}
"""Years that a duration word stands for ("over the next decade": 10 years)."""

QUALIFIERS: dict[str, QualifierClass] = {
    "approximately": "approximate",
    "about": "approximate",
    "around": "approximate",
    "roughly": "approximate",
    "nearly": "approximate",
    "almost": "approximate",
    "close to": "approximate",
    "some": "approximate",
    "an estimated": "approximate",
    "estimated": "approximate",
    "an average of": "exact",  # the average itself, stated exactly ("£560", not "£580")
    "on average": "exact",
    "only": "exact",
    "just": "exact",
    "exactly": "exact",
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "as many as": "at_most",
    "as much as": "at_most",
    "as deep as": "at_most",
    "as high as": "at_most",
    "as long as": "at_most",
    "as far as": "at_most",
    "as tall as": "at_most",
    "as large as": "at_most",
    "as big as": "at_most",
    "as wide as": "at_most",
    "as heavy as": "at_most",
    "up to": "at_most",
    "at most": "at_most",
    "no more than": "at_most",
    "more than": "more_than",
    "over": "more_than",
    "upwards of": "more_than",
    "just over": "more_than",
    "in excess of": "more_than",
    "less than": "less_than",
    "fewer than": "less_than",
    "under": "less_than",
    "just under": "less_than",
}
"""Qualifiers that may precede a number, with what they say about the true value."""

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_SCALE = r"hundred|thousand|million|billion|trillion"
_PCT = r"%|\s?(?i:percent)\b|\s?(?i:per\s?cent)\b|\s?percentage\s+points?\b"
_CUR = r"US\$|C\$|A\$|\$|£|€|¥"
GLUED_UNITS = frozenset({
    "km", "kg", "kph", "mph", "cm", "mm", "ml", "kw", "kwh", "mw", "mwh", "gw", "gwh", "ha", "ft",
    "lb", "lbs",
})  # fmt: skip
"""Units written onto a figure ("1.2km", "50mph", "3.8ha"): the figure ends where they begin."""
_GLUED_UNITS = "(?:" + "|".join(sorted(GLUED_UNITS, key=len, reverse=True)) + ")"
_DIGITS_RE = re.compile(
    # "£42.5million", "5m", "2.1p" (pence)
    rf"(?<![\w.,/-])(?P<cur>{_CUR})?\s?(?P<num>{_NUM})"
    rf"(?:(?P<glued>{_SCALE})\b|(?P<pence>p)(?![\w/])|(?={_GLUED_UNITS}\b)"
    rf"|(?P<suf>k|K|bn|mn|m|b|tn)?(?![\w/]))"
    rf"(?:[\s-](?P<scale>{_SCALE})s?\b)?(?P<pct>{_PCT})?"  # "6.8-million-pound clinic" too
)
_TAIL = (
    rf"(?P<cur>{_CUR})?(?P<num>{_NUM})(?P<suf>k|K|bn|mn|m|b|tn)?(?![\w/])"
    rf"(?:\s(?P<scale>{_SCALE})s?\b)?(?P<pct>{_PCT})?"
)
"""The second figure of a range, after its separator."""
_RANGE_TAIL_RE = re.compile(rf"\s?(?P<sep>-|–|to)\s?{_TAIL}")
_BETWEEN_TAIL_RE = re.compile(rf"\s(?P<sep>and)\s{_TAIL}")
_WORDS = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_DIGIT_WORDS = "|".join(w for w, v in _UNITS.items() if v < 10)
# "and" joins number words after "hundred" ("one hundred and five") and between hyphens
# ("two-and-twenty"); otherwise it joins two numbers ("between six and nine", not fifteen)
_WORD_RE = re.compile(
    rf"\b(?P<words>(?:{_WORDS})\b"
    rf"(?:[\s-](?:(?:{_WORDS})\b|hundred\b|(?<=hundred[\s-])and(?=[\s-](?:{_WORDS}))"
    rf"|(?<=-)and(?=-(?:{_WORDS}))))*"
    rf"|an?(?=\s(?:hundred|thousand|million|billion|dozen)\b))"
    rf"(?P<point>\spoint(?:\s(?:{_DIGIT_WORDS})\b)+)?(?P<half>\sand\sa\shalf\b)?"
    rf"(?:\s(?P<scale>{_SCALE}|dozen)\b)?(?P<pct>\s(?:percent|per\s?cent)\b)?",
    re.IGNORECASE,
)
_FRACTION_RE = re.compile(
    rf"\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)[\s-]"
    rf"(?P<d>{'|'.join(_DENOMINATORS)})\b(?!-)|(?P<half>(?<!-)(?<!first\s)(?<!second\s)half)\b(?!-)"
    r"|(?P<fn>\d{1,3})/(?P<fd>\d{1,3})(?![\d/]))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumberMention:
    """A number found in a text: where it is, what it says and its canonical form."""

    start: int
    end: int
    text: str
    value: float
    kind: NumberKind
    high: float | None = None
    currency: str | None = None
    fraction: tuple[int, int] | None = None

    @property
    def normalized(self) -> str:
        """Canonical string: "120000", "5.3%", "1/3", "2400000000 USD", "3-4%"."""
        if self.kind == "fraction" and self.fraction is not None:
            return f"{self.fraction[0]}/{self.fraction[1]}"
        number = canonical(self.value)
        if self.high is not None:
            number = f"{number}-{canonical(self.high)}"
        if self.kind == "percent":
            return f"{number}%"
        if self.kind == "money" and self.currency:
            return f"{number} {self.currency}"
        return number


def canonical(value: float) -> str:
    """Canonical decimal string of a number: no separators, no exponent, no trailing zeros.

    >>> canonical(120000.0), canonical(5.30), canonical(1 / 3)
    ('120000', '5.3', '0.333333')
    """
    if math.isfinite(value) and value == round(value) and abs(value) < 1e18:
        return str(round(value))
    text = f"{value:.6g}" if abs(value) < 1 else f"{value:.15g}"
    if "e" in text:
        text = f"{value:.6f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_number(value: float) -> str:
    """Human-readable number: "540", "1,150", "75.4 million", "2.9 billion".

    >>> format_number(540.0), format_number(75_400_000.0), format_number(12345.0)
    ('540', '75.4 million', '12,345')
    """
    for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(value) >= scale:
            return f"{canonical(round(value / scale, 2))} {word}"
    if value == round(value):
        return f"{round(value):,}"
    return f"{round(value, 2):,}".rstrip("0").rstrip(".")


def _words_value(words: str) -> float | None:
    """Value of a number written in words ("twenty-one", "two hundred and five")."""
    total = 0.0
    current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("and", ""):
            continue
        if word in ("a", "an"):
            current += 1
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _digits_value(num: str, suffix: str | None, scale: str | None) -> float:
    """Value of a digit string with an optional suffix ("k", "bn") or scale word."""
    value = float(num.replace(",", ""))
    if suffix:
        value *= _SUFFIXES[suffix.lower()]
    if scale:
        value *= _SCALES[scale.lower()]
    return value


def _years(*nums: str) -> bool:
    return all(re.fullmatch(r"1[89]\d\d|20\d\d", n) for n in nums)


def _digit_mentions(text: str) -> list[NumberMention]:
    """Digit-based mentions, with currency, scale, percent and ranges ("3 to 4 percent")."""
    found: list[NumberMention] = []
    pos = 0
    while (m := _DIGITS_RE.search(text, pos)) is not None:
        scale = m["scale"] or m["glued"]
        value = _digits_value(m["num"], m["suf"], scale)
        cur = m["cur"]
        pct = m["pct"]
        end = m.end()
        if not pct:
            end = m.end(next((g for g in ("scale", "glued", "suf", "pence") if m[g]), "num"))
        if m["pence"] and not cur:
            value, cur = value / 100, "£"  # "2.1p a litre": pence, as pounds
        high = None
        tail = None if pct else _RANGE_TAIL_RE.match(text, end)
        between = text[max(0, m.start() - 8) : m.start()].lower().endswith("between ")
        if tail is None and between and not pct:
            tail = _BETWEEN_TAIL_RE.match(text, end)  # "between 1 and 3 percent"
            if tail is not None and not (cur or tail["pct"]) and _years(m["num"], tail["num"]):
                tail = None  # "between 2020 and 2024": two years, which dates compare
        if tail is not None and (tail["sep"] != "to" or tail["pct"]):
            high = _digits_value(tail["num"], tail["suf"], tail["scale"] or scale)
            if tail["scale"] and not scale and not m["suf"]:
                value *= _SCALES[tail["scale"].lower()]
            if high <= value:
                if tail["sep"] != "to":
                    # a score or vote such as "7-2", not a range: its two counts ("2019-20"
                    # is a season, "£5-3" no figure)
                    pos = tail.end()
                    if cur or tail["cur"] or value >= 100:
                        continue
                    for start, stop, count in (
                        (m.start(), m.end("num"), value),
                        (tail.start("num"), tail.end("num"), high),
                    ):
                        found.append(
                            NumberMention(
                                start=start,
                                end=stop,
                                text=text[start:stop],
                                value=count,
                                kind="number",
                            )
                        )
                    continue
                high = None
            else:
                cur = cur or tail["cur"]
                pct = tail["pct"]
                end = tail.end() if pct else tail.end("scale") if tail["scale"] else tail.end("num")
                if tail["suf"]:
                    end = max(end, tail.end("suf"))
        kind: NumberKind = "percent" if pct else "money" if cur else "number"
        found.append(
            NumberMention(
                start=m.start(),
                end=end,
                text=text[m.start() : end],
                value=value,
                kind=kind,
                high=high,
                currency=_CURRENCY_SYMBOLS.get(cur) if cur else None,
            )
        )
        pos = max(end, m.start() + 1)
    return found


def _fraction_mentions(text: str) -> list[NumberMention]:
    """Fractions in words or digits: "one-third", "a third", "two-thirds", "half", "1/3"."""
    found: list[NumberMention] = []
    for m in _FRACTION_RE.finditer(text):
        if m["half"]:
            num, den = 1, 2
        elif m["fn"]:
            num, den = int(m["fn"]), int(m["fd"])
            if den == 0 or num >= den:
                continue
        else:
            n = m["n"].lower()
            d = m["d"].lower()
            num = int(n) if n.isdigit() else 1 if n in ("a", "an") else _UNITS[n]
            den = _DENOMINATORS[d]
            if d in _ORDINAL_LIKE and n not in ("a", "an", "one"):
                continue  # "two fifth-graders": an ordinal, not a fraction
            if d == "fourth" or num >= den:
                continue  # "a fourth (company)" is a pronoun; "four quarters" is not a fraction
        found.append(_fraction(m, num, den))
    for m in _ONE_IN_RE.finditer(text):
        num, den = (int(g) if g.isdigit() else _UNITS[g.lower()] for g in (m["n"], m["d"]))
        if m["noun"] and not _SHARE_END.match(text, m.end()):
            continue  # "two people in 14 countries": a count and a place, not a share
        if 0 < num < den:
            found.append(_fraction(m, num, den))
    return found


def _fraction(m: re.Match[str], num: int, den: int) -> NumberMention:
    """The fraction ``num``/``den`` that the match ``m`` states."""
    return NumberMention(
        start=m.start(),
        end=m.end(),
        text=m.group(0),
        value=num / den,
        kind="fraction",
        fraction=(num, den),
    )


_SMALL_WORD = r"one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}"
_ONE_IN_RE = re.compile(
    rf"\b(?P<n>{_SMALL_WORD})(?P<noun> [a-z]+)? (?:in|out of) (?P<d>{_SMALL_WORD})\b"
    r"(?! (?:to|-|and) | (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b)",
    re.IGNORECASE,
)
"""A share given as a count of a count: "one in three" (1/3), "two out of five", "one vineyard
in five"."""


_SHARE_END = re.compile(
    r"\s*(?:$|[,.;:!?)]|(?:in|of|on|at|across|around|is|are|was|were|has|have|had|will|would|"
    r"can|could|may|might|say|said|says|do|does|did|the|a|an|and|or|but)\b)",
    re.IGNORECASE,
)
"""What may follow "one vineyard in five": the end of the phrase, not another noun."""


def _word_mentions(text: str) -> list[NumberMention]:
    """Numbers in words: "fifteen", "twenty-one", "a million", "two dozen", "ten percent"."""
    found: list[NumberMention] = []
    for m in _WORD_RE.finditer(text):
        words = m["words"]
        value = _words_value(words)
        if value is None:
            continue
        if m["point"]:  # "thirty-one point four": the digits after the point, one by one
            decimals = "".join(str(_UNITS[w]) for w in m["point"].lower().split()[1:])
            value = float(f"{canonical(value)}.{decimals}")
        if m["half"]:  # "two and a half"
            value += 0.5
        if m["scale"]:
            scale = m["scale"].lower()
            value *= 12 if scale == "dozen" else _SCALES[scale]
        elif words.lower() in ("a", "an"):
            continue
        found.append(
            NumberMention(
                start=m.start(),
                end=m.end(),
                text=m.group(0),
                value=value,
                kind="percent" if m["pct"] else "number",
            )
        )
    return found


def find_numbers(text: str) -> list[NumberMention]:
    """Every number mention in ``text``, in order, without overlaps (longest first wins).

    >>> [(m.text, m.normalized) for m in find_numbers("About 120,000 soldiers, one-third of them")]
    [('120,000', '120000'), ('one-third', '1/3')]
    >>> [m.normalized for m in find_numbers("$2.4 billion, 5.3 percent, 120k, fifteen")]
    ['2400000000 USD', '5.3%', '120000', '15']
    >>> [m.normalized for m in find_numbers("from 11 dollars to 15")]
    ['11 USD', '15 USD']
    """
    candidates = _fraction_mentions(text) + _digit_mentions(text) + _word_mentions(text)
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
    chosen: list[NumberMention] = []
    last_end = -1
    for mention in candidates:
        if mention.start >= last_end:
            mention = _currency_word(text, mention)
            if chosen and _TO_AFTER_MONEY_RE.fullmatch(text, chosen[-1].end, mention.start):
                mention = _money_like(text, mention, chosen[-1])
            chosen.append(mention)
            last_end = chosen[-1].end
    return chosen


_TO_AFTER_MONEY_RE = re.compile(r"\s+to\s+")


def _money_like(text: str, mention: NumberMention, before: NumberMention) -> NumberMention:
    """A bare figure right after "<money> to" is an amount in the same currency ("from 11
    dollars to 15")."""
    if mention.kind != "number" or before.kind != "money" or before.currency is None:
        return mention
    if _NOUN_AFTER_RE.match(text, mention.end):
        return mention  # "4 dollars to 5 people"
    value = mention.value
    scale = next((v for w, v in _SCALES.items() if w in before.text.lower()), None)
    if scale is not None and not any(w in mention.text.lower() for w in _SCALES):
        value *= scale  # "€30 million to 40" is to 40 million
    return NumberMention(
        start=mention.start,
        end=mention.end,
        text=mention.text,
        value=value,
        kind="money",
        currency=before.currency,
    )


_NOUN_AFTER_RE = re.compile(
    r"\s+(?!(?:a|an|by|in|on|from|per|each|for|over|after|under|and|or|this|next|last|the)\b)"
    r"[A-Za-z]"
)


_CURRENCY_WORD_RE = re.compile(
    r"[\s-](?P<word>(?:US\s)?dollars?|euros?|pounds?\ssterling|sterling|yen|yuan|rupees?"
    r"|(?:Swiss\s)?francs?)\b",
    re.IGNORECASE,
)
_CURRENCY_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "rupee": "INR",
    "franc": "CHF",
}


def _currency_word(text: str, mention: NumberMention) -> NumberMention:
    """A figure followed by a currency's name is money in that currency, like one after its
    sign: "30 million euros" and "a 30 million euro loan" are "€30 million" ("pounds" alone
    may weigh, so only "pounds sterling" counts)."""
    if mention.kind != "number":
        return mention
    m = _CURRENCY_WORD_RE.match(text, mention.end)
    if m is None:
        return mention
    word = m["word"].lower().split()
    name = next(w for w in word if w.rstrip("s") in _CURRENCY_WORDS or w in _CURRENCY_WORDS)
    code = _CURRENCY_WORDS.get(name, _CURRENCY_WORDS.get(name.rstrip("s"), "USD"))
    end = m.end()
    return NumberMention(
        start=mention.start,
        end=end,
        text=text[mention.start : end],
        value=mention.value,
        kind="money",
        high=mention.high,
        currency=code,
    )


def parse_quantity(text: str) -> NumberMention | None:
    """The first number mention in ``text``, or None.

    >>> parse_quantity("only one-third of their target").normalized
    '1/3'
    """
    found = find_numbers(text)
    return found[0] if found else None


def parse_number(text: str) -> float | None:
    """The value of the first number in ``text`` (percent as written: "33%" -> 33.0).

    >>> parse_number("1.2 million"), parse_number("120k"), parse_number("a third")
    (1200000.0, 120000.0, 0.3333333333333333)
    """
    mention = parse_quantity(text)
    return mention.value if mention else None


def split_qualifier(text: str) -> tuple[str | None, str]:
    """Split a leading qualifier off a number phrase.

    >>> split_qualifier("approximately 120,000 soldiers")
    ('approximately', '120,000 soldiers')
    """
    lowered = text.lower()
    for qualifier in sorted(QUALIFIERS, key=len, reverse=True):
        if lowered.startswith(qualifier + " "):
            return text[: len(qualifier)], text[len(qualifier) + 1 :].lstrip()
    return None, text


def qualifier_class(qualifier: str | None) -> QualifierClass:
    """What a qualifier says about the value ("about" -> "approximate"); None -> "exact".

    >>> qualifier_class("at least"), qualifier_class(None)
    ('at_least', 'exact')
    """
    if qualifier is None:
        return "exact"
    return QUALIFIERS.get(qualifier.lower().strip(), "exact")


def as_ratio(mention: NumberMention) -> float | None:
    """A percentage or fraction as a ratio in [0, 1] ("33%" -> 0.33), else None."""
    if mention.kind == "percent":
        return mention.value / 100
    if mention.kind == "fraction":
        return mention.value
    return None


def same_value(a: float, b: float, rel_tol: float = 0.005) -> bool:
    """True when two values are equal up to a relative tolerance."""
    return math.isclose(a, b, rel_tol=rel_tol, abs_tol=1e-9)


def _ratios_agree(x: float, y: float, mixed: bool, approximate: bool) -> bool:
    """Two shares as ratios agree within 1% of the larger, or 0.05 points ("33%" and "33.3%",
    not "4.25%" and "4.5%"); ``mixed`` (a fraction word against a percentage, itself a rounding: "a
    third" for 34%) 1 point or 5%; ``approximate`` 1 point or 10%. Absolute tolerances of 1
    and 5 points, used before, let "4.5%" agree with "5.4%" and "3.1%" with "3.6%"."""
    larger = max(abs(x), abs(y))
    if approximate:
        tol = max(0.01, 0.1 * larger)
    elif mixed:
        tol = max(0.01, 0.05 * larger)
    else:
        tol = max(0.0005, 0.01 * larger)
    return abs(x - y) <= tol + 1e-9


def numbers_agree(a: NumberMention, b: NumberMention, *, approximate: bool = False) -> bool:
    """True when two mentions state the same figure.

    Fractions and percentages compare as ratios ("one-third" ~ "33%", :func:`_ratios_agree`;
    a range of percentages only with a range, end by end); ``approximate`` means a qualifier
    such as "about" on either side. Other figures agree within a 0.5% relative difference, 5%
    with ``approximate``.

    >>> a, b = find_numbers("one-third and 33 percent")
    >>> numbers_agree(a, b)
    True
    >>> a, b = find_numbers("4.5 percent and 5.4 percent")
    >>> numbers_agree(a, b), numbers_agree(a, b, approximate=True)
    (False, True)
    >>> a, b = find_numbers("3.1 percent and 3.6 percent")
    >>> numbers_agree(a, b)
    False
    >>> a, b = find_numbers("a third and 34 percent")
    >>> numbers_agree(a, b)
    True
    """
    ratio_a, ratio_b = as_ratio(a), as_ratio(b)
    if ratio_a is not None and ratio_b is not None:
        if (a.high is None) != (b.high is None):
            return False  # a range is not one of its ends: "1 to 3 percent" is not "3 percent"
        pairs = [(ratio_a, ratio_b)]
        if a.high is not None and b.high is not None:
            pairs.append((a.high / 100, b.high / 100))  # only percentages have ranges
        return all(_ratios_agree(x, y, a.kind != b.kind, approximate) for x, y in pairs)
    if (ratio_a is None) != (ratio_b is None):
        return False
    if a.high is not None or b.high is not None:
        low_a, high_a = a.value, a.high if a.high is not None else a.value
        low_b, high_b = b.value, b.high if b.high is not None else b.value
        return same_value(low_a, low_b) and same_value(high_a, high_b)
    return same_value(a.value, b.value, 0.05 if approximate else 0.005)
