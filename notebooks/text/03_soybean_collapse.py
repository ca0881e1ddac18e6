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
# # The soybean collapse: China's purchases of US soybeans under each tariff step
#
# This brief follows China's imports of soybeans by origin through every tariff step — from China's customs values by month
# and quantities by year — to September 2025, the first month without a US cargo since
# November 2018.
# All values here are **China's import records** (customs arrivals, CIF values in US
# dollars), not US export receipts: they include freight and insurance and count a cargo
# when it arrives in China, weeks after it leaves a US port. Where the story needs the shipping side,
# the US's own export records (exporter-reported, UN Comtrade from US Census data: FOB values
# by month of shipment) stand beside them, named as such.

# %% [markdown] tags=["learning-goals"]
# **Learning goals.** After this notebook you can:
#
# - compute import shares by value and by quantity, and say why they differ (*CIF vs FAS values*, arrival months);
# - aggregate monthly trade into *marketing years* and keep partial years apart;
# - treat a month without a customs row as missing, not zero, and recognise a stated zero;
# - estimate and interpret a tariff-share regression with *HAC errors*, including a lagged dependent variable and its long-run effect;
# - build a counterfactual and state what it attributes to the tariffs.
#
# Terms in *italics* are defined in the [glossary](../docs/glossary.md).

# %% tags=["parameters"]
# Parameters (papermill convention)
start = "2017-01-01"                          # first month of the monthly views
end = "2025-10-01"                            # last month of the monthly views
origins = "United States,Brazil,Argentina"    # partners shown (comma-separated)
tariff_basis = "waiver"                       # China's soybean tariff path: waiver or statutory

# %% tags=["remove-cell"]
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from IPython.display import Markdown, display

from helpers import charts, comparisons, frames, models, references, report, soy, tariffs, trade
from helpers.data import load, soybean_imports

charts.use_house_style()
partners = [p.strip() for p in origins.split(",")]
events = tariffs.with_short_labels(load("tariff_events"))
long = load("china_soybean_imports")
prices = load("commodity_prices")
all_values = soybean_imports("value_usd", "month", tuple(partners) + ("World",))
qty_year = soybean_imports("quantity_kg", "year")
share_year = soybean_imports("share_of_china_total", "year")
qty_month = soybean_imports("quantity_kg", "month")
share_month_q = soybean_imports("share_of_china_total", "month")
first_value_month = all_values.index.min()
# The counterfactual's pre-war year: the calendar year before the first tariff action.
base_year = int(events["date"].min().year) - 1
base_months = all_values.loc[str(base_year), ["United States", "World"]].dropna() if str(
    base_year) in all_values.index.year.astype(str) else all_values.iloc[:0]
if len(base_months) < 12:
    raise ValueError(f"the counterfactual's pre-war year {base_year} needs all 12 months of "
                     f"China's import values; the monthly values begin {first_value_month:%Y-%m}")
# Stated zeros: months a cited source reports no US soybeans arrived (press reports of China's
# customs data, and TDM's quantities), written into the value table where customs has no cell.
# Other months without a cell stay missing.
exporter = load("soybean_exports_by_exporter")
published = load("trade_war_damage_estimates")
refs = references.Cited()
zero_statements = load("stated_zero_trade")
values = frames.soybean_import_values(tuple(partners) + ("World",))
value = values.loc[start:end]
value_share = soy.shares(value)
value_share["Rest of world"] = soy.rest_of_world(long, partners).reindex(value.index) / value["World"]
soy_events = tariffs.filter_events(events, product="soybeans", status="took effect",
                                   start=start, end=end)

# %% tags=["remove-input"]
us_q = soy.kg_to_million_tonnes(qty_year["United States"])
sep25 = pd.Timestamp("2025-09-01")
sep24 = pd.Timestamp("2024-09-01")
frozen = soy.value_at_prewar_share(values["United States"], values["World"], (base_year,))
annual_share = share_year.set_axis(share_year.index.year)
trend_cf = soy.value_at_rival_trend_share(values["United States"], values["World"], base_year,
                                          float(annual_share.loc[base_year, "United States"]),
                                          annual_share["Brazil"], fit_from=2005)
short_frozen, short_trend = trade.annual(frozen["shortfall"]), trade.annual(trend_cf["shortfall"])
full_years = short_frozen[short_frozen["complete"] & (short_frozen.index > base_year)].index
lost_frozen = soy.usd_to_billions(short_frozen.loc[full_years, "value"].sum())
lost_trend = soy.usd_to_billions(short_trend.loc[full_years, "value"].sum())
span = f"{full_years.min()}-{full_years.max()}"
brief = report.Brief(title="The soybean collapse")
brief.set_takeaway(
    f"China imported no US soybeans in September 2025 (a stated zero), against "
    f"{soy.kg_to_million_tonnes(qty_month.loc[sep24, 'United States']):.2f} Mt a year earlier, "
    f"while Brazil supplied {100 * share_month_q.loc[sep25, 'Brazil']:.1f}% of the month; in "
    f"{span} China's imports from the US, at CIF value, were "
    f"{report.shortfall_words(lost_frozen)} a benchmark that freezes the US {base_year} share, "
    f"and {report.shortfall_words(lost_trend)} one that lets Brazil's pre-war rise continue.",
    holds=qty_month.loc[sep25, "United States"] == 0 and lost_trend < lost_frozen,
    basis="TDM's stated zero for 2025-09; the two counterfactual shortfalls ordered",
    datasets=["china_soybean_imports"])
brief.add("US soybeans to China, 2017", us_q.loc["2017-01-01"], "Mt", "2017", ["china_soybean_imports"],
          note="China Customs via TDM, kg net weight (inferred)", decimals=2, key="us_soy_2017_mt")
brief.add("US soybeans to China, 2018", us_q.loc["2018-01-01"], "Mt", "2018", ["china_soybean_imports"],
          note=f"{100 * (us_q.loc['2018-01-01'] / us_q.loc['2017-01-01'] - 1):+.0f}% on 2017",
          decimals=2, key="us_soy_2018_mt")
brief.add("US share of China's soybean imports, 2017", 100 * share_year.loc["2017-01-01", "United States"],
          "%", "2017", ["china_soybean_imports"], note="by quantity, published rounded", decimals=0, key="us_share_2017")
brief.add("US share of China's soybean imports, 2024", 100 * share_year.loc["2024-01-01", "United States"],
          "%", "2024", ["china_soybean_imports"], note="by quantity, published rounded", decimals=0, key="us_share_2024")
brief.add("US soybeans to China, September 2025", qty_month.loc[sep25, "United States"], "kg",
          "2025-09", ["china_soybean_imports"], note="stated zero (China Customs via TDM)",
          decimals=0, key="us_soy_sep2025_kg")
brief.add("US soybeans to China, September 2024", soy.kg_to_million_tonnes(
    qty_month.loc[sep24, "United States"]), "Mt", "2024-09", ["china_soybean_imports"], decimals=2, key="us_soy_sep2024_mt")
us_months = qty_month["United States"].dropna()
us_zeros = soy.stated_zeros(zero_statements, qty_month).query("partner == 'United States'")
latest_q = max([us_months.index.max(), *us_zeros["period"]])
stated_only = latest_q not in us_months.index  # a later month a cited source states as zero
brief.add("US soybeans to China, latest month", 0.0 if stated_only else soy.kg_to_million_tonnes(
    us_months[latest_q]), "Mt", f"{latest_q:%Y-%m}", ["china_soybean_imports"],
          note="stated zero (press reports of China's customs data)" if stated_only else
          "China Customs via TDM, arrivals", decimals=2, key="us_soy_latest_month")
brief.add("Brazil's share of China's imports, September 2025",
          100 * share_month_q.loc[sep25, "Brazil"], "%", "2025-09", ["china_soybean_imports"],
          note="by quantity", key="brazil_share_sep2025")
brief.add(f"China's imports from the US below the {base_year}-share benchmark, {span}",
          lost_frozen, "USD bn (CIF)", span, ["china_soybean_imports"],
          note=f"US share frozen at its {base_year} monthly pattern", key="benchmark_gap_frozen")
brief.add(f"Same, with Brazil's pre-{base_year + 1} share trend continuing, {span}", lost_trend,
          "USD bn (CIF)", span, ["china_soybean_imports"], note="the lower end of the range", key="benchmark_gap_brazil_trend")
brief.show_as_of([long, zero_statements, events, prices])
brief.show()
if pd.Timestamp(start) < first_value_month:
    display(Markdown(f"The monthly customs values begin in {first_value_month:%B %Y}; the "
                     f"monthly views start there, not at {pd.Timestamp(start):%B %Y}."))

# %% [markdown]
# ## 1. Who supplies China, year by year
#
# Quantities come from China Customs via Trade Data Monitor, in kilograms (the unit is
# inferred: the files do not state it) and are shown here in million tonnes.

# %% tags=["remove-input"]
annual = pd.DataFrame({p: soy.kg_to_million_tonnes(qty_year[p]) for p in qty_year.columns})
annual.index = annual.index.year
fig, ax = charts.lines(annual.set_axis(pd.to_datetime(annual.index.astype(str)), axis=0),
                       "China's soybean imports from the US and Brazil", "million tonnes")
report.show_chart(fig, [long], ax=ax, events=soy_events, max_labels=3,
                  alt=f"Annual quantities 2005-2024: Brazil rises to {annual['Brazil'].max():.0f} "
                      f"Mt; the US peaks at {annual['United States'].max():.1f} Mt in "
                      f"{annual['United States'].idxmax()} and drops to "
                      f"{annual.loc[2018, 'United States']:.1f} Mt in 2018.")
shares_a = (100 * share_year).set_axis(share_year.index.year)
ahead = shares_a.index[shares_a["Brazil"] > shares_a["United States"]]
since = ahead[-1]
while since - 1 in ahead:
    since -= 1
shipped_t = trade.annual(soy.exporter_monthly(exporter, "United States", "China",
                                               "net_weight_kg"))
shipped_2018 = shipped_t.loc[2018]
brief.claim(f"China's arrivals from the US (China's customs, via TDM) fell from "
            f"{annual.loc[2017, 'United States']:.1f} Mt in 2017 to "
            f"{annual.loc[2018, 'United States']:.1f} Mt in 2018, and Brazil's share of China's "
            f"imports has exceeded the US share in every year since {since}. The US's own export "
            f"records show a deeper fall: "
            f"{soy.kg_to_million_tonnes(shipped_2018['value']):.1f} Mt shipped to China in 2018 "
            f"(UN Comtrade from US Census data; {shipped_2018['label']} with a row), because "
            "beans shipped before the July 2018 tariff were still arriving in China for months.",
            holds=annual.loc[2018, "United States"] < annual.loc[2017, "United States"]
            and since <= 2017
            and soy.kg_to_million_tonnes(shipped_2018["value"]) < annual.loc[2018, "United States"],
            basis="annual TDM quantities and published shares; Comtrade US net weights to China, "
                  "2018", datasets=["china_soybean_imports", "soybean_exports_by_exporter"])
shares_a["Rest of world"] = 100 - shares_a.sum(axis=1)
report.show_table(shares_a.rename(columns=lambda c: f"{c} share, %"), "Shares of China's soybean "
                  "imports by quantity, as published", index=True, decimals=0)
display(Markdown("Shares as published (annual shares rounded to whole percent); the rest of the "
                 "world is 100 minus the US and Brazil, so it carries their rounding."))

# %% [markdown]
# ### Month by month, by value
#
# Monthly values come from the complete China Customs query (every partner, so the world total is
# China's total). A month without a customs row for a partner is a gap, never a zero,
# unless a cited source states zero: press reports of China's customs data (Reuters) say no
# US soybeans arrived in November 2018 and in September, October and November 2025, and
# TDM's quantities show zero US tonnes for September 2025. Those months are observed zeros
# (the diamonds on the chart); the data tour lists them with their sources.

# %% tags=["remove-input"]
fig, ax = charts.lines(100 * value_share[partners + ["Rest of world"]],
                       "Share of China's soybean imports by value", "% of China's import value")
zeros = charts.mark_stated_zeros(ax, value_share["United States"])
shares_pct = 100 * value_share[partners + ["Rest of world"]]
zoom = charts.add_zoom(fig, shares_pct, "2024-09-01", "Sep 2024 on, in detail")
charts.mark_stated_zeros(zoom, shares_pct.loc["2024-09-01":, "United States"])
gaps = value_share.index[value_share["United States"].isna()]
gap_note = ("US months with no customs row (gaps): " + ", ".join(f"{d:%Y-%m}" for d in gaps)
            + ". " if len(gaps) else "")
report.show_chart(fig, [long, zero_statements, events], ax=ax, events=soy_events, max_labels=8,
                  note=gap_note + "Diamond: a stated zero.",
                  events_note="Marked: steps of China's soybean tariff that took effect.",
                  alt="Monthly shares of China's soybean import value by origin: the US share "
                      "swings with the season, falls after July 2018, recovers in 2020-2021 and "
                      f"is an observed zero in {', '.join(f'{d:%B %Y}' for d in zeros)}.")
recent = pd.DataFrame({
    "US quantity, t": qty_month["United States"] / soy.KG_PER_TONNE,
    "Brazil quantity, t": qty_month["Brazil"] / soy.KG_PER_TONNE,
    "Brazil share of quantity, %": 100 * share_month_q["Brazil"],
    "US value, USD m": values["United States"].reindex(qty_month.index) / 1e6,
})
us_all = values["United States"]
zero_us = us_all.index[us_all.eq(0)]
between = us_all.loc[zero_us[0] + pd.DateOffset(months=1):sep25 - pd.DateOffset(months=1)]
brief.claim(f"September 2025 was not the first month without a US cargo in China's customs data: "
            f"{zero_us[0]:%B %Y} was. It was the first since then: China recorded US soybean "
            f"arrivals in every month from {between.index[0]:%B %Y} to {between.index[-1]:%B %Y}.",
            holds=zero_us[0] < sep25 and sep25 in zero_us and len(between) > 0
            and bool((between > 0).all()),
            basis="monthly US values with stated zeros: first zero, and no zero or gap between",
            datasets=["china_soybean_imports", "stated_zero_trade"])
report.show_table(recent.rename_axis("month"), "The 2024/25 season and September 2025, month by "
                  "month (quantities: TDM; values: China Customs, CIF)", index=True, decimals=1)
heat = (100 * value_share["United States"]).to_frame("share")
heat = heat.assign(year=heat.index.year, month=heat.index.strftime("%b")).pivot(
    index="year", columns="month", values="share")[[f"{m:%b}" for m in pd.date_range(
        "2001-01-01", periods=12, freq="MS")]]
fig, ax = plt.subplots(figsize=(9, 4.2))
sns.heatmap(heat, annot=True, fmt=".0f", cmap="Blues", vmin=0, vmax=100, cbar_kws={
    "label": "US share, % of China's import value"}, linewidths=0.5, ax=ax,
    annot_kws={"fontsize": 7})
ax.set_title("US share of China's soybean import value, by month and year")
ax.set_xlabel("")
ax.set_ylabel("")
report.show_chart(fig, [long, zero_statements], data=heat.add_suffix(" [US share, %]"),
                  note="Blank: no customs row and no stated zero. 0: a stated zero.",
                  alt=f"Heatmap of the US share of China's soybean import value by month "
                      f"({heat.index.min()}-{heat.index.max()}): high from November to March "
                      f"before 2018, lower after, and 0 in the stated-zero months.")

# %% [markdown]
# ## 2. Seasons and marketing years
#
# The US harvest is shipped mostly from September to January, Brazil's from March to
# August. China's customs count a cargo when it arrives, and the voyage from US ports takes
# weeks, so in China's arrival data the US season shows up later than in US shipping data.

# %% tags=["remove-input"]
all_share = soy.shares(values)  # the seasonal profiles use every month, whatever the view window
profile = pd.DataFrame({f"US, {base_year}": soy.month_profile(all_share["United States"],
                                                              str(base_year), str(base_year)),
                        "US, 2021-2024": soy.month_profile(all_share["United States"],
                                                           "2021", "2024"),
                        "Brazil, 2021-2024": soy.month_profile(all_share["Brazil"], "2021",
                                                               "2024")})
fig, ax = plt.subplots()
for i, col in enumerate(profile.columns):
    ax.plot(profile.index, 100 * profile[col], marker="o", color=list(charts.PALETTE.values())[i],
            label=col)
    charts.direct_label(ax, 100 * profile[col], col, color=list(charts.PALETTE.values())[i])
ax.set_xticks(range(1, 13), ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                             "Oct", "Nov", "Dec"])
ax.set_title("Share of China's soybean imports by calendar month (value)")
ax.set_ylabel("% of China's import value")
base_profile = 100 * profile.iloc[:, 0]
month_name = {i: pd.Timestamp(2000, i, 1).strftime("%B") for i in range(1, 13)}
report.show_chart(fig, [long], data=(100 * profile).rename_axis("calendar month").add_suffix(
                      " [% of China's import value]"),
                  alt=f"Seasonal profile: in {base_year} the US share of China's import value "
                      f"is highest in {month_name[base_profile.idxmax()]} "
                      f"({base_profile.max():.0f}%) and lowest in "
                      f"{month_name[base_profile.idxmin()]} ({base_profile.min():.0f}%).")
majority = [m for m in base_profile.index if base_profile[m] > 50]
autumn = base_profile.loc[[9, 10]]
brief.claim(f"In {base_year}, China's arrival data show the US supplying more than half of its "
            f"soybean import value in {', '.join(month_name[m] for m in majority)}, but only "
            f"{autumn[9]:.0f}% in September and {autumn[10]:.0f}% in October: US beans shipped "
            "in the autumn arrive in China from November on. A zero in September 2025 is a sign "
            "that old-crop US sales had dried up; the new US crop's absence would show in China's "
            "data from November.",
            holds=all(autumn < 50) and {11, 12, 1}.issubset(majority),
            basis=f"monthly US value share of China's imports, {base_year}",
            datasets=["china_soybean_imports"])
my = soy.by_marketing_year(value)
my_table = (my[partners + ["World"]] / 1e9).round(2).add_suffix(", USD bn")
for p in partners:
    my_table[f"{p} share, %"] = (100 * my[p] / my["World"]).round(1)
from helpers import periods

# 2024/25, or 2025/26 (Sep-Oct) for a marketing year the data cover in part
any_partner = value[partners + ["World"]].sum(axis=1, min_count=1).to_frame()
my_labels = periods.row_labels(any_partner, soy.marketing_year(value.index)).loc[my_table.index]
my_table.index = pd.Index(my_labels.str.removeprefix("my_").str.replace("_", "/"), name="marketing_year")
report.show_table(my_table.assign(months=my["months"].to_numpy(), complete=my["complete"].to_numpy()),
                  "China's imports by marketing year (September-August), CIF", index=True,
                  decimals=2)

# %% [markdown]
# ## 3. How strongly does the US share respond to China's tariff?
#
# **Method.** The monthly US share of China's import value (percent; the stated zero
# included) is regressed on China's tariff on US soybeans (monthly average of the daily
# path, percent), a linear trend and month-of-year effects, with Newey–West errors:
#
# $$\text{share}_t = \alpha + \beta\,\text{tariff}_t + \gamma\,t + \textstyle\sum_m \delta_m\,\text{month}_{m,t} + \varepsilon_t$$
#
# Months without a US customs row drop out. An annual version on published quantity shares
# (2005-2024) has more history but very few tariff years.

# %% tags=["remove-input"]
frame = frames.tariff_share_frame(start, end, tariff_basis)
formula = "us_share ~ tariff + trend + C(month)"
us_row = models.ols_row(formula, frame, "tariff")
br_row = models.ols_row("brazil_share ~ tariff + trend + C(month)", frame, "tariff")
other_basis = "statutory" if tariff_basis == "waiver" else "waiver"
frame_other = frame.assign(tariff=tariffs.to_monthly(
    tariffs.soybean_tariff_path(events, start, end, basis=other_basis)))
last_month = frame["us_share"].last_valid_index()
robust = models.robustness(
    lambda data=frame, **sample: models.ols_row(formula, data, "tariff", **sample),
    {"as above": {}, **models.sample_end_variants({}, last_month),
     "12 HAC lags": {"lags": 12},
     "from 2018-01": {"start": "2018-01-01"},
     "without the 2020-21 Phase One years": {"drop_years": (2020, 2021)},
     f"{other_basis} tariff path": {"data": frame_other}})
sentence, _ = models.estimate_report(us_row, "the US share per percentage point of tariff",
                                     "points")
brief.claim(sentence, holds=us_row["n"] >= 60 and (
    "not distinguishable" in sentence) == models.includes_zero(us_row),
    basis="HAC regression; wording follows the CI", datasets=["china_soybean_imports",
                                                              "tariff_events"])
display(Markdown(report.markdown_text(models.estimate_report(
    br_row, "Brazil's share per percentage point of tariff", "points")[0])))
report.show_table(robust, "Robustness of the monthly tariff-share estimate (points per point)",
                  decimals=3)
fig, ax = plt.subplots()
sns.regplot(data=frame, x="tariff", y="us_share", ax=ax, scatter_kws={
    "s": 14, "alpha": 0.6, "color": charts.colour_for("United States")},
    line_kws={"color": charts.PALETTE["black"], "lw": 1.2})
ax.set_xlabel("China's tariff on US soybeans, % (monthly average)")
ax.set_ylabel("US share of China's import value, %")
ax.set_title("The US share against China's tariff, month by month (simple fit, 95% band)")
report.show_chart(fig, [long, events], data=frame[["tariff", "us_share"]].rename_axis("month").rename(
                      columns={"tariff": "China's tariff on US soybeans [%]",
                               "us_share": "US share of China's import value [%]"}),
                  note="A simple least-squares line with its 95% band, no trend or season: "
                       "the estimate above controls for both.",
                  alt="Scatter of the monthly US share of China's soybean import value against "
                      "China's tariff on US soybeans, with a fitted line sloping down and a wide "
                      "band at high tariffs.")
brief.claim(models.range_sentence(robust, "points per percentage point of tariff"),
            holds=len(robust) >= 4 and robust["specification"].str.startswith(
                "sample ending").any(), basis="robustness table of the monthly regression, "
            "with samples ending before 2025 and before 2020",
            datasets=["china_soybean_imports", "tariff_events"])
by_spec = robust.set_index("specification")
pre_2025 = f"sample ending {models.PRE_2025:%Y-%m}"
if pre_2025 in by_spec.index:
    p25 = by_spec.loc[pre_2025]
    flips = bool(p25["ci_includes_zero"]) != models.includes_zero(us_row)
    y25 = frame.loc[frame.index.year == 2025].dropna(subset=["us_share"])
    spike = y25[y25["tariff"] > 50]
    calm = y25[y25.index > spike.index.max()] if len(spike) else y25.iloc[:0]
    war = frame.loc["2018-07-01":"2019-12-01"]
    war = war[war.index.month.isin(calm.index.month)].dropna(subset=["us_share"])
    lower = len(calm) > 0 and len(war) > 0 and calm["tariff"].max() < war["tariff"].min()
    text = (f"Where the sample ends {'decides the verdict' if flips else 'moves the estimate'}. "
            f"Ending it in {models.PRE_2025:%Y-%m} gives {p25['coef']:.2f} points per point of "
            f"tariff (95% CI {p25['ci_low']:.2f} to {p25['ci_high']:.2f}, n = {int(p25['n'])}), "
            f"a CI that {'includes' if p25['ci_includes_zero'] else 'excludes'} zero; the full "
            f"sample's {us_row['coef']:.2f} {'includes' if models.includes_zero(us_row) else 'excludes'}"
            " zero.")
    if lower:
        lo, hi = calm["tariff"].min(), calm["tariff"].max()
        calm_tariff = f"{lo:.0f}" if round(lo) == round(hi) else f"{lo:.0f}-{hi:.0f}"
        text += (
            f" What moves it is 2025: from {calm.index.min():%B} to {calm.index.max():%B} 2025, "
            f"at a monthly tariff of {calm_tariff}%, the US share of China's import value "
            f"averaged {calm['us_share'].mean():.1f}% (zero in "
            f"{' and '.join(f'{d:%B}' for d in calm.index[calm['us_share'].eq(0)]) or 'no month'}"
            f"), below the {war['us_share'].mean():.1f}% it averaged in the same calendar months "
            f"of 2018-19 at a higher tariff ({war['tariff'].min():.0f}-{war['tariff'].max():.0f}%);"
            f" and in {' and '.join(f'{d:%B}' for d in spike.index)}, at monthly averages of "
            f"{spike['tariff'].min():.0f}-{spike['tariff'].max():.0f}%, cargoes still arriving "
            f"gave the US {spike['us_share'].min():.0f}-{spike['us_share'].max():.0f}%. Less "
            "bought at a lower tariff and more at a far higher one is not the tariff's level at "
            "work: China stopped buying for reasons beyond the tariff, and its arrivals lag "
            "purchases by weeks. A straight line through those months flattens.")
    brief.claim(text, holds=not lower or calm["us_share"].mean() < war["us_share"].mean(),
                basis="robustness table; monthly shares and tariffs in 2025 against the same "
                      "calendar months of 2018-19",
                datasets=["china_soybean_imports", "tariff_events"])
ann = pd.DataFrame({"us_share": 100 * share_year["United States"]})
ann["tariff"] = tariffs.soybean_tariff_path(events, "2005-01-01", "2024-12-31",
                                            basis=tariff_basis).resample("YS").mean()
ann["trend"] = ann.index.year - ann.index.year.min()
ann_row = models.ols_row("us_share ~ tariff + trend", ann, "tariff", lags=2)
tariff_years = ann.index.year[ann["tariff"] > ann["tariff"].min() + 0.5]
ann_robust = models.robustness(
    lambda **sample: models.ols_row("us_share ~ tariff + trend", ann, "tariff", lags=2, **sample),
    {"all years": {}, **models.sample_end_variants({}, ann.index.max()),
     **models.drop_year_variants({}, ann.index.year)})
ann_sentence, _ = models.estimate_report(
    ann_row, "in the annual data, the US share per percentage point of tariff", "points")
brief.claim(f"{ann_sentence} It rests on n = {int(ann_row['n'])} years of which only "
            f"{len(tariff_years)} ({', '.join(map(str, tariff_years))}) had a tariff above MFN, so "
            "a single year's share moves it: read it as fragile.",
            holds=len(tariff_years) < len(ann) / 2, basis="annual regression; tariff years counted",
            datasets=["china_soybean_imports", "tariff_events"])
report.show_table(ann_robust, "Robustness of the annual estimate: each year left out in turn "
                  "(points per point)", decimals=3)
brief.claim(models.range_sentence(ann_robust, "points per percentage point of tariff"),
            holds=len(ann_robust) == len(ann) + 1 + int(ann.index.year.max() > 2019),
            basis="annual regression with each year left out in turn and a sample ending 2019",
            datasets=["china_soybean_imports", "tariff_events"])

# %% [markdown] tags=["method"]
# ### Method in code
#
# The regression written above as one statsmodels formula call. `models.fit_hac` is
# `smf.ols(formula, data).fit(cov_type="HAC", ...)` with the lag count from the rule
# $\lfloor 4 (n/100)^{2/9} \rfloor$; months with a missing share drop out.

# %% tags=["method"]
method_fit = models.fit_hac(formula, frame)   # formula = "us_share ~ tariff + trend + C(month)"
print(method_fit.model.formula, "| n =", int(method_fit.nobs), "|", models.hac_method(method_fit))
method_fit.summary().tables[1]

# %% [markdown]
# **Around each tariff step, same months a year apart.** Before/after means mix seasons
# when the window is short (the US share is high in winter and near zero in summer), so each
# step is compared with the same calendar months a year earlier.

# %% tags=["remove-input"]
steps = soy.tariff_steps(tariffs.soybean_tariff_path(events, start, end, basis=tariff_basis),
                         end=last_month)
steps = steps[steps["month"] - pd.DateOffset(years=1) >= frame["us_share"].first_valid_index()]
if steps.empty:
    display(Markdown("No rise of China's soybean tariff of 10 points or more falls inside this "
                     "sample with a year before it to compare with."))
else:
    windows = pd.DataFrame([comparisons.same_months_change(frame["us_share"], d, 12).to_dict()
                            | {"event": label} for d, label in zip(steps["month"], steps["label"],
                                                                   strict=True)])
    report.show_table(windows[["event", "coef", "ci_low", "ci_high", "p_value", "n",
                               "sample_start", "sample_end"]],
                      "Each step against the same months a year earlier (points)",
                      decimals={"coef": 2, "ci_low": 2, "ci_high": 2, "p_value": 3})
    for label, row in zip(steps["label"], windows.to_dict("records"), strict=True):
        text, _ = models.estimate_report(pd.Series(row), f"after the {label}, the US share "
                                         "against the same months a year earlier", "points",
                                         decimals=1)
        brief.claim(text, holds=row["n"] >= 3, basis="mean year-on-year difference, HAC",
                    datasets=["china_soybean_imports"])
    display(Markdown("Steps: every rise of China's soybean tariff of 10 points or more in the "
                     "event table; a rise within 12 months of a step is part of its window."))
world_year = trade.annual(all_values["World"])
if {2018, 2019} <= set(world_year.index[world_year["complete"]]):
    asf = 100 * (world_year.loc[2019, "value"] / world_year.loc[2018, "value"] - 1)
    brief.claim(
        "The design identifies an association over a handful of tariff steps, not a clean "
        "causal effect: the steps coincide with other shocks. African swine fever cut China's "
        f"hog herd in 2019, and China's soybean import value fell {abs(asf):.0f}% from 2018 to "
        "2019 (China Customs, CIF, all origins); that is value, not tonnage: the kit holds no "
        "total quantity for those years, and lower prices alone lower the value. Phase One "
        "purchases lifted 2020-21, and the 2025 steps arrived with a record Brazilian crop.",
        holds=asf < 0, basis="China's total import value, complete years 2018 and 2019",
        datasets=["china_soybean_imports"])

# %% [markdown]
# ### The same question on the exporters' records: a difference-in-differences
#
# The share regression approximates trade diversion on China's arrival records. A
# difference-in-differences asks it directly on the exporters' own records (UN Comtrade): did
# the share of US soybean exports that went to China, rather than to the rest of the world,
# fall during the 2018-19 retaliation by more than the same share of Brazil's exports did?
# The monthly gap (US share minus Brazil's, points) is regressed on an indicator of the
# months July 2018 to December 2019, with month-of-year effects and Newey–West errors, on
# January 2015 to December 2019 (before the Phase One purchases); an event study gives each
# year's gap against 2017. Months without a Comtrade row (US to China: 2018-09, 2018-11)
# drop out.

# %% tags=["remove-input"]
panel = soy.diversion_panel(exporter)
episode = ("2018-07-01", "2019-12-01")
did = comparisons.did_row(panel["gap"], *episode, end=episode[1])
did_text, _ = models.estimate_report(
    did, "in the difference-in-differences, China's share of US soybean exports minus its share "
         f"of Brazil's during {episode[0][:7]} to {episode[1][:7]}, against the months before",
    "points", decimals=1)
brief.claim(did_text, holds=did["n"] >= 36 and ("not distinguishable" in did_text)
            == models.includes_zero(did), basis="monthly gap in export shares, month effects, HAC",
            datasets=["soybean_exports_by_exporter"])
years = comparisons.event_study(panel["gap"], 2017)
fig, ax = plt.subplots()
ax.errorbar(years["term"], years["coef"], yerr=[years["coef"] - years["ci_low"],
                                                years["ci_high"] - years["coef"]],
            fmt="o", color=charts.colour_for("United States"), capsize=3)
ax.axhline(0, color="#666666", lw=0.8)
ax.set_title("China's share of US minus Brazilian soybean exports, by year, against 2017")
ax.set_ylabel("points (95% CI, HAC)")
low = years.loc[years["coef"].idxmin()]
clear = years[(years["ci_high"] < 0) | (years["ci_low"] > 0)]
report.show_chart(fig, [exporter], data=years[["term", "coef", "ci_low", "ci_high", "n"]].rename(
                      columns={"term": "year", "coef": "estimate [points]",
                               "ci_low": "95% CI low [points]", "ci_high": "95% CI high [points]",
                               "n": "months [n]"}),
                  note="Event study: year effects on the monthly gap with month-of-year effects; "
                       "2017 = 0. UN Comtrade, exporter-reported values.",
                  alt=f"Year coefficients of the export-share gap against 2017: lowest in "
                      f"{int(low['term'])} at {low['coef']:.0f} points.")
brief.claim(f"Year by year against 2017, the gap is lowest in {int(low['term'])} "
            f"({low['coef']:+.0f} points, 95% CI {low['ci_low']:.0f} to {low['ci_high']:.0f}); "
            + (f"the CI excludes zero only in {', '.join(str(int(y)) for y in clear['term'])}."
               if len(clear) else "no year's CI excludes zero.")
            + " The monthly gap swings with two opposite harvest seasons, so single years are "
              "imprecise.",
            holds=low["coef"] == years["coef"].min(), basis="event-study coefficients, HAC",
            datasets=["soybean_exports_by_exporter"])
if steps.empty:
    display(Markdown("No tariff step in this sample to scale the share regression by, so it is "
                     "not set beside the difference-in-differences here."))
else:
    step = steps["rise"].iloc[0]
    side_by_side = pd.DataFrame([
        {"method": "tariff-share regression (section 3)",
         "data": "China's arrival records, CIF: US share of China's imports",
         "estimate, points": step * us_row["coef"], "95% CI low": step * us_row["ci_low"],
         "95% CI high": step * us_row["ci_high"], "n": int(us_row["n"]),
         "sample": f"{us_row['sample_start']:%Y-%m} to {us_row['sample_end']:%Y-%m}",
         "reads as": f"share change for a {step:.0f}-point tariff rise"},
        {"method": "difference-in-differences",
         "data": "US and Brazilian export records, FOB: China's share of each one's exports",
         "estimate, points": did["coef"], "95% CI low": did["ci_low"], "95% CI high": did["ci_high"],
         "n": int(did["n"]),
         "sample": f"{did['sample_start']:%Y-%m} to {did['sample_end']:%Y-%m}",
         "reads as": f"US minus Brazil, {episode[0][:7]} to {episode[1][:7]} against before"}])
    report.show_table(side_by_side, "The share regression beside the difference-in-differences",
                      decimals=1)
    brief.claim(f"Side by side, the share regression scaled to the {step:.0f}-point step of "
                f"{steps['date'].iloc[0]:%B %Y} gives {step * us_row['coef']:+.1f} points of China's "
                f"imports and the difference-in-differences {did['coef']:+.1f} points of US exports; "
                f"{'both CIs include zero' if models.includes_zero(us_row) and models.includes_zero(did) else 'at least one CI excludes zero'}. "
                "They measure different shares on different records (China's arrivals against the "
                "exporters' shipments), so the comparison is of direction and rough size, not of "
                "equal numbers; the difference-in-differences, which nets out whatever moved both "
                "exporters' China shares alike, is the closer test of trade diversion.",
                holds=(step * us_row["coef"] < 0) == (did["coef"] < 0),
                basis="section 3's regression scaled by the first step; the DiD above",
                datasets=["china_soybean_imports", "soybean_exports_by_exporter", "tariff_events"])

# %% [markdown]
# ## 4. What did it cost US exporters?
#
# Two benchmarks, both in **China's CIF import values** (what China recorded paying on
# arrival, freight included — not what US exporters received):
#
# - **frozen share**: the US keeps its base-year share of China's imports in each calendar
#   month, applied to China's actual imports in that month;
# - **Brazil's trend continues**: the same, but each year the US loses the share points
#   Brazil's pre-war straight-line trend (fitted on annual shares 2005 to the base year)
#   would have gained anyway.
#
# Both assume China's total purchases and prices would have been the same without the
# tariffs. The first attributes all of Brazil's rise to the trade war, the second only the
# part beyond its earlier trend; read the two as a range, not as an estimate. What the lost
# sales meant for farm income, and how far aid payments made up for them, is in the
# [farm income brief](06_farm_income.html).

# %% tags=["remove-input"]
table = pd.DataFrame({"frozen share, USD bn": soy.usd_to_billions(short_frozen["value"]),
                      "Brazil trend, USD bn": soy.usd_to_billions(short_trend["value"]),
                      "months": short_frozen["months"], "period": short_frozen["label"]})
report.show_table(table, "Benchmarks by year (USD bn, CIF)", index=True, decimals=2)
partial = short_frozen[~short_frozen["complete"] & (short_frozen.index > base_year)]
missing = frozen.index[frozen["shortfall"].isna() & (frozen.index.year > base_year)]
zero_months = values.index[values["United States"].eq(0) & all_values["United States"].isna()]
brief.claim(f"Over {span} the two benchmarks put China's imports from the US between "
            f"{report.shortfall_words(lost_frozen, 'USD {:.1f} bn')} and "
            f"{report.shortfall_words(lost_trend, 'USD {:.1f} bn')} the pre-war share. Months "
            "with no US customs row count as zero only where a cited source states it ("
            + ", ".join(f"{d:%Y-%m}" for d in zero_months) + "); "
            + (("months still missing (" + ", ".join(f"{d:%Y-%m}" for d in missing)
                + ") leave their year out rather than count it short; ") if len(missing) else "")
            + "the range covers complete years only"
            + (" (" + "; ".join(f"{r['label']} is partial" for _, r in partial.iterrows()) + ")"
               if len(partial) else "") + ".",
            holds=lost_trend < lost_frozen and len(zero_months) >= 1
            and all(partial["months"] < 12),
            basis="annual sums of monthly shortfalls; stated zeros from cited sources; "
                  "completeness counted", datasets=["china_soybean_imports", "stated_zero_trade"])

# %% [markdown]
# ### Beside published estimates
#
# Each published figure is set beside the kit's number for the same period and basis where the
# kit's data allow it; where they do not, the table says so rather than compare unlike numbers.
# The kit's own benchmark on the US side applies the base-year share of US soybean exports
# that went to China to actual US exports (UN Comtrade, exporter-reported).

# %% tags=["remove-input"]
ship_cf = soy.value_at_prewar_share(soy.exporter_monthly(exporter, "United States", "China"),
                                    soy.exporter_monthly(exporter, "United States", "World"),
                                    (base_year,))


def kit_shortfall(benchmark, first, last):
    """Sum (USD bn), months with a value, and months in the span of a benchmark's shortfall."""
    s = benchmark["shortfall"].loc[first:last]
    return soy.usd_to_billions(s.sum()), int(s.count()), len(s)


ers_us, ers_n, ers_len = kit_shortfall(ship_cf, "2018-07-01", "2019-12-01")
ers_cif, cif_n, _ = kit_shortfall(frozen, "2018-07-01", "2019-12-01")
oce_us, oce_n, _ = kit_shortfall(ship_cf, "2018-01-01", "2018-12-01")
us_rate, cif_rate = ers_us / (ers_n / 12), ers_cif / (cif_n / 12)
scale_note = (f"the kit's benchmark keeps the US's {base_year} share of its own soybean exports, "
              "so it scales with US exports to the world, which the war itself lowered, and it "
              "leaves out months without a Comtrade row: a lower bound on this basis")
rows = [
    {"key": "morgan2022", "figure": references.published_figure(
        published, "USDA ERS ERR-304", "direct export losses, annualised", "soybeans"),
     "kit": f"{us_rate:.1f} USD bn per year on US-reported exports to China (FOB; {ers_n} of "
            f"{ers_len} months with a row); {cif_rate:.1f} on China's CIF arrival records",
     "why": "ERS: a gravity-model counterfactual for all retaliating partners; " + scale_note},
    {"key": "usda_oce2018", "figure": references.published_figure(
        published, "USDA OCE trade-damage estimate (basis of MFP 2018)",
        "soybean gross trade damage implied by MFP rate x production (derived)", "soybeans"),
     "kit": f"{oce_us:.1f} USD bn in 2018 on US-reported exports to China ({oce_n} of 12 months "
            "with a row)",
     "why": "USDA: a partial-equilibrium trade-damage model on 2017 trade, all destinations; "
            + scale_note},
    {"key": "morgan2022", "figure": references.published_figure(
        published, "USDA ERS ERR-304", "direct export losses, cumulative", "all agriculture",
        "US (to 6 retaliating partners)"),
     "kit": f"not the same quantity: the kit's {lost_frozen:.1f} USD bn ({span}) is soybeans to "
            "China only, on China's CIF records",
     "why": "all agricultural products and all retaliating partners against soybeans to China; "
            "a different period"},
    {"key": "grant2021", "figure": references.published_figure(
        published, "Grant et al. (2021), AEPP",
        "US agricultural export losses, annualised (range)", "all agriculture"),
     "kit": "not computed: the kit holds soybeans only",
     "why": "all agricultural products, monthly product-line gravity model"},
    {"key": "carter2020", "figure": references.published_figure(
        published, "Carter & Steinbach (2020), NBER WP 27147",
        "net loss: losses with retaliators minus gains with non-retaliators",
        "agriculture and food"),
     "kit": "not computed: the kit holds soybeans only",
     "why": "all agri-food trade, net of gains with countries that did not retaliate"},
    {"key": "adjemian2021", "figure": references.published_figure(
        published, "Adjemian, Smith & He (2021), Food Policy",
        "US Gulf soybean price effect of China's 25% tariff", "soybeans"),
     "kit": "not computed: the kit has no daily Gulf and Brazil price pair",
     "why": "a price effect, not a trade value"},
]
report.show_table(references.beside_table(rows, refs), "Beside published estimates")
ers = rows[0]["figure"]
brief.claim(f"On US export values, the kit's benchmark puts the soybean loss at USD {us_rate:.1f} "
            f"bn a year from mid-2018 to end-2019, below the USD {ers['value']} bn a year of "
            f"{refs.cite('morgan2022')} for soybeans on the same period and basis; on China's CIF "
            f"records it is USD {cif_rate:.1f} bn. The gap is the counterfactual: ERS's model "
            "asks what US exports would have been without retaliation, the kit's benchmark only "
            "what share of actual US exports China would have taken, and actual US exports fell "
            f"too. The kit's USD {lost_frozen:.1f} bn over {span} and ERS's USD 27 bn are "
            "different quantities (soybeans to China on China's records, against all "
            "agricultural exports to every retaliating partner).",
            holds=us_rate < float(ers["value"]) and ers["period"] == "mid-2018 to end-2019",
            basis="Comtrade US exports to China and the world, 2018-07..2019-12; published figure "
                  "from the kit's trade_war_damage_estimates table",
            datasets=["soybean_exports_by_exporter", "trade_war_damage_estimates"])


# %% [markdown]
# ## 5. Where prices fit

# %% tags=["remove-input"]
p = prices.pivot(index="date", columns="series_id", values="value")
frame_p = pd.DataFrame({"IMF soybeans": p["PSOYBUSDM"], "World Bank soybeans": p["WB_SOYBEANS"]}
                       ).loc["2015-01-01":]
fig, ax = charts.lines(frame_p, "Soybean prices: IMF series and World Bank Pink Sheet",
                       "USD per tonne", styles={"World Bank soybeans": {"ls": "--"}})
imf = frame_p["IMF soybeans"].dropna()
report.show_chart(fig, [prices, events], ax=ax, events=soy_events, max_labels=5,
                  note="Two different price series, not spliced.",
                  alt=f"IMF soybean price: {imf.loc['2018-05-01']:.0f} USD/t in May 2018, "
                      f"{imf.loc['2018-09-01']:.0f} in September 2018, peak {imf.max():.0f} in "
                      f"{imf.idxmax():%B %Y}.")
brief.claim(f"The IMF soybean price fell from {imf.loc['2018-05-01']:.0f} USD/t in May 2018 to "
            f"{imf.loc['2018-09-01']:.0f} in September 2018, around the retaliatory tariff.",
            holds=imf.loc["2018-09-01"] < imf.loc["2018-05-01"], basis="IMF monthly price",
            datasets=["commodity_prices"])

# %% [markdown]
# ## The US side of the trade

# %% tags=["remove-input"]
shipped = soy.exporter_monthly(exporter, "United States", "China")
shipped_world = soy.exporter_monthly(exporter, "United States", "World")
arrived = values["United States"]
side = pd.DataFrame({"shipped (US records, FOB)": shipped / 1e9,
                     "arrived (China's records, CIF)": arrived / 1e9}).loc[start:end]
fig, ax = charts.lines(side, "US soybeans to China: shipped and arrived", "USD bn per month",
                       styles={"arrived (China's records, CIF)": {"ls": "--"}})
lags = soy.arrival_lag(shipped, arrived)
best = lags.loc[lags["r"].idxmax()]
absent = shipped.index[shipped.isna()]
report.show_chart(fig, [exporter, long, zero_statements], ax=ax, events=soy_events,
                  max_labels=4,
                  note="Shipped: UN Comtrade, exporter-reported (US Census), month of export. "
                       "Arrived: China Customs, month of arrival, stated zeros included. Months "
                       "without a Comtrade row are gaps: "
                       + ", ".join(f"{d:%Y-%m}" for d in absent) + ".",
                  alt=f"Monthly US soybean exports to China as shipped and as arrived: the "
                      f"arrival line repeats the shipping line about {int(best['lag'])} months "
                      "later, both collapsing after mid-2018 and in 2025.")
report.show_table(lags, "Correlation of China's monthly arrivals with US shipments "
                  "n months earlier", decimals={"r": 2})
brief.claim(f"China's arrivals trail US shipments: the monthly arrival values correlate most "
            f"closely with shipments {int(best['lag'])} months earlier (r = {best['r']:.2f}, "
            f"n = {int(best['n'])}) against r = {lags.loc[0, 'r']:.2f} for the same month. A "
            "tariff that stops sales shows in US shipping data first and in China's customs data "
            "one to two months later, so China's arrivals in the months right after a step still "
            "carry beans sold before it.",
            holds=1 <= int(best["lag"]) <= 2 and best["r"] > lags.loc[0, "r"],
            basis="correlations of monthly values at lags 0-4, months both series have",
            datasets=["soybean_exports_by_exporter", "china_soybean_imports"])
share_world = (shipped / shipped_world).dropna()
by_year = pd.DataFrame({"shipped to China, USD bn": trade.annual(shipped)["value"] / 1e9,
                        "months": trade.annual(shipped)["months"],
                        "shipped to the world, USD bn": trade.annual(shipped_world)["value"] / 1e9,
                        "China's share of US soybean exports, %": 100 * trade.annual(
                            shipped.where(shipped_world.notna()))["value"]
                        / trade.annual(shipped_world.where(shipped.notna()))["value"]})
ship_labels = periods.row_labels(pd.DataFrame({"to China": shipped, "to the world": shipped_world}))
by_year = by_year.set_axis(ship_labels.loc[by_year.index]).rename_axis("year")
report.show_table(by_year, "US soybean exports by year, as the US reports them (UN Comtrade, "
                  "FOB; years with missing months are sums of the months with a row)",
                  index=True, decimals={"months": 0})


# %% [markdown]
# ## Substitution between origins: an Armington estimate
#
# **Method.** If Chinese buyers treat US and Brazilian soybeans as close but imperfect
# substitutes (a CES, or *Armington*, demand over origins), the ratio of the tonnes they buy
# from each follows
#
# $$\ln\frac{q_{US,m}}{q_{BR,m}} = a + \mu_{\mathrm{month}(m)} - \sigma\,\ln\frac{p_{US,m}\,(1+t_m)}{p_{BR,m}} + \varepsilon_m$$
#
# where $q$ is the tonnes each origin shipped to China in month $m$ (their ratio is the ratio of
# the two origins' shares of China's imports), $p$ each origin's unit value (USD per tonne),
# $t_m$ China's tariff on US soybeans that month (on the brief's tariff basis, a parameter),
# $\mu$ month-of-year effects for the two opposite harvest seasons, and $\sigma$ the elasticity
# of substitution: the percent fall of the US / Brazil tonnage ratio when the US
# tariff-inclusive price rises 1% against Brazil's. The basis is the exporters' own records
# (UN Comtrade: FOB values and net weights by month of export), not China's CIF arrival
# values. A unit value needs a reported weight, so months in which either origin's weight is
# blank or a Comtrade estimate are left out. OLS with Newey–West errors. Unit values respond to
# demand as well as cause it, so $\sigma$ here is a fitted relation, not a causal estimate.
#
# **Beside published values.** The published values the kit holds are the parameters of a
# global model, GCAM: calibrated to the Armington literature, not
# estimated from a sample, so they carry no interval of their own.

# %% tags=["remove-input"]
from helpers import armington

other_basis = "statutory" if tariff_basis == "waiver" else "waiver"


def monthly_tariff(basis):
    """China's tariff on US soybeans by month (percent) over the exporters' whole record."""
    return tariffs.to_monthly(tariffs.soybean_tariff_path(events, exporter["date"].min(), end,
                                                          basis=basis))


arm_frame = armington.armington_frame(exporter, monthly_tariff(tariff_basis)).loc[:end]
china_tonnes_from = qty_month.dropna(how="all").index.min()
brief.claim(f"China's monthly tonnes by origin in the kit begin in {china_tonnes_from:%B %Y}, "
            f"so the Armington relation is fitted on the exporters' records: "
            f"{len(arm_frame)} months from {arm_frame.index.min():%B %Y} to "
            f"{arm_frame.index.max():%B %Y} in which both the US and Brazil shipped soybeans to "
            "China with a reported (not estimated) weight.",
            holds=china_tonnes_from > pd.Timestamp("2019-12-01") and len(arm_frame) >= armington.MIN_N,
            basis="first month of China's monthly quantities; months kept by armington_frame",
            datasets=["china_soybean_imports", "soybean_exports_by_exporter"])
sigma = armington.sigma_row(arm_frame)
sigma_zero = models.includes_zero(sigma)
p_words = report.p_text(sigma["p_value"])
p_words = p_words if p_words.startswith("<") else f"= {p_words}"
sigma_text = (
    f"The elasticity of substitution between US and Brazilian soybeans in China is "
    f"{sigma['coef']:.1f} (95% CI {sigma['ci_low']:.1f} to {sigma['ci_high']:.1f}, "
    f"p {p_words}; n = {int(sigma['n'])} months, "
    f"{sigma['sample_start']:%Y-%m} to {sigma['sample_end']:%Y-%m}; FOB unit values, "
    f"{tariff_basis} tariff basis, month-of-year effects, {sigma['method']}). "
    + ("The CI includes zero: on these months the data cannot tell substitution from none, "
       "and the point estimate is a guide to size only."
       if sigma_zero else
       f"The CI excludes zero: a 1% rise of the US tariff-inclusive price against Brazil's "
       f"goes with a fall of the US / Brazil tonnage ratio of about {sigma['coef']:.1f}%."))
brief.claim(sigma_text, holds=int(sigma["n"]) >= armington.MIN_N
            and sigma_zero == (sigma["ci_low"] <= 0 <= sigma["ci_high"]),
            basis="OLS of the log tonnage ratio on the log tariff-inclusive price ratio, HAC",
            datasets=["soybean_exports_by_exporter", "tariff_events"])
arm_robust = armington.robustness(
    arm_frame, starts=["2020-01-01", "2021-01-01"], ends=["2021-12-01", "2022-12-01"],
    alternatives={f"{other_basis} tariff basis": armington.armington_frame(
        exporter, monthly_tariff(other_basis)).loc[:end],
        "tariff in force a month after shipment": armington.armington_frame(
        exporter, monthly_tariff(tariff_basis), tariff_lag_months=1).loc[:end]})
report.show_table(arm_robust.rename(columns={"coef": "sigma"}),
                  "Robustness of the Armington elasticity: later starts, earlier ends, the other "
                  "tariff basis, the tariff at arrival", decimals=2)
brief.claim(models.range_sentence(arm_robust, "").replace(" ;", ";"), holds=len(arm_robust) >= 4,
            basis="computed from the robustness table of at least four specifications",
            datasets=["soybean_exports_by_exporter", "tariff_events"])
elasticities = load("published_trade_elasticities")
international = ("Armington logit exponent, international: exporting regions competing to "
                 "supply the traded pool")
gcam_oil = references.published_figure(elasticities, "GCAM v5.4 documentation (JGCRI)",
                                       international, "oil crops")
gcam_soy = references.published_figure(elasticities, "GCAM input data (JGCRI gcam-core)",
                                       international, "soybeans")
kit_sigma = (f"sigma = {sigma['coef']:.1f} (95% CI {sigma['ci_low']:.1f} to "
             f"{sigma['ci_high']:.1f}; {int(sigma['n'])} months)")
report.show_table(references.beside_table([
    {"key": "jgcri_gcam_trade", "figure": gcam_oil, "kit": kit_sigma,
     "why": "theirs: a model parameter for every oil crop and region, calibrated to the "
            "Armington literature, no sample; the kit's: fitted on US and Brazilian exports to "
            "China alone. An exponent of -x reads as sigma = x"},
    {"key": "jgcri_gcam_core", "figure": gcam_soy, "kit": kit_sigma,
     "why": "theirs: the model's input for traded soybeans (one global pool of exporters; no "
            "second source checked); the kit's: China's purchases from two origins"}], refs),
    "Beside published parameters: the elasticity of substitution between origins")
published_sigmas = {"oil crops": armington.sigma_from_logit(gcam_oil),
                    "soybeans": armington.sigma_from_logit(gcam_soy)}
inside = {crop: sigma["ci_low"] <= s <= sigma["ci_high"] for crop, s in published_sigmas.items()}
brief.claim(
    f"In GCAM, a global model, exporting regions substitute for one another with an "
    f"elasticity of {published_sigmas['oil crops']:.2f} for oil crops, as its documentation "
    f"gives it, {refs.cite('jgcri_gcam_trade')}, and {published_sigmas['soybeans']:.0f} for "
    f"soybeans in its input data, {refs.cite('jgcri_gcam_core')}: parameters calibrated to "
    "the Armington literature rather than estimated. "
    + ("Both lie inside the kit's 95% CI: these months cannot tell the kit's estimate from the "
       "model's setting." if all(inside.values()) else
       "Neither lies inside the kit's 95% CI." if not any(inside.values()) else
       "Only the " + next(c for c, i in inside.items() if i) + " value lies inside the kit's "
       "95% CI."),
    holds=all("not an estimate" in fig["basis"] for fig in (gcam_oil, gcam_soy)),
    basis="published_trade_elasticities: each row's basis says calibrated, not estimated; "
          "logit exponents read as sigma (armington.sigma_from_logit); the CI above",
    datasets=["published_trade_elasticities", "soybean_exports_by_exporter"])

# %% [markdown]
# ### Who bore the tariff: the US export price against Brazil's
#
# China's tariff is paid on arrival in China, so it is not in either origin's FOB export value.
# If Chinese buyers paid all of it, the US FOB unit value would keep its ratio to Brazil's; if
# US sellers bore all of it, the ratio would fall to $1/(1+\Delta t)$ of its level before the
# step ($\Delta t$ the step, as a fraction). The table compares the months before China's first
# tariff step with the months after it in which both origins have a reported weight.

# %% tags=["remove-input"]
first_step = soy.tariff_steps(tariffs.soybean_tariff_path(
    events, exporter["date"].min(), end, basis=tariff_basis)).iloc[0]
step_month = first_step["month"]
gap = armington.price_gap(arm_frame,
                          (step_month - pd.DateOffset(months=6), step_month - pd.DateOffset(months=1)),
                          (step_month, step_month + pd.DateOffset(months=5)))
report.show_table(armington.gap_display(gap),
                  f"US and Brazilian soybean export unit values to China (FOB), six months "
                  f"before and after the {first_step['date']:%B %Y} step", index=True,
                  decimals={"months": 0, "US / Brazil": 3, "gap, USD/bu": 2})
borne = armington.sellers_share(gap, first_step["rise"])
ratio_fall = 100 * (1 - gap.loc["after", "US / Brazil"] / gap.loc["before", "US / Brazil"])
gap_change = float(gap.loc["after", "gap, USD/bu"] - gap.loc["before", "gap, USD/bu"])
after_months = int(gap.loc["after", "months"])
brief.claim(
    f"On the exporters' FOB records, the US unit value stood at "
    f"{100 * gap.loc['before', 'US / Brazil']:.1f}% of Brazil's in the six months before "
    f"China's {first_step['rise']:.0f}-point step of {first_step['date']:%B %Y} and at "
    f"{100 * gap.loc['after', 'US / Brazil']:.1f}% in the {after_months} months after it with "
    f"a reported weight: a fall of {ratio_fall:.1f}%, about {100 * borne:.0f}% of the fall that "
    "would mean US sellers bore the whole tariff. Read this way, Chinese buyers paid most of "
    "the tariff in those months; the reading assumes nothing else moved the two prices apart "
    "(the windows cover different parts of the two harvest seasons, and unit values mix "
    "qualities).",
    holds=0 < borne < 0.5 and after_months >= 3,
    basis="FOB unit values by month, mean over each window; armington.sellers_share",
    datasets=["soybean_exports_by_exporter", "tariff_events"])
adjemian = references.published_figure(published, "Adjemian, Smith & He (2021), Food Policy",
                                       "US Gulf soybean price effect of China's 25% tariff",
                                       "soybeans")
report.show_table(references.beside_table([{
    "key": "adjemian2021", "figure": adjemian,
    "kit": f"{gap_change:+.2f} USD/bu: change of the US minus Brazil FOB unit-value gap, "
           f"{after_months} months after against six before",
    "why": "theirs: the US Gulf price against its no-tariff path (daily prices, relative price "
           "of a substitute); the kit's: the gap between two origins' average export unit "
           "values, before against after, with no counterfactual"}], refs),
    "Beside published estimates: the tariff's incidence")
brief.claim(f"{refs.cite('adjemian2021')} put the tariff's effect on the US Gulf price at "
            f"{float(adjemian['value']):.2f} USD/bu over {adjemian['period']}; in the same months "
            f"the US minus Brazil FOB unit-value gap changed by {gap_change:+.2f} USD/bu. Both "
            "say the US price fell against the market; they measure different things (a price "
            "against its no-tariff path, against a gap between two origins' average export "
            "values), so they agree in direction and rough size, not to the cent.",
            holds=float(adjemian["value"]) < 0 and gap_change < 0
            and 0.25 < gap_change / float(adjemian["value"]) < 4,
            basis="published figure from the kit's trade_war_damage_estimates table; the gap above",
            datasets=["soybean_exports_by_exporter", "trade_war_damage_estimates"])

# %% [markdown] tags=["exercise"]
# ## Exercises
#
# Each exercise asks for a number, and some also for a reading (a choice among stated readings). Compute each in the cell below the question, then run `teach.check_answer(...)`: it says whether your answer matches the reference computed from the same data, without showing the reference. Exercises run from easy to hard.
#
# ### Exercise 1 (easy): Marketing years
#
# Using China's monthly import values (with the stated zero), by how many points did the US
# share of China's soybean import value change from marketing year 2017/18 to 2023/24
# (September to August)? Check that both years are complete.
#
# **Compute:** the 2023/24 share minus the 2017/18 share (`soy.by_marketing_year`).
# **Unit:** percentage points.

# %% tags=["solution"]
from helpers import teach

### BEGIN SOLUTION
my = soy.by_marketing_year(values)
assert my.loc[["my_2017_18", "my_2023_24"], "complete"].all()
my_share = 100 * my["United States"] / my["World"]
answer = my_share["my_2023_24"] - my_share["my_2017_18"]
### END SOLUTION
teach.check_answer("03_my_share_change", answer)

# %% [markdown] tags=["exercise"]
# ### Exercise 2 (medium): Values instead of quantities
#
# The 2017-to-2018 drop in the US share is usually quoted from published quantity shares.
# Recompute it with China's customs values, starting from the loaded table `values`: sum the
# US and World values by calendar year (2018-11 has no US customs row but a cited source
# states zero, so it counts as zero; a month with neither would be left out of both sums).
#
# **Compute:** value share 2018 minus value share 2017. **Unit:** percentage points.
#
# **Then choose** (second cell, `answer = "value"`, `"quantity"` or `"same"`), against the
# published quantity shares (`shares_a`, whole points): (value) the drop by value is larger,
# by more than 2 points; (quantity) the drop by quantity is larger, by more than 2 points;
# (same) the two drops are within 2 points of each other. What would make the two differ?

# %% tags=["solution"]
### BEGIN SOLUTION
both = values[["United States", "World"]].dropna()
by_year = both.groupby(both.index.year).sum()
value_share_year = 100 * by_year["United States"] / by_year["World"]
answer = answer_value_drop = value_share_year[2018] - value_share_year[2017]
quantity_drop = shares_a.loc[2018, "United States"] - shares_a.loc[2017, "United States"]
print(f"by value {answer:+.1f} points; by quantity (published, rounded) {quantity_drop:+.0f} points")
### END SOLUTION
teach.check_answer("03_value_share_drop_2018", answer)

# %% tags=["solution"]
### BEGIN SOLUTION
# Model answer: the quantity shares are published rounded to whole points, so a gap of up to
# about a point is rounding. A value share that falls more than the quantity share means the
# US beans China still bought were cheaper per tonne than the average origin's.
gap = answer_value_drop - quantity_drop
answer = "same" if abs(gap) <= 2 else "value" if gap < 0 else "quantity"
### END SOLUTION
teach.check_answer("03_value_quantity_reading", answer)

# %% [markdown] tags=["exercise"]
# ### Exercise 3 (medium): Who bore the tariff?
#
# China's customs values are recorded before China's tariff (CIF at its border). If Chinese
# buyers paid the whole 25-point retaliatory tariff of July 2018, the price US sellers
# received would not move against Brazil's; if US sellers bore all of it, the US price would
# fall to 1/1.25 = 80% of its old ratio to Brazil's (further, for the step of September 2019 in
# the table above). Start from the loaded long table `long` (`load("china_soybean_imports")`: one row per
# `period`, `freq`, `partner` and `measure`): annual quantities are the rows with `measure`
# `quantity_kg` and `freq` `year` (kg, TDM), customs values the rows with `measure` `value_usd`
# and `freq` `month` (USD, GACC; add up the months of each year). Compute each origin's unit value
# (USD per tonne) in 2017 and in 2019, the first full calendar year under the tariff, and the
# change of the US / Brazil ratio.
#
# **Compute:** 100 × (ratio 2019 / ratio 2017 − 1). **Unit:** %.
#
# **Then choose** (second cell, `answer = "a"`, `"b"` or `"c"`): (a) the US price fell against
# Brazil's by 20% or more: US sellers bore the tariff; (b) the US price fell against Brazil's by
# less than 20%: the tariff was shared; (c) the US price did not fall against Brazil's: Chinese
# buyers bore the tariff. Which caveats of unit values (quality, season, freight, tariff
# exclusions) could change your reading?

# %% tags=["solution"]
### BEGIN SOLUTION
rows = long[long["partner"].isin(["United States", "Brazil"])].assign(year=long["period"].dt.year)
tonnes = rows[(rows["measure"] == "quantity_kg") & (rows["freq"] == "year")].pivot_table(
    index="year", columns="partner", values="value", aggfunc="sum") / 1000
usd = rows[(rows["measure"] == "value_usd") & (rows["freq"] == "month")].pivot_table(
    index="year", columns="partner", values="value", aggfunc="sum")
unit_value = (usd / tonnes).loc[[2017, 2019], ["United States", "Brazil"]]
uv_ratio = unit_value["United States"] / unit_value["Brazil"]
answer = uv_change = 100 * (uv_ratio[2019] / uv_ratio[2017] - 1)
print(unit_value.round(0).assign(ratio=uv_ratio.round(3)))
### END SOLUTION
teach.check_answer("03_uv_ratio_change_2019", answer)

# %% tags=["solution"]
### BEGIN SOLUTION
# Model answer: the tariff is not in customs values, so a fall of the US price against Brazil's
# is the part US sellers absorbed; a fall short of 20% means the tariff was shared. Unit values
# mix qualities and seasons, CIF includes freight, and cargoes under the 2019 exclusions paid
# no tariff, so the fall understates what the full tariff alone would have done.
answer = "a" if uv_change <= -20 else "b" if uv_change < 0 else "c"
### END SOLUTION
teach.check_answer("03_incidence_reading", answer)

# %% [markdown] tags=["exercise"]
# ### Exercise 4 (hard): A lagged dependent variable
#
# Shares move slowly: add last month's US share to the regression,
# `us_share ~ tariff + us_share_lag + trend + C(month)` (HAC errors, `models.fit_hac`).
# With $\rho$ the coefficient on the lag and $\beta$ on the tariff, a permanent one-point
# tariff rise moves the share by $\beta/(1-\rho)$ in the long run. Compute it and compare
# with the static estimate. (A month after a missing month has no lag and drops out.)
#
# **Compute:** the long-run effect $\beta/(1-\rho)$. **Unit:** points of share per
# percentage point of tariff.

# %% tags=["solution"]
### BEGIN SOLUTION
ldv = frame.assign(us_share_lag=frame["us_share"].shift(1))
ldv_fit = models.fit_hac("us_share ~ tariff + us_share_lag + trend + C(month)", ldv)
beta, rho = ldv_fit.params["tariff"], ldv_fit.params["us_share_lag"]
answer = beta / (1 - rho)
print(f"short run {beta:.3f}, rho {rho:.2f}, long run {answer:.3f}; static {us_row['coef']:.3f}")
### END SOLUTION
teach.check_answer("03_ldv_long_run", answer)

# %% [markdown]
# ## What this does and doesn't show
#
# - China's customs values and TDM quantities are China's records (CIF import values, by
#   arrival month); US export statistics (F.A.S. values, by shipment month) differ by
#   freight, timing and reporting.
# - Gaps are gaps: the kit never writes a zero the source did not state.
# - The regressions describe how the US share moved with the tariff; they do not isolate the
#   tariff's effect from swine fever, Phase One purchases or Brazil's harvests.

# %% [markdown]
# ## Appendix: references

# %% tags=["remove-input"]
display(Markdown(refs.markdown()))
