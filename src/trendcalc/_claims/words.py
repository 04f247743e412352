"""Claims in words: qualifier words in front of a figure, and numbers written as words."""

from __future__ import annotations

import re
from fractions import Fraction

from trendcalc._claims.qualifiers import Qualifier, check_qualifier
from trendcalc._errors import TrendcalcError
from trendcalc._figures import Figure, parse_figure

__all__ = [
    "NUMBER",
    "NUMBER_WORDS",
    "QUALIFIER_PREFIX",
    "QUALIFIER_WORDS",
    "number_word",
    "split_qualifier",
]

QUALIFIER_WORDS = {
    "more than": "more than",
    "over": "more than",
    "at least": "at least",
    "almost": "almost",
    "nearly": "nearly",
    "about": "about",
    "around": "around",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "fewer than": "fewer than",
    "less than": "less than",
    "under": "less than",
    "up to": "up to",
}
QUALIFIER_PREFIX = re.compile(
    r"^(?P<q>" + "|".join(sorted(QUALIFIER_WORDS, key=len, reverse=True)) + r")\s+(?P<rest>.*)$"
)
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
NUMBER = r"(?:[0-9][0-9,]*(?:\.[0-9]+)?|" + "|".join(NUMBER_WORDS) + r")"


def split_qualifier(text: str, qualifier: Qualifier | None) -> tuple[Qualifier, str]:
    """Take a qualifier off the front of a claim in words; an explicit one must agree."""
    words = " ".join(text.lower().replace("-", " ").split())
    m = QUALIFIER_PREFIX.match(words)
    found: Qualifier | None = None
    if m is not None:
        found = QUALIFIER_WORDS[m["q"]]  # type: ignore[assignment]
        words = m["rest"]
    if qualifier is not None:
        qualifier = check_qualifier(qualifier)
        if found is not None and found != qualifier:
            raise TrendcalcError(
                f"claim {text!r} says {found!r} but qualifier={qualifier!r}; give one of them"
            )
        return qualifier, words
    return found or "exact", words


def number_word(word: str, text: str) -> Figure:
    """A number in a claim ``text``, in figures or as a word ("seven")."""
    if word in NUMBER_WORDS:
        return Figure(word, Fraction(NUMBER_WORDS[word]), 0, False)
    try:
        return parse_figure(word)
    except TrendcalcError:
        raise TrendcalcError(f"claim {text!r}: {word!r} is not a number") from None
