"""Dates as statements write them, single days and ranges; property-tested with Hypothesis."""

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.documents.document import DatePrecision
from reader.core.importers.dates import find_date, parse_date

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Naples, Italy: March 15-16, 2018", dt.date(2018, 3, 15), dt.date(2018, 3, 16)),
        ("15-16 March 2018", dt.date(2018, 3, 15), dt.date(2018, 3, 16)),
        ("Washington, 8 April 2013", dt.date(2013, 4, 8), None),
        ("April 8, 2013", dt.date(2013, 4, 8), None),
        ("2013-04-08", dt.date(2013, 4, 8), None),
        ("Group statement | 15 February 2022", dt.date(2022, 2, 15), None),
        ("30 March - 2 April 2018", dt.date(2018, 3, 30), dt.date(2018, 4, 2)),
        ("March 30 – April 2, 2018", dt.date(2018, 3, 30), dt.date(2018, 4, 2)),
        ("the 1st of May, 2019", dt.date(2019, 5, 1), None),
        ("Sept. 9, 2020", dt.date(2020, 9, 9), None),
        ("15.03.2018", dt.date(2018, 3, 15), None),
        ("Москва, 15-16 марта 2018 года", dt.date(2018, 3, 15), dt.date(2018, 3, 16)),
        ("2021-06-06T10:00:00+00:00", dt.date(2021, 6, 6), None),
        ("2018-03-15/2018-03-16", dt.date(2018, 3, 15), dt.date(2018, 3, 16)),
    ],
)
def test_dates_statements_write(text: str, first: dt.date, last: dt.date | None) -> None:
    found = find_date(text)
    assert found is not None
    assert (found.first, found.last) == (first, last)


@pytest.mark.parametrize(
    "text",
    [
        "at the 10th NPT Review Conference, Jan. 4-28, in New York",  # no year
        "last came together in September 2008",  # no day
        "the 2010 New START Treaty",
        "31 February 2018",
        "16-15 March 2018",
        "on 15 March regarding missile defense",
        "115 March 2018",
    ],
)
def test_no_date_is_invented(text: str) -> None:
    assert find_date(text) is None


def test_the_first_date_of_a_text_is_found() -> None:
    found = find_date("Signed on 8 April 2013; published on May 1, 2014.")
    assert found is not None and found.first == dt.date(2013, 4, 8)
    assert parse_date(" 8 April 2013. ") is not None
    assert parse_date("Washington, 8 April 2013") is None


FORMATS: list[Callable[[dt.date], str]] = [
    lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{MONTHS[d.month - 1][:3]}. {d.day}, {d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1].upper()} {d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
]
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31))


@given(DATES, st.sampled_from(FORMATS), st.sampled_from(["", "Naples, Italy: ", "Signed "]))
def test_a_written_date_reads_back_as_itself(
    day: dt.date, form: Callable[[dt.date], str], before: str
) -> None:
    found = find_date(f"{before}{form(day)}. Then the text goes on.")
    assert found is not None
    assert (found.first, found.last) == (day, None)


@given(DATES, st.integers(min_value=1, max_value=27), st.booleans())
def test_a_range_of_days_reads_back_as_itself(day: dt.date, length: int, us_style: bool) -> None:
    last = day + dt.timedelta(days=length)
    if (last.year, last.month) != (day.year, day.month):
        start, end = MONTHS[day.month - 1], MONTHS[last.month - 1]
        written = (
            f"{start} {day.day} - {end} {last.day}, {day.year}"
            if us_style
            else f"{day.day} {start} - {last.day} {end} {day.year}"
        )
    elif us_style:
        written = f"{MONTHS[day.month - 1]} {day.day}-{last.day}, {day.year}"
    else:
        written = f"{day.day}-{last.day} {MONTHS[day.month - 1]} {day.year}"
    found = find_date(f"Held on {written} in Naples.")
    if last.year != day.year:
        assert found is None or found.first in (day, last)  # a range across a new year is not read
        return
    assert found is not None
    assert (found.first, found.last) == (day, last)


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        ("Valletta, Malta: March 2017", dt.date(2017, 3, 1), None, DatePrecision.MONTH),
        ("March-April 2017", dt.date(2017, 3, 1), dt.date(2017, 4, 1), DatePrecision.MONTH),
        ("Sept. 2020", dt.date(2020, 9, 1), None, DatePrecision.MONTH),
        ("марта 2017 года", dt.date(2017, 3, 1), None, DatePrecision.MONTH),
        ("2017-03", dt.date(2017, 3, 1), None, DatePrecision.MONTH),
        ("2017", dt.date(2017, 1, 1), None, DatePrecision.YEAR),
        ("2015–2016", dt.date(2015, 1, 1), dt.date(2016, 1, 1), DatePrecision.YEAR),
        ("Naples, 15 March 2018", dt.date(2018, 3, 15), None, DatePrecision.DAY),
    ],
)
def test_a_month_or_a_year_when_asked_for(
    text: str, first: dt.date, last: dt.date | None, precision: DatePrecision
) -> None:
    found = find_date(text, coarse=True)
    assert found is not None
    assert (found.first, found.last, found.precision) == (first, last, precision)


@pytest.mark.parametrize("text", ["April - March 2017", "2018-2016", "2017-13", "Mayday 2017"])
def test_no_coarse_date_is_invented(text: str) -> None:
    found = find_date(text, coarse=True)
    assert found is None or found.precision is DatePrecision.YEAR and found.last is None


def test_a_full_date_comes_before_a_month_wherever_it_stands() -> None:
    found = find_date("March 2017, then on 8 April 2017 again", coarse=True)
    assert found is not None and (found.first, found.precision) == (
        dt.date(2017, 4, 8),
        DatePrecision.DAY,
    )


@given(st.integers(min_value=1900, max_value=2199), st.integers(min_value=1, max_value=12))
def test_a_written_month_reads_back_as_itself(year: int, month: int) -> None:
    found = find_date(f"Geneva, {MONTHS[month - 1]} {year}", coarse=True)
    assert found is not None
    assert (found.first, found.precision) == (dt.date(year, month, 1), DatePrecision.MONTH)
