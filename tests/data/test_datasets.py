"""Data-validation tests for every dataset, and published figures the snapshot must reproduce."""

import re

import pandas as pd
import pytest

from helpers import armington, soy
from helpers.data import catalog, load, registry, source_tiers, soybean_imports
from helpers.data.datasets import tariff_events, us_soybean_export_sales
from helpers.data.errors import DataError

CORE = [ds.id for ds in catalog.read_catalog().values() if ds.role == "core"]


@pytest.mark.parametrize("dataset_id", CORE)
def test_core_dataset_loads_validated_with_provenance(dataset_id):
    df = load(dataset_id, use_cache=False)
    assert len(df) > 0
    prov = df.attrs["provenance"]
    assert prov["origin"] == "snapshot" and prov["dataset"] == dataset_id
    assert prov["source_line"] and prov["files"][0]["sha256"]


def _annual(column: str, year: str) -> float:
    df = load("us_china_goods_trade", use_cache=False).set_index("date")
    return df.loc[year, column].sum()


def test_2018_imports_from_china_match_census():
    # Census: 2018 US goods imports from China, about USD 538.5 bn.
    assert _annual("imports_usd_mn", "2018") == pytest.approx(538_514.2, abs=0.1)


def test_2018_exports_to_china_match_census():
    # Census: 2018 US goods exports to China, USD 120.3 bn.
    assert _annual("exports_usd_mn", "2018") == pytest.approx(120_281.3, abs=0.05)


def test_2024_exports_and_2020_2023_filled_months():
    assert _annual("exports_usd_mn", "2024") == pytest.approx(143_226.6, abs=0.05)
    # Annual sums of the 2020-2023 exports as recorded in the extracts' provenance notes.
    for year, total in {"2020": 124_581.6, "2021": 151_439.5, "2022": 153_987.4,
                        "2023": 147_635.4}.items():
        assert _annual("exports_usd_mn", year) == pytest.approx(total, abs=0.05)


def test_goods_trade_gaps_are_missing_not_zero():
    df = load("us_china_goods_trade", use_cache=False).set_index("date")
    assert df.loc["1985":"2000", "exports_usd_mn"].isna().all()
    assert pd.isna(df.loc["2025-12-01", "exports_usd_mn"])
    assert pd.isna(df.loc["2025-12-01", "balance_usd_mn"])
    assert df.loc["2001-01-01":"2025-11-01", "exports_usd_mn"].notna().all()
    assert (df["exports_usd_mn"].dropna() > 0).all()
    assert df.loc["2023-11-01":, "imports_world_usd_mn"].isna().all()


def test_china_share_of_us_imports_peak_matches_published():
    # Bloomberg: China's share peaked at 21.8% in the 12 months through March 2018.
    df = load("us_china_goods_trade", use_cache=False).set_index("date")
    share = (df["imports_usd_mn"].rolling(12).sum() / df["imports_world_usd_mn"].rolling(12).sum())
    assert share.idxmax() == pd.Timestamp("2018-03-01")
    assert share.max() == pytest.approx(0.2176, abs=0.0005)


def test_september_2025_us_soybeans_are_a_stated_zero():
    q = soybean_imports("quantity_kg", "month")
    assert q.loc["2025-09-01", "United States"] == 0
    # and Brazil ~85.2% of the month by volume (Reuters on GACC data)
    share = soybean_imports("share_of_china_total", "month")
    assert share.loc["2025-09-01", "Brazil"] == pytest.approx(0.852, abs=0.0005)
    assert q.loc["2025-09-01", "Brazil"] == pytest.approx(10.96e9, rel=1e-3)


def test_us_soybean_value_months_without_rows_are_missing_not_zero():
    v = soybean_imports("value_usd", "month")
    for month in ("2018-11-01", "2025-09-01", "2025-10-01"):
        assert pd.isna(v.loc[month, "United States"])
    assert v["World"].notna().all()


def test_annual_soybean_quantities_2017_vs_2018():
    q = soybean_imports("quantity_kg", "year")
    assert q.loc["2017-01-01", "United States"] == 32_853_052_302  # 32.85 Mt published
    assert q.loc["2018-01-01", "United States"] < 0.6 * q.loc["2017-01-01", "United States"]


def test_world_soybean_value_totals_match_the_extract():
    v = soy.calendar_year_sums(soybean_imports("value_usd", "month"))
    assert v.loc["2017-01-01", "World"] == 39_638_142_580
    assert v.loc["2024-01-01", "World"] == 52_726_095_824
    assert pd.Timestamp("2025-01-01") not in v.index  # Jan-Oct only: never a full year


def test_code_derived_monthly_sums_equal_the_extracts_sums():
    v = load("china_soybean_imports", use_cache=False)
    mine = v[(v["measure"] == "value_usd")].set_index(["period", "partner"])["value"]
    sums = load("xcheck_gacc_monthly_sums")
    sums["partner"] = sums["partner"].replace({"World (all partners in the query)": "World"})
    sums["period"] = pd.to_datetime(sums["period"] + "-01")
    theirs = sums.set_index(["period", "partner"])["computed: sum of rows (value_usd)"]
    assert len(theirs) == len(mine)
    assert (mine.loc[theirs.index] == theirs).all()


def test_superseded_rows_lack_exactly_the_duplicate_valued_rows():
    v = soybean_imports("value_usd", "month")
    old = load("xcheck_gacc_superseded_sums")
    old = old.set_index([pd.to_datetime(old["period"] + "-01"), "partner"])[
        "computed: sum of rows (value_usd)"]
    gaps = {(d, p): v.loc[d, p] - old.loc[(d, p)] for d, p in old.index
            if v.loc[d, p] != old.loc[(d, p)]}
    assert gaps == {
        (pd.Timestamp("2020-10-01"), "United States"): 10_009_944,
        (pd.Timestamp("2021-10-01"), "Brazil"): 5_852_600,
        (pd.Timestamp("2021-12-01"), "United States"): 7_228_200,
        (pd.Timestamp("2023-10-01"), "Argentina"): 668,
        (pd.Timestamp("2023-11-01"), "Brazil"): 5_812_670,
        (pd.Timestamp("2025-10-01"), "Argentina"): 13_411_260,
    }


def test_us_2025_rows_match_the_all_partner_query():
    rows = load("xcheck_gacc_us_2025_rows")
    assert rows["value_usd"].sum() == 7_725_259_721
    v = soybean_imports("value_usd", "month")
    assert v.loc["2025-01-01":"2025-08-01", "United States"].sum() == 7_725_259_721


def test_c5700_copy_imports_equal_impch_and_exports_equal_snapshot():
    c = load("xcheck_census_c5700_2020_2025m04").set_index("date")
    df = load("us_china_goods_trade", use_cache=False)
    df = df.set_index(df["date"].dt.strftime("%Y-%m-%d"))
    assert (df.loc[c.index, "imports_usd_mn"].round(1) == c["imports_IMPCH"]).all()
    assert (df.loc[c.index, "exports_usd_mn"] == c["exports_EXPCH"]).all()
    assert ((c["exports_EXPCH"] - c["imports_IMPCH"] - c["balance"]).abs() <= 0.1 + 1e-9).all()


def test_prices_and_inputs_cover_what_the_catalog_says():
    prices = load("commodity_prices", use_cache=False)
    ends = prices.groupby("series_id")["date"].max()
    assert ends["PSOYBUSDM"] == pd.Timestamp("2025-01-01")
    assert ends["WB_SOYBEANS"] == pd.Timestamp("2026-06-01")
    inputs = load("farm_input_prices", use_cache=False)
    nitro = inputs[inputs["series_id"] == "PCU325311325311A"].set_index("date")["value"]
    assert nitro.loc["1980-01-01":"1980-11-01"].isna().all()  # '.' in the source, not zero
    assert inputs.groupby("series_id").size()["WPU0652"] == 1091
    input_ends = inputs.groupby("series_id")["date"].max()
    assert input_ends[["MHHNGSP", "WPU0652013A", "GASDESM", "GASDESW_MONTHLY_MEAN_COMPUTED"]
                      ].dt.strftime("%Y-%m").tolist() == ["2026-05", "2026-03", "2025-03",
                                                          "2026-09"]


def test_rounded_pink_sheet_months_say_so_and_full_precision_is_kept():
    wb = load("commodity_prices", use_cache=False).query("publisher == 'World Bank'")
    soy = wb[wb["series_id"] == "WB_SOYBEANS"].set_index("date")
    assert soy.loc["2026-04-01", "value"] == pytest.approx(463.13, abs=0.005)  # May release
    assert soy.loc["2026-05-01", "value"] == 473 and soy.loc["2026-06-01", "value"] == 468
    rounded = wb["release"].str.startswith("rounded")
    assert set(wb.loc[rounded, "date"].dt.strftime("%Y-%m")) == {"2026-05", "2026-06"}
    assert (wb.loc[~rounded, "release"] == "Updated on May 04, 2026").all()


def test_nitrogenates_keep_the_2023_11_revision():
    inputs = load("farm_input_prices", use_cache=False)
    nitro = inputs[inputs["series_id"] == "WPU0652013A"].set_index("date")["value"]
    assert nitro.loc["2023-11-01"] == pytest.approx(107.127)


def test_yuan_monthly_series_is_published_then_computed_from_whole_months():
    fx = load("fx_cny_usd", use_cache=False)
    exchus = fx[fx["series_id"] == "EXCHUS"].set_index("date")["cny_per_usd"]
    assert exchus.index.max() == pd.Timestamp("2019-08-01")
    assert exchus.loc["2017-09-01"] == pytest.approx(6.569)  # corrected: whole-month mean
    daily = fx[fx["series_id"] == "DEXCHUS"].set_index("date")["cny_per_usd"]
    assert daily.index.max() == pd.Timestamp("2026-09-18")
    bridge = fx[fx["series_id"] == "DEXCHUS_MONTHLY_MEAN_COMPUTED"].set_index("date")["cny_per_usd"]
    # from the month after EXCHUS ends (the second daily copy covers 2019-08..2020-11) to the
    # last whole month: 2026-09 (the copy ends on the 18th) is partial
    assert (bridge.index.min(), bridge.index.max()) == (pd.Timestamp("2019-09-01"),
                                                        pd.Timestamp("2026-08-01"))
    assert bridge.loc["2024-03-01"] == pytest.approx(daily.loc["2024-03"].mean(), abs=5e-5)
    assert (fx.loc[fx["series_id"] == "DEXCHUS_MONTHLY_MEAN_COMPUTED", "freq"] == "month").all()


def test_weekly_diesel_and_its_computed_monthly_means():
    weekly = load("diesel_retail_weekly", use_cache=False).set_index("date")["usd_per_gal"]
    assert (weekly.index.min(), weekly.index.max(), len(weekly)) == (
        pd.Timestamp("2023-01-02"), pd.Timestamp("2026-10-05"), 197)
    inputs = load("farm_input_prices", use_cache=False)
    means = inputs[inputs["series_id"] == "GASDESW_MONTHLY_MEAN_COMPUTED"].set_index("date")
    assert (means.index.min(), means.index.max()) == (pd.Timestamp("2023-01-01"),
                                                       pd.Timestamp("2026-09-01"))  # 10 partial
    published = inputs[inputs["series_id"] == "GASDESM"].set_index("date")["value"]
    gap = (means["value"] - published).dropna().abs()
    assert len(gap) == 27 and (gap < 5e-4).sum() == 25 and gap.max() < 0.0015
    assert means.loc["2026-09-01", "value"] == pytest.approx(weekly.loc["2026-09"].mean(),
                                                             abs=5e-4)
    assert "computed" in means["series_name"].iloc[0]


def test_fertilizer_ppi_peaks_in_april_2022():
    inputs = load("farm_input_prices", use_cache=False)
    fert = inputs[inputs["series_id"] == "WPU0652"].set_index("date")["value"]
    assert fert.idxmax() == pd.Timestamp("2022-04-01")


def test_tariff_events_keep_citations_and_soybean_path():
    ev = load("tariff_events", use_cache=False)
    assert len(ev) == 74 and ev["sources"].str.len().min() > 10
    soy = ev.dropna(subset=["soybean_total_rate_pct"]).set_index("date")["soybean_total_rate_pct"]
    assert soy.loc["2018-07-06"] == 28 and soy.loc["2025-04-12"] == 138
    assert (soy.loc["2025-11-10"] == 13).all()
    assert set(ev["confirmed"]) == {"yes", "partly"}
    threat = ev[ev["measure"].str.startswith("Threat")]
    assert (threat["status"] == "announced only").all()


@pytest.fixture(scope="module")
def events():
    return load("tariff_events", use_cache=False)


def _on(events, day: str, words: str) -> pd.Series:
    """The one event of ``day`` whose measure names ``words``."""
    rows = events[(events["date"] == day) & events["measure"].str.contains(words, regex=False)]
    assert len(rows) == 1, (day, words, len(rows))
    return rows.iloc[0]


def test_events_run_into_2026_in_date_order(events):
    assert events["date"].max().year == 2026
    assert events["date"].is_monotonic_increasing and events["event_id"].is_unique
    assert (events.loc[events["date"] >= "2026-01-01", "date_precision"] == "day").all()


def test_every_compiled_row_cites_dated_pages_or_says_why_not():
    compiled = load("tariff_events_2026_compiled", use_cache=False)
    for cited in compiled["source"]:
        citations, remarks = source_tiers.parse(cited)
        assert citations or any(r.startswith("note:") for r in remarks), cited
        undated = [c for c in citations if c.date == "date not shown"]
        assert all("written after" in c.outlet for c in undated), undated


def test_every_compiled_row_is_in_the_event_table(events):
    compiled = load("tariff_events_2026_compiled", use_cache=False)
    assert set(compiled["measure"]) <= set(events["measure"])
    assert len(events[events["date"] >= "2026-03-04"]) >= len(compiled)


def test_supreme_court_ruling_and_the_end_of_ieepa_collection(events):
    ruling = _on(events, "2026-02-20", "Learning Resources")
    # no copy of the opinion among the sources, only law-firm notes: partly
    assert ruling["status"] == "court ruling" and ruling["confirmed"] == "partly"
    end = _on(events, "2026-02-24", "IEEPA tariffs no longer in effect")
    assert end["status"] == "took effect" and end["confirmed"] == "partly"
    assert end["rate_after_as_stated"].startswith("0 IEEPA")


def test_section_122_rate_conflict_is_recorded_not_resolved(events):
    s122 = _on(events, "2026-02-24", "Section 122")
    text = " ".join(s122[["measure", "rate_change_pp_as_stated", "rate_after_as_stated"]])
    assert re.search(r"\b10%", text) and re.search(r"\b15%", text)
    assert "10 as proclaimed" in s122["rate_after_as_stated"] and "15 per" in \
        s122["rate_after_as_stated"]
    assert s122["confirmed"] == "partly"
    caveat = next(c for c in registry.spec("tariff_events").caveats if c.startswith("Section 122"))
    assert "2026-05-07" in caveat and "10%" in caveat and "left as recorded" in caveat


@pytest.mark.parametrize(("day", "words", "status"), [
    ("2026-02-04", "20 MMT", "announced only"),
    ("2026-02-23", "full assessment", "announced only"),
    ("2026-03-04", "Court of International Trade", "court ruling"),
    ("2026-03-11", "Section 301 investigations", "investigation"),
    ("2026-03-12", "forced labor", "investigation"),
    ("2026-04-20", "CAPE", "took effect"),
    ("2026-05-07", "Section 122 surcharge unlawful", "court ruling"),
    ("2026-05-14", "Beijing", "announced only"),
    ("2026-05-20", "USD 30bn", "announced only"),
    ("2026-06-02", "Proposed Section 301 action", "announced only"),
    ("2026-06-12", "Federal Circuit", "court ruling"),
    ("2026-06-22", "Export Control Entity List", "took effect"),
    ("2026-07-07", "public hearings", "investigation"),
])
def test_2026_statuses_follow_what_each_instrument_is(events, day, words, status):
    assert _on(events, day, words)["status"] == status


def test_2026_soybean_rate_only_where_a_source_derives_it(events):
    soy = events[(events["date"] >= "2026-01-01") & events["soybean_total_rate_pct"].notna()]
    assert list(soy["date"].dt.strftime("%Y-%m-%d")) == ["2026-02-23"]
    assert soy["soybean_total_rate_pct"].iloc[0] == 13
    assert "soybean 13 (derived: 3 MFN + 10" in soy["sources"].iloc[0]


def test_rulings_investigations_and_claims_never_take_effect_as_rates(events):
    not_in_force = events[events["status"].isin(["court ruling", "investigation",
                                                 "announced only"])]
    assert not_in_force["soybean_total_rate_pct"].loc[
        not_in_force["date"] >= "2026-03-01"].isna().all()
    assert set(events["status"]) <= set(tariff_events.EVENT_STATUSES)


def test_stated_zero_trade_rows_are_cited_zeros():
    z = load("stated_zero_trade", use_cache=False)
    assert z["period"].is_unique and (z["quantity_t"] == 0).all()
    assert set(z["partner"]) == {"United States"} and set(z["reporter"]) == {"China"}
    for cited in z["source"]:
        assert re.search(r"\b[a-z0-9.-]+\.[a-z]{2,}/", cited)  # a page address
        assert re.search(r"\b\d{4}-\d{2}-\d{2}\b", cited)
    z = z.set_index("period")
    assert "2019-01-25" in z.loc["2018-11-01", "source"]
    assert set(z.index.strftime("%Y-%m-%d")) >= {"2025-09-01", "2025-10-01", "2025-11-01",
                                                 "2025-12-01"}
    assert "third straight month" in z.loc["2025-10-01", "statement"]


def test_stated_zeros_fall_where_the_customs_query_has_no_us_row():
    z = load("stated_zero_trade", use_cache=False)
    v = soybean_imports("value_usd", "month")
    inside = z[z["period"] <= v.index.max()]
    assert len(inside) == 3  # 2018-11, 2025-09, 2025-10: the customs rows end 2025-10
    assert v.loc[inside["period"], "United States"].isna().all()


@pytest.mark.parametrize(("edits", "column"), [
    ([("soybeans (HS 1201),0,", "soybeans (HS 1201),120,")], "quantity_t"),
    ([("2025-09-01,", "2025-09-15,")], "period"),
    ([("(CNA, 2025-10-21)", "(CNA)"), ("Reuters, 2025-10-23", "Reuters")], "source"),
    ([("2025-10-01,", "2025-09-01,")], "unique"),
])
def test_stated_zero_trade_refuses_what_it_does_not_state(tamper, edits, column):
    def edit(text):
        for old, new in edits:
            text = text.replace(old, new, 1)
        return text

    tamper("snapshot/facts/stated_zero_trade.csv", edit)
    with pytest.raises(DataError, match=rf"stated_zero_trade.*{column}"):
        load("stated_zero_trade", use_cache=False)


def test_average_tariffs_are_two_separate_series():
    av = load("average_tariffs", use_cache=False)
    assert set(av["publisher"]) == {"PIIE", "CRS"}
    piie_peak = av[(av["publisher"] == "PIIE") & (av["direction"] == "us_on_china")]
    assert piie_peak["avg_tariff_pct"].max() == 126.5
    crs = av[(av["publisher"] == "CRS") & (av["date_as_published"] == "2025-04-15")]
    assert sorted(crs["avg_tariff_pct"]) == [146, 164]


def test_rare_earth_lower_bounds_stay_blank_with_text():
    re_ = load("rare_earth_facts", use_cache=False).set_index("fact_id")
    assert pd.isna(re_.loc["re_nir_2022", "value"]) and re_.loc["re_nir_2022", "as_printed"] == ">95"
    assert re_.loc["re_mine_china_2024", "value"] / re_.loc["re_mine_world_2024", "value"] == \
        pytest.approx(0.69, abs=0.005)
    assert re_["estimated"].dtype == bool and re_.loc["re_mine_china_2024", "estimated"]


def test_phase_one_facts_add_up():
    f = load("phase_one_facts", use_cache=False).set_index("fact_id")["value"]
    assert f["p1_target_2020"] + f["p1_target_2021"] == pytest.approx(f["p1_target_total"])
    assert f["p1_actual_total"] / f["p1_target_total"] == pytest.approx(0.575, abs=0.005)
    assert f["p1_ag_extra_2020"] + f["p1_ag_extra_2021"] == f["p1_ag_extra_total"]


def test_farm_machinery_is_wpu111_and_wholesale_diesel_is_present():
    inputs = load("farm_input_prices", use_cache=False)
    by_id = {sid: g.set_index("date")["value"] for sid, g in inputs.groupby("series_id")}
    assert "WPU1141" not in by_id  # pumps and compressors, once mislabelled as farm machinery
    machinery, diesel = by_id["WPU111"], by_id["WPU057303"]
    assert len(machinery) == 1175 and machinery.notna().all()
    assert machinery.loc["1982-07-01"] == 100  # the 1982=100 base
    assert machinery.loc["2023-11-01"] == 318.25
    assert len(diesel) == 610 and diesel.index.min() == pd.Timestamp("1973-02-01")
    assert diesel.idxmax() == pd.Timestamp("2022-06-01") and diesel.max() == 665.72


ESR = "snapshot/us_soybean_export_sales_weekly.csv"


def _esr(use_cache: bool = False) -> pd.DataFrame:
    return load("us_soybean_export_sales", use_cache=use_cache)


def _week(df: pd.DataFrame, date: str, my: str) -> pd.Series:
    row = df[(df["date"] == pd.Timestamp(date)) & (df["marketing_year"] == my)
             & (df["destination"] == "China")]
    assert len(row) == 1
    return row.iloc[0]


def test_export_sales_match_published_commitments_to_china():
    df = _esr()
    # Argus Media, 2025-09-25: zero US commitments to China as of 18 September 2025, against
    # 6.81 Mt in the same week a year earlier.
    assert _week(df, "2025-09-18", "2025/26")["total_commitments_kmt"] == 0
    assert _week(df, "2024-09-19", "2024/25")["total_commitments_kmt"] == pytest.approx(
        6_810, abs=5)
    # Bloomberg via farmdoc, December 2025: USDA had reported under 4 Mt sold to China.
    my2526 = df[df["marketing_year"] == "2025/26"].set_index("date")
    assert my2526.loc[:"2025-11-27", "total_commitments_kmt"].max() < 4_000


def test_export_sales_key_values_of_the_copy():
    df = _esr()
    end = _week(df, "2026-08-27", "2025/26")
    assert (end["total_commitments_kmt"], end["accumulated_exports_kmt"]) == (12_498.1, 12_357.1)
    my2526 = df[df["marketing_year"] == "2025/26"].set_index("date")["total_commitments_kmt"]
    assert my2526[my2526 >= 12_000].index.min() == pd.Timestamp("2026-06-25")
    assert _week(df, "2026-08-27", "2026/27")["total_commitments_kmt"] == 7_761.0
    assert df.groupby("marketing_year").size().to_dict() == {
        "2024/25": 74, "2025/26": 74, "2026/27": 22}
    assert set(df["destination"]) == {"China"}


def test_export_sales_hang_together_as_sources_state():
    df = _esr().sort_values(["marketing_year", "date"])
    steps = df.groupby("marketing_year")["total_commitments_kmt"].diff()
    both = steps.notna() & df["net_sales_kmt"].notna()
    assert ((df.loc[both, "net_sales_kmt"] - steps[both]).abs() <= 0.15 + 1e-9).all()
    assert (df["net_sales_kmt"] < 0).any()  # cancellations are kept as negative net sales
    forward = df["date"] < pd.to_datetime(df["marketing_year"].str[:4] + "-09-01")
    assert (df.loc[forward, "accumulated_exports_kmt"] == 0).all()


def test_export_sales_flagged_weeks_stay_flagged():
    df = _esr()
    flagged = df[df["note"].notna()]
    assert flagged["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2024-09-05", "2025-10-30", "2025-11-06", "2026-07-23", "2026-07-30", "2026-08-13",
        "2026-08-20", "2026-08-27"]
    assert (flagged["marketing_year"].iloc[1:] == "2025/26").all()
    assert "shutdown" in flagged["note"].iloc[1] and "unconfirmed" in flagged["note"].iloc[1]
    assert flagged["note"].iloc[2] == "see 2025-10-30"  # the copy's words, verbatim
    shutdown = _week(df, "2025-10-30", "2025/26")
    assert shutdown["net_sales_kmt"] == _week(df, "2025-11-06", "2025/26")["net_sales_kmt"] == 232


def test_first_week_net_sales_do_not_count_carried_in_sales():
    df = _esr()
    # 2024-09-05: the copy's 1,072.2 kt is the change in commitments, including 2023/24's
    # carried-in outstanding sales, which the copy lacks: blank, with the reason.
    first = _week(df, "2024-09-05", "2024/25")
    assert pd.isna(first["net_sales_kmt"]) and "carried in" in first["note"]
    assert "1072.2" in first["note"]
    # 2025-09-04: 2024/25 ended with nothing outstanding, so the rule keeps 0.0
    assert _week(df, "2025-08-28", "2024/25")["outstanding_sales_kmt"] == 0
    assert _week(df, "2025-09-04", "2025/26")["net_sales_kmt"] == 0


def test_first_week_rule_subtracts_the_old_years_outstanding_sales():
    """SYNTHETIC rows (made-up kt) in the copy's text layout: the old year ends with 30 kt
    outstanding, the forward book stands at 100, the first week's total is 150."""
    esr = pd.DataFrame({
        "marketing_year": ["2030/31", "2031/32", "2031/32"],
        "week_ending": ["2031-08-28", "2031-08-28", "2031-09-04"],
        "total_commitments_kmt": ["500.0", "100.0", "150.0"],
        "accumulated_exports_kmt": ["470.0", "0.0", "10.0"],
        "outstanding_sales_kmt": ["30.0", "100.0", "140.0"],
        "net_sales_kmt": ["0.0", "100.0", "50.0"], "note": ["", "", ""]})
    out = us_soybean_export_sales.first_week_net_sales(esr)
    # 150 - 100 (forward book) - 30 (carried in) = 20; the old year's own first week has no
    # forward book and no year before it in the rows, so it is left blank with the reason
    assert out["net_sales_kmt"].tolist() == ["", "100.0", "20.0"]
    assert "carried in from 2029/30" in out["note"].iloc[0]


def test_export_sales_missing_week_stays_missing(tamper):
    tamper(ESR, lambda t: "".join(line for line in t.splitlines(keepends=True)
                                   if not line.startswith("2025-12-04,2025/26")))
    df = _esr(use_cache=False)
    weeks = df[df["marketing_year"] == "2025/26"]["date"]
    assert pd.Timestamp("2025-12-04") not in set(weeks) and len(weeks) == 73


@pytest.mark.parametrize(("old", "new", "column"), [
    ("2025-12-04,2025/26,China,4026.0", "2025-12-04,2025/26,China,-4026.0",
     "total_commitments_kmt"),
    ("2025-12-04,2025/26,China,4026.0,71.0", "2025-12-04,2025/26,China,4026.0,-71.0",
     "accumulated_exports_kmt"),
    ("2025-12-04,2025/26,China,4026.0,71.0,3955.0", "2025-12-04,2025/26,China,4026.0,71.0,-3955.0",
     "outstanding_sales_kmt"),
    ("2025-12-04,2025/26", "2025-12-04,2025/27", "marketing_year"),
    ("2025-12-04,2025/26", "2025-12-04,2025-26", "marketing_year"),
    ("2025-12-04,2025/26", "2025-12-05,2025/26", "date"),
    ("2025-12-04,2025/26,China,4026.0", "2025-12-04,2025/26,China,4126.0", "total commitments"),
    ("2025-12-04,2025/26,China,4026.0", "2025-12-04,2025/26,China,0", "total commitments"),
])
def test_export_sales_impossible_rows_are_refused(tamper, old, new, column):
    tamper(ESR, lambda t: t.replace(old, new, 1))
    with pytest.raises(DataError, match=rf"us_soybean_export_sales.*{column}"):
        _esr()


def test_export_sales_duplicate_week_is_refused(tamper):
    def duplicate(text):
        line = next(x for x in text.splitlines(keepends=True) if x.startswith("2025-12-04,"))
        return text + line

    tamper(ESR, duplicate)
    with pytest.raises(DataError, match="us_soybean_export_sales.*(unique|uniqueness)"):
        _esr()


def test_export_sales_columns_are_the_documented_contract():
    columns = registry.spec("us_soybean_export_sales").table_schema.columns
    assert list(columns) == us_soybean_export_sales.COLUMNS
    assert all(c.description for c in columns.values())
    kmt = [c for c in columns if c.endswith("_kmt")]
    assert all("thousand metric tons" in columns[c].description for c in kmt)


def test_exporter_reported_soybean_exports_match_the_extract_and_keep_gaps():
    exports = load("soybean_exports_by_exporter", use_cache=False)
    us_china = soy.exporter_monthly(exports, "United States", "China")
    assert us_china.loc["2017"].sum() == pytest.approx(12_253_052_866, abs=1)
    assert us_china.loc["2018"].sum() == pytest.approx(3_119_336_276, abs=1)
    absent = {f"{d:%Y-%m}" for d in us_china.index[us_china.isna()]}
    assert {"2018-09", "2018-11"} <= absent and us_china.index.max() == pd.Timestamp("2025-05-01")
    us = exports[exports["reporter"] == "United States"]
    assert us.loc[us["date"].dt.year == 2015, "net_weight_kg"].isna().all()  # 0 = not reported
    assert (exports["net_weight_kg"].dropna() > 0).all()


def test_trade_war_damage_estimates_keep_each_figure_as_printed_with_its_citation():
    table = load("trade_war_damage_estimates", use_cache=False)
    ers = table[(table["study"] == "USDA ERS ERR-304") & (table["commodity"] == "soybeans")
                & (table["measure"] == "direct export losses, annualised")]
    assert list(ers["value"]) == ["9.4"] and ers["period"].iloc[0] == "mid-2018 to end-2019"
    grant = table[table["study"] == "Grant et al. (2021), AEPP"]
    assert "13.5-18.7" in set(grant["value"])  # a range stays a range
    assert table["citation"].str.len().gt(20).all() and table["value"].isna().any()


def test_the_published_table_holds_logit_exponents_of_the_right_sign():
    table = load("published_trade_elasticities")
    sigmas = [armington.sigma_from_logit(row) for _, row in table.iterrows()]
    assert sigmas and all(s > 0 for s in sigmas)
