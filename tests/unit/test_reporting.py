"""The reporting rule (helpers.models.estimate_report, robustness) and checked claims
(helpers.report.Brief.claim) on synthetic data where the answer is known."""

import nbformat
import numpy as np
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from helpers import models, report

MONTHS = pd.date_range("2012-01-01", periods=120, freq="MS")


def synthetic_frame(effect: float, seed: int = 0) -> pd.DataFrame:
    """SYNTHETIC: y = effect * x + noise over ten years of months."""
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 1, len(MONTHS))
    return pd.DataFrame({"x": x, "y": effect * x + rng.normal(0, 1, len(MONTHS))}, index=MONTHS)


def fitted_row(effect: float, seed: int = 0, start: str | None = None) -> pd.Series:
    frame = synthetic_frame(effect, seed)
    frame = frame.loc[start:] if start else frame
    return models.tidy(models.fit_hac("y ~ x", frame), ["x"]).iloc[0]


def test_a_planted_negative_effect_is_stated_in_words_with_ci_n_and_sample():
    sentence, table = models.estimate_report(fitted_row(-2.0), "the change in y per unit of x",
                                             "points")
    assert sentence.startswith("The change in y per unit of x: ")
    assert "lower" in sentence and "higher" not in sentence and "--" not in sentence
    assert "95% CI" in sentence and "n = 120" in sentence and "2012-01 to 2021-12" in sentence
    assert "HAC" in sentence and "lags" in sentence
    assert table.loc[0, "ci_high"] < 0 and table.loc[0, "n"] == 120


def test_a_null_effect_is_reported_as_not_distinguishable_from_zero():
    row = fitted_row(0.0, seed=4)
    assert models.includes_zero(row)
    sentence, _ = models.estimate_report(row, "the change in y per unit of x", "points")
    assert "not distinguishable from zero" in sentence and "includes zero" in sentence


def test_robustness_table_and_range_sentence():
    table = models.robustness(lambda start: fitted_row(-2.0, start=start),
                              {"full sample": {"start": None}, "from 2015": {"start": "2015-01"}})
    assert list(table["specification"]) == ["full sample", "from 2015"]
    assert table.loc[1, "n"] < table.loc[0, "n"]
    assert table.loc[1, "sample_start"] == pd.Timestamp("2015-01-01")
    text = models.range_sentence(table, "points")
    assert text.startswith("Across 2 specifications the estimate runs from -")
    assert "0 of 2 confidence intervals include zero" in text
    assert "Every specification agrees with the main one (full sample)" in text


def frame_whose_effect_vanishes_in_its_last_year(seed: int = 0) -> pd.DataFrame:
    """SYNTHETIC: y = -1 * x + noise for 2012-2020; in 2021 x is high (4) and y is high too
    (2), so adding the last year pulls the slope to about zero."""
    rng = np.random.default_rng(seed)
    last = MONTHS.year == 2021
    x = np.where(last, 4.0, rng.normal(0, 1, len(MONTHS)))
    y = np.where(last, 2.0, -1.0 * x) + rng.normal(0, 1, len(MONTHS))
    return pd.DataFrame({"x": x, "y": y}, index=MONTHS)


def test_range_sentence_says_when_the_verdict_rests_on_where_the_sample_ends():
    frame = frame_whose_effect_vanishes_in_its_last_year()

    def fit(end=None, start=None):
        return models.tidy(models.fit_hac("y ~ x", frame.loc[start:end]), ["x"]).iloc[0]

    variants = {"full sample": {}, **models.sample_end_variants({}, frame.index.max(),
                                                                ["2020-12-01", "2022-01-01"]),
                "from 2013": {"start": "2013-01-01"}}
    table = models.robustness(fit, variants)
    assert list(table["specification"]) == ["full sample", "sample ending 2020-12", "from 2013"]
    assert table.loc[0, "ci_includes_zero"] and not table.loc[1, "ci_includes_zero"]
    text = models.range_sentence(table, "points")
    assert "(sample ending 2020-12)" in text
    assert "The CI excludes zero, unlike the main specification (full sample), in: sample " \
           "ending 2020-12." in text
    assert "the main verdict rests on the months after 2020-12" in text


def test_ols_row_fits_the_sub_sample_asked_for():
    frame = synthetic_frame(1.0)
    row = models.ols_row("y ~ x", frame, "x", start="2013-01-01", end="2020-12-01",
                         drop_year=2016)
    assert row["n"] == 8 * 12 - 12 and row["sample_start"] == pd.Timestamp("2013-01-01")
    assert row["sample_end"] == pd.Timestamp("2020-12-01")


def test_drop_year_variants_leave_out_one_year_each():
    variants = models.drop_year_variants({"lags": 2}, [2018, 2019])
    assert variants == {"without 2018": {"lags": 2, "drop_year": 2018},
                        "without 2019": {"lags": 2, "drop_year": 2019}}


def test_hac_lag_rule_is_named_when_used_and_a_hand_set_lag_says_so():
    frame = synthetic_frame(1.0)
    assert "rule floor" in models.hac_method(models.fit_hac("y ~ x", frame))
    assert "set by hand" in models.hac_method(models.fit_hac("y ~ x", frame, lags=9))


def test_a_claim_that_does_not_hold_stops_the_notebook_and_names_itself():
    brief = report.Brief(title="synthetic")
    with pytest.raises(report.ClaimError, match="US share fell below 5%"):
        brief.claim("US share fell below 5%", holds=np.float64(7.0) < 5, basis="share < 5")
    assert brief.claims == []


def test_claims_reach_the_figures_payload_in_order():
    brief = report.Brief(title="synthetic")
    brief.set_takeaway("first", holds=True, basis="b1", datasets=["x"])
    payload = brief.payload()
    assert payload["takeaway"] == "first"
    assert payload["claims"] == [{"text": "first", "holds": True, "basis": "b1",
                                  "datasets": ["x"]}]
    later = {"text": "second", "holds": True, "basis": "b2", "datasets": []}
    nb = new_notebook(cells=[
        new_code_cell("", outputs=[new_output("display_data",
                                              data={report.FIGURES_MIME: payload})]),
        new_code_cell("", outputs=[new_output("display_data", data={report.CLAIM_MIME: later}),
                                   new_output("display_data",
                                              data={report.CLAIM_MIME: payload["claims"][0]})]),
    ])
    collected = report.collect_payload(nbformat.from_dict(nb))
    assert [c["text"] for c in collected["claims"]] == ["first", "second"]


def test_markdown_text_escapes_tags_from_data():
    assert report.markdown_text("<script>x</script> & <img src=http://a>") == (
        "&lt;script&gt;x&lt;/script&gt; &amp; &lt;img src=http://a&gt;")


def test_shortfall_words_state_the_direction():
    assert report.shortfall_words(22.4) == "USD 22 bn below"
    assert report.shortfall_words(-0.6, "USD {:.1f} bn") == "USD 0.6 bn above"


def test_tables_for_people_label_units_format_numbers_and_link_citations():
    """SYNTHETIC rows."""
    frame = pd.DataFrame({"imports_usd_bn": [1234.56, np.nan],
                          "month": pd.to_datetime(["2025-03-01", "2025-04-01"]),
                          "citation": ["piie.com/blogs/x (PIIE, 2025)", "<b>no link</b>"]})
    html = report.table_html(frame)
    assert "<th>Imports (USD bn)</th>" in html and "1,234.6" in html and "n/a" in html
    assert "Mar 2025" in html and "<a href='https://piie.com/blogs/x'>" in html
    assert "&lt;b&gt;no link&lt;/b&gt;" in html and "imports_usd_bn" not in html


def test_event_lists_escape_the_measure_and_link_the_sources():
    events = pd.DataFrame({"date": pd.to_datetime(["2026-02-20"]), "actor": ["US"],
                           "status": ["court ruling"], "confirmed": ["yes"],
                           "measure": ["<script>alert(1)</script> ruling"],
                           "sources": ["example.org/ruling (Court, 2026-02-20)"]})
    html = report.event_list_html(events)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<a href='https://example.org/ruling'>" in html and "20 Feb 2026" in html


def test_years_print_without_thousands_separators():
    html = report.table_html(pd.DataFrame({"value_usd_bn": [1234.5]},
                                          index=pd.Index([2025], name="year")), index=True)
    assert "<td class='num'>2025</td>" in html and "1,234.5" in html


def test_the_narrative_is_a_few_linked_lines_with_partly_flags_and_the_table_end():
    """SYNTHETIC events."""
    from helpers import tariffs

    events = pd.DataFrame({
        "event_id": ["S1", "S2"], "date": pd.to_datetime(["2026-02-20", "2026-03-01"]),
        "measure": ["<b>Court</b> ruling: detail", "Duty cut (from 20%) to 10%"],
        "status": ["court ruling", "took effect"], "confirmed": ["yes", "partly"],
        "sources": ["example.org/a (Court, 2026-02-20)", "example.net/b"]})
    story = tariffs.year_narrative(events, 2026)
    html = report.narrative_html(story, "2026-12-03", "2026-03-01")
    assert "ends 01 March 2026, 277 days before the as-of date (03 December 2026)" in html
    assert "<b>20 Feb</b>: &lt;b&gt;Court&lt;/b&gt; ruling. <a href='https://example.org/a'>Court" in html
    assert html.count("partly confirmed") == 1 and "Duty cut to 10%." in html
    assert "before the as-of date" not in report.narrative_html(story, "2026-03-01", "2026-03-01")


def test_every_key_figure_names_its_period():
    brief = report.Brief("SYNTHETIC")
    with pytest.raises(ValueError, match="names no period"):
        brief.add("A number", 1.0, "%", "", ["synthetic"], key="a_number")
    brief.add("A missing number", None, "%", "n/a", ["synthetic"], key="missing")  # allowed


def test_the_key_figures_table_names_each_period_in_words():
    brief = report.Brief("SYNTHETIC")
    brief.add("Sales", 13.8, "Mt", "2026-01-01..2026-08-27", ["synthetic"], key="sales")
    brief.add("Share", 12.0, "%", "2025-09", ["synthetic"], key="share")
    table = brief.html_table()
    whole = '<span class="tw-nobr">{}</span>'  # dates kept on one line in print
    assert (f"<td>{whole.format('1 Jan 2026')} to {whole.format('27 Aug 2026')}</td>" in table
            and f"<td>{whole.format('Sep 2025')}</td>" in table)
