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
# # Decoupling: US–China goods trade since 1985
#
# How large is US–China goods trade, how far has it fallen since the 2018 tariffs and the
# 2025 escalation, and did those steps break the trend? Monthly Census figures (US exports
# and imports, goods, not seasonally adjusted), 12-month rolling sums to remove seasonality,
# and trend-break regressions with Newey–West (HAC) errors.

# %% [markdown] tags=["learning-goals"]
# **Learning goals.** After this notebook you can:
#
# - turn monthly trade flows into annual and 12-month rolling sums without passing off a partial year as a full one;
# - write a trend regression with a level shift and a slope change at a *structural break*, and read its coefficients in log points;
# - explain why monthly trade data need *HAC errors*, and what a searched-for break date can and cannot say;
# - show how a counterfactual depends on its fit window, and report a range instead of a point.
#
# Terms in *italics* are defined in the [glossary](../docs/glossary.md).

# %% tags=["parameters"]
# Parameters (papermill convention)
window_start = "auto"         # first month of the trend fits: "auto" (rule below) or an ISO date
window_end = "2025-12-01"     # last month used anywhere in this notebook
break_2018 = "2018-07-01"     # first Section 301 action (List 1, 6 July 2018)
break_2025 = "2025-04-01"     # the 2025 escalation ('reciprocal' tariffs from 5 April)

# %% tags=["remove-cell"]
import numpy as np
import pandas as pd
from IPython.display import Markdown, display

from helpers import charts, frames, models, references, report, tariffs, trade
from helpers.data import load

charts.use_house_style()
goods = load("us_china_goods_trade")
published = load("trade_war_damage_estimates")
refs = references.Cited()
fx = load("fx_cny_usd")
events = tariffs.with_short_labels(load("tariff_events"))
us_actions = tariffs.filter_events(events, actor="US", status="took effect", start="2018-01-01")
us_actions = us_actions[~us_actions["instrument"].fillna("").str.startswith("Section 232")]
g = frames.goods_trade(window_end)
exports, imports = g["exports_usd_mn"], g["imports_usd_mn"]
bal = trade.balance(exports, imports)
ann_x, ann_m, ann_b = trade.annual(exports), trade.annual(imports), trade.annual(bal)
# Fit-window rule: start when both 12-month sums are back at their 2008 peak, so the
# 2008-09 collapse and rebound do not tilt the fitted trend.
rule_start = frames.fit_window_start(g)
fit_start = rule_start if window_start == "auto" else pd.Timestamp(window_start)
if fit_start >= pd.Timestamp(break_2018) - pd.DateOffset(years=4):
    raise ValueError(f"window_start {fit_start:%Y-%m} leaves under four years before the "
                     f"{break_2018[:7]} break to fit a trend; choose an earlier start")
share = trade.rolling_share(imports, g["imports_world_usd_mn"])
share_info = trade.peak_and_latest(share)
sample = g.loc[fit_start:window_end]
log_m, log_x = np.log(sample["imports_usd_mn"]), np.log(sample["exports_usd_mn"])
fits = {name: models.trend_break(y, [break_2018, break_2025])[0].assign(series=name)
        for name, y in [("imports", log_m), ("exports", log_x)]}
breaks = pd.concat(fits.values(), ignore_index=True)
wald = {name: models.break_wald(y.loc[:models.PRE_2025], break_2018)
        for name, y in [("imports", log_m), ("exports", log_x)]}
supw = {name: models.sup_wald(y.loc[:models.PRE_2025]) for name, y in [("imports", log_m),
                                                                    ("exports", log_x)]}
gap_m = models.counterfactual_gap(log_m, break_2018)
gap_x = models.counterfactual_gap(log_x, break_2018)
gap_m_year, gap_x_year = trade.annual(gap_m["gap"]), trade.annual(gap_x["gap"])
gap_year = pd.DataFrame({"imports_gap_usd_bn": gap_m_year["value"] / 1000,
                         "exports_gap_usd_bn": gap_x_year["value"] / 1000,
                         "period": gap_m_year["label"]})
latest_m = int(ann_m.index.max())          # newest year of imports (may be partial)
latest_full = int(ann_b[ann_b["complete"]].index.max())
# The fit start in use comes first: it is the main specification of the robustness table.
starts = {f"from {d:%Y-%m}" + (" (rule)" if d == rule_start else ""): d
          for d in sorted({pd.Timestamp("2009-01-01"), pd.Timestamp("2010-01-01"), rule_start,
                           fit_start, pd.Timestamp("2012-01-01")}, key=lambda d: (d != fit_start, d))}
robust = models.robustness(
    lambda start, lags=None, seasonal=True, end=None: models.break_term(
        np.log(g["imports_usd_mn"].loc[:window_end]), [break_2018, break_2025], "post_1",
        start, lags, seasonal, end),
    {**{k: {"start": d} for k, d in starts.items()},
     **models.sample_end_variants({"start": fit_start}, log_m.index.max(),
                                  label=f"from {fit_start:%Y-%m}, ending {{:%Y-%m}}"),
     f"from {rule_start:%Y-%m}, 12 HAC lags": {"start": rule_start, "lags": 12},
     f"from {rule_start:%Y-%m}, no month effects": {"start": rule_start, "seasonal": False}})
gap_range = pd.Series({k: trade.annual(models.counterfactual_gap(
    np.log(g["imports_usd_mn"].loc[d:window_end]), break_2018)["gap"]).loc[latest_full, "value"]
    / 1000 for k, d in starts.items()}, name=f"imports gap {latest_full}, USD bn")

# %% tags=["remove-input"]
m_now, m_2018 = ann_m.loc[latest_m], ann_m.loc[2018]
ytd = trade.same_months_comparison(imports, latest_m)
ytd_change = 100 * (ytd["value"].iloc[1] / ytd["value"].iloc[0] - 1)
brief = report.Brief(title="Decoupling: US-China goods trade")
brief.set_takeaway(
    f"US goods imports from China were USD {m_now['value'] / 1000:.0f} bn in {m_now['label']}, "
    f"{'down' if ytd_change < 0 else 'up'} {abs(ytd_change):.0f}% on the same months of "
    f"{latest_m - 1} and {'below' if m_now['value'] < m_2018['value'] else 'above'} the "
    f"USD {m_2018['value'] / 1000:.0f} bn of 2018; China's share of all US goods imports had "
    f"already fallen from {100 * share_info['peak']:.1f}% (12 months to "
    f"{share_info['peak_date']:%B %Y}) to {100 * share_info['latest']:.1f}% when the Census series of total US goods "
    f"imports ends ({share_info['latest_date']:%B %Y}).",
    holds=share_info["latest"] < share_info["peak"] and ytd["months"].nunique() == 1,
    basis="directions computed from the annual sums, a partial year on the same months only; "
          "the share's latest value below its peak", datasets=["us_china_goods_trade"])
# Keys stay the same when a new year completes: the index reads them.
for year, tag in ((2018, "2018"), (latest_full, "latest_full_year")):
    brief.add(f"US goods imports from China, {year}", ann_m.loc[year, "value"] / 1000, "USD bn",
              str(year), ["us_china_goods_trade"], key=f"imports_{tag}")
    brief.add(f"US goods exports to China, {year}", ann_x.loc[year, "value"] / 1000, "USD bn",
              str(year), ["us_china_goods_trade"], key=f"exports_{tag}")
    brief.add(f"US goods balance with China, {year}", ann_b.loc[year, "value"] / 1000, "USD bn",
              str(year), ["us_china_goods_trade"], key=f"balance_{tag}")
brief.add(f"Imports from China, {ytd['period'].iloc[1]} vs {ytd['period'].iloc[0]}", ytd_change,
          "%", ytd["period"].iloc[1], ["us_china_goods_trade"], note="same months only", key="imports_ytd_change")
brief.add("China's share of US goods imports, latest (12-month)", 100 * share_info["latest"], "%",
          f"{share_info['latest_date']:%Y-%m}", ["us_china_goods_trade"],
          note="ends where the total-imports series ends; mixes two Census vintages", key="china_share_latest")
imp18 = breaks.set_index(["series", "term"]).loc[("imports", "post_1")]
brief.add("Level shift in log imports at the 2018 break", imp18["coef"], "log points",
          f"{break_2018[:7]}", ["us_china_goods_trade"],
          note=f"95% CI {imp18['ci_low']:.2f} to {imp18['ci_high']:.2f}, HAC; fit from "
               f"{fit_start:%Y-%m}; range over specifications "
               f"{robust['coef'].min():.2f} to {robust['coef'].max():.2f}", decimals=2, key="level_shift_2018_imports")
brief.add(f"Imports vs pre-2018 trend, {latest_full}", gap_year.loc[latest_full, "imports_gap_usd_bn"],
          "USD bn", str(latest_full), ["us_china_goods_trade"],
          note=f"actual minus counterfactual, fit from {fit_start:%Y-%m}; range over fit starts "
               f"{gap_range.min():.0f} to {gap_range.max():.0f}", key="imports_gap_latest_full")
brief.show_as_of([goods, fx, events])
brief.show()

# %% [markdown]
# ## 1. How large is the trade, and where did the balance go?
#
# Monthly figures swing with the season (Chinese New Year, the US holiday import cycle), so
# the charts use 12-month rolling sums: each point is the total of the 12 months to that date.

# %% tags=["remove-input"]
rolled = frames.rolling_goods_trade(g)
fig, ax = charts.lines(rolled, "US goods trade with China, 12-month rolling sums",
                       "USD bn (12 months to date)")
ax.axhline(0, color="#666666", lw=0.8)
imp12 = rolled["imports from China"].dropna()
charts.add_zoom(fig, rolled, "2024-01-01", "2024 on, in detail")
report.show_chart(fig, [goods, events], ax=ax, events=us_actions, max_labels=6,
                  events_note="Marked: US tariff actions on China that took effect (Section 232 "
                              "duties on all countries left out).",
                  note="Exports before 2001 are not in the kit.",
                  alt=f"Rolling 12-month US imports from China peak at {imp12.max():.0f} bn USD "
                      f"({imp12.idxmax():%B %Y}) and stand at {imp12.iloc[-1]:.0f} bn by "
                      f"{imp12.index[-1]:%B %Y}; exports stay far smaller, so the balance "
                      "mirrors imports.")
both = ann_x.loc[ann_x["complete"]].index.intersection(ann_m.loc[ann_m["complete"]].index)
ratio = (ann_x.loc[both, "value"] / ann_m.loc[both, "value"])
brief.claim(f"In every complete year from {both.min()} to {both.max()} US exports to China were "
            f"at most {100 * ratio.max():.0f}% of imports from China (highest in "
            f"{ratio.idxmax()}), so the deficit follows imports.",
            holds=(ratio < 1).all(), basis="annual export/import ratio, complete years",
            datasets=["us_china_goods_trade"])
from helpers import periods

table = pd.DataFrame({"imports_usd_bn": ann_m["value"] / 1000,
                      "exports_usd_bn": ann_x["value"] / 1000,
                      "balance_usd_bn": ann_b["value"] / 1000}).loc[2015:]
# A year the columns cover in part says which months each holds: '2025 (imports Jan-Dec; ...)'.
year_labels = periods.row_labels(pd.DataFrame({"imports": imports, "exports": exports, "balance": bal}))
report.show_table(table.set_axis(year_labels.loc[table.index]).rename_axis("year"),
                  "US goods trade with China by year", index=True)

# %% [markdown]
# ## China's share of US goods imports
#
# The share divides imports from China (a current vintage) by total US goods imports; the
# Census series of total US goods imports is a December 2023 vintage that ends in October 2023, so the
# share stops there and mixes two vintages. It is history, not the current state.

# %% tags=["remove-input"]
fig, ax = charts.lines((100 * share).to_frame("China's share"),
                       "China's share of US goods imports, 12 months to date", "%")
report.show_chart(fig, [goods], ax=ax, events=us_actions, max_labels=6,
                  note="IMPTOTUS is a December 2023 vintage, IMPCH a 2025 vintage: the share "
                       "mixes vintages and ends 2023-10.",
                  alt=f"China's share of US goods imports peaks at {100 * share_info['peak']:.1f}% "
                      f"in the 12 months to {share_info['peak_date']:%B %Y} and falls to "
                      f"{100 * share_info['latest']:.1f}% by {share_info['latest_date']:%B %Y}.")
brief.claim(f"The share peaked at {100 * share_info['peak']:.1f}% in the 12 months to "
            f"{share_info['peak_date']:%B %Y} and was {100 * -share_info['change']:.1f} points "
            f"lower by {share_info['latest_date']:%B %Y}, where the series ends.",
            holds=share_info["peak_date"] < share_info["latest_date"]
            and share_info["latest"] < share_info["peak"],
            basis="maximum and last value of the 12-month share", datasets=["us_china_goods_trade"])

# %% [markdown]
# ## 2. Did the 2018 tariffs and the 2025 escalation break the trend?
#
# **Method.** Log imports (and log exports) are regressed on a linear trend, month-of-year
# effects and, at each break, a level shift and a change of slope (per
# month). Standard errors are Newey–West (HAC), with the lag count from the rule
# floor(4 (n/100)^(2/9)). A level coefficient of −0.1 is roughly a 10% drop.
#
# **Fit window.** The 2008–09 trade collapse and its rebound would tilt a trend fitted through
# them, so by default the fit starts in the first month when the 12-month sums of both imports
# and exports are back at their 2008 peak. The robustness table shows what other starts,
# lag counts and trend forms give.

# %% [markdown] tags=["method"]
# ### Method: the trend-break model
#
# For log imports $\ln M_t$ (and likewise log exports), with $t$ the months since the fit
# starts, $D_{m,t}$ month-of-year dummies and, for each break $k$ (2018-07 and 2025-04),
# $\mathrm{post}_{k,t} = 1$ from the break on and $\mathrm{trend}_{k,t}$ the months since it
# (0 before):
#
# $$\ln M_t = \alpha + \gamma\,t + \sum_{m=2}^{12}\delta_m D_{m,t} + \sum_{k=1}^{2}\left(\lambda_k\,\mathrm{post}_{k,t} + \theta_k\,\mathrm{trend}_{k,t}\right) + \varepsilon_t$$
#
# $\lambda_1$ is the level shift at the 2018 break (log points) and $\theta_1$ the change of
# the monthly growth rate. OLS with Newey–West (HAC) standard errors.

# %% tags=["method"]
# helpers.models.trend_break builds the columns and fits, with statsmodels,
#   smf.ols(formula, data).fit(cov_type="HAC", cov_kwds={"maxlags": models.hac_lags(n)})
method_table, method_fit = models.trend_break(log_m, [break_2018, break_2025])
print(method_fit.model.formula)
print(models.hac_method(method_fit))
method_table.drop(columns=["sample_start", "sample_end", "method"]).round(4)

# %% tags=["remove-input"]
term_words = {"trend": "trend per month",
              "post_1": f"level shift at {break_2018[:7]}",
              "trend_1": f"trend change per month from {break_2018[:7]}",
              "post_2": f"level shift at {break_2025[:7]}",
              "trend_2": f"trend change per month from {break_2025[:7]}"}
terms = breaks[["series", "term", "coef", "std_err", "ci_low", "ci_high", "p_value", "n"]].assign(
    term=breaks["term"].replace(term_words)).rename(columns={
        "coef": "estimate (log points)", "std_err": "HAC std. error"})
report.show_table(terms, f"Trend-break terms, fit {fit_start:%Y-%m} to {window_end[:7]}, HAC errors",
                  decimals=4)
sentence, _ = models.estimate_report(imp18, f"the level shift in log imports at {break_2018[:7]}",
                                     "log points")
display(Markdown(report.markdown_text(sentence)))
imp_roll = trade.rolling_12m(imports)
peak_2008 = imp_roll.loc["2008-01-01":"2008-12-01"]
trough = imp_roll.loc[peak_2008.idxmax():rule_start]
brief.claim(f"The fit-window rule: 12-month imports from China fell from USD "
            f"{peak_2008.max() / 1000:.0f} bn ({peak_2008.idxmax():%B %Y}) to USD "
            f"{trough.min() / 1000:.0f} bn ({trough.idxmin():%B %Y}), and both 12-month sums "
            f"were back at their 2008 peak by {rule_start:%B %Y}, where the default fit starts.",
            holds=trough.min() < peak_2008.max() <= imp_roll.loc[rule_start],
            basis="12-month rolling sums of imports and exports; trade.back_at_peak",
            datasets=["us_china_goods_trade"])
report.show_table(robust, "Robustness of the 2018 level shift in log imports (log points)",
                  decimals=3)
brief.claim(models.range_sentence(robust, "log points"), holds=len(robust) >= 4,
            basis="computed from a robustness table of at least four specifications",
            datasets=["us_china_goods_trade"])
short = log_m.loc[:models.PRE_2020]
if len(short) and short.index.max() < log_m.index.max():
    short_terms = models.trend_break(short, [break_2018])[0].set_index("term")
    after_break = int((short.index >= pd.Timestamp(break_2018)).sum())
    lvl, slope = short_terms.loc["post_1"], short_terms.loc["trend_1"]
    brief.claim(
        f"Ending the sample in {models.PRE_2020:%Y-%m} leaves {after_break} months after the "
        f"{break_2018[:7]} break. On that sample the fall shows as a change of slope, "
        f"{slope['coef']:+.3f} log points a month (95% CI {slope['ci_low']:.3f} to "
        f"{slope['ci_high']:.3f}), and the level term is {lvl['coef']:+.2f} (95% CI "
        f"{lvl['ci_low']:.2f} to {lvl['ci_high']:.2f}): with so few months after a break, a "
        "level shift and a slope change are hard to tell apart, so the level shift is read on "
        "the full sample and the pre-2020 row is a caution, not a contradiction.",
        holds=after_break < 24 and slope["ci_high"] < 0,
        basis="trend-break fit on the sample ending 2019-12, one break",
        datasets=["us_china_goods_trade"])
rejects = {k: v["p_value"] < 0.05 for k, v in wald.items()}
report.show_table(pd.DataFrame([{"series": k, "break": v["break"], "Wald F (HAC)": v["F"],
                                "df": f"{v['df'][0]}, {v['df'][1]}", "p_value": v["p_value"],
                                "n": v["n"]} for k, v in wald.items()]),
                  "HAC-robust Wald test of no change at the 2018 break",
                  decimals={"Wald F (HAC)": 1, "p_value": 4})
brief.claim(
    "A HAC-robust Wald test of 'no change in level or slope' at " + break_2018[:7] + " "
    + " and ".join(f"{'rejects' if rejects[k] else 'does not reject'} it for {k} "
                   f"(p = {wald[k]['p_value']:.3g})" for k in wald) + ".",
    holds=all(v["n"] >= 60 for v in wald.values()),
    basis="Wald test with Newey-West covariance, sample to 2024-12, at least 60 months",
    datasets=["us_china_goods_trade"])
lands = {k: v["break"] for k, v in supw.items()}
near_2018 = {k: abs((d - pd.Timestamp(break_2018)).days) <= 366 for k, d in lands.items()}
brief.claim(
    "Searching every candidate month between "
    f"{supw['imports']['searched'][0]:%Y-%m} and {supw['imports']['searched'][1]:%Y-%m} for the "
    "largest robust Wald statistic puts the break at "
    + " and ".join(f"{d:%B %Y} for {k}" for k, d in lands.items()) + ". "
    + ("That is within a year of the 2018 tariffs for "
       + " and ".join(k for k, v in near_2018.items() if v) + ". " if any(near_2018.values())
       else "Neither is near the 2018 tariffs. ")
    + "A single-break search compares one break against none; with the 2008-09 rebound, the "
    "2018 tariffs and the 2020 pandemic swings all in the sample, the largest statistic can land "
    "wherever one linear trend fits worst, so the date describes the data and does not date "
    "the tariffs' effect. A searched-for date has no standard p-value.",
    holds=all(supw[k]["searched"][0] <= d <= supw[k]["searched"][1] for k, d in lands.items()),
    basis="sup of HAC Wald statistics, 15% trimming, sample to 2024-12",
    datasets=["us_china_goods_trade"])

# %% [markdown]
# ### The counterfactual gap
#
# Fit the trend and seasonality on the months before the 2018 break only, project them
# forward, and compare. The projection assumes the pre-2018 trend would have continued —
# a benchmark, not a forecast — and the gap also absorbs everything else that happened
# after 2018 (the pandemic, the shift of sourcing to Vietnam and Mexico). Because the trend
# depends on where the fit starts, the gap is shown for several starts.

# %% tags=["remove-input"]
frame = pd.DataFrame({"actual imports": trade.rolling_12m(gap_m["actual"]) / 1000,
                      "pre-2018 trend": trade.rolling_12m(gap_m["counterfactual"]) / 1000})
fig, ax = charts.lines(frame, "US imports from China against the pre-2018 trend (12-month sums)",
                       "USD bn", styles={"pre-2018 trend": {"ls": "--"}})
gap_now = gap_year.loc[latest_full, "imports_gap_usd_bn"]
report.show_chart(fig, [goods], ax=ax, events=us_actions, max_labels=6,
                  note=f"Counterfactual: OLS trend + month effects fitted on {fit_start:%Y-%m} "
                       f"to the month before {break_2018[:7]}.",
                  alt=f"Actual 12-month imports from China against the projected pre-2018 "
                      f"trend; in {latest_full} actual minus trend is {gap_now:.0f} bn USD.")
gap_labels = periods.row_labels(pd.DataFrame({"imports gap": gap_m["gap"], "exports gap": gap_x["gap"]}))
report.show_table(gap_year.drop(columns="period").set_axis(gap_labels.loc[gap_year.index]).rename_axis("year"),
                  f"Actual minus pre-2018 trend, by year (fit from {fit_start:%Y-%m})", index=True)
report.show_table(gap_range.rename_axis("fit start").to_frame(), f"The {latest_full} gap for each fit start", index=True,
                  decimals=0)
brief.claim(f"In {latest_full} imports from China were below the projected pre-2018 trend for "
            f"every fit start tried: by USD {-gap_range.max():.0f} bn to "
            f"{-gap_range.min():.0f} bn, depending on where the fit begins.",
            holds=(gap_range < 0).all(), basis="annual gap for each fit start",
            datasets=["us_china_goods_trade"])

# %% [markdown]
# ## 3. The yuan and the balance: co-movement, not cause

# %% tags=["remove-input"]
cny = trade.monthly_cny_per_usd(fx)
bal12 = rolled["balance"]
levels = models.correlation(cny, bal12)
changes = models.correlation(cny.diff(12), bal12.diff(12))
gaps = cny.loc["2001":][cny.loc["2001":].isna()].index
gap_words = ("no month missing since 2001" if gaps.empty else
             f"{len(gaps)} months missing since 2001, {gaps[0]:%Y-%m} to {gaps[-1]:%Y-%m}")
exchus_end = fx.loc[fx["series_id"] == "EXCHUS", "date"].max()
display(Markdown(
    f"Over the {levels['n']} months where both exist ({levels['start']:%Y-%m} to "
    f"{levels['end']:%Y-%m}; {gap_words}), the correlation "
    f"between CNY per USD and the 12-month balance is {levels['r']:.2f} in levels and "
    f"{changes['r']:.2f} in 12-month changes (n = {changes['n']}). Both series trend, so the "
    "level correlation says little; neither number identifies a cause."))
fig, ax = charts.lines(pd.DataFrame({"CNY per USD": cny.loc["2001":window_end]}),
                       "Chinese yuan per US dollar (monthly average)", "CNY per USD")
report.show_chart(fig, [fx], ax=ax, events=us_actions, max_labels=6,
                  note=f"Federal Reserve monthly averages to {exchus_end:%Y-%m}; after that, "
                       "the kit's means of the daily rates of each whole month.",
                  alt=f"The yuan moves from {cny.loc['2001':].dropna().iloc[0]:.2f} per dollar in "
                      f"2001 to {cny.dropna().iloc[-1]:.2f} in {cny.dropna().index[-1]:%B %Y}, "
                      f"with {gap_words}.")

# %% [markdown]
# ## 4. Decoupling in a global frame
#
# The WTO's Director-General warned on 9 April 2025 that "a division of the global economy
# into two blocs could lead to a long-term reduction in global real GDP by nearly 7%"
# (statement on escalating trade tensions, 9 April 2025; reprinted e.g. by WAM,
# urdupoint.com/en/middle-east/uschina-trade-clash-could-severely-damag-1960296.html,
# 2025-04-10). That is a model estimate for a full split into blocs, not something the
# kit's data can test.

# %% tags=["remove-input"]
brief.claim(f"The bilateral numbers show the trade side of that split: China's share of US goods "
            f"imports was {100 * -share_info['change']:.1f} percentage points below its peak "
            f"when the share series ends, and imports ran USD {-gap_range.max():.0f}-"
            f"{-gap_range.min():.0f} bn below their pre-2018 trend in {latest_full}. They cannot "
            "show output losses: trade diverted to other suppliers is not lost production, and "
            "the kit has no global model.",
            holds=share_info["change"] < 0 and (gap_range < 0).all(),
            basis="share change from peak; gap range over fit starts",
            datasets=["us_china_goods_trade"])

# %% [markdown]
# ### Beside published estimates

# %% tags=["remove-input"]
on_trade = published[published["basis"].str.contains("trade value|export value", case=False)]
ag_only = not on_trade["commodity"].str.contains("goods|merchandise|manufactur", case=False).any()
brief.claim(f"The kit's list of published estimates ({len(published)} figures from "
            f"{published['study'].nunique()} studies) holds none on the same quantity as this "
            "brief's gap, total US goods imports from China against their pre-2018 trend: its "
            "trade-value estimates are all for US farm and food exports (the soybean brief sets "
            "them beside the kit's numbers). The nearest published figure is a model projection "
            f"of world GDP under a split into two blocs ({refs.cite('wto2025')}), a different "
            "quantity that the kit's data cannot test.",
            holds=ag_only and len(on_trade) > 0,
            basis="basis and commodity columns of the trade_war_damage_estimates table",
            datasets=["trade_war_damage_estimates"])

# %% [markdown] tags=["exercise"]
# ## Exercises
#
# Each exercise asks for a number, and some also for a reading (a choice among stated readings). Compute each in the cell below the question, then run `teach.check_answer(...)`: it says whether your answer matches the reference computed from the same data, without showing the reference. Exercises run from easy to hard.
#
# ### Exercise 1 (easy): Both sides of the balance, from the monthly table
#
# Start from the loaded monthly table `goods` (`load("us_china_goods_trade")`: columns `date`,
# `exports_usd_mn` and `imports_usd_mn`, USD mn, Census basis), not from the notebook's annual
# sums. Sum each flow by calendar year,
# check that 2017 and 2024 have all twelve months, and compute the percent change of each flow
# from 2017 to 2024.
#
# **Compute:** 100 × (exports 2024 / exports 2017 − 1), US goods exports to China. **Unit:** %.
#
# **Then choose** (second cell, `answer = "a"`, `"b"`, `"c"` or `"d"`), comparing with imports
# over the same years: (a) both flows fell, imports by more in percent; (b) both flows fell,
# exports by more in percent; (c) imports fell while exports rose; (d) imports rose. What does
# your reading say about the bilateral balance, and what can it not say about the overall US
# balance?

# %% tags=["solution"]
from helpers import teach

### BEGIN SOLUTION
flows = goods.set_index("date").loc["2017-01-01":"2024-12-01", ["exports_usd_mn", "imports_usd_mn"]]
assert (flows.groupby(flows.index.year).count().loc[[2017, 2024]] == 12).all().all()
sums = flows.groupby(flows.index.year).sum()
flow_change = 100 * (sums.loc[2024] / sums.loc[2017] - 1)
answer = flow_change["exports_usd_mn"]
print(flow_change.round(1))
### END SOLUTION
teach.check_answer("02_exports_change_pct", answer)

# %% tags=["solution"]
### BEGIN SOLUTION
# Model answer: compare the two changes on the same complete years. US tariffs covered most
# imports from China; China's retaliation was partly offset by exclusions and Phase One
# purchases, so the flows need not move together. A narrower bilateral deficit says nothing
# about the overall US balance when imports are diverted to other suppliers.
exp_change, imp_change = flow_change["exports_usd_mn"], flow_change["imports_usd_mn"]
answer = ("d" if imp_change >= 0 else "c" if exp_change >= 0
          else "a" if imp_change < exp_change else "b")
### END SOLUTION
teach.check_answer("02_flows_reading", answer)

# %% [markdown] tags=["exercise"]
# ### Exercise 2 (medium): Move the break date
#
# List 4A of the Section 301 tariffs took effect on 1 September 2019. Move the first break
# from 2018-07 to 2019-09 (keep the 2025-04 break, the fit from the rule's start `rule_start`
# and the data to 2025-12). What is the level shift in log imports now, and is it larger or
# smaller than at 2018-07?
#
# **Compute:** the `post_1` coefficient (`models.break_term`). **Unit:** log points.

# %% tags=["solution"]
### BEGIN SOLUTION
row = models.break_term(np.log(g["imports_usd_mn"]), ["2019-09-01", break_2025], "post_1",
                        rule_start)
answer = row["coef"]
print(f"2019-09: {answer:.3f}; 2018-07 (above): {imp18['coef']:.3f} log points")
### END SOLUTION
teach.check_answer("02_break_2019", answer)

# %% [markdown] tags=["exercise"]
# ### Exercise 3 (medium): Move the fit window
#
# The counterfactual gap depends on where the pre-2018 trend fit starts. Fit it from 2011-01
# instead (break at 2018-07, data to 2025-12): how far were 2024 imports from the projected
# trend? Is it inside the range the notebook reports over its fit starts?
#
# **Compute:** the 2024 sum of the monthly gap (actual minus counterfactual,
# `models.counterfactual_gap`). **Unit:** USD bn.

# %% tags=["solution"]
### BEGIN SOLUTION
gap_2011 = models.counterfactual_gap(np.log(g["imports_usd_mn"].loc["2011-01-01":]), break_2018)
answer = trade.annual(gap_2011["gap"]).loc[2024, "value"] / 1000
print(f"from 2011-01: {answer:.0f}; notebook's range {gap_range.min():.0f} to {gap_range.max():.0f} USD bn")
### END SOLUTION
teach.check_answer("02_gap_2024_from_2011", answer)

# %% [markdown] tags=["exercise"]
# ### Exercise 4 (hard): Exports before the pandemic
#
# Does the 2018 drop in US exports to China survive without the pandemic and Phase One
# years? Start from the loaded table `g` and fit the trend-break model to log exports with one
# break (2018-07) on the sample from `rule_start` to 2019-12; express the level shift as a
# percentage change, 100 × (exp(λ) − 1).
#
# **Compute:** the converted `post_1` coefficient. **Unit:** %.
#
# **Then choose** (second cell, `answer = "yes"` or `"no"`): does the 95% confidence interval of
# the level shift include zero? What do n and the interval say about how much this sample can
# tell?

# %% tags=["solution"]
### BEGIN SOLUTION
row = models.break_term(np.log(g["exports_usd_mn"].loc[:"2019-12-01"]), [break_2018],
                        "post_1", rule_start)
answer = 100 * np.expm1(row["coef"])
print(models.estimate_report(row, "the 2018 level shift in log exports", "log points")[0])
### END SOLUTION
teach.check_answer("02_exports_jump_pct", answer)

# %% tags=["solution"]
### BEGIN SOLUTION
# Model answer: read the interval, not the point estimate. If it includes zero, this short
# sample cannot tell the shift from no shift; a longer sample adds the pandemic and Phase One
# years, which a one-break model would attribute to the tariffs.
answer = "yes" if row["ci_low"] <= 0 <= row["ci_high"] else "no"
### END SOLUTION
teach.check_answer("02_exports_ci_reading", answer)

# %% [markdown]
# ## What this does and doesn't show
#
# - It shows the size and timing of the fall in bilateral goods trade. Whether the 2018
#   step is "statistically clear" depends on the test and the fit window; the robustness
#   table above gives the range.
# - It does not separate tariffs from the pandemic, the exchange rate or trade rerouted
#   through third countries; the counterfactual is a trend projection.
# - The 2025 break rests on a few months of data; its coefficients will move as months arrive.
# - Values are US statistics (Census): imports at customs value, exports at F.A.S. value.

# %% [markdown]
# ## Appendix: references

# %% tags=["remove-input"]
display(Markdown(refs.markdown()))
