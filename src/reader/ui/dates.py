"""A document's date as the interface's locale writes it ("15-16 March 2018", "15-16 марта
2018", "март 2017"): the core's date_label is English only, as the core cannot use Qt."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale

from reader.core.documents.document import DatePrecision, Metadata


def date_text(meta: Metadata) -> str:
    start, end = meta.date_start, meta.date_end
    if start is None:
        return ""
    if end == start:
        end = None
    if meta.date_precision is DatePrecision.YEAR:
        return f"{start.year}-{end.year}" if end else str(start.year)
    if meta.date_precision is DatePrecision.MONTH:
        return _months(start, end)
    if end is None:
        return _day(start, "d MMMM yyyy")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{_day(end, 'd MMMM yyyy')}"
    if start.year == end.year:
        return f"{_day(start, 'd MMMM')} - {_day(end, 'd MMMM yyyy')}"
    return f"{_day(start, 'd MMMM yyyy')} - {_day(end, 'd MMMM yyyy')}"


def _months(start: dt.date, end: dt.date | None) -> str:
    """ "March 2017", "март 2017": a month alone is named as it stands, not "of" a day."""
    name = QLocale().standaloneMonthName
    if end is None:
        return f"{name(start.month)} {start.year}"
    if start.year == end.year:
        return f"{name(start.month)} - {name(end.month)} {end.year}"
    return f"{name(start.month)} {start.year} - {name(end.month)} {end.year}"


def _day(day: dt.date, pattern: str) -> str:
    # The default locale (language.install): Russian gives the genitive month, "марта".
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)
