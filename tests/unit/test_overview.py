"""The index's words: the overview written from key figures, and what moved between builds.
Every payload here is SYNTHETIC (made-up values in the shape of a brief's figures JSON)."""

from __future__ import annotations

import copy

import pytest

from helpers import overview, paths


def synthetic_figure(key, value, unit="Mt", period="2024", name=None, decimals=1, note=""):
    return {"key": key, "name": name or key.replace("_", " "), "value": value, "unit": unit,
            "period": period, "datasets": ["synthetic"], "note": note, "decimals": decimals}


def synthetic_payloads() -> dict[str, dict]:
    """SYNTHETIC payloads for the briefs the overview reads (values are made up)."""
    return {
        "01_tariff_timeline": {"figures": [
            synthetic_figure("soy_tariff_peak", 100.0, "%", "2025-04-02"),
            synthetic_figure("soy_tariff_end", 10.0, "%", "2026-01-15"),
            synthetic_figure("ieepa_peak", 50.0, "%", "2025-03-01")]},
        "02_decoupling": {"figures": [
            synthetic_figure("imports_2018", 500.0, "USD bn", "2018"),
            synthetic_figure("imports_latest_full_year", 400.0, "USD bn", "2024"),
            synthetic_figure("imports_ytd_change", 12.5, "%", "2025 Jan-Jun"),
            synthetic_figure("china_share_latest", 13.04, "%", "2023-10")]},
        "03_soybean_collapse": {"figures": [
            synthetic_figure("us_soy_2017_mt", 30.0, "Mt", "2017", decimals=2),
            synthetic_figure("us_soy_sep2025_kg", 0.0, "kg", "2025-09", decimals=0,
                             note="stated zero (synthetic)"),
            synthetic_figure("brazil_share_sep2025", 80.0, "%", "2025-09", note="by quantity"),
            synthetic_figure("benchmark_gap_frozen", 20.0, "USD bn (CIF)", "2018-2024",
                             name="China's imports from the US below the 2017-share benchmark, "
                                  "2018-2024"),
            synthetic_figure("benchmark_gap_brazil_trend", -2.0, "USD bn (CIF)", "2018-2024",
                             name="Same, with Brazil's pre-2018 share trend continuing, "
                                  "2018-2024")]},
        "04_input_costs": {"figures": [
            synthetic_figure("machinery_change_2018", -5.0, "%", "2018-01..2023-11"),
            synthetic_figure("urea_change_wb", 20.0, "%", "2025-06..2026-04")]},
        "05_outlook": {"figures": [
            synthetic_figure("esr_2526_commitments", 10.0, "Mt", "to 2026-08-27"),
            synthetic_figure("esr_sales_2026", 11.0, "Mt", "2026-01-01..2026-08-27"),
            synthetic_figure("claimed_per_year", 25.0, "Mt", "2026-2028", decimals=0)]},
    }


def _text(paragraphs) -> str:
    return "\n".join(" ".join(s.text for s in p) for p in paragraphs)


def test_overview_states_the_figures_with_directions_from_their_signs():
    paragraphs = overview.story(synthetic_payloads())
    assert len(paragraphs) == 2
    text = _text(paragraphs)
    assert "peaked at 100% on 2 Apr 2025 and stood at 10% on 15 Jan 2026" in text
    assert "USD 500 bn in 2018 and USD 400 bn in 2024" in text
    assert "12.5% above the same months a year earlier" in text  # positive: above, not below
    assert "13% in the 12 months to Oct 2023" in text
    assert "30 Mt of US soybeans in 2017 and none in Sep 2025, a stated zero" in text
    assert "80% of China's soybean imports in Sep 2025 (by quantity)" in text
    assert "USD 20 bn (CIF) below a benchmark that freezes the US share of 2017" in text
    assert "USD 2 bn (CIF) above one with Brazil's pre-2018 share trend continuing" in text
    assert "farm machinery prices (BLS PPI) fell 5% from Jan 2018 to Nov 2023".lower() in \
        text.lower()
    assert "urea price rose 20% from Jun 2025 to Apr 2026" in text
    assert ("came to 11 Mt from 1 Jan 2026 to 27 Aug 2026, against claimed Chinese purchases "
            "of 25 Mt a year for 2026-2028") in text
    assert "10 Mt" not in text  # one marketing year's book is not set beside a yearly claim
    assert "most" not in text.split()
    assert {s.brief for p in paragraphs for s in p} == set(synthetic_payloads())


def test_overview_leaves_out_what_is_missing():
    payloads = synthetic_payloads()
    del payloads["01_tariff_timeline"]
    payloads["02_decoupling"]["figures"][1]["value"] = None
    payloads["03_soybean_collapse"]["figures"][0]["value"] = None
    payloads["05_outlook"]["figures"][1]["value"] = float("nan")
    text = _text(overview.story(payloads))
    assert "tariff on US soybeans" not in text and "IEEPA" not in text
    assert "USD 500 bn" not in text  # its pair is missing: the sentence goes, not half of it
    assert "12.5% above" in text
    assert "China imported no US soybeans in Sep 2025" in text
    assert "commitments" not in text
    assert "n/a" not in text and "None" not in text and "nan" not in text
    assert overview.story({}) == []
    assert overview.story({"03_soybean_collapse--start=2015-01": synthetic_payloads()[
        "03_soybean_collapse"]}) == []  # variants never speak for the story


def test_a_renamed_key_stops_the_overview_naming_brief_and_key():
    payloads = synthetic_payloads()
    payloads["02_decoupling"]["figures"][1]["key"] = "imports_2025"  # renamed in the notebook
    with pytest.raises(ValueError, match="02_decoupling publishes no figure with key "
                                         "'imports_latest_full_year'"):
        overview.check_figure_keys(payloads)
    assert "USD 500 bn in 2018" not in _text(overview.story(payloads))  # warned, left out
    del payloads["02_decoupling"]  # a brief not built is not told, and is no error
    assert "US goods imports" not in _text(overview.story(payloads))


def test_every_sentence_declares_the_keys_it_reads():
    keys = overview.figure_keys()
    assert ("02", "imports_latest_full_year") in keys and ("01", "us_stack_end") in keys
    published = {(name[:2], f["key"]) for name, p in synthetic_payloads().items()
                 for f in p["figures"]}
    assert published <= keys
    assert ("06", "mfp_2018_2019_paid") in keys
    assert ("06", "err304_soybean_loss_per_year") not in keys  # a yearly rate beside a total: no
    notebooks = {p.stem for p in paths.notebooks_dir().glob("0*.ipynb")}
    assert set(overview.KIT_BRIEFS.values()) <= notebooks
    assert {nr for nr, _ in keys} <= set(overview.KIT_BRIEFS)
    other = synthetic_payloads()
    other["01_synthetic"] = other.pop("01_tariff_timeline")
    other["01_synthetic"]["figures"] = []  # another notebook numbered 01 is not checked
    assert overview.story(other)


def test_changes_name_new_data_and_revisions_beyond_the_tolerance():
    before = {"data_to": "2026-09-01", "figures": [
        synthetic_figure("us_soy_2024", 20.0, "Mt", "2024", name="US soybeans to China, 2024"),
        synthetic_figure("share", 14.0, "%", "2023-10", name="China's share"),
        synthetic_figure("steady", 100.0, "Mt", "2024", name="Steady"),
        synthetic_figure("gone", 1.0, "Mt", "2024", name="Gone")]}
    after = copy.deepcopy(before)
    after["data_to"] = "2026-10-01"
    after["figures"][0]["value"] = 20.4  # +2%
    after["figures"][1]["value"] = 14.6
    after["figures"][2]["value"] = 100.2  # +0.2%: within the tolerance
    after["figures"][3] = synthetic_figure("fresh", 3.0, "Mt", "2025", name="Fresh")
    moved = overview.changes_since(before, after)
    assert moved == ["new data to Oct 2026",
                     "US soybeans to China, 2024 revised +2% (20 Mt to 20.4 Mt)",
                     "China's share revised from 14% to 14.6%",
                     "new figure: Fresh", "figure dropped: Gone"]
    assert overview.changes_since(before, copy.deepcopy(before)) == []
    assert overview.changes_since(None, after) is None


def test_changes_follow_a_figure_to_a_new_period_and_to_missing():
    before = {"data_to": "2026-10-01",
              "figures": [synthetic_figure("end", 13.0, "%", "2026-07-07", name="Tariff at end"),
                          synthetic_figure("gap", 5.0, "Mt", "2024", name="Gap")]}
    after = copy.deepcopy(before)
    after["data_to"] = "2026-09-01"
    after["figures"][0].update(value=10.0, period="2026-11-10")
    after["figures"][1]["value"] = None
    assert overview.changes_since(before, after) == [
        "data now end Sep 2026 (was Oct 2026)",
        "Tariff at end 10% for 10 Nov 2026 (was 13% for 7 Jul 2026)",
        "Gap now n/a"]


def test_many_changes_are_summarised():
    before = {"figures": [synthetic_figure(f"k{i}", 1.0) for i in range(7)]}
    after = {"figures": [synthetic_figure(f"k{i}", 2.0) for i in range(7)]}
    moved = overview.changes_since(before, after)
    assert len(moved) == overview.MAX_CHANGES + 1 and moved[-1] == "3 more key figures moved"


def _series(name, last, end, lag, dataset="synthetic_main"):
    """SYNTHETIC series-age record in the shape a brief's payload carries."""
    return {"dataset": dataset, "series": name, "last_observation": last, "period_end": end,
            "days_behind": 0, "usual_lag_days": lag, "stale": False}


def test_the_index_shows_each_brief_s_series_truth_not_its_newest_month():
    import datetime as dt

    payload = {"main_dataset": "synthetic_main", "data_to": "2025-10-01", "series": [
        _series("PPI a", "2023-11-01", "2023-11-30", 60),
        _series("gas", "2025-10-01", "2025-10-31", 60),
        _series("events", "2026-07-07", "2026-07-07", None, dataset="synthetic_events")]}
    seen = overview.data_freshness(payload, dt.date(2026, 12, 3))
    assert seen["main"] == "ending Nov 2023 to Oct 2025 by series"  # never 'to Oct 2025' alone
    assert seen["oldest"] == "PPI a (Nov 2023)"
    assert seen["stale"] == ["PPI a", "gas"]  # no declared lag: never stale
    early = overview.data_freshness(payload, dt.date(2023, 12, 15))
    assert early["stale"] == []
    assert overview.data_freshness({"data_to": "2025-10-01"})["main"] == "to Oct 2025"


def test_data_last_changed_follows_the_data_files_not_the_build():
    first = {"built": "2026-11-01T10:00:00+00:00", "data_digest": "aaa"}
    assert overview.data_changed(None, first) == first["built"]
    state = {"payload": first, "data_changed": first["built"]}
    rebuilt = {"built": "2026-12-03T10:00:00+00:00", "data_digest": "aaa"}
    assert overview.data_changed(state, rebuilt) == "2026-11-01T10:00:00+00:00"
    refreshed = {"built": "2026-12-04T10:00:00+00:00", "data_digest": "bbb"}
    assert overview.data_changed({"payload": rebuilt, "data_changed": first["built"]},
                                 refreshed) == refreshed["built"]


def test_periods_read_as_years_months_or_days():
    assert overview.period_label("2024-01-01", "2024-12-31") == "2024"
    assert overview.period_label("2023-11-01", "2023-11-30") == "Nov 2023"
    assert overview.period_label("2026-08-27") == "27 Aug 2026"
