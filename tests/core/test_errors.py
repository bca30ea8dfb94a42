"""What a user is told of a failure: their own error's sentence, or a bug's, with the log."""

import logging

import pytest

from reader.core.errors import ReaderError, describe_failure


def test_a_reader_error_is_its_own_sentence_and_is_not_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.ERROR):
        sentence = describe_failure(ReaderError("The file x cannot be read."), "the import")
    assert sentence == "The file x cannot be read."
    assert caplog.records == []


def test_a_bug_is_logged_with_its_traceback_and_the_sentence_says_where(
    caplog: pytest.LogCaptureFixture,
) -> None:
    try:
        {}["missing"]
    except KeyError as error:
        with caplog.at_level(logging.ERROR):
            sentence = describe_failure(error, "the search", "/var/log/reader.log")
    assert sentence == (
        "An unexpected error occurred in the search; the details are in /var/log/reader.log."
    )
    (record,) = caplog.records
    assert record.exc_info is not None and record.exc_info[0] is KeyError
    assert "missing" not in sentence  # the user reads no internals


def test_without_a_log_file_the_sentence_still_says_where_to_look() -> None:
    sentence = describe_failure(RuntimeError("boom"), "the window")
    assert sentence.endswith("the details are in the log file.")
