"""User date bounds: partial ISO dates become inclusive day ranges; bad ones are usage errors."""
from __future__ import annotations

import pytest

from talentflow.core.errors import UsageError
from talentflow.query.dates import DateRange, date_range, partial_date_bounds


@pytest.mark.parametrize("text, bounds", [
    ("2024", ("2024-01-01", "2024-12-31")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2023-02", ("2023-02-01", "2023-02-28")),
    ("2024-05-14", ("2024-05-14", "2024-05-14")),
    (" 2021-11 ", ("2021-11-01", "2021-11-30")),
])
def test_partial_dates_cover_their_whole_period(text, bounds):
    assert partial_date_bounds(text) == bounds


@pytest.mark.parametrize("text", ["24", "2024-13", "2024-00", "2023-02-29", "May 2024",
                                  "2024/05", "2024-5", ""])
def test_malformed_dates_are_usage_errors_naming_the_option(text):
    with pytest.raises(UsageError) as caught:
        partial_date_bounds(text, option="--since")
    assert caught.value.item == "--since"
    assert caught.value.exit_code == 2


def test_range_uses_first_day_of_since_and_last_day_of_until():
    assert date_range("2023-06", "2024") == DateRange("2023-06-01", "2024-12-31")
    assert date_range(None, "2024-05") == DateRange(None, "2024-05-31")
    assert date_range().is_open


def test_reversed_range_is_refused_with_a_hint():
    with pytest.raises(UsageError) as caught:
        date_range("2025", "2024")
    assert "swap" in caught.value.hint
