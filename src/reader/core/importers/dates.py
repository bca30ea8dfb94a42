"""Dates as statements write them: "March 15-16, 2018", "8 April 2013", "2013-04-08", ranges too.

Hand-written rather than dateparser or dateutil: those guess a date out of any number
("the 2010 treaty" becomes 1 January 2010) and neither reads a range of days, which is how
a two-day meeting is dated. By default only full dates (day, month and year) are found; a
month or a year alone ("March 2017", "2017") is a date only where the caller knows it stands
as one, in a dateline, and asks for it with `coarse`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reader.core.documents.document import DatePrecision

_MONTH_NAMES = {
    1: "january jan январь января янв",
    2: "february feb февраль февраля фев",
    3: "march mar март марта",
    4: "april apr апрель апреля апр",
    5: "may май мая",
    6: "june jun июнь июня",
    7: "july jul июль июля",
    8: "august aug август августа авг",
    9: "september sept sep сентябрь сентября сен",
    10: "october oct октябрь октября окт",
    11: "november nov ноябрь ноября ноя",
    12: "december dec декабрь декабря дек",
}
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}

_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|2[01])\d\d"
_TO = r"\s*(?:-|–|—|to|and|/)\s*"
_YEAR_WORD = r"(?:\s*(?:года|г\.))?"  # Russian: "15 марта 2018 года"

# Groups: d1/d2 days, m1/m2 month names, n1/n2 month numbers, y the year; "2" ends a range.
_PATTERNS = (
    # 8 April 2013; 15-16 March 2018; 30 March - 2 April 2018
    rf"(?P<d1>{_DAY})(?:\s+(?P<m1>{_MONTH}))?(?:{_TO}(?P<d2>{_DAY}))?"
    rf"\s+(?:of\s+)?(?P<m2>{_MONTH}),?\s+(?P<y>{_YEAR}){_YEAR_WORD}",
    # April 8, 2013; March 15-16, 2018; March 30 - April 2, 2018
    rf"(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:{_TO}(?:(?P<m2>{_MONTH})\s+)?(?P<d2>{_DAY}))?"
    rf",?\s+(?P<y>{_YEAR})",
    # 2013-04-08; 2018-03-15/2018-03-16 (ISO 8601, as <meta> tags write them)
    rf"(?P<y>{_YEAR})-(?P<n1>\d\d)-(?P<d1>\d\d)(?:T[\d:.+Z-]*)?"
    r"(?:(?:/|\s*[–—]\s*)(?P=y)-(?P<n2>\d\d)-(?P<d2>\d\d))?",
    # 15.03.2018, day first as Russian and German texts write it
    rf"(?P<d1>\d{{1,2}})\.(?P<n1>\d{{1,2}})\.(?P<y>{_YEAR})",
)
# Groups as above; no day. "March 2017", "March-April 2017", "марта 2017 года", "2017-03".
_MONTH_PATTERNS = (
    rf"(?P<m1>{_MONTH})(?:{_TO}(?P<m2>{_MONTH}))?,?\s+(?P<y>{_YEAR}){_YEAR_WORD}",
    rf"(?P<y>{_YEAR})-(?P<n1>0[1-9]|1[0-2])(?!-\d)",
)
# "2017", "2017-2018": a year (y) or a range of years (y2 the last).
_YEAR_PATTERNS = (rf"(?P<y>{_YEAR})(?:{_TO}(?P<y2>{_YEAR}))?{_YEAR_WORD}",)


def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"(?<![\w.]){p}(?!\w)", re.IGNORECASE) for p in patterns)


_COMPILED = _compiled(_PATTERNS)
_COARSE = (
    (DatePrecision.MONTH, _compiled(_MONTH_PATTERNS)),
    (DatePrecision.YEAR, _compiled(_YEAR_PATTERNS)),
)
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text: where it stands, its first day, and its last day if a range.

    At MONTH or YEAR precision the days are the first of the month or year named.
    """

    start: int
    end: int
    first: dt.date
    last: dt.date | None = None
    precision: DatePrecision = DatePrecision.DAY


def find_date(text: str, coarse: bool = False) -> DateMatch | None:
    """The first full date (or range of dates) written in `text`, if any; with `coarse`, failing
    that, the first month ("March 2017") and failing that the first year ("2017")."""
    found = _first_of(_COMPILED, text, DatePrecision.DAY)
    for precision, patterns in _COARSE if coarse else ():
        found = found or _first_of(patterns, text, precision)
    return found


def _first_of(
    patterns: tuple[re.Pattern[str], ...], text: str, precision: DatePrecision
) -> DateMatch | None:
    best: DateMatch | None = None
    for pattern in patterns:
        found = _first_valid(pattern, text, precision)
        if found and (best is None or (found.start, -found.end) < (best.start, -best.end)):
            best = found
    return best


def parse_date(text: str, coarse: bool = False) -> DateMatch | None:
    """`text` read as nothing but a date (surrounding space and punctuation allowed)."""
    found = find_date(text, coarse)
    if found is None or text[: found.start].strip(" ,.:;|") or text[found.end :].strip(" ,.:;|"):
        return None
    return found


def _first_valid(pattern: re.Pattern[str], text: str, precision: DatePrecision) -> DateMatch | None:
    read = {
        DatePrecision.DAY: _date_match,
        DatePrecision.MONTH: _month_match,
        DatePrecision.YEAR: _year_match,
    }[precision]
    for match in pattern.finditer(text):
        try:
            return read(match)
        except ValueError:  # "31 February 2018", "16-15 March": not a date after all
            continue
    return None


def _date_match(match: re.Match[str]) -> DateMatch:
    part = match.groupdict()
    year = int(part["y"])
    first_month = _month(part.get("m1") or part.get("n1") or part.get("m2"))
    first = dt.date(year, first_month, _day(part["d1"]))
    if not part.get("d2"):
        return DateMatch(match.start(), match.end(), first)
    last_month = part.get("m2") or part.get("n2")
    last = dt.date(year, _month(last_month) if last_month else first_month, _day(part["d2"]))
    if last < first:
        raise ValueError("a range that ends before it starts")
    return DateMatch(match.start(), match.end(), first, last if last != first else None)


def _month_match(match: re.Match[str]) -> DateMatch:
    part = match.groupdict()
    year = int(part["y"])
    first = dt.date(year, _month(part.get("m1") or part.get("n1")), 1)
    last = dt.date(year, _month(part["m2"]), 1) if part.get("m2") else None
    if last is not None and last < first:
        raise ValueError("a range that ends before it starts")
    month = DatePrecision.MONTH
    return DateMatch(match.start(), match.end(), first, last if last != first else None, month)


def _year_match(match: re.Match[str]) -> DateMatch:
    first = dt.date(int(match.group("y")), 1, 1)
    last = dt.date(int(match.group("y2")), 1, 1) if match.group("y2") else None
    if last is not None and last <= first:
        raise ValueError("a range that ends before it starts")
    return DateMatch(match.start(), match.end(), first, last, DatePrecision.YEAR)


def _month(word: str | None) -> int:
    if word is None:
        raise ValueError("no month")
    if word.isdigit():
        return int(word)
    # The patterns match ignoring case as Unicode does, so "ſept" (long s) and "aprıl"
    # (dotless i) match too: the first is September written old-style, the second no month.
    number = MONTHS.get(word.rstrip(".").casefold())
    if number is None:
        raise ValueError(f"no month called {word}")
    return number


def _day(word: str) -> int:
    found = _DIGITS.match(word)
    assert found is not None  # the patterns only capture days that start with digits
    return int(found.group())
