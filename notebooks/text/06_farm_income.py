# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     notebook_metadata_filter: kernelspec,tradewatch,-jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # The farm side: soybean prices, margins and what government paid
#
# The other briefs follow tariffs, trade and input prices. This one asks what a soybean
# grower, a farm lender or a farm-policy reader asks next: what happened to the price and the
# margin per acre, and what did Washington pay? Margins are **USDA ERS costs and returns per
# planted acre** (survey-based, nominal dollars, crop years); aid figures are **programme
# announcements, rates and payments as USDA, CRS and GAO published them**, each with its
# status (authorised, paid, estimated, rate) and source; farm income is **ERS Farm Income and
# Wealth Statistics** in the release named below. Payments are not losses: the brief keeps
# them apart from every estimate of what the trade war cost.

# %% [markdown] tags=["learning-goals"]
# **Learning goals.** After this notebook you can:
#
# - read a per-acre cost-and-returns table and compute *returns over operating* and *total costs* and an input's share of costs;
# - tell an *authorised* amount from money *paid*, and a payment from a loss estimate, and say what each measures;
# - compute government payments as a share of *net farm income* and read an ERS forecast vintage;
# - set up a per-acre illustration as a range and say which assumption drives it;
# - place *MFP* and other *ad hoc payments* beside the standing programmes (*PLC/ARC*, *revenue protection*).
#
# Terms in *italics* are defined in the [glossary](../docs/glossary.md).

# %% tags=["parameters"]
# Parameters (papermill convention)
start_year = 2015                 # first crop year of the price and margin views
end_year = 2024                   # last crop year (ERS costs and returns reach 2024)
region = "U.S. total"             # ERS region of the per-acre views (or e.g. "Heartland")

# %% tags=["remove-cell"]
import matplotlib.pyplot as plt
import pandas as pd

from helpers import charts, costs, farm, report, soy, tariffs
from helpers.data import load, soybean_imports

charts.use_house_style()
cost_table = load("soybean_costs_returns")
mfp_raw, aid_raw = load("mfp_payments"), load("farm_aid_2025_2026")
income_raw, prices_raw = load("ers_farm_income"), load("soybean_prices")
damage, inputs = load("trade_war_damage_estimates"), load("farm_input_prices")
events = tariffs.with_short_labels(load("tariff_events"))
margins = farm.per_acre(cost_table, region)
years = margins.index
if not (years.min() <= start_year < end_year <= years.max()):
    raise ValueError(f"start_year and end_year must lie in {years.min()}..{years.max()} (the ERS "
                     f"costs and returns), with start_year < end_year; got {start_year}, {end_year}")
window = margins.loc[start_year:end_year]
mfp, aid = farm.aid_figures(mfp_raw), farm.aid_figures(aid_raw)
income_vintage = farm.latest_full_release(income_raw)  # the newest complete ERS release
income = farm.income_by_year(income_raw, income_vintage)
my_price = prices_raw[prices_raw["series"].str.startswith(
    "soybean season-average (marketing-year)")].set_index("year")["value"]
soy_events = tariffs.filter_events(events, product="soybeans", status="took effect",
                                   start=f"{start_year}-01-01", end=f"{end_year}-12-31")

# %% tags=["remove-input"]
mfp18 = farm.figure(farm.pick(mfp, program="MFP 2018", series="payments made (program year 2018)"))
mfp19 = farm.figure(farm.pick(mfp, program="MFP 2019", series="payments made", as_of="2020-08-31"))
mfp_both = farm.figure(farm.pick(mfp, program="MFP 2018+2019", series="payments made"))
soy_rate18 = farm.figure(farm.pick(mfp, program="MFP 2018", commodity="soybeans",
                                   series="~payment rate"))
fba_soy = farm.figure(farm.pick(aid, program="Farmer Bridge Assistance (FBA)",
                                commodity="soybeans"))
err_soy = farm.figure(farm.pick(damage, study="USDA ERS ERR-304", commodity="soybeans",
                                measure="direct export losses, annualised"))
ret = margins["return_over_total"]
pre, war = ret.loc[2016:2017].mean(), ret.loc[2018:2019].mean()
brief = report.Brief(title="The farm side: soybean margins and trade aid")
brief.set_takeaway(
    f"Soybean returns per planted acre averaged {report.shortfall_words(-pre, 'USD {:.0f}')} "
    f"total costs in 2016-2017 and {report.shortfall_words(-war, 'USD {:.0f}')} them in "
    f"2018-2019 (USDA ERS, {region}); "
    + farm.takeaway_sentence(
        "the Market Facilitation Program paid {mfp18} and {mfp19}, and USDA ERS estimated "
        "direct soybean export losses at {err}. Payments are not losses: the first are "
        "transfers under a formula, the second lost export sales.",
        mfp18=mfp18, mfp19=mfp19, err=err_soy),
    holds=war < pre and mfp18.status == mfp19.status == "paid",
    basis="ERS returns over total costs averaged by period; aid figures checked as verified "
          "and paid by helpers.farm.takeaway_sentence",
    datasets=["soybean_costs_returns", "mfp_payments", "trade_war_damage_estimates"])
for key, name, value, unit, period, ds, note, dec in [
    ("harvest_price_2017", "Soybean harvest-period price, 2017", margins.loc[2017, "harvest_price"],
     "USD/bu", "2017", "soybean_costs_returns", "ERS costs and returns", 2),
    ("harvest_price_2018", "Soybean harvest-period price, 2018", margins.loc[2018, "harvest_price"],
     "USD/bu", "2018", "soybean_costs_returns", "ERS costs and returns", 2),
    ("return_total_2016_17", "Return over total costs, average 2016-2017", pre,
     "USD per planted acre", "2016-2017", "soybean_costs_returns", region, 0),
    ("return_total_2018_19", "Return over total costs, average 2018-2019", war,
     "USD per planted acre", "2018-2019", "soybean_costs_returns", region, 0),
    ("mfp_2018_paid", "MFP 2018 payments made", mfp18.value, "USD bn", "2018", "mfp_payments",
     f"MFP 2018, paid; {mfp18.source}", 2),
    ("mfp_2019_paid", "MFP 2019 payments made", mfp19.value, "USD bn", "2019", "mfp_payments",
     f"MFP 2019, paid as of 2020-08-31; {mfp19.source}", 2),
    ("mfp_2018_2019_paid", "MFP 2018 and 2019 payments made", mfp_both.value, "USD bn",
     "2018-2019", "mfp_payments", f"MFP 2018+2019, paid; {mfp_both.source}", 1),
    ("mfp_soy_rate_2018", "MFP 2018 soybean rate", soy_rate18.value, "USD/bu", "2018",
     "mfp_payments", f"MFP 2018, rate on 2018 production; {soy_rate18.source}", 2),
    ("fba_soy_rate_2025", "Farmer Bridge Assistance soybean rate", fba_soy.value,
     "USD per planted acre", "2025", "farm_aid_2025_2026",
     f"FBA, rate on 2025 planted acres; {fba_soy.source}", 2),
    ("err304_soybean_loss_per_year", "ERS estimate of direct soybean export losses",
     err_soy.value, "USD bn per year", "mid-2018 to end-2019", "trade_war_damage_estimates",
     "USDA ERS ERR-304 (2022), export value, not a payment", 1),
    ("payments_share_nfi_2019", "Government payments as a share of net farm income, 2019",
     income.loc[2019, "payments_share_pct"], "%", "2019", "ers_farm_income",
     f"ERS release {income_vintage}", 1),
    ("payments_share_nfi_2026", "Same, 2026 forecast", income.loc[2026, "payments_share_pct"],
     "%", "2026 (forecast)", "ers_farm_income", f"ERS release {income_vintage}, forecast", 1),
]:
    brief.add(name, value, unit, period, [ds], note=note, decimals=dec, key=key)
brief.show_as_of([cost_table, mfp_raw, aid_raw, income_raw, prices_raw, damage, events])
brief.show()

# %% [markdown]
# ## 1. Prices and margins, crop year by crop year
#
# ERS estimates what it cost to grow an acre of soybeans and what the acre earned, from its
# farm surveys: **operating costs** (seed, fertilizer, chemicals, fuel, repairs, interest) and
# **allocated overhead** (machinery capital, land, unpaid labour, taxes, insurance) make up
# total costs; the value of production is yield times the **harvest-period price**. That
# price is not the marketing-year average that NASS reports (September to August); both are
# shown. The survey base changes in 2018, so levels can step there.

# %% tags=["remove-input"]
frame = pd.DataFrame({"Harvest-period price (ERS)": window["harvest_price"],
                      "Marketing-year average (NASS)": my_price.reindex(window.index)})
fig, ax = charts.lines(frame.set_axis(pd.to_datetime(frame.index.astype(str))),
                       "Soybean prices received by US farmers", "USD per bushel")
report.show_chart(fig, [cost_table, prices_raw, events], ax=ax, events=soy_events, max_labels=6,
                  note="Annual values placed at 1 January of the crop year (the marketing year "
                       "starts in September).",
                  events_note="Marked: steps of China's tariff on US soybeans that took effect.",
                  alt=f"Soybean prices {start_year}-{end_year}: the harvest-period price is "
                      f"{margins.loc[2017, 'harvest_price']:.2f} USD/bu in 2017 and "
                      f"{margins.loc[2018, 'harvest_price']:.2f} in 2018, and peaks at "
                      f"{window['harvest_price'].max():.2f} in {window['harvest_price'].idxmax()}.")
returns = pd.DataFrame({"over operating costs": window["return_over_operating"],
                        "over total costs": window["return_over_total"]})
fig, ax = charts.lines(returns.set_axis(pd.to_datetime(returns.index.astype(str))),
                       f"Soybean returns per planted acre, {region}", "USD per planted acre")
ax.axhline(0, color=charts.PALETTE["black"], lw=0.8)
report.show_chart(fig, [cost_table, events], ax=ax, events=soy_events, max_labels=6,
                  note="Value of production less costs; below zero the acre did not cover the "
                       "costs named. Nominal dollars.",
                  alt=f"Returns per planted acre {start_year}-{end_year}: over total costs "
                      f"{margins.loc[2017, 'return_over_total']:.0f} USD in 2017, "
                      f"{margins.loc[2018, 'return_over_total']:.0f} in 2018 and "
                      f"{margins.loc[2019, 'return_over_total']:.0f} in 2019.")
p17, p18 = margins.loc[2017, "harvest_price"], margins.loc[2018, "harvest_price"]
r17, r18, r19 = (margins.loc[y, "return_over_total"] for y in (2017, 2018, 2019))
brief.claim(f"The ERS harvest-period price fell from {p17:.2f} USD/bu in 2017 to {p18:.2f} in "
            f"2018, the year China's 25% tariff took effect, and the return over total costs "
            f"went from {report.shortfall_words(-r17, 'USD {:.0f}')} to "
            f"{report.shortfall_words(-r18, 'USD {:.0f}')} costs per planted acre "
            f"({report.shortfall_words(-r19, 'USD {:.0f}')} in 2019); yields were "
            f"{margins.loc[2017, 'yield_bu']:.0f} and {margins.loc[2018, 'yield_bu']:.0f} bu.",
            holds=p18 < p17 and r18 < r17 and not tariffs.filter_events(
                events, product="soybeans", status="took effect", start="2018-01-01",
                end="2018-12-31").empty,
            basis="ERS costs and returns; the tariff event table's 2018 soybean step",
            datasets=["soybean_costs_returns"])
share = window["fertilizer_share_pct"]
report.show_table(window[["harvest_price", "yield_bu", "operating_costs", "fertilizer",
                          "fertilizer_share_pct", "total_costs", "return_over_operating",
                          "return_over_total"]].rename(columns={
    "harvest_price": "harvest price, USD/bu", "yield_bu": "yield, bu/acre",
    "operating_costs": "operating costs, USD/acre", "fertilizer": "fertilizer, USD/acre",
    "fertilizer_share_pct": "fertilizer share of operating, %",
    "total_costs": "total costs, USD/acre", "return_over_operating": "return over operating, USD/acre",
    "return_over_total": "return over total, USD/acre"}),
    f"Costs and returns per planted acre, {region} (ERS)", index=True, decimals=2)

# %% [markdown]
# **Per-acre costs against the price indexes of the input-costs brief.** The input-costs
# brief follows producer price indexes (BLS), month by month, for all fertilizer materials.
# The ERS figure is a cost per planted soybean acre: price times the quantity farmers applied,
# from a survey of soybean fields, for a crop year. The two move together but not by the same
# amount when farmers change how much or which fertilizer they apply, or when the year's
# purchases were made at earlier prices.

# %% tags=["remove-input"]
fert_ppi = costs.wide_series(inputs, ["WPU0652"])["WPU0652"].dropna()
by_year = fert_ppi.groupby(fert_ppi.index.year)
ppi_year = by_year.mean()[by_year.count() == 12]
ppi_peak = ppi_year.loc[start_year:end_year].idxmax()
same = share.idxmax() == ppi_peak
brief.claim(f"Fertilizer was {share.loc[2018]:.1f}% of soybean operating costs per acre in 2018; "
            f"its highest share in {start_year}-{end_year} was {share.max():.1f}% in "
            f"{share.idxmax()}, {'the same year as' if same else 'not the year of'} the "
            f"fertilizer PPI's highest annual average ({ppi_peak}, complete years).",
            holds=share.max() >= share.loc[2018] and same == (share.idxmax() == ppi_peak),
            basis="fertilizer / total operating costs (ERS); BLS WPU0652 annual means",
            datasets=["soybean_costs_returns", "farm_input_prices"])
per_acre_change = farm.change_pct(margins["fertilizer"], 2020, 2022)
ppi_change = farm.change_pct(ppi_year, 2020, 2022)
brief.claim(f"From 2020 to 2022 the ERS fertilizer cost per planted soybean acre rose "
            f"{per_acre_change:.0f}% and the fertilizer PPI (annual average) "
            f"{ppi_change:.0f}%: the per-acre cost rose "
            f"{'less' if per_acre_change < ppi_change else 'more'} than the index.",
            holds=per_acre_change > 0 and ppi_change > 0,
            basis="ERS per-acre fertilizer cost and BLS WPU0652 annual means",
            datasets=["soybean_costs_returns", "farm_input_prices"])

# %% [markdown]
# ## 2. The aid, beside what the conflict cost
#
# Three kinds of numbers are easy to confuse:
#
# - **authorised** amounts: ceilings and announcements (MFP 2018 "up to" USD 10 bn; the
#   December 2025 package of USD 12 bn). They say what may be spent;
# - **payments made**: what reached producers, counted by programme year;
# - **loss estimates**: what economists estimate the retaliatory tariffs cost in export sales or
#   prices. Each has its own basis (export value, price, trade value) and period.
#
# Payments are not losses. MFP 2018 paid a rate per bushel of 2018 production, set from
# USDA's own trade-damage estimate; MFP 2019 paid a single rate per planted acre in each
# county, whatever eligible crop was planted, so it has no clean split by commodity. The
# kit never adds authorised money to money paid.

# %% tags=["remove-input"]
us_rows = mfp[(mfp["geography"] == "US") & mfp["commodity"].notna()
              & (mfp["commodity"] != "all") & mfp["status"].isin(["rate", "estimated", "paid"])]
by_commodity = us_rows[us_rows["program"] == "MFP 2018"][
    ["program", "year", "commodity", "series", "status", "value", "unit", "source", "verification"]]
report.show_table(by_commodity, "MFP 2018 by commodity: rates, USDA estimates and payments made "
                  "(each with its status and source)", decimals=2)
design19 = mfp[(mfp["program"] == "MFP 2019") & mfp["status"].isin(["rate", "authorised", "paid"])
               & (mfp["geography"].isin(["US", "US counties"]))]
report.show_table(design19[["program", "year", "commodity", "series", "status", "value", "unit",
                            "as_of", "source", "verification"]],
                  "MFP 2019: the county-rate design, livestock rates, ceiling and payments",
                  decimals=2)
paid_rows = mfp[mfp["program"].isin(["MFP 2018", "MFP 2019"]) & mfp["series"].isin(
    ["payments made (program year 2018)"]) | ((mfp["program"] == "MFP 2019")
                                             & (mfp["series"] == "payments made")
                                             & (mfp["as_of"] == "2020-08-31"))]
paid_sum = farm.total_usd_bn(paid_rows)
ceiling18 = farm.figure(farm.pick(mfp, program="MFP 2018", series="~authorised ceiling"))
ceiling19 = farm.figure(farm.pick(mfp, program="MFP 2019", series="~authorised ceiling"))
brief.claim(f"MFP payments made: {mfp18.label()} and {mfp19.label()}, USD {paid_sum:.2f} bn in "
            f"all, in line with {mfp_both.label(1)}. The ceilings were {ceiling18.label(1)} and "
            f"{ceiling19.label(1)}: authorised, shown apart and never added to payments.",
            holds=abs(paid_sum - mfp_both.value) < 0.1 and len(paid_rows) == 2,
            basis="helpers.farm.total_usd_bn over the two paid rows (it refuses mixed statuses)",
            datasets=["mfp_payments"])

# %% tags=["remove-input"]
long_values = soybean_imports("value_usd", "month")
stated = soy.stated_zeros(load("stated_zero_trade"), soybean_imports("quantity_kg", "month"))
values = soy.with_stated_zeros(long_values, stated)
annual_share = soybean_imports("share_of_china_total", "year")
annual_share = annual_share.set_axis(annual_share.index.year)
base_year = int(load("tariff_events")["date"].min().year) - 1  # the year before the first tariff action
kit = farm.kit_soybean_shortfall(values, annual_share, (2018, 2019), base_year)
compare = pd.DataFrame([
    {"what": "MFP 2018, payments made, all commodities", "value": mfp18.value, "unit": mfp18.unit,
     "period": "programme year 2018", "status or basis": "paid", "source": mfp18.source},
    {"what": "MFP 2018, payments made, soybeans", "value": (s := farm.figure(farm.pick(
        mfp, program="MFP 2018", commodity="soybeans", series="payments made",
        geography="US"))).value,
     "unit": s.unit, "period": "as of 2019-05-13", "status or basis": "paid (rounded)",
     "source": s.source},
    {"what": "MFP 2019, payments made, all commodities", "value": mfp19.value, "unit": mfp19.unit,
     "period": "programme year 2019", "status or basis": "paid", "source": mfp19.source},
    {"what": "Kit: China's imports of US soybeans below the pre-war share", "value": kit["frozen"],
     "unit": "USD bn (CIF)", "period": "2018-2019",
     "status or basis": f"China's import values, US {base_year} share frozen", "source": "this kit"},
    {"what": "Kit: same, with Brazil's pre-war trend continuing", "value": kit["brazil_trend"],
     "unit": "USD bn (CIF)", "period": "2018-2019",
     "status or basis": "China's import values, lower benchmark", "source": "this kit"},
] + [{"what": f"{r.study}: {r.measure} ({r.commodity})", "value": r.value, "unit": r.unit,
      "period": r.period, "status or basis": f"estimate; {r.basis}", "source": r.citation}
     for r in damage[damage["study"].str.contains("ERR-304|Grant et al|Carter|Adjemian, Smith")
                     & damage["value"].notna()
                     & ~damage["measure"].str.contains("by state|targeted")].itertuples()])
report.show_table(compare, "Beside published estimates: aid paid and what the conflict cost "
                  "(different bases: "
                  "read across rows, never add them)", decimals=2)
brief.claim(f"For 2018-2019 the kit's benchmarks put China's imports of US soybeans "
            f"{report.shortfall_words(kit['brazil_trend'], 'USD {:.1f} bn')} to "
            f"{report.shortfall_words(kit['frozen'], 'USD {:.1f} bn')} the pre-war share, in "
            f"China's CIF import values; ERS ERR-304 estimates {err_soy.label(1)}. These measure "
            f"lost sales; the MFP payments ({mfp18.label()}; {mfp19.label()}) measure what was "
            "paid, by a formula, to producers of many crops.",
            holds=0 < kit["brazil_trend"] < kit["frozen"],
            basis="soy.value_at_prewar_share and the rival-trend benchmark, 2018-2019 sums; "
                  "ERR-304 as published", datasets=["china_soybean_imports", "mfp_payments",
                                                    "trade_war_damage_estimates"])

# %% [markdown]
# ### 2025-2026: the bridge payments
#
# In December 2025 USDA announced a USD 12 bn package: Farmer Bridge Assistance (FBA) of up
# to USD 11 bn for 20 row crops, paid per planted acre of 2025, and USD 1 bn for specialty
# crops and sugar. The rates below are per planted acre, not per bushel, and the totals are
# authorised amounts; no total of FBA payments made is among the kit's sources. ECAP (2024
# crop) was economic assistance from an appropriation, not trade aid, and is shown for
# comparison of the per-acre rates.

# %% tags=["remove-input"]
rates = aid[(aid["status"] == "rate") & aid["commodity"].notna()]
wide_rates = rates.pivot_table(index="commodity", columns="program", values="value",
                               aggfunc=lambda v: float(v.iloc[0]))
report.show_table(rates[["program", "year", "commodity", "value", "unit", "as_of", "source",
                         "verification"]].sort_values(["commodity", "year"]),
                  "Per-acre rates: FBA (2025 planted acres) and ECAP (2024)", decimals=2)
totals = aid[aid["status"].isin(["authorised", "paid"]) & aid["usd_bn"].notna()]
report.show_table(totals[["program", "year", "series", "status", "value", "unit", "as_of", "source",
                          "verification"]], "2024-2026 aid totals by status", decimals=2)
fba_paid = aid[aid["program"].str.contains("Bridge") & (aid["status"] == "paid")]
fba_rows = aid[aid["program"] == "Farmer Bridge Assistance (FBA)"]
row_crop = farm.figure(farm.pick(fba_rows, series="~authorised for row crops"))
package = farm.figure(farm.pick(aid, series="total authorised"))
brief.claim(f"Farmer Bridge Assistance pays {fba_soy.label()} for soybeans; the package is "
            f"{package.label(0)}, of which {row_crop.label(0)} for row crops "
            f"({100 * row_crop.value / package.value:.0f}%). No total of bridge payments made is "
            "among the kit's sources, so no paid figure is given.",
            holds=fba_paid.empty and fba_soy.status == "rate" and package.status == "authorised",
            basis="farm_aid_2025_2026 rows by status", datasets=["farm_aid_2025_2026"])

# %% [markdown]
# ## 3. Government payments and net farm income
#
# ERS counts **direct government payments** in the calendar year they are paid, and **net
# farm income** as the value of the year's production less its expenses (net cash farm
# income counts cash received and spent). Both are in nominal USD bn, from the release named
# in the parameters; the latest years are a preliminary estimate and a forecast, and they are
# revised heavily between releases.

# %% tags=["remove-input"]
share_pct = income["payments_share_pct"].dropna()
fig, ax = plt.subplots()
colours = [charts.PALETTE["vermillion"] if income.loc[y, "trade_aid"] else charts.PALETTE["sky"]
           for y in share_pct.index]
ax.bar(share_pct.index, share_pct.values, color=colours)
for y in share_pct.index:
    if income.loc[y, "ers_status"] != "estimate (ERS revisable)":
        ax.text(y, share_pct[y], income.loc[y, "ers_status"].split()[0], ha="center",
                va="bottom", fontsize=7)
ax.set_xticks(share_pct.index[::2], [str(y) for y in share_pct.index[::2]])
ax.set_title("Direct government payments as a share of US net farm income")
ax.set_ylabel("% of net farm income")
report.show_chart(fig, [income_raw, mfp_raw, aid_raw], data=income.drop(columns=["ers_status"]).rename(
                      columns=lambda c: c if c in ("payments_share_pct", "trade_aid") else f"{c}_usd_bn"),
                  note=f"Orange bars: years with trade-aid payments ({', '.join(f'{y}: {t}' for y, t in farm.TRADE_AID_YEARS.items())}). "
                       f"ERS release {income_vintage}; nominal USD.",
                  alt=f"Bars {share_pct.index.min()}-{share_pct.index.max()}: payments are "
                      f"{share_pct[2017]:.0f}% of net farm income in 2017, {share_pct[2019]:.0f}% in "
                      f"2019, {share_pct[2020]:.0f}% in 2020 and {share_pct[2026]:.0f}% in the 2026 "
                      "forecast.")
brief.claim(f"Direct government payments were {share_pct[2017]:.1f}% of net farm income in 2017 "
            f"and {share_pct[2019]:.1f}% in 2019 (MFP years); the highest share in "
            f"{share_pct.index.min()}-{share_pct.index.max()} was {share_pct.max():.1f}% in "
            f"{share_pct.idxmax()}, when pandemic aid (CFAP) was paid; ERS forecasts "
            f"{share_pct[2026]:.1f}% for 2026, the year bridge payments are due.",
            holds=share_pct[2019] > share_pct[2017] and share_pct.idxmax() == 2020,
            basis=f"ERS payments / net farm income, release {income_vintage}",
            datasets=["ers_farm_income"])
vintages = income_raw[(income_raw["year"] == 2025)
                      & income_raw["series"].str.startswith("net farm income")]
report.show_table(vintages[["year", "series", "value", "vintage", "status", "verified"]],
                  "2025 net farm income, release by release (USD bn)", decimals=1)

# %% [markdown]
# ## 4. Per acre: what aid paid against what the market took (an illustration)
#
# This is an **illustration with stated assumptions, not an estimate**. For the 2018 crop,
# MFP paid a rate per bushel of production, so aid per planted acre is the rate times the
# yield. The market loss per acre is the yield times a price gap, times the share of the crop
# that bore the gap: at the low end only the bushels that would have gone to China, at the
# high end every bushel (if the whole US price fell). With yield $Y$, rate $r$, price gap
# $g$ and China's share $s$ of the crop:
#
# $$\text{aid} = r\,Y, \qquad \text{loss} \in \big[\,Y_{\min}\, g_{\min}\, s,\; Y_{\max}\, g_{\max}\,\big]$$
#
# The assumptions, and where each comes from, are printed beside the result.

# %% tags=["remove-input"]
yields = margins.loc[[2018, 2019], "yield_bu"]
adj = farm.pick(damage, study="~Adjemian", measure="~Gulf")
gaps = pd.Series({
    "ERS harvest-period price, 2017 minus 2018": p17 - p18,
    "NASS marketing-year average, 2017/18 minus 2018/19": my_price[2017] - my_price[2018],
    "Adjemian, Smith and He (2021): US Gulf price effect, Jul-Dec 2018": abs(float(adj["value"])),
})
soy_estimate = farm.pick(mfp, program="MFP 2018", commodity="soybeans",
                         series="~USDA estimated total")
production_bu = soy_estimate["usd_bn"] * 1e9 / soy_rate18.value
to_china_bu = farm.tonnes_to_bushels(1e6 * soy.kg_to_million_tonnes(
    soybean_imports("quantity_kg", "year").loc["2017-01-01", "United States"]))
china_share = to_china_bu / production_bu
ill = farm.per_acre_illustration((yields.min(), yields.max()), (gaps.min(), gaps.max()),
                                 china_share, soy_rate18.value)
basis = pd.DataFrame({"where it comes from": [
    f"ERS yield, {region}, 2018 and 2019 crops",
    "smallest and largest of: " + "; ".join(f"{k} ({v:.2f})" for k, v in gaps.items()),
    (f"China's 2017 arrivals from the US (TDM, {to_china_bu / 1e6:,.0f} mn bu) over the 2018 "
     f"production USDA's MFP soybean estimate implies ({production_bu / 1e6:,.0f} mn bu = "
     f"USD {soy_estimate['usd_bn']:.2f} bn / {soy_rate18.value:.2f}; that estimate is "
     f"{soy_estimate['verification']}); years differ"),
    f"{soy_rate18.label()}"]})
report.show_table(pd.concat([ill.assumptions(), basis], axis=1),
                  "Assumptions of the per-acre illustration", decimals=2)
brief.claim(ill.sentence() + f" (MFP 2018 soybeans; for 2025, {fba_soy.label()}, with no "
            "comparable estimate of the market loss among the kit's sources.)",
            holds=("aid per acre exceeds" in ill.sentence()) == (ill.aid_low > ill.loss_high),
            basis="helpers.farm.per_acre_illustration; the verdict follows the two ranges",
            datasets=["soybean_costs_returns", "mfp_payments", "soybean_prices",
                      "trade_war_damage_estimates", "china_soybean_imports"])

# %% [markdown] tags=["method"]
# ### Method in code
#
# The illustration as the helper computes it: `farm.per_acre_illustration` takes the low and
# high yield, the low and high price gap, China's share and the rate, and returns both ranges
# and the sentence, whose verdict (aid larger, loss larger, or overlap) is chosen from the
# numbers.

# %% tags=["method"]
method_ill = farm.per_acre_illustration((yields.min(), yields.max()), (gaps.min(), gaps.max()),
                                        china_share, soy_rate18.value)
print(method_ill.sentence())
method_ill.assumptions()

# %% [markdown]
# ## 5. The farm bill angle: which programmes pay when prices fall
#
# Standing farm-bill programmes pay by formula when prices or revenues fall, on rules set in
# advance; trade aid was ad hoc, designed by USDA after the tariffs.
#
# - **Price Loss Coverage (PLC)** pays on a farm's base acres when the national
#   marketing-year price falls below the crop's effective reference price; **Agriculture Risk
#   Coverage (ARC)** pays when county (or farm) revenue falls below a benchmark. Both pay
#   after the marketing year ends, so a price drop in 2018 is paid in late 2019 or after.
# - **Crop insurance revenue protection** pays a policyholder when the revenue of the insured
#   crop falls below the guarantee chosen, priced from futures before planting and at harvest.
# - **Ad hoc payments** (MFP 2018-2019, CFAP 2020, ECAP and the 2025 bridge payments) were not
#   in the farm bill's formulas: MFP used the Commodity Credit Corporation's Charter Act
#   authority (CRS R45310, <https://www.everycrsreport.com/files/20191205_R45310_7d1e69f6504e1f45e2fddcb6bde2a48344284598.html>;
#   CRS R45865, <https://www.everycrsreport.com/reports/R45865.html>), as did the 2025 bridge
#   payments (USDA, 8 December 2025, as reprinted in the aid table's sources).
#
# The kit's sources include no CRS report defining PLC, ARC or revenue protection, so the
# definitions above follow the kit's glossary; CRS R46676 on farm payments in 2020 is cited
# in the farm-income table's sources.

# %% tags=["remove-input"]
ad_hoc = income["ad_hoc_payments"]
brief.claim(f"ERS's ad hoc and emergency payments line was USD {ad_hoc[2018]:.2f} bn in 2018 and "
            f"USD {ad_hoc[2019]:.2f} bn in 2019, below the MFP money paid in those programme "
            f"years ({mfp18.label()}; {mfp19.label()}), so MFP is not inside that line; in 2020 "
            f"it was USD {ad_hoc[2020]:.1f} bn, which holds the pandemic aid.",
            holds=ad_hoc[2018] < mfp18.value and ad_hoc[2019] < mfp19.value
            and ad_hoc[2020] > ad_hoc[2019],
            basis="ERS key GPAUSAE--VAP against MFP payments made", datasets=["ers_farm_income",
                                                                        "mfp_payments"])

# %% [markdown] tags=["exercise"]
# ## Exercises
#
# Each exercise asks for a number, and some also for a reading (a choice among stated readings). Compute each in the cell below the question, then run `teach.check_answer(...)`: it says whether your answer matches the reference computed from the same data, without showing the reference. Exercises run from easy to hard.
#
# ### Exercise 1 (easy): From the raw per-acre file
#
# Start from the raw ERS table, `load("soybean_costs_returns")` (one row per year, region and
# item). What share of operating costs per planted acre was fertilizer for the U.S. total in
# 2022?
#
# **Compute:** the `Fertilizer` row over the `Total, operating costs` row, times 100.
# **Unit:** %.

# %% tags=["solution"]
from helpers import teach

### BEGIN SOLUTION
raw = load("soybean_costs_returns")
us22 = raw[(raw["region"] == "U.S. total") & (raw["year"] == 2022)].set_index("item")["value"]
answer = 100 * us22["Fertilizer"] / us22["Total, operating costs"]
### END SOLUTION
teach.check_answer("06_fert_share_2022", answer)

# %% [markdown] tags=["exercise"]
# ### Exercise 2 (medium): Payments against income
#
# From the ERS release of 2026-02-05 (`farm.income_by_year`), by how many points did direct
# government payments as a share of net farm income change from 2017 to 2019? Which
# programme explains most of the rise, and why does the ad hoc line not show it?
#
# **Compute:** the 2019 share minus the 2017 share. **Unit:** percentage points.

# %% tags=["solution"]
### BEGIN SOLUTION
inc = farm.income_by_year(load("ers_farm_income"), "2026-02-05")
answer = inc.loc[2019, "payments_share_pct"] - inc.loc[2017, "payments_share_pct"]
### END SOLUTION
teach.check_answer("06_payments_share_change", answer)

# %% [markdown] tags=["exercise"]
# ### Exercise 3 (medium): Margins before and during, from the raw file
#
# Start from the raw ERS table, `load("soybean_costs_returns")` (one row per `year`, `region`
# and `item`, USD per planted acre). For the U.S. total, compare the average of 2018-2019
# with that of 2016-2017 for three items: `Total, gross value of production`,
# `Total, costs listed` and `Value of production less total costs listed` (the return over
# total costs).
#
# **Compute:** the change of the average return over total costs, 2018-2019 minus 2016-2017.
# **Unit:** USD per planted acre.
#
# **Then choose** (second cell, `answer = "revenue"` or `"costs"`): was the larger part of that
# change the change in gross value per acre ("revenue") or the change in total costs per acre
# ("costs")? Could the 2018 survey-base change move your reading?

# %% tags=["solution"]
### BEGIN SOLUTION
raw = load("soybean_costs_returns")
us = raw[raw["region"] == "U.S. total"].pivot(index="year", columns="item", values="value")
items = ["Total, gross value of production", "Total, costs listed",
         "Value of production less total costs listed"]
change = us.loc[2018:2019, items].mean() - us.loc[2016:2017, items].mean()
answer = change["Value of production less total costs listed"]
print(change.round(2))
### END SOLUTION
teach.check_answer("06_return_change", answer)

# %% tags=["solution"]
### BEGIN SOLUTION
# Model answer: the return is gross value minus total costs, so its change splits exactly
# into the two. The 2018 survey base changes the cost weights, so part of a cost change
# across 2018 can be the survey rather than the farms.
answer = ("revenue" if abs(change["Total, gross value of production"])
          >= abs(change["Total, costs listed"]) else "costs")
### END SOLUTION
teach.check_answer("06_margin_reading", answer)

# %% [markdown] tags=["exercise"]
# ### Exercise 4 (hard): The price part of the 2018 margin
#
# Start from the raw ERS table, `load("soybean_costs_returns")`, U.S. total rows, items
# `Price` (harvest-period price, USD per bushel) and `Yield` (bushels per planted acre). Hold
# the 2018 yield and costs fixed and give the 2018 crop the 2017 harvest-period price: by how
# much would the 2018 return over total costs per planted acre have been higher?
#
# **Compute:** (2017 price minus 2018 price) times the 2018 yield. **Unit:** USD per planted
# acre.
#
# **Then choose** (second cell, `answer = "price"` or `"mfp"`): compare your number with the
# MFP 2018 payment per acre (USD 1.65 per bushel times the 2018 yield): is the price part
# larger ("price") or the MFP payment ("mfp")? Why do the two measure different things?

# %% tags=["solution"]
### BEGIN SOLUTION
raw = load("soybean_costs_returns")
us = raw[raw["region"] == "U.S. total"].pivot(index="year", columns="item", values="value")
answer = price_part = (us.loc[2017, "Price"] - us.loc[2018, "Price"]) * us.loc[2018, "Yield"]
mfp_per_acre = 1.65 * us.loc[2018, "Yield"]
print(f"price part {price_part:.1f} USD/acre; MFP 2018 per acre {mfp_per_acre:.1f}")
### END SOLUTION
teach.check_answer("06_price_effect_2018", answer)

# %% tags=["solution"]
### BEGIN SOLUTION
# Model answer: the price part values the 2018 crop at the 2017 price, a fall with causes
# beyond the tariff; the MFP rate came from USDA's trade-damage estimate and was paid per
# bushel produced. One is what the lower price cost, the other what the programme paid.
answer = "price" if price_part > mfp_per_acre else "mfp"
### END SOLUTION
teach.check_answer("06_price_vs_mfp_reading", answer)

# %% [markdown]
# ## What this does and doesn't show
#
# - Per-acre costs and returns are ERS survey estimates in nominal dollars; the survey base
#   changed in 2018, and the latest years are revised between releases.
# - Aid figures are announcements, rates and payments as published, each with its status and
#   source; figures a second source does not confirm carry their flag and never enter the
#   takeaway. No total of 2025 bridge payments made was found.
# - Loss estimates differ in basis (China's CIF import values, US export value, prices) and
#   in period; set side by side they give a range, not one number, and none of them is a
#   payment.
# - The per-acre comparison is an illustration: its range moves with each assumption, and it
#   leaves out what the aid did not aim at (land values, basis, storage).

# %% [markdown]
# ## Appendix

# %% tags=["remove-input"]
report.show_table(mfp[["program", "year", "series", "commodity", "geography", "value", "unit",
                       "status", "as_of", "source", "verification"]],
                  "Every MFP row with its status and verification", decimals=2, appendix=True)
report.show_table(aid[["program", "year", "series", "commodity", "value", "unit", "status",
                       "as_of", "source", "verification"]],
                  "Every 2024-2026 aid row with its status and verification", decimals=2,
                  appendix=True)

# %% [markdown]
# ## Appendix: references

# %% tags=["remove-input"]
from IPython.display import Markdown, display

from helpers import references

refs = references.Cited()
# the sources of the per-acre data and of the published estimates set beside the kit's above
for key in ("ers_costs_returns", "morgan2022", "grant2021", "carter2020", "adjemian2021"):
    refs.cite(key)
display(Markdown(refs.markdown()))
