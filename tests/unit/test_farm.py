"""helpers.farm: per-acre margins, aid status and verification, the no-mixing and
no-unverified-takeaway rules, farm income shares, and the per-acre illustration.
Frames named ``synthetic_*`` hold made-up values in the shape of the kit's tables."""

import re

import pandas as pd
import pytest

from helpers import farm, overview
from helpers.data import load


def synthetic_aid(rows) -> pd.DataFrame:
    """SYNTHETIC aid rows: (program, series, value, unit, verified)."""
    frame = pd.DataFrame(rows, columns=["program", "series", "value", "unit", "verified"])
    return farm.aid_figures(frame.assign(year="2018", source="synthetic source"))


@pytest.mark.parametrize(("series", "status"), [
    ("authorised ceiling, MFP direct payments", "authorised"),
    ("total authorised", "authorised"),
    ("appropriated economic assistance, 2024 crop year", "authorised"),
    ("payments made (program year 2018)", "paid"),
    ("MFP payments in calendar 2018", "paid"),
    ("payment rate (tranche 1 and 2; paid on 50% of 2018 production per tranche)", "rate"),
    ("USDA estimated total payment (tranches 1+2, 100% of production)", "estimated"),
    ("average payment per farm operation", "other"),
])
def test_money_status_reads_the_series_text(series, status):
    assert farm.money_status(series) == status


@pytest.mark.parametrize(("text", "copied", "word"), [
    ("yes: https://example.org/a", False, "verified"),
    ("matches press: 44.3", False, "verified"),
    ("ERS file actual_MYA_price = 8.48 (match)", False, "verified"),
    ("no", False, "unverified"),
    ("NOT verified: no second source found", False, "unverified"),
    ("Capital Press only (House list cut off)", False, "unverified"),
    ("derived, not published by USDA", False, "derived"),
    ("near: DTN 6.69 bn", False, "partly"),
    ("", True, "script copy"),
    (None, False, "unrecorded"),
])
def test_verification_in_one_word(text, copied, word):
    assert farm.verification(text, copied) == word


def test_usd_bn_converts_money_and_refuses_rates():
    assert farm.usd_bn("7259.4", "USD mn") == pytest.approx(7.2594)
    assert farm.usd_bn(7.0, "USD bn (just over)") == 7.0
    assert farm.usd_bn(1.65, "USD/bu") is None
    assert farm.usd_bn("2026-02-28", "date") is None


def test_a_sum_never_mixes_authorised_and_paid():
    aid = synthetic_aid([("P", "authorised ceiling", 10.0, "USD bn", "yes"),
                         ("P", "payments made", 8.0, "USD bn", "yes"),
                         ("Q", "payments made", 500.0, "USD mn", "yes")])
    paid = aid[aid["status"] == "paid"]
    assert farm.total_usd_bn(paid) == pytest.approx(8.5)
    with pytest.raises(farm.MixedMoneyError, match="one status"):
        farm.total_usd_bn(aid)


def test_a_sum_refuses_rates_and_estimates():
    aid = synthetic_aid([("P", "payment rate", 1.65, "USD/bu", "yes"),
                         ("P", "USDA estimated total payment", 9.0, "USD bn", "yes")])
    for status in ("rate", "estimated"):
        with pytest.raises(farm.MixedMoneyError):
            farm.total_usd_bn(aid[aid["status"] == status])


def test_the_real_mfp_payments_cannot_be_added_to_the_ceiling():
    mfp = farm.aid_figures(load("mfp_payments"))
    rows = mfp[(mfp["program"] == "MFP 2018") & mfp["series"].str.startswith(
        ("authorised ceiling", "payments made (program year"))]
    assert set(rows["status"]) == {"authorised", "paid"}
    with pytest.raises(farm.MixedMoneyError):
        farm.total_usd_bn(rows)


def test_an_unverified_figure_never_reaches_a_takeaway():
    aid = synthetic_aid([("P", "payments made", 8.0, "USD bn", "yes: a second page"),
                         ("Q", "payments made", 2.0, "USD bn", "no")])
    good, bad = (farm.figure(aid.iloc[i]) for i in (0, 1))
    text = farm.takeaway_sentence("P paid {p}.", p=good)
    assert text == "P paid USD 8 bn (P, 2018, paid; synthetic source)."
    with pytest.raises(farm.UnverifiedFigureError, match="unverified"):
        farm.takeaway_sentence("Q paid {q}.", q=bad)
    assert good.label(2) == "USD 8.00 bn (P, 2018, paid; synthetic source)"
    assert farm.AidFigure("MFP 2019", "2019", "paid", 14.495, "USD bn", "s", "verified").label(
    ).startswith("USD 14.495 bn")


def test_every_unverified_row_of_the_aid_data_is_refused():
    for dataset in ("mfp_payments", "farm_aid_2025_2026"):
        aid = farm.aid_figures(load(dataset))
        numeric = aid[pd.to_numeric(aid["value"], errors="coerce").notna()]
        flagged = numeric[numeric["verification"] == "unverified"]
        assert len(flagged) > 0
        for _, row in flagged.iterrows():
            with pytest.raises(farm.UnverifiedFigureError):
                farm.citable(farm.figure(row))


def test_pick_finds_exactly_one_row():
    aid = synthetic_aid([("P", "payments made", 8.0, "USD bn", "yes"),
                         ("P", "payments made later", 9.0, "USD bn", "yes")])
    assert farm.pick(aid, series="payments made")["value"] == 8.0
    with pytest.raises(LookupError, match="2 rows"):
        farm.pick(aid, series="~payments")


def synthetic_costs() -> pd.DataFrame:
    """SYNTHETIC costs-and-returns rows for one region and two years."""
    rows = []
    for year, scale in ((2017, 1.0), (2018, 2.0)):
        for item, value in (("Price", 9.0), ("Yield", 50.0), ("Fertilizer", 20.0),
                            ("Total, operating costs", 100.0), ("Total, costs listed", 400.0),
                            ("Total, gross value of production", 450.0),
                            ("Value of production less operating costs", 350.0),
                            ("Value of production less total costs listed", 50.0)):
            rows.append({"year": year, "region": farm.US, "item": item, "value": value * scale})
    return pd.DataFrame(rows)


def test_per_acre_table_and_fertilizer_share():
    table = farm.per_acre(synthetic_costs())
    assert table.loc[2018, "yield_bu"] == 100.0
    assert table["fertilizer_share_pct"].tolist() == [20.0, 20.0]
    with pytest.raises(ValueError, match="no region 'Heartland'"):
        farm.per_acre(synthetic_costs(), "Heartland")
    with pytest.raises(ValueError, match="Fertilizer"):
        farm.per_acre(synthetic_costs().query("item != 'Fertilizer'"))


def test_income_shares_and_trade_aid_years_from_the_ers_release():
    income = farm.income_by_year(load("ers_farm_income"))
    assert income.loc[2019, "government_payments"] == pytest.approx(22.447)
    assert income.loc[2019, "payments_share_pct"] == pytest.approx(100 * 22.447 / 82.0, abs=0.01)
    assert income.loc[2026, "ers_status"] == "forecast"
    assert income.loc[2018, "trade_aid"] and not income.loc[2017, "trade_aid"]
    with pytest.raises(ValueError, match="1999-01-01"):
        farm.income_by_year(load("ers_farm_income"), "1999-01-01")


BASE = {"yields": (50.0, 53.0), "price_gap": (0.67, 0.85), "china_share": 0.27, "rate": 1.65}


def _numbers(sentence: str) -> list[float]:
    return [float(x) for x in re.findall(r"USD (\d+)-(\d+)", sentence)[0]
            + re.findall(r"USD (\d+)-(\d+)", sentence)[1]]


def test_illustration_arithmetic_and_its_assumptions():
    ill = farm.per_acre_illustration(**BASE)
    assert (ill.aid_low, ill.aid_high) == pytest.approx((82.5, 87.45))
    assert ill.loss_low == pytest.approx(50 * 0.67 * 0.27)
    assert ill.loss_high == pytest.approx(53 * 0.85)
    assert ill.sentence().startswith("Illustration, not an estimate")
    assert "exceeds the market loss" in ill.sentence()
    assert len(ill.assumptions()) == 4


@pytest.mark.parametrize(("change", "moves"), [
    ({"yields": (40.0, 60.0)}, {"aid_low": -1, "aid_high": 1, "loss_low": -1, "loss_high": 1}),
    ({"price_gap": (0.5, 2.0)}, {"aid_low": 0, "aid_high": 0, "loss_low": -1, "loss_high": 1}),
    ({"china_share": 0.6}, {"aid_low": 0, "aid_high": 0, "loss_low": 1, "loss_high": 0}),
    ({"rate": 2.05}, {"aid_low": 1, "aid_high": 1, "loss_low": 0, "loss_high": 0}),
])
def test_varying_each_assumption_moves_the_range_sentence(change, moves):
    base, varied = (farm.per_acre_illustration(**BASE),
                    farm.per_acre_illustration(**{**BASE, **change}))
    for field, sign in moves.items():
        delta = getattr(varied, field) - getattr(base, field)
        assert (delta > 1e-9) - (delta < -1e-9) == sign, field
    shown = dict(zip(["aid_low", "aid_high", "loss_low", "loss_high"],
                     _numbers(varied.sentence()), strict=True))
    for field, value in shown.items():
        assert value == round(getattr(varied, field))


@pytest.mark.parametrize(("change", "verdict"), [
    ({}, "aid per acre exceeds the market loss"),
    ({"price_gap": (2.0, 3.0), "china_share": 1.0}, "the market loss per acre exceeds the aid"),
    ({"price_gap": (0.5, 2.0)}, "the two ranges overlap"),
])
def test_the_verdict_follows_the_ranges(change, verdict):
    assert verdict in farm.per_acre_illustration(**{**BASE, **change}).sentence()


def test_illustration_refuses_impossible_assumptions():
    with pytest.raises(ValueError, match="yields"):
        farm.per_acre_illustration(**{**BASE, "yields": (53.0, 50.0)})
    with pytest.raises(ValueError, match="china_share"):
        farm.per_acre_illustration(**{**BASE, "china_share": 1.5})


def synthetic_farm_payload(**figures) -> dict:
    """SYNTHETIC payload of the farm brief (made-up values)."""
    return {"06_farm_income": {"figures": [
        {"key": k, "name": k, "value": v, "unit": "USD bn", "period": p, "decimals": 1}
        for k, (v, p) in figures.items()]}}


def test_overview_sentence_from_the_farm_brief_sets_payments_on_their_own_basis():
    story = overview.story(synthetic_farm_payload(mfp_2018_2019_paid=(20.0, "2018-2019"),
                                                  err304_soybean_loss_per_year=(5.0, "2018-19")))
    text = " ".join(s.text for p in story for s in p)
    sourced = synthetic_farm_payload(mfp_2018_2019_paid=(20.0, "2018-2019"))
    sourced["06_farm_income"]["figures"][0]["note"] = "MFP, paid; a synthetic source"
    assert "(payments made, a synthetic source)" in " ".join(
        s.text for p in overview.story(sourced) for s in p)
    assert "paid USD 20 bn in total for 2018-2019 (payments made)" in text
    assert "USD 5 bn" not in text  # a yearly loss rate is not set beside a programme total
    assert overview.story(synthetic_farm_payload(
        mfp_2018_2019_paid=(float("nan"), "2018-2019"))) == []  # unusable: left out
    with pytest.raises(ValueError, match="no figure with key 'mfp_2018_2019_paid'"):
        overview.check_figure_keys(synthetic_farm_payload(harvest_price_2018=(8.6, "2018")))


def test_change_pct_and_its_refusal():
    s = pd.Series([100.0, 150.0, None], index=[2020, 2021, 2022])
    assert farm.change_pct(s, 2020, 2021) == 50.0
    with pytest.raises(ValueError, match="2022"):
        farm.change_pct(s, 2020, 2022)


def test_glossary_defines_the_farm_terms():
    from helpers import paths

    glossary = (paths.PROJECT_ROOT / "docs" / "glossary.md").read_text()
    for term in ("MFP", "Ad hoc payment", "PLC / ARC", "Revenue protection",
                 "Net cash farm income", "Authorised vs paid"):
        assert f"**{term}" in glossary, term


def test_the_latest_full_release_skips_vintages_kept_for_single_forecasts():
    """SYNTHETIC releases: the newer one holds only one series, so the older one is read."""
    rows = [{"year": 2024, "series": name, "value": 1.0, "status": "estimate",
             "vintage": "ERS release 2025-02-06"} for name in farm.INCOME_SERIES.values()]
    rows.append({"year": 2025, "series": "net farm income", "value": 2.0, "status": "forecast",
                 "vintage": "ERS release 2025-09-03"})
    assert farm.latest_full_release(pd.DataFrame(rows)) == "2025-02-06"
    with pytest.raises(ValueError, match="no ERS release"):
        farm.latest_full_release(pd.DataFrame(rows[-1:]))
