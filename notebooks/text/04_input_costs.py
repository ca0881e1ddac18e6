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
# # Input costs: did they squeeze US soybean margins?
#
# China's tariffs bore on US soybean sales (see the soybean brief); farmers' costs moved
# on their own: fertilizer, fuel and machinery. This brief measures those prices, how
# much of nitrogen fertilizer's swings come from natural gas, whether soybean prices kept up
# with input prices (the cost–price squeeze), and what China's rare-earth export controls
# could mean for machinery and precision agriculture.

# %% [markdown] tags=["learning-goals"]
# **Learning goals.** After this notebook you can:
#
# - rebase price indexes to a common period and compare their movements honestly (same months, explicit ends, no filling);
# - build a terms-of-trade ratio and split its change between its two sides;
# - estimate a distributed-lag *pass-through* model in log changes and read its long-run elasticity with its confidence interval;
# - explain *net import reliance* and why a supply risk is not yet a price effect.
#
# Terms in *italics* are defined in the [glossary](../docs/glossary.md).

# %% tags=["parameters"]
# Parameters (papermill convention)
base_period = "2015"            # rebasing period: a year ('2015') or a month ('2018-01')
window_start = "2015-01-01"     # first month shown in the charts
model_start = "2000-01-01"      # first month of the pass-through regression
nitrogen_series = "WPU0652013A" # nitrogen price regressed on gas (PPI nitrogenates)
lags = 6                        # months of gas-price lags in the pass-through model
shock_start = "2022-03-01"      # pulse dummy for the 2022 war shock (first month)
shock_end = "2022-06-01"        # ... and last month

# %% tags=["remove-cell"]
import numpy as np
import pandas as pd
from IPython.display import Markdown, display

from helpers import charts, costs, models, references, report, tariffs
from helpers.data import DataError, load

charts.use_house_style()
base_period = str(base_period)
inputs = load("farm_input_prices")
prices = load("commodity_prices")
facts = load("rare_earth_facts").set_index("fact_id")
acres_table = load("soybean_costs_returns")
published = load("trade_war_damage_estimates")
refs = references.Cited()
events = tariffs.with_short_labels(load("tariff_events"))
names = inputs.drop_duplicates("series_id").set_index("series_id")["series_name"]
ids = ["WPU0652", "WPU0652013A", "WPU111", "WPU057303", "GASDESM", "MHHNGSP"]
wide = costs.wide_series(inputs, ids + ["WPU01830131", "PCU325311325311A"])
imf = costs.wide_series(prices, ["PSOYBUSDM"])["PSOYBUSDM"]
wb = costs.wide_series(prices, ["WB_UREA_EE_BULK", "WB_DAP", "WB_TSP", "WB_POTASH", "WB_SOYBEANS"])
fert, mach, soy_ppi, gas = wide["WPU0652"], wide["WPU111"], wide["WPU01830131"], wide["MHHNGSP"]
nitrogen = wide[nitrogen_series]
cost_events = tariffs.input_cost_events(events)
ref = pd.Timestamp("2018-01-01")

# %% tags=["remove-input"]
peak_day = fert.idxmax()
mach_last = mach.dropna().index[-1]
mach_change = 100 * (mach[mach_last] / mach[ref] - 1)
shock = (shock_start, shock_end)
main = costs.pass_through(nitrogen.loc[model_start:], gas.loc[model_start:], lags, shock=shock)
tot_fert = costs.ratio_index(soy_ppi, fert, base_period)
tot_mach = costs.ratio_index(soy_ppi, mach, base_period)
common_end = tot_fert.index.max()
fert_years = costs.change_by_year(tot_fert, ref)
mach_years = costs.change_by_year(tot_mach, ref)
end_fert = 100 * (tot_fert[common_end] / tot_fert[ref] - 1)
end_mach = 100 * (tot_mach[common_end] / tot_mach[ref] - 1)
wb_ratio = (wb["WB_SOYBEANS"] / wb["WB_UREA_EE_BULK"]).dropna()
urea = wb["WB_UREA_EE_BULK"].dropna()
lr = main["long_run"]
f = facts["value"]
n_pos = costs.latest_position(nitrogen, "2021-01-01")
g_pos = costs.latest_position(gas)
acre_items = ["Fertilizer", "Total, operating costs", "Price", "Yield",
              "Value of production less operating costs",
              "Value of production less total costs listed"]
acre = costs.per_acre(acres_table, acre_items)
acre_last = int(acre.index.max())
fert_acre = costs.change_pct(acre["Fertilizer"], 2018, 2023)
price_acre = costs.change_pct(acre["Price"], 2018, 2023)
net_last = acre.loc[acre_last, "Value of production less total costs listed"]
early_ends = {i: wide[i].last_valid_index() for i in ["WPU0652", "WPU111", "WPU01830131"]}
other_end = min(early_ends.values())
brief = report.Brief(title="Input costs and soybean margins")
deepest = fert_years.idxmin()
brief.set_takeaway(
    f"In {n_pos['last']:%B %Y}, the nitrogen fertilizer price index's latest month in the kit "
    f"(BLS PPI nitrogenates), nitrogen prices were {abs(n_pos['from_peak_pct']):.0f}% below "
    f"their {n_pos['peak_date']:%B %Y} peak and {'down' if n_pos['yoy_pct'] < 0 else 'up'} "
    f"{abs(n_pos['yoy_pct']):.0f}% on a year earlier; Henry Hub gas, their feedstock, was "
    f"{'down' if g_pos['yoy_pct'] < 0 else 'up'} {abs(g_pos['yoy_pct']):.0f}% on the year to "
    f"{g_pos['last']:%B %Y}. Per planted acre (USDA ERS costs and returns), fertilizer cost "
    f"rose {fert_acre:.0f}% from 2018 to 2023 against a harvest price up {price_acre:.0f}%, and "
    f"in {acre_last} the value of production {'fell short of' if net_last < 0 else 'exceeded'} "
    f"total listed costs by USD {abs(net_last):.0f} an acre. The all-fertilizer, farm "
    f"machinery and soybean price indexes in the kit stop in {other_end:%B %Y}.",
    holds=n_pos["from_peak_pct"] < 0 and fert_acre > price_acre > 0
    and all(d == other_end for d in early_ends.values()),
    basis="latest month of each monthly series; ERS per-acre fertilizer cost and harvest price, "
          "2018 and 2023; net value of the latest ERS year",
    datasets=["farm_input_prices", "soybean_costs_returns"])
brief.add(f"Nitrogenates PPI, {n_pos['last']:%Y-%m} vs a year earlier", n_pos["yoy_pct"], "%",
          f"{n_pos['last']:%Y-%m}", ["farm_input_prices"], note="BLS producer price index, nitrogenates",
          key="nitrogen_ppi_yoy_latest")
brief.add("Fertilizer cost per planted acre, 2018 to 2023", fert_acre, "%", "2018..2023",
          ["soybean_costs_returns"], note="USDA ERS, US total, soybeans", key="fert_per_acre_change")
brief.add("Soybean harvest price, 2018 to 2023", price_acre, "%", "2018..2023",
          ["soybean_costs_returns"], note="USDA ERS, USD per bushel at harvest",
          key="harvest_price_change")
brief.add(f"Value of production less total costs, {acre_last}", net_last, "USD per planted acre",
          str(acre_last), ["soybean_costs_returns"], note="USDA ERS, US total, soybeans",
          decimals=0, key="net_per_acre_latest")
brief.add("Fertilizer materials PPI, peak", fert.max(), "index 1982=100", f"{peak_day:%Y-%m}",
          ["farm_input_prices"], key="fert_ppi_peak")
brief.add(f"Fertilizer PPI at peak vs {base_period} average",
          100 * (fert.max() / fert.loc[base_period].mean() - 1), "%", f"{peak_day:%Y-%m}",
          ["farm_input_prices"], key="fert_peak_vs_base")
brief.add("Farm machinery PPI change since January 2018", mach_change, "%",
          f"2018-01..{mach_last:%Y-%m}", ["farm_input_prices"], note="BLS producer price index, farm machinery", key="machinery_change_2018")
brief.add("Farm machinery PPI, 12-month change at last month",
          costs.rolling_change_pct(mach.dropna()).iloc[-1], "%", f"{mach_last:%Y-%m}",
          ["farm_input_prices"], note="BLS producer price index, farm machinery", key="machinery_12m")
brief.add("Long-run pass-through of gas prices to nitrogenates", lr["estimate"], "elasticity",
          f"{main['sample'][0]:%Y-%m}..{main['sample'][1]:%Y-%m}", ["farm_input_prices"],
          note=f"95% CI {lr['ci_low']:.2f} to {lr['ci_high']:.2f}; {lags} lags, HAC", decimals=2, key="pass_through_nitrogen")
brief.add(f"Soybean/fertilizer PPI ratio, {common_end:%Y-%m} vs 2018-01", end_fert, "%",
          f"2018-01..{common_end:%Y-%m}", ["farm_input_prices"], note="month to month", key="soy_fert_ratio_end")
brief.add(f"Soybean/farm machinery PPI ratio, {common_end:%Y-%m} vs 2018-01", end_mach, "%",
          f"2018-01..{common_end:%Y-%m}", ["farm_input_prices"], note="month to month", key="soy_mach_ratio_end")
brief.add(f"Soybean/fertilizer PPI ratio, {deepest} vs 2018-01", fert_years[deepest], "%",
          str(deepest), ["farm_input_prices"], note="the deepest year", key="soy_fert_ratio_deepest")
brief.add("Urea price change (World Bank)", 100 * (urea.iloc[-1] / urea.iloc[0] - 1), "%",
          f"{urea.index[0]:%Y-%m}..{urea.index[-1]:%Y-%m}", ["commodity_prices"],
          note="urea, prilled, spot, FOB Middle East (Black Sea before March 2022), USD/t",
          key="urea_change_wb")
brief.add("China's share of world rare-earth mine production",
          100 * f["re_mine_china_2024"] / f["re_mine_world_2024"], "%", "2024",
          ["rare_earth_facts"], note="USGS; China's quota", decimals=0, key="china_re_mine_share")
brief.show_as_of([inputs, prices, facts, events])
brief.show()

# %% [markdown]
# ## 1. How input prices moved
#
# Each series is rebased so that its average in the base period is 100. The series end in
# different months; the table under the chart gives each one's last month, read from the data.
# Farm machinery is the BLS producer price index for agricultural machinery and equipment;
# diesel appears twice, as the wholesale producer price index and the EIA retail price.
# Markers are input-cost events: steel and aluminum duties and export controls on minerals.

# %% tags=["remove-input"]
indexed = costs.rebase(wide[ids].loc[window_start:], base_period)
labels = {"WPU0652": "fertilizer", "WPU0652013A": "nitrogenates", "WPU111": "farm machinery",
          "WPU057303": "diesel (PPI)", "GASDESM": "diesel (retail)", "MHHNGSP": "natural gas"}
fig, ax = charts.lines(indexed.rename(columns=labels),
                       f"US farm input prices (index, {base_period} = 100)", "index")
report.show_chart(fig, [inputs, events], ax=ax, events=cost_events.loc[
    cost_events["date"] >= window_start], max_labels=4,
    alt=f"Indexed input prices since {window_start[:4]}: fertilizer and natural gas spike in "
        f"2021-22, fertilizer peaking in {peak_day:%B %Y}; farm machinery climbs steadily, "
        f"{mach_change:.0f}% above January 2018 by {mach_last:%B %Y}.")
ends = pd.DataFrame({"series": [names[i] for i in ids],
                     "last month in the kit": [wide[i].last_valid_index().strftime("%Y-%m") for i in ids],
                     "12-month change at last month, %": [
                         costs.rolling_change_pct(wide[i].dropna()).iloc[-1] for i in ids]})
report.show_table(ends, "Where each input series ends in the kit")
ends_by_id = {i: wide[i].last_valid_index() for i in ids}
later_diesel = []  # diesel beyond the monthly EIA series, where the kit holds it
computed = inputs.loc[inputs["series_id"] == "GASDESW_MONTHLY_MEAN_COMPUTED"].dropna(subset=["value"])
if len(computed):
    later_diesel.append(("the monthly mean of weekly retail diesel", computed["date"].max()))
try:
    weekly = load("diesel_retail_weekly")
except DataError:
    weekly = None
if weekly is not None and len(weekly):
    later_diesel.append(("weekly retail diesel", pd.Timestamp(weekly["date"].max())))
latest_id = max(ends_by_id, key=ends_by_id.get)
brief.claim(f"The input series do not end together: the all-fertilizer, farm machinery and "
            f"soybean price indexes stop in {other_end:%B %Y}, while "
            + ", ".join(f"{labels[i]} runs to {d:%B %Y}" for i, d in ends_by_id.items()
                        if d > other_end)
            + "".join(f"; {text} runs to {day:%B %Y}" for text, day in later_diesel)
            + ". Comparisons across inputs below use the months every series in them has.",
            holds=ends_by_id[latest_id] > other_end,
            basis="last month with a value, per series", datasets=["farm_input_prices"])
mach_steps = mach.loc["2017-12-01":].dropna()
brief.claim(f"Farm machinery prices ended every year from 2018 to {mach_last.year} higher than "
            f"the year before: "
            f"{mach_change:.0f}% in all from January 2018 to {mach_last:%B %Y}.",
            holds=(mach_steps.groupby(mach_steps.index.year).last().diff().dropna() > 0).all(),
            basis="WPU111, last month of each year (2023: November) against the year before",
            datasets=["farm_input_prices"])

# %% [markdown]
# ## 2. How much of nitrogen's movement is natural gas?
#
# **Method.** Natural gas is the feedstock of nitrogen fertilizer, so the model uses a
# nitrogen price (the PPI for nitrogenates: ammonia, nitric acid, ammonium compounds, urea)
# rather than the all-fertilizer index, which also holds potash and phosphate. It regresses
# the monthly log change of that PPI on the log change of Henry Hub gas this month and in
# the previous months, with Newey–West errors:
#
# $$\Delta \ln N_t = a + \sum_{k=0}^{L} b_k\,\Delta \ln G_{t-k} + c\,\text{shock}_t + e_t$$
#
# The long-run elasticity is $\sum_k b_k$. The pulse dummy marks the months of the 2022 war
# shock, when fertilizer moved for reasons gas does not capture.

# %% tags=["remove-input"]
spec = f"{labels.get(nitrogen_series, nitrogen_series)} PPI"  # the series named for readers
variants = {f"{spec}, {lags} lags, shock dummy": {"y": nitrogen, "lags": lags, "shock": shock},
            f"{spec}, {lags} lags, no dummy": {"y": nitrogen, "lags": lags, "shock": None},
            f"{spec}, 3 lags": {"y": nitrogen, "lags": 3, "shock": shock},
            f"{spec}, 12 lags": {"y": nitrogen, "lags": 12, "shock": shock},
            f"all fertilizer PPI, {lags} lags": {"y": fert, "lags": lags, "shock": shock},
            **models.sample_end_variants({"y": nitrogen, "lags": lags, "shock": shock},
                                         nitrogen.last_valid_index(),
                                         label=f"{spec}, {lags} lags, sample ending "
                                               "{:%Y-%m}")}
robust = models.robustness(
    lambda y, lags, shock, end=None: costs.pass_through_row(
        y.loc[model_start:end], gas.loc[model_start:end], lags, shock), variants)
report.show_table(robust, "Robustness of the long-run pass-through (elasticity)", decimals=3)
lr_row = costs.pass_through_row(nitrogen.loc[model_start:], gas.loc[model_start:], lags, shock)
sentence, _ = models.estimate_report(
    lr_row, f"the long-run response of the nitrogenates PPI to a 10% rise in gas prices "
            f"({lags} months)", "%", decimals=1, scale=10)
brief.claim(sentence, holds=lr_row["n"] >= 60 and ("not distinguishable" in sentence)
            == models.includes_zero(lr_row), basis="distributed-lag HAC regression",
            datasets=["farm_input_prices"])
brief.claim(models.range_sentence(robust, "% per 10% gas", decimals=1, scale=10),
            holds=len(robust) >= 4, basis="robustness table of the pass-through model",
            datasets=["farm_input_prices"])
on_price = published[published["measure"].str.contains("pass-through|gas|fertilizer price",
                                                       case=False)]
brief.claim(f"Beside published estimates: the kit's list of published estimates "
            f"({len(published)} figures from {published['study'].nunique()} studies) holds no "
            "estimate of the pass-through from natural gas to US nitrogen fertilizer prices, so "
            "this one stands without a published comparison; its robustness table is the check.",
            holds=on_price.empty, basis="measure column of the trade_war_damage_estimates table",
            datasets=["trade_war_damage_estimates"])
pre_2020 = f"{spec}, {lags} lags, sample ending {models.PRE_2020:%Y-%m}"
by_spec = robust.set_index("specification")
if pre_2020 in by_spec.index:
    early_row, cut = by_spec.loc[pre_2020], models.PRE_2020
    moves = pd.DataFrame({"nitrogen": np.log(nitrogen).diff(), "gas": np.log(gas).diff()}).loc[
        model_start:].dropna()
    sd_before, sd_after = moves.loc[:cut].std(), moves.loc[cut + pd.DateOffset(months=1):].std()
    calmer = bool((sd_before < sd_after).all())
    verdict_moves = bool(early_row["ci_includes_zero"]) != models.includes_zero(lr_row)
    brief.claim(
        f"Ending the sample in {cut:%Y-%m} gives {10 * early_row['coef']:.1f}% per 10% gas (95% CI "
        f"{10 * early_row['ci_low']:.1f} to {10 * early_row['ci_high']:.1f}, n = "
        f"{int(early_row['n'])}), "
        f"{'not distinguishable from zero' if early_row['ci_includes_zero'] else 'a CI that excludes zero'}"
        f". Before 2020 the monthly log changes were {'smaller' if calmer else 'not all smaller'} "
        f"(standard deviation {sd_before['nitrogen']:.3f} for nitrogen and "
        f"{sd_before['gas']:.3f} for gas, against {sd_after['nitrogen']:.3f} and "
        f"{sd_after['gas']:.3f} after): "
        + ("the full-sample verdict rests on the larger swings since 2020."
           if verdict_moves else "the verdict is the same with or without the years since 2020."),
        holds=int(early_row["n"]) >= 60 and (not verdict_moves or calmer),
        basis="robustness table; standard deviations of monthly log changes before and after "
              f"{cut:%Y-%m}", datasets=["farm_input_prices"])
shock_row = main["table"].set_index("term").loc["shock"]
shock_text, _ = models.estimate_report(shock_row, "the 2022 shock dummy (monthly log change of "
                                       "the nitrogenates PPI in those months, beyond gas)",
                                       "log points", decimals=3)
no_dummy = costs.pass_through_row(nitrogen.loc[model_start:], gas.loc[model_start:], lags, None)
moves_nothing = models.includes_zero(shock_row) and abs(lr_row["coef"] - no_dummy["coef"]) < 0.05
brief.claim(shock_text + (" With or without it the long-run estimate is the same to within 0.05: "
                          "the dummy moves nothing." if moves_nothing else ""),
            holds=lr_row["n"] == no_dummy["n"],
            basis="shock dummy CI; long-run estimate with and without the dummy, same sample",
            datasets=["farm_input_prices"])

# %% [markdown] tags=["method"]
# ### Method in code
#
# The pass-through equation above as the helper fits it: `costs.pass_through` builds
# $\Delta\ln N_t$ and $\Delta\ln G_{t-k}$ for $k = 0..L$ and calls `models.fit_hac`, i.e.
# `smf.ols(formula, data).fit(cov_type="HAC", ...)`; the long-run elasticity is the sum of
# the lag coefficients with its HAC confidence interval (`models.long_run_effect`).

# %% tags=["method"]
method_pt = costs.pass_through(nitrogen.loc[model_start:], gas.loc[model_start:], lags, shock=shock)
print("dy ~ " + " + ".join(method_pt["table"]["term"]))   # the formula statsmodels fits
print(method_pt["long_run"])
method_pt["table"].drop(columns=["sample_start", "sample_end", "method"]).round(4)

# %% [markdown]
# ## 3. Did soybean prices keep up? The cost–price squeeze
#
# The ratio of the soybean PPI to an input PPI is a simple farm terms of trade: above 100,
# soybeans bought more fertilizer (or machinery) than in the base period. The table gives
# each year's average against January 2018, the month before the trade war.

# %% tags=["remove-input"]
tot = pd.DataFrame({"soybeans / fertilizer": tot_fert, "soybeans / farm machinery": tot_mach,
                    "IMF soybean price / fertilizer": costs.ratio_index(imf, fert, base_period),
                    }).loc[window_start:]
fig, ax = charts.lines(tot, f"Farm terms of trade (ratio of PPIs, {base_period} = 100)", "index")
ax.axhline(100, color="#666666", lw=0.8)
report.show_chart(fig, [inputs, prices], note="The PPIs end 2023-11 in the snapshot; ratios use "
                  "only the months both of their series have.",
                  alt=f"Soybean prices relative to fertilizer fall to their lowest in {deepest} and "
                      f"stand at {tot_fert.iloc[-1]:.0f} in {common_end:%B %Y}; relative to farm "
                      f"machinery they end {end_mach:+.0f}% against January 2018.")
by_year = pd.DataFrame({"soybeans / fertilizer, % vs 2018-01": fert_years,
                        "soybeans / farm machinery, % vs 2018-01": mach_years})
from helpers import periods

# the PPIs end mid-year: that year's average is labelled with its months ('2023 (Jan-Nov)')
ratio_labels = periods.row_labels(pd.DataFrame({"fertilizer": tot_fert, "farm machinery": tot_mach}))
report.show_table(by_year.set_axis(ratio_labels.loc[by_year.index]).rename_axis("year"),
                  "Soybean prices against input prices, yearly average vs January 2018",
                  index=True)
squeeze_years = list(fert_years.index[fert_years < -15])
brief.claim(f"Only {', '.join(map(str, squeeze_years))} saw soybean prices more than 15% behind "
            f"fertilizer on the year's average ({fert_years.min():+.0f}%); 2018 and 2019 were "
            f"about {abs(fert_years.loc[[2018, 2019]].mean()):.0f}% behind, and by "
            f"{common_end:%B %Y} the ratio was {end_fert:+.1f}% against January 2018. "
            f"Against farm machinery, soybeans ended {end_mach:+.1f}%: on these price indexes, "
            f"which measure prices only, no lasting squeeze through {common_end:%Y}.",
            holds=squeeze_years == [2022] and (fert_years.loc[[2018, 2019]] < 0).all()
            and end_fert > -5 and end_mach > -5,
            basis="annual averages of PPI ratios against 2018-01",
            datasets=["farm_input_prices"])
dec = pd.concat([costs.decompose_ratio_change(soy_ppi, fert, ref, common_end).assign(
                     ratio="soybean PPI / fertilizer PPI"),
                 costs.decompose_ratio_change(soy_ppi, mach, ref, common_end).assign(
                     ratio="soybean PPI / farm machinery PPI")])
display(Markdown(f"Change from January 2018 to {common_end:%B %Y}, split between the two sides "
                 "(log points; shares of the ratio's change):"))
report.show_table(dec, decimals=3)

# %% [markdown]
# ### Per planted acre: what a soybean farm spent and earned
#
# The price indexes above compare prices only. USDA ERS costs and returns count what an
# average US soybean farm spent and earned per planted acre: fertilizer cost moves with the
# price *and* with the quantity applied and how it is applied, and the value of production
# with the harvest price *and* the yield. The two bases can disagree; where they do, the
# per-acre figures are closer to a margin. What the lost China sales and the aid payments
# meant for farm income is in the [farm income brief](06_farm_income.html).

# %% tags=["remove-input"]
acre_view = acre.loc[2015:].rename(columns={
    "Fertilizer": "fertilizer, USD/acre", "Total, operating costs": "operating costs, USD/acre",
    "Price": "harvest price, USD/bu", "Yield": "yield, bu/acre",
    "Value of production less operating costs": "value less operating costs, USD/acre",
    "Value of production less total costs listed": "value less total costs, USD/acre"})
report.show_table(acre_view, "Soybeans per planted acre, US total (USDA ERS costs and returns)",
                  index=True, decimals=2)
ppi_year = (soy_ppi / fert).dropna()
ppi_year = ppi_year.groupby(ppi_year.index.year).mean()
acre_ratio = acre["Price"] / acre["Fertilizer"]
ppi_change = costs.change_pct(ppi_year, 2018, 2023)
months_2023 = (soy_ppi / fert).dropna().loc["2023"].index  # the PPIs may end before December
averages = ("annual averages" if len(months_2023) == 12
            else f"annual averages, 2023's over {periods.months_text(months_2023)} only")
acre_change = costs.change_pct(acre_ratio, 2018, 2023)
disagree = (ppi_change > 0) != (acre_change > 0)
brief.claim(
    f"From 2018 to 2023 the soybean / fertilizer price-index ratio ({averages}) moved "
    f"{ppi_change:+.0f}%, while per planted acre ({refs.cite('ers_costs_returns')}) the ratio of the harvest price to fertilizer "
    f"cost moved {acre_change:+.0f}% (fertilizer cost {fert_acre:+.0f}%, harvest price "
    f"{price_acre:+.0f}%)"
    + (": the two bases disagree. The price indexes see only prices; the per-acre cost also "
       "carries the quantity applied and its application, and ERS's harvest price is not the "
       "soybean producer price index, so the per-acre figures show a squeeze the indexes miss."
       if disagree else ": both bases point the same way.")
    + f" In {acre_last}, past the price indexes' end, the value of production was USD "
    f"{acre.loc[acre_last, 'Value of production less operating costs']:.0f} an acre above "
    f"operating costs and USD {abs(net_last):.0f} "
    f"{'below' if net_last < 0 else 'above'} total listed costs (land and unpaid labour "
    "included).",
    holds=fert_acre > price_acre and (not disagree or acre_change < 0 < ppi_change),
    basis="annual mean of the PPI ratio; ERS harvest price / fertilizer cost per acre, 2018 and "
          "2023", datasets=["farm_input_prices", "soybean_costs_returns"])

# %% [markdown]
# ### World Bank fertilizer prices, to their latest month
#
# The World Bank's monthly commodity prices (Pink Sheet, USD per tonne, world market prices —
# not US farm-gate prices) carry the story past the price indexes that stop early, in the
# months the snapshot holds.

# %% tags=["remove-input"]
wb_named = wb.rename(columns={"WB_UREA_EE_BULK": "urea (FOB Middle East)", "WB_DAP": "DAP",
                              "WB_TSP": "TSP",
                              "WB_POTASH": "potash", "WB_SOYBEANS": "soybeans"}).dropna(how="all")
fig, ax = charts.lines(wb_named, "World fertilizer and soybean prices (World Bank)", "USD per tonne")
report.show_chart(fig, [prices],
                  alt=f"World Bank monthly prices {wb_named.index[0]:%B %Y} to "
                      f"{wb_named.index[-1]:%B %Y}: urea from {urea.iloc[0]:.0f} to "
                      f"{urea.iloc[-1]:.0f} USD/t, soybeans from "
                      f"{wb['WB_SOYBEANS'].dropna().iloc[0]:.0f} to "
                      f"{wb['WB_SOYBEANS'].dropna().iloc[-1]:.0f} USD/t.")
rise = (wb_named.iloc[-1] / wb_named.iloc[0] - 1).rename({"urea (FOB Middle East)": "urea"})
brief.claim("The World Bank's urea price (its series code keeps an old Eastern Europe "
            "name) is prilled urea, spot, FOB Middle East from March 2022 and FOB Black Sea "
            f"before ({refs.cite('worldbank_pinksheet')}, description of price series): "
            + ("every month shown here is on the Middle East basis."
               if urea.index.min() >= pd.Timestamp("2022-03-01") else
               f"the months before March 2022 shown here ({urea.index.min():%Y-%m} on) are on "
               "the Black Sea basis, a different market."),
            holds=urea.notna().any(), basis="World Bank's series notes; first month of the "
            "urea series in the kit", datasets=["commodity_prices"])
ratio_end = 100 * (wb_ratio.iloc[-1] / wb_ratio.iloc[0] - 1)
ratio_low = 100 * (wb_ratio.min() / wb_ratio.iloc[0] - 1)
brief.claim(f"From {wb_named.index[0]:%B %Y} to {wb_named.index[-1]:%B %Y} urea "
            f"{'rose' if rise['urea'] > 0 else 'fell'} {abs(100 * rise['urea']):.0f}% and soybeans "
            f"{'rose' if rise['soybeans'] > 0 else 'fell'} {abs(100 * rise['soybeans']):.0f}%, so at "
            f"the end a tonne of soybeans bought {abs(ratio_end):.0f}% "
            f"{'more' if ratio_end > 0 else 'less'} urea than at the start; at the worst month "
            f"({wb_ratio.idxmin():%B %Y}, urea at {urea.loc[wb_ratio.idxmin()]:.0f} USD/t) it bought "
            f"{abs(ratio_low):.0f}% less. The producer price indexes end too early to show either.",
            holds=ratio_low < 0 and len(wb_ratio) >= 6,
            basis="World Bank monthly prices, first, last and lowest month of the soybean/urea "
                  "ratio in the kit", datasets=["commodity_prices"])


# %% [markdown]
# ## 4. Machinery and precision agriculture: the rare-earth risk

# %% tags=["remove-input"]
controls = tariffs.filter_events(events, actor="China", start="2024-12-01")
controls = controls[controls["measure"].str.contains("rare-earth|rare earth|gallium", case=False)]
display({"text/html": report.event_list_html(controls), "text/plain": ""}, raw=True)
display(Markdown(
    f"Permanent magnets in electric motors, sensors and guidance systems use rare earths. "
    f"China mined {100 * f['re_mine_china_2024'] / f['re_mine_world_2024']:.0f}% of the "
    f"world's rare earths in 2024 (its quota, {f['re_mine_china_2024']:,.0f} of "
    f"{f['re_mine_world_2024']:,.0f} t REO) and supplied {f['re_imports_src_china']:.0f}% of US "
    f"imports of rare-earth compounds and metals in 2020-23; US net import reliance was "
    f"{f['re_nir_2024']:.0f}% in 2024 (estimated). Dysprosium and terbium oxide — the heavy "
    f"rare earths China put under licence in April 2025 — averaged {f['re_price_dy_2024']:.0f} "
    f"and {f['re_price_tb_2024']:.0f} USD/kg in 2024.\n\n"
    f"**What the data cannot show yet:** the farm machinery PPI in the kit ends in "
    f"{mach_last:%B %Y}, before the 2025 controls. A refresh will show whether machinery "
    "prices moved after April 2025; the kit has no data on magnet content per machine and "
    "builds no exposure model."))

# %% [markdown]
# ## 5. What farm policy would be responding to
#
# Proposals in the farm-bill debate fall into three groups: crop insurance (revenue
# protection against price falls within a season), price supports (reference prices that
# pay out when market prices stay low) and input-cost mitigation. The kit holds no data on
# the bill's provisions, so it adds no figures here.

# %% [markdown] tags=["exercise"]
# ## Exercises
#
# Each exercise asks for a number, and some also for a reading (a choice among stated readings). Compute each in the cell below the question, then run `teach.check_answer(...)`: it says whether your answer matches the reference computed from the same data, without showing the reference. Exercises run from easy to hard.
#
# ### Exercise 1 (easy): Rebase to 2020
#
# Rebase the six input series of section 1 (`wide[ids]`) to 2020 = 100. Which input had
# risen most by November 2023, the last month all six have? Give its index value.
#
# **Compute:** the largest 2023-11 value of the rebased series (`costs.rebase`).
# **Unit:** index, 2020 = 100.

# %% tags=["solution"]
from helpers import teach

### BEGIN SOLUTION
rebased_2020 = costs.rebase(wide[ids], "2020")
last = rebased_2020.loc["2023-11-01"]
answer = last.max()
print(f"{labels[last.idxmax()]} rose most: {answer:.0f}")
### END SOLUTION
teach.check_answer("04_top_rise_2020", answer)

# %% [markdown] tags=["exercise"]
# ### Exercise 2 (medium): Soybeans against diesel and fertilizer, from the long table
#
# Start from the loaded long table `inputs` (`load("farm_input_prices")`: one row per
# `series_id` and `date`, with its `value`), not from the notebook's wide frame. Take the
# soybean PPI (WPU01830131), the wholesale diesel PPI (WPU057303) and the fertilizer PPI
# (WPU0652); for each of the two inputs, divide the soybean PPI by it and rebase the ratio so
# that January 2018 = 100.
#
# **Compute:** the soybean / diesel ratio in November 2023, minus 100. **Unit:** %.
#
# **Then choose** (second cell, `answer = "diesel"` or `"fertilizer"`): from January 2018 to
# November 2023, did soybeans lose more purchasing power against diesel ("diesel") or against
# fertilizer ("fertilizer")? Which of the two inputs weighs more in a soybean budget per acre,
# and so which loss matters more for the margin?

# %% tags=["solution"]
### BEGIN SOLUTION
ppi = inputs.pivot(index="date", columns="series_id", values="value")
terms = {other: ppi["WPU01830131"] / ppi[other] for other in ("WPU057303", "WPU0652")}
terms = {other: 100 * ratio / ratio.loc["2018-01-01"] for other, ratio in terms.items()}
answer = diesel_change = terms["WPU057303"].loc["2023-11-01"] - 100
fertilizer_change = terms["WPU0652"].loc["2023-11-01"] - 100
print(f"soybeans/diesel {diesel_change:+.1f}%, soybeans/fertilizer {fertilizer_change:+.1f}%")
### END SOLUTION
teach.check_answer("04_soy_diesel_ratio", answer)

# %% tags=["solution"]
### BEGIN SOLUTION
# Model answer: the lower of the two ratio changes names the input that gained most on
# soybeans. Which loss matters more for the margin depends on the input's weight in the
# per-acre budget (notebook 06), and a PPI is a producer price, not what a farmer pays.
answer = "diesel" if diesel_change < fertilizer_change else "fertilizer"
### END SOLUTION
teach.check_answer("04_soy_terms_reading", answer)

# %% [markdown] tags=["exercise"]
# ### Exercise 3 (medium): Another nitrogen series
#
# Re-estimate the pass-through with the PPI for nitrogenous fertilizer manufacturing
# (PCU325311325311A, which ends earlier than the other PPIs) instead of nitrogenates: sample from 2000-01,
# 6 lags, no shock dummy. Is the long-run elasticity inside the range of the robustness
# table?
#
# **Compute:** the long-run elasticity (`costs.pass_through_row`). **Unit:** elasticity
# (% change of the PPI per 1% change of gas).

# %% tags=["solution"]
### BEGIN SOLUTION
row = costs.pass_through_row(wide["PCU325311325311A"].loc["2000-01-01":],
                             gas.loc["2000-01-01":], 6)
answer = row["coef"]
print(f"95% CI {row['ci_low']:.2f} to {row['ci_high']:.2f}, n = {row['n']}; robustness range "
      f"{robust['coef'].min():.2f} to {robust['coef'].max():.2f}")
### END SOLUTION
teach.check_answer("04_pt_nitrogen_mfg", answer)

# %% [markdown] tags=["exercise"]
# ### Exercise 4 (hard): Before and after shale gas
#
# Did the shale boom change how gas prices pass into fertilizer prices? Start from the loaded long table
# `inputs` (`load("farm_input_prices")`): take the all-fertilizer PPI (WPU0652) and the Henry
# Hub gas price (MHHNGSP) as monthly columns, and estimate the pass-through from gas
# (`costs.pass_through_row`, 6 lags, no shock dummy) on 2000-01..2009-12 and on
# 2010-01..2023-11.
#
# **Compute:** the later long-run elasticity minus the earlier one. **Unit:** elasticity.
#
# **Then choose** (second cell, `answer = "a"`, `"b"` or `"c"`): (a) the later elasticity is
# lower and the two 95% CIs do not overlap; (b) the later elasticity is higher and the two 95%
# CIs do not overlap; (c) the two 95% CIs overlap: these samples do not separate the two
# periods. What test would settle the question better than comparing two intervals?

# %% tags=["solution"]
### BEGIN SOLUTION
ppi = inputs.pivot(index="date", columns="series_id", values="value")[["WPU0652", "MHHNGSP"]]
early = costs.pass_through_row(ppi.loc["2000-01-01":"2009-12-01", "WPU0652"],
                               ppi.loc["2000-01-01":"2009-12-01", "MHHNGSP"], 6)
late = costs.pass_through_row(ppi.loc["2010-01-01":"2023-11-01", "WPU0652"],
                              ppi.loc["2010-01-01":"2023-11-01", "MHHNGSP"], 6)
answer = late["coef"] - early["coef"]
display(pd.DataFrame([early, late], index=["2000-2009", "2010-2023"])[["coef", "ci_low", "ci_high", "n"]])
### END SOLUTION
teach.check_answer("04_pt_change_2010", answer)

# %% tags=["solution"]
### BEGIN SOLUTION
# Model answer: overlapping intervals do not show equal elasticities; a regression with gas
# interacted with a post-2010 indicator tests the difference itself. Fertilizer prices also
# follow world nitrogen, phosphate and potash markets, not US gas alone.
answer = ("c" if early["ci_low"] <= late["ci_high"] and late["ci_low"] <= early["ci_high"]
          else "a" if late["coef"] < early["coef"] else "b")
### END SOLUTION
teach.check_answer("04_pt_shale_reading", answer)

# %% [markdown]
# ## What this does and doesn't show
#
# - Producer price indexes measure prices at the producer, not what each farm paid; World
#   Bank prices are world market quotes.
# - The pass-through model is a reduced-form association in monthly changes; it says
#   nothing about margins at fertilizer plants.
# - A price index that stops before 2025 (section 1 gives each series' end, read from the
#   data) leaves the 2025 tariff and export-control steps outside it until a refresh.
# - Per-acre costs and returns (USDA ERS) are annual US averages: they include quantities and
#   practices, not only prices, and stop at the latest survey year.

# %% [markdown]
# ## Appendix: references

# %% tags=["remove-input"]
display(Markdown(refs.markdown()))

# %% [markdown]
# ## Appendix: reference tables

# %% tags=["remove-input"]
report.show_table(facts[["subject", "measure", "period", "as_printed", "unit"]],
                  "Rare earths: USGS Mineral Commodity Summaries 2025", appendix=True)
