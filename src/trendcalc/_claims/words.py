"""Claims in words: qualifier words in front of a figure, and numbers written as words."""

from __future__ import annotations

from fractions import Fraction

from trendcalc._claims.qualifiers import Qualifier
from trendcalc._errors import TrendcalcError
from trendcalc._figures import Figure, parse_figure
from trendcalc._words import split_qualifier as _split_qualifier

__all__ = [
    "NUMBER",
    "NUMBER_WORDS",
    "number_word",
    "split_qualifier",
]

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
NUMBER = r"(?:[0-9][0-9,]*(?:\.[0-9]+)?|" + "|".join(NUMBER_WORDS) + r")"


def split_qualifier(text: str, qualifier: Qualifier | None) -> tuple[Qualifier, str]:
    """Take a qualifier off the front of a claim in words (any of the words
    :data:`trendcalc._words.QUALIFIER_WORDS` reads); an explicit one must agree."""
    words = " ".join(text.lower().replace("-", " ").split())
    return _split_qualifier(words, qualifier, text=text)


def number_word(word: str, text: str) -> Figure:
    """A number in a claim ``text``, in figures or as a word ("seven")."""
    if word in NUMBER_WORDS:
        return Figure(word, Fraction(NUMBER_WORDS[word]), 0, False)
    try:
        return parse_figure(word)
    except TrendcalcError:
        raise TrendcalcError(f"claim {text!r}: {word!r} is not a number") from None
