"""Numbers for people in the briefs' tables: no '-0.00', p-values as '< 0.001', statistics
headers by their usual names, one '95% CI' column (SYNTHETIC rows throughout)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import report


def test_a_value_rounding_to_zero_has_no_sign():
    assert report.number_text(-0.0004, 2) == "0.00"
    assert report.number_text(-0.004, 2) == "0.00"
    assert report.number_text(-0.006, 2) == "-0.01"
    assert report.number_text(-1234.5, 1) == "-1,234.5"
    assert "-0.0" not in report.table_html(pd.DataFrame({"change_pct": [-0.01, 0.3]}))


def test_p_values_read_as_people_write_them():
    assert report.p_text(0.0002) == "< 0.001"
    assert report.p_text(0.0421) == "0.042"
    assert report.p_text(np.nan) == "n/a"
    html = report.table_html(pd.DataFrame({"p": [0.0004]}))
    assert "<th>p-value</th>" in html and "&lt; 0.001" in html


def test_statistics_tables_have_readable_headers_and_one_ci_column():
    frame = pd.DataFrame({"specification": ["six lags"], "coef": [0.3734], "std_err": [0.11],
                          "ci_low": [0.158], "ci_high": [0.587], "p_value": [0.00004],
                          "n": [135], "ci_includes_zero": [False]})
    html = report.table_html(frame, decimals=3)
    heads = [h.split("</th>")[0] for h in html.split("<th>")[1:]]
    assert heads == ["Specification", "Estimate", "Standard error", "95% CI", "p-value", "n",
                     "95% CI includes zero"]
    assert "0.158 to 0.587" in html and "&lt; 0.001" in html and ">no<" in html
    assert "Ci low" not in html and "0.000" not in html


def test_a_missing_bound_leaves_the_ci_unstated():
    frame = pd.DataFrame({"coef": [1.0], "ci_low": [np.nan], "ci_high": [2.0]})
    assert "<td>n/a</td>" in report.table_html(frame)
    plain = pd.DataFrame({"ci_low_usd": [1.0]})
    assert report.with_ci_column(plain) is plain


def test_a_zero_quantity_reads_none_in_the_key_figures():
    brief = report.Brief(title="Synthetic")
    brief.add("Tonnes shipped, one month", 0.0, "kg", "2025-09", ["synthetic"], decimals=0,
              key="zero_kg")
    brief.add("Tonnes shipped, a year", 1.5, "Mt", "2024", ["synthetic"], key="year_mt")
    brief.add("Change", 0.0, "%", "2024", ["synthetic"], key="no_change")
    html = brief.html_table()
    assert "<td class='num'>none</td><td></td>" in html and ">kg<" not in html
    assert "<td class='num'>1.5</td><td>Mt</td>" in html
    assert "<td class='num'>0</td><td>%</td>" in html


def test_key_figures_print_whole_rates_without_decimals_and_no_signed_zero():
    brief = report.Brief(title="Synthetic")
    brief.add("A statutory rate", 3.0, "%", "2018", ["synthetic"], key="rate")
    brief.add("A share achieved", 57.0, "%", "2021", ["synthetic"], decimals=0, key="share")
    brief.add("A measured change", 7.46, "%", "2024", ["synthetic"], key="change")
    brief.add("A tiny fall", -0.04, "%", "2024", ["synthetic"], key="tiny")
    brief.add("Unknown", None, "%", "2024", ["synthetic"], key="unknown")
    cells = [row.split("<td class='num'>")[1].split("<")[0]
             for row in brief.html_table().split("<tr>")[2:]]
    assert cells == ["3", "57", "7.5", "0.0", "n/a"]
