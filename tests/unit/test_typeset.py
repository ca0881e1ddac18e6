"""Dates and periods kept whole on a line (``helpers.typeset``)."""

from __future__ import annotations

import pytest

from helpers.typeset import keep_whole


@pytest.mark.parametrize("text", ["2025-09-18", "2025-09", "2018-2019", "2024/25", "2018+2019",
                                  "Jan-Nov", "Sep 2025", "25 Jul 2019", "Jan-Nov 2025",
                                  "2020-01..2020-10"])
def test_a_date_or_period_is_wrapped_whole(text):
    assert keep_whole(text) == f'<span class="tw-nobr">{text}</span>'


def test_only_the_date_inside_a_longer_text_is_wrapped_and_other_words_are_left():
    assert keep_whole("ERS release 2025-02-06; 13.5-18.7 USD bn, mid-2018 to May be") == (
        'ERS release <span class="tw-nobr">2025-02-06</span>; 13.5-18.7 USD bn, mid-2018 to May be')
    assert keep_whole("2025 YTD Jan-Nov") == '2025 YTD <span class="tw-nobr">Jan-Nov</span>'
